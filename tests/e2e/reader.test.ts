// The article reader and the "expand by type (count)" menu in a real Chromium against the real API
// and Neo4j: an evidence item or a source link opens the stored text with the sentence highlighted
// and in view (also for an article without a URL); a node's menu shows the server's counts and a
// click draws exactly those neighbours, a page at a time.
import { readFileSync } from 'node:fs';
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { call, startApi, type TestApi } from '../support/api.ts';
import { clearDatabase } from '../support/neo4j.ts';
import { ensureViewerBuilt, launchBrowser, type Browser } from './browser.ts';

declare global {
  interface Window {
    __cy: Core | undefined;
  }
}

const SEED = readFileSync(new URL('../../seed/articles/shenyang-sasebo-mayor-exchange-day.txt', import.meta.url), 'utf8');

/** A hub city with 120 sister cities and 4 office holders, reached from one of them. */
const SISTERS = 120;
const HUB: GraphDocument = {
  articles: [{ id: 'hub-news', title: 'Hubville and its friends', url: 'https://example.org/hubville', text: 'Hubville has 120 sister cities.\n\nFour people run Hubville.' }],
  nodes: [
    { id: 'city:hubville', label: 'City', name: 'Hubville', aliases: [], properties: {} },
    ...Array.from({ length: SISTERS }, (_, i) => ({ id: `city:sister-${i}`, label: 'City' as const, name: `Sister ${i}`, aliases: [], properties: {} })),
    ...['Ana', 'Ben', 'Cai', 'Dov'].map((n) => ({ id: `person:${n.toLowerCase()}-hubville`, label: 'Person' as const, name: `${n} Hubville`, aliases: [], properties: {} })),
  ],
  relationships: [
    ...Array.from({ length: SISTERS }, (_, i) => ({ type: 'SISTER_CITY_OF' as const, source: 'city:hubville', target: `city:sister-${i}`, properties: {}, sources: [], evidence: ['Hubville has 120 sister cities.'] })),
    ...['ana', 'ben', 'cai', 'dov'].map((n) => ({ type: 'HOLDS_POSITION' as const, source: `person:${n}-hubville`, target: 'city:hubville', properties: { title: 'Councillor' }, sources: [], evidence: ['Four people run Hubville.'] })),
  ],
};

let api: TestApi;
let browser: Browser;
let seedId: string;
let sasebo: string;

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(api.url + path);
  await page.waitForFunction(() => document.body.dataset.state !== 'loading', null, { timeout: 60_000 });
  return page;
}

/** Whether the element's box lies inside both the window and the reader's scrolling body. */
const inView = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel)!.getBoundingClientRect();
    const box = document.querySelector('[data-testid=reader-body]')!.getBoundingClientRect();
    return el.height > 0 && el.top >= Math.max(0, box.top) && el.bottom <= Math.min(window.innerHeight, box.bottom);
  }, selector);

const squeezed = (s: string | null) => (s ?? '').replace(/\s+/g, '').toLowerCase();

