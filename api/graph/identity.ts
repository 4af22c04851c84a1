// Which stored relationship a stated one is: its canonical ends and its key, read from the model
// (symmetry, identity property). Extraction, merging and the store's rows all key relationships here.
import { MODEL, type GraphModel } from './model.ts';

const RELATIONSHIPS: GraphModel['relationships'] = MODEL.relationships;

/** Symmetric relationships are stored once, from the smaller id to the larger. */
export function canonicalEnds(type: string, source: string, target: string): [string, string] {
  return RELATIONSHIPS[type]?.symmetric && source > target ? [target, source] : [source, target];
}

/** What tells two relationships of one type between the same two entities apart ('' for most types). */
export function identityOf(type: string, properties: Readonly<Record<string, unknown>>): string {
  const identity = RELATIONSHIPS[type]?.identity;
  if (!identity) return '';
  const value = String(properties[identity.property] ?? '');
  return identity.caseInsensitive ? value.toLowerCase() : value;
}

/** Stable identity of a relationship, `TYPE|source|target|identity`: the stored key and the Cytoscape edge id. */
export function relationshipKey(rel: { type: string; source: string; target: string; properties: Readonly<Record<string, unknown>> }): string {
  const [source, target] = canonicalEnds(rel.type, rel.source, rel.target);
  return [rel.type, source, target, identityOf(rel.type, rel.properties)].join('|');
}
