// Fitting the learned events step (api/extract/learned/events.ts): the happening words are counted from the gold's
// event names, every candidate the rules-only extractor leaves is labelled by whether the scorer would match it to a
// gold event the rules missed, and the threshold and the number of events per article are chosen on out-of-fold
// predictions (articles split in five), by the Event F1 the decision would give over the rules' own events; the model
// shipped is the mean of the five folds' models (TRAINING).
import { readFileSync } from 'node:fs';
import { extractArticle } from '../extract/index.ts';
import { chooseEvents, type EventCandidate, type EventModel } from '../extract/learned/events.ts';
import { singular } from '../extract/inflection.ts';
import { classifier, trainLogistic, type Example, type LinearModel, type TrainingOptions } from '../extract/learned/linear.ts';
import { alignToGold, eventSimilar, normalizeName, type GoldFile } from './align.ts';
import type { AnnotatedArticle } from './corpus.ts';
import { setWeights } from './relations.ts';

/** One candidate with what the scorer would make of it. */
export interface LabelledCandidate {
  name: string;
  sentence: number;
  head: string;
  features: string[];
  /** required gold events the rules missed that it matches */
  matches: string[];
  /** it matches an optional gold event only (neither right nor wrong) */
  neutral: boolean;
}

/** One article's candidates and the rules' own Event counts. */
export interface ArticleCandidates {
  set: string;
  file: string;
  candidates: LabelledCandidate[];
  rules: { tp: number; fp: number; fn: number };
}

const CONNECTIVE = /^(?:of|to|for|with|in|at|between|from|by|on|during|celebrating|marking|commemorating|and)$/i;
/** Verb forms that end a name's noun phrase ("meeting held in X"): regular past forms and the irregular ones of the genre. */
const VERB_FORM = /^(?:[a-z]+ed|held|met|meet|led|made|took|gave|began|went|came)$/;

