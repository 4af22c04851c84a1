// The learned entity step: after the readers have found an article's entities and facts, each candidate
// (every entity but the events) is kept, relabelled or dropped by logistic models fitted on the annotated
// corpora (api/learn/entities.ts). Features describe the name (its generic words, shape, head noun class),
// the contexts of its mentions and what the rules said of it (label, reader, mentions, facts): never the
// names of particular people, towns or publishers (a name word is a feature only when it is a common English
// word). The graph stays consistent: a relabelled entity gets the id resolve.ts makes for its new label, and
// facts whose ends no longer fit the model's endpoint labels are dropped.
import { z } from 'zod';
import { MODEL } from '../../graph/model.ts';
import type { AnalyzedSentence, Article, Label } from '../article.ts';
import { BoundedCache } from '../bounded-cache.ts';
import { countryCode, isCommonWord } from '../gazetteer.ts';
import { place, type Mention } from '../mentions.ts';
import { COMPANY_HEAD, EVENT_HEAD, fold, HONORIFICS, NOT_NAME_WORDS, OFFICE_HEAD, ORGANIZATION_HEAD, personWords, TITLES, VENUE_HEAD } from '../names.ts';
import { orgId, personId } from '../resolve.ts';
import { feature } from './feature-ids.ts';
import { bucket, LinearModelSchema, sigmoid } from './linear.ts';
import shipped from './entities.json' with { type: 'json' };

/** The labels the step decides among; events are left as the readers made them. */
export const DECIDED_LABELS = ['Person', 'Office', 'Organization', 'Company', 'City'] as const;
export type DecidedLabel = (typeof DECIDED_LABELS)[number];

/** One model per label: the probability that the candidate is a gold entity of that label. */
export const EntityModelSchema = z.object({
  labels: z.object(Object.fromEntries(DECIDED_LABELS.map((l) => [l, LinearModelSchema])) as Record<DecidedLabel, typeof LinearModelSchema>),
});
export type EntityModel = z.infer<typeof EntityModelSchema>;

export const SHIPPED_ENTITY_MODEL: EntityModel = EntityModelSchema.parse(shipped);

const isDecided = (label: Label): label is DecidedLabel => (DECIDED_LABELS as readonly string[]).includes(label);

/**
 * The rules' offices and organisations are relabelled between these two, never dropped: deciding them like spans
 * (kept or dropped) dropped well-formed names from short articles (docs/extraction.md § "Learned decisions:
 * entities"), but the gold's Office written by a reader as an Organization ("Stevenage-Kadoma Link Association",
 * "Hubei FAO") or the reverse is the largest label swap, counted twice (§ "Sixteenth session: entity misses"). The
 * rules' companies stay as the rules label them: few examples, and relabelling them made the seed article's "Sasebo
 * Pearl Sea Co., Ltd" and "Shenyang Nonstaple Foods Group" offices.
 */
const BODY_LABELS: readonly DecidedLabel[] = ['Office', 'Organization'];
const isBody = (label: string): boolean => (BODY_LABELS as readonly string[]).includes(label);

/** The class of each head word in one map, a word in two lists taking the first's (read for every word of every name and neighbour). */
const HEAD_CLASS = new Map<string, string>();
for (const [words, c] of [[OFFICE_HEAD, 'office'], [COMPANY_HEAD, 'company'], [ORGANIZATION_HEAD, 'organization'], [EVENT_HEAD, 'event'], [VENUE_HEAD, 'venue'], [TITLES, 'title'], [HONORIFICS, 'honorific']] as const) {
  for (const w of words) if (!HEAD_CLASS.has(w)) HEAD_CLASS.set(w, c);
}
const headClass = (word: string): string => HEAD_CLASS.get(word) ?? 'none';

/** What `\s` matches, as a code unit: the words around a mention are read without splitting the text into arrays. */
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 160 || c === 5760 || (c >= 8192 && c <= 8202) || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279;
}

/** The last run of non-space characters in text[from, to), as `text.slice(from, to).split(/\s+/)` ends. */
function lastWord(text: string, from: number, to: number): string | undefined {
  let end = to;
  while (end > from && isSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > from && !isSpace(text.charCodeAt(start - 1))) start--;
  return start < end ? text.slice(start, end) : undefined;
}

