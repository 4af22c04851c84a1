// Time per pair: pick two cities or actors and see what passed between them, counted per year
// (a bar chart) and item by item (each visit, meeting or shared event dated on its own line).
import { api, ApiError, articleById, type Exchanges } from '../api.ts';
import { clear, h, svg } from '../dom.ts';
import { readableEvidence, readableSource } from './reader.ts';
import { formatDate, TYPE_LOOK } from '../graph/vocabulary.ts';
import { createPicker } from './picker.ts';

const CHART_WIDTH = 280;
const CHART_HEIGHT = 90;

function yearChart(years: Exchanges['years']): SVGSVGElement {
  const first = years[0]!.year;
  const last = years[years.length - 1]!.year;
  const span = last - first + 1;
  const counts = new Map(years.map((y) => [y.year, y.count]));
  const max = Math.max(...years.map((y) => y.count));
  const chart = svg('svg', { width: CHART_WIDTH, height: CHART_HEIGHT + 18, viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT + 18}`, role: 'img', 'data-testid': 'pair-chart' });
  chart.setAttribute('aria-label', `Exchanges per year, ${first} to ${last}`);
  const slot = CHART_WIDTH / span;
  for (let year = first; year <= last; year++) {
    const count = counts.get(year) ?? 0;
    const x = (year - first) * slot;
    if (count > 0) {
      const height = Math.max(3, (count / max) * (CHART_HEIGHT - 14));
      const bar = svg('rect', { x: x + slot * 0.15, y: CHART_HEIGHT - height, width: Math.max(2, slot * 0.7), height, fill: '#2c6fbb', 'data-testid': 'pair-bar', 'data-year': year, 'data-count': count });
      bar.append(Object.assign(svg('title', {}), { textContent: `${year}: ${count}` }));
      const label = svg('text', { x: x + slot / 2, y: CHART_HEIGHT - height - 3, 'text-anchor': 'middle', 'font-size': 10, fill: '#1f2933' });
      label.textContent = String(count);
      chart.append(bar, label);
    }
    // Year ticks: the ends, and enough in between to read the axis.
    if (year === first || year === last || (span <= 12 ? true : (year - first) % Math.ceil(span / 6) === 0)) {
      const tick = svg('text', { x: x + slot / 2, y: CHART_HEIGHT + 13, 'text-anchor': 'middle', 'font-size': 10, fill: '#52606d' });
      tick.textContent = span > 12 ? `'${String(year).slice(2)}` : String(year);
      chart.append(tick);
    }
  }
  chart.append(svg('line', { x1: 0, x2: CHART_WIDTH, y1: CHART_HEIGHT + 0.5, y2: CHART_HEIGHT + 0.5, stroke: '#9aa5b1' }));
  return chart;
}

export function createPairPanel(container: HTMLElement, actions: { select(id: string): void }) {
  const result = h('div', { class: 'pair-result', testid: 'pair-result', 'aria-live': 'polite' });
  const a = createPicker({ testid: 'pair-a', placeholder: 'A city or actor…', label: 'First of the pair', onChoose: () => (b.value() ? void show() : b.input.focus()) });
  const b = createPicker({ testid: 'pair-b', placeholder: 'and another…', label: 'Second of the pair', onChoose: () => (a.value() ? void show() : a.input.focus()) });
  let token = 0;

  async function show(): Promise<void> {
    const first = a.value();
    const second = b.value();
    if (!first || !second) return;
    const mine = ++token;
    clear(result);
    result.append(h('p', { class: 'muted' }, 'Looking…'));
    let body: Exchanges;
    try {
      body = await api.exchanges(first.id, second.id);
    } catch (err) {
      if (mine !== token) return;
      clear(result);
      result.append(h('p', { class: 'error' }, err instanceof ApiError ? err.message : 'Could not load the exchanges'));
      return;
    }
    if (mine !== token) return;
    clear(result);
    const dated = body.items.filter((i) => i.date).length;
    result.append(
      h(
        'p',
        { class: 'path-summary', testid: 'pair-summary' },
        body.items.length
          ? `${body.items.length} exchange${body.items.length === 1 ? '' : 's'} between ${body.a.name} and ${body.b.name}${dated < body.items.length ? ` (${body.items.length - dated} undated)` : ''}.`
          : `Nothing in the articles connects ${body.a.name} and ${body.b.name} directly.`,
      ),
    );
    if (body.years.length) result.append(yearChart(body.years));
    const list = h('ol', { class: 'pair-items' });
    for (const item of body.items) {
      const what = item.kind === 'event' ? 'event' : (TYPE_LOOK.get(item.type)?.name ?? item.type);
      const sources = h('div', { class: 'sources' });
      for (const id of item.sources) {
        void articleById(id).then((article) => {
          if (article) sources.append(readableSource({ id, title: article.title, url: article.url ?? null, publishedAt: article.publishedAt ?? null }, item.evidence));
        });
      }
      list.append(
        h(
          'li',
          { class: 'pair-item', testid: 'pair-item' },
          h('div', { class: 'rel-head' }, h('strong', { testid: 'pair-date' }, item.date ? formatDate(item.date) : 'undated'), h('span', { class: 'muted' }, ` · ${what}`)),
          item.kind === 'event' ? h('button', { class: 'entity-link', onclick: () => actions.select(item.id) }, item.title) : h('div', {}, item.title),
          ...item.evidence.slice(0, 1).map((sentence) => readableEvidence(sentence, item.sources)),
          sources,
        ),
      );
    }
    result.append(list);
  }

  container.append(h('h2', {}, 'Exchanges between'), h('div', { class: 'path-ends pair-ends' }, a.root, b.root), result);
}
