// One synthetic article: a pure function of (world, index). The event it reports is drawn first
// (kind, cities, date, who took part); the text is then written from sentence templates in the
// genre of the seed article, wrapped in the chrome real sites add (title, date/source line, menus,
// footer). A few articles re-report an earlier article's event from another publisher, so
// resolution has duplicate events and differently worded mentions to merge.
import { shortName, writeName } from './names.ts';
import { Random } from './random.ts';
import { HOME_BUREAUS, type City, type Company, type Organization, type Person, type World } from './world.ts';
import { filler } from './filler.ts';
import { wrapInChrome } from './chrome.ts';

export const EVENT_KINDS = ['exchange-day', 'mayor-visit', 'delegation', 'signing', 'forum', 'exhibition'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface EventSpec {
  index: number;
  kind: EventKind;
  home: City;
  partner: City;
  since: number;
  /** Further partner cities (forums gather several). */
  others: City[];
  date: Date;
  published: Date;
  companies: Company[];
  organizations: Organization[];
  bureaus: string[];
}

export interface GeneratedArticle {
  index: number;
  slug: string;
  text: string;
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2014, 0, 1);
const LAST_DAY = Date.UTC(2025, 11, 31);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

export function eventSpec(world: World, index: number): EventSpec {
  const random = Random.of(world.seed, 'event', index);
  const kind = random.pick(EVENT_KINDS);
  const partner = world.drawPartner(random);
  const { city: home, since } = world.sisterCity(partner);
  const published = new Date(FIRST_DAY + random.int(0, (LAST_DAY - FIRST_DAY) / DAY_MS) * DAY_MS);
  const date = new Date(published.getTime() - random.int(0, 9) * DAY_MS);
  const others: City[] = [];
  if (kind === 'forum' || kind === 'exhibition') {
    for (let i = random.int(1, 3); i > 0; i--) {
      const other = world.drawPartner(random);
      if (other !== partner && !others.includes(other)) others.push(other);
    }
  }
  const companies: Company[] = [];
  for (let i = random.int(1, 4); i > 0; i--) {
    const c = world.drawCompany(random);
    if (!companies.some((x) => x.name === c.name)) companies.push(c);
  }
  const organizations: Organization[] = [];
  for (let i = random.int(0, 3); i > 0; i--) {
    const o = world.drawOrganization(random);
    if (!organizations.some((x) => x.name === o.name)) organizations.push(o);
  }
  const bureaus = random.sample(HOME_BUREAUS, random.int(1, 4));
  return { index, kind, home, partner, since, others, date, published, companies, organizations, bureaus };
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

function dayPhrase(d: Date, random: Random): string {
  const month = MONTHS[d.getUTCMonth()]!;
  const day = d.getUTCDate();
  return random.pick([`${month} ${ordinal(day)}`, `${month} ${day}`, `${day} ${month}`]);
}

/** "Name, Title" becomes "Name, Title," so the clause that follows reads as in the genre. */
function ap(mention: string): string {
  return mention.includes(', ') ? `${mention},` : mention;
}

/**
 * People listed with their titles: "A, Mayor of X, B, Consul General of Y, and C, Title," before a
 * verb; without the closing comma at the end of a sentence.
 */
function people(items: string[], endsSentence = false): string {
  const last = endsSentence ? (items.at(-1) ?? '') : ap(items.at(-1) ?? '');
  if (items.length <= 1) return last;
  return `${items.slice(0, -1).map((x) => `${x},`).join(' ')} and ${last}`;
}

function list(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60);
}

/** Writes people the way releases do: "Name, Title," or "City Mayor Name". */
class Writer {
  constructor(
    readonly world: World,
    readonly spec: EventSpec,
    readonly random: Random,
  ) {}

  name(p: Person): string {
    return writeName(p.name, this.random);
  }

  withTitle(p: Person, title: string, shortTitle?: string): string {
    if (shortTitle && this.random.chance(0.35)) return `${shortTitle} ${this.name(p)}`;
    return `${this.name(p)}, ${title}`;
  }

  homeOffice(): string {
    const h = this.spec.home.name;
    return this.random.pick([
      `${h} Foreign Affairs Office`,
      `${h} Foreign Affairs Office (${h} People's Association for Friendship with Foreign Countries)`,
      `${h} FAO`,
    ]);
  }

  homeGovernment(): string {
    return `${this.spec.home.name} Municipal People's Government`;
  }

  partnerGovernment(city: City): string {
    return this.random.pick([`${city.name} Municipal Government`, `${city.name} City Government`, `City of ${city.name}`]);
  }

  partnerDepartment(city: City): string {
    return `${city.name} ${this.random.pick(['Port Department', 'International Exchange Division', 'City Council', 'Tourism Bureau', 'Department of Economic Affairs'])}`;
  }

  consulate(): string | null {
    const { home, partner } = this.spec;
    if (!this.world.hasConsulate(home)) return null;
    return this.random.chance(0.5)
      ? `the Consulate General of ${partner.country.name} in ${home.name}`
      : `the ${partner.country.demonym} Consulate General in ${home.name}`;
  }

  homeMayor(): string {
    const { home, date } = this.spec;
    const p = this.world.mayor(home, date.getUTCFullYear());
    return this.withTitle(
      p,
      this.random.pick([`Mayor of ${home.name}`, `Deputy Secretary of the CPC ${home.name} Municipal Committee and Mayor`]),
      `${home.name} Mayor`,
    );
  }

  partnerMayor(city: City): string {
    const p = this.world.mayor(city, this.spec.date.getUTCFullYear());
    return this.withTitle(p, this.random.pick([`Mayor of ${city.name}`, `Mayor of ${city.name} City`]), `${city.name} Mayor`);
  }

  homeDeputy(seat = 0): string {
    const { home, date } = this.spec;
    return this.withTitle(this.world.deputyMayor(home, date.getUTCFullYear(), seat), `Deputy Mayor of ${home.name}`, 'Deputy Mayor');
  }

  partnerDeputy(city: City): string {
    return this.withTitle(this.world.deputyMayor(city, this.spec.date.getUTCFullYear(), 0), `Deputy Mayor of ${city.name}`);
  }

  director(): string {
    const { home, date } = this.spec;
    return this.withTitle(this.world.faoDirector(home, date.getUTCFullYear()), `Director of the ${home.name} Foreign Affairs Office`);
  }

  consul(): string | null {
    const office = this.consulate();
    if (!office) return null;
    const { home, partner, date } = this.spec;
    return `${this.name(this.world.consulGeneral(partner.country, home, date.getUTCFullYear()))}, Consul General of ${office}`;
  }

  chair(c: Company): string {
    const title = this.random.pick(['Chairman', 'President', 'General Manager']);
    return `${this.name(this.world.companyChair(c, this.spec.date.getUTCFullYear()))}, ${title} of ${c.name}`;
  }

  head(o: Organization): string {
    const title = /School/.test(o.name) ? 'Principal' : this.random.pick(['President', 'Chairman', 'Secretary-General']);
    return `${this.name(this.world.organizationHead(o, this.spec.date.getUTCFullYear()))}, ${title} of ${o.name}`;
  }
}

function eventName(spec: EventSpec, random: Random): string {
  const h = spec.home.name;
  const p = spec.partner.name;
  const year = spec.date.getUTCFullYear();
  switch (spec.kind) {
    case 'exchange-day':
      return random.pick([
        `"Hello, ${h}" International Sister City (${h}-${p}) Mayor Exchange Day`,
        `${h}-${p} Sister City Exchange Day`,
        `${year} ${h}-${p} Friendship Exchange Day`,
      ]);
    case 'mayor-visit':
      return `visit of the ${p} delegation to ${h}`;
    case 'delegation':
      return `visit of the ${h} delegation to ${p}`;
    case 'signing':
      return random.pick([
        `Signing Ceremony of the Friendship Cooperation Agreement between ${h} and ${p}`,
        `${h}-${p} Cooperation Memorandum Signing Ceremony`,
      ]);
    case 'forum':
      return random.pick([
        `${year} ${h}-${spec.partner.country.demonym} Economic and Trade Cooperation Forum`,
        `${h} International Sister Cities Forum`,
        `China-${spec.partner.country.name.replace(/^the /, '')} Local Government Cooperation Forum (${h})`,
      ]);
    case 'exhibition':
      return random.pick([
        `${h}-${p} Youth Painting Works Exchange Exhibition`,
        `${spec.partner.country.demonym} Culture Week in ${h}`,
        `${p} Photography Exhibition`,
      ]);
  }
}

function title(spec: EventSpec, name: string, w: Writer): string {
  const h = spec.home.name;
  const p = spec.partner.name;
  switch (spec.kind) {
    case 'exchange-day':
      return `${name} Event Successfully Held`;
    case 'mayor-visit':
      return w.random.pick([`Mayor of ${p} Leads Delegation to ${h}`, `${h} Mayor Meets with ${p} Delegation`, `${p} Delegation Visits ${h}`]);
    case 'delegation':
      return w.random.pick([`${h} Delegation Visits ${p}`, `${h} Government Delegation Pays Friendly Visit to ${p}, ${spec.partner.country.name.replace(/^the /, '')}`]);
    case 'signing':
      return w.random.pick([`${h} and ${p} Sign Friendship Cooperation Agreement`, `${name} Held in ${h}`]);
    case 'forum':
      return `${name} Held`;
    case 'exhibition':
      return w.random.pick([`${name} Opens`, `${name} Kicks Off in ${h}`]);
  }
}

function body(spec: EventSpec, name: string, w: Writer): string[] {
  const r = w.random;
  const h = spec.home.name;
  const p = spec.partner.name;
  const when = dayPhrase(spec.date, r);
  const part = r.pick(['morning', 'afternoon', 'evening']);
  const paragraphs: string[] = [];

  const host = `${w.homeGovernment()} and the ${w.partnerGovernment(spec.partner)}`;
  const organizers = `the ${w.homeOffice()} and the ${w.partnerDepartment(spec.partner)}`;
  const attendees: string[] = [];
  const consul = w.consul();
  if (consul && r.chance(0.7)) attendees.push(consul);

  switch (spec.kind) {
    case 'exchange-day':
    case 'forum':
    case 'exhibition': {
      const venue = spec.kind === 'exhibition' && r.chance(0.3) ? p : h;
      paragraphs.push(
        r.pick([
          `The ${name} was successfully held in ${venue} on ${when}.`,
          `On ${when}, the ${name} was held in ${venue}.`,
          `In order to deepen friendly exchanges with sister cities, the ${name} opened in ${venue} on ${when}.`,
        ]) + ' ' + filler(r, 1),
      );
      paragraphs.push(
        `On the ${part} of ${when}, ${ap(w.homeMayor())} met with ${r.pick(['the delegation led by ', ''])}${w.partnerMayor(spec.partner)}. ` +
          `${r.pick(['Both sides', 'The two sides'])} exchanged views on ${r.pick(['economic and trade cooperation', 'cultural tourism', 'youth exchanges', 'port logistics', 'elderly care'])}. ` +
          filler(r, 2),
      );
      const speakers = [w.partnerMayor(spec.partner), w.homeDeputy(0)];
      for (const other of spec.others) speakers.push(r.chance(0.5) ? w.partnerMayor(other) : w.partnerDeputy(other));
      for (const o of spec.organizations.slice(0, 2)) speakers.push(w.head(o));
      attendees.push(...speakers);
      paragraphs.push(
        `This event is ${r.pick(['jointly hosted', 'co-hosted'])} by the ${host}, and ${r.pick(['jointly organized', 'organized'])} by ${organizers}. ` +
          `${people(attendees)} attended the event and delivered speeches. ` +
          (spec.companies.length > 0
            ? `Representatives from ${list(spec.companies.map((c) => c.name))} ${r.pick(['respectively made presentations', 'gave presentations on their projects'])}. `
            : '') +
          `Relevant ${r.pick(['department leaders', 'officials'])} from ${list(spec.bureaus.map((b) => `${h} Municipal ${b}`))} attended the event.`,
      );
      break;
    }
    case 'mayor-visit': {
      const visitor = w.partnerMayor(spec.partner);
      paragraphs.push(
        `From ${when}, a delegation led by ${visitor} paid a ${r.pick(['friendly', 'working', 'three-day'])} visit to ${h}. ` + filler(r, 1),
      );
      paragraphs.push(
        `On the ${part} of ${when}, ${ap(w.homeMayor())} met with the delegation. ${r.pick(['He', 'The mayor'])} said that ${h} attaches great importance to its friendship with ${p}. ` +
          filler(r, 2),
      );
      const tour = spec.companies.slice(0, 2).map((c) => c.name);
      if (tour.length > 0) paragraphs.push(`During the visit, the delegation toured ${list(tour)} and held talks with ${w.chair(spec.companies[0]!)}. ${filler(r, 1)}`);
      paragraphs.push(`${ap(w.director())} ${r.pick(['accompanied the visit', 'attended the meeting'])}${consul ? `, together with ${consul}` : ''}.`);
      break;
    }
    case 'delegation': {
      paragraphs.push(
        `From ${when}, a ${h} government delegation led by ${w.homeDeputy(r.int(0, 2))} visited ${p}, ${spec.partner.country.name.replace(/^the /, '')}, at the invitation of the ${w.partnerGovernment(spec.partner)}. ` +
          filler(r, 1),
      );
      paragraphs.push(
        `During the visit, the delegation met with ${people([w.partnerMayor(spec.partner), w.partnerDeputy(spec.partner)], true)}. ` + filler(r, 2),
      );
      if (spec.organizations.length > 0) {
        paragraphs.push(`The delegation also visited ${list(spec.organizations.map((o) => o.name))}, where ${ap(w.head(spec.organizations[0]!))} introduced its exchange programmes.`);
      }
      break;
    }
    case 'signing': {
      paragraphs.push(
        `On ${when}, the ${name} was held in ${h}. ${people([w.homeMayor(), w.partnerMayor(spec.partner)])} signed the agreement on behalf of the two cities. ` +
          filler(r, 1),
      );
      paragraphs.push(
        `The ceremony was hosted by the ${w.homeOffice()}. ${people([...attendees, w.director()])} attended the ceremony. ` +
          (spec.companies.length > 0 ? `Representatives of ${list(spec.companies.map((c) => c.name))} also attended. ` : '') +
          filler(r, 1),
      );
      break;
    }
  }

  const former = w.world.formerMayor(spec.partner, spec.date.getUTCFullYear());
  paragraphs.push(
    r.pick([
      `Since the establishment of sister city relations in ${spec.since}, ${h} and ${p} have achieved fruitful exchanges and cooperation in various fields.`,
      `${h} and ${p} became sister cities in ${spec.since}, and the friendly relationship between the two cities has been continuously deepening.`,
      `Since the twinning of ${h} and ${p} in ${spec.since}, there have been frequent interactions between the two cities at various levels.`,
    ]) +
      (r.chance(0.4)
        ? ` Former ${p} Mayor ${writeName(former.name, r)} has led a delegation to visit ${h} ${r.pick(['twice', 'three times', 'four times', 'seven times', 'many times'])}.`
        : '') +
      ' ' + filler(r, r.int(1, 3)),
  );
  for (let i = r.int(1, 3); i > 0; i--) paragraphs.push(filler(r, r.int(3, 6)));

  const sisters = [spec.partner, ...spec.others, ...w.world.partners.slice(0, 40).filter(() => r.chance(0.05))]
    .slice(0, 5)
    .map((c) => (r.chance(0.3) ? `${c.name} (${c.country.name.replace(/^the /, '')})` : c.name));
  paragraphs.push(
    `${h} FAO will further explore the resources of sister cities and promote exchanges with sister cities such as ${list(sisters)}. ` +
      `Mayor ${shortName(w.world.mayor(spec.home, spec.date.getUTCFullYear()).name, r)} expressed the hope that the two cities would ${r.pick(['write a new chapter of friendship', 'achieve mutual benefit and win-win results', 'bring their cooperation to a higher level'])}.`,
  );
  return paragraphs;
}

export function generateArticle(world: World, index: number): GeneratedArticle {
  const random = Random.of(world.seed, 'text', index);
  // About one article in twenty-five reports an event another article already covered.
  const reReport = index > 0 && random.chance(0.04);
  const spec = eventSpec(world, reReport ? index - random.int(1, Math.min(50, index)) : index);
  if (reReport) spec.published = new Date(spec.date.getTime() + random.int(1, 12) * DAY_MS);
  const w = new Writer(world, spec, random);
  const name = eventName(spec, Random.of(world.seed, 'event-name', spec.index));
  const head = title(spec, name, w);
  const publisher = reReport && random.chance(0.5) ? `${spec.home.name} Municipal People's Government` : `${spec.home.name} Foreign Affairs Office`;
  const text = wrapInChrome({ title: head, published: isoDay(spec.published), publisher, home: spec.home, paragraphs: body(spec, name, w), random });
  return { index, slug: slugify(head), text };
}