/** The first run of non-space characters in text[from, to). */
function firstWord(text: string, from: number, to: number): string | undefined {
  let start = from;
  while (start < to && isSpace(text.charCodeAt(start))) start++;
  let end = start;
  while (end < to && !isSpace(text.charCodeAt(end))) end++;
  return start < end ? text.slice(start, end) : undefined;
}

// Unicode classes as module constants: the TypeScript loader writes a literal with \p{…} as `new RegExp(…)`, a new
// object each time it is evaluated (once a word here).
const UPPER_ONLY = /^\p{Lu}+$/u;
const UPPER_FIRST = /^\p{Lu}/u;
const LOWER_FIRST = /^\p{Ll}/u;
const ACRONYM = /^\p{Lu}{2,}$/u;
const SHORT_WORD = /^\p{Lu}[\p{Ll}]{0,3}\.?$/u;
const CAPITALISED = /^\p{Lu}\p{L}/u;
// and the word tests of every mention's neighbours
const PUNCTUATION_FIRST = /^[,.;:()]/;
const TRAILING_STOPS = /[.,]+$/;

const shapeOf = (w: string) => (UPPER_ONLY.test(w) ? (w.length > 1 ? 'A' : 'I') : UPPER_FIRST.test(w) ? 'Aa' : LOWER_FIRST.test(w) ? 'a' : /\d/.test(w) ? '9' : '.');

const genericCache = new BoundedCache<string | null>(20_000);

