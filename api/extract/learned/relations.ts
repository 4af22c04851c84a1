// Learned relationship decisions: the last stage of extraction. For each relationship type it lists the
// type-compatible pairs among the entities the article already has (bounded: the pairs the rules or frames
// link, or named within a few sentences of each other), describes each pair by features (which pass stated
// or derived it, the words between and around the two names, the frame slots each end fills, article-level
// facts) and lets a logistic model per type say whether the fact holds, with which role or title.
// Features are general: no names of people, towns or publishers. The weights are data (relations.json,
// written by `npm run train` from the annotated corpora: api/learn/relations.ts).
import { z } from 'zod';
import type { Properties, RelationshipType } from '../../graph/schema.ts';
import { PARTICIPATION_ROLES } from '../../graph/schema.ts';
import type { AnalyzedSentence, Article, Fact, Label } from '../article.ts';
import type { Events } from '../events.ts';
import type { Mention } from '../mentions.ts';
import { framesOfArticle } from '../frames/index.ts';
import { placeOfFrame, TIE_ORDER, travellingGroups, type GroupMember, type TravellingGroups } from '../frames/groups.ts';
import { homeOf, type Frame, type Side } from '../frames/model.ts';
import { bucket, LinearModelSchema, sigmoid, type LinearModel } from './linear.ts';
import { treesPairScorer, type TreeFeatureParts } from './relation-trees.ts';
import { TreesModelSchema } from './trees.ts';
import { matchAll } from '../match-all.ts';
import { feature, FeatureIds, FeatureNames, FeatureTable, type FeatureSink } from './feature-ids.ts';

/**
 * The participations the stage itself decided before it decides visits and meetings, by participant: the happening
 * and the role. Who takes part in a happening in town Y and holds no office there visited Y, though the rules gave
 * the happening no visit ("A of X and B of Y signed the agreement in Y", "the reception for the delegation").
 */
export type LearnedParticipations = ReadonlyMap<string, readonly { event: string; role: string }[]>;
/** What the pairs of a run of the stage are listed with. */
export interface PairOptions {
  open?: boolean;
  types?: readonly LearnedType[];
  /** the participations decided first (none when the stage decides participations with the rest, as in training's first pass) */
  participations?: LearnedParticipations;
}
/**
 * The types decided after the others, with the participations decided first as features. VISITED was tried too
 * (a participant of a happening in a town visited it): its F1 on unseen articles fell (docs/extraction.md § "Twelfth
 * session: visits and meetings").
 */
export const STACKED_TYPES: readonly LearnedType[] = ['MET_WITH'];

/** Every type the stage can describe a pair of (and a model can be trained for). */
export const LEARNED_TYPES = ['HOLDS_POSITION', 'VISITED', 'MET_WITH', 'PARTICIPATED_IN', 'LOCATED_IN', 'SISTER_CITY_OF'] as const;
export type LearnedType = (typeof LEARNED_TYPES)[number];
/**
 * The types the shipped model decides. HOLDS_POSITION and LOCATED_IN are left to the rules: their learned
 * additions did not raise F1 (LOCATED_IN on the training stand-in, HOLDS_POSITION on the leave-one-set-out
 * totals), and HOLDS_POSITION has the most candidates (a pair per title): docs/extraction.md § "Learned decisions".
 * Titles no reader takes are proposed and decided by the learned position reader (learned/positions.ts).
 */
export const DECIDED_TYPES: readonly LearnedType[] = ['VISITED', 'MET_WITH', 'PARTICIPATED_IN', 'SISTER_CITY_OF'];

/** One model per relationship type, logistic or boosted trees; a type without a model keeps the rules' facts. */
export const RelationModelsSchema = z.object({
  models: z.partialRecord(z.enum(LEARNED_TYPES), z.union([TreesModelSchema, LinearModelSchema])),
});
export type RelationModels = z.infer<typeof RelationModelsSchema>;

/** A fact the stage could state: its type, ends, role or title, features, the rules' facts it stands for, and its evidence. */
export interface Candidate {
  type: LearnedType;
  from: string;
  to: string;
  /** PARTICIPATED_IN: the role; HOLDS_POSITION: the title; '' otherwise */
  value: string;
  /** the features of the pair, shared by the candidates of its values (for participation, each is also weighed with the role) */
  shared: readonly string[];
  /** the features of this value */
  own: string[];
  /** the facts of this type, ends and value the rules stated */
  facts: Fact[];
  /** sentences that state it or name its two ends, for a fact the rules did not state */
  evidence: number[];
  props: Properties;
}

const ENDS: Record<LearnedType, readonly [readonly Label[], readonly Label[]]> = {
  HOLDS_POSITION: [['Person'], ['Office', 'Company', 'Organization', 'City']],
  VISITED: [['Person', 'Office', 'Company', 'Organization'], ['City']],
  MET_WITH: [['Person'], ['Person']],
  PARTICIPATED_IN: [['Person', 'Office', 'Company', 'Organization', 'City'], ['Event']],
  LOCATED_IN: [['Office', 'Company', 'Organization', 'Event'], ['City']],
  SISTER_CITY_OF: [['City'], ['City']],
};
const SYMMETRIC = new Set<LearnedType>(['MET_WITH', 'SISTER_CITY_OF']);
/** a pair named further apart than this, with no rule or frame linking it, is no candidate */
const MAX_DISTANCE = 2;
/** characters before and after the two names read for the words around them */
const AROUND = 40;
/** sentences naming both ends that are read for words */
const MAX_SHARED = 3;

