// Fitting a relation type's decision by boosted trees (api/extract/learned/trees.ts) the way fold-models.ts fits the
// logistic model: five fits on four fifths of the articles each, the threshold best on the fifths each left out
// (scored as the stage decides: per pair the likeliest value), and the five fits' trees shipped together, each leaf
// a fifth, so that the shipped log-odds are the mean of the fits the threshold was chosen for.
import { bestThreshold, type Example } from '../extract/learned/linear.ts';
import { trainBoosted, treesProbability, type BoostingOptions, type TreesModel } from '../extract/learned/trees.ts';
import { FOLDS, groupDecisions, type GroupedExample } from './fold-models.ts';

/** features seen in fewer examples are left out, as fold-models.ts leaves them out of the logistic model */
const MIN_COUNT = 3;

export function leavingRareFeatures(examples: readonly Example[]): Example[] {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  return examples.map((e) => ({ features: e.features.filter((f) => counts.get(f)! >= MIN_COUNT), positive: e.positive, weight: e.weight }));
}

/** The trees of one decision: the five fold fits' trees together (leaves a fifth), with the threshold best on the held-out folds. */
export function foldAveragedTrees(examples: readonly GroupedExample[], missed: number, foldOf: (article: string) => number, options: BoostingOptions): TreesModel {
  const scored: { probability: number; positive: boolean }[] = [];
  const fits: TreesModel[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = trainBoosted(leavingRareFeatures(examples.filter((e) => foldOf(e.article) !== fold)), options);
    const d = groupDecisions(examples.filter((e) => foldOf(e.article) === fold), (features) => treesProbability(model, features));
    scored.push(...d.scored);
    missed += d.missed;
    fits.push(model);
  }
  const round = (x: number) => Math.round(x * 1e5) / 1e5 + 0;
  return {
    kind: 'trees',
    bias: round(fits.reduce((s, m) => s + m.bias, 0) / FOLDS),
    threshold: bestThreshold(scored, missed),
    depth: fits[0]!.depth,
    trees: fits.flatMap((m) => m.trees.map((t) => ({ features: t.features, leaves: t.leaves.map((v) => round(v / FOLDS)) }))),
  };
}
