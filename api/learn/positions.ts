// Training the learned position reader (api/extract/learned/positions.ts): the title vocabulary is counted from the
// gold's HOLDS_POSITION titles of the training articles, each article is read as the trainers read it (the rules and the
// learned entity step), its (person, title, holder) candidates are labelled by the gold as ../shared/tools/score.mjs
// would count them (align.ts), and one logistic model decides them. Its threshold is the best F1 of HOLDS_POSITION as
// the step acts (the rules' facts kept, one holder per person and title) on folds of whole sets the weights were not
// fitted on: new publishers, as the articles to decide are.
import { readFileSync } from 'node:fs';
import { compileVocabulary, positionCandidates, titleVocabulary, type PositionModel } from '../extract/learned/positions.ts';
import { normalizeValue, type GoldFile, type GoldFact } from './align.ts';
import { readAligned, type AnnotatedArticle } from './corpus.ts';
import { foldFits, modelOf, type GroupedExample } from './fold-models.ts';
import { foldsOf, setWeights, TRAINING } from './relations.ts';

/** The gold's titles of some articles, every admitted form. */
function goldTitles(articles: readonly AnnotatedArticle[]): string[] {
  const titles: string[] = [];
  for (const article of articles) {
    const gold = JSON.parse(readFileSync(article.goldPath, 'utf8')) as GoldFile;
    for (const r of gold.relationships) if (r.type === 'HOLDS_POSITION' && r.title !== undefined) titles.push(...[r.title].flat());
  }
  return titles;
}

/** The examples of the candidates, and how the rules' own facts score (they stay whatever the step decides). */
export interface PositionExamples {
  examples: GroupedExample[];
  /** the gold facts neither the rules nor a candidate reach */
  missed: number;
  /** the rules' facts: right and wrong */
  rules: { right: number; wrong: number };
  /** the gold facts a candidate reaches that the rules miss */
  reachable: number;
}

/** Each article's candidates labelled by its gold, for a vocabulary. */
export function positionExamples(articles: readonly AnnotatedArticle[], words: { heads: readonly string[]; modifiers: readonly string[] }): PositionExamples {
  const vocabulary = compileVocabulary(words);
  const examples: GroupedExample[] = [];
  let missed = 0;
  let reachable = 0;
  const rules = { right: 0, wrong: 0 };
  for (const article of articles) {
    const aligned = readAligned(article);
    if (!aligned) continue;
    const { key, read, alignment } = aligned;
    const optional = new Set(alignment.gold.entities.filter((e) => e.optional).map((e) => e.key));
    const matching = (source: string | undefined, target: string | undefined, title: string): GoldFact[] | null => {
      if (!source || !target) return [];
      const ends = [alignment.goldOf.get(source), alignment.goldOf.get(target)];
      if (ends.some((g) => g && optional.has(g))) return null;
      const value = normalizeValue(title);
      return alignment.factsBetween('HOLDS_POSITION', source, target).filter((f) => f.values.includes(value));
    };
    const byRules = new Set<GoldFact>();
    for (const r of read.document.relationships) {
      if (r.type !== 'HOLDS_POSITION') continue;
      const facts = matching(r.source, r.target, String(r.properties.title ?? ''));
      if (!facts) continue;
      const required = facts.filter((f) => !f.optional);
      if (required.length) {
        if (!required.some((f) => byRules.has(f))) rules.right++;
        for (const f of required) byRules.add(f);
      } else if (!facts.length) rules.wrong++;
    }
    const byCandidates = new Set<GoldFact>();
    for (const c of positionCandidates(read.article, vocabulary)) {
      const facts = matching(read.nodeOf.get(c.person), read.nodeOf.get(c.holder), c.title);
      if (!facts) continue;
      const required = facts.filter((f) => !f.optional);
      if (!required.length && facts.length) continue;
      for (const f of required) if (!byRules.has(f)) byCandidates.add(f);
      examples.push({ features: c.features, positive: required.length > 0 && required.some((f) => !byRules.has(f)), group: `${key}|${c.group}`, article: key });
    }
    const wanted = alignment.gold.relationships.filter((f) => f.type === 'HOLDS_POSITION' && !f.optional).length;
    missed += Math.max(0, wanted - byRules.size - byCandidates.size);
    reachable += byCandidates.size;
  }
  return { examples, missed, rules, reachable };
}

/** The reader's model from the annotated articles: the vocabulary of their gold titles and the weights over their candidates. */
export function trainPositions(articles: readonly AnnotatedArticle[]): PositionModel {
  const vocabulary = titleVocabulary(goldTitles(articles));
  const data = positionExamples(articles, vocabulary);
  const weights = setWeights(data.examples.map((e) => e.article), TRAINING.balance);
  const examples = data.examples.map((e) => ({ ...e, weight: weights.get(e.article)! }));
  const fits = foldFits(examples, data.missed, foldsOf([...new Set(examples.map((e) => e.article))], true), TRAINING);
  // the rules' facts stay whatever the threshold: right ones are found and wrong ones false at every threshold
  for (let i = 0; i < data.rules.right; i++) fits.scored.push({ probability: 1, positive: true });
  for (let i = 0; i < data.rules.wrong; i++) fits.scored.push({ probability: 1, positive: false });
  process.stderr.write(`positions: ${examples.length} candidates, ${data.reachable} gold facts only they reach; rules ${data.rules.right} right, ${data.rules.wrong} wrong; ${data.missed} unreached\n`);
  return { ...vocabulary, model: modelOf(fits, TRAINING) };
}
