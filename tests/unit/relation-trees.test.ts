import { describe, expect, it } from 'vitest';
import { FeatureTable } from '../../api/extract/learned/feature-ids.ts';
import { sigmoid } from '../../api/extract/learned/linear.ts';
import { treesPairScorer, type TreeFeatureParts, type TreePair } from '../../api/extract/learned/relation-trees.ts';
import { treesMargin, type TreesModel } from '../../api/extract/learned/trees.ts';

// The relation step scores a pair by trees compiled into arrays; its answers must be the trees' own (treesMargin), to
// the bit, for any pair: its shared features, each value's own, and a participation's role conjoined with a feature.
const ROLES = ['host', 'guest', 'attendee'];
const PLAIN = Array.from({ length: 12 }, (_, i) => `f${i}`);
const CONJOINED = ROLES.flatMap((r) => PLAIN.slice(0, 4).map((f) => `${r}|${f}`));
const OWN = ['rule:no', 'rule:yes', 'role:host', 'role:guest'];

interface TestPair extends TreePair {
  shared: string[];
  own: Map<string, string[]>;
}

/** A small deterministic generator, so that a failure is the same on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const parts: TreeFeatureParts<TestPair> = {
  roleOf(feature) {
    const bar = feature.indexOf('|');
    const role = bar > 0 ? ROLES.indexOf(feature.slice(0, bar)) : -1;
    return role < 0 ? null : { role, rest: feature.slice(bar + 1) };
  },
  own: (pair, value) => pair.own.get(value) ?? [],
  roleIndex: (value) => ROLES.indexOf(value),
};

/** What the trees ask of a pair's value, by the names: held, or conjoined with the value's role and the feature held by the pair. */
function expected(model: TreesModel, pair: TestPair): { value: number; probability: number } {
  let best = { value: -1, probability: -1 };
  pair.values.forEach((value, i) => {
    const held = new Set([...pair.shared, ...(pair.own.get(value) ?? [])]);
    const probability = sigmoid(treesMargin(model, (f) => {
      if (held.has(f)) return true;
      const r = parts.roleOf(f);
      return pair.type === 'PARTICIPATED_IN' && r !== null && ROLES[r.role] === value && pair.shared.includes(r.rest);
    }));
    if (probability > best.probability) best = { value: i, probability };
  });
  return best;
}

describe('treesPairScorer', () => {
  it('answers as the trees do, for shared, own and role-conjoined features, at every depth', () => {
    const next = random(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const pool = [...PLAIN, ...CONJOINED, ...OWN];
    for (const depth of [1, 2, 3, 4]) {
      const inner = 2 ** depth - 1;
      const model: TreesModel = {
        kind: 'trees', bias: next() - 0.5, threshold: 0.5, depth,
        trees: Array.from({ length: 40 }, () => ({
          features: Array.from({ length: inner }, () => (next() < 0.15 ? null : pick(pool))),
          leaves: Array.from({ length: inner + 1 }, () => Math.round((next() - 0.5) * 1e4) / 1e4),
        })),
      };
      const table = new FeatureTable([...pool, ...PLAIN, 'unasked']);
      const scorer = treesPairScorer(model, table, parts);
      for (let n = 0; n < 300; n++) {
        const participation = next() < 0.5;
        const shared = [...new Set(Array.from({ length: Math.floor(next() * 8) }, () => pick([...PLAIN, ...CONJOINED, 'unasked'])))];
        const values = participation ? ROLES : [''];
        const own = new Map(values.map((v) => [v, [...new Set(Array.from({ length: Math.floor(next() * 3) }, () => pick(OWN)))]]));
        const pair: TestPair = { type: participation ? 'PARTICIPATED_IN' : 'MET_WITH', values, shared, own, features: { list: shared.map((f) => table.ids.get(f)!) } };
        expect(scorer.best(pair)).toEqual(expected(model, pair));
      }
    }
  });
});
