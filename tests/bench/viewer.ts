// Viewer benchmark: time from navigation to a drawn graph in headless Chromium, for the seed graph
// and for a 2,000-node / 5,000-relationship graph (network and map views), plus frame times while panning and zooming the
// big one, and (full runs only) the first picture of a 20,000-node / 60,000-relationship graph. Everything runs for real: a throw-away Neo4j, the API in-process serving dist/viz, the
// graphs ingested through POST /api/articles. Called by tests/bench/run.ts (npm run bench).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { ensureViewerBuilt, launchBrowser, type Browser } from '../e2e/browser.ts';
import { freePort } from '../support/free-port.ts';

export interface Measure {
  measure: string;
  ms: number;
  targetMs?: number;
  note?: string;
}

const SEED_DIR = fileURLToPath(new URL('../../seed/articles/', import.meta.url));

/** Deterministic PRNG so every run draws the same synthetic graph. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A graph shaped like the real one (people hold positions in offices, actors take part in events
 * in cities, cities are twinned), with a few hubs, as one GraphDocument for POST /api/articles.
 */
export function syntheticGraph(nodeCount = 2000, relationshipCount = 5000, seed = 1): GraphDocument {
  const random = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
  // Preferential choice: low indexes are picked far more often, giving hubs.
  const hubby = <T>(xs: T[]): T => xs[Math.floor(xs.length * random() ** 2.2)]!;
  const article = { id: 'bench-synthetic-graph', title: 'Synthetic benchmark graph', publishedAt: '2024-01-01' };
  const shares: [GraphDocument['nodes'][number]['label'], number][] = [
    ['Person', 0.38],
    ['Office', 0.2],
    ['Company', 0.1],
    ['Organization', 0.08],
    ['City', 0.1],
    ['Event', 0.14],
  ];
  const nodes: GraphDocument['nodes'] = [];
  const byLabel = new Map<string, string[]>();
  for (const [label, share] of shares) {
    const count = Math.round(nodeCount * share);
    for (let i = 0; i < count && nodes.length < nodeCount; i++) {
      const id = `bench-${label.toLowerCase()}:${i}`;
      const properties: Record<string, string | number> = {};
      if (label === 'City') Object.assign(properties, { country: 'XX', lat: Math.round((random() * 120 - 50) * 100) / 100, lon: Math.round((random() * 340 - 170) * 100) / 100 });
      if (label === 'Event') Object.assign(properties, { date: `${2005 + Math.floor(random() * 20)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`, kind: 'meeting' });
      nodes.push({ id, label, name: `${label} ${String(i).padStart(4, '0')} bench`, aliases: [], properties });
      byLabel.set(label, [...(byLabel.get(label) ?? []), id]);
    }
  }
  const ids = (label: string) => byLabel.get(label) ?? [];
  const actors = [...ids('Person'), ...ids('Office'), ...ids('Company'), ...ids('Organization')];
  const seen = new Set<string>();
  const relationships: GraphDocument['relationships'] = [];
  const add = (type: GraphDocument['relationships'][number]['type'], source: string, target: string, properties: Record<string, string | number | boolean> = {}) => {
    const key = `${type}|${source}|${target}`;
    if (source === target || seen.has(key)) return;
    seen.add(key);
    relationships.push({ type, source, target, properties, sources: [article.id], evidence: [`Synthetic sentence ${relationships.length} linking two benchmark actors.`] });
  };
  // Everyone is connected at least once, then the rest at random with hubs.
  for (const person of ids('Person')) add('HOLDS_POSITION', person, hubby([...ids('Office'), ...ids('Company')]), { title: pick(['Mayor', 'Director', 'Deputy Mayor', 'Chairman']) });
  for (const node of [...ids('Office'), ...ids('Company'), ...ids('Organization'), ...ids('Event')]) add('LOCATED_IN', node, hubby(ids('City')));
  for (const city of ids('City')) add('SISTER_CITY_OF', city, hubby(ids('City')), { since: 1980 + Math.floor(random() * 40) });
  const roles = ['host', 'organizer', 'speaker', 'presenter', 'attendee', 'visitor'];
  let guard = 0;
  while (relationships.length < relationshipCount && guard++ < relationshipCount * 20) {
    const r = random();
    if (r < 0.6) add('PARTICIPATED_IN', hubby(actors), hubby(ids('Event')), { role: pick(roles) });
    else if (r < 0.75) add('MET_WITH', hubby(ids('Person')), hubby(ids('Person')), { date: '2023-05-01' });
    else if (r < 0.9) add('VISITED', hubby(actors), hubby(ids('City')), { times: 1 + Math.floor(random() * 3) });
    else add('HOLDS_POSITION', pick(ids('Person')), hubby(ids('Office')), { title: 'Member' });
  }
  return { articles: [article], nodes, relationships: relationships.slice(0, relationshipCount) };
}