// Classes of words that tell what a sentence is about (the words themselves are features too).
const CUES: readonly [string, RegExp][] = [
  ['visit', /\b(?:visit\w*|trip|tour\w*|travel\w*|arriv\w*|delegation|came to|went to)\b/i],
  ['meet', /\b(?:met|meet\w*|talks|received|welcom\w*|courtesy call|greeted|hosted|discuss\w*)\b/i],
  ['twin', /\b(?:sister|twin\w*|friendship|partner(?:ship)?|sisterhood)\b/i],
  ['sign', /\b(?:sign\w*|agreement|memorandum|mou|pact)\b/i],
  ['attend', /\b(?:attend\w*|participat\w*|join\w*|took part|present at|guests?)\b/i],
  ['speak', /\b(?:speech|spoke|said|says|remarks|address\w*|told|stated|noted|presented|present\w*)\b/i],
  ['organise', /\b(?:organi[sz]\w*|host\w*|held|hold\w*|sponsor\w*|arranged|launch\w*)\b/i],
  ['place', /\b(?:based|located|headquarter\w*|situated)\b/i],
  ['lead', /\b(?:led|lead\w*|headed|head)\b/i],
  ['past', /\b(?:former\w*|previous\w*|ago|since)\b/i],
];
const CUE_IN_SENTENCE = new Map(CUES.map(([name]) => [name, `cue-sent:${name}`]));
const CUE_BETWEEN = new Map(CUES.map(([name]) => [name, `cue-btw:${name}`]));
const WORD = /[a-z]+(?:['’][a-z]+)?/g;
/** what `\b` counts as a word character */
const WORD_CHAR = /\w/;
/** Whether a position of a text falls inside a word, where `\b` of a slice starting or ending there is no boundary of the text. */
const insideWord = (text: string, i: number) => i > 0 && i < text.length && WORD_CHAR.test(text[i - 1]!) && WORD_CHAR.test(text[i]!);


/** Lower-cased words of a stretch of text (mentions' placeholders are not in `text`: the raw words are). */
function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

interface Occurrence {
  sentence: number;
  mention: number;
}

/** What the stage knows of an article once the rules have run. */
interface Context {
  a: Article;
  ev: Events;
  frames: Frame[];
  /** where each entity is named (mention -1: an event told without its name) */
  occurrences: Map<string, Occurrence[]>;
  sentencesOf: Map<string, Set<number>>;
  /** city of each person's positions */
  positionCities: Map<string, Set<string>>;
  /** facts by type and unordered pair */
  factsByPair: Map<string, ByPair<Fact[]>>;
  /** the types of the facts between two entities, by unordered pair */
  typesByPair: ByPair<Set<string>>;
  /** PARTICIPATED_IN facts by participant */
  participations: Map<string, Fact[]>;
  /** the participations the stage decided first, by participant */
  learned: LearnedParticipations;
  /** linkedPairs, found once for both runs of the stage */
  linked: Map<string, Set<string>> | null;
  /** happeningsOf, found once for the `learned` it was found with (decideRelations' second run has others) */
  happenings: { learned: LearnedParticipations; byWho: Map<string, Set<string>> } | null;
  /** titles of each person, found once (titlesOf) */
  titles: Map<string, Map<string, 'rule' | 'mention'>>;
  mentionRank: Map<string, number>;
  /** the words around each mention, read once */
  around: Map<Mention, Around>;
  /** endFeatures of each entity */
  ends: Map<string, { rank: [string, string]; mentions: [string, string] }>;
  /** the article's numbers of events and towns, as features */
  counts: [string, string];
  /** who travels with each happening's visiting side, and how the text ties them to it */
  groups: TravellingGroups;
  /** each town's part in the article's trips (tripRoles) */
  tripRoles: Map<string, TripRole>;
  /** which way the article's trips go, seen from its home town */
  homeDirection: string;
}

// Helpers of the per-pair loops, declared once: a closure made inside them costs a call per pair.
const NO_SENTENCES: ReadonlySet<number> = new Set();
const NO_IDS: ReadonlySet<string> = new Set();
const byNumber = (m: number, n: number) => m - n;
function shares<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}
function mentionsIn(s: AnalyzedSentence, occurrences: readonly Occurrence[]): Mention[] {
  const out: Mention[] = [];
  for (const o of occurrences) if (o.sentence === s.index && o.mention >= 0) out.push(s.mentions[o.mention]!);
  return out;
}
const valueOf = (type: LearnedType, f: Fact) => (type === 'PARTICIPATED_IN' ? String(f.props.role) : type === 'HOLDS_POSITION' ? String(f.props.title) : '');

/** Values by unordered pair of ids, found without building a key string a lookup. */
class ByPair<V> {
  private readonly byLow = new Map<string, Map<string, V>>();
  get(x: string, y: string): V | undefined {
    return x < y ? this.byLow.get(x)?.get(y) : this.byLow.get(y)?.get(x);
  }
  set(x: string, y: string, value: V): void {
    const [low, high] = x < y ? [x, y] : [y, x];
    (this.byLow.get(low) ?? this.byLow.set(low, new Map()).get(low)!).set(high, value);
  }
  /** the pair's value, `made` first when it has none */
  upsert(x: string, y: string, make: () => V): V {
    const known = this.get(x, y);
    if (known !== undefined) return known;
    const value = make();
    this.set(x, y, value);
    return value;
  }
}
const newFacts = (): Fact[] => [];
const newTypes = () => new Set<string>();

function context(a: Article, ev: Events, learned: LearnedParticipations = new Map()): Context {
  const occurrences = new Map<string, Occurrence[]>();
  for (const s of a.sentences) {
    s.refs.forEach((id, mention) => {
      if (!id) return;
      const list = occurrences.get(id) ?? occurrences.set(id, []).get(id)!;
      list.push({ sentence: s.index, mention });
    });
  }
  // an entity the learned entity step made of a span no reader claimed has no reference: it is named where the span is
  const unreferenced = new Map<string, string>();
  for (const e of a.entities.values()) if (e.label !== 'Event' && !occurrences.has(e.id)) for (const n of [e.name, ...e.aliases]) unreferenced.set(n.toLowerCase(), e.id);
  if (unreferenced.size) {
    for (const s of a.sentences) {
      s.mentions.forEach((m, mention) => {
        const id = s.refs[mention] ? undefined : unreferenced.get(m.name.toLowerCase());
        if (id) (occurrences.get(id) ?? occurrences.set(id, []).get(id)!).push({ sentence: s.index, mention });
      });
    }
  }
  // an event is named where it is first told and in the sentences of its frame, often by no name of its own
  const told = (id: string, sentence: number) => {
    const list = occurrences.get(id) ?? occurrences.set(id, []).get(id)!;
    if (!list.some((o) => o.sentence === sentence)) list.push({ sentence, mention: -1 });
  };
  for (const s of a.sentences) for (const e of a.eventsFirstIn(s.index)) told(e.id, s.index);
  const read = framesOfArticle(a);
  const frames = read?.frames ?? [];
  for (const f of frames) for (const sentence of f.sentences) told(f.id, sentence);
  for (const list of occurrences.values()) list.sort((x, y) => x.sentence - y.sentence);
  const sentencesOf = new Map<string, Set<number>>();
  for (const [id, list] of occurrences) sentencesOf.set(id, new Set(list.map((o) => o.sentence)));
  const factsByPair = new Map<string, ByPair<Fact[]>>();
  const typesByPair = new ByPair<Set<string>>();
  const participations = new Map<string, Fact[]>();
  for (const f of a.facts.values()) {
    (factsByPair.get(f.type) ?? factsByPair.set(f.type, new ByPair()).get(f.type)!).upsert(f.from, f.to, newFacts).push(f);
    typesByPair.upsert(f.from, f.to, newTypes).add(f.type);
    if (f.type === 'PARTICIPATED_IN') (participations.get(f.from) ?? participations.set(f.from, []).get(f.from)!).push(f);
  }
  const positionCities = new Map<string, Set<string>>();
  for (const f of a.factsOf('HOLDS_POSITION')) {
    const city = a.cityOf(f.to);
    if (city) (positionCities.get(f.from) ?? positionCities.set(f.from, new Set()).get(f.from)!).add(city);
  }
  const ranked = [...a.entities.values()].sort((x, y) => y.mentions - x.mentions || x.first - y.first);
  const mentionRank = new Map<string, number>();
  const seen = new Map<Label, number>();
  for (const e of ranked) {
    const n = seen.get(e.label) ?? 0;
    mentionRank.set(e.id, n);
    seen.set(e.label, n + 1);
  }
  return {
    a, ev, frames, occurrences, sentencesOf, positionCities, factsByPair, typesByPair, participations, learned, linked: null, happenings: null, titles: new Map(), mentionRank, around: new Map(), ends: new Map(),
    counts: [`events:${bucket(seen.get('Event') ?? 0, [0, 1, 3])}`, `cities:${bucket(seen.get('City') ?? 0, [1, 2, 4])}`],
    groups: read ? travellingGroups(read, occurrences) : new Map(),
    ...tripsOfArticle(a, ev, frames),
  };
}

/** The surest tie of a person to any travelling group of the article, or `no`. */
function travelTie(ctx: Context, person: string): string {
  let best: GroupMember | undefined;
  for (const group of ctx.groups.values()) {
    const m = group.get(person);
    if (m && (!best || TIE_ORDER.indexOf(m.tie) < TIE_ORDER.indexOf(best.tie))) best = m;
  }
  return best?.tie ?? 'no';
}

/** A town's part in the article's trips: gone to, come from, both, or neither. */
type TripRole = 'dest' | 'origin' | 'both';

/**
 * Which towns the article's trips reach and which they come from, read over every visit and frame with a visiting
 * side, and which way they go from the home town (`in`: visitors came to it, `out`: its people went elsewhere). A
 * visitor and a host at one happening differ by this alone when neither's office is known: who comes from the
 * town a trip set out from did not visit it (docs/extraction.md § "Sixteenth session: visits (helper visits16)").
 */
function tripsOfArticle(a: Article, ev: Events, frames: readonly Frame[]): { tripRoles: Map<string, TripRole>; homeDirection: string } {
  const roles = new Map<string, TripRole>();
  const mark = (town: string | null | undefined, role: 'dest' | 'origin') => {
    if (!town) return;
    const known = roles.get(town);
    roles.set(town, !known || known === role ? role : 'both');
  };
  for (const v of ev.visits) {
    mark(v.dest, 'dest');
    for (const s of v.stops ?? []) mark(s, 'dest');
    for (const o of v.origins) if (a.label(o) === 'City') mark(o, 'origin');
  }
  for (const f of frames) {
    if (!f.visiting.cities.size && !f.visiting.people.size && f.kind !== 'visit') continue;
    mark(placeOfFrame(a, f), 'dest');
    for (const town of f.itinerary.keys()) mark(town, 'dest');
    for (const town of f.visiting.cities.keys()) mark(town, 'origin');
  }
  const home = a.homeCity ? roles.get(a.homeCity) : undefined;
  const homeDirection = !a.homeCity ? 'no-home' : home === 'dest' ? 'in' : home === 'origin' ? 'out' : home ?? 'none';
  return { tripRoles: roles, homeDirection };
}

/** The sentences naming both ends, and the distance in sentences between their nearest mentions. */
function nearness(ctx: Context, x: string, y: string): { shared: number[]; distance: number; near: number[] } {
  const ox = ctx.occurrences.get(x) ?? [];
  const oy = ctx.occurrences.get(y) ?? [];
  const sy = ctx.sentencesOf.get(y) ?? NO_SENTENCES;
  const shared: number[] = [];
  for (const s of ctx.sentencesOf.get(x) ?? NO_SENTENCES) if (sy.has(s)) shared.push(s);
  if (shared.length) return { shared, distance: 0, near: shared.slice(0, 2) };
  let distance = Infinity;
  let near: number[] = [];
  let j = 0;
  for (const o of ox) {
    while (j < oy.length - 1 && oy[j + 1]!.sentence <= o.sentence) j++;
    // the nearest of y's mentions are at j and j + 1
    for (let k = j; k <= j + 1 && k < oy.length; k++) {
      const p = oy[k]!;
      const d = Math.abs(p.sentence - o.sentence);
      if (d < distance) {
        distance = d;
        near = [Math.min(o.sentence, p.sentence), Math.max(o.sentence, p.sentence)];
      }
    }
  }
  return { shared, distance, near };
}

const sentenceCues = new WeakMap<AnalyzedSentence, string[]>();
/** The cue classes of a sentence, found once. */
function cuesOf(s: AnalyzedSentence): string[] {
  let cues = sentenceCues.get(s);
  if (!cues) sentenceCues.set(s, (cues = CUES.filter(([, re]) => re.test(s.text)).map(([name]) => name)));
  return cues;
}

/** The (at most three) words before and after a mention, read once per mention: every pair it is in shares them. */
interface Around {
  pre: string[];
  post: string[];
}
function around(ctx: Context, s: AnalyzedSentence, m: Mention): Around {
  let w = ctx.around.get(m);
  if (!w) {
    w = { pre: words(s.text.slice(Math.max(0, m.start - AROUND), m.start)).slice(-3), post: words(s.text.slice(m.end, m.end + AROUND)).slice(0, 3) };
    ctx.around.set(m, w);
  }
  return w;
}

/** Features of the words between and around two mentions in one sentence. */
function sentenceFeatures(ctx: Context, s: AnalyzedSentence, ox: Occurrence[], oy: Occurrence[], out: FeatureSink): void {
  const mx = mentionsIn(s, ox);
  const my = mentionsIn(s, oy);
  if (mx.length && !my.length) {
    // the other end is told here without a name: the words around this one, and what the sentence is about
    const w = around(ctx, s, mx[0]!);
    for (const x of w.pre) out.addWord('x-pre:', x);
    for (const x of w.post) out.addWord('x-post:', x);
    for (const name of cuesOf(s)) out.add(CUE_IN_SENTENCE.get(name)!);
    return;
  }
  // the nearest two mentions of the ends, the first found of equal gaps (the names' order decides which is first)
  let gap = Infinity;
  let xFirst = true;
  let f: Mention | undefined;
  let l: Mention | undefined;
  for (const p of mx) {
    for (const q of my) {
      const pFirst = p.start <= q.start;
      const g = Math.max(0, pFirst ? q.start - p.end : p.start - q.end);
      if (g < gap) {
        gap = g;
        xFirst = pFirst;
        f = pFirst ? p : q;
        l = pFirst ? q : p;
      }
    }
  }
  if (!f || !l) return;
  const betweenText = s.text.slice(f.end, l.start);
  const between = words(betweenText);
  out.add(xFirst ? 'order:x' : 'order:y');
  out.add(feature('gap:', bucket(between.length, [0, 1, 2, 4, 8, 16])));
  if (between.length <= 8) for (const w of between) out.addWord('btw:', w);
  else for (const w of [...between.slice(0, 3), ...between.slice(-3)]) out.addWord('btw-edge:', w);
  for (const w of around(ctx, s, f).pre) out.addWord('pre:', w);
  for (const w of around(ctx, s, l).post) out.addWord('post:', w);
  // a cue between the names is one of the sentence's (only those are looked for) unless a name ends or starts inside a word
  const cues = cuesOf(s);
  const all = insideWord(s.text, f.end) || insideWord(s.text, l.start);
  for (const [name, re] of CUES) if ((all || cues.includes(name)) && re.test(betweenText)) out.add(CUE_BETWEEN.get(name)!);
  for (const name of cues) if (!out.has(CUE_BETWEEN.get(name)!)) out.add(CUE_IN_SENTENCE.get(name)!);
  out.add(feature('names-in-sentence:', bucket(s.mentions.length, [2, 3, 5, 8])));
  if (s.paragraph === -1) out.add('in-headline');
  else if (s.index <= 2) out.add('in-lead');
}

const sideOf = (side: Side, id: string) => side.people.has(id) || side.bodies.has(id) || side.cities.has(id);
const slotSentences = (side: Side, id: string) => side.people.get(id) ?? side.bodies.get(id) ?? side.cities.get(id);

/** Frame slots the two ends fill, for one type; the sentences of those slots as evidence. */
function frameFeatures(ctx: Context, type: LearnedType, x: string, y: string, out: FeatureSink, evidence: Set<number>): Frame | null {
  let linked: Frame | null = null;
  for (const f of ctx.frames) {
    if (groupFeatures(ctx, type, f, x, y, out, evidence)) linked ??= f;
    const xHost = sideOf(f.host, x);
    const xVisiting = sideOf(f.visiting, x);
    const main = f.id === ctx.ev.main ? ':main' : '';
    if (type === 'VISITED') {
      const place = f.place === y || f.itinerary.has(y);
      if (!place && !f.visiting.cities.has(y)) continue;
      if (f.visiting.cities.has(y)) out.add(xVisiting ? 'fr:y-visiting-city-x-visiting' : 'fr:y-visiting-city');
      if (!place) continue;
      out.add(feature(f.place === y ? 'fr:y-place' : 'fr:y-itinerary', main));
      if (xVisiting) out.add(feature('fr:x-visiting-to-y:', f.kind));
      if (xHost) out.add('fr:x-host-at-y');
      if (f.metPeople.has(x)) out.add('fr:x-met-at-y');
      if (xVisiting || f.metPeople.has(x)) {
        linked ??= f;
        for (const e of slotSentences(f.visiting, x) ?? f.metPeople.get(x) ?? []) evidence.add(e);
      }
    } else if (type === 'MET_WITH') {
      const yHost = sideOf(f.host, y);
      const yVisiting = sideOf(f.visiting, y);
      if (!(xHost || xVisiting) || !(yHost || yVisiting)) continue;
      if ((xHost && yVisiting) || (xVisiting && yHost)) {
        out.add(feature('fr:opposite-sides', main));
        linked ??= f;
        for (const e of [...(slotSentences(f.host, x) ?? slotSentences(f.visiting, x) ?? []), ...(slotSentences(f.host, y) ?? slotSentences(f.visiting, y) ?? [])]) evidence.add(e);
      } else out.add('fr:same-side');
      if (f.metPeople.has(x) && f.metPeople.has(y)) out.add('fr:both-met');
      else if (f.metPeople.has(x) || f.metPeople.has(y)) out.add('fr:one-met');
      if (f.met.size) out.add('fr:met-sentence');
    } else if (type === 'PARTICIPATED_IN') {
      if (f.id !== y) continue;
      linked = f;
      out.add(feature('fr:kind:', f.kind));
      if (xHost) out.add(ctx.a.label(x) === 'City' ? 'fr:x-host-city' : 'fr:x-host');
      if (xVisiting) out.add(ctx.a.label(x) === 'City' ? 'fr:x-visiting-city' : 'fr:x-visiting');
      if (f.place === x) out.add('fr:x-is-place');
      if (f.metPeople.has(x)) out.add('fr:x-met');
      for (const p of f.participants.get(x) ?? []) {
        out.add(feature('fr:x-role:', p.role));
        for (const e of p.evidence) evidence.add(e);
      }
      for (const e of (xHost ? slotSentences(f.host, x) : xVisiting ? slotSentences(f.visiting, x) : undefined) ?? []) evidence.add(e);
    } else if (type === 'LOCATED_IN') {
      if (f.id === x && f.place === y) out.add('fr:event-place');
      if (f.id === x && f.visiting.cities.has(y)) out.add('fr:event-visiting-city');
      if (f.id === x && f.itinerary.has(y)) out.add('fr:event-itinerary');
    } else if (type === 'SISTER_CITY_OF') {
      const sides = [f.place === x || f.host.cities.has(x), f.visiting.cities.has(y), f.place === y || f.host.cities.has(y), f.visiting.cities.has(x)];
      if ((sides[0] && sides[1]) || (sides[2] && sides[3])) out.add(feature('fr:cities-opposite', main));
    } else if (type === 'HOLDS_POSITION') {
      if ((xHost && (f.place === y || f.host.cities.has(y) || f.host.bodies.has(y))) || (xVisiting && (f.visiting.cities.has(y) || f.visiting.bodies.has(y)))) out.add('fr:same-side-as-org');
      if ((xHost && (f.visiting.cities.has(y) || f.visiting.bodies.has(y))) || (xVisiting && (f.place === y || f.host.bodies.has(y)))) out.add('fr:other-side-than-org');
    }
  }
  return linked;
}

/** A group member's tie and how far from the happening's sentences it was told, as features. */
function tieFeatures(prefix: string, m: GroupMember, out: FeatureSink): void {
  out.add(feature(prefix, m.tie));
  out.add(feature(feature(prefix, m.tie), feature('&d:', bucket(m.distance, [0, 1, 3]))));
}

/**
 * The travelling group's part in a pair of one frame: a member of its visiting group went to its place and its
 * itinerary, took part in it as a visitor and met its hosts, whatever the distance in sentences between the member's
 * name and the town or the host. Evidence: the sentence tying the member to the group, and the first telling the happening.
 */
function groupFeatures(ctx: Context, type: LearnedType, f: Frame, x: string, y: string, out: FeatureSink, evidence: Set<number>): boolean {
  const group = ctx.groups.get(f.id);
  if (!group) return false;
  let member = group.get(x);
  let other = y;
  if (type === 'VISITED') {
    if (!member || (placeOfFrame(ctx.a, f) !== y && !f.itinerary.has(y))) return false;
    tieFeatures('grp-visit:', member, out);
  } else if (type === 'PARTICIPATED_IN') {
    if (!member || f.id !== y) return false;
    tieFeatures('grp-part:', member, out);
  } else if (type === 'MET_WITH') {
    if (!member) [member, other] = [group.get(y), x];
    const place = placeOfFrame(ctx.a, f);
    if (!member || !(f.host.people.has(other) || (!!place && homeOf(ctx.a, other) === place))) return false;
    tieFeatures('grp-met-host:', member, out);
    for (const e of f.host.people.get(other) ?? []) evidence.add(e);
  } else return false;
  evidence.add(member.sentence);
  let first = Infinity;
  for (const s of f.sentences) first = Math.min(first, s);
  if (first !== Infinity) evidence.add(first);
  return true;
}

/**
 * Peers: the rules stated the same fact for another entity named in a sentence with x ("A, B and C visited Y":
 * the rules read A), or for an official of x's town.
 */
function peerFeatures(ctx: Context, type: LearnedType, x: string, y: string, out: FeatureSink): void {
  // only for visits and meetings: for participation and twinning they lowered the cross-validated figure
  if (type !== 'VISITED' && type !== 'MET_WITH') return;
  const mine = ctx.sentencesOf.get(x);
  if (!mine) return;
  for (const f of ctx.a.factsOf(type)) {
    const peer = f.to === y ? f.from : SYMMETRIC.has(type) && f.from === y ? f.to : null;
    if (!peer || peer === x || ctx.a.label(peer) !== ctx.a.label(x)) continue;
    const theirs = ctx.sentencesOf.get(peer);
    if (theirs && shares(mine, theirs)) out.add('peer-same-sentence');
    else out.add('peer-elsewhere');
    const px = ctx.positionCities.get(x);
    const pp = ctx.positionCities.get(peer);
    if (px && pp && shares(px, pp)) out.add('peer-same-town');
  }
}

/** An entity's rank and mention count as features of either end ([as x, as y]), written once per article. */
function endFeatures(ctx: Context, id: string): { rank: [string, string]; mentions: [string, string] } {
  let f = ctx.ends.get(id);
  if (!f) {
    const rank = bucket(ctx.mentionRank.get(id) ?? 9, [0, 1, 3]);
    const mentions = bucket(ctx.a.entities.get(id)!.mentions, [1, 2, 4]);
    f = { rank: [`rank-x:${rank}`, `rank-y:${rank}`], mentions: [`mentions-x:${mentions}`, `mentions-y:${mentions}`] };
    ctx.ends.set(id, f);
  }
  return f;
}

/** Features of the article that bear on the pair. */
function articleFeatures(ctx: Context, type: LearnedType, x: string, y: string, out: FeatureSink): void {
  const { a, ev } = ctx;
  const lx = a.label(x)!;
  const ly = a.label(y)!;
  const fx = endFeatures(ctx, x);
  const fy = endFeatures(ctx, y);
  out.add(feature(feature('labels:', lx), feature('>', ly)));
  out.add(fx.rank[0]);
  out.add(fy.rank[1]);
  out.add(fx.mentions[0]);
  out.add(fy.mentions[1]);
  out.add(a.entities.get(x)!.first <= a.entities.get(y)!.first ? 'first:x' : 'first:y');
  for (const f of ctx.counts) out.add(f);
  const home = a.homeCity;
  const xCities = ctx.positionCities.get(x);
  const cityOfX = lx === 'Person' ? null : a.cityOf(x);
  if (type === 'VISITED' || type === 'LOCATED_IN' || type === 'SISTER_CITY_OF') {
    if (y === home) out.add('y-home');
    if (x === home) out.add('x-home');
  }
  if (type === 'VISITED' || type === 'LOCATED_IN') {
    const xOf = xCities?.has(y) || cityOfX === y ? 'y' : xCities?.size || cityOfX ? ([...(xCities ?? []), cityOfX].includes(home) ? 'home' : 'other') : 'unknown';
    out.add(feature('x-is-of-', xOf));
    const main = ev.main ? a.cityOf(ev.main) : null;
    let yIs = y === home ? 'home' : y === main ? 'main-place' : 'other';
    if (yIs === 'other') for (const v of ev.visits) if (v.dest === y) yIs = 'visit-dest';
    // the pair's two facts together: an official of elsewhere in the town the article is about
    out.add(feature(feature('x-of-', xOf), feature('&y-', yIs)));
    if (type === 'VISITED') {
      // the pair's office and town read against the way the article's trips go: an official of elsewhere at the home
      // town is its visitor when visitors came to it and its host when its own people went out
      const trip = ctx.tripRoles.get(y) ?? 'none';
      out.add(feature(feature(feature('trip-y:', trip), feature('&x-of-', xOf)), feature('&home:', ctx.homeDirection)));
      out.add(feature(feature('home:', ctx.homeDirection), feature(feature('&x-of-', xOf), feature('&y-', yIs))));
      // whether any of the article's travelling groups takes the person along, wherever its happening was placed
      out.add(feature(feature('travels:', travelTie(ctx, x)), feature(feature('&y-', yIs), feature('&trip-y:', trip))));
      // only the host's mark, which the late veto reads: without the features below VISITED scored as well or a little
      // better on group A's held-out sets and on group B (docs/extraction.md § "Fourteenth session: who travelled and who met")
      if (ev.visits.some((v) => (v.dest === y || v.stops?.includes(y)) && !v.visitors.has(x) && v.hosts.has(x))) out.add('visit:x-hosts-at-y');
      return;
    }
    let xCountry: string | null = null;
    for (const c of xCities ?? NO_IDS) xCountry ??= a.countryOfCity(c);
    xCountry ??= a.countryOfCity(cityOfX);
    const yCountry = a.countryOfCity(y);
    if (xCountry && yCountry) out.add(xCountry === yCountry ? 'x-same-country' : 'x-other-country');
    if (a.entities.get(x)?.cityInName === y) out.add('y-in-x-name');
    for (const v of ev.visits) {
      if (v.dest === y || v.stops?.includes(y)) {
        out.add(v.visitors.has(x) ? 'visit:x-to-y' : v.hosts.has(x) ? 'visit:x-hosts-at-y' : 'visit:to-y');
        if (v.event === x) out.add('visit:event-to-y');
      }
      if (v.origins.includes(y)) out.add(v.visitors.has(x) ? 'visit:x-from-y' : 'visit:from-y');
    }
    for (const f of ctx.participations.get(x) ?? []) if (a.cityOf(f.to) === y) out.add(feature(feature('x-', String(f.props.role)), '-at-event-in-y'));
  }
  if (type === 'MET_WITH') {
    const cy = ctx.positionCities.get(y);
    if (xCities?.size && cy?.size) out.add(shares(xCities, cy) ? 'positions-same-city' : 'positions-other-cities');
    else out.add('positions-unknown');
    for (const f of ctx.participations.get(x) ?? []) {
      for (const g of ctx.participations.get(y) ?? []) if (f.to === g.to) out.add(feature(feature('same-event:', String(f.props.role)), feature('-', String(g.props.role))));
    }
    // the two take part in one happening, by the rules' or the stage's participations
    const hx = happeningsOf(ctx).get(x);
    const hy = happeningsOf(ctx).get(y);
    if ((ctx.learned.get(x)?.length || ctx.learned.get(y)?.length) && hx && hy && shares(hx, hy)) out.add(feature('learned-same-event', cy?.size && xCities?.size ? (shares(xCities, cy) ? ':same-town' : ':other-towns') : ''));
  }
  if (type === 'PARTICIPATED_IN') {
    if (y === ev.main) out.add('main-event');
    out.add(feature('kind:', String(a.entities.get(y)!.props.kind ?? 'event')));
    if (x === home || (xCities?.has(home ?? '') ?? false) || cityOfX === home) out.add('x-home-side');
    const place = a.cityOf(y);
    if (place && (x === place || xCities?.has(place) || cityOfX === place)) out.add('x-of-event-place');
    else if (place) out.add('x-not-of-event-place');
    for (const v of ev.visits) {
      if (v.event !== y) continue;
      if (v.visitors.has(x)) out.add('visit:x-visitor');
      if (v.hosts.has(x)) out.add('visit:x-host');
    }
    for (const o of ev.objects) if (o.event === y && a.sentences[o.sentence]?.refs.includes(x)) out.add('event-object-with-x');
  }
  if (type === 'SISTER_CITY_OF') {
    const cx = a.countryOfCity(x);
    const cy = a.countryOfCity(y);
    out.add(cx && cy ? (cx === cy ? 'same-country' : 'other-countries') : 'country-unknown');
    if (x !== home && y !== home && home) out.add('neither-home');
  }
  if (type === 'HOLDS_POSITION') {
    if (a.entities.get(y)?.cityInName) out.add('org-names-city');
    if (y === home || a.cityOf(y) === home) out.add('org-at-home');
    const others: Fact[] = [];
    for (const f of a.positionsOf(x)) if (f.to !== y) others.push(f);
    out.add(`other-positions:${bucket(others.length, [0, 1])}`);
    // the rules put a title at the town of this body, or at a body of this town: which of the two the gold names
    const town = a.cityOf(y);
    for (const f of others) out.add(town && a.cityOf(f.to) === town ? feature(feature('rule-elsewhere-same-town:', String(a.label(f.to))), feature('>', ly)) : 'rule-elsewhere-other-town');
  }
}

/** Titles a person is given: by the rules' positions and by the mentions that write one with the name. */
function titlesOf(ctx: Context, person: string): Map<string, 'rule' | 'mention'> {
  const known = ctx.titles.get(person);
  if (known) return known;
  const titles = new Map<string, 'rule' | 'mention'>();
  ctx.titles.set(person, titles);
  for (const f of ctx.a.positionsOf(person)) if (typeof f.props.title === 'string') titles.set(f.props.title, 'rule');
  for (const o of ctx.occurrences.get(person) ?? []) {
    const t = ctx.a.sentences[o.sentence]!.mentions[o.mention]!.title;
    if (!t) continue;
    const title = t.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()).replace(/\b(Of|The|And|For)\b/g, (w) => w.toLowerCase());
    if (![...titles.keys()].some((k) => k.toLowerCase() === title.toLowerCase())) titles.set(title, 'mention');
  }
  return titles;
}

