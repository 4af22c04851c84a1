// Mentions: the names in a sentence, typed. One pass over the tokens groups capitalised words into
// proper-noun phrases (with the connectors names use: "of", "for", "&", "Co., Ltd", a quoted part, a
// parenthesised part), then each phrase is read from its parts: a title and a name (Mayor Lyu Zhicheng,
// Daejeon Mayor Kwon Sun-taik), a title with "of" (Mayor of Foshan), a head noun (… Bureau, … Co., Ltd,
// … University, … Festival), or a place the gazetteer knows. Phrases nothing explains stay 'Unknown';
// the relation patterns decide what they are from their context.
import type { EntityLabel } from '../graph/model.ts';
import { BoundedCache } from './bounded-cache.ts';
import { singular } from './inflection.ts';
import { classifyPlace, countryCode, findCitiesBySpelling, isCommonWord } from './gazetteer.ts';
import {
  COMPANY_HEAD, EVENT_HEAD, HONORIFICS, MAX_TITLE_WORDS, NOT_NAME_WORDS, OFFICE_HEAD, ORGANIZATION_HEAD,
  PUBLIC_MARKERS, singleSpace, TITLES, VENUE_HEAD, WEAK_TITLES, type OrgLabel,
} from './names.ts';

/** What a mention names: an entity of the model, or a word group extraction reads but never stores. */
export type MentionKind = EntityLabel | 'Title' | 'Place' | 'Venue' | 'Unknown' | 'Date';

export interface Mention {
  kind: MentionKind;
  /** surface text as written */
  text: string;
  /** cleaned name: no leading "the", no honorifics or titles, no possessive */
  name: string;
  /** offsets in the sentence text */
  start: number;
  end: number;
  /** Person: title written with the name; Title: the title itself (lower case) */
  title?: string;
  former?: boolean;
  /** text before the title inside the phrase ("Daejeon" in "Daejeon Mayor Kwon") */
  titlePrefix?: string;
  plural?: boolean;
  possessive?: boolean;
  /** Place: ISO country when the place is a country, region or demonym */
  country?: string | null;
  /** Place: 'country' | 'region' | 'demonym' */
  placeKind?: string;
  /** Date */
  date?: string;
  /** the number of words of the name */
  words: number;
  /** the rule kept as data that typed this mention (the rules report credits it) */
  typedBy?: string;
}

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: 'word' | 'num' | 'punct';
}

const ABBREVIATIONS = new Set([
  'co', 'ltd', 'inc', 'corp', 'jr', 'sr', 'dr', 'mr', 'mrs', 'ms', 'st', 'no', 'prof', 'gov', 'sen', 'rep',
  'hon', 'cllr', 'cr', 'messrs', 'mt', 'bros', 'plc', 'llc', 'vs', 'dept', 'univ', 'assn', 'intl', 'int',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'lt', 'gen', 'col',
  'supt', 'insp', 'cllr', 'colr', 'ald', 'atty', 'engr', 'capt', 'sgt',
]);

// words (with inner apostrophes and hyphens), numbers (with ordinals), single punctuation marks
const TOKEN_RE = /([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*)|(\p{N}+(?:[.,:]\p{N}+)*(?:st|nd|rd|th|s)?)|[^\s\p{L}\p{N}]/uy;
const DOTTED = /(?:\p{L}\.){2,}/uy;
const SPACE = /\s/;

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAsciiDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiAlnum = (c: number) => isAsciiLetter(c) || isAsciiDigit(c);

interface RawToken {
  index: number;
  end: number;
  kind: Token['kind'];
}

// The token being read, filled in place: one object per token would be ~30 KB of garbage an article.
const raw: RawToken = { index: 0, end: 0, kind: 'word' };
const setRaw = (index: number, end: number, kind: Token['kind']): true => {
  raw.index = index;
  raw.end = end;
  raw.kind = kind;
  return true;
};

/** Reads into `raw` the ASCII token at `i` as TOKEN_RE reads it; false when a character past ASCII could change it. */
function asciiToken(text: string, i: number): boolean {
  const n = text.length;
  const c = text.charCodeAt(i);
  let j = i + 1;
  if (isAsciiLetter(c)) {
    for (;;) {
      while (j < n && isAsciiAlnum(text.charCodeAt(j))) j++;
      const d = text.charCodeAt(j);
      if ((d === 39 || d === 45) && j + 1 < n && isAsciiAlnum(text.charCodeAt(j + 1))) j += 2;
      else if (d > 127 || ((d === 39 || d === 45) && text.charCodeAt(j + 1) > 127)) return false;
      else return setRaw(i, j, 'word');
    }
  }
  if (isAsciiDigit(c)) {
    for (;;) {
      while (j < n && isAsciiDigit(text.charCodeAt(j))) j++;
      const d = text.charCodeAt(j);
      if ((d === 46 || d === 44 || d === 58) && isAsciiDigit(text.charCodeAt(j + 1))) j += 2;
      else if (d > 127 || ((d === 46 || d === 44 || d === 58) && text.charCodeAt(j + 1) > 127)) return false;
      else break;
    }
    const suffix = text.slice(j, j + 2);
    if (suffix === 'st' || suffix === 'nd' || suffix === 'rd' || suffix === 'th') j += 2;
    else if (text.charCodeAt(j) === 115 /* s */) j++;
    return setRaw(i, j, 'num');
  }
  return setRaw(i, j, 'punct');
}

/** Reads into `raw` the next token from `from` on: ASCII by hand (most of the text), the rest by TOKEN_RE; false at the end. */
function nextToken(text: string, from: number): boolean {
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      i++;
      continue;
    }
    if (c > 127 && SPACE.test(text[i]!)) {
      i++;
      continue;
    }
    if (c <= 127 && asciiToken(text, i)) return true;
    TOKEN_RE.lastIndex = i;
    const m = TOKEN_RE.exec(text)!;
    return setRaw(i, i + m[0].length, m[1] !== undefined ? 'word' : m[2] !== undefined ? 'num' : 'punct');
  }
  return false;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (nextToken(text, pos)) {
    const start = raw.index;
    let end = raw.end;
    let t = text.slice(start, end);
    const kind = raw.kind;
    pos = end;
    if (kind === 'word' && text.charCodeAt(end) === 46 /* . */) {
      // dotted acronyms: U.S., P.R.C.
      if (t.length === 1) {
        DOTTED.lastIndex = start;
        const d = DOTTED.exec(text);
        if (d) {
          t = d[0];
          end = start + t.length;
          pos = end;
          tokens.push({ text: t, start: start, end, kind });
          continue;
        }
      }
      // "Saudi-U.S. Parliamentary Friendship Committee", "Japan-U.S.": a dotted acronym after a hyphen stays in the word
      if (HYPHEN_CAPITAL.test(t)) {
        DOTTED.lastIndex = end - 1;
        const d = DOTTED.exec(text);
        if (d) {
          end = end - 1 + d[0].length;
          t = text.slice(start, end);
          pos = end;
          tokens.push({ text: t, start, end, kind });
          continue;
        }
      }
      if (ABBREVIATIONS.has(t.toLowerCase()) || t.length === 1 && t !== t.toLowerCase()) {
        t += '.';
        end++;
        pos = end;
      }
    }
    tokens.push({ text: t, start: start, end, kind });
  }
  return tokens;
}

const isCap = (t: Token | undefined): boolean => {
  if (!t || t.kind !== 'word') return false;
  const c = t.text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(t.text);
};
const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');

