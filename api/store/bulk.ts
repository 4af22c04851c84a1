// What a bulk import (bulk-csv.ts, neo4j-admin) leaves to do on the running server.
import { cypher } from './cypher.ts';
import type { ImportFiles } from './bulk-csv.ts';
import { applySchema, type Neo4jConnection } from './neo4j.ts';

/**
 * After the import, on the running server: the schema (applySchema), then the empty lists the CSV
 * could not hold (an empty array field imports as no property; writeGraph stores []). Without the
 * counts (an external server loaded by hand) both fixes run.
 */
export async function finishBulkImport(conn: Neo4jConnection, emptyLists?: ImportFiles['emptyLists']): Promise<{ schemaSeconds: number; emptyListsSeconds: number }> {
  const started = performance.now();
  await applySchema(conn);
  const schemaDone = performance.now();
  const session = conn.driver.session({ database: conn.database });
  try {
    if ((emptyLists?.aliases ?? 1) > 0) await session.run(cypher('bulk-empty-aliases'));
    if ((emptyLists?.evidence ?? 1) > 0) await session.run(cypher('bulk-empty-evidence'));
  } finally {
    await session.close();
  }
  return { schemaSeconds: (schemaDone - started) / 1000, emptyListsSeconds: (performance.now() - schemaDone) / 1000 };
}
