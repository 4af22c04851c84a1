// Storing articles through the real HTTP API into the real Neo4j: idempotence, edits, concurrency,
// provenance-aware delete, bodies named by their kind, bodies sharing an acronym.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { GraphDocument } from '../../api/graph/schema.ts';
import type { EntityDetail } from '../../api/http/schemas.ts';
import { call, startApi, type TestApi } from '../support/api.ts';
import { clearDatabase } from '../support/neo4j.ts';

type EntityDetails = z.infer<typeof EntityDetail>;

const SEED = readFileSync(new URL('../../seed/articles/shenyang-sasebo-mayor-exchange-day.txt', import.meta.url), 'utf8');

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
  const health = await call(api, 'GET', '/api/health');
  expect(health.status).toBe(200);
  return health.body.counts as { nodes: number; relationships: number };
}

/** The stored graph with every list sorted, so two stores can be compared. */
async function snapshot() {
  const { body } = await call<GraphDocument>(api, 'GET', '/api/graph');
  const sortBy = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    articles: sortBy(body.articles, (a) => a.id),
    nodes: sortBy(body.nodes, (n) => n.id).map((n) => ({ ...n, aliases: [...n.aliases].sort() })),
    relationships: sortBy(body.relationships, (r) => `${r.type}|${r.source}|${r.target}|${JSON.stringify(r.properties)}`).map((r) => ({
      ...r,
      sources: [...r.sources].sort(),
      evidence: [...r.evidence].sort(),
    })),
  };
}

/** Rows that would show a duplicate: two relationships with one key, two MENTIONS of one pair. */
async function duplicates(): Promise<number> {
  const session = api.conn.driver.session({ database: api.conn.database });
  try {
    const result = await session.run(`
      CALL () { MATCH ()-[r]->() WHERE r.key IS NOT NULL WITH r.key AS k, count(*) AS c WHERE c > 1 RETURN count(*) AS n
                UNION ALL
                MATCH (a:Article)-[m:MENTIONS]->(e) WITH a, e, count(m) AS c WHERE c > 1 RETURN count(*) AS n
                UNION ALL
                MATCH (n:Entity) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(*) AS n }
      RETURN sum(n) AS total`);
    return result.records[0]!.get('total').toNumber();
  } finally {
    await session.close();
  }
}

/** Eight small articles that all state some facts (in both directions for symmetric ones) and each add their own. */
function overlappingDocs(): GraphDocument[] {
  return Array.from({ length: 8 }, (_, i) => {
    const id = `article-${i}`;
    const mayor = { type: 'HOLDS_POSITION' as const, source: 'person:anna-berg', target: 'city:lundby', properties: { title: 'Mayor' }, sources: [id], evidence: ['Anna Berg is the Mayor of Lundby.'] };
    const sister = i % 2 === 0
      ? { type: 'SISTER_CITY_OF' as const, source: 'city:lundby', target: 'city:port-evans', properties: { since: 1998 }, sources: [id], evidence: ['Lundby and Port Evans have been sister cities since 1998.'] }
      : { type: 'SISTER_CITY_OF' as const, source: 'city:port-evans', target: 'city:lundby', properties: { since: 1998 }, sources: [id], evidence: ['Port Evans and Lundby are sister cities.'] };
    const met = i % 2 === 0
      ? { type: 'MET_WITH' as const, source: 'person:anna-berg', target: `person:guest-${i}`, properties: {}, sources: [id], evidence: [`Anna Berg met Guest ${i}.`] }
      : { type: 'MET_WITH' as const, source: `person:guest-${i}`, target: 'person:anna-berg', properties: {}, sources: [id], evidence: [`Guest ${i} met Anna Berg.`] };
    const joined = { type: 'PARTICIPATED_IN' as const, source: `person:guest-${i}`, target: `event:fair-${i % 3}`, properties: { role: 'attendee' }, sources: [id], evidence: [`Guest ${i} attended Fair ${i % 3}.`] };
    const doc: GraphDocument = {
      articles: [{ id, title: `Fair report ${i}`, publishedAt: '2024-05-01', url: `https://example.org/fair/${i}` }],
      nodes: [
        { id: 'person:anna-berg', label: 'Person', name: 'Anna Berg', aliases: ['Mayor Berg'], properties: {} },
        { id: 'city:lundby', label: 'City', name: 'Lundby', aliases: [], properties: { country: 'SE' } },
        { id: 'city:port-evans', label: 'City', name: 'Port Evans', aliases: [], properties: {} },
        { id: `person:guest-${i}`, label: 'Person', name: `Guest ${i}`, aliases: [], properties: {} },
        { id: `event:fair-${i % 3}`, label: 'Event', name: `Fair ${i % 3}`, aliases: [], properties: { date: '2024-04', kind: 'exhibition' } },
      ],
      relationships: [mayor, sister, met, joined],
    };
    return doc;
  });
}