/**
 * The entities each entity could be in a fact with: named within MAX_DISTANCE sentences of it, in a frame
 * with it, a happening or its towns, or in a fact of the rules with it. Every other pair has no feature but
 * its distance, so this bounds the candidates without changing them (and without a loop over every pair).
 */
function linkedPairs(ctx: Context): Map<string, Set<string>> {
  if (ctx.linked) return ctx.linked;
  const linked = new Map<string, Set<string>>();
  ctx.linked = linked;
  const link = (x: string, y: string) => {
    if (x === y) return;
    (linked.get(x) ?? linked.set(x, new Set()).get(x)!).add(y);
    (linked.get(y) ?? linked.set(y, new Set()).get(y)!).add(x);
  };
  const named: string[][] = ctx.a.sentences.map(() => []);
  for (const [id, list] of ctx.occurrences) for (const o of list) named[o.sentence]!.push(id);
  for (let s = 0; s < named.length; s++) {
    for (const x of named[s]!) {
      for (let t = s; t <= s + MAX_DISTANCE && t < named.length; t++) for (const y of named[t]!) link(x, y);
    }
  }
  for (const f of ctx.frames) {
    const members = [
      f.id, ...(f.place ? [f.place] : []), ...f.itinerary.keys(), ...f.metPeople.keys(), ...f.participants.keys(),
      ...[f.host, f.visiting].flatMap((side) => [...side.people.keys(), ...side.bodies.keys(), ...side.cities.keys()]),
    ];
    for (const x of members) for (const y of members) if (x < y) link(x, y);
    // a happening and its towns are candidates with every actor of the article (who took part, who went there)
    const place = placeOfFrame(ctx.a, f);
    const hubs = [f.id, ...(place ? [place] : []), ...f.itinerary.keys(), ...f.visiting.cities.keys()];
    for (const x of ctx.a.entities.keys()) for (const y of hubs) link(x, y);
    // the travelling group's members and the happening's hosts: a member meets them wherever each is named
    const group = ctx.groups.get(f.id);
    if (!group?.size) continue;
    const hosts = [...ctx.a.entities.keys()].filter((id) => f.host.people.has(id) || (!!place && ctx.a.label(id) === 'Person' && homeOf(ctx.a, id) === place));
    for (const x of group.keys()) for (const y of hosts) link(x, y);
  }
  for (const f of ctx.a.facts.values()) link(f.from, f.to);
  return linked;
}

