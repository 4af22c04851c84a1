// "Expand by type (count)": a node's neighbours counted per label and per relationship type by the
// server (GET /api/entities/:id/neighbors/counts: what the database holds, not what happens to be
// drawn); a click draws a page of those neighbours only (best connected first), with "showing N of
// M" and a button for the next page, so a hub with thousands of neighbours stays responsive.
import { api, type CyElements, type NeighborCounts } from '../api.ts';
import { clear, h } from '../dom.ts';
import { LABEL_LOOK, TYPE_LOOK } from '../graph/vocabulary.ts';
import { lineSwatch, swatch } from './legend.ts';

/** Neighbours drawn per click. */
export const EXPAND_PAGE = 50;

export interface ExpandMenuActions {
  /** Puts the elements on screen around `center`; how many nodes were new, or null when refused (too many to draw). */
  draw(elements: CyElements, center: string): number | null;
  nameOf(id: string): string;
  toast(message: string, kind?: 'error'): void;
}

type Choice = { label: string; type?: undefined } | { type: string; label?: undefined };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function createExpandMenu(actions: ExpandMenuActions) {
  /** The menu of one node, filled in when the counts arrive. */
  function menu(id: string): HTMLElement {
    const box = h('section', { class: 'expand-menu', testid: 'expand-menu' }, h('h4', {}, 'Expand by type'), h('p', { class: 'muted' }, 'Counting neighbours…'));
    const note = h('p', { class: 'expand-note', testid: 'expand-note', hidden: true });
    void api.neighborCounts(id).then(
      (counts) => fill(box, note, id, counts),
      (err: Error) => {
        clear(box);
        box.append(h('h4', {}, 'Expand by type'), h('p', { class: 'error' }, `Could not count the neighbours: ${err.message}`));
      },
    );
    return box;
  }

  function fill(box: HTMLElement, note: HTMLElement, id: string, counts: NeighborCounts): void {
    clear(box);
    box.append(h('h4', {}, `Expand by type ${counts.complete ? '' : '(at least) '}`, h('span', { class: 'muted', testid: 'expand-total' }, `· ${plural(counts.total, 'neighbour', 'neighbours')}`)));
    if (counts.total === 0) {
      box.append(h('p', { class: 'muted' }, 'No neighbours.'));
      return;
    }
    const button = (choice: Choice, count: number, look: Node, text: string, testid: string) =>
      h(
        'button',
        { class: 'expand-choice', testid, 'data-key': choice.label ?? choice.type ?? '', 'data-count': count, title: `Draw these neighbours (${EXPAND_PAGE} at a time)`, onclick: () => void draw(note, id, choice, 0) },
        look,
        h('span', {}, text),
        h('span', { class: 'count' }, count.toLocaleString()),
      );
    box.append(
      h('div', { class: 'expand-choices', testid: 'expand-labels' }, ...counts.labels.map((l) => button({ label: l.label }, l.count, swatch(l.label, 12), LABEL_LOOK.get(l.label)?.plural ?? l.label, 'expand-label'))),
      h('div', { class: 'expand-choices', testid: 'expand-types' }, ...counts.types.map((t) => button({ type: t.type }, t.count, lineSwatch(t.type), TYPE_LOOK.get(t.type)?.name ?? t.type, 'expand-type'))),
      note,
    );
  }

  async function draw(note: HTMLElement, id: string, choice: Choice, offset: number): Promise<void> {
    let page;
    try {
      page = await api.neighbors(id, { ...choice, offset, limit: EXPAND_PAGE });
    } catch (err) {
      actions.toast(`Could not expand: ${(err as Error).message}`, 'error');
      return;
    }
    const added = actions.draw(page.elements, id);
    if (added === null) return;
    const shown = Math.min(page.total, offset + page.elements.nodes.filter((n) => n.data.id !== id).length);
    const what = choice.label !== undefined ? (LABEL_LOOK.get(choice.label)?.plural ?? choice.label).toLowerCase() : `neighbours through “${TYPE_LOOK.get(choice.type)?.name ?? choice.type}”`;
    clear(note);
    note.hidden = false;
    note.dataset.shown = String(shown);
    note.dataset.total = String(page.total);
    note.append(`Showing ${shown.toLocaleString()} of ${actions.nameOf(id)}'s ${page.complete ? '' : 'at least '}${page.total.toLocaleString()} ${what}.`);
    if (shown < page.total) {
      note.append(' ', h('button', { class: 'link-button', testid: 'expand-more', onclick: () => void draw(note, id, choice, shown) }, `Show ${Math.min(EXPAND_PAGE, page.total - shown)} more`));
    }
    if (added === 0 && offset === 0) actions.toast(`These neighbours of ${actions.nameOf(id)} are already on screen.`);
  }

  return { menu };
}
