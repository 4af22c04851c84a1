// The viewer's entry point: load the graph, build the panels and wire them to the graph and the
// URL state. Each panel owns its DOM; this file only connects them.
import './styles.css';
import { api, ApiError, type Correction, type CyElements, type EntityRef, type PathResult } from './api.ts';
import { byId } from './dom.ts';
import { exportJson, exportPng, exportReport } from './export.ts';
import { GraphCanvas, MAX_EDGES, MAX_NODES } from './graph/canvas.ts';
import { dateToMonths } from './graph/placement.ts';
import { LABEL_LOOK, LABELS, pathColor, TYPE_LOOK, TYPES } from './graph/vocabulary.ts';
import { createCuration } from './panels/curation.ts';
import { createDetails } from './panels/details.ts';
import { createFilters, type Counts } from './panels/filters.ts';
import { createPairPanel } from './panels/pair.ts';
import { createPathFinder } from './panels/path.ts';
import { createExpandMenu } from './panels/expand-menu.ts';
import { createReader } from './panels/reader.ts';
import { createPicker } from './panels/picker.ts';
import { createStatus } from './panels/status.ts';
import { elementsQuery, needsRefetch, OVERVIEW_EDGES, OVERVIEW_NODES, overviewNote, serverFilter, type ServerFilter } from './overview.ts';
import { Store, VIEWS, type ViewName, type ViewState } from './state.ts';

/** How many neighbours a focus link draws; past that the API truncates and we say so. */
const FOCUS_LIMIT = 400;
const EXPAND_LIMIT = 300;

const store = new Store(location.search);
const status = createStatus(byId('status'), byId('banner'), byId('toasts'));
let canvas: GraphCanvas | null = null;
let pathShown: PathResult | null = null;

/**
 * What the canvas holds: the overview (`truncated` when the graph is bigger than it), one actor's
 * neighbourhood, or the paths between two actors; `filter` is what the server applied.
 */
interface Drawn {
  kind: 'overview' | 'focus' | 'path';
  truncated: boolean;
  filter: ServerFilter;
}
let drawn: Drawn | null = null;
/** Only the whole graph holds every entity; anything else must fetch what it does not show. */
const showsPart = () => !drawn || drawn.kind !== 'overview' || drawn.truncated;

// Read-only handles for tests and the browser console: `__cy.nodes().length`, `__map.countryAt(x, y)`.
Object.defineProperty(window, '__cy', { get: () => canvas?.cy, configurable: false, enumerable: false });
Object.defineProperty(window, '__map', { get: () => canvas?.map, configurable: false, enumerable: false });

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function nodeRef(id: string): EntityRef | null {
  const node = canvas?.cy.getElementById(id);
  if (!node || node.empty() || !node.isNode()) return null;
  return { id, label: node.data('label'), name: node.data('name') };
}

// ---- panels -------------------------------------------------------------------------------

const details = createDetails(byId('details'), {
  select: (id) => void reveal(id),
  toggleExpand: (id) => void toggleExpand(id),
  isExpanded: (id) => store.state.expanded.includes(id),
  focus: (id) => void focusOn(id),
  hide: (id) => {
    if (!canvas) return;
    const name = nodeRef(id)?.name ?? id;
    canvas.hideNode(id);
    select(null);
    updateFooter();
    details.setSummary(summaryOf(counts('drawn')));
    status.toast(`Hid ${name}.`);
    showHiddenButton();
  },
  togglePin: (id) => {
    if (!canvas) return;
    canvas.togglePin(id);
    void details.showNode(id);
  },
  isPinned: (id) => Boolean(canvas?.cy.getElementById(id).locked()),
  pathFrom: (entity) => pathFinder.setFrom(entity),
  pathTo: (entity) => pathFinder.setTo(entity),
  edgeData: (id) => {
    const edge = canvas?.cy.getElementById(id);
    return edge && edge.nonempty() && edge.isEdge() ? (edge.data() as Record<string, unknown>) : null;
  },
  nodeRef,
  neighbourMenu: (id) => expandMenu.menu(id),
});

// ---- reader and expand-by-type menu (panels/reader.ts, panels/expand-menu.ts) -------------------
const reader = createReader({ onChange: (id) => store.update({ reading: id }) });
if (store.state.reading) void reader.open({ articles: [store.state.reading], sentences: [] });
const expandMenu = createExpandMenu({
  draw: (elements, center) => {
    const added = addNeighbours(elements, center);
    if (added !== null && store.state.selected === center) canvas?.highlightSelection(center);
    return added;
  },
  nameOf: (id) => nodeRef(id)?.name ?? id,
  toast: (message, kind) => status.toast(message, kind),
});

