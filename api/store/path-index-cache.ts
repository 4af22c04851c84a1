// Keeps GET /api/paths' in-memory index (path-index.ts) in step with the graph. The index is
// built from three streamed reads (cypher/path-index-entities.cypher, path-index-facts.cypher,
// path-index-articles.cypher: ~15 s on a 100k-article graph), then entity detail's pages of facts from
// a fourth (path-index-fact-pages.cypher: ~35 s more), and stamped with GraphStamp as it
// was before the reads. A search uses it only while the stamp is unchanged; otherwise it searches
// in Neo4j, as before the index, and a rebuild is planned for when the graph has been quiet for a
// moment, so a stream of ingests does not rebuild after every article.
import neo4j, { type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import { cypher } from './cypher.ts';
import type { GraphStamp, Stamp } from './graph-stamp.ts';
import type { Neo4jConnection } from './neo4j.ts';
import { MAX_LISTED_SOURCES, type FactDetail, type FactPages } from './fact-pages.ts';
import { PathIndexBuilder, type CheckedPathIndex, type PathIndex } from './path-index.ts';
import { evidenceSourcesOf, FACT_TYPES, toSourceRef } from './read.ts';
import { plain, RELATIONSHIP_BOOKKEEPING, relationshipProperties } from './stored.ts';

export interface PathIndexOptions {
  /**
   * With entity detail's pages of facts (fact-pages.ts) up to this many relationships in the graph
   * (~200 bytes per fact: ~230 MB for the 100k-article graph's 3M relationships); 0: never.
   * DEFAULT_PATH_INDEX_PAGES_MAX_RELATIONSHIPS when not given.
   */
  maxPageRelationships?: number;
  /** No index above this many relationships in the graph (its memory: ~10 bytes per fact, ~25 while built); 0: never. */
  maxRelationships: number;
  /** A changed graph is indexed again once its stamp has stayed the same this long. */
  quietMs: number;
  log?: (message: string) => void;
}

/** ~50M relationships are ~1.6M articles: a few hundred MB of index. */
export const DEFAULT_PATH_INDEX_MAX_RELATIONSHIPS = 50_000_000;

/** ~10M relationships are ~330k articles, ~4M facts: ~800 MB of pages (~230 MB for the 100k graph). */
export const DEFAULT_PATH_INDEX_PAGES_MAX_RELATIONSHIPS = 10_000_000;

export class PathIndexCache {
  private built: { stamp: string; index: PathIndex; at: Date } | null = null;
  private building: Promise<void> | null = null;
  private planned: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly conn: Neo4jConnection,
    private readonly stamp: GraphStamp,
    private readonly opts: PathIndexOptions,
  ) {}

  /**
   * The index when it matches the graph as it is now; null (search in Neo4j) while it does not.
   * Given the request, the stamp its other steps read (its kept answer) serves here too.
   */
  async current(request?: object): Promise<PathIndex | null> {
    if (this.opts.maxRelationships <= 0) return null;
    const stamp = await (request ? this.stamp.forRequest(request) : this.stamp.current());
    if (this.built?.stamp === stamp.key) return this.built.index;
    this.plan(stamp);
    return null;
  }

  /**
   * The index last built, not yet checked against the graph: `builtFrom(graph)` says whether a read
   * begun after this call, which saw `graph`, saw the graph the index was built from. A search that
   * needs one query anyway checks its answer that way instead of waiting for a stamp read first
   * (current); null while no index is built.
   */
  latest(): CheckedPathIndex | null {
    if (!this.built) return null;
    const { seen } = this.stamp.since(this.built.stamp);
    return { index: this.built.index, builtFrom: seen };
  }

  /**
   * As latest(), for a route that has no search in Neo4j to fall back on (entity detail): a read that
   * finds the graph changed since the build plans the rebuild, as current() does.
   */
  latestOrPlan(request?: object): CheckedPathIndex | null {
    const latest = this.latest();
    if (!latest) return null;
    const plan = () => {
      this.current(request).catch((error: unknown) => this.opts.log?.(`path index: ${(error as Error).message}`));
      return false;
    };
    return { index: latest.index, builtFrom: (graph) => latest.builtFrom(graph) || plan() };
  }

  /** Builds the index now if the graph is small enough (at server start); resolves when done. */
  async refresh(): Promise<void> {
    if (this.opts.maxRelationships <= 0) return;
    const stamp = await this.stamp.current();
    if (this.built?.stamp !== stamp.key) await this.build(stamp);
  }

  /** The index last built (it serves searches only while the graph is unchanged since). */
  status(): { entities: number; facts: number; builtAt: string; pages: boolean } | null {
    return this.built && { ...this.built.index.size, builtAt: this.built.at.toISOString(), pages: this.built.index.hasPages };
  }

  close(): void {
    this.closed = true;
    if (this.planned) clearTimeout(this.planned);
  }

  private plan(seen: Stamp): void {
    if (this.closed || this.building || this.planned || seen.relationships > this.opts.maxRelationships) return;
    this.planned = setTimeout(() => {
      this.planned = null;
      this.stamp
        .current()
        .then((now) => (now.key === seen.key ? this.build(now) : this.plan(now)))
        .catch((error: unknown) => this.opts.log?.(`path index: ${(error as Error).message}`));
    }, this.opts.quietMs);
    this.planned.unref();
  }

  private build(stamp: Stamp): Promise<void> {
    if (this.closed || stamp.relationships > this.opts.maxRelationships) return Promise.resolve();
    this.building ??= this.buildOnce(stamp).then((moved) => {
      if (moved) this.plan(moved);
    });
    return this.building;
  }

  /**
   * Reads the index, then (up to maxPageRelationships) entity detail's pages of facts, in a read of
   * their own: paths use the index meanwhile, detail requests the index's articles. null when kept,
   * or the graph's new stamp when a write came during the reads.
   */
  private async buildOnce(stamp: Stamp): Promise<Stamp | null> {
    try {
      const index = await this.read();
      // A write during the reads may be half in the index: keep it only if the graph did not move.
      const after = await this.stamp.current();
      if (after.key !== stamp.key) return after;
      this.built = { stamp: stamp.key, index, at: new Date() };
      const { entities, facts } = index.size;
      this.opts.log?.(`path index: ${entities} entities, ${facts} facts`);
      const maxPages = this.opts.maxPageRelationships ?? DEFAULT_PATH_INDEX_PAGES_MAX_RELATIONSHIPS;
      if (maxPages <= 0 || stamp.relationships > maxPages || this.closed) return null;
      const pages = await this.readPages(index);
      // The same for the pages: they must list the graph the index was built from.
      const then = await this.stamp.current();
      if (then.key !== stamp.key) return then;
      index.attachPages(pages);
      this.opts.log?.('path index: pages of facts ready');
      return null;
    } finally {
      this.building = null;
    }
  }

  private async read(): Promise<PathIndex> {
    const builder = new PathIndexBuilder(FACT_TYPES);
    await readStreams(this.conn, async (tx) => {
      await stream(tx.run(cypher('path-index-entities')), (r) =>
        builder.entity({
          id: r.get('id') as string,
          degree: Number(plain(r.get('degree'))),
          event: r.get('event') === true,
          date: (r.get('date') as string | null) ?? null,
          label: r.get('label') as string,
          name: (r.get('name') as string | null) ?? null,
        }),
      );
      await stream(tx.run(cypher('path-index-facts'), { types: FACT_TYPES }), (r) => builder.fact(r.get('start') as string, r.get('end') as string, r.get('type') as string));
      await stream(tx.run(cypher('path-index-articles')), (r) => builder.article(toSourceRef(r.toObject())));
    });
    return builder.build();
  }

  private async readPages(index: PathIndex): Promise<FactPages> {
    const builder = index.pagesBuilder();
    const params = { types: FACT_TYPES, bookkeeping: RELATIONSHIP_BOOKKEEPING, maxSources: neo4j.int(MAX_LISTED_SOURCES) };
    await readStreams(this.conn, (tx) => stream(tx.run(cypher('path-index-fact-pages'), params), (r) => builder.fact(r.get('start') as string, r.get('end') as string, r.get('type') as string, factDetail(r))));
    return builder.build();
  }
}

