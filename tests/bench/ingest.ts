// Section 2: ingest speed into a throw-away bundled Neo4j: the project's pipeline (ingestStream in
// api/ingest/service.ts, as `npm run ingest` runs it: each batch extracted and resolved on a worker
// thread while the batch before is written in one writeGraph transaction), timed end to end with
// each stage's busy time; and, on a slice of the same
// articles, the project's writer against the tutorial-style naive writer (naive-writer.ts).
import type { GraphDocument } from '../../api/graph/schema.ts';
import { importOrSkip, type BenchContext } from './context.ts';
import { clearDatabase, clearLargeDatabase, graphCounts, startBenchNeo4j, type BenchNeo4j } from './neo4j.ts';
import { naiveWrite } from './naive-writer.ts';
import { loadCorpus, seconds, type CorpusText } from './support.ts';
import { threadCpuSeconds } from '../../neo4j/proc-stat.ts';

type WriteModule = typeof import('../../api/store/write.ts');
type IngestModule = typeof import('../../api/ingest/service.ts');
type PrepareModule = typeof import('../../api/ingest/prepare.ts');
type ResolveModule = typeof import('../../api/extract/resolve.ts');
type WarmUpModule = typeof import('../../api/store/warm-up.ts');
type ServerModule = typeof import('../../neo4j/server.ts');

const SECTION = 'ingest';
/** Articles per writeGraph transaction (`npm run ingest -- --batch 250`; the CLI's default is 25). */
export const BATCH = 250;

export interface Pipeline {
  extract(texts: CorpusText[]): GraphDocument;
  write(db: BenchNeo4j, doc: GraphDocument): Promise<{ relationshipsCreated: number; nodesCreated: number }>;
}

export async function loadPipeline(): Promise<Pipeline> {
  const { extractBatch } = await importOrSkip<PrepareModule>('../../api/ingest/prepare.ts', 'the ingest service');
  const { writeGraph } = await importOrSkip<WriteModule>('../../api/store/write.ts', 'the store');
  const { aliasKeys } = await importOrSkip<ResolveModule>('../../api/extract/resolve.ts', 'resolution');
  return {
    extract: (texts) => {
      const { doc, failed } = extractBatch(texts.map((t) => ({ content: t.content, format: 'text' as const, file: t.file })));
      if (!doc) throw new Error(`no article of the slice could be extracted: ${failed.map((f) => f.reason).join('; ')}`);
      return doc;
    },
    write: async (db, doc) => (await writeGraph(db.conn, doc, aliasKeys)).changes,
  };
}

export interface IngestTiming {
  articles: number;
  /** Wall time, extraction and writes overlapping. */
  totalSeconds: number;
  /** Time the extraction thread was busy. */
  extractSeconds: number;
  /** Time spent in writeGraph. */
  writeSeconds: number;
  /** CPU seconds of the Neo4j server (all its threads: queries, commits, JIT, GC) during the ingest. */
  neo4jCpuSeconds: number;
  /** CPU seconds of the bench's main thread (writeGraph's rows, the driver, receiving the extracted batches). */
  mainThreadCpuSeconds: number;
  relationshipsCreated: number;
  nodesCreated: number;
}

/**
 * Ingests texts through api/store/ingest.ts ingestStream (what `npm run ingest` runs: extraction on
 * a worker thread one batch ahead of the writes); `progress` is called after each batch. With
 * `capSeconds`, no batch starts after the cap (timing.articles says how many were ingested).
 */
export async function ingestAll(
  db: BenchNeo4j, texts: CorpusText[], opts: { progress?: (done: number) => void; capSeconds?: number } = {},
): Promise<IngestTiming> {
  const { ingestStream } = await importOrSkip<IngestModule>('../../api/ingest/service.ts', 'the ingest service');
  const { cpuSeconds } = await importOrSkip<ServerModule>('../../neo4j/server.ts', 'the bundled Neo4j launcher');
  const timing: IngestTiming = { articles: 0, totalSeconds: 0, extractSeconds: 0, writeSeconds: 0, neo4jCpuSeconds: 0, mainThreadCpuSeconds: 0, relationshipsCreated: 0, nodesCreated: 0 };
  const neo4jCpuBefore = cpuSeconds(db.server.pid) ?? 0;
  const mainCpuBefore = mainThreadCpuSeconds();
  const started = performance.now();
  function* batches() {
    for (let i = 0; i < texts.length; i += BATCH) {
      if (opts.capSeconds !== undefined && seconds(started) > opts.capSeconds) return;
      yield { inputs: texts.slice(i, i + BATCH).map((t) => ({ content: t.content, format: 'text' as const, file: t.file })), failed: [] };
    }
  }
  const times = await ingestStream(db.conn, batches(), (result, inputs) => {
    timing.relationshipsCreated += result.changes.relationshipsCreated;
    timing.nodesCreated += result.changes.nodesCreated;
    timing.articles += inputs;
    opts.progress?.(timing.articles);
  });
  const neo4jCpuSeconds = (cpuSeconds(db.server.pid) ?? 0) - neo4jCpuBefore;
  return { ...timing, ...times, totalSeconds: seconds(started), neo4jCpuSeconds, mainThreadCpuSeconds: mainThreadCpuSeconds() - mainCpuBefore };
}

