// Merging what two statements say about one node or one relationship: names become aliases,
// properties fill gaps (a more precise date wins), relationships with one key (graph/identity.ts)
// become one with the union of their sources and evidence. Used when extraction merges articles and
// when the store maps a document onto the entities it already holds.
import { relationshipKey } from './identity.ts';
import type { GraphNode, GraphRelationship, Properties } from './schema.ts';

/** Adds a second node's names and properties to a node it turned out to be. */
export function mergeNode(into: GraphNode, from: GraphNode): void {
  const aliases = new Set([...into.aliases, ...from.aliases]);
  if (from.name !== into.name) aliases.add(from.name);
  aliases.delete(into.name);
  into.aliases = [...aliases];
  for (const [k, v] of Object.entries(from.properties)) {
    if (into.properties[k] === undefined || into.properties[k] === null) into.properties[k] = v;
    // a more precise date wins ("2024-03" < "2024-03-25")
    else if (k === 'date' && typeof v === 'string' && typeof into.properties[k] === 'string' && v.length > (into.properties[k] as string).length && v.startsWith(into.properties[k] as string)) into.properties[k] = v;
  }
}

/** Merges relationships that state one fact: union of sources and evidence, properties filled in. */
export function dedupeRelationships(rels: GraphRelationship[]): GraphRelationship[] {
  const byKey = new Map<string, GraphRelationship>();
  for (const r of rels) {
    if (r.source === r.target) continue;
    const k = relationshipKey(r);
    const prev = byKey.get(k);
    if (!prev) {
      byKey.set(k, { ...r, properties: { ...r.properties }, sources: [...r.sources], evidence: [...r.evidence] });
      continue;
    }
    prev.sources = [...new Set([...prev.sources, ...r.sources])];
    prev.evidence = [...new Set([...prev.evidence, ...r.evidence])];
    for (const [pk, v] of Object.entries(r.properties)) {
      if (prev.properties[pk] === undefined || prev.properties[pk] === null) prev.properties[pk] = v;
      else if (pk === 'former' && v === false) prev.properties[pk] = false;
      else if (pk === 'times' && typeof v === 'number' && typeof prev.properties[pk] === 'number') prev.properties[pk] = Math.max(v, prev.properties[pk] as number);
    }
  }
  return [...byKey.values()];
}

/** The `event` property of a visit or meeting follows its Event node when nodes are merged or remapped. */
export function withEvent(p: Properties, to: (id: string) => string): Properties {
  return typeof p.event === 'string' && to(p.event) !== p.event ? { ...p, event: to(p.event) } : p;
}
