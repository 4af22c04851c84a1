// Details of the selected node or edge: properties, aliases, and for every relationship the
// sentence that states it and the article it comes from. All article text goes in as text.
import { api, ApiError, articleById, type EntityRef, type EntityRelationship, type SourceRef } from '../api.ts';
import { append, clear, h } from '../dom.ts';
import { formatDate, LABEL_LOOK, relationPhrase, TYPE_LOOK } from '../graph/vocabulary.ts';
import { lineSwatch, swatch } from './legend.ts';
import { readableEvidence, readableSource } from './reader.ts';

export interface DetailsActions {
  select(id: string): void;
  toggleExpand(id: string): void;
  isExpanded(id: string): boolean;
  hide(id: string): void;
  togglePin(id: string): void;
  isPinned(id: string): boolean;
  focus(id: string): void;
  pathFrom(entity: EntityRef): void;
  pathTo(entity: EntityRef): void;
  edgeData(id: string): Record<string, unknown> | null;
  nodeRef(id: string): EntityRef | null;
  /** The "expand by type (count)" menu of a node. */
  neighbourMenu(id: string): HTMLElement;
}

const HIDDEN_PROPS = new Set(['id', 'label', 'name', 'aliases', 'caption', 'short', 'deg', 'source', 'target', 'type', 'sources', 'evidence', 'sourceCount']);
const PER_TYPE = 25;

/** Property values that are ids of entities on screen (an event's `city`) read as their names. */
function propertyRows(props: Record<string, unknown>, nameOf: (id: string) => string | null = () => null): HTMLElement | null {
  const entries = Object.entries(props).filter(([k, v]) => !HIDDEN_PROPS.has(k) && v !== null && v !== undefined && v !== '');
  if (!entries.length) return null;
  return h(
    'dl',
    { class: 'props', testid: 'details-properties' },
    ...entries.flatMap(([k, v]) => [
      h('dt', {}, k),
      h('dd', {}, k === 'date' || k === 'since' ? formatDate(String(v)) : Array.isArray(v) ? v.join(', ') : (typeof v === 'string' && nameOf(v)) || String(v)),
    ]),
  );
}

/** Evidence sentences, each opening the reader on its article (`evidenceSources[i]` first, then the other sources). */
function evidenceBlock(sentences: string[], sources: string[], evidenceSources: string[] = []): HTMLElement[] {
  return sentences.map((sentence, i) => readableEvidence(sentence, [evidenceSources[i] ?? '', ...sources]));
}

/** Source lines for article ids, filled in as the titles arrive; each opens the reader on `sentences`. */
function sourcesByIds(ids: string[], sentences: string[]): HTMLElement {
  const box = h('div', { class: 'sources' });
  for (const id of ids) {
    const line = h('div', { class: 'source', testid: 'source' }, h('span', { class: 'source-mark' }, 'Source: '), h('span', { class: 'muted' }, 'loading…'));
    box.append(line);
    void articleById(id).then((article) => {
      line.replaceWith(article ? readableSource({ id, title: article.title, url: article.url ?? null, publishedAt: article.publishedAt ?? null }, sentences) : h('div', { class: 'source muted' }, `article ${id} (no longer stored)`));
    });
  }
  return box;
}

