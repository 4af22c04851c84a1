// Training of the learned entity step (api/extract/learned/entities.ts): every candidate entity the rules
// find in an annotated article becomes one example per label, labelled by the gold entities whose names
// the scorer would match with the candidate's; weights are fitted by seeded logistic regression on each four
// fifths of the articles, the labels' thresholds chosen on the fifths left out (so that they are set on examples
// the weights were not fitted on), and the model shipped is the mean of those fits, the weights the thresholds
// were chosen for.
import { readFileSync } from 'node:fs';
import { decodeText } from '../extract/charset.ts';
import { formatFromFileName, readDocument, type SourceDocument } from '../extract/document.ts';
import { analysedArticle } from '../extract/index.ts';
import { DECIDED_LABELS, entityCandidates, entityDecider, type DecidedLabel, type EntityModel } from '../extract/learned/entities.ts';
import { trainLogistic, type Example, type LinearModel } from '../extract/learned/linear.ts';
import { goldEntitiesNamed, type GoldFile } from './align.ts';
import type { AnnotatedArticle } from './corpus.ts';

export interface Candidate {
  ruleLabel: DecidedLabel | null;
  features: string[];
  /** the labels of the required gold entities its names match; null when it matches only optional ones (no example) */
  targets: DecidedLabel[] | null;
}

export interface ArticleCandidates {
  article: AnnotatedArticle;
  candidates: Candidate[];
  /** required gold entities per decided label: what recall is counted against */
  gold: Record<DecidedLabel, number>;
}

export function sourceDocument(article: AnnotatedArticle): SourceDocument {
  const named = formatFromFileName(article.textPath);
  const format = named && named !== 'json' ? named : 'text';
  return readDocument(decodeText(readFileSync(article.textPath), { html: format === 'html' }), { format, file: article.file });
}

/** The candidates of one article, labelled by its gold. */
export function articleCandidates(article: AnnotatedArticle): ArticleCandidates {
  const gold = JSON.parse(readFileSync(article.goldPath, 'utf8')) as GoldFile;
  const a = analysedArticle(sourceDocument(article));
  const candidates: Candidate[] = [];
  const found = entityCandidates(a);
  // gold entities an entity of the rules already matches: a span matching one again would count as a wrong entity
  const claimed = new Set(found.filter((c) => c.ruleLabel).flatMap((c) => DECIDED_LABELS.flatMap((l) => goldEntitiesNamed(gold, l, c.names).map((g) => g.key))));
  for (const c of found) {
    const targets: DecidedLabel[] = [];
    let optional = false;
    for (const label of DECIDED_LABELS) {
      const matched = goldEntitiesNamed(gold, label, c.names).filter((g) => c.ruleLabel || !claimed.has(g.key));
      if (matched.some((g) => !g.optional)) targets.push(label);
      else if (matched.length) optional = true;
    }
    candidates.push({ ruleLabel: c.ruleLabel, features: c.features, targets: targets.length || !optional ? targets : null });
  }
  const counts = Object.fromEntries(DECIDED_LABELS.map((l) => [l, gold.entities.filter((g) => g.label === l && !g.optional).length])) as Record<DecidedLabel, number>;
  return { article, candidates, gold: counts };
}

export interface FitOptions {
  /** a feature is kept when it holds in at least this many articles */
  minArticles?: number;
  /** weights smaller than this are left out of the model file (they change no decision that matters) */
  minWeight?: number;
  folds?: number;
  /**
   * how the held-out probabilities the thresholds are chosen on are made: 'articles', `folds` folds of articles
   * (article i in fold i % folds); 'sets', one fold per set (each set decided by weights fitted without it)
   */
  foldBy?: 'articles' | 'sets';
  /** one threshold for every label, fixed instead of chosen */
  threshold?: number;
  /**
   * the weights shipped are the mean of the folds' weights the thresholds were chosen on (the recipe since the
   * thirteenth session), not one more fit on every article, which is surer of itself than the folds were
   */
  meanOfFolds?: boolean;
  epochs?: number;
  l2?: number;
  seed?: number;
}

type Settings = Required<Omit<FitOptions, 'threshold'>>;

function keptFeatures(data: readonly ArticleCandidates[], minArticles: number): Set<string> {
  const articles = new Map<string, number>();
  for (const d of data) for (const f of new Set(d.candidates.flatMap((c) => c.features))) articles.set(f, (articles.get(f) ?? 0) + 1);
  return new Set([...articles].filter(([, n]) => n >= minArticles).map(([f]) => f));
}

function fitWeights(data: readonly ArticleCandidates[], options: Settings): Record<DecidedLabel, LinearModel> {
  const kept = keptFeatures(data, options.minArticles);
  const candidates = data.flatMap((d) => d.candidates).filter((c) => c.targets !== null);
  const models = {} as Record<DecidedLabel, LinearModel>;
  for (const label of DECIDED_LABELS) {
    const examples: Example[] = candidates.map((c) => ({ features: c.features.filter((f) => kept.has(f)), positive: c.targets!.includes(label) }));
    const model = trainLogistic(examples, { epochs: options.epochs, l2: options.l2, seed: options.seed });
    models[label] = { ...model, weights: Object.fromEntries(Object.entries(model.weights).filter(([, w]) => Math.abs(w) >= options.minWeight)) };
  }
  return models;
}

