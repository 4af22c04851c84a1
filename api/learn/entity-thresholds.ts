// Ways to choose the learned entity step's thresholds, side by side: for each variant the model is fitted on the
// annotated sets (less the --except ones) and written to DIR/<name>.json, to be scored on sets it never saw
// (`npm run -s extract -- --entities DIR/<name>.json TEXTS… > graph.json`, then ../shared/tools/score.mjs). The articles are read once.
// node --import tsx api/learn/entity-thresholds.ts --dir DIR [--except SET]...
// VARIANTS='[["sets", {"foldBy": "sets"}], ["0.5", {"threshold": 0.5}]]' (fields of FitOptions; without it, the shipped recipe)
// CANDIDATES=FILE keeps the candidates read in a file and reads them from it next time (while rules, models and corpus stay)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DECIDED_LABELS } from '../extract/learned/entities.ts';
import { annotatedArticles } from './corpus.ts';
import { articleCandidates, fitEntityModel, type ArticleCandidates, type FitOptions } from './entities.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { except: { type: 'string', multiple: true }, dir: { type: 'string', default: '/tmp/entity-thresholds' } },
});
const variants: [string, FitOptions][] = process.env.VARIANTS ? (JSON.parse(process.env.VARIANTS) as [string, FitOptions][]) : [['shipped', {}]];

function readCandidates(): ArticleCandidates[] {
  const cache = process.env.CANDIDATES;
  if (cache && existsSync(cache)) return (JSON.parse(readFileSync(cache, 'utf8')) as ArticleCandidates[]).filter((d) => !values.except?.includes(d.article.set));
  const data = annotatedArticles({ except: values.except }).map(articleCandidates);
  if (cache) writeFileSync(cache, JSON.stringify(data));
  return data;
}

const data = readCandidates();
mkdirSync(values.dir, { recursive: true });
for (const [name, options] of variants) {
  const started = process.cpuUsage();
  const model = fitEntityModel(data, options);
  const file = join(values.dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(model, null, 1) + '\n');
  const cpu = process.cpuUsage(started);
  const thresholds = DECIDED_LABELS.map((l) => `${l} ${model.labels[l].threshold}`).join(', ');
  console.log(`${name}: ${data.length} articles, thresholds ${thresholds}; ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s CPU -> ${file}`);
}