const curation = createCuration(byId('curate'), {
  nodeRef,
  edgeData: (id) => {
    const edge = canvas?.cy.getElementById(id);
    return edge && edge.nonempty() && edge.isEdge() ? (edge.data() as Record<string, unknown>) : null;
  },
  reload: async (id) => {
    const selectedBefore = store.state.selected;
    await loadGraph();
    // The analyst may have picked something else while the graph reloaded: keep that selection.
    const selectedNow = store.state.selected;
    if (selectedNow && selectedNow !== selectedBefore && canvas?.cy.getElementById(selectedNow).nonempty()) return;
    if (id && canvas?.cy.getElementById(id).nonempty()) select(id);
    else select(null);
  },
  mark: (corrections, picked) => {
    marks = { corrections, picked };
    applyMarks();
  },
  toast: (message, kind) => status.toast(message, kind),
});

let marks: { corrections: Correction[]; picked: string[] } = { corrections: [], picked: [] };
/** Corrected elements (by corrections still in force) dashed, picked nodes ringed. */
function applyMarks(): void {
  if (!canvas) return;
  const cy = canvas.cy;
  const corrected = new Set(marks.corrections.filter((c) => c.action !== 'undo' && !c.undoneBy).flatMap((c) => [...c.entities, ...c.relationships]));
  cy.elements().removeClass('corrected picked');
  cy.elements().filter((el) => corrected.has(el.id())).addClass('corrected');
  for (const id of marks.picked) cy.getElementById(id).addClass('picked');
}

const pathFinder = createPathFinder(byId('path'), store, {
  show: (result, index) => showPath(result, index),
  clear: () => {
    pathShown = null;
    canvas?.clearPath();
    canvas?.highlightSelection(store.state.selected);
  },
  select: (id) => void reveal(id),
});

createPairPanel(byId('pair'), { select: (id) => void reveal(id) });

const filters = createFilters(byId('filters'), store);

const search = createPicker({
  testid: 'search',
  placeholder: 'Search people, offices, cities…',
  label: 'Search the graph',
  labelMenu: true,
  onChoose: (result) => void reveal(result.id, result),
});
byId('search').append(search.root);

for (const view of VIEWS) {
  const button = byId(`view-${view}`);
  button.addEventListener('click', () => setView(view));
}
byId('fit').addEventListener('click', () => canvas?.fit());
function showHiddenButton(): void {
  const count = canvas?.hiddenCount() ?? 0;
  const button = byId('show-hidden');
  button.hidden = count === 0;
  button.textContent = `Show hidden (${count})`;
}
byId('show-hidden').addEventListener('click', () => {
  canvas?.showHidden();
  showHiddenButton();
  updateFooter();
  details.setSummary(summaryOf(counts('drawn')));
});
byId('relayout').addEventListener('click', () => {
  if (!canvas) return;
  if (canvas.currentView() !== 'force') setView('force');
  canvas.layoutAll();
});
/** What the picture on screen is, in words: the banner's note, else the whole graph. */
const pictureContext = () => (byId('banner').hidden ? 'The whole graph.' : (byId('banner').querySelector('[data-testid=banner-text]')?.textContent ?? ''));
byId('export-png').addEventListener('click', () => {
  if (!canvas) return;
  void exportPng(canvas, 'Exchange Graph', pictureContext()).catch((err: Error) => status.toast(`Could not export the PNG: ${err.message}`, 'error'));
});
byId('export-json').addEventListener('click', () => canvas && exportJson(canvas));
byId('export-report').addEventListener('click', () => {
  if (!canvas) return;
  void exportReport(canvas, { title: 'Exchange Graph: evidence report', context: pictureContext() }).catch((err: Error) => status.toast(`Could not build the report: ${err.message}`, 'error'));
});
byId('share').addEventListener('click', () => {
  void navigator.clipboard?.writeText(location.href).then(
    () => status.toast('Link copied: it reopens this view.'),
    () => status.toast('Copy the address bar to share this view.'),
  );
});

