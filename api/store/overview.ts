// The viewer's first picture is the same for every analyst until the graph changes, and on a
// 100k-article graph it takes seconds to compute. It is kept per filter, stamped by GraphStamp
// (this server's writes, the graph's size, Neo4j's last committed transaction), so a write through
// the API, the CLI or another server computes it again.
import type { GraphStamp } from './graph-stamp.ts';
import type { Neo4jConnection } from './neo4j.ts';
import { graphElements } from './read.ts';

export type OverviewQuery = Parameters<typeof graphElements>[1];
type Overview = Awaited<ReturnType<typeof graphElements>>;

/** How many filters' pictures are kept (the default one and the filters analysts use most lately). */
const KEPT = 16;

export class OverviewCache {
  private readonly kept = new Map<string, { stamp: string; overview: Promise<Overview> }>();

  constructor(
    private readonly conn: Neo4jConnection,
    private readonly stamp: GraphStamp,
  ) {}

  async get(query: OverviewQuery): Promise<Overview> {
    const key = JSON.stringify(query);
    const stamp = (await this.stamp.current()).key;
    const hit = this.kept.get(key);
    this.kept.delete(key); // re-inserted below: the most recently used come last, the first is evicted
    if (hit && hit.stamp === stamp) {
      this.kept.set(key, hit);
      return hit.overview;
    }
    const overview = graphElements(this.conn, query);
    this.kept.set(key, { stamp, overview });
    if (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value!);
    overview.catch(() => {
      if (this.kept.get(key)?.overview === overview) this.kept.delete(key);
    });
    return overview;
  }
}
