// A screen of learners and threshold recipes for the relation step's decisions and the place step's, on the examples
// alone (no extraction): the articles' sets are dealt into five folds of whole sets (publishers no fit of the fold
// saw; HALVES=1: two halves of the sets, each fitted on the other); for each fold and decided type, each learner is
// fitted as `npm run train` fits the logistic model (five fits on hashed fifths of the other folds, the threshold
// chosen on the fifths each left out, the mean of the five kept) and decides the fold's candidates as the stage does
// (per pair the likeliest value, stated from the threshold). Pooled F1 of those decisions, counting the gold facts no
// candidate reaches as missed: the quantity the thresholds are chosen on, measured on unseen sets.
// node --import tsx api/learn/relations-trees-screen.ts EXAMPLES.json [LEARNER...]
// EXAMPLES.json: relations-screen.ts's EXAMPLES cache (read by it, or by relationExamples and written the same way),
// or place examples ({ examples, missedBy: [article, missed][] }, placeExamples per article): decided as LOCATED_IN.
// TYPES=VISITED,MET_WITH screens those types only (default: the decided types)
// LEARNER: logistic | trees:ROUNDS:DEPTH:SHRINKAGE | stack:ROUNDS:DEPTH:SHRINKAGE (trees fitted on the logistic
// model's log-odds, both summed) | pairs:K (the logistic model with the conjunctions of its K
// heaviest common features) | byrole:LEARNER (participation: one model per role, fitted on that role's candidates)
// RECIPES=best,smooth:0.05,precision:0.5,half: the threshold recipes compared (each fold's threshold and held-out F1
// printed per recipe, with the F1 of the best threshold of the held-out fold itself; default best)
import { readFileSync } from 'node:fs';
import type { LearnedType } from '../extract/learned/relations.ts';
import { DECIDED_TYPES } from '../extract/learned/relations.ts';
import { bestThreshold, halfBestF1Threshold, smoothedThreshold, type Example } from '../extract/learned/linear.ts';
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

const ROLE = /^role:/;

/** One model per participation role, each fitted on the candidates of its role (their `role:` feature). */
const byRole = (inner: Learner): Learner => (examples) => {
  const roleOf = (features: readonly string[]) => features.find((f) => ROLE.test(f)) ?? '';
  const byRoleExamples = new Map<string, Example[]>();
  for (const e of examples) (byRoleExamples.get(roleOf(e.features)) ?? byRoleExamples.set(roleOf(e.features), []).get(roleOf(e.features))!).push(e);
  const margins = new Map([...byRoleExamples].map(([role, list]) => [role, list.some((e) => e.positive) ? inner(list) : () => -20] as const));
  return (features) => (margins.get(roleOf(features)) ?? (() => -20))(features);
};

function learnerOf(spec: string): Learner {
  if (spec.startsWith('byrole:')) return byRole(learnerOf(spec.slice('byrole:'.length)));
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
function fitted(learner: Learner, examples: readonly RelationExample[], missed: number): { margin: Margin; scored: Decisions['scored']; missed: number } {
  const margins: Margin[] = [];
  const scored: Decisions['scored'] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const m = learner(examples.filter((e) => hashFold(e.article) !== fold));
    const d = decisions(m, examples.filter((e) => hashFold(e.article) === fold));
    scored.push(...d.scored);
    missed += d.missed;
    margins.push(m);
  }
  return { margin: (features) => margins.reduce((s, m) => s + m(features), 0) / FOLDS, scored, missed };
}

type Scored = Decisions['scored'];
const GRID = Array.from({ length: 181 }, (_, i) => 0.05 + i * 0.005);
/** tp and yes answers at a threshold */
const at = (scored: Scored, t: number) => {
  let tp = 0;
  let yes = 0;
  for (const s of scored) if (s.probability >= t) (yes++, s.positive && tp++);
  return { tp, yes };
};
const positivesOf = (scored: Scored, missed: number) => scored.filter((s) => s.positive).length + missed;
const f1At = (scored: Scored, missed: number, t: number) => {
  const { tp, yes } = at(scored, t);
  return (2 * tp) / (yes + positivesOf(scored, missed) || 1);
};

/** A threshold recipe: chooses the threshold from the held-out decisions of the fold fits. */
function recipeOf(spec: string): (scored: Scored, missed: number) => number {
  const [kind, arg] = spec.split(':');
  if (kind === 'best') return (scored, missed) => bestThreshold(scored, missed);
  if (kind === 'half') return (scored, missed) => halfBestF1Threshold(scored, missed);
  if (kind === 'smooth') return (scored, missed) => smoothedThreshold(scored, missed, Number(arg ?? 0.05));
  if (kind === 'precision') {
    // the lowest threshold whose yes answers are right at least this often
    const target = Number(arg ?? 0.5);
    return (scored) => GRID.find((t) => {
      const { tp, yes } = at(scored, t);
      return yes > 0 && tp / yes >= target;
    }) ?? 1;
  }
  throw new Error(`unknown recipe ${spec}`);
}

