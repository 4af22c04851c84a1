// What a bulk import (bulk-csv.ts, neo4j-admin) leaves to do on the running server.
import { cypher, cypherStatements } from './cypher.ts';
import type { ImportFiles } from './bulk-csv.ts';
import { applySchema, type Neo4jConnection } from './neo4j.ts';

/** Rows per transaction when the empty lists are written by id or key. */
const EMPTY_LISTS_BATCH = 10_000;

export interface FinishOptions {
  /** The server's CPU seconds so far (null when unknown), to say what each step cost it. */
  serverCpu?: () => number | null;
  onPhase?: (name: string, seconds: number, cpuSeconds: number | null) => void;
}

/**
 * After the import, on the running server: the empty lists the CSV could not hold (an empty array
 * field imports as no property; writeGraph stores []) and the schema (applySchema). Given the
 * entities and facts the import wrote without them (ImportFiles.emptyLists), they are found by id
 * and key before the other indexes exist; without (an external server loaded by hand), the schema
 * comes first and every entity and fact is scanned.
 */
export async function finishBulkImport(
  conn: Neo4jConnection,
  emptyLists?: ImportFiles['emptyLists'],
  opts: FinishOptions = {},
): Promise<{ schemaSeconds: number; emptyListsSeconds: number }> {
  let started = performance.now();
  let cpu = opts.serverCpu?.() ?? null;
  const step = (name: string) => {
    const seconds = (performance.now() - started) / 1000;
    const now = opts.serverCpu?.() ?? null;
    opts.onPhase?.(name, seconds, cpu === null || now === null ? null : now - cpu);
    started = performance.now();
    cpu = now;
    return seconds;
  };
  if (!emptyLists) {
    await applySchema(conn);
    await runEach(conn, [cypher('bulk-empty-aliases'), cypher('bulk-empty-evidence')]);
    return { schemaSeconds: step('schema, then empty lists (scan of every entity and fact)'), emptyListsSeconds: 0 };
  }
  // Only the unique entity id is needed to find them; the other indexes (full-text on aliases among
  // them) are populated afterwards from the final values instead of updated by every write.
  await runEach(conn, cypherStatements('schema').filter((statement) => statement.includes('CONSTRAINT entity_id ')));
  const session = conn.driver.session({ database: conn.database });
  try {
    for (let i = 0; i < emptyLists.aliases.length; i += EMPTY_LISTS_BATCH) {
      await session.executeWrite((tx) => tx.run(cypher('bulk-empty-aliases-by-id'), { ids: emptyLists.aliases.slice(i, i + EMPTY_LISTS_BATCH) }));
    }
    for (let i = 0; i < emptyLists.evidence.length; i += EMPTY_LISTS_BATCH) {
      await session.executeWrite((tx) => tx.run(cypher('bulk-empty-evidence-by-key'), { rows: emptyLists.evidence.slice(i, i + EMPTY_LISTS_BATCH) }));
    }
  } finally {
    await session.close();
  }
  const emptyListsSeconds = step(`entity ids, then empty lists (${emptyLists.aliases.length} entities, ${emptyLists.evidence.length} facts, by id and key)`);
  await applySchema(conn);
  return { schemaSeconds: step('schema: constraints and indexes online'), emptyListsSeconds };
}

/** Runs each statement in its own auto-commit transaction (schema changes and CALL IN TRANSACTIONS need one). */
async function runEach(conn: Neo4jConnection, statements: string[]): Promise<void> {
  const session = conn.driver.session({ database: conn.database });
  try {
    for (const statement of statements) await session.run(statement);
  } finally {
    await session.close();
  }
}