/** CPU seconds of the calling (main) thread alone: process.cpuUsage() would add the extraction thread's. */
const mainThreadCpuSeconds = () => threadCpuSeconds() ?? 0;

/** The full run stops ingesting after this long and projects the 10k time from the rate so far. */
const FULL_CAP_SECONDS = 480;
const TARGET_SECONDS_10K = 60;

/** The end-to-end rows of one ingest of `count` articles; `how` says which server it ran on. */
function reportIngest(ctx: BenchContext, label: string, how: string, timing: IngestTiming, count: number): void {
  const total = timing.totalSeconds;
  const rate = timing.articles / total;
  if (ctx.quick) {
    ctx.report.info(SECTION, `${label} end to end (extract + write)${how}`, total, 's', `10k at this rate: ${Math.round(10_000 / rate)} s (target ≤ ${TARGET_SECONDS_10K} s, full run)`);
  } else if (timing.articles === count) {
    ctx.report.target(SECTION, `${label} end to end (extract + write)${how}`, total, 's', TARGET_SECONDS_10K, false, 's');
  } else {
    ctx.report.target(SECTION, `10k end to end${how}, projected from ${timing.articles} in ${Math.round(total)} s`, 10_000 / rate, 's', TARGET_SECONDS_10K, false, 's');
    ctx.note(SECTION, `ingest${how} stopped after the ${FULL_CAP_SECONDS} s cap at ${timing.articles}/${count} articles; the 10k time is projected linearly from that rate (optimistic: writes slow down as the graph grows)`);
  }
  ctx.report.target(SECTION, `${label} ingest rate${how}`, rate, 'articles/s', 10_000 / TARGET_SECONDS_10K, true, 'articles/s (10k in 60 s)');
  ctx.report.info(SECTION, `${label} relationships/s${how}`, timing.relationshipsCreated / total, 'relationships/s', `${timing.relationshipsCreated} relationships created`);
  ctx.report.info(SECTION, `${label} extraction thread busy, share of wall time${how}`, (100 * timing.extractSeconds) / total, '%', `extraction thread busy ${timing.extractSeconds.toFixed(1)} s, writes ${timing.writeSeconds.toFixed(1)} s, overlapping, in ${total.toFixed(1)} s wall (batches of ${BATCH})`);
  ctx.report.info(SECTION, `${label} Neo4j CPU${how}`, timing.neo4jCpuSeconds, 's', `all of the server's threads (queries, commits, JIT, GC) during the ingest; the main thread (writeGraph's rows, the driver, receiving the extracted batches) ${timing.mainThreadCpuSeconds.toFixed(1)} s of CPU`);
}

/**
 * The same ingest on a fresh server that ran `npm start`'s warm-up first (api/store/warm-up.ts: the write
 * statements over synthetic batches, rolled back), as the server `npm start` launches does before anyone
 * ingests. Its own rows say so, with what the warm-up cost and a row that adds it, for a user who would wait for it.
 */
async function benchWarmedUpAtStart(ctx: BenchContext, texts: CorpusText[]): Promise<void> {
  const { warmUpWrites } = await importOrSkip<WarmUpModule>('../../api/store/warm-up.ts', 'the write warm-up');
  const { aliasKeys } = await importOrSkip<ResolveModule>('../../api/extract/resolve.ts', 'resolution');
  const { cpuSeconds } = await importOrSkip<ServerModule>('../../neo4j/server.ts', 'the bundled Neo4j launcher');
  const db = await startBenchNeo4j();
  try {
    const cpuBefore = cpuSeconds(db.server.pid);
    const warmUp = await warmUpWrites(db.conn, aliasKeys);
    const cpu = (cpuSeconds(db.server.pid) ?? 0) - (cpuBefore ?? 0);
    const timing = await ingestAll(db, texts, { capSeconds: ctx.quick ? undefined : FULL_CAP_SECONDS });
    const how = ', server warmed up at start';
    const label = ctx.quick ? `${timing.articles} articles` : timing.articles < texts.length ? `${timing.articles} of 10k` : '10k';
    reportIngest(ctx, label, how, timing, texts.length);
    ctx.report.info(SECTION, `server warm-up at start (${warmUp.rounds} rounds of 2 × ${warmUp.articles} synthetic articles, rolled back)`, warmUp.ms / 1000, 's', `Neo4j CPU ${cpu.toFixed(1)} s; runs once, right after the server starts (npm start)`);
    const withWarmUp = timing.totalSeconds + warmUp.ms / 1000;
    if (!ctx.quick && timing.articles === texts.length) {
      ctx.report.target(SECTION, `${label} end to end${how}, warm-up included`, withWarmUp, 's', TARGET_SECONDS_10K, false, 's');
    } else {
      ctx.report.info(SECTION, `${label} end to end${how}, warm-up included`, withWarmUp, 's', 'when the first ingest waits for the warm-up');
    }
  } finally {
    await db.stop();
  }
}

