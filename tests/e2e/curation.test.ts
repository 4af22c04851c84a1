// Analysts correcting the graph in the viewer, in headless Chromium against the real API and
// Neo4j: merge two picked nodes, reject a relationship, undo from the audit log, the duplicate
// review queue. Each test starts from the same small graph.
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphDocument, GraphNode, GraphRelationship } from '../../api/graph/schema.ts';
import { call, startApi, type TestApi } from '../support/api.ts';
import { clearDatabase } from '../support/neo4j.ts';
import { ensureViewerBuilt, launchBrowser, type Browser } from './browser.ts';

declare global {
  interface Window {
    __cy: Core | undefined;
  }
}

const POLL = { timeout: 20_000 };
const node = (id: string, label: GraphNode['label'], name: string): GraphNode => ({ id, label, name, aliases: [], properties: label === 'City' ? { country: 'CN' } : {} });
const rel = (type: GraphRelationship['type'], source: string, target: string, sentence: string, properties: GraphRelationship['properties'] = {}): GraphRelationship =>
  ({ type, source, target, properties, sources: [], evidence: [sentence] });

const LYU = node('person:lyu-zhicheng', 'Person', 'Lyu Zhicheng');
const MIYAJIMA = node('person:daisuke-miyajima', 'Person', 'Daisuke Miyajima');
const FAO = node('office:shenyang-foreign-affairs', 'Office', 'Shenyang Foreign Affairs Office');
const FAO_SHORT = node('office:shenyang-fao', 'Office', 'Shenyang FAO');
const SHENYANG = node('city:shenyang-cn', 'City', 'Shenyang');
const DOCS: GraphDocument[] = [
  {
    articles: [{ id: 'e2e-1', title: 'Director meets mayor', url: 'https://example.org/e2e-1' }],
    nodes: [LYU, FAO, SHENYANG, MIYAJIMA],
    relationships: [
      rel('HOLDS_POSITION', LYU.id, FAO.id, 'Lyu Zhicheng, Director of the Shenyang Foreign Affairs Office.', { title: 'Director' }),
      rel('LOCATED_IN', FAO.id, SHENYANG.id, 'The office is in Shenyang.'),
      rel('MET_WITH', LYU.id, MIYAJIMA.id, 'Lyu Zhicheng met Daisuke Miyajima.'),
    ],
  },
  {
    articles: [{ id: 'e2e-2', title: 'FAO news', url: 'https://example.org/e2e-2' }],
    nodes: [FAO_SHORT, SHENYANG, MIYAJIMA],
    relationships: [rel('LOCATED_IN', FAO_SHORT.id, SHENYANG.id, 'The Shenyang FAO, in Shenyang.'), rel('VISITED', MIYAJIMA.id, SHENYANG.id, 'Miyajima visited Shenyang.')],
  },
];

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  await ensureViewerBuilt();
  api = await startApi();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});
beforeEach(async () => {
  await clearDatabase(api.conn);
  for (const doc of DOCS) expect((await call(api, 'POST', '/api/articles', doc)).status).toBe(201);
});

async function open(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(api.url);
  await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });
  await page.fill('[data-testid=curate-analyst]', 'Tess Tester');
  return page;
}

/**
 * Clicks a node, or an edge at its midpoint, where it is drawn once the view stands still (a
 * reload re-centres on the selection); tries again if a late animation moved it under the pointer.
 */
