// Fuzzing every route of the OpenAPI document (/docs/json) with fast-check: each parameter gets
// values of its type, values just outside its limits, and hostile ones (Cypher and Lucene syntax,
// percent-signs, control characters, very long strings, impossible dates); POST /api/articles gets
// hostile bodies in every content type. The server must never answer 5xx, and a 4xx must leave the
// stored entities, relationships and articles exactly as they were. Bounded: RUNS cases per route (about 15 s in all).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_LABELS, RELATIONSHIP_TYPES } from '../../api/graph/schema.ts';
import { call, startApi, type TestApi } from '../support/api.ts';
import { clearDatabase } from '../support/neo4j.ts';
import { readFileSync } from 'node:fs';

// FUZZ_RUNS=1000 for a deeper run by hand
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = readFileSync(new URL('../../seed/articles/shenyang-sasebo-mayor-exchange-day.txt', import.meta.url), 'utf8');

interface ParameterSchema {
  type?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}
interface Parameter {
  in: 'query' | 'path';
  name: string;
  required?: boolean;
  schema: ParameterSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, unknown> };
}

const HOSTILE = [
  "') MATCH (n) DETACH DELETE n //",
  '"}) RETURN 1 UNION MATCH (n) RETURN n //',
  '*:*',
  'a~ OR b^9 AND "c',
  '\\',
  '%',
  '%00',
  '%ZZ',
  '\u0000\u0007\u001b[31m',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '😀'.repeat(50),
  'ﬁ\u0301\u200b',
  '1e309',
  'NaN',
  '-0',
  '0x10',
  '2024-13-45',
  '2024-02-30',
  'person:lyu-zhicheng',
  'Lyu Zhicheng',
  ',,,',
  'MENTIONS',
  ' ',
];

// size 'max': fast-check otherwise keeps arrays and strings near their minimum length
const longText = fc.oneof(
  fc.string({ minLength: 300, maxLength: 3000, size: 'max' }),
  fc.array(fc.constantFrom('lyu', 'bb', 'zhi', 'x*', '~'), { minLength: 100, maxLength: 1500, size: 'max' }).map((ws) => ws.join(' ')),
);

