// The view state lives in the URL's query string, so a copied link reopens the same view:
// selection, path endpoints, filters, layout view, focus and expanded nodes.
export type ViewName = 'force' | 'timeline' | 'geo';
export const VIEWS: readonly ViewName[] = ['force', 'timeline', 'geo'];

export interface ViewState {
  /** Selected node or edge id. */
  selected: string | null;
  pathFrom: string | null;
  pathTo: string | null;
  maxHops: number;
  hiddenLabels: Set<string>;
  hiddenTypes: Set<string>;
  hiddenRoles: Set<string>;
  /** Date range over events, inclusive, as YYYY-MM (null = open end). */
  since: string | null;
  until: string | null;
  view: ViewName;
  /** When set, only this node's neighbourhood is loaded instead of the whole graph. */
  focus: string | null;
  /** Nodes whose neighbours were expanded, in order. */
  expanded: string[];
  /** The article open in the reader. */
  reading: string | null;
}

export const DEFAULT_MAX_HOPS = 6;
/** The API's upper bound for maxHops. */
export const MAX_HOPS = 8;

export function defaultState(): ViewState {
  return {
    selected: null,
    pathFrom: null,
    pathTo: null,
    maxHops: DEFAULT_MAX_HOPS,
    hiddenLabels: new Set(),
    hiddenTypes: new Set(),
    hiddenRoles: new Set(),
    since: null,
    until: null,
    view: 'force',
    focus: null,
    expanded: [],
    reading: null,
  };
}

const list = (value: string | null): string[] => (value ? value.split(',').filter(Boolean) : []);
const month = (value: string | null): string | null => (value && /^\d{4}(-\d{2})?$/.test(value) ? value : null);

export function parseState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const state = defaultState();
  state.selected = p.get('sel');
  state.pathFrom = p.get('from');
  state.pathTo = p.get('to');
  const hops = Number(p.get('hops'));
  if (Number.isInteger(hops) && hops >= 1 && hops <= MAX_HOPS) state.maxHops = hops;
  state.hiddenLabels = new Set(list(p.get('hideLabels')));
  state.hiddenTypes = new Set(list(p.get('hideTypes')));
  state.hiddenRoles = new Set(list(p.get('hideRoles')));
  state.since = month(p.get('since'));
  state.until = month(p.get('until'));
  const view = p.get('view');
  if (view && (VIEWS as string[]).includes(view)) state.view = view as ViewName;
  state.focus = p.get('focus');
  state.expanded = list(p.get('expand'));
  state.reading = p.get('read');
  return state;
}

export function serializeState(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.view !== 'force') p.set('view', state.view);
  if (state.focus) p.set('focus', state.focus);
  if (state.expanded.length) p.set('expand', state.expanded.join(','));
  if (state.selected) p.set('sel', state.selected);
  if (state.pathFrom) p.set('from', state.pathFrom);
  if (state.pathTo) p.set('to', state.pathTo);
  if (state.maxHops !== DEFAULT_MAX_HOPS) p.set('hops', String(state.maxHops));
  if (state.hiddenLabels.size) p.set('hideLabels', [...state.hiddenLabels].sort().join(','));
  if (state.hiddenTypes.size) p.set('hideTypes', [...state.hiddenTypes].sort().join(','));
  if (state.hiddenRoles.size) p.set('hideRoles', [...state.hiddenRoles].sort().join(','));
  if (state.since) p.set('since', state.since);
  if (state.until) p.set('until', state.until);
  if (state.reading) p.set('read', state.reading);
  const qs = p.toString();
  return qs ? `?${qs}` : '';
}

type Listener = (state: ViewState) => void;

/** The single store: panels read `store.state`, call `update`, and the URL follows. */
export class Store {
  readonly state: ViewState;
  private listeners: Listener[] = [];

  constructor(search: string) {
    this.state = parseState(search);
  }

  update(change: Partial<ViewState>): void {
    Object.assign(this.state, change);
    const next = `${location.pathname}${serializeState(this.state)}${location.hash}`;
    if (next !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', next);
    for (const listener of this.listeners) listener(this.state);
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }
}