document.addEventListener('keydown', (event) => {
  const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
  if (event.key === '/' && !typing) {
    event.preventDefault();
    search.input.focus();
  } else if (event.key === 'Escape' && !typing) {
    select(null);
  }
});

// ---- state → graph ------------------------------------------------------------------------

let filterKey = '';
let refetchTimer: ReturnType<typeof setTimeout> | undefined;
store.subscribe((state) => {
  if (!canvas) return;
  const key = JSON.stringify([[...state.hiddenLabels], [...state.hiddenTypes], [...state.hiddenRoles], state.since, state.until]);
  if (key === filterKey) return;
  filterKey = key;
  // The overview is chosen under the filter: a new filter asks for a new one (once the slider rests).
  clearTimeout(refetchTimer);
  if (drawn?.kind === 'overview' && needsRefetch(drawn.filter, serverFilter(state), drawn.truncated)) {
    refetchTimer = setTimeout(() => void loadGraph(), 250);
    return;
  }
  canvas.applyFilters(state);
  if (canvas.currentView() !== 'force') reportView(canvas.applyView(canvas.currentView()).unplaced);
  details.setSummary(summaryOf(counts('drawn')));
  updateFooter();
});

function setView(view: ViewName): void {
  store.update({ view });
  for (const v of VIEWS) byId(`view-${v}`).setAttribute('aria-pressed', String(v === view));
  if (!canvas) return;
  reportView(canvas.applyView(view).unplaced);
  if (pathShown) showPath(pathShown, null, false);
}

function reportView(unplaced: number): void {
  const view = store.state.view;
  if (view === 'timeline') {
    const about = 'Timeline: events by month (years without events shortened), with the actors linked to them; drag sideways along the axis.';
    status.banner(unplaced ? `${about} ${unplaced} entities without a dated event are not shown here.` : about);
  } else if (view === 'geo') {
    status.banner(`Map: cities at their coordinates, nearby ones grouped until you zoom in (click a group to zoom), sister-city links as arcs.${unplaced ? ` ${unplaced} other entities are not shown here.` : ''}`);
  } else {
    bannerForGraph();
  }
}

let truncatedNote: string | null = null;
const backToOverview = {
  text: 'Back to overview',
  run: () => {
    pathFinder.reset();
    store.update({ focus: null, expanded: [] });
    void loadGraph();
  },
};
function bannerForGraph(): void {
  if (drawn?.kind === 'path' && pathShown) {
    status.banner(`Showing the paths from ${pathShown.from.name} to ${pathShown.to.name}. Double-click a node to expand it.`, backToOverview);
  } else if (store.state.focus) {
    const name = nodeRef(store.state.focus)?.name ?? store.state.focus;
    status.banner(`Showing ${name} and its neighbours.${truncatedNote ? ` ${truncatedNote}` : ''} Double-click a node to expand further.`, backToOverview);
  } else {
    status.banner(truncatedNote);
  }
}

/** Replace what is drawn with one actor's neighbourhood (focus link, search pick off screen). */
async function focusOn(id: string): Promise<void> {
  store.update({ focus: id, expanded: [], selected: id });
  await loadGraph();
}

/** What is drawn; by class, not ':visible': right after a filter change the hidden state may not be styled yet. */
const drawnElements = (c: GraphCanvas) => c.entities().filter((el) => !el.hasClass('filtered') && !el.hasClass('offview'));

/** What is loaded (`all`: the legend, so an unticked entry says what ticking it brings back) or drawn. */
function counts(scope: 'all' | 'drawn' = 'all'): Counts {
  const c: Counts = { labels: new Map(), types: new Map(), roles: new Map(), eventMonths: [] };
  if (!canvas) return c;
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const elements = scope === 'all' ? canvas.entities() : drawnElements(canvas);
  for (const node of elements.nodes().toArray()) {
    bump(c.labels, node.data('label'));
    if (node.data('label') === 'Event') {
      const t = dateToMonths(node.data('date'));
      if (t !== null) c.eventMonths.push(t);
    }
  }
  for (const edge of elements.edges().toArray()) {
    bump(c.types, edge.data('type'));
    if (edge.data('role')) bump(c.roles, edge.data('role'));
  }
  return c;
}

