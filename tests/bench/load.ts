// Section "load": does ingest over HTTP starve the reads? 4 clients post 1-5 MB articles as fast as
// the API takes them while one prober times GET /api/health and GET /api/paths in turn; their p99
// is judged against 200 ms and set beside the same probes on the idle API. The API runs as its own
// process (api-server.ts) on the seed article and a 1k-article graph.
import type { BenchContext } from './context.ts';
import { startApiProcess } from './graph.ts';
import { ingestAll } from './ingest.ts';
import { startBenchNeo4j } from './neo4j.ts';
import { loadCorpus, percentile, readTexts, seconds } from './support.ts';
import { longArticle } from '../support/long-article.ts';

const CLIENTS = 4;
const SIZES_MB = [1, 2, 3, 4, 5];
const TARGET_P99_MS = 200;
const SEED_ARTICLE = 'seed/articles/shenyang-sasebo-mayor-exchange-day.txt';
// Both ends of a path in the seed article.
const PATH_QUERY = '/api/paths?from=Lyu%20Zhicheng&to=Adora%20Cruises';

interface Probe {
  health: number[];
  paths: number[];
  failed: number;
}

/** Times health and paths requests one after another, every 100 ms, until `until()` says stop. */
async function probe(url: string, until: () => boolean): Promise<Probe> {
  const result: Probe = { health: [], paths: [], failed: 0 };
  while (!until()) {
    for (const [path, into] of [['/api/health', result.health], [PATH_QUERY, result.paths]] as const) {
      const started = performance.now();
      const response = await fetch(url + path).catch(() => null);
      await response?.arrayBuffer();
      if (response?.status === 200) into.push(performance.now() - started);
      else result.failed++;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return result;
}

export async function benchLoad(ctx: BenchContext): Promise<void> {
  const section = 'load';
  const loadSeconds = ctx.quick ? 20 : 60;
  const db = await startBenchNeo4j({ heap: '512m', pageCache: '128m' });
  try {
    await ingestAll(db, [...readTexts([SEED_ARTICLE]), ...loadCorpus(1000)]);
    const api = await startApiProcess(db);
    try {
      // Written before the clock starts: 1, 2, 3, 4, 5 MB in turn, each one new.
      const articles = Array.from({ length: CLIENTS * 8 }, (_, i) => longArticle(1_000 + i, SIZES_MB[i % SIZES_MB.length]! * 1_000_000));
      await probe(api.url, (() => { const end = performance.now() + 3_000; return () => performance.now() > end; })()); // warm-up
      const idleEnd = performance.now() + 10_000;
      const idle = await probe(api.url, () => performance.now() > idleEnd);

      const statuses = new Map<number, number>();
      let postedBytes = 0;
      let next = 0;
      const started = performance.now();
      const loadEnd = started + loadSeconds * 1_000;
      const client = async () => {
        while (performance.now() < loadEnd) {
          const text = articles[next++ % articles.length]!;
          const response = await fetch(`${api.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: text }).catch(() => null);
          await response?.arrayBuffer();
          const status = response?.status ?? 0;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status === 200 || status === 201) postedBytes += Buffer.byteLength(text);
          // A refused post waits as Retry-After says, as a well-behaved client would.
          if (status === 503) await new Promise((resolve) => setTimeout(resolve, Number(response?.headers.get('retry-after') ?? 1) * 1_000));
        }
      };
      const [loaded] = await Promise.all([probe(api.url, () => performance.now() > loadEnd), ...Array.from({ length: CLIENTS }, client)]);
      const elapsed = seconds(started);

      for (const [name, idleMs, loadedMs] of [['/api/health', idle.health, loaded.health], ['/api/paths', idle.paths, loaded.paths]] as const) {
        ctx.report.target(section, `${name} p99 while ${CLIENTS} clients post 1-5 MB articles`, percentile(loadedMs, 99), 'ms', TARGET_P99_MS, false);
        ctx.report.info(section, `${name} p50 while posting`, percentile(loadedMs, 50), 'ms', `idle p50 ${percentile(idleMs, 50).toFixed(0)} ms, idle p99 ${percentile(idleMs, 99).toFixed(0)} ms`);
      }
      ctx.report.info(section, 'articles stored over HTTP', postedBytes / 1e6 / elapsed, 'MB/s', `${CLIENTS} clients, ${elapsed.toFixed(0)} s`);
      ctx.note(section, `post answers: ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${n} x ${s || 'no answer'}`).join(', ')}; probe requests not answered 200: ${loaded.failed} (idle: ${idle.failed}); ${loaded.health.length} health and ${loaded.paths.length} path probes under load`);
    } finally {
      await api.stop();
    }
  } finally {
    await db.stop();
  }
}
