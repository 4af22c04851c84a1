// The graph on screen: one Cytoscape instance plus what the viewer does to it (load, merge,
// expand/collapse, filter, highlight, switch views). Panels talk to the graph only through this.
import cytoscape from 'cytoscape';
import type { Collection, Core, EdgeSingular, ElementDefinition, NodeCollection, NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { CyElements } from '../api.ts';
import type { ViewName } from '../state.ts';
import { MapLayer } from './map-layer.ts';
import { dateToMonths, hubRings, ringAround, timelinePositions, type Placed, type PlainEdge, type PlainNode, type Pos } from './placement.ts';
import { renderSettings, type RenderSettings } from './scale.ts';
import { graphStyle } from './style.ts';
import { edgeCaption, LABELS, ROLE_TYPE } from './vocabulary.ts';

cytoscape.use(fcose);

/** Past this the page would stutter: the viewer asks the user to filter instead. */
export const MAX_NODES = 3000;
export const MAX_EDGES = 8000;
/** A focused entity with more neighbours than this gets rings by label (a force layout piles them up). */
const HUB_RINGS_FROM = 40;
/** A fitted timeline never zooms out past this, so names read at 10 px or more; the rest is a drag away along the axis. */
const TIMELINE_MIN_ZOOM = 0.9;

export interface Filters {
  hiddenLabels: Set<string>;
  hiddenTypes: Set<string>;
  hiddenRoles: Set<string>;
  since: string | null;
  until: string | null;
}

export interface ViewReport {
  view: ViewName;
  unplaced: number;
}

/** Cytoscape shuffles with Math.random; a fixed seed gives the same picture on every load. */
function withSeed<T>(seed: number, run: () => T): T {
  const original = Math.random;
  let s = seed >>> 0;
  Math.random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return run();
  } finally {
    Math.random = original;
  }
}

