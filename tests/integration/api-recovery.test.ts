// Neo4j going away under a running API: 503s (never a hang or a 500), then 200s again once it is
// back, without restarting the API; a bundled Neo4j that dies is restarted by the launcher; an
// ingest cut by a Neo4j crash leaves no article half-written. Uses its own throw-away Neo4j so the
// shared one stays up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_DEADLINE_MS } from '../../api/http/app.ts';
import { startBundledNeo4j, type BundledNeo4j } from '../../neo4j/server.ts';
import { call, startApi, type TestApi } from '../support/api.ts';
import { longArticle } from '../support/long-article.ts';
import { clearDatabase, freePort } from '../support/neo4j.ts';

let dataDir: string;
let port: number;
let neo4j: BundledNeo4j | null = null;
let api: TestApi;
const launcherLog: string[] = [];

const start = () =>
  startBundledNeo4j({ port, dataDir, password: 'recovery-test', heap: '384m', pageCache: '32m', log: (line) => launcherLog.push(line) });

/** fetch that gives up after `ms`: a request that hangs fails the test instead of stalling it. */
const get = (path: string, ms: number) =>
  fetch(api.url + path, { signal: AbortSignal.timeout(ms) }).then(async (r) => ({ status: r.status, body: await r.json() }));

// Polled: on a busy machine a cold driver's first health check can overrun its 1.5 s and say 503.
const healthy = () => expect.poll(async () => (await get('/api/health', 5_000)).status, { timeout: 180_000, interval: 1_000 }).toBe(200);

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
    await healthy();

    await neo4j!.stop();
    neo4j = null;
    try {
      const down = await call(api, 'GET', '/api/health');
      expect(down.status).toBe(503);
      expect(down.body.neo4j.reachable).toBe(false);
      const started = performance.now();
      const search = await call(api, 'GET', '/api/entities?q=Sasebo');
      expect(search.status).toBe(503);
      expect(search.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: expect.stringMatching(/Neo4j/) });
      // Within the route's deadline, never a hang. (One window of the driver's retries, ~7 s on a quiet
      // machine; 14 s in a CI run at load 16, so a tighter bound here measures the machine, not the API.)
      expect(performance.now() - started).toBeLessThan(DEFAULT_DATABASE_DEADLINE_MS);
      expect((await call(api, 'POST', '/api/articles', { format: 'text', content: 'Mayor Anna Berg of Lundby visited Port Evans.' })).status).toBe(503);
    } finally {
      // Started again even when a check above fails, so the tests after this one still have a Neo4j.
      neo4j = await start();
    }
    await healthy();
    expect((await call(api, 'GET', '/api/health')).body.neo4j.reachable).toBe(true);
    expect((await call(api, 'GET', '/api/entities?q=Sasebo')).status).toBe(200);
  }, 240_000);

  it('answers 503 instead of hanging while Neo4j is frozen, and 200 once it runs again', async () => {
    await healthy();
    const pid = neo4j!.pid;
    process.kill(pid, 'SIGSTOP'); // alive and connected, answering nothing: the hang of issue 12
    try {
      // Before: both requests stayed open for good (a health check was still open 45 minutes later).
      const health = await get('/api/health', 10_000);
      expect(health.status).toBe(503);
      expect(health.body.neo4j.reachable).toBe(false);
      const search = await get('/api/entities?q=Sasebo', 60_000);
      expect(search.status).toBe(503);
      expect(search.body.message).toMatch(/Neo4j/);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await healthy();
    expect((await get('/api/entities?q=Sasebo', 60_000)).status).toBe(200);
  }, 240_000);

  it('a killed Neo4j is restarted by the launcher and the API recovers by itself', async () => {
    await healthy();
    const pid = neo4j!.pid;
    process.kill(pid, 'SIGKILL');
    // Before: 503s until someone ran npm run db:start by hand.
    await healthy();
    expect(neo4j!.pid).not.toBe(pid);
    expect(launcherLog.join('\n')).toMatch(new RegExp(`Neo4j \\(pid ${pid}\\) died \\(SIGKILL\\); restarting in 1 s\\nNeo4j restarted \\(pid ${neo4j!.pid}`));
  }, 240_000);
});

describe('Neo4j killed mid-ingest', () => {
  it('leaves every article stored whole or not at all', async () => {
    await healthy();
    await clearDatabase(api.conn);
    const articles = Array.from({ length: 8 }, (_, i) => longArticle(40 + i, 20_000));
    // What each article stores on a healthy database, posted in the same order.
    const whole = new Map<string, string[]>();
    for (const text of articles) {
      const reply = await call(api, 'POST', '/api/articles', text);
      expect(reply.status).toBe(201);
      const id = reply.body.articles[0].id as string;
      whole.set(id, await mentionsOf(id));
    }
    await clearDatabase(api.conn);

    const pid = neo4j!.pid;
    const statuses: number[] = [];
    for (const [i, text] of articles.entries()) {
      const posting = call(api, 'POST', '/api/articles', text);
      if (i === 2) setTimeout(() => process.kill(pid, 'SIGKILL'), 20); // during this article's write, or close to it
      statuses.push((await posting).status);
    }
    expect(statuses.every((s) => s === 201 || s === 503)).toBe(true);
    await healthy();
    // Neo4j really died mid-run. Whether a post saw it as a 503 depends on how fast the launcher restarted it
    // within the driver's retry window (on a quiet machine every post may get through), so that is not asserted.
    expect(neo4j!.pid).not.toBe(pid);

    const stored = (await get('/api/articles?limit=100', 60_000)).body.articles as { id: string }[];
    for (const { id } of stored) expect(await mentionsOf(id)).toEqual(whole.get(id));
    // The articles refused while Neo4j was down go in whole once it is back.
    for (const text of articles) expect([200, 201]).toContain((await call(api, 'POST', '/api/articles', text)).status);
    for (const [id, mentions] of whole) expect(await mentionsOf(id)).toEqual(mentions);
  }, 300_000);
});

async function mentionsOf(id: string): Promise<string[]> {
  const reply = await get(`/api/articles/${id}`, 60_000);
  expect(reply.status).toBe(200);
  return (reply.body.mentions as { id: string }[]).map((m) => m.id).sort();
}