describe('ingesting articles', () => {
  it('stores the seed article once: a second ingest reports unchanged and changes nothing', async () => {
    const first = await call(api, 'POST', '/api/articles', SEED);
    expect(first.status).toBe(201);
    expect(first.body.articles).toEqual([expect.objectContaining({ status: 'new' })]);
    expect(first.body.changes.nodesCreated).toBeGreaterThan(5);
    const before = await counts();
    const graphBefore = await snapshot();

    const second = await call(api, 'POST', '/api/articles', SEED);
    expect(second.status).toBe(200);
    expect(second.body.articles).toEqual([{ ...first.body.articles[0], status: 'unchanged' }]);
    expect(second.body.changes).toEqual({ nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 });
    expect(await counts()).toEqual(before);
    expect(await snapshot()).toEqual(graphBefore);
  });

  it('warns that an article not in English gives few facts, and says nothing of an English one', async () => {
    const english = await call(api, 'POST', '/api/articles', SEED);
    expect(english.body.articles[0]).not.toHaveProperty('warnings');
    const indonesian = [
      'Wali Kota Surabaya terima delegasi kota kembar',
      '',
      'Wali Kota Surabaya menerima kunjungan delegasi dari kota kembar pada hari Senin. Kedua pihak membahas kerja sama pendidikan dan pariwisata.',
    ].join('\n');
    const other = await call(api, 'POST', '/api/articles', indonesian);
    expect(other.status).toBe(201);
    expect(other.body.articles).toEqual([expect.objectContaining({ status: 'new', warnings: [expect.stringMatching(/does not read as English/)] })]);
  });

  it('accepts the same article as JSON naming its format, as Markdown and as HTML', async () => {
    const asJson = await call(api, 'POST', '/api/articles', { format: 'text', content: SEED, url: 'https://example.org/seed' });
    expect(asJson.status).toBe(201);
    const html = `<html><head><title>Exchange</title></head><body><article><h1>Mayor Exchange Day</h1><p>${SEED.split('\n\n')[2]}</p></article></body></html>`;
    const asHtml = await call(api, 'POST', '/api/articles', html, { 'content-type': 'text/html; charset=utf-8' });
    expect(asHtml.status).toBe(201);
    const asMarkdown = await call(api, 'POST', '/api/articles?title=Exchange%20day', `# Exchange day\n\n${SEED.split('\n\n')[3]}`, { 'content-type': 'text/markdown' });
    expect(asMarkdown.status).toBe(201);
    expect(asMarkdown.body.articles[0].title).toBe('Exchange day');
    const list = await call(api, 'GET', '/api/articles');
    expect(list.body.total).toBe(3);
  });

  it('replaces what an edited article (same URL, new text) alone stated', async () => {
    const url = 'https://example.org/shenyang-sasebo';
    const edited = SEED.replace(', and Adora Cruises respectively made presentations', ' made presentations');
    expect(edited).not.toEqual(SEED);

    const alone = await call(api, 'POST', `/api/articles?url=${encodeURIComponent(url)}`, edited);
    expect(alone.status).toBe(201);
    const editedOnly = await snapshot();
    await clearDatabase(api.conn);

    await call(api, 'POST', `/api/articles?url=${encodeURIComponent(url)}`, SEED);
    const adora = await call(api, 'GET', '/api/entities?q=Adora%20Cruises');
    expect(adora.body.results[0]?.name).toBe('Adora Cruises');

    const update = await call(api, 'POST', `/api/articles?url=${encodeURIComponent(url)}`, edited);
    expect(update.status).toBe(201);
    expect(update.body.articles[0].status).toBe('updated');
    expect(update.body.changes.nodesDeleted).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(editedOnly);
    const list = await call(api, 'GET', '/api/articles');
    expect(list.body.articles.map((a: { id: string }) => a.id)).toEqual([update.body.articles[0].id]);
  });

  it('8 concurrent ingests of overlapping articles store exactly what ingesting them one by one stores', async () => {
    const docs = overlappingDocs();
    for (const doc of docs) expect((await call(api, 'POST', '/api/articles', doc)).status).toBe(201);
    const oneByOne = await snapshot();
    await clearDatabase(api.conn);

    const replies = await Promise.all(docs.map((doc) => call(api, 'POST', '/api/articles', doc)));
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(await duplicates()).toBe(0);
    expect(await snapshot()).toEqual(oneByOne);

    const shared = oneByOne.relationships.filter((r) => r.type === 'HOLDS_POSITION' || r.type === 'SISTER_CITY_OF');
    expect(shared).toHaveLength(2);
    for (const rel of shared) expect(rel.sources).toHaveLength(8);
  });

  it('8 concurrent ingests of versions of the seed article leave no duplicate entity or relationship', async () => {
    const versions = Array.from({ length: 8 }, (_, i) => `${SEED}\n\nUpdate ${i}: the two cities agreed to meet again.`);
    const replies = await Promise.all(versions.map((text, i) => call(api, 'POST', `/api/articles?url=https://example.org/v${i}`, text)));
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(await duplicates()).toBe(0);
    const graph = await snapshot();
    const names = graph.nodes.map((n) => `${n.label}|${n.name}`);
    expect(new Set(names).size).toBe(names.length);
    expect(graph.articles).toHaveLength(8);
  });

  it('deleting an article removes what only it stated and keeps what others state too', async () => {
    const [a, b] = overlappingDocs();
    await call(api, 'POST', '/api/articles', a);
    await call(api, 'POST', '/api/articles', b);

    const deleted = await call(api, 'DELETE', '/api/articles/article-0');
    expect(deleted.status).toBe(200);
    expect(deleted.body.deleted).toBe('article-0');
    expect(deleted.body.changes.relationshipsDeleted).toBeGreaterThan(0);

    const graph = await snapshot();
    expect(graph.articles.map((x) => x.id)).toEqual(['article-1']);
    const mayor = graph.relationships.find((r) => r.type === 'HOLDS_POSITION');
    expect(mayor).toMatchObject({ source: 'person:anna-berg', target: 'city:lundby', sources: ['article-1'], evidence: ['Anna Berg is the Mayor of Lundby.'] });
    const sister = graph.relationships.find((r) => r.type === 'SISTER_CITY_OF');
    expect(sister?.evidence).toEqual(['Port Evans and Lundby are sister cities.']);
    expect(graph.relationships.some((r) => r.source === 'person:guest-0' || r.target === 'person:guest-0')).toBe(false);
    expect(graph.nodes.map((n) => n.id)).not.toContain('person:guest-0');
    expect(graph.nodes.map((n) => n.id)).not.toContain('event:fair-0');
    expect(graph.nodes.map((n) => n.id)).toContain('person:anna-berg');

    expect((await call(api, 'GET', '/api/entities?q=Guest%200')).body.results.map((r: { id: string }) => r.id)).not.toContain('person:guest-0');
    expect((await call(api, 'DELETE', '/api/articles/article-0')).status).toBe(404);
  });
  it('a fact restated by many articles keeps every source but a bounded list of evidence sentences', async () => {
    const fact = (i: number) => ({
      articles: [{ id: `restated-${i}`, title: `Lundby news ${i}`, publishedAt: '2024-05-01', url: `https://example.org/lundby/${i}` }],
      nodes: [
        { id: 'person:anna-berg', label: 'Person', name: 'Anna Berg', aliases: [], properties: {} },
        { id: 'city:lundby', label: 'City', name: 'Lundby', aliases: [], properties: {} },
      ],
      relationships: [{ type: 'HOLDS_POSITION', source: 'person:anna-berg', target: 'city:lundby', properties: { title: 'Mayor' }, sources: [`restated-${i}`], evidence: [`Anna Berg, Mayor of Lundby, spoke on day ${i}.`, `Mayor Berg of Lundby thanked guests on day ${i}.`] }],
    });
    for (let i = 0; i < 3; i++) expect((await call(api, 'POST', '/api/articles', fact(i))).status).toBe(201);
    const batch = { articles: [] as unknown[], nodes: [] as unknown[], relationships: [] as unknown[] };
    for (let i = 3; i < 20; i++) {
      const doc = fact(i);
      batch.articles.push(...doc.articles);
      batch.nodes.push(...doc.nodes);
      batch.relationships.push(...doc.relationships);
    }
    expect((await call(api, 'POST', '/api/articles', batch)).status).toBe(201);

    const { body } = await call<GraphDocument>(api, 'GET', '/api/graph');
    const mayor = body.relationships.filter((r) => r.type === 'HOLDS_POSITION');
    expect(mayor).toHaveLength(1);
    expect(new Set(mayor[0]!.sources).size).toBe(20);
    expect(mayor[0]!.evidence.length).toBeGreaterThan(0);
    expect(mayor[0]!.evidence.length).toBeLessThanOrEqual(12);
    expect(mayor[0]!.evidence).toContain('Anna Berg, Mayor of Lundby, spoke on day 0.');

    // the entity's detail lists the first sources and says how many there are in all
    const detail = await call<EntityDetails>(api, 'GET', '/api/entities/city:lundby?sources=5');
    expect(detail.body.total).toBe(1);
    expect(detail.body.relationships[0]!.sourceCount).toBe(20);
    expect(detail.body.relationships[0]!.sources.map((s) => s.title)).toEqual(['Lundby news 0', 'Lundby news 1', 'Lundby news 2', 'Lundby news 3', 'Lundby news 4']);
  });

  it('pages the relationships of an entity with many of them', async () => {
    const city = { id: 'city:lundby', label: 'City', name: 'Lundby', aliases: [], properties: {} };
    const people = Array.from({ length: 12 }, (_, i) => ({ id: `person:councillor-${String(i).padStart(2, '0')}`, label: 'Person', name: `Councillor ${String.fromCharCode(65 + i)} Holm`, aliases: [], properties: {} }));
    const doc = {
      articles: [{ id: 'council-list', title: 'Lundby council', publishedAt: '2024-05-01' }],
      nodes: [city, ...people],
      relationships: people.map((p) => ({ type: 'HOLDS_POSITION', source: p.id, target: city.id, properties: { title: 'Councillor' }, sources: [], evidence: [`${p.name} sits on the Lundby council.`] })),
    };
    expect((await call(api, 'POST', '/api/articles', doc)).status).toBe(201);
    const first = await call<EntityDetails>(api, 'GET', '/api/entities/city:lundby?limit=5');
    const rest = await call<EntityDetails>(api, 'GET', '/api/entities/city:lundby?limit=10&offset=5');
    expect(first.body.total).toBe(12);
    expect(first.body.relationships).toHaveLength(5);
    expect(rest.body.relationships).toHaveLength(7);
    const names = [...first.body.relationships, ...rest.body.relationships].map((r) => r.other.name);
    expect(names).toEqual(people.map((p) => p.name).sort());
    expect((await call(api, 'GET', '/api/entities/city:lundby?limit=0')).status).toBe(400);
  });
});

