// Bulk seeding of the bundled Neo4j (npm run ingest -- --bulk with NEO4J_URI unset): the server is
// stopped, the database empty; extract and build (ingest/bulk.ts), write CSV (store/bulk-csv.ts),
// run neo4j-admin (neo4j/import.ts), then start the server once for the schema and empty lists.
import { rmSync } from 'node:fs';
import { buildBulkGraph, type BulkBuild } from '../ingest/bulk.ts';
import type { InputBatch } from '../ingest/service.ts';
import { assertStopped, runAdminImport, storeExists } from '../../neo4j/import.ts';
import { classArchiveFlags, cpuSeconds, startBundledNeo4j, type BundledNeo4j, type BundledNeo4jOptions } from '../../neo4j/server.ts';
import { importArguments, ImportWriter, type ImportFiles } from '../store/bulk-csv.ts';
import { finishBulkImport } from '../store/bulk.ts';
import { connectNeo4j, type Neo4jConnection } from '../store/neo4j.ts';

export interface BundledSeed {
  build: BulkBuild;
  files: ImportFiles;
  /** Wall times: CSV writing after the build (articles and mentions are written during it), neo4j-admin, and server start + schema + empty lists + stop (then each part). */
  csvSeconds: number;
  importSeconds: number;
  finishSeconds: number;
  finish: { startSeconds: number; schemaSeconds: number; emptyListsSeconds: number; stopSeconds: number };
  /** The importer's CPU time and peak resident memory (Linux /proc; null elsewhere). */
  importCpuSeconds: number | null;
  importPeakRssMiB: number | null;
  /** The run's phases in order, each with its wall time and the CPU time of the process doing it. */
  phases: SeedPhase[];
}

/** One step of the timeline: when it started (seconds since the seed began), how long it took, and the CPU it cost (null where not measurable). */
export interface SeedPhase {
  name: string;
  startSeconds: number;
  seconds: number;
  cpuSeconds: number | null;
  /** Whose CPU: this Node process (main thread and extraction threads), neo4j-admin's JVM or the server's. */
  process: 'node' | 'neo4j-admin' | 'server';
}

type ServerOptions = BundledNeo4jOptions & { dataDir: string };

/**
 * The server of the finish step lives a minute or two and runs each query once: compiled by C1 alone
 * (no C2, whose compile threads cost more than they save in so short a life), it took half the CPU
 * and wall time on the 10k import (measured: 12.5-13.3 s vs 23.6-25.8 s of CPU).
 */
const SHORT_LIVED_JVM = ['-XX:TieredStopAtLevel=1'];

async function withBundled<T>(server: ServerOptions, work: (conn: Neo4jConnection, running: BundledNeo4j) => Promise<T>, jvmFlags?: string[]): Promise<T> {
  const running: BundledNeo4j = await startBundledNeo4j({ ...server, log: server.log ?? (() => {}), ...(jvmFlags ? { jvmFlags } : {}) });
  try {
    const conn = await connectNeo4j({ env: { NEO4J_URI: running.uri, NEO4J_USER: running.user, NEO4J_PASSWORD: running.password }, timeoutMs: 10_000 });
    try {
      return await work(conn, running);
    } finally {
      await conn.close();
    }
  } finally {
    await running.stop();
  }
}

const nodeCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Refuses to bulk-load a bundled database that holds anything (the import replaces the whole store). */
export async function assertBundledEmpty(server: ServerOptions): Promise<void> {
  assertStopped(server.dataDir);
  if (!storeExists(server.dataDir)) return;
  const nodes = await withBundled(server, async (conn) => {
    const { records } = await conn.driver.executeQuery('MATCH (n) RETURN count(n) AS nodes', {}, { database: conn.database });
    return Number(records[0]!.get('nodes'));
  });
  if (nodes > 0) {
    throw new Error(`the database in ${server.dataDir} is not empty (${nodes} nodes): bulk seeding is for the first load; ingest without --bulk to add to it, or delete the data folder.`);
  }
}

/** The whole first load; the CSV files in `csvDir` are deleted afterwards unless `keepCsv`. */
export async function seedBundled(
  batches: AsyncIterable<InputBatch> | Iterable<InputBatch>,
  opts: {
    server: ServerOptions;
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
  const t0 = performance.now();
  const phases: SeedPhase[] = [];
  const since = (t: number) => (performance.now() - t) / 1000;
  const phase = (name: string, started: number, cpuSeconds: number | null, process: SeedPhase['process']) => {
    phases.push({ name, startSeconds: (started - t0) / 1000, seconds: since(started), cpuSeconds, process });
  };
  const writer = new ImportWriter(opts.csvDir);
  try {
    let cpu = nodeCpuSeconds();
    const build = await buildBulkGraph(batches, writer.article, { threads: opts.threads, onBatch: opts.onBatch });
    phases.push({ name: 'extraction + in-memory build', startSeconds: 0, seconds: build.seconds, cpuSeconds: nodeCpuSeconds() - cpu, process: 'node' });
    let started = performance.now();
    cpu = nodeCpuSeconds();
    const files = writer.finish(build.graph);
    phase('CSV of entities, keys and facts', started, nodeCpuSeconds() - cpu, 'node');
    const csvSeconds = since(started);
    started = performance.now();
    const imported = await runAdminImport({ dataDir: opts.server.dataDir, args: importArguments(files), log: opts.log });
    phase('neo4j-admin database import', started, imported.cpuSeconds, 'neo4j-admin');
    const finishStarted = performance.now();
    let stopStarted = 0;
    const finish = await withBundled(opts.server, async (conn, running) => {
      const serverCpu = () => cpuSeconds(running.pid);
      phases.push({ name: 'server start', startSeconds: (finishStarted - t0) / 1000, seconds: running.startupMs / 1000, cpuSeconds: serverCpu(), process: 'server' });
      const parts = await finishBulkImport(conn, files.emptyLists, { serverCpu, onPhase: (name, seconds, cpuSeconds) => {
        phases.push({ name, startSeconds: (performance.now() - t0) / 1000 - seconds, seconds, cpuSeconds, process: 'server' });
      } });
      await opts.inspect?.(conn);
      stopStarted = performance.now();
      return { startSeconds: running.startupMs / 1000, ...parts };
    }, [...(opts.server.jvmFlags ?? classArchiveFlags()), ...SHORT_LIVED_JVM]);
    phase('server stop', stopStarted, null, 'server');
    return {
      build, files, csvSeconds, phases,
      importSeconds: imported.seconds, importCpuSeconds: imported.cpuSeconds, importPeakRssMiB: imported.peakRssMiB,
      finishSeconds: since(finishStarted), finish: { ...finish, stopSeconds: since(stopStarted) },
    };
  } finally {
    if (!opts.keepCsv) rmSync(opts.csvDir, { recursive: true, force: true });
  }
}
