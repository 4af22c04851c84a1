// English date expressions of news articles, resolved to ISO partial dates (YYYY, YYYY-MM, YYYY-MM-DD)
// against the article's publication date. Articles report the past: a month without a year that lies
// after the publication month is last year's ("on December 5th" in an article of 2024-04-01 is 2023-12-05);
// a bare weekday is the latest such day on or before publication ("on Tuesday"). Unless the clause before
// the date speaks of the future ("will be in Sioux City on Nov. 16", "is expected to visit in April"):
// then the date is the next one on or after publication.
// Vague spans keep a vague precision: "last week" and "earlier this month" give a month, "this year" a year.
import { matchAll } from './match-all.ts';

export interface DateMention {
  /** the date expression as written, without a leading "on"/"in" ("the evening of March 25th") */
  text: string;
  start: number;
  end: number;
  date: string;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const WEEKDAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

// Month names are matched capitalised (or all caps) only, so the verb "may" and "march on" stay words.
// Only abbreviations take a dot, so a sentence-final "in May." keeps its full stop.
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)';
// Abbreviations are whole words: "by Sunshine Coast", "a Wedding" name no weekday.
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\\.?(?![a-z]))';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '(?:1[89]\\d\\d|20\\d\\d)';
const PART_OF_DAY = '(?:(?:the )?(?:early |late )?(?:morning|afternoon|evening|night) of )';
const LEAD = `(?:${PART_OF_DAY}|(?:${WEEKDAY},? )(?=(?:the )?\\d|${MONTH}))?`;

const PATTERNS: { re: string; kind: Kind }[] = [
  { kind: 'iso', re: `\\b${YEAR}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\\d|3[01])(?![\\d])` },
  { kind: 'numeric', re: `\\b(?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|[12]\\d|3[01])[-/.]${YEAR}(?![\\d])` },
  { kind: 'cjk', re: `${YEAR}\\s*年\\s*(?:0?[1-9]|1[0-2])\\s*月(?:\\s*(?:0?[1-9]|[12]\\d|3[01])\\s*[日号])?` },
  { kind: 'monthDay', re: `\\b${LEAD}${MONTH} (?:the )?${DAY}(?:(?:-|–|to |and )${DAY})?(?:,? ${YEAR})?(?![\\d:])` },
  { kind: 'dayMonth', re: `\\b${LEAD}(?:the )?${DAY}(?:(?:-|–| to | and )${DAY})?(?: day)?(?: of)? ${MONTH}(?:,? ${YEAR})?(?![\\d])` },
  { kind: 'monthYear', re: `\\b(?:(?:early|mid|late)[- ])?${MONTH},? (?:of )?${YEAR}\\b` },
  { kind: 'relMonth', re: `\\b(?:[Ll]ast|[Tt]his(?: past)?|[Nn]ext|[Ee]arlier this|[Ll]ater this|[Pp]ast) ${MONTH}(?![\\w])` },
  // "on the afternoon of the 2nd at City Hall": a day of the publication month (Korean and Chinese
  // city news write so); not "on the 20th anniversary".
  { kind: 'dayOnly', re: `\\b(?:(?:[Oo]n|[Oo]f) (?:${PART_OF_DAY})?the |(?:[Oo]n )?${WEEKDAY},? (?:the )?)(?:[12]\\d|3[01]|[1-9])(?:st|nd|rd|th)(?=\\s*[,.;:)]|\\s+(?:at|in|and|to|with|from|when|during|as|after|before|for)\\b|\\s*$)` },
  { kind: 'relWeekday', re: `\\b(?:[Ll]ast|[Tt]his|[Nn]ext|[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil) (?:${PART_OF_DAY})?${WEEKDAY}(?:(?: (?:morning|afternoon|evening|night)))?(?![\\w,]*\\s*(?:the )?(?:\\d|${MONTH}))` },
  // News style without "on": "the two cities forged a sisterhood Saturday", "filled Monday night".
  { kind: 'relWeekday', re: `(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?<=(?:^|[\\s(])[a-z][a-z'’]*,? (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?:(?: (?:morning|afternoon|evening|night)))?(?![\\w,]*\\s*(?:the )?(?:\\d|${MONTH}))` },
  { kind: 'relative', re: '\\b(?:(?:[Ee]arlier|[Ll]ater) )?(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious|[Pp]ast) (?:week|month|year)\\b' },
  { kind: 'yesterday', re: '\\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]he day before yesterday)\\b' },
  { kind: 'bareMonth', re: `\\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate|[Mm]id-?) ${MONTH}(?![\\w])(?! \\d)` },
  { kind: 'year', re: `\\b(?:(?:[Ii]n|[Ss]ince|[Ff]rom|[Uu]ntil|[Tt]ill|[Bb]y|[Dd]uring|[Tt]hrough|[Bb]efore|[Aa]fter|[Oo]f|[Ee]arly|[Ll]ate|[Mm]id-?|[Ii]n the year|[Yy]ear) )${YEAR}(?![\\d-])` },
];
type Kind =
  | 'iso' | 'numeric' | 'cjk' | 'dayOnly' | 'monthDay' | 'dayMonth' | 'monthYear' | 'relMonth' | 'relWeekday' | 'relative'
  | 'yesterday' | 'bareMonth' | 'year' | 'bareYear';

