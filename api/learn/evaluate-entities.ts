// Leave-one-set-out figures of the learned entity step: for each blind set, the model is fitted on every
// other annotated set, the set is extracted with it and without it (rules only), and both graphs are scored
// by ../shared/tools/score.mjs. Prints a table; writes the graphs to --dir for inspection of totals.
// node --import tsx api/learn/evaluate-entities.ts [--sets blind,blind5] [--dir /tmp/ents] [--simulate-only] [--learned-only]
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument, mergeGraphs } from '../extract/index.ts';
import { DECIDED_LABELS, type EntityModel } from '../extract/learned/entities.ts';
import { annotatedArticles, goldSets } from './corpus.ts';
import { articleCandidates, fitEntityModel, simulate, sourceDocument, type ArticleCandidates, type FitOptions } from './entities.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sets = (option('--sets') ?? 'blind,blind2,blind3,blind4,blind5').split(',');
const dir = option('--dir') ?? '/tmp/ents-cv';
const simulateOnly = args.includes('--simulate-only');
// --learned-only: the rules-alone graphs are not extracted again (they do not depend on the entity model)
const learnedOnly = args.includes('--learned-only');
mkdirSync(dir, { recursive: true });
// --fit '{"l2":0.001}': training options to compare (FitOptions)
const fitOptions = JSON.parse(option('--fit') ?? '{}') as FitOptions;

const articles = annotatedArticles();
const data: ArticleCandidates[] = articles.map(articleCandidates);
const gold = goldSets();

interface Scores {
  entities: { f: number; p: number; r: number };
  entitiesByLabel: Record<string, { f: number; tp: number; fp: number; fn: number }>;
  relationships: { f: number };
}

function score(set: string, model: EntityModel | null, name: string): Scores {
  const docs = articles.filter((a) => a.set === set).map((a) => {
    const g = extractDocument(sourceDocument(a), { entities: model });
    for (const x of g.articles) x.file ??= a.file;
    return g;
  });
  const path = join(dir, `${set}-${name}.json`);
  writeFileSync(path, JSON.stringify(mergeGraphs(docs)));
  return JSON.parse(execFileSync('node', ['../shared/tools/score.mjs', gold.get(set)!, path, '--json'], { encoding: 'utf8' })) as Scores;
}

const fmt = (x: number) => x.toFixed(3);
const labels = [...DECIDED_LABELS, 'Event'];
console.log(`set      run      entities  rels   ${labels.map((l) => l.slice(0, 6).padStart(7)).join('')}`);
const pooled = { rules: { tp: 0, fp: 0, fn: 0 }, learned: { tp: 0, fp: 0, fn: 0 } };
for (const set of sets) {
  const model = fitEntityModel(data.filter((d) => d.article.set !== set), fitOptions);
  const held = data.filter((d) => d.article.set === set);
  const sim = simulate(held, model);
  if (simulateOnly) {
    console.log(`${set.padEnd(8)} simulated ${fmt(sim.f1)} (tp ${sim.tp} fp ${sim.fp} fn ${sim.fn})`);
    continue;
  }
  for (const [name, m] of learnedOnly ? ([['learned', model]] as const) : ([['rules', null], ['learned', model]] as const)) {
    const s = score(set, m, name);
    const e = s.entities as unknown as { tp: number; fp: number; fn: number };
    pooled[name].tp += e.tp;
    pooled[name].fp += e.fp;
    pooled[name].fn += e.fn;
    const byLabel = labels.map((l) => fmt(s.entitiesByLabel[l]?.f ?? 0).padStart(7)).join('');
    console.log(`${set.padEnd(8)} ${name.padEnd(8)} ${fmt(s.entities.f)}     ${fmt(s.relationships.f)}  ${byLabel}`);
  }
  console.log(`${set.padEnd(8)} simulated ${fmt(sim.f1)} (tp ${sim.tp} fp ${sim.fp} fn ${sim.fn}); thresholds ${DECIDED_LABELS.map((l) => `${l} ${model.labels[l].threshold}`).join(', ')}`);
}
if (!simulateOnly) {
  const f1 = (c: { tp: number; fp: number; fn: number }) => fmt((2 * c.tp) / (2 * c.tp + c.fp + c.fn));
  console.log(`pooled over ${sets.join(' ')}: entities rules ${f1(pooled.rules)} (tp ${pooled.rules.tp} fp ${pooled.rules.fp} fn ${pooled.rules.fn}), learned ${f1(pooled.learned)} (tp ${pooled.learned.tp} fp ${pooled.learned.fp} fn ${pooled.learned.fn})`);
}
