// Training the learned place decision (api/extract/learned/places.ts) from the annotated articles: each article is
// read by the rules and the learned entity step, every town of the article is a candidate place of every event, and
// each candidate is labelled by the gold as ../shared/tools/score.mjs would count it (align.ts): yes when the gold
// places the event there, no when it does not or has no such event (its place would be a false fact). An event the
// gold leaves optional, and a town the gold gives as an optional place only, teach nothing. The threshold is chosen
// as the decision acts: per event, the likeliest town, on articles the weights were not fitted on (five folds),
// counting the gold places no candidate reaches as missed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { decodeText } from '../extract/charset.ts';
import { readDocument } from '../extract/document.ts';
import { readForLearning } from '../extract/index.ts';
import { bestThreshold, classifier, trainLogistic, type Example, type LinearModel } from '../extract/learned/linear.ts';
import { placeCandidates, type PlaceModel } from '../extract/learned/places.ts';
import { alignToGold } from './align.ts';
import type { AnnotatedArticle } from './corpus.ts';
import { setWeights, TRAINING } from './relations.ts';

export interface PlaceExample extends Example {
  /** the candidates of one event share a group: the decision states at most one of them */
  group: string;
  article: string;
}

export interface PlaceExamples {
  examples: PlaceExample[];
  /** required gold places of events that no positive candidate reaches */
  missed: number;
}

const FOLDS = 5;
const MIN_COUNT = 3;

/** The examples of the given annotated articles, read with the rules' places (the decision replaces them). */
export function placeExamples(articles: readonly AnnotatedArticle[]): PlaceExamples {
  const examples: PlaceExample[] = [];
  let missed = 0;
  for (const article of articles) {
    const key = `${article.set}/${article.file}`;
    const doc = readDocument(decodeText(readFileSync(article.textPath), { html: false }), { format: 'text', file: article.file });
    const read = readForLearning(doc);
    if (!read) continue;
    const alignment = alignToGold(article.goldPath, read.document);
    const labels = new Map(alignment.gold.entities.map((e) => [e.key, e] as const));
    const covered = new Set<unknown>();
    for (const c of placeCandidates(read.article, read.events)) {
      const event = read.nodeOf.get(c.event);
      const town = read.nodeOf.get(c.city);
      if (!event || !town) continue;
      const gold = alignment.goldOf.get(event);
      if (gold && labels.get(gold)?.optional) continue;
      const facts = alignment.factsBetween('LOCATED_IN', event, town);
      const required = facts.filter((f) => !f.optional);
      if (!required.length && facts.length) continue;
      for (const f of required) covered.add(f);
      examples.push({ group: `${key}|${event}`, article: key, features: c.features, positive: required.length > 0 });
    }
    const isEvent = (keys: string | readonly string[]) => [keys].flat().some((k) => labels.get(k)?.label === 'Event');
    const wanted = alignment.gold.relationships.filter((r) => r.type === 'LOCATED_IN' && !r.optional && isEvent(r.from)).length;
    missed += Math.max(0, wanted - covered.size);
  }
  return { examples, missed };
}

const foldOf = (article: string) => createHash('sha1').update(article).digest()[0]! % FOLDS;

function fit(examples: readonly PlaceExample[]): LinearModel {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  return trainLogistic(examples.map((e) => ({ features: e.features.filter((f) => counts.get(f)! >= MIN_COUNT), positive: e.positive, weight: e.weight })), TRAINING);
}

/** Per event, the likeliest town, as the decision takes it; an event whose likeliest town is wrong while a right one was offered misses it. */
function decisions(model: LinearModel, examples: readonly PlaceExample[]): { scored: { probability: number; positive: boolean }[]; missed: number } {
  const c = classifier(model);
  const groups = new Map<string, { probability: number; positive: boolean }[]>();
  for (const e of examples) (groups.get(e.group) ?? groups.set(e.group, []).get(e.group)!).push({ probability: c.probability(e.features), positive: e.positive });
  const scored: { probability: number; positive: boolean }[] = [];
  let missed = 0;
  for (const list of groups.values()) {
    const best = list.reduce((x, y) => (y.probability > x.probability ? y : x));
    scored.push(best);
    if (!best.positive && list.some((x) => x.positive)) missed++;
  }
  return { scored, missed };
}

/** The model: the mean of the weights fitted on each four fifths of the articles (each set weighing the same), with the threshold best on the fifths left out. */
export function trainPlaces(data: PlaceExamples): PlaceModel {
  const weights = setWeights(data.examples.map((e) => e.article));
  const examples = data.examples.map((e) => ({ ...e, weight: weights.get(e.article)! }));
  const scored: { probability: number; positive: boolean }[] = [];
  let missed = data.missed;
  const sums = new Map<string, number>();
  let bias = 0;
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = fit(examples.filter((e) => foldOf(e.article) !== fold));
    const d = decisions(model, examples.filter((e) => foldOf(e.article) === fold));
    scored.push(...d.scored);
    missed += d.missed;
    bias += model.bias / FOLDS;
    for (const [f, w] of Object.entries(model.weights)) sums.set(f, (sums.get(f) ?? 0) + w / FOLDS);
  }
  const round = (x: number) => Math.round(x * 1e3) / 1e3;
  const kept = [...sums].map(([f, w]) => [f, round(w)] as const).filter(([, w]) => w !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
  return { bias: round(bias), threshold: bestThreshold(scored, missed), weights: Object.fromEntries(kept) };
}