/** "On screen: 6 people, 9 offices, … — 5 sister-city links, 17 took part in, …" */
function summaryOf(c: Counts): string {
  const labels = LABELS.filter((l) => c.labels.get(l.label)).map((l) => `${c.labels.get(l.label)} ${c.labels.get(l.label) === 1 ? l.label.toLowerCase() : l.plural.toLowerCase()}`);
  const facts = TYPES.filter((t) => t.count && c.types.get(t.type)).map((t) => {
    const n = c.types.get(t.type)!;
    return `${n} ${n === 1 ? t.count![0] : t.count![1]}`;
  });
  return `On screen: ${labels.join(', ')}${facts.length ? `; ${facts.join(', ')}` : ''}.`;
}

function graphChanged(): void {
  if (!canvas) return;
  filters.refresh(counts());
  canvas.applyFilters(store.state);
  details.setSummary(summaryOf(counts('drawn')));
  updateFooter();
  showHiddenButton();
}

let healthText = '';
function updateFooter(): void {
  const footer = byId('footer-counts');
  if (!canvas) {
    footer.textContent = healthText;
    return;
  }
  const visible = drawnElements(canvas);
  footer.textContent = `On screen: ${visible.nodes().length} nodes, ${visible.edges().length} relationships${healthText ? ` · ${healthText}` : ''}`;
}

// ---- actions ------------------------------------------------------------------------------

function select(id: string | null, opts: { center?: boolean } = {}): void {
  if (!canvas) return;
  const cy = canvas.cy;
  cy.$(':selected').unselect();
  const el = id ? cy.getElementById(id) : null;
  if (!el || el.empty()) {
    store.update({ selected: null });
    canvas.highlightSelection(null);
    details.clear();
    curation.clear();
    return;
  }
  el.select();
  store.update({ selected: id });
  canvas.highlightSelection(id);
  if (el.isNode()) {
    void details.showNode(id!);
    curation.showNode(id!);
  } else {
    details.showEdge(id!);
    curation.showEdge(id!);
  }
  // The details (evidence) go where the user looks, not below a long list of paths.
  byId('details').scrollIntoView({ block: 'start' });
  if (opts.center) {
    cy.animate({ center: { eles: el }, zoom: Math.max(cy.zoom(), 1.1) }, { duration: 350 });
  }
}

/** Select a node, fetching it and its neighbours first when it is not on screen. */
async function reveal(id: string, ref?: EntityRef): Promise<void> {
  if (!canvas || canvas.cy.getElementById(id).empty()) {
    // Off the overview or a path: draw its own neighbourhood rather than pile it onto a cut.
    if (!canvas || (drawn && drawn.kind !== 'focus' && showsPart())) return focusOn(id);
  }
  if (!canvas) return;
  let node = canvas.cy.getElementById(id);
  if (node.empty()) {
    try {
      const nb = await api.neighborhood(id, { depth: 1, limit: EXPAND_LIMIT });
      canvas.merge(nb.elements, null, null);
      graphChanged();
    } catch (err) {
      status.toast(`Could not load ${ref?.name ?? id}: ${(err as Error).message}`, 'error');
      return;
    }
    node = canvas.cy.getElementById(id);
    if (node.empty()) {
      status.toast(`${ref?.name ?? id} is not in the graph.`, 'error');
      return;
    }
  }
  const label = String(node.data('label'));
  if (store.state.hiddenLabels.has(label)) {
    const hidden = new Set(store.state.hiddenLabels);
    hidden.delete(label);
    store.update({ hiddenLabels: hidden });
    status.toast(`Showing ${LABEL_LOOK.get(label)?.plural ?? label} again so ${node.data('name')} is visible.`);
  }
  if (node.hasClass('offview')) setView('force');
  select(id, { center: true });
}

async function toggleExpand(id: string): Promise<void> {
  if (!canvas) return;
  if (store.state.expanded.includes(id)) {
    const keep = new Set<string>(pathShown ? [...pathShown.elements.nodes.map((n) => n.data.id), ...pathShown.elements.edges.map((e) => e.data.id)] : []);
    if (store.state.selected) keep.add(store.state.selected);
    const removed = canvas.collapse(id, keep);
    const still = store.state.expanded.filter((x) => x !== id && canvas!.cy.getElementById(x).nonempty());
    store.update({ expanded: still });
    status.toast(removed ? `Collapsed ${removed} element${removed === 1 ? '' : 's'}.` : 'Nothing to collapse.');
    graphChanged();
    if (store.state.selected === id) void details.showNode(id);
    return;
  }
  const added = await expand(id);
  const name = nodeRef(id)?.name ?? id;
  if (added === null) return;
  if (added === 0) status.toast(`All of ${name}'s neighbours are already on screen.`);
  else status.toast(`Added ${added} neighbour${added === 1 ? '' : 's'} of ${name}. Double-click again to collapse.`);
  if (store.state.selected === id) void details.showNode(id);
}

