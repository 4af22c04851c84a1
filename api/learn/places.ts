// Training the learned place decision (api/extract/learned/places.ts) from the annotated articles: each article is
// read by the rules and the learned entity step, every town of the article is a candidate place of every event, and
// each candidate is labelled by the gold as ../shared/tools/score.mjs would count it (align.ts): yes when the gold
// places the event there, no when it does not or has no such event (its place would be a false fact). An event the
// gold leaves optional, and a town the gold gives as an optional place only, teach nothing. The threshold is chosen
// as the decision acts: per event, the likeliest town, on articles the weights were not fitted on (five folds),
// counting the gold places no candidate reaches as missed.
import type { Example } from '../extract/learned/linear.ts';
import { placeCandidates, type PlaceModel } from '../extract/learned/places.ts';
import { readAligned, type AnnotatedArticle } from './corpus.ts';
import { foldAveragedModel, hashFold } from './fold-models.ts';
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

/** The examples of the given annotated articles, read with the rules' places (the decision replaces them). */
export function placeExamples(articles: readonly AnnotatedArticle[]): PlaceExamples {
  const examples: PlaceExample[] = [];
  let missed = 0;
  for (const article of articles) {
    const aligned = readAligned(article);
    if (!aligned) continue;
    const { key, read, alignment } = aligned;
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

/** The model: the mean of the weights fitted on each four fifths of the articles (each set weighing the same), with the threshold best on the fifths left out. */
export function trainPlaces(data: PlaceExamples): PlaceModel {
  const weights = setWeights(data.examples.map((e) => e.article));
  const examples = data.examples.map((e) => ({ ...e, weight: weights.get(e.article)! }));
  return foldAveragedModel(examples, data.missed, hashFold, TRAINING);
}
