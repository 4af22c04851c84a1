// Ways to choose the learned relation step's thresholds, side by side, and how far each recipe's thresholds move when
// the articles it is fitted on change: for each variant the models are fitted on the annotated sets (less the --except
// ones) and written to DIR/<name>.json, to be scored on sets they never saw (`npm run -s extract -- --relations
// DIR/<name>.json TEXTS… > graph.json`, then ../shared/tools/score.mjs); then refitted without each subset of SUBSETS,
// and each type's thresholds over those fits printed with their spread (a recipe that holds moves little). The
// articles are read once, with the upstream models in place.
// node --import tsx api/learn/relation-thresholds.ts --dir DIR [--except SET]...
// VARIANTS='[["plateau", {"plateau": 0.01}], ["3 partitions", {"partitions": 3}]]' (fields of RelationTraining, TRAINING's where not given)
// SUBSETS='[["no train7", ["train7"]], …]' (sets left out of each extra fit; without it, none: the thresholds of the full fit only)
// EXAMPLES=FILE keeps the examples read in a file and reads them from it next time (while rules, models and corpus stay)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DECIDED_TYPES, type LearnedType } from '../extract/learned/relations.ts';
import { annotatedArticles } from './corpus.ts';
import { relationExamples, trainRelations, TRAINING, type RelationExamples, type RelationTraining } from './relations.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { except: { type: 'string', multiple: true }, dir: { type: 'string', default: '/tmp/relation-thresholds' } },
});
const variants: [string, RelationTraining][] = process.env.VARIANTS ? (JSON.parse(process.env.VARIANTS) as [string, RelationTraining][]) : [['shipped', {}]];
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

const data = readExamples();
mkdirSync(values.dir, { recursive: true });
for (const [name, options] of variants) {
  const training = { ...TRAINING, ...options };
  const started = process.cpuUsage();
  const models = trainRelations(data, training);
  const cpu = process.cpuUsage(started);
  const file = join(values.dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(models, null, 1) + '\n');
  console.log(`${name}: ${data.missed.size} articles, ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s CPU -> ${file}`);
  const thresholds = new Map<LearnedType, number[]>(DECIDED_TYPES.map((t) => [t, [models.models[t]?.threshold ?? NaN]]));
  for (const [subset, sets] of subsets) {
    const refit = trainRelations(leaving(data, sets), training);
    for (const t of DECIDED_TYPES) thresholds.get(t)!.push(refit.models[t]?.threshold ?? NaN);
    console.log(`  without ${subset}: ${DECIDED_TYPES.map((t) => `${t} ${refit.models[t]?.threshold}`).join(', ')}`);
  }
  for (const [t, list] of thresholds) {
    const spread = Math.max(...list) - Math.min(...list);
    console.log(`  ${t.padEnd(16)} all ${list[0]!.toFixed(3)}  range ${Math.min(...list).toFixed(3)}–${Math.max(...list).toFixed(3)}  spread ${spread.toFixed(3)}`);
  }
}