async function click(page: Page, id: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.waitForFunction(() => !window.__cy!.animated(), null, POLL);
    const at = await page.evaluate((elementId) => {
      const cy = window.__cy!;
      const el = cy.getElementById(elementId);
      const p = el.isEdge() ? el.renderedMidpoint() : cy.nodes().getElementById(elementId).renderedPosition();
      const box = cy.container()!.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, id);
    await page.mouse.click(at.x, at.y);
    try {
      await page.waitForFunction((elementId) => window.__cy!.getElementById(elementId).selected(), id, { timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

const onScreen = (page: Page, id: string) => page.evaluate((elementId) => window.__cy!.getElementById(elementId).nonempty(), id);
const edgeOf = (page: Page, type: string) => page.evaluate((t) => window.__cy!.edges(`[type = "${t}"]`).first().id() || '', type);

describe('curating in the viewer', { timeout: 180_000 }, () => {
  it('keeps the name an analyst is typing when the panel redraws under it', async () => {
    const page = await open();
    await page.fill('[data-testid=curate-analyst]', '');
    await page.focus('[data-testid=curate-analyst]');
    await page.keyboard.type('Tess');
    await page.evaluate((id) => window.__cy!.getElementById(id).emit('tap'), FAO.id);
    await page.waitForFunction((id) => window.__cy!.getElementById(id).selected(), FAO.id, POLL);
    await page.keyboard.type(' Tester');
    expect(await page.inputValue('[data-testid=curate-analyst]')).toBe('Tess Tester');
    await page.close();
  });

  it('merges two picked nodes: one node left, marked, its details saying what, who and why', async () => {
    const page = await open();
    await click(page, FAO.id);
    await page.click('[data-testid=curate-pick]');
    await click(page, FAO_SHORT.id);
    await page.click('[data-testid=curate-pick]');
    await page.click('[data-testid=curate-merge]');
    await page.fill('[data-testid=form-note]', 'FAO is its short name');
    await page.click('[data-testid=form-submit]');
    await page.waitForFunction((gone) => window.__cy!.getElementById(gone).empty(), FAO_SHORT.id, POLL);
    await page.waitForFunction((kept) => window.__cy!.getElementById(kept).hasClass('corrected') && window.__cy!.getElementById(kept).selected(), FAO.id, POLL);
    await expect.poll(() => page.locator('[data-testid=details-aliases]').textContent(), POLL).toContain('Shenyang FAO');
    const record = page.locator('[data-testid=element-corrections] [data-testid=audit-entry]').first();
    await expect.poll(() => record.textContent(), POLL).toContain('merged "Shenyang FAO" into "Shenyang Foreign Affairs Office"');
    expect(await record.textContent()).toContain('Tess Tester');
    expect(await record.textContent()).toContain('Why: FAO is its short name');
    await page.close();
  });

  it('rejects a relationship: gone from the graph, listed with its entity as rejected by the analyst', async () => {
    const page = await open();
    const met = await edgeOf(page, 'MET_WITH');
    await click(page, met);
    await page.click('[data-testid=curate-reject]');
    await page.fill('[data-testid=form-note]', 'they never met');
    await page.click('[data-testid=form-submit]');
    await page.waitForFunction((id) => window.__cy!.getElementById(id).empty(), met, POLL);
    await click(page, LYU.id);
    const rejected = page.locator('[data-testid=rejected-relationship]');
    await expect.poll(() => rejected.textContent(), POLL).toContain('rejected by Tess Tester; restated by 0 articles since');
    // a new article stating it again: still rejected, and the count says so
    const restated: GraphDocument = { articles: [{ id: 'e2e-3', title: 'Again', url: 'https://example.org/e2e-3' }], nodes: [LYU, MIYAJIMA], relationships: [rel('MET_WITH', MIYAJIMA.id, LYU.id, 'Miyajima met Lyu.')] };
    expect((await call(api, 'POST', '/api/articles', restated)).status).toBe(201);
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });
    expect(await edgeOf(page, 'MET_WITH')).toBe('');
    await click(page, LYU.id);
    await expect.poll(() => page.locator('[data-testid=rejected-relationship]').textContent(), POLL).toContain('restated by 1 article since');
    await page.click('[data-testid=curate-restore]');
    await page.waitForFunction(() => window.__cy!.edges('[type = "MET_WITH"]').nonempty(), null, POLL);
    await page.close();
  });

  it('undoes from the audit log: the rejected relationship comes back and the entry says undone', async () => {
    const page = await open();
    const met = await edgeOf(page, 'MET_WITH');
    await click(page, met);
    await page.click('[data-testid=curate-reject]');
    await page.click('[data-testid=form-submit]');
    await page.waitForFunction((id) => window.__cy!.getElementById(id).empty(), met, POLL);
    await page.click('[data-testid=curate-audit]');
    const entry = page.locator('[data-testid=audit-log] [data-testid=audit-entry]', { hasText: 'rejected MET_WITH', hasNotText: 'undid' });
    await entry.locator('[data-testid=audit-undo]').click();
    await page.waitForFunction((id) => window.__cy!.getElementById(id).nonempty(), met, POLL);
    await expect.poll(() => page.locator('[data-testid=audit-log] [data-testid=audit-entry]').first().textContent(), POLL).toContain('undid: rejected MET_WITH');
    await expect.poll(() => entry.textContent(), POLL).toContain('undone');
    expect(await onScreen(page, met)).toBe(true);
    await page.close();
  });

  it('works through the review queue: reasons shown, dismissing is remembered, accepting merges', async () => {
    const page = await open();
    await page.click('[data-testid=curate-review]');
    const candidate = page.locator('[data-testid=review-candidate]');
    await expect.poll(() => candidate.count(), POLL).toBe(1);
    expect(await candidate.textContent()).toContain('"Shenyang Foreign Affairs Office" and "Shenyang FAO": initials');
    expect(await candidate.textContent()).toContain('both at Shenyang');
    await candidate.locator('[data-testid=review-dismiss]').click();
    await expect.poll(() => page.locator('[data-testid=review-empty]').count(), POLL).toBe(1);
    // the dismissal is remembered: a fresh page shows an empty queue
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });
    await page.click('[data-testid=curate-review]');
    await expect.poll(() => page.locator('[data-testid=review-empty]').count(), POLL).toBe(1);
    // undo the dismissal, and accept the candidate this time
    await page.click('[data-testid=curate-audit]');
    await page.locator('[data-testid=audit-log] [data-testid=audit-undo]').first().click();
    await expect.poll(() => page.locator('[data-testid=audit-log] [data-testid=audit-entry]').first().textContent(), POLL).toContain('undid');
    await page.click('[data-testid=curate-review]');
    await expect.poll(() => page.locator('[data-testid=review-candidate]').count(), POLL).toBe(1);
    await page.locator('[data-testid=review-merge]').click();
    await page.waitForFunction((gone) => window.__cy!.getElementById(gone).empty(), FAO_SHORT.id, POLL);
    await expect.poll(() => page.locator('[data-testid=review-empty]').count(), POLL).toBe(1);
    await page.close();
  });
});