const roleIndex = new Map(PARTICIPATION_ROLES.map((r, i) => [r as string, i]));

/** Every feature of a candidate, as the model is trained on them: participation weighs the pair's features once more with the role ("host|btw:by"). */
export function featuresOf(c: Candidate): string[] {
  const out = [...c.own, ...c.shared];
  if (c.type === 'PARTICIPATED_IN') for (const g of c.shared) out.push(`${c.value}|${g}`);
  return out;
}

/**
 * The pairs of each type (parallel to `types`), in the order first met: the rules' facts of the type (of entities
 * the entity step kept; a later fact of a pair gives its ends' order, as a map's value is replaced in place),
 * then the linked pairs whose labels fit. The linked pairs are read once for all the types.
 */
function pairsOfTypes(ctx: Context, types: readonly LearnedType[], through: readonly (readonly [string, string][])[]): [string, string][][] {
  const { a } = ctx;
  const found = types.map(() => new ByPair<[string, string]>());
  const orders = types.map((): [string, string][] => []);
  const meet = (t: number, x: string, y: string, reorder: boolean) => {
    const known = found[t]!.get(x, y);
    if (!known) {
      const ends: [string, string] = [x, y];
      found[t]!.set(x, y, ends);
      orders[t]!.push(ends);
    } else if (reorder) {
      known[0] = x;
      known[1] = y;
    }
  };
  types.forEach((type, t) => {
    for (const f of a.factsOf(type)) if (a.entities.has(f.from) && a.entities.has(f.to)) meet(t, f.from, f.to, true);
  });
  // the types an entity can be the first end of, found once for its label
  const fromTypes: number[] = [];
  for (const [x, others] of linkedPairs(ctx)) {
    const lx = a.label(x)!;
    fromTypes.length = 0;
    types.forEach((type, t) => {
      if (ENDS[type][0].includes(lx)) fromTypes.push(t);
    });
    if (!fromTypes.length) continue;
    for (const y of others) {
      const ly = a.label(y)!;
      for (const t of fromTypes) {
        const type = types[t]!;
        if (!ENDS[type][1].includes(ly) || (SYMMETRIC.has(type) && x > y)) continue;
        meet(t, x, y, false);
      }
    }
  }
  types.forEach((type, t) => {
    for (const [x, y] of through[t]!) if (ENDS[type][0].includes(a.label(x)!) && ENDS[type][1].includes(a.label(y)!)) meet(t, x, y, false);
  });
  return orders;
}

