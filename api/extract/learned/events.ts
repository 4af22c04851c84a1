// Learned happenings: the noun phrases headed by the genre's happening words ("visit", "signing", "ceremony", …,
// the list counted from the training gold's event names, kept in events.json) are candidate events; a logistic
// model decides which are happenings the article reports, and the ones kept join the article's events before
// the main event and the focus are settled (events.ts), so the frames, participation and locations attach
// their participants and place as they do for the events the rules found.
import { createRequire } from 'node:module';
import { z } from 'zod';
import type { AnalyzedSentence, Article } from '../article.ts';
import { Cues } from '../cues.ts';
import { dateIn, heldIn, kindOf, longBefore, newEvent, words, type Events } from '../events.ts';
import { matchAll } from '../match-all.ts';
import { plural } from '../inflection.ts';
import { fold } from '../names.ts';
import { subjectsBefore } from '../relations/common.ts';
import { bucket, classifier, LinearModelSchema, type Classifier } from './linear.ts';

export const EventModelSchema = LinearModelSchema.extend({
  /** happening words, singular, counted from the training gold's event names */
  heads: z.array(z.string().regex(/^[a-z-]+$/)).min(1),
  /** at most this many learned events per article (chosen by cross-validation) */
  perArticle: z.number().int().min(0),
});
export type EventModel = z.infer<typeof EventModelSchema>;

/** A candidate happening: its name as the text says it, where, and the features the model weighs. */
export interface EventCandidate {
  name: string;
  /** the headline, for a happening the headline tells: an analyst (and the gold) knows the article's happening by it */
  aliases: string[];
  sentence: number;
  /** where the head is in the sentence's template */
  at: number;
  head: string;
  features: string[];
  date: string | null;
  city: string | null;
}

const STOP = new Set(['the', 'of', 'and', 'in', 'a', 'an', 'for', 'to', 'on', 'at', 'with', 'event', 'day']);
const contentWords = (s: string) => new Set(fold(s).split(' ').filter((w) => w && !STOP.has(w)));

/** Two names of one happening: most of the shorter name's content words are in the longer ("visit to Voerde" / "Alnwick visit to Voerde"). */
const sameHappening = (a: string, b: string): boolean => overlapsHalf(contentWords(a), contentWords(b));

function overlapsHalf(A: ReadonlySet<string>, B: ReadonlySet<string>): boolean {
  if (!A.size || !B.size) return false;
  let shared = 0;
  for (const w of A) if (B.has(w)) shared++;
  return shared / Math.min(A.size, B.size) >= 0.5;
}

