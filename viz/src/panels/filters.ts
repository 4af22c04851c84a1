// Left sidebar: the legend doubles as the filter. Tick boxes per node label, per relationship
// type and per participation role, and a date range over the events on screen.
import { clear, h } from '../dom.ts';
import { dateToMonths, monthsToLabel } from '../graph/placement.ts';
import { formatDate, LABELS, ROLE_TYPE, ROLES, TYPES } from '../graph/vocabulary.ts';
import type { Store } from '../state.ts';
import { lineSwatch, swatch } from './legend.ts';

export interface Counts {
  labels: Map<string, number>;
  types: Map<string, number>;
  roles: Map<string, number>;
  /** Event dates on screen, as fractional months. */
  eventMonths: number[];
}

export function createFilters(container: HTMLElement, store: Store): { refresh(counts: Counts): void } {
  const toggle = (set: 'hiddenLabels' | 'hiddenTypes' | 'hiddenRoles', key: string, visible: boolean) => {
    const next = new Set(store.state[set]);
    if (visible) next.delete(key);
    else next.add(key);
    store.update({ [set]: next });
  };

  const row = (opts: { set: 'hiddenLabels' | 'hiddenTypes' | 'hiddenRoles'; key: string; text: string; icon: Element; testid: string; count: number; nested?: boolean }) => {
    const box = h('input', {
      type: 'checkbox',
      testid: opts.testid,
      onchange: (event: Event) => toggle(opts.set, opts.key, (event.target as HTMLInputElement).checked),
    });
    box.checked = !store.state[opts.set].has(opts.key);
    return h(
      'label',
      { class: `filter-row${opts.nested ? ' nested' : ''}${opts.count === 0 ? ' empty' : ''}`, title: opts.count === 0 ? 'none on screen' : '' },
      box,
      opts.icon,
      h('span', { class: 'filter-name' }, opts.text),
      h('span', { class: 'filter-count' }, String(opts.count)),
    );
  };

  const labelsSection = h('section', { class: 'panel-section', testid: 'legend' });
  const typesSection = h('section', { class: 'panel-section' });
  const datesSection = h('section', { class: 'panel-section', testid: 'date-filter' });
  container.append(labelsSection, typesSection, datesSection);

  let last: Counts | null = null;
  /** The range the sliders last set; other changes to it (a reset, a link) redraw them. */
  let dateKey = '';

  const render = (counts: Counts) => {
    renderChecks(counts);
    renderDates(counts.eventMonths);
  };

  const renderChecks = (counts: Counts) => {
    clear(labelsSection);
    labelsSection.append(h('h2', {}, 'Entities'));
    for (const look of LABELS) {
      labelsSection.append(
        row({ set: 'hiddenLabels', key: look.label, text: look.plural, icon: swatch(look.label), testid: `filter-label-${look.label}`, count: counts.labels.get(look.label) ?? 0 }),
      );
    }

    clear(typesSection);
    typesSection.append(h('h2', {}, 'Relationships'));
    for (const look of TYPES) {
      const count = counts.types.get(look.type) ?? 0;
      if (look.type === 'MENTIONS' && count === 0) continue;
      typesSection.append(row({ set: 'hiddenTypes', key: look.type, text: look.name, icon: lineSwatch(look.type), testid: `filter-type-${look.type}`, count }));
      if (look.type === ROLE_TYPE && !store.state.hiddenTypes.has(look.type)) {
        for (const role of ROLES) {
          const roleCount = counts.roles.get(role) ?? 0;
          if (roleCount === 0 && !store.state.hiddenRoles.has(role)) continue;
          typesSection.append(row({ set: 'hiddenRoles', key: role, text: `as ${role}`, icon: h('span', { class: 'role-dot' }), testid: `filter-role-${role}`, count: roleCount, nested: true }));
        }
      }
    }
  };

  const renderDates = (months: number[]) => {
    dateKey = `${store.state.since}|${store.state.until}`;
    clear(datesSection);
    datesSection.append(h('h2', {}, 'Event dates'));
    if (!months.length) {
      datesSection.append(h('p', { class: 'muted' }, 'No dated events on screen.'));
      return;
    }
    const min = Math.floor(Math.min(...months));
    const max = Math.ceil(Math.max(...months));
    const since = store.state.since ? Math.floor(dateToMonths(store.state.since.length === 4 ? `${store.state.since}-01-01` : `${store.state.since}-01`) ?? min) : min;
    const until = store.state.until ? Math.floor(dateToMonths(store.state.until.length === 4 ? `${store.state.until}-12-01` : `${store.state.until}-01`) ?? max) : max;
    const readout = h('div', { class: 'date-readout', testid: 'date-readout' });
    const histogram = h('div', { class: 'date-histogram', 'aria-hidden': 'true' });
    const bins = Math.min(24, Math.max(1, max - min + 1));
    const counts = new Array<number>(bins).fill(0);
    for (const m of months) counts[Math.min(bins - 1, Math.floor(((m - min) / Math.max(1, max - min + 1)) * bins))]! += 1;
    const peak = Math.max(...counts);
    for (const c of counts) histogram.append(h('span', { style: `height:${Math.round((c / peak) * 100)}%` }));

    const sliderSince = h('input', { type: 'range', min, max, step: 1, value: Math.max(min, Math.min(max, since)), testid: 'date-since', 'aria-label': 'Events from' });
    const sliderUntil = h('input', { type: 'range', min, max, step: 1, value: Math.max(min, Math.min(max, until)), testid: 'date-until', 'aria-label': 'Events until' });
    sliderSince.value = String(Math.max(min, Math.min(max, since)));
    sliderUntil.value = String(Math.max(min, Math.min(max, until)));
    const show = () => {
      readout.textContent = `${formatDate(monthsToLabel(Number(sliderSince.value)))} – ${formatDate(monthsToLabel(Number(sliderUntil.value)))}`;
    };
    const commit = () => {
      let a = Number(sliderSince.value);
      let b = Number(sliderUntil.value);
      if (a > b) [a, b] = [b, a];
      const next = { since: a <= min ? null : monthsToLabel(a), until: b >= max ? null : monthsToLabel(b) };
      dateKey = `${next.since}|${next.until}`;
      store.update(next);
    };
    for (const slider of [sliderSince, sliderUntil]) {
      slider.addEventListener('input', () => {
        show();
        commit();
      });
    }
    show();
    const disabled = min === max;
    sliderSince.disabled = disabled;
    sliderUntil.disabled = disabled;
    datesSection.append(
      histogram,
      h('div', { class: 'date-sliders' }, h('label', {}, 'From', sliderSince), h('label', {}, 'To', sliderUntil)),
      readout,
      h('button', { class: 'link-button', testid: 'date-reset', onclick: () => store.update({ since: null, until: null }) }, 'Show all dates'),
    );
  };

  store.subscribe((state) => {
    if (!last) return;
    renderChecks(last);
    if (`${state.since}|${state.until}` !== dateKey) renderDates(last.eventMonths);
  });

  return {
    refresh(counts) {
      last = counts;
      render(counts);
    },
  };
}
