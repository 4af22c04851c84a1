// Pure position maths for the timeline view, and for placing newly expanded
// nodes around their parent. No Cytoscape here: plain data in, positions out.
export interface Pos {
  x: number;
  y: number;
}

export interface Tick {
  id: string;
  name: string;
  x: number;
  y: number;
}

export interface Line {
  id: string;
  from: Pos;
  to: Pos;
}

export interface Placed {
  positions: Map<string, Pos>;
  ticks: Tick[];
  lines: Line[];
  /** Ids the view cannot place (no date, no coordinates, no dated event). */
  unplaced: string[];
}

export interface PlainNode {
  id: string;
  label: string;
  date?: unknown;
  lat?: unknown;
  lon?: unknown;
}

export interface PlainEdge {
  source: string;
  target: string;
  /** The happening a VISITED or MET_WITH belongs to: its ends sit by that event on the timeline. */
  event?: unknown;
}

/** A partial ISO date as fractional months since year 0, mid-period for coarse dates. */
export function dateToMonths(date: unknown): number | null {
  if (typeof date !== 'string') return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (!m[2]) return year * 12 + 6;
  const month = Number(m[2]) - 1;
  if (month < 0 || month > 11) return null;
  const day = m[3] ? Number(m[3]) : 15;
  return year * 12 + month + (day - 1) / 31;
}

