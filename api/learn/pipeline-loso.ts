// Leave-one-set-out figures of the whole pipeline: for each named set, the learned steps `npm run train` fits are
// refitted without it (`npm run train -- --except SET`, each step on its upstream steps' fresh models), the set is
// extracted with them and scored by ../shared/tools/score.mjs; rows are summed over the sets (pooled). This is the measure for a
// change to the rules or candidates, which every learned step reads. The shipped model files are overwritten while
// it runs and restored at the end, so run one at a time in a tree.
// node --import tsx api/learn/pipeline-loso.ts [--shipped] [SET...]   (default: the sets nobody reads for error analysis)
// --shipped scores the shipped models on the same held sets, refitting nothing: the column to compare a refit with
// (a set the shipped models were fitted on is not held out from them).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractArticle, mergeGraphs } from '../extract/index.ts';
import { annotatedArticles, goldSets } from './corpus.ts';

const SCORER = '../shared/tools/score.mjs';
const MODELS = ['events', 'entities', 'relations'].map((step) => `api/extract/learned/${step}.json`);
const args = process.argv.slice(2).filter((a) => a !== '--' && a !== '--shipped');
const refit = !process.argv.includes('--shipped');
const sets = args.length ? args : ['blind', 'blind2', 'blind3', 'blind4', 'blind5', 'blind6', 'blind9', 'blind10'];
const out = mkdtempSync(join(tmpdir(), 'pipeline-loso-'));
const ROW = /^(\s*)(\S+)\s+P=\S+ R=\S+ F1=\S+\s+\(tp (\d+), fp (\d+), fn (\d+)\)/;

// A child process of its own extracts the held set, so that it loads the models just fitted.
if (process.env.PIPELINE_LOSO_SET) {
  const set = process.env.PIPELINE_LOSO_SET;
  const graphs = annotatedArticles({ only: [set] }).map((a) => extractArticle({ content: readFileSync(a.textPath, 'utf8'), format: 'text', file: a.file }));
  writeFileSync(process.env.PIPELINE_LOSO_OUT!, JSON.stringify(mergeGraphs(graphs)));
  process.exit(0);
}

const shipped = MODELS.map((file) => readFileSync(file));
const totals = new Map<string, [number, number, number]>();
try {
  for (const set of sets) {
    if (refit) execFileSync(process.execPath, [...process.execArgv, 'api/cli/train.ts', '--except', set], { stdio: ['ignore', 'ignore', 'inherit'] });
    const file = join(out, `${set}.json`);
    execFileSync(process.execPath, [...process.execArgv, process.argv[1]!], { stdio: 'inherit', env: { ...process.env, PIPELINE_LOSO_SET: set, PIPELINE_LOSO_OUT: file } });
    const report = execFileSync('node', [SCORER, goldSets().get(set)!, file], { encoding: 'utf8' });
    const summary = report.split('\n').filter((l) => /^(?:entities|relationships)\s/.test(l));
    process.stdout.write(`== ${set}\n${summary.join('\n')}\n`);
    for (const line of report.split('\n')) {
      const m = ROW.exec(line);
      if (!m) continue;
      const key = `${m[1]}${m[2]}`;
      const t = totals.get(key) ?? [0, 0, 0];
      totals.set(key, [t[0] + Number(m[3]), t[1] + Number(m[4]), t[2] + Number(m[5])]);
    }
  }
} finally {
  MODELS.forEach((file, i) => writeFileSync(file, shipped[i]!));
}
process.stdout.write(`== ${sets.join(', ')} pooled, ${refit ? 'each refitted without it' : 'shipped models'} (graphs in ${out})\n`);
for (const [key, [tp, fp, fn]] of totals) {
  process.stdout.write(`${key.padEnd(18)} P=${(tp / (tp + fp || 1)).toFixed(3)} R=${(tp / (tp + fn || 1)).toFixed(3)} F1=${((2 * tp) / (2 * tp + fp + fn || 1)).toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn})\n`);
}