/** Long names (event titles) are cut for the canvas; the full name is in the tooltip and panel. */
export function shortName(name: string, max = 44): string {
  if (name.length <= max) return name;
  const cut = name.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:(-]+$/, '')}…`;
}

/** Node degrees computed up front, so the first style pass already sizes the hubs. */
function withDegrees(defs: ElementDefinition[]): ElementDefinition[] {
  const degree = new Map<string, number>();
  for (const d of defs) {
    if (d.group !== 'edges') continue;
    for (const end of [String(d.data.source), String(d.data.target)]) degree.set(end, (degree.get(end) ?? 0) + 1);
  }
  for (const d of defs) if (d.group === 'nodes') d.data.deg = degree.get(String(d.data.id)) ?? 0;
  return defs;
}

/**
 * Element JSON ready for cy.add(): each id once, and no edge whose end is neither in the payload
 * nor already on screen (Cytoscape would throw and leave the page half drawn).
 */
function toDefinitions(elements: CyElements, onScreen: (id: string) => boolean = () => false): ElementDefinition[] {
  const nodes = new Map<string, ElementDefinition>();
  for (const n of elements.nodes) {
    if (!nodes.has(n.data.id)) nodes.set(n.data.id, { group: 'nodes', data: { ...n.data, short: shortName(n.data.name) } });
  }
  const edges = new Map<string, ElementDefinition>();
  const known = (id: string) => nodes.has(id) || onScreen(id);
  for (const e of elements.edges) {
    if (!edges.has(e.data.id) && known(e.data.source) && known(e.data.target)) {
      edges.set(e.data.id, { group: 'edges', data: { ...e.data, caption: edgeCaption(e.data) } });
    }
  }
  return [...nodes.values(), ...edges.values()];
}

const FCOSE_BASE = {
  name: 'fcose',
  animate: false,
  fit: false,
  idealEdgeLength: () => 120,
  nodeRepulsion: () => 12000,
  edgeElasticity: () => 0.45,
  gravity: 0.3,
  tile: true,
  tilingPaddingVertical: 30,
  tilingPaddingHorizontal: 30,
};

export class GraphCanvas {
  readonly cy: Core;
  private large = false;
  private view: ViewName = 'force';
  /** Whether nodes carry the timeline's `labelled` class (so other views skip looking for them on every frame). */
  private timelineNamed = false;
  /** Force-layout positions, kept while another view is shown. */
  private forcePositions = new Map<string, Pos>();
  /** Which expansion brought each element in, so collapsing removes exactly that. */
  private addedBy = new Map<string, string>();
  /** The map view's base map, city groups and arcs. */
  readonly map: MapLayer;

  /** `webgl`: Cytoscape's WebGL renderer (3.31+) draws nodes and edges; the viewer's `?renderer=webgl`. */
  constructor(container: HTMLElement, size: { nodes: number; edges: number }, opts: { webgl?: boolean } = {}) {
    const settings = renderSettings(size);
    this.large = settings.large;
    this.cy = cytoscape({
      container,
      webgl: opts.webgl ?? false,
      style: graphStyle({ large: this.large }),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      textureOnViewport: settings.textureOnViewport,
      hideEdgesOnViewport: settings.hideEdgesOnViewport,
      motionBlur: settings.motionBlur,
      pixelRatio: settings.pixelRatio,
    });
    // What the init options cannot say (the snapshot's resolution and bounding box, edges pressed).
    patchEdgeActivation(this.cy);
    skipSnapshotBoundingBox(this.cy);
    applyRenderSettings(this.cy, settings);
    this.cy.on('viewport', debounceFrame(() => this.labelInView()));
    // Whoever adds or removes elements (expand, collapse, a script on window.__cy), the look and the
    // renderer's settings follow the size, once per burst: `add` fires for every element.
    let pending = false;
    this.cy.on('add remove', () => {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        this.updateScaleMode();
      });
    });
    this.map = new MapLayer(this.cy);
  }

  /**
   * In big graphs, names follow the zoom by style (graphStyle: hubs first, everyone once zoomed in
   * close), without restyling. The timeline spaces its nodes for their names: there, all nodes in
   * view are named at its readable zoom (class `labelled`).
   */
  private labelInView(): void {
    if (!this.large || this.view !== 'timeline' || this.cy.zoom() < TIMELINE_MIN_ZOOM * 0.99) {
      if (this.timelineNamed) this.cy.nodes('.labelled').removeClass('labelled');
      this.timelineNamed = false;
      return;
    }
    this.timelineNamed = true;
    const ext = this.cy.extent();
    this.cy.batch(() => {
      for (const node of this.cy.nodes().toArray() as NodeSingular[]) {
        const p = node.position();
        const show = p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
        if (show !== node.hasClass('labelled')) node.toggleClass('labelled', show);
      }
    });
  }

  /** Graph elements only (no axis decorations). */
  entities(): Collection {
    return this.cy.elements().not('.axis');
  }

  /**
   * Replace everything with `elements` and lay it out; with `hub` (a focused entity with many
   * neighbours), its neighbours go on rings around it grouped by label instead of a force layout
   * that would pile them up.
   */
  load(elements: CyElements, hub: string | null = null): void {
    this.map.hide();
    this.cy.elements().remove();
    this.addedBy.clear();
    this.forcePositions.clear();
    this.hiddenByHand.clear();
    this.cy.add(withDegrees(toDefinitions(elements)));
    this.updateScaleMode();
    if (hub && this.cy.getElementById(hub).nonempty() && this.cy.nodes().length > HUB_RINGS_FROM) this.layoutHub(hub);
    else this.layoutAll();
  }

  private layoutHub(hub: string): void {
    const others = this.entities().nodes().filter((n) => n.id() !== hub).toArray() as NodeSingular[];
    const byDegree = (a: NodeSingular, b: NodeSingular) => Number(b.data('deg') ?? 0) - Number(a.data('deg') ?? 0) || String(a.data('name')).localeCompare(String(b.data('name')));
    const groups = LABELS.map(({ label }) => others.filter((n) => n.data('label') === label).sort(byDegree).map((n) => n.id()));
    const center = { x: 0, y: 0 };
    const positions = hubRings(center, groups);
    this.cy.batch(() => {
      (this.cy.getElementById(hub) as NodeSingular).position(center);
      for (const [id, pos] of positions) (this.cy.getElementById(id) as NodeSingular).position(pos);
    });
    for (const node of this.entities().nodes().toArray() as NodeSingular[]) this.forcePositions.set(node.id(), { ...node.position() });
    this.fit();
  }

  /**
   * Add what is not on screen yet; new nodes start on a ring around `near` (or their first
   * placed neighbour) and only they are laid out. Returns the new nodes.
   */
  merge(elements: CyElements, near: string | null, addedBy: string | null): NodeCollection {
    const onScreen = (id: string) => this.cy.getElementById(id).nonempty();
    const fresh = toDefinitions(elements, onScreen).filter((d) => !onScreen(String(d.data.id)));
    if (!fresh.length) return this.cy.collection().nodes();
    const added = this.cy.add(fresh);
    this.updateDegrees(added.connectedNodes().union(added.nodes()));
    if (addedBy) for (const el of added) this.addedBy.set(el.id(), addedBy);
    const newNodes = added.nodes();
    this.updateScaleMode();
    if (newNodes.nonempty()) this.placeNew(newNodes, near);
    return newNodes;
  }

  private placeNew(newNodes: NodeCollection, near: string | null): void {
    const old = this.entities().nodes().difference(newNodes);
    if (old.empty()) {
      this.layoutAll();
      return;
    }
    const bb = old.boundingBox();
    const centroid = { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
    const groups = new Map<string, string[]>();
    const nearNode = near ? this.cy.getElementById(near) : null;
    for (const node of newNodes.toArray() as NodeSingular[]) {
      const linkedToNear = nearNode?.nonempty() && node.edgesWith(nearNode).nonempty();
      const anchor = linkedToNear ? nearNode : node.neighborhood('node').difference(newNodes).first();
      const key = anchor && anchor.nonempty() ? anchor.id() : (near ?? '');
      groups.set(key, [...(groups.get(key) ?? []), node.id()]);
    }
    for (const [anchorId, ids] of groups) {
      const anchor = anchorId ? (this.cy.getElementById(anchorId) as NodeSingular) : null;
      const origin = anchor?.nonempty() ? anchor.position() : { x: bb.x2 + 200, y: centroid.y };
      for (const [id, pos] of ringAround(origin, centroid, ids)) (this.cy.getElementById(id) as NodeSingular).position(pos);
    }
    if (this.view !== 'force') {
      for (const node of newNodes.toArray() as NodeSingular[]) this.forcePositions.set(node.id(), { ...node.position() });
      this.applyView(this.view);
      return;
    }
    // Settle only the new nodes among their placed neighbours, which stay fixed.
    const anchors = newNodes.neighborhood('node').difference(newNodes);
    const pinned = (anchors.toArray() as NodeSingular[]).map((n) => ({ node: n, at: { ...n.position() } }));
    if (newNodes.length > 1 && newNodes.length <= 400) {
      withSeed(7, () =>
        newNodes
          .union(anchors)
          .layout({
            name: 'fcose',
            randomize: false,
            quality: 'proof',
            animate: false,
            fit: false,
            nodeDimensionsIncludeLabels: true,
            idealEdgeLength: () => 110,
            nodeRepulsion: () => 9000,
            fixedNodeConstraint: pinned.map(({ node, at }) => ({ nodeId: node.id(), position: at })),
          } as cytoscape.LayoutOptions)
          .run(),
      );
      // fcose may translate the whole result; shift it back so placed nodes stay exactly where they were.
      if (pinned.length) {
        const dx = pinned.reduce((sum, { node, at }) => sum + node.position('x') - at.x, 0) / pinned.length;
        const dy = pinned.reduce((sum, { node, at }) => sum + node.position('y') - at.y, 0) / pinned.length;
        for (const node of newNodes.toArray() as NodeSingular[]) node.position({ x: node.position('x') - dx, y: node.position('y') - dy });
        for (const { node, at } of pinned) node.position(at);
      }
    }
  }

  private updateDegrees(nodes: Collection): void {
    this.cy.batch(() => {
      for (const node of nodes.nodes().toArray() as NodeSingular[]) {
        if (!node.hasClass('axis')) node.data('deg', node.degree(false));
      }
    });
  }

  /** Full force layout (initial load, "re-layout"). */
  layoutAll(): void {
    const nodes = this.entities().nodes();
    if (nodes.empty()) return;
    const n = nodes.length;
    const small = n <= 150;
    withSeed(42, () => {
      if (small) {
        // Small graphs get the careful layout: labels count as part of the node, so none overlap.
        this.entities().layout({ ...FCOSE_BASE, quality: 'proof', randomize: true, nodeDimensionsIncludeLabels: true } as cytoscape.LayoutOptions).run();
        // fcose counts labels but does not promise that no two touch; a few pushes settle what is left
        separateLabels(nodes, 6);
        return;
      }
      // Big graphs: the force phase costs seconds per hundred nodes, so mid-sized graphs get the
      // fast-cooling variant and large ones the spectral draft alone (well under a second).
      const mid = n <= 400;
      this.entities()
        .layout({
          ...FCOSE_BASE,
          quality: mid ? 'default' : 'draft',
          randomize: true,
          uniformNodeDimensions: true,
          idealEdgeLength: () => 80,
          nodeRepulsion: () => 8000,
          numIter: 1000,
          nodeSeparation: 90,
          sampleSize: 50,
        } as cytoscape.LayoutOptions)
        .run();
      if (!mid) spreadToArea(nodes, 90);
    });
    this.shelveIsolated(nodes);
    for (const node of nodes.toArray() as NodeSingular[]) this.forcePositions.set(node.id(), { ...node.position() });
    this.fit();
  }

  /**
   * Nodes without relationships would float far off (the layout pushes them out), shrinking
   * everything else on fit; they go on a shelf right under the connected part instead.
   */
  private shelveIsolated(nodes: NodeCollection): void {
    const isolated = nodes.filter((n) => (n as NodeSingular).degree(false) === 0).toArray() as NodeSingular[];
    const connected = nodes.filter((n) => (n as NodeSingular).degree(false) > 0).toArray() as NodeSingular[];
    if (!isolated.length || !connected.length) return;
    const xs = connected.map((n) => n.position('x'));
    const ys = connected.map((n) => n.position('y'));
    const x1 = Math.min(...xs);
    const width = Math.max(...xs) - x1;
    const perRow = Math.max(1, Math.floor(width / 140) + 1);
    isolated.forEach((node, i) => {
      node.position({ x: x1 + (i % perRow) * 140, y: Math.max(...ys) + 110 + Math.floor(i / perRow) * 90 });
    });
  }

  fit(eles?: Collection): void {
    if (!eles && this.view === 'timeline') {
      this.fitTimeline();
      return;
    }
    if (!eles && this.large) {
      this.fitPositions();
      return;
    }
    const target = eles && eles.nonempty() ? eles : this.cy.elements(':visible');
    this.cy.fit(target.nonempty() ? target : undefined, 40);
    // Never blow a tiny graph up past a comfortable reading size.
    if (this.cy.zoom() > 1.6) this.cy.zoom({ level: 1.6, position: target.nonempty() ? centerOf(target) : { x: 0, y: 0 } });
  }

  /**
   * The whole timeline when its names stay readable; otherwise the readable zoom, showing the
   * latest events and the axis (earlier years are a drag to the right away).
   */
  private fitTimeline(): void {
    if (this.large) this.fitPositions();
    else this.cy.fit(this.cy.elements(':visible'), 40);
    this.cy.zoom(Math.min(this.cy.zoom(), 1.6));
    if (this.cy.zoom() >= TIMELINE_MIN_ZOOM) return;
    const drawn = this.cy.nodes().filter((n) => !n.hasClass('filtered') && !n.hasClass('offview')).toArray() as NodeSingular[];
    const zoom = TIMELINE_MIN_ZOOM;
    const right = Math.max(...drawn.map((n) => n.position('x'))) + 80;
    const left = right - this.cy.width() / zoom;
    // Vertically, what is in that stretch of time: centred when it fits, else the axis kept in view at the bottom.
    const ys = drawn.filter((n) => n.position('x') >= left).map((n) => n.position('y'));
    const top = Math.min(...ys) - 40;
    const bottom = Math.max(...ys) + 60;
    const height = this.cy.height() / zoom;
    const middle = bottom - top <= height ? (top + bottom) / 2 : bottom - height / 2;
    this.cy.viewport({ zoom, pan: { x: this.cy.width() - zoom * right, y: this.cy.height() / 2 - zoom * middle } });
  }

  /**
   * Fit from node positions alone. cy.fit() measures the bounding box of every element, which
   * on thousands of elements costs a second or more; for a big graph the centres are enough.
   */
  private fitPositions(): void {
    // By class, not ':visible': right after a view switch the hidden state may not be styled yet.
    const nodes = this.cy.nodes().filter((n) => !n.hasClass('filtered') && !n.hasClass('offview')).toArray() as NodeSingular[];
    if (!nodes.length) return;
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const node of nodes) {
      const p = node.position();
      x1 = Math.min(x1, p.x);
      x2 = Math.max(x2, p.x);
      y1 = Math.min(y1, p.y);
      y2 = Math.max(y2, p.y);
    }
    const pad = 60;
    const zoom = Math.min(1.6, Math.max(this.cy.minZoom(), Math.min((this.cy.width() - 2 * pad) / Math.max(1, x2 - x1), (this.cy.height() - 2 * pad) / Math.max(1, y2 - y1))));
    this.cy.viewport({ zoom, pan: { x: this.cy.width() / 2 - zoom * ((x1 + x2) / 2), y: this.cy.height() / 2 - zoom * ((y1 + y2) / 2) } });
  }

  /** Called right after the viewer's own changes (the layout needs the look) and after any other add or remove. */
  private updateScaleMode(): void {
    const entities = this.entities();
    const settings = renderSettings({ nodes: entities.nodes().length, edges: entities.edges().length });
    if (settings.large === this.large) return;
    this.large = settings.large;
    this.cy.style(graphStyle({ large: settings.large }));
    applyRenderSettings(this.cy, settings);
    if (settings.large) this.labelInView();
  }

  /** Nodes the analyst hid one by one; they stay hidden through filter changes until shown again. */
  private hiddenByHand = new Set<string>();
  private lastFilters: Filters | null = null;

  hideNode(id: string): void {
    this.hiddenByHand.add(id);
    if (this.lastFilters) this.applyFilters(this.lastFilters);
  }

  hiddenCount(): number {
    return this.hiddenByHand.size;
  }

  /** Show every node hidden by hand again; returns how many. */
  showHidden(): number {
    const count = this.hiddenByHand.size;
    this.hiddenByHand.clear();
    if (this.lastFilters) this.applyFilters(this.lastFilters);
    return count;
  }

  /** Pinned nodes keep their place through re-layouts and drags of their neighbours. */
  togglePin(id: string): boolean {
    const node = this.cy.getElementById(id) as NodeSingular;
    if (node.locked()) node.unlock();
    else node.lock();
    node.toggleClass('pinned', node.locked());
    return node.locked();
  }

  applyFilters(f: Filters): void {
    this.lastFilters = f;
    // since/until are YYYY or YYYY-MM; compare against the first and last day they cover.
    const since = f.since ? dateToMonths(f.since.length === 4 ? `${f.since}-01-01` : `${f.since}-01`) : null;
    const untilMonths = f.until ? dateToMonths(f.until.length === 4 ? `${f.until}-12-31` : `${f.until}-31`) : null;
    const outOfRange = (date: unknown): boolean => {
      const t = dateToMonths(date);
      if (t === null) return false;
      return (since !== null && t < since) || (untilMonths !== null && t > untilMonths);
    };
    const hiddenNodes = new Set<string>();
    this.cy.batch(() => {
      for (const node of this.entities().nodes().toArray()) {
        const label = String(node.data('label'));
        const hide = f.hiddenLabels.has(label) || (label === 'Event' && outOfRange(node.data('date'))) || this.hiddenByHand.has(node.id());
        if (hide) hiddenNodes.add(node.id());
        if (hide !== node.hasClass('filtered')) node.toggleClass('filtered', hide);
      }
      for (const edge of this.cy.edges().toArray()) {
        const type = String(edge.data('type'));
        const hide =
          f.hiddenTypes.has(type) ||
          (type === ROLE_TYPE && f.hiddenRoles.has(String(edge.data('role')))) ||
          outOfRange(edge.data('date')) ||
          hiddenNodes.has(edge.data('source')) ||
          hiddenNodes.has(edge.data('target'));
        if (hide !== edge.hasClass('filtered')) edge.toggleClass('filtered', hide);
      }
    });
    this.map.regroup(true);
  }

  /** Fade everything except the selected element and its neighbours. */
  highlightSelection(id: string | null): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('faded neighbor');
      if (!id || this.cy.$('.path').nonempty()) return;
      const el = this.cy.getElementById(id);
      if (el.empty()) return;
      const keep = el.isEdge() ? el.union((el as unknown as EdgeSingular).connectedNodes()) : (el as unknown as NodeSingular).closedNeighborhood();
      this.entities().difference(keep).addClass('faded');
      keep.nodes().addClass('neighbor');
    });
  }

  /** `edgeColors`: the colour of the path each edge is on (the first path, when on several). */
  highlightPath(nodeIds: string[], edgeColors: Map<string, string>, ends: string[]): void {
    this.cy.batch(() => {
      this.clearPath();
      const nodeSet = new Set(nodeIds);
      const onPath = this.entities().filter((el) => (el.isNode() ? nodeSet.has(el.id()) : edgeColors.has(el.id())));
      onPath.addClass('path');
      for (const edge of onPath.edges().toArray()) edge.data('pathColor', edgeColors.get(edge.id()));
      for (const id of ends) this.cy.getElementById(id).addClass('path-end');
      this.entities().difference(onPath).addClass('faded');
    });
  }

  /**
   * Names on a path stay readable at the zoom `zoom` (a fit of a long path zooms far out): their
   * font grows to read at least 13 px on screen.
   */
  readablePathNames(zoom: number): void {
    const size = Math.max(12, Math.round(13 / zoom));
    this.cy.batch(() => {
      this.cy.nodes('.path').style({ 'font-size': size, 'text-max-width': `${Math.round(size * 12)}px` });
      this.cy.edges('.path').style({ 'font-size': Math.round(size * 0.85) });
    });
  }

  clearPath(): void {
    this.cy.elements().removeClass('path path-end faded neighbor');
    this.cy.elements().removeStyle('font-size text-max-width');
    this.cy.edges('[pathColor]').removeData('pathColor');
  }

  /** Find the on-screen edge for a path hop (symmetric types may be stored either way round). */
  edgeFor(source: string, target: string, type: string): string | null {
    const s = CSS.escape(source);
    const t = CSS.escape(target);
    const edge = this.cy.edges(`[type = "${type}"]`).filter((el) => {
      const e = el as EdgeSingular;
      const a = e.source().id();
      const b = e.target().id();
      return (a === source && b === target) || (a === target && b === source);
    });
    if (edge.nonempty()) return edge.first().id();
    const any = this.cy.$(`#${s}`).edgesWith(`#${t}`);
    return any.nonempty() ? any.first().id() : null;
  }

  /** Nodes that were brought in by expanding `id`, and have not been expanded themselves. */
  expansionOf(id: string): Collection {
    return this.cy.elements().filter((el) => this.addedBy.get(el.id()) === id);
  }

  collapse(id: string, keep: Set<string>): number {
    const mine = this.expansionOf(id);
    let removed = 0;
    // Collapse nested expansions first so nothing is left dangling.
    for (const node of mine.nodes().toArray()) removed += this.collapse(node.id(), keep);
    const nodes = mine.nodes().filter((n) => !keep.has(n.id()));
    removed += nodes.length;
    const edges = mine.edges().filter((e) => !keep.has(e.id()));
    const touched = nodes.union(edges).connectedNodes().difference(nodes);
    this.cy.remove(nodes.union(edges));
    this.updateDegrees(touched);
    for (const el of nodes.union(edges).toArray()) this.addedBy.delete(el.id());
    return removed;
  }

  /** Switch between force, timeline and geographic views; returns how many nodes it could not place. */
  applyView(view: ViewName): ViewReport {
    const cy = this.cy;
    if (this.view === 'force' && view !== 'force') {
      for (const node of this.entities().nodes().toArray()) this.forcePositions.set(node.id(), { ...node.position() });
    }
    this.view = view;
    let placed: Placed | null = null;
    cy.batch(() => {
      cy.$('.axis').remove();
      cy.elements().removeClass('offview');
      this.map.hide();
      if (view === 'force') {
        const missing = this.entities().nodes().filter((n) => !this.forcePositions.has(n.id()));
        for (const node of this.entities().nodes().toArray()) {
          const pos = this.forcePositions.get(node.id());
          if (pos) node.position(pos);
        }
        if (missing.nonempty()) this.placeNew(missing, null);
        return;
      }
      const visible = this.entities().nodes().not('.filtered');
      const plainNodes: PlainNode[] = visible.map((n) => ({ id: n.id(), label: n.data('label'), date: n.data('date'), lat: n.data('lat'), lon: n.data('lon') }));
      const plainEdges: PlainEdge[] = this.entities()
        .edges()
        .not('.filtered')
        .map((e) => ({ source: (e as EdgeSingular).source().id(), target: (e as EdgeSingular).target().id(), event: e.data('event') }));
      placed = view === 'timeline' ? timelinePositions(plainNodes, plainEdges) : { ...this.map.show(plainNodes), ticks: [], lines: [] };
      for (const [id, pos] of placed.positions) cy.getElementById(id).position(pos);
      for (const id of placed.unplaced) cy.getElementById(id).addClass('offview');
      this.entities()
        .edges()
        .filter((e) => (e as EdgeSingular).connectedNodes().some((n) => (n as NodeSingular).hasClass('offview')))
        .addClass('offview');
      // The timeline is about who took part in what: links between non-events would only clutter it,
      // except a visit or meeting that belongs to an event on the axis (drawn by that event).
      if (view === 'timeline') {
        const onAxis = (e: EdgeSingular) => e.connectedNodes().some((n) => n.data('label') === 'Event') || placed!.positions.has(String(e.data('event') ?? ''));
        this.entities().edges().filter((e) => !onAxis(e as EdgeSingular)).addClass('offview');
      }
      this.drawDecorations(placed);
    });
    this.fit();
    // Grouping depends on the zoom the fit chose.
    this.map.regroup(true);
    return { view, unplaced: placed ? (placed as Placed).unplaced.length : 0 };
  }

  private drawDecorations(placed: Placed): void {
    const defs: ElementDefinition[] = [];
    for (const line of placed.lines) {
      const horizontal = Math.abs(line.to.y - line.from.y) < 1;
      defs.push({
        group: 'nodes',
        data: {
          id: `__axis:${line.id}`,
          name: '',
          w: horizontal ? Math.max(1, Math.abs(line.to.x - line.from.x)) : 1.5,
          h: horizontal ? 1.5 : Math.max(1, Math.abs(line.to.y - line.from.y)),
        },
        classes: 'axis axis-line',
        position: { x: (line.from.x + line.to.x) / 2, y: (line.from.y + line.to.y) / 2 },
        selectable: false,
        grabbable: false,
        pannable: true,
      });
    }
    for (const tick of placed.ticks) {
      defs.push({
        group: 'nodes',
        data: { id: `__axis:t:${tick.id}`, name: tick.name },
        classes: 'axis',
        position: { x: tick.x, y: tick.y },
        selectable: false,
        grabbable: false,
        pannable: true,
      });
    }
    this.cy.add(defs).lock();
  }

  currentView(): ViewName {
    return this.view;
  }

  /** What is on screen, as Cytoscape element JSON with positions. */
  visibleElements(): { nodes: unknown[]; edges: unknown[] } {
    const visible = this.entities().filter(':visible');
    return {
      nodes: visible.nodes().map((n) => ({ data: stripInternal(n.data()), position: { ...n.position() } })),
      edges: visible.edges().map((e) => ({ data: stripInternal(e.data()) })),
    };
  }
}

