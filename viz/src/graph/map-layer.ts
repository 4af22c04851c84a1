// The map view's layer: country shapes (Natural Earth, bundled, drawn on a canvas under the graph
// in the graph's own coordinates, so they pan and zoom with it), cities at their projected
// coordinates, nearby cities grouped into one marker at the current zoom, and city-to-city lines
// drawn as arcs. Sizes are divided by the zoom so markers and names read the same at any zoom.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { arcBend, citiesOnMap, groupNearby, mapProjection, zoomStep, type Group } from './mapping.ts';
import type { PlainNode, Pos } from './placement.ts';

/** Cities closer than this on screen share one marker. */
const GROUP_RADIUS_PX = 48;
/** On-screen sizes of a city marker, a group marker's growth, its name and a line. */
const MARKER_PX = 16;
const FONT_PX = 13;
const LINE_PX = 2.5;
/** Zoomed in this far, cities a few kilometres apart get their own markers. */
const MAP_MAX_ZOOM = 24;
const SEA = '#e8f0f6';
const LAND = '#f7f5ef';
const BORDER = '#c5bfb1';
const COAST = '#a9b8c4';
/** Antarctica would take a third of a Mercator map and holds no city of ours. */
const ANTARCTICA = '010';

interface Country {
  name: string;
  path: Path2D;
}

interface Shapes {
  countries: Country[];
  land: Path2D;
  borders: Path2D;
}

export class MapLayer {
  readonly backdrop: HTMLCanvasElement;
  private shapes: Shapes | null = null;
  private loading: Promise<void> | null = null;
  private active = false;
  /** Each city's true projected position; grouped cities are drawn at their group's lead. */
  private home = new Map<string, Pos>();
  private groups: Group[] = [];
  private step = Number.NaN;
  private drawQueued = false;
  private otherMaxZoom: number;

  constructor(private readonly cy: Core) {
    this.otherMaxZoom = cy.maxZoom();
    this.backdrop = document.createElement('canvas');
    this.backdrop.className = 'basemap';
    this.backdrop.dataset.testid = 'basemap';
    this.backdrop.hidden = true;
    const container = cy.container()!;
    container.parentElement!.insertBefore(this.backdrop, container);
    cy.on('viewport resize', () => this.queueDraw());
    cy.on('viewport', debounce(() => this.regroup(), 90));
    // A selected city always leads its group, so it stays in sight at its own place.
    cy.on('select unselect', 'node.on-map', () => this.regroup(true));
    // A group marker zooms in until it splits, as on any web map; the tap also selects its lead.
    cy.on('tap', 'node.map-group', (event) => {
      const node = event.target as NodeSingular;
      cy.animate({ zoom: Math.min(cy.maxZoom(), cy.zoom() * 2.5), center: { eles: node } }, { duration: 300 });
    });
  }

  /**
   * Cities at their coordinates, returned for the canvas to position; marks them and the lines
   * between them as on the map. Everything else is unplaced (the view shows cities only).
   */
  show(nodes: PlainNode[]): { positions: Map<string, Pos>; unplaced: string[] } {
    const cy = this.cy;
    const { points, unplaced } = citiesOnMap(nodes);
    this.home = new Map(points.map((p) => [p.id, { x: p.x, y: p.y }]));
    this.active = true;
    this.step = Number.NaN;
    this.backdrop.hidden = false;
    cy.maxZoom(MAP_MAX_ZOOM);
    // Data first: the on-map style maps it, and Cytoscape warns about a mapper without data.
    cy.batch(() => {
      for (const id of this.home.keys()) cy.getElementById(id).data({ mapLabel: cy.getElementById(id).data('short'), groupSize: 1 });
    });
    this.setSizes(1);
    cy.batch(() => {
      for (const edge of this.cityEdges().toArray() as EdgeSingular[]) edge.data('arc', arcBend(this.home.get(edge.source().id())!, this.home.get(edge.target().id())!));
      // Markers stand for coordinates: dragging one would only misplace it.
      for (const id of this.home.keys()) cy.getElementById(id).addClass('on-map').ungrabify();
      this.cityEdges().addClass('on-map');
    });
    void this.load();
    this.queueDraw();
    return { positions: new Map(this.home), unplaced };
  }

  /** Leave the map: plain sizes and classes again, and the usual zoom range. */
  hide(): void {
    if (!this.active) return;
    this.active = false;
    this.backdrop.hidden = true;
    this.home.clear();
    this.groups = [];
    this.cy.maxZoom(this.otherMaxZoom);
    this.cy.nodes('.on-map').grabify();
    this.cy.elements().removeClass('on-map map-group map-member map-inner');
  }