/**
 * POST an ingest, again after a pause while the API answers 503 (Neo4j busy: on this shared machine a
 * big write can time out while other processes hold the cores; the write is idempotent).
 */
export async function postArticles(url: string, contentType: string, body: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
    if (response.status !== 503 || attempt === 5) return response;
    await new Promise((done) => setTimeout(done, 3000 * attempt));
  }
}

/** POST a big GraphDocument in slices of relationships (each with the nodes it names), one article each. */
async function postInSlices(base: string, doc: GraphDocument, slice: number): Promise<void> {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  for (let i = 0; i < doc.relationships.length; i += slice) {
    const article = { ...doc.articles[0]!, id: `${doc.articles[0]!.id}-${i}` };
    const relationships = doc.relationships.slice(i, i + slice).map((r) => ({ ...r, sources: [article.id] }));
    const ids = new Set(relationships.flatMap((r) => [r.source, r.target]));
    const body = { articles: [article], nodes: [...ids].map((id) => byId.get(id)!), relationships };
    const response = await postArticles(`${base}/api/articles`, 'application/json', JSON.stringify(body));
    if (!response.ok) throw new Error(`synthetic graph slice ${i} failed: ${response.status} ${await response.text()}`);
  }
}

interface Drawn {
  drawnMs: number;
  dataMs: number;
  layoutMs: number;
  nodes: number;
  edges: number;
}

export async function timeFirstDraw(page: Page, url: string): Promise<Drawn> {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('viewer:drawn').length > 0 || document.body.dataset.state === 'error', null, { timeout: 120_000 });
  return page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    const cy = (window as unknown as { __cy: Core }).__cy;
    return {
      drawnMs: at('viewer:drawn'),
      dataMs: at('viewer:data'),
      layoutMs: at('viewer:layout') - at('viewer:data'),
      nodes: cy?.nodes().length ?? 0,
      edges: cy?.edges().length ?? 0,
    };
  });
}

export interface FrameCpu {
  frames: number;
  p95: number;
  p99: number;
  mean: number;
  /** Frames whose main-thread work alone exceeds one 60 Hz frame. */
  over16: number;
  /** `CPU ms@ms after the gesture's start` of each frame over 12 ms. */
  heavy: string;
}

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { type?: string } };
}

/**
 * Main-thread CPU per frame from Chromium's trace: the thread time of the renderer main thread's
 * top-level tasks between consecutive animation frames, from the first wheel event on. Less
 * sensitive to other processes than the frame intervals; what a quiet machine's frames would cost.
 */
