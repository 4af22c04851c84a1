// Bulk seeding (npm run ingest -- --bulk) builds the graph incremental ingest builds: the same corpus
// goes through ingestStream into the test Neo4j and through seedBundled (extraction threads, CSV,
// neo4j-admin database import, schema) into a second bundled Neo4j; every node, relationship,
// property, alias key and schema object of the two databases is compared.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBundledEmpty, seedBundled } from '../../api/cli/bulk.ts';
import { articleFiles, fileBatches, ingestStream } from '../../api/ingest/service.ts';
import { applySchema, connectNeo4j, type Neo4jConnection } from '../../api/store/neo4j.ts';
import { generateCorpus } from '../../seed/generator/corpus.ts';
import { clearDatabase, freePort, testNeo4jEnv } from '../support/neo4j.ts';

const BATCH = 25;
// Quotes, commas and a semicolon in names and sentences: the CSV quoting and the array delimiter.
const TRICKY = `Sister cities: Osaka and "Shanghai" renew ties, again

Updated: 2019-05-04

Mayor Ichiro Matsui of Osaka met Mayor Ying Yong of Shanghai on May 3, 2019, in Shanghai; they renewed the "friendship city" agreement signed in 1974.
The delegation, led by Deputy Mayor Hiroshi Tanaka, visited Shanghai Electric Group Co., Ltd.
`;

/** Every node, relationship and schema object, canonical (sorted lists, sorted keys) and typed as the driver reads them. */
async function snapshot(conn: Neo4jConnection) {
  const canonical = (value: unknown): string =>
    JSON.stringify(value, (_, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) && !('low' in v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
    );
  const query = async (text: string) => (await conn.driver.executeQuery(text, {}, { database: conn.database })).records.map((r) => canonical(r.toObject())).sort();
  // storedAt is the write's clock: compared as the order of the batches (its rank), not as a time
  const { records } = await conn.driver.executeQuery('MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties', {}, { database: conn.database });
  const clock = [...new Set(records.map((r) => r.get('properties').storedAt?.toString()).filter(Boolean))].sort((a, b) => Number(a) - Number(b));
  const nodes = records
    .map((r) => {
      const properties = r.get('properties');
      return canonical({ labels: r.get('labels'), properties: properties.storedAt ? { ...properties, storedAt: clock.indexOf(properties.storedAt.toString()) } : properties });
    })
    .sort();
  return {
    nodes,
    relationships: await query('MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.id, a.key) AS from, coalesce(b.id, b.key) AS to, properties(r) AS properties'),
    constraints: await query('SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties'),
    indexes: await query('SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state'),
  };
}

let dir: string;
let files: string[];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulk-import-test-'));
  generateCorpus({ count: 200, out: join(dir, 'corpus'), seed: 7 });
  copyFileSync(new URL('../../seed/articles/shenyang-sasebo-mayor-exchange-day.txt', import.meta.url), join(dir, 'corpus', 'seed.txt'));
  writeFileSync(join(dir, 'corpus', 'tricky.txt'), TRICKY);
  // two councils both known as "BCC", first and last of the sorted files: two batches, so the second meets the first in the store
  copyFileSync(new URL('../fixtures/acronym/bulawayo-bcc.txt', import.meta.url), join(dir, 'corpus', '000a-bulawayo-bcc.txt'));
  copyFileSync(new URL('../fixtures/acronym/banjul-bcc.txt', import.meta.url), join(dir, 'corpus', 'zz-banjul-bcc.txt'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('bulk seeding', () => {
  it('imports the graph incremental ingest builds from the same corpus, and refuses a non-empty database', async () => {
    ({ files } = await articleFiles([join(dir, 'corpus', '*.txt')]));
    const conn = await connectNeo4j({ env: testNeo4jEnv() });
    let incremental: Awaited<ReturnType<typeof snapshot>>;
    try {
      await clearDatabase(conn);
      await applySchema(conn);
      await ingestStream(conn, fileBatches(files, BATCH));
      incremental = await snapshot(conn);
      // every article keeps its text (compared with the bulk import's below), line breaks and all
      const texts = await conn.driver.executeQuery('MATCH (a:Article) RETURN count(a) AS articles, count(a.text) AS texts, sum(size(a.text)) AS chars', {}, { database: conn.database });
      expect(texts.records[0]!.get('texts').toNumber()).toBe(texts.records[0]!.get('articles').toNumber());
      expect(texts.records[0]!.get('chars').toNumber()).toBeGreaterThan(200 * 500);
    } finally {
      await conn.close();
    }

    const server = { dataDir: join(dir, 'bulk-neo4j'), port: await freePort(), password: 'test-password', heap: '512m', pageCache: '64m' };
    let bulk: Awaited<ReturnType<typeof snapshot>> | undefined;
    const seed = await seedBundled(fileBatches(files, BATCH), {
      server,
      csvDir: join(dir, 'csv'),
      threads: 2,
      inspect: async (loaded) => {
        bulk = await snapshot(loaded);
      },
    });
    expect(seed.build.failed).toEqual([]);
    expect(seed.build.replacing).toEqual([]);

    expect(incremental.nodes.length).toBeGreaterThan(2000);
    expect(incremental.relationships.length).toBeGreaterThan(5000);
    expect(incremental.relationships.some((r) => r.includes('\\"Shanghai\\"') || r.includes('\\"friendship city\\"'))).toBe(true);
    // the acronym did not make the councils one: each keeps its mayor
    const positions = incremental.relationships.map((r) => JSON.parse(r) as { type: string; from: string; to: string }).filter((r) => r.type === 'HOLDS_POSITION');
    const mayors = positions.filter((r) => ['person:coltart-david', 'person:lowe-malick-rohey'].includes(r.from)).map(({ from, to }) => `${from} ${to}`);
    expect(mayors.sort()).toEqual(['person:coltart-david office:bulawayo-council', 'person:lowe-malick-rohey office:banjul-council']);
    expect(bulk!.nodes).toEqual(incremental.nodes);
    expect(bulk!.relationships).toEqual(incremental.relationships);
    expect(bulk!.constraints).toEqual(incremental.constraints);
    expect(bulk!.indexes).toEqual(incremental.indexes);

    await expect(assertBundledEmpty(server)).rejects.toThrow(/is not empty \(\d+ nodes\)/);
  }, 600_000);
});
