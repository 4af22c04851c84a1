// Training the learned relationship decisions (api/extract/learned/relations.ts) from the annotated articles:
// each article is read by the rules alone, the stage's candidates are listed with their features, and each is
// labelled by the gold exactly as ../shared/tools/score.mjs would count it (align.ts). One logistic model per
// type; its threshold maximises the F1 of the decisions on examples the weights were not fitted on (articles
// in five folds), counting the gold facts no candidate reaches as missed. The threshold is chosen as if the model
// decided every pair, the rules' too, though the stage keeps the rules' facts: the training articles include
// the ones the rules were written on, where they leave the model little to add, and a threshold fitted to what
// they leave was too high on unseen sets (docs/extraction.md § "Learned decisions").
import { classifier, type Example, type LinearModel, type TrainingOptions } from '../extract/learned/linear.ts';
import { DECIDED_TYPES, featuresOf, LEARNED_TYPES, participationsOf, relationCandidates, STACKED_TYPES, type LearnedParticipations, type LearnedType, type PairOptions, type RelationModels } from '../extract/learned/relations.ts';
import { normalizeValue } from './align.ts';
import { readAligned, type AlignedRead, type AnnotatedArticle } from './corpus.ts';
import { FOLDS, fitLeavingRareFeatures, foldFits, hashFold, modelOf, type FoldFits, type ThresholdRecipe } from './fold-models.ts';
import { foldAveragedTrees, leavingRareFeatures } from './relation-trees.ts';
import { trainBoosted, treesProbability, type BoostingOptions, type TreesModel } from '../extract/learned/trees.ts';

/** One candidate as a training example: its pair (the decision takes one value per pair) and article. */
export interface RelationExample extends Example {
  type: LearnedType;
  /** the candidates of one pair share a group: the decision states at most one of them */
  group: string;
  article: string;
}

export interface RelationExamples {
  examples: RelationExample[];
  /** gold facts (not optional) of each type that no positive candidate of the article reaches, by article */
  missed: Map<string, Map<LearnedType, number>>;
}

export interface RelationTraining extends TrainingOptions, ThresholdRecipe {
  /** the threshold is chosen on folds of whole sets (new publishers) rather than on articles hashed into five folds */
  foldBySet?: boolean;
  /** how far sets are evened out in fitting: an article weighs (mean set size / its set's size) to this power (1: every set the same, 0: every article the same) */
  balance?: number;
  /** the types decided by boosted trees (with these options) rather than by a logistic model */
  trees?: Partial<Record<LearnedType, BoostingOptions>>;
}

/**
 * The relation step's recipe: each threshold the best on the held-out folds. Half the best F1 (`halfBestF1`) moves
 * far less from fit to fit but lost on blind20–23; three fold partitions (`partitions`) moved as much and tied
 * (docs/extraction.md § "Fourteenth session: a refit that holds"). Meetings are decided by boosted trees: who met
 * whom is told by combinations of features (the sentence's cue, both ends' ranks in the article, a shared happening)
 * that a sum of single weights misses; held out on folds of whole sets their F1 was 0.482 → 0.535 (docs/extraction.md
 * § "Fourteenth session: a learner that sees combinations"). Participations too, the role a question among the
 * features (one model per role lost): held out by whole sets 0.597 → 0.601 (4 folds of 5 not worse), group B 0.52 →
 * 0.56; 25 rounds rather than 50 (0.605) because a pair's six roles each walk every tree, and 50 rounds cost ~7 % of
 * extraction (docs/extraction.md § "Sixteenth session: learners and thresholds per type"). Visits and twinnings tied.
 */
export const TRAINING: RelationTraining = {
  epochs: 10,
  l2: 3e-3,
  rate: 0.1,
  seed: 1,
  balance: 1,
  trees: { MET_WITH: { rounds: 200, depth: 3, shrinkage: 0.1 }, PARTICIPATED_IN: { rounds: 25, depth: 3, shrinkage: 0.5 } },
};

/** An article read for learning, with its gold alignment. */
interface ReadExample extends AlignedRead {
  optional: Set<string>;
}

/** A participation candidate of an article, kept to decide it out of fold before the stacked types' examples are made. */
interface ParticipationCandidate {
  from: string;
  to: string;
  role: string;
  features: string[];
  /** the rules stated it (the stage decides only the others) */
  stated: boolean;
}

/**
 * The examples of one article's candidates of the given types, labelled by the gold; the gold facts of each type that
 * no positive candidate reaches are added to `missed`.
 */
