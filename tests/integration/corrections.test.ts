// Analyst corrections through the real HTTP API on the real Neo4j: the calls as the issue writes
// them, their errors, and that every correction survives later ingests, re-ingests, new versions
// and deletions of articles; undo; corrections and ingests at the same time.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CuratedGraph } from '../../api/curation/schema.ts';
import type { GraphDocument, GraphNode, GraphRelationship } from '../../api/graph/schema.ts';
import { call, startApi, type TestApi } from '../support/api.ts';
import { clearDatabase, testNeo4jEnv } from '../support/neo4j.ts';

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

const person = (id: string, name: string, aliases: string[] = []): GraphNode => ({ id, label: 'Person', name, aliases, properties: {} });
const office = (id: string, name: string): GraphNode => ({ id, label: 'Office', name, aliases: [], properties: {} });
const city = (id: string, name: string, country: string): GraphNode => ({ id, label: 'City', name, aliases: [], properties: { country } });
const rel = (type: GraphRelationship['type'], source: string, target: string, sentence: string, properties: GraphRelationship['properties'] = {}): GraphRelationship =>
  ({ type, source, target, properties, sources: [], evidence: [sentence] });
const article = (id: string, nodes: GraphNode[], relationships: GraphRelationship[], url = `https://example.org/${id}`): GraphDocument =>
  ({ articles: [{ id, title: `Report ${id}`, publishedAt: '2024-05-01', url }], nodes, relationships });

const LYU = person('person:lyu-zhicheng', 'Lyu Zhicheng');
const FAO = office('office:shenyang-foreign-affairs', 'Shenyang Foreign Affairs Office');
const FAO_SHORT = office('office:shenyang-fao', 'Shenyang FAO');
const SHENYANG = city('city:shenyang-cn', 'Shenyang', 'CN');
const SASEBO = city('city:sasebo-jp', 'Sasebo', 'JP');
const MIYAJIMA = person('person:daisuke-miyajima', 'Daisuke Miyajima');

/** Article 1: Lyu heads the Foreign Affairs Office; the office is in Shenyang; Lyu met Miyajima. */
const ARTICLE_1 = article('a1', [LYU, FAO, SHENYANG, MIYAJIMA], [
  rel('HOLDS_POSITION', LYU.id, FAO.id, 'Lyu Zhicheng, Director of the Shenyang Foreign Affairs Office.', { title: 'Director' }),
  rel('LOCATED_IN', FAO.id, SHENYANG.id, 'The Shenyang Foreign Affairs Office in Shenyang.'),
  rel('MET_WITH', LYU.id, MIYAJIMA.id, 'Lyu Zhicheng met Daisuke Miyajima.'),
]);
/** Article 2: the same office under its short name, twinned cities. */
const ARTICLE_2 = article('a2', [FAO_SHORT, SHENYANG, SASEBO, MIYAJIMA], [
  rel('LOCATED_IN', FAO_SHORT.id, SHENYANG.id, 'The Shenyang FAO, based in Shenyang.'),
  rel('SISTER_CITY_OF', SHENYANG.id, SASEBO.id, 'Shenyang and Sasebo are sister cities.', { since: 1980 }),
  rel('HOLDS_POSITION', MIYAJIMA.id, SASEBO.id, 'Daisuke Miyajima, Mayor of Sasebo.', { title: 'Mayor' }),
]);

async function ingest(doc: GraphDocument) {
  const reply = await call(api, 'POST', '/api/articles', doc);
  expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
  return reply.body;
}

async function correct(body: unknown, analyst = 'Ana Analyst') {
  return call(api, 'POST', '/api/corrections', body, { 'x-analyst': analyst });
}

async function entity(id: string) {
  return call(api, 'GET', `/api/entities/${encodeURIComponent(id)}`);
}

/** Entities whose name or alias is `name`. */
async function named(name: string): Promise<GraphNode[]> {
  const { body } = await call<GraphDocument>(api, 'GET', '/api/graph');
  return body.nodes.filter((n) => n.name === name || n.aliases.includes(name));
}

async function pathExists(from: string, to: string, types?: string): Promise<boolean> {
  const reply = await call(api, 'GET', `/api/paths?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${types ? `&types=${types}` : ''}`);
  expect(reply.status).toBe(200);
  return reply.body.paths.length > 0;
}

