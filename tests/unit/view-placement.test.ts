// The pure maths behind the map and timeline views: projection, grouping of nearby cities, arc
// bends, and the timeline's compressed time axis.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arcBend, citiesOnMap, groupNearby, mapProjection, WORLD_WIDTH, zoomStep, type MapPoint } from '../../viz/src/graph/mapping.ts';
import { timelinePositions, type PlainNode } from '../../viz/src/graph/placement.ts';

const city = (id: string, lat: unknown, lon: unknown): PlainNode => ({ id, label: 'City', lat, lon });

describe('map projection', () => {
  it('puts cities at their real coordinates: east is right, north is up, 180° is the edge', () => {
    const { points, unplaced } = citiesOnMap([
      city('shanghai', 31.2304, 121.4737),
      city('busan', 35.1796, 129.0756),
      city('beijing', 39.9042, 116.4074),
      city('los-angeles', 34.0522, -118.2437),
      city('nowhere', undefined, undefined),
      city('bad', 95, 10),
      { id: 'person', label: 'Person' },
    ]);
    const at = Object.fromEntries(points.map((p) => [p.id, p]));
    expect(at.busan!.x).toBeGreaterThan(at.shanghai!.x);
    expect(at.busan!.x).toBeLessThan(WORLD_WIDTH / 2);
    expect(at['los-angeles']!.x).toBeLessThan(0);
    expect(at.beijing!.y).toBeLessThan(at.shanghai!.y);
    expect(at.shanghai!.x / (WORLD_WIDTH / 2)).toBeCloseTo(121.4737 / 180, 6);
    expect(unplaced.sort()).toEqual(['bad', 'nowhere', 'person']);
  });

  it('matches the projection the base map is drawn with', () => {
    const [x, y] = mapProjection()([121.4737, 31.2304])!;
    const { points } = citiesOnMap([city('shanghai', 31.2304, 121.4737)]);
    expect(points[0]).toMatchObject({ x, y });
  });
});

describe('grouping nearby cities', () => {
  const point = (id: string, x: number, y: number, weight = 0): MapPoint => ({ id, x, y, weight });

  it('puts points within the radius under the heaviest one, at its place', () => {
    const groups = groupNearby([point('suzhou', 10, 0, 1), point('shanghai', 0, 0, 5), point('busan', 200, 0, 3)], 50);
    expect(groups).toEqual([
      { lead: 'shanghai', members: ['shanghai', 'suzhou'], x: 0, y: 0 },
      { lead: 'busan', members: ['busan'], x: 200, y: 0 },
    ]);
  });

  it('splits a group once the radius (the zoom) shrinks below their distance', () => {
    const points = [point('a', 0, 0, 2), point('b', 30, 40, 1)];
    expect(groupNearby(points, 60)).toHaveLength(1);
    expect(groupNearby(points, 49)).toHaveLength(2);
  });

  it('every point is in exactly one group, within the radius of its lead; leads are further apart than the radius', () => {
    const pointsArb = fc.uniqueArray(fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }), weight: fc.nat(20) }), { maxLength: 60, selector: (p) => `${p.x},${p.y}` });
    fc.assert(
      fc.property(pointsArb, fc.integer({ min: 1, max: 200 }), (raw, radius) => {
        const points = raw.map((p, i) => point(`p${i}`, p.x, p.y, p.weight));
        const byId = new Map(points.map((p) => [p.id, p]));
        const groups = groupNearby(points, radius);
        const all = groups.flatMap((g) => g.members);
        expect(all.sort()).toEqual(points.map((p) => p.id).sort());
        for (const g of groups) {
          expect(g.members[0]).toBe(g.lead);
          for (const id of g.members) expect(Math.hypot(byId.get(id)!.x - g.x, byId.get(id)!.y - g.y)).toBeLessThanOrEqual(radius);
        }
        for (let i = 0; i < groups.length; i++) for (let j = i + 1; j < groups.length; j++) expect(Math.hypot(groups[i]!.x - groups[j]!.x, groups[i]!.y - groups[j]!.y)).toBeGreaterThan(radius);
      }),
    );
  });

  it('regroups only when the zoom changes by a half power of two', () => {
    expect(zoomStep(1)).toBe(1);
    expect(zoomStep(1.3)).toBe(1);
    expect(zoomStep(1.5)).toBeCloseTo(Math.SQRT2);
    expect(zoomStep(0.2)).toBeLessThanOrEqual(0.2);
    expect(zoomStep(0.2)).toBeGreaterThan(0.2 / Math.SQRT2);
  });
});

