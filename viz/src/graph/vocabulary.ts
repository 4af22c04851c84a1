// How each node label and relationship type looks and reads. The graph style, the legend and the
// panels all take their colours, shapes and captions from here.
import type { EntityLabel, RelationshipType } from '../api.ts';

export interface LabelLook {
  label: EntityLabel;
  plural: string;
  color: string;
  border: string;
  /** Cytoscape node shape. */
  shape: string;
  /** The same shape as an SVG polygon in a 16×16 box, for the legend (null = circle). */
  points: string | null;
}

// Tableau-10 hues: distinct for most colour-vision types; shapes carry the label too.
export const LABELS: readonly LabelLook[] = [
  { label: 'Person', plural: 'People', color: '#4e79a7', border: '#2c4f75', shape: 'ellipse', points: null },
  { label: 'Office', plural: 'Offices', color: '#f28e2b', border: '#b3600f', shape: 'round-rectangle', points: '2,3 14,3 14,13 2,13' },
  { label: 'Company', plural: 'Companies', color: '#59a14f', border: '#346b2d', shape: 'round-hexagon', points: '4,2 12,2 15,8 12,14 4,14 1,8' },
  { label: 'Organization', plural: 'Organizations', color: '#b07aa1', border: '#7a4c6d', shape: 'round-pentagon', points: '8,1 15,6 12,15 4,15 1,6' },
  { label: 'City', plural: 'Cities', color: '#e15759', border: '#a02c2e', shape: 'round-triangle', points: '8,1 15,14 1,14' },
  { label: 'Event', plural: 'Events', color: '#edc948', border: '#a5871a', shape: 'round-diamond', points: '8,1 15,8 8,15 1,8' },
];

export const LABEL_LOOK = new Map(LABELS.map((look) => [look.label as string, look]));

export interface TypeLook {
  type: RelationshipType;
  name: string;
  color: string;
  lineStyle: 'solid' | 'dashed' | 'dotted';
  width: number;
  /** Symmetric types are drawn without arrows. */
  directed: boolean;
}

export const TYPES: readonly TypeLook[] = [
  { type: 'MET_WITH', name: 'met with', color: '#2c6fbb', lineStyle: 'solid', width: 2.5, directed: false },
  { type: 'PARTICIPATED_IN', name: 'took part in', color: '#c49a12', lineStyle: 'solid', width: 1.8, directed: true },
  { type: 'HOLDS_POSITION', name: 'holds position', color: '#7f8c99', lineStyle: 'solid', width: 1.8, directed: true },
  { type: 'SISTER_CITY_OF', name: 'sister city of', color: '#d0393b', lineStyle: 'dashed', width: 3, directed: false },
  { type: 'VISITED', name: 'visited', color: '#8e5ea2', lineStyle: 'dotted', width: 2.2, directed: true },
  { type: 'LOCATED_IN', name: 'located in', color: '#b8c0c8', lineStyle: 'solid', width: 1.2, directed: true },
  { type: 'MENTIONS', name: 'mentions', color: '#d5d9dd', lineStyle: 'dotted', width: 1, directed: true },
];

export const TYPE_LOOK = new Map(TYPES.map((look) => [look.type as string, look]));

export const ROLES = ['host', 'organizer', 'speaker', 'presenter', 'attendee', 'visitor'] as const;

type EdgeData = Record<string, unknown>;

/** The short text drawn on an edge: the role or title when there is one, else the type. */
export function edgeCaption(data: EdgeData): string {
  const type = String(data.type);
  switch (type) {
    case 'HOLDS_POSITION': {
      const title = typeof data.title === 'string' && data.title ? data.title : 'holds position';
      return data.former === true ? `former ${title}` : title;
    }
    case 'PARTICIPATED_IN':
      return typeof data.role === 'string' && data.role ? data.role : 'took part';
    case 'SISTER_CITY_OF':
      return data.since ? `sister cities since ${String(data.since)}` : 'sister cities';
    case 'VISITED':
      return typeof data.times === 'number' && data.times > 1 ? `visited ×${data.times}` : 'visited';
    case 'MET_WITH':
      return 'met';
    case 'LOCATED_IN':
      // Obvious from the grey line and the legend; a caption on every one would only add clutter.
      return '';
    default:
      return TYPE_LOOK.get(type)?.name ?? type.toLowerCase().replaceAll('_', ' ');
  }
}

/** One relationship as a sentence fragment: "Mayor of", "attendee of", "sister city of". */
export function relationPhrase(type: string, properties: Record<string, unknown>, direction: 'out' | 'in'): string {
  const caption = edgeCaption({ type, ...properties });
  switch (type) {
    case 'HOLDS_POSITION':
      return direction === 'out' ? `${caption} of` : `has ${caption}`;
    case 'PARTICIPATED_IN':
      return direction === 'out' ? `${caption} at` : `${caption}:`;
    case 'LOCATED_IN':
      return direction === 'out' ? 'located in' : 'home of';
    case 'VISITED':
      return direction === 'out' ? caption : 'visited by';
    case 'MET_WITH':
      return 'met with';
    case 'SISTER_CITY_OF':
      return properties.since ? `sister city (since ${String(properties.since)}) of` : 'sister city of';
    default:
      return direction === 'out' ? (TYPE_LOOK.get(type)?.name ?? type) : `${TYPE_LOOK.get(type)?.name ?? type} by`;
  }
}

/** "2024-03-25" -> "25 Mar 2024"; "2024-03" -> "Mar 2024"; "2011" -> "2011". */
export function formatDate(date: unknown): string {
  if (typeof date !== 'string') return '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return date;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [, y, mo, d] = m;
  if (!mo) return y!;
  const monthName = months[Number(mo) - 1] ?? mo;
  return d ? `${Number(d)} ${monthName} ${y}` : `${monthName} ${y}`;
}