/**
 * The fields of Cytoscape's canvas renderer behind its init options textureOnViewport,
 * hideEdgesOnViewport, motionBlur and pixelRatio (src/extensions/renderer/base/index.mjs, 3.35).
 * Cytoscape has no API to change them after init (cytoscape.js#2929), but reads these on every frame.
 * `textureMult` is the resolution of the snapshot moved while the picture moves, in canvas pixels
 * per canvas pixel (canvas/drawing-redraw.mjs: 2 at pixel ratio 1), set by `matchCanvasSize`.
 * `data.lyrTxrCache` is the layered texture cache (canvas/layered-texture-cache.mjs): its
 * `getLayers` answering null makes every frame draw the elements themselves.
 */
interface CanvasRendererFields {
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
  motionBlurEnabled: boolean;
  motionBlur: boolean;
  forcedPixelRatio: number | null;
  textureMult: number;
  canvasWidth: number;
  container: HTMLElement;
  matchCanvasSize(container: HTMLElement): void;
  data: { lyrTxrCache?: { getLayers?: () => null } };
}

/** Instances whose edges are never marked active (big pictures). */
const edgesStayInactive = new WeakSet<Core>();

/**
 * Cytoscape marks the element under every press active (`near.activate()` in its mousedown and
 * touchstart handlers, base/load-listeners.mjs, 3.35), and any change of state restyles the element
 * and asks for a redraw of every element (BRp.notify): in a big picture, a full redraw at the press
 * of each pan, as long as the one at its release. There is no option for it, and elements share
 * one prototype, so its `activate` skips edges of the instances in `edgesStayInactive`; nodes are
 * still activated (a press on a node grabs it, a full redraw anyway).
 */
