// npm run train -- [--except SET]... [--out FILE] [--only NAME]  fits the learned extraction steps on the
// annotated corpora (api/learn/corpus.ts) and writes their model files. The same corpora give the same files
// byte for byte; every step is refitted (each on its upstream steps' fresh models), --only NAME refits one.
// --except leaves a set out (to score a model on articles it was not fitted on); --out writes the model elsewhere
// than the shipped file (with --only when there are several trainers).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { annotatedArticles, type AnnotatedArticle } from '../learn/corpus.ts';
import { articleCandidates, fitEntityModel } from '../learn/entities.ts';
import { trainEventModel } from '../learn/events.ts';
import { placeExamples, trainPlaces } from '../learn/places.ts';
import { trainPositions } from '../learn/positions.ts';
import { relationExamples, trainRelations } from '../learn/relations.ts';

interface Trainer {
  name: string;
  /** where the model is shipped */
  file: string;
  train(articles: readonly AnnotatedArticle[]): unknown;
}

const TRAINERS: readonly Trainer[] = [
  // events first: the learned events step runs inside the rules' reading, before the entity and relation steps
  { name: 'events', file: 'api/extract/learned/events.json', train: (articles) => trainEventModel(articles).model },
  // entities next: the relation step is decided on the entities this one keeps
  { name: 'entities', file: 'api/extract/learned/entities.json', train: (articles) => fitEntityModel(articles.map(articleCandidates)) },
  // places before relations: the relation step reads the events' decided places
  { name: 'places', file: 'api/extract/learned/places.json', train: (articles) => trainPlaces(placeExamples(articles)) },
  { name: 'relations', file: 'api/extract/learned/relations.json', train: (articles) => trainRelations(relationExamples(articles)) },
  // the position reader runs last, on the rules' and the entity step's reading (not on the relation step's facts)
  { name: 'positions', file: 'api/extract/learned/positions.json', train: trainPositions },
];

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { except: { type: 'string', multiple: true }, out: { type: 'string' }, only: { type: 'string' } },
});
const articles = annotatedArticles({ except: values.except });
if (!articles.length) {
  process.stderr.write('no annotated article with its text under .corpus/: fetch the sets first (tests/corpus/*/SOURCES.md)\n');
  process.exit(2);
}
const trainers = TRAINERS.filter((t) => !values.only || t.name === values.only);
if (values.out && trainers.length > 1) {
  process.stderr.write('--out names one file: pick the trainer with --only NAME\n');
  process.exit(2);
}
if (trainers.length > 1) {
  // each step reads its upstream steps' models when its module loads: fit them one process after another, so
  // the entity step learns on the events model in place and the relation step on both
  for (const t of trainers) {
    const args = [...process.execArgv, process.argv[1]!, '--only', t.name, ...(values.except ?? []).flatMap((set) => ['--except', set])];
    execFileSync(process.execPath, args, { stdio: 'inherit' });
  }
} else {
  for (const t of trainers) {
    const model = t.train(articles);
    const file = values.out ?? t.file;
    writeFileSync(file, JSON.stringify(model, null, 1) + '\n');
    process.stderr.write(`${t.name}: ${articles.length} articles (${[...new Set(articles.map((a) => a.set))].join(', ')}) -> ${file}\n`);
  }
}
