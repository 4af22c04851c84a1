// The learned position reader: titles no hand-written reader takes. A title exists for the rules only when one of
// their readers takes its wording; this step proposes every run of title words of a vocabulary learnt from the gold
// titles (head words such as Mayor, Consul General, Councillor with their modifiers: Deputy, Vice, Executive, …), pairs
// it with a person named next to it in the sentence ("Title Name", "Name, Title of Holder", "Name (Title)", "as
// Title") and with each body or town of the sentence and of the article as the holder, and lets a logistic
// model say which (person, title, holder) holds, from the words between, the punctuation, the holder's kind and place
// and what the rules already gave the person. It only adds: a pair the rules gave a position is left to them.
// The vocabulary and the weights are data (positions.json, written by `npm run train`: api/learn/positions.ts).
import { z } from 'zod';
import type { AnalyzedSentence, Article, Label } from '../article.ts';
import type { Mention } from '../mentions.ts';
import { titleCase } from '../names.ts';
import { bucket, classifier, LinearModelSchema, type Classifier } from './linear.ts';

export const PositionModelSchema = z.object({
  /** the last word of a title (before "of"), as the gold writes titles: "mayor", "general", "councillor" */
  heads: z.array(z.string()),
  /** the other words of the gold's titles: "deputy", "vice", "consul", "executive" */
  modifiers: z.array(z.string()),
  model: LinearModelSchema,
});
export type PositionModel = z.infer<typeof PositionModelSchema>;

/** A title's words as the vocabulary counts them: lower case, up to its first connective ("Chairman of the Board": chairman). */
export function titleWords(title: string): string[] {
  const words = title.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  const cut = words.findIndex((w) => CONNECTIVES.has(w));
  return cut < 0 ? words : words.slice(0, cut);
}
const CONNECTIVES = new Set(['of', 'for', 'at', 'to', 'in', 'on', 'and', 'the', 'a', 'an', 'with', 'from']);

/** Head words and modifiers met at least `min` times among the gold's titles. */
export function titleVocabulary(titles: Iterable<string>, min = 3): { heads: string[]; modifiers: string[] } {
  const heads = new Map<string, number>();
  const modifiers = new Map<string, number>();
  for (const title of titles) {
    const words = titleWords(title);
    if (!words.length) continue;
    heads.set(words[words.length - 1]!, (heads.get(words[words.length - 1]!) ?? 0) + 1);
    for (const w of words.slice(0, -1)) modifiers.set(w, (modifiers.get(w) ?? 0) + 1);
  }
  // ("former" is no part of the post: the scorer drops it, and the word before a title is a feature of its own)
  const kept = (m: Map<string, number>) => [...m].filter(([w, n]) => n >= min && w.length > 1 && w !== 'former').map(([w]) => w).sort();
  return { heads: kept(heads), modifiers: kept(modifiers) };
}

/** A vocabulary ready to read sentences with: its words in sets, and one expression that finds a sentence with a head word. */
export interface Vocabulary {
  heads: ReadonlySet<string>;
  modifiers: ReadonlySet<string>;
  /** whether a text has a head word (most sentences have none, and are not read further) */
  anyHead: RegExp;
  /** every head word of a text */
  everyHead: RegExp;
}

export function compileVocabulary(v: { heads: readonly string[]; modifiers: readonly string[] }): Vocabulary {
  const alternatives = v.heads.length ? v.heads.join('|') : '(?!)';
  // (\\b and no Unicode flag: a quarter of the time of Unicode letter classes on the same sentences)
  const head = `\\b(?:${alternatives})\\b`;
  return { heads: new Set(v.heads), modifiers: new Set(v.modifiers), anyHead: new RegExp(head, 'i'), everyHead: new RegExp(head, 'gi') };
}

/** One proposed fact: the person, the holder, the title, its features, the sentence it is read in, and the decision it competes in. */
export interface PositionCandidate {
  person: string;
  holder: string;
  title: string;
  features: string[];
  sentence: number;
  /** the candidates of one person and title compete: at most one holder is stated */
  group: string;
}

interface Span {
  start: number;
  end: number;
  words: string[];
}

const HOLDER_LABELS: ReadonlySet<Label> = new Set(['City', 'Office', 'Organization', 'Company']);
/** kinds of mention a title word inside which is part of a body's or an event's name ("the Mayor's Office"), no title */
const NAME_KINDS = new Set(['Office', 'Organization', 'Company', 'Event', 'City', 'Venue', 'Place']);
/** a title and its person further apart than this many words are no pair */
const MAX_GAP = 6;
const MAX_GAP_CHARS = 100;
const MAX_SHAPE_CHARS = 60;
/** gaps up to this many words are a feature as a whole ("the Title of", ", the") */
const SHAPE_WORDS = 4;
const MAX_TITLE_WORDS = 5;

