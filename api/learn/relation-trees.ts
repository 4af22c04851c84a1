// Fitting a relation type's decision by boosted trees (api/extract/learned/trees.ts) the way fold-models.ts fits the
// logistic model: five fits on four fifths of the articles each, the threshold best on the fifths each left out
// (scored as the stage decides: per pair the likeliest value), and the five fits' trees shipped together, each leaf
// a fifth, so that the shipped log-odds are the mean of the fits the threshold was chosen for.
import { bestThreshold, sigmoid, type Example } from '../extract/learned/linear.ts';
import { trainBoosted, treesMargin, type BoostingOptions, type TreesModel } from '../extract/learned/trees.ts';
import { FOLDS, type GroupedExample } from './fold-models.ts';

/** features seen in fewer examples are left out, as fold-models.ts leaves them out of the logistic model */
const MIN_COUNT = 3;

export function leavingRareFeatures(examples: readonly Example[]): Example[] {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  return examples.map((e) => ({ features: e.features.filter((f) => counts.get(f)! >= MIN_COUNT), positive: e.positive, weight: e.weight }));
}

/** Per group the likeliest candidate; the group's other right candidates are missed. */
function decisions(model: TreesModel, examples: readonly GroupedExample[]): { scored: { probability: number; positive: boolean }[]; missed: number } {
  const groups = new Map<string, { probability: number; positive: boolean }[]>();
  for (const e of examples) {
    const set = new Set(e.features);
    const list = groups.get(e.group) ?? groups.set(e.group, []).get(e.group)!;
    list.push({ probability: sigmoid(treesMargin(model, (f) => set.has(f))), positive: e.positive });
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

/** The trees of one decision: the five fold fits' trees together (leaves a fifth), with the threshold best on the held-out folds. */
export function foldAveragedTrees(examples: readonly GroupedExample[], missed: number, foldOf: (article: string) => number, options: BoostingOptions): TreesModel {
  const scored: { probability: number; positive: boolean }[] = [];
  const fits: TreesModel[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = trainBoosted(leavingRareFeatures(examples.filter((e) => foldOf(e.article) !== fold)), options);
    const d = decisions(model, examples.filter((e) => foldOf(e.article) === fold));
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