/** Add a node's neighbours; returns how many nodes were new, or null on error. */
async function expand(id: string): Promise<number | null> {
  if (!canvas) return null;
  let body;
  try {
    body = await api.neighborhood(id, { depth: 1, limit: EXPAND_LIMIT });
  } catch (err) {
    status.toast(`Could not expand: ${(err as Error).message}`, 'error');
    return null;
  }
  const added = addNeighbours(body.elements, id);
  if (added === null) return null;
  if (body.truncated) status.toast(`Showing the first ${EXPAND_LIMIT} neighbours only.`);
  return added;
}

/** Draws neighbours of `id` next to it (collapsed with it); how many nodes were new, or null when they would be too many. */
function addNeighbours(elements: CyElements, id: string): number | null {
  if (!canvas) return null;
  const tooMany = canvas.cy.nodes().length + elements.nodes.length > MAX_NODES || canvas.cy.edges().length + elements.edges.length > MAX_EDGES;
  if (tooMany) {
    status.toast(`Expanding would put more than ${MAX_NODES} nodes on screen. Hide some labels or focus on one actor first.`, 'error');
    return null;
  }
  const fresh = canvas.merge(elements, id, id);
  const view = canvas.cy.extent();
  const outside = fresh.filter((n) => {
    const p = n.position();
    return p.x < view.x1 || p.x > view.x2 || p.y < view.y1 || p.y > view.y2;
  });
  if (outside.nonempty() && document.body.dataset.state === 'ready') {
    canvas.cy.animate({ fit: { eles: canvas.cy.elements(':visible'), padding: 40 } }, { duration: 350 });
  }
  if (fresh.nonempty() || canvas.expansionOf(id).nonempty()) {
    store.update({ expanded: [...store.state.expanded.filter((x) => x !== id), id] });
  }
  graphChanged();
  return fresh.length;
}

function showPath(result: PathResult, index: number | null, fit = true): void {
  if (!canvas) return;
  pathShown = result;
  const hops = new Map(result.elements.edges.map(({ data }) => [data.id, data]));
  const pathElements = { nodes: result.elements.nodes, edges: [...hops.values()].map((data) => ({ data })) };
  if (drawn?.kind === 'overview' && drawn.truncated) {
    // A cut of a big graph says little around a path: the paths become the picture.
    canvas.load(pathElements);
    drawn = { kind: 'path', truncated: false, filter: drawn.filter };
    store.update({ focus: null, expanded: [] });
    bannerForGraph();
  } else {
    canvas.merge(pathElements, null, null);
  }
  graphChanged();
  const shown = index === null ? result.paths.map((path, i) => ({ path, i })) : [{ path: result.paths[index]!, i: index }];
  const nodes = new Set<string>();
  const edges = new Map<string, string>();
  for (const { path, i } of shown) {
    path.nodes.forEach((n) => nodes.add(n));
    for (const hopId of path.hops) {
      const hop = hops.get(hopId);
      const edge = hop && canvas.edgeFor(hop.source, hop.target, hop.type);
      if (edge && !edges.has(edge)) edges.set(edge, pathColor(i));
    }
  }
  // A path through filtered-out nodes is still shown: the path is what the analyst asked for.
  canvas.cy.elements().filter((el) => nodes.has(el.id()) || edges.has(el.id())).removeClass('filtered offview');
  canvas.highlightPath([...nodes], edges, [result.from.id, result.to.id]);
  if (fit) {
    const onPath = canvas.cy.$('.path');
    const cy = canvas.cy;
    // Where the fit will land, so the names are sized for it before the glide starts.
    const box = onPath.boundingBox({});
    const zoom = Math.min(cy.maxZoom(), (cy.width() - 160) / Math.max(1, box.w), (cy.height() - 160) / Math.max(1, box.h));
    canvas.readablePathNames(zoom);
    cy.animate({ fit: { eles: onPath, padding: 80 } }, { duration: 400 });
  } else {
    canvas.readablePathNames(canvas.cy.zoom());
  }
}

