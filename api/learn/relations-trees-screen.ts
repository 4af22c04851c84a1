// A screen of learners for the relation step's decisions, on the examples alone (no extraction): the articles'
// sets are dealt into five folds of whole sets (publishers no fit of the fold saw); for each fold and decided type,
// each learner is fitted as `npm run train` fits the logistic model (five fits on hashed fifths of the other folds,
// the threshold best on the fifths each left out, the mean of the five kept) and decides the fold's candidates as the
// stage does (per pair the likeliest value, stated from the threshold). Pooled F1 of those decisions, counting the
// gold facts no candidate reaches as missed: the quantity the thresholds are chosen on, measured on unseen sets.
// node --import tsx api/learn/relations-trees-screen.ts EXAMPLES.json [LEARNER...]
// EXAMPLES.json: relations-screen.ts's EXAMPLES cache (read by it, or by relationExamples and written the same way).
// TYPES=VISITED,MET_WITH screens those types only (default: the decided types)
// LEARNER: logistic | trees:ROUNDS:DEPTH:SHRINKAGE | stack:ROUNDS:DEPTH:SHRINKAGE (trees fitted on the logistic
// model's log-odds, both summed) | pairs:K (the logistic model with the conjunctions of its K
// heaviest common features)
import { readFileSync } from 'node:fs';
import type { LearnedType } from '../extract/learned/relations.ts';
import { DECIDED_TYPES } from '../extract/learned/relations.ts';
import { bestThreshold, type Example } from '../extract/learned/linear.ts';
import { trainBoosted, treesMargin } from '../extract/learned/trees.ts';
import { fitLeavingRareFeatures, FOLDS, hashFold } from './fold-models.ts';
import { leavingRareFeatures } from './relation-trees.ts';
import { foldsOf, setWeights, TRAINING, type RelationExample } from './relations.ts';

type Margin = (features: readonly string[]) => number;
type Learner = (examples: readonly Example[]) => Margin;

/** features seen in fewer examples are left out, as fold-models.ts does for the logistic model */
const logistic: Learner = (examples) => {
  const m = fitLeavingRareFeatures(examples, TRAINING);
  const w = new Map(Object.entries(m.weights));
  return (features) => features.reduce((s, f) => s + (w.get(f) ?? 0), m.bias);
};

const trees = (rounds: number, depth: number, shrinkage: number): Learner => (examples) => {
  const m = trainBoosted(leavingRareFeatures(examples), { rounds, depth, shrinkage });
  return (features) => {
    const set = new Set(features);
    return treesMargin(m, (f) => set.has(f));
  };
};

/** The logistic model, and boosted trees fitted on what it leaves: the margin is the sum of both. */
const stacked = (rounds: number, depth: number, shrinkage: number): Learner => (examples) => {
  const linear = logistic(examples);
  const kept = leavingRareFeatures(examples);
  const m = trainBoosted(kept, { rounds, depth, shrinkage }, examples.map((e) => linear(e.features)));
  return (features) => {
    const set = new Set(features);
    return linear(features) + treesMargin(m, (f) => set.has(f));
  };
};

/** The logistic model over the features and the conjunctions of the K heaviest features seen in 30 examples or more. */
const pairs = (k: number): Learner => (examples) => {
  const first = fitLeavingRareFeatures(examples, TRAINING);
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const top = Object.entries(first.weights)
    .filter(([f]) => counts.get(f)! >= 30)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([f]) => f)
    .sort();
  const conjoined = (features: readonly string[]) => {
    const set = new Set(features);
    const present = top.filter((f) => set.has(f));
    const out = [...features];
    for (let i = 0; i < present.length; i++) for (let j = i + 1; j < present.length; j++) out.push(`${present[i]}&${present[j]}`);
    return out;
  };
  const m = fitLeavingRareFeatures(examples.map((e) => ({ ...e, features: conjoined(e.features) })), TRAINING);
  const w = new Map(Object.entries(m.weights));
  return (features) => conjoined(features).reduce((s, f) => s + (w.get(f) ?? 0), m.bias);
};

function learnerOf(spec: string): Learner {
  const [kind, ...args] = spec.split(':');
  if (kind === 'logistic') return logistic;
  if (kind === 'trees') return trees(Number(args[0] ?? 200), Number(args[1] ?? 2), Number(args[2] ?? 0.1));
  if (kind === 'stack') return stacked(Number(args[0] ?? 100), Number(args[1] ?? 2), Number(args[2] ?? 0.1));
  if (kind === 'pairs') return pairs(Number(args[0] ?? 20));
  throw new Error(`unknown learner ${spec}`);
}

interface Decisions {
  /** stated: the rules stated the candidate and STAGE=1 asks for the stage's decision (the rules' facts stay) */
  scored: { probability: number; positive: boolean; stated?: boolean }[];
  missed: number;
}

