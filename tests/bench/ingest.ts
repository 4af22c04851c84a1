// Section 2: ingest speed into a throw-away bundled Neo4j: the project's pipeline (extract each
// article, resolve the batch with mergeGraphs, one writeGraph transaction per batch, which is
// what api/store/ingest.ts ingestBatch does), timed per stage; and, on a slice of the same
// articles, the project's writer against the tutorial-style naive writer (naive-writer.ts).
import type { GraphDocument } from '../../api/graph/schema.ts';
import { importOrSkip, need, type BenchContext } from './context.ts';
import { clearDatabase, graphCounts, startBenchNeo4j, type BenchNeo4j } from './neo4j.ts';
import { naiveWrite } from './naive-writer.ts';
import { loadCorpus, seconds, type CorpusText } from './support.ts';

interface ExtractModule {
  extractArticle?: (input: { content: string; format: 'text'; file?: string }) => GraphDocument;
  mergeGraphs?: (docs: GraphDocument[]) => GraphDocument;
}
type WriteModule = typeof import('../../api/store/write.ts');

const SECTION = 'ingest';
/** Articles per writeGraph transaction (the ingest CLI's batch size). */
export const BATCH = 250;

export interface Pipeline {
  extract(texts: CorpusText[]): GraphDocument;
  write(db: BenchNeo4j, doc: GraphDocument): Promise<{ relationshipsCreated: number; nodesCreated: number }>;
}

export async function loadPipeline(): Promise<Pipeline> {
  const extraction = await importOrSkip<ExtractModule>('../../api/extract/index.ts', 'extraction');
  const { writeGraph } = await importOrSkip<WriteModule>('../../api/store/write.ts', 'the store');
  const extractArticle = need(extraction.extractArticle, 'extractArticle');
  const mergeGraphs = need(extraction.mergeGraphs, 'mergeGraphs');
  return {
    extract: (texts) => {
      const docs = texts.map((t) => extractArticle({ content: t.content, format: 'text', file: t.file }));
      return docs.length === 1 ? docs[0]! : mergeGraphs(docs);
    },
    write: async (db, doc) => (await writeGraph(db.conn, doc)).changes,
  };
}

export interface IngestTiming {
  articles: number;
  extractSeconds: number;
  writeSeconds: number;
  relationshipsCreated: number;
  nodesCreated: number;
}

/** Ingests texts batch by batch; `progress` is called after each batch. */
export async function ingestAll(db: BenchNeo4j, pipeline: Pipeline, texts: CorpusText[], progress?: (done: number) => void): Promise<IngestTiming> {
  const timing: IngestTiming = { articles: texts.length, extractSeconds: 0, writeSeconds: 0, relationshipsCreated: 0, nodesCreated: 0 };
  for (let i = 0; i < texts.length; i += BATCH) {
    const started = performance.now();
    const doc = pipeline.extract(texts.slice(i, i + BATCH));
    timing.extractSeconds += seconds(started);
    const writeStarted = performance.now();
    const changes = await pipeline.write(db, doc);
    timing.writeSeconds += seconds(writeStarted);
    timing.relationshipsCreated += changes.relationshipsCreated;
    timing.nodesCreated += changes.nodesCreated;
    progress?.(Math.min(texts.length, i + BATCH));
  }
  return timing;
}

export async function benchIngest(ctx: BenchContext): Promise<void> {
  const texts = ctx.quick ? loadCorpus(1000).slice(0, 300) : loadCorpus(10_000);
  const count = texts.length;
  const pipeline = await loadPipeline();
  const db = await startBenchNeo4j();
  let keep = false;
  try {
    // Same slice, same empty database, same constraints: naive writer first, then ours. Both are
    // warmed first on other articles (query planning and JIT are not what is compared).
    const slice = texts.slice(0, ctx.quick ? 8 : 30);
    const sliceDoc = pipeline.extract(slice);
    await naiveWrite(db.conn, pipeline.extract(texts.slice(-2)));
    await pipeline.write(db, pipeline.extract(texts.slice(-40, -2)));
    await clearDatabase(db.conn);
    let started = performance.now();
    const naive = await naiveWrite(db.conn, sliceDoc);
    const naiveSeconds = seconds(started);
    await clearDatabase(db.conn);
    started = performance.now();
    const ours = await pipeline.write(db, sliceDoc);
    const oursSeconds = seconds(started);
    await clearDatabase(db.conn);
    ctx.report.info(SECTION, `naive writer, ${slice.length} articles`, naive.relationshipsCreated / naiveSeconds, 'relationships/s', `${naive.queries} auto-commit queries in ${naiveSeconds.toFixed(1)} s`);
    ctx.report.info(SECTION, `writeGraph, same ${slice.length} articles`, ours.relationshipsCreated / oursSeconds, 'relationships/s', `1 transaction in ${oursSeconds.toFixed(2)} s`);
    ctx.report.target(SECTION, 'writeGraph speed / naive writer (same slice)', naiveSeconds / oursSeconds, '×', 20, true, '×');

    const timing = await ingestAll(db, pipeline, texts, (done) => {
      if (process.stderr.isTTY) process.stderr.write(`\r[bench] ingest ${done}/${count}`);
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const total = timing.extractSeconds + timing.writeSeconds;
    const label = ctx.quick ? `${count} articles` : `${count / 1000}k`;
    if (count === 10_000) ctx.report.target(SECTION, `${label} end to end (extract + write)`, total, 's', 60, false, 's');
    else ctx.report.info(SECTION, `${label} end to end (extract + write)`, total, 's', 'target for 10k: ≤ 60 s (full run)');
    ctx.report.info(SECTION, `${label} ingest rate`, count / total, 'articles/s', `${(count / 60).toFixed(0)} articles/s would meet the 10k-in-60-s target`);
    ctx.report.info(SECTION, `${label} relationships/s`, timing.relationshipsCreated / total, 'relationships/s', `${timing.relationshipsCreated} relationships created`);
    ctx.report.info(SECTION, `${label} share of time in extraction`, (100 * timing.extractSeconds) / total, '%', `extract ${timing.extractSeconds.toFixed(1)} s, write ${timing.writeSeconds.toFixed(1)} s (batches of ${BATCH})`);
    const counts = await graphCounts(db.conn);
    ctx.note(SECTION, `${label} graph: ${counts.entities} entities, ${counts.articles} articles, ${counts.facts} fact relationships, ${counts.mentions} MENTIONS, ${counts.other} other (alias keys)`);
    const peak = db.peakRssMB();
    if (peak !== null) ctx.memory.push({ process: `Neo4j (ingest ${label})`, peakMB: peak, baseline: db.budget });
    if (ctx.quick) {
      // Quick mode runs the path and API sections on this graph instead of building another.
      ctx.graph = { db, articles: count };
      keep = true;
    }
  } finally {
    if (!keep) await db.stop();
  }
}