function articleExamples(r: ReadExample, options: PairOptions, missed: Map<LearnedType, number>, participations?: ParticipationCandidate[]): RelationExample[] {
  const { key, read, alignment, optional } = r;
  const examples: RelationExample[] = [];
  const covered = new Set<unknown>();
  for (const c of relationCandidates(read.article, read.events, options)) {
    if (c.type === 'PARTICIPATED_IN') participations?.push({ from: c.from, to: c.to, role: c.value, features: featuresOf(c), stated: c.facts.length > 0 });
    const source = read.nodeOf.get(c.from);
    const target = read.nodeOf.get(c.to);
    if (!source || !target) continue;
    const ends = [alignment.goldOf.get(source), alignment.goldOf.get(target)];
    if (ends.some((g) => g && optional.has(g))) continue;
    const value = normalizeValue(c.value);
    const facts = alignment.factsBetween(c.type, source, target).filter((f) => f.values.includes(value));
    const required = facts.filter((f) => !f.optional);
    if (!required.length && facts.length) continue;
    for (const f of required) covered.add(f);
    const [a, b] = c.from < c.to || c.type !== 'MET_WITH' && c.type !== 'SISTER_CITY_OF' ? [source, target] : [target, source];
    examples.push({ type: c.type, group: `${key}|${c.type}|${a}|${b}`, article: key, features: featuresOf(c), positive: required.length > 0 });
  }
  for (const type of options.types ?? LEARNED_TYPES) {
    const wanted = alignment.gold.relationships.filter((f) => f.type === type && !f.optional).length;
    // every fact the gold lists once; a covered fact is one of them
    const reached = [...covered].filter((f) => (f as { type: string }).type === type).length;
    missed.set(type, Math.max(0, wanted - reached));
  }
  return examples;
}

/**
 * The examples of the given annotated articles, in article order. Visits and meetings are decided after
 * participations, with the participations the stage decides as features (`STACKED_TYPES`): their examples are made
 * in a second pass, each article's participations decided by the participation model fitted without its fold (the
 * decisions it would see on an unseen article, not the surer ones of a model fitted on it).
 */
export function relationExamples(articles: readonly AnnotatedArticle[], training = TRAINING): RelationExamples {
  const examples: RelationExample[] = [];
  const missed = new Map<string, Map<LearnedType, number>>();
  const reads: ReadExample[] = [];
  const participations = new Map<string, ParticipationCandidate[]>();
  const first = LEARNED_TYPES.filter((t) => !STACKED_TYPES.includes(t));
  for (const article of articles) {
    const aligned = readAligned(article);
    if (!aligned) continue;
    const { key, alignment } = aligned;
    const optional = new Set(alignment.gold.entities.filter((e) => e.optional).map((e) => e.key));
    const r = { ...aligned, optional };
    reads.push(r);
    const byType = new Map<LearnedType, number>();
    const candidates: ParticipationCandidate[] = [];
    examples.push(...articleExamples(r, { types: first }, byType, candidates));
    participations.set(key, candidates);
    missed.set(key, byType);
  }
  const decided = foldParticipations({ examples, missed }, participations, training);
  for (const r of reads) examples.push(...articleExamples(r, { types: STACKED_TYPES, participations: decided.get(r.key) }, missed.get(r.key)!));
  return { examples, missed };
}

/** Each article's participations as the stage would decide them, by the participation model fitted without the article's fold. */
function foldParticipations(data: RelationExamples, candidates: ReadonlyMap<string, ParticipationCandidate[]>, training: RelationTraining): Map<string, LearnedParticipations> {
  const out = new Map<string, LearnedParticipations>();
  const weights = setWeights(data.examples.map((e) => e.article), training.balance);
  const foldOf = foldsOf([...data.missed.keys()], training.foldBySet ?? false);
  const examples = data.examples.filter((e) => e.type === 'PARTICIPATED_IN').map((e) => ({ ...e, weight: weights.get(e.article)! }));
  if (!examples.some((e) => e.positive)) return out;
  const threshold = trainType('PARTICIPATED_IN', { ...data, examples }, training)!.threshold;
  for (let fold = 0; fold < FOLDS; fold++) {
    const c = foldFit('PARTICIPATED_IN', examples.filter((e) => foldOf(e.article, 0) !== fold), training);
    for (const [article, list] of candidates) {
      if (foldOf(article, 0) !== fold) continue;
      // per pair the likeliest role, stated when it reaches the threshold and the rules stated nothing of the pair
      const best = new Map<string, { role: string; probability: number; stated: boolean; from: string; to: string }>();
      for (const p of list) {
        const pair = `${p.from}|${p.to}`;
        const probability = c.probability(p.features);
        const known = best.get(pair);
        const stated = p.stated || !!known?.stated;
        if (!known || probability > known.probability) best.set(pair, { role: p.role, probability, stated, from: p.from, to: p.to });
        else known.stated = stated;
      }
      const decisions = [...best.values()].filter((b) => !b.stated && b.probability >= threshold).map((b) => ({ type: 'PARTICIPATED_IN', from: b.from, to: b.to, props: { role: b.role } }));
      out.set(article, participationsOf(decisions));
    }
  }
  return out;
}

/** One fit of a type's learner on some examples (trees when the training names the type among them, else logistic). */
function foldFit(type: LearnedType, examples: readonly Example[], training: RelationTraining): { probability(features: readonly string[]): number } {
  const trees = training.trees?.[type];
  if (!trees) return classifier(fitLeavingRareFeatures(examples, training));
  const model = trainBoosted(leavingRareFeatures(examples), trees);
  return { probability: (features) => treesProbability(model, features) };
}

