// Pure maths for the map view: one projection for cities and country shapes alike, grouping of
// nearby cities at the current zoom, and the bend of the arcs between them. No DOM, no Cytoscape.
import { geoMercator, type GeoProjection } from 'd3-geo';
import type { PlainNode, Pos } from './placement.ts';

/** The whole world (360° of longitude) spans this many model units. */
export const WORLD_WIDTH = 8192;

/** Web Mercator centred on 0°/0°: conformal, so countries keep their shapes when zoomed in. */
export function mapProjection(): GeoProjection {
  return geoMercator()
    .scale(WORLD_WIDTH / (2 * Math.PI))
    .translate([0, 0]);
}

export interface Located extends Pos {
  id: string;
}

export interface MapPoint extends Located {
  /** Bigger weights lead a group (the best-connected city names it). */
  weight: number;
}

const validCoordinate = (lat: unknown, lon: unknown): boolean =>
  typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

/** Cities at their real coordinates, projected; everything else (and cities without coordinates) unplaced. */
export function citiesOnMap(nodes: PlainNode[], projection = mapProjection()): { points: Located[]; unplaced: string[] } {
  const points: Located[] = [];
  const unplaced: string[] = [];
  for (const node of nodes) {
    const projected = node.label === 'City' && validCoordinate(node.lat, node.lon) ? projection([node.lon as number, node.lat as number]) : null;
    if (projected) points.push({ id: node.id, x: projected[0], y: projected[1] });
    else unplaced.push(node.id);
  }
  return { points, unplaced };
}

export interface Group extends Pos {
  /** The point that names the group and whose position it takes. */
  lead: string;
  /** Every point in the group, the lead first. */
  members: string[];
}

/**
 * Greedy grouping as web maps do it: the heaviest point not yet grouped leads, and takes every
 * ungrouped point within `radius` of it. A grid of `radius`-sized cells keeps it near linear.
 */
export function groupNearby(points: MapPoint[], radius: number): Group[] {
  const order = [...points].sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
  const cell = (v: number) => Math.floor(v / radius);
  const grid = new Map<string, MapPoint[]>();
  for (const p of order) {
    const key = `${cell(p.x)},${cell(p.y)}`;
    grid.set(key, [...(grid.get(key) ?? []), p]);
  }
  const taken = new Set<string>();
  const groups: Group[] = [];
  for (const lead of order) {
    if (taken.has(lead.id)) continue;
    taken.add(lead.id);
    const members = [lead.id];
    const cx = cell(lead.x);
    const cy = cell(lead.y);
    const near: MapPoint[] = [];
    for (let i = cx - 1; i <= cx + 1; i++) {
      for (let j = cy - 1; j <= cy + 1; j++) {
        for (const p of grid.get(`${i},${j}`) ?? []) if (!taken.has(p.id) && Math.hypot(p.x - lead.x, p.y - lead.y) <= radius) near.push(p);
      }
    }
    for (const p of near.sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id))) {
      taken.add(p.id);
      members.push(p.id);
    }
    groups.push({ lead: lead.id, members, x: lead.x, y: lead.y });
  }
  return groups;
}

/**
 * Cytoscape's `control-point-distances` for an arc from `from` to `to` bowing north (up), a
 * `share` of its length: the control point sits at mid + d·(−dy, dx)/len, so d's sign follows dx.
 */
export function arcBend(from: Pos, to: Pos, share = 0.2): number {
  const dx = to.x - from.x;
  const length = Math.hypot(dx, to.y - from.y);
  return (dx >= 0 ? -1 : 1) * share * length;
}

/**
 * The zoom the grouping and marker sizes are computed for: zoom rounded down to a half power of
 * two, so a pan or a small zoom changes nothing and a zoom in by √2 regroups.
 */
export function zoomStep(zoom: number): number {
  return 2 ** (Math.floor(Math.log2(zoom) * 2) / 2);
}
