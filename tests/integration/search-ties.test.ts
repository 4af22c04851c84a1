// The search query hands Neo4j's Top only the hits that can reach its rows (cypher/search-entities.cypher):
// its rows must be those of the query that reads every hit, down to the order of hits tied on score
// and name length, which Top decides from everything it is given.
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { cypher } from '../../api/store/cypher.ts';
import { fulltextQuery } from '../../api/store/fulltext.ts';
import { call, startApi, type TestApi } from '../support/api.ts';
import { clearDatabase } from '../support/neo4j.ts';

// Eight fairs tied on score and name length, and forty weaker hits (longer names) after them.
const fairs = Array.from({ length: 8 }, (_, i) => ({ id: `event:tally-fair-${2011 + i}`, label: 'Event' as const, name: `Tally Fair ${2011 + i}`, aliases: [], properties: {} }));
const weaker = Array.from({ length: 40 }, (_, i) => ({ id: `organization:tally-${i}`, label: 'Organization' as const, name: `Tally Fair Friends Association ${i}`, aliases: [], properties: {} }));
const TALLY: GraphDocument = { articles: [{ id: 'tally-article', title: 'Tally fairs' }], nodes: [...fairs, ...weaker], relationships: [] };

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
  await clearDatabase(api.conn);
  expect((await call(api, 'POST', '/api/articles', TALLY)).status).toBe(201);
});
afterAll(async () => {
  await api?.close();
});

describe('search', () => {
  it('answers as a query that reads every hit, ties and their order included, however many weaker hits there are', async () => {
    const everyHit = readFileSync(new URL('../fixtures/cypher/search-entities-every-hit.cypher', import.meta.url), 'utf8');
    const rows = async (query: string, params: Record<string, unknown>) => (await api.conn.driver.executeQuery(query, params, { database: api.conn.database })).records.map((r) => r.toObject());
    for (const label of [null, 'Event', 'Organization']) {
      for (const limit of [1, 3, 7, 8, 9, 12, 48, 100]) {
        const params = { query: fulltextQuery('tally'), label, limit: neo4j.int(limit) };
        expect(await rows(cypher('search-entities'), params), `label ${label}, limit ${limit}`).toEqual(await rows(everyHit, params));
      }
    }
  });
});