export function monthsToLabel(months: number): string {
  const year = Math.floor(months / 12);
  const month = Math.floor(months - year * 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * Spread values in one lane so neighbours are at least `gap` apart, each moved as little as it can be (least
 * squares): a crowd is pushed apart around its own mean and a member away from it stays where it is. This is
 * isotonic regression of x_i - i*gap (pool adjacent violators), the i*gap added back.
 */
export function spread(items: { id: string; x: number }[], gap: number): Map<string, number> {
  const sorted = [...items].sort((a, b) => a.x - b.x || a.id.localeCompare(b.id));
  const blocks: { sum: number; count: number }[] = [];
  sorted.forEach((item, i) => {
    blocks.push({ sum: item.x - i * gap, count: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const before = blocks[blocks.length - 2]!;
      if (before.sum / before.count <= last.sum / last.count) break;
      before.sum += last.sum;
      before.count += last.count;
      blocks.pop();
    }
  });
  const placed = new Map<string, number>();
  let i = 0;
  for (const block of blocks) {
    for (let k = 0; k < block.count; k++, i++) placed.set(sorted[i]!.id, block.sum / block.count + i * gap);
  }
  return placed;
}

const LANES = ['Person', 'Office', 'Organization', 'Company', 'City'] as const;
const LANE_NAMES: Record<string, string> = { Person: 'People', Office: 'Offices', Organization: 'Organizations', Company: 'Companies', City: 'Cities' };

/** Horizontal room of one event column (its name wraps at 120 px), rows of a stack, and the room an empty month or run of empty years keeps. */
const SLOT = 140;
const ROW = 70;
const MAX_STACK = 5;
const EMPTY_MONTH = 12;
const YEARS_BREAK = 90;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Events on a horizontal time axis that keeps room only where something happened: each month
 * with events is a column (its events stacked, at most MAX_STACK high, more side by side), an
 * empty month a sliver, and a run of years without events one short break. Each participant
 * sits in its label's lane above, at the mean place of the events it is linked to.
 */
export function timelinePositions(nodes: PlainNode[], edges: PlainEdge[]): Placed {
  const positions = new Map<string, Pos>();
  const ticks: Tick[] = [];
  const lines: Line[] = [];
  const events = nodes
    .filter((n) => n.label === 'Event')
    .map((n) => ({ id: n.id, t: dateToMonths(n.date) }))
    .filter((e): e is { id: string; t: number } => e.t !== null)
    .sort((a, b) => a.t - b.t || a.id.localeCompare(b.id));
  if (events.length === 0) return { positions, ticks, lines, unplaced: nodes.map((n) => n.id) };

  const byMonth = new Map<number, string[]>();
  for (const event of events) {
    const month = Math.floor(event.t);
    byMonth.set(month, [...(byMonth.get(month) ?? []), event.id]);
  }
  const years = [...new Set(events.map((e) => Math.floor(e.t / 12)))];
  let cursor = 0;
  let stackHeight = 1;
  // Ticks of the axis are placed here and moved under it once its height is known.
  years.forEach((year, i) => {
    if (i > 0 && year > years[i - 1]! + 1) {
      ticks.push({ id: `gap:${year}`, name: '…', x: cursor + YEARS_BREAK / 2, y: 0 });
      cursor += YEARS_BREAK;
    }
    for (let month = 0; month < 12; month++) {
      const ids = byMonth.get(year * 12 + month);
      if (!ids) {
        cursor += EMPTY_MONTH;
        continue;
      }
      const columns = Math.ceil(ids.length / MAX_STACK);
      const height = Math.ceil(ids.length / columns);
      stackHeight = Math.max(stackHeight, height);
      ids.forEach((id, k) => positions.set(id, { x: cursor + SLOT * (Math.floor(k / height) + 0.5), y: (k % height) * ROW }));
      ticks.push({ id: `month:${year * 12 + month}`, name: `${MONTHS[month]!} ${year}`, x: cursor + (SLOT * columns) / 2, y: 0 });
      cursor += SLOT * columns;
    }
  });
  const width = cursor;

  const eventX = new Map(events.map((e) => [e.id, positions.get(e.id)!.x]));
  const linked = new Map<string, number[]>();
  for (const edge of edges) {
    for (const [a, b] of [
      [edge.source, edge.target],
      [edge.target, edge.source],
    ] as const) {
      const x = eventX.get(b) ?? (typeof edge.event === 'string' ? eventX.get(edge.event) : undefined);
      if (x !== undefined && !eventX.has(a)) linked.set(a, [...(linked.get(a) ?? []), x]);
    }
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const lanes = LANES.filter((label) => [...linked.keys()].some((id) => byId.get(id)?.label === label));
  // Each lane is one row while its members fit along the axis; crowded lanes wrap into more rows
  // (members keep their time order) instead of stretching far past the axis.
  const GAP = 130;
  const SUBROW = 44;
  let top = -150;
  for (const label of lanes) {
    const members = [...linked.entries()]
      .filter(([id]) => byId.get(id)?.label === label)
      .map(([id, xs]) => ({ id, x: xs.reduce((a, b) => a + b, 0) / xs.length }))
      .sort((a, b) => a.x - b.x || a.id.localeCompare(b.id));
    const rows = Math.max(1, Math.ceil((members.length * GAP) / (width + GAP)));
    for (let r = 0; r < rows; r++) {
      const row = members.filter((_, i) => i % rows === r);
      for (const [id, x] of spread(row, GAP)) positions.set(id, { x, y: top - r * SUBROW });
    }
    ticks.push({ id: `lane:${label}`, name: LANE_NAMES[label] ?? label, x: -160, y: top - ((rows - 1) * SUBROW) / 2 });
    top -= (rows - 1) * SUBROW + 120;
  }
  ticks.push({ id: 'lane:Event', name: 'Events', x: -160, y: 0 });

  // The axis under the events, each month with events named under its column.
  const axisY = (stackHeight - 1) * ROW + 40;
  lines.push({ id: 'axis', from: { x: 0, y: axisY }, to: { x: width, y: axisY } });
  for (const tick of ticks) if (!tick.id.startsWith('lane:')) tick.y = axisY + 18;
  const unplaced = nodes.filter((n) => !positions.has(n.id)).map((n) => n.id);
  return { positions, ticks, lines, unplaced };
}

/**
 * Positions for nodes new to the screen, on rings around their parent and facing away from the
 * rest of the graph, so nothing already placed has to move.
 */
export function ringAround(parent: Pos, centroid: Pos, ids: string[], radius = 140): Map<string, Pos> {
  const out = new Map<string, Pos>();
  const away = Math.atan2(parent.y - centroid.y, parent.x - centroid.x);
  const facing = Number.isFinite(away) && (parent.x !== centroid.x || parent.y !== centroid.y);
  let placed = 0;
  let ring = 0;
  while (placed < ids.length) {
    const r = radius * (1 + ring * 0.7);
    const capacity = Math.max(6, Math.floor((2 * Math.PI * r) / 90));
    const count = Math.min(capacity, ids.length - placed);
    // Facing outward: fill a half-circle arc; otherwise a full ring.
    const arc = facing ? Math.min(Math.PI * 1.2, (count * 90) / r) : 2 * Math.PI;
    for (let i = 0; i < count; i++) {
      const angle = facing ? away - arc / 2 + (arc * (i + 0.5)) / count : (2 * Math.PI * i) / count;
      out.set(ids[placed + i]!, { x: parent.x + r * Math.cos(angle), y: parent.y + r * Math.sin(angle) });
    }
    placed += count;
    ring++;
  }
  return out;
}

/**
 * A hub's neighbours on concentric rings around it, group after group (one group per label), a
 * free slot between groups so each reads as its own arc. Slots are `spacing` apart along a ring
 * and rings `gap` apart, so no two nodes share a place however many there are.
 */
export function hubRings(center: Pos, groups: string[][], spacing = 110, gap = 90): Map<string, Pos> {
  const sequence: (string | null)[] = [];
  for (const group of groups.filter((g) => g.length > 0)) {
    if (sequence.length) sequence.push(null);
    sequence.push(...group);
  }
  const out = new Map<string, Pos>();
  let placed = 0;
  for (let ring = 1; placed < sequence.length; ring++) {
    const r = gap * (ring + 1);
    const capacity = Math.floor((2 * Math.PI * r) / spacing);
    const count = Math.min(capacity, sequence.length - placed);
    // A partly filled outer ring keeps the full ring's spacing rather than spreading thin.
    const step = (2 * Math.PI) / (count === capacity ? count : capacity);
    for (let i = 0; i < count; i++) {
      const id = sequence[placed + i];
      if (id) out.set(id, { x: center.x + r * Math.cos(step * i - Math.PI / 2), y: center.y + r * Math.sin(step * i - Math.PI / 2) });
    }
    placed += count;
  }
  return out;
}
