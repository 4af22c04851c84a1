// Whether the graph has changed since something was computed from it: the writes this server has
// answered (changed()), the graph's size (cypher/graph-fingerprint.cypher: node and relationship
// counts from Neo4j's count store, constant time) and the bookmark Neo4j returns with that read,
// which names the last committed transaction, so any write by the CLI or another server is seen
// too, even one that changes no count (a property, a rejection). What is kept from the graph (the
// first picture, the path index, search and entity answers) is stamped with it and recomputed when
// the stamp moves. Reads are shared: the requests arriving while one runs all wait for the next one,
// begun after they arrived, so no stamp predates a write answered before its request came in, and a
// busy server reads the stamp once per round trip instead of once per request.
import neo4j from 'neo4j-driver';
import { cypher } from './cypher.ts';
import type { Neo4jConnection } from './neo4j.ts';

export interface Stamp {
  /** Equal strings: the graph has not changed in between. */
  key: string;
  relationships: number;
}

/** What one read saw of the graph's size (cypher/graph-fingerprint.cypher) and the bookmarks it ended with. */
export interface GraphSeen {
  nodes: number;
  relationships: number;
  bookmarks: string[];
}

export class GraphStamp {
  private writes = 0;
  private running: Promise<Stamp> | null = null;
  private queued: Promise<Stamp> | null = null;
  private readonly perRequest = new WeakMap<object, Promise<Stamp>>();

  constructor(private readonly conn: Neo4jConnection) {}

  /** This server wrote to the graph. */
  changed(): void {
    this.writes += 1;
  }

  /**
   * Whether a read that began after this call sees the graph as it was stamped `key`: `seen(graph)`,
   * given what that read saw, is true only then. For a read that checks its own answer afterwards
   * instead of waiting for a stamp read before it.
   */
  since(key: string): { seen(graph: GraphSeen): boolean } {
    const writes = this.writes;
    return { seen: (graph) => keyOf(writes, graph) === key };
  }

  /** The graph's stamp as of a moment after this call. */
  current(): Promise<Stamp> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    const ignore = () => undefined;
    this.queued = this.running.then(ignore, ignore).then(() => {
      this.queued = null;
      return this.start();
    });
    return this.queued;
  }

  /** One stamp for a request however many of its steps ask (its kept answer, the path index). */
  forRequest(request: object): Promise<Stamp> {
    let stamp = this.perRequest.get(request);
    if (!stamp) {
      stamp = this.current();
      this.perRequest.set(request, stamp);
    }
    return stamp;
  }

  private start(): Promise<Stamp> {
    const reading = this.read().finally(() => {
      if (this.running === reading) this.running = null;
    });
    this.running = reading;
    return reading;
  }

  private async read(): Promise<Stamp> {
    const writes = this.writes;
    const session = this.conn.driver.session({ database: this.conn.database, defaultAccessMode: neo4j.session.READ });
    try {
      const record = (await session.executeRead((tx) => tx.run(cypher('graph-fingerprint')))).records[0]!;
      const relationships = Number(record.get('relationships'));
      return { key: keyOf(writes, { nodes: Number(record.get('nodes')), relationships, bookmarks: session.lastBookmarks() }), relationships };
    } finally {
      await session.close();
    }
  }
}

const keyOf = (writes: number, { nodes, relationships, bookmarks }: GraphSeen) => `${writes}/${nodes}/${relationships}/${bookmarks.join(',')}`;