function patchEdgeActivation(cy: Core): void {
  const proto = Object.getPrototypeOf(cy.collection()) as { activate: (...args: unknown[]) => Collection; edgeActivationPatched?: true };
  if (proto.edgeActivationPatched) return;
  const activate = proto.activate;
  proto.edgeActivationPatched = true;
  proto.activate = function (this: Collection & { cy(): Core }, ...args: unknown[]) {
    if (args.length === 0 && this.nonempty() && this.edges().length === this.length && edgesStayInactive.has(this.cy())) return this;
    return activate.apply(this, args);
  };
}

/** What `skipSnapshotBoundingBox` reads of the canvas renderer to tell a gesture's first frame (canvas/drawing-redraw.mjs). */
interface SnapshotRenderer {
  textureOnViewport: boolean;
  textureCache: object | null;
  pinching?: boolean;
  swipePanning?: boolean;
  hoverData: { dragging?: boolean };
  data: { wheelZooming?: boolean };
  render(options?: { forcedContext?: unknown }): void;
}

/**
 * On a gesture's first frame Cytoscape's canvas renderer computes the bounding box of every element
 * for the snapshot it then moves (`textureCache.bb`, canvas/drawing-redraw.mjs) and never reads it
 * (3.34 and 3.35): with 7,000 elements, 11–24 ms of that frame. During that one render call the
 * box of all elements is answered empty; any other render, and every other caller, gets the real one.
 */
