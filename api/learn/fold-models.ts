// How a learned decision's model is fitted, for every step that decides among competing candidates (relations,
// places): the weights are the mean of the fits on each four fifths of the articles, and the threshold is chosen
// (ThresholdRecipe) on the fifths each fit left out, scored as the decision acts (per group of candidates, the
// likeliest one).
// The shipped weights are then of the same kind as the ones the threshold was chosen for: a single fit on every
// article would be surer of itself than they were.
import { createHash } from 'node:crypto';
import { bestThreshold, classifier, halfBestF1Threshold, plateauThreshold, smoothedThreshold, trainLogistic, type Example, type LinearModel, type TrainingOptions } from '../extract/learned/linear.ts';

export const FOLDS = 5;
/** features seen in fewer examples are left out of a model: too rare to weigh, and they bloat the file */
const MIN_COUNT = 3;

/** A candidate of a decision: the candidates of one group compete, the decision states at most one of them. */
export interface GroupedExample extends Example {
  group: string;
  /** the article's key ("set/file"), which decides its fold */
  article: string;
}

/** How a decision's threshold is chosen on the held-out folds. */
export interface ThresholdRecipe {
  /**
   * how many partitions of the articles into FOLDS folds, each hashed its own way: every article is held out once per
   * partition, the threshold is chosen on all the held-out decisions pooled and the weights are the mean of every fit
   * (1 when absent)
   */
  partitions?: number;
  /** the threshold is the centre of those whose held-out F1 comes within this of the best (plateauThreshold), not the best one */
  plateau?: number;
  /** the threshold is half the best held-out F1 (halfBestF1Threshold: the best threshold of calibrated probabilities) */
  halfBestF1?: boolean;
  /** the threshold is the best of the held-out F1 curve averaged over ± this much threshold (smoothedThreshold) */
  smooth?: number;
}

/** An article's fold in a partition: its key hashed into FOLDS (partition 0 hashes the key alone, as before partitions). */
export const hashFold = (article: string, partition = 0): number => createHash('sha1').update(partition ? `${partition}|${article}` : article).digest()[0]! % FOLDS;

/** Fits weights on examples, leaving out the features seen fewer than MIN_COUNT times. */
export function fitLeavingRareFeatures(examples: readonly Example[], training: TrainingOptions): LinearModel {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = examples.map((e) => ({ features: e.features.filter((f) => counts.get(f)! >= MIN_COUNT), positive: e.positive, weight: e.weight }));
  return trainLogistic(kept, training);
}

/**
 * Scores as the decision acts: per group, the likeliest candidate by the fitted model's `probability`; the group's
 * other right candidates are missed.
 */
export function groupDecisions(examples: readonly GroupedExample[], probability: (features: readonly string[]) => number): { scored: { probability: number; positive: boolean }[]; missed: number } {
  const groups = new Map<string, { probability: number; positive: boolean }[]>();
  for (const e of examples) {
    const list = groups.get(e.group) ?? groups.set(e.group, []).get(e.group)!;
    list.push({ probability: probability(e.features), positive: e.positive });
  }
  const scored: { probability: number; positive: boolean }[] = [];
  let missed = 0;
  for (const list of groups.values()) {
    const best = list.reduce((x, y) => (y.probability > x.probability ? y : x));
    scored.push(best);
    if (!best.positive && list.some((x) => x.positive)) missed++;
  }
  return { scored, missed };
}

const decisions = (model: LinearModel, examples: readonly GroupedExample[]) => groupDecisions(examples, classifier(model).probability);

/** The fold fits of one decision: their decisions on the folds each left out (with the gold facts those miss), and their mean weights. */
export interface FoldFits {
  scored: { probability: number; positive: boolean }[];
  missed: number;
  bias: number;
  weights: Record<string, number>;
}

/**
 * Fits one decision on each fold's complement, in every partition (ThresholdRecipe); `missed` counts the gold facts
 * no candidate reaches (they are misses whatever the threshold, once per partition).
 */
export function foldFits(examples: readonly GroupedExample[], missed: number, foldOf: (article: string, partition: number) => number, training: TrainingOptions & ThresholdRecipe): FoldFits {
  const partitions = training.partitions ?? 1;
  const scored: { probability: number; positive: boolean }[] = [];
  const sums = new Map<string, number>();
  let bias = 0;
  let heldOutMissed = missed * partitions;
  for (let partition = 0; partition < partitions; partition++) {
    for (let fold = 0; fold < FOLDS; fold++) {
      const model = fitLeavingRareFeatures(examples.filter((e) => foldOf(e.article, partition) !== fold), training);
      const d = decisions(model, examples.filter((e) => foldOf(e.article, partition) === fold));
      scored.push(...d.scored);
      heldOutMissed += d.missed;
      bias += model.bias / (FOLDS * partitions);
      for (const [f, w] of Object.entries(model.weights)) sums.set(f, (sums.get(f) ?? 0) + w / (FOLDS * partitions));
    }
  }
  const round = (x: number) => Math.round(x * 1e3) / 1e3;
  const weights = Object.fromEntries([...sums].map(([f, w]) => [f, round(w)] as const).filter(([, w]) => w !== 0).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { scored, missed: heldOutMissed, bias: round(bias), weights };
}

/** The model the fold fits make: their mean weights, with the threshold the recipe chooses on their held-out decisions. */
export function modelOf(fits: FoldFits, recipe: ThresholdRecipe): LinearModel {
  const threshold = recipe.halfBestF1
    ? halfBestF1Threshold(fits.scored, fits.missed)
    : recipe.smooth !== undefined
      ? smoothedThreshold(fits.scored, fits.missed, recipe.smooth)
      : recipe.plateau === undefined
        ? bestThreshold(fits.scored, fits.missed)
        : plateauThreshold(fits.scored, fits.missed, recipe.plateau);
  return { bias: fits.bias, threshold, weights: fits.weights };
}

/** The model of one decision: the mean of the fold fits' weights, with the threshold chosen on the held-out folds. */
export const foldAveragedModel = (examples: readonly GroupedExample[], missed: number, foldOf: (article: string, partition: number) => number, training: TrainingOptions & ThresholdRecipe): LinearModel =>
  modelOf(foldFits(examples, missed, foldOf, training), training);