// A body named by its kind ("the City Council") is its article's town's: two towns' councils stay two entities,
// one town's council told by two articles stays one. Articles written for this test in the genre's style; each names
// the council as a body of people too, since "the City Council meeting" alone may be read as the meeting's name only.
const NORFOLK_STUDENTS = `Norfolk students report on Kitakyushu trip

NORFOLK — Ten students from Norfolk visited Kitakyushu, its sister city in Japan, in May 2024. At the City Council meeting on Tuesday, June 4, 2024, the leader of the group, Ann Lee, gave a report of their trip to members of the City Council and presented Mayor Kenneth Alexander with a gift from the mayor of Kitakyushu.
`;
const NORFOLK_CHOIR = `Norfolk welcomes Kitakyushu choir

NORFOLK — A choir from Kitakyushu performed in Norfolk on October 5, 2024. At the City Council meeting on Tuesday, October 8, 2024, the choir's director, Kenji Sato, gave a report of the tour to members of the City Council and presented Mayor Kenneth Alexander with a gift from the people of Kitakyushu.
`;
const WILHELMSHAVEN_STUDENTS = `Wilhelmshaven students report on Norfolk trip

WILHELMSHAVEN — Twelve students from Wilhelmshaven visited Norfolk, Virginia, in July 2024. At the City Council meeting on Thursday, August 15, 2024, the leader of the group, Jan Meyer, gave a report of their trip to members of the City Council and presented Mayor Carsten Feist with a gift from the mayor of Norfolk.
`;

