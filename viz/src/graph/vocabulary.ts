// How each node label and relationship type looks and reads, as the graph model (api/graph/model.ts)
// says. The graph style, the legend and the panels all take their colours, shapes and captions from here.
import { MODEL, type GraphModel, type TextTemplate } from '../../../api/graph/model.ts';
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

const labelSpecs: GraphModel['labels'] = MODEL.labels;
const typeSpecs: GraphModel['relationships'] = MODEL.relationships;

export const LABELS: readonly LabelLook[] = Object.entries(labelSpecs).map(([label, spec]) => ({ label: label as EntityLabel, ...spec.display }));

export const LABEL_LOOK = new Map(LABELS.map((look) => [look.label as string, look]));

export interface TypeLook {
  type: RelationshipType;
  name: string;
  color: string;
  lineStyle: 'solid' | 'dashed' | 'dotted';
  width: number;
  /** Symmetric types are drawn without arrows. */
  directed: boolean;
  /** Singular and plural for the on-screen summary, when the type is summed up. */
  count?: readonly [string, string];
}

export const TYPES: readonly TypeLook[] = Object.entries(typeSpecs).map(([type, spec]) => ({
  type: type as RelationshipType,
  name: spec.display.name,
  color: spec.display.color,
  lineStyle: spec.display.lineStyle,
  width: spec.display.width,
  directed: !spec.symmetric,
  count: spec.display.count,
}));

export const TYPE_LOOK = new Map(TYPES.map((look) => [look.type as string, look]));

/** One colour per listed path (drawn and in the path list), apart from the type colours' blues and golds. */
export const PATH_COLORS = ['#d97706', '#7c3aed', '#059669', '#db2777', '#0891b2'] as const;
export const pathColor = (index: number): string => PATH_COLORS[index % PATH_COLORS.length]!;

/** The relationship type whose edges have a role (filtered role by role), and its roles. */
const roleType = Object.entries(typeSpecs).find(([, spec]) => spec.properties.role?.values);
export const ROLE_TYPE: string | null = roleType?.[0] ?? null;
export const ROLES: readonly string[] = roleType?.[1].properties.role?.values ?? [];

type EdgeData = Record<string, unknown>;

const isSet = (v: unknown) => (typeof v === 'string' && v !== '') || typeof v === 'number' || v === true;
const holds = (when: string, v: unknown) => (when === 'true' ? v === true : typeof v === 'number' && v > 1);

/** The first template whose properties are there, filled in. */
function fill(templates: readonly TextTemplate[], values: EdgeData): string {
  for (const t of templates) {
    const names = [...t.text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const when = t.when ?? {};
    if (names.every((n) => n in when || isSet(values[n])) && Object.entries(when).every(([n, w]) => holds(w, values[n]))) {
      return t.text.replace(/\{(\w+)\}/g, (_, n: string) => String(values[n]));
    }
  }
  return '';
}

/** The short text drawn on an edge: the role or title when there is one, else the type. */
export function edgeCaption(data: EdgeData): string {
  const type = String(data.type);
  const spec = typeSpecs[type];
  return spec ? fill(spec.display.caption, data) : type.toLowerCase().replaceAll('_', ' ');
}

/** One relationship as a sentence fragment: "Mayor of", "attendee of", "sister city of". */
export function relationPhrase(type: string, properties: Record<string, unknown>, direction: 'out' | 'in'): string {
  const spec = typeSpecs[type];
  if (!spec) return type;
  const values = { ...properties, caption: edgeCaption({ type, ...properties }) };
  return fill(direction === 'out' ? spec.display.outPhrase : spec.display.inPhrase, values);
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
