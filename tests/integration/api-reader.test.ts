// The article reader and the "expand by type" counts through the real HTTP API on the test Neo4j:
// stored texts (API text, graph documents, export), evidence sentences located in them, and an
// entity's neighbours counted and paged per label and type.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { call, startApi, type TestApi } from '../support/api.ts';
import { clearDatabase } from '../support/neo4j.ts';

const SEED = readFileSync(new URL('../../seed/articles/shenyang-sasebo-mayor-exchange-day.txt', import.meta.url), 'utf8');

/** A hub: one city with 7 sister cities and 3 people holding office there; the sister cities hold 2 more facts among themselves. */
const HUB_CITIES = ['Avalon', 'Brindle', 'Corvo', 'Dunmore', 'Esker', 'Fallow', 'Gantry'];
const HUB: GraphDocument = {
  articles: [{ id: 'hub-article', title: 'Hubton and its friends', text: 'Hubton has seven sister cities.\n\nThree people run it.' }],
  nodes: [
    { id: 'city:hubton', label: 'City', name: 'Hubton', aliases: [], properties: {} },
    ...HUB_CITIES.map((name) => ({ id: `city:${name.toLowerCase()}`, label: 'City' as const, name, aliases: [], properties: {} })),
    ...['Ann', 'Bo', 'Cy'].map((first) => ({ id: `person:${first.toLowerCase()}-hub`, label: 'Person' as const, name: `${first} Hub`, aliases: [], properties: {} })),
  ],
  relationships: [
    ...HUB_CITIES.map((name) => ({ type: 'SISTER_CITY_OF' as const, source: 'city:hubton', target: `city:${name.toLowerCase()}`, properties: {}, sources: [], evidence: ['Hubton has seven sister cities.'] })),
    ...['ann', 'bo', 'cy'].map((first) => ({ type: 'HOLDS_POSITION' as const, source: `person:${first}-hub`, target: 'city:hubton', properties: { title: 'Mayor' }, sources: [], evidence: ['Three people run it.'] })),
    // the person Ann also visited Avalon: a second type between entities already counted
    { type: 'VISITED', source: 'person:ann-hub', target: 'city:avalon', properties: {}, sources: [], evidence: [] },
    { type: 'SISTER_CITY_OF', source: 'city:avalon', target: 'city:brindle', properties: {}, sources: [], evidence: [] },
  ],
};

let api: TestApi;
let seedId: string;
beforeAll(async () => {
  api = await startApi();
  await clearDatabase(api.conn);
  const stored = await call(api, 'POST', '/api/articles', SEED);
  expect(stored.status).toBe(201);
  seedId = stored.body.articles[0].id;
  expect((await call(api, 'POST', '/api/articles', HUB)).status).toBe(201);
});
afterAll(async () => {
  await api?.close();
});

const squeezed = (s: string) => s.replace(/\s+/g, '').toLowerCase();

