// The map and timeline views in a real browser: cities at their real coordinates over the country
// shapes, nearby cities grouped until the analyst zooms in, sister-city lines as arcs; a timeline
// of a hundred events whose names read at a normal size once fitted.
import { readFileSync } from 'node:fs';
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { call, startApi, type TestApi } from '../support/api.ts';
import { clearDatabase } from '../support/neo4j.ts';
import { ensureViewerBuilt, launchBrowser, type Browser } from './browser.ts';

interface MapHandle {
  countryAt(x: number, y: number): string | null;
  groupOf(id: string): string[];
}

declare global {
  interface Window {
    __cy: Core | undefined;
    __map: MapHandle | undefined;
  }
}

const POLL = { timeout: 20_000 };
const ARTICLE = 'e2e-views-article';

const CITIES: [string, string, string, number, number][] = [
  ['city:e2e-shanghai', 'Shanghai', 'CN', 31.2304, 121.4737],
  ['city:e2e-suzhou', 'Suzhou', 'CN', 31.299, 120.5853],
  ['city:e2e-busan', 'Busan', 'KR', 35.1796, 129.0756],
  ['city:e2e-los-angeles', 'Los Angeles', 'US', 34.0522, -118.2437],
  ['city:e2e-rotterdam', 'Rotterdam', 'NL', 51.9225, 4.4792],
];
const SISTERS: [string, string][] = [
  ['city:e2e-shanghai', 'city:e2e-busan'],
  ['city:e2e-shanghai', 'city:e2e-los-angeles'],
  ['city:e2e-shanghai', 'city:e2e-rotterdam'],
  ['city:e2e-suzhou', 'city:e2e-los-angeles'],
  ['city:e2e-busan', 'city:e2e-los-angeles'],
];
/** Events in a few bursts over twenty years, with gaps of several empty years between them. */
const YEARS = [2004, 2005, 2011, 2012, 2019, 2020, 2021, 2022, 2023, 2024];
const EVENTS_PER_YEAR = 10;

function fixture(): GraphDocument {
  const nodes: GraphDocument['nodes'] = CITIES.map(([id, name, country, lat, lon]) => ({ id, label: 'City', name, aliases: [], properties: { country, lat, lon } }));
  const relationships: GraphDocument['relationships'] = SISTERS.map(([source, target], i) => ({
    type: 'SISTER_CITY_OF',
    source,
    target,
    properties: { since: 1980 + i },
    sources: [ARTICLE],
    evidence: [`${source} and ${target} are sister cities.`],
  }));
  for (let p = 0; p < 30; p++) nodes.push({ id: `person:e2e-delegate-${p}`, label: 'Person', name: `Delegate ${p} Viewtest`, aliases: [], properties: {} });
  YEARS.forEach((year, y) => {
    for (let e = 0; e < EVENTS_PER_YEAR; e++) {
      const id = `event:e2e-${year}-${e}`;
      const date = `${year}-${String(1 + e).padStart(2, '0')}-${String(3 + y).padStart(2, '0')}`;
      nodes.push({ id, label: 'Event', name: `Friendship Forum ${year} number ${e}`, aliases: [], properties: { date, kind: 'forum' } });
      const person = `person:e2e-delegate-${(y * EVENTS_PER_YEAR + e) % 30}`;
      relationships.push({ type: 'PARTICIPATED_IN', source: person, target: id, properties: { role: 'speaker' }, sources: [ARTICLE], evidence: [`${person} spoke at ${id}.`] });
    }
  });
  // One mayor visiting Busan twice: two dated visits, each with its own event.
  nodes.push({ id: 'person:e2e-mayor', label: 'Person', name: 'Mayor Visitor Viewtest', aliases: [], properties: {} });
  for (const date of ['2019-03-14', '2022-10-02']) {
    const event = `event:e2e-busan-visit-${date}`;
    nodes.push({ id: event, label: 'Event', name: `Mayor visits Busan ${date.slice(0, 4)}`, aliases: [], properties: { date, kind: 'visit' } });
    relationships.push({ type: 'VISITED', source: 'person:e2e-mayor', target: 'city:e2e-busan', properties: { date, event }, sources: [ARTICLE], evidence: [`The mayor visited Busan on ${date}.`] });
  }
  return { articles: [{ id: ARTICLE, title: 'Views fixture' }], nodes, relationships };
}