/** STAGE=1 scores as the stage acts: a pair the rules stated is stated whatever the model says; only the others are decided. */
const AS_STAGE = process.env.STAGE === '1';

/** Per pair the likeliest candidate; the pair's other right candidates are missed (fold-models.ts's `decisions`). */
function decisions(margin: Margin, examples: readonly RelationExample[], asStage = false): Decisions {
  const groups = new Map<string, Decisions['scored']>();
  for (const e of examples) {
    const list = groups.get(e.group) ?? groups.set(e.group, []).get(e.group)!;
    list.push({ probability: 1 / (1 + Math.exp(-margin(e.features))), positive: e.positive, stated: asStage && e.features.includes('rule:yes') });
  }
  const scored: Decisions['scored'] = [];
  let missed = 0;
  for (const list of groups.values()) {
    const stated = list.find((x) => x.stated);
    const best = stated ?? list.reduce((x, y) => (y.probability > x.probability ? y : x));
    scored.push(best);
    if (!best.positive && list.some((x) => x.positive)) missed++;
  }
  return { scored, missed };
}

/** The learner fitted as the shipped recipe fits: the mean margin of five fits on hashed fifths, and the threshold best on the fifths left out. */
function fitted(learner: Learner, examples: readonly RelationExample[], missed: number): { margin: Margin; threshold: number } {
  const margins: Margin[] = [];
  const scored: Decisions['scored'] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const m = learner(examples.filter((e) => hashFold(e.article) !== fold));
    const d = decisions(m, examples.filter((e) => hashFold(e.article) === fold));
    scored.push(...d.scored);
    missed += d.missed;
    margins.push(m);
  }
  return { margin: (features) => margins.reduce((s, m) => s + m(features), 0) / FOLDS, threshold: bestThreshold(scored, missed) };
}

const saved = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { examples: RelationExample[]; missed: [string, [LearnedType, number][]][] };
const missedOf = new Map(saved.missed.map(([k, v]) => [k, new Map(v)]));
const specs = process.argv.slice(3).filter((a) => a !== '--');
const types = process.env.TYPES ? (process.env.TYPES.split(',') as LearnedType[]) : DECIDED_TYPES;
const outer = foldsOf([...missedOf.keys()], true);
type Counts = [number, number, number];
const pooled = new Map<string, Counts>();
const add = (key: string, c: Counts) => {
  const s = pooled.get(key) ?? [0, 0, 0];
  pooled.set(key, [s[0] + c[0], s[1] + c[1], s[2] + c[2]]);
};
const f1 = ([tp, fp, fn]: Counts) => (2 * tp) / (2 * tp + fp + fn || 1);
for (let fold = 0; fold < FOLDS; fold++) {
  const trainArticles = [...missedOf.keys()].filter((a) => outer(a) !== fold);
  const weights = setWeights(trainArticles);
  for (const type of types) {
    const ofType = saved.examples.filter((e) => e.type === type);
    const train = ofType.filter((e) => outer(e.article) !== fold).map((e) => ({ ...e, weight: weights.get(e.article)! }));
    const test = ofType.filter((e) => outer(e.article) === fold);
    const missedIn = (keep: (a: string) => boolean) => [...missedOf].filter(([a]) => keep(a)).reduce((s, [, m]) => s + (m.get(type) ?? 0), 0);
    for (const spec of specs) {
      const started = process.cpuUsage();
      const { margin, threshold } = fitted(learnerOf(spec), train, missedIn((a) => outer(a) !== fold));
      const d = decisions(margin, test, AS_STAGE);
      const accepted = d.scored.filter((s) => s.probability >= threshold || s.stated);
      const tp = accepted.filter((s) => s.positive).length;
      const positives = d.scored.filter((s) => s.positive).length + d.missed + missedIn((a) => outer(a) === fold);
      const c: Counts = [tp, accepted.length - tp, positives - tp];
      add(`${spec} ${type}`, c);
      add(`${spec} pooled`, c);
      const cpu = process.cpuUsage(started);
      process.stdout.write(`fold ${fold} ${type} ${spec}: F1 ${f1(c).toFixed(3)} (tp ${c[0]}, fp ${c[1]}, fn ${c[2]}) threshold ${threshold} [${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU, ${train.length} examples]\n`);
    }
  }
}
process.stdout.write('== pooled over five folds of whole sets\n');
for (const spec of specs) {
  for (const key of [...types, 'pooled']) {
    const c = pooled.get(`${spec} ${key}`)!;
    process.stdout.write(`${spec.padEnd(20)} ${key.padEnd(16)} F1 ${f1(c).toFixed(4)}  P ${(c[0] / (c[0] + c[1] || 1)).toFixed(3)} R ${(c[0] / (c[0] + c[2] || 1)).toFixed(3)}  (tp ${c[0]}, fp ${c[1]}, fn ${c[2]})\n`);
  }
}
