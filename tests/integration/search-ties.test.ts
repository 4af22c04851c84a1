// Search results have a defined order: by score, then the shorter name, then the entity's id
// (cypher/search-entities.cypher). The search answers from Lucene's best hits when they prove the
// answer and reads every hit otherwise; either way its rows must be those of the query that reads every hit.
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { fulltextQuery } from '../../api/store/fulltext.ts';
import { read, searchRows } from '../../api/store/read.ts';
import { call, startApi, type TestApi } from '../support/api.ts';
import { clearDatabase } from '../support/neo4j.ts';

// Eight fairs tied on score and name length (stored out of id order), and forty weaker hits (longer names) after them.
const YEARS = [2015, 2012, 2018, 2011, 2016, 2014, 2017, 2013];
const fairs = YEARS.map((year) => ({ id: `event:tally-fair-${year}`, label: 'Event' as const, name: `Tally Fair ${year}`, aliases: [], properties: {} }));
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
  it('lists hits tied on score and name length by id, also when the limit cuts through the tie', async () => {
    const byId = fairs.map((f) => f.id).sort();
    for (const limit of [3, 8]) {
      const res = await call(api, 'GET', `/api/entities?q=tally&limit=${limit}`);
      expect(res.status).toBe(200);
      expect((res.body as { results: { id: string }[] }).results.map((r) => r.id)).toEqual(byId.slice(0, limit));
    }
  });

  it('answers as a query that reads every hit, however many weaker hits there are', async () => {
    const everyHit = readFileSync(new URL('../fixtures/cypher/search-entities-every-hit.cypher', import.meta.url), 'utf8');
    const allRows = async (params: Record<string, unknown>) => (await api.conn.driver.executeQuery(everyHit, params, { database: api.conn.database })).records.map((r) => r.toObject());
    for (const label of [null, 'Event', 'Organization']) {
      for (const limit of [1, 3, 7, 8, 9, 12, 48, 100]) {
        const query = fulltextQuery('tally');
        const rows = (await read(api.conn, (tx) => searchRows(tx, { query, label, limit }))).map(({ id, label, name, aliases, score }) => ({ id, label, name, aliases, score }));
        expect(rows, `label ${label}, limit ${limit}`).toEqual(await allRows({ query, label, limit: neo4j.int(limit) }));
      }
    }
  });
});