/** Each participant's happenings, by the rules' participations and the stage's. */
function happeningsOf(ctx: Context): Map<string, Set<string>> {
  if (ctx.happenings?.learned === ctx.learned) return ctx.happenings.byWho;
  const out = new Map<string, Set<string>>();
  ctx.happenings = { learned: ctx.learned, byWho: out };
  const add = (who: string, event: string) => (out.get(who) ?? out.set(who, new Set()).get(who)!).add(event);
  for (const [who, facts] of ctx.participations) for (const f of facts) add(who, f.to);
  for (const [who, list] of ctx.learned) for (const p of list) add(who, p.event);
  return out;
}

/**
 * Two people taking part in one happening, wherever each is named, once the participations are decided: the host
 * named in the lead and the guest named at the end of a reception are a meeting's candidate pair.
 */
function throughHappenings(ctx: Context, type: LearnedType): [string, string][] {
  if (type !== 'MET_WITH' || !ctx.learned.size) return [];
  const out: [string, string][] = [];
  const people = [...happeningsOf(ctx)].filter(([who]) => ctx.a.label(who) === 'Person');
  for (const [x, ex] of people) for (const [y, ey] of people) if (x < y && shares(ex, ey)) out.push([x, y]);
  return out;
}

/** One pair of one type: its features (the candidates of its values share them), the rules' facts of it, and its evidence. */
export interface Pair<F extends FeatureSink = FeatureSink> {
  type: LearnedType;
  from: string;
  to: string;
  features: F;
  /** the facts of this type and ends the rules stated */
  facts: Fact[];
  /** the evidence's sentences, sorted only for the pairs that become candidates (most pairs of an article are rejected) */
  evidence: ReadonlySet<number>;
  props: Properties;
  /** PARTICIPATED_IN: the roles; HOLDS_POSITION: the person's titles (with where each was read); [''] otherwise */
  values: readonly string[];
  sources: Map<string, 'rule' | 'mention'> | null;
}

