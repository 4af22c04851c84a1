// The real HTTP API for integration tests: buildApp on the test Neo4j, listening on a free port,
// called with real fetch.
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../api/http/app.ts';
import { applySchema, connectNeo4j, type Neo4jConnection } from '../../api/store/neo4j.ts';
import { testNeo4jEnv } from './neo4j.ts';

export interface TestApi {
  conn: Neo4jConnection;
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

export async function startApi(opts: Omit<AppOptions, 'conn'> & { env?: NodeJS.ProcessEnv } = {}): Promise<TestApi> {
  const conn = await connectNeo4j({ env: opts.env ?? { ...testNeo4jEnv() } });
  await applySchema(conn);
  const app = await buildApp({ ...opts, conn });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    conn,
    app,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await conn.close();
    },
  };
}

export interface Reply<T = any> {
  status: number;
  body: T;
}

/** fetch + JSON: `call(api, 'GET', '/api/health')`, a string body is sent as text/plain unless headers say otherwise. */
export async function call<T = any>(api: TestApi, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    const isText = typeof body === 'string';
    init.body = isText ? body : JSON.stringify(body);
    init.headers = { 'content-type': isText ? 'text/plain' : 'application/json', ...headers };
  }
  const response = await fetch(api.url + path, init);
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (e.g. the Swagger UI page); the raw text is the body
  }
  return { status: response.status, body: parsed as T };
}