  /** Group nearby cities for the current zoom (nothing to do while it stays in the same step). */
  regroup(force = false): void {
    if (!this.active) return;
    const cy = this.cy;
    const step = zoomStep(cy.zoom());
    if (step === this.step && !force) return;
    this.step = step;
    // Cities hidden by a filter or by hand are in no group (a hidden lead would hide its whole group).
    const points = [...this.home]
      .filter(([id]) => !cy.getElementById(id).hasClass('filtered'))
      .map(([id, p]) => {
        const node = cy.getElementById(id);
        return { id, ...p, weight: Number(node.data('deg') ?? 0) + (node.selected() ? 1e9 : 0) };
      });
    this.groups = groupNearby(points, GROUP_RADIUS_PX / step);
    const groupOf = new Map<string, Group>();
    for (const group of this.groups) for (const id of group.members) groupOf.set(id, group);
    cy.batch(() => {
      cy.nodes('.on-map.filtered').removeClass('map-member map-group');
      for (const group of this.groups) {
        group.members.forEach((id, i) => {
          const node = cy.getElementById(id) as NodeSingular;
          node.position({ x: group.x, y: group.y });
          node.toggleClass('map-member', i > 0);
          node.toggleClass('map-group', i === 0 && group.members.length > 1);
          node.data('groupSize', group.members.length);
          if (i === 0) node.data('mapLabel', group.members.length > 1 ? `${node.data('short')} +${group.members.length - 1}` : node.data('short'));
        });
      }
      for (const edge of this.cityEdges().toArray() as EdgeSingular[]) {
        const a = groupOf.get(edge.source().id());
        const b = groupOf.get(edge.target().id());
        const inner = !a || a === b;
        edge.toggleClass('map-inner', inner);
        if (!inner) edge.data('arc', arcBend(edge.source().position(), edge.target().position()));
      }
    });
    this.setSizes(step);
  }

  /** Ids of the cities drawn under the marker of `id` (itself first when it leads). */
  groupOf(id: string): string[] {
    return this.groups.find((g) => g.members.includes(id))?.members ?? [];
  }

  /** The country drawn at a point of the graph's container (rendered coordinates), for tests and tooltips. */
  countryAt(x: number, y: number): string | null {
    if (!this.shapes) return null;
    const probe = document.createElement('canvas').getContext('2d')!;
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    probe.setTransform(zoom, 0, 0, zoom, pan.x, pan.y);
    return this.shapes.countries.find((c) => probe.isPointInPath(c.path, x, y))?.name ?? null;
  }

  /** Paint the map as it is on screen into another canvas (the PNG export), `scale` pixels per CSS pixel. */
  paint(ctx: CanvasRenderingContext2D, at: Pos, scale: number): void {
    if (!this.active) return;
    ctx.save();
    ctx.translate(at.x, at.y);
    this.drawOn(ctx, scale, this.cy.width(), this.cy.height());
    ctx.restore();
  }

  private cityEdges() {
    return this.cy.edges().filter((e) => this.home.has((e as EdgeSingular).source().id()) && this.home.has((e as EdgeSingular).target().id()));
  }

  /** Marker, name and line sizes in model units for `zoom`, so they read at a constant size on screen. */
  private setSizes(zoom: number): void {
    const cy = this.cy;
    cy.batch(() => {
      for (const id of this.home.keys()) {
        const node = cy.getElementById(id);
        const size = Number(node.data('groupSize') ?? 1);
        node.data({ mapSize: (MARKER_PX + Math.min(14, 4 * Math.log2(size))) / zoom, mapFont: FONT_PX / zoom, mapBorder: 1.5 / zoom });
      }
      this.cityEdges().data('mapWidth', LINE_PX / zoom);
    });
  }

  private load(): Promise<void> {
    this.loading ??= fetch(countriesUrl)
      .then((response) => {
        if (!response.ok) throw new Error(`the base map did not load (${response.status})`);
        return response.json() as Promise<Topology<{ countries: GeometryCollection<{ name: string }> }>>;
      })
      .then((topology) => {
        const path = geoPath(mapProjection());
        const kept: GeometryCollection<{ name: string }> = { ...topology.objects.countries, geometries: topology.objects.countries.geometries.filter((g) => g.id !== ANTARCTICA) };
        const countries = feature(topology, kept).features.map((f) => ({ name: f.properties?.name ?? '', path: new Path2D(path(f) ?? '') }));
        const land = new Path2D();
        for (const country of countries) land.addPath(country.path);
        this.shapes = { countries, land, borders: new Path2D(path(mesh(topology, kept, (a, b) => a !== b)) ?? '') };
        this.backdrop.dataset.state = 'ready';
        this.queueDraw();
        // For the benchmark: the map is complete from here on.
        requestAnimationFrame(() => performance.mark('viewer:basemap'));
      })
      .catch((error: Error) => {
        this.backdrop.dataset.state = 'error';
        this.backdrop.title = error.message;
      });
    return this.loading;
  }

  private queueDraw(): void {
    if (!this.active || this.drawQueued) return;
    this.drawQueued = true;
    requestAnimationFrame(() => {
      this.drawQueued = false;
      this.draw();
    });
  }

  private draw(): void {
    if (!this.active) return;
    const ratio = window.devicePixelRatio || 1;
    const width = this.cy.width();
    const height = this.cy.height();
    if (this.backdrop.width !== Math.round(width * ratio) || this.backdrop.height !== Math.round(height * ratio)) {
      this.backdrop.width = Math.round(width * ratio);
      this.backdrop.height = Math.round(height * ratio);
    }
    this.drawOn(this.backdrop.getContext('2d')!, ratio, width, height);
  }

  private drawOn(ctx: CanvasRenderingContext2D, ratio: number, width: number, height: number): void {
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    const base = ctx.getTransform();
    ctx.fillStyle = SEA;
    ctx.fillRect(0, 0, width * ratio, height * ratio);
    if (!this.shapes) return;
    ctx.transform(ratio * zoom, 0, 0, ratio * zoom, ratio * pan.x, ratio * pan.y);
    ctx.fillStyle = LAND;
    ctx.fill(this.shapes.land);
    ctx.lineJoin = 'round';
    ctx.lineWidth = 0.8 / zoom;
    ctx.strokeStyle = COAST;
    ctx.stroke(this.shapes.land);
    ctx.strokeStyle = BORDER;
    ctx.stroke(this.shapes.borders);
    ctx.setTransform(base);
  }
}

function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}
