// Extraction in the HTTP path runs on a worker pool with a bounded queue and per-article budgets,
// and slow clients are cut off: one request can no longer freeze the API (issue 12, item 2).
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverInfo } from '../../api/store/read.ts';
import { call, startApi, type TestApi } from '../support/api.ts';
import { longArticle } from '../support/long-article.ts';
import { clearDatabase } from '../support/neo4j.ts';

const nestedDivs = (levels: number, title: string) =>
  `<html><head><title>${title}</title></head><body>${'<div>'.repeat(levels)}` +
  `Mayor Ingrid Solberg of Tromsø met Mayor Pekka Virtanen of Oulu.${'</div>'.repeat(levels)}</body></html>`;

const counts = async (api: TestApi) => (await serverInfo(api.conn)).counts;

/** POSTs text/plain; resolves with the status and the moment the answer came. */
const postText = (api: TestApi, text: string) =>
  fetch(`${api.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: text }).then(async (r) => ({
    status: r.status,
    retryAfter: r.headers.get('retry-after'),
    body: (await r.json()) as { message?: string },
    at: performance.now(),
  }));

describe('pathological pages', () => {
  let api: TestApi;
  beforeAll(async () => {
    // A budget no article here reaches: this machine may be busy.
    api = await startApi({ extraction: { budgetMs: { base: 120_000, perMB: 0 } } });
    await clearDatabase(api.conn);
  });
  afterAll(() => api?.close());

  it('refuses pages of deeply nested elements with 422 and a reason, and stores nothing', async () => {
    const before = await counts(api);
    // The cases: 1.1 MB (stored with an empty title before) and 2.2 MB of nested <div>s.
    for (const levels of [100_000, 200_000]) {
      const reply = await call(api, 'POST', '/api/articles', nestedDivs(levels, 'Deep'), { 'content-type': 'text/html' });
      expect(reply.status).toBe(422);
      expect(reply.body.message).toMatch(/nests elements more than 256 levels deep/);
    }
    expect(await counts(api)).toEqual(before);
  });

  it('keeps answering other requests while a long article is extracted', async () => {
    const posting = postText(api, longArticle(1, 2_000_000));
    await new Promise((resolve) => setTimeout(resolve, 200)); // the article is on a worker by now
    const health = await fetch(`${api.url}/api/health`).then((r) => ({ status: r.status, at: performance.now() }));
    const posted = await posting;
    expect(health.status).toBe(200);
    expect(posted.status).toBe(201);
    // Before: extraction ran on the event loop, so the health check waited for the whole article.
    expect(health.at).toBeLessThan(posted.at);
  });
});

describe('extraction limits', () => {
  it('answers 503 with Retry-After when the queue is full, and takes the queued articles', async () => {
    const api = await startApi({ extraction: { threads: 1, queue: 1, budgetMs: { base: 120_000, perMB: 0 } } });
    try {
      const replies = await Promise.all([2, 3, 4, 5].map((i) => postText(api, longArticle(i, 1_000_000))));
      const refused = replies.filter((r) => r.status === 503);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(refused[0]!.retryAfter).toBe('5');
      expect(refused[0]!.body.message).toMatch(/extraction queue is full/);
      expect(replies.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(2);
    } finally {
      await api.close();
    }
  });

  it('stops an article over its time budget with 422, and the next article gets a fresh thread', async () => {
    // 4.5 MB take about 2 s on an idle core (so a 2 s budget passed on a quiet machine), 2 KB a few ms. This budget
    // shrinks with size: 0.2 s for the 4.5 MB article, ten times less than it needs anywhere, and ~2 s for 2 KB.
    const api = await startApi({ extraction: { threads: 1, budgetMs: { base: 2_000, perMB: -400 } } });
    try {
      const before = await counts(api);
      const over = await postText(api, longArticle(6, 4_500_000));
      expect(over.status).toBe(422);
      expect(over.body.message).toMatch(/extraction took longer than its budget of 0\.2 s for 4\.5 MB/);
      expect(await counts(api)).toEqual(before);
      const small = await postText(api, longArticle(7, 2_000));
      expect(small.status).toBe(201);
    } finally {
      await api.close();
    }
  });

  it('cuts off a client that sends its body a byte at a time', async () => {
    const api = await startApi({ requestTimeoutMs: 2_000 });
    try {
      const { port } = new URL(api.url);
      const socket = connect(Number(port), '127.0.0.1');
      socket.write('POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n');
      const trickle = setInterval(() => socket.write('a'), 500);
      socket.on('error', () => {});
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      // Before: no request timeout, so the connection stayed open for as long as bytes kept coming.
      await new Promise<void>((resolve) => socket.once('close', () => resolve()));
      clearInterval(trickle);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await api.close();
    }
  }, 30_000);
});