export function createDetails(container: HTMLElement, actions: DetailsActions) {
  let token = 0;
  let showingIntro = true;
  let summary = '';

  const intro = () => {
    showingIntro = true;
    clear(container);
    container.append(
      h('h2', {}, 'Details'),
      h(
        'div',
        { class: 'intro', testid: 'details-empty' },
        summary ? h('p', { class: 'summary', testid: 'graph-summary' }, summary) : null,
        h('p', {}, 'Each shape is an actor; each line says how two actors are connected, in the words of the article that states it.'),
        h(
          'ul',
          {},
          h('li', {}, 'Click a node or line to see its details and evidence.'),
          h('li', {}, 'Double-click a node to expand or collapse its neighbours.'),
          h('li', {}, 'Use Path to see how two actors are connected.'),
          h('li', {}, 'Untick a legend entry on the left to hide it.'),
        ),
      ),
    );
  };

  const entityButton = (ref: EntityRef) =>
    h('button', { class: 'entity-link', title: `Select ${ref.name}`, onclick: () => actions.select(ref.id) }, swatch(ref.label, 12), h('span', {}, ref.name));

  const relationshipItem = (rel: EntityRelationship) =>
    h(
      'li',
      { class: 'rel', testid: 'relationship' },
      h('div', { class: 'rel-head' }, h('span', { class: 'rel-phrase' }, relationPhrase(rel.type, rel.properties, rel.direction)), entityButton(rel.other)),
      ...evidenceBlock(rel.evidence, rel.sources.map((s) => s.id), rel.evidenceSources),
      ...rel.sources.map((source: SourceRef) => readableSource(source, rel.evidence)),
      rel.sourceCount > rel.sources.length ? h('div', { class: 'muted' }, `and ${rel.sourceCount - rel.sources.length} more articles`) : null,
    );

  const showNode = async (id: string) => {
    showingIntro = false;
    const mine = ++token;
    const ref = actions.nodeRef(id);
    clear(container);
    container.append(h('h2', {}, 'Details'), h('p', { class: 'muted' }, `Loading ${ref?.name ?? id}…`));
    let body;
    try {
      body = await api.entity(id);
    } catch (err) {
      if (mine !== token) return;
      clear(container);
      container.append(h('h2', {}, 'Details'), h('p', { class: 'error' }, err instanceof ApiError && err.kind === 'not-found' ? `${ref?.name ?? id} is no longer in the graph.` : `Could not load details: ${(err as Error).message}`));
      return;
    }
    if (mine !== token) return;
    const { node, relationships, total } = body;
    const look = LABEL_LOOK.get(node.label);
    const expanded = actions.isExpanded(id);
    const entity: EntityRef = { id: node.id, label: node.label, name: node.name };

    const byType = new Map<string, EntityRelationship[]>();
    for (const rel of relationships) byType.set(rel.type, [...(byType.get(rel.type) ?? []), rel]);

    clear(container);
    append(
      container,
      h(
        'header',
        { class: 'details-head' },
        swatch(node.label, 22),
        h('div', {}, h('h3', { testid: 'details-title' }, node.name), h('span', { class: 'badge', style: `--badge:${look?.color ?? '#999'}` }, node.label)),
      ),
      node.aliases.length ? h('div', { class: 'aliases', testid: 'details-aliases' }, h('span', { class: 'muted' }, 'Also known as '), ...node.aliases.map((a) => h('span', { class: 'chip' }, a))) : null,
      propertyRows(node.properties, (value) => actions.nodeRef(value)?.name ?? null),
      h(
        'div',
        { class: 'details-actions' },
        h('button', { testid: 'expand', onclick: () => actions.toggleExpand(id) }, expanded ? 'Collapse neighbours' : 'Expand neighbours'),
        h('button', { onclick: () => actions.focus(id), title: 'Show only this actor and its neighbours' }, 'Focus'),
        h('button', { onclick: () => actions.pathFrom(entity), title: 'Start a path here' }, 'Path from'),
        h('button', { onclick: () => actions.pathTo(entity), title: 'End a path here' }, 'Path to'),
        h('button', { testid: 'pin', onclick: () => actions.togglePin(id), title: 'Keep this node where it is through re-layouts' }, actions.isPinned(id) ? 'Unpin' : 'Pin'),
        h('button', { testid: 'hide', onclick: () => actions.hide(id), title: 'Take this node off the picture (Show hidden brings it back)' }, 'Hide'),
      ),
      actions.neighbourMenu(id),
      h('h4', {}, total ? `${total} relationship${total === 1 ? '' : 's'}${total > relationships.length ? `, the first ${relationships.length} listed` : ''}` : 'No relationships'),
    );
    for (const [type, rels] of byType) {
      const list = h('ul', { class: 'rels' });
      const group = h('section', { class: 'rel-group' }, h('h5', {}, lineSwatch(type), ` ${TYPE_LOOK.get(type)?.name ?? type} `, h('span', { class: 'muted' }, `(${rels.length})`)), list);
      rels.slice(0, PER_TYPE).forEach((rel) => list.append(relationshipItem(rel)));
      if (rels.length > PER_TYPE) {
        const more = h('button', { class: 'link-button' }, `Show ${rels.length - PER_TYPE} more`);
        more.addEventListener('click', () => {
          rels.slice(PER_TYPE).forEach((rel) => list.append(relationshipItem(rel)));
          more.remove();
        });
        group.append(more);
      }
      container.append(group);
    }
  };

  const showEdge = (id: string) => {
    showingIntro = false;
    const mine = ++token;
    const data = actions.edgeData(id);
    clear(container);
    container.append(h('h2', {}, 'Details'));
    if (!data) {
      container.append(h('p', { class: 'muted' }, 'This relationship is not on screen any more.'));
      return;
    }
    const source = actions.nodeRef(String(data.source));
    const target = actions.nodeRef(String(data.target));
    const type = String(data.type);
    const evidence = Array.isArray(data.evidence) ? (data.evidence as string[]) : [];
    const sources = Array.isArray(data.sources) ? (data.sources as string[]) : [];
    append(
      container,
      h('header', { class: 'details-head' }, lineSwatch(type), h('div', {}, h('h3', { testid: 'details-title' }, TYPE_LOOK.get(type)?.name ?? type), h('span', { class: 'badge' }, type))),
      h(
        'div',
        { class: 'edge-ends' },
        source ? entityButton(source) : null,
        h('span', { class: 'rel-phrase' }, relationPhrase(type, data, 'out')),
        target ? entityButton(target) : null,
      ),
      propertyRows(data),
    );
    // The graph carries an edge's first sentence and a few sources; the full record comes from
    // the entity endpoint and replaces them when it arrives.
    const why = h('div', { class: 'why' }, h('h4', {}, evidence.length ? 'Evidence' : 'No evidence sentence stored'), ...evidenceBlock(evidence, sources), sourcesByIds(sources, evidence));
    container.append(why);
    void api
      .entity(String(data.source))
      .then((body) => {
        const full = body.relationships.find((rel) => rel.id === id);
        if (!full || mine !== token) return;
        clear(why);
        append(why, h('h4', {}, full.evidence.length > 1 ? `Evidence (${full.evidence.length} sentences)` : full.evidence.length ? 'Evidence' : 'No evidence sentence stored'), ...evidenceBlock(full.evidence, full.sources.map((s) => s.id), full.evidenceSources), ...full.sources.map((source) => readableSource(source, full.evidence)));
      })
      .catch(() => {
        // The short version from the graph stays on screen.
      });
  };

  intro();
  return {
    showNode,
    showEdge,
    clear: () => {
      ++token;
      intro();
    },
    /** One line on what the graph holds, shown while nothing is selected. */
    setSummary(text: string) {
      summary = text;
      if (showingIntro) intro();
    },
  };
}
