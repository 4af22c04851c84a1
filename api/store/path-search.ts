// The bookkeeping of GET /api/paths' search, without I/O: a breadth-first search from both ends
// that always grows the side whose frontier has fewer relationships (so a hub city with thousands
// of facts is expanded only when the other side would cost more), and, once the two sides meet,
// the k shortest routes ranked by how specific their intermediate entities are. The store runs one
// query per level (cypher/path-step.cypher) and feeds its rows here.

/** An entity one level further out: the frontier entities it is joined to, its degree and hub weight. */
export interface StepRow {
  id: string;
  parents: string[];
  /** All its relationships (MENTIONS included): what expanding it would cost. */
  degree: number;
  /** log(1 + degree), computed by Neo4j: what passing through it costs a route. */
  weight: number;
}

export type Side = 'from' | 'to';

interface Reached {
  depth: number;
  /** Entities one level closer to this side's end that it is joined to. */
  parents: string[];
  weight: number;
}

export interface RankedRoute {
  /** Sum of the intermediate entities' weights, added from the `from` end (as the Cypher form sums). */
  cost: number;
  route: string[];
}

const otherSide = (side: Side): Side => (side === 'from' ? 'to' : 'from');

function compareRoutes(a: RankedRoute, b: RankedRoute): number {
  if (a.cost !== b.cost) return a.cost - b.cost;
  for (let i = 0; i < a.route.length && i < b.route.length; i++) {
    if (a.route[i] !== b.route[i]) return a.route[i]! < b.route[i]! ? -1 : 1;
  }
  return a.route.length - b.route.length;
}

const best = (candidates: RankedRoute[], k: number) => candidates.sort(compareRoutes).slice(0, k);

export class PathSearch {
  private readonly reached: Record<Side, Map<string, Reached>>;
  private readonly frontiers: Record<Side, string[]>;
  private readonly previous: Record<Side, string[]> = { from: [], to: [] };
  /** What expanding each side's frontier costs: the sum of its entities' degrees. */
  private readonly cost: Record<Side, number>;
  private readonly depth: Record<Side, number> = { from: 0, to: 0 };
  private meets: string[] = [];
  /** The length of the shortest paths, once the two sides have met. */
  length: number | null = null;

  constructor(
    readonly from: string,
    readonly to: string,
    private readonly maxHops: number,
    degrees: Record<Side, number>,
  ) {
    this.cost = { ...degrees };
    this.reached = {
      from: new Map([[from, { depth: 0, parents: [], weight: 0 }]]),
      to: new Map([[to, { depth: 0, parents: [], weight: 0 }]]),
    };
    this.frontiers = { from: [from], to: [to] };
  }

  /** The side to grow next, or null when the search is over (met, out of hops, or one side ran out). */
  next(): Side | null {
    // An entity's way to itself is not a connection: no search.
    if (this.from === this.to || this.length !== null || this.depth.from + this.depth.to >= this.maxHops) return null;
    if (this.frontiers.from.length === 0 || this.frontiers.to.length === 0) return null;
    return this.cost.from <= this.cost.to ? 'from' : 'to';
  }

  /**
   * The entities to expand on `side`, those one level back (already reached, to skip) and the
   * other side's frontier (where the sides can meet: any earlier meeting would have ended the search).
   */
  frontier(side: Side): { frontier: string[]; previous: string[]; others: string[] } {
    return { frontier: this.frontiers[side], previous: this.previous[side], others: this.frontiers[otherSide(side)] };
  }

  /**
   * Records one level of `side` (the rows of path-step for its frontier: the whole level, or only
   * the entities where it meets the other side) and whether it met the other side.
   */
  grow(side: Side, rows: readonly StepRow[]): void {
    const mine = this.reached[side];
    const theirs = this.reached[otherSide(side)];
    const depth = ++this.depth[side];
    const next: string[] = [];
    let cost = 0;
    let length = Infinity;
    for (const row of rows) {
      if (mine.has(row.id)) continue;
      mine.set(row.id, { depth, parents: row.parents, weight: row.weight });
      next.push(row.id);
      cost += row.degree;
      const there = theirs.get(row.id);
      if (there) {
        this.meets.push(row.id);
        length = Math.min(length, depth + there.depth);
      }
    }
    this.previous[side] = this.frontiers[side];
    this.frontiers[side] = next;
    this.cost[side] = cost;
    if (this.meets.length > 0) {
      // Every meeting entity lies at the other side's last level (an earlier meeting would have
      // ended the search), so they all give the same length.
      this.length = length;
    }
  }

  /**
   * The k best shortest routes: fewest hops, then the lowest sum of intermediate weights, then
   * the ids in order. Every route passes through exactly one meeting entity; routes to it are
   * ranked from the `from` end, then carried on towards `to`, keeping the k best per entity
   * (a route outside an entity's k best cannot be among the k best through it).
   */
  routes(k: number): RankedRoute[] {
    if (this.length === null) return [];
    const weightOf = (id: string, reached: Reached) => (id === this.from || id === this.to ? 0 : reached.weight);
    const fromSide = this.reached.from;
    const memo = new Map<string, RankedRoute[]>([[this.from, [{ cost: 0, route: [this.from] }]]]);
    const towardsFrom = (id: string): RankedRoute[] => {
      const known = memo.get(id);
      if (known) return known;
      const node = fromSide.get(id)!;
      const w = weightOf(id, node);
      const found = best(
        node.parents.flatMap((p) => towardsFrom(p).map((r) => ({ cost: r.cost + w, route: [...r.route, id] }))),
        k,
      );
      memo.set(id, found);
      return found;
    };
    const toSide = this.reached.to;
    let level = new Map(this.meets.map((id) => [id, towardsFrom(id)]));
    for (let depth = this.depth.to; depth > 0; depth--) {
      const candidates = new Map<string, RankedRoute[]>();
      for (const [id, routes] of level) {
        for (const p of toSide.get(id)!.parents) {
          const w = weightOf(p, toSide.get(p)!);
          const list = candidates.get(p) ?? [];
          for (const r of routes) list.push({ cost: r.cost + w, route: [...r.route, p] });
          candidates.set(p, list);
        }
      }
      level = new Map([...candidates].map(([id, list]) => [id, best(list, k)]));
    }
    return level.get(this.to) ?? [];
  }
}