function skipSnapshotBoundingBox(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): SnapshotRenderer | undefined }).renderer();
  if (!renderer) return;
  const render = renderer.render.bind(renderer);
  renderer.render = (options) => {
    const startsSnapshot =
      renderer.textureOnViewport && !options?.forcedContext && !renderer.textureCache && Boolean(renderer.pinching || renderer.hoverData.dragging || renderer.swipePanning || renderer.data.wheelZooming);
    if (!startsSnapshot) return render(options);
    const everything = (cy as unknown as { mutableElements(): object }).mutableElements();
    Object.defineProperty(everything, 'boundingBox', { configurable: true, value: () => ({ x1: 0, y1: 0, x2: 0, y2: 0, w: 0, h: 0 }) });
    try {
      return render(options);
    } finally {
      delete (everything as { boundingBox?: unknown }).boundingBox;
    }
  };
}

function applyRenderSettings(cy: Core, settings: RenderSettings): void {
  const renderer = (cy as unknown as { renderer(): CanvasRendererFields | undefined }).renderer();
  if (!renderer) return;
  renderer.textureOnViewport = settings.textureOnViewport;
  renderer.hideEdgesOnViewport = settings.hideEdgesOnViewport;
  renderer.motionBlurEnabled = settings.motionBlur;
  renderer.motionBlur = settings.motionBlur;
  renderer.forcedPixelRatio = settings.pixelRatio === 'auto' ? null : settings.pixelRatio;
  // The snapshot's resolution: Cytoscape's rule (twice the canvas at pixel ratio 1) or the canvas's own.
  // Its first frame draws every node in view into it, four times the pixels at twice the resolution.
  if (settings.snapshotAtScreenResolution) Object.defineProperty(renderer, 'textureMult', { configurable: true, get: () => 1, set: () => {} });
  else delete (renderer as Partial<CanvasRendererFields>).textureMult;
  // The layered texture cache draws the whole picture into one layer in the background (up to 90 % of
  // every cheap frame, the moving ones included), and Chromium rasterises that layer on its first use:
  // one frame of every element again, then a layer that the next restyle or zoom level throws away.
  const layers = renderer.data.lyrTxrCache;
  if (layers && settings.layeredTextureCache) delete layers.getLayers;
  else if (layers) layers.getLayers = () => null;
  if (settings.activeEdgeOnPress) edgesStayInactive.delete(cy);
  else edgesStayInactive.add(cy);
  // Canvases (the snapshot's among them) sized for the new pixel ratio and resolution now.
  renderer.canvasWidth = 0;
  renderer.matchCanvasSize(renderer.container);
  cy.forceRender();
}