/**
 * Every pair of the given types (all when none given), with its features written into `sink()` (called once a
 * pair), handed to `visit`; `open`: only the pairs the rules stated nothing of (what the stage decides). A pair
 * `skip` answers yes for, asked when only its frame features are written (its evidence and properties are
 * known), is dropped before the costlier rest of its features are read.
 */
function eachPair<F extends FeatureSink>(ctx: Context, options: PairOptions, sink: () => F, visit: (pair: Pair<F>) => void, skip?: (pair: Pair<F>) => boolean): void {
  const { a, ev } = ctx;
  const types = options.types ?? LEARNED_TYPES;
  const through = types.map((type) => throughHappenings(ctx, type));
  const orders = pairsOfTypes(ctx, types, through);
  const linkedThrough = new Map(types.map((type, t) => {
    const linked = new ByPair<boolean>();
    for (const [x, y] of through[t]!) linked.set(x, y, true);
    return [type, linked] as const;
  }));
  types.forEach((type, t) => {
    const order = orders[t]!;
    const factsOfType = ctx.factsByPair.get(type);
    for (const [x, y] of order) {
      const facts = factsOfType?.get(x, y) ?? [];
      if (options.open && facts.length) continue;
      const near = nearness(ctx, x, y);
      const features = sink();
      const evidence = new Set<number>();
      const frame = frameFeatures(ctx, type, x, y, features, evidence);
      if (!facts.length && features.empty && near.distance > MAX_DISTANCE && !linkedThrough.get(type)!.get(x, y)) continue;
      if (!evidence.size) for (const s of near.near) evidence.add(s);
      if (!evidence.size) for (const end of [x, y]) evidence.add(a.firstSentenceOf(end));
      const props: Properties = {};
      if ((type === 'VISITED' || type === 'MET_WITH')) {
        const event = frame?.id ?? (near.near[0] !== undefined ? ev.focus[near.near[0]] : null);
        if (event && a.label(event) === 'Event') {
          props.event = event;
          const date = frame?.date ?? a.entities.get(event)!.props.date;
          if (typeof date === 'string') props.date = date;
        }
      }
      const sources = type === 'HOLDS_POSITION' ? titlesOf(ctx, x) : null;
      const values = type === 'PARTICIPATED_IN' ? PARTICIPATION_ROLES : sources ? [...sources.keys()] : NO_VALUE;
      if (!values.length) continue;
      const pair = { type, from: x, to: y, features, facts, evidence, props, values, sources };
      if (skip?.(pair)) continue;
      // the rest of the features: the pair's evidence and properties do not depend on them
      features.add(feature('distance:', bucket(near.distance, [0, 1, 2, 4])));
      features.add(feature('shared:', bucket(near.shared.length, [0, 1, 2])));
      const ox = ctx.occurrences.get(x) ?? [];
      const oy = ctx.occurrences.get(y) ?? [];
      for (let i = 0; i < near.shared.length && i < MAX_SHARED; i++) sentenceFeatures(ctx, a.sentences[near.shared[i]!]!, ox, oy, features);
      articleFeatures(ctx, type, x, y, features);
      peerFeatures(ctx, type, x, y, features);
      for (const other of ctx.typesByPair.get(x, y) ?? []) if (other !== type) features.add(feature('also:', other));
      visit(pair);
    }
  });
}