const MERGE_FAO = { action: 'merge', keep: FAO.id, merge: [FAO_SHORT.id], note: 'FAO is the short name' };
const REJECT_MET = { action: 'reject', relationship: { type: 'MET_WITH', source: LYU.id, target: MIYAJIMA.id }, note: 'they never met' };

describe('corrections API', () => {
  it('takes the calls as the issue writes them, lists them newest first and records who, what and why', async () => {
    await ingest(ARTICLE_1);
    await ingest(ARTICLE_2);
    const merged = await correct(MERGE_FAO);
    expect(merged.status, JSON.stringify(merged.body)).toBe(201);
    expect(merged.body.id).toEqual(expect.any(String));
    const calls = [
      REJECT_MET,
      { action: 'rename', entity: MIYAJIMA.id, name: 'Miyajima Daisuke', note: 'family name first' },
      { action: 'relabel', entity: FAO.id, label: 'Organization', note: 'an association' },
      { action: 'annotate', entity: SASEBO.id, note: 'port city' },
      { action: 'add', relationship: { type: 'VISITED', source: LYU.id, target: SASEBO.id, properties: { date: '2024-04' } }, note: 'from the city website', evidence: 'https://example.org/visit' },
      { action: 'add', entity: { label: 'Person', name: 'Hanna Berg' }, note: 'interpreter' },
      { action: 'split', entity: MIYAJIMA.id, aliases: ['Daisuke Miyajima'], note: 'two people' },
    ];
    for (const body of calls) {
      const reply = await correct(body);
      expect(reply.status, `${JSON.stringify(body)} -> ${JSON.stringify(reply.body)}`).toBe(201);
    }
    const log = await call(api, 'GET', '/api/corrections');
    expect(log.body.corrections.map((c: { action: string }) => c.action)).toEqual(['split', 'add', 'add', 'annotate', 'relabel', 'rename', 'reject', 'merge']);
    const merge = log.body.corrections.at(-1);
    expect(merge).toMatchObject({ analyst: 'Ana Analyst', note: 'FAO is the short name', summary: expect.stringContaining('Shenyang FAO') });
    expect(merge.before.merged[0]).toMatchObject({ id: FAO_SHORT.id, name: 'Shenyang FAO' });
    expect(merge.after.keep.aliases).toContain('Shenyang FAO');
    const ofSasebo = await call(api, 'GET', `/api/corrections?entity=${SASEBO.id}`);
    expect(ofSasebo.body.corrections.map((c: { action: string }) => c.action)).toEqual(['add', 'annotate']);
    const docs = await call(api, 'GET', '/docs/json');
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/corrections', '/api/corrections/{id}/undo']));
  }, 180_000);

  it('answers 400 naming the field, 404 for unknown ids and 409 when a correction no longer applies', async () => {
    await ingest(ARTICLE_1);
    const cases: [unknown, number, RegExp][] = [
      [{ action: 'merge', merge: [FAO.id] }, 400, /body\.keep/],
      [{ action: 'merge', keep: FAO.id, merge: [] }, 400, /body\.merge/],
      [{ action: 'merge', keep: FAO.id, merge: [FAO.id] }, 400, /body\.merge\[0\]/],
      [{ action: 'merge', keep: LYU.id, merge: [FAO.id] }, 400, /body\.merge\[0\].*Office/],
      [{ action: 'explode', entity: FAO.id }, 400, /body\.action/],
      [{ action: 'relabel', entity: FAO.id, label: 'Planet' }, 400, /body\.label/],
      [{ action: 'reject', relationship: { type: 'MET_WITH', source: LYU.id } }, 400, /body\.relationship\.target/],
      [{ action: 'split', entity: MIYAJIMA.id, aliases: ['Nobody'] }, 400, /body\.aliases\[0\]/],
      [{ action: 'annotate', entity: FAO.id }, 400, /body\.note/],
      [{ action: 'merge', keep: 'office:nowhere', merge: [FAO.id] }, 404, /body\.keep.*office:nowhere/],
      [{ action: 'rename', entity: 'person:nobody', name: 'X' }, 404, /body\.entity/],
      [{ action: 'reject', relationship: { type: 'VISITED', source: LYU.id, target: SHENYANG.id } }, 404, /body\.relationship/],
      [{ action: 'restore', relationship: { type: 'MET_WITH', source: LYU.id, target: MIYAJIMA.id } }, 409, /not rejected/],
      [{ action: 'rename', entity: LYU.id, name: 'Lyu Zhicheng' }, 409, /body\.name/],
      [{ action: 'add', relationship: { type: 'MET_WITH', source: MIYAJIMA.id, target: LYU.id } }, 409, /stated already/],
    ];
    for (const [body, status, message] of cases) {
      const reply = await correct(body);
      expect(reply.status, `${JSON.stringify(body)} -> ${JSON.stringify(reply.body)}`).toBe(status);
      expect(reply.body.message).toMatch(message);
    }
    expect((await call(api, 'GET', '/api/corrections')).body.corrections).toEqual([]);
    expect((await call(api, 'POST', '/api/corrections/no-such-id/undo')).status).toBe(404);
    const rejected = await correct(REJECT_MET);
    expect((await correct(REJECT_MET)).status).toBe(409);
    expect((await call(api, 'POST', `/api/corrections/${rejected.body.id}/undo`)).status).toBe(201);
    const again = await call(api, 'POST', `/api/corrections/${rejected.body.id}/undo`);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/undone already/);
  });

  it('needs the token for corrections and undo when one is set', async () => {
    const guarded = await startApi({ apiToken: 'secret' });
    try {
      expect((await call(guarded, 'POST', '/api/corrections', MERGE_FAO)).status).toBe(401);
      expect((await call(guarded, 'POST', '/api/corrections/x/undo')).status).toBe(401);
      expect((await call(guarded, 'GET', '/api/corrections')).status).toBe(200);
      const reply = await call(guarded, 'POST', '/api/corrections', { action: 'rename', entity: 'person:nobody', name: 'X' }, { authorization: 'Bearer secret' });
      expect(reply.status).toBe(404);
    } finally {
      await guarded.close();
    }
  });
});

