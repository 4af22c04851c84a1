// Ways to choose the learned relation step's thresholds, side by side, and how far each recipe's thresholds move when
// the articles it is fitted on change: for each fit variant and each threshold choice the models are fitted on the
// annotated sets (less the --except ones) and written to DIR/<variant>-<choice>.json, to be scored on sets they never
// saw (`npm run -s extract -- --relations DIR/<name>.json TEXTS… > graph.json`, then ../shared/tools/score.mjs); then
// refitted without each subset of SUBSETS, and each type's thresholds over those fits printed with their spread (a
// recipe that holds moves little). The articles are read once, with the upstream models in place; the choices share
// their variant's fits.
// node --import tsx api/learn/relation-thresholds.ts --dir DIR [--except SET]...
// VARIANTS='[["p1", {}], ["p3", {"partitions": 3}]]' (fields of RelationTraining, TRAINING's where not given)
// CHOICES='[["best", {}], ["half", {"halfBestF1": true}]]' (how the threshold is chosen: fields of ThresholdRecipe over TRAINING's)
// SUBSETS='[["no train7", ["train7"]], …]' (sets left out of each extra fit; without it, none: the thresholds of the full fit only)
// EXAMPLES=FILE keeps the examples read in a file and reads them from it next time (while rules, models and corpus stay)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DECIDED_TYPES, type LearnedType, type RelationModels } from '../extract/learned/relations.ts';
import { annotatedArticles } from './corpus.ts';
import { modelOf, type ThresholdRecipe } from './fold-models.ts';
import { relationExamples, relationFoldFits, TRAINING, type RelationExamples, type RelationTraining } from './relations.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { except: { type: 'string', multiple: true }, dir: { type: 'string', default: '/tmp/relation-thresholds' } },
});
const variants: [string, RelationTraining][] = process.env.VARIANTS ? (JSON.parse(process.env.VARIANTS) as [string, RelationTraining][]) : [['shipped', {}]];
const choices: [string, ThresholdRecipe][] = process.env.CHOICES ? (JSON.parse(process.env.CHOICES) as [string, ThresholdRecipe][]) : [['recipe', {}]];
const subsets: [string, string[]][] = process.env.SUBSETS ? (JSON.parse(process.env.SUBSETS) as [string, string[]][]) : [];
const setOf = (article: string) => article.slice(0, article.indexOf('/'));

function readExamples(): RelationExamples {
  const cache = process.env.EXAMPLES;
  if (cache && existsSync(cache)) {
    const saved = JSON.parse(readFileSync(cache, 'utf8')) as { examples: RelationExamples['examples']; missed: [string, [LearnedType, number][]][] };
    return leaving({ examples: saved.examples, missed: new Map(saved.missed.map(([k, v]) => [k, new Map(v)])) }, values.except ?? []);
  }
  const read = relationExamples(annotatedArticles({ except: values.except }));
  if (cache) writeFileSync(cache, JSON.stringify({ examples: read.examples, missed: [...read.missed].map(([k, v]) => [k, [...v]]) }));
  return read;
}

/** The examples without the articles of the given sets. */
function leaving(data: RelationExamples, sets: readonly string[]): RelationExamples {
  const keep = (article: string) => !sets.includes(setOf(article));
  return { examples: data.examples.filter((e) => keep(e.article)), missed: new Map([...data.missed].filter(([article]) => keep(article))) };
}

/** The models of each choice from one set of fold fits. */
function modelsByChoice(data: RelationExamples, training: RelationTraining): RelationModels[] {
  const fits = relationFoldFits(data, training);
  return choices.map(([, recipe]) => ({ models: Object.fromEntries([...fits].map(([type, f]) => [type, modelOf(f, { ...training, ...recipe })])) }));
}

const data = readExamples();
mkdirSync(values.dir, { recursive: true });
for (const [variant, options] of variants) {
  const training = { ...TRAINING, ...options };
  const started = process.cpuUsage();
  const full = modelsByChoice(data, training);
  const cpu = process.cpuUsage(started);
  const thresholds = full.map((models) => new Map<LearnedType, number[]>(DECIDED_TYPES.map((t) => [t, [models.models[t]?.threshold ?? NaN]])));
  choices.forEach(([choice], i) => {
    const file = join(values.dir, `${variant}-${choice}.json`);
    writeFileSync(file, JSON.stringify(full[i], null, 1) + '\n');
    console.log(`${variant}-${choice}: ${data.missed.size} articles, ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s CPU -> ${file}`);
  });
  for (const [subset, sets] of subsets) {
    modelsByChoice(leaving(data, sets), training).forEach((models, i) => {
      for (const t of DECIDED_TYPES) thresholds[i]!.get(t)!.push(models.models[t]?.threshold ?? NaN);
      console.log(`  ${variant}-${choices[i]![0]} without ${subset}: ${DECIDED_TYPES.map((t) => `${t} ${models.models[t]?.threshold}`).join(', ')}`);
    });
  }
  choices.forEach(([choice], i) => {
    for (const [t, list] of thresholds[i]!) {
      const spread = Math.max(...list) - Math.min(...list);
      console.log(`  ${`${variant}-${choice}`.padEnd(16)} ${t.padEnd(16)} all ${list[0]!.toFixed(3)}  range ${Math.min(...list).toFixed(3)}–${Math.max(...list).toFixed(3)}  spread ${spread.toFixed(3)}`);
    }
  });
}