/** Run at most once per 120 ms of quiet, so panning never waits on it. */
function debounceFrame(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, 120);
  };
}

/** Scale positions about their centre so each node gets about `spacing`² of room (the draft packs them tight). */
/**
 * Moves nodes whose boxes (labels included) overlap apart along the axis where they overlap least, half each,
 * until none do or the rounds run out. For small pictures only: each round measures every pair.
 */
function separateLabels(nodes: NodeCollection, gap: number, rounds = 50): void {
  const list = nodes.toArray() as NodeSingular[];
  for (let round = 0; round < rounds; round++) {
    const boxes = list.map((n) => n.boundingBox({ includeLabels: true, includeOverlays: false }));
    let moved = false;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + gap;
        const dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + gap;
        if (dx <= 0 || dy <= 0) continue;
        const alongX = dx < dy;
        const sign = alongX ? Math.sign(a.x1 + a.x2 - b.x1 - b.x2) || 1 : Math.sign(a.y1 + a.y2 - b.y1 - b.y2) || 1;
        const half = ((alongX ? dx : dy) / 2) * sign;
        for (const [node, box, d] of [[list[i]!, a, half], [list[j]!, b, -half]] as const) {
          const p = node.position();
          node.position(alongX ? { x: p.x + d, y: p.y } : { x: p.x, y: p.y + d });
          if (alongX) Object.assign(box, { x1: box.x1 + d, x2: box.x2 + d });
          else Object.assign(box, { y1: box.y1 + d, y2: box.y2 + d });
        }
        moved = true;
      }
    }
    if (!moved) return;
  }
}

