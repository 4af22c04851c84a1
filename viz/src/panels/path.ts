// Path finder: two actors in, the shortest paths between them out (GET /api/paths: one request per
// search, which brings every hop with its evidence and source articles), drawn on the graph and
// listed hop by hop.
import { api, ApiError, type EntityRef, type PathResult } from '../api.ts';
import { clear, h } from '../dom.ts';
import { readableEvidence, readableSource } from './reader.ts';
import { pathColor, relationPhrase } from '../graph/vocabulary.ts';
import { MAX_HOPS, type Store } from '../state.ts';
import { swatch } from './legend.ts';
import { createPicker } from './picker.ts';

export interface PathActions {
  /** Put the result on the graph; `index` null = all paths. */
  show(result: PathResult, index: number | null): void;
  clear(): void;
  select(id: string): void;
}

export function createPathFinder(container: HTMLElement, store: Store, actions: PathActions) {
  // Choosing the first end moves on to the second; choosing the second runs the search.
  const from = createPicker({ testid: 'path-from', placeholder: 'From: person, office, city…', label: 'Path from', onChoose: () => (to.value() ? void find() : to.input.focus()) });
  const to = createPicker({ testid: 'path-to', placeholder: 'To: person, office, city…', label: 'Path to', onChoose: () => (from.value() ? void find() : from.input.focus()) });
  const hops = h('select', { testid: 'path-hops', 'aria-label': 'Maximum hops' });
  for (let n = 1; n <= MAX_HOPS; n++) hops.append(h('option', { value: n }, `≤ ${n} hop${n === 1 ? '' : 's'}`));
  hops.value = String(store.state.maxHops);
  const result = h('div', { class: 'path-result', testid: 'path-result', 'aria-live': 'polite' });
  let token = 0;
  let current: PathResult | null = null;

  const swap = () => {
    const a = from.value();
    from.set(to.value());
    to.set(a);
    if (from.value() && to.value()) void find();
  };

  const reset = () => {
    ++token;
    current = null;
    from.set(null);
    to.set(null);
    clear(result);
    actions.clear();
    store.update({ pathFrom: null, pathTo: null });
  };

  container.append(
    h('h2', {}, 'Path'),
    h(
      'form',
      {
        class: 'path-form',
        onsubmit: (event: Event) => {
          event.preventDefault();
          void find();
        },
      },
      h('div', { class: 'path-ends' }, from.root, h('button', { type: 'button', class: 'icon-button', title: 'Swap ends', 'aria-label': 'Swap ends', onclick: swap }, '⇅'), to.root),
      h('div', { class: 'path-controls' }, hops, h('button', { type: 'submit', class: 'primary', testid: 'path-find' }, 'Find paths'), h('button', { type: 'button', testid: 'path-clear', onclick: reset }, 'Clear')),
    ),
    result,
  );

  const message = (text: string, kind: 'muted' | 'error' | 'empty') => {
    clear(result);
    result.append(h('p', { class: kind === 'error' ? 'error' : 'muted', testid: kind === 'empty' ? 'path-empty' : 'path-message' }, text));
  };

  async function find(fromId?: string, toId?: string): Promise<void> {
    const a = fromId ?? from.value()?.id;
    const b = toId ?? to.value()?.id;
    if (!a || !b) {
      message('Choose both ends of the path.', 'muted');
      return;
    }
    if (a === b) {
      message('Both ends are the same actor.', 'muted');
      return;
    }
    const maxHops = Number(hops.value);
    const mine = ++token;
    message('Searching…', 'muted');
    store.update({ pathFrom: a, pathTo: b, maxHops });
    let body: PathResult;
    try {
      body = await api.paths({ from: a, to: b, maxHops, k: 3 });
    } catch (err) {
      if (mine !== token) return;
      actions.clear();
      message(err instanceof ApiError && err.kind === 'not-found' ? `Unknown actor: ${err.message}` : `Path search failed: ${(err as Error).message}`, 'error');
      return;
    }
    if (mine !== token) return;
    from.set(body.from);
    to.set(body.to);
    current = body;
    if (!body.paths.length) {
      actions.clear();
      message(
        body.timedOut
          ? `No path found between ${body.from.name} and ${body.to.name}: the search stopped early. Try fewer hops.`
          : `No path within ${maxHops} hop${maxHops === 1 ? '' : 's'} between ${body.from.name} and ${body.to.name}.`,
        'empty',
      );
      return;
    }
    actions.show(body, null);
    render(body);
  }

  const render = (body: PathResult) => {
    const names = new Map<string, EntityRef>(body.elements.nodes.map((n) => [n.data.id, { id: n.data.id, label: n.data.label, name: n.data.name }]));
    names.set(body.from.id, body.from);
    names.set(body.to.id, body.to);
    const shortest = Math.min(...body.paths.map((p) => p.length));
    clear(result);
    result.append(
      h(
        'p',
        { class: 'path-summary', testid: 'path-summary' },
        `${body.paths.length} path${body.paths.length === 1 ? '' : 's'} from ${body.from.name} to ${body.to.name}; shortest ${shortest} hop${shortest === 1 ? '' : 's'}.`,
      ),
    );
    const edges = new Map(body.elements.edges.map((edge) => [edge.data.id, edge]));
    body.paths.forEach((path, index) => {
      const list = h('ol', { class: 'hops' });
      path.hops.forEach((hopId, i) => {
        const edge = edges.get(hopId);
        if (!edge) return;
        const hop = edge.data;
        const here = path.nodes[i] ?? hop.source;
        const there = path.nodes[i + 1] ?? hop.target;
        const direction = hop.source === here ? 'out' : 'in';
        const nodeChip = (id: string) => {
          const ref = names.get(id);
          return h('button', { class: 'entity-link', onclick: () => actions.select(id) }, ref ? swatch(ref.label, 12) : null, h('span', {}, ref?.name ?? id));
        };
        const sources = h(
          'div',
          { class: 'sources' },
          ...edge.articles.map((article) =>
            readableSource(article, hop.evidence, 'path-source'),
          ),
          hop.sources.length > edge.articles.length ? h('div', { class: 'muted' }, `and ${hop.sources.length - edge.articles.length} more articles`) : null,
        );
        list.append(
          h(
            'li',
            { class: 'hop', testid: 'path-hop' },
            h('div', { class: 'rel-head' }, nodeChip(here), h('span', { class: 'rel-phrase' }, relationPhrase(hop.type, hop, direction)), nodeChip(there)),
            ...hop.evidence.map((sentence) => readableEvidence(sentence, hop.sources)),
            sources,
          ),
        );
      });
      const head = h(
        'button',
        { class: 'path-head', testid: 'path-item', title: 'Highlight only this path', onclick: () => current && actions.show(current, index) },
        `Path ${index + 1}`,
        h('span', { class: 'muted' }, ` · ${path.length} hop${path.length === 1 ? '' : 's'}`),
      );
      const section = h('section', { class: 'path' }, head, list);
      section.style.borderLeftColor = pathColor(index);
      result.append(section);
    });
    if (body.paths.length > 1) {
      result.append(h('button', { class: 'link-button', onclick: () => current && actions.show(current, null) }, 'Highlight all paths'));
    }
  };

  return {
    /** Empty both ends and the result, and unhighlight the path. */
    reset,
    /** Restore from the URL: fill the ends and run. */
    restore(a: string, b: string) {
      void find(a, b);
    },
    setFrom(entity: EntityRef) {
      from.set(entity);
      if (to.value()) void find();
      else to.input.focus();
    },
    setTo(entity: EntityRef) {
      to.set(entity);
      if (from.value()) void find();
      else from.input.focus();
    },
  };
}