describe('arcs between cities', () => {
  // Cytoscape's unbundled-bezier control point: the midpoint moved d along (−dy, dx)/length.
  const control = (a: { x: number; y: number }, b: { x: number; y: number }) => {
    const d = arcBend(a, b);
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    return { x: (a.x + b.x) / 2 + (d * -(b.y - a.y)) / length, y: (a.y + b.y) / 2 + (d * (b.x - a.x)) / length };
  };

  it('bows north whichever way the line runs, by a share of its length', () => {
    const west = { x: -300, y: 20 };
    const east = { x: 500, y: -40 };
    for (const [a, b] of [
      [west, east],
      [east, west],
    ] as const) {
      const c = control(a, b);
      expect(c.y).toBeLessThan((a.y + b.y) / 2 - 0.15 * Math.hypot(b.x - a.x, b.y - a.y));
    }
  });
});

describe('timeline with compressed time', () => {
  const event = (id: string, date: string): PlainNode => ({ id, label: 'Event', date });

  it('keeps dates in order and shortens years without events to less than a busy year', () => {
    const nodes = [
      ...['2004-03-01', '2004-05-01', '2004-09-01'].map((d, i) => event(`early-${i}`, d)),
      ...['2019-01-10', '2019-04-10', '2019-07-10', '2019-11-10'].map((d, i) => event(`late-${i}`, d)),
    ];
    const { positions, unplaced } = timelinePositions(nodes, []);
    expect(unplaced).toEqual([]);
    const xs = nodes.map((n) => positions.get(n.id)!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const gap = positions.get('late-0')!.x - positions.get('early-2')!.x;
    const busy = positions.get('late-3')!.x - positions.get('late-0')!.x;
    expect(gap).toBeLessThan(busy);
  });

  it('stacks the events of one month, at most five high, more side by side', () => {
    const nodes = Array.from({ length: 12 }, (_, i) => event(`e${i}`, `2020-06-${String(i + 1).padStart(2, '0')}`));
    const { positions } = timelinePositions(nodes, []);
    const columns = new Set(nodes.map((n) => positions.get(n.id)!.x));
    const rows = new Set(nodes.map((n) => positions.get(n.id)!.y));
    expect(columns.size).toBe(3);
    expect(rows.size).toBeLessThanOrEqual(5);
    const places = new Set(nodes.map((n) => `${positions.get(n.id)!.x},${positions.get(n.id)!.y}`));
    expect(places.size).toBe(12);
  });

  it('places the visitor and the visited city of a visit by the event of that visit', () => {
    const nodes: PlainNode[] = [event('visit-2010', '2010-04-02'), event('visit-2020', '2020-09-09'), { id: 'mayor', label: 'Person' }, { id: 'busan', label: 'City' }, { id: 'loner', label: 'Person' }];
    const { positions, unplaced } = timelinePositions(nodes, [{ source: 'mayor', target: 'busan', event: 'visit-2020' }]);
    expect(positions.get('mayor')!.x).toBe(positions.get('visit-2020')!.x);
    expect(positions.get('busan')!.x).toBe(positions.get('visit-2020')!.x);
    expect(unplaced).toEqual(['loner']);
  });

  it('keeps a participant by its own events when a crowd of others shares a later month', () => {
    const crowd = Array.from({ length: 24 }, (_, i) => ({ id: `guest-${i}`, label: 'Person' }));
    const nodes: PlainNode[] = [event('forum-2019', '2019-05-02'), event('expo-2022', '2022-11'), event('day-2024', '2024-04-16'), { id: 'delegate', label: 'Person' }, ...crowd];
    const edges = [
      { source: 'delegate', target: 'forum-2019' },
      { source: 'delegate', target: 'expo-2022' },
      ...crowd.map((c) => ({ source: c.id, target: 'day-2024' })),
    ];
    const { positions } = timelinePositions(nodes, edges);
    const x = (id: string) => positions.get(id)!.x;
    expect(x('delegate')).toBeGreaterThan(x('forum-2019'));
    expect(x('delegate')).toBeLessThan(x('expo-2022'));
    // the crowd is spread apart in each row of its lane
    for (const y of new Set(crowd.map((c) => positions.get(c.id)!.y))) {
      const row = crowd.filter((c) => positions.get(c.id)!.y === y).map((c) => x(c.id)).sort((a, b) => a - b);
      for (let i = 1; i < row.length; i++) expect(row[i]! - row[i - 1]!).toBeGreaterThanOrEqual(130 - 1e-9);
    }
  });

  it('names each month with events under its column', () => {
    const { ticks } = timelinePositions([event('a', '2021-02-03'), event('b', '2023-10')], []);
    expect(ticks.map((t) => t.name)).toEqual(expect.arrayContaining(['Feb 2021', 'Oct 2023', '…']));
  });
});
