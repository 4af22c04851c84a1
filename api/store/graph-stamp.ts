// Says whether the graph may have changed since an answer was computed, for the answers the API keeps
// (store/overview.ts, http/response-cache.ts). The stamp joins the writes this server answered
// (changed()), the graph's node and relationship counts (cypher/graph-fingerprint.cypher, constant
// time from the count store) and the bookmark Neo4j returns with a read: it names the last
// transaction committed, so a write by the CLI, another server or a correction that changes no count
// gives a new stamp too. Reads are shared: the requests arriving while one runs all wait for the next
// one, begun after they arrived, so no stamp predates a write answered before its request came in,
// and a busy server reads the stamp once per round trip instead of once per request.
import neo4j from 'neo4j-driver';
import { cypher } from './cypher.ts';
import type { Neo4jConnection } from './neo4j.ts';

export class GraphStamp {
  private writes = 0;
  private running: Promise<string> | null = null;
  private queued: Promise<string> | null = null;

  constructor(private readonly conn: Neo4jConnection) {}

  /** This server wrote to the graph. */
  changed(): void {
    this.writes += 1;
  }

  /** The graph's stamp as of a moment after this call. */
  current(): Promise<string> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    const ignore = () => undefined;
    this.queued = this.running.then(ignore, ignore).then(() => {
      this.queued = null;
      return this.start();
    });
    return this.queued;
  }

  private start(): Promise<string> {
    const reading = this.read().finally(() => {
      if (this.running === reading) this.running = null;
    });
    this.running = reading;
    return reading;
  }

  private async read(): Promise<string> {
    const writes = this.writes;
    const session = this.conn.driver.session({ database: this.conn.database, defaultAccessMode: neo4j.session.READ });
    try {
      const record = (await session.executeRead((tx) => tx.run(cypher('graph-fingerprint')))).records[0]!;
      return `${writes}/${record.get('nodes')}/${record.get('relationships')}/${session.lastBookmarks().join(',')}`;
    } finally {
      await session.close();
    }
  }
}