export interface EntityCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** What the scorer would count of these decisions, by name matching (duplicates aside): micro over the decided labels. */
export function simulate(data: readonly ArticleCandidates[], model: EntityModel): EntityCounts & { f1: number } {
  const decider = entityDecider(model);
  let tp = 0;
  let fp = 0;
  let gold = 0;
  for (const d of data) {
    for (const l of DECIDED_LABELS) gold += d.gold[l];
    for (const c of d.candidates) {
      if (c.targets === null) continue;
      const { label } = decider.decide(c.features, c.ruleLabel);
      if (label === null) continue;
      if (c.targets.includes(label)) tp++;
      else fp++;
    }
  }
  const fn = gold - tp;
  return { tp, fp, fn, f1: (2 * tp) / (2 * tp + fp + fn || 1) };
}

const THRESHOLDS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];

/** Thresholds by coordinate ascent on the simulated F1 of out-of-fold probabilities. */
function chooseThresholds(folds: { held: ArticleCandidates[]; weights: Record<DecidedLabel, LinearModel> }[]): Record<DecidedLabel, number> {
  const thresholds = Object.fromEntries(DECIDED_LABELS.map((l) => [l, 0.5])) as Record<DecidedLabel, number>;
  const score = () => {
    const total = { tp: 0, fp: 0, fn: 0 };
    for (const f of folds) {
      const model = { labels: Object.fromEntries(DECIDED_LABELS.map((l) => [l, { ...f.weights[l], threshold: thresholds[l] }])) as EntityModel['labels'] };
      const s = simulate(f.held, model);
      total.tp += s.tp;
      total.fp += s.fp;
      total.fn += s.fn;
    }
    return (2 * total.tp) / (2 * total.tp + total.fp + total.fn || 1);
  };
  let best = score();
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const label of DECIDED_LABELS) {
      for (const t of THRESHOLDS) {
        const before = thresholds[label];
        thresholds[label] = t;
        const s = score();
        if (s > best + 1e-9) {
          best = s;
          changed = true;
        } else thresholds[label] = before;
      }
    }
    if (!changed) break;
  }
  return thresholds;
}

/** The folds the thresholds are chosen on: each fold's articles with the weights fitted on every other fold's. */
function heldOutFolds(data: readonly ArticleCandidates[], o: Settings): { held: ArticleCandidates[]; weights: Record<DecidedLabel, LinearModel> }[] {
  const foldOf = o.foldBy === 'sets' ? (d: ArticleCandidates) => d.article.set : (d: ArticleCandidates, i: number) => String(i % o.folds);
  const keys = [...new Set(data.map(foldOf))];
  return keys.map((k) => ({
    held: data.filter((d, i) => foldOf(d, i) === k),
    weights: fitWeights(data.filter((d, i) => foldOf(d, i) !== k), o),
  }));
}

/** The mean of the folds' weights, per label; weights under `minWeight` left out. */
function meanWeights(folds: readonly Record<DecidedLabel, LinearModel>[], minWeight: number): Record<DecidedLabel, LinearModel> {
  const mean = {} as Record<DecidedLabel, LinearModel>;
  for (const label of DECIDED_LABELS) {
    const sums = new Map<string, number>();
    for (const f of folds) for (const [feature, w] of Object.entries(f[label].weights)) sums.set(feature, (sums.get(feature) ?? 0) + w / folds.length);
    const weights = Object.fromEntries([...sums].filter(([, w]) => Math.abs(w) >= minWeight).sort(([a], [b]) => (a < b ? -1 : 1)));
    mean[label] = { ...folds[0]![label], bias: folds.reduce((sum, f) => sum + f[label].bias / folds.length, 0), weights };
  }
  return mean;
}

/** The entity model of these articles: thresholds chosen on held-out folds (or fixed), weights the folds' mean (or fitted on all). */
export function fitEntityModel(data: readonly ArticleCandidates[], options: FitOptions = {}): EntityModel {
  const { threshold, ...rest } = options;
  const o: Settings = { minArticles: 3, minWeight: 0.01, folds: 5, foldBy: 'articles', meanOfFolds: true, epochs: 20, l2: 1e-4, seed: 1, ...rest };
  const folds = threshold === undefined || o.meanOfFolds ? heldOutFolds(data, o) : [];
  const thresholds = threshold !== undefined ? (Object.fromEntries(DECIDED_LABELS.map((l) => [l, threshold])) as Record<DecidedLabel, number>) : chooseThresholds(folds);
  const weights = o.meanOfFolds ? meanWeights(folds.map((f) => f.weights), o.minWeight) : fitWeights(data, o);
  return { labels: Object.fromEntries(DECIDED_LABELS.map((l) => [l, { ...weights[l], threshold: thresholds[l] }])) as EntityModel['labels'] };
}
