// Section 1: extraction speed on one core (this process's main thread), over the synthetic
// corpus, with the gazetteer load measured separately and the compromise NER library as the
// baseline on the same texts.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { importOrSkip, need, type BenchContext } from './context.ts';
import { loadCorpus, seconds, totalBytes, type CorpusText } from './support.ts';

// The agreed interfaces (/tmp/team/interfaces.md §2), typed here so the bench typechecks and
// skips cleanly before extraction lands.
interface ExtractModule {
  extractArticle?: (input: { content: string; format: 'text'; file?: string }) => GraphDocument;
  mergeGraphs?: (docs: GraphDocument[]) => GraphDocument;
}
interface GazetteerModule {
  gazetteerStats?: () => { cities: number; loadMs: number; heapDeltaMB: number; fromCache?: boolean };
}

const SECTION = 'extract';

interface Throughput {
  articles: number;
  bytes: number;
  seconds: number;
}

function rate(t: Throughput) {
  return { articlesPerSecond: t.articles / t.seconds, mbPerSecond: t.bytes / 1e6 / t.seconds };
}

function timeExtraction(texts: CorpusText[], extract: (text: CorpusText) => unknown): Throughput {
  const started = performance.now();
  for (const t of texts) extract(t);
  return { articles: texts.length, bytes: totalBytes(texts), seconds: seconds(started) };
}

/** compromise's people, places and organizations: what a general-purpose JS NER gives. */
function compromiseExtractor(): (text: CorpusText) => number {
  const require = createRequire(import.meta.url);
  const nlp = require('compromise') as (text: string) => {
    people(): { out(kind: 'array'): string[] };
    places(): { out(kind: 'array'): string[] };
    organizations(): { out(kind: 'array'): string[] };
  };
  return (t) => {
    const doc = nlp(t.content);
    return doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length;
  };
}

export async function benchExtract(ctx: BenchContext): Promise<void> {
  // Quick mode: the first 300 articles of the 1k corpus, so the whole quick run stays near 2 minutes.
  const corpora = ctx.quick
    ? [{ label: '300 of 1k', texts: loadCorpus(1000).slice(0, 300) }]
    : [1000, 10_000].map((n) => ({ label: `${n / 1000}k`, texts: loadCorpus(n) }));

  // Baseline on a slice: compromise runs at a fraction of a MB/s, the whole corpus would take minutes.
  const slice = corpora[0]!.texts.slice(0, ctx.quick ? 60 : 300);
  const baseline = compromiseExtractor();
  timeExtraction(slice.slice(0, 5), baseline);
  const theirs = rate(timeExtraction(slice, baseline));
  ctx.report.info(SECTION, `compromise NER MB/s (${slice.length} articles)`, theirs.mbPerSecond, 'MB/s', 'baseline (issue 3: ~0.17 MB/s)');
  ctx.report.info(SECTION, `compromise NER articles/s (${slice.length} articles)`, theirs.articlesPerSecond, 'articles/s', 'baseline');

  const { extractArticle, mergeGraphs } = await importOrSkip<ExtractModule>('../../api/extract/index.ts', 'extraction');
  const { gazetteerStats } = await importOrSkip<GazetteerModule>('../../api/extract/gazetteer.ts', 'gazetteer');
  const extractOne = need(extractArticle, 'extractArticle');
  const extract = (t: CorpusText) => extractOne({ content: t.content, format: 'text', file: t.file });

  // The first article loads the gazetteer; its cost is reported on its own, not in the rates.
  const seed = readFileSync('seed/articles/shenyang-sasebo-mayor-exchange-day.txt', 'utf8');
  const heapBefore = process.memoryUsage().heapUsed;
  const warmStarted = performance.now();
  extractOne({ content: seed, format: 'text', file: 'seed.txt' });
  const firstMs = performance.now() - warmStarted;
  const gazetteer = need(gazetteerStats, 'gazetteerStats')();
  ctx.report.info(SECTION, 'gazetteer load (once)', gazetteer.loadMs, 'ms', `${gazetteer.cities} cities${gazetteer.fromCache ? ', read from its cache' : ', built'}; first article incl. load ${Math.round(firstMs)} ms`);
  ctx.report.info(SECTION, 'gazetteer heap', gazetteer.heapDeltaMB, 'MB', `process heap +${Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6)} MB after first article`);

  // Warm the JIT on a slice before timing, as a long-running ingest would be.
  timeExtraction(corpora[0]!.texts.slice(0, 50), extract);

  for (const { label, texts } of corpora) {
    const docs: GraphDocument[] = [];
    const started = performance.now();
    for (const t of texts) docs.push(extract(t));
    const r = rate({ articles: texts.length, bytes: totalBytes(texts), seconds: seconds(started) });
    ctx.report.target(SECTION, `${label} articles/s, extractArticle`, r.articlesPerSecond, 'articles/s', 200, true);
    ctx.report.target(SECTION, `${label} MB/s, extractArticle`, r.mbPerSecond, 'MB/s', 1, true);
    if (mergeGraphs) {
      const mergeStarted = performance.now();
      const merged = mergeGraphs(docs);
      const s = seconds(mergeStarted);
      ctx.report.info(SECTION, `${label} resolution across articles (mergeGraphs)`, s, 's', `${merged.nodes.length} nodes, ${merged.relationships.length} relationships from ${texts.length} articles`);
    }
  }

  const ours = rate(timeExtraction(slice, extract));
  ctx.report.target(SECTION, `extractArticle / compromise speed (same ${slice.length})`, ours.mbPerSecond / theirs.mbPerSecond, '×', 3, true, '× (several times)');
  ctx.memory.push({ process: 'bench process (extraction)', peakMB: process.resourceUsage().maxRSS / 1024, baseline: `corpus texts held in memory: ${Math.round(totalBytes(corpora.at(-1)!.texts) / 1e6)} MB` });
}