beforeAll(async () => {
  await ensureViewerBuilt();
  api = await startApi();
  await clearDatabase(api.conn);
  const seed = await call(api, 'POST', '/api/articles', SEED);
  expect(seed.status).toBe(201);
  seedId = seed.body.articles[0].id;
  expect((await call(api, 'POST', '/api/articles', HUB)).status).toBe(201);
  sasebo = (await call(api, 'GET', '/api/entities?q=Sasebo&label=City')).body.results[0].id;
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('article reader', () => {
  it('opens from an evidence item with the sentence highlighted and in view, for an article without URL', async () => {
    const page = await open(`/?focus=${encodeURIComponent(sasebo)}&sel=${encodeURIComponent(sasebo)}`);
    await page.locator('[data-testid=details-title]', { hasText: 'Sasebo' }).waitFor();
    // the last evidence item of the list: its sentence stands deep in the article
    const items = page.locator('[data-testid=details] [data-testid=evidence].readable');
    await items.first().waitFor();
    const item = items.last();
    const sentence = await item.textContent();
    await item.click();
    const focus = page.locator('[data-testid=reader] [data-testid=passage-focus]').first();
    await focus.waitFor({ timeout: 15_000 });
    expect(squeezed(await focus.textContent())).toBe(squeezed(sentence));
    expect(await inView(page, '[data-testid=reader] [data-testid=passage-focus]')).toBe(true);
    expect(await page.locator('[data-testid=reader-title]').textContent()).toContain('Hello, Shenyang');
    expect(await page.locator('[data-testid=reader-no-url]').isVisible()).toBe(true);
    // the whole stored text is there, other evidence sentences highlighted too
    expect(await page.locator('[data-testid=reader-text]').textContent()).toContain('Former Sasebo Mayor Tomonaga Norio has led a delegation');
    expect(await page.locator('[data-testid=reader] [data-testid=passage]').count()).toBeGreaterThan(2);
    // "previous" brings the highlight before the opened one into view
    await page.evaluate(() => {
      const marks = [...document.querySelectorAll('[data-testid=reader] mark.passage')];
      const at = marks.findIndex((m) => m.classList.contains('focus'));
      marks[(at - 1 + marks.length) % marks.length]!.id = 'previous-mark';
    });
    await page.locator('[data-testid=reader-previous]').click();
    await expect.poll(() => inView(page, '#previous-mark'), { timeout: 5_000 }).toBe(true);
    // the address bar names the article; Esc closes the reader and keeps the selection
    expect(new URL(page.url()).searchParams.get('read')).toBe(seedId);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=reader]').waitFor({ state: 'hidden' });
    expect(new URL(page.url()).searchParams.get('read')).toBeNull();
    expect(new URL(page.url()).searchParams.get('sel')).toBe(sasebo);
    await page.close();
  });

  it('opens from a source link and from a ?read= link (the report’s)', async () => {
    const page = await open(`/?focus=city:hubville&sel=city:hubville`);
    await page.locator('[data-testid=details-title]', { hasText: 'Hubville' }).waitFor();
    const source = page.locator('[data-testid=details] [data-testid=source-read]', { hasText: 'Hubville and its friends' }).first();
    await source.click();
    await page.locator('[data-testid=reader-title]', { hasText: 'Hubville and its friends' }).waitFor();
    expect(await page.locator('[data-testid=reader] [data-testid=passage-focus]').first().textContent()).toMatch(/Hubville has 120 sister cities\.|Four people run Hubville\./);
    expect(await page.locator('[data-testid=reader-no-url]').count()).toBe(0);
    await page.close();

    const linked = await open(`/?read=${seedId}`);
    await linked.locator('[data-testid=reader-title]', { hasText: 'Hello, Shenyang' }).waitFor({ timeout: 15_000 });
    expect(await linked.locator('[data-testid=reader-text]').textContent()).toContain('Miyajima Daisuke, Mayor of Sasebo City');
    await linked.close();
  });

  it('shows untrusted article text as text, never as HTML', async () => {
    const text = 'The <script>window.__pwned=1</script> delegation met <img src=x onerror="window.__pwned=2"> officials in Hubville.';
    const doc: GraphDocument = {
      articles: [{ id: 'hostile-text', title: '<i>Hostile</i> page', text }],
      nodes: HUB.nodes.slice(0, 2),
      relationships: [{ type: 'SISTER_CITY_OF', source: 'city:hubville', target: 'city:sister-0', properties: {}, sources: [], evidence: [text] }],
    };
    expect((await call(api, 'POST', '/api/articles', doc)).status).toBe(201);
    const page = await open('/?read=hostile-text');
    await page.locator('[data-testid=reader-text]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid=reader-text]').textContent()).toBe(text);
    expect(await page.locator('[data-testid=reader-title]').textContent()).toBe('<i>Hostile</i> page');
    expect(await page.locator('[data-testid=reader] img, [data-testid=reader] script, [data-testid=reader] i').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });
});

describe('expand by type (count)', () => {
  it('shows the server’s counts and draws exactly the neighbours of the type clicked, a page at a time', async () => {
    const page = await open('/?focus=person:ana-hubville&sel=city:hubville');
    await page.locator('[data-testid=details-title]', { hasText: 'Hubville' }).waitFor();
    const counts = (await call(api, 'GET', '/api/entities/city:hubville/neighbors/counts')).body;
    const menu = page.locator('[data-testid=expand-menu]');
    await menu.locator('[data-testid=expand-label]').first().waitFor();
    const shown = async (testid: string) =>
      menu.locator(`[data-testid=${testid}]`).evaluateAll((buttons) => buttons.map((b) => ({ key: (b as HTMLElement).dataset.key, count: Number((b as HTMLElement).dataset.count) })));
    expect(await shown('expand-label')).toEqual(counts.labels.map((l: { label: string; count: number }) => ({ key: l.label, count: l.count })));
    expect(await shown('expand-type')).toEqual(counts.types.map((t: { type: string; count: number }) => ({ key: t.type, count: t.count })));
    expect(counts.labels).toEqual([
      { label: 'City', count: SISTERS },
      { label: 'Person', count: 4 },
    ]);

    const before = new Set(await page.evaluate(() => window.__cy!.nodes('[label]').map((n) => n.id())));
    await menu.locator('[data-testid=expand-type][data-key=SISTER_CITY_OF]').click();
    const note = page.locator('[data-testid=expand-note]');
    await note.filter({ hasText: `Showing 50 of Hubville's ${SISTERS} neighbours through “sister city of”.` }).waitFor();
    const added = async () => {
      const nodes = await page.evaluate(() => window.__cy!.nodes('[label]').map((n) => ({ id: n.id(), label: String(n.data('label')) })));
      return nodes.filter((n) => !before.has(n.id));
    };
    let fresh = await added();
    expect(fresh).toHaveLength(50);
    expect(fresh.every((n) => n.id.startsWith('city:sister-'))).toBe(true);
    const newEdgeTypes = await page.evaluate((ids) => [...new Set(window.__cy!.nodes().filter((n) => ids.includes(n.id())).connectedEdges().map((e) => String(e.data('type'))))], fresh.map((n) => n.id));
    expect(newEdgeTypes).toEqual(['SISTER_CITY_OF']);

    await note.locator('[data-testid=expand-more]').click();
    await note.filter({ hasText: `Showing 100 of Hubville's ${SISTERS}` }).waitFor();
    fresh = await added();
    expect(fresh).toHaveLength(100);
    expect(fresh.every((n) => n.label === 'City')).toBe(true);

    // a label: the people only (Ana, the focus, was drawn already)
    await menu.locator('[data-testid=expand-label][data-key=Person]').click();
    await note.filter({ hasText: "Showing 4 of Hubville's 4 people." }).waitFor();
    const people = (await added()).filter((n) => n.label !== 'City');
    expect(people.map((n) => n.id).sort()).toEqual(['person:ben-hubville', 'person:cai-hubville', 'person:dov-hubville']);
    expect((await added()).length).toBe(103);
    await page.close();
  });
});