export async function benchIngest(ctx: BenchContext): Promise<void> {
  const texts = ctx.quick ? loadCorpus(1000).slice(0, 80) : loadCorpus(10_000);
  const count = texts.length;
  const pipeline = await loadPipeline();
  await benchWarmedUpAtStart(ctx, texts);
  const db = await startBenchNeo4j();
  let keep = false;
  try {
    // Same slice, same empty database, same constraints. Each writer is warmed on other articles
    // right before its measured write (query planning and JIT are not what is compared: emptying
    // the database makes Neo4j replan a query first run more than 10 s after it was planned).
    const slice = texts.slice(0, ctx.quick ? 3 : 20);
    const sliceDoc = pipeline.extract(slice);
    const warmUp = pipeline.extract(texts.slice(-12, -2));
    await pipeline.write(db, warmUp);
    await clearDatabase(db.conn);
    let started = performance.now();
    const ours = await pipeline.write(db, sliceDoc);
    const oursSeconds = seconds(started);
    await clearDatabase(db.conn);
    await naiveWrite(db.conn, pipeline.extract(texts.slice(-2)));
    await clearDatabase(db.conn);
    started = performance.now();
    const naive = await naiveWrite(db.conn, sliceDoc);
    const naiveSeconds = seconds(started);
    await clearDatabase(db.conn);
    ctx.report.info(SECTION, `naive writer, ${slice.length} articles`, naive.relationshipsCreated / naiveSeconds, 'relationships/s', `${naive.queries} auto-commit queries in ${naiveSeconds.toFixed(1)} s`);
    ctx.report.info(SECTION, `writeGraph, same ${slice.length} articles`, ours.relationshipsCreated / oursSeconds, 'relationships/s', `1 transaction in ${oursSeconds.toFixed(2)} s`);
    // One transaction into an emptied database includes planning its queries again: a floor, not the rate.
    ctx.report.info(SECTION, 'writeGraph speed / naive writer (same slice, one transaction)', naiveSeconds / oursSeconds, '×', 'includes replanning every write query on the emptied store');

    const progress = (done: number) => process.stderr.isTTY && process.stderr.write(`\r[bench] ingest ${done}/${count}`);
    const timing = await ingestAll(db, texts, { capSeconds: ctx.quick ? undefined : FULL_CAP_SECONDS, progress });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const rate = timing.articles / timing.totalSeconds;
    ctx.ingestRate = rate;
    const label = ctx.quick ? `${timing.articles} articles` : timing.articles < count ? `${timing.articles} of 10k` : '10k';
    reportIngest(ctx, label, '', timing, count);
    const naiveRate = naive.relationshipsCreated / naiveSeconds;
    // The naive writer would take hours for the whole corpus, so its rate comes from its slice.
    ctx.report.target(SECTION, `${label} writeGraph relationships/s (writes only) / naive writer`, timing.relationshipsCreated / timing.writeSeconds / naiveRate, '×', 20, true, `× (naive ${naiveRate.toFixed(0)} relationships/s on its slice of the same corpus)`);
    let graphArticles = timing.articles;
    if (!ctx.quick) {
      // A server started by `npm start` is long-lived: its JVM has compiled Neo4j's hot code (about half of a fresh
      // server's CPU over the first 3,000 articles) before the next ingest. The same 10k again on this server,
      // emptied, is that case; the fresh-server row above stays the target's first measure.
      await clearLargeDatabase(db.conn);
      const warm = await ingestAll(db, texts, { capSeconds: FULL_CAP_SECONDS, progress });
      if (process.stderr.isTTY) process.stderr.write('\n');
      const warmLabel = warm.articles < count ? `${warm.articles} of 10k` : '10k';
      reportIngest(ctx, warmLabel, ', warmed server', warm, count);
      ctx.note(SECTION, 'warmed server: the same server ingests the same 10k again after its database is emptied (its JIT has compiled Neo4j during the fresh run, as a long-running `npm start` server has); the fresh-server rows are the first ingest on a new server');
      graphArticles = warm.articles;
    }
    const counts = await graphCounts(db.conn);
    ctx.note(SECTION, `${graphArticles}-article graph: ${counts.entities} entities, ${counts.articles} articles, ${counts.facts} fact relationships, ${counts.mentions} MENTIONS, ${counts.other} other (alias keys)`);
    // The path and API sections run on this graph unless a 100k graph has been built.
    ctx.graph = { db, articles: graphArticles };
    keep = true;
  } finally {
    if (!keep) await db.stop();
  }
}
