// Leave-one-set-out figures of the learned relation step: for each blind set, the relation models are fitted on
// every other annotated set and the set is extracted with them (the shipped event and entity models, which saw
// it, on both sides) and scored by ../shared/tools/score.mjs; the rows are summed over the sets (pooled).
// The articles are read once; each variant (a list of the types the step decides) is fitted on the same examples.
// node --import tsx api/learn/relations-loso.ts [SET...]   (default: blind … blind10)
// VARIANTS="VISITED,MET_WITH,PARTICIPATED_IN,SISTER_CITY_OF;…" (default: the shipped types)
// EXCEPT="blind24,blind25" leaves these sets out of every fold's training (a group judged apart)
// SHIFTS="0,0.1,0.2" also scores each variant with every threshold raised by these (the precision/recall trade)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractArticle, mergeGraphs } from '../extract/index.ts';
import { DECIDED_TYPES, LEARNED_TYPES, type LearnedType, type RelationModels } from '../extract/learned/relations.ts';
import { annotatedArticles, goldSets } from './corpus.ts';
import { relationExamples, trainRelations, TRAINING, type RelationExamples } from './relations.ts';

const SCORER = '../shared/tools/score.mjs';
const args = process.argv.slice(2).filter((a) => a !== '--');
const sets = args.length ? args : ['blind', 'blind2', 'blind3', 'blind4', 'blind5', 'blind6', 'blind7', 'blind8', 'blind9', 'blind10'];
const variants: LearnedType[][] = (process.env.VARIANTS ?? DECIDED_TYPES.join(','))
  .split(';')
  .map((v) => v.split(',').filter((t): t is LearnedType => (LEARNED_TYPES as readonly string[]).includes(t)));
const shifts = (process.env.SHIFTS ?? '0').split(',').map(Number);
const out = mkdtempSync(join(tmpdir(), 'relations-loso-'));
const ROW = /^\s*(\S+)\s+P=\S+ R=\S+ F1=\S+\s+\(tp (\d+), fp (\d+), fn (\d+)\)/;

/** The score rows of a set extracted with the given relation models (null: the rules alone). */
function score(set: string, models: RelationModels | null, name: string): Map<string, [number, number, number]> {
  const graphs = annotatedArticles({ only: [set] }).map((a) => extractArticle({ content: readFileSync(a.textPath, 'utf8'), format: 'text', file: a.file }, { relations: models }));
  const file = join(out, `${set}-${name}.json`);
  writeFileSync(file, JSON.stringify(mergeGraphs(graphs)));
  const rows = new Map<string, [number, number, number]>();
  for (const line of execFileSync('node', [SCORER, goldSets().get(set)!, file], { encoding: 'utf8' }).split('\n')) {
    const m = ROW.exec(line);
    if (m) rows.set(m[1]!, [Number(m[2]), Number(m[3]), Number(m[4])]);
  }
  return rows;
}

const f1 = ([tp, fp, fn]: [number, number, number]) => (2 * tp) / (2 * tp + fp + fn || 1);
const line = (key: string, c: [number, number, number]) =>
  `  ${key.padEnd(18)} P=${(c[0] / (c[0] + c[1] || 1)).toFixed(3)} R=${(c[0] / (c[0] + c[2] || 1)).toFixed(3)} F1=${f1(c).toFixed(3)}  (tp ${c[0]}, fp ${c[1]}, fn ${c[2]})\n`;

const except = (process.env.EXCEPT ?? '').split(',').filter(Boolean);
const all = relationExamples(annotatedArticles({ except }));
const only = (keep: (article: string) => boolean): RelationExamples => ({
  examples: all.examples.filter((e) => keep(e.article)),
  missed: new Map([...all.missed].filter(([article]) => keep(article))),
});
const names = ['rules', ...variants.flatMap((v) => shifts.map((d) => `${v.join('+')}${d ? ` threshold +${d}` : ''}`))];
const shifted = (models: RelationModels, d: number): RelationModels => ({
  models: Object.fromEntries(Object.entries(models.models).map(([type, m]) => [type, { ...m, threshold: Math.min(1, m.threshold + d) }])),
});
const pooled = new Map<string, Map<string, [number, number, number]>>(names.map((n) => [n, new Map()]));
for (const set of sets) {
  const inSet = (article: string) => article.startsWith(`${set}/`);
  const training = only((article) => !inSet(article));
  const results = new Map<string, Map<string, [number, number, number]>>([['rules', score(set, null, 'rules')]]);
  variants.forEach((types, i) => {
    const models = trainRelations(training, TRAINING, types);
    shifts.forEach((d, j) => results.set(names[1 + i * shifts.length + j]!, score(set, shifted(models, d), `v${i}-${j}`)));
  });
  process.stdout.write(`== ${set}\n`);
  for (const [name, rows] of results) {
    process.stdout.write(`  ${name}: entities ${f1(rows.get('entities')!).toFixed(3)} relationships ${f1(rows.get('relationships')!).toFixed(3)}\n`);
    const sum = pooled.get(name)!;
    for (const [key, c] of rows) {
      const s = sum.get(key) ?? [0, 0, 0];
      sum.set(key, [s[0] + c[0], s[1] + c[1], s[2] + c[2]]);
    }
  }
}
process.stdout.write(`== pooled over ${sets.join(', ')}\n`);
for (const [name, rows] of pooled) {
  process.stdout.write(`-- ${name}\n`);
  for (const [key, c] of rows) process.stdout.write(line(key, c));
}
