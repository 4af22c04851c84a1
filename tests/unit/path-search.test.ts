// The path search's bookkeeping against the definition it replaces: every shortest path
// enumerated, ranked by the sum of log(1 + degree) over intermediate entities, then by ids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PathIndexBuilder } from '../../api/store/path-index.ts';
import { PathSearch, type StepRow } from '../../api/store/path-search.ts';

type Graph = Map<string, Set<string>>;

function graphOf(edges: [number, number][], extraDegree: number[]): { graph: Graph; degree: (id: string) => number } {
  const graph: Graph = new Map();
  const link = (a: string, b: string) => graph.set(a, (graph.get(a) ?? new Set()).add(b));
  for (const [a, b] of edges) {
    if (a === b) continue;
    link(`n${a}`, `n${b}`);
    link(`n${b}`, `n${a}`);
  }
  // Degree counts other relationships too (MENTIONS): a hub is costly to pass through.
  const degree = (id: string) => (graph.get(id)?.size ?? 0) + (extraDegree[Number(id.slice(1))] ?? 0);
  return { graph, degree };
}

/** What cypher/path-step.cypher answers for a frontier: the level, or only where it meets `others`. */
function step(graph: Graph, degree: (id: string) => number, frontier: string[], previous: string[], others: string[]): StepRow[] {
  const parents = new Map<string, string[]>();
  for (const id of frontier) {
    for (const m of graph.get(id) ?? []) {
      if (previous.includes(m)) continue;
      parents.set(m, [...(parents.get(m) ?? []), id]);
    }
  }
  const meets = [...parents].filter(([id]) => others.includes(id));
  return (meets.length > 0 ? meets : [...parents]).map(([id, ps]) => ({ id, parents: ps, degree: degree(id), weight: Math.log(1 + degree(id)) }));
}

type Step = (frontier: string[], previous: string[], others: string[]) => StepRow[];

function search(graph: Graph, degree: (id: string) => number, from: string, to: string, maxHops: number, k: number, levels?: Step): string[][] {
  const s = new PathSearch(from, to, maxHops, { from: degree(from), to: degree(to) });
  for (let side = s.next(); side; side = s.next()) {
    const { frontier, previous, others } = s.frontier(side);
    s.grow(side, (levels ?? ((f, p, o) => step(graph, degree, f, p, o)))(frontier, previous, others));
  }
  return s.routes(k).map((r) => r.route);
}

/** The in-memory index's levels (api/store/path-index.ts) over the same graph, each fact stored once or twice. */
function indexedStep(edges: [number, number][], degree: (id: string) => number): Step {
  const builder = new PathIndexBuilder(['MET_WITH']);
  for (let n = 0; n < 12; n++) builder.entity({ id: `n${n}`, degree: degree(`n${n}`), event: false, date: null, label: 'Person', name: `n${n}` });
  for (const [a, b] of edges) if (a !== b) builder.fact(`n${a}`, `n${b}`, 'MET_WITH');
  const index = builder.build();
  return (frontier, previous, others) => index.step(frontier, previous, others, { types: ['MET_WITH'], since: null, until: null, from: 'n0' });
}

/** Every simple path up to maxHops, the shortest kept, ranked as cypher/shortest-paths.cypher ranks them. */
function bruteForce(graph: Graph, degree: (id: string) => number, from: string, to: string, maxHops: number, k: number): string[][] {
  const found: string[][] = [];
  const walk = (route: string[]) => {
    const last = route.at(-1)!;
    if (last === to) return void found.push(route);
    if (route.length > maxHops) return;
    for (const m of graph.get(last) ?? []) if (!route.includes(m)) walk([...route, m]);
  };
  walk([from]);
  if (found.length === 0) return [];
  const shortest = Math.min(...found.map((r) => r.length));
  const cost = (r: string[]) => r.slice(1, -1).reduce((c, id) => c + Math.log(1 + degree(id)), 0);
  return found
    .filter((r) => r.length === shortest)
    .map((r) => ({ r, c: cost(r) }))
    .sort((a, b) => a.c - b.c || (a.r.join('\u0000') < b.r.join('\u0000') ? -1 : 1))
    .slice(0, k)
    .map((x) => x.r);
}

describe('PathSearch', () => {
  it('goes around a hub city when a person joins the two ends in as many hops', () => {
    // alice and bob are both in the hub city (which has 5,000 other relationships) and both met carol.
    const { graph, degree } = graphOf(
      [
        [0, 1],
        [1, 2],
        [0, 3],
        [3, 2],
      ],
      [0, 5000, 0, 2],
    );
    expect(search(graph, degree, 'n0', 'n2', 6, 3)).toEqual([
      ['n0', 'n3', 'n2'],
      ['n0', 'n1', 'n2'],
    ]);
  });

  it('finds nothing beyond maxHops, between unconnected entities, or from an entity to itself', () => {
    const { graph, degree } = graphOf(
      [
        [0, 1],
        [1, 2],
        [2, 3],
        [4, 5],
      ],
      [],
    );
    expect(search(graph, degree, 'n0', 'n3', 2, 3)).toEqual([]);
    expect(search(graph, degree, 'n0', 'n3', 3, 3)).toEqual([['n0', 'n1', 'n2', 'n3']]);
    expect(search(graph, degree, 'n0', 'n5', 6, 3)).toEqual([]);
    expect(search(graph, degree, 'n1', 'n1', 6, 3)).toEqual([]);
  });

  it('returns the k best shortest paths of an exhaustive enumeration, in the same order', () => {
    const node = fc.integer({ min: 0, max: 11 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(node, node), { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 12, maxLength: 12 }),
        node,
        node,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        (edges, extra, a, b, maxHops, k) => {
          fc.pre(a !== b);
          const { graph, degree } = graphOf(edges, extra);
          const expected = bruteForce(graph, degree, `n${a}`, `n${b}`, maxHops, k);
          expect(search(graph, degree, `n${a}`, `n${b}`, maxHops, k)).toEqual(expected);
          expect(search(graph, degree, `n${a}`, `n${b}`, maxHops, k, indexedStep(edges, degree))).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
