// Analysts correct what they see: merge two picked nodes, rename, change the type, split, note a
// node; reject, restore or note a relationship; add a relationship between two picked nodes; work
// through the duplicate review queue; read the audit log and undo. Every change is a correction
// (POST /api/corrections), recorded with who and why, and the graph is reloaded after it.
import { api, credentials, type Correction, type CorrectionRequest, type EntityRef, type RejectedRelationship } from '../api.ts';
import { append, clear, h } from '../dom.ts';
import { LABELS, relationPhrase, TYPE_LOOK } from '../graph/vocabulary.ts';

export interface CurationActions {
  nodeRef(id: string): EntityRef | null;
  edgeData(id: string): Record<string, unknown> | null;
  /** Reload the graph after a change, then select `id` if it is still there. */
  reload(select: string | null): Promise<void>;
  /** Mark the corrected elements on the canvas and ring the picked nodes. */
  mark(corrections: Correction[], picked: string[]): void;
  toast(message: string, kind?: 'error'): void;
}

const FACT_TYPES = ['HOLDS_POSITION', 'LOCATED_IN', 'SISTER_CITY_OF', 'PARTICIPATED_IN', 'MET_WITH', 'VISITED'];

type Field = { name: string; label: string; value?: string; options?: string[] };

export function createCuration(panel: HTMLElement, actions: CurationActions) {
  // The name field is made once, outside what render() rebuilds: the panel re-renders whenever the graph or the
  // selection changes, and a field rebuilt while the analyst types (or a test fills it) loses what was typed.
  const analyst = h('input', { testid: 'curate-analyst', value: credentials.analyst, placeholder: 'your name', 'aria-label': 'Your name, recorded with your corrections' });
  analyst.addEventListener('input', () => (credentials.analyst = analyst.value.trim()));
  const container = h('div');
  append(panel, h('h2', {}, 'Curate'), h('label', { class: 'curate-analyst' }, h('span', { class: 'muted' }, 'You: '), analyst), container);
  let picked: string[] = [];
  let corrections: Correction[] = [];
  let selection: { kind: 'node' | 'edge'; id: string } | null = null;
  let extra: 'review' | 'audit' | null = null;
  let token = 0;

  const when = (at: string) => new Date(at).toLocaleString();
  const nameOf = (id: string) => actions.nodeRef(id)?.name ?? id;

  async function submit(request: CorrectionRequest, select: string | null = selection?.id ?? null): Promise<boolean> {
    try {
      const done = await api.correct(request);
      actions.toast(`Done: ${done.summary}.`);
    } catch (err) {
      actions.toast(`Not done: ${(err as Error).message}`, 'error');
      return false;
    }
    picked = picked.filter((id) => actions.nodeRef(id) !== null);
    await refresh(select);
    return true;
  }

  /** Reloads the graph and the corrections, then redraws the panel. */
  async function refresh(select: string | null = selection?.id ?? null): Promise<void> {
    await actions.reload(select);
    await loadCorrections();
  }

  async function loadCorrections(): Promise<void> {
    try {
      corrections = (await api.corrections({ limit: 1000 })).corrections;
    } catch {
      corrections = [];
    }
    picked = picked.filter((id) => actions.nodeRef(id) !== null);
    actions.mark(corrections, picked);
    render();
  }

  /** An inline form: fields and a submit button; Escape or Cancel closes it. */
  function form(title: string, fields: Field[], onSubmit: (values: Record<string, string>) => void): HTMLElement {
    const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
    const box = h('form', { class: 'curate-form', testid: 'curate-form' }, h('strong', {}, title));
    for (const field of fields) {
      const input = field.options
        ? h('select', { name: field.name, testid: `form-${field.name}` }, ...field.options.map((o) => h('option', { value: o, selected: o === field.value }, o)))
        : h('input', { name: field.name, value: field.value ?? '', testid: `form-${field.name}`, autocomplete: 'off' });
      inputs.set(field.name, input);
      box.append(h('label', {}, h('span', {}, field.label), input));
    }
    box.append(h('div', { class: 'details-actions' }, h('button', { type: 'submit', testid: 'form-submit' }, 'Save'), h('button', { type: 'button', onclick: () => box.remove() }, 'Cancel')));
    box.addEventListener('submit', (event) => {
      event.preventDefault();
      onSubmit(Object.fromEntries([...inputs].map(([k, v]) => [k, v.value.trim()])));
    });
    queueMicrotask(() => inputs.values().next().value?.focus());
    return box;
  }

  function openForm(anchor: HTMLElement, node: HTMLElement): void {
    container.querySelectorAll('.curate-form').forEach((f) => f.remove());
    anchor.after(node);
  }

  const note = (values: Record<string, string>) => (values.note ? { note: values.note } : {});

  function nodeSection(id: string, rejected: RejectedRelationship[]): HTMLElement {
    const ref = actions.nodeRef(id);
    const name = ref?.name ?? id;
    const buttons = h('div', { class: 'details-actions', testid: 'curate-node-actions' });
    const button = (text: string, testid: string, fields: Field[], request: (v: Record<string, string>) => CorrectionRequest, title: string) =>
      h('button', { testid, title, onclick: () => openForm(buttons, form(`${text}: ${name}`, fields, (v) => void submit(request(v)))) }, text);
    append(
      buttons,
      h('button', { testid: 'curate-pick', title: 'Pick for a merge or a new relationship (or shift-click the node)', onclick: () => togglePick(id) }, picked.includes(id) ? 'Unpick' : 'Pick'),
      button('Rename', 'curate-rename', [{ name: 'name', label: 'New name', value: name }, { name: 'note', label: 'Why' }], (v) => ({ action: 'rename', entity: id, name: v.name ?? '', ...note(v) }), 'Give it its right name; the old one stays as an alias'),
      button('Change type', 'curate-relabel', [{ name: 'label', label: 'Type', value: ref?.label, options: LABELS.map((l) => l.label) }, { name: 'note', label: 'Why' }], (v) => ({ action: 'relabel', entity: id, label: v.label as EntityRef['label'], ...note(v) }), 'A person typed as a company, an office typed as an organization…'),
      button('Split', 'curate-split', [{ name: 'aliases', label: 'Aliases of the other one (comma-separated)' }, { name: 'articles', label: 'or article ids' }, { name: 'name', label: 'Its name' }, { name: 'note', label: 'Why' }], (v) => ({
        action: 'split',
        entity: id,
        aliases: list(v.aliases),
        articles: list(v.articles),
        ...(v.name ? { name: v.name } : {}),
        ...note(v),
      }), 'Two actors wrongly taken for one'),
      button('Note', 'curate-note', [{ name: 'note', label: 'Note' }], (v) => ({ action: 'annotate', entity: id, note: v.note ?? '' }), 'A note for other analysts'),
    );
    const section = h('div', { class: 'curate-selection' }, h('h4', {}, name), buttons);
    if (rejected.length > 0) {
      const listBox = h('ul', { class: 'rels', testid: 'rejected-relationships' });
      for (const rel of rejected) {
        const [source, target] = rel.direction === 'out' ? [id, rel.other.id] : [rel.other.id, id];
        listBox.append(
          h(
            'li',
            { class: 'rel rejected', testid: 'rejected-relationship' },
            h('div', {}, `${relationPhrase(rel.type, rel.properties, rel.direction)} ${rel.other.name}`),
            h('div', { class: 'muted' }, `rejected by ${rel.rejectedBy || 'an analyst'}; restated by ${rel.restatedSince} article${rel.restatedSince === 1 ? '' : 's'} since`),
            h('button', { testid: 'curate-restore', onclick: () => void submit({ action: 'restore', relationship: { type: rel.type as never, source, target, ...discriminator(rel.properties) } }) }, 'Restore'),
          ),
        );
      }
      section.append(h('h5', {}, 'Rejected relationships'), listBox);
    }
    return section;
  }

  function edgeSection(id: string): HTMLElement | null {
    const data = actions.edgeData(id);
    if (!data) return null;
    const ref = { type: String(data.type) as never, source: String(data.source), target: String(data.target), ...discriminator(data) };
    const buttons = h('div', { class: 'details-actions', testid: 'curate-edge-actions' });
    append(
      buttons,
      h('button', { testid: 'curate-reject', title: 'Never happened, or not what the article says', onclick: () => openForm(buttons, form('Reject this relationship', [{ name: 'note', label: 'Why' }], (v) => void submit({ action: 'reject', relationship: ref, ...note(v) }, null))) }, 'Reject'),
      h('button', { testid: 'curate-note', onclick: () => openForm(buttons, form('Note on this relationship', [{ name: 'note', label: 'Note' }], (v) => void submit({ action: 'annotate', relationship: ref, note: v.note ?? '' }))) }, 'Note'),
    );
    const title = `${nameOf(ref.source)} — ${TYPE_LOOK.get(ref.type)?.name ?? ref.type} — ${nameOf(ref.target)}`;
    return h('div', { class: 'curate-selection' }, h('h4', {}, title), buttons, h('p', { class: 'muted' }, 'Rejected relationships are listed with their entities, where they can be restored.'));
  }

  function pickedSection(): HTMLElement | null {
    if (picked.length === 0) return null;
    const [a, b] = picked;
    const box = h('div', { class: 'curate-picked', testid: 'curate-picked' }, h('span', { class: 'muted' }, 'Picked: '), ...picked.map((id) => h('span', { class: 'chip' }, nameOf(id))));
    const buttons = h('div', { class: 'details-actions' });
    if (a && b) {
      append(
        buttons,
        h('button', { testid: 'curate-merge', title: `Keep ${nameOf(a)}; ${nameOf(b)} becomes its alias`, onclick: () => openForm(buttons, form(`Merge ${nameOf(b)} into ${nameOf(a)}`, [{ name: 'note', label: 'Why' }], (v) => void submit({ action: 'merge', keep: a, merge: [b], ...note(v) }, a))) }, `Merge into ${nameOf(a)}`),
        h('button', {
          testid: 'curate-add-relationship',
          onclick: () =>
            openForm(
              buttons,
              form(`Add a relationship ${nameOf(a)} → ${nameOf(b)}`, [{ name: 'type', label: 'Type', options: FACT_TYPES }, { name: 'detail', label: 'Title or role (if any)' }, { name: 'evidence', label: 'Evidence' }, { name: 'note', label: 'Why' }], (v) => {
                const properties: Record<string, string> = v.detail ? { [v.type === 'PARTICIPATED_IN' ? 'role' : 'title']: v.detail } : {};
                void submit({ action: 'add', relationship: { type: v.type as never, source: a, target: b, properties }, ...(v.evidence ? { evidence: v.evidence } : {}), ...note(v) });
              }),
            ),
        }, 'Add relationship'),
      );
    } else {
      buttons.append(h('span', { class: 'muted' }, 'Pick a second node to merge them or add a relationship.'));
    }
    buttons.append(h('button', { onclick: () => { picked = []; actions.mark(corrections, picked); render(); } }, 'Clear'));
    box.append(buttons);
    return box;
  }

  function correctionItem(c: Correction, undoable: boolean): HTMLElement {
    return h(
      'li',
      { class: `correction${c.undoneBy ? ' undone' : ''}`, testid: 'audit-entry' },
      h('div', { class: 'correction-what' }, c.summary),
      h('div', { class: 'muted' }, `${c.analyst} · ${when(c.at)}${c.undoneBy ? ' · undone' : ''}`),
      c.note ? h('div', { class: 'correction-why' }, `Why: ${c.note}`) : null,
      undoable && !c.undoneBy
        ? h('button', { class: 'link-button', testid: 'audit-undo', onclick: async () => {
            try {
              const undone = await api.undo(c.id);
              actions.toast(`Done: ${undone.summary}.`);
              await refresh();
            } catch (err) {
              actions.toast(`Not undone: ${(err as Error).message}`, 'error');
            }
          } }, 'Undo')
        : null,
    );
  }

  async function reviewSection(): Promise<HTMLElement> {
    const box = h('div', { class: 'curate-review', testid: 'review-queue' }, h('h4', {}, 'Likely duplicates'));
    let review;
    try {
      review = await api.duplicates(50);
    } catch (err) {
      box.append(h('p', { class: 'error' }, `Could not load the review queue: ${(err as Error).message}`));
      return box;
    }
    if (review.candidates.length === 0) box.append(h('p', { class: 'muted', testid: 'review-empty' }, 'No likely duplicates left.'));
    const listBox = h('ul', { class: 'rels' });
    for (const c of review.candidates) {
      listBox.append(
        h(
          'li',
          { class: 'rel', testid: 'review-candidate' },
          h('div', { class: 'rel-head' }, h('strong', {}, c.a.name), h('span', { class: 'muted' }, ' and '), h('strong', {}, c.b.name), h('span', { class: 'muted' }, ` · ${c.a.label}`)),
          h('ul', { class: 'reasons' }, ...c.reasons.map((r) => h('li', {}, reasonText(r)))),
          h(
            'div',
            { class: 'details-actions' },
            h('button', { testid: 'review-merge', onclick: () => void submit({ action: 'merge', keep: c.a.id, merge: [c.b.id], note: 'duplicate review' }, c.a.id) }, `Merge into ${c.a.name}`),
            h('button', { testid: 'review-dismiss', onclick: () => void submit({ action: 'dismiss', entities: [c.a.id, c.b.id], note: 'duplicate review: not one entity' }) }, 'Not duplicates'),
          ),
        ),
      );
    }
    box.append(listBox);
    return box;
  }

  function render(): void {
    const mine = ++token;
    clear(container);
    append(container, pickedSection());
    const own = selection ? corrections.filter((c) => (selection!.kind === 'node' ? c.entities.includes(selection!.id) : c.relationships.includes(selection!.id))) : [];
    const after = () => {
      if (own.length > 0) container.append(h('h5', {}, 'Corrections of this element'), h('ul', { class: 'corrections', testid: 'element-corrections' }, ...own.map((c) => correctionItem(c, false))));
      container.append(
        h(
          'div',
          { class: 'details-actions' },
          h('button', { testid: 'curate-review', 'aria-pressed': String(extra === 'review'), onclick: () => { extra = extra === 'review' ? null : 'review'; render(); } }, 'Review duplicates'),
          h('button', { testid: 'curate-audit', 'aria-pressed': String(extra === 'audit'), onclick: () => { extra = extra === 'audit' ? null : 'audit'; render(); } }, 'Audit log'),
        ),
      );
      if (extra === 'audit') {
        container.append(
          h('h4', {}, 'Audit log'),
          corrections.length ? h('ul', { class: 'corrections', testid: 'audit-log' }, ...corrections.map((c) => correctionItem(c, c.action !== 'undo'))) : h('p', { class: 'muted' }, 'No corrections yet.'),
        );
      }
      if (extra === 'review') {
        void reviewSection().then((section) => {
          if (mine === token) container.append(section);
        });
      }
    };
    if (selection?.kind === 'node') {
      const id = selection.id;
      void api.entity(id).then(
        (body) => {
          if (mine !== token) return;
          container.append(nodeSection(id, body.rejected));
          after();
        },
        () => {
          if (mine === token) after();
        },
      );
      return;
    }
    if (selection?.kind === 'edge') {
      const section = edgeSection(selection.id);
      if (section) container.append(section);
    }
    after();
  }

  function togglePick(id: string): void {
    picked = picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id].slice(-2);
    actions.mark(corrections, picked);
    render();
  }

  render();
  return {
    showNode(id: string) {
      selection = { kind: 'node', id };
      render();
    },
    showEdge(id: string) {
      selection = { kind: 'edge', id };
      render();
    },
    clear() {
      selection = null;
      render();
    },
    togglePick,
    /** Corrections loaded again and marked on the canvas (after the graph was loaded). */
    loadCorrections,
  };
}

const list = (text: string | undefined) => (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** The role or title that tells one relationship from others of its type between the same two entities. */
function discriminator(props: Record<string, unknown>): { role?: string; title?: string } {
  return {
    ...(typeof props.role === 'string' && props.role ? { role: props.role } : {}),
    ...(typeof props.title === 'string' && props.title ? { title: props.title } : {}),
  };
}

function reasonText(reason: Awaited<ReturnType<typeof api.duplicates>>['candidates'][number]['reasons'][number]): string {
  switch (reason.kind) {
    case 'shared-alias-key':
      return `known under the same name (${reason.keys.map((k) => k.split('|')[1]).join(', ')})`;
    case 'similar-names':
      return `"${reason.names[0]}" and "${reason.names[1]}": ${reason.how}`;
    case 'same-place':
      return `both at ${reason.places.join(', ')}`;
    case 'co-occurrence':
      return `named together in ${reason.articles} article${reason.articles === 1 ? '' : 's'}`;
  }
}