/** A word usable as a feature: a common English word, lower-cased; any other word is only its shape. */
const generic = (w: string): string | null => genericCache.get(w, () => {
  const lower = w.toLowerCase().replace(/[.,'’]+$/g, '');
  return lower.length > 1 && (isCommonWord(lower) || OFFICE_HEAD.has(lower) || COMPANY_HEAD.has(lower) || ORGANIZATION_HEAD.has(lower)) ? lower : null;
});


// names recur within and across articles: their features are computed once
const nameFeatureCache = new BoundedCache<readonly string[]>(20_000);

/** The features of a name under the rules' label: its words, shape, head nouns and gazetteer readings. */
function nameFeatures(rule: string, name: string): readonly string[] {
  return nameFeatureCache.get(`${rule}|${name}`, () => {
    const f: string[] = [`rule:${rule}`];
    const words = name.split(/\s+/).filter(Boolean);
    f.push(`words:${bucket(words.length, [1, 2, 3, 4, 6])}`, `rule:${rule}&words:${bucket(words.length, [1, 2, 3, 4])}`);
    f.push(`shape:${words.slice(0, 4).map(shapeOf).join('-')}`);
    const lowerWords = words.map((w) => w.toLowerCase().replace(/[.,'’]+$/g, ''));
    for (const w of words) {
      const g = generic(w);
      if (g) f.push(`w:${g}`);
    }
    const last = lowerWords[lowerWords.length - 1] ?? '';
    const first = lowerWords[0] ?? '';
    f.push(`head:${headClass(last)}`, `first:${headClass(first)}`, `rule:${rule}&head:${headClass(last)}`);
    const lastGeneric = generic(last);
    if (lastGeneric) f.push(`last:${lastGeneric}`);
    const firstGeneric = generic(first);
    if (firstGeneric) f.push(`firstWord:${firstGeneric}`);
    if (words.length && words.every((w) => !generic(w))) f.push('noCommonWord');
    for (const w of lowerWords) {
      const c = headClass(w);
      if (c !== 'none') f.push(`has:${c}`);
    }
    if (words.some((w) => ACRONYM.test(w))) f.push('acronym');
    if (words.some((w) => /\d/.test(w))) f.push('digit');
    if (SHORT_WORD.test(name)) f.push('shortWord');
    if (name.length <= 4) f.push('short');
    if (personWords(name).length < words.length) f.push('honorificInName');
    if (countryCode(name)) f.push('country');
    const reading = place(name);
    f.push(`place:${reading.reading ?? 'none'}`);
    const biggest = reading.cities[0]?.population ?? 0;
    if (reading.cities.length) f.push(`population:${bucket(Math.log10(biggest + 1), [3, 4, 5, 6])}`);
    if (words.length > 1) {
      f.push(`firstPlace:${place(words[0]!).reading ?? 'none'}`);
      const base = name.replace(/\s+(?:city|district|county|municipality|town|ward|shire|prefecture|province)$/i, '');
      if (base !== name) f.push(`basePlace:${place(base).reading ?? 'none'}`);
    }
    return f;
  });
}

const MAX_PART_WORDS = 3;

/**
 * The runs of capitalised words inside a name of several words that the gazetteer reads as a town (longest
 * first, left to right), with where they stand in the name; the whole name is not one of them.
 */
interface TownPart {
  name: string;
  at: 'first' | 'last' | 'inner';
  /** the words of the name around the part */
  prev?: string;
  next?: string;
}

function townParts(name: string): TownPart[] {
  const words = name.split(/\s+/).flatMap((w) => (/[-–]/.test(w) && !isTown(w) ? w.split(/[-–]+/) : [w])).map((w) => w.replace(/(?:[’']s)?[.,;:’']*$/u, ''));
  if (words.length < 2) return [];
  const parts: TownPart[] = [];
  for (let i = 0; i < words.length; ) {
    let taken = 0;
    for (let n = Math.min(MAX_PART_WORDS, words.length - i); n >= 1 && !taken; n--) {
      const run = words.slice(i, i + n);
      if (n === words.length || !run.every((w) => CAPITALISED.test(w))) continue;
      const text = run.join(' ');
      if (n === 1 && isCommonWord(text.toLowerCase())) continue;
      if (isTown(text)) {
        parts.push({ name: text, at: i === 0 ? 'first' : i + n === words.length ? 'last' : 'inner', prev: words[i - 1], next: words[i + n] });
        taken = n;
      }
    }
    i += taken || 1;
  }
  return parts;
}

/**
 * A word that may stand in a person's name: capitalised (or a particle), no common English word, head noun,
 * title, acronym, country or town (a town of up to four letters may be a surname: "Ho", "Phan").
 */
function personNameWord(w: string): boolean {
  if (PARTICLE.test(w)) return true;
  if (!PERSON_WORD.test(w) || LONG_ACRONYM.test(w)) return false;
  const lower = w.toLowerCase().replace(/[.,'’]+$/g, '');
  return !NOT_NAME_WORDS.has(lower) && !isCommonWord(lower) && headClass(lower) === 'none' && !countryCode(w) && (lower.length <= 4 || !isTown(w));
}
const PERSON_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;
const PARTICLE = /^(?:al|bin|binti|de|del|van|von|der|la|le|da|di|dos|das)$/;
const LONG_ACRONYM = /^\p{Lu}{3,}$/u;
const MIN_PERSON_WORDS = 2;
const MAX_PERSON_WORDS = 4;

/**
 * The person's name that opens or closes a longer name the readers left unclaimed, where the chunker ran it
 * together with a title, a body or a town ("Karibib Town Council Petrus Nabot", "Vilnius Artūras Zuokas",
 * "Peter Minhinnett of Daventry and District Friends of Iganga"): the longest run of two to four name words at
 * the end, else at the start, with the words of the name around it.
 */
function personParts(name: string): TownPart[] {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length <= MIN_PERSON_WORDS) return [];
  const parts: TownPart[] = [];
  let start = words.length;
  while (start > 0 && personNameWord(words[start - 1]!)) start--;
  while (start < words.length && PARTICLE.test(words[start]!)) start++;
  if (words.length - start >= MIN_PERSON_WORDS && words.length - start <= MAX_PERSON_WORDS && start > 0) parts.push({ name: words.slice(start).join(' '), at: 'last', prev: words[start - 1] });
  let end = 0;
  while (end < words.length && personNameWord(words[end]!)) end++;
  while (end > 0 && PARTICLE.test(words[end - 1]!)) end--;
  if (end >= MIN_PERSON_WORDS && end <= MAX_PERSON_WORDS && end < words.length) parts.push({ name: words.slice(0, end).join(' '), at: 'first', next: words[end] });
  // a country, region or town read whole ("Costa Rica", "Khyber Pakhtunkhwa") is no person
  return parts.filter((p) => !place(p.name).reading);
}

/** Lower-case words a town's body is written with after the town ("Carbonne twinning committee", "Port Hope council"). */
const BODY_WORD = /^(?:municipal|metropolitan|city|town|county|district|regional|provincial|twinning|sister|friendship|mayor['’]s)$/;
/** The word that ends a town's body: a head noun of an office or an organisation, or "Sister Cities". */
const BODY_END = (w: string) => OFFICE_HEAD.has(w) || ORGANIZATION_HEAD.has(w) || w === 'cities' || w === 'governorate' || w === 'khokimiyat';
const NEXT_WORD = /\s+([\p{L}][\p{L}'’.-]*)/uy;
const MAX_BODY_WORDS = 5;

interface TownBody {
  /** where the body's name ends in the sentence */
  end: number;
  possessive: boolean;
  /** a lower-case word in it */
  lower: boolean;
  head: string;
}

/**
 * A town's body written after the town, which the chunker leaves out of the town's mention: "Rabat’s Municipal
 * Council", "Dakhla's municipal council", "Mesa Sister Cities", "Carbonne twinning committee". The words after the
 * town while they are capitalised or a body's lower-case words, cut after the last head noun.
 */
function townBody(text: string, townEnd: number): TownBody | undefined {
  let at = townEnd;
  const possessive = /^['’]s\s/.test(text.slice(at, at + 3));
  if (possessive) at += 2;
  let best: TownBody | undefined;
  let lower = false;
  for (let n = 0; n < MAX_BODY_WORDS; n++) {
    NEXT_WORD.lastIndex = at;
    const m = NEXT_WORD.exec(text);
    if (!m) break;
    const word = m[1]!.replace(/[.'’]+$/, '');
    const w = word.toLowerCase();
    const capital = CAPITALISED.test(word);
    const bodyWord = BODY_WORD.test(w) || BODY_END(w);
    if (capital ? NOT_NAME_WORDS.has(w) && !bodyWord : !bodyWord) break;
    lower ||= !capital;
    at = m.index + m[0].length;
    // "sister cities" written in lower case is the towns, not a body
    if (BODY_END(w) && (capital || w !== 'cities')) best = { end: at - (m[1]!.length - word.length), possessive, lower, head: w };
    if (word.length < m[1]!.length) break;
  }
  return best;
}

function isTown(name: string): boolean {
  const p = place(name);
  return (p.reading === 'city' || p.reading === 'ambiguous') && p.cities.length > 0 && !countryCode(name);
}

/** Mention kinds the readers leave unclaimed that may still name an entity: spans the step may make one of. */
const SPAN_KINDS = new Set(['Unknown', 'Place', 'Venue', 'Person', 'Office', 'Organization', 'Company', 'City']);

/** An entity the rules found, or a span of the text they left unclaimed (label null, id `span:` + folded name). */
export interface EntityCandidate {
  id: string;
  ruleLabel: DecidedLabel | null;
  name: string;
  names: string[];
  /** the first sentence and surface of a span, to make its entity from */
  first: number;
  surface: string;
  features: string[];
}

/** The candidates of an analysed article: its entities but the events and those `settled` already, and its unclaimed name spans. */
export function entityCandidates(a: Article, settled: (e: { id: string; label: string }) => boolean = () => false): EntityCandidate[] {
  const contexts = new Map<string, Set<string>>();
  const add = (id: string, f: string) => (contexts.get(id) ?? contexts.set(id, new Set()).get(id)!).add(f);
  const entityNames = new Set([...a.entities.values()].flatMap((e) => [e.name, ...e.aliases].map(fold)));
  const spans = new Map<string, { name: string; first: number; surface: string; mentions: number }>();
  const addSpan = (name: string, first: number, surface: string): string => {
    const id = `span:${fold(name)}`;
    const span = spans.get(id);
    if (span) span.mentions++;
    else spans.set(id, { name, first, surface, mentions: 1 });
    return id;
  };
  // the entities described below: the contexts of the others' mentions would never be read
  const isCandidate = (e: { id: string; label: Label }) => isDecided(e.label) && e.label !== 'Company' && !settled(e);
  const described = new Set<string>();
  for (const e of a.entities.values()) if (isCandidate(e)) described.add(e.id);
  // a town's body the chunker cut off after the town: a candidate of its own, decided like any span
  const addTownBody = (s: AnalyzedSentence, m: Mention) => {
    const body = townBody(s.text, m.end);
    if (!body) return;
    const name = s.text.slice(m.start, body.end);
    if (entityNames.has(fold(name))) return;
    const bodyId = addSpan(name, s.index, name);
    add(bodyId, 'gen:townBody');
    add(bodyId, `gen:townBody&kind:${m.kind}`);
    add(bodyId, `gen:townBody&head:${headClass(body.head)}`);
    if (body.possessive || m.possessive) add(bodyId, 'gen:townBody&possessive');
    if (body.lower) add(bodyId, 'gen:townBody&lower');
  };
  for (const s of a.sentences) {
    s.mentions.forEach((m, j) => {
      if (m.kind === 'City' || m.kind === 'Place' && !m.country) addTownBody(s, m);
      let id = s.refs[j];
      if (id && !described.has(id)) return;
      if (!id) {
        // the cheap tests first: most unclaimed mentions are not folded at all
        if (!SPAN_KINDS.has(m.kind) || m.kind === 'Place' && m.country || !UPPER_FIRST.test(m.name)) return;
        const folded = fold(m.name);
        if (!folded || entityNames.has(folded)) return;
        id = addSpan(m.name, s.index, m.text);
        // towns the gazetteer knows inside an unclaimed name ("Aberdeen of Scotland", "Riverside-Sendai",
        // "Bucharest Radko Vlaykov"): candidates of their own, decided like any span
        const mentionPrev = lastWord(s.text, Math.max(0, m.start - 30), m.start);
        for (const part of townParts(m.name)) {
          if (entityNames.has(fold(part.name))) continue;
          const partId = addSpan(part.name, s.index, part.name);
          add(partId, 'gen:townPart');
          add(partId, `gen:townPart&kind:${m.kind}`);
          add(partId, `gen:townPart&at:${part.at}`);
          add(partId, `gen:townPart&prev:${part.prev === undefined ? '^' : generic(part.prev) ?? shapeOf(part.prev)}`);
          add(partId, `gen:townPart&next:${part.next === undefined ? '$' : generic(part.next) ?? shapeOf(part.next)}`);
          const country = place(part.name).cities[0]?.country;
          add(partId, `gen:townPart&countryNamed:${country ? bucket(a.countries.get(country) ?? 0, [0, 1, 2]) : 'none'}`);
          // "of Würzburg Germany": the town's own country written after it
          const nextCountry = part.next === undefined ? undefined : countryCode(part.next);
          if (nextCountry) add(partId, place(part.name).cities.some((c) => c.country === nextCountry) ? 'gen:townPart&inNextCountry' : 'gen:townPart&nextCountry');
          if (part.at === 'first') add(partId, `gen:townPart&first&mentionPrev:${mentionPrev === undefined ? '^' : generic(mentionPrev) ?? shapeOf(mentionPrev)}`);
        }
        for (const part of personParts(m.name)) {
          if (entityNames.has(fold(part.name))) continue;
          const partId = addSpan(part.name, s.index, part.name);
          const beside = part.at === 'last' ? part.prev! : part.next!;
          const besideWord = beside.toLowerCase().replace(TRAILING_STOPS, '');
          add(partId, 'gen:personPart');
          add(partId, `gen:personPart&kind:${m.kind}`);
          add(partId, `gen:personPart&at:${part.at}`);
          add(partId, `gen:personPart&${part.at}&beside:${generic(beside) ?? shapeOf(beside)}`);
          add(partId, `gen:personPart&${part.at}&besideClass:${headClass(besideWord)}`);
          if (isTown(beside.replace(TRAILING_STOPS, ''))) add(partId, `gen:personPart&${part.at}&besideTown`);
          if (part.at === 'first') add(partId, `gen:personPart&first&mentionPrev:${mentionPrev === undefined ? '^' : generic(mentionPrev) ?? shapeOf(mentionPrev)}`);
        }
      }
      add(id, feature('kind:', m.kind));
      if (m.typedBy) add(id, feature('typedBy:', m.typedBy));
      if (m.title) add(id, 'titled');
      if (m.possessive) add(id, 'possessive');
      if (m.text !== m.name) add(id, 'surfaceDiffers');
      if (s.paragraph === -1) add(id, 'inHeadline');
      const prev = lastWord(s.text, Math.max(0, m.start - 30), m.start);
      const next = firstWord(s.text, m.end, Math.min(s.text.length, m.end + 30));
      const previousMention = j > 0 ? s.mentions[j - 1] : undefined;
      if (previousMention && m.start - previousMention.end <= 2) add(id, feature('afterMention:', previousMention.kind));
      const nextMention = s.mentions[j + 1];
      if (nextMention && nextMention.start - m.end <= 2) add(id, feature('beforeMention:', nextMention.kind));
      if (prev) add(id, feature('prev:', generic(prev) ?? shapeOf(prev)));
      else add(id, 'prev:^');
      if (next) add(id, feature('next:', PUNCTUATION_FIRST.test(next) ? next[0]! : generic(next) ?? shapeOf(next)));
      else add(id, 'next:$');
      if (prev) add(id, feature('prevClass:', headClass(prev.toLowerCase().replace(TRAILING_STOPS, ''))));
      if (next) add(id, feature('nextClass:', headClass(next.toLowerCase().replace(TRAILING_STOPS, ''))));
    });
  }
  const relations = new Map<string, Map<string, number>>();
  for (const f of a.facts.values()) {
    for (const [id, end] of [[f.from, ':from'], [f.to, ':to']] as const) {
      const r = relations.get(id) ?? relations.set(id, new Map()).get(id)!;
      const k = feature(f.type, end);
      r.set(k, (r.get(k) ?? 0) + 1);
    }
  }
  const others = [...a.entities.values()].map((e) => ({ id: e.id, label: e.label, folded: ` ${fold(e.name)} ` }));
  const out: EntityCandidate[] = [];
  const describe = (id: string, ruleLabel: DecidedLabel | null, name: string, mentions: number, extra: string[]) => {
    const rule = ruleLabel ?? 'None';
    const f: string[] = [...nameFeatures(rule, name), ...extra];
    const ruleAnd = feature(feature('rule:', rule), '&');
    f.push(feature('mentions:', bucket(mentions, [1, 2, 3, 5])), feature(ruleAnd, feature('mentions:', bucket(mentions, [1, 2, 4]))));
    const folded = ` ${fold(name)} `;
    if (folded.trim().length > 0) for (const o of others) {
      if (o.id === id) continue;
      if (o.folded.length > folded.length && o.folded.includes(folded)) f.push(feature('partOf:', o.label));
      else if (folded.length > o.folded.length && folded.includes(o.folded)) f.push(feature('contains:', o.label));
    }
    const rel = relations.get(id);
    if (!rel) f.push('noFacts');
    for (const [k, n] of rel ?? []) f.push(feature('fact:', k), feature(feature('fact:', k), feature(':', bucket(n, [1, 3]))));
    for (const c of contexts.get(id) ?? []) f.push(c, feature(ruleAnd, c));
    return [...new Set(f)];
  };
  for (const e of a.entities.values()) {
    if (!isDecided(e.label) || !described.has(e.id)) continue;
    const extra: string[] = [];
    if (e.cityInName) extra.push('cityInName');
    if (e.aliases.size) extra.push('aliased');
    const intro = a.introducedBy.get(e.id);
    if (intro) extra.push(`introducedBy:${intro}`);
    if (e.id === a.homeCity) extra.push('homeCity');
    out.push({ id: e.id, ruleLabel: e.label, name: e.name, names: [e.name, ...e.aliases], first: e.first, surface: e.name, features: describe(e.id, e.label, e.name, e.mentions, extra) });
  }
  for (const [id, span] of spans) {
    out.push({ id, ruleLabel: null, name: span.name, names: [span.name], first: span.first, surface: span.surface, features: describe(id, null, span.name, span.mentions, []) });
  }
  return out;
}

export interface EntityDecision {
  /** the label chosen, or null to drop the entity */
  label: DecidedLabel | null;
  probabilities: Record<DecidedLabel, number>;
}

export interface EntityDecider {
  decide(features: readonly string[], ruleLabel: DecidedLabel | null): EntityDecision;
}

// a city is only kept or dropped, and no other entity becomes one (a city's node carries the gazetteer's reading);
// an unclaimed span may become any entity
const CITY_ONLY: readonly DecidedLabel[] = ['City'];
const NOT_CITY: readonly DecidedLabel[] = DECIDED_LABELS.filter((l) => l !== 'City');

/** The label of highest probability, kept when it reaches its model's threshold; else the candidate is dropped. */
export function entityDecider(model: EntityModel): EntityDecider {
  // one lookup per feature for the five models: the weights of a feature side by side
  const weights = new Map<string, Float64Array>();
  DECIDED_LABELS.forEach((l, i) => {
    for (const [f, w] of Object.entries(model.labels[l].weights)) {
      const row = weights.get(f) ?? weights.set(f, new Float64Array(DECIDED_LABELS.length)).get(f)!;
      row[i] = w;
    }
  });
  const biases = DECIDED_LABELS.map((l) => model.labels[l].bias);
  return {
    decide(features, ruleLabel) {
      const sums = Float64Array.from(biases);
      for (const f of features) {
        const row = weights.get(f);
        if (row) for (let i = 0; i < sums.length; i++) sums[i]! += row[i]!;
      }
      const probabilities = {} as Record<DecidedLabel, number>;
      DECIDED_LABELS.forEach((l, i) => (probabilities[l] = sigmoid(sums[i]!)));
      const open = ruleLabel === 'City' ? CITY_ONLY : ruleLabel && isBody(ruleLabel) ? BODY_LABELS : ruleLabel ? NOT_CITY : DECIDED_LABELS;
      let best: DecidedLabel = open[0]!;
      for (const l of open) if (probabilities[l] > probabilities[best]) best = l;
      const kept = probabilities[best] >= model.labels[best].threshold;
      // a rules' body below every threshold keeps the rules' label: it is relabelled, never dropped
      return { label: kept ? best : ruleLabel && isBody(ruleLabel) ? ruleLabel : null, probabilities };
    },
  };
}

const fits = (type: string, end: 'from' | 'to', label: string) => {
  const spec = (MODEL.relationships as Record<string, { from: readonly string[]; to: readonly string[] }>)[type];
  return !spec || spec[end].includes(label);
};

/**
 * Applies the decisions to an analysed article: drops the entities judged no entity (and their facts),
 * relabels the others (new id; cities are never made from another label, only kept or dropped), and drops
 * the facts whose ends no longer fit their type. The readers' evidence stays on every fact kept.
 */
export function decideEntities(a: Article, decider: EntityDecider): void {
  const dropped = new Set<string>();
  // a town a reader stated a fact of stays a town: the fact's pattern ("visited X", "X's sister city") is better
  // evidence than the name's shape and neighbours, most of all in short texts unlike the corpora's (people stay
  // decided: a fragment such as "Adv." is given facts by the readers too)
  const stated = new Set<string>();
  for (const f of a.facts.values()) stated.add(f.from).add(f.to);
  // likewise a person a delegation's member list names ("the delegation includes A (…), B (…) and C") and a reader
  // gave facts: the list says more than the name's shape (a four-word name, a name beside party names in brackets)
  const listed = (e: { id: string; label: string }) => e.label === 'Person' && a.introducedBy.get(e.id) === 'members-listed' && stated.has(e.id);
  for (const c of entityCandidates(a, (e) => e.label === 'City' && stated.has(e.id) || listed(e))) {
    const { label } = decider.decide(c.features, c.ruleLabel);
    if (c.ruleLabel === null) {
      // an unclaimed span judged an entity: made the way the readers make one of its label (no fact names it)
      if (label === 'Person') a.addPerson(c.name, c.first, c.surface);
      else if (label === 'City') a.municipality(c.name, c.first);
      else if (label) a.addOrg(label, c.name, c.first);
      continue;
    }
    const e = a.entities.get(c.id)!;
    if (label === null) {
      dropped.add(c.id);
      continue;
    }
    if (label === e.label) continue;
    e.label = label;
    // the id resolve.ts gives a node of this label and name
    e.props.qualifiedId = label === 'Person' ? personId(e.name) : orgId(label, e.name);
    if (label === 'Person') {
      e.words = personWords(e.name);
      e.cityInName = undefined;
    }
  }
  for (const id of dropped) a.entities.delete(id);
  for (const f of [...a.facts.values()]) {
    const from = a.entities.get(f.from);
    const to = a.entities.get(f.to);
    if (!from || !to || !fits(f.type, 'from', from.label) || !fits(f.type, 'to', to.label)) a.dropFact(f.type, f.from, f.to, f.props);
  }
}