// ---- loading ------------------------------------------------------------------------------

async function loadHealth(): Promise<void> {
  try {
    const health = await api.health();
    const db = health.neo4j.reachable ? `Neo4j ${health.neo4j.version ?? ''} ${health.neo4j.edition ?? ''}`.trim() : 'Neo4j unreachable';
    const stored = health.counts ? ` · stored: ${health.counts.nodes} nodes, ${health.counts.relationships} relationships` : '';
    healthText = `${db}${stored}`;
  } catch (err) {
    healthText = err instanceof ApiError && err.status === 503 ? 'Neo4j unreachable' : '';
  }
  updateFooter();
}

async function fetchElements(state: ViewState): Promise<{ elements: CyElements; truncated: string | null; drawn: Drawn }> {
  const filter = serverFilter(state);
  if (state.focus) {
    const nb = await api.neighborhood(state.focus, { depth: 1, limit: FOCUS_LIMIT });
    return { elements: nb.elements, truncated: nb.truncated ? `Only the first ${FOCUS_LIMIT} neighbours are drawn.` : null, drawn: { kind: 'focus', truncated: nb.truncated, filter } };
  }
  const query = elementsQuery(filter);
  const body = await api.graphElements({ limit: OVERVIEW_NODES, edges: OVERVIEW_EDGES, ...query });
  const filtered = Object.values(query).some((v) => v !== undefined);
  const note = body.truncated ? overviewNote(body.elements.nodes.length, body.total.nodes, filtered) : null;
  return { elements: body.elements, truncated: note, drawn: { kind: 'overview', truncated: body.truncated, filter } };
}

async function loadGraph(): Promise<void> {
  status.loading('Loading the graph…');
  status.banner(null);
  let loaded;
  try {
    loaded = await fetchElements(store.state);
  } catch (err) {
    const unreachable = err instanceof ApiError && err.kind === 'unreachable';
    const focusGone = err instanceof ApiError && err.kind === 'not-found' && store.state.focus;
    status.show(
      'error',
      unreachable ? 'API unreachable' : focusGone ? 'Actor not found' : 'Could not load the graph',
      unreachable
        ? 'The graph server did not answer. Start it with `npm start`, then retry.'
        : focusGone
          ? `The link points at ${store.state.focus}, which is not in the graph any more.`
          : (err as Error).message,
      [
        { text: 'Retry', run: () => void loadGraph() },
        ...(focusGone
          ? [
              {
                text: 'Show whole graph',
                run: () => {
                  store.update({ focus: null, expanded: [] });
                  void loadGraph();
                },
              },
            ]
          : []),
      ],
    );
    return;
  }
  const { elements } = loaded;
  performance.mark('viewer:data');
  truncatedNote = loaded.truncated;
  drawn = loaded.drawn;
  pathShown = null;
  if (!elements.nodes.length && loaded.drawn.kind === 'overview' && Object.values(elementsQuery(loaded.drawn.filter)).some((v) => v !== undefined)) {
    status.show('empty', 'Nothing matches the filters', 'No entity passes the label, relationship and date filters. Tick more of them on the left, or clear them.', [
      {
        text: 'Clear filters',
        run: () => {
          store.update({ hiddenLabels: new Set(), hiddenTypes: new Set(), hiddenRoles: new Set(), since: null, until: null });
          void loadGraph();
        },
      },
    ]);
    return;
  }
  if (!elements.nodes.length) {
    status.show('empty', 'The graph is empty', 'No articles have been ingested yet. Add some with `npm run ingest -- FILE…` or POST /api/articles, then reload.', [
      { text: 'Reload', run: () => void loadGraph() },
    ]);
    return;
  }
  if (elements.nodes.length > MAX_NODES || elements.edges.length > MAX_EDGES) {
    status.show(
      'too-big',
      'Too much to draw at once',
      `This view has ${elements.nodes.length.toLocaleString()} nodes and ${elements.edges.length.toLocaleString()} relationships; the page draws at most ${MAX_NODES.toLocaleString()} nodes and ${MAX_EDGES.toLocaleString()} relationships without freezing. Search for an actor to start from its neighbourhood.`,
      [{ text: 'Search', run: () => search.input.focus() }, backToOverview],
    );
    return;
  }

  status.loading(`Laying out ${elements.nodes.length.toLocaleString()} nodes…`);
  await nextFrame();
  const container = byId('cy');
  if (!canvas) {
    canvas = new GraphCanvas(container, { nodes: elements.nodes.length, edges: elements.edges.length }, { webgl: new URLSearchParams(location.search).get('renderer') === 'webgl' });
    wireGraphEvents(canvas);
  }
  try {
    canvas.load(elements, loaded.drawn.kind === 'focus' ? store.state.focus : null);
  } catch (err) {
    status.show('error', 'Could not draw the graph', `The data arrived but drawing it failed: ${(err as Error).message}`, [{ text: 'Retry', run: () => void loadGraph() }]);
    return;
  }
  filterKey = '';
  applyMarks();
  for (const id of store.state.expanded) {
    if (canvas.cy.getElementById(id).nonempty()) await expand(id);
  }
  graphChanged();
  filterKey = JSON.stringify([[...store.state.hiddenLabels], [...store.state.hiddenTypes], [...store.state.hiddenRoles], store.state.since, store.state.until]);
  // The force layout is already on screen; other views are computed from it.
  if (store.state.view !== 'force') setView(store.state.view);
  else reportView(0);
  status.ready();
  // Marks for benchmarks: data arrived → laid out → painted (two frames after the layout).
  performance.mark('viewer:layout');
  await nextFrame();
  await nextFrame();
  performance.mark('viewer:drawn');

  const { pathFrom, pathTo, selected } = store.state;
  if (selected && canvas.cy.getElementById(selected).nonempty()) select(selected, { center: !(pathFrom && pathTo) });
  else if (selected) store.update({ selected: null });
  if (pathFrom && pathTo) pathFinder.restore(pathFrom, pathTo);
}