export function frameCpu(events: TraceEvent[]): FrameCpu | null {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const key = (e: { pid: number; tid: number }) => `${e.pid}:${e.tid}`;
  const counts = new Map<string, number>();
  for (const e of events) if (e.name === 'FireAnimationFrame') counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main || !mains.some((m) => key(m) === main)) return null;
  const onMain = events.filter((e) => key(e) === main);
  const firstWheel = onMain.find((e) => e.name === 'EventDispatch' && ['wheel', 'mousedown'].includes(e.args?.data?.type ?? ''))?.ts ?? 0;
  // Several requestAnimationFrame callbacks run in one frame: one mark per frame.
  const marks = onMain
    .filter((e) => e.name === 'FireAnimationFrame' && e.ts >= firstWheel)
    .map((e) => e.ts)
    .sort((a, b) => a - b)
    .filter((ts, i, all) => i === 0 || ts - all[i - 1]! > 4000);
  const tasks = onMain.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.tdur !== undefined).sort((a, b) => a.ts - b.ts);
  const perFrame: number[] = [];
  let t = 0;
  for (let i = 1; i < marks.length; i++) {
    let cpu = 0;
    while (t < tasks.length && tasks[t]!.ts < marks[i]!) {
      if (tasks[t]!.ts >= marks[i - 1]!) cpu += tasks[t]!.tdur! / 1000;
      t++;
    }
    perFrame.push(cpu);
  }
  const sorted = [...perFrame].sort((a, b) => a - b);
  return {
    frames: perFrame.length,
    p95: sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN,
    p99: sorted[Math.floor(sorted.length * 0.99)] ?? Number.NaN,
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    over16: perFrame.filter((c) => c > 1000 / 60).length,
    heavy: perFrame.map((c, i) => (c > 12 ? `${c.toFixed(0)}@${((marks[i]! - firstWheel) / 1000).toFixed(0)}` : '')).filter(Boolean).join(' '),
  };
}

/** Resolves once Cytoscape has drawn nothing for `quietMs` (at most `maxMs`): the picture is on screen and settled. */
export async function settled(page: Page, quietMs = 1000, maxMs = 20_000): Promise<void> {
  await page.evaluate(
    ({ quietMs, maxMs }) =>
      new Promise<void>((done) => {
        const cy = (window as unknown as { __cy: Core }).__cy;
        const started = performance.now();
        let last = performance.now();
        const onRender = () => (last = performance.now());
        cy.on('render', onRender);
        const check = () => {
          const now = performance.now();
          if (now - last >= quietMs || now - started >= maxMs) {
            cy.off('render', onRender);
            done();
          } else setTimeout(check, 50);
        };
        // Two frames first: whatever was just added is drawn on the next one.
        requestAnimationFrame(() => requestAnimationFrame(check));
      }),
    { quietMs, maxMs },
  );
}

/**
 * A point of the picture's background near its centre (no node under it or within 6 px), in page
 * coordinates: where an analyst presses to pan. Pressing on a node would drag that node instead. In
 * a dense picture the point may be on an edge: that pans too (edges are pannable), after marking
 * the edge active, which costs Cytoscape a restyle and a full redraw at the press.
 */
export async function backgroundPoint(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.locator('[data-testid=graph]').boundingBox())!;
  const inGraph = await page.evaluate(() => {
    const cy = (window as unknown as { __cy: Core }).__cy;
    const discs = cy
      .nodes(':visible')
      .map((n) => ({ ...n.renderedPosition(), r: Math.max(n.renderedOuterWidth(), n.renderedOuterHeight()) / 2 + 6 }));
    const w = cy.width();
    const h = cy.height();
    for (let step = 0; step < 4000; step++) {
      // A spiral out from the centre, 3 px apart.
      const angle = step * 0.5;
      const radius = 3 * Math.sqrt(step);
      const x = w / 2 + radius * Math.cos(angle);
      const y = h / 2 + radius * Math.sin(angle);
      if (discs.every((d) => (d.x - x) ** 2 + (d.y - y) ** 2 > d.r * d.r)) return { x, y };
    }
    return { x: w / 2, y: h / 2 };
  });
  return { x: box.x + inGraph.x, y: box.y + inGraph.y };
}

