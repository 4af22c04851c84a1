// Neo4j going away under a running API: 503s (never a hang or a 500), then 200s again once it is
// back, without restarting the API. Uses its own throw-away Neo4j so the shared one stays up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBundledNeo4j, type BundledNeo4j } from '../../neo4j/server.ts';
import { call, startApi, type TestApi } from '../support/api.ts';
import { freePort } from '../support/neo4j.ts';

let dataDir: string;
let port: number;
let neo4j: BundledNeo4j | null = null;
let api: TestApi;

const start = () => startBundledNeo4j({ port, dataDir, password: 'recovery-test', heap: '384m', pageCache: '32m' });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'exchange-graph-recovery-'));
  port = await freePort();
  neo4j = await start();
  api = await startApi({ env: { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password } });
}, 180_000);

afterAll(async () => {
  await api?.close();
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Neo4j restart under a running API', () => {
  it('turns 503s back into 200s', async () => {
    expect((await call(api, 'GET', '/api/health')).status).toBe(200);

    await neo4j!.stop();
    neo4j = null;
    const down = await call(api, 'GET', '/api/health');
    expect(down.status).toBe(503);
    expect(down.body.neo4j.reachable).toBe(false);
    const started = performance.now();
    const search = await call(api, 'GET', '/api/entities?q=Sasebo');
    expect(search.status).toBe(503);
    expect(search.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: expect.stringMatching(/Neo4j/) });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect((await call(api, 'POST', '/api/articles', { format: 'text', content: 'Mayor Anna Berg of Lundby visited Port Evans.' })).status).toBe(503);

    neo4j = await start();
    const health = await call(api, 'GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body.neo4j.reachable).toBe(true);
    expect((await call(api, 'GET', '/api/entities?q=Sasebo')).status).toBe(200);
  }, 240_000);
});
