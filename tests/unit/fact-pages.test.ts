// Entity detail's pages from the in-memory index list what cypher/entity-detail.cypher lists: the
// facts by type name, then the other end's name as Neo4j compares strings (not a locale's order),
// then the key; each with its other end, properties, evidence and first sources; and no page where
// Neo4j's order is not certain (a fact to itself, a missing key, characters Neo4j compares otherwise).
import { describe, expect, it } from 'vitest';
import type { FactDetail } from '../../api/store/fact-pages.ts';
import { PathIndexBuilder, type IndexedEntity } from '../../api/store/path-index.ts';

const TYPES = ['VISITED', 'MET_WITH', 'SISTER_CITY_OF'];
const entity = (id: string, name: string | null, label = 'City'): IndexedEntity => ({ id, degree: 1, event: false, date: null, label, name });
const fact = (over: Partial<FactDetail> = {}): FactDetail => ({ key: null, properties: {}, evidence: [], evidenceSources: [], sourceIds: [], sourceCount: 0, ...over });
const key = (type: string, start: string, end: string, suffix = '') => `${type}|${start}|${end}|${suffix}`;
const article = (id: string) => ({ id, title: `Title ${id}`, url: null, publishedAt: '2024-01-01' });
const all = { offset: 0, limit: 200, sources: 10 };

/** An index of these entities and facts over three articles, with its pages attached (PathIndex.pagesBuilder). */
function indexOf(entities: IndexedEntity[], facts: [string, string, string, FactDetail][]) {
  const builder = new PathIndexBuilder(TYPES);
  for (const id of ['a1', 'a2', 'a3']) builder.article(article(id));
  for (const e of entities) builder.entity(e);
  for (const [start, end, type] of facts) builder.fact(start, end, type);
  const index = builder.build();
  const pages = index.pagesBuilder();
  for (const [start, end, type, detail] of facts) pages.fact(start, end, type, detail);
  index.attachPages(pages.build());
  return index;
}

function twinnedCity() {
  const twin = (other: string) => fact({ key: key('SISTER_CITY_OF', 'city:home', other), evidence: ['They are twinned.'], evidenceSources: ['a1'], sourceIds: ['a1'], sourceCount: 1 });
  return indexOf(
    [
      entity('city:home', 'Home'),
      entity('city:zagreb', 'Zagreb'),
      entity('city:esbjerg', 'Ésbjerg'), // É (U+00C9) sorts after Z, as Neo4j compares
      entity('city:aarhus', 'Aarhus'),
      entity('person:mayor', 'Aarhus', 'Person'), // same name as the city: the key decides
    ],
    [
      ['city:home', 'city:zagreb', 'SISTER_CITY_OF', twin('city:zagreb')],
      ['city:home', 'city:esbjerg', 'SISTER_CITY_OF', twin('city:esbjerg')],
      ['city:aarhus', 'city:home', 'SISTER_CITY_OF', fact({ key: key('SISTER_CITY_OF', 'city:aarhus', 'city:home') })],
      ['person:mayor', 'city:home', 'VISITED', fact({ key: key('VISITED', 'person:mayor', 'city:home', 'guest'), properties: { role: 'guest' } })],
      ['person:mayor', 'city:home', 'MET_WITH', fact({ key: 'MET_WITH|an older key' })],
      ['city:home', 'person:mayor', 'VISITED', fact({
        key: key('VISITED', 'city:home', 'person:mayor'),
        evidence: ['They met.', 'They met again.'],
        evidenceSources: ['a2', 'analyst:kim'],
        sourceIds: ['a2', 'gone', 'a3'],
        sourceCount: 7,
      })],
      ['city:home', 'city:nowhere', 'VISITED', fact({ key: key('VISITED', 'city:home', 'city:nowhere') })], // an end the index does not hold: skipped
    ],
  );
}