/** The stored "City Council" entities after ingesting the articles one by one, as separate requests. */
async function councilsAfter(...articles: string[]) {
  for (const article of articles) expect((await call(api, 'POST', '/api/articles', article)).status).toBeLessThan(300);
  const { body } = await call<GraphDocument>(api, 'GET', '/api/graph');
  return body.nodes.filter((n) => n.label === 'Office' && n.name === 'City Council').map((n) => n.properties.town).sort();
}

describe('a body named by its kind', () => {
  it('is one entity per town: two towns\' "City Council" stay apart', async () => {
    expect(await councilsAfter(NORFOLK_STUDENTS, WILHELMSHAVEN_STUDENTS)).toEqual(['Norfolk', 'Wilhelmshaven']);
  });

  it('is one entity for one town told by two articles', async () => {
    expect(await councilsAfter(NORFOLK_STUDENTS, NORFOLK_CHOIR)).toEqual(['Norfolk']);
  });
});

// "BCC" is the Bulawayo City Council of one article and the Banjul City Council of another: the acronym, a body's
// one-word alias key, must not make them one entity whichever article comes first (api/graph/alias-keys.ts).
// Articles written for these tests in the genre's style (tests/fixtures/acronym, also in bulk-import.test.ts).
const ACRONYM_FILES = ['bulawayo-bcc.txt', 'banjul-bcc.txt'].map((file) => fileURLToPath(new URL(`../fixtures/acronym/${file}`, import.meta.url)));
const [BULAWAYO_BCC, BANJUL_BCC] = ACRONYM_FILES.map((file) => readFileSync(file, 'utf8')) as [string, string];
/** An article that names the council by its acronym alone (as a graph document: the rules read a bare "BCC" as no body). */
const BARE_BCC: GraphDocument = {
  articles: [{ id: 'bare-bcc', title: 'BCC appoints a town clerk', publishedAt: '2024-09-01', url: 'https://example.org/bcc-clerk' }],
  nodes: [
    { id: 'office:bcc', label: 'Office', name: 'BCC', aliases: [], properties: {} },
    { id: 'person:tendai-dube', label: 'Person', name: 'Tendai Dube', aliases: [], properties: {} },
  ],
  relationships: [{ type: 'HOLDS_POSITION', source: 'person:tendai-dube', target: 'office:bcc', properties: { title: 'Town Clerk' }, sources: ['bare-bcc'], evidence: ['BCC appointed Tendai Dube as Town Clerk.'] }],
};

