// The relation step's decision by boosted trees (trees.ts) instead of a logistic model: the same pairs, the same
// features, the same "likeliest value, stated from the threshold". The trees are compiled once into arrays of the
// few features they ask about, numbered densely, and a value's features are marked in a small array of 0/1 answers,
// so that a question is one read of it and a node's next node is arithmetic, not a branch (the model's 1,000 trees a
// pair were 3.5 % of an article's extraction: docs/benchmarks.md § "Extraction CPU, fifteenth session").
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
  // the features the trees ask about, numbered densely; slot 0 is the no-question's, never held
  const slotOf = new Int32Array(table.size).fill(-1);
  let slots = 1;
  const slotOfFeature = (f: string): number => {
    const id = table.ids.get(f)!;
    if (slotOf[id]! < 0) slotOf[id] = slots++;
    return slotOf[id]!;
  };
  // per node: the slot of its feature, the role it conjoins (-1: none) and the id of the rest
  const question = new Int32Array(count * inner);
  const role = new Int32Array(count * inner).fill(-1);
  const restId = new Int32Array(count * inner).fill(-1);
  const leaves = new Float64Array(count * (inner + 1));
  let conjoinsRoles = false;
  model.trees.forEach((tree, t) => {
    tree.features.forEach((f, i) => {
      if (f === null) return;
      question[t * inner + i] = slotOfFeature(f);
      const r = parts.roleOf(f);
      if (r) {
        conjoinsRoles = true;
        role[t * inner + i] = r.role;
        restId[t * inner + i] = table.ids.get(r.rest)!;
      }
    });
    tree.leaves.forEach((v, i) => (leaves[t * (inner + 1) + i] = v));
  });
  // 1 where the value being scored holds the slot's feature (the pair's or its own)
  const answer = new Uint8Array(slots);
  const heldSlots: number[] = [];
  const hold = (id: number) => {
    const s = slotOf[id]!;
    if (s > 0 && !answer[s]) {
      answer[s] = 1;
      heldSlots.push(s);
    }
  };
  // the pair's features, which a role's node reads with the value's role
  const shared = new Uint32Array(table.size);
  let generation = 0;
  // (the leaves are added in the trees' order, as treesMargin adds them: the same sum to the bit)
  const margin = (valueRole: number): number => {
    let sum = model.bias;
    for (let t = 0; t < count; t++) {
      const base = t * inner;
      let node = 0;
      while (node < inner) {
        const yes = answer[question[base + node]!]! | (valueRole >= 0 && role[base + node] === valueRole && shared[restId[base + node]!] === generation ? 1 : 0);
        node = 2 * node + 2 - yes;
      }
      sum += leaves[t * (inner + 1) + node - inner]!;
    }
    return sum;
  };
  return {
    threshold: model.threshold,
    best(pair: P) {
      const list = pair.features.list;
      const participation = pair.type === 'PARTICIPATED_IN';
      if (participation && conjoinsRoles) {
        if (++generation === 0xffffffff) {
          shared.fill(0);
          generation = 1;
        }
        for (const id of list) shared[id] = generation;
      }
      let best = { value: -1, probability: -1 };
      // the pair's features are held once for all its values; each value's own features on top, released after it
      for (const id of list) hold(id);
      const ofPair = heldSlots.length;
      for (let i = 0; i < pair.values.length; i++) {
        const value = pair.values[i]!;
        for (const f of parts.own(pair, value)) {
          const id = table.ids.get(f);
          if (id !== undefined) hold(id);
        }
        const probability = sigmoid(margin(participation && conjoinsRoles ? parts.roleIndex(value) : -1));
        for (let k = ofPair; k < heldSlots.length; k++) answer[heldSlots[k]!] = 0;
        heldSlots.length = ofPair;
        if (probability > best.probability) best = { value: i, probability };
      }
      for (const s of heldSlots) answer[s] = 0;
      heldSlots.length = 0;
      return best;
    },
  };
}
