// The viewer end to end: the real API (in-process, on the test Neo4j) serving the built viewer,
// driven in headless Chromium the way an analyst would use it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core, NodeSingular } from 'cytoscape';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startApi, type TestApi } from '../support/api.ts';
import { clearDatabase } from '../support/neo4j.ts';
import { ensureViewerBuilt, launchBrowser, type Browser } from './browser.ts';

declare global {
  interface Window {
    __cy: Core | undefined;
  }
}

const SEED_DIR = fileURLToPath(new URL('../../seed/articles/', import.meta.url));
const seedFiles = readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt'));
const seedText = seedFiles.map((f) => readFileSync(join(SEED_DIR, f), 'utf8')).join('\n');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The machine is shared and slow at times: wait for what the page does, generously. */
const POLL = { timeout: 20_000 };

let api: TestApi;
let browser: Browser;
let seedTitle = '';

async function open(path = '/'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(api.url + path);
  await page.waitForFunction(() => document.body.dataset.state !== 'loading', null, { timeout: 30_000 });
  return page;
}

const idOf = (page: Page, name: string) =>
  page.evaluate((n) => window.__cy!.nodes().filter((x) => x.data('name') === n).first().id() || null, name);

const visibleNames = (page: Page) =>
  page.evaluate(() =>
    window
      .__cy!.nodes('[label]:visible')
      .map((n) => String(n.data('name'))),
  );