describe('adding a body that shares an acronym with a stored one', () => {
  it('adds "Banjul City Council (BCC)" beside the stored Bulawayo City Council (BCC); "BCC" alone names the stored one', async () => {
    await ingest(article('bulawayo', [{ ...office('office:bulawayo-council', 'Bulawayo City Council'), aliases: ['BCC'] }], []));
    const bare = await correct({ action: 'add', entity: { label: 'Office', name: 'BCC' } });
    expect(bare.status).toBe(409);
    expect(bare.body.message).toMatch(/names the stored entity office:bulawayo-council/);
    const banjul = await correct({ action: 'add', entity: { label: 'Office', name: 'Banjul City Council', aliases: ['BCC'] } });
    expect(banjul.status, JSON.stringify(banjul.body)).toBe(201);
    expect((await named('BCC')).map((n) => n.name).sort()).toEqual(['Banjul City Council', 'Bulawayo City Council']);
  });
});

describe('duplicate review of bodies sharing an acronym', () => {
  it('does not offer two fully named councils as duplicates for their shared "BCC"; a bare "BCC" it does', async () => {
    const bulawayo = { ...office('office:bulawayo-council', 'Bulawayo City Council'), aliases: ['BCC'] };
    const banjul = { ...office('office:banjul-council', 'Banjul City Council'), aliases: ['BCC'] };
    await ingest(article('bulawayo', [bulawayo], []));
    await ingest(article('banjul', [banjul], []));
    const pairs = async () => (await call(api, 'GET', '/api/review/duplicates')).body.candidates.map((c: { a: { id: string }; b: { id: string } }) => [c.a.id, c.b.id].sort().join(' ~ '));
    expect(await pairs()).toEqual([]);
    // a bare "BCC" stored after both is its own entity, and may be either council: the review offers both pairs
    await ingest(article('bare', [office('office:bcc', 'BCC')], []));
    expect((await pairs()).sort()).toEqual(['office:banjul-council ~ office:bcc', 'office:bcc ~ office:bulawayo-council']);
  });
});