/** The bench's gesture (wheel in, pan, wheel out), or a pan alone from a picture at rest. */
export type PanZoomGesture = 'wheel-pan-wheel' | 'pan';

/**
 * Frame intervals while an analyst pans and zooms (real mouse input, so Cytoscape's
 * texture-while-moving path is the one measured): once the picture is drawn and settled, the
 * pointer rests on the background near the centre, five wheel notches zoom in there, a press on
 * the background drags the picture around, and five notches zoom back out; recording ends 300 ms
 * after the last notch, so the full redraw when the gesture ends counts (`pan`: the press, drag and release alone). Also the CPU time the
 * page's main thread spent meanwhile (Chromium's ThreadTime metric), per frame: the frame
 * intervals are wall-clock time and stretch when other processes share the cores; the main-thread CPU
 * time of each frame, from Chromium's trace, much less so (what a quiet machine's frames would cost).
 */
export async function panZoomFrames(page: Page, trace: { categories?: string; events?: TraceEvent[] } = {}, gesture: PanZoomGesture = 'wheel-pan-wheel'): Promise<{ p95: number; p99: number; mean: number; frames: number; cpuPerFrame: number; cpu: FrameCpu | null }> {
  await settled(page);
  const start = await backgroundPoint(page);
  await page.mouse.move(start.x, start.y);
  await settled(page, 200);
  const devtools = await page.context().newCDPSession(page);
  const events: TraceEvent[] = trace.events ?? [];
  devtools.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const traced = new Promise((done) => devtools.once('Tracing.tracingComplete', done));
  await devtools.send('Tracing.start', { categories: trace.categories ?? 'devtools.timeline,toplevel', transferMode: 'ReportEvents' });
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const wheel = gesture === 'wheel-pan-wheel';
  if (wheel) for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -120);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(start.x + 200 * Math.sin(i / 5), start.y + 120 * (Math.cos(i / 7) - 1));
  await page.mouse.up();
  if (wheel) for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 120);
  await page.waitForTimeout(300);
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames.slice(1);
  });
  await devtools.send('Tracing.end');
  await traced;
  await devtools.detach();
  const cpu = frameCpu(events);
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    p95: sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN,
    p99: sorted[Math.floor(sorted.length * 0.99)] ?? Number.NaN,
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    frames: sorted.length,
    cpuPerFrame: cpu ? cpu.mean : Number.NaN,
    cpu,
  };
}

const framesNote = (f: Awaited<ReturnType<typeof panZoomFrames>>) =>
  `p99 ${Math.round(f.p99 * 10) / 10} ms, mean ${Math.round(f.mean * 10) / 10} ms per frame over ${f.frames} frames; main-thread CPU per frame (trace) ${f.cpu ? `p95 ${f.cpu.p95.toFixed(1)}, p99 ${f.cpu.p99.toFixed(1)}, mean ${f.cpu.mean.toFixed(1)} ms, ${f.cpu.over16} of ${f.cpu.frames} frames over 16.7 ms` : 'not traced'}`;

/**
 * Replaces the first picture with 2,000 nodes and 5,000 edges of the stored graph (grid layout,
 * fitted), as a script on window.__cy; says what the renderer was then set to.
 */
export async function showTwoThousand(page: Page) {
  return page.evaluate(async () => {
    const cy = (window as unknown as { __cy: Core }).__cy;
    const body = (await (await fetch('/api/graph/elements?limit=2000&edges=5000')).json()) as { elements: { nodes: object[]; edges: object[] } };
    cy.elements().remove();
    cy.add([...body.elements.nodes, ...body.elements.edges] as never);
    cy.layout({ name: 'grid' }).run();
    cy.fit();
    // The viewer adapts its drawing to the size once the additions are over.
    await Promise.resolve();
    const renderer = (cy as unknown as { renderer(): { textureOnViewport: boolean; hideEdgesOnViewport: boolean } }).renderer();
    return { nodes: cy.nodes().length, edges: cy.edges().length, textureOnViewport: renderer.textureOnViewport, hideEdgesOnViewport: renderer.hideEdgesOnViewport };
  });
}

