// The warm-up `npm start` runs on a freshly launched Neo4j (api/store/warm-up.ts): it runs the write
// statements over synthetic batches and rolls them back, so the stored graph is exactly what it was.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extractArticle } from '../../api/extract/index.ts';
import { aliasKeys } from '../../api/extract/resolve.ts';
import { exportDocument } from '../../api/store/read.ts';
import { applySchema, connectNeo4j, type Neo4jConnection } from '../../api/store/neo4j.ts';
import { warmUpDocument, warmUpWrites } from '../../api/store/warm-up.ts';
import { writeGraph } from '../../api/store/write.ts';
import { clearDatabase, testNeo4jEnv } from '../support/neo4j.ts';

let conn: Neo4jConnection;

beforeAll(async () => {
  conn = await connectNeo4j({ env: testNeo4jEnv() });
});
afterAll(async () => {
  await conn?.close();
});
beforeEach(async () => {
  await applySchema(conn);
  await clearDatabase(conn);
});

const exported = async () => {
  const session = conn.driver.session({ database: conn.database });
  try {
    return await session.executeRead((tx) => exportDocument(tx));
  } finally {
    await session.close();
  }
};

describe('write warm-up', () => {
  it('leaves a stored graph exactly as it was, its synthetic entities and articles included nowhere', async () => {
    const text = readFileSync(new URL('../../seed/articles/shenyang-sasebo-mayor-exchange-day.txt', import.meta.url), 'utf8');
    await writeGraph(conn, extractArticle({ content: text, format: 'text' }), aliasKeys);
    const before = await exported();
    expect(before.relationships.length).toBeGreaterThan(0);

    const { rounds } = await warmUpWrites(conn, aliasKeys, { rounds: 2, articles: 20 });

    expect(rounds).toBe(2);
    expect(await exported()).toEqual(before);
  });

  it('writes what a real batch would if it were committed: every relationship type, facts restated by a second batch', async () => {
    const first = warmUpDocument(20, 0);
    const second = warmUpDocument(20, 1);
    await writeGraph(conn, first, aliasKeys);
    const restated = await writeGraph(conn, second, aliasKeys);
    const graph = await exported();
    expect(new Set(graph.relationships.map((r) => r.type))).toEqual(
      new Set(['MET_WITH', 'VISITED', 'PARTICIPATED_IN', 'SISTER_CITY_OF', 'HOLDS_POSITION', 'LOCATED_IN']),
    );
    // the recurring mayors' offices and city pairs of the second batch are found stored, not created again
    expect(restated.changes.relationshipsCreated).toBeLessThan(second.relationships.length);
  });
});
