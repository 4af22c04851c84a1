// The extraction half of bulk seeding (npm run ingest -- --bulk): one ExtractionThread per core
// running the same extractBatch as incremental ingest, the batches added in input order to a
// BulkGraph (store/bulk-graph.ts), so the result does not depend on which thread finished first.
import { availableParallelism } from 'node:os';
import { threadCpuSeconds } from '../../neo4j/proc-stat.ts';
import { aliasKeys } from '../extract/resolve.ts';
import { BulkGraph, type ArticleSink, type BulkBatchResult } from '../store/bulk-graph.ts';
import { ExtractionThread } from './extraction-thread.ts';
import type { FailedInput } from './prepare.ts';
import type { InputBatch } from './service.ts';

export interface BulkBuild {
  graph: BulkGraph;
  failed: FailedInput[];
  replacing: BulkBatchResult['replacing'];
  unchanged: number;
  /** Articles (their files, or titles) whose text does not read as English: few or no facts were found in them. */
  notEnglish: string[];
  /** Wall time of extraction and in-memory build, the extraction threads' summed busy time, and the main thread's time adding batches to the graph. */
  seconds: number;
  extractSeconds: number;
  addSeconds: number;
  /** CPU time of the extraction threads (summed) and of the main thread (reading files, receiving batches, the graph, the articles' CSV) during the build; null off Linux. */
  extractCpuSeconds: number | null;
  mainCpuSeconds: number | null;
  threads: number;
}

type Pending = { batch: InputBatch; reply: ReturnType<ExtractionThread['extract']> };

/** Extracts batches on `threads` worker threads (default: one per core) and builds their graph; each article goes to `articles` as it is added. */
export async function buildBulkGraph(
  batches: AsyncIterable<InputBatch> | Iterable<InputBatch>,
  articles: ArticleSink,
  opts: { threads?: number; onBatch?: (inputs: number) => void } = {},
): Promise<BulkBuild> {
  const started = performance.now();
  const mainCpuStarted = threadCpuSeconds();
  const threads = Math.max(1, opts.threads ?? availableParallelism());
  const pool = Array.from({ length: threads }, () => new ExtractionThread());
  const build: BulkBuild = { graph: new BulkGraph(aliasKeys, articles), failed: [], replacing: [], unchanged: 0, notEnglish: [], seconds: 0, extractSeconds: 0, addSeconds: 0, extractCpuSeconds: 0, mainCpuSeconds: null, threads };
  const apply = async (pending: Pending) => {
    const { batch, seconds, cpuSeconds } = await pending.reply;
    build.extractSeconds += seconds;
    build.extractCpuSeconds = build.extractCpuSeconds === null || cpuSeconds === null ? null : build.extractCpuSeconds + cpuSeconds;
    build.failed.push(...pending.batch.failed, ...batch.failed);
    if (batch.doc) {
      if (batch.notEnglish.length) {
        const notEnglish = new Set(batch.notEnglish);
        for (const a of batch.doc.articles) if (notEnglish.has(a.id)) build.notEnglish.push(a.file ?? a.title);
      }
      const adding = performance.now();
      const result = build.graph.add(batch.doc);
      build.addSeconds += (performance.now() - adding) / 1000;
      build.unchanged += result.unchanged;
      build.replacing.push(...result.replacing);
    }
    opts.onBatch?.(pending.batch.inputs.length + pending.batch.failed.length);
  };
  try {
    // Two batches queued per thread keep every thread busy while the oldest is applied.
    const inFlight: Pending[] = [];
    let next = 0;
    for await (const batch of batches) {
      const reply = pool[next++ % threads]!.extract(batch.inputs);
      reply.catch(() => {}); // awaited in apply(); a failure is reported there
      inFlight.push({ batch, reply });
      if (inFlight.length >= threads * 2) await apply(inFlight.shift()!);
    }
    while (inFlight.length > 0) await apply(inFlight.shift()!);
  } finally {
    await Promise.all(pool.map((thread) => thread.close()));
  }
  build.seconds = (performance.now() - started) / 1000;
  const mainCpuEnded = threadCpuSeconds();
  build.mainCpuSeconds = mainCpuStarted === null || mainCpuEnded === null ? null : mainCpuEnded - mainCpuStarted;
  return build;
}