describe('the pages of facts held with the path index', () => {
  it('lists facts by type name, then the other end name as Neo4j compares it, then the key', () => {
    const page = twinnedCity().detailPage('city:home', all)!;
    expect(page.map((f) => [f.type, f.other.name, f.id])).toEqual([
      ['MET_WITH', 'Aarhus', 'MET_WITH|an older key'],
      ['SISTER_CITY_OF', 'Aarhus', key('SISTER_CITY_OF', 'city:aarhus', 'city:home')],
      ['SISTER_CITY_OF', 'Zagreb', key('SISTER_CITY_OF', 'city:home', 'city:zagreb')],
      ['SISTER_CITY_OF', 'Ésbjerg', key('SISTER_CITY_OF', 'city:home', 'city:esbjerg')],
      ['VISITED', 'Aarhus', key('VISITED', 'city:home', 'person:mayor')],
      ['VISITED', 'Aarhus', key('VISITED', 'person:mayor', 'city:home', 'guest')],
    ]);
  });

  it('gives each fact its direction, other end, properties, evidence and first sources (unknown articles left out, still counted)', () => {
    const page = twinnedCity().detailPage('city:home', all)!;
    expect(page[4]).toEqual({
      id: key('VISITED', 'city:home', 'person:mayor'),
      type: 'VISITED',
      direction: 'out',
      other: { id: 'person:mayor', label: 'Person', name: 'Aarhus' },
      properties: {},
      evidence: ['They met.', 'They met again.'],
      evidenceSources: ['a2', 'analyst:kim'],
      sources: [article('a2'), article('a3')],
      sourceCount: 7,
    });
    expect(page[5]).toMatchObject({ direction: 'in', properties: { role: 'guest' }, evidence: [], sources: [], sourceCount: 0 });
    expect(twinnedCity().detailPage('city:home', { ...all, sources: 2 })![4]!.sources).toEqual([article('a2')]);
    expect(twinnedCity().detailPage('city:home', { ...all, sources: 0 })![4]!.sources).toEqual([]);
  });

  it('pages with offset and limit, from the other end as well', () => {
    const index = twinnedCity();
    expect(index.detailPage('city:home', { ...all, offset: 2, limit: 2 })!.map((f) => f.other.id)).toEqual(['city:zagreb', 'city:esbjerg']);
    expect(index.detailPage('city:home', { ...all, offset: 6 })).toEqual([]);
    expect(index.detailPage('city:home', { ...all, offset: 1000 })).toEqual([]);
    expect(index.detailPage('city:zagreb', all)).toMatchObject([{ direction: 'in', other: { id: 'city:home', name: 'Home' }, evidence: ['They are twinned.'], evidenceSources: ['a1'] }]);
    expect(index.detailPage('city:nowhere', all)).toBeNull();
  });

  it('has no pages until they are attached (none above the pages limit)', () => {
    const builder = new PathIndexBuilder(TYPES);
    builder.entity(entity('city:home', 'Home'));
    builder.entity(entity('city:zagreb', 'Zagreb'));
    builder.fact('city:home', 'city:zagreb', 'SISTER_CITY_OF');
    const index = builder.build();
    expect(index.hasPages).toBe(false);
    expect(index.detailPage('city:home', all)).toBeNull();
    expect(twinnedCity().hasPages).toBe(true);
  });

  it('leaves to Neo4j the pages whose order it cannot vouch for', () => {
    const names = [['city:loop', 'Loop'], ['city:keyless', 'Keyless'], ['city:far', 'Far'], ['city:emoji', 'Emoji 🏙'], ['city:near', 'Near'], ['city:private', '\uE000 Private use'], ['city:plain', 'Plain']] as const;
    const index = indexOf(
      [...names.map(([id, name]) => entity(id, name)), entity('city:nameless', null)],
      [
        ['city:loop', 'city:loop', 'VISITED', fact({ key: key('VISITED', 'city:loop', 'city:loop') })],
        ['city:keyless', 'city:far', 'VISITED', fact()],
        ['city:near', 'city:emoji', 'VISITED', fact({ key: key('VISITED', 'city:near', 'city:emoji') })],
        ['city:near', 'city:private', 'VISITED', fact({ key: key('VISITED', 'city:near', 'city:private') })],
        ['city:plain', 'city:nameless', 'VISITED', fact({ key: key('VISITED', 'city:plain', 'city:nameless') })],
        ['city:plain', 'city:far', 'MET_WITH', fact({ key: 'MET_WITH|twice' })],
        ['city:far', 'city:plain', 'MET_WITH', fact({ key: 'MET_WITH|twice' })],
      ],
    );
    for (const id of ['city:loop', 'city:keyless', 'city:far', 'city:near', 'city:plain']) expect(index.detailPage(id, all)).toBeNull();
    // The ends of those facts have pages of their own when their own facts are sure.
    expect(index.detailPage('city:emoji', all)!.map((f) => f.other.id)).toEqual(['city:near']);
    expect(index.detailPage('city:nameless', all)!.map((f) => f.other.id)).toEqual(['city:plain']);
  });
});
