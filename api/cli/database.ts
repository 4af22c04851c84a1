// The Neo4j the commands work on: the server NEO4J_URI names, or, when it is unset, the project's
// bundled Neo4j (neo4j/server.ts), started here and stopped again when the command closes it.
import { bundledOptionsFromEnv } from '../../neo4j/env.ts';
import { DEFAULT_PASSWORD, startBundledNeo4j, type BundledNeo4j } from '../../neo4j/server.ts';
import { connectNeo4j, type Neo4jConnection } from '../store/neo4j.ts';

export interface Database {
  conn: Neo4jConnection;
  /** The bundled server started (or reused) for this command, null when NEO4J_URI named the server. */
  bundled: BundledNeo4j | null;
  /** Closes the connection, then stops the bundled server if one was started. */
  close(): Promise<void>;
}

/**
 * The environment for the server NEO4J_URI names: without NEO4J_PASSWORD, the bundled Neo4j's
 * documented default, so `npm run db:start` then any command with NEO4J_URI just works (a server
 * with auth disabled ignores credentials).
 */
export function namedServerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return env.NEO4J_PASSWORD ? env : { ...env, NEO4J_PASSWORD: DEFAULT_PASSWORD };
}

export async function openDatabase(env: NodeJS.ProcessEnv = process.env): Promise<Database> {
  if (env.NEO4J_URI) {
    const conn = await connectNeo4j({ env: namedServerEnv(env) });
    return { conn, bundled: null, close: () => conn.close() };
  }
  const bundled = await startBundledNeo4j(bundledOptionsFromEnv(env));
  let conn: Neo4jConnection;
  try {
    conn = await connectNeo4j({ env: { ...env, NEO4J_URI: bundled.uri, NEO4J_USER: bundled.user, NEO4J_PASSWORD: bundled.password } });
  } catch (error) {
    await bundled.stop();
    throw error;
  }
  let closing: Promise<void> | null = null;
  return {
    conn,
    bundled,
    close() {
      closing ??= conn.close().finally(() => bundled.stop());
      return closing;
    },
  };
}
