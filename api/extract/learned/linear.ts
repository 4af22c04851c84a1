// A logistic model over named binary features. The learned steps of extraction keep what they know as data
// (a JSON file of weights beside their code, written by `npm run train` from the annotated corpora), the way
// the rules keep their patterns as entries: the code that reads an article stays a pure function.
import { z } from 'zod';

export const LinearModelSchema = z.object({
  bias: z.number(),
  /** the probability from which the model says yes, chosen on examples the weights were not fitted on */
  threshold: z.number().min(0).max(1),
  weights: z.record(z.string(), z.number()),
});
export type LinearModel = z.infer<typeof LinearModelSchema>;

/** One decision to learn: the features that hold for it, and whether the gold says yes. */
export interface Example {
  features: readonly string[];
  positive: boolean;
  /** how much the example counts in fitting: its error is scaled by it (1 when absent) */
  weight?: number;
}

export interface TrainingOptions {
  epochs?: number;
  /** L2 penalty per example */
  l2?: number;
  /** AdaGrad's base step */
  rate?: number;
  /** seed of the example order, so a model is reproduced byte for byte */
  seed?: number;
}

/** A model ready to answer: the weights in a Map, read once. */
export interface Classifier {
  probability(features: readonly string[]): number;
  accepts(features: readonly string[]): boolean;
}

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** A count as a feature value: the first cut it does not pass ("2"), or ">last" beyond the last. */
export function bucket(n: number, cuts: readonly number[]): string {
  for (const c of cuts) if (n <= c) return String(c);
  return `>${cuts[cuts.length - 1]}`;
}

export function classifier(model: LinearModel): Classifier {
  const weights = new Map(Object.entries(model.weights));
  const probability = (features: readonly string[]) => {
    let sum = model.bias;
    for (const f of features) sum += weights.get(f) ?? 0;
    return sigmoid(sum);
  };
  return { probability, accepts: (features) => probability(features) >= model.threshold };
}

/** mulberry32: a small seeded generator, so training needs no randomness from outside */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Logistic regression by AdaGrad with an L2 penalty; weights rounded and the negligible ones dropped. */
export function trainLogistic(examples: readonly Example[], options: TrainingOptions = {}): LinearModel {
  const { epochs = 30, l2 = 1e-4, rate = 0.2, seed = 1 } = options;
  const weights = new Map<string, number>();
  const squares = new Map<string, number>();
  let bias = 0;
  let biasSquares = 0;
  const order = examples.map((_, i) => i);
  const random = seeded(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const example = examples[index]!;
      const features = [...new Set(example.features)];
      let sum = bias;
      for (const f of features) sum += weights.get(f) ?? 0;
      const error = (sigmoid(sum) - (example.positive ? 1 : 0)) * (example.weight ?? 1);
      biasSquares += error * error;
      bias -= (rate * error) / Math.sqrt(biasSquares + 1e-8);
      for (const f of features) {
        const w = weights.get(f) ?? 0;
        const gradient = error + l2 * w;
        const g2 = (squares.get(f) ?? 0) + gradient * gradient;
        squares.set(f, g2);
        weights.set(f, w - (rate * gradient) / Math.sqrt(g2 + 1e-8));
      }
    }
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const kept = [...weights].map(([f, w]) => [f, round(w)] as const).filter(([, w]) => w !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { bias: round(bias), threshold: 0.5, weights: Object.fromEntries(kept) };
}

type Scored = { probability: number; positive: boolean };

/** The F1 of the yes answers at each threshold that separates two scores, highest threshold first. */
function f1Curve(scored: readonly Scored[], positivesMissed: number): { threshold: number; f1: number }[] {
  const sorted = [...scored].sort((a, b) => b.probability - a.probability);
  const positives = sorted.filter((s) => s.positive).length + positivesMissed;
  const curve: { threshold: number; f1: number }[] = [];
  let tp = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i]!.positive) tp++;
    const next = sorted[i + 1];
    if (next && next.probability === sorted[i]!.probability) continue;
    curve.push({ threshold: next ? (sorted[i]!.probability + next.probability) / 2 : sorted[i]!.probability, f1: (2 * tp) / (i + 1 + positives) });
  }
  return curve;
}

const roundThreshold = (t: number) => Math.round(t * 1e4) / 1e4;

/** The threshold that maximises F1 of the yes answers over examples scored by a model fitted without them. */
export function bestThreshold(scored: readonly Scored[], positivesMissed = 0): number {
  let best = { f1: -1, threshold: 0.5 };
  for (const point of f1Curve(scored, positivesMissed)) if (point.f1 > best.f1) best = point;
  return roundThreshold(best.threshold);
}

/**
 * The centre of the thresholds whose F1 comes within `tolerance` of the best: the curve is flat near its top, and
 * its argmax wanders along the flat part from one fit to the next, while the flat part's middle stays.
 */
export function plateauThreshold(scored: readonly Scored[], positivesMissed: number, tolerance: number): number {
  const curve = f1Curve(scored, positivesMissed);
  if (!curve.length) return 0.5;
  const top = Math.max(...curve.map((p) => p.f1));
  const near = curve.filter((p) => p.f1 >= top - tolerance).map((p) => p.threshold);
  return roundThreshold((Math.min(...near) + Math.max(...near)) / 2);
}

/** the thresholds a smoothed curve is read at */
const GRID = Array.from({ length: 181 }, (_, i) => 0.05 + i * 0.005);

/**
 * The best threshold of the F1 curve averaged over a window of thresholds (± `window`): the held-out curve is flat
 * and noisy near its top, and its argmax jumps from one refit to the next where the window's mean stays.
 */
export function smoothedThreshold(scored: readonly Scored[], positivesMissed: number, window: number): number {
  const sorted = [...scored].sort((a, b) => b.probability - a.probability);
  const positives = sorted.filter((s) => s.positive).length + positivesMissed;
  const f1 = GRID.map((t) => {
    let tp = 0;
    let yes = 0;
    for (const s of sorted) {
      if (s.probability < t) break;
      yes++;
      if (s.positive) tp++;
    }
    return (2 * tp) / (yes + positives || 1);
  });
  const mean = GRID.map((t) => {
    const near = f1.filter((_, j) => Math.abs(GRID[j]! - t) <= window + 1e-9);
    return near.reduce((a, b) => a + b, 0) / near.length;
  });
  return roundThreshold(GRID[mean.indexOf(Math.max(...mean))]!);
}

/**
 * Half the best F1 of the held-out decisions: for probabilities that are calibrated, the threshold that maximises
 * expected F1 is half that F1 (a yes at probability p adds to F1 exactly when p > F1 / 2), and the curve's height
 * moves far less from one fit to the next than the place of its maximum on a flat top.
 */
export function halfBestF1Threshold(scored: readonly Scored[], positivesMissed = 0): number {
  const curve = f1Curve(scored, positivesMissed);
  return curve.length ? roundThreshold(Math.max(...curve.map((p) => p.f1)) / 2) : 0.5;
}
