// Whether the graph has changed since something was computed from it: the writes this server has
// answered (changed()) and the graph's size (cypher/graph-fingerprint.cypher: node and relationship
// counts from Neo4j's count store, constant time), so an ingest, deletion, import or merge by the
// CLI or another server is seen too. What is kept from the graph (the first picture, the path
// index) is stamped with it and recomputed when the stamp moves.
import { cypher } from './cypher.ts';
import type { Neo4jConnection } from './neo4j.ts';
import { read } from './read.ts';

export interface Stamp {
  /** Equal strings: the graph has not changed in between (as far as writes and counts tell). */
  key: string;
  relationships: number;
}

export class GraphStamp {
  private writes = 0;

  constructor(private readonly conn: Neo4jConnection) {}

  /** This server wrote to the graph. */
  changed(): void {
    this.writes += 1;
  }

  async current(): Promise<Stamp> {
    return read(this.conn, async (tx) => {
      const record = (await tx.run(cypher('graph-fingerprint'))).records[0]!;
      const relationships = Number(record.get('relationships'));
      return { key: `${this.writes}/${Number(record.get('nodes'))}/${relationships}`, relationships };
    });
  }
}