function wireGraphEvents(c: GraphCanvas): void {
  const cy = c.cy;
  cy.on('tap', 'node, edge', (event) => {
    if (event.target.hasClass('axis')) return;
    select(event.target.id());
    // shift-click picks nodes for a merge or a new relationship
    if ((event.originalEvent as MouseEvent | undefined)?.shiftKey && event.target.isNode()) curation.togglePick(event.target.id());
  });
  cy.on('tap', (event) => {
    if (event.target === cy) select(null);
  });
  cy.on('dbltap', 'node', (event) => {
    if (!event.target.hasClass('axis')) void toggleExpand(event.target.id());
  });
  const tip = byId('tooltip');
  cy.on('mouseover', 'node', (event) => {
    const node = event.target;
    if (node.hasClass('axis')) return;
    byId('cy').style.cursor = 'pointer';
    // Names are hidden when zoomed out; the tooltip keeps them a hover away.
    // On the map, a group's marker also names the cities it stands for.
    const grouped = c.map.groupOf(node.id()).slice(1).map((id) => String(cy.getElementById(id).data('name')));
    const others = grouped.length > 6 ? `${grouped.slice(0, 6).join(', ')} and ${grouped.length - 6} more` : grouped.join(', ');
    tip.textContent = `${node.data('name')} · ${node.data('label')}${others ? ` · with ${others}` : ''}`;
    const p = node.renderedPosition();
    tip.style.transform = `translate(${Math.round(p.x + 14)}px, ${Math.round(p.y - 30)}px)`;
    tip.hidden = false;
  });
  cy.on('mouseover', 'edge', (event) => {
    const edge = event.target;
    if (edge.hasClass('filtered') || edge.hasClass('offview')) return;
    byId('cy').style.cursor = 'pointer';
    const type = TYPE_LOOK.get(String(edge.data('type')))?.name ?? String(edge.data('type'));
    const caption = String(edge.data('caption') ?? '');
    tip.textContent = `${edge.source().data('name')} — ${caption && caption !== type ? `${type} (${caption})` : type} — ${edge.target().data('name')}`;
    const p = edge.renderedMidpoint();
    tip.style.transform = `translate(${Math.round(p.x + 10)}px, ${Math.round(p.y - 28)}px)`;
    tip.hidden = false;
  });
  cy.on('mouseout', 'node, edge', () => {
    byId('cy').style.cursor = '';
    tip.hidden = true;
  });
  cy.on('viewport', () => {
    tip.hidden = true;
  });
}

window.addEventListener('popstate', () => location.reload());
for (const v of VIEWS) byId(`view-${v}`).setAttribute('aria-pressed', String(v === store.state.view));
void loadHealth();
void loadGraph().then(() => curation.loadCorrections());