const MONTH_WORD = new RegExp(`\\b${MONTH}`, 'i');
const WEEKDAY_WORD = /\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?(?! of)/i;
// Every date the scanner reads has a digit or one of these words; most sentences have neither, and
// this test costs a fraction of a scan.
const MAY_HAVE_DATE =
  /\d|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tues?(?:day)?|wed(?:nesday)?|thu(?:rs?)?(?:day)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|yesterday|today|tomorrow|(?:last|this|next|previous|past) (?:week|month|year))\b/i;
const GROUP_NAMES = PATTERNS.map((_, i) => `k${i}`);
const SCANNER = new RegExp(PATTERNS.map((p, i) => `(?<${GROUP_NAMES[i]}>${p.re})`).join('|'), 'g');
const BARE_YEAR = new RegExp(`^\\s*(?:(?:in|since|from|of|by|until|during|early|late|mid-?) )?(?:the year )?(${YEAR})\\s*$`, 'i');
// Leading prepositions and weekday/part-of-day words are not part of the reported text.
const STRIP_LEAD = /^(?:on|in|since|from|until|till|by|during|through|before|after|of)\s+/i;

interface Ref {
  y: number;
  m: number;
  d: number;
}

function parseReference(reference: string | null): Ref | null {
  const m = reference ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(reference) : null;
  if (!m) return null;
  return { y: Number(m[1]), m: m[2] ? Number(m[2]) : 12, d: m[3] ? Number(m[3]) : 31 };
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const ym = (y: number, m: number) => `${y}-${pad(m)}`;

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function shiftDays(ref: Ref, days: number): Ref {
  const t = new Date(Date.UTC(ref.y, ref.m - 1, ref.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function monthOf(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

/** Year for a month (and day) written without one: the publication year, or the year before when that
 * month lies after the publication month. */
function yearFor(month: number, ref: Ref, future: boolean): number {
  if (future) return month < ref.m ? ref.y + 1 : ref.y;
  return month > ref.m ? ref.y - 1 : ref.y;
}

// Words that put what follows in the future; "would" is left out (reported speech looks back).
const FUTURE =
  /\b(?:will|shall|(?:is|are|was|were) (?:expected|scheduled|set|due|slated|planned|going|invited) to|plans? to|planning to|intends? to|to be held|scheduled (?:for|on)|planned (?:for|on)|upcoming|forthcoming)\b/i;

/** The future applies to a date when the words before it in its clause are in the future tense. */
function futureBefore(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 120), index);
  const clause = before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf('. ')) + 1);
  return FUTURE.test(clause);
}

function resolveMatch(kind: Kind, text: string, ref: Ref | null, future: boolean): string | null {
  const year = /\b(1[89]\d\d|20\d\d)\b/.exec(text)?.[1];
  const y = year ? Number(year) : null;
  const monthWord = MONTH_WORD.exec(text)?.[0];
  const mon = monthWord ? monthOf(monthWord) : undefined;
  switch (kind) {
    case 'iso':
    case 'cjk': {
      const [yy, mm, dd] = text.match(/\d+/g)!.map(Number);
      if (dd === undefined) return validDay(yy!, mm!, 1) ? ym(yy!, mm!) : null;
      return validDay(yy!, mm!, dd) ? ymd(yy!, mm!, dd) : null;
    }
    case 'numeric': {
      // 13/05/2019 or 01-13-2023: read only when one of the two numbers cannot be a month.
      const [a, b, yy] = text.match(/\d+/g)!.map(Number);
      if (a! > 12 && b! <= 12) return validDay(yy!, b!, a!) ? ymd(yy!, b!, a!) : null;
      if (b! > 12 && a! <= 12) return validDay(yy!, a!, b!) ? ymd(yy!, a!, b!) : null;
      return a === b && validDay(yy!, a!, a!) ? ymd(yy!, a!, a!) : null;
    }
    case 'monthDay':
    case 'dayMonth': {
      if (!mon) return null;
      const withoutYear = year ? text.replace(year, '') : text;
      const day = Number(/\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(withoutYear)?.[1]);
      const yy = y ?? (ref ? yearFor(mon, ref, future) : null);
      if (yy === null) return null;
      return validDay(yy, mon, day) ? ymd(yy, mon, day) : null;
    }
    case 'dayOnly': {
      if (!ref) return null;
      const day = Number(/(\d+)(?:st|nd|rd|th)/.exec(text)![1]);
      const named = WEEKDAY_WORD.exec(text);
      const [yy, mm] = future
        ? day >= ref.d ? [ref.y, ref.m] : ref.m === 12 ? [ref.y + 1, 1] : [ref.y, ref.m + 1]
        : day <= ref.d ? [ref.y, ref.m] : ref.m === 1 ? [ref.y - 1, 12] : [ref.y, ref.m - 1];
      if (!validDay(yy, mm, day)) return null;
      // "Saturday 4th": the weekday must agree, or the day is not of that month.
      if (named && new Date(Date.UTC(yy, mm - 1, day)).getUTCDay() !== WEEKDAYS[named[1]!.toLowerCase()]) return null;
      return ymd(yy, mm, day);
    }
    case 'monthYear':
      return mon && y ? ym(y, mon) : null;
    case 'bareMonth':
      return mon && ref ? ym(yearFor(mon, ref, future), mon) : null;
    case 'relMonth': {
      if (!mon || !ref) return null;
      const rel = text.toLowerCase();
      if (rel.startsWith('last') || rel.includes('past')) return ym(mon >= ref.m ? ref.y - 1 : ref.y, mon);
      if (rel.startsWith('next')) return ym(mon <= ref.m ? ref.y + 1 : ref.y, mon);
      return ym(ref.y, mon);
    }
    case 'relWeekday': {
      if (!ref) return null;
      const wd = WEEKDAYS[WEEKDAY_WORD.exec(text)![1]!.toLowerCase()]!;
      const refWd = new Date(Date.UTC(ref.y, ref.m - 1, ref.d)).getUTCDay();
      const rel = text.toLowerCase();
      let offset = -((refWd - wd + 7) % 7); // back to the latest such weekday, publication day included
      if (rel.startsWith('last') && offset === 0) offset = -7;
      if (rel.startsWith('next')) offset = (wd - refWd + 7) % 7 || 7;
      else if (future && !rel.startsWith('last')) offset = (wd - refWd + 7) % 7; // "will visit on Tuesday"
      const t = shiftDays(ref, offset);
      return ymd(t.y, t.m, t.d);
    }
    case 'relative': {
      if (!ref) return null;
      const rel = text.toLowerCase();
      const step = /\b(?:last|previous|past)\b/.test(rel) ? -1 : /\bnext\b/.test(rel) ? 1 : 0;
      if (rel.endsWith('year')) return String(ref.y + step);
      if (rel.endsWith('month')) {
        const m0 = ref.m - 1 + step;
        return ym(ref.y + Math.floor(m0 / 12), ((m0 % 12) + 12) % 12 + 1);
      }
      const t = shiftDays(ref, 7 * step);
      return ym(t.y, t.m);
    }
    case 'yesterday': {
      if (!ref) return null;
      const rel = text.toLowerCase();
      const t = shiftDays(ref, rel.includes('before') ? -2 : rel === 'yesterday' ? -1 : rel === 'tomorrow' ? 1 : 0);
      return ymd(t.y, t.m, t.d);
    }
    case 'year':
    case 'bareYear':
      return year ?? null;
  }
}

function scan(text: string, ref: Ref | null): DateMention[] {
  const out: DateMention[] = [];
  for (const m of matchAll(text, SCANNER)) {
    const groups = m.groups!;
    const i = GROUP_NAMES.findIndex((name) => groups[name] !== undefined);
    const raw = m[0];
    const date = resolveMatch(PATTERNS[i]!.kind, raw, ref, futureBefore(text, m.index));
    if (date === null) continue;
    const lead = STRIP_LEAD.exec(raw)?.[0].length ?? 0;
    const start = m.index + lead;
    out.push({ text: raw.slice(lead), start, end: m.index + raw.length, date });
  }
  return out;
}

/** Every date expression of a sentence with its resolved date; those that cannot be resolved
 * (a month without a year and no publication date) are left out. Never throws. */
export function findDates(sentence: string, reference: string | null): DateMention[] {
  if (typeof sentence !== 'string' || !MAY_HAVE_DATE.test(sentence)) return [];
  return scan(sentence, parseReference(reference));
}

/** One date expression ("March 25th", "in 2011", "last October", "2024-03-25T08:00:00Z") as a
 * PartialDate, or null when it is no date or needs a publication date that is missing. */
export function resolveDate(phrase: string, reference: string | null): string | null {
  if (typeof phrase !== 'string') return null;
  const bare = BARE_YEAR.exec(phrase);
  if (bare) return bare[1]!;
  return scan(phrase, parseReference(reference))[0]?.date ?? null;
}
