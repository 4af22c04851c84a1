// Why gold people, towns, offices, organisations and companies are missed: each article of the named
// error-analysis sets is extracted as shipped, aligned with its gold as the scorer aligns, and every required gold
// entity no node matches is put in one cause: a candidate of the learned entity step that the model dropped or
// labelled otherwise, a rules' entity of another label, a name cut or run together with its neighbours, a line the
// document reader dropped, or a name in the text that no reader proposed (with the word before it).
// node --import tsx api/learn/entity-misses.ts SET... [--list] [--label Person]
import { readFileSync } from 'node:fs';
import { extractArticle } from '../extract/index.ts';
import { entityCandidates, entityDecider, SHIPPED_ENTITY_MODEL, DECIDED_LABELS } from '../extract/learned/entities.ts';
import { analysedArticle } from '../extract/index.ts';
import { alignToGold, goldEntitiesNamed, normalizeName } from './align.ts';
import { annotatedArticles } from './corpus.ts';
import { sourceDocument } from './entities.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
const list = args.includes('--list');
const labelAt = args.indexOf('--label');
const onlyLabel = labelAt >= 0 ? args[labelAt + 1] : undefined;
const sets = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--label');
const counts = new Map<string, number>();
const examples = new Map<string, string[]>();
function note(cause: string, example: string): void {
  counts.set(cause, (counts.get(cause) ?? 0) + 1);
  (examples.get(cause) ?? examples.set(cause, []).get(cause)!).push(example);
}
const decider = entityDecider(SHIPPED_ENTITY_MODEL);
const padded = (s: string) => ` ${normalizeName(s)} `;

for (const art of annotatedArticles({ only: sets })) {
  const text = readFileSync(art.textPath, 'utf8');
  const graph = extractArticle({ content: text, format: 'text', file: art.file });
  const al = alignToGold(art.goldPath, graph);
  const matched = new Set(al.goldOf.values());
  const doc = sourceDocument(art);
  const a = analysedArticle(doc);
  const cands = entityCandidates(a).map((c) => ({ ...c, decision: decider.decide(c.features, c.ruleLabel) }));
  const read = padded(`${doc.title}\n${doc.body}`);
  const raw = padded(text);
  const mentions = a.sentences.flatMap((s) => s.mentions.map((m) => ({ name: m.name, kind: m.kind, text: s.text, start: m.start })));
  const entities = [...a.entities.values()];
  for (const g of al.gold.entities) {
    if (g.optional || matched.has(g.key) || !(DECIDED_LABELS as readonly string[]).includes(g.label)) continue;
    if (onlyLabel && g.label !== onlyLabel) continue;
    const names = [g.name, ...(g.aliases ?? [])];
    const where = `${art.set}/${art.file}: ${g.label} "${g.name}"`;
    const covering = cands.filter((c) => goldEntitiesNamed(al.gold, g.label, c.names).some((x) => x.key === g.key));
    const anyLabel = cands.find((c) => DECIDED_LABELS.some((l) => l !== g.label && goldEntitiesNamed({ ...al.gold, entities: [{ ...g, label: l }] }, l, c.names).length));
    const rulesOther = entities.find((e) => e.label !== g.label && goldEntitiesNamed({ ...al.gold, entities: [{ ...g, label: e.label }] }, e.label, [e.name, ...e.aliases]).length);
    if (covering.length) {
      const c = covering[0]!;
      const p = c.decision.probabilities[g.label as keyof typeof c.decision.probabilities].toFixed(2);
      const kind = c.ruleLabel ? `rules' ${c.ruleLabel}` : 'span';
      const cause = c.decision.label === null ? `candidate dropped (${kind})` : c.decision.label !== g.label ? `candidate labelled ${c.decision.label} (${kind})` : `candidate kept, still missed (${kind})`;
      note(`${g.label}: ${cause}`, `${where} p=${p} [${c.name}]`);
      continue;
    }
    if (rulesOther) {
      note(`${g.label}: rules' entity of label ${rulesOther.label}, not decided`, `${where} [${rulesOther.name}]`);
      continue;
    }
    if (anyLabel) {
      note(`${g.label}: candidate only under another label's name keys`, `${where} [${anyLabel.name}]`);
      continue;
    }
    const keys = names.map(padded).filter((k) => k.trim());
    const longer = [...mentions.map((m) => ({ name: m.name, kind: m.kind })), ...entities.map((e) => ({ name: e.name, kind: e.label }))]
      .find((m) => keys.some((k) => padded(m.name).includes(k) && padded(m.name) !== k));
    if (longer) {
      note(`${g.label}: inside a longer name (${longer.kind})`, `${where} [${longer.name}]`);
      continue;
    }
    const shorter = [...mentions.map((m) => ({ name: m.name, kind: m.kind })), ...entities.map((e) => ({ name: e.name, kind: e.label }))]
      .find((m) => normalizeName(m.name).length > 2 && keys.some((k) => k.includes(padded(m.name))));
    if (shorter) {
      note(`${g.label}: cut, a shorter name read (${shorter.kind})`, `${where} [${shorter.name}]`);
      continue;
    }
    if (!keys.some((k) => raw.includes(k))) {
      note(`${g.label}: name not in the text as written`, where);
      continue;
    }
    if (!keys.some((k) => read.includes(k))) {
      note(`${g.label}: only in a line the document reader dropped`, where);
      continue;
    }
    // the word before the name where it first stands
    const body = `${doc.title}\n${doc.body}`;
    const idx = names.map((n) => body.toLowerCase().indexOf(n.toLowerCase())).filter((i) => i >= 0)[0];
    const context = idx === undefined ? '' : body.slice(Math.max(0, idx - 30), idx + names[0]!.length + 20).replace(/\s+/g, ' ');
    note(`${g.label}: in the text, no mention`, `${where} «${context}»`);
  }
}
const total = [...counts.values()].reduce((s, n) => s + n, 0);
console.log(`missed required entities: ${total}`);
for (const [cause, n] of [...counts].sort((x, y) => x[0].localeCompare(y[0]))) {
  console.log(`${String(n).padStart(4)}  ${cause}`);
  if (list) for (const e of examples.get(cause)!) console.log(`        ${e}`);
}
