// Autocomplete over GET /api/entities (full-text, names and aliases), used by the search box and
// by both ends of the path finder. Keyboard: ↑ ↓ to move, Enter to choose, Esc to close.
import { api, ApiError, type EntityRef, type SearchResult } from '../api.ts';
import { clear, debounce, h } from '../dom.ts';
import { LABELS } from '../graph/vocabulary.ts';
import { swatch } from './legend.ts';

export interface Picker {
  root: HTMLElement;
  input: HTMLInputElement;
  /** Show a chosen entity's name without searching. */
  set(entity: EntityRef | null): void;
  value(): EntityRef | null;
}

export function createPicker(opts: {
  testid: string;
  placeholder: string;
  onChoose: (entity: SearchResult) => void;
  label?: string;
  /** A menu beside the box to search one label only (people, cities, …). */
  labelMenu?: boolean;
}): Picker {
  let chosen: EntityRef | null = null;
  let results: SearchResult[] = [];
  let active = -1;
  let pending: AbortController | null = null;

  const input = h('input', {
    type: 'search',
    class: 'picker-input',
    placeholder: opts.placeholder,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-label': opts.label ?? opts.placeholder,
    'aria-autocomplete': 'list',
    role: 'combobox',
    'aria-expanded': 'false',
    testid: `${opts.testid}-input`,
  });
  const list = h('ul', { class: 'picker-list', role: 'listbox', testid: `${opts.testid}-options` });
  const labelMenu = opts.labelMenu ? h('select', { class: 'picker-label-menu', 'aria-label': 'Search only', testid: `${opts.testid}-label` }, h('option', { value: '' }, 'All'), ...LABELS.map((l) => h('option', { value: l.label }, l.plural))) : null;
  const root = h('div', { class: labelMenu ? 'picker with-label-menu' : 'picker', testid: opts.testid }, labelMenu, input, list);
  labelMenu?.addEventListener('change', () => {
    if (input.value.trim()) search(input.value.trim());
    input.focus();
  });

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  close();

  const render = (message?: string) => {
    clear(list);
    if (message) {
      list.append(h('li', { class: 'picker-message' }, message));
    }
    results.forEach((result, i) => {
      const query = input.value.trim().toLowerCase();
      const alias = result.aliases.find((a) => a.toLowerCase().includes(query) && !result.name.toLowerCase().includes(query));
      const item = h(
        'li',
        {
          class: i === active ? 'picker-option active' : 'picker-option',
          role: 'option',
          'aria-selected': i === active ? 'true' : 'false',
          testid: `${opts.testid}-option`,
          'data-id': result.id,
          onmousedown: (event: Event) => {
            event.preventDefault();
            choose(result);
          },
        },
        swatch(result.label, 14),
        h('span', { class: 'picker-name' }, result.name),
        alias ? h('span', { class: 'picker-alias' }, `aka ${alias}`) : null,
        h('span', { class: 'picker-label' }, result.label),
      );
      list.append(item);
    });
    list.hidden = !message && results.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  };

  const choose = (result: SearchResult) => {
    chosen = result;
    input.value = result.name;
    results = [];
    close();
    opts.onChoose(result);
  };

  const search = debounce(async (q: string) => {
    pending?.abort();
    if (q.length < 1) {
      results = [];
      close();
      return;
    }
    const controller = new AbortController();
    pending = controller;
    try {
      const body = await api.searchEntities(q, { limit: 10, label: labelMenu?.value || undefined }, controller.signal);
      if (controller.signal.aborted) return;
      results = body.results;
      active = results.length ? 0 : -1;
      render(results.length ? undefined : `No entity matches “${q}”`);
    } catch (err) {
      if (controller.signal.aborted) return;
      results = [];
      render(err instanceof ApiError ? err.message : 'Search failed');
    }
  }, 120);

  input.addEventListener('input', () => {
    chosen = null;
    search(input.value.trim());
  });
  input.addEventListener('focus', () => {
    if (results.length) render();
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!results.length) return;
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : -1) + results.length) % results.length;
      render();
    } else if (event.key === 'Enter') {
      const result = results[active] ?? results[0];
      if (result) {
        event.preventDefault();
        choose(result);
      }
    } else if (event.key === 'Escape') {
      close();
    }
  });

  return {
    root,
    input,
    set(entity) {
      chosen = entity;
      input.value = entity?.name ?? '';
    },
    value: () => chosen,
  };
}