const BUILD_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** Everything but the API comes from `dist` (another `vite build` output) instead of the server's dist/viz. */
export async function serveBuild(page: Page, dist: string): Promise<void> {
  await page.route(
    (url) => !url.pathname.startsWith('/api/'),
    async (route) => {
      const path = new URL(route.request().url()).pathname;
      const file = join(dist, path === '/' ? 'index.html' : path);
      await route.fulfill({ body: readFileSync(file), contentType: BUILD_TYPES[extname(file)] ?? 'application/octet-stream' });
    },
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** `loads` cold page loads of `url`, each in a new page: median times, and the last load's counts. */
async function coldLoads(browser: Browser, url: string, loads: number) {
  const samples: Drawn[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await browser.context.newPage();
    samples.push(await timeFirstDraw(page, url));
    await page.close();
  }
  return { loads, drawn: median(samples.map((s) => s.drawnMs)), data: median(samples.map((s) => s.dataMs)), layout: median(samples.map((s) => s.layoutMs)), last: samples[samples.length - 1]! };
}

const loadsNote = (t: Awaited<ReturnType<typeof coldLoads>>) =>
  `${t.loads === 1 ? 'one cold page load' : `median of ${t.loads} cold page loads`} (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores); data at ${Math.round(t.data)} ms, layout+render ${Math.round(t.layout)} ms`;

/** `quick`: one page load per graph instead of three (npm run bench -- --quick). */
export async function measureViewer(opts: { runs?: number; quick?: boolean; log?: (line: string) => void } = {}): Promise<Measure[]> {
  const runs = opts.runs ?? (opts.quick ? 1 : 3);
  const log = opts.log ?? (() => {});
  await ensureViewerBuilt();
  const server = await startViewerServer();
  const base = server.base;
  const browser = await launchBrowser();
  const results: Measure[] = [];
  try {
    for (const file of readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt'))) {
      const response = await postArticles(`${base}/api/articles?file=${encodeURIComponent(file)}`, 'text/plain', readFileSync(join(SEED_DIR, file), 'utf8'));
      if (!response.ok) throw new Error(`seed ingest failed: ${response.status} ${await response.text()}`);
    }

    const measureGraph = async (label: string, targetMs: number) => {
      const t = await coldLoads(browser, `${base}/`, runs);
      log(`viewer ${label}: ${t.last.nodes} nodes / ${t.last.edges} edges drawn in ${Math.round(t.drawn)} ms (median of ${runs})`);
      results.push({ measure: `viewer: navigation → drawn graph, ${label} (${t.last.nodes} nodes, ${t.last.edges} edges)`, ms: Math.round(t.drawn), targetMs, note: loadsNote(t) });
    };

    await measureGraph('seed graph', 1500);

    const big = syntheticGraph(2000, 5000);
    const response = await postArticles(`${base}/api/articles`, 'application/json', JSON.stringify(big));
    if (!response.ok) throw new Error(`synthetic graph ingest failed: ${response.status} ${await response.text()}`);
    await measureGraph('2,000-node graph', 6000);

    // The map view of the same graph: cities at their coordinates, grouped, over the base map (loaded after the graph).
    const mapSamples: { drawnMs: number; basemapMs: number; cities: number; markers: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const mapPage = await browser.context.newPage();
      await timeFirstDraw(mapPage, `${base}/?view=geo`);
      await mapPage.waitForFunction(() => performance.getEntriesByName('viewer:basemap').length > 0, null, { timeout: 60_000 });
      mapSamples.push(
        await mapPage.evaluate(() => {
          const cy = (window as unknown as { __cy: Core }).__cy;
          const cities = cy.nodes('.on-map');
          return {
            drawnMs: performance.getEntriesByName('viewer:drawn')[0]!.startTime,
            basemapMs: performance.getEntriesByName('viewer:basemap')[0]!.startTime,
            cities: cities.length,
            markers: cities.not('.map-member').length,
          };
        }),
      );
      await mapPage.close();
    }
    const lastMap = mapSamples[mapSamples.length - 1]!;
    const mapMs = median(mapSamples.map((s) => Math.max(s.drawnMs, s.basemapMs)));
    log(`viewer map view: ${lastMap.cities} cities as ${lastMap.markers} markers over the base map in ${Math.round(mapMs)} ms`);
    results.push({
      measure: `viewer: navigation → map view drawn with its base map, 2,000-node graph (${lastMap.cities} cities)`,
      ms: Math.round(mapMs),
      targetMs: 6000,
      note: `${runs === 1 ? 'one cold page load' : `median of ${runs} cold page loads`} (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores); graph drawn at ${Math.round(median(mapSamples.map((s) => s.drawnMs)))} ms, base map (Natural Earth 50m, fetched and projected after the graph) at ${Math.round(median(mapSamples.map((s) => s.basemapMs)))} ms; ${lastMap.markers} markers after grouping at the fitted zoom`,
    });

    const page = await browser.context.newPage();
    await timeFirstDraw(page, `${base}/`);
    const frames = await panZoomFrames(page);
    await page.close();
    results.push({
      measure: 'viewer: pan/zoom frame time p95, first picture of the 2,000-node graph',
      ms: Math.round(frames.p95 * 10) / 10,
      targetMs: 50,
      note: `${framesNote(frames)} of wheel zoom and drag, software rendering (--disable-gpu); machine load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
    });

    // 2,000 nodes on screen at once (the overview shows 250): the canvas renderer against Cytoscape's
    // WebGL one (?renderer=webgl), same elements, same grid layout, same pan and zoom.
    for (const renderer of ['canvas', 'webgl'] as const) {
      const onScreen = await browser.context.newPage();
      await timeFirstDraw(onScreen, `${base}/${renderer === 'webgl' ? '?renderer=webgl' : ''}`);
      const shown = await showTwoThousand(onScreen);
      const onScreenFrames = await panZoomFrames(onScreen);
      await onScreen.close();
      results.push({
        measure: `viewer: pan/zoom frame time p95, ${shown.nodes.toLocaleString('en')} nodes and ${shown.edges.toLocaleString('en')} edges on screen, ${renderer === 'webgl' ? 'WebGL' : 'canvas'} renderer`,
        ms: Math.round(onScreenFrames.p95 * 10) / 10,
        targetMs: 33,
        note: `${framesNote(onScreenFrames)}; textureOnViewport ${shown.textureOnViewport}, hideEdgesOnViewport ${shown.hideEdgesOnViewport}; headless Chromium without a GPU (WebGL runs on SwiftShader, the CPU); load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
      });
    }

    // The first picture of a graph far bigger than one screen: the overview the server picks.
    if (!opts.quick) {
      await postInSlices(base, syntheticGraph(20_000, 60_000, 2), 5000);
      await measureGraph('first picture (overview) of a 20,000-node graph', 3000);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

/** A throw-away Neo4j and the API on it, serving dist/viz: `base` is its address. */
export async function startViewerServer(): Promise<{ base: string; close(): Promise<void> }> {
  // Imported here so syntheticGraph stays usable without the server's dependencies.
  const { buildApp } = await import('../../api/http/app.ts');
  const { applySchema, connectNeo4j } = await import('../../api/store/neo4j.ts');
  const { startBundledNeo4j } = await import('../../neo4j/server.ts');
  const dataDir = mkdtempSync(join(tmpdir(), 'exchange-graph-bench-viewer-'));
  const neo4j = await startBundledNeo4j({ port: await freePort(), dataDir, password: 'bench-password', heap: '1g', pageCache: '256m' });
  const conn = await connectNeo4j({ env: { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password } });
  const app = await buildApp({ conn, bodyLimit: 64 * 1024 * 1024 });
  const close = async () => {
    await app.close();
    await conn.close();
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await applySchema(conn);
    await app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await close();
    throw error;
  }
  const address = app.server.address();
  return { base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, close };
}

// Runnable on its own: npx tsx tests/bench/viewer.ts
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const results = await measureViewer({ log: console.log });
  for (const r of results) console.log(`${r.measure}: ${r.ms} ms${r.targetMs ? ` (target ${r.targetMs} ms)` : ''}${r.note ? ` — ${r.note}` : ''}`);
}

/**
 * The viewer on a graph already stored (the 100k bench graph): the home page's first picture (the
 * overview the server picks) and the layout of the best-connected entity's neighbourhood (a focus
 * link on the biggest hub), each from a cold page load, plus pan/zoom frames on the first picture.
 */
export async function measureViewerOnStoredGraph(conn: import('../../api/store/neo4j.ts').Neo4jConnection, label: string, opts: { runs?: number; log?: (line: string) => void } = {}): Promise<Measure[]> {
  const runs = opts.runs ?? 3;
  const log = opts.log ?? (() => {});
  const { buildApp } = await import('../../api/http/app.ts');
  await ensureViewerBuilt();
  const app = await buildApp({ conn });
  const browser = await launchBrowser();
  const results: Measure[] = [];
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const hubRecord = await conn.driver.executeQuery(
      'MATCH (n:Entity) WITH n, COUNT { (n)--() } AS degree ORDER BY degree DESC LIMIT 1 RETURN n.id AS id, n.name AS name, degree',
      {},
      { database: conn.database },
    );
    const hub = hubRecord.records[0]!.toObject() as { id: string; name: string; degree: { toNumber(): number } };
    // Right after the server started, the first picture is still being computed (it starts when
    // the server is ready); after that the server keeps it until the graph changes.
    const computed = await coldLoads(browser, `${base}/`, 1);
    log(`viewer on ${label}: first picture while the server computes it: ${Math.round(computed.drawn)} ms`);
    results.push({ measure: `viewer: first picture of ${label}, page opened as the server starts (the picture computed on demand)`, ms: Math.round(computed.drawn), note: loadsNote(computed) });
    const first = await coldLoads(browser, `${base}/`, runs);
    log(`viewer on ${label}: first picture ${first.last.nodes} nodes / ${first.last.edges} edges in ${Math.round(first.drawn)} ms`);
    results.push({ measure: `viewer: first picture (overview) of ${label} (${first.last.nodes} nodes, ${first.last.edges} edges drawn), server up`, ms: Math.round(first.drawn), targetMs: 3000, note: loadsNote(first) });

    const focus = await coldLoads(browser, `${base}/?focus=${encodeURIComponent(hub.id)}`, runs);
    log(`viewer on ${label}: hub ${hub.name} (${hub.degree.toNumber()} relationships) laid out, ${focus.last.nodes} nodes, in ${Math.round(focus.drawn)} ms`);
    results.push({ measure: `viewer: hub layout, focus link on ${label}'s biggest hub "${hub.name}" (${hub.degree.toNumber().toLocaleString('en')} relationships; ${focus.last.nodes} nodes, ${focus.last.edges} edges drawn)`, ms: Math.round(focus.drawn), note: loadsNote(focus) });

    const page = await browser.context.newPage();
    await timeFirstDraw(page, `${base}/`);
    const frames = await panZoomFrames(page);
    await page.close();
    results.push({
      measure: `viewer: pan/zoom frame time p95, first picture of ${label}`,
      ms: Math.round(frames.p95 * 10) / 10,
      note: `${framesNote(frames)}, software rendering; load average ${loadavg()[0]!.toFixed(1)}`,
    });
  } finally {
    await browser.close();
    await app.close();
  }
  return results;
}