interface SavedRelations {
  examples: RelationExample[];
  missed: [string, [LearnedType, number][]][];
}
interface SavedPlaces {
  examples: Omit<RelationExample, 'type'>[];
  missedBy: [string, number][];
}
const saved = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as SavedRelations | SavedPlaces;
const places = 'missedBy' in saved;
// the place step decides one town per event: its examples are screened as one more type
const examples: RelationExample[] = places ? saved.examples.map((e) => ({ ...e, type: 'LOCATED_IN' })) : saved.examples;
const missedOf = new Map<string, Map<LearnedType, number>>(places ? saved.missedBy.map(([k, n]) => [k, new Map([['LOCATED_IN', n]])]) : saved.missed.map(([k, v]) => [k, new Map(v)]));
const specs = process.argv.slice(3).filter((a) => a !== '--');
const recipes = (process.env.RECIPES ?? 'best').split(',');
const types = places ? (['LOCATED_IN'] as LearnedType[]) : process.env.TYPES ? (process.env.TYPES.split(',') as LearnedType[]) : DECIDED_TYPES;
const HALVES = process.env.HALVES === '1';
const OUTER = HALVES ? 2 : FOLDS;

/** The sets dealt into two halves, largest first, each to the half with fewer articles. */
function halvesOf(articles: readonly string[]): (article: string) => number {
  const setOf = (a: string) => a.slice(0, a.indexOf('/'));
  const sizes = new Map<string, number>();
  for (const a of articles) sizes.set(setOf(a), (sizes.get(setOf(a)) ?? 0) + 1);
  const load = [0, 0];
  const half = new Map<string, number>();
  for (const [set, n] of [...sizes].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))) {
    const h = load[0]! <= load[1]! ? 0 : 1;
    half.set(set, h);
    load[h]! += n;
  }
  return (a) => half.get(setOf(a))!;
}

const outer = HALVES ? halvesOf([...missedOf.keys()]) : foldsOf([...missedOf.keys()], true);
type Counts = [number, number, number];
const pooled = new Map<string, Counts>();
const add = (key: string, c: Counts) => {
  const s = pooled.get(key) ?? [0, 0, 0];
  pooled.set(key, [s[0] + c[0], s[1] + c[1], s[2] + c[2]]);
};
const thresholdsOf = new Map<string, number[]>();
const f1 = ([tp, fp, fn]: Counts) => (2 * tp) / (2 * tp + fp + fn || 1);
for (let fold = 0; fold < OUTER; fold++) {
  const trainArticles = [...missedOf.keys()].filter((a) => outer(a) !== fold);
  const weights = setWeights(trainArticles);
  for (const type of types) {
    const ofType = examples.filter((e) => e.type === type);
    const train = ofType.filter((e) => outer(e.article) !== fold).map((e) => ({ ...e, weight: weights.get(e.article)! }));
    const test = ofType.filter((e) => outer(e.article) === fold);
    const missedIn = (keep: (a: string) => boolean) => [...missedOf].filter(([a]) => keep(a)).reduce((s, [, m]) => s + (m.get(type) ?? 0), 0);
    for (const spec of specs) {
      const started = process.cpuUsage();
      const fit = fitted(learnerOf(spec), train, missedIn((a) => outer(a) !== fold));
      const d = decisions(fit.margin, test, AS_STAGE);
      const positives = d.scored.filter((s) => s.positive).length + d.missed + missedIn((a) => outer(a) === fold);
      const cpu = process.cpuUsage(started);
      // the best any threshold could do on the held-out fold: what a recipe's choice is measured against
      const oracle = Math.max(...GRID.map((t) => {
        const accepted = d.scored.filter((s) => s.probability >= t || s.stated);
        const tp = accepted.filter((s) => s.positive).length;
        return f1([tp, accepted.length - tp, positives - tp]);
      }));
      for (const recipe of recipes) {
        const threshold = recipeOf(recipe)(fit.scored, fit.missed);
        const accepted = d.scored.filter((s) => s.probability >= threshold || s.stated);
        const tp = accepted.filter((s) => s.positive).length;
        const c: Counts = [tp, accepted.length - tp, positives - tp];
        const key = `${spec} ${recipe}`;
        add(`${key} ${type}`, c);
        add(`${key} pooled`, c);
        (thresholdsOf.get(`${key} ${type}`) ?? thresholdsOf.set(`${key} ${type}`, []).get(`${key} ${type}`)!).push(threshold);
        process.stdout.write(`fold ${fold} ${type} ${key}: F1 ${f1(c).toFixed(3)} (tp ${c[0]}, fp ${c[1]}, fn ${c[2]}) threshold ${threshold.toFixed(3)}; held-out best ${oracle.toFixed(3)} [${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU, ${train.length} examples]\n`);
      }
    }
  }
}
process.stdout.write(`== pooled over ${OUTER} folds of whole sets (threshold range over the folds' fits)\n`);
for (const spec of specs) {
  for (const recipe of recipes) {
    const key = `${spec} ${recipe}`;
    for (const t of [...types, 'pooled']) {
      const c = pooled.get(`${key} ${t}`)!;
      const ts = thresholdsOf.get(`${key} ${t}`);
      const range = ts ? ` thresholds ${Math.min(...ts).toFixed(3)}–${Math.max(...ts).toFixed(3)} (moves ${(Math.max(...ts) - Math.min(...ts)).toFixed(3)})` : '';
      process.stdout.write(`${key.padEnd(32)} ${t.padEnd(16)} F1 ${f1(c).toFixed(4)}  P ${(c[0] / (c[0] + c[1] || 1)).toFixed(3)} R ${(c[0] / (c[0] + c[2] || 1)).toFixed(3)}  (tp ${c[0]}, fp ${c[1]}, fn ${c[2]})${range}\n`);
    }
  }
}
