// The in-memory path index answers what cypher/path-step.cypher and path-ends.cypher answer:
// relationship types, events outside the date range, the `from` end never filtered, each
// neighbour once, only the meeting entities when the two sides meet.
import { describe, expect, it } from 'vitest';
import { PathIndexBuilder, type IndexedEntity, type PathFilter } from '../../api/store/path-index.ts';

const TYPES = ['MET_WITH', 'PARTICIPATED_IN', 'VISITED'];
const entity = (id: string, degree = 1, date: string | null = null): IndexedEntity => ({ id, degree, event: id.startsWith('event:'), date, label: 'Person', name: id });

function index() {
  const builder = new PathIndexBuilder(TYPES);
  for (const e of [entity('person:ann', 3), entity('person:bo', 2), entity('city:hub', 5000), entity('event:fair', 4, '2020-06-15'), entity('event:undated')]) builder.entity(e);
  builder.fact('person:ann', 'person:bo', 'MET_WITH');
  builder.fact('person:bo', 'person:ann', 'MET_WITH'); // parallel fact, the other way
  builder.fact('person:ann', 'city:hub', 'VISITED');
  builder.fact('person:ann', 'event:fair', 'PARTICIPATED_IN');
  builder.fact('person:bo', 'event:undated', 'PARTICIPATED_IN');
  builder.fact('person:bo', 'person:nobody', 'MET_WITH'); // an end read after the entities: skipped
  builder.fact('person:bo', 'city:hub', 'MENTIONS'); // not a fact type: skipped
  return builder.build();
}
const all: PathFilter = { types: TYPES, since: null, until: null, from: 'person:ann' };
const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe('PathIndex', () => {
  it('lists each neighbour once with its parents, degree and log(1 + degree)', () => {
    const level = index().step(['person:ann', 'person:bo'], [], [], all);
    expect(ids(level)).toEqual(['city:hub', 'event:fair', 'event:undated', 'person:ann', 'person:bo']);
    const hub = level.find((r) => r.id === 'city:hub')!;
    expect(hub).toEqual({ id: 'city:hub', parents: ['person:ann'], degree: 5000, weight: Math.log(5001) });
    expect(level.find((r) => r.id === 'person:bo')!.parents).toEqual(['person:ann']);
    expect(index().size).toEqual({ entities: 5, facts: 5 });
  });

  it('skips the level before and follows only the allowed types', () => {
    expect(ids(index().step(['person:ann'], ['person:bo'], [], all))).toEqual(['city:hub', 'event:fair']);
    expect(ids(index().step(['person:ann'], [], [], { ...all, types: ['VISITED', 'SISTER_CITY_OF'] }))).toEqual(['city:hub']);
  });

  it('passes through events only when dated inside the range, and never filters the from end', () => {
    expect(ids(index().step(['person:ann'], [], [], { ...all, since: '2020-06' }))).toEqual(['city:hub', 'event:fair', 'person:bo']);
    expect(ids(index().step(['person:ann'], [], [], { ...all, until: '2019' }))).toEqual(['city:hub', 'person:bo']);
    expect(ids(index().step(['person:bo'], [], [], { ...all, since: '2000' }))).toEqual(['person:ann']);
    expect(index().end('event:fair', { ...all, until: '2019' })).toEqual({ degree: 4, allowed: false });
    expect(index().end('event:fair', { ...all, from: 'event:fair', until: '2019' })).toEqual({ degree: 4, allowed: true });
    expect(index().end('person:nobody', all)).toBeNull();
  });

  it('answers only the meeting entities once the other side is reached', () => {
    expect(ids(index().step(['person:ann'], [], ['city:hub', 'person:zed'], all))).toEqual(['city:hub']);
  });

  it('answers each step afresh when one index serves many in turn (its marks are reused)', () => {
    const shared = index();
    const steps: [string[], string[], string[], PathFilter][] = [
      [['person:ann', 'person:bo'], [], [], all],
      [['person:ann'], ['person:bo'], [], all],
      [['person:ann'], [], ['city:hub'], all],
      [['person:bo'], [], [], { ...all, since: '2000' }],
      [['person:ann'], [], [], { ...all, until: '2019' }],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [frontier, previous, others, filter] of steps) expect(shared.step(frontier, previous, others, filter)).toEqual(index().step(frontier, previous, others, filter));
    }
  });
});