const NO_VALUE: readonly string[] = [''];
const ROLE_FEATURE = new Map(PARTICIPATION_ROLES.map((r) => [r as string, `role:${r}`]));

/** The features of one value of a pair (how the rules stated it, the role or title), and the rules' facts of that value. */
function valueFeatures(pair: Pair, value: string): { own: string[]; mine: Fact[] } {
  const { type, facts } = pair;
  const mine: Fact[] = [];
  const others: Fact[] = [];
  for (const f of facts) (valueOf(type, f).toLowerCase() === value.toLowerCase() ? mine : others).push(f);
  const stated = new Set<string>();
  for (const r of mine) {
    stated.add(`rule:${r.stage ?? 'unknown'}`);
    for (const name of r.rules ?? []) stated.add(`rule-name:${name}`);
  }
  stated.add(mine.length ? 'rule:yes' : others.length ? 'rule:other-value' : 'rule:no');
  for (const r of others) stated.add(`rule-other:${r.stage ?? 'unknown'}`);
  if (type === 'PARTICIPATED_IN') {
    stated.add(ROLE_FEATURE.get(value)!);
    for (const r of others) stated.add(`${value}|rule-role:${valueOf(type, r)}`);
  }
  if (type === 'HOLDS_POSITION') {
    stated.add(`title-from:${pair.sources!.get(value)}`);
    for (const w of words(value)) stated.add(`title-word:${w}`);
    if (value.toLowerCase().startsWith('former')) stated.add('title-former');
  }
  return { own: [...stated], mine };
}

/** The properties of a fact of one value of a pair. */
function propsOf(pair: Pair, value: string): Properties {
  const props: Properties = { ...pair.props };
  if (pair.type === 'PARTICIPATED_IN') props.role = value;
  if (pair.type === 'HOLDS_POSITION') props.title = value;
  return props;
}

/**
 * Every candidate of the given types (all when none given), with its features; `open`: only the pairs the
 * rules stated nothing of (what the stage decides).
 */
export function relationCandidates(a: Article, ev: Events, options: PairOptions = {}): Candidate[] {
  const out: Candidate[] = [];
  eachPair(context(a, ev, options.participations), options, () => new FeatureNames(), (pair) => {
    const shared = [...pair.features.names];
    const evidence = [...pair.evidence].sort(byNumber);
    for (const value of pair.values) {
      const { own, mine } = valueFeatures(pair, value);
      out.push({ type: pair.type, from: pair.from, to: pair.to, value, shared, own, facts: mine, evidence, props: propsOf(pair, value) });
    }
  });
  return out;
}

/**
 * A type's model as the stage reads it: the weight of each feature id and, for participation, its weights with
 * each role ("host|btw:by" is the role's weight of "btw:by"), so that a pair's features are looked up once for all its values.
 */
export interface PairScorer {
  threshold: number;
  /** the likeliest value of a pair (its index in `values`) and its probability */
  best(pair: Pair<FeatureIds>): { value: number; probability: number };
}

/** A model file read for deciding: an id for every feature a model weighs or the stage asks about, and a scorer per type. */
export interface RelationScorers {
  table: FeatureTable;
  byType: ReadonlyMap<LearnedType, PairScorer>;
  /** the features of the pair being decided (one pair at a time) */
  sink: FeatureIds;
}

/** A participation feature's role and the feature it weighs with that role ("host|btw:by": host, "btw:by"). */
function roleOf(feature: string): { role: number; rest: string } | null {
  const bar = feature.indexOf('|');
  const role = bar > 0 ? roleIndex.get(feature.slice(0, bar)) : undefined;
  return role === undefined ? null : { role, rest: feature.slice(bar + 1) };
}

function pairScorer(model: LinearModel, table: FeatureTable): PairScorer {
  const weights = new Float64Array(table.size);
  const roleWeights: (Float64Array | undefined)[] = [];
  for (const [feature, w] of Object.entries(model.weights)) {
    weights[table.ids.get(feature)!] = w;
    const r = roleOf(feature);
    if (r) (roleWeights[table.ids.get(r.rest)!] ??= new Float64Array(PARTICIPATION_ROLES.length))[r.role] = w;
  }
  const weightOf = (feature: string) => {
    const id = table.ids.get(feature);
    return id === undefined ? 0 : weights[id]!;
  };
  // a value's own features of a pair the rules stated nothing of depend on the value alone (but a title's, on where it was read)
  const unstated = new Map<string, number[]>();
  const ownWeights = (pair: Pair<FeatureIds>, value: string): number[] => {
    const constant = !pair.facts.length && pair.type !== 'HOLDS_POSITION';
    const known = constant ? unstated.get(value) : undefined;
    if (known) return known;
    const own = valueFeatures(pair, value).own.map(weightOf);
    if (constant) unstated.set(value, own);
    return own;
  };
  const roles = new Float64Array(PARTICIPATION_ROLES.length);
  return {
    threshold: model.threshold,
    best(pair) {
      const participation = pair.type === 'PARTICIPATED_IN';
      let shared = model.bias;
      roles.fill(0);
      for (const id of pair.features.list) {
        shared += weights[id]!;
        const r = participation ? roleWeights[id] : undefined;
        if (r) for (let i = 0; i < roles.length; i++) roles[i]! += r[i]!;
      }
      let best = { value: -1, probability: -1 };
      for (let i = 0; i < pair.values.length; i++) {
        const value = pair.values[i]!;
        let sum = shared + (participation ? roles[roleIndex.get(value)!]! : 0);
        for (const w of ownWeights(pair, value)) sum += w;
        const probability = sigmoid(sum);
        if (probability > best.probability) best = { value: i, probability };
      }
      return best;
    },
  };
}

/** The features a vetoed pair is asked about, and the cues `sentenceFeatures` asks whether it wrote: they need ids whether a model weighs them or not. */
const ASKED = ['visit:x-hosts-at-y', 'fr:x-host-at-y', ...CUE_BETWEEN.values()];

// a value's own features of a pair the rules stated nothing of depend on its type and value alone (a title's also on where it was read)
const UNSTATED_OWN = new Map<string, string[]>();
const ownFeatures = (pair: Pair<FeatureIds>, value: string): string[] => {
  if (pair.facts.length || pair.type === 'HOLDS_POSITION') return valueFeatures(pair, value).own;
  const key = `${pair.type}|${value}`;
  return UNSTATED_OWN.get(key) ?? UNSTATED_OWN.set(key, valueFeatures(pair, value).own).get(key)!;
};

const TREE_PARTS: TreeFeatureParts<Pair<FeatureIds>> = { roleOf, own: ownFeatures, roleIndex: (value) => roleIndex.get(value)! };

/** The scorers of a model file, read once. */
export function relationScorers(models: RelationModels): RelationScorers {
  const names = [...ASKED];
  for (const type of LEARNED_TYPES) {
    const m = models.models[type];
    const asked = !m ? [] : 'trees' in m ? m.trees.flatMap((t) => t.features.filter((f) => f !== null)) : Object.keys(m.weights);
    for (const feature of asked) {
      names.push(feature);
      const r = roleOf(feature);
      if (r) names.push(r.rest);
    }
  }
  const table = new FeatureTable(names);
  const byType = new Map<LearnedType, PairScorer>();
  for (const type of LEARNED_TYPES) {
    const m = models.models[type];
    if (m) byType.set(type, 'trees' in m ? treesPairScorer(m, table, TREE_PARTS) : pairScorer(m, table));
  }
  return { table, byType, sink: new FeatureIds(table) };
}

/** Whether a sentence naming the person tells a trip to the town: "the first visit to Y by X", "X will travel to Y". */
function toldTravelling(a: Article, person: string, town: string): boolean {
  return a.sentences.some((s) => s.refs.includes(person) && s.refs.some((r, j) => r === town && TRAVEL_TO.test(s.template.slice(0, s.template.indexOf(`⟨C${j}⟩`)))));
}

