// Why gold events and the facts of who took part are missed, and why false ones are made: each article of the named
// error-analysis sets is extracted as shipped (its candidates observed), aligned with its gold as the scorer
// aligns, and every missed or false Event, PARTICIPATED_IN, VISITED and MET_WITH fact is put in one cause.
// node --import tsx api/learn/events-misses.ts SET[:LISTFILE]... [--list]   (LISTFILE: one text path a line)
import { readFileSync } from 'node:fs';
import { extractArticle } from '../extract/index.ts';
import type { EventCandidate } from '../extract/learned/events.ts';
import { alignToGold, eventSimilar, normalizeName } from './align.ts';
import { annotatedArticles } from './corpus.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
const list = args.includes('--list');
const counts = new Map<string, number>();
const examples = new Map<string, string[]>();
function note(cause: string, example: string): void {
  counts.set(cause, (counts.get(cause) ?? 0) + 1);
  (examples.get(cause) ?? examples.set(cause, []).get(cause)!).push(example);
}
const TYPES = new Set(['PARTICIPATED_IN', 'VISITED', 'MET_WITH']);
const arr = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

for (const spec of args.filter((a) => a !== '--list')) {
  const [set, listFile] = spec.split(':');
  const only = listFile ? new Set(readFileSync(listFile, 'utf8').split('\n').filter(Boolean)) : null;
  for (const art of annotatedArticles({ only: [set!] })) {
    if (only && !only.has(art.textPath) && !only.has(`.corpus/${set}/${art.file}`) && ![...only].some((p) => p.endsWith(`/${art.file}`))) continue;
    let seen: readonly EventCandidate[] = [];
    const text = readFileSync(art.textPath, 'utf8');
    const graph = extractArticle({ content: text, format: 'text', file: art.file }, { observeEventCandidates: (c) => (seen = c) });
    const al = alignToGold(art.goldPath, graph);
    const matched = new Set(al.goldOf.values());
    const title = text.split('\n')[0] ?? '';
    const byKey = new Map(al.gold.entities.map((e) => [e.key, e]));
    const eventNodes = graph.nodes.filter((n) => n.label === 'Event');
    // missed events
    for (const g of al.gold.entities) {
      if (g.label !== 'Event' || g.optional || matched.has(g.key)) continue;
      const names = [g.name, ...(g.aliases ?? [])];
      const sim = (xs: readonly string[]) => xs.some((x) => names.some((n) => normalizeName(n) === normalizeName(x) || eventSimilar(x, n)));
      const node = eventNodes.find((n) => sim([n.name, ...((n as { aliases?: string[] }).aliases ?? [])]));
      const cand = seen.find((c) => sim([c.name, ...c.aliases]));
      const headline = sim([title]);
      const cause = node ? 'event: merged (a node naming it took another gold)' : cand ? 'event: candidate dropped by the model' : headline ? 'event: no candidate, the headline names it' : 'event: no candidate';
      note(cause, `${art.file}: ${g.name}${node ? ` ~ ${node.name}` : cand ? ` ~ ${cand.name}` : ''}`);
    }
    // false events
    const goldTaken = new Set<string>();
    for (const n of eventNodes) {
      const k = al.goldOf.get(n.id);
      if (k) { goldTaken.add(k); continue; }
      const names = [n.name, ...((n as { aliases?: string[] }).aliases ?? [])];
      const dup = al.gold.entities.some((g) => g.label === 'Event' && [g.name, ...(g.aliases ?? [])].some((x) => names.some((y) => eventSimilar(x, y) || normalizeName(x) === normalizeName(y))));
      note(dup ? 'event fp: split (duplicate of a matched gold)' : 'event fp: no gold', `${art.file}: ${n.name}`);
    }
    // missed facts
    const edges = graph.relationships.filter((r) => TYPES.has(r.type));
    const nodeOf = new Map<string, string[]>();
    for (const [id, key] of al.goldOf) (nodeOf.get(key) ?? nodeOf.set(key, []).get(key)!).push(id);
    for (const r of al.gold.relationships as { type: string; from: string | string[]; to: string | string[]; role?: string | string[]; optional?: boolean }[]) {
      if (!TYPES.has(r.type) || r.optional) continue;
      const froms = arr(r.from).flatMap((k) => nodeOf.get(k) ?? []);
      const tos = arr(r.to).flatMap((k) => nodeOf.get(k) ?? []);
      const roles = arr(r.role).map(normalizeName);
      const between = edges.filter((e) => e.type === r.type && ((froms.includes(e.source) && tos.includes(e.target)) || (r.type === 'MET_WITH' && froms.includes(e.target) && tos.includes(e.source))));
      const right = between.some((e) => r.type !== 'PARTICIPATED_IN' || !roles.length || roles.includes(normalizeName((e.properties as { role?: string }).role)));
      if (right) continue;
      const fromName = arr(r.from).map((k) => byKey.get(k)?.name).join('/');
      const toName = arr(r.to).map((k) => byKey.get(k)?.name).join('/');
      let cause: string;
      if (!froms.length && !tos.length) cause = 'both ends missing';
      else if (!tos.length) cause = r.type === 'PARTICIPATED_IN' ? 'event missing' : 'second end missing';
      else if (!froms.length) cause = 'participant missing';
      else if (between.length) cause = 'wrong role';
      else {
        // an edge of this type from the participant to another node, or to the event from others?
        const toOther = edges.some((e) => e.type === r.type && froms.includes(e.source));
        cause = toOther ? 'both found, edge to another node' : 'both found, no edge';
      }
      note(`${r.type} fn: ${cause}`, `${art.file}: ${fromName} -> ${toName} ${roles.join('/')}`);
    }
    // false facts
    for (const e of edges) {
      const a = al.goldOf.get(e.source);
      const b = al.goldOf.get(e.target);
      if (al.factsBetween(e.type, e.source, e.target).length) {
        if (e.type === 'PARTICIPATED_IN') {
          const vals = al.factsBetween(e.type, e.source, e.target).flatMap((f) => f.values);
          const role = normalizeName((e.properties as { role?: string }).role);
          if (vals.length && !vals.includes(role) && !vals.includes('')) note(`${e.type} fp: wrong role`, `${art.file}: ${e.source} -> ${e.target} ${role}`);
        }
        continue;
      }
      const cause = !a && !b ? 'neither end in gold' : !b ? (e.type === 'PARTICIPATED_IN' ? 'event not in gold' : 'second end not in gold') : !a ? 'participant not in gold' : 'both in gold, no such fact';
      note(`${e.type} fp: ${cause}`, `${art.file}: ${e.source} -> ${e.target} ${(e.properties as { role?: string }).role ?? ''} [${(e.evidence ?? [])[0]?.slice(0, 100) ?? ''}]`);
    }
  }
}
for (const [cause, n] of [...counts].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
  process.stdout.write(`${String(n).padStart(4)}  ${cause}\n`);
  if (list) for (const e of examples.get(cause)!) process.stdout.write(`        ${e}\n`);
}
