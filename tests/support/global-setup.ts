// Global setup of the `integration` project: a throw-away bundled Neo4j on a free port with a temporary data
// folder, so tests never touch the user's .neo4j/data; stopped and deleted after the run. With NEO4J_URI set,
// the tests use that server instead (and clear its database!).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startBundledNeo4j } from '../../neo4j/server.ts';
import { freePort } from './free-port.ts';
import type { Neo4jEnv } from './neo4j.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.NEO4J_URI) {
    project.provide('neo4jEnv', {
      NEO4J_URI: process.env.NEO4J_URI,
      NEO4J_USER: process.env.NEO4J_USER ?? 'neo4j',
      NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '',
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
  });
  const env: Neo4jEnv = { NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password };
  project.provide('neo4jEnv', env);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