describe('GET /api/articles/:id/text', () => {
  it('serves the text of an article posted without a URL, its evidence sentences located in it', async () => {
    const { status, body } = await call(api, 'GET', `/api/articles/${seedId}/text`);
    expect(status).toBe(200);
    expect(body.article).toMatchObject({ id: seedId, url: null });
    expect(body.article.title).toContain('Hello, Shenyang');
    expect(body.text).toContain('Miyajima Daisuke, Mayor of Sasebo City, said that this is his first visit to Shenyang');
    // the title and the page chrome ("时间:2024-04-01 …") are not part of the text
    expect(body.text).not.toContain('供稿部门');
    expect(body.passages.length).toBeGreaterThan(3);
    for (const p of body.passages) {
      const where = p.field === 'text' ? body.text : body.article.title;
      expect(squeezed(where.slice(p.start, p.end))).toBe(squeezed(p.sentence));
      expect(p.facts.length).toBeGreaterThan(0);
    }
    // in reading order, and the twinning sentence is evidence of the sister-city fact
    const starts = body.passages.filter((p: { field: string }) => p.field === 'text').map((p: { start: number }) => p.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const twinning = body.passages.find((p: { facts: { type: string }[] }) => p.facts.some((f) => f.type === 'SISTER_CITY_OF'));
    expect(twinning.sentence).toMatch(/sister cities|twinning/);
    expect(twinning.facts.find((f: { type: string }) => f.type === 'SISTER_CITY_OF')).toMatchObject({ source: { label: 'City' }, target: { label: 'City' } });
  });

  it('stores the text a graph document gives, and the export carries it', async () => {
    const { body } = await call(api, 'GET', '/api/articles/hub-article/text');
    expect(body.text).toBe(HUB.articles[0]!.text);
    expect(body.passages.map((p: { sentence: string; start: number }) => [p.sentence, p.start])).toEqual([
      ['Hubton has seven sister cities.', 0],
      ['Three people run it.', 33],
    ]);
    expect(body.passages[0].facts).toHaveLength(7);
    const exported = await call(api, 'GET', '/api/graph');
    const articles = new Map(exported.body.articles.map((a: { id: string; text?: string }) => [a.id, a.text]));
    expect(articles.get('hub-article')).toBe(HUB.articles[0]!.text);
    expect(articles.get(seedId)).toContain('Since the twinning of Shenyang and Sasebo in 2011');
  });

  it('lists the sentences of an article stored without text as unplaced', async () => {
    const doc: GraphDocument = {
      articles: [{ id: 'textless-article', title: 'No text here' }],
      nodes: HUB.nodes.slice(0, 2),
      relationships: [{ type: 'SISTER_CITY_OF', source: 'city:hubton', target: 'city:avalon', properties: {}, sources: [], evidence: ['Hubton and Avalon are twinned.'] }],
    };
    expect((await call(api, 'POST', '/api/articles', doc)).status).toBe(201);
    const { body } = await call(api, 'GET', '/api/articles/textless-article/text');
    expect(body.text).toBeNull();
    expect(body.passages).toEqual([]);
    expect(body.unplaced).toEqual([{ sentence: 'Hubton and Avalon are twinned.', facts: [expect.objectContaining({ type: 'SISTER_CITY_OF' })] }]);

    // the same article again, with its text: the text is filled in, nothing else changes
    const again = await call(api, 'POST', '/api/articles', { ...doc, articles: [{ ...doc.articles[0]!, text: 'News. Hubton and Avalon are twinned.' }] });
    expect(again.status).toBe(200);
    expect(again.body.articles[0].status).toBe('unchanged');
    const filled = (await call(api, 'GET', '/api/articles/textless-article/text')).body;
    expect(filled.text).toBe('News. Hubton and Avalon are twinned.');
    expect(filled.passages).toEqual([expect.objectContaining({ field: 'text', start: 6, end: 36, sentence: 'Hubton and Avalon are twinned.' })]);
    expect(filled.unplaced).toEqual([]);
  });

  it('answers 404 for an unknown article and 400 naming the id when it is too long', async () => {
    const missing = await call(api, 'GET', '/api/articles/no-such-article/text');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('no-such-article');
    const long = await call(api, 'GET', `/api/articles/${'x'.repeat(600)}/text`);
    expect(long.status).toBe(400);
    expect(long.body.message).toMatch(/^(params\.id|url)/);
  });
});

describe('neighbours per label and type', () => {
  it('counts a hub’s neighbours per label and per relationship type from the database', async () => {
    const { status, body } = await call(api, 'GET', '/api/entities/city:hubton/neighbors/counts');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'city:hubton', total: 10, complete: true });
    // Avalon is twinned with Hubton by this document and by the textless one: one neighbour, not two
    expect(body.labels).toEqual([
      { label: 'City', count: 7 },
      { label: 'Person', count: 3 },
    ]);
    expect(body.types).toEqual([
      { type: 'SISTER_CITY_OF', count: 7 },
      { type: 'HOLDS_POSITION', count: 3 },
    ]);
  });

  it('draws one page of the neighbours of one type, best connected first, with their total', async () => {
    const { status, body } = await call(api, 'GET', '/api/entities/city:hubton/neighbors?type=SISTER_CITY_OF&limit=3');
    expect(status).toBe(200);
    expect(body).toMatchObject({ center: 'city:hubton', total: 7, offset: 0, complete: true });
    const ids = body.elements.nodes.map((n: { data: { id: string } }) => n.data.id);
    // Avalon (4 relationships and 2 articles) and Brindle (2 and 1) are the best connected
    expect(ids).toEqual(expect.arrayContaining(['city:hubton', 'city:avalon', 'city:brindle']));
    expect(ids).toHaveLength(4);
    expect(new Set(body.elements.edges.map((e: { data: { type: string } }) => e.data.type))).toEqual(new Set(['SISTER_CITY_OF']));
    const rest = await call(api, 'GET', '/api/entities/city:hubton/neighbors?type=SISTER_CITY_OF&limit=3&offset=3');
    const more = rest.body.elements.nodes.map((n: { data: { id: string } }) => n.data.id).filter((id: string) => id !== 'city:hubton');
    expect(more).toHaveLength(3);
    expect(more.some((id: string) => ids.includes(id))).toBe(false);
    const people = await call(api, 'GET', '/api/entities/city:hubton/neighbors?label=Person');
    expect(people.body.total).toBe(3);
    expect(people.body.elements.nodes.filter((n: { data: { label: string } }) => n.data.label === 'Person')).toHaveLength(3);
  });

  it('answers 400 naming the field for a bad label, type or limit, and 404 for an unknown entity', async () => {
    for (const [query, field] of [
      ['label=Planet', 'querystring.label'],
      ['type=MENTIONS', 'querystring.type'],
      ['limit=0', 'querystring.limit'],
      ['offset=-1', 'querystring.offset'],
    ] as const) {
      const reply = await call(api, 'GET', `/api/entities/city:hubton/neighbors?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body.message, query).toContain(field);
    }
    expect((await call(api, 'GET', '/api/entities/city:nowhere/neighbors/counts')).status).toBe(404);
    expect((await call(api, 'GET', '/api/entities/city:nowhere/neighbors?type=VISITED')).status).toBe(404);
  });
});
