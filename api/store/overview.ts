// The viewer's first picture is the same for every analyst until the graph changes, and on a
// 100k-article graph it takes seconds to compute. It is kept per filter, stamped with the writes
// this server has made (changed()) and the graph's size (cypher/graph-fingerprint.cypher: node
// and relationship counts, constant time), so a write through the API, or an ingest or deletion
// by the CLI or another server, computes it again.
import { cypher } from './cypher.ts';
import type { Neo4jConnection } from './neo4j.ts';
import { graphElements, read } from './read.ts';

export type OverviewQuery = Parameters<typeof graphElements>[1];
type Overview = Awaited<ReturnType<typeof graphElements>>;

/** How many filters' pictures are kept (the default one and the filters analysts use most lately). */
const KEPT = 16;

export class OverviewCache {
  private readonly kept = new Map<string, { stamp: string; overview: Promise<Overview> }>();
  private writes = 0;

  constructor(private readonly conn: Neo4jConnection) {}

  /** This server wrote to the graph: every kept picture is out of date. */
  changed(): void {
    this.writes += 1;
  }

  async get(query: OverviewQuery): Promise<Overview> {
    const key = JSON.stringify(query);
    const stamp = await read(this.conn, async (tx) => {
      const record = (await tx.run(cypher('graph-fingerprint'))).records[0]!;
      return `${this.writes}/${record.get('nodes')}/${record.get('relationships')}`;
    });
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
