// npm run train -- [--except SET]...  fits the learned extraction steps on the annotated sets (api/learn/corpus.ts)
// and writes each model beside its code; --except leaves sets out (to score a model on articles it never saw).
import { writeFileSync } from 'node:fs';
import { annotatedArticles } from '../learn/corpus.ts';
import { trainEventModel } from '../learn/events.ts';
import type { AnnotatedArticle } from '../learn/corpus.ts';

interface Trainer {
  name: string;
  /** where the model is written */
  file: string;
  train(articles: readonly AnnotatedArticle[]): { model: unknown; summary: string };
}

const TRAINERS: readonly Trainer[] = [
  {
    name: 'events',
    file: 'api/extract/learned/events.json',
    train: (articles) => {
      const { model, outOfFold, examples } = trainEventModel(articles);
      return { model, summary: `${examples} candidates, ${model.heads.length} happening words, threshold ${model.threshold}, ${model.perArticle} per article; out-of-fold Event tp ${outOfFold.tp} fp ${outOfFold.fp} fn ${outOfFold.fn} F1 ${outOfFold.f1.toFixed(3)}` };
    },
  },
];

const args = process.argv.slice(2).filter((a) => a !== '--');
const except: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--except' && args[i + 1]) except.push(args[++i]!);
  else {
    process.stderr.write(`unknown argument: ${args[i]}\nusage: npm run train -- [--except SET]...\n`);
    process.exit(2);
  }
}
const articles = annotatedArticles({ except });
const sets = [...new Set(articles.map((a) => a.set))];
process.stdout.write(`${articles.length} annotated articles (${sets.join(', ')})\n`);
for (const t of TRAINERS) {
  const { model, summary } = t.train(articles);
  writeFileSync(t.file, JSON.stringify(model, null, 1) + '\n');
  process.stdout.write(`${t.name}: ${summary} -> ${t.file}\n`);
}
