// Bulk seeding (npm run ingest -- --bulk): extraction on every core (one ExtractionThread per core,
// the same extractBatch as incremental ingest), the batches applied in input order to a BulkGraph,
// written as CSV for `neo4j-admin database import full`, then the schema and what CSV cannot say.
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import neo4j from 'neo4j-driver';
import { applySchema, connectNeo4j, type Neo4jConnection } from './neo4j.ts';
import { BulkGraph, type BulkBatchResult } from './bulk-graph.ts';
import { ExtractionThread } from './extraction-thread.ts';
import type { FailedInput, InputBatch } from './ingest.ts';
import { cypher } from './cypher.ts';
import { importArguments, writeImportFiles, type ImportFiles } from './bulk-csv.ts';
import { assertStopped, runAdminImport, storeExists } from '../../neo4j/import.ts';
import { startBundledNeo4j, type BundledNeo4jOptions } from '../../neo4j/server.ts';

export interface BulkBuild {
  graph: BulkGraph;
  failed: FailedInput[];
  replacing: BulkBatchResult['replacing'];
  unchanged: number;
  /** Wall time of extraction and in-memory build, and the extraction threads' summed busy time. */
  seconds: number;
  extractSeconds: number;
  threads: number;
}

/**
 * Extracts batches on `threads` worker threads (default: one per core) and adds them to a
 * BulkGraph in the order given, so the result does not depend on which thread finished first.
 */
export async function buildBulkGraph(
  batches: AsyncIterable<InputBatch> | Iterable<InputBatch>,
  opts: { threads?: number; onBatch?: (inputs: number) => void } = {},
): Promise<BulkBuild> {
  const started = performance.now();
  const threads = Math.max(1, opts.threads ?? availableParallelism());
  const pool = Array.from({ length: threads }, () => new ExtractionThread());
  const build: BulkBuild = { graph: new BulkGraph(), failed: [], replacing: [], unchanged: 0, seconds: 0, extractSeconds: 0, threads };
  const apply = async (pending: { batch: InputBatch; reply: ReturnType<ExtractionThread['extract']> }) => {
    const { batch, seconds } = await pending.reply;
    build.extractSeconds += seconds;
    build.failed.push(...pending.batch.failed, ...batch.failed);
    if (batch.doc) {
      const result = build.graph.add(batch.doc);
      build.unchanged += result.unchanged;
      build.replacing.push(...result.replacing);
    }
    opts.onBatch?.(pending.batch.inputs.length + pending.batch.failed.length);
  };
  try {
    // Two batches queued per thread keep every thread busy while the oldest is applied.
    const inFlight: { batch: InputBatch; reply: ReturnType<ExtractionThread['extract']> }[] = [];
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
  return build;
}

/**
 * After the import, on the running server: the schema of cypher/schema.cypher, then the empty
 * lists the CSV could not hold (an empty array field imports as no property; writeGraph stores []).
 */
export async function finishBulkImport(conn: Neo4jConnection, emptyLists?: ImportFiles['emptyLists']): Promise<void> {
  await applySchema(conn);
  const session = conn.driver.session({ database: conn.database });
  try {
    // unknown counts (an external server loaded by hand): look for both
    if ((emptyLists?.aliases ?? 1) > 0) await session.run(cypher('bulk-empty-aliases'));
    if ((emptyLists?.evidence ?? 1) > 0) await session.run(cypher('bulk-empty-evidence'));
  } finally {
    await session.close();
  }
}

export interface BundledSeed {
  build: BulkBuild;
  files: ImportFiles;
  /** Wall times: CSV writing, neo4j-admin, and server start + schema + empty lists. */
  csvSeconds: number;
  importSeconds: number;
  finishSeconds: number;
  /** The importer's CPU time and peak resident memory (Linux /proc; null elsewhere). */
  importCpuSeconds: number | null;
  importPeakRssMiB: number | null;
}

/** Refuses to bulk-load a bundled database that holds anything (the import replaces the whole store). */
export async function assertBundledEmpty(server: BundledNeo4jOptions & { dataDir: string }): Promise<void> {
  assertStopped(server.dataDir);
  if (!storeExists(server.dataDir)) return;
  const running = await startBundledNeo4j({ ...server, log: () => {} });
  const driver = neo4j.driver(running.uri, neo4j.auth.basic(running.user, running.password), { logging: { level: 'error', logger: () => {} } });
  try {
    const { records } = await driver.executeQuery('MATCH (n) RETURN count(n) AS nodes');
    const nodes = Number(records[0]!.get('nodes'));
    if (nodes > 0) throw new Error(`the database in ${server.dataDir} is not empty (${nodes} nodes): bulk seeding is for the first load; ingest without --bulk to add to it, or delete the data folder.`);
  } finally {
    await driver.close();
    await running.stop();
  }
}

/**
 * The whole first load of the bundled Neo4j (stopped, empty): extract and build, write the CSV
 * files into `csvDir`, import them, then start the server once for the schema and empty lists.
 */
export async function seedBundled(
  batches: AsyncIterable<InputBatch> | Iterable<InputBatch>,
  opts: {
    server: BundledNeo4jOptions & { dataDir: string };
    csvDir: string;
    keepCsv?: boolean;
    threads?: number;
    onBatch?: (inputs: number) => void;
    log?: (line: string) => void;
    /** Called with a connection to the loaded database before its server stops. */
    inspect?: (conn: Neo4jConnection) => Promise<void>;
  },
): Promise<BundledSeed> {
  await assertBundledEmpty(opts.server);
  const build = await buildBulkGraph(batches, { threads: opts.threads, onBatch: opts.onBatch });
  let started = performance.now();
  const files = writeImportFiles(build.graph, opts.csvDir);
  const csvSeconds = (performance.now() - started) / 1000;
  try {
    const imported = await runAdminImport({ dataDir: opts.server.dataDir, args: importArguments(files), log: opts.log });
    started = performance.now();
    const server = await startBundledNeo4j({ ...opts.server, log: opts.log ?? (() => {}) });
    try {
      const conn = await connectNeo4j({ env: { NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password }, timeoutMs: 10_000 });
      try {
        await finishBulkImport(conn, files.emptyLists);
        await opts.inspect?.(conn);
      } finally {
        await conn.close();
      }
    } finally {
      await server.stop();
    }
    return {
      build, files, csvSeconds,
      importSeconds: imported.seconds, importCpuSeconds: imported.cpuSeconds, importPeakRssMiB: imported.peakRssMiB,
      finishSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    if (!opts.keepCsv) rmSync(opts.csvDir, { recursive: true, force: true });
  }
}
