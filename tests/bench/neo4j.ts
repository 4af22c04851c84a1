// A Neo4j for the benchmarks: the project's bundled server on a free 127.0.0.1 port, in a
// throw-away folder (or a kept one, for the 100k graph that takes minutes to build), connected
// through the project's own connectNeo4j so the store code runs exactly as in production.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Neo4jConnection } from '../../api/store/neo4j.ts';
import type { BundledNeo4j } from '../../neo4j/server.ts';
import { importOrSkip } from './context.ts';
import { peakRssOfTreeMB } from './support.ts';
import { freePort } from '../support/free-port.ts';
export { clearDatabase } from '../support/clear-database.ts';

/**
 * Empties a graph of 10k+ articles: relationships first, then nodes, each in bounded transactions. Deleting
 * nodes with their relationships overflows the transaction memory pool when a thousand of them include hubs
 * holding tens of thousands of MENTIONS.
 */
export async function clearLargeDatabase(conn: Neo4jConnection): Promise<void> {
  const session = conn.driver.session({ database: conn.database });
  try {
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

type ServerModule = typeof import('../../neo4j/server.ts');
type ConnectionModule = typeof import('../../api/store/neo4j.ts');

export interface BenchNeo4j {
  server: BundledNeo4j;
  conn: Neo4jConnection;
  env: { NEO4J_URI: string; NEO4J_USER: string; NEO4J_PASSWORD: string };
  /** The memory it was given, e.g. "heap 1g + page cache 512m". */
  budget: string;
  /** Peak RSS of the JVM so far (MB). */
  peakRssMB(): number | null;
  stop(): Promise<void>;
}

export async function startBenchNeo4j(opts: { keepDir?: string; heap?: string; pageCache?: string; jvmFlags?: string[] } = {}): Promise<BenchNeo4j> {
  const { startBundledNeo4j } = await importOrSkip<ServerModule>('../../neo4j/server.ts', 'the bundled Neo4j launcher');
  const { connectNeo4j, applySchema } = await importOrSkip<ConnectionModule>('../../api/store/neo4j.ts', 'connectNeo4j');
  const dataDir = opts.keepDir ? resolve(opts.keepDir) : mkdtempSync(join(tmpdir(), 'bench-neo4j-'));
  const heap = opts.heap ?? '1g';
  const pageCache = opts.pageCache ?? '512m';
  const server = await startBundledNeo4j({
    port: await freePort(),
    dataDir,
    heap,
    pageCache,
    log: (line) => console.error(`[neo4j] ${line}`),
    ...(opts.jvmFlags ? { jvmFlags: opts.jvmFlags } : {}),
  });
  const env = { NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password };
  let conn: Neo4jConnection;
  try {
    conn = await connectNeo4j({ env, timeoutMs: 10_000 });
    await applySchema(conn);
  } catch (error) {
    await server.stop();
    if (!opts.keepDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  return {
    server,
    conn,
    env,
    budget: `configured: heap ${heap} + page cache ${pageCache}`,
    peakRssMB: () => peakRssOfTreeMB(server.pid),
    async stop() {
      if (stopped) return;
      stopped = true;
      await conn.close();
      await server.stop();
      if (!opts.keepDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function graphCounts(conn: Neo4jConnection): Promise<{ entities: number; articles: number; facts: number; mentions: number; other: number }> {
  const count = async (query: string) => {
    const result = await conn.driver.executeQuery(query, {}, { database: conn.database });
    return Number(result.records[0]!.get(0));
  };
  const entities = await count('MATCH (n:Entity) RETURN count(n)');
  const articles = await count('MATCH (n:Article) RETURN count(n)');
  const mentions = await count('MATCH ()-[r:MENTIONS]->() RETURN count(r)');
  const allRels = await count('MATCH ()-[r]->() RETURN count(r)');
  const factsResult = await count("MATCH (:Entity)-[r]->(:Entity) WHERE type(r) <> 'MENTIONS' RETURN count(r)");
  return { entities, articles, facts: factsResult, mentions, other: allRels - factsResult - mentions };
}
