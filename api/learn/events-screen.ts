// A quick screen of ways to fit the learned events step, before the pipeline's leave-one-set-out judges the best:
// for each held set, the events model is fitted on every other set and its decisions on the held set's candidates
// are counted as the scorer would count them (simulate: the rules' own events plus the candidates kept), pooled over
// the held sets. No extraction runs after the candidates are read once (the learned entity and relation steps off),
// so a variant costs seconds; the figures are Event only and approximate the scorer's.
// node --import tsx api/learn/events-screen.ts [SET...]   (default: blind13 blind14 blind15)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { classifier } from '../extract/learned/linear.ts';
import { shippedEventModel, type EventModel } from '../extract/learned/events.ts';
import { annotatedArticles } from './corpus.ts';
import { collectCandidates, countHeads, fitEventModel, simulate, TRAINING, type ArticleCandidates, type FitOptions } from './events.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
const held = args.length ? args : ['blind13', 'blind14', 'blind15'];
const all = annotatedArticles();
const headsWithout = new Map(held.map((set) => [set, countHeads(all.filter((a) => a.set !== set).map((a) => a.goldPath))]));
const shipped = shippedEventModel();
// CANDIDATES=FILE keeps the candidates read in a file and reads them from it next time (while rules and corpus stay)
const cache = process.env.CANDIDATES;
const candidates: ArticleCandidates[] = cache && existsSync(cache) ? JSON.parse(readFileSync(cache, 'utf8')) : collectCandidates(all, [...new Set([...headsWithout.values(), shipped.heads].flat())]);
if (cache && !existsSync(cache)) writeFileSync(cache, JSON.stringify(candidates));

function scoreOn(set: string, model: EventModel, articles: readonly ArticleCandidates[]) {
  const heads = new Set(model.heads);
  const mine = articles.filter((a) => a.set === set).map((a) => ({ ...a, candidates: a.candidates.filter((c) => heads.has(c.head)) }));
  const decide = classifier(model);
  return simulate(mine, (i, j) => decide.probability(mine[i]!.candidates[j]!.features), model.threshold, model.perArticle);
}

function report(name: string, fit: (set: string) => { model: EventModel; articles: readonly ArticleCandidates[] }): void {
  const pooled = { tp: 0, fp: 0, fn: 0 };
  const per: string[] = [];
  for (const set of held) {
    const { model, articles } = fit(set);
    const s = scoreOn(set, model, articles);
    pooled.tp += s.tp;
    pooled.fp += s.fp;
    pooled.fn += s.fn;
    per.push(`${set} ${s.f1.toFixed(3)} (t ${model.threshold}, ${model.perArticle}/art)`);
  }
  const f1 = (2 * pooled.tp) / (2 * pooled.tp + pooled.fp + pooled.fn);
  process.stdout.write(`${name.padEnd(44)} Event F1 ${f1.toFixed(3)} (tp ${pooled.tp}, fp ${pooled.fp}, fn ${pooled.fn})  ${per.join('; ')}\n`);
}

report('shipped model (events.json)', () => ({ model: shipped, articles: candidates }));
report('rules only (no learned event)', () => ({ model: { ...shipped, perArticle: 0 }, articles: candidates }));
// the bound of the step: every candidate that matches a missed gold event kept, no other
report('oracle (candidates that match, all kept)', () => ({ model: { ...shipped, threshold: 0, perArticle: 99 }, articles: candidates.map((a) => ({ ...a, candidates: a.candidates.filter((c) => c.matches.length) })) }));
const VARIANTS: [string, FitOptions][] = [
  ['as the eighth session fitted it (l2 1e-4, 30 epochs, rate 0.2)', { ...TRAINING, l2: 1e-4, epochs: 30, rate: 0.2, meanOfFolds: false }],
  ['sets weigh the same', { ...TRAINING, balanced: true }],
  ['threshold on held sets', { ...TRAINING, foldBySet: true }],
  ['one fit on every article, not the folds\' mean', { ...TRAINING, meanOfFolds: false }],
  ['train.ts (api/learn/events.ts TRAINING)', TRAINING],
];
// VARIANTS='[["name", {"l2": 1e-3}], …]' screens those instead (fields of FitOptions; TRAINING's where not given)
const variants: [string, FitOptions][] = process.env.VARIANTS ? (JSON.parse(process.env.VARIANTS) as [string, FitOptions][]).map(([n, o]) => [n, { ...TRAINING, ...o }]) : VARIANTS;
variants.forEach(([name, options], k) => {
  report(`${k} ${name}`, (set) => ({ model: fitEventModel(candidates.filter((a) => a.set !== set), headsWithout.get(set)!, options).model, articles: candidates }));
});
