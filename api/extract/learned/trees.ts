// Boosted shallow trees over named binary features: a learned decision that sees combinations of features (a
// visiting-side person AND the happening's town AND no office there), where the logistic model (linear.ts) weighs
// each feature alone. Like the logistic model it is data beside the code (the trees in JSON, written by `npm run
// train`), and fitting is deterministic, so the same examples give the same file byte for byte.
import { z } from 'zod';
import { sigmoid, type Example } from './linear.ts';

/**
 * A tree of fixed depth in heap order: node i asks whether feature `features[i]` holds (yes: child 2i+1, no: 2i+2;
 * null: no question, the no branch); the 2^depth leaves are the log-odds each path adds.
 */
export const TreeSchema = z.object({
  features: z.array(z.string().nullable()),
  leaves: z.array(z.number()),
});
export type Tree = z.infer<typeof TreeSchema>;

export const TreesModelSchema = z.object({
  kind: z.literal('trees'),
  bias: z.number(),
  /** the probability from which the model says yes, chosen on examples the trees were not fitted on */
  threshold: z.number().min(0).max(1),
  depth: z.number().int().min(1).max(6),
  trees: z.array(TreeSchema),
});
export type TreesModel = z.infer<typeof TreesModelSchema>;

export interface BoostingOptions {
  rounds?: number;
  depth?: number;
  /** each tree's leaves are scaled by it (the learning rate) */
  shrinkage?: number;
  /** L2 penalty on a leaf's value */
  lambda?: number;
  /** a split leaves at least this much (weighted) hessian on each side */
  minHessian?: number;
}

export const BOOSTING: Required<BoostingOptions> = { rounds: 200, depth: 2, shrinkage: 0.1, lambda: 1, minHessian: 1 };

// + 0: no negative zero, which JSON would not keep
const round = (x: number) => Math.round(x * 1e4) / 1e4 + 0;

/** The log-odds of a model for a feature test: the bias and each tree's leaf. */
export function treesMargin(model: TreesModel, has: (feature: string) => boolean): number {
  let sum = model.bias;
  const inner = model.trees[0] ? model.trees[0].features.length : 0;
  for (const tree of model.trees) {
    let node = 0;
    while (node < inner) {
      const f = tree.features[node];
      node = f !== null && f !== undefined && has(f) ? 2 * node + 1 : 2 * node + 2;
    }
    sum += tree.leaves[node - inner]!;
  }
  return sum;
}

export const treesProbability = (model: TreesModel, features: readonly string[]): number => {
  const set = new Set(features);
  return sigmoid(treesMargin(model, (f) => set.has(f)));
};

/** The examples as rows of feature ids (compressed: row i's ids are ids[start[i]] … ids[start[i + 1] - 1]). */
function rows(examples: readonly Example[]): { names: string[]; start: Int32Array; ids: Int32Array } {
  const idOf = new Map<string, number>();
  const names: string[] = [];
  const start = new Int32Array(examples.length + 1);
  const ids: number[] = [];
  examples.forEach((e, i) => {
    for (const f of new Set(e.features)) {
      let id = idOf.get(f);
      if (id === undefined) {
        id = names.length;
        idOf.set(f, id);
        names.push(f);
      }
      ids.push(id);
    }
    start[i + 1] = ids.length;
  });
  return { names, start, ids: Int32Array.from(ids) };
}

/**
 * Gradient boosting of the logistic loss (Newton steps, as XGBoost does) with trees of `depth` levels whose every
 * question is whether one feature holds; each split is the one of greatest gain over the node's examples. `initial`:
 * each example's log-odds by another model, which the trees correct.
 */
export function trainBoosted(examples: readonly Example[], options: BoostingOptions = {}, initial?: readonly number[]): TreesModel {
  const { rounds, depth, shrinkage, lambda, minHessian } = { ...BOOSTING, ...options };
  const { names, start, ids } = rows(examples);
  const n = examples.length;
  const weight = Float64Array.from(examples, (e) => e.weight ?? 1);
  const label = Float64Array.from(examples, (e) => (e.positive ? 1 : 0));
  let wp = 0;
  let wall = 0;
  for (let i = 0; i < n; i++) {
    wp += weight[i]! * label[i]!;
    wall += weight[i]!;
  }
  const rate = Math.min(Math.max(wp / (wall || 1), 1e-4), 1 - 1e-4);
  // from another model's log-odds when given (the trees then add what it misses), else from the rate of yes
  const bias = initial ? 0 : round(Math.log(rate / (1 - rate)));
  const margin = initial ? Float64Array.from(initial) : new Float64Array(n).fill(bias);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const gf = new Float64Array(names.length);
  const hf = new Float64Array(names.length);
  const stamp = new Int32Array(names.length);
  let generation = 0;
  const has = (i: number, f: number) => {
    for (let k = start[i]!; k < start[i + 1]!; k++) if (ids[k] === f) return true;
    return false;
  };
  /** the feature of greatest gain over the node's examples, or -1 when no split gains */
  const bestSplit = (node: Int32Array): number => {
    generation++;
    const touched: number[] = [];
    let G = 0;
    let H = 0;
    for (const i of node) {
      G += g[i]!;
      H += h[i]!;
      for (let k = start[i]!; k < start[i + 1]!; k++) {
        const f = ids[k]!;
        if (stamp[f] !== generation) {
          stamp[f] = generation;
          gf[f] = 0;
          hf[f] = 0;
          touched.push(f);
        }
        gf[f]! += g[i]!;
        hf[f]! += h[i]!;
      }
    }
    const parent = (G * G) / (H + lambda);
    let best = -1;
    let bestGain = 1e-6;
    for (const f of touched) {
      const hl = hf[f]!;
      const hr = H - hl;
      if (hl < minHessian || hr < minHessian) continue;
      const gl = gf[f]!;
      const gr = G - gl;
      const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
      if (gain > bestGain || (gain === bestGain && best >= 0 && f < best)) {
        best = f;
        bestGain = gain;
      }
    }
    return best;
  };
  const trees: Tree[] = [];
  const inner = 2 ** depth - 1;
  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(margin[i]!);
      g[i] = weight[i]! * (p - label[i]!);
      h[i] = weight[i]! * Math.max(p * (1 - p), 1e-6);
    }
    const nodes: Int32Array[] = [all];
    const features: (string | null)[] = [];
    for (let node = 0; node < inner; node++) {
      const members = nodes[node]!;
      const f = members.length ? bestSplit(members) : -1;
      features.push(f >= 0 ? names[f]! : null);
      const yes: number[] = [];
      const no: number[] = [];
      for (const i of members) (f >= 0 && has(i, f) ? yes : no).push(i);
      nodes[2 * node + 1] = Int32Array.from(yes);
      nodes[2 * node + 2] = Int32Array.from(no);
    }
    const leaves: number[] = [];
    for (let leaf = 0; leaf <= inner; leaf++) {
      const members = nodes[inner + leaf]!;
      let G = 0;
      let H = 0;
      for (const i of members) {
        G += g[i]!;
        H += h[i]!;
      }
      const value = round((-G / (H + lambda)) * shrinkage);
      leaves.push(value);
      for (const i of members) margin[i]! += value;
    }
    trees.push({ features, leaves });
  }
  return { kind: 'trees', bias, threshold: 0.5, depth, trees };
}
