// npm start: connect to Neo4j (the bundled one when NEO4J_URI is unset), apply the schema, ingest
// seed/articles (unchanged articles are skipped, so later starts change nothing), serve the API and
// the viewer. SIGINT/SIGTERM: in-flight requests finish, then the driver closes, then Neo4j stops.
// `npm start` runs this as `exec node --import tsx` so that the signal npm forwards reaches this
// process itself (the tsx wrapper, or a shell left in between, would end it without a clean stop).
import { fileURLToPath } from 'node:url';
import { buildApp } from '../http/app.ts';
import { articleFiles, ingestBatch, readArticleFile } from '../ingest/service.ts';
import { aliasKeys } from '../extract/resolve.ts';
import { applySchema, type Neo4jConnection } from '../store/neo4j.ts';
import { warmUpWrites } from '../store/warm-up.ts';
import { openDatabase } from './database.ts';

const SEED_DIR = fileURLToPath(new URL('../../seed/articles/', import.meta.url));
const LOOPBACK = '127.0.0.1';

async function seed(conn: Neo4jConnection): Promise<string> {
  const { files } = await articleFiles([SEED_DIR]);
  const inputs = await Promise.all(files.map(readArticleFile));
  const result = await ingestBatch(conn, inputs);
  const added = result.articles.filter((a) => a.status !== 'unchanged').length;
  const problems = result.failed.map((f) => `; ${f.file} failed: ${f.reason}`).join('');
  return `seed: ${result.articles.length} articles (${added} new or updated)${problems}`;
}

/**
 * Calls `stop` on the first SIGINT/SIGTERM. Ctrl-C reaches this process twice (from the terminal
 * and forwarded by npm), so a repeat within a second is the same request; a later one ends the
 * process at once (the exit handler still sends Neo4j SIGTERM).
 */
function onStopSignal(stop: (signal: string) => void): void {
  let first = 0;
  const handle = (signal: NodeJS.Signals) => {
    if (first === 0) {
      first = Date.now();
      stop(signal);
    } else if (Date.now() - first > 1_000) {
      console.log(`${signal} again: exiting without waiting`);
      process.exit(130);
    }
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}

async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const apiToken = env.API_TOKEN || undefined;
  const bodyLimit = env.BODY_LIMIT ? Number(env.BODY_LIMIT) : undefined;
  if (bodyLimit !== undefined && !(bodyLimit > 0)) throw new Error(`BODY_LIMIT must be a number of bytes, not "${env.BODY_LIMIT}"`);
  const pathIndexMaxRelationships = env.PATH_INDEX_MAX_RELATIONSHIPS ? Number(env.PATH_INDEX_MAX_RELATIONSHIPS) : undefined;
  if (pathIndexMaxRelationships !== undefined && !(pathIndexMaxRelationships >= 0)) {
    throw new Error(`PATH_INDEX_MAX_RELATIONSHIPS must be a number of relationships (0: no index), not "${env.PATH_INDEX_MAX_RELATIONSHIPS}"`);
  }
  const pathIndexPagesMaxRelationships = env.PATH_INDEX_PAGES_MAX_RELATIONSHIPS ? Number(env.PATH_INDEX_PAGES_MAX_RELATIONSHIPS) : undefined;
  if (pathIndexPagesMaxRelationships !== undefined && !(pathIndexPagesMaxRelationships >= 0)) {
    throw new Error(`PATH_INDEX_PAGES_MAX_RELATIONSHIPS must be a number of relationships (0: no pages), not "${env.PATH_INDEX_PAGES_MAX_RELATIONSHIPS}"`);
  }
  // Without a token anyone who can reach the port may write, so only this machine may reach it.
  const host = apiToken ? (env.HOST ?? LOOPBACK) : LOOPBACK;

  const db = await openDatabase();
  const { conn } = db;
  let closing = false;
  const app = await buildApp({ conn, apiToken, bodyLimit, pathIndexMaxRelationships, pathIndexPagesMaxRelationships, logger: env.LOG_REQUESTS === '1' });
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: stopping (in-flight requests finish first)`);
    await app.close();
    await db.close();
    console.log('stopped');
  };
  onStopSignal((signal) => void stop(signal).then(() => process.exit()));

  try {
    await applySchema(conn);
    console.log(await seed(conn));
    await app.listen({ host, port });
  } catch (error) {
    await stop('error');
    throw error;
  }
  const address = app.server.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}/`;
  console.log(`Neo4j: ${conn.uri}${db.bundled ? ' (bundled)' : ''}`);
  if (!apiToken) {
    console.log(`API_TOKEN is not set: writes are open, so the server listens on ${LOOPBACK} only${env.HOST && env.HOST !== LOOPBACK ? ` (HOST=${env.HOST} ignored)` : ''}.`);
  }
  console.log(`exchange graph: ${url}  (API docs: ${url}docs)`);
  // A server launched just now compiles its write path on the first ingests (about half of its CPU over the
  // first few thousand articles): rehearse the writes now, rolled back, while nobody waits.
  if (db.bundled && db.bundled.startupMs > 0) {
    warmUpWrites(conn, aliasKeys).then(
      ({ ms }) => console.log(`Neo4j warmed up for writes in ${(ms / 1000).toFixed(1)} s`),
      (error: Error) => closing || console.error(`Neo4j warm-up failed (nothing was written): ${error.message}`),
    );
  }
}

try {
  await main();
} catch (error) {
  console.error(`start: ${(error as Error).message}`);
  process.exitCode = 1;
}
