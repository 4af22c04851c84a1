// The learned position reader: titles no hand-written reader takes. A title exists for the rules only when one of
// their readers takes its wording; this step proposes every run of title words of a vocabulary learnt from the gold
// titles (head words such as Mayor, Consul General, Councillor with their modifiers: Deputy, Vice, Executive, …), pairs
// it with a person named next to it in the sentence ("Title Name", "Name, Title of Holder", "Name (Title)", "as
// Title") and with each body or town of the sentence and the article's home town as the holder, and lets a logistic
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

const WORD = /\p{L}+/gu;
const HOLDER_LABELS: ReadonlySet<Label> = new Set(['City', 'Office', 'Organization', 'Company']);
/** kinds of mention a title word inside which is part of a body's or an event's name ("the Mayor's Office"), no title */
const NAME_KINDS = new Set(['Office', 'Organization', 'Company', 'Event', 'City', 'Venue', 'Place']);
/** a title and its person further apart than this many words are no pair */
const MAX_GAP = 6;
/** gaps up to this many words are a feature as a whole ("the Title of", ", the") */
const SHAPE_WORDS = 4;
const MAX_TITLE_WORDS = 5;

/** Runs of the vocabulary's words that end with a head word ("Deputy Mayor", "Consul-General"), outside bodies' names. */
function titleSpans(s: AnalyzedSentence, heads: ReadonlySet<string>, modifiers: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  let run: { start: number; end: number; word: string }[] = [];
  const close = () => {
    let last = run.length - 1;
    while (last >= 0 && !heads.has(run[last]!.word)) last--;
    if (last >= 0) {
      const start = Math.max(0, last + 1 - MAX_TITLE_WORDS);
      const words = run.slice(start, last + 1);
      const span = { start: words[0]!.start, end: words[last - start]!.end, words: words.map((w) => w.word) };
      if (!s.mentions.some((m) => NAME_KINDS.has(m.kind) && m.start <= span.start && span.end <= m.end)) spans.push(span);
    }
    run = [];
  };
  for (const m of s.text.matchAll(WORD)) {
    const word = m[0].toLowerCase();
    const start = m.index!;
    if (!heads.has(word) && !modifiers.has(word)) {
      close();
      continue;
    }
    const prev = run[run.length - 1];
    if (prev && !/^[\s-]*$/.test(s.text.slice(prev.end, start))) close();
    run.push({ start, end: start + m[0].length, word });
  }
  close();
  return spans;
}

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
const tokens = (text: string) => text.toLowerCase().match(/[\p{L}]+|[^\s\p{L}]/gu) ?? [];

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
function placement(s: AnalyzedSentence, t: Span, p: Mention): { order: string; gap: string[] } {
  if (t.start >= p.start && t.end <= p.end) return { order: 'in', gap: [] };
  if (t.end <= p.start) return { order: 'before', gap: shape(s, t.end, p.start) };
  if (p.end <= t.start) return { order: 'after', gap: shape(s, p.end, t.start) };
  return { order: 'overlap', gap: [] };
}

const shapeFeature = (gap: readonly string[]) => (gap.length <= SHAPE_WORDS ? gap.join(' ') : 'long');
/** The rules' own facts (the learned relation step's are not what the model was fitted beside). */
const ruled = (a: Article, type: 'HOLDS_POSITION' | 'VISITED') => a.factsOf(type).filter((f) => f.stage !== 'learned');

/**
 * Every (person, title, holder) the vocabulary and the sentences propose that the rules did not state: the pairs
 * the rules gave a position are theirs.
 */
export function positionCandidates(a: Article, vocabulary: { heads: readonly string[]; modifiers: readonly string[] }): PositionCandidate[] {
  const heads = new Set(vocabulary.heads);
  const modifiers = new Set(vocabulary.modifiers);
  const positions = ruled(a, 'HOLDS_POSITION');
  const visits = ruled(a, 'VISITED');
  const held = new Set(a.factsOf('HOLDS_POSITION').map((f) => `${f.from}|${f.to}`));
  const home = a.homeCity;
  const towns = [...a.entities.values()].filter((e) => e.label === 'City').map((e) => e.id);
  let mostNamed: string | null = null;
  for (const e of a.entities.values()) if (e.label === 'City' && (!mostNamed || e.mentions > a.entities.get(mostNamed)!.mentions)) mostNamed = e.id;
  const out: PositionCandidate[] = [];
  for (const s of a.sentences) {
    const spans = titleSpans(s, heads, modifiers);
    if (!spans.length) continue;
    const people = peopleIn(a, s);
    if (!people.length) continue;
    const bodies: { id: string; m: Mention }[] = [];
    s.mentions.forEach((m, j) => {
      const id = s.refs[j];
      const label = a.label(id);
      if (id && label && HOLDER_LABELS.has(label)) bodies.push({ id, m });
    });
    for (const t of spans) {
      const title = titleCase(s.text.slice(t.start, t.end));
      const key = title.toLowerCase();
      // the word before the title: "the", "former", "'s", "city"
      const before = tokens(s.text.slice(Math.max(0, t.start - 20), t.start)).pop() ?? '^';
      // the person nearest the title on each side: another person between them takes it
      const placed = people.map((p) => ({ p, ...placement(s, t, p.m) })).filter((x) => x.order !== 'overlap' && x.gap.length <= MAX_GAP && !x.gap.includes('P'));
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
        const holders = new Map<string, Mention | null>();
        for (const b of bodies) if (!holders.has(b.id)) holders.set(b.id, b.m);
        if (home && !holders.has(home)) holders.set(home, null);
        // the article's other towns: a visiting side's town named in another sentence
        for (const town of towns) if (!holders.has(town)) holders.set(town, null);
        // the body nearest the title in the sentence
        let nearest: string | null = null;
        let nearestDistance = Infinity;
        for (const b of bodies) {
          const d = b.m.start >= t.end ? b.m.start - t.end : t.start >= b.m.end ? t.start - b.m.end : 0;
          if (d < nearestDistance) [nearest, nearestDistance] = [b.id, d];
        }
        for (const [holder, m] of holders) {
          if (holder === p.id || held.has(`${p.id}|${holder}`)) continue;
          const label = a.label(holder)!;
          const head = t.words[t.words.length - 1];
          const features = [...own, `h-label:${label}`, `${head}|h-label:${label}`];
          if (!m) features.push(holder === home ? 'h:home-only' : 'h:elsewhere');
          else if (m.start >= t.end) features.push(`h-after:${shapeFeature(shape(s, t.end, m.start))}`, `${order}|h-after:${shapeFeature(shape(s, t.end, m.start))}`);
          else if (t.start >= m.end) features.push(`h-before:${shapeFeature(shape(s, m.end, t.start))}`, `${order}|h-before:${shapeFeature(shape(s, m.end, t.start))}`);
          else features.push('h:around-title');
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

/** A model file read once for deciding. */
export interface PositionDecider {
  vocabulary: { heads: readonly string[]; modifiers: readonly string[] };
  classifier: Classifier;
  threshold: number;
}

export const positionDecider = (model: PositionModel): PositionDecider => ({ vocabulary: model, classifier: classifier(model.model), threshold: model.model.threshold });

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
