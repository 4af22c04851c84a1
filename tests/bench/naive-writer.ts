// The baseline for the ingest benchmark: how most tutorials write a graph to Neo4j. One
// auto-commit query per entity, per article, per relationship and per MENTIONS edge, each a
// MERGE, awaited one after another. It writes the same nodes, properties and relationships as the
// project's store (against the same constraints and indexes, so the comparison is about round
// trips and transactions, not about missing indexes).
import type { Neo4jConnection } from '../../api/store/neo4j.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { mentionsByArticle } from '../../api/store/rows.ts';

export interface NaiveWriteResult {
  queries: number;
  nodesCreated: number;
  relationshipsCreated: number;
}

export async function naiveWrite(conn: Neo4jConnection, doc: GraphDocument): Promise<NaiveWriteResult> {
  const session = conn.driver.session({ database: conn.database });
  const result: NaiveWriteResult = { queries: 0, nodesCreated: 0, relationshipsCreated: 0 };
  const run = async (query: string, params: Record<string, unknown>) => {
    const summary = (await session.run(query, params)).summary.counters.updates();
    result.queries++;
    result.nodesCreated += summary.nodesCreated;
    result.relationshipsCreated += summary.relationshipsCreated;
  };
  try {
    for (const a of doc.articles) {
      await run('MERGE (a:Article {id: $id}) SET a.title = $title, a.publishedAt = $publishedAt, a.publisher = $publisher, a.url = $url, a.file = $file', {
        id: a.id, title: a.title, publishedAt: a.publishedAt ?? null, publisher: a.publisher ?? null, url: a.url ?? null, file: a.file ?? null,
      });
    }
    for (const n of doc.nodes) {
      // Labels cannot be parameters; the label comes from the contract's closed list.
      await run(`MERGE (n:Entity:${n.label} {id: $id}) SET n.name = $name, n.aliases = $aliases, n += $properties`, {
        id: n.id, name: n.name, aliases: n.aliases, properties: n.properties,
      });
    }
    for (const r of doc.relationships) {
      if (r.type === 'MENTIONS') continue; // written below, like the store does
      await run(
        `MATCH (a:Entity {id: $source}), (b:Entity {id: $target}) MERGE (a)-[r:${r.type}]->(b) SET r += $properties, r.sources = $sources, r.evidence = $evidence`,
        { source: r.source, target: r.target, properties: r.properties, sources: r.sources, evidence: r.evidence },
      );
    }
    for (const [article, entities] of mentionsByArticle(doc)) {
      for (const entity of entities) {
        await run('MATCH (a:Article {id: $article}), (e:Entity {id: $entity}) MERGE (a)-[:MENTIONS]->(e)', { article, entity });
      }
    }
  } finally {
    await session.close();
  }
  return result;
}
