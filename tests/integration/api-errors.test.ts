// Every error the API promises, produced by a real request: 400 naming the field, 401, 404, 413,
// 415; bad input changes nothing and never gets a 500. And the OpenAPI document.
import { existsSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { call, startApi, type TestApi } from '../support/api.ts';
import { clearDatabase } from '../support/neo4j.ts';

const DOC: GraphDocument = {
  articles: [{ id: 'err-article', title: 'Twinning' }],
  nodes: [
    { id: 'city:alford', label: 'City', name: 'Alford', aliases: [], properties: {} },
    { id: 'city:bexby', label: 'City', name: 'Bexby', aliases: [], properties: {} },
  ],
  relationships: [
    { type: 'SISTER_CITY_OF', source: 'city:alford', target: 'city:bexby', properties: { since: 2001 }, sources: ['err-article'], evidence: ['Alford and Bexby are twinned.'] },
  ],
};

let api: TestApi;
beforeAll(async () => {
  api = await startApi({ bodyLimit: 4096 });
  await clearDatabase(api.conn);
  expect((await call(api, 'POST', '/api/articles', DOC)).status).toBe(201);
});
afterAll(async () => {
  await api?.close();
});

const errorShape = { statusCode: expect.any(Number), error: expect.any(String), message: expect.any(String) };

describe('errors', () => {
  it('400 names the bad field, for queries and bodies, and changes nothing', async () => {
    const before = (await call(api, 'GET', '/api/health')).body.counts;
    const cases: [string, string, unknown, RegExp][] = [
      ['GET', '/api/paths?from=Alford&to=Bexby&maxHops=9', undefined, /maxHops/],
      ['GET', '/api/paths?to=Bexby', undefined, /from/],
      ['GET', '/api/paths?from=Alford&to=Bexby&types=FRIENDS_WITH', undefined, /types/],
      ['GET', '/api/events?since=March', undefined, /since/],
      ['GET', '/api/entities?q=', undefined, /q/],
      ['GET', '/api/entities?q=x&label=Planet', undefined, /label/],
      ['GET', '/api/articles?limit=-1', undefined, /limit/],
      ['POST', '/api/articles', { format: 'pdf', content: 'x' }, /format/],
      ['POST', '/api/articles', { format: 'text', content: '' }, /content/],
      ['POST', '/api/articles', { ...DOC, nodes: [{ ...DOC.nodes[0], label: 'Planet' }, DOC.nodes[1]] }, /label/],
      ['POST', '/api/articles', { ...DOC, relationships: [{ ...DOC.relationships[0], target: 'city:nowhere' }] }, /relationships.*target/],
      ['POST', '/api/articles', { ...DOC, articles: [] }, /articles/],
      ['POST', '/api/articles', '   ', /body/],
    ];
    for (const [method, path, body, field] of cases) {
      const reply = await call(api, method, path, body);
      expect(reply.status, `${method} ${path} ${JSON.stringify(body)?.slice(0, 80)}`).toBe(400);
      expect(reply.body).toEqual(errorShape);
      expect(reply.body.message).toMatch(field);
    }
    const badJson = await fetch(`${api.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"articles": [' });
    expect(badJson.status).toBe(400);
    expect((await call(api, 'GET', '/api/health')).body.counts).toEqual(before);
  });

  it('404 for unknown ids and routes', async () => {
    for (const [method, path] of [
      ['GET', '/api/entities/city:nowhere'],
      ['GET', '/api/entities/city:nowhere/neighborhood'],
      ['GET', '/api/articles/no-such-article'],
      ['DELETE', '/api/articles/no-such-article'],
      ['GET', '/api/paths?from=Alford&to=Nowhere%20At%20All%20Qqq'],
      ['GET', '/api/no-such-route'],
    ]) {
      const reply = await call(api, method!, path!);
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(reply.body).toEqual(errorShape);
    }
  });

  it('413 for a body over the configured limit, 415 for a content type that is not an article', async () => {
    const tooBig = await call(api, 'POST', '/api/articles', 'Mayor '.repeat(1000));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toEqual(errorShape);
    expect(tooBig.body.message).toMatch(/4096/);
    const xml = await call(api, 'POST', '/api/articles', '<article>Alford</article>', { 'content-type': 'application/xml' });
    expect(xml.status).toBe(415);
    expect(xml.body).toEqual(errorShape);
  });

  it('never answers bad input with a 500', async () => {
    const junk = ['%', '%00', "'\"", '\\', '()', '{}', '[]', '~*?', 'a'.repeat(300), '-1', '1e309', 'NaN', '2024-13-45'];
    for (const value of junk) {
      const v = encodeURIComponent(value);
      for (const path of [
        `/api/entities?q=${v}`,
        `/api/entities/${v}`,
        `/api/entities/city:alford/neighborhood?depth=${v}`,
        `/api/paths?from=${v}&to=Bexby`,
        `/api/paths?from=Alford&to=Bexby&k=${v}`,
        `/api/events?city=${v}&until=${v}`,
        `/api/graph/elements?limit=${v}&edges=${v}`,
        `/api/exchanges?a=${v}&b=city:alford`,
        `/api/articles/${v}`,
        `/api/articles/${v}/text`,
        `/api/entities/${v}/neighbors/counts`,
        `/api/entities/city:alford/neighbors?label=${v}&type=${v}&offset=${v}&limit=${v}`,
      ]) {
        const reply = await call(api, 'GET', path);
        expect(reply.status, path).toBeLessThan(500);
        expect(JSON.stringify(reply.body)).not.toMatch(/\n\s+at /);
      }
    }
  });
});

describe('writes with API_TOKEN', () => {
  it('401 without the bearer token; reads stay open', async () => {
    const secured = await startApi({ apiToken: 's3cret-token' });
    try {
      const anonymous = await call(secured, 'POST', '/api/articles', DOC);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toEqual(errorShape);
      expect((await call(secured, 'DELETE', '/api/articles/err-article', undefined, { authorization: 'Bearer wrong' })).status).toBe(401);
      expect((await call(secured, 'GET', '/api/entities?q=Alford')).status).toBe(200);
      const allowed = await call(secured, 'POST', '/api/articles', DOC, { authorization: 'Bearer s3cret-token' });
      expect(allowed.status).toBe(200);
      expect(allowed.body.articles[0].status).toBe('unchanged');
    } finally {
      await secured.close();
    }
  });
});

describe('OpenAPI', () => {
  it('serves a valid document at /docs/json that lists every route, and the Swagger UI at /docs', async () => {
    const { status, body } = await call(api, 'GET', '/docs/json');
    expect(status).toBe(200);
    await SwaggerParser.validate(structuredClone(body));
    const routes = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(
      [
        'GET /api/health',
        'POST /api/articles',
        'GET /api/articles',
        'GET /api/articles/{id}',
        'GET /api/articles/{id}/text',
        'DELETE /api/articles/{id}',
        'GET /api/entities',
        'GET /api/entities/{id}',
        'GET /api/entities/{id}/neighborhood',
        'GET /api/entities/{id}/neighbors',
        'GET /api/entities/{id}/neighbors/counts',
        'GET /api/paths',
        'GET /api/events',
        'GET /api/exchanges',
        'GET /api/graph',
        'POST /api/graph',
        'GET /api/graph/elements',
        'POST /api/corrections',
        'GET /api/corrections',
        'POST /api/corrections/{id}/undo',
        'GET /api/review/duplicates',
      ].sort(),
    );
    const ui = await fetch(`${api.url}/docs`);
    expect(ui.status).toBe(200);
  });

  it.skipIf(!existsSync(new URL('../../dist/viz/index.html', import.meta.url)))('serves the built viewer at /', async () => {
    const page = await fetch(`${api.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
  });
});