/** Values for one parameter: of its type (in range and just outside it), hostile, or long. */
function valueFor(schema: ParameterSchema): fc.Arbitrary<string> {
  const hostile = fc.constantFrom(...HOSTILE);
  const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));
  if (schema.type === 'integer') {
    const lo = schema.minimum ?? -1e6;
    const hi = Math.min(schema.maximum ?? 1e6, 1e15);
    return fc.oneof(fc.integer({ min: lo, max: Math.min(hi, lo + 1e6) }).map(String), fc.constantFrom(String(lo - 1), String(hi + 1), '1.5', '', '9'.repeat(400)), hostile);
  }
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), hostile, text);
  if (schema.pattern) {
    const date = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }));
    return fc.oneof(date.map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`), hostile, text);
  }
  const lists = fc.array(fc.constantFrom<string>(...ENTITY_LABELS, ...RELATIONSHIP_TYPES, 'Planet', ''), { maxLength: 8 }).map((xs) => xs.join(','));
  return fc.oneof(text, hostile, longText, lists);
}

/** A request for one operation: a value (or nothing) for each parameter. */
function requestFor(path: string, op: Operation): fc.Arbitrary<string> {
  const parameters = op.parameters ?? [];
  const values = parameters.map((p) => (p.in === 'path' || p.required ? valueFor(p.schema) : fc.option(valueFor(p.schema), { nil: undefined })));
  return fc.tuple(...values).map((vs) => {
    let url = path;
    const query = new URLSearchParams();
    parameters.forEach((p, i) => {
      const v = vs[i];
      if (v === undefined) return;
      if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(v) || '%20');
      else query.append(p.name, v);
    });
    const qs = query.toString();
    return qs ? `${url}?${qs}` : url;
  });
}

const property = fc.oneof(fc.constantFrom('name', 'aliases', 'id', 'label', 'key', 'sources', 'evidence', 'evidenceSources', '', 'country', 'date', 'kind'), fc.string({ maxLength: 12 }));
const scalar = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant({ nested: true }), fc.constant([1, 2]));
const id = fc.oneof(fc.constantFrom('person:lyu-zhicheng', 'city:shenyang-cn', 'a', ''), fc.string({ maxLength: 20 }), fc.string({ minLength: 500, maxLength: 700 }));
const knownId = fc.constantFrom('person:lyu-zhicheng', 'city:shenyang-cn', 'city:sasebo-jp', 'fuzz:new');
const validScalar = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean());
const LABEL_OF: Record<string, string> = { 'person:lyu-zhicheng': 'Person', 'city:shenyang-cn': 'City', 'city:sasebo-jp': 'City', 'fuzz:new': 'Person' };
/**
 * Graph documents that pass the schema, about the seed's entities (new names, aliases, properties
 * with any names, reserved ones too, and a relationship between two of them with any properties).
 */
const plausibleDocument = fc
  .record({
    article: fc.string({ minLength: 1, maxLength: 30 }),
    url: fc.option(fc.constantFrom('https://example.org/a', 'https://example.org/b'), { nil: undefined }),
    nodes: fc.uniqueArray(
      fc.record({ id: knownId, name: fc.string({ minLength: 1, maxLength: 20 }), aliases: fc.array(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 2 }), properties: fc.dictionary(property, validScalar, { maxKeys: 3 }) }),
      { minLength: 1, maxLength: 3, selector: (n) => n.id },
    ),
    relationship: fc.record({ type: fc.constantFrom('SISTER_CITY_OF', 'MET_WITH', 'VISITED', 'HOLDS_POSITION'), properties: fc.dictionary(property, validScalar, { maxKeys: 3 }) }),
  })
  .map(({ article, url, nodes, relationship }) => {
    const id = `fuzz-${article}`;
    return {
      articles: [{ id, title: 'fuzz', url }],
      nodes: nodes.map((n) => ({ ...n, label: LABEL_OF[n.id] })),
      relationships: nodes.length < 2 ? [] : [{ ...relationship, source: nodes[0]!.id, target: nodes[1]!.id, sources: [id], evidence: ['Fuzz says so.'] }],
    };
  });
/** Graph documents that are almost right: a wrong field, a reserved property, a dangling reference, an impossible date. */
const graphDocument = fc.record(
  {
    articles: fc.array(fc.record({ id, title: fc.oneof(fc.string(), fc.integer()), publishedAt: fc.oneof(fc.constantFrom('2024-02-30', '2024-13', '2024-01-01', ''), fc.string()), url: fc.option(fc.string()) }, { requiredKeys: ['id'] }), { maxLength: 2 }),
    nodes: fc.array(fc.record({ id, label: fc.constantFrom<string>(...ENTITY_LABELS, 'Planet', 'Article'), name: fc.oneof(fc.string(), fc.constant('')), aliases: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), fc.string()), properties: fc.dictionary(property, scalar, { maxKeys: 3 }) }, { requiredKeys: ['id', 'label'] }), { maxLength: 3 }),
    relationships: fc.array(fc.record({ type: fc.constantFrom<string>(...RELATIONSHIP_TYPES, 'FRIENDS'), source: id, target: id, properties: fc.dictionary(property, scalar, { maxKeys: 2 }), sources: fc.array(id, { maxLength: 2 }) }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
const CONTENT_TYPES = ['application/json', 'text/plain', 'text/markdown', 'text/html', 'text/plain; charset=klingon', 'text/plain; charset=shift_jis', 'application/xml', 'multipart/form-data; boundary=x', ''];
const body = fc.oneof(
  plausibleDocument.map((doc) => ({ contentType: 'application/json', body: JSON.stringify(doc) })),
  graphDocument.map((doc) => ({ contentType: 'application/json', body: JSON.stringify(doc) })),
  fc.record({ format: fc.constantFrom('text', 'markdown', 'html', 'pdf'), content: fc.oneof(fc.string(), fc.constant('')), url: fc.option(fc.string()), title: fc.option(longText) }).map((b) => ({ contentType: 'application/json', body: JSON.stringify(b) })),
  fc.tuple(fc.constantFrom(...CONTENT_TYPES), fc.oneof(fc.string(), fc.constantFrom(...HOSTILE), fc.constant('{"articles": ['), fc.constant('null'), fc.constant('[]'))).map(([contentType, text]) => ({ contentType, body: text })),
);

let api: TestApi;
let operations: [string, string, Operation][];
beforeAll(async () => {
  api = await startApi();
  await clearDatabase(api.conn);
  expect((await call(api, 'POST', '/api/articles', SEED)).status).toBe(201);
  const doc = (await call(api, 'GET', '/docs/json')).body as { paths: Record<string, Record<string, Operation>> };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => [method.toUpperCase(), path, op] as [string, string, Operation]));
});
afterAll(async () => {
  await api?.close();
});

/** What a refused request must not change. */
async function storedCounts(): Promise<string> {
  const session = api.conn.driver.session({ database: api.conn.database });
  try {
    const result = await session.run(
      'CALL () { MATCH (n:Entity) RETURN count(n) AS entities } CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS relationships } CALL () { MATCH (a:Article) RETURN count(a) AS articles } RETURN entities, relationships, articles',
    );
    return JSON.stringify(result.records[0]!.toObject());
  } finally {
    await session.close();
  }
}

async function send(method: string, url: string, payload?: { contentType: string; body: string }) {
  const headers: Record<string, string> = payload?.contentType ? { 'content-type': payload.contentType } : {};
  const response = await fetch(api.url + url, { method, headers, body: payload?.body });
  return { status: response.status, text: await response.text() };
}

/** The stored graph with every list sorted, so two states can be compared. */
async function snapshot(): Promise<unknown> {
  const { body } = await call(api, 'GET', '/api/graph');
  const sorted = <T>(xs: T[]) => [...xs].map((x) => JSON.stringify(x)).sort();
  return {
    articles: sorted(body.articles),
    nodes: sorted(body.nodes.map((n: { aliases: string[] }) => ({ ...n, aliases: [...n.aliases].sort() }))),
    relationships: sorted(body.relationships.map((r: { sources: string[]; evidence: string[] }) => ({ ...r, sources: [...r.sources].sort(), evidence: [...r.evidence].sort() }))),
  };
}

describe('fuzzing every route of the OpenAPI document', () => {
  it('deleting an article a graph document added restores the graph exactly as it was', async () => {
    await fc.assert(
      fc.asyncProperty(plausibleDocument, async (doc) => {
        const before = await snapshot();
        const reply = await call(api, 'POST', '/api/articles', doc);
        expect(reply.status, `${JSON.stringify(doc)} -> ${JSON.stringify(reply.body)}`).toBeLessThan(500);
        if (reply.status === 201) {
          expect(reply.body.articles[0].status, JSON.stringify(doc)).toBe('new');
          expect((await call(api, 'DELETE', `/api/articles/${encodeURIComponent(doc.articles[0]!.id)}`)).status).toBe(200);
        }
        expect(await snapshot(), JSON.stringify(doc)).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  }, RUNS * 2_000);

  it('covers every documented operation', () => {
    expect(operations.map(([m, p]) => `${m} ${p}`)).toEqual(expect.arrayContaining(['POST /api/articles', 'GET /api/paths', 'DELETE /api/articles/{id}', 'GET /api/entities/{id}/neighborhood']));
  });

  it('never answers 5xx; a 4xx changes nothing', async () => {
    for (const [method, path, op] of operations) {
      const withBody = method === 'POST' && op.requestBody !== undefined;
      await fc.assert(
        fc.asyncProperty(requestFor(path, op), withBody ? body : fc.constant(undefined), async (url, payload) => {
          const before = await storedCounts();
          const reply = await send(method, url, payload);
          const what = `${method} ${url.slice(0, 200)} ${payload ? `${payload.contentType} ${payload.body.slice(0, 200)}` : ''}`;
          expect(reply.status, `${what} -> ${reply.text.slice(0, 300)}`).toBeLessThan(500);
          expect(reply.text, what).not.toMatch(/\n\s+at /);
          if (reply.status >= 400) expect(await storedCounts(), `${what} -> ${reply.status}`).toBe(before);
        }),
        { numRuns: RUNS },
      );
    }
  }, RUNS * 2_000);
});