/** Each Office of a graph that goes by "BCC", by its names (name first), with the people holding a position in it. */
function officeHolders(g: GraphDocument): string[] {
  const nameOf = new Map(g.nodes.map((n) => [n.id, n.name]));
  return g.nodes
    // the articles name other bodies too ("the Quelimane municipality"), as the extractor happens to read them
    .filter((n) => n.label === 'Office' && [n.name, ...n.aliases].includes('BCC'))
    .map((o) => {
      const holders = g.relationships.filter((r) => r.type === 'HOLDS_POSITION' && r.target === o.id).map((r) => nameOf.get(r.source)!);
      return `${[o.name, ...[...o.aliases].sort()].join(' / ')}: ${holders.sort().join(', ')}`;
    })
    .sort();
}

async function storedOfficeHolders(): Promise<string[]> {
  return officeHolders((await call<GraphDocument>(api, 'GET', '/api/graph')).body);
}

async function ingestEach(articles: (string | GraphDocument)[]): Promise<void> {
  for (const article of articles) expect((await call(api, 'POST', '/api/articles', article)).status).toBe(201);
}

/** What `npm run extract` prints for the files. */
function extractCli(files: string[]): Promise<GraphDocument> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  return new Promise((resolve, reject) =>
    execFile(join(root, 'node_modules/.bin/tsx'), [join(root, 'api/cli/extract.ts'), ...files], { cwd: root, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout) as GraphDocument),
    ),
  );
}

