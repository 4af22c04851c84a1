// Search, entity and path answers are kept until the graph changes (api/http/response-cache.ts): a client
// revalidating with If-None-Match gets 304 while nothing changed, and the new answer as soon as
// anything wrote to the graph, through this server or behind its back (the CLI, another server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { call, startApi, type TestApi } from '../support/api.ts';
import { clearDatabase } from '../support/neo4j.ts';

const HARBOR: GraphDocument = {
  articles: [{ id: 'harbor-article', title: 'Harbor news', publishedAt: '2021-03-02' }],
  nodes: [
    { id: 'person:hana-harbor', label: 'Person', name: 'Hana Harbor', aliases: [], properties: {} },
    { id: 'city:porto-harbor', label: 'City', name: 'Porto Harbor', aliases: [], properties: {} },
  ],
  relationships: [
    { type: 'HOLDS_POSITION', source: 'person:hana-harbor', target: 'city:porto-harbor', properties: { title: 'Mayor' }, sources: ['harbor-article'], evidence: ['Hana Harbor is the Mayor of Porto Harbor.'] },
  ],
};
const DETAIL = '/api/entities/person:hana-harbor';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
  await clearDatabase(api.conn);
  expect((await call(api, 'POST', '/api/articles', HARBOR)).status).toBe(201);
});
afterAll(async () => {
  await api?.close();
});

const get = (path: string, etag?: string) => fetch(api.url + path, { headers: etag ? { 'if-none-match': etag } : {} });

describe('kept answers', () => {
  it('answers a revalidation with 304 while the graph is unchanged, with the same body otherwise', async () => {
    const first = await get(DETAIL);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const body = await first.text();

    const again = await get(DETAIL);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe(body);

    const revalidated = await get(DETAIL, etag);
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    // Another URL is another answer: its tag does not revalidate this one.
    const other = await get('/api/entities/city:porto-harbor');
    expect((await get(DETAIL, other.headers.get('etag')!)).status).toBe(200);
  });

  it('gives the new answer after a write behind its back that changes no count', async () => {
    const before = await get(DETAIL);
    const etag = before.headers.get('etag')!;
    expect((await before.json()).relationships[0].properties.title).toBe('Mayor');
    // As the CLI or another server would: straight to Neo4j, one property, no node or relationship added.
    await api.conn.driver.executeQuery("MATCH (:Entity {id: 'person:hana-harbor'})-[r:HOLDS_POSITION]->() SET r.title = 'Deputy Mayor'", {}, { database: api.conn.database });

    const after = await get(DETAIL, etag);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await after.json()).relationships[0].properties.title).toBe('Deputy Mayor');
  });

  it('finds what an article sent to this server adds at once', async () => {
    const search = '/api/entities?q=Marina';
    expect((await (await get(search)).json()).results).toEqual([]);
    const added: GraphDocument = {
      articles: [{ id: 'marina-article', title: 'Marina news', publishedAt: null }],
      nodes: [{ id: 'person:mia-marina', label: 'Person', name: 'Mia Marina', aliases: [], properties: {} }, HARBOR.nodes[1]!],
      relationships: [{ type: 'VISITED', source: 'person:mia-marina', target: 'city:porto-harbor', properties: {}, sources: ['marina-article'], evidence: ['Mia Marina visited Porto Harbor.'] }],
    };
    expect((await call(api, 'POST', '/api/articles', added)).status).toBe(201);
    expect((await (await get(search)).json()).results.map((r: { id: string }) => r.id)).toEqual(['person:mia-marina']);
  });

  it('keeps path answers too, and a path a new article makes is answered at once', async () => {
    const path = '/api/paths?from=person:hana-harbor&to=person:nils-north';
    const write = (doc: GraphDocument) => call(api, 'POST', '/api/articles', doc);
    const north: GraphDocument = {
      articles: [{ id: 'north-article', title: 'North news', publishedAt: '2021-04-01' }],
      nodes: [{ id: 'person:nils-north', label: 'Person', name: 'Nils North', aliases: [], properties: {} }],
      relationships: [],
    };
    expect((await write(north)).status).toBe(201);
    const first = await get(path);
    expect((await first.json()).paths).toEqual([]);
    expect((await get(path, first.headers.get('etag')!)).status).toBe(304);
    const met: GraphDocument = {
      articles: [{ id: 'met-article', title: 'Harbor meets North', publishedAt: '2021-05-01' }],
      nodes: [HARBOR.nodes[0]!, north.nodes[0]!],
      relationships: [{ type: 'MET_WITH', source: 'person:hana-harbor', target: 'person:nils-north', properties: {}, sources: ['met-article'], evidence: ['Hana Harbor met Nils North.'] }],
    };
    expect((await write(met)).status).toBe(201);
    const after = await get(path, first.headers.get('etag')!);
    expect(after.status).toBe(200);
    expect((await after.json()).paths.map((p: { nodes: string[] }) => p.nodes)).toEqual([['person:hana-harbor', 'person:nils-north']]);
  });

  it('keeps no error: an unknown entity and a bad query get their 404 and 400 with no tag', async () => {
    for (const [path, status] of [['/api/entities/person:nobody', 404], ['/api/entities?q=', 400]] as const) {
      const response = await get(path);
      expect(response.status).toBe(status);
      expect(response.headers.get('etag')).toBeNull();
    }
    await api.conn.driver.executeQuery("CREATE (:Entity:Person {id: 'person:nobody', name: 'Nobody', aliases: []})", {}, { database: api.conn.database });
    expect((await get('/api/entities/person:nobody')).status).toBe(200);
  });
});