let api: TestApi;
let browser: Browser;

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(api.url + path);
  await page.waitForFunction(() => document.body.dataset.state !== 'loading', null, { timeout: 60_000 });
  return page;
}

beforeAll(async () => {
  await ensureViewerBuilt();
  api = await startApi();
  await clearDatabase(api.conn);
  const reply = await call(api, 'POST', '/api/articles', fixture());
  expect(reply.status, JSON.stringify(reply.body).slice(0, 500)).toBeLessThan(300);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** Where each city is drawn (container pixels), which country the base map has there, and whether it is drawn on its own. */
function cityMarks(page: Page) {
  return page.evaluate(() => {
    const cy = window.__cy!;
    return Object.fromEntries(
      cy.nodes('[label = "City"]').map((n) => {
        const p = n.renderedPosition();
        return [n.data('name'), { x: p.x, y: p.y, modelX: n.position('x'), country: window.__map!.countryAt(p.x, p.y), shown: n.visible() && Number(n.style('opacity')) > 0, label: String(n.style('label')) }];
      }),
    ) as Record<string, { x: number; y: number; modelX: number; country: string | null; shown: boolean; label: string }>;
  });
}

/** Zoom in by `factor` around a city, as a wheel would, and wait for the regrouping. */
async function zoomAround(page: Page, id: string, factor: number): Promise<void> {
  await page.evaluate(
    ([nodeId, k]) => {
      const cy = window.__cy!;
      cy.zoom({ level: cy.zoom() * k, renderedPosition: cy.getElementById(nodeId).renderedPosition() });
    },
    [id, factor] as const,
  );
}

describe('map view', () => {
  it('draws cities at their real coordinates over the country shapes, groups nearby ones until zoomed in, and draws sister-city lines as arcs', async () => {
    const page = await open('/?view=geo');
    await page.waitForFunction(() => document.querySelector<HTMLCanvasElement>('[data-testid=basemap]')?.dataset.state === 'ready', null, POLL);

    // At the fitted zoom (three continents), Shanghai and Suzhou, 85 km apart, share one marker named after its lead (the best-connected city).
    // (Markers fade in and out over 150 ms: wait for the grouping to settle.)
    await expect.poll(async () => Object.values(await cityMarks(page)).filter((c) => c.shown).length, POLL).toBe(CITIES.length - 2);
    const fitted = await cityMarks(page);
    expect(Object.keys(fitted).sort()).toEqual(CITIES.map((c) => c[1]).sort());
    expect(fitted['Los Angeles']!.country).toBe('United States of America');
    expect(fitted.Rotterdam!.country).toBe('Netherlands');
    const group = await page.evaluate(() => window.__map!.groupOf('city:e2e-shanghai'));
    expect(group).toContain('city:e2e-suzhou');
    const members = CITIES.filter((c) => group.includes(c[0])).map((c) => fitted[c[1]]!);
    expect(members.filter((m) => m.shown)).toHaveLength(1);
    for (const m of members) expect(Math.hypot(m.x - members[0]!.x, m.y - members[0]!.y)).toBeLessThan(1);
    const lead = members.find((m) => m.shown)!;
    // Hovering the group's marker names the cities it stands for.
    const box = (await page.locator('[data-testid=graph]').boundingBox())!;
    await page.mouse.move(box.x + lead.x, box.y + lead.y);
    await expect.poll(() => page.locator('#tooltip').textContent(), POLL).toMatch(/with .*(Shanghai|Suzhou)/);
    expect(lead.label).toMatch(/\+\d/);

    // The base map is drawn under the markers: land east of Los Angeles, sea west of it.
    const pixels = await page.evaluate(
      ([land, sea]) => {
        const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=basemap]')!;
        const ratio = canvas.width / canvas.getBoundingClientRect().width;
        const at = (p: { x: number; y: number }) => [...canvas.getContext('2d')!.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data].slice(0, 3).join(',');
        return { land: at(land), sea: at(sea) };
      },
      [{ x: fitted['Los Angeles']!.x + 30, y: fitted['Los Angeles']!.y - 10 }, { x: fitted['Los Angeles']!.x - 60, y: fitted['Los Angeles']!.y + 10 }] as const,
    );
    expect(pixels.land).not.toBe(pixels.sea);

    // The PNG export carries the base map: the same colours at the same places (2x, under a 64 px title).
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-png]')]);
    const exported = await page.evaluate(
      async ([data, points]) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(image, 0, 0);
        return points.map((p) => [...ctx.getImageData(Math.round(p.x * 2), Math.round(128 + p.y * 2), 1, 1).data].slice(0, 3).join(','));
      },
      [readFileSync((await png.path())!).toString('base64'), [{ x: fitted['Los Angeles']!.x + 30, y: fitted['Los Angeles']!.y - 10 }, { x: fitted['Los Angeles']!.x - 60, y: fitted['Los Angeles']!.y + 10 }]] as const,
    );
    expect(exported).toEqual([pixels.land, pixels.sea]);

    // A sister-city line bows north of the straight segment between its ends.
    const bow = await page.evaluate(() => {
      const edge = window.__cy!.edges('[type = "SISTER_CITY_OF"]').filter((e) => [e.source().id(), e.target().id()].sort().join() === 'city:e2e-rotterdam,city:e2e-shanghai').first() as EdgeSingular;
      const a = edge.source().position();
      const b = edge.target().position();
      const mid = edge.midpoint();
      return { offset: (a.y + b.y) / 2 - mid.y, length: Math.hypot(b.x - a.x, b.y - a.y), visible: edge.visible() };
    });
    expect(bow.visible).toBe(true);
    expect(bow.offset).toBeGreaterThan(bow.length * 0.05);

    // Zoomed in on East Asia: Busan has its own marker, in South Korea, east of Shanghai and west of 180°.
    await zoomAround(page, 'city:e2e-shanghai', 6);
    await expect
      .poll(async () => {
        const marks = await cityMarks(page);
        return marks.Busan!.shown && marks.Shanghai!.shown && marks.Busan!.x - marks.Shanghai!.x > 20;
      }, POLL)
      .toBe(true);
    const eastAsia = await cityMarks(page);
    expect(eastAsia.Shanghai!.country).toBe('China');
    expect(eastAsia.Busan!.country).toBe('South Korea');
    expect(eastAsia.Busan!.x).toBeGreaterThan(eastAsia.Shanghai!.x);
    // Not nudged apart: east-west positions are proportional to the true longitudes (Mercator x is linear in longitude).
    expect(eastAsia.Busan!.modelX / eastAsia.Shanghai!.modelX).toBeCloseTo(129.0756 / 121.4737, 2);
    expect(eastAsia['Los Angeles']!.modelX / eastAsia.Shanghai!.modelX).toBeCloseTo(-118.2437 / 121.4737, 2);

    // Closer still, Suzhou separates from Shanghai, west of it and in China.
    await zoomAround(page, 'city:e2e-shanghai', 8);
    await expect.poll(async () => (await cityMarks(page)).Suzhou!.shown, POLL).toBe(true);
    const close = await cityMarks(page);
    expect(close.Shanghai!.shown).toBe(true);
    expect(close.Suzhou!.x).toBeLessThan(close.Shanghai!.x - 20);
    expect(close.Suzhou!.country).toBe('China');
    await page.close();
  });

  it('a city picked in the search leads its group, drawn at its own place', async () => {
    const page = await open('/?view=geo');
    await expect.poll(async () => (await cityMarks(page)).Suzhou!.shown, POLL).toBe(false);
    await page.keyboard.press('/');
    await page.keyboard.type('Suzhou');
    await page.locator('[data-testid=search-option]', { hasText: 'Suzhou' }).first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await cityMarks(page)).Suzhou!.shown, POLL).toBe(true);
    expect((await page.evaluate(() => window.__map!.groupOf('city:e2e-suzhou')))[0]).toBe('city:e2e-suzhou');
    const marks = await cityMarks(page);
    expect(marks.Suzhou!.country).toBe('China');
    expect(marks.Suzhou!.modelX / marks.Rotterdam!.modelX).toBeCloseTo(120.5853 / 4.4792, 2);

    // Hiding the lead by hand leaves the rest of its group on the map.
    await page.click('[data-testid=hide]');
    await expect.poll(async () => (await cityMarks(page)).Shanghai!.shown, POLL).toBe(true);
    expect((await cityMarks(page)).Suzhou!.shown).toBe(false);
    await page.close();
  });
});