/**
 * Runs of the vocabulary's words that end with a head word ("Deputy Mayor", "Consul-General"), outside bodies' names:
 * each head word found, with the vocabulary's words before it, the longest run kept.
 */
function titleSpans(s: AnalyzedSentence, { heads, modifiers, everyHead }: Vocabulary): Span[] {
  const found: Span[] = [];
  for (const h of s.text.matchAll(everyHead)) {
    let start = h.index!;
    const words = [h[0].toLowerCase()];
    while (words.length < MAX_TITLE_WORDS) {
      const before = wordBefore(s.text, start);
      if (!before || (!heads.has(before.word) && !modifiers.has(before.word))) break;
      start = before.start;
      words.unshift(before.word);
    }
    found.push({ start, end: h.index! + h[0].length, words });
  }
  // a run ends at its last head word: "Consul" is no title of its own in "Consul General"
  return found.filter((t, i) => !found.some((u, j) => j !== i && u.start <= t.start && u.end >= t.end && u.end - u.start > t.end - t.start)
    && !s.mentions.some((m) => NAME_KINDS.has(m.kind) && m.start <= t.start && t.end <= m.end));
}
/** The word (lower case) right before `end` of a text, joined to it by spaces or a hyphen, and where it starts. */
function wordBefore(text: string, end: number): { word: string; start: number } | null {
  let i = end;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '-')) i--;
  if (i === end) return null;
  let start = i;
  while (start > 0 && isLetter(text[start - 1]!)) start--;
  return start < i ? { word: text.slice(start, i).toLowerCase(), start } : null;
}
/** (a letter has a case: the scripts titles are written in here do) */
const isLetter = (c: string) => c.toLowerCase() !== c.toUpperCase();

