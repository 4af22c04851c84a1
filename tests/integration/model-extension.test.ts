// A relationship type added to the graph model (api/graph/model.ts) and nowhere else reaches the
// viewer's vocabulary and style, the API's validation and OpenAPI document, the Neo4j schema and the
// store (docs/extending.md). The model module is swapped for one with the extra type; everything
// that reads it is loaded afresh, against the real test Neo4j.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as ModelModule from '../../api/graph/model.ts';
import type { TestApi } from '../support/api.ts';
import { clearDatabase } from '../support/neo4j.ts';

const SPONSORED: ModelModule.RelationshipSpec = {
  description: 'a company or organization paid for an event',
  from: ['Company', 'Organization'],
  to: ['Event'],
  symmetric: false,
  properties: { amount: { type: 'string', description: 'how much, as the article says it', indexed: true } },
  display: {
    name: 'sponsored',
    color: '#17becf',
    lineStyle: 'dashed',
    width: 2,
    caption: [{ text: 'sponsored {amount}' }, { text: 'sponsored' }],
    outPhrase: [{ text: 'sponsor of' }],
    inPhrase: [{ text: 'sponsored by' }],
  },
};

vi.doMock('../../api/graph/model.ts', async (importOriginal) => {
  const { MODEL } = await importOriginal<typeof ModelModule>();
  return { MODEL: { ...MODEL, relationships: { ...MODEL.relationships, SPONSORED } } };
});

let api: TestApi;
let call: typeof import('../support/api.ts').call;
beforeAll(async () => {
  vi.resetModules();
  const support = await import('../support/api.ts');
  call = support.call;
  api = await support.startApi();
  await clearDatabase(api.conn);
});
afterAll(async () => {
  if (api) {
    await clearDatabase(api.conn);
    await api.conn.driver.executeQuery('DROP INDEX sponsored_amount IF EXISTS', {}, { database: api.conn.database });
    await api.close();
  }
  vi.doUnmock('../../api/graph/model.ts');
});

describe('a relationship type added only to the model', () => {
  it('is in the viewer: legend, filters, edge style, captions and phrases', async () => {
    const { TYPES, edgeCaption, relationPhrase } = await import('../../viz/src/graph/vocabulary.ts');
    const { graphStyle } = await import('../../viz/src/graph/style.ts');
    expect(TYPES.find((t) => t.type === ('SPONSORED' as string))).toMatchObject({ name: 'sponsored', color: '#17becf', lineStyle: 'dashed', directed: true });
    expect(graphStyle({ large: false })).toContainEqual(
      expect.objectContaining({ selector: 'edge[type = "SPONSORED"]', style: expect.objectContaining({ 'line-color': '#17becf', 'line-style': 'dashed' }) }),
    );
    // A big picture keeps the colour and draws the pattern solid (cheaper to redraw while panning).
    expect(graphStyle({ large: true })).toContainEqual(
      expect.objectContaining({ selector: 'edge[type = "SPONSORED"]', style: expect.objectContaining({ 'line-color': '#17becf', 'line-style': 'solid' }) }),
    );
    expect(edgeCaption({ type: 'SPONSORED', amount: '€5,000' })).toBe('sponsored €5,000');
    expect(edgeCaption({ type: 'SPONSORED' })).toBe('sponsored');
    expect(relationPhrase('SPONSORED', {}, 'in')).toBe('sponsored by');
  });

  it('is in the OpenAPI document and accepted as a filter', async () => {
    const doc = (await call(api, 'GET', '/docs/json')).body;
    expect(doc.components.schemas.RelationshipType.enum).toContain('SPONSORED');
    expect(doc.components.schemas.RelationshipType.description).toContain('SPONSORED: Company|Organization → Event');
    expect((await call(api, 'GET', '/api/graph/elements?types=SPONSORED')).status).toBe(200);
    expect((await call(api, 'GET', '/api/graph/elements?types=FUNDED')).status).toBe(400);
  });

  it('gets its index in the Neo4j schema, and is stored and read back like any other type', async () => {
    const { records } = await api.conn.driver.executeQuery("SHOW INDEXES YIELD name, state WHERE name = 'sponsored_amount' RETURN state", {}, { database: api.conn.database });
    expect(records.map((r) => r.get('state'))).toEqual(['ONLINE']);

    const stored = await call(api, 'POST', '/api/articles', {
      articles: [{ id: 'fair-news', title: 'Fair news' }],
      nodes: [
        { id: 'company:acme', label: 'Company', name: 'Acme Shipping', aliases: [], properties: {} },
        { id: 'event:harbour-fair-2024', label: 'Event', name: 'Harbour Fair', aliases: [], properties: { date: '2024-05-01', kind: 'fair' } },
      ],
      relationships: [
        { type: 'SPONSORED', source: 'company:acme', target: 'event:harbour-fair-2024', properties: { amount: '€5,000' }, sources: [], evidence: ['Acme Shipping sponsored the Harbour Fair with €5,000.'] },
      ],
    });
    expect(stored.status).toBe(201);
    const detail = (await call(api, 'GET', '/api/entities/company:acme')).body;
    expect(detail.relationships).toEqual([
      expect.objectContaining({ type: 'SPONSORED', direction: 'out', properties: { amount: '€5,000' }, other: expect.objectContaining({ id: 'event:harbour-fair-2024' }) }),
    ]);
  });
});
