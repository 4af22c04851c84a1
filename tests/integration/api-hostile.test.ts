// The reproductions of issue 12 (input side), each against the real server and Neo4j: what a
// hostile-but-fair client sends must get a 4xx naming the problem and leave other articles' data as
// it was, or be stored with every letter.
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { ingestBatch } from '../../api/ingest/service.ts';
import { call, startApi, type TestApi } from '../support/api.ts';
import { clearDatabase } from '../support/neo4j.ts';

const SEED = readFileSync(new URL('../../seed/articles/shenyang-sasebo-mayor-exchange-day.txt', import.meta.url), 'utf8');
const errorShape = { statusCode: expect.any(Number), error: expect.any(String), message: expect.any(String) };

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});
beforeEach(async () => {
  await clearDatabase(api.conn);
});

async function counts() {
  return (await call(api, 'GET', '/api/health')).body.counts as { nodes: number; relationships: number };
}
const entity = async (id: string) => (await call(api, 'GET', `/api/entities/${encodeURIComponent(id)}`)).body.node;

/** A request with headers fetch will not send as given (Host), answered as status, headers and parsed JSON. */
function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(api.url);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: any }>((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const cityDoc = (article: string, node: Partial<GraphDocument['nodes'][number]>): GraphDocument => ({
  articles: [{ id: article, title: article }],
  nodes: [{ id: 'city:alford', label: 'City', name: 'Alford', aliases: [], properties: {}, ...node }],
  relationships: [],
});

describe('a graph document cannot rewrite what other articles stated (1)', () => {
  it('refuses reserved fields in properties with a 400 naming the field; the person keeps its name', async () => {
    expect((await call(api, 'POST', '/api/articles', SEED)).status).toBe(201);
    const before = await counts();
    const evil = {
      articles: [{ id: 'evil-1', title: 'evil one', url: 'https://evil.example/1' }],
      nodes: [{ id: 'person:lyu-zhicheng', label: 'Person', name: 'Lyu Zhicheng', properties: { name: 'HACKED NAME', aliases: 'x' } }],
      relationships: [],
    };
    const reply = await call(api, 'POST', '/api/articles', evil);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual(errorShape);
    expect(reply.body.message).toMatch(/nodes\[0\]\.properties\.name is reserved/);
    const withId = await call(api, 'POST', '/api/articles', { ...evil, nodes: [{ ...evil.nodes[0], properties: { id: 'person:someone-else' } }] });
    expect(withId.status).toBe(400);
    expect(withId.body.message).toMatch(/nodes\[0\]\.properties\.id is reserved/);
    const onRelationship = await call(api, 'POST', '/api/articles', {
      ...cityDoc('evil-2', {}),
      nodes: [cityDoc('x', {}).nodes[0], { id: 'city:bexby', label: 'City', name: 'Bexby' }],
      relationships: [{ type: 'SISTER_CITY_OF', source: 'city:alford', target: 'city:bexby', properties: { sources: 'evil-2' } }],
    });
    expect(onRelationship.status).toBe(400);
    expect(onRelationship.body.message).toMatch(/relationships\[0\]\.properties\.sources is reserved/);
    expect(await counts()).toEqual(before);
    expect((await entity('person:lyu-zhicheng')).name).toBe('Lyu Zhicheng');
  });

  it('deleting a second article takes back exactly the names, aliases, properties and alias keys it added', async () => {
    expect((await call(api, 'POST', '/api/articles', cityDoc('first', { properties: { country: 'GB' } }))).status).toBe(201);
    const first = await entity('city:alford');
    const second = cityDoc('second', { name: 'Alford Town', aliases: ['Zzyzx Springs'], properties: { country: 'XX', population: 5 } });
    expect((await call(api, 'POST', '/api/articles', second)).status).toBe(201);
    const both = await entity('city:alford');
    expect(both.name).toBe('Alford');
    expect(both.properties.country).toBe('GB'); // a later article adds, never overwrites
    expect(both.aliases).toEqual(expect.arrayContaining(['Alford Town', 'Zzyzx Springs']));
    expect((await call(api, 'GET', '/api/entities?q=Zzyzx%20Springs')).body.results.map((r: { id: string }) => r.id)).toContain('city:alford');

    expect((await call(api, 'DELETE', '/api/articles/second')).status).toBe(200);
    expect(await entity('city:alford')).toEqual(first);
    expect((await call(api, 'GET', '/api/paths?from=Zzyzx%20Springs&to=Alford')).status).toBe(404);
  });

  it('deleting the first article leaves the entity as the second states it', async () => {
    await call(api, 'POST', '/api/articles', cityDoc('first', { properties: { country: 'GB' } }));
    await call(api, 'POST', '/api/articles', cityDoc('second', { name: 'Alford Town', properties: { population: 5 } }));
    expect((await call(api, 'DELETE', '/api/articles/first')).status).toBe(200);
    const left = await entity('city:alford');
    expect(left.name).toBe('Alford Town');
    expect(left.aliases).toEqual([]);
    expect(left.properties).toEqual({ population: 5 });
  });

  it('a relationship keeps the properties the articles left state: a delete takes back what only it added', async () => {
    const twinned = (article: string, properties: Record<string, string | number>): GraphDocument => ({
      articles: [{ id: article, title: article }],
      nodes: [
        { id: 'city:alford', label: 'City', name: 'Alford', aliases: [], properties: {} },
        { id: 'city:bexby', label: 'City', name: 'Bexby', aliases: [], properties: {} },
      ],
      relationships: [{ type: 'SISTER_CITY_OF', source: 'city:alford', target: 'city:bexby', properties, sources: [article], evidence: [`${article} says so.`] }],
    });
    const sisterProperties = async () => (await call(api, 'GET', '/api/entities/city:alford')).body.relationships.find((r: { type: string }) => r.type === 'SISTER_CITY_OF').properties;
    await call(api, 'POST', '/api/articles', twinned('first', { since: 2001 }));
    await call(api, 'POST', '/api/articles', twinned('second', { since: 1999, note: 'HACKED' }));
    expect(await sisterProperties()).toEqual({ since: 2001, note: 'HACKED' });
    await call(api, 'DELETE', '/api/articles/second');
    expect(await sisterProperties()).toEqual({ since: 2001 });
    await call(api, 'POST', '/api/articles', twinned('third', { since: 1999 }));
    await call(api, 'DELETE', '/api/articles/first');
    expect(await sisterProperties()).toEqual({ since: 1999 });
  });

  it('the ingest CLI reports a file that gives a stored entity another label and stores the rest of its batch', async () => {
    await call(api, 'POST', '/api/articles', cityDoc('first', {}));
    const clash = JSON.stringify({ ...cityDoc('second', {}), nodes: [{ id: 'city:alford', label: 'Person', name: 'Alford Smith' }] });
    const result = await ingestBatch(api.conn, [
      { content: clash, format: 'json', file: 'clash.json' },
      { content: SEED, format: 'text', file: 'seed.txt' },
    ]);
    expect(result.failed).toEqual([{ file: 'article second', reason: expect.stringMatching(/stored as a City/) }]);
    expect(result.articles).toEqual([expect.objectContaining({ status: 'new' })]);
    expect((await entity('person:lyu-zhicheng')).name).toBe('Lyu Zhicheng');
  });

  it('refuses a node whose id is stored with another label (400), so no entity gains a second label', async () => {
    await call(api, 'POST', '/api/articles', cityDoc('first', {}));
    const reply = await call(api, 'POST', '/api/articles', { ...cityDoc('second', {}), nodes: [{ id: 'city:alford', label: 'Person', name: 'Alford Smith' }] });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(/nodes\[0\]\.label.*stored as a City/);
    expect((await call(api, 'GET', '/api/entities/city:alford')).body.node.label).toBe('City');
  });
});

describe('article identity (3)', () => {
  const solberg = 'City council news\n\nMayor Ingrid Solberg of Tromsø met Mayor Pekka Virtanen of Oulu in Tromsø on Monday.';
  const keller = 'City council news\n\nMayor Hans Keller of Basel visited Mulhouse on Tuesday and met Mayor Michèle Lutz.';

  it('keeps two different articles with the same title and no URL or file, and says each is new', async () => {
    const a = await call(api, 'POST', '/api/articles', solberg);
    const b = await call(api, 'POST', '/api/articles', keller);
    expect(a.body.articles).toEqual([expect.objectContaining({ status: 'new' })]);
    expect(b.body.articles).toEqual([expect.objectContaining({ status: 'new' })]);
    expect(b.body.articles[0].id).not.toBe(a.body.articles[0].id);
    expect((await call(api, 'GET', '/api/articles')).body.total).toBe(2);
    expect((await call(api, 'GET', '/api/entities?q=Ingrid%20Solberg')).body.results.length).toBeGreaterThan(0);
  });

  it('a new text under the same file name or URL is a new version; the same text again is unchanged', async () => {
    expect((await call(api, 'POST', '/api/articles?file=council.txt', solberg)).body.articles[0].status).toBe('new');
    expect((await call(api, 'POST', '/api/articles?file=council.txt', keller)).body.articles[0].status).toBe('updated');
    expect((await call(api, 'POST', '/api/articles?file=council.txt', keller)).body.articles[0].status).toBe('unchanged');
    expect((await call(api, 'GET', '/api/articles')).body.total).toBe(1);
  });
});

describe('the default server (no API_TOKEN) answers only this machine (4)', () => {
  it('refuses a foreign Host, and writes from another site; this machine’s pages may write', async () => {
    const rebound = await raw('/api/health', { headers: { host: 'attacker.example:3000' } });
    expect(rebound.status).toBe(403);
    expect(rebound.body).toEqual(errorShape);
    for (const host of ['localhost:3000', '127.0.0.1', '[::1]:3000']) expect((await raw('/api/health', { headers: { host } })).status).toBe(200);

    const before = await counts();
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of crossSite) {
      const reply = await call(api, 'POST', '/api/articles', SEED, headers);
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(reply.body).toEqual(errorShape);
    }
    expect((await call(api, 'DELETE', '/api/articles/x', undefined, { origin: 'https://evil.example' })).status).toBe(403);
    expect(await counts()).toEqual(before);
    expect((await call(api, 'POST', '/api/articles', SEED, { origin: 'http://localhost:5173', 'sec-fetch-site': 'same-site' })).status).toBe(201);
  });

  it('sends security headers with the viewer and the API docs', async () => {
    for (const path of ['/', '/docs', '/api/health']) {
      const reply = await raw(path);
      expect(reply.headers['content-security-policy'], path).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(reply.headers['x-content-type-options'], path).toBe('nosniff');
      expect(reply.headers['x-frame-options'], path).toBe('DENY');
      expect(reply.headers['referrer-policy'], path).toBe('no-referrer');
    }
  });
});

describe('limits (5, 10)', () => {
  it('a long from/to is a 400, never a 500; many short words stay under the Lucene clause limit', async () => {
    await call(api, 'POST', '/api/articles', SEED);
    const long = Array.from({ length: 1100 }, (_, i) => `word${i}`).join(' ');
    const tooLong = await call(api, 'GET', `/api/paths?from=${encodeURIComponent(long)}&to=Lyu%20Zhicheng`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toMatch(/from/);
    const manyWords = Array.from({ length: 250 }, () => 'a').join(' ');
    for (const path of [`/api/paths?from=${encodeURIComponent(manyWords)}&to=Lyu%20Zhicheng`, `/api/events?city=${encodeURIComponent(manyWords)}`]) {
      expect((await call(api, 'GET', path)).status, path).toBeLessThan(500);
    }
  });

  it('an article id over 100 characters can be fetched and deleted; one over the cap is refused', async () => {
    const id = `a${'x'.repeat(150)}`;
    expect((await call(api, 'POST', '/api/articles', cityDoc(id, {}))).status).toBe(201);
    expect((await call(api, 'GET', `/api/articles/${id}`)).status).toBe(200);
    expect((await call(api, 'DELETE', `/api/articles/${id}`)).status).toBe(200);
    const tooLong = await call(api, 'POST', '/api/articles', cityDoc('y'.repeat(600), {}));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toMatch(/articles\[0\]\.id/);
  });

  it('answers 414 and 431 in the documented error shape', async () => {
    const longParam = await raw(`/api/articles/${'z'.repeat(5000)}`, { method: 'DELETE' });
    expect(longParam.status).toBe(414);
    expect(longParam.body).toEqual(errorShape);
    const longGet = await raw(`/api/entities/${'z'.repeat(5000)}`);
    expect(longGet.status).toBeGreaterThanOrEqual(400);
    expect(longGet.status).toBeLessThan(500);
    expect(longGet.body).toEqual(errorShape);
    const bigHeader = await raw('/api/health', { headers: { 'x-padding': 'p'.repeat(20_000) } });
    expect(bigHeader.status).toBe(431);
    expect(bigHeader.body).toEqual(errorShape);
  });

  it('accepts the bearer scheme in any case', async () => {
    const secured = await startApi({ apiToken: 'case-token' });
    try {
      const doc = cityDoc('bearer-case', {});
      expect((await call(secured, 'POST', '/api/articles', doc, { authorization: 'bearer case-token' })).status).toBe(201);
      expect((await call(secured, 'DELETE', '/api/articles/bearer-case', undefined, { authorization: 'BEARER case-token' })).status).toBe(200);
      expect((await call(secured, 'DELETE', '/api/articles/bearer-case', undefined, { authorization: 'bearer wrong' })).status).toBe(401);
    } finally {
      await secured.close();
    }
  });
});

describe('charsets (6)', () => {
  const text = 'Partnerschaft\n\nMayor Jörg Müller of Köln met Mayor Søren Ærø of Aarhus in Köln on Monday.';
  const names = async () => (await call(api, 'GET', '/api/graph')).body.nodes.map((n: { name: string }) => n.name) as string[];

  it('decodes the declared charset of a text body (ISO-8859-1, GB18030) and detects an undeclared one', async () => {
    const send = (bytes: Buffer, contentType: string) => fetch(`${api.url}/api/articles`, { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(bytes) });
    expect((await send(iconv.encode(text, 'latin1'), 'text/plain; charset=ISO-8859-1')).status).toBe(201);
    expect(await names()).toEqual(expect.arrayContaining(['Jörg Müller', 'Köln']));

    const chinese = '沈阳市与佐世保市\n\nMayor Lyu Zhicheng of Shenyang met Mayor Norio Miyajima of Sasebo in Shenyang. 沈阳市副市长吕志成会见了佐世保市市长宫岛。';
    expect((await send(iconv.encode(chinese, 'gb18030'), 'text/plain; charset=GB18030')).status).toBe(201);
    const stored = (await call(api, 'GET', '/api/articles')).body.articles.map((a: { title: string }) => a.title);
    expect(stored).toContain('沈阳市与佐世保市');

    const japanese = '広島と長崎の交流\n\nMayor Kazumi Matsui of Hiroshima visited Nagasaki. 広島市長は長崎市を訪問しました。姉妹都市の交流について話し合いました。';
    expect((await send(iconv.encode(japanese, 'shift_jis'), 'text/plain')).status).toBe(201);
    expect((await call(api, 'GET', '/api/articles')).body.articles.map((a: { title: string }) => a.title)).toContain('広島と長崎の交流');

    const unknown = await send(Buffer.from(text), 'text/plain; charset=klingon');
    expect(unknown.status).toBe(415);
  });
});

describe('dates (7)', () => {
  it('refuses impossible dates in queries and documents', async () => {
    for (const path of ['/api/events?since=2024-13-45', '/api/graph/elements?until=2024-02-30', '/api/paths?from=a&to=b&since=2023-02-29']) {
      const reply = await call(api, 'GET', path);
      expect(reply.status, path).toBe(400);
      expect(reply.body.message).toMatch(/since|until/);
    }
    const doc = cityDoc('dated', {});
    const reply = await call(api, 'POST', '/api/articles', { ...doc, articles: [{ ...doc.articles[0], publishedAt: '2024-02-30' }] });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(/publishedAt/);
    expect((await call(api, 'GET', '/api/events?since=2024-02-29')).status).toBe(200);
  });
});
