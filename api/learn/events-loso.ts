// Leave-one-set-out figures of the learned events step: for each blind set, the model is fitted on every other
// annotated set and the set is extracted with it and with the rules only, both scored by ../shared/tools/score.mjs.
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
const ROWS = /^(?:F1 |\s*(?:Event|PARTICIPATED_IN|LOCATED_IN)\s)/;

function score(set: string, model: EventModel | null): string[] {
  const graphs = annotatedArticles({ only: [set] }).map((a) => extractArticle({ content: readFileSync(a.textPath, 'utf8'), format: 'text', file: a.file }, { eventModel: model }));
  const file = join(out, `${set}-${model ? 'learned' : 'rules'}.json`);
  writeFileSync(file, JSON.stringify(mergeGraphs(graphs)));
  return execFileSync('node', [SCORER, goldSets().get(set)!, file], { encoding: 'utf8' }).split('\n').filter((l) => ROWS.test(l));
}

for (const set of sets.length ? sets : ['blind', 'blind2', 'blind3', 'blind4', 'blind5']) {
  const { model, outOfFold, examples } = trainEventModel(annotatedArticles({ except: [set] }));
  process.stdout.write(`== ${set}: fitted on the other sets (${examples} candidates, threshold ${model.threshold}, ${model.perArticle} per article, out-of-fold Event F1 ${outOfFold.f1.toFixed(3)})\n`);
  const rules = score(set, null);
  const learned = score(set, model);
  rules.forEach((r, i) => process.stdout.write(`  rules   ${r.trim()}\n  learned ${learned[i]!.trim()}\n`));
}