describe('an acronym two bodies share ("BCC")', () => {
  const twoCouncils = ['Banjul City Council / BCC: Rohey Malick Lowe', 'Bulawayo City Council / BCC: David Coltart'];

  it('leaves two councils, each with its own mayor, ingested one after the other in either order, as npm run extract does', async () => {
    await ingestEach([BULAWAYO_BCC, BANJUL_BCC]);
    expect(await storedOfficeHolders()).toEqual(twoCouncils);
    const bulawayoFirst = await snapshot();
    await clearDatabase(api.conn);
    await ingestEach([BANJUL_BCC, BULAWAYO_BCC]);
    expect(await storedOfficeHolders()).toEqual(twoCouncils);
    expect((await snapshot()).nodes.map((n) => n.id)).toEqual(bulawayoFirst.nodes.map((n) => n.id));
    const extracted = await extractCli(ACRONYM_FILES);
    expect(officeHolders(extracted)).toEqual(twoCouncils);
    expect(extracted.nodes.map((n) => n.id).sort()).toEqual(bulawayoFirst.nodes.map((n) => n.id));
  }, 120_000);

  it('never makes the two fully named councils one, whenever a bare "BCC" comes; every write idempotent', async () => {
    // The bare "BCC" joins the one council fully named so far; once two are, it stays an entity of its own.
    const orders: [(string | GraphDocument)[], string[]][] = [
      [[BARE_BCC, BULAWAYO_BCC, BANJUL_BCC], ['BCC / Bulawayo City Council: David Coltart, Tendai Dube', 'Banjul City Council / BCC: Rohey Malick Lowe']],
      [[BULAWAYO_BCC, BARE_BCC, BANJUL_BCC], ['Banjul City Council / BCC: Rohey Malick Lowe', 'Bulawayo City Council / BCC: David Coltart, Tendai Dube']],
      [[BULAWAYO_BCC, BANJUL_BCC, BARE_BCC], ['BCC: Tendai Dube', ...twoCouncils]],
      [[BANJUL_BCC, BARE_BCC, BULAWAYO_BCC], ['Banjul City Council / BCC: Rohey Malick Lowe, Tendai Dube', 'Bulawayo City Council / BCC: David Coltart']],
    ];
    for (const [articles, offices] of orders) {
      await clearDatabase(api.conn);
      await ingestEach(articles);
      expect(await storedOfficeHolders()).toEqual(offices);
      const before = await snapshot();
      for (const article of articles) expect((await call(api, 'POST', '/api/articles', article)).body.articles[0].status).toBe('unchanged');
      expect(await snapshot()).toEqual(before);
    }
  }, 120_000);
});
