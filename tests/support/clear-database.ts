import type { Neo4jConnection } from '../../api/store/neo4j.ts';

/**
 * Deletes every node and relationship; constraints and indexes stay. In bounded transactions of
 * 1,000 nodes: dense nodes of a big graph (10k+ articles) overflow a 512 MB heap in larger ones.
 */
export async function clearDatabase(conn: Neo4jConnection): Promise<void> {
  const session = conn.driver.session({ database: conn.database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS');
  } finally {
    await session.close();
  }
}
