// A screen of ways to fit the learned relation step, before the pipeline's leave-one-set-out judges the best: for
// each held set, the relation models are fitted on every other set with each variant, the set is extracted with
// them (the shipped events and entity models on both sides: fair only for sets those never saw) and scored by
// ../shared/tools/score.mjs; rows pooled over the held sets. The articles are read once.
// node --import tsx api/learn/relations-screen.ts SET...
// VARIANTS='[["name", {"foldBySet": true}], …]' (fields of RelationTraining, TRAINING's where not given)
// ADJUSTS='[["VISITED 0.35", {"thresholds": {"VISITED": 0.35}}], ["+0.1", {"shift": 0.1}]]' also scores each variant's
// models with thresholds set by hand (a type's) or raised (every type's), refitting nothing
// EXAMPLES=FILE keeps the examples read in a file and reads them from it next time (while rules, models and corpus stay)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractArticle, mergeGraphs } from '../extract/index.ts';
import type { LearnedType, RelationModels } from '../extract/learned/relations.ts';
import { annotatedArticles, goldSets } from './corpus.ts';
import { relationExamples, trainRelations, TRAINING, type RelationExamples, type RelationTraining } from './relations.ts';

interface Adjust {
  thresholds?: Partial<Record<LearnedType, number>>;
  shift?: number;
}

const SCORER = '../shared/tools/score.mjs';
const sets = process.argv.slice(2).filter((a) => a !== '--');
const fits: [string, RelationTraining][] = process.env.VARIANTS ? JSON.parse(process.env.VARIANTS) : [['train.ts (TRAINING)', {}]];
const adjusts: [string, Adjust][] = [['', {}], ...(process.env.ADJUSTS ? (JSON.parse(process.env.ADJUSTS) as [string, Adjust][]) : [])];
const variants = fits.flatMap(([name, training]) => adjusts.map(([a, adjust]) => ({ name: a ? `${name}, ${a}` : name, training, adjust })));
const out = mkdtempSync(join(tmpdir(), 'relations-screen-'));
const ROW = /^\s*(\S+)\s+P=\S+ R=\S+ F1=\S+\s+\(tp (\d+), fp (\d+), fn (\d+)\)/;
type Counts = [number, number, number];

function readExamples(): RelationExamples {
  const cache = process.env.EXAMPLES;
  if (cache && existsSync(cache)) {
    const saved = JSON.parse(readFileSync(cache, 'utf8')) as { examples: RelationExamples['examples']; missed: [string, [LearnedType, number][]][] };
    return { examples: saved.examples, missed: new Map(saved.missed.map(([k, v]) => [k, new Map(v)])) };
  }
  const read = relationExamples(annotatedArticles());
  if (cache) writeFileSync(cache, JSON.stringify({ examples: read.examples, missed: [...read.missed].map(([k, v]) => [k, [...v]]) }));
  return read;
}

/** The score rows of a set extracted with the given relation models. */
function score(set: string, models: RelationModels, name: string): Map<string, Counts> {
  const graphs = annotatedArticles({ only: [set] }).map((a) => extractArticle({ content: readFileSync(a.textPath, 'utf8'), format: 'text', file: a.file }, { relations: models }));
  const file = join(out, `${set}-${name}.json`);
  writeFileSync(file, JSON.stringify(mergeGraphs(graphs)));
  const rows = new Map<string, Counts>();
  for (const line of execFileSync('node', [SCORER, goldSets().get(set)!, file], { encoding: 'utf8' }).split('\n')) {
    const m = ROW.exec(line);
    if (m) rows.set(m[1]!, [Number(m[2]), Number(m[3]), Number(m[4])]);
  }
  return rows;
}

function adjusted(models: RelationModels, v: Adjust): RelationModels {
  return {
    models: Object.fromEntries(
      Object.entries(models.models).map(([type, m]) => [type, { ...m, threshold: Math.min(1, v.thresholds?.[type as LearnedType] ?? m.threshold + (v.shift ?? 0)) }]),
    ),
  };
}

const f1 = ([tp, fp, fn]: Counts) => (2 * tp) / (2 * tp + fp + fn || 1);
const all = readExamples();
const only = (keep: (article: string) => boolean): RelationExamples => ({
  examples: all.examples.filter((e) => keep(e.article)),
  missed: new Map([...all.missed].filter(([article]) => keep(article))),
});
const pooled = variants.map(() => new Map<string, Counts>());
for (const set of sets) {
  const training = only((article) => !article.startsWith(`${set}/`));
  const fitted = new Map<RelationTraining, RelationModels>();
  variants.forEach(({ name, training: options, adjust }, i) => {
    const models = adjusted(fitted.get(options) ?? fitted.set(options, trainRelations(training, { ...TRAINING, ...options })).get(options)!, adjust);
    const rows = score(set, models, `v${i}`);
    const thresholds = Object.entries(models.models).map(([t, m]) => `${t} ${m.threshold}`).join(', ');
    process.stdout.write(`${set} ${i} ${name}: entities ${f1(rows.get('entities')!).toFixed(3)} relationships ${f1(rows.get('relationships')!).toFixed(3)} (${thresholds})\n`);
    for (const [key, c] of rows) {
      const s = pooled[i]!.get(key) ?? [0, 0, 0];
      pooled[i]!.set(key, [s[0] + c[0], s[1] + c[1], s[2] + c[2]]);
    }
  });
}
process.stdout.write(`== pooled over ${sets.join(', ')} (graphs in ${out})\n`);
const KEYS = ['entities', 'relationships', 'Event', 'PARTICIPATED_IN', 'VISITED', 'MET_WITH', 'SISTER_CITY_OF', 'LOCATED_IN', 'HOLDS_POSITION'];
process.stdout.write(`${'variant'.padEnd(40)} ${KEYS.map((k) => k.slice(0, 14).padStart(14)).join(' ')}\n`);
variants.forEach(({ name }, i) => {
  const rows = pooled[i]!;
  process.stdout.write(`${`${i} ${name}`.slice(0, 40).padEnd(40)} ${KEYS.map((k) => (rows.has(k) ? f1(rows.get(k)!).toFixed(3) : '-').padStart(14)).join(' ')}\n`);
  for (const k of ['relationships', 'VISITED', 'MET_WITH', 'PARTICIPATED_IN', 'SISTER_CITY_OF']) {
    const c = rows.get(k);
    if (c) process.stdout.write(`    ${k.padEnd(16)} tp ${c[0]}, fp ${c[1]}, fn ${c[2]}\n`);
  }
});
