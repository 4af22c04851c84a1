// The security headers in a real browser: the viewer and Swagger UI work under their Content
// Security Policy (no violation reported while they load and draw), and no other site may frame them.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startApi, type TestApi } from '../support/api.ts';
import { clearDatabase } from '../support/neo4j.ts';
import { ensureViewerBuilt, launchBrowser, type Browser } from './browser.ts';

const SEED = readFileSync(new URL('../../seed/articles/shenyang-sasebo-mayor-exchange-day.txt', import.meta.url), 'utf8');

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  await ensureViewerBuilt();
  api = await startApi();
  await clearDatabase(api.conn);
  expect((await call(api, 'POST', '/api/articles', SEED)).status).toBe(201);
  browser = await launchBrowser();
  // Every violation the page reports, kept where the test can read it.
  await browser.context.addInitScript({
    content: `globalThis.__violations = []; document.addEventListener('securitypolicyviolation', (e) => globalThis.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`,
  });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const violations = (page: Page) => page.evaluate(() => (globalThis as unknown as { __violations: string[] }).__violations);

describe('Content Security Policy in the browser', () => {
  it('the viewer loads and draws the graph without a violation', async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(api.url + '/');
    expect(response?.headers()['content-security-policy']).toMatch(/default-src 'self'/);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { __cy: { nodes(): { length: number } } }).__cy.nodes().length)).toBeGreaterThan(5);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('the map view draws its bundled base map (no tile server) without a violation', async () => {
    const page = await browser.context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(api.url + '/?view=geo');
    await page.waitForFunction(() => document.querySelector<HTMLCanvasElement>('[data-testid=basemap]')?.dataset.state === 'ready', null, { timeout: 30_000 });
    expect(await violations(page)).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(api.url) && !url.startsWith('data:'))).toEqual([]);
    await page.close();
  });

  it('Swagger UI at /docs lists every operation without a violation', async () => {
    const page = await browser.context.newPage();
    await page.goto(api.url + '/docs');
    await page.waitForSelector('.opblock', { timeout: 30_000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(12);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