/** Events drawn inside the viewport, with their on-screen font size, name and place. */
function eventsInView(page: Page) {
  return page.evaluate(() => {
    const cy = window.__cy!;
    const ext = cy.extent();
    return cy
      .nodes('[label = "Event"]')
      .filter((n) => n.visible() && n.position('x') >= ext.x1 && n.position('x') <= ext.x2 && n.position('y') >= ext.y1 && n.position('y') <= ext.y2)
      .map((n: NodeSingular) => ({ id: n.id(), date: String(n.data('date')), x: n.position('x'), fontPx: parseFloat(String(n.renderedStyle('font-size'))), label: String(n.style('label')) }));
  });
}

describe('timeline view', () => {
  it('fitted, a hundred events over twenty years keep names of 10 px or more; the rest is along the axis; empty years are shortened; each visit is its own item', async () => {
    const page = await open('/?view=timeline');
    const fitted = await eventsInView(page);
    expect(fitted.length).toBeGreaterThanOrEqual(5);
    for (const event of fitted) {
      expect(event.label, event.id).toMatch(/^Friendship Forum/);
      expect(event.fontPx, event.id).toBeGreaterThanOrEqual(10);
    }
    // The fitted view shows the latest events; dragging along the axis brings the earliest.
    expect(fitted.some((e) => e.date.startsWith('2024'))).toBe(true);
    const span = await page.evaluate(() => {
      const xs = window.__cy!.nodes('[label = "Event"]').map((n) => (n as NodeSingular).position('x'));
      return Math.max(...xs) - Math.min(...xs);
    });
    // (Braces: evaluate would serialise the Core that panBy returns.)
    await page.evaluate((dx) => {
      window.__cy!.panBy({ x: dx * window.__cy!.zoom(), y: 0 });
    }, span);
    const earliest = await eventsInView(page);
    expect(earliest.some((e) => e.date.startsWith('2004'))).toBe(true);
    expect(earliest.every((e) => e.fontPx >= 10)).toBe(true);

    // Dates run left to right, and the five empty years 2006–2010 take less room than one busy year.
    const placed = await page.evaluate(() =>
      window
        .__cy!.nodes('[label = "Event"]')
        .map((n) => ({ date: String(n.data('date')), x: n.position('x') }))
        .sort((a, b) => a.date.localeCompare(b.date)),
    );
    // (Events of one month share a column.)
    expect(placed.map((e) => e.x)).toEqual(placed.map((e) => e.x).sort((a, b) => a - b));
    const xOf = (prefix: string, pick: (xs: number[]) => number) => pick(placed.filter((e) => e.date.startsWith(prefix)).map((e) => e.x));
    const emptyYears = xOf('2011', (xs) => Math.min(...xs)) - xOf('2005', (xs) => Math.max(...xs));
    const busyYear = xOf('2019', (xs) => Math.max(...xs)) - xOf('2019', (xs) => Math.min(...xs));
    expect(emptyYears).toBeLessThan(busyYear);

    // Two visits of one mayor to one city are two dated items, each drawn with its own line.
    const visits = await page.evaluate(() =>
      window
        .__cy!.edges('[type = "VISITED"]')
        .map((e) => ({ date: String(e.data('date')), drawn: e.visible(), x: e.cy().getElementById(String(e.data('event'))).position('x'), eventDrawn: e.cy().getElementById(String(e.data('event'))).visible() }))
        .sort((a, b) => a.date.localeCompare(b.date)),
    );
    expect(visits.map((v) => v.date)).toEqual(['2019-03-14', '2022-10-02']);
    expect(visits.every((v) => v.drawn && v.eventDrawn)).toBe(true);
    expect(visits[0]!.x).toBeLessThan(visits[1]!.x);

    // Fit gives the same readable view.
    await page.click('#fit');
    await expect.poll(async () => (await eventsInView(page)).some((e) => e.date.startsWith('2024')), POLL).toBe(true);
    expect((await eventsInView(page)).every((e) => e.fontPx >= 10)).toBe(true);
    await page.close();
  });
});
