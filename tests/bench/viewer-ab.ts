// Two builds of the viewer side by side: pan/zoom with 2,000 nodes and 5,000 edges on screen, canvas
// and WebGL renderer, the builds interleaved round by round (A, B, B, A, ...) so a change in the
// machine's load hits both. Each build is a `vite build` output directory; the API serves the data
// and the browser is handed the build's files instead of dist/viz.
//   npx tsx tests/bench/viewer-ab.ts DIST_A DIST_B [rounds]     (RENDERERS=canvas, GESTURE=pan)
// Prints, per build and renderer, the frame intervals' p95/p99/mean (wall clock) and the main-thread
// CPU time of each frame from Chromium's trace (p95/p99/mean and the frames over 16.7 ms: less
// sensitive to other processes on the cores), median over the rounds.
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchBrowser } from '../e2e/browser.ts';
import { panZoomFrames, type PanZoomGesture, postArticles, serveBuild, showTwoThousand, startViewerServer, syntheticGraph, timeFirstDraw } from './viewer.ts';

const [distA, distB, roundsArg] = process.argv.slice(2);
if (!distA || !distB) throw new Error('usage: npx tsx tests/bench/viewer-ab.ts DIST_A DIST_B [rounds]');
const builds = { A: resolve(distA), B: resolve(distB) };
const rounds = Number(roundsArg ?? 3);
// RENDERERS=canvas skips the WebGL renderer (minutes per page on SwiftShader under load).
const renderers = (process.env.RENDERERS ?? 'canvas,webgl').split(',') as ('canvas' | 'webgl')[];
// GESTURE=pan: a pan alone from a picture at rest instead of the bench's wheel in, pan, wheel out.
const gesture: PanZoomGesture = process.env.GESTURE === 'pan' ? 'pan' : 'wheel-pan-wheel';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const server = await startViewerServer();
const browser = await launchBrowser();
const samples = new Map<string, { p95: number[]; p99: number[]; mean: number[]; cpuP95: number[]; cpuP99: number[]; cpu: number[]; over16: number[]; settings: string }>();
try {
  const response = await postArticles(`${server.base}/api/articles`, 'application/json', JSON.stringify(syntheticGraph(2000, 5000)));
  if (!response.ok) throw new Error(`synthetic graph ingest failed: ${response.status} ${await response.text()}`);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const);
    for (const build of order) {
      for (const renderer of renderers) {
        const page = await browser.context.newPage();
        await serveBuild(page, builds[build]);
        await timeFirstDraw(page, `${server.base}/${renderer === 'webgl' ? '?renderer=webgl' : ''}`);
        const shown = await showTwoThousand(page);
        const frames = await panZoomFrames(page, {}, gesture);
        await page.close();
        const key = `${build} ${renderer}`;
        const entry = samples.get(key) ?? { p95: [], p99: [], mean: [], cpuP95: [], cpuP99: [], cpu: [], over16: [], settings: `textureOnViewport ${shown.textureOnViewport}, hideEdgesOnViewport ${shown.hideEdgesOnViewport}` };
        entry.p95.push(frames.p95);
        entry.p99.push(frames.p99);
        entry.mean.push(frames.mean);
        entry.cpuP95.push(frames.cpu?.p95 ?? Number.NaN);
        entry.cpuP99.push(frames.cpu?.p99 ?? Number.NaN);
        entry.cpu.push(frames.cpuPerFrame);
        entry.over16.push(frames.cpu ? frames.cpu.over16 / frames.cpu.frames : Number.NaN);
        samples.set(key, entry);
        console.error(
          `round ${round + 1} ${key}: frames p95 ${frames.p95.toFixed(1)} p99 ${frames.p99.toFixed(1)} mean ${frames.mean.toFixed(1)} ms over ${frames.frames}; ` +
            `CPU per frame p95 ${frames.cpu?.p95.toFixed(1)} p99 ${frames.cpu?.p99.toFixed(1)} mean ${frames.cpu?.mean.toFixed(1)} ms, ${frames.cpu?.over16} of ${frames.cpu?.frames} over 16.7 ms [${frames.cpu?.heavy}] (load ${loadavg()[0]!.toFixed(1)})`,
        );
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`| build | renderer | frame p95 / p99 / mean (median of ${rounds}) | main-thread CPU per frame p95 / p99 / mean | frames over 16.7 ms CPU | settings |`);
console.log('|---|---|---:|---:|---:|---|');
for (const [key, s] of [...samples].sort()) {
  const [build, renderer] = key.split(' ');
  const f = (xs: number[]) => median(xs).toFixed(1);
  console.log(`| ${build} (${builds[build as 'A' | 'B']}) | ${renderer} | ${f(s.p95)} / ${f(s.p99)} / ${f(s.mean)} ms | ${f(s.cpuP95)} / ${f(s.cpuP99)} / ${f(s.cpu)} ms | ${(median(s.over16) * 100).toFixed(1)} % | ${s.settings} |`);
}
console.log(`gesture ${gesture}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