describe('corrections survive', () => {
  it('merge, then an article naming the merged-away entity: still one entity, with both names', async () => {
    await ingest(ARTICLE_1);
    await ingest(ARTICLE_2);
    expect(await named('Shenyang FAO')).toHaveLength(1);
    expect((await correct(MERGE_FAO)).status).toBe(201);
    await ingest(article('a3', [FAO_SHORT, LYU], [rel('HOLDS_POSITION', LYU.id, FAO_SHORT.id, 'Lyu Zhicheng of the Shenyang FAO.', { title: 'Director' })]));
    const found = await named('Shenyang FAO');
    expect(found.map((n) => n.id)).toEqual([FAO.id]);
    expect((await entity(FAO_SHORT.id)).status).toBe(404);
    const detail = (await entity(FAO.id)).body;
    const director = detail.relationships.find((r: { type: string }) => r.type === 'HOLDS_POSITION');
    expect(director.sources.map((s: { id: string }) => s.id).sort()).toEqual(['a1', 'a3']);
    // the office's two LOCATED_IN facts became one, stated by both articles
    const located = detail.relationships.filter((r: { type: string }) => r.type === 'LOCATED_IN');
    expect(located).toHaveLength(1);
    expect(located[0].sourceCount).toBe(2);
  });

  it('reject, then an article restating it: still rejected, absent from /api/paths, and the count says so', async () => {
    await ingest(ARTICLE_1);
    expect(await pathExists(LYU.id, MIYAJIMA.id, 'MET_WITH')).toBe(true);
    expect((await correct(REJECT_MET)).status).toBe(201);
    expect(await pathExists(LYU.id, MIYAJIMA.id, 'MET_WITH')).toBe(false);
    await ingest(article('a4', [LYU, MIYAJIMA], [rel('MET_WITH', MIYAJIMA.id, LYU.id, 'Daisuke Miyajima met Lyu Zhicheng again.')]));
    expect(await pathExists(LYU.id, MIYAJIMA.id, 'MET_WITH')).toBe(false);
    const detail = (await entity(LYU.id)).body;
    expect(detail.relationships.map((r: { type: string }) => r.type)).not.toContain('MET_WITH');
    expect(detail.rejected).toEqual([expect.objectContaining({ type: 'MET_WITH', rejectedBy: 'Ana Analyst', restatedSince: 1 })]);
    const neighborhood = await call(api, 'GET', `/api/entities/${LYU.id}/neighborhood`);
    expect(neighborhood.body.elements.edges.map((e: { data: { type: string } }) => e.data.type)).not.toContain('MET_WITH');
    const elements = await call(api, 'GET', '/api/graph/elements');
    expect(elements.body.elements.edges.map((e: { data: { type: string } }) => e.data.type)).not.toContain('MET_WITH');
    const exported = await call<GraphDocument>(api, 'GET', '/api/graph');
    expect(exported.body.relationships.map((r) => r.type)).not.toContain('MET_WITH');
    // deleting every article that states it keeps the rejection: a later article cannot bring it back
    expect((await call(api, 'DELETE', '/api/articles/a1')).status).toBe(200);
    expect((await call(api, 'DELETE', '/api/articles/a4')).status).toBe(200);
    await ingest(article('a5', [LYU, MIYAJIMA], [rel('MET_WITH', LYU.id, MIYAJIMA.id, 'Lyu Zhicheng and Daisuke Miyajima met.')]));
    expect(await pathExists(LYU.id, MIYAJIMA.id, 'MET_WITH')).toBe(false);
  });

  it('deleting the article behind a merged entity keeps the merge, and its names still find the kept entity', async () => {
    await ingest(ARTICLE_1);
    await ingest(ARTICLE_2);
    expect((await correct(MERGE_FAO)).status).toBe(201);
    expect((await call(api, 'DELETE', '/api/articles/a2')).status).toBe(200);
    const kept = (await entity(FAO.id)).body;
    expect(kept.node.aliases).toContain('Shenyang FAO');
    await ingest(ARTICLE_2); // the same article again, e.g. a re-ingest of the corpus
    expect((await named('Shenyang FAO')).map((n) => n.id)).toEqual([FAO.id]);
    // a new version of article 1 (same URL) replaces its facts; the merge still holds
    await ingest({ ...article('a1-v2', [FAO_SHORT, SHENYANG], [rel('LOCATED_IN', FAO_SHORT.id, SHENYANG.id, 'The Shenyang FAO is in Shenyang.')], 'https://example.org/a1') });
    expect((await named('Shenyang FAO')).map((n) => n.id)).toEqual([FAO.id]);
  });

  it('rename, relabel, split and additions hold through later ingests', async () => {
    await ingest(ARTICLE_1);
    await ingest(ARTICLE_2);
    expect((await correct({ action: 'rename', entity: FAO.id, name: 'Foreign Affairs Office of Shenyang' })).status).toBe(201);
    expect((await correct({ action: 'relabel', entity: MIYAJIMA.id, label: 'Organization' })).status).toBe(201);
    const added = await correct({ action: 'add', relationship: { type: 'VISITED', source: LYU.id, target: SASEBO.id }, note: 'city website', evidence: 'Lyu visited Sasebo.' });
    expect(added.status).toBe(201);
    await ingest(ARTICLE_1);
    await ingest(article('a6', [FAO, MIYAJIMA, LYU], [rel('MET_WITH', LYU.id, MIYAJIMA.id, 'They met again.'), rel('HOLDS_POSITION', LYU.id, FAO.id, 'Lyu of the Shenyang Foreign Affairs Office.', { title: 'Director' })]));
    const fao = (await entity(FAO.id)).body.node;
    expect(fao.name).toBe('Foreign Affairs Office of Shenyang');
    expect(fao.aliases).toContain('Shenyang Foreign Affairs Office');
    expect((await entity(MIYAJIMA.id)).body.node.label).toBe('Organization');
    // the analyst's relationship survives the deletion of every article
    for (const id of ['a1', 'a2', 'a6']) expect((await call(api, 'DELETE', `/api/articles/${id}`)).status).toBe(200);
    const lyu = (await entity(LYU.id)).body;
    expect(lyu.relationships).toEqual([expect.objectContaining({ type: 'VISITED', evidence: ['Lyu visited Sasebo.'], properties: expect.objectContaining({ addedBy: 'Ana Analyst' }) })]);
  });

  it('split by alias: the alias, its facts from the chosen articles, and later articles using it go to the new entity', async () => {
    const both = person('person:lee-min', 'Lee Min', ['Lee Min-ho']);
    await ingest(article('s1', [both, SHENYANG], [rel('VISITED', both.id, SHENYANG.id, 'Lee Min visited Shenyang.')]));
    await ingest(article('s2', [both, SASEBO], [rel('VISITED', both.id, SASEBO.id, 'Lee Min-ho visited Sasebo.')]));
    const split = await correct({ action: 'split', entity: both.id, aliases: ['Lee Min-ho'], articles: ['s2'], note: 'two people' });
    expect(split.status, JSON.stringify(split.body)).toBe(201);
    const newId = split.body.after.created.id as string;
    expect(newId).not.toBe(both.id);
    expect((await entity(newId)).body.relationships.map((r: { other: { id: string } }) => r.other.id)).toEqual([SASEBO.id]);
    expect((await entity(both.id)).body.relationships.map((r: { other: { id: string } }) => r.other.id)).toEqual([SHENYANG.id]);
    await ingest(article('s3', [person('person:lee-min-ho', 'Lee Min-ho'), SASEBO], [rel('HOLDS_POSITION', 'person:lee-min-ho', SASEBO.id, 'Lee Min-ho, Mayor of Sasebo.', { title: 'Mayor' })]));
    expect((await named('Lee Min-ho')).map((n) => n.id)).toEqual([newId]);
  });

  it('split by article: later versions of that article keep naming the new entity, other articles the old one', async () => {
    const lee = person('person:lee-min', 'Lee Min');
    await ingest(article('s1', [lee, SHENYANG], [rel('VISITED', lee.id, SHENYANG.id, 'Lee Min visited Shenyang.')]));
    await ingest(article('s2', [lee, SASEBO], [rel('VISITED', lee.id, SASEBO.id, 'Lee Min visited Sasebo.')]));
    const split = await correct({ action: 'split', entity: lee.id, articles: ['s2'], name: 'Lee Min (Sasebo)', note: 'two people' });
    expect(split.status, JSON.stringify(split.body)).toBe(201);
    const newId = split.body.after.created.id as string;
    // a new version of s2 (same address, new text) and a new article naming Lee Min
    await ingest(article('s2-v2', [lee, SASEBO], [rel('VISITED', lee.id, SASEBO.id, 'Lee Min visited Sasebo again.'), rel('HOLDS_POSITION', lee.id, SASEBO.id, 'Lee Min, Mayor of Sasebo.', { title: 'Mayor' })], 'https://example.org/s2'));
    await ingest(article('s3', [lee, SHENYANG], [rel('HOLDS_POSITION', lee.id, SHENYANG.id, 'Lee Min, Deputy Mayor of Shenyang.', { title: 'Deputy Mayor' })]));
    const others = async (id: string) => (await entity(id)).body.relationships.map((r: { type: string; other: { id: string } }) => `${r.type} ${r.other.id}`).sort();
    expect(await others(newId)).toEqual([`HOLDS_POSITION ${SASEBO.id}`, `VISITED ${SASEBO.id}`]);
    expect(await others(lee.id)).toEqual([`HOLDS_POSITION ${SHENYANG.id}`, `VISITED ${SHENYANG.id}`]);
    expect((await entity(newId)).body.node.name).toBe('Lee Min (Sasebo)');
  });
});

