// Two builds of the viewer side by side: pan/zoom with 2,000 nodes and 5,000 edges on screen, canvas
// and WebGL renderer, the builds interleaved round by round (A, B, B, A, ...) so a change in the
// machine's load hits both. Each build is a `vite build` output directory; the API serves the data
// and the browser is handed the build's files instead of dist/viz.
//   npx tsx tests/bench/viewer-ab.ts DIST_A DIST_B [rounds]
// Prints, per build and renderer, the frame-interval p95 (wall clock) and the page's main-thread CPU
// time per frame (less sensitive to other processes on the cores), median over the rounds.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/browser.ts';
import { panZoomFrames, postArticles, showTwoThousand, startViewerServer, syntheticGraph, timeFirstDraw } from './viewer.ts';

const [distA, distB, roundsArg] = process.argv.slice(2);
if (!distA || !distB) throw new Error('usage: npx tsx tests/bench/viewer-ab.ts DIST_A DIST_B [rounds]');
const builds = { A: resolve(distA), B: resolve(distB) };
const rounds = Number(roundsArg ?? 3);
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** Everything but the API comes from `dist`. */
async function serveBuild(page: Page, dist: string): Promise<void> {
  await page.route(
    (url) => !url.pathname.startsWith('/api/'),
    async (route) => {
      const path = new URL(route.request().url()).pathname;
      const file = join(dist, path === '/' ? 'index.html' : path);
      await route.fulfill({ body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
    },
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const server = await startViewerServer();
const browser = await launchBrowser();
const samples = new Map<string, { p95: number[]; cpu: number[]; settings: string }>();
try {
  const response = await postArticles(`${server.base}/api/articles`, 'application/json', JSON.stringify(syntheticGraph(2000, 5000)));
  if (!response.ok) throw new Error(`synthetic graph ingest failed: ${response.status} ${await response.text()}`);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const);
    for (const build of order) {
      for (const renderer of ['canvas', 'webgl'] as const) {
        const page = await browser.context.newPage();
        await serveBuild(page, builds[build]);
        await timeFirstDraw(page, `${server.base}/${renderer === 'webgl' ? '?renderer=webgl' : ''}`);
        const shown = await showTwoThousand(page);
        const frames = await panZoomFrames(page);
        await page.close();
        const key = `${build} ${renderer}`;
        const entry = samples.get(key) ?? { p95: [], cpu: [], settings: `textureOnViewport ${shown.textureOnViewport}, hideEdgesOnViewport ${shown.hideEdgesOnViewport}` };
        entry.p95.push(frames.p95);
        entry.cpu.push(frames.cpuPerFrame);
        samples.set(key, entry);
        console.error(`round ${round + 1} ${key}: p95 ${frames.p95.toFixed(1)} ms, CPU ${frames.cpuPerFrame.toFixed(1)} ms/frame over ${frames.frames} frames (load ${loadavg()[0]!.toFixed(1)})`);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`| build | renderer | pan/zoom p95 (median of ${rounds}) | main-thread CPU per frame | settings |`);
console.log('|---|---|---:|---:|---|');
for (const [key, s] of [...samples].sort()) {
  const [build, renderer] = key.split(' ');
  console.log(`| ${build} (${builds[build as 'A' | 'B']}) | ${renderer} | ${median(s.p95).toFixed(1)} ms | ${median(s.cpu).toFixed(1)} ms | ${s.settings} |`);
}
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
