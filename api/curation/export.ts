// The curated graph out and in: the contract's document plus the corrections, the rejected
// relationships and the alias keys of corrected entities, so an import into an empty Neo4j gives
// the same curated graph, and later ingests keep finding merged-away names on the kept entity.
import type { ManagedTransaction } from 'neo4j-driver';
import type { GraphRelationship } from '../graph/schema.ts';
import { cypher } from '../store/cypher.ts';
import type { Neo4jConnection } from '../store/neo4j.ts';
import { exportDocument, read } from '../store/read.ts';
import { canonicalEnds, relationshipKey } from '../graph/identity.ts';
import { ingestDocument } from '../ingest/service.ts';
import { plain, toGraphRelationship } from '../store/stored.ts';
import { noChanges, type Changes } from '../store/write.ts';
import { REJECTED_PREFIX } from './ops.ts';
import type { CuratedGraph } from './schema.ts';
import { correctionRecords, storeCorrectionRecords } from './store.ts';

type Row = Record<string, unknown>;

/** `withText: false` leaves the articles' texts out (at 100k articles they are ~400 MB). */
export async function exportCuratedGraph(conn: Neo4jConnection, opts: { withText: boolean } = { withText: true }): Promise<CuratedGraph> {
  return read(conn, async (tx) => {
    const doc = await exportDocument(tx, opts);
    const rejected = (await tx.run(cypher('export-rejected'))).records.map((r) => toGraphRelationship(plain(r.get('relationship')) as Row));
    const curatedKeys = (await tx.run(cypher('export-curated-keys'))).records.map((r) => ({ key: r.get('key') as string, id: r.get('id') as string }));
    return { ...doc, corrections: await correctionRecords(tx), rejected, curatedKeys };
  });
}

/** A relationship's stored properties: key, provenance lists (evidence paired with the first source, or the analyst). */
function storedRelationship(rel: GraphRelationship, type: string) {
  const [source, target] = canonicalEnds(rel.type, rel.source, rel.target);
  const evidenceSource = rel.sources[0] ?? `analyst:${String(rel.properties.addedBy ?? '')}`;
  return {
    type,
    source,
    target,
    properties: { ...rel.properties, key: relationshipKey(rel), sources: rel.sources, evidence: rel.evidence, evidenceSources: rel.evidence.map(() => evidenceSource) },
  };
}

export interface ImportResult {
  articles: number;
  nodes: number;
  relationships: number;
  corrections: number;
  changes: Changes;
}

/**
 * Imports a curated export: what articles state goes through the ordinary ingest (ingestDocument);
 * what analysts added (entities and relationships with no article behind them), the rejected
 * relationships, the corrected entities' alias keys and the correction records follow in one
 * more transaction.
 */
export async function importCuratedGraph(conn: Neo4jConnection, doc: CuratedGraph): Promise<ImportResult> {
  const addedNodes = doc.nodes.filter((n) => n.properties.addedBy != null);
  const addedIds = new Set(addedNodes.map((n) => n.id));
  const addedRels = doc.relationships.filter((r) => r.sources.length === 0);
  const stated = {
    articles: doc.articles,
    nodes: doc.nodes.filter((n) => !addedIds.has(n.id)),
    relationships: doc.relationships.filter((r) => r.sources.length > 0),
  };
  const changes = stated.articles.length > 0 ? (await ingestDocument(conn, stated)).changes : noChanges();
  const session = conn.driver.session({ database: conn.database });
  try {
    await session.executeWrite(async (tx: ManagedTransaction) => {
      if (addedNodes.length > 0) {
        await tx.run(cypher('correction-create-entities'), {
          rows: addedNodes.map((n) => ({ id: n.id, label: n.label, name: n.name, aliases: n.aliases, properties: n.properties, mentions: [] })),
        });
      }
      const rels = [...addedRels.map((r) => storedRelationship(r, r.type)), ...doc.rejected.map((r) => storedRelationship(r, REJECTED_PREFIX + r.type))];
      if (rels.length > 0) await tx.run(cypher('write-new-relationships'), { rows: rels });
      const keys = new Map<string, string[]>();
      for (const { key, id } of doc.curatedKeys) keys.set(id, [...(keys.get(id) ?? []), key]);
      if (keys.size > 0) await tx.run(cypher('write-alias-keys'), { rows: [...keys].map(([id, list]) => ({ id, keys: list })) });
      await storeCorrectionRecords(tx, doc.corrections);
    });
  } finally {
    await session.close();
  }
  return { articles: doc.articles.length, nodes: doc.nodes.length, relationships: doc.relationships.length + doc.rejected.length, corrections: doc.corrections.length, changes };
}