describe('the first picture', () => {
  it('follows every ingest, correction and deletion (it is kept between requests while the graph stays the same)', async () => {
    const picture = async () => (await call(api, 'GET', '/api/graph/elements?limit=250&edges=1500')).body.elements.nodes.map((n: { data: { id: string; name: string } }) => `${n.data.id} ${n.data.name}`).sort();
    await ingest(ARTICLE_1);
    const first = await picture();
    expect(first).toContain(`${FAO.id} ${FAO.name}`);
    expect(await picture()).toEqual(first);
    await ingest(ARTICLE_2);
    expect(await picture()).toContain(`${SASEBO.id} ${SASEBO.name}`);
    expect((await correct({ action: 'rename', entity: FAO.id, name: 'Foreign Affairs Office of Shenyang' })).status).toBe(201);
    expect(await picture()).toContain(`${FAO.id} Foreign Affairs Office of Shenyang`);
    expect((await call(api, 'DELETE', '/api/articles/a2')).status).toBe(200);
    expect(await picture()).not.toContain(`${SASEBO.id} ${SASEBO.name}`);
  });
});

describe('undo', () => {
  it('brings the state before a merge back, and a rejected relationship back into /api/paths', async () => {
    await ingest(ARTICLE_1);
    await ingest(ARTICLE_2);
    const before = (await call<GraphDocument>(api, 'GET', '/api/graph')).body;
    const merge = await correct(MERGE_FAO);
    const reject = await correct(REJECT_MET);
    expect(await pathExists(LYU.id, MIYAJIMA.id, 'MET_WITH')).toBe(false);
    const undoReject = await call(api, 'POST', `/api/corrections/${reject.body.id}/undo`, undefined, { 'x-analyst': 'Bo Boss' });
    expect(undoReject.status).toBe(201);
    expect(undoReject.body).toMatchObject({ action: 'undo', undoes: reject.body.id, analyst: 'Bo Boss' });
    expect(await pathExists(LYU.id, MIYAJIMA.id, 'MET_WITH')).toBe(true);
    expect((await call(api, 'POST', `/api/corrections/${merge.body.id}/undo`)).status).toBe(201);
    const after = (await call<GraphDocument>(api, 'GET', '/api/graph')).body;
    const sorted = (doc: GraphDocument) => ({
      nodes: doc.nodes.map((n) => ({ ...n, aliases: [...n.aliases].sort() })).sort((a, b) => a.id.localeCompare(b.id)),
      relationships: doc.relationships.map((r) => ({ ...r, sources: [...r.sources].sort(), evidence: [...r.evidence].sort() })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    });
    expect(sorted(after)).toEqual(sorted(before));
    const log = (await call(api, 'GET', '/api/corrections')).body.corrections;
    expect(log.find((c: { id: string }) => c.id === merge.body.id).undoneBy).toEqual(expect.any(String));
  });

  it('keeps what articles stated after the correction', async () => {
    await ingest(ARTICLE_1);
    const reject = await correct(REJECT_MET);
    await ingest(article('a7', [LYU, MIYAJIMA], [rel('MET_WITH', LYU.id, MIYAJIMA.id, 'They met in May.')]));
    expect((await call(api, 'POST', `/api/corrections/${reject.body.id}/undo`)).status).toBe(201);
    const met = (await entity(LYU.id)).body.relationships.find((r: { type: string }) => r.type === 'MET_WITH');
    expect(met.sourceCount).toBe(2);
  });
});

describe('corrections and ingests at the same time', () => {
  it('lose nothing', async () => {
    // ten offices under two names each, each pair in its own articles; merges race the ingests of articles naming both names
    const pairs = Array.from({ length: 10 }, (_, i) => ({
      long: office(`office:port-bureau-${i}`, `Port Bureau Number ${i}`),
      short: office(`office:pb-${i}`, `PB${i} Office`),
    }));
    for (const [i, { long, short }] of pairs.entries()) {
      await ingest(article(`base-${i}`, [long, short, SHENYANG, SASEBO], [rel('LOCATED_IN', long.id, SHENYANG.id, `Port Bureau ${i} is in Shenyang.`), rel('LOCATED_IN', short.id, SASEBO.id, `PB${i} is in Sasebo.`)]));
    }
    // a 503 (deadlock retries outlasted on a loaded machine) wrote nothing and says "try again": the client does
    const retried = async (send: () => Promise<{ status: number }>) => {
      for (let attempt = 1; ; attempt++) {
        const reply = await send();
        if (reply.status !== 503 || attempt === 5) return reply;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    };
    const work: Promise<{ status: number }>[] = [];
    for (const [i, { long, short }] of pairs.entries()) {
      work.push(retried(() => correct({ action: 'merge', keep: long.id, merge: [short.id] })));
      work.push(retried(() => call(api, 'POST', '/api/articles', article(`race-${i}`, [short, LYU], [rel('HOLDS_POSITION', LYU.id, short.id, `Lyu heads PB${i}.`, { title: 'Head' })]))));
      work.push(retried(() => call(api, 'POST', '/api/articles', article(`race-long-${i}`, [long, MIYAJIMA], [rel('HOLDS_POSITION', MIYAJIMA.id, long.id, `Miyajima heads Port Bureau ${i}.`, { title: 'Head' })]))));
    }
    const replies = await Promise.all(work);
    expect(replies.map((r) => r.status).filter((s) => s >= 300)).toEqual([]);
    const { body } = await call<GraphDocument>(api, 'GET', '/api/graph');
    for (const [i, { long, short }] of pairs.entries()) {
      expect(body.nodes.filter((n) => n.id === short.id), short.id).toEqual([]);
      const facts = body.relationships.filter((r) => r.source === long.id || r.target === long.id);
      // both cities, both heads: nothing of either name was lost
      expect(facts.map((r) => `${r.type} ${r.source === long.id ? r.target : r.source}`).sort(), `pair ${i}`).toEqual(
        [`HOLDS_POSITION ${LYU.id}`, `HOLDS_POSITION ${MIYAJIMA.id}`, `LOCATED_IN ${SASEBO.id}`, `LOCATED_IN ${SHENYANG.id}`].sort(),
      );
    }
    expect((await call(api, 'GET', '/api/corrections')).body.corrections).toHaveLength(10);
  }, 180_000);
});

describe('npm run export and import', () => {
  it('exports the corrections, and importing the export into an empty Neo4j gives the same curated graph', async () => {
    await ingest(ARTICLE_1);
    await ingest(ARTICLE_2);
    for (const body of [
      MERGE_FAO,
      REJECT_MET,
      { action: 'rename', entity: SASEBO.id, name: 'Sasebo City' },
      { action: 'add', entity: { label: 'Person', name: 'Hanna Berg' }, note: 'interpreter' },
      { action: 'add', relationship: { type: 'VISITED', source: LYU.id, target: SASEBO.id }, note: 'city website', evidence: 'Lyu visited Sasebo.' },
    ]) {
      expect((await correct(body)).status).toBe(201);
    }
    const undone = await correct({ action: 'annotate', entity: LYU.id, note: 'check the title' });
    expect((await call(api, 'POST', `/api/corrections/${undone.body.id}/undo`)).status).toBe(201);

    const root = fileURLToPath(new URL('../../', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'curated-export-'));
    try {
      const file = join(dir, 'graph.json');
      await new Promise<void>((resolve, reject) =>
        execFile(join(root, 'node_modules/.bin/tsx'), [join(root, 'api/cli/export.ts'), '--out', file], { cwd: root, env: { ...process.env, ...testNeo4jEnv() } }, (error) => (error ? reject(error) : resolve())),
      );
      const exported = JSON.parse(readFileSync(file, 'utf8')) as CuratedGraph;
      expect(exported.corrections.map((c) => c.action)).toEqual(['merge', 'reject', 'rename', 'add', 'add', 'annotate', 'undo']);
      expect(exported.rejected).toEqual([expect.objectContaining({ type: 'MET_WITH' })]);

      await clearDatabase(api.conn);
      const imported = await call(api, 'POST', '/api/graph', exported);
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
      const again = (await call<CuratedGraph>(api, 'GET', '/api/graph')).body;
      expect(normalised(again)).toEqual(normalised(exported));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // and the imported graph stays curated through ingests
    await ingest(article('after-import', [FAO_SHORT, LYU, MIYAJIMA], [rel('MET_WITH', LYU.id, MIYAJIMA.id, 'They met.'), rel('HOLDS_POSITION', LYU.id, FAO_SHORT.id, 'Lyu of the Shenyang FAO.', { title: 'Director' })]));
    expect((await named('Shenyang FAO')).map((n) => n.id)).toEqual([FAO.id]);
    expect(await pathExists(LYU.id, MIYAJIMA.id, 'MET_WITH')).toBe(false);
    // the records came back as they were: what was undone stays undone
    expect((await call(api, 'POST', `/api/corrections/${undone.body.id}/undo`)).status).toBe(409);
  }, 180_000);
});

/** A curated graph with every list in a stable order, so two can be compared. */
function normalised(doc: CuratedGraph) {
  const by = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));
  const rels = (xs: GraphRelationship[]) => by(xs.map((r) => ({ ...r, sources: [...r.sources].sort(), evidence: [...r.evidence].sort() })), (r) => JSON.stringify(r));
  return {
    articles: by(doc.articles, (a) => a.id),
    nodes: by(doc.nodes.map((n) => ({ ...n, aliases: [...n.aliases].sort() })), (n) => n.id),
    relationships: rels(doc.relationships),
    rejected: rels(doc.rejected),
    corrections: doc.corrections,
    curatedKeys: doc.curatedKeys,
  };
}

describe('duplicate review', () => {
  it('ranks likely duplicates with reasons; accepting merges, dismissing is remembered', async () => {
    await ingest(ARTICLE_1);
    await ingest(ARTICLE_2);
    await ingest(article('twins', [person('person:lee-minho', 'Lee Minho'), person('person:minho-lee', 'Minho Lee'), SASEBO], [
      rel('VISITED', 'person:lee-minho', SASEBO.id, 'Lee Minho visited Sasebo.'),
      rel('VISITED', 'person:minho-lee', SASEBO.id, 'Minho Lee visited Sasebo.'),
    ]));
    const review = await call(api, 'GET', '/api/review/duplicates');
    expect(review.status).toBe(200);
    const pair = (c: { a: { id: string }; b: { id: string } }) => [c.a.id, c.b.id].sort().join(' ~ ');
    expect(review.body.candidates.map(pair)).toEqual(['person:lee-minho ~ person:minho-lee', `${FAO_SHORT.id} ~ ${FAO.id}`].map((p) => p.split(' ~ ').sort().join(' ~ ')));
    const [twins, fao] = review.body.candidates;
    expect(twins.reasons.map((r: { kind: string }) => r.kind)).toEqual(['shared-alias-key', 'similar-names', 'co-occurrence']);
    expect(fao.reasons).toEqual([
      expect.objectContaining({ kind: 'similar-names', how: 'initials' }),
      { kind: 'same-place', places: ['Shenyang'] },
    ]);
    expect(twins.score).toBeGreaterThan(fao.score);

    const dismissed = await correct({ action: 'dismiss', entities: [twins.a.id, twins.b.id], note: 'brothers' });
    expect(dismissed.status).toBe(201);
    expect((await correct({ action: 'merge', keep: FAO.id, merge: [FAO_SHORT.id] })).status).toBe(201);
    await ingest(article('later', [person('person:minho-lee', 'Minho Lee')], []));
    expect((await call(api, 'GET', '/api/review/duplicates')).body.candidates).toEqual([]);
    // undoing the dismissal puts the pair back in the queue
    expect((await call(api, 'POST', `/api/corrections/${dismissed.body.id}/undo`)).status).toBe(201);
    expect((await call(api, 'GET', '/api/review/duplicates')).body.candidates.map(pair)).toEqual(['person:lee-minho ~ person:minho-lee']);
  });
});