/** Streamed reads in one read transaction. */
async function readStreams(conn: Neo4jConnection, work: (tx: ManagedTransaction) => Promise<void>): Promise<void> {
  const session = conn.driver.session({ database: conn.database, defaultAccessMode: neo4j.session.READ });
  try {
    await session.executeRead(work);
  } finally {
    await session.close();
  }
}

/** What a page of entity detail lists of a fact, as read.ts entityDetail makes it of the same fields. */
function factDetail(r: Neo4jRecord): FactDetail {
  const evidence = (r.get('evidence') as string[] | null) ?? [];
  return {
    key: (r.get('key') as string | null) ?? null,
    properties: relationshipProperties(Object.fromEntries(r.get('properties') as [string, unknown][])),
    evidence: [...new Set(evidence)],
    evidenceSources: evidenceSourcesOf(evidence, r.get('evidenceSources') as string[] | null),
    sourceIds: r.get('sourceIds') as string[],
    sourceCount: Number(r.get('sourceCount')),
  };
}

type Streamed = { subscribe(observer: { onNext(record: Neo4jRecord): void; onCompleted(): void; onError(error: Error): void }): void };

/** Reads a result record by record, without holding them all. */
function stream(result: Streamed, each: (record: Neo4jRecord) => void): Promise<void> {
  return new Promise((resolve, reject) => result.subscribe({ onNext: each, onCompleted: resolve, onError: reject }));
}