const TRAVEL_TO = /\b(?:visit(?:s|ed|ing)?|trip|journey|travel(?:s|led|ed|ling)?|arriv(?:e|es|ed|ing)|tour(?:s|ed|ing)?)(?: to| in)? (?:the (?:city|town) of )?$/i;

/**
 * Whether the pair sends a host of its happening elsewhere: the person holds an office in the happening's town, which
 * is the article's home town or a frame puts the person on the happening's host side ("Governor A received the
 * delegation from B at City Hall": A did not visit B for it), and no sentence tells the person's trip to the town.
 */
function hostOfHappening(a: Article, c: Pair): boolean {
  const event = typeof c.props.event === 'string' ? a.entities.get(c.props.event) : undefined;
  const place = event?.props.cityId;
  if (!event || typeof place !== 'string' || place === c.to) return false;
  if (!a.positionsOf(c.from).some((f) => !f.props.former && (f.to === place || a.cityOf(f.to) === place))) return false;
  const host = a.homeCity === place || (framesOfArticle(a)?.frames ?? []).some((f) => f.id === event.id && f.host.people.has(c.from));
  return host && !toldTravelling(a, c.from, c.to);
}

/**
 * What the stage never states, whatever the weights say, because the rules have read the opposite: a host does
 * not visit the town where it receives its guests or holds office, and two towns the rules give as partners of one third town
 * (a list of one town's sister cities) are not partners of each other on that ground.
 */
function vetoes(a: Article): { early: (pair: Pair) => boolean; late: (pair: Pair) => boolean } {
  const partners = new Map<string, Set<string>>();
  // per sentence, the towns the rules paired in it
  const pairedIn = new Map<number, Set<string>>();
  for (const f of a.factsOf('SISTER_CITY_OF')) {
    (partners.get(f.from) ?? partners.set(f.from, new Set()).get(f.from)!).add(f.to);
    (partners.get(f.to) ?? partners.set(f.to, new Set()).get(f.to)!).add(f.from);
    for (const e of f.evidence) (pairedIn.get(e) ?? pairedIn.set(e, new Set()).get(e)!).add(f.from).add(f.to);
  }
  const placeOnly = townsNamedAsPlaces(a);
  // two towns the rules paired with others in every sentence that names them both: the rules read those sentences'
  // ties ("A has twinned with B and C, and D has twinned with E and F" is no tie of A and D)
  const readApart = (c: Pair) => c.evidence.size > 0 && [...c.evidence].every((e) => pairedIn.get(e)?.has(c.from) && pairedIn.get(e)!.has(c.to));
  // two items of one list of three or more towns ("such as Los Angeles, Paris, Marseille, and Rabat"), wherever both are named
  const listedTogether = (c: Pair) => c.evidence.size > 0 && [...c.evidence].every((e) => inOneList(a.sentences[e], c.from, c.to));
  // early: what is known once a pair's frame features, evidence and properties are (the frame's host feature among them); late: the rest
  return {
    early(c) {
      if (c.type === 'VISITED') return c.features.has('fr:x-host-at-y') || a.positionsOf(c.from).some((f) => f.to === c.to || a.cityOf(f.to) === c.to) || hostOfHappening(a, c);
      if (c.type === 'SISTER_CITY_OF') return shares(partners.get(c.from) ?? NO_IDS, partners.get(c.to) ?? NO_IDS) || readApart(c) || listedTogether(c) || placeOnly.has(c.from) || placeOnly.has(c.to);
      return false;
    },
    late: (c) => c.type === 'VISITED' && c.features.has('visit:x-hosts-at-y'),
  };
}

/** Whether towns `x` and `y` are two items of one list of three or more towns in sentence `s` ("A, B, C and D"). */
function inOneList(s: AnalyzedSentence | undefined, x: string, y: string): boolean {
  if (!s) return false;
  for (const run of matchAll(s.template, /⟨C\d+⟩(?:, ⟨C\d+⟩)+,? and ⟨C\d+⟩|⟨C\d+⟩(?:, ⟨C\d+⟩){2,}/g)) {
    const ids = matchAll(run[0], /⟨C(\d+)⟩/g).map((m) => s.refs[Number(m[1])]);
    if (ids.includes(x) && ids.includes(y)) return true;
  }
  return false;
}

/**
 * The towns the article names only as the place of another ("Seattle (Washington, the USA)", "Tacoma, Washington;",
 * "Miami, Florida, U.S.A", "Mayor of Miami, Florida on May 29"): a state read as its namesake town, never a partner.
 */
function townsNamedAsPlaces(a: Article): Set<string> {
  const asPlace = new Set<string>();
  const otherwise = new Set<string>();
  for (const s of a.sentences) {
    s.mentions.forEach((m, j) => {
      const id = s.refs[j];
      if (!id || m.kind !== 'City') return;
      const at = s.template.indexOf(`⟨C${j}⟩`);
      if (at < 0) return;
      const before = s.template.slice(Math.max(0, at - 12), at);
      const after = s.template.slice(at + `⟨C${j}⟩`.length, at + `⟨C${j}⟩`.length + 12);
      const place = /⟨[CXV]\d+⟩ \($/.test(before) || (/⟨[CXV]\d+⟩, $/.test(before) && /^(?:,? (?:the )?⟨N\d+⟩|;|\)| on ⟨D)/.test(after));
      (place ? asPlace : otherwise).add(id);
    });
  }
  for (const id of otherwise) asPlace.delete(id);
  return asPlace;
}

/**
 * The stage: the rules' facts stay; of each pair they left, the value the model finds likeliest is stated when
 * the model accepts it, with the sentences of the frame slots that link its ends, or that name both, as evidence.
 * (Letting the model also drop the rules' facts scored the same when cross-validated, and undid rules that
 * tests and users rely on: docs/extraction.md § "Learned decisions".)
 */
export function decideRelations(a: Article, ev: Events, scorers: RelationScorers): void {
  const vetoed = vetoes(a);
  const accepted: { type: LearnedType; from: string; to: string; props: Properties; evidence: number[] }[] = [];
  // one reading of the article for both runs: the facts are stated after them
  const ctx = context(a, ev);
  const decide = (types: LearnedType[], participations: LearnedParticipations = new Map()) => {
    ctx.learned = participations;
    eachPair(ctx, { open: true, types }, () => scorers.sink.reset(), (pair) => {
      if (vetoed.late(pair)) return;
      const scorer = scorers.byType.get(pair.type)!;
      const best = scorer.best(pair);
      if (best.probability >= scorer.threshold) accepted.push({ type: pair.type, from: pair.from, to: pair.to, props: propsOf(pair, pair.values[best.value]!), evidence: [...pair.evidence].sort(byNumber) });
    }, vetoed.early);
  };
  const decided = [...scorers.byType.keys()];
  // participations first: the visits and meetings are decided knowing who the stage found taking part where
  decide(decided.filter((t) => !STACKED_TYPES.includes(t)));
  const stacked = decided.filter((t) => STACKED_TYPES.includes(t));
  if (stacked.length) decide(stacked, participationsOf(accepted));
  // stated once every pair is decided: a fact stated earlier would change the features of the pairs after it
  for (const c of accepted) {
    const fact = a.addFact(c.type as RelationshipType, c.from, c.to, c.props, ...c.evidence);
    if (fact) fact.stage ??= 'learned';
  }
}

/** The decided participations among some decisions, by participant. */
export function participationsOf(decisions: Iterable<{ type: string; from: string; to: string; props: Properties }>): LearnedParticipations {
  const out = new Map<string, { event: string; role: string }[]>();
  for (const d of decisions) if (d.type === 'PARTICIPATED_IN') (out.get(d.from) ?? out.set(d.from, []).get(d.from)!).push({ event: d.to, role: String(d.props.role) });
  return out;
}