/** The head word of an event name: the word before its first connective ("signing of …"), else its last word. */
export function headOf(name: string): string | null {
  const ws = name.replace(/[’'"“”,.:;()]/g, ' ').split(/\s+/).filter(Boolean);
  let end = ws.findIndex((w, k) => k > 0 && (CONNECTIVE.test(w) || VERB_FORM.test(w)));
  if (end < 0) end = ws.length;
  const head = ws[end - 1]?.toLowerCase();
  if (!head || !/^[a-z][a-z-]*$/.test(head)) return null;
  return singular(head);
}

/** Whether a word is mostly a head where it appears in event names: "city" appears in many ("sister city festival") but heads few. */
const HEAD_SHARE = 0.25;

function wordsOf(name: string): Set<string> {
  return new Set(name.toLowerCase().replace(/[’'"“”,.:;()]/g, ' ').split(/\s+/).filter(Boolean).map(singular));
}

/** Happening words by how many gold events (name or aliases) they head, most first; those heading fewer than `min` dropped. */
export function countHeads(goldPaths: readonly string[], min = 3): string[] {
  const counts = new Map<string, number>();
  const appearances = new Map<string, number>();
  // a happening word is written in lower case somewhere ("music festival"); a place's name never is
  const common = new Set<string>();
  for (const path of goldPaths) {
    const gold = JSON.parse(readFileSync(path, 'utf8')) as GoldFile;
    for (const e of gold.entities) {
      if (e.label !== 'Event') continue;
      const names = [e.name, ...(e.aliases ?? [])];
      for (const h of new Set(names.map(headOf).filter((h): h is string => !!h))) counts.set(h, (counts.get(h) ?? 0) + 1);
      for (const w of new Set(names.flatMap((n) => [...wordsOf(n)]))) appearances.set(w, (appearances.get(w) ?? 0) + 1);
      for (const n of names) for (const w of n.split(/\s+/)) if (/^[a-z][a-z-]*$/.test(w)) common.add(singular(w));
    }
  }
  return [...counts].filter(([h, n]) => n >= min && common.has(h) && n >= HEAD_SHARE * (appearances.get(h) ?? n)).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([h]) => h);
}

/** Extracts each article with the rules only (the learned entity and relation steps off), keeping the candidates the learned step would weigh, labelled by its gold. */
export function collectCandidates(articles: readonly AnnotatedArticle[], heads: readonly string[]): ArticleCandidates[] {
  const observer: EventModel = { bias: 0, threshold: 1, weights: {}, heads: [...heads], perArticle: 0 };
  return articles.map((art) => {
    let seen: readonly EventCandidate[] = [];
    const graph = extractArticle({ content: readFileSync(art.textPath, 'utf8'), format: 'text', file: art.file }, { eventModel: observer, observeEventCandidates: (c) => (seen = c), entities: null, places: null, relations: null });
    const alignment = alignToGold(art.goldPath, graph);
    const matched = new Set(alignment.goldOf.values());
    const events = alignment.gold.entities.filter((e) => e.label === 'Event');
    const candidates = seen.map((c): LabelledCandidate => {
      const hits = events.filter((e) => [e.name, ...(e.aliases ?? [])].some((n) => [c.name, ...c.aliases].some((x) => normalizeName(n) === normalizeName(x) || eventSimilar(x, n))));
      const matches = hits.filter((e) => !e.optional && !matched.has(e.key)).map((e) => e.key);
      return { name: c.name, sentence: c.sentence, head: c.head, features: c.features, matches, neutral: !matches.length && hits.length > 0 && hits.every((e) => e.optional) };
    });
    return { set: art.set, file: art.file, candidates, rules: alignment.entityCounts.get('Event') ?? { tp: 0, fp: 0, fn: 0 } };
  });
}

/** What choosing the likeliest candidates of each article would score: Event tp, fp, fn over the rules' own. */
export function simulate(articles: readonly ArticleCandidates[], probability: (a: number, c: number) => number, threshold: number, perArticle: number): { tp: number; fp: number; fn: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  articles.forEach((art, i) => {
    tp += art.rules.tp;
    fp += art.rules.fp;
    fn += art.rules.fn;
    const taken = new Set<string>();
    const scored = art.candidates.map((candidate, j) => ({ candidate, probability: probability(i, j) }));
    for (const c of chooseEvents(scored, threshold, perArticle)) {
      const free = c.matches.find((k) => !taken.has(k));
      if (free) {
        taken.add(free);
        tp++;
        fn--;
      } else if (!c.neutral) fp++;
    }
  });
  return { tp, fp, fn, f1: (2 * tp) / (2 * tp + fp + fn || 1) };
}

/** The examples of the articles' candidates; with `weights` (by article, `set/file`), each weighs its article's weight. */
export const examplesOf = (articles: readonly ArticleCandidates[], weights?: ReadonlyMap<string, number>): Example[] =>
  articles.flatMap((a) => a.candidates.filter((c) => !c.neutral).map((c) => ({ features: c.features, positive: c.matches.length > 0, weight: weights?.get(`${a.set}/${a.file}`) })));

export interface FitOptions extends TrainingOptions {
  folds?: number;
  /** every annotated set weighs the same in fitting, whatever its size (as in the relation step) */
  balanced?: boolean;
  /** the threshold is chosen on sets held out whole (new publishers) rather than on articles split in five */
  foldBySet?: boolean;
  /** the model is the mean of the folds' models the threshold was chosen on, not one more fit on every article */
  meanOfFolds?: boolean;
}

/**
 * How the shipped model is fitted: as the relation step's models (few, small steps with a firm L2 penalty, the mean
 * of the folds' models), which held on new publishers where the eighth session's longer fit did not
 * (docs/extraction.md § "Eleventh session: refit").
 */
export const TRAINING: FitOptions = { epochs: 10, l2: 3e-3, rate: 0.1, seed: 1, meanOfFolds: true };

/** The mean of linear models: a weight absent from one counts as 0 there. */
function meanModel(models: readonly LinearModel[]): LinearModel {
  const sums = new Map<string, number>();
  for (const m of models) for (const [f, w] of Object.entries(m.weights)) sums.set(f, (sums.get(f) ?? 0) + w);
  const round = (x: number) => Math.round((x / models.length) * 1e4) / 1e4;
  const weights = [...sums].map(([f, w]) => [f, round(w)] as const).filter(([, w]) => w !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { bias: round(models.reduce((sum, m) => sum + m.bias, 0)), threshold: 0.5, weights: Object.fromEntries(weights) };
}

/** Fits the model on the articles; the threshold and the events per article come from out-of-fold predictions. */
export function fitEventModel(articles: readonly ArticleCandidates[], heads: readonly string[], options: FitOptions = {}): { model: EventModel; outOfFold: ReturnType<typeof simulate> } {
  const { folds = 5, balanced = false, foldBySet = false, meanOfFolds = false, ...training } = options;
  const inHeads = new Set(heads);
  const kept = articles.map((a) => ({ ...a, candidates: a.candidates.filter((c) => inHeads.has(c.head)) }));
  const weights = balanced ? setWeights(kept.map((a) => `${a.set}/${a.file}`)) : undefined;
  const probabilities: number[][] = kept.map((a) => a.candidates.map(() => 0));
  const foldModels: LinearModel[] = [];
  const sets = [...new Set(kept.map((a) => a.set))];
  const foldOf = foldBySet ? (a: ArticleCandidates) => sets.indexOf(a.set) : (_: ArticleCandidates, i: number) => i % folds;
  for (let fold = 0; fold < (foldBySet ? sets.length : folds); fold++) {
    const model = trainLogistic(examplesOf(kept.filter((a, i) => foldOf(a, i) !== fold), weights), training);
    foldModels.push(model);
    const fitted = classifier(model);
    kept.forEach((a, i) => {
      if (foldOf(a, i) === fold) a.candidates.forEach((c, j) => (probabilities[i]![j] = fitted.probability(c.features)));
    });
  }
  let best = { threshold: 1, perArticle: 0, score: simulate(kept, () => 0, 1, 0) };
  for (let perArticle = 1; perArticle <= 3; perArticle++) {
    for (let t = 0.2; t <= 0.9001; t += 0.05) {
      const score = simulate(kept, (i, j) => probabilities[i]![j]!, t, perArticle);
      if (score.f1 > best.score.f1 + 1e-9) best = { threshold: Math.round(t * 100) / 100, perArticle, score };
    }
  }
  const linear = meanOfFolds ? meanModel(foldModels) : trainLogistic(examplesOf(kept, weights), training);
  return { model: { ...linear, threshold: best.threshold, heads: [...heads], perArticle: best.perArticle }, outOfFold: best.score };
}

/** The events model fitted on these articles: happening words counted from their gold, candidates from their texts. */
export function trainEventModel(articles: readonly AnnotatedArticle[], options: FitOptions = {}): { model: EventModel; outOfFold: ReturnType<typeof simulate>; examples: number } {
  const heads = countHeads(articles.map((a) => a.goldPath));
  const candidates = collectCandidates(articles, heads);
  const fitted = fitEventModel(candidates, heads, { ...TRAINING, ...options });
  return { ...fitted, examples: examplesOf(candidates).length };
}
