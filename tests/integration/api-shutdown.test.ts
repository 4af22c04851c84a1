// Graceful shutdown: a request in flight when the server is asked to stop still gets its answer,
// then the driver closes; under `npm start` too, where the signal first reaches npm.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../api/extract/index.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { articleDetail } from '../../api/store/read.ts';
import { call, startApi } from '../support/api.ts';
import { longArticle } from '../support/long-article.ts';
import { clearDatabase, freePort, testNeo4jEnv } from '../support/neo4j.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('graceful shutdown', () => {
  it('lets an in-flight request finish, then refuses new connections', async () => {
    const api = await startApi();
    const received = new Promise((resolve) => api.app.server.once('request', resolve));
    const inFlight = fetch(`${api.url}/api/graph`);
    await received;
    const closing = api.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    const graph = (await response.json()) as GraphDocument;
    expect(Array.isArray(graph.nodes)).toBe(true);
    await closing;
    await expect(call(api, 'GET', '/api/health')).rejects.toThrow();
    await expect(api.conn.driver.getServerInfo()).rejects.toThrow();
  });

  it('SIGTERM to npm start mid-ingest: the article in flight is stored whole and answered, then the server exits', async () => {
    const probe = await startApi();
    await clearDatabase(probe.conn);
    const port = await freePort();
    // Its own process group, so that whatever it leaves behind can be cleaned up below.
    const server = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, ...testNeo4jEnv(), PORT: String(port) }, detached: true });
    let output = '';
    server.stdout.on('data', (chunk) => (output += chunk));
    server.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => output, { timeout: 90_000, interval: 200 }).toMatch(/exchange graph: http/);
      const article = longArticle(21, 1_500_000);
      const posting = fetch(`http://127.0.0.1:${port}/api/articles`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: article })
        .then(async (r) => ({ status: r.status, body: (await r.json()) as { articles: { id: string }[] } }));
      await new Promise((resolve) => setTimeout(resolve, 300)); // received, now being extracted
      server.kill('SIGTERM');
      // Before: the signal ended npm and its shell, and the API ran on, orphaned (or the tsx wrapper
      // killed it within ~60 ms with the request unanswered).
      const answer = await posting;
      expect(answer.status).toBe(201);
      expect(await exited).toBe(0);
      expect(output).toMatch(/SIGTERM: stopping \(in-flight requests finish first\)[\s\S]*stopped/);

      const stored = await articleDetail(probe.conn, answer.body.articles[0]!.id);
      const extracted = extractArticle({ content: article, format: 'text' });
      expect(stored?.mentions.map((m) => m.id).sort()).toEqual(extracted.nodes.map((n) => n.id).sort());
    } finally {
      try {
        process.kill(-server.pid!, 'SIGKILL');
      } catch {
        // the group is gone: everything exited
      }
      await probe.close();
    }
  }, 180_000);
});