const DETERMINER = /^(?:a|an|the|this|that|these|those|its|their|his|her|our|my|your|another|each|every|first|second|third|last|next|upcoming|recent)$/i;
/** Words that end a modifier run going left: verbs, prepositions, conjunctions. */
const NOT_MODIFIER = /^(?:i|we|you|he|she|it|they|them|us|him|me|\d+|and|or|but|of|to|in|at|on|for|with|by|from|as|was|were|is|are|be|been|being|will|would|can|could|may|might|shall|should|has|have|had|do|did|does|also|then|during|after|before|there|which|who|that|when|while|where|said|says|not|no|very|more|most|such|all|some|many|several|other|both|two|three|its|their|his|her|our|my|your|a|an|the|this|these|those|another|each|every)$/i;
const PREPOSITION = /^(?:of|to|in|with|for|between|at|from|by|on)$/i;
/** What a complement may not begin with: "visit to their city" is fine, "visit to be held" is not. */
const COMPLEMENT = /^ (of|to|in|with|for|between|at|from|by) (?:(the|a|an|its|their|his|her|our) )?(?!(?:which|who|whom|whose|that|this|these|those|it|them|be|being)\b)((?:⟨[CNOGMXEVP]\d+⟩(?:['’]s?)?|[\w-]+)(?: (?:and|&) (?:the )?(?:⟨[CNOGMXEVP]\d+⟩|[A-Z][\w-]*))?(?: (?!(?:and|or|but|was|were|is|are|will|which|who|that|to|in|on|at|by|with|for|from|as|when|where|while|the|a|an|of)\b)(?:⟨[CNOGMXEVP]\d+⟩|[\w-]+)){0,2})(?=[\s,.;:!?)"”]|$)/;
const MODAL_BEFORE = /\b(?:will|would|could|may|might|shall|plans?|planned|planning|intends?|intended|hopes?|hoped|expects?|expected|proposed|upcoming|future|next|to)\s+(?:\w+\s+){0,3}$/i;
const PAST_IN = /\b(?:was held|were held|took place|held|hosted|attended|visited|signed|welcomed|received|organi[sz]ed|celebrated|met)\b/i;
/** "30th", "fiftieth", "50th-anniversary": an anniversary's count, whatever its number. */
const ORDINAL = /^(?:\d+(?:st|nd|rd|th)|(?:\w+-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twelfth|\w+tieth))(?:-|$)/i;
/** The names in a complement, and its towns. */
const COMPLEMENT_NAME = /⟨([A-Z])\d+⟩/g;
const CITY_NAME = /⟨C(\d+)⟩/g;
const HABIT = /\b(?:annual(?:ly)?|every year|each year|regular(?:ly)?|traditional(?:ly)?)\b/i;

/** The head words and their plurals as one pattern: "visit", "visits", "ceremonies". */
function headPattern(forms: ReadonlyMap<string, string>): RegExp {
  const alternatives = [...forms.keys()].sort((x, y) => y.length - x.length || (x < y ? -1 : 1));
  return new RegExp(String.raw`(?<![\w⟨-])(${alternatives.join('|')})(?![\w-])`, 'gi');
}

/** The head of each form ("ceremonies" -> "ceremony"), the first head of the list when two give one form. */
function headForms(heads: readonly string[]): Map<string, string> {
  const forms = new Map<string, string>();
  for (const h of heads) for (const form of [h, plural(h)]) if (!forms.has(form)) forms.set(form, h);
  return forms;
}

/** Per list of heads, read once: the pattern and the forms' heads. */
const patterns = new Map<string, { re: RegExp; forms: Map<string, string> }>();


/** What the features need of the article, read once: the rules' events and where they are told. */
interface ArticleContext {
  a: Article;
  title: string;
  knownKinds: Set<unknown>;
  knownCount: number;
  eventSentences: Set<number>;
  visitSentences: Set<number>;
  bodyIndex: Map<number, number>;
}

/** What the features need of a sentence, read once for all its candidates. */
interface SentenceContext {
  date: string | null;
  past: boolean;
  habit: boolean;
  place: string | null;
}

/** The phrase a head word heads: the candidate's name, its content words, kind and place, and what its features read of it. */
interface Phrase {
  name: string;
  content: Set<string>;
  kind: string;
  place: string | null;
  mods: string[];
  determiner: string;
  comp: RegExpExecArray | null;
}

/** How far around the head the phrase is read: a name is never longer. */
const WINDOW = 160;

/** The phrase headed at `at` in sentence `s`, or null when it names too little to be told apart. */
function phraseAt(s: AnalyzedSentence, sc: SentenceContext, at: number, headWord: string, head: string): Phrase | null {
  const t = s.template;
  // modifiers: up to three words or names right before the head, stopped by verbs, prepositions and determiners
  const left = t.slice(Math.max(0, at - WINDOW), at).split(' ');
  left.pop();
  const mods: string[] = [];
  while (mods.length < 3 && left.length) {
    const w = left[left.length - 1]!;
    if (!w || NOT_MODIFIER.test(w) || /[,.;:!?()"“”‘'’]/.test(w.replace(/['’]s?$/, '')) || /^⟨[DT]\d+⟩/.test(w)) break;
    mods.unshift(left.pop()!);
  }
  const before = left[left.length - 1] ?? '';
  const determiner = DETERMINER.test(before) ? before.toLowerCase() : /['’]s?$/.test(mods[0] ?? '') ? 'possessive' : 'none';
  const end = at + headWord.length;
  const comp = COMPLEMENT.exec(t.slice(end, end + WINDOW));
  const phrase = words(s, [...mods, headWord].join(' ') + (comp ? comp[0] : '')).replace(/^(?:the|a|an) /i, '');
  // a delegation or an agreement is not itself a happening: its visit or its signing is ("visit of the Ogaki delegation")
  const kindOfHead = kindOf(head);
  const name = kindOfHead === 'visit' && !/^(?:visit|trip|tour)$/.test(head) ? `visit of the ${phrase}`
    : kindOfHead === 'signing' && !/signing$/.test(head) ? `signing of the ${phrase}`
    : phrase;
  const content = contentWords(name);
  if (content.size < 2) return null;
  const city = comp && /^(?:to|in|at)$/.test(comp[1]!) ? cityIn(s, comp[3]!) : null;
  return { name, content, kind: kindOf(name), place: city ?? sc.place, mods, determiner, comp };
}

/** The candidate of a phrase headed at `at`, with its features (but the count of its head, which the caller adds). */
function candidateOf(ctx: ArticleContext, s: AnalyzedSentence, sc: SentenceContext, p: Phrase, at: number, headWord: string, head: string): EventCandidate {
  const { a } = ctx;
  const t = s.template;
  const { mods, determiner, comp, place } = p;
  const f: string[] = [`head:${head}`, `det:${/^(?:a|an)$/.test(determiner) ? 'a' : determiner}`];
  const plural = fold(headWord) !== head;
  if (plural) f.push('plural');
  f.push(`mods:${mods.length}`);
  for (const m of mods) {
    const letter = /^⟨([A-Z])\d+⟩/.exec(m)?.[1];
    f.push(letter ? `mod:${letter}` : `modword:${fold(m)}`);
    if (ORDINAL.test(m)) f.push('mod:ordinal');
  }
  if (comp) {
    f.push(`prep:${comp[1]}`);
    for (const x of matchAll(comp[3]!, COMPLEMENT_NAME)) f.push(`comp:${comp[1]}:${x[1]}`);
    if (/^[a-z]/.test(comp[3]!)) f.push(`comp:${comp[1]}:word`);
  } else f.push('prep:none');
  const headline = s.paragraph === -1;
  const position = headline ? 'headline' : `sentence:${bucket(ctx.bodyIndex.get(s.index) ?? 0, [0, 2, 5])}`;
  f.push(position, `${position}&head:${head}`);
  const { date } = sc;
  if (date) f.push(longBefore(a, date) ? 'date:history' : 'date');
  const leftText = t.slice(Math.max(0, at - 60), at);
  if (MODAL_BEFORE.test(leftText)) f.push('modal');
  if (sc.past) f.push('past');
  if (sc.habit) f.push('habit');
  if (/["“”]/.test(t.slice(Math.max(0, at - 2), at)) || /⟨[XE]\d+⟩/.test(mods.join(' '))) f.push('named');
  if (place) f.push('place');
  // what the rules already found: the same happening told again is one event
  f.push(`events:${bucket(ctx.knownCount, [0, 1, 2])}`);
  if (ctx.knownKinds.has(p.kind)) f.push('sameKind', `sameKind&head:${head}`);
  if (ctx.eventSentences.has(s.index)) f.push('eventInSentence');
  if (ctx.visitSentences.has(s.index)) f.push('visitSentence');
  if (headline && ctx.eventSentences.has(s.index)) f.push('headlineEvent');
  return { name: p.name, aliases: headline ? [ctx.title] : [], sentence: s.index, at, head, features: f, date: date && !longBefore(a, date) ? date : null, city: place };
}

function cityIn(s: AnalyzedSentence, t: string): string | null {
  for (const m of matchAll(t, CITY_NAME)) {
    const id = s.refs[Number(m[1])];
    if (id) return id;
  }
  return null;
}

/** The candidate happenings of an article, with their features, not counting those the rules already found. */
export function eventCandidates(a: Article, ev: Events, heads: readonly string[]): EventCandidate[] {
  const key = heads.join('|');
  let read = patterns.get(key);
  if (!read) {
    const forms = headForms(heads);
    read = { re: headPattern(forms), forms };
    patterns.set(key, read);
  }
  const { re, forms } = read;
  const events = a.events();
  const known = events.flatMap((e) => [e.name, ...e.aliases]).map(contentWords);
  const ctx: ArticleContext = {
    a,
    title: a.input.title.replace(/\s+/g, ' ').trim(),
    knownKinds: new Set(events.map((e) => e.props.kind)),
    knownCount: events.length,
    eventSentences: new Set(events.map((e) => e.first)),
    visitSentences: new Set(ev.visits.flatMap((v) => [...v.sentences])),
    bodyIndex: new Map(a.sentences.filter((x) => x.paragraph >= 0).map((x, i) => [x.index, i])),
  };
  const out: EventCandidate[] = [];
  const seenHeads = new Map<string, number>();
  for (const s of a.sentences) {
    re.lastIndex = 0;
    let sc: SentenceContext | null = null;
    // the sentences without a head word are passed over (cues.ts: one scan of the template, shared with the readers)
    for (const m of Cues.ofSentence(s).matches(re)) {
      sc ??= { date: dateIn(s), past: PAST_IN.test(s.template), habit: HABIT.test(s.template), place: heldIn(s, a) };
      const word = m[1]!;
      const lower = word.toLowerCase();
      const head = forms.get(lower) ?? lower;
      const p = phraseAt(s, sc, m.index!, word, head);
      if (!p) continue;
      const n = (seenHeads.get(head) ?? 0) + 1;
      seenHeads.set(head, n);
      // the phrases left out are told apart by name, kind and place alone: their features are not read
      if (known.some((k) => overlapsHalf(k, p.content))) continue;
      // a happening of a kind the rules found, in no other place, is the one they found told again
      if (p.kind !== 'event' && events.some((e) => e.props.kind === p.kind && (!p.place || !e.props.cityId || e.props.cityId === p.place))) continue;
      const c = candidateOf(ctx, s, sc, p, m.index!, word, head);
      c.features.push(n === 1 ? 'firstOfHead' : 'repeatOfHead');
      out.push(c);
    }
  }
  return out;
}

const require = createRequire(import.meta.url);
let shipped: EventModel | null = null;
/** The model `npm run train` fitted on every annotated article (events.json beside this file). */
export function shippedEventModel(): EventModel {
  shipped ??= EventModelSchema.parse(require('./events.json'));
  return shipped;
}

/** The candidates to keep: the likeliest from `threshold` on, one per happening (two receptions may both be kept), at most `perArticle`. */
export function chooseEvents<T extends { name: string; sentence: number }>(scored: readonly { candidate: T; probability: number }[], threshold: number, perArticle: number): T[] {
  const ranked = scored.filter((x) => x.probability >= threshold).sort((x, y) => y.probability - x.probability || x.candidate.sentence - y.candidate.sentence);
  const kept: T[] = [];
  for (const { candidate } of ranked) {
    if (kept.length >= perArticle) break;
    if (kept.some((k) => sameHappening(k.name, candidate.name))) continue;
    kept.push(candidate);
  }
  return kept;
}

/** A learned visit to a town enters the frames as the rules' visits do: its subject's people are its visitors. */
function enterVisit(a: Article, ev: Events, c: EventCandidate, event: string, dest: string): void {
  const s = a.sentences[c.sentence]!;
  const visitors = subjectsBefore(a, s, c.at, 'P').filter((p) => !a.positionsOf(p).some((f) => a.cityOf(f.to) === dest));
  ev.visits.push({ event, dest, origins: [], originCountry: null, visitors: new Set(visitors), hosts: new Set(), leaderTitles: [], sentences: new Set([s.index]), openedBy: 'learned-event' });
}

/** Each model's weights read into a Map once, not once an article. */
const classifiers = new WeakMap<EventModel, Classifier>();

/** Adds the candidates the model accepts to the article's events. */
export function addLearnedEvents(a: Article, ev: Events, model: EventModel, observe?: (candidates: readonly EventCandidate[]) => void): void {
  const candidates = eventCandidates(a, ev, model.heads);
  if (observe) {
    observe(candidates);
    ev.observedOnly = true;
  }
  if (!model.perArticle) return;
  const decide = classifiers.get(model) ?? classifiers.set(model, classifier(model)).get(model)!;
  const scored = candidates.map((candidate) => ({ candidate, probability: decide.probability(candidate.features) }));
  for (const c of chooseEvents(scored, model.threshold, model.perArticle)) {
    const id = newEvent(a, c.name, a.sentences[c.sentence]!, { date: c.date, city: c.city, kind: kindOf(c.name) });
    const e = a.entities.get(id)!;
    // the headline telling the same happening names it too
    const told = candidates.filter((o) => o === c || sameHappening(o.name, c.name)).flatMap((o) => o.aliases);
    for (const alias of told) if (fold(alias) !== fold(e.name)) e.aliases.add(alias);
    if (kindOf(c.name) === 'visit' && c.city && !ev.visits.some((v) => v.event === id)) enterVisit(a, ev, c, id, c.city);
  }
}