async function pointAt(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const cy = window.__cy!;
    const p = cy.getElementById(nodeId).renderedPosition();
    const box = cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

async function choose(page: Page, testid: string, query: string, name: string): Promise<void> {
  await page.fill(`[data-testid=${testid}-input]`, query);
  await page.locator(`[data-testid=${testid}-option]`, { hasText: name }).first().click();
}

beforeAll(async () => {
  await ensureViewerBuilt();
  api = await startApi();
  await clearDatabase(api.conn);
  for (const file of seedFiles) {
    const reply = await call(api, 'POST', `/api/articles?file=${encodeURIComponent(file)}`, readFileSync(join(SEED_DIR, file), 'utf8'));
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    seedTitle = reply.body.articles[0].title;
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('viewer on the seed graph', () => {
  it('draws the seed graph with its actors, laid out without overlapping labels', async () => {
    const page = await open();
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('ready');
    const names = await visibleNames(page);
    for (const actor of ['Lyu Zhicheng', 'Adora Cruises', 'Shenyang', 'Sasebo']) expect(names).toContain(actor);

    const layout = await page.evaluate(() => {
      const cy = window.__cy!;
      const nodes = cy.nodes('[label]:visible');
      const ext = cy.extent();
      const boxes = nodes.map((n) => n.boundingBox({ includeLabels: true, includeOverlays: false }));
      let overlaps = 0;
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
        }
      }
      const inView = nodes.filter((n) => {
        const p = n.position();
        return p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
      }).length;
      return { count: nodes.length, inView, overlaps, zoom: cy.zoom() };
    });
    expect(layout.inView).toBe(layout.count);
    expect(layout.overlaps).toBe(0);
    // The legend counts what is drawn.
    expect(Number(await page.locator('[data-testid=filter-label-Company] ~ .filter-count').textContent())).toBeGreaterThan(0);
    await page.close();
  });

  it('search selects Adora Cruises and shows it in the details panel', async () => {
    const page = await open();
    await page.keyboard.press('/');
    await page.keyboard.type('Adora');
    await page.locator('[data-testid=search-option]', { hasText: 'Adora Cruises' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=details-title]', { hasText: 'Adora Cruises' }).waitFor();
    const selected = await page.evaluate(() => window.__cy!.$('node:selected').map((n) => n.data('name')));
    expect(selected).toEqual(['Adora Cruises']);
    expect(new URL(page.url()).searchParams.get('sel')).toBe(await idOf(page, 'Adora Cruises'));
    await page.close();
  });

  it('search puts the exact name first, corrects a typo, and can search one label only', async () => {
    const page = await open();
    const options = () => page.locator('[data-testid=search-option] .picker-name').allTextContents();
    const labels = () => page.locator('[data-testid=search-option] .picker-label').allTextContents();
    await page.fill('[data-testid=search-input]', 'Shenyang');
    await expect.poll(async () => (await options())[0], POLL).toBe('Shenyang');
    await page.fill('[data-testid=search-input]', 'Shenyng');
    await expect.poll(async () => (await options())[0], POLL).toBe('Shenyang');

    await page.selectOption('[data-testid=search-label]', 'Person');
    await page.fill('[data-testid=search-input]', 'Lyu');
    await expect.poll(async () => (await options()).includes('Lyu Zhicheng'), POLL).toBe(true);
    expect(new Set(await labels())).toEqual(new Set(['Person']));
    await page.selectOption('[data-testid=search-label]', 'City');
    await page.fill('[data-testid=search-input]', 'Shenyang');
    await expect.poll(async () => new Set(await labels()), POLL).toEqual(new Set(['City']));
    await page.close();
  });

  it('hides a single node until asked to show it again, and pins one through a re-layout', async () => {
    const page = await open();
    const adora = (await idOf(page, 'Adora Cruises'))!;
    const drawnNodes = () => page.evaluate(() => window.__cy!.nodes(':visible').length);
    const before = await drawnNodes();
    await choose(page, 'search', 'Adora', 'Adora Cruises');
    await page.locator('[data-testid=details-title]', { hasText: 'Adora Cruises' }).waitFor();
    await page.click('[data-testid=hide]');
    await expect.poll(() => page.evaluate((id) => window.__cy!.getElementById(id).visible(), adora), POLL).toBe(false);
    expect(await drawnNodes()).toBe(before - 1);
    expect(await page.locator('[data-testid=footer-counts]').textContent()).toContain(`On screen: ${before - 1} nodes`);
    // A filter change does not bring it back; "Show hidden" does.
    await page.uncheck('[data-testid=filter-label-Event]');
    await page.check('[data-testid=filter-label-Event]');
    expect(await page.evaluate((id) => window.__cy!.getElementById(id).visible(), adora)).toBe(false);
    await page.click('[data-testid=show-hidden]');
    await expect.poll(() => page.evaluate((id) => window.__cy!.getElementById(id).visible(), adora), POLL).toBe(true);
    expect(await page.locator('[data-testid=show-hidden]').isHidden()).toBe(true);

    const lyu = (await idOf(page, 'Lyu Zhicheng'))!;
    await choose(page, 'search', 'Lyu', 'Lyu Zhicheng');
    await page.locator('[data-testid=details-title]', { hasText: 'Lyu Zhicheng' }).waitFor();
    await page.click('[data-testid=pin]');
    const pinnedAt = await page.evaluate((id) => ({ ...window.__cy!.getElementById(id).position() }), lyu);
    await page.click('#relayout');
    await page.waitForTimeout(300);
    expect(await page.evaluate((id) => ({ ...window.__cy!.getElementById(id).position() }), lyu)).toEqual(pinnedAt);
    expect(await page.locator('[data-testid=pin]').textContent()).toBe('Unpin');
    await page.close();
  });

  it('finds a path from Lyu Zhicheng to Adora Cruises in one request, highlights it, and a reloaded link restores it', async () => {
    const page = await open();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await choose(page, 'path-from', 'Lyu', 'Lyu Zhicheng');
    await choose(page, 'path-to', 'Adora', 'Adora Cruises');
    await page.locator('[data-testid=path-hop]').first().waitFor();
    // Every hop lists its source articles by title, from the one answer: no request per article.
    await expect.poll(() => page.locator('[data-testid=path-hop] [data-testid=path-source]').first().textContent(), POLL).toContain(seedTitle);
    expect(requests.filter((path) => path === '/api/paths')).toHaveLength(1);
    expect(requests.filter((path) => path.startsWith('/api/articles'))).toEqual([]);
    expect(await page.locator('[data-testid=path-summary]').textContent()).toMatch(/from Lyu Zhicheng to Adora Cruises/);

    const highlighted = () =>
      page.evaluate(() => {
        const cy = window.__cy!;
        return {
          nodes: cy.nodes('.path').map((n) => n.data('name') as string).sort(),
          edges: cy.edges('.path').length,
          faded: cy.nodes('.faded').length,
          others: cy.nodes('[label]').not('.path').length,
        };
      });
    const first = await highlighted();
    expect(first.nodes).toContain('Lyu Zhicheng');
    expect(first.nodes).toContain('Adora Cruises');
    expect(first.edges).toBeGreaterThanOrEqual(first.nodes.length - 1);
    expect(first.faded).toBe(first.others);
    const hops = await page.locator('[data-testid=path-hop]').count();
    expect(hops).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.locator('[data-testid=path-hop] [data-testid=evidence]').count(), POLL).toBeGreaterThan(0);

    // Clicking a node on the path shows its evidence in view, not below the listed paths.
    const lyu = (await idOf(page, 'Lyu Zhicheng'))!;
    await page.waitForFunction(() => !window.__cy!.animated());
    const at = await pointAt(page, lyu);
    await page.mouse.click(at.x, at.y);
    const title = page.locator('[data-testid=details-title]', { hasText: 'Lyu Zhicheng' });
    await title.waitFor();
    const box = (await title.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);

    const summary = (p: Page) => p.locator('[data-testid=path-summary]').textContent().then((t) => /shortest (\d+) hop/.exec(t ?? '')?.[1]);
    const shortest = await summary(page);
    expect(shortest).toBeTruthy();
    const link = page.url();
    expect(new URL(link).searchParams.get('from')).toBe(await idOf(page, 'Lyu Zhicheng'));
    await page.close();

    const reopened = await open(link.slice(api.url.length));
    await reopened.locator('[data-testid=path-hop]').first().waitFor();
    // The same question is asked again: same ends, same shortest length (how many alternative
    // paths come back may vary with the server's time budget).
    const ends = await reopened.evaluate(() => window.__cy!.nodes('.path-end').map((n) => n.data('name') as string).sort());
    expect(ends).toEqual(['Adora Cruises', 'Lyu Zhicheng']);
    expect(await summary(reopened)).toBe(shortest);
    expect(await reopened.evaluate(() => window.__cy!.edges('.path').length)).toBeGreaterThanOrEqual(Number(shortest));
    expect(await reopened.inputValue('[data-testid=path-from-input]')).toBe('Lyu Zhicheng');
    expect(await reopened.inputValue('[data-testid=path-to-input]')).toBe('Adora Cruises');
    await reopened.close();
  });

  it('shows the exchanges between two cities per year and item by item, each dated', async () => {
    const page = await open();
    await choose(page, 'pair-a', 'Shenyang', 'Shenyang');
    await choose(page, 'pair-b', 'Sasebo', 'Sasebo');
    await page.locator('[data-testid=pair-item]').first().waitFor(POLL);
    const items = await page.locator('[data-testid=pair-item]').count();
    const dates = await page.locator('[data-testid=pair-date]').allTextContents();
    expect(items).toBeGreaterThanOrEqual(2);
    // Twinned in 2011 (the seed says so) and the exchange day of March 2024, each on its own line, in date order.
    expect(dates).toContain('2011');
    expect(dates).toContain('25 Mar 2024');
    expect(dates.indexOf('2011')).toBeLessThan(dates.indexOf('25 Mar 2024'));
    // One bar per year with exchanges; the bars add up to the dated items.
    const bars = await page.locator('[data-testid=pair-bar]').evaluateAll((els) => els.map((e) => ({ year: Number(e.getAttribute('data-year')), count: Number(e.getAttribute('data-count')) })));
    expect(bars.map((b) => b.year)).toEqual(expect.arrayContaining([2011, 2024]));
    expect(bars.reduce((sum, b) => sum + b.count, 0)).toBe(dates.filter((d) => d !== 'undated').length);
    for (const sentence of await page.locator('[data-testid=pair-result] [data-testid=evidence]').allTextContents()) expect(squash(seedText)).toContain(squash(sentence));
    await page.close();

    const sasebo = (await call(api, 'GET', '/api/entities?q=Sasebo&label=City')).body.results[0].id;
    expect((await call(api, 'GET', `/api/exchanges?a=${sasebo}`)).status).toBe(400);
    const unknown = await call(api, 'GET', `/api/exchanges?a=${sasebo}&b=city:nowhere`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('city:nowhere');
  });

  it('says so when there is no path within the chosen number of hops', async () => {
    const page = await open();
    await page.selectOption('[data-testid=path-hops]', '1');
    await choose(page, 'path-from', 'Lyu', 'Lyu Zhicheng');
    await choose(page, 'path-to', 'Adora', 'Adora Cruises');
    await expect.poll(() => page.locator('[data-testid=path-empty]').textContent(), POLL).toMatch(/No path within 1 hop between Lyu Zhicheng and Adora Cruises/);
    expect(await page.evaluate(() => window.__cy!.nodes('.faded').length)).toBe(0);
    await page.close();
  });

  it('a label filter hides Companies without reloading, and ticking it again brings them back', async () => {
    const page = await open();
    const companies = () =>
      page.evaluate(() => {
        const nodes = window.__cy!.nodes('[label = "Company"]');
        return { total: nodes.length, visible: nodes.filter(':visible').length, others: window.__cy!.nodes(':visible').not('[label = "Company"]').filter('[label]').length };
      });
    const before = await companies();
    expect(before.total).toBeGreaterThan(0);
    expect(before.visible).toBe(before.total);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

    await page.uncheck('[data-testid=filter-label-Company]');
    const hidden = await companies();
    expect(hidden.visible).toBe(0);
    expect(hidden.others).toBe(before.others);
    expect(new URL(page.url()).searchParams.get('hideLabels')).toBe('Company');
    // The summary and the footer count what is drawn, not what is loaded.
    expect(await page.locator('[data-testid=graph-summary]').textContent()).not.toMatch(/compan/i);
    const drawnNodes = await page.evaluate(() => window.__cy!.nodes(':visible').length);
    expect(await page.locator('[data-testid=footer-counts]').textContent()).toContain(`On screen: ${drawnNodes} nodes`);
    // Same document: the filter did not reload the page.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

    await page.check('[data-testid=filter-label-Company]');
    expect((await companies()).visible).toBe(before.total);
    await page.close();
  });

  it('the details panel shows the evidence sentence and source article of a relationship', async () => {
    const page = await open();
    const id = await idOf(page, 'Lyu Zhicheng');
    expect(id).toBeTruthy();
    const at = await pointAt(page, id!);
    await page.mouse.click(at.x, at.y);
    await page.locator('[data-testid=details-title]', { hasText: 'Lyu Zhicheng' }).waitFor();
    const evidence = await page.locator('[data-testid=details] [data-testid=evidence]').allTextContents();
    expect(evidence.length).toBeGreaterThan(0);
    for (const sentence of evidence) expect(squash(seedText)).toContain(squash(sentence));
    await expect.poll(() => page.locator('[data-testid=details] [data-testid=source]').first().textContent(), POLL).toContain(seedTitle);
    await page.close();
  });

  it('expands a node incrementally without moving what is placed, and collapses it again', async () => {
    const page = await open();
    const adora = (await idOf(page, 'Adora Cruises'))!;
    await page.close();

    const focused = await open(`/?focus=${encodeURIComponent(adora)}`);
    const snapshot = () => focused.evaluate(() => Object.fromEntries(window.__cy!.nodes('[label]').map((n) => [n.id(), { ...n.position() }])));
    const before = await snapshot();
    const neighbour = await focused.evaluate((id) => window.__cy!.getElementById(id).neighborhood().nodes().first().id(), adora);
    const at = await pointAt(focused, neighbour);
    await focused.mouse.dblclick(at.x, at.y);
    await expect.poll(async () => Object.keys(await snapshot()).length, POLL).toBeGreaterThan(Object.keys(before).length);
    const after = await snapshot();
    for (const [id, pos] of Object.entries(before)) expect(after[id]).toEqual(pos);
    expect(new URL(focused.url()).searchParams.get('expand')).toBe(neighbour);

    // The view glides to show the new neighbours; aim once it has stopped.
    await focused.waitForFunction(() => !window.__cy!.animated());
    const again = await pointAt(focused, neighbour);
    await focused.mouse.dblclick(again.x, again.y);
    await expect.poll(async () => Object.keys(await snapshot()).sort(), POLL).toEqual(Object.keys(before).sort());
    await focused.close();
  });

  it('map view places cities by their coordinates; timeline orders events by date; the date slider filters them', async () => {
    const page = await open();
    await page.click('[data-testid=view-geo]');
    const map = await page.evaluate(() =>
      window
        .__cy!.nodes('[label]:visible')
        .map((n) => ({ label: n.data('label'), lon: n.data('lon'), lat: n.data('lat'), x: n.position('x'), y: n.position('y') })),
    );
    expect(map.length).toBeGreaterThan(1);
    expect(new Set(map.map((c) => c.label))).toEqual(new Set(['City']));
    const byLon = [...map].sort((a, b) => a.lon - b.lon);
    expect(byLon[0]!.x).toBeLessThan(byLon[byLon.length - 1]!.x);
    const byLat = [...map].sort((a, b) => a.lat - b.lat);
    expect(byLat[0]!.y).toBeGreaterThan(byLat[byLat.length - 1]!.y);
    expect(new URL(page.url()).searchParams.get('view')).toBe('geo');

    await page.close();

    // Two dated events of our own, so the order on the axis is known whatever the seed yields.
    const reply = await call(api, 'POST', '/api/articles', {
      articles: [{ id: 'e2e-timeline-article', title: 'Timeline fixture' }],
      nodes: [
        { id: 'event:e2e-later', label: 'Event', name: 'Later Friendship Forum', aliases: [], properties: { date: '2022-11', kind: 'forum' } },
        { id: 'event:e2e-earlier', label: 'Event', name: 'Earlier Youth Exchange', aliases: [], properties: { date: '2019-05-02', kind: 'exchange' } },
        { id: 'person:e2e-delegate', label: 'Person', name: 'Delegate Testperson', aliases: [], properties: {} },
      ],
      relationships: [
        { type: 'PARTICIPATED_IN', source: 'person:e2e-delegate', target: 'event:e2e-later', properties: { role: 'speaker' }, sources: ['e2e-timeline-article'], evidence: ['Delegate Testperson spoke at the Later Friendship Forum.'] },
        { type: 'PARTICIPATED_IN', source: 'person:e2e-delegate', target: 'event:e2e-earlier', properties: { role: 'attendee' }, sources: ['e2e-timeline-article'], evidence: ['Delegate Testperson attended the Earlier Youth Exchange.'] },
      ],
    });
    expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
    const timeline = await open('/?view=timeline');
    const events = await timeline.evaluate(() =>
      window
        .__cy!.nodes('[label = "Event"]:visible')
        .map((n) => ({ date: String(n.data('date')), x: n.position('x') }))
        .sort((a, b) => a.x - b.x),
    );
    expect(events.length).toBeGreaterThanOrEqual(2);
    const dates = events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    // The participant sits between its two events; entities without a dated event (taken part in, or a visit or meeting belongs to) are not drawn.
    const placed = await timeline.evaluate(() => {
      const cy = window.__cy!;
      const x = (id: string) => cy.getElementById(id).position('x');
      const dated = (n: NodeSingular) => n.neighborhood('[label = "Event"][date]').nonempty() || n.connectedEdges('[event]').some((e) => Boolean(cy.getElementById(String(e.data('event'))).data('date')));
      return { earlier: x('event:e2e-earlier'), later: x('event:e2e-later'), delegate: x('person:e2e-delegate'), undated: cy.nodes('[label][^date]:visible').filter((n) => !dated(n as NodeSingular)).length };
    });
    expect(placed.delegate).toBeGreaterThan(placed.earlier);
    expect(placed.delegate).toBeLessThan(placed.later);
    expect(placed.undated).toBe(0);

    // The date range slider over the events hides what happened before the chosen month.
    await timeline.locator('[data-testid=date-since]').fill(String(2020 * 12));
    await expect.poll(() => timeline.evaluate(() => window.__cy!.getElementById('event:e2e-earlier').visible()), POLL).toBe(false);
    expect(await timeline.evaluate(() => window.__cy!.getElementById('event:e2e-later').visible())).toBe(true);
    expect(new URL(timeline.url()).searchParams.get('since')).toBe('2020-01');
    expect(await timeline.locator('[data-testid=date-readout]').textContent()).toMatch(/^Jan 2020 – /);
    await timeline.close();
  });

  it('exports PNG and JSON of what is on screen', async () => {
    const page = await open();
    await page.uncheck('[data-testid=filter-label-Company]');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-png]')]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const pngBytes = readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    // Title above and legend below the graph: the image is taller than the graph drawn at 2x.
    const graphBox = (await page.locator('[data-testid=graph]').boundingBox())!;
    expect(Math.abs(pngBytes.readUInt32BE(16) - graphBox.width * 2)).toBeLessThanOrEqual(2);
    expect(pngBytes.readUInt32BE(20)).toBeGreaterThan(Math.round(graphBox.height) * 2 + 100);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
    const exported = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    const visible = await page.evaluate(() => window.__cy!.nodes('[label]:visible').length);
    expect(exported.elements.nodes).toHaveLength(visible);
    expect(exported.elements.nodes.some((n: { data: { label: string } }) => n.data.label === 'Company')).toBe(false);
    await page.close();
  });

  it('exports an evidence report: each relationship on screen with its sentences and source articles', async () => {
    const page = await open();
    await page.uncheck('[data-testid=filter-label-Company]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-report]')]);
    expect(download.suggestedFilename()).toMatch(/\.html$/);
    const html = readFileSync((await download.path())!, 'utf8');
    const visibleEdges = await page.evaluate(() => window.__cy!.edges(':visible').length);
    const onScreenSentences = await page.evaluate(() => window.__cy!.edges(':visible').map((e) => e.data('evidence') as string[]).flat());
    await page.close();

    // Read it as a browser would, from the file alone.
    const report = await browser.context.newPage();
    await report.setContent(html);
    expect(await report.locator('h1').textContent()).toMatch(/evidence report/i);
    expect(await report.locator('.rel').count()).toBe(visibleEdges);
    const sentences = await report.locator('.rel blockquote').allTextContents();
    expect(sentences.length).toBeGreaterThan(0);
    expect([...sentences].sort()).toEqual([...onScreenSentences].sort());
    expect(sentences.filter((sentence) => squash(seedText).includes(squash(sentence))).length).toBeGreaterThan(0);
    // Every source line names its article by title.
    const titles: string[] = (await call(api, 'GET', '/api/articles?limit=100')).body.articles.map((a: { title: string }) => a.title);
    const sourceLines = await report.locator('.sources li').allTextContents();
    expect(sourceLines.length).toBeGreaterThan(0);
    for (const line of sourceLines) expect(titles.some((t) => line.includes(t)), line).toBe(true);
    // Hidden companies stay out of the report.
    expect(await report.locator('.rel-head', { hasText: 'Adora Cruises' }).count()).toBe(0);
    await report.close();
  });

  it('says "API unreachable" when the API does not answer', async () => {
    const page = await browser.context.newPage();
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.goto(api.url + '/');
    await page.waitForFunction(() => document.body.dataset.state === 'error');
    expect(await page.locator('[data-testid=status-title]').textContent()).toBe('API unreachable');
    await page.close();
  });

  it('renders untrusted article text as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">Evil <b>Corp</b>';
    const sentence = 'The <script>window.__pwned=2</script> delegation met <img src=y onerror="window.__pwned=3"> officials.';
    const reply = await call(api, 'POST', '/api/articles', {
      articles: [{ id: 'e2e-hostile-article', title: '<i>hostile</i> title' }],
      nodes: [
        { id: 'company:e2e-hostile', label: 'Company', name: hostile, aliases: [], properties: {} },
        { id: 'city:e2e-hostile-city', label: 'City', name: 'Hostileton', aliases: [], properties: {} },
      ],
      relationships: [{ type: 'LOCATED_IN', source: 'company:e2e-hostile', target: 'city:e2e-hostile-city', properties: {}, sources: ['e2e-hostile-article'], evidence: [sentence] }],
    });
    expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
    const page = await open();
    await page.keyboard.press('/');
    await page.keyboard.type('Evil');
    await page.locator('[data-testid=search-option]', { hasText: 'Evil' }).first().click();
    await page.locator('[data-testid=details] [data-testid=evidence]').first().waitFor();
    expect(await page.locator('[data-testid=details-title]').textContent()).toBe(hostile);
    expect(await page.locator('[data-testid=details] [data-testid=evidence]').first().textContent()).toBe(sentence);
    expect(await page.locator('[data-testid=details] img, [data-testid=details] script, [data-testid=search] img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  // Last: it empties the database.
  it('says the graph is empty when nothing has been ingested', async () => {
    await clearDatabase(api.conn);
    const page = await open();
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('empty');
    expect(await page.locator('[data-testid=status-title]').textContent()).toBe('The graph is empty');
    expect(await page.locator('[data-testid=status-text]').textContent()).toMatch(/npm run ingest/);
    await page.close();
  });
});