const setOf = (article: string) => article.slice(0, article.indexOf('/'));

/**
 * Each article's fold (articles keyed "set/file"): hashed into five, or, by set, whole sets dealt into five folds
 * (largest first, each to the fold with the fewest articles), so that every fold holds only publishers the other
 * folds' fits never saw, at the cost of five fits.
 */
export function foldsOf(articles: readonly string[], bySet: boolean): (article: string, partition?: number) => number {
  if (!bySet) return hashFold;
  const sizes = new Map<string, number>();
  for (const article of articles) sizes.set(setOf(article), (sizes.get(setOf(article)) ?? 0) + 1);
  const load = new Array<number>(FOLDS).fill(0);
  const foldOfSet = new Map<string, number>();
  for (const [set, n] of [...sizes].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))) {
    const fold = load.indexOf(Math.min(...load));
    foldOfSet.set(set, fold);
    load[fold]! += n;
  }
  return (article) => foldOfSet.get(setOf(article))!;
}

/**
 * One type's fold fits: the weights fitted on each four fifths of the articles, and their decisions on the fifth each
 * left out, on which the threshold is chosen (the shipped weights, their mean, are of the same kind as the ones the
 * threshold was chosen for: a single fit on every article would be surer of itself than they were).
 */
function typeFoldFits(type: LearnedType, data: RelationExamples, training: RelationTraining): FoldFits | null {
  const typed = typeExamples(type, data);
  return typed && foldFits(typed.examples, typed.missed, foldsOf([...data.missed.keys()], training.foldBySet ?? false), training);
}

/** A type's examples and the gold facts of the type no candidate reaches; null when no example is positive. */
function typeExamples(type: LearnedType, data: RelationExamples): { examples: RelationExample[]; missed: number } | null {
  const examples = data.examples.filter((e) => e.type === type);
  if (!examples.some((e) => e.positive)) return null;
  let missed = 0;
  for (const m of data.missed.values()) missed += m.get(type) ?? 0;
  return { examples, missed };
}

/** A type's shipped model: boosted trees when the training names the type among them, else the logistic fold fits' mean. */
function trainType(type: LearnedType, data: RelationExamples, training: RelationTraining): LinearModel | TreesModel | null {
  const trees = training.trees?.[type];
  if (!trees) {
    const fits = typeFoldFits(type, data, training);
    return fits && modelOf(fits, training);
  }
  const typed = typeExamples(type, data);
  return typed && foldAveragedTrees(typed.examples, typed.missed, foldsOf([...data.missed.keys()], training.foldBySet ?? false), trees);
}

/**
 * Each article's weight in fitting (articles are keyed "set/file"): the mean number of articles per set over its set's
 * own, so that every annotated set counts as much as any other whatever its size. Train alone is a quarter of the
 * articles and comes from the publishers the rules were written on; the articles to decide come from new publishers,
 * as each later set did (docs/extraction.md § "Tenth session: refit").
 */
export function setWeights(articles: Iterable<string>, balance = 1): Map<string, number> {
  const bySet = new Map<string, number>();
  const unique = new Set(articles);
  for (const article of unique) bySet.set(setOf(article), (bySet.get(setOf(article)) ?? 0) + 1);
  const mean = unique.size / bySet.size;
  return new Map([...unique].map((article) => [article, (mean / bySet.get(setOf(article))!) ** balance]));
}

/** The examples with each article weighed so that every set counts the same (`setWeights`). */
function weighedBySet(data: RelationExamples, training: RelationTraining): RelationExamples {
  const weights = setWeights(data.examples.map((e) => e.article), training.balance);
  return { ...data, examples: data.examples.map((e) => ({ ...e, weight: weights.get(e.article)! })) };
}

/** Each type's logistic fold fits (those the shipped model decides when none given), each set weighing the same: what the threshold recipes are compared on. */
export function relationFoldFits(data: RelationExamples, training: RelationTraining = TRAINING, types: readonly LearnedType[] = DECIDED_TYPES): Map<LearnedType, FoldFits> {
  const weighed = weighedBySet(data, training);
  const fits = new Map<LearnedType, FoldFits>();
  for (const type of types) {
    const f = typeFoldFits(type, weighed, training);
    if (f) fits.set(type, f);
  }
  return fits;
}

/** The models of the given types (those the shipped model decides when none given), from the examples of the annotated articles, each set weighing the same. */
export function trainRelations(data: RelationExamples, training: RelationTraining = TRAINING, types: readonly LearnedType[] = DECIDED_TYPES): RelationModels {
  const weighed = weighedBySet(data, training);
  const models: RelationModels['models'] = {};
  for (const type of types) {
    const model = trainType(type, weighed, training);
    if (model) models[type] = model;
  }
  return { models };
}
