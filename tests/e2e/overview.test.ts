// The viewer on a graph bigger than one picture: the home page draws an overview chosen on the
// server under the filters, and every entry point (search pick, path search, ?from=&to= link,
// focus link) draws its own subgraph instead of a dead end.
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticGraph } from '../bench/viewer.ts';
import { call, startApi, type TestApi } from '../support/api.ts';
import { clearDatabase } from '../support/neo4j.ts';
import { ensureViewerBuilt, launchBrowser, type Browser } from './browser.ts';

declare global {
  interface Window {
    __cy: Core | undefined;
  }
}

const POLL = { timeout: 30_000 };
const graph = syntheticGraph(600, 1200, 5);

let api: TestApi;
let browser: Browser;

async function open(path = '/'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(api.url + path);
  await page.waitForFunction(() => document.body.dataset.state !== 'loading', null, { timeout: 60_000 });
  return page;
}

const drawnIds = (page: Page) => page.evaluate(() => window.__cy!.nodes('[label]').map((n) => n.id()));
const drawnLabels = (page: Page) => page.evaluate(() => [...new Set(window.__cy!.nodes('[label]').map((n) => String(n.data('label'))))].sort());
const nameOf = (id: string) => graph.nodes.find((n) => n.id === id)!.name;

/** Entities the overview leaves out, the least connected first. */
async function notInOverview(page: Page, label: string): Promise<string[]> {
  const drawn = new Set(await drawnIds(page));
  const degree = new Map<string, number>();
  for (const r of graph.relationships) for (const end of [r.source, r.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  return graph.nodes
    .filter((n) => n.label === label && !drawn.has(n.id) && (degree.get(n.id) ?? 0) > 0)
    .sort((a, b) => (degree.get(a.id) ?? 0) - (degree.get(b.id) ?? 0))
    .map((n) => n.id);
}

beforeAll(async () => {
  await ensureViewerBuilt();
  api = await startApi({ bodyLimit: 64 * 1024 * 1024 });
  await clearDatabase(api.conn);
  const reply = await call(api, 'POST', '/api/articles', graph);
  expect(reply.status, JSON.stringify(reply.body).slice(0, 500)).toBeLessThan(300);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('viewer on a graph bigger than one picture', () => {
  it('opens on an overview of the best-connected entities, says what it shows, and counts what is drawn', async () => {
    const page = await open();
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('ready');
    const count = await page.evaluate(() => window.__cy!.nodes('[label]').length);
    expect(count).toBeGreaterThan(50);
    expect(count).toBeLessThan(graph.nodes.length);
    const banner = await page.locator('[data-testid=banner-text]').textContent();
    expect(banner).toMatch(new RegExp(`the ${count} best-connected of ${graph.nodes.length.toLocaleString('en')} entities`));
    // The best-connected hub of the generated graph is drawn.
    const degree = new Map<string, number>();
    for (const r of graph.relationships) for (const end of [r.source, r.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const hub = [...degree].sort((a, b) => b[1] - a[1])[0]![0];
    expect(await drawnIds(page)).toContain(hub);
    // Legend and footer count what is on screen.
    const people = await page.evaluate(() => window.__cy!.nodes('[label = "Person"]').length);
    expect(Number(await page.locator('[data-testid=filter-label-Person] ~ .filter-count').textContent())).toBe(people);
    const edges = await page.evaluate(() => window.__cy!.edges(':visible').length);
    expect(await page.locator('[data-testid=footer-counts]').textContent()).toContain(`On screen: ${count} nodes, ${edges} relationships`);
    await page.close();
  });

  it('applies a label filter on the server: hiding events brings more actors into the overview', async () => {
    const page = await open();
    const before = await page.evaluate(() => window.__cy!.nodes('[label]').length);
    expect(await drawnLabels(page)).toContain('Event');
    await page.uncheck('[data-testid=filter-label-Event]');
    await expect.poll(() => drawnLabels(page), POLL).not.toContain('Event');
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    // The room events took is filled by other entities, not left empty.
    expect(await page.evaluate(() => window.__cy!.nodes('[label]').length)).toBe(before);
    expect(new URL(page.url()).searchParams.get('hideLabels')).toBe('Event');
    expect(await page.locator('[data-testid=banner-text]').textContent()).toMatch(/matching entities/);
    await page.close();

    const reopened = await open('/?hideLabels=Event,Person');
    expect(await drawnLabels(reopened)).toEqual(['City', 'Company', 'Office', 'Organization']);
    await reopened.close();
  });

  it('a search pick outside the overview draws that entity with its neighbours', async () => {
    const page = await open();
    const id = (await notInOverview(page, 'Person'))[0]!;
    const name = nameOf(id);
    await page.keyboard.press('/');
    await page.keyboard.type(name);
    await page.locator('[data-testid=search-option]', { hasText: name }).first().click();
    await expect.poll(() => page.evaluate((x) => window.__cy!.getElementById(x).selected(), id), POLL).toBe(true);
    const neighbours = await page.evaluate((x) => window.__cy!.getElementById(x).neighborhood('node').length, id);
    expect(neighbours).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=details-title]').textContent()).toBe(name);
    expect(await page.locator('[data-testid=banner-text]').textContent()).toContain(`Showing ${name} and its neighbours`);
    expect(new URL(page.url()).searchParams.get('focus')).toBe(id);

    // And back.
    await page.locator('[data-testid=banner] button', { hasText: 'Back to overview' }).click();
    await expect.poll(() => page.locator('[data-testid=banner-text]').textContent(), POLL).toMatch(/^Overview/);
    expect(new URL(page.url()).searchParams.get('focus')).toBeNull();
    await page.close();
  });

  it('a path search between entities outside the overview draws the paths, and its link redraws them', async () => {
    const page = await open();
    const people = await notInOverview(page, 'Person');
    const [from, to] = [people[people.length - 1]!, people[people.length - 2]!];
    for (const [testid, id] of [['path-from', from], ['path-to', to]] as const) {
      await page.fill(`[data-testid=${testid}-input]`, nameOf(id));
      await page.locator(`[data-testid=${testid}-option]`, { hasText: nameOf(id) }).first().click();
    }
    await page.locator('[data-testid=path-hop]').first().waitFor(POLL);
    const drawn = () =>
      page.evaluate(
        ([a, b]) => {
          const cy = window.__cy!;
          return { ends: [a, b].map((x) => cy.getElementById(x!).hasClass('path-end')), pathEdges: cy.edges('.path').length, nodes: cy.nodes('[label]').length };
        },
        [from, to],
      );
    const shown = await drawn();
    expect(shown.ends).toEqual([true, true]);
    expect(shown.pathEdges).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=banner-text]').textContent()).toContain(`Showing the paths from ${nameOf(from)} to ${nameOf(to)}`);
    // Once the view has glided to the paths, their names read at 12 px or more, and each path has its own colour.
    await page.waitForFunction(() => !window.__cy!.animated());
    const look = await page.evaluate(() => {
      const cy = window.__cy!;
      return {
        fontPx: Math.min(...cy.nodes('.path').map((n) => parseFloat(n.style('font-size')) * cy.zoom())),
        colours: new Set(cy.edges('.path').map((e) => e.style('line-color'))).size,
      };
    });
    expect(look.fontPx).toBeGreaterThanOrEqual(12);
    const listed = await page.locator('[data-testid=path-item]').count();
    if (listed > 1) expect(look.colours).toBeGreaterThan(1);
    else expect(look.colours).toBe(1);
    const link = page.url();
    await page.close();

    const reopened = await open(link.slice(api.url.length));
    await expect
      .poll(() => reopened.evaluate(([a, b]) => [a, b].map((x) => window.__cy!.getElementById(x!).hasClass('path-end')), [from, to]), POLL)
      .toEqual([true, true]);
    await reopened.close();
  });

  it('a hub in focus has its neighbours on rings grouped by label, none on top of another', async () => {
    const degree = new Map<string, number>();
    for (const r of graph.relationships) for (const end of [r.source, r.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const hub = [...degree].sort((a, b) => b[1] - a[1])[0]![0];
    const page = await open(`/?focus=${encodeURIComponent(hub)}`);
    const placed = await page.evaluate((id) => {
      const cy = window.__cy!;
      const c = cy.getElementById(id).position();
      return cy
        .nodes('[label]')
        .not(cy.getElementById(id))
        .nodes()
        .map((n) => ({ label: String(n.data('label')), x: n.position('x') - c.x, y: n.position('y') - c.y }));
    }, hub);
    expect(placed.length).toBeGreaterThan(40);
    let closest = Infinity;
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) closest = Math.min(closest, Math.hypot(placed[i]!.x - placed[j]!.x, placed[i]!.y - placed[j]!.y));
    }
    expect(closest).toBeGreaterThan(40);
    // Read ring by ring, in order around the hub, each label comes as one run per ring (it may wrap to the next ring).
    const ringOf = (p: { x: number; y: number }) => Math.round(Math.hypot(p.x, p.y));
    const turn = (p: { x: number; y: number }) => (Math.atan2(p.x, -p.y) + 2 * Math.PI + 1e-9) % (2 * Math.PI);
    const order = [...placed].sort((a, b) => ringOf(a) - ringOf(b) || turn(a) - turn(b));
    const runs = order.filter((p, i) => i === 0 || p.label !== order[i - 1]!.label).length;
    expect(runs).toBe(new Set(placed.map((p) => p.label)).size);
    await page.close();
  });

  it('a focus link draws that entity and its neighbours', async () => {
    const page = await open();
    const id = (await notInOverview(page, 'Company'))[0]!;
    await page.close();
    const focused = await open(`/?focus=${encodeURIComponent(id)}`);
    expect(await focused.evaluate(() => document.body.dataset.state)).toBe('ready');
    const around = await focused.evaluate((x) => {
      const node = window.__cy!.getElementById(x);
      return { drawn: node.nonempty(), neighbours: node.neighborhood('node').length, others: window.__cy!.nodes('[label]').length - 1 };
    }, id);
    expect(around.drawn).toBe(true);
    expect(around.neighbours).toBe(around.others);
    await focused.close();
  });
});
