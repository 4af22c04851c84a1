// Leave-one-set-out figures of the learned events step: for each blind set, the events model is fitted on every
// other annotated set and the set is extracted with it, the learned entity and relation steps on as shipped (they
// saw every set: the same leak is in any baseline run this way), and scored by ../shared/tools/score.mjs. The
// candidates are read once for all folds, with every fold's happening words: a candidate depends on the rules and
// its own head word only.
// node --import tsx api/learn/events-loso.ts [SET...]   (default: blind blind2 … blind10)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractArticle, mergeGraphs } from '../extract/index.ts';
import type { EventModel } from '../extract/learned/events.ts';
import { annotatedArticles, goldSets } from './corpus.ts';
import { collectCandidates, countHeads, fitEventModel, TRAINING } from './events.ts';

const SCORER = '../shared/tools/score.mjs';
const args = process.argv.slice(2).filter((a) => a !== '--');
const sets = args.length ? args : ['blind', 'blind2', 'blind3', 'blind4', 'blind5', 'blind6', 'blind7', 'blind8', 'blind9', 'blind10'];
const out = mkdtempSync(join(tmpdir(), 'events-loso-'));
const all = annotatedArticles();
const headsWithout = new Map(sets.map((set) => [set, countHeads(all.filter((a) => a.set !== set).map((a) => a.goldPath))]));
const candidates = collectCandidates(all, [...new Set([...headsWithout.values()].flat())]);

const totals = new Map<string, { tp: number; fp: number; fn: number }>();
const order: string[] = [];
function add(row: string): void {
  const m = /^(\s*)(\S+)\s.*\(tp (\d+), fp (\d+), fn (\d+)\)/.exec(row);
  if (!m) return;
  const key = `${m[1]}${m[2]}`;
  if (!totals.has(key)) order.push(key);
  const t = totals.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  t.tp += Number(m[3]);
  t.fp += Number(m[4]);
  t.fn += Number(m[5]);
  totals.set(key, t);
}

function score(set: string, model: EventModel): string {
  const graphs = annotatedArticles({ only: [set] }).map((a) => extractArticle({ content: readFileSync(a.textPath, 'utf8'), format: 'text', file: a.file }, { eventModel: model }));
  const file = join(out, `${set}.json`);
  writeFileSync(file, JSON.stringify(mergeGraphs(graphs)));
  return execFileSync('node', [SCORER, goldSets().get(set)!, file], { encoding: 'utf8' });
}

for (const set of sets) {
  const heads = headsWithout.get(set)!;
  const { model, outOfFold } = fitEventModel(candidates.filter((a) => a.set !== set), heads, { ...TRAINING, ...(process.env.L2 && { l2: Number(process.env.L2) }), ...(process.env.EPOCHS && { epochs: Number(process.env.EPOCHS) }) });
  const report = score(set, model);
  const lines = report.split('\n').filter((l) => /\(tp /.test(l));
  process.stdout.write(`== ${set}: threshold ${model.threshold}, ${model.perArticle} per article, out-of-fold Event F1 ${outOfFold.f1.toFixed(3)}\n${lines.filter((l) => /^(?:entities|relationships|\s+(?:Event|PARTICIPATED_IN)\s)/.test(l)).join('\n')}\n`);
  lines.forEach(add);
}
process.stdout.write(`== ${sets.join(', ')} pooled\n`);
for (const key of order) {
  const { tp, fp, fn } = totals.get(key)!;
  process.stdout.write(`${key.padEnd(18)} P=${(tp / (tp + fp || 1)).toFixed(3)} R=${(tp / (tp + fn || 1)).toFixed(3)} F1=${((2 * tp) / (2 * tp + fp + fn || 1)).toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn})\n`);
}