// Connectors that may stand inside a name between capitalised words.
const INNER = new Set(['of', 'for', 'de', 'du', 'des', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'la', 'le', 'von', 'van', 'der', 'den', 'ten', 'ter', 'zu', 'y', 'el', 'al', 'bin', 'upon']);
const NAME_POSSESSIVES = /^(people|children|women|workers|men|veterans|citizens|farmers|st|saint|queen|king|prince|princess|lady|our|martyrs)['’]s$/i;
const POSSESSIVE = /['’][sS]?$/;

// Expressions of the per-token and per-phrase tests below, made once: a literal in a function is a new RegExp object
// at every evaluation, and these run thousands of times an article.
const TRAILING_PERIOD = /\.$/;
const TRAILING_POSSESSIVE = /['’]s$/;
const OF = /^of$/i;
const SPACES = /\s+/;
const APOSTROPHE = /^['’]$/;
const ENDS_IN_S = /s$/;
const NUMBER_ABBREVIATION = /^no\.?$/i;
const ELIDED_ARTICLE = /^(?:nell|dell|dall|sull|all|d|l)['’]\p{Lu}/u;
const LOCAL_LEVEL = /^(city|town|municipal|county|district)$/;
const LOCAL_BODY = /^(council|government|assembly)$/;
// a set, not an expression: it is asked about every lower-case word of every sentence
const BODY_LEVELS = new Set(['provincial', 'municipal', 'district', 'city', 'county', 'prefectural']);
const LEVELLED_BODY_FIRST = /^(?:People['’]s|Party|Fatherland|Propaganda)$/;
const LEVELLED_BODY_HEAD = /^(?:Committee|Council|Congress)$/;
const COMPLEMENT_WORD = /^(of|for|in)$/i;
const HYPHEN_CAPITAL = /-\p{Lu}$/u;
const OPENING_QUOTE = /^["'“‘(]$/;
const LIST_JOINER = /^(?:,|,? and|,? or) $/;
const SUBDIVISION_OF = /\b(?:state|province|prefecture|county|region|oblast|governorate) of (?:the )?$/i;
const SUBDIVISION_AFTER = /^\s+(prefecture|province|county|state|region|oblast|governorate)\b|^\s+(districts|provinces|prefectures|counties|states|regions)\b/;
const WEEKDAY = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

const REMIT_ADJECTIVES = new Set(['foreign', 'culture', 'cultural', 'commerce', 'science', 'education', 'health', 'sports', 'housing', 'agriculture', 'industry', 'trade', 'tourism', 'radio', 'information', 'transport', 'transportation', 'planning', 'finance', 'justice']);

interface Phrase {
  first: number; // token index
  last: number; // token index, inclusive
}

/** Groups capitalised words into proper-noun phrases. */
function phrases(tokens: Token[], compoundCities: ReadonlySet<string>): Phrase[] {
  const out: Phrase[] = [];
  let i = 0;
  const n = tokens.length;
  while (i < n) {
    const t = tokens[i]!;
    let start = -1;
    // a short quoted part opening a name: "Hello, Shenyang" International … Day
    if ((t.text === '"' || t.text === '“') && i + 1 < n) {
      let j = i + 1;
      while (j < n && j - i <= 8 && tokens[j]!.text !== '"' && tokens[j]!.text !== '”') j++;
      if (j < n && j - i <= 8 && j > i + 1 && isCap(tokens[i + 1]) && isCap(tokens[j + 1])) {
        start = i;
        i = j + 1;
      }
    }
    if (start < 0) {
      // "provincial People's Committee": a body named by its level before its capitalised name
      if (!isCap(t) && !levelledBody(tokens, i)) {
        i++;
        continue;
      }
      start = i;
      i++;
    }
    // extend
    for (;;) {
      const cur = tokens[i];
      if (!cur) break;
      const prevText = tokens[i - 1]!.text;
      // "UK-China Regional Leaders’ Summit", "Veterans’ Day": a plural possessive inside a name
      if (isCap(cur) && APOSTROPHE.test(prevText) && i - 2 > start && ENDS_IN_S.test(tokens[i - 2]!.text) && isCap(tokens[i - 2]) && tokens[i - 1]!.start === tokens[i - 2]!.end) {
        i++;
        continue;
      }
      if ((isCap(cur) && !POSSESSIVE.test(prevText) || isCap(cur) && NAME_POSSESSIVES.test(prevText)) && !(WEEKDAY.test(cur.text) && !/^the$/i.test(prevText))) {
        if (POSSESSIVE.test(prevText) && !NAME_POSSESSIVES.test(prevText)) break;
        i++;
        continue;
      }
      // "the Iranian embassy in Lisbon", "Japan’s consulate in Toronto", "the UAE embassy": a country's mission abroad
      // named in lower case after its country (the seat after "in" is taken below)
      if (MISSION.test(cur.text) && nationBefore(tokens, start, i)) {
        i += /^general$/.test(tokens[i + 1]?.text ?? '') ? 2 : 1;
        continue;
      }
      // "the Mayor’s Office", "Ulaanbaatar Governor’s Office", "the PM’s Office": an office named by its holder is one body
      if (cur.text === 'Office' && isCap(tokens[i - 1]) && TRAILING_POSSESSIVE.test(prevText)) {
        i++;
        continue;
      }
      if (POSSESSIVE.test(prevText) && !NAME_POSSESSIVES.test(prevText)) break;
      // "… Theater of X City Wednesday evening": a weekday follows a name, never ends one
      if (WEEKDAY.test(cur.text) && !/^the$/i.test(prevText)) break;
      // "No. 3 Middle School"
      if (NUMBER_ABBREVIATION.test(cur.text) && tokens[i + 1]?.kind === 'num' && isCap(tokens[i + 2])) {
        i += 3;
        continue;
      }
      // elided particles of place names: Reggio nell'Emilia, Castelnuovo dell'Abate
      if (ELIDED_ARTICLE.test(cur.text)) {
        i++;
        continue;
      }
      const l = cur.text.toLowerCase();
      // of / for / de … followed by a capital (allowing "the": "Consulate General of the People's Republic")
      if (INNER.has(l) && cur.kind === 'word') {
        let j = i + 1;
        if (lower(tokens[j]) === 'the') j++;
        if (isCap(tokens[j]) && !(l === 'on' && !isCap(tokens[i - 1]))) {
          i = j + 1;
          // a list of single words after "of": Bureau of Culture, Tourism, Radio and Television
          if (l === 'of' || l === 'for') i = ofList(tokens, i);
          continue;
        }
        break;
      }
      // a nickname in quotes inside a name: Robert “Bob” Quill
      if ((cur.text === '“' || cur.text === '"') && isCap(tokens[i + 1]) && /^[”"]$/.test(tokens[i + 2]?.text ?? '') && isCap(tokens[i + 3])) {
        i += 4;
        continue;
      }
      if (l === 'with' && /^friendship$/i.test(prevText) && isCap(tokens[i + 1])) {
        i += 2;
        continue;
      }
      // "Binh Dinh provincial People's Committee": the level word of a body after its place's name
      if (levelledBody(tokens, i)) {
        i++;
        continue;
      }
      // "Mito city council", "the Kure municipal government": a lower-case body after its town's name
      if (LOCAL_LEVEL.test(cur.text) && LOCAL_BODY.test(tokens[i + 1]?.text ?? '')) {
        i += 2;
        break;
      }
      // "People's Committee of Binh Duong province", "Government of Tashkent city": a body of a province or town keeps the
      // lower-case word its name ends with
      if (/^(province|prefecture|city)$/.test(cur.text) && isCap(tokens[i - 1]) && !isCap(tokens[i + 1]) && bodyOfPlace(tokens, start, i)) {
        i++;
        break;
      }
      // "Foreign and Overseas Chinese Affairs Office", "Culture and Tourism Bureau": two remits joined inside one name
      if (l === 'and' && REMIT_ADJECTIVES.has(lower(tokens[i - 1])) && (i === start + 1 || /^(of|the)$/i.test(tokens[i - 2]!.text)) && isCap(tokens[i + 1])) {
        i++;
        continue;
      }
      if (cur.text === '&' && isCap(tokens[i + 1])) {
        i += 2;
        continue;
      }
      // "Co., Ltd" / "Co. Ltd." / ", Inc."
      if (cur.text === ',' && /^(ltd\.?|inc\.?|llc|plc|limited|gmbh)$/i.test(tokens[i + 1]?.text ?? '') && /^(co\.?|company|corp\.?|corporation|\p{Lu}.*)$/iu.test(prevText)) {
        i += 2;
        continue;
      }
      // consulates, embassies and a country's offices abroad are named by their seat: Consulate General of Japan in
      // Shenyang, Taipei Economic and Cultural Office in Houston, German Representative Office in Ramallah, Hungarian
      // Embassy in the Hague, American Chamber of Commerce in Taipei
      if (l === 'in' && /consulate|embassy|consul|friendship association|representative office|cultural office|trade office|liaison office|chamber of commerce/i.test(tokens.slice(start, i).map((x) => x.text).join(' ')) && /^(general|consulate|consulate-general|embassy|japan|china|korea|\p{Lu}\p{L}+)$/iu.test(prevText)) {
        const at = lower(tokens[i + 1]) === 'the' && /^Hague$/.test(tokens[i + 2]?.text ?? '') ? i + 2 : i + 1;
        if (isCap(tokens[at])) {
          i = at + 1;
          continue;
        }
      }
      // a short parenthesised part inside a name: … Sister City (Shenyang-Sasebo) Mayor Exchange Day
      if (cur.text === '(') {
        let j = i + 1;
        while (j < n && j - i <= 4 && tokens[j]!.text !== ')' && (isCap(tokens[j]) || tokens[j]!.text === '-')) j++;
        if (tokens[j]?.text === ')' && j > i + 1 && isCap(tokens[j + 1]) && tokens[j + 1]!.start === tokens[j]!.end + 1) {
          i = j + 1;
          continue;
        }
      }
      // "Hartford/Ocotal Sister City Project", "St. Louis – Nanjing Sister Cities Committee": the two towns of a friendship body
      if ((cur.text === '/' || cur.text === '–') && isCap(tokens[i + 1])) {
        const j = twoTownsBody(tokens, start, i, false);
        if (j > i) {
          i = j;
          continue;
        }
      }
      // "and" joins two names into one only in a few shapes
      if ((l === 'and' || l === '&') && isCap(tokens[i + 1])) {
        const j = joinAnd(tokens, start, i, compoundCities);
        if (j > i) {
          i = j;
          continue;
        }
      }
      break;
    }
    out.push({ first: start, last: i - 1 });
  }
  return out;
}

const MISSION = /^(?:embassy|consulate|consulate-general)$/;

/**
 * Tokens [start, end) name a country or a nationality ("Iranian", "Sri Lankan", "Japan’s", "UAE"), alone or after a
 * title's "of" ("Consul General of Japan’s", then "consulate in Toronto").
 */
function nationBefore(tokens: Token[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (/^(?:of|the)$/i.test(tokens[k]!.text)) start = k + 1;
  if (end - start > 2 || end === start) return false;
  const name = tokens.slice(start, end).map((t) => t.text).join(' ').replace(TRAILING_POSSESSIVE, '');
  const p = place(name);
  return p.reading === 'country' || !p.reading && !!countryCode(name);
}

/** Whether token i is the lower-case level of a body whose capitalised name follows: "provincial People's Committee", "district Party Committee". */
function levelledBody(tokens: Token[], i: number): boolean {
  if (!BODY_LEVELS.has(tokens[i]!.text)) return false;
  let j = i + 1;
  while (isCap(tokens[j]) && j - i <= 4) j++;
  return j - i >= 3 && LEVELLED_BODY_FIRST.test(tokens[i + 1]!.text) && LEVELLED_BODY_HEAD.test(tokens[j - 1]!.text);
}

/** After "of": continue through ", Word, Word and Word" when every item is a single common noun
 * (Bureau of Culture, Tourism, Radio and Television; Chamber of Commerce and Industry). */
function ofList(tokens: Token[], i: number): number {
  let j = i;
  const items: number[] = [i - 1];
  for (;;) {
    const sep = tokens[j];
    if (sep?.text === ',' && isCap(tokens[j + 1]) && !isCap(tokens[j + 2]) && lower(tokens[j + 2]) !== 'of') {
      items.push(j + 1);
      j += 2;
      continue;
    }
    let k = -1;
    if (lower(sep) === 'and' && isCap(tokens[j + 1])) k = j + 1;
    else if (sep?.text === ',' && lower(tokens[j + 1]) === 'and' && isCap(tokens[j + 2])) k = j + 2;
    if (k < 0) return i;
    // the last item may have two words: "Agriculture and Rural Affairs", "Housing and Urban Development"
    if (isCap(tokens[k + 1])) {
      if (isCap(tokens[k + 2]) || /^(city|county|council|government|committee|office|bureau|department|province)$/i.test(tokens[k + 1]!.text)) return i;
      items.push(k);
      k++;
    }
    items.push(k);
    const common = items.every((x) => {
      const p = place(tokens[x]!.text);
      const isPlace = p.reading === 'country' || p.reading === 'region' || (p.cities[0]?.population ?? 0) >= 50_000;
      // an acronym among common nouns is one of them (TV, IT), not a country code
      if (/^\p{Lu}{2,4}$/u.test(tokens[x]!.text)) return items.length > 2;
      return /^\p{Lu}\p{Ll}+$/u.test(tokens[x]!.text) && !isPlace && !TITLES.has(tokens[x]!.text.toLowerCase());
    });
    return common ? k + 1 : i;
  }
}

/** Tokens [start, end) are "<body head> of <Place>": "People's Committee of Binh Duong", "Government of Tashkent". */
function bodyOfPlace(tokens: Token[], start: number, end: number): boolean {
  const words = tokens.slice(start, end).map((x) => x.text);
  const of = words.indexOf('of');
  if (of < 1 || of > 3 || end - start - of - 1 > 3) return false;
  const head = words[of - 1]!.toLowerCase();
  return OFFICE_HEAD.has(head) || ORGANIZATION_HEAD.has(head);
}

/** Words that open a coordinated part of a body's name and never end one (adjectives; "Relations", "Affairs" before a head). */
const NAME_ADJECTIVE = /^(relations|affairs|foreign|economic|regional|agricultural|municipal|cultural|industrial|commercial|technical|technological|scientific|educational|social|political|financial|environmental|historical|provincial|administrative|medical|legal|mechanical|electrical|trade)$/;

/** "A and B" as one name: "Food and Wine Festival", "Lisburn and Castlereagh City Council", a known compound city. */
function joinAnd(tokens: Token[], start: number, andAt: number, compoundCities: ReadonlySet<string>): number {
  let j = andAt + 1;
  while (isCap(tokens[j]) && !POSSESSIVE.test(tokens[j]!.text)) j++;
  const a = tokens.slice(start, andAt).map((t) => t.text);
  const b = tokens.slice(andAt + 1, j).map((t) => t.text);
  if (b.length === 0) return andAt;
  const lastB = b[b.length - 1]!.toLowerCase();
  const lastA = a[a.length - 1]!.toLowerCase();
  if (tokens[andAt]!.text === '&') return j;
  // "Mayor Jo Ames and City Council members": a title and a person's name never open an organisation
  // ("Vice President of East Java Industrial and Commercial Association": after "of" the name is the body's)
  if (a.length >= 2 && (titleAt(a, 0) || HONORIFICS.has(a[0]!.toLowerCase().replace(TRAILING_PERIOD, ''))) && !a.some((x) => OF.test(x))) return andAt;
  const joined = `${a.join(' ')} and ${b.join(' ')}`.toLowerCase();
  if (compoundCities.has(joined)) return j;
  for (const c of compoundCities) if (joined.startsWith(c + ' ')) return j;
  const headB = EVENT_HEAD.has(lastB) || ORGANIZATION_HEAD.has(lastB) || OFFICE_HEAD.has(lastB) || COMPANY_HEAD.has(lastB);
  const headA = EVENT_HEAD.has(lastA) || ORGANIZATION_HEAD.has(lastA) || OFFICE_HEAD.has(lastA) || COMPANY_HEAD.has(lastA) || VENUE_HEAD.has(lastA);
  // "with Acme in Riverton and Kao Corp. in Kita": a place after in/at/from ends there
  if (headB && /^(in|at|from|to|near)$/i.test(tokens[start - 1]?.text ?? '') && place(a.join(' ')).reading) return andAt;
  if (headB && !headA && (b.length <= 2 || b.length <= 4 && EVENT_HEAD.has(lastB)) && a.length >= 1 && /^\p{Lu}\p{Ll}+$/u.test(a[a.length - 1]!)) return j;
  // "Chengdu Municipal Foreign and Overseas Chinese Affairs Office", "Taipei Economic and Cultural Representative
  // Office": a name that stops at an adjective is not finished, and the body's head after "and" ends it
  if (headB && b.length <= 5 && NAME_ADJECTIVE.test(lastA)) return j;
  if (twoTownsBody(tokens, start, andAt, true) > andAt) return j;
  if (remitAfterHead(a, b)) return j;
  // "Lisburn and Castlereagh City Council", not "(Daejeon, ) Korea and Brisbane City Council"
  if (a.length === 1 && /^(city|borough|district|county) council$/i.test(b.slice(-2).join(' ')) && !countryCode(a[0]!)) return j;
  // "(Mayor of) Derry City and Strabane District Council", "St Albans City and District Council": a city joined with its
  // district in one council; not "Daejeon Metropolitan City and Brisbane City Council"
  const town = a.slice(a.findLastIndex((x) => OF.test(x)) + 1);
  if (town.length >= 2 && town.length <= 3 && lastA === 'city' && /^(borough|district|county) council$/i.test(b.slice(-2).join(' '))) return j;
  return andAt;
}

/** The last word of a body's remit: "… and Community Development", "… and International Relations", "… and Trade". */
const REMIT_END = /^(?:affairs|relations|co-?operation|exchanges?|development|policy|trade|tourism|culture|education|investment|partnerships?|outreach|diplomacy|protocol|planning|welfare|services|industry|commerce|sports?|heritage|environment|infrastructure|protection|transport|health|communications?|information|technology|justice|finance|agriculture|resources|energy|arts|youth|innovation)$/;
const REMIT_HEAD_OF = /^(?:of|for)$/i;

/**
 * "Ministry of Local Government and Community Development", "Department of Foreign Economic and International
 * Relations", "Department for Communications and International Affairs": after "<office head> of|for", the words after
 * "and" (one to three capitalised words, no place) that end in a remit word continue the body's remit, not a new name.
 */
function remitAfterHead(a: string[], b: string[]): boolean {
  const of = a.findLastIndex((x) => REMIT_HEAD_OF.test(x));
  if (of < 1 || b.length > 3 || !REMIT_END.test(b[b.length - 1]!.toLowerCase())) return false;
  const head = a[of - 1]!.toLowerCase();
  if (!OFFICE_HEAD.has(head) && !ORGANIZATION_HEAD.has(head)) return false;
  // the remit is common words, not a person's or a place's name
  const remit = [...a.slice(of + 1), ...b].filter((x) => !/^the$/i.test(x));
  return remit.every((x) => /^\p{Lu}[\p{Ll}-]+$/u.test(x) && !place(x).reading) || remit.every((x) => isCommonWord(x.toLowerCase()));
}

/** The words of a town's friendship body after its town: "Twinning Association", "Sister City Project", "Sister Cities". */
const FRIENDSHIP_BODY_END = /(?:^| )(?:(?:Twinning|Sister Cit(?:y|ies)|Twin Towns?|Friendship)(?: \p{Lu}[\p{L}-]*)? (?:Committee|Association|Council|Board|Group|Society|Commission|Program|Programme|Project|Corporation|Club|Foundation|Inc\.?)|Sister Cities)$/u;
const MAX_TOWN_WORDS = 3;

/**
 * "Great Yarmouth and Rambouillet Twinning Association", "Ballinamuck/Essert Twinning Committee", "Madison/Tepatitlán
 * Sister Cities": two towns joined by "and", "/" or a dash before a friendship body's name are the body's own name (a
 * friendship body is named after both its towns). Tokens [start, sepAt) end with the first town's name (what follows
 * their last "of" or "the"): one capitalised word, or up to three the gazetteer knows as a place, with no title or body
 * head; the capitalised words after the separator end in a friendship body. After "and" the body needs its head noun: "Doha and Brasilia Sister Cities" is a headline's two
 * towns. Where the joined name ends, else sepAt.
 */
function twoTownsBody(tokens: Token[], start: number, sepAt: number, afterAnd: boolean): number {
  // "Chairman of Nairobi –Denver Sister City Committee", "Members of the Great Yarmouth and …": the first town is what
  // follows the phrase's last "of (the)" when a title or "Members" stands before it ("Canton of Guichen and Skerries
  // Town Twinning Association" are two)
  let from = start;
  for (let k = start; k < sepAt; k++) if (/^(?:of|the)$/i.test(tokens[k]!.text)) from = k + 1;
  const opening = tokens.slice(start, from).map((t) => t.text).filter((x) => !/^(?:of|the)$/i.test(x));
  if (opening.length && !/^members$/i.test(opening.join(' ')) && titleAt(opening, 0)?.[1] !== opening.length) return sepAt;
  const a = tokens.slice(from, sepAt).map((t) => t.text);
  // "DIXON – The Dixon Sister Cities Association …": a dateline's town before a dash, then the sentence
  if (!afterAnd && (/^the$/i.test(tokens[sepAt + 1]!.text) || a.every((x) => !/\p{Ll}/u.test(x)))) return sepAt;
  if (a.length === 0 || a.length > MAX_TOWN_WORDS || titleAt(a, 0) || a.some((x) => !/^\p{Lu}/u.test(x) || POSSESSIVE.test(x))) return sepAt;
  if (a.some((x) => { const w = x.toLowerCase(); return OFFICE_HEAD.has(w) || ORGANIZATION_HEAD.has(w) || COMPANY_HEAD.has(w) || EVENT_HEAD.has(w); })) return sepAt;
  // a town the gazetteer knows, or one word ("Scopwick"): "Tim Ngata and Nelson Friendship Society" are a person and a body
  const first = place(a.join(' ')).reading;
  if (a.length > 1 && first !== 'city' && first !== 'ambiguous' && first !== 'region') return sepAt;
  let j = sepAt + 1;
  while (isCap(tokens[j]) && !POSSESSIVE.test(tokens[j]!.text) && j - sepAt <= MAX_TOWN_WORDS + 4) j++;
  const b = tokens.slice(sepAt + 1, j).map((t) => t.text).join(' ');
  if (!FRIENDSHIP_BODY_END.test(b) || FRIENDSHIP_BODY_END.test(a.join(' ')) || afterAnd && /(?:^| )Sister Cities$/.test(b)) return sepAt;
  return j;
}

// ---------------------------------------------------------------- reading a phrase

export interface ReadContext {
  /** "X and Y" city names known in the article (from "X & Y City Council") */
  compoundCities: ReadonlySet<string>;
}

const placeCache = new BoundedCache<ReturnType<typeof classifyPlace>>(50_000);
export function place(name: string): ReturnType<typeof classifyPlace> {
  return placeCache.get(name, () => classifyPlace(name));
}

const TITLE_FIRST_WORDS = new Set([...TITLES].map((t) => t.split(' ')[0]!));
// the first words of titles and their plurals ("representatives"): one lookup for each lower-case word of a sentence
const TITLE_OPENERS = new Set([...TITLE_FIRST_WORDS].flatMap((w) => [w, `${w}s`]));

/** The title starting at word w (longest match), as [title, length]. */
export function titleAt(words: string[], w: number): [string, number] | null {
  if (!TITLE_FIRST_WORDS.has(words[w]!.toLowerCase().replace(TRAILING_PERIOD, ''))) return null;
  for (let len = Math.min(MAX_TITLE_WORDS, words.length - w); len >= 1; len--) {
    const t = words.slice(w, w + len).join(' ').toLowerCase().replace(TRAILING_PERIOD, '');
    if (TITLES.has(t)) return [t, len];
    // "Deputy Consul-General" is the "deputy consul general" of the list
    const spaced = t.replace(/-/g, ' ');
    if (spaced !== t && TITLES.has(spaced)) return [spaced, len];
  }
  return null;
}

function headOf(words: string[]): { head: string; head2: string } {
  // the head noun is the last word before the first "of"/"for"/"in" complement
  let end = words.length;
  // "Queen's University Belfast": a head noun followed by its place
  if (words.length >= 3) {
    const penult = words[words.length - 2]!.toLowerCase();
    if ((ORGANIZATION_HEAD.has(penult) || OFFICE_HEAD.has(penult)) && place(words[words.length - 1]!).reading) end = words.length - 1;
  }
  for (let k = 1; k < words.length; k++) {
    if (COMPLEMENT_WORD.test(words[k]!)) {
      end = k;
      break;
    }
  }
  const w = words.slice(0, end).map((x) => x.toLowerCase().replace(TRAILING_POSSESSIVE, ''));
  return { head: w[w.length - 1] ?? '', head2: w.slice(-2).join(' ') };
}

/** The words that make a body a town's twinning, sister-city or friendship body, and the heads such a body has. */
const FRIENDSHIP_WORD = String.raw`twinning|sister[- ]cit(?:y|ies)|sister[- ]towns?|twin[- ]towns?|friendship`;
/** The heads of such a body that make it a public one (an Office); a club or a foundation is an Organization. */
const FRIENDSHIP_OFFICE_HEADS = 'committee|association|council|board|group|society|commission|program|programme|organi[sz]ation|corporation';
const FRIENDSHIP_BODY = new RegExp(String.raw`\b(?:${FRIENDSHIP_WORD})(?: [\w-]+)? (?:${FRIENDSHIP_OFFICE_HEADS}|club|foundation|inc)\b`, 'i');

/**
 * "Oranmore Twinning Committee", "Sister City Association of Chattanooga", "Kizuna Japanese American Friendship Club":
 * a town's twinning, sister-city or friendship body by its name (the friendship words, at most one word, a body's head).
 */
export const namesFriendshipBody = (name: string): boolean => FRIENDSHIP_BODY.test(name);

/** The head noun must be the body's own: "Chair of the Bath Twinning Association" is no friendship body. */
const TWINNING_IN_NAME = /\b(sister[- ]cit(y|ies)|sister[- ]towns?|twin[- ](towns?|cit(y|ies))|(town |city )?twinning)\b/;
const NETWORK_WORD = /\b(international|national|global|world|federation|league|union)\b/;
const FRIENDSHIP_OFFICE_HEAD = new RegExp(`^(${FRIENDSHIP_OFFICE_HEADS})$`);

/** A friendship league of legislators or governments ("Japan-Korea Friendship Kyoto Prefectural Assembly Federation") is a public body. */
function publicFriendshipBody(lowerName: string): boolean {
  return /\bfriendship\b/.test(lowerName) && /\b(assembly|parliament(ary)?|parliamentarians'?|legislat\w*|prefectural|provincial|municipal|people'?s|government)\b/.test(lowerName);
}

/** "Social Media", "Local Press", "Global Trade Solutions": a head noun after common words only names no one business. */
function genericName(words: string[]): boolean {
  const before = words.slice(0, -1).filter((w) => !/^(and|&|of|the)$/i.test(w));
  return before.length > 0 && before.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && isCommonWord(w));
}

/** Heads that many towns' bodies or schemes share: "Executive Committee", "Sister City Program". */
const SHARED_HEAD = /^(committee|council|board|government|chamber|program|programme|project|initiative|mission)$/;

/**
 * "Executive Committee", "Sister City Program", "International Relations Committee": a shared head after common
 * words only, with no place, proper name or complement of its own, names no one body: it would join every town's
 * committee of that name in the graph. A town's name ("Bath Twinning Association") or an acronym makes it one body.
 */
function genericBody(words: string[]): boolean {
  if (words.length < 2 || !SHARED_HEAD.test(words[words.length - 1]!.toLowerCase())) return false;
  const content = words.filter((w) => !/^(and|&)$/i.test(w));
  return content.every((w) => /^(city|cities|town|towns)$/i.test(w) || /^\p{Lu}\p{Ll}+$/u.test(w) && isCommonWord(singular(w.toLowerCase())) && !place(w).reading);
}

/** Label of an organisation or event name from its head noun, or null. */
export function labelByHead(name: string): OrgLabel | 'Event' | 'Venue' | null {
  const words = name.replace(/[(),"“”]/g, ' ').split(SPACES).filter(Boolean);
  if (!words.length) return null;
  const { head, head2 } = headOf(words);
  if (genericBody(words)) return null;
  const whole = name.toLowerCase();
  if (/^(invest|visit|enterprise|tourism|trade)\s+\p{L}+/iu.test(name) && words.length === 2 && /^(invest|visit|enterprise)$/i.test(words[0]!)) return 'Office';
  // "Greater Columbus Sister Cities International Inc.": an incorporated sister-cities body is still a civic one
  if (/\b(co\.?,? ltd\.?|co\.? ltd\.?|inc\.?|corp\.?|llc|plc|gmbh|limited)$/i.test(name)) return /\bsister cit(y|ies)\b/i.test(name) ? 'Office' : 'Company';
  if (/travel agency|travel service|\b(news|press) agency$/i.test(whole)) return 'Company';
  if (/\b(agreement|pact|memorandum|charter|treaty|protocol)\b/i.test(words[0] + ' ' + head)) return null;
  // "U.S. Conference of Mayors": a standing body of mayors, like a league or union of cities, not a meeting
  if (/\bconference of mayors$/i.test(name)) return 'Organization';
  // "Board of Directors": a generic body with no proper name of its own
  if (/^(board|council|committee) of (directors|trustees|governors|supervisors|management|regents|elders)$/i.test(name)) return null;
  // a township's or county's governing board: "Warminster Board of Supervisors"
  if (/\bboard of (supervisors|selectmen|aldermen|commissioners|freeholders|county commissioners)$/i.test(name)) return 'Office';
  // "the Summer Capital of the Philippines": a capital of a place is a description, not a business
  if (head === 'capital' && /\bcapital of\b/i.test(name)) return null;
  // a town's own sister-city or twinning body is a friendship association, a public body (graph contract);
  // the national federation ("Sister Cities International") is an organisation
  if (/^(sister|twin|twinned|partner|friendship) (city|cities|town|towns) international$/i.test(name)) return 'Organization';
  if (/^(?:[\p{L}-]+ ){1,2}(sister|twin|twinned|partner|friendship) (city|cities|town|towns) international$/iu.test(name)) return 'Office';
  if (/\bsister cit(y|ies)( international| association| committee| commission| council| program(me)?| project)?$/i.test(name) && words.length >= 3 && !/\bof (the )?sister cit/i.test(name)) return 'Office';
  if (words.length >= 2 && (VENUE_HEAD.has(head2) || head2 === 'city hall' || head2 === 'town hall')) return 'Venue';
  if (head2 === 'consulate general' || head2 === 'consulate-general') return 'Office';
  // "Oranmore Twinning Committee", "Wonju Sister City Committee", "St. Louis Sister Cities Program": a town's friendship
  // body, a friendship association of the graph contract (an Office), whatever its public body's head; the annotated
  // sets since blind6 label them so, the older ones were relabelled to match
  if (FRIENDSHIP_OFFICE_HEAD.test(head) && namesFriendshipBody(whole)) return 'Office';
  // "Sister City Association of Chattanooga", "Board of Sister Cities of Nashville", "Association for the Promotion of Town
  // Twinning of the City of Beckum": a town's twinning body named with its town after the head; the national and world
  // networks stay organisations ("International Association of Twinning Cities", "World Federation of Twin Cities")
  if (FRIENDSHIP_OFFICE_HEAD.test(head) && TWINNING_IN_NAME.test(whole) && !NETWORK_WORD.test(whole)) return 'Office';
  // "International Affairs Council", "International Relations Committee": a town's or a government's foreign-relations body
  if (/^(council|committee|board)$/.test(head) && /\binternational (affairs|relations)\b/.test(whole) && !/\b(institute|association)\b/.test(whole)) return 'Office';
  // a committee is a council's or a government's ("International Relations Committee", "Executive Committee"), unless
  // it organises an event or gathers a public ("Organising Committee", "Youth Committee")
  if (head === 'committee') return /sister|friendship|organi[sz]ing|youth|student|olympic|exchange|festival|parents|supporters/i.test(whole) ? 'Organization' : 'Office';
  if (head === 'council') return /sister|friendship|youth|student|arts|business|trade|research|cultural|british|chamber|world|international/i.test(whole) ? 'Organization' : 'Office';
  // the genre's friendship associations ("China-Japan Friendship Association", CPAFFC) are public bodies (graph contract)
  if (head === 'association' || head === 'society') return /people'?s association for friendship|friendship with foreign|friendship association/i.test(whole) || publicFriendshipBody(whole) || townsAssociation(words) ? 'Office' : 'Organization';
  if ((head === 'federation' || head === 'league') && publicFriendshipBody(whole)) return 'Office';
  if (head === 'center' || head === 'centre') return /convention|exhibition|conference|shopping|trade center|trading center|cultural center|sports|civic|community|leisure|visitor/i.test(whole) ? 'Venue' : 'Organization';
  if (head === 'museum') return 'Organization';
  if (head === 'group' && words.length === 1) return null;
  // a town's twinning or friendship group is a civic body; "X Group" alone is a business
  if (head === 'group' && (/\b(twinning|friendship|exchange|sister|community|volunteers?|youth|residents|citizens)\b/i.test(whole) || /^international$/i.test(words[words.length - 2]!) && place(words.slice(0, -2).join(' ')).reading === 'city')) return 'Organization';
  if (OFFICE_HEAD.has(head2) || OFFICE_HEAD.has(head)) return 'Office';
  // "Greater Visakhapatnam Municipal Corporation": a town's corporation is its local government
  if (/\b(?:municipal|metropolitan|city) corporation$/i.test(name) && words.length >= 3) return 'Office';
  // a byline glued to its paper ("Staff ReporterSouthern Gazette") or a reporter's credit names no business
  if (COMPANY_HEAD.has(head2) || COMPANY_HEAD.has(head)) return words.length >= 2 && !words.some((x) => /\p{Ll}{3,}\p{Lu}\p{Ll}/u.test(x)) && !/^(staff|reporter|correspondent|by|photo|source)$/i.test(words[0]!) && !genericName(words) ? 'Company' : null;
  if (ORGANIZATION_HEAD.has(head2) || ORGANIZATION_HEAD.has(head)) return words.length >= 2 ? 'Organization' : null;
  if (EVENT_HEAD.has(head) || EVENT_HEAD.has(head2)) return words.length >= 2 ? 'Event' : null;
  if (VENUE_HEAD.has(head)) return words.length >= 2 ? 'Venue' : null;
  return null;
}

const DETERMINERS = /^(the|both|all|other|each|every|several|many|some|relevant|senior|including|among|these|those|this|that)$/i;

/**
 * "Koshigaya International Association", "Matsudo International Exchange Association": a town's own association for its
 * foreign ties (the Japanese towns' public ones); "Bristol-Porto Association": the association of two twinned towns.
 * Both are friendship associations of the graph contract (Offices).
 */
function townsAssociation(words: string[]): boolean {
  if (words.length === 2) return /[-–]/.test(words[0]!) && townNamed(words[0]!);
  return /^International (?:Exchange |Relations )?Association$/.test(words.slice(1).join(' ')) && townNamed(words[0]!);
}

/** A town, or two joined by a dash: the words a town's friendship body is named with ("Koshigaya", "Bristol-Porto"). */
function townNamed(words: string): boolean {
  return words.split(/[-–/]/).every((part) => {
    const p = place(part);
    return (p.reading === 'city' || p.reading === 'ambiguous') && !p.commonWord && !countryCode(part);
  });
}

/** Reads one phrase into one or more mentions (a title-of phrase yields the title and its complement). */
// Phrases recur (city names, titles, offices): their reading is cached by text and re-placed.
// By the phrase's text alone in the common case (no compound city in the article), one cache per
// sentence position: a key built by concatenation is a new string to flatten and hash at every phrase.
const phraseCacheAtStart = new BoundedCache<Mention[]>(25_000);
const phraseCacheInside = new BoundedCache<Mention[]>(25_000);
const phraseCacheWithCompounds = new BoundedCache<Mention[]>(5_000);

function readPhrase(sentence: string, tokens: Token[], ph: Phrase, ctx: ReadContext, sentenceStart: boolean): Mention[] {
  const from = tokens[ph.first]!.start;
  const text = sentence.slice(from, tokens[ph.last]!.end);
  const compounds = ctx.compoundCities.size > 0;
  const cache = compounds ? phraseCacheWithCompounds : sentenceStart ? phraseCacheAtStart : phraseCacheInside;
  const key = compounds ? `${sentenceStart ? 1 : 0}|${[...ctx.compoundCities].join(',')}|${text}` : text;
  const cached = cache.get(key, () => readPhraseUncached(sentence, tokens, ph, ctx, sentenceStart).map((m) => shifted(m, -from)));
  return cached.map((m) => shifted(m, from));
}

/**
 * A copy of a mention moved by `by` characters (the cached ones are shared; the readers after change theirs).
 * A spread alone is copied by the engine's fast path; `{ ...m, start: … }` is not, and gives the same object.
 */
function shifted(m: Mention, by: number): Mention {
  const copy = { ...m };
  copy.start += by;
  copy.end += by;
  return copy;
}

function readPhraseUncached(sentence: string, tokens: Token[], ph: Phrase, ctx: ReadContext, sentenceStart: boolean): Mention[] {
  const toks = tokens.slice(ph.first, ph.last + 1);
  // drop sentence-opening function words and leading "The"
  let k = 0;
  const plain = toks.map((t) => t.text);
  // determiners never open a name, wherever the phrase stands: "Both Mandaue City", "All Sister Cities"
  while (k < toks.length - 1 && DETERMINERS.test(toks[k]!.text)) k++;
  while (k < toks.length - 1 && toks[k]!.kind === 'word' && NOT_NAME_WORDS.has(toks[k]!.text.toLowerCase()) && !titleAt(plain, k) && !/^former$/i.test(toks[k]!.text) && !HONORIFICS.has(toks[k]!.text.toLowerCase().replace(TRAILING_PERIOD, ''))) {
    // inside a sentence only "the" is dropped: "between The University of Waikato and …" keeps "University"
    if (!sentenceStart && !/^the$/i.test(toks[k]!.text)) break;
    k++;
  }
  const used = toks.slice(k);
  if (!used.length) return [];
  return readTokens(sentence, used, ctx, sentenceStart && k === 0);
}

function mention(sentence: string, toks: Token[], kind: MentionKind, extra: Partial<Mention> = {}): Mention {
  const start = toks[0]!.start;
  const end = toks[toks.length - 1]!.end;
  const text = sentence.slice(start, end);
  let name = extra.name ?? text;
  name = name.replace(/^(the|The)\s+/, '').replace(/['’][sS]$/, '').replace(/['’]$/, '');
  return { kind, text, name, start, end, words: name.split(SPACES).length, ...extra };
}

function readTokens(sentence: string, toks: Token[], ctx: ReadContext, atSentenceStart: boolean): Mention[] {
  const words = toks.map((t) => t.text);
  const last = words[words.length - 1]!;
  const possessive = POSSESSIVE.test(last) && !NAME_POSSESSIVES.test(last) && /['’]/.test(last);
  const full = sentence.slice(toks[0]!.start, toks[toks.length - 1]!.end);
  const clean = possessive ? full.replace(/['’][sS]?$/, '') : full;
  const cleanWords = clean.split(SPACES);
  // "Irish Sister City", "Sister Cities": the relation's words, not a name; "Sister City of X": X
  if (/^(?:[\p{L}-]+ )?(?:Sister|Twin|Twinned|Friendship|Partner|Friendly) (?:City|Cities|Town|Towns|Province|State)$/iu.test(clean)) return [];
  const sisterOf = /^(?:[\p{L}-]+ )?(?:Sister|Twin|Twinned|Friendship|Partner|Friendly) (?:City|Cities|Town|Towns) (?:of|with) (?:the )?/iu.exec(clean);
  if (sisterOf) {
    const skip = sisterOf[0].trim().split(SPACES).length;
    return toks.length > skip ? readTokens(sentence, toks.slice(skip), ctx, false) : [];
  }
  // "… Friendship Society Mr. Petr Ryzhkov", "West Germany Dr. Zairin Zain": a body or a place, then a person its honorific opens
  const inner = innerHonorific(toks);
  if (inner > 0) {
    const before = words.slice(0, inner).join(' ');
    let nameAt = inner + 1;
    while (nameAt < words.length - 1 && HONORIFICS.has(words[nameAt]!.toLowerCase().replace(TRAILING_PERIOD, ''))) nameAt++;
    const person = mention(sentence, toks.slice(inner + 1), 'Person', { name: words.slice(nameAt).join(' ').replace(/['’][sS]$/, ''), possessive });
    const where = place(before);
    if (where.reading === 'country' || where.reading === 'region') return [mention(sentence, toks.slice(0, inner), 'Place', { name: before, country: where.country, placeKind: where.reading }), person];
    const b = labelByHead(before);
    if (b === 'Office' || b === 'Organization' || b === 'Company') return [...readTokens(sentence, toks.slice(0, inner), ctx, atSentenceStart), person];
  }
  const leadingTitle = titleAt(cleanWords, 0);
  // "(the president of) Houston-Karachi Sister Cities Association Muhamad Saeed Shaikh": a body, then its officer's name
  if (!leadingTitle && toks.length >= 4) {
    const split = bodyThenName(sentence, toks, ctx);
    if (split) return split;
  }
  const headLabel = labelByHead(clean);
  // "Mayor Park", "Governor Hall": a title and a surname that happens to be a venue word
  // … and "Mayor Tom Hall of Kalamazoo": a title, then a given name and a surname that is a venue word
  const venueSurname = headLabel === 'Venue' && !!leadingTitle && (() => {
    const of = cleanWords.findIndex((x) => OF.test(x));
    const end = of > 0 ? of : cleanWords.length;
    const nameWords = cleanWords.slice(leadingTitle[1], end);
    return nameWords.length === 2 && /^\p{Lu}\p{Ll}+$/u.test(nameWords[0]!) && !isCommonWord(nameWords[0]!) && !place(nameWords[0]!).reading && !NOT_NAME_WORDS.has(nameWords[0]!.toLowerCase());
  })();
  const byHead = headLabel === 'Venue' && leadingTitle && (cleanWords.length === leadingTitle[1] + 1 || venueSurname) ? null : headLabel;
  // "Corporation of Delta": a municipal corporation named after its town is the town
  const corporation = /^(?:The )?(?:Municipal )?Corporation of (?:the )?(?:City of )?(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2})$/u.exec(clean);
  if (corporation) return [mention(sentence, toks, 'City', { name: corporation[1]!, possessive, placeKind: 'stated' })];
  // "Oudtshoorn Municipality (of Western Cape Province)": a municipality is a city, whatever the gazetteer knows
  const ofAt = words.findIndex((x) => OF.test(x));
  const municipality = /^(?:\p{Lu}[\p{L}'’-]+ ){1,3}(?:Municipality|Town)$/u.exec((ofAt > 0 ? words.slice(0, ofAt) : words).join(' '));
  if (municipality && !leadingTitle && !NOT_NAME_WORDS.has(cleanWords[0]!.toLowerCase()) && !place(cleanWords[0]!).commonWord) {
    const n = municipality[0].split(' ').length;
    // "the Paris Municipality helped", "Hebron Municipality's efforts": the town's government, a body that acts
    const body = /Municipality$/.test(municipality[0]) && n === toks.length && (possessive || /\bthe\s+$/i.test(sentence.slice(Math.max(0, toks[0]!.start - 4), toks[0]!.start)));
    if (body) return [mention(sentence, toks, 'Office', { name: clean, possessive })];
    const restAt = n + 1 + (/^the$/i.test(words[n + 1] ?? '') ? 1 : 0);
    return [
      mention(sentence, toks.slice(0, n), 'City', { name: municipality[0], placeKind: 'stated' }),
      ...(restAt < toks.length ? readTokens(sentence, toks.slice(restAt), ctx, false) : []),
    ];
  }

  // "Sara Cole of Nelson City Council", "Jose Cruz of the Sangguniang Panlungsod": a plain name, then the body it belongs to
  if (ofAt >= 2 && ofAt <= 3 && !leadingTitle && toks.length > ofAt + 1) {
    const nameWords = words.slice(0, ofAt);
    const restAt = ofAt + 1 + (/^the$/i.test(words[ofAt + 1] ?? '') ? 1 : 0);
    const rest = words.slice(restAt).join(' ');
    const bodyLabel = labelByHead(rest);
    if ((bodyLabel === 'Office' || bodyLabel === 'Organization' || bodyLabel === 'Company') && restAt < toks.length &&
      nameWords.every((x) => /^\p{Lu}\p{Ll}+(?:-\p{L}+)?$/u.test(x) && !NOT_NAME_WORDS.has(x.toLowerCase()) && !TITLE_FIRST_WORDS.has(x.toLowerCase()) && !HONORIFICS.has(x.toLowerCase())) &&
      !labelByHead(nameWords.join(' ')) && !place(nameWords.join(' ')).reading && !nameWords.some((x) => countryCode(x))) {
      return [mention(sentence, toks.slice(0, ofAt), 'Person', { name: nameWords.join(' ') }), ...readTokens(sentence, toks.slice(restAt), ctx, false)];
    }
  }

  // 0. a plural title before a list of names: "Crs Ann Lee, …", "Councillors Ann Lee and …"
  // ("Mayors for Peace": a plural title for a cause names a body of such officials)
  if (toks.length >= 3 && pluralTitle(words[0]!) && /^for$/i.test(words[1]!) && !byHead) return [mention(sentence, toks, 'Organization', { name: clean, possessive })];
  if (toks.length >= 2 && !byHead) {
    const plural = pluralTitle(words[0]!);
    if (plural) return [mention(sentence, toks.slice(0, 1), 'Title', { title: plural, name: words[0]!, plural: true }), ...readTokens(sentence, toks.slice(1), ctx, false)];
  }

  // 1. a title inside the phrase
  for (let w = 0; w < cleanWords.length; w++) {
    const found = titleAt(cleanWords, w);
    if (!found) continue;
    const [title, len] = found;
    const after = cleanWords.slice(w + len);
    const before = cleanWords.slice(0, w);
    // Title of X: split into the title and its complement
    // ("Former Mayor of Zurich": a former title too)
    const onlyFormer = w > 0 && before.every((x) => /^(former|then|late)$/i.test(x));
    const onlyQualifiers = w > 0 && before.every((x) => /^(former|then|late|acting|interim|current|incumbent|present|honorary)$/i.test(x));
    if ((w === 0 || onlyQualifiers) && after.length > 0 && /^(of|to|at|for)$/i.test(after[0]!)) {
      const tTok = toks.slice(0, w + len);
      let restStart = w + len + 1;
      if (/^the$/i.test(toks[restStart]?.text ?? '')) restStart++;
      const rest = toks.slice(restStart);
      // ("Honorary Vice Chairwoman for X": an honorary post is its own title)
      const honorary = before.some((x) => /^honorary$/i.test(x)) && !title.startsWith('honorary') ? `honorary ${title}` : title;
      const out: Mention[] = [mention(sentence, tTok, 'Title', { title: honorary, name: tTok.map((t) => t.text).join(' '), former: onlyFormer || undefined })];
      // "Consul General of Japan in Seattle (Yoshio Yamagata)": the post is the consulate of that country in that city
      const seat = CONSULAR_TITLE.test(title) ? consulateSeat(sentence, toks.slice(w + len + 1), title, '', ctx) : null;
      if (seat) return [...out, ...seat];
      // "Mayor of London Boris Johnson": a town, then the holder's name
      if (rest.length) out.push(...(bodyThenOfficer(sentence, rest, ctx) ?? (rest.length >= 4 ? bodyThenName(sentence, rest, ctx) : null) ?? (rest.length >= 3 ? townThenPerson(sentence, rest) : null) ?? readTokens(sentence, rest, ctx, false)));
      return out;
    }
    // "Special Representative for Pacific Municipal Affairs Ana Lee Ross": a title with its remit, then the name
    if (/^(for|of)$/i.test(after[0] ?? '') && !byHead) {
      const remitEnd = after.findIndex((x, k) => k >= 2 && REMIT_NOUNS.test(x));
      const nameWords = remitEnd > 0 ? after.slice(remitEnd + 1) : [];
      if (nameWords.length >= 2 && nameWords.length <= 4 && nameWords.every((x) => /^\p{Lu}[\p{L}'’.-]*$/u.test(x) && !NOT_NAME_WORDS.has(x.toLowerCase()))) {
        let from = w;
        while (from > 0 && /^(special|senior|chief|deputy|assistant|executive|principal)$/i.test(before[from - 1]!)) from--;
        const nameTok = toks.length - nameWords.length;
        return [mention(sentence, toks.slice(nameTok), 'Person', {
          name: nameWords.join(' '), title: cleanWords.slice(from, w + len + remitEnd + 1).join(' ').toLowerCase(),
          titlePrefix: before.slice(0, from).join(' ') || undefined,
        })];
      }
    }
    // "the Iranian Consul General in Shanghai (Ali Reza)": a consul named by the seat of the consulate
    if (CONSULAR_TITLE.test(title) && /^in$/i.test(after[0] ?? '')) {
      const prefix = before.filter((x) => !/^(former|acting|then|new)$/i.test(x)).join(' ');
      const seat = consulateSeat(sentence, toks.slice(w + len), title, prefix, ctx);
      if (seat) return [mention(sentence, toks.slice(0, w + len), 'Title', { title, name: toks.slice(0, w + len).map((t) => t.text).join(' '), titlePrefix: prefix || undefined, former: before.some((x) => /^former$/i.test(x)) || undefined }), ...seat];
    }
    // Title Name (with what is before the title: Former, a city, an office, a nationality)
    if (after.length > 0 && !byHead && !(after.length === 1 && /^(of|and)$/i.test(after[0]!))) {
      let nameWords = after;
      while (nameWords.length > 1 && (HONORIFICS.has(nameWords[0]!.toLowerCase().replace(TRAILING_PERIOD, '')) || titleAt(nameWords, 0) || /^(&|and)$/i.test(nameWords[0]!) && titleAt(nameWords, 1))) {
        // "President & CEO Mary Kane": a second title joined by "&" before the name
        if (/^(&|and)$/i.test(nameWords[0]!)) nameWords = nameWords.slice(1);
        const t2 = titleAt(nameWords, 0);
        nameWords = nameWords.slice(t2 ? t2[1] : 1);
      }
      // "Mayor Chen Lirong of Dalian": the name, then its place
      const ofAt = nameWords.findIndex((x) => /^(of|from)$/i.test(x));
      if (ofAt > 0 && !nameWords.slice(0, ofAt).some((x) => /^(for|and|&)$/i.test(x))) {
        const nameAt = toks.findIndex((t, i) => i >= w + len && t.text === nameWords[0]);
        // the "of" after the name, not one inside a second title ("Consul & Head of Post Ren Faqiang of …")
        const cut = toks.findIndex((t, i) => i > Math.max(nameAt, w + len) && /^(of|from)$/i.test(t.text));
        let restAt = cut + 1;
        if (/^the$/i.test(toks[restAt]?.text ?? '')) restAt++;
        const personToks = toks.slice(0, cut);
        const nameText = sentence.slice(toks[nameAt >= 0 ? nameAt : w + len]!.start, personToks[personToks.length - 1]!.end);
        const prefixWords = before.filter((x) => !/^(former|acting|then|incoming|outgoing|late|honou?rable|hon\.?|worshipful|right|his|her)$/i.test(x));
        const person = mention(sentence, personToks, 'Person', { name: nameText.replace(/^(?:(?:Mr|Mrs|Ms|Dr|Madam|Madame)\.?\s+)+/, ''), title, former: before.some((x) => /^(former|then|outgoing|late)$/i.test(x)), titlePrefix: prefixWords.join(' ') || undefined });
        return [person, ...(restAt < toks.length ? readTokens(sentence, toks.slice(restAt), ctx, false) : [])];
      }
      if (nameWords.some((x) => /^(of|for|and|&)$/i.test(x))) break;
      // "Mayor Deputy Mayor": titles only, no name
      if (nameWords.every((x) => TITLES.has(x.toLowerCase()) || HONORIFICS.has(x.toLowerCase().replace(TRAILING_PERIOD, '')))) break;
      if (WEAK_TITLES.has(title) && before.length === 0 && nameWords.length === 1 && atSentenceStart) break;
      // "the “Mayor Making” ceremonies": a title before a common -ing word names an occasion, not a person
      if (nameWords.length === 1 && /^\p{Lu}\p{Ll}+ing$/u.test(nameWords[0]!) && isCommonWord(nameWords[0]!)) break;
      // "Associate Editor DWalker@paper.com": an e-mail address names no person
      if (sentence[toks[toks.length - 1]!.end] === '@') break;
      const prefixWords = before.filter((x) => !/^(former|acting|then|incoming|outgoing|late|honou?rable|hon\.?|worshipful|right|his|her)$/i.test(x));
      const former = before.some((x) => /^(former|then|outgoing|late)$/i.test(x));
      const nameText = nameWords.join(' ').replace(/['’][sS]$/, '');
      return [mention(sentence, toks, 'Person', {
        name: nameText, title, former, titlePrefix: prefixWords.join(' ') || undefined, possessive,
      })];
    }
    // a bare title: "Mayor", "the Chinese Consul General"
    if (after.length === 0 && !byHead) {
      const prefixWords = before.filter((x) => !/^(former|acting|then)$/i.test(x));
      return [mention(sentence, toks, 'Title', {
        title, name: clean, titlePrefix: prefixWords.join(' ') || undefined,
        former: before.some((x) => /^former$/i.test(x)), plural: false, possessive,
      })];
    }
    break;
  }

  // "Belmont MLA Glenys Godfrey": a place, a member's post-nominal, then the name
  const memberAt = cleanWords.findIndex((x, k) => k >= 1 && /^(MLA|MP|MEP|MHA|MLC|MPP|TD|MSP)$/.test(x));
  if (memberAt >= 1 && !byHead && cleanWords.length - memberAt - 1 >= 2 && cleanWords.length - memberAt - 1 <= 3) {
    const nameToks = toks.slice(memberAt + 1);
    if (nameToks.every((t) => /^\p{Lu}[\p{Ll}'’-]+$/u.test(t.text))) {
      return [mention(sentence, nameToks, 'Person', { name: nameToks.map((t) => t.text).join(' '), possessive })];
    }
  }

  // 2. honorific + name
  const h = cleanWords[0]!.toLowerCase().replace(TRAILING_PERIOD, '');
  if (HONORIFICS.has(h) && cleanWords.length >= 2 && !byHead) {
    return [mention(sentence, toks, 'Person', { name: cleanWords.slice(1).join(' '), possessive })];
  }

  // 3. organisations and events by head noun
  if (byHead === 'Venue') return [mention(sentence, toks, 'Venue', { name: clean, possessive })];
  if (byHead) return [mention(sentence, toks, byHead, { name: clean, possessive })];

  // 4. places
  const lowerClean = singleSpace(clean.toLowerCase()).replace(TRAILING_PERIOD, '');
  if (ctx.compoundCities.has(lowerClean.replace(/ & /g, ' and '))) return [mention(sentence, toks, 'City', { name: clean, possessive })];
  if (!(cleanWords.length === 1 && NOT_NAME_WORDS.has(lowerClean)) && cleanWords.length <= 4 && !/\d/.test(clean)) {
    const p = place(clean);
    // "Same efforts are …": a dictionary word opening a sentence names no place
    if (p.commonWord && atSentenceStart && cleanWords.length === 1) return [];
    if (p.reading === 'country' || p.reading === 'region') {
      return [mention(sentence, toks, 'Place', { name: clean, country: p.country, placeKind: p.reading, possessive })];
    }
    if (p.reading === 'city' || p.reading === 'ambiguous') {
      return [mention(sentence, toks, 'City', { name: clean, possessive, placeKind: p.reading })];
    }
    if (!p.reading && /^\p{Lu}\p{Ll}+(an|ese|ish|i|ch|sh|ic)$/u.test(clean)) {
      const cc = countryCode(clean);
      if (cc) return [mention(sentence, toks, 'Place', { name: clean, country: cc, placeKind: 'demonym' })];
    }
  }
  // "Japan Mito": a country, then one of its cities
  if (cleanWords.length === 2 && place(cleanWords[0]!).reading === 'country') {
    const city = place(cleanWords[1]!);
    if ((city.reading === 'city' || city.reading === 'ambiguous') && !city.commonWord) {
      const p = place(cleanWords[0]!);
      return [
        mention(sentence, toks.slice(0, 1), 'Place', { name: cleanWords[0]!, country: p.country, placeKind: 'country' }),
        mention(sentence, toks.slice(1), 'City', { name: cleanWords[1]!, possessive, placeKind: city.reading }),
      ];
    }
  }
  // a place followed by more capitalised words: "Philippines Wadee Batti" after "Ambassador to the"
  if (cleanWords.length >= 3) {
    for (let w = Math.min(3, cleanWords.length - 2); w >= 1; w--) {
      const head = cleanWords.slice(0, w).join(' ');
      const p = place(head);
      if (p.reading === 'country' || p.reading === 'region') {
        const placeToks = toks.slice(0, w);
        const rest = toks.slice(w);
        return [
          mention(sentence, placeToks, 'Place', { name: head, country: p.country, placeKind: p.reading }),
          ...readTokens(sentence, rest, ctx, false),
        ];
      }
    }
  }
  if (cleanWords.every((x) => NOT_NAME_WORDS.has(x.toLowerCase()))) return [];
  // Robert “Bob” Quill: the nickname's quotes are not part of the name
  return [mention(sentence, toks, 'Unknown', { name: /[“”"]/.test(clean) ? clean.replace(/[“”"]/g, '') : clean, possessive })];
}

/** "from 9 countries including Costa Rica, Panama, Honduras, Salvador and Mexico": a one-word "city" in a list of countries is one of them. */
function countriesAmongCountries(sentence: string, out: Mention[]): void {
  let start = 0;
  for (let j = 1; j <= out.length; j++) {
    const joined = j < out.length && LIST_JOINER.test(sentence.slice(out[j - 1]!.end, out[j]!.start));
    if (joined) continue;
    const run = out.slice(start, j);
    start = j;
    if (run.length < 4) continue;
    const countries = run.filter((m) => m.kind === 'Place' && m.placeKind === 'country').length;
    if (countries * 2 <= run.length) continue;
    for (const m of run) if (m.kind === 'City' && m.words === 1) Object.assign(m, { kind: 'Place', placeKind: 'country', country: null });
  }
}

const PERSON_SHAPE = /^\p{Lu}\p{Ll}+ (?:(?:\p{Lu}\.? )\p{Lu}[\p{Ll}'’]*(?:[-’']\p{Lu}\p{Ll}+)*(?: (?:Jr\.?|Sr\.?|II|III|IV))?|\p{Lu}[\p{Ll}'’]*(?:[-’']\p{Lu}\p{Ll}+)* (?:Jr\.?|Sr\.?|II|III|IV))$/u;

// "CityLink, an association of …", "Domtar, a paper company": what a definition apposition says the name is
const DEFINED_AS: ReadonlyArray<[RegExp, MentionKind]> = [
  [/^(association|society|network|organi[sz]ation|foundation|club|alliance|coalition|charity|ngo|non-profit|nonprofit|federation|union|institute|university|school|college|league)$/, 'Organization'],
  [/^(company|firm|business|manufacturer|maker|producer|bank|airline|carrier|newspaper|broadcaster|brand|start-?up|corporation|retailer|developer|operator|chain)$/, 'Company'],
  [/^(ministry|bureau|department|authority)$/, 'Office'],
];
const DEFINITION = /^,\s+(?:an?|the)\s+((?:[\p{Ll}-]+\s*){1,4})/u;

function definedKind(sentence: string, end: number): MentionKind | null {
  const d = DEFINITION.exec(sentence.slice(end, end + 60));
  if (!d) return null;
  for (const w of d[1]!.trim().split(SPACES)) for (const [re, kind] of DEFINED_AS) if (re.test(w)) return kind;
  return null;
}

const spellingCache = new BoundedCache<string | null>(5_000);

/** "Shimoneseki City, Japan": an unknown town name the stated country has a city one typing slip away from; its gazetteer spelling. */
function misspeltCity(sentence: string, m: Mention): string | null {
  if (!/^\p{Lu}[\p{Ll}'’-]{3,}(?: (?:City|Town))?$/u.test(m.name)) return null;
  const stated = /^,\s*(?:the\s+)?(\p{Lu}[\p{L}.]*(?:\s\p{Lu}\p{L}*)?)/u.exec(sentence.slice(m.end, m.end + 40));
  if (!stated) return null;
  const country = place(stated[1]!);
  if (country.reading !== 'country' || !country.country) return null;
  const key = `${m.name}|${country.country}`;
  // ~10 ms a call on a big country: asked only in this rare shape, and once per name
  return spellingCache.get(key, () => {
    const hits = findCitiesBySpelling(m.name, country.country!);
    return hits.length > 0 && hits.every((c) => c.name === hits[0]!.name) ? hits[0]!.name : null;
  });
}

const NAME_HONORIFIC = /^(?:mr|mrs|ms|dr|h\.e|madam|madame)\.?$/i;

/** Where an honorific stands inside a phrase before two to four name words ("… Society Mr. Petr Ryzhkov"), else -1. */
function innerHonorific(toks: Token[]): number {
  for (let k = 1; k < toks.length - 1; k++) {
    if (!NAME_HONORIFIC.test(toks[k]!.text)) continue;
    const rest = toks.slice(k + 1);
    return rest.length <= 4 && rest.every((t) => /^\p{Lu}[\p{L}'’.-]*$/u.test(t.text) && !NOT_NAME_WORDS.has(t.text.toLowerCase())) ? k : -1;
  }
  return -1;
}

/** A word that may stand in a person's name written after a body's: capitalised, no common, head, title or place word. */
function personNameWord(t: Token): boolean {
  const w = t.text.toLowerCase();
  if (POSSESSIVE.test(t.text)) return false;
  return /^\p{Lu}[\p{Ll}'’]+(?:-\p{L}+)*$|^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+$/u.test(t.text) && !NOT_NAME_WORDS.has(w) && !TITLE_FIRST_WORDS.has(w) && !HONORIFICS.has(w) &&
    !OFFICE_HEAD.has(w) && !ORGANIZATION_HEAD.has(w) && !COMPANY_HEAD.has(w) && !EVENT_HEAD.has(w) && !VENUE_HEAD.has(w) && !countryCode(t.text) && !isCommonWord(t.text);
}

/** A head noun of an office, organisation or company. */
const isBodyHead = (t: Token): boolean => OFFICE_HEAD.has(lower(t)) || ORGANIZATION_HEAD.has(lower(t)) || COMPANY_HEAD.has(lower(t));

/** A body's name is at most this long before an officer's name (a longer run is a list of words, not a name). */
const MAX_BODY_TOKENS = 10;

/**
 * "Executive Authority of the City of Baku Eldar Azizov", "Foster City Sister City Association David Saito": a body's
 * name (a head noun of an office, organisation or company, with its complement) run together with the two- to
 * four-word name of the person who holds a post in it, split into the body and the person. The shortest name that
 * leaves a body is taken; the name must be no place and no other reading than a person's or an unknown name.
 */
function bodyThenName(sentence: string, toks: Token[], ctx: ReadContext): Mention[] | null {
  const last = toks.length - 1;
  if (!personNameWord(toks[last]!) || !personNameWord(toks[last - 1]!)) return null;
  for (let n = 2; n <= 4 && toks.length - n >= 2; n++) {
    if (n > 2 && !personNameWord(toks[toks.length - n]!)) return null;
    const bodyToks = toks.slice(0, toks.length - n);
    const end = bodyToks[bodyToks.length - 1]!;
    if (!isCap(end) || POSSESSIVE.test(end.text)) continue;
    const label = labelByHead(sentence.slice(bodyToks[0]!.start, end.end));
    if (label !== 'Office' && label !== 'Organization' && label !== 'Company') continue;
    // the body ends at its head noun or at a place after it ("… Office of Ulsan", "Municipality of Boa Vista"), not at
    // a name word ("Board of the Albergue Infantil Joseino") nor at a title ("… Department Director-General Su En-en")
    const headAt = bodyToks.findLastIndex(isBodyHead);
    if (headAt < 0 || bodyToks.length > MAX_BODY_TOKENS) continue;
    if (headAt < bodyToks.length - 1 && !place(end.text).reading) continue;
    const nameToks = toks.slice(toks.length - n);
    if (place(nameToks.map((t) => t.text).join(' ')).reading) continue;
    const person = readTokens(sentence, nameToks, ctx, false);
    if (person.length !== 1 || person[0]!.kind !== 'Person' && person[0]!.kind !== 'Unknown') continue;
    return [...readTokens(sentence, bodyToks, ctx, false), { ...person[0]!, kind: 'Person' }];
  }
  return null;
}

/** "(President of) X Association Jo Ames", "(…) X Association & X Treasurer Jo Ames": the body, then the person who holds the title. */
/** "(Mayor of) London Boris Johnson": a known town of one or two words, then a two- to four-word name. */
function townThenPerson(sentence: string, toks: Token[]): Mention[] | null {
  const all = toks.map((t) => t.text);
  const nameShaped = (x: string) => /^\p{Lu}[\p{Ll}'’]+(?:-\p{L}+)?$/u.test(x) && !NOT_NAME_WORDS.has(x.toLowerCase()) && !TITLE_FIRST_WORDS.has(x.toLowerCase());
  // cheap shape test first: the last two words must look like a name
  if (!nameShaped(all[all.length - 1]!) || !nameShaped(all[all.length - 2]!)) return null;
  if (place(all.join(' ')).reading || labelByHead(all.join(' '))) return null;
  for (let n = Math.min(2, toks.length - 2); n >= 1; n--) {
    const town = all.slice(0, n).join(' ');
    const p = place(town);
    if (p.reading !== 'city' || p.commonWord) continue;
    const name = all.slice(n);
    if (name.length > 4 || !name.every((x) => /^\p{Lu}[\p{Ll}'’]+(?:-\p{L}+)?$/u.test(x) && !NOT_NAME_WORDS.has(x.toLowerCase()) && !TITLE_FIRST_WORDS.has(x.toLowerCase()) &&
      !HONORIFICS.has(x.toLowerCase()) && !ORGANIZATION_HEAD.has(x.toLowerCase()) && !OFFICE_HEAD.has(x.toLowerCase()) && !COMPANY_HEAD.has(x.toLowerCase()))) continue;
    if (place(name.join(' ')).reading || labelByHead(name.join(' '))) continue;
    return [mention(sentence, toks.slice(0, n), 'City', { name: town }), mention(sentence, toks.slice(n), 'Person', { name: name.join(' ') })];
  }
  return null;
}

/** An unknown phrase read as a town of one or two words and a name of two to five (initials allowed), or null. */
function seatThenEnvoy(m: Mention): Mention[] | null {
  const words = [...m.text.matchAll(/\S+/g)];
  for (let n = Math.min(2, words.length - 2); n >= 1; n--) {
    const town = words.slice(0, n).map((w) => w[0]).join(' ');
    const p = place(town);
    const name = words.slice(n).map((w) => w[0]);
    if (p.reading !== 'city' || p.commonWord || name.length > 5 || place(name[0]!).reading === 'country') continue;
    if (!name.every((x) => /^\p{Lu}[\p{L}'’.-]*$/u.test(x) && !NOT_NAME_WORDS.has(x.toLowerCase()) && !HONORIFICS.has(x.toLowerCase().replace(TRAILING_PERIOD, '')))) continue;
    const townEnd = m.start + words[n - 1]!.index! + words[n - 1]![0].length;
    const nameStart = m.start + words[n]!.index!;
    return [
      { kind: 'City', text: town, name: town, start: m.start, end: townEnd, words: n, placeKind: 'city' },
      { kind: 'Person', text: m.text.slice(words[n]!.index!), name: name.join(' '), start: nameStart, end: m.end, words: name.length },
    ];
  }
  return null;
}

const CONSULAR_TITLE = /^(?:(?:deputy|vice) )?consul(?:[ -]general)?$|^(?:deputy )?ambassador$/;

/** "(Consul General of) the People's Republic of China in Mumbai Tang Guocai", "(Iranian Consul General) in Shanghai":
 * the consulate or embassy, named after its country and its seat, then the officer's name if one follows. */
function consulateSeat(sentence: string, toks: Token[], title: string, prefix: string, ctx: ReadContext): Mention[] | null {
  const inAt = toks.findIndex((t) => /^in$/i.test(t.text));
  if (inAt < 0 || inAt + 1 >= toks.length || !prefix && inAt === 0) return null;
  let country = toks.slice(0, inAt).map((t) => t.text).join(' ');
  if (country && !/^(?:the )?\p{Lu}/u.test(country)) return null;
  if (country && /^\p{Lu}/u.test(country) && /^(?:People|Republic|Kingdom|Federal|Islamic|United|Socialist|Democratic|State)\b/.test(country)) country = `the ${country}`;
  const after = toks.slice(inAt + 1);
  for (let n = Math.min(3, after.length); n >= 1; n--) {
    const cityText = after.slice(0, n).map((t) => t.text).join(' ');
    const p = place(cityText);
    if (p.reading !== 'city' && p.reading !== 'ambiguous' || p.commonWord) continue;
    const nameToks = after.slice(n);
    if (nameToks.length === 1 || nameToks.length > 5) continue;
    const noun = /ambassador/.test(title) ? 'Embassy' : /general/.test(title) ? 'Consulate General' : 'Consulate';
    // "Consul General of the Japanese Consulate General in Shenyang": the consulate is named already
    const named = /\b(?:consulate|embassy)\b/i.test(country);
    const name = named ? `${country.replace(/^the /i, '')} in ${cityText}` : country ? `${noun} of ${country} in ${cityText}` : `${prefix ? prefix + ' ' : ''}${noun} in ${cityText}`;
    const office = mention(sentence, toks.slice(0, inAt + 1 + n), 'Office', { name });
    if (!nameToks.length) return [office];
    const person = readTokens(sentence, nameToks, ctx, false);
    if (person.length !== 1 || person[0]!.kind !== 'Person' && person[0]!.kind !== 'Unknown') continue;
    return [office, { ...person[0]!, kind: 'Person' }];
  }
  return null;
}

function bodyThenOfficer(sentence: string, toks: Token[], ctx: ReadContext): Mention[] | null {
  // "(Mayor of) Lindenberg Herr Karl Weber": an honorific opens the person
  for (let k = 1; k + 1 < toks.length; k++) {
    if (!HONORIFICS.has(lower(toks[k]).replace(TRAILING_PERIOD, '')) || TITLES.has(lower(toks[k]))) continue;
    const person = readTokens(sentence, toks.slice(k), ctx, false);
    if (person.length === 1 && person[0]!.kind === 'Person') return [...readTokens(sentence, toks.slice(0, k), ctx, false), ...person];
  }
  for (let k = toks.length - 1; k >= 2; k--) {
    const head = toks[k - 1]!.text.toLowerCase();
    if (!ORGANIZATION_HEAD.has(head) && !OFFICE_HEAD.has(head) && !COMPANY_HEAD.has(head)) continue;
    const bodyToks = toks.slice(0, k);
    const label = labelByHead(sentence.slice(bodyToks[0]!.start, bodyToks[k - 1]!.end));
    if (label !== 'Office' && label !== 'Organization' && label !== 'Company') return null;
    const rest = toks.slice(toks[k]!.text === '&' || lower(toks[k]) === 'and' ? k + 1 : k);
    if (!rest.length) return null;
    let person = readTokens(sentence, rest, ctx, false);
    const plainName = rest.length >= 2 && rest.length <= 4 && rest.every((t) => /^\p{Lu}[\p{Ll}'’-]+$/u.test(t.text) && !NOT_NAME_WORDS.has(t.text.toLowerCase()));
    if (person.length === 1 && person[0]!.kind === 'Unknown' && plainName) person = [{ ...person[0]!, kind: 'Person' }];
    if (person.length !== 1 || person[0]!.kind !== 'Person') return null;
    return [...readTokens(sentence, bodyToks, ctx, false), ...person];
  }
  return null;
}

// Last words of a title's remit: "… for Global Intergovernmental Affairs", "… of International Relations"
const REMIT_NOUNS = /^(affairs|relations|cooperation|co-operation|exchanges?|development|policy|trade|tourism|culture|education|investment|partnerships?|outreach|diplomacy|protocol)$/i;

// Plural titles and their abbreviations, before a list of names: "Crs A, B and C", "Councillors A and B".
const PLURAL_ABBREVIATIONS: Readonly<Record<string, string>> = { crs: 'councillor', cllrs: 'councillor', reps: 'representative', drs: 'doctor' };

function pluralTitle(word: string): string | null {
  const w = word.toLowerCase().replace(TRAILING_PERIOD, '');
  if (PLURAL_ABBREVIATIONS[w]) return PLURAL_ABBREVIATIONS[w]!;
  return w.length > 3 && w.endsWith('s') && TITLES.has(w.slice(0, -1)) && !WEAK_TITLES.has(w.slice(0, -1)) ? w.slice(0, -1) : null;
}

/** A lower-case title starting at token i (longest first): "vice chairman", "representatives". */
function lowerTitleAt(tokens: Token[], i: number): { title: string; plural: boolean; last: number } | null {
  const first = tokens[i]!.text;
  if (!TITLE_OPENERS.has(first)) return null;
  let len = 0;
  while (len < MAX_TITLE_WORDS && i + len < tokens.length && tokens[i + len]!.kind === 'word' && !isCap(tokens[i + len])) len++;
  for (; len >= 1; len--) {
    const t = tokens.slice(i, i + len).map((x) => x.text).join(' ');
    if (TITLES.has(t)) return { title: t, plural: false, last: i + len - 1 };
    if (t.endsWith('s') && TITLES.has(t.slice(0, -1))) return { title: t.slice(0, -1), plural: true, last: i + len - 1 };
  }
  return null;
}

/** All mentions of a sentence, in order. */
export function findMentions(sentence: string, ctx: ReadContext, tokens = tokenize(sentence)): Mention[] {
  const out: Mention[] = [];
  const list = phrases(tokens, ctx.compoundCities);
  for (const ph of list) {
    const atStart = ph.first === 0 || OPENING_QUOTE.test(tokens[0]!.text) && ph.first === 1;
    out.push(...readPhrase(sentence, tokens, ph, ctx, atStart));
  }
  // lower-case titles between the phrases: "Ann Ito, vice chairman of …", "representatives Al Poe and Bo Dee"
  const phraseCount = out.length;
  let next = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.kind !== 'word' || isCap(tok)) continue;
    while (next < phraseCount && out[next]!.end <= tok.start) next++;
    if (next < phraseCount && out[next]!.start <= tok.start) continue;
    const found = lowerTitleAt(tokens, i);
    if (!found) continue;
    const s = tok.start;
    const e = tokens[found.last]!.end;
    if (next < phraseCount && out[next]!.start < e) continue;
    const after = sentence.slice(e, e + 12);
    const before = sentence.slice(Math.max(0, s - 6), s);
    const plural = found.plural;
    // "Ben Ross, Riverton councilman, …": a title right after ", Place" closes an apposition
    const prev = next > 0 ? out[next - 1] : undefined;
    const afterPlace = !plural && !!prev && (prev.kind === 'City' || prev.kind === 'Unknown') && sentence.slice(prev.end, s).trim() === '' &&
      /,\s*$/.test(sentence.slice(Math.max(0, prev.start - 3), prev.start)) && /^\s*(?:[,;]|\.\s*$|$)/.test(after);
    // "members of the Committee" are the committee's people, not a title; "representatives Al Poe" are
    // "Kobe mayor, Kizo Hisamoto", "Lusaka's mayor, Mr Miles Bwalya Sampa,": a town's lower-case title, then the name in apposition
    const placeThenName = !plural && !!prev && (prev.kind === 'City' || prev.kind === 'Unknown' || prev.kind === 'Office') && /^['’]?s?\s*$/.test(sentence.slice(prev.end, s)) &&
      /^\s*,\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?\p{Lu}\p{L}+(?:[\s-]+\p{Lu}?\p{L}+)?(?:\s+\p{Lu}\p{L}+){0,2}\s*(?:,|and\b|\.|$)/u.test(sentence.slice(e, e + 60));
    // "the mayor and deputy mayor of Fremont": a title coordinated with a second one that has the complement
    const coordinatedTitle = !plural && /^\s+and\s/.test(after) && (() => {
      let k = found.last + 2;
      if (tokens[k]?.text === 'the') k++;
      const second = tokens[k] && !isCap(tokens[k]) ? lowerTitleAt(tokens, k) : null;
      return !!second && /^(of|for|at)$/.test(tokens[second.last + 1]?.text ?? '');
    })();
    // "a delegation …, led by its mayor Kenji Kitahashi": the title of the body just named, then the name
    const ledByIts = !plural && /\b(?:led|headed) by (?:its|their)\s+$/i.test(sentence.slice(Math.max(0, s - 20), s)) && /^\s+\p{Lu}\p{L}+\s+\p{Lu}/u.test(sentence.slice(e, e + 40));
    const isTitleUse = afterPlace || placeThenName || coordinatedTitle || ledByIts || (plural ? /^\s+\p{Lu}/u.test(after) : /^\s+(of|at|for)\s/.test(after) || /,\s*(the\s+|its\s+|their\s+)?$/.test(sentence.slice(Math.max(0, s - 9), s)) && /^\s*(of|at|for|,|\.)/.test(after) || /^\s+\p{Lu}\p{L}+\s+\p{Lu}/u.test(sentence.slice(e, e + 40)) && !/\b(a|an|its|their|his|her)\s+$/i.test(before));
    i = found.last;
    if (!isTitleUse) continue;
    out.push({ kind: 'Title', text: sentence.slice(s, e), name: sentence.slice(s, e), start: s, end: e, title: found.title, plural, words: 1 });
  }
  out.sort((a, b) => a.start - b.start);
  // "Ben Ross, Riverton councilman,": the name before that apposition is a person's
  for (let j = 0; j + 2 < out.length; j++) {
    const [m, placeM, title] = [out[j]!, out[j + 1]!, out[j + 2]!];
    if (m.kind !== 'Unknown' || m.words < 2 || m.words > 4 || title.kind !== 'Title' || title.plural) continue;
    if (placeM.kind !== 'City' && placeM.kind !== 'Unknown' || !/^,\s*$/.test(sentence.slice(m.end, placeM.start)) || sentence.slice(placeM.end, title.start).trim() !== '') continue;
    if (/^\s*(?:[,;]|\.\s*$|$)/.test(sentence.slice(title.end, title.end + 3))) m.kind = 'Person';
  }
  for (const m of out) {
    // "Leo Quinn III", "Claudia B Quinn": a middle initial or a generational suffix marks a person
    if (m.kind === 'Unknown' && PERSON_SHAPE.test(m.name)) {
      m.kind = 'Person';
      continue;
    }
    // "Kita, in Saitama prefecture": a name before a lower-case subdivision word is the subdivision
    // … and so is one after "the U.S. state of", "the province of"
    const subdivisionOf = SUBDIVISION_OF.test(sentence.slice(Math.max(0, m.start - 20), m.start));
    const subdivisionAfter = SUBDIVISION_AFTER.test(sentence.slice(m.end, m.end + 16));
    if (m.kind === 'City' && (subdivisionOf || subdivisionAfter)) {
      Object.assign(m, { kind: 'Place', placeKind: 'region', country: place(m.name).country });
      continue;
    }
    if (m.kind !== 'Unknown' || m.words > 5) continue;
    const kind = definedKind(sentence, m.end);
    if (kind) m.kind = kind;
    const misspelt = kind ? null : misspeltCity(sentence, m);
    if (misspelt) Object.assign(m, { kind: 'City', name: misspelt });
  }
  countriesAmongCountries(sentence, out);
  for (let j = 1; j < out.length; j++) {
    const [prev, m] = [out[j - 1]!, out[j]!];
    // "Panama City, Panama": a name after "Town," that is also a country's is the country
    if (m.kind === 'City' && m.words <= 2 && (prev.kind === 'City' || prev.kind === 'Unknown') && /^, $/.test(sentence.slice(prev.end, m.start))) {
      const cc = countryCode(m.name);
      if (cc && place(m.name).reading !== 'city') Object.assign(m, { kind: 'Place', placeKind: 'country', country: cc });
    }
  }
  // "attended the Summit", "the Mayors' Summit": a dictionary word that is also a town's name, after "the" or a
  // possessive, is a thing of the text (a happening, a body), not the town
  for (const m of out) {
    if (m.kind !== 'City' || m.words !== 1 || !place(m.name).commonWord) continue;
    if (/(?:\bthe|\p{L}['’]s?)\s+$/iu.test(sentence.slice(Math.max(0, m.start - 12), m.start))) m.kind = 'Unknown';
  }
  // "in the Hailey Centre": a centre one is in is a place
  for (const m of out) if (m.kind === 'Organization' && /\b(Centre|Center)$/.test(m.name) && /\b(?:in|at|inside) the $/i.test(sentence.slice(Math.max(0, m.start - 11), m.start))) m.kind = 'Venue';
  // "Consul General to Chongqing Flerida Ann Camille P. Mayo": an envoy's seat, then the envoy's name, in one phrase
  for (let j = 0; j < out.length; j++) {
    const m = out[j]!;
    if (m.kind !== 'Unknown' || m.words < 3 || !/\bconsul(?:[ -]general)?\s+to\s+$/i.test(sentence.slice(Math.max(0, m.start - 24), m.start))) continue;
    const split = seatThenEnvoy(m);
    if (split) out.splice(j, 1, ...split);
  }
  // "CCFAO", "SFAO": a city's Foreign Affairs Office by its acronym
  for (const m of out) if (m.kind === 'Unknown' && /^\p{Lu}{1,4}FAO$/u.test(m.name)) m.kind = 'Office';
  // "Suseong-gu", "Gimhae-si", "Nagaizumi-cho": a Korean or Japanese municipality by its suffix
  for (const m of out) if (m.kind === 'Unknown' && /^\p{Lu}\p{Ll}+-(?:gu|si|gun|cho|machi|mura|shi)$/u.test(m.name)) Object.assign(m, { kind: 'City', placeKind: 'stated' });
  // "Yonago's sister city Kagerou", "its twin town, Mautern": a town the gazetteer lacks, named as a twin
  for (const m of out) {
    // (an acronym is more often a known town's short name: "HCM City")
    if (m.kind !== 'Unknown' || m.words > 2 || !/^\p{Lu}\p{Ll}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]+)?$/u.test(m.name)) continue;
    if (/\b(?:sister|twin|partner|friendship)[- ](?:city|town)(?: of)?,? $/i.test(sentence.slice(Math.max(0, m.start - 30), m.start))) Object.assign(m, { kind: 'City', placeKind: 'stated' });
  }
  // "with Domtar in Riverton and Kao Corp. in Kita": an unheaded name coordinated with a company, each with its place, is one too
  for (let j = 0; j + 2 < out.length; j++) {
    const [m, placeM, other] = [out[j]!, out[j + 1]!, out[j + 2]!];
    if (m.kind !== 'Unknown' || placeM.kind !== 'City' || other.kind !== 'Company' && other.kind !== 'Organization') continue;
    if (/^\s+in\s+$/.test(sentence.slice(m.end, placeM.start)) && /^,?\s+and\s+$/.test(sentence.slice(placeM.end, other.start))) m.kind = other.kind;
  }
  return out;
}