/** A stretch of a sentence as features read it: its words in lower case, names as their kind's letter, punctuation kept. */
function shape(s: AnalyzedSentence, from: number, to: number): string[] {
  const out: string[] = [];
  let pos = from;
  for (const m of s.mentions) {
    if (m.end <= from || m.start >= to) continue;
    out.push(...tokens(s.text.slice(pos, Math.max(pos, m.start))), m.kind[0]!);
    pos = Math.max(pos, m.end);
  }
  out.push(...tokens(s.text.slice(pos, to)));
  return out;
}
// (words are what is not white space or ASCII punctuation: no Unicode classes, which cost several times more)
const tokens = (text: string) => text.toLowerCase().match(/[^\s!-/:-@[-`{-~]+|[^\s]/g) ?? [];

interface Anchor {
  id: string;
  m: Mention;
}

/** The people named in a sentence: mentions the rules or the entity step made people. */
function peopleIn(a: Article, s: AnalyzedSentence): Anchor[] {
  const out: Anchor[] = [];
  s.mentions.forEach((m, j) => {
    let id = s.refs[j] ?? null;
    // a name the rules left unknown that the learned entity step made a person has no reference in the sentence
    if (!id && (m.kind === 'Unknown' || m.kind === 'Person')) id = a.findPerson(m.name);
    if (id && a.label(id) === 'Person') out.push({ id, m });
  });
  return out;
}

/** The order of a title and its person, and the words between them. */
function placement(s: AnalyzedSentence, t: Span, p: Mention): { order: string; gap: string[] } | null {
  if (t.start >= p.start && t.end <= p.end) return { order: 'in', gap: [] };
  // (a stretch longer than this holds more than MAX_GAP words: not read word by word)
  if (t.end <= p.start) return p.start - t.end > MAX_GAP_CHARS ? null : { order: 'before', gap: shape(s, t.end, p.start) };
  if (p.end <= t.start) return t.start - p.end > MAX_GAP_CHARS ? null : { order: 'after', gap: shape(s, p.end, t.start) };
  return null;
}

const shapeFeature = (gap: readonly string[]) => (gap.length <= SHAPE_WORDS ? gap.join(' ') : 'long');
/** The shape feature of a stretch, not read when it is too long to be SHAPE_WORDS words and names. */
const shortShape = (s: AnalyzedSentence, from: number, to: number) => (to - from > MAX_SHAPE_CHARS ? 'long' : shapeFeature(shape(s, from, to)));
/** The rules' own facts (the learned relation step's are not what the model was fitted beside). */
const ruled = (a: Article, type: 'HOLDS_POSITION' | 'VISITED') => a.factsOf(type).filter((f) => f.stage !== 'learned');

/**
 * The holders a title may have, each with its mention in the sentence (null for a town named elsewhere): the
 * sentence's bodies and towns, the home town, the article's other towns (a visiting side's town named in another
 * sentence) and its other bodies (`elsewhere`: the council or committee named once, in another sentence); and the body
 * nearest the title in the sentence.
 */
function holdersOf(t: Span, bodies: readonly Anchor[], home: string | null, towns: readonly string[], elsewhere: readonly string[]): { holders: Map<string, Mention | null>; nearest: string | null } {
  const holders = new Map<string, Mention | null>();
  for (const b of bodies) if (!holders.has(b.id)) holders.set(b.id, b.m);
  if (home && !holders.has(home)) holders.set(home, null);
  for (const town of towns) if (!holders.has(town)) holders.set(town, null);
  for (const body of elsewhere) if (!holders.has(body)) holders.set(body, null);
  let nearest: string | null = null;
  let nearestDistance = Infinity;
  for (const b of bodies) {
    const d = b.m.start >= t.end ? b.m.start - t.end : t.start >= b.m.end ? t.start - b.m.end : 0;
    if (d < nearestDistance) [nearest, nearestDistance] = [b.id, d];
  }
  return { holders, nearest };
}

/**
 * Every (person, title, holder) the vocabulary and the sentences propose that the rules did not state: the pairs
 * the rules gave a position are theirs.
 */
export function positionCandidates(a: Article, vocabulary: Vocabulary): PositionCandidate[] {
  // the sentences that name a person and a head word: most of an article's have no title, and are not read further
  const read = a.sentences.filter((s) => s.mentions.some((m) => m.kind === 'Person' || m.kind === 'Unknown') && vocabulary.anyHead.test(s.text));
  if (!read.length) return [];
  const positions = ruled(a, 'HOLDS_POSITION');
  const visits = ruled(a, 'VISITED');
  const held = new Set(a.factsOf('HOLDS_POSITION').map((f) => `${f.from}|${f.to}`));
  const home = a.homeCity;
  const towns = [...a.entities.values()].filter((e) => e.label === 'City').map((e) => e.id);
  // the article's bodies: a title's body is often named in another sentence ("Chief Executive X" of the council named before)
  const articleBodies = [...a.entities.values()].filter((e) => e.label !== 'City' && HOLDER_LABELS.has(e.label));
  const bodyNamed = bodyNames(articleBodies);
  const bodyWords = new Map(articleBodies.map((e) => [e.id, stems(e.name)]));
  const bodyEnds = new Map(articleBodies.map((e) => [e.id, e.name.toLowerCase().match(/[a-z]+$/)?.[0] ?? '']));
  let mostNamed: string | null = null;
  for (const e of a.entities.values()) if (e.label === 'City' && (!mostNamed || e.mentions > a.entities.get(mostNamed)!.mentions)) mostNamed = e.id;
  const out: PositionCandidate[] = [];
  for (const s of read) {
    const spans = titleSpans(s, vocabulary);
    if (!spans.length) continue;
    const people = peopleIn(a, s);
    if (!people.length) continue;
    const bodies: Anchor[] = [];
    s.mentions.forEach((m, j) => {
      // (a name the rules left unknown that the learned entity step made a body has no reference in the sentence)
      const id = s.refs[j] ?? (m.kind === 'Unknown' ? bodyNamed.get(m.name.toLowerCase()) : undefined);
      const label = a.label(id);
      if (id && label && HOLDER_LABELS.has(label)) bodies.push({ id, m });
    });
    for (const t of spans) {
      // the person nearest the title on each side: another person between them takes it
      const placed: { p: Anchor; order: string; gap: string[] }[] = [];
      for (const p of people) {
        const x = placement(s, t, p.m);
        if (x && x.gap.length <= MAX_GAP && !x.gap.includes('P')) placed.push({ p, ...x });
      }
      if (!placed.length) continue;
      const title = titleCase(s.text.slice(t.start, t.end));
      const key = title.toLowerCase();
      // the word before the title: "the", "former", "'s", "city"
      const before = tokens(s.text.slice(Math.max(0, t.start - 20), t.start)).pop() ?? '^';
      const { holders, nearest } = holdersOf(t, bodies, home, towns, articleBodies.map((e) => e.id));
      const titleStems = stems(t.words.join(' '));
      for (const { p, order, gap } of placed) {
        const mine = positions.filter((f) => f.from === p.id);
        // a title the rules gave the person is theirs to place (a second holder of it was wrong more often than right)
        if (mine.some((f) => String(f.props.title).toLowerCase() === key)) continue;
        const own: string[] = [
          `order:${order}`, `gap:${order}:${shapeFeature(gap)}`, `gap-n:${order}:${bucket(gap.length, [0, 1, 2, 4])}`,
          `head:${t.words[t.words.length - 1]}`, `case:${/^\p{Lu}/u.test(s.text.slice(t.start, t.end)) ? 'upper' : 'lower'}`,
          `people:${bucket(people.length, [1, 2, 3])}`,
          mine.length ? 'rule:other-title' : 'rule:none',
        ];
        // the person's own mention carries a title: the same one ("Mayor X"), or another, and this one is someone else's
        const ownTitle = p.m.title ? titleCase(p.m.title).toLowerCase() : null;
        own.push(`own-title:${ownTitle === null ? 'none' : ownTitle === key || key.endsWith(ownTitle) ? 'same' : 'other'}`);
        for (const w of gap) own.push(`gap-w:${order}:${w}`);
        own.push(`pre:${before}`);
        for (const w of t.words.slice(0, -1)) own.push(`mod:${w}`);
        for (const [holder, m] of holders) {
          if (holder === p.id || held.has(`${p.id}|${holder}`)) continue;
          const label = a.label(holder)!;
          const head = t.words[t.words.length - 1];
          const features = [...own, `h-label:${label}`, `${head}|h-label:${label}`];
          if (!m) features.push(holder === home ? 'h:home-only' : label === 'City' ? 'h:elsewhere' : 'h:body-elsewhere');
          else if (m.start >= t.end) {
            const between = shortShape(s, t.end, m.start);
            features.push(`h-after:${between}`, `${order}|h-after:${between}`);
          } else if (t.start >= m.end) {
            const between = shortShape(s, m.end, t.start);
            features.push(`h-before:${between}`, `${order}|h-before:${between}`);
          }
          else features.push('h:around-title');
          // a body whose name shares a word with the title: "Councillor" of the Council, "Municipal Chief Executive" of the Municipal Assembly
          if (bodyWords.get(holder)?.some((w) => titleStems.includes(w))) features.push('h:shares-title-word', `${order}|h:shares-title-word${m ? '' : ':elsewhere'}`);
          // the kind of body by the last word of its name ("council", "assembly", "committee", "embassy") beside the title's head
          const bodyEnd = bodyEnds.get(holder);
          if (bodyEnd) features.push(`${head}|h-end:${bodyEnd}`);
          if (m && m.start >= p.m.start && m.end <= p.m.end) features.push('h:in-name');
          if (holder === nearest) features.push('h:nearest');
          const town = a.cityOf(holder) ?? holder;
          if (home && (holder === home || town === home)) features.push('h:home');
          // the town the article names most among its towns
          if (holder === mostNamed) features.push('h:most-named');
          if (positions.some((f) => f.from !== p.id && f.to === holder && String(f.props.title).toLowerCase() === key)) features.push('h:title-taken');
          if (mine.some((f) => f.to !== holder && (a.cityOf(f.to) ?? f.to) === town)) features.push('h:rule-same-town');
          if (visits.some((f) => f.from === p.id && f.to === town)) features.push('h:visited');
          features.push(`h-bodies:${bucket(bodies.length, [0, 1, 2, 3])}`);
          out.push({ person: p.id, holder, title, features, sentence: s.index, group: `${p.id}|${key}` });
        }
      }
    }
  }
  return out;
}

/** The article's bodies by their names and aliases in lower case. */
function bodyNames(bodies: readonly { id: string; name: string; aliases: ReadonlySet<string> }[]): Map<string, string> {
  const named = new Map<string, string>();
  for (const e of bodies) for (const n of [e.name, ...e.aliases]) if (!named.has(n.toLowerCase())) named.set(n.toLowerCase(), e.id);
  return named;
}

/** The first five letters of a text's words of five letters or more: "councillor" and "council" share "counc". */
const stems = (text: string) => (text.toLowerCase().match(/[a-z]{5,}/g) ?? []).map((w) => w.slice(0, 5));

/** A model file read once for deciding. */
export interface PositionDecider {
  vocabulary: Vocabulary;
  classifier: Classifier;
  threshold: number;
}

export const positionDecider = (model: PositionModel): PositionDecider => ({ vocabulary: compileVocabulary(model), classifier: classifier(model.model), threshold: model.model.threshold });

/** The step: of each person's title, the likeliest holder is stated when the model accepts it. */
export function decidePositions(a: Article, decider: PositionDecider): void {
  const best = new Map<string, { c: PositionCandidate; probability: number }>();
  for (const c of positionCandidates(a, decider.vocabulary)) {
    const probability = decider.classifier.probability(c.features);
    const known = best.get(c.group);
    if (!known || probability > known.probability) best.set(c.group, { c, probability });
  }
  for (const { c, probability } of best.values()) {
    if (probability < decider.threshold) continue;
    const fact = a.addFact('HOLDS_POSITION', c.person, c.holder, { title: c.title, former: c.features.includes('pre:former') }, c.sentence);
    if (fact) fact.stage ??= 'learned-positions';
  }
}
