// What the first picture asks the server for, and when a filter change needs a new one. The
// server applies label, type and date filters before it picks the best-connected entities, so a
// hidden label never takes the place of a shown one; roles stay a filter on screen.
import { LABELS, TYPES } from './graph/vocabulary.ts';
import type { ViewState } from './state.ts';

/** The first picture: enough to see the hubs and how they tie together, quick to lay out. */
export const OVERVIEW_NODES = 250;
export const OVERVIEW_EDGES = 1500;

export interface ServerFilter {
  labels: string[];
  types: string[];
  since: string | null;
  until: string | null;
}

export function serverFilter(state: ViewState): ServerFilter {
  return {
    labels: LABELS.map((l) => l.label as string).filter((l) => !state.hiddenLabels.has(l)),
    types: TYPES.map((t) => t.type as string).filter((t) => !state.hiddenTypes.has(t)),
    since: state.since,
    until: state.until,
  };
}

/** The query string of GET /api/graph/elements for this filter ("" = no restriction). */
export function elementsQuery(filter: ServerFilter): { labels?: string; types?: string; since?: string; until?: string } {
  return {
    labels: filter.labels.length < LABELS.length ? filter.labels.join(',') : undefined,
    types: filter.types.length < TYPES.length ? filter.types.join(',') : undefined,
    since: filter.since ?? undefined,
    until: filter.until ?? undefined,
  };
}

/**
 * Whether the drawn graph must be fetched again under `next`: always when it was a cut of a bigger
 * graph (the cut depends on the filter), otherwise only when `next` shows something `loaded` left
 * out on the server; narrowing a complete graph is done on screen.
 */
export function needsRefetch(loaded: ServerFilter, next: ServerFilter, truncated: boolean): boolean {
  if (truncated) return JSON.stringify(loaded) !== JSON.stringify(next);
  const widens = (before: string[], after: string[]) => after.some((x) => !before.includes(x));
  const dateWidens = (before: string | null, after: string | null) => before !== null && before !== after;
  return widens(loaded.labels, next.labels) || widens(loaded.types, next.types) || dateWidens(loaded.since, next.since) || dateWidens(loaded.until, next.until);
}

export function overviewNote(shown: number, total: number, filtered: boolean): string {
  return `Overview: the ${shown.toLocaleString()} best-connected of ${total.toLocaleString()} ${filtered ? 'matching ' : ''}entities. Search or pick one to see its neighbourhood.`;
}
