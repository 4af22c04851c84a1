// Global setup of the `integration` project: a throw-away bundled Neo4j on a free port with a temporary data
// folder, stopped and deleted after the run. The tests never touch the user's data: NEO4J_URI, NEO4J_USER,
// NEO4J_PASSWORD and NEO4J_DATABASE are replaced, for the tests and the processes they start, by the test
// server's. To run the suite against another server (its database is emptied!) set TEST_NEO4J_URI,
// TEST_NEO4J_USER and TEST_NEO4J_PASSWORD.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startBundledNeo4j } from '../../neo4j/server.ts';
import { freePort } from './free-port.ts';
import type { Neo4jEnv } from './neo4j.ts';

function useForTests(project: TestProject, env: Neo4jEnv): void {
  Object.assign(process.env, env);
  delete process.env.NEO4J_DATABASE;
  project.provide('neo4jEnv', env);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.TEST_NEO4J_URI) {
    useForTests(project, {
      NEO4J_URI: process.env.TEST_NEO4J_URI,
      NEO4J_USER: process.env.TEST_NEO4J_USER ?? 'neo4j',
      NEO4J_PASSWORD: process.env.TEST_NEO4J_PASSWORD ?? '',
    });
    return async () => {};
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'exchange-graph-test-neo4j-'));
  const server = await startBundledNeo4j({
    port: await freePort(),
    dataDir,
    password: 'test-password',
    heap: '512m',
    pageCache: '64m',
    log: (line) => console.log(`[test Neo4j] ${line}`),
  }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  useForTests(project, { NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password });
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
