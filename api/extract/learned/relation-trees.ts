// The relation step's decision by boosted trees (trees.ts) instead of a logistic model: the same pairs, the same
// features, the same "likeliest value, stated from the threshold". The trees are compiled once into arrays of
// feature ids, and a pair's features are marked once for all its values, so a question is an array look-up.
import type { FeatureTable } from './feature-ids.ts';
import { sigmoid } from './linear.ts';
import type { TreesModel } from './trees.ts';

/** What the trees read of a relation step's pair (relations.ts's `Pair`, which imports this file). */
export interface TreePair {
  type: string;
  /** the ids of the pair's features the table knows */
  features: { readonly list: readonly number[] };
  values: readonly string[];
}

/** What the relation step tells the trees about its features. */
export interface TreeFeatureParts<P extends TreePair = TreePair> {
  /** a participation feature's role and the pair's feature it conjoins ("host|btw:by": host, "btw:by") */
  roleOf(feature: string): { role: number; rest: string } | null;
  /** the features of one value of a pair (how the rules stated it, the role) */
  own(pair: P, value: string): string[];
  /** the role's index of a participation's value */
  roleIndex(value: string): number;
}

export function treesPairScorer<P extends TreePair>(model: TreesModel, table: FeatureTable, parts: TreeFeatureParts<P>): { threshold: number; best(pair: P): { value: number; probability: number } } {
  const inner = 2 ** model.depth - 1;
  const count = model.trees.length;
  // per node: the id of its feature (-1: no question), the role it conjoins (-1: none) and the id of the rest
  const featureId = new Int32Array(count * inner).fill(-1);
  const role = new Int32Array(count * inner).fill(-1);
  const restId = new Int32Array(count * inner).fill(-1);
  const leaves = new Float64Array(count * (inner + 1));
  model.trees.forEach((tree, t) => {
    tree.features.forEach((f, i) => {
      if (f === null) return;
      featureId[t * inner + i] = table.ids.get(f)!;
      const r = parts.roleOf(f);
      if (r) {
        role[t * inner + i] = r.role;
        restId[t * inner + i] = table.ids.get(r.rest)!;
      }
    });
    tree.leaves.forEach((v, i) => (leaves[t * (inner + 1) + i] = v));
  });
  const shared = new Uint32Array(table.size);
  const own = new Uint32Array(table.size);
  let generation = 0;
  let ownGeneration = 0;
  const margin = (valueRole: number): number => {
    let sum = model.bias;
    for (let t = 0; t < count; t++) {
      const base = t * inner;
      let node = 0;
      while (node < inner) {
        const id = featureId[base + node]!;
        const yes = id >= 0 && (shared[id] === generation || own[id] === ownGeneration || (role[base + node] === valueRole && valueRole >= 0 && shared[restId[base + node]!] === generation));
        node = yes ? 2 * node + 1 : 2 * node + 2;
      }
      sum += leaves[t * (inner + 1) + node - inner]!;
    }
    return sum;
  };
  return {
    threshold: model.threshold,
    best(pair: P) {
      generation++;
      for (const id of pair.features.list) shared[id] = generation;
      const participation = pair.type === 'PARTICIPATED_IN';
      let best = { value: -1, probability: -1 };
      for (let i = 0; i < pair.values.length; i++) {
        const value = pair.values[i]!;
        ownGeneration++;
        for (const f of parts.own(pair, value)) {
          const id = table.ids.get(f);
          if (id !== undefined) own[id] = ownGeneration;
        }
        const probability = sigmoid(margin(participation ? parts.roleIndex(value) : -1));
        if (probability > best.probability) best = { value: i, probability };
      }
      return best;
    },
  };
}
