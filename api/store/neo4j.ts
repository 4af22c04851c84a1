// The connection to the Neo4j server named by NEO4J_URI (a server, a cluster or Aura). The store only
// connects: starting the bundled Neo4j when NEO4J_URI is unset is the CLI's job (api/cli/database.ts).
import neo4j, { type AuthToken, type Driver } from 'neo4j-driver';
import { cypherStatements } from './cypher.ts';
import { modelSchemaStatements } from './schema.ts';

export interface Neo4jConnection {
  driver: Driver;
  /** NEO4J_DATABASE, or undefined for the server's default database. */
  database: string | undefined;
  uri: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the server to answer before giving up with a plain message. */
  timeoutMs?: number;
}

export async function connectNeo4j(opts: ConnectOptions = {}): Promise<Neo4jConnection> {
  const env = opts.env ?? process.env;
  const timeoutMs = opts.timeoutMs ?? 5_000;
  const database = env.NEO4J_DATABASE || undefined;
  const uri = env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set: say which Neo4j server to use (npm start starts the bundled one itself).');
  const user = env.NEO4J_USER || 'neo4j';
  // No password: connect without credentials (a server with auth disabled); one with auth then says so.
  const auth: AuthToken | undefined = env.NEO4J_PASSWORD ? neo4j.auth.basic(user, env.NEO4J_PASSWORD) : undefined;

  let driver: Driver;
  try {
    driver = neo4j.driver(uri, auth, {
      connectionTimeout: timeoutMs,
      connectionAcquisitionTimeout: timeoutMs,
      // A dead server fails a request within seconds instead of retrying for the default 30 s.
      maxTransactionRetryTime: 5_000,
      // A pooled connection idle this long is checked before use, so one the server or the network
      // dropped silently is replaced instead of a query waiting on it.
      connectionLivenessCheckTimeout: 30_000,
      userAgent: 'exchange-graph',
      logging: { level: 'error', logger: () => {} },
    });
  } catch (error) {
    throw new Error(
      `NEO4J_URI "${uri}" is not a Neo4j address (${(error as Error).message}); ` +
        'use bolt://host:7687, neo4j://host:7687, or neo4j+s://… for Aura.',
    );
  }

  try {
    await withTimeout(driver.getServerInfo({ database }), timeoutMs, uri);
  } catch (error) {
    await driver.close();
    throw new Error(explainConnectFailure(error as Error & { code?: string }, uri, user, database));
  }

  let closing: Promise<void> | null = null;
  return {
    driver,
    database,
    uri,
    close() {
      closing ??= driver.close();
      return closing;
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, uri: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms / 1000} s`), { code: 'Timeout' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function explainConnectFailure(error: Error & { code?: string }, uri: string, user: string, database: string | undefined): string {
  const code = error.code ?? '';
  const reason = error.message.split('\n')[0];
  if (code.startsWith('Neo.ClientError.Security')) {
    return `Neo4j at ${uri} refused user "${user}" (${reason}). Set NEO4J_USER and NEO4J_PASSWORD to valid credentials.`;
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return `Neo4j at ${uri} has no database "${database}" (NEO4J_DATABASE). Create it or unset NEO4J_DATABASE.`;
  }
  const cause = /ECONNREFUSED|No routing servers available/.test(error.message)
    ? 'connection refused: nothing listens there'
    : code === 'Timeout' ? reason : (/Caused by: (.*)/.exec(error.message)?.[1] ?? reason);
  return (
    `no Neo4j answering at ${uri} (${cause}). Start it (or run npm run db:start), fix NEO4J_URI, ` +
    'or unset NEO4J_URI so the project starts its bundled Neo4j.'
  );
}

/** Creates the constraints and indexes of cypher/schema.cypher and the model's (idempotent) and waits until they are online. */
export async function applySchema(conn: Neo4jConnection): Promise<void> {
  const session = conn.driver.session({ database: conn.database });
  try {
    for (const statement of [...cypherStatements('schema'), ...modelSchemaStatements()]) {
      await session.run(statement);
    }
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
}
