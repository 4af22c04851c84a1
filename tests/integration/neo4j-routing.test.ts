// The cluster code path: a neo4j:// URI makes the driver fetch a routing table and send writes to
// the leader and reads to readers. The bundled server is a one-member "cluster" that answers the
// routing request with itself, so the store's writes (executeWrite) and reads (executeRead, READ
// sessions) run through routing here exactly as they would against a cluster or Aura.
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../api/extract/index.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { prepareDocument } from '../../api/ingest/prepare.ts';
import { connectNeo4j, type Neo4jConnection } from '../../api/store/neo4j.ts';
import { aliasKeys } from '../../api/extract/resolve.ts';
import { searchEntities, shortestPaths } from '../../api/store/read.ts';
import { writeGraph } from '../../api/store/write.ts';
import { clearDatabase, testNeo4jEnv } from '../support/neo4j.ts';

const SEED = readFileSync(new URL('../../seed/articles/shenyang-sasebo-mayor-exchange-day.txt', import.meta.url), 'utf8');

let conn: Neo4jConnection;
let article: GraphDocument;
beforeAll(async () => {
  article = prepareDocument(extractArticle({ content: SEED, format: 'text', file: 'seed.txt' })); // loads the gazetteer: seconds on a busy machine
  const env = testNeo4jEnv();
  conn = await connectNeo4j({ env: { ...env, NEO4J_URI: env.NEO4J_URI.replace(/^bolt:/, 'neo4j:') } });
  await clearDatabase(conn);
});
afterAll(async () => {
  await conn?.close();
});

describe('neo4j:// routing', () => {
  it('gets a routing table naming the server as router, reader and writer', async () => {
    expect(conn.uri).toMatch(/^neo4j:\/\//);
    const { records } = await conn.driver.executeQuery('CALL dbms.routing.getRoutingTable({}) YIELD servers RETURN servers', {}, { routing: neo4j.routing.READ });
    const roles = (records[0]!.get('servers') as { role: string }[]).map((s) => s.role).sort();
    expect(roles).toEqual(['READ', 'ROUTE', 'WRITE']);
  });

  it('writes through write sessions and reads the article back through read sessions', async () => {
    const written = await writeGraph(conn, article, aliasKeys);
    expect(written.articles.map((a) => a.status)).toEqual(['new']);
    const hits = await searchEntities(conn, { q: 'Shenyang', limit: 5 });
    expect(hits.some((h) => h.name === 'Shenyang')).toBe(true);
    const paths = await shortestPaths(conn, { from: 'Shenyang', to: 'Sasebo', k: 3, maxHops: 6, sources: 3 }, aliasKeys);
    expect(paths.to?.name).toBe('Sasebo');
    expect(paths.paths.length).toBeGreaterThan(0);
  });

  it('refuses a write sent as a read (access mode reaches the server)', async () => {
    const session = conn.driver.session({ database: conn.database, defaultAccessMode: neo4j.session.READ });
    try {
      await expect(session.executeRead((tx) => tx.run("CREATE (:Entity {id: 'written-in-read-mode'})"))).rejects.toThrow(/read/i);
    } finally {
      await session.close();
    }
    const { records } = await conn.driver.executeQuery("MATCH (n {id: 'written-in-read-mode'}) RETURN count(n) AS c");
    expect(Number(records[0]!.get('c'))).toBe(0);
  });
});
