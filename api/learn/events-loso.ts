// Leave-one-set-out figures of the learned events step: for each blind set, the model is fitted on every other
// annotated set and the set is extracted with it and with the rules only, both scored by ../shared/tools/score.mjs
// (the learned entity and relation steps off on both sides: their shipped models were fitted on every set).
// node --import tsx api/learn/events-loso.ts [SET...]   (default: blind blind2 blind3 blind4 blind5)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractArticle, mergeGraphs } from '../extract/index.ts';
import type { EventModel } from '../extract/learned/events.ts';
import { annotatedArticles, goldSets } from './corpus.ts';
import { trainEventModel } from './events.ts';

const SCORER = '../shared/tools/score.mjs';
const sets = process.argv.slice(2).filter((a) => a !== '--');
const out = mkdtempSync(join(tmpdir(), 'events-loso-'));
const ROWS = /^(?:F1 |relationships|\s*(?:Event|PARTICIPATED_IN|LOCATED_IN)\s)/;

function score(set: string, model: EventModel | null): string[] {
  const graphs = annotatedArticles({ only: [set] }).map((a) => extractArticle({ content: readFileSync(a.textPath, 'utf8'), format: 'text', file: a.file }, { eventModel: model, entities: null, relations: null }));
  const file = join(out, `${set}-${model ? 'learned' : 'rules'}.json`);
  writeFileSync(file, JSON.stringify(mergeGraphs(graphs)));
  return execFileSync('node', [SCORER, goldSets().get(set)!, file], { encoding: 'utf8' }).split('\n').filter((l) => ROWS.test(l));
}

const totals = new Map<string, { tp: number; fp: number; fn: number }>();
function add(kind: string, row: string): void {
  const m = /^\s*(\S+)\s.*\(tp (\d+), fp (\d+), fn (\d+)\)/.exec(row);
  if (!m) return;
  const key = `${kind} ${m[1]}`;
  const t = totals.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  t.tp += Number(m[2]);
  t.fp += Number(m[3]);
  t.fn += Number(m[4]);
  totals.set(key, t);
}

for (const set of sets.length ? sets : ['blind', 'blind2', 'blind3', 'blind4', 'blind5']) {
  const { model, outOfFold, examples } = trainEventModel(annotatedArticles({ except: [set] }), { l2: Number(process.env.L2 ?? 1e-4), epochs: Number(process.env.EPOCHS ?? 30) });
  process.stdout.write(`== ${set}: fitted on the other sets (${examples} candidates, threshold ${model.threshold}, ${model.perArticle} per article, out-of-fold Event F1 ${outOfFold.f1.toFixed(3)})\n`);
  const rules = score(set, null);
  const learned = score(set, model);
  rules.forEach((r, i) => process.stdout.write(`  rules   ${r.trim()}\n  learned ${learned[i]!.trim()}\n`));
  for (const r of rules) add('rules  ', r);
  for (const r of learned) add('learned', r);
}
process.stdout.write('== all sets together\n');
for (const [key, { tp, fp, fn }] of [...totals].sort(([a], [b]) => (a.slice(8) < b.slice(8) ? -1 : a.slice(8) > b.slice(8) ? 1 : a < b ? 1 : -1))) {
  process.stdout.write(`  ${key.padEnd(24)} P=${(tp / (tp + fp)).toFixed(3)} R=${(tp / (tp + fn)).toFixed(3)} F1=${((2 * tp) / (2 * tp + fp + fn)).toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn})\n`);
}