function spreadToArea(nodes: NodeCollection, spacing: number): void {
  // From positions, not boundingBox(): that would measure every label first.
  const xs = nodes.map((n) => (n as NodeSingular).position('x'));
  const ys = nodes.map((n) => (n as NodeSingular).position('y'));
  const bb = { x1: Math.min(...xs), x2: Math.max(...xs), y1: Math.min(...ys), y2: Math.max(...ys), w: 0, h: 0 };
  bb.w = bb.x2 - bb.x1;
  bb.h = bb.y2 - bb.y1;
  const side = Math.sqrt(nodes.length) * spacing;
  const k = side / Math.max(bb.w, bb.h, 1);
  const cx = (bb.x1 + bb.x2) / 2;
  const cy = (bb.y1 + bb.y2) / 2;
  nodes.positions((node) => {
    const p = (node as NodeSingular).position();
    return { x: cx + (p.x - cx) * k, y: cy + (p.y - cy) * k };
  });
}

/** Data the viewer adds for drawing (names cut to size, degrees, the map's sizes and arcs). */
const INTERNAL_DATA = new Set(['caption', 'short', 'deg', 'mapSize', 'mapFont', 'mapBorder', 'mapLabel', 'mapWidth', 'groupSize', 'arc']);

function stripInternal(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !INTERNAL_DATA.has(key)));
}

function centerOf(eles: Collection): Pos {
  const bb = eles.boundingBox();
  return { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
}
