// Runs Neo4j's bulk importer (`neo4j-admin database import full`, entry point org.neo4j.cli.AdminTool
// from neo4j/lib) on a bundled data folder while no server runs on it: the first load of a big
// corpus, millions of relationships a minute instead of transactions.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureNeo4jInstalled, libDir, neo4jDir } from './install.ts';
import { cpuSeconds, IMPORT_JVM, isNeo4jOn, jvmFlags, readPidRecord, residentMemoryMiB } from './server.ts';

export const DEFAULT_DATABASE = 'neo4j';

/** The command an operator runs on the machine of an external server (stopped database) to load the same files. */
export function adminImportCommand(database: string, args: string[]): string {
  const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`);
  return ['neo4j-admin', 'database', 'import', 'full', database, ...args].map(quote).join(' ');
}

/** Throws when a server runs on the data folder (the importer needs the store to itself). */
export function assertStopped(dataDir: string): void {
  const record = readPidRecord(resolve(dataDir));
  if (record && isNeo4jOn(record.pid, resolve(dataDir))) {
    throw new Error(`Neo4j (pid ${record.pid}) is running on ${dataDir}; stop it first (npm run db:stop), the bulk import needs the database offline.`);
  }
}

/** Does the data folder hold a store for this database already? */
export function storeExists(dataDir: string, database = DEFAULT_DATABASE): boolean {
  return existsSync(join(resolve(dataDir), 'data', 'databases', database));
}

/**
 * Imports CSV files into `database` of the bundled data folder, replacing it. Resolves with the
 * importer's wall time, CPU time and peak memory (sampled from /proc, null elsewhere); rejects with
 * the end of its output when it fails.
 */
export async function runAdminImport(opts: {
  dataDir: string;
  args: string[];
  database?: string;
  heap?: string;
  log?: (line: string) => void;
}): Promise<{ seconds: number; cpuSeconds: number | null; peakRssMiB: number | null }> {
  ensureNeo4jInstalled();
  const dataDir = resolve(opts.dataDir);
  assertStopped(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const started = performance.now();
  const child = spawn(
    'java',
    [...jvmFlags(opts.heap ?? '1g', IMPORT_JVM), '-cp', join(libDir, '*'), 'org.neo4j.cli.AdminTool',
      'database', 'import', 'full', opts.database ?? DEFAULT_DATABASE, ...opts.args],
    { env: { ...process.env, NEO4J_HOME: dataDir, NEO4J_CONF: neo4jDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.trim() === '') continue;
      output.push(line);
      if (output.length > 40) output.shift();
      opts.log?.(line);
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let cpu: number | null = null;
  let peakRssMiB: number | null = null;
  const sample = setInterval(() => {
    cpu = cpuSeconds(child.pid!) ?? cpu;
    const rss = residentMemoryMiB(child.pid!)?.rss;
    if (rss !== undefined && !Number.isNaN(rss)) peakRssMiB = Math.max(peakRssMiB ?? 0, rss);
  }, 250);
  const code = await new Promise<number | null>((done, fail) => {
    child.once('error', (error) => fail(new Error(`could not run java: ${error.message}`)));
    child.once('exit', (exitCode) => done(exitCode));
  }).finally(() => clearInterval(sample));
  if (code !== 0) throw new Error(`neo4j-admin database import failed (exit code ${code}):\n  ${output.slice(-15).join('\n  ')}`);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpu, peakRssMiB };
}
