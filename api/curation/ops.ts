// Corrections as plain data: every correction is a list of small graph operations, planned here
// from the current state of what it touches (no I/O) and applied by api/curation/store.ts. Each
// operation has an inverse, so undo is the inverted list: a correction like any other.
import { aliasKeys, cityId, eventId, orgId, personId } from '../extract/resolve.ts';
import { canonicalEnds, relationshipKey } from '../graph/identity.ts';
import { MODEL } from '../graph/model.ts';
import type { EntityLabel, GraphNode, RelationshipType } from '../graph/schema.ts';
import { EVIDENCE_PER_RELATIONSHIP } from '../store/rows.ts';
import type { NewEntity, NewRelationship, RelationshipRef } from './schema.ts';

/** An entity as stored: contract fields, other stored properties, alias keys naming it, articles mentioning it. */
export interface EntityState {
  id: string;
  label: EntityLabel;
  name: string;
  aliases: string[];
  properties: Record<string, unknown>;
  keys: string[];
  mentions: string[];
}
export type EntityFields = Omit<EntityState, 'keys' | 'mentions'>;

/** A relationship as stored: its type (REJECTED_… when rejected) and every property (key, sources, evidence…). */
export interface RelState {
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

export type Op =
  | { op: 'createEntity'; entity: EntityState }
  | { op: 'deleteEntity'; entity: EntityState }
  | { op: 'setEntity'; before: EntityFields; after: EntityFields }
  | { op: 'moveKeys'; keys: string[]; from: string | null; to: string | null }
  | { op: 'moveMentions'; articles: string[]; from: string; to: string }
  | { op: 'deleteRelationship'; relationship: RelState }
  /** `from`: keys of the relationships this one replaces (undo hands them what was stated since). */
  | { op: 'putRelationship'; relationship: RelState; from: string[] };

export interface Plan {
  ops: Op[];
  summary: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  entities: string[];
  relationships: string[];
}

/** Who and when, stamped on what a correction creates. */
export interface Stamp {
  id: string;
  analyst: string;
  note: string | null;
}

/** A correction that cannot be made: `status` 400 (bad request, `field` named), 404 (unknown id) or 409 (no longer applies). */
export class CorrectionError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'CorrectionError';
  }
}

/** Rejected relationships keep their key and facts under this type prefix, so every query by fact type skips them. */
export const REJECTED_PREFIX = 'REJECTED_';
/** Alias key by which a merged-away entity id still finds the entity it was merged into. */
export const mergedIdKey = (id: string) => `id|${id}`;
/** An article as a new version of it still is: by URL, else file, else id (as cypher/previous-versions.cypher matches). */
export type ArticleRef = { id: string; url?: string | null; file?: string | null };
/**
 * Alias key by which an article's mention of an entity goes to the entity an analyst split it off
 * into, in every later version of that article.
 */
export const splitMentionKey = (article: ArticleRef, entity: string) => `${splitMentionPrefix(article)}${entity}`;
export const splitMentionPrefix = (article: ArticleRef) => `split|${article.url ?? article.file ?? article.id}|`;

export const factType = (type: string) => (type.startsWith(REJECTED_PREFIX) ? type.slice(REJECTED_PREFIX.length) : type) as RelationshipType;
export const isRejected = (rel: RelState) => rel.type.startsWith(REJECTED_PREFIX);
export const keyOf = (rel: RelState) => String(rel.properties.key);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const union = (...lists: string[][]) => [...new Set(lists.flat())];
const nameList = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

export const fieldsOf = ({ keys: _keys, mentions: _mentions, ...fields }: EntityState): EntityFields => fields;
const asNode = (e: { id: string; label: EntityLabel; name: string; aliases: string[]; properties: Record<string, unknown> }): GraphNode => ({
  id: e.id,
  label: e.label,
  name: e.name,
  aliases: e.aliases,
  properties: Object.fromEntries(Object.entries(e.properties).filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) as GraphNode['properties'],
});

/** The relationship with other ends: canonical direction and key recomputed (a key names its ends). */
function withEnds(rel: RelState, source: string, target: string): RelState {
  const type = factType(rel.type);
  const [from, to] = canonicalEnds(type, source, target);
  return { type: rel.type, source: from, target: to, properties: { ...rel.properties, key: relationshipKey({ type, source, target, properties: rel.properties }) } };
}

/** One relationship from two that state the same fact: sources united, evidence up to the bound, first one's properties win. */
function combine(a: RelState, b: RelState): RelState {
  const evidence = strings(a.properties.evidence);
  const evidenceSources = strings(a.properties.evidenceSources);
  strings(b.properties.evidence).forEach((sentence, i) => {
    if (evidence.length >= EVIDENCE_PER_RELATIONSHIP || evidence.includes(sentence)) return;
    evidence.push(sentence);
    evidenceSources.push(strings(b.properties.evidenceSources)[i] ?? '');
  });
  const rejected = isRejected(a) ? a : isRejected(b) ? b : null;
  return {
    type: rejected?.type ?? a.type,
    source: a.source,
    target: a.target,
    properties: { ...b.properties, ...a.properties, ...(rejected?.properties ?? {}), key: a.properties.key, sources: union(strings(a.properties.sources), strings(b.properties.sources)), evidence, evidenceSources },
  };
}

/** The relationship with another's sources and sentences added (up to the bound); nothing else of the other's. */
function withStatements(rel: RelState, other: RelState): RelState {
  const { properties } = combine(rel, { ...other, type: rel.type, properties: { sources: other.properties.sources, evidence: other.properties.evidence, evidenceSources: other.properties.evidenceSources } });
  return { ...rel, properties: { ...rel.properties, sources: properties.sources, evidence: properties.evidence, evidenceSources: properties.evidenceSources } };
}

/** The part of a relationship stated by some articles (their sources, their sentences). */
function restrictSources(rel: RelState, keep: (articleId: string) => boolean): RelState {
  const evidenceSources = strings(rel.properties.evidenceSources);
  const kept = strings(rel.properties.evidence).map((e, i) => [e, evidenceSources[i] ?? ''] as const).filter(([, s]) => keep(s));
  return {
    ...rel,
    properties: { ...rel.properties, sources: strings(rel.properties.sources).filter(keep), evidence: kept.map(([e]) => e), evidenceSources: kept.map(([, s]) => s) },
  };
}

/** Relationships an analyst names: type and ends (either order for symmetric types), narrowed by role or title. */
export function matchingRelationships(rels: RelState[], ref: RelationshipRef): RelState[] {
  const symmetric = MODEL.relationships[ref.type]?.symmetric ?? false;
  return rels.filter((rel) => {
    if (factType(rel.type) !== ref.type) return false;
    const forward = rel.source === ref.source && rel.target === ref.target;
    const backward = rel.source === ref.target && rel.target === ref.source;
    if (!(forward || (symmetric && backward))) return false;
    if (ref.role && String(rel.properties.role ?? '') !== ref.role) return false;
    if (ref.title && String(rel.properties.title ?? '').toLowerCase() !== ref.title.toLowerCase()) return false;
    return true;
  });
}

const describeRef = (ref: RelationshipRef) => `${ref.type} ${ref.source} -> ${ref.target}${ref.role ? ` (${ref.role})` : ''}${ref.title ? ` (${ref.title})` : ''}`;

// ---- planners ----------------------------------------------------------------------------------

/**
 * Merge: the kept entity takes the others' names (as aliases), alias keys (plus one per merged id,
 * so an ingest that names a merged-away entity lands on the kept one), mentions and relationships
 * (facts the kept entity states too are united); the merged entities go.
 * `mergedRels`: every relationship of the merged entities; `keptRels`: the kept entity's
 * relationships under the keys the moved ones get.
 */
export function planMerge(keep: EntityState, merged: EntityState[], mergedRels: RelState[], keptRels: RelState[]): Plan {
  merged.forEach((m, i) => {
    if (m.label !== keep.label) throw new CorrectionError(400, `merge[${i}]`, `"${m.name}" is ${m.label === 'Office' ? 'an' : 'a'} ${m.label} and "${keep.name}" ${keep.label === 'Office' ? 'an' : 'a'} ${keep.label}; change the label first`);
  });
  const mergedIds = new Set(merged.map((m) => m.id));
  const to = (id: string) => (mergedIds.has(id) ? keep.id : id);
  const after: EntityFields = {
    ...fieldsOf(keep),
    aliases: union(keep.aliases, ...merged.map((m) => [m.name, ...m.aliases])).filter((a) => a !== keep.name),
    properties: Object.assign({}, ...merged.map((m) => m.properties).reverse(), keep.properties),
  };
  const ops: Op[] = [{ op: 'setEntity', before: fieldsOf(keep), after }];
  const keptMentions = new Set(keep.mentions);
  for (const m of merged) {
    ops.push({ op: 'moveKeys', keys: union(m.keys, [mergedIdKey(m.id)]), from: m.id, to: keep.id });
    const articles = m.mentions.filter((a) => !keptMentions.has(a));
    if (articles.length > 0) ops.push({ op: 'moveMentions', articles, from: m.id, to: keep.id });
  }

  const moved = new Map<string, RelState[]>();
  const seen = new Set<string>();
  for (const rel of mergedRels) {
    if (seen.has(keyOf(rel))) continue; // a relationship between two merged entities is listed from both
    seen.add(keyOf(rel));
    ops.push({ op: 'deleteRelationship', relationship: rel });
    const source = to(rel.source);
    const target = to(rel.target);
    if (source === target) continue; // a fact between two names of one entity says nothing
    const next = withEnds(rel, source, target);
    moved.set(keyOf(next), [...(moved.get(keyOf(next)) ?? []), rel]);
  }
  const keptByKey = new Map(keptRels.map((r) => [keyOf(r), r]));
  const newKeys: string[] = [];
  for (const [key, rels] of moved) {
    const existing = keptByKey.get(key);
    const parts = rels.map((r) => withEnds(r, to(r.source), to(r.target)));
    let result = existing ?? parts[0]!;
    for (const part of existing ? parts : parts.slice(1)) result = combine(result, part);
    if (existing) ops.push({ op: 'deleteRelationship', relationship: existing });
    ops.push({ op: 'putRelationship', relationship: result, from: [...(existing ? [key] : []), ...rels.map(keyOf)] });
    newKeys.push(key);
  }
  for (const m of merged) ops.push({ op: 'deleteEntity', entity: m });
  return {
    ops,
    summary: `merged ${nameList(merged.map((m) => m.name))} into "${keep.name}"`,
    before: { keep: { id: keep.id, name: keep.name, aliases: keep.aliases }, merged: merged.map((m) => ({ id: m.id, label: m.label, name: m.name, aliases: m.aliases })) },
    after: { keep: { id: keep.id, name: after.name, aliases: after.aliases } },
    entities: [keep.id, ...merged.map((m) => m.id)],
    relationships: newKeys,
  };
}

/** Reject: the relationships named leave every query (their type gets the REJECTED_ prefix); what states them is kept. */
export function planReject(found: RelState[], ref: RelationshipRef, stamp: Stamp): Plan {
  if (found.length === 0) throw new CorrectionError(404, 'relationship', `no ${describeRef(ref)}`);
  const open = found.filter((r) => !isRejected(r));
  if (open.length === 0) throw new CorrectionError(409, 'relationship', `${describeRef(ref)} is rejected already`);
  const ops: Op[] = open.flatMap((rel) => [
    { op: 'deleteRelationship', relationship: rel },
    {
      op: 'putRelationship',
      relationship: {
        ...rel,
        type: REJECTED_PREFIX + rel.type,
        properties: { ...rel.properties, rejectedIn: stamp.id, rejectedBy: stamp.analyst, sourcesAtRejection: strings(rel.properties.sources).length },
      },
      from: [keyOf(rel)],
    },
  ]);
  return {
    ops,
    summary: `rejected ${describeRef(ref)}`,
    before: { relationships: open.map(keyOf), rejected: false },
    after: { relationships: open.map(keyOf), rejected: true },
    entities: [ref.source, ref.target],
    relationships: open.map(keyOf),
  };
}

const REJECTION_FIELDS = ['rejectedIn', 'rejectedBy', 'sourcesAtRejection'];

/** Restore: rejected relationships named come back as they were, with whatever stated them since. */
export function planRestore(found: RelState[], ref: RelationshipRef): Plan {
  if (found.length === 0) throw new CorrectionError(404, 'relationship', `no ${describeRef(ref)}`);
  const rejected = found.filter(isRejected);
  if (rejected.length === 0) throw new CorrectionError(409, 'relationship', `${describeRef(ref)} is not rejected`);
  const ops: Op[] = rejected.flatMap((rel) => [
    { op: 'deleteRelationship', relationship: rel },
    {
      op: 'putRelationship',
      relationship: { ...rel, type: factType(rel.type), properties: Object.fromEntries(Object.entries(rel.properties).filter(([k]) => !REJECTION_FIELDS.includes(k))) },
      from: [keyOf(rel)],
    },
  ]);
  return {
    ops,
    summary: `restored ${describeRef(ref)}`,
    before: { relationships: rejected.map(keyOf), rejected: true },
    after: { relationships: rejected.map(keyOf), rejected: false },
    entities: [ref.source, ref.target],
    relationships: rejected.map(keyOf),
  };
}

/** Alias keys a node would get that do not point at it yet. */
const missingKeys = (node: EntityFields, have: string[]) => aliasKeys(asNode(node)).filter((k) => !have.includes(k));

/** Rename: the old name stays as an alias (so articles using it still find the entity). */
export function planRename(entity: EntityState, name: string): Plan {
  if (name === entity.name) throw new CorrectionError(409, 'name', `"${entity.id}" is named "${name}" already`);
  const after: EntityFields = { ...fieldsOf(entity), name, aliases: union(entity.aliases, [entity.name]).filter((a) => a !== name) };
  const ops: Op[] = [{ op: 'setEntity', before: fieldsOf(entity), after }];
  const keys = missingKeys(after, entity.keys);
  if (keys.length > 0) ops.push({ op: 'moveKeys', keys, from: null, to: entity.id });
  return {
    ops,
    summary: `renamed "${entity.name}" to "${name}"`,
    before: { name: entity.name },
    after: { name },
    entities: [entity.id],
    relationships: [],
  };
}

/**
 * Relabel: the new label, kept by later ingests (curatedLabel: write-entities adds no other);
 * the old label's alias keys stay, so articles that type it the old way still find it.
 */
export function planRelabel(entity: EntityState, label: EntityLabel): Plan {
  if (label === entity.label) throw new CorrectionError(409, 'label', `"${entity.name}" is ${label === 'Office' ? 'an' : 'a'} ${label} already`);
  const after: EntityFields = { ...fieldsOf(entity), label, properties: { ...entity.properties, curatedLabel: label } };
  const ops: Op[] = [{ op: 'setEntity', before: fieldsOf(entity), after }];
  const keys = missingKeys(after, entity.keys);
  if (keys.length > 0) ops.push({ op: 'moveKeys', keys, from: null, to: entity.id });
  return {
    ops,
    summary: `changed "${entity.name}" from ${entity.label} to ${label}`,
    before: { label: entity.label },
    after: { label },
    entities: [entity.id],
    relationships: [],
  };
}

/** The id a new entity of this label and name gets: the one extraction would give it. */
export function entityIdFor(label: EntityLabel, name: string, properties: Record<string, unknown>): string {
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  if (label === 'Person') return personId(name);
  if (label === 'City') return cityId(name, str(properties.country));
  if (label === 'Event') return eventId(name, str(properties.date), null, str(properties.kind));
  return orgId(label, name);
}

/**
 * Split: a new entity takes the given aliases (and their alias keys) and the given articles'
 * mentions and facts (a fact also stated by other articles is shared: those stay with the old one);
 * later versions of those articles send their mentions of the entity to the new one (splitMentionKey).
 */
export function planSplit(entity: EntityState, rels: RelState[], spec: { aliases: string[]; articles: string[]; name?: string }, newId: string, articleRefs: ArticleRef[]): Plan {
  if (spec.aliases.length === 0 && spec.articles.length === 0) throw new CorrectionError(400, 'aliases', 'name the aliases or the articles that belong to the new entity');
  spec.aliases.forEach((alias, i) => {
    if (!entity.aliases.includes(alias)) throw new CorrectionError(400, `aliases[${i}]`, `"${alias}" is not an alias of "${entity.name}" (aliases: ${nameList(entity.aliases)})`);
  });
  spec.articles.forEach((article, i) => {
    if (!entity.mentions.includes(article)) throw new CorrectionError(400, `articles[${i}]`, `article "${article}" does not mention "${entity.name}"`);
  });
  const name = spec.name ?? spec.aliases[0];
  if (!name) throw new CorrectionError(400, 'name', 'name the new entity when splitting by article');
  const properties = Object.fromEntries(Object.entries(entity.properties).filter(([k]) => !['curatedLabel', 'addedBy', 'note'].includes(k)));
  const created: EntityState = { id: newId, label: entity.label, name, aliases: spec.aliases.filter((a) => a !== name), properties, keys: [], mentions: [] };
  const after: EntityFields = { ...fieldsOf(entity), aliases: entity.aliases.filter((a) => !spec.aliases.includes(a)) };
  const remainingKeys = new Set(aliasKeys(asNode(after)));
  const wanted = aliasKeys(asNode(created));
  const movedKeys = wanted.filter((k) => entity.keys.includes(k) && !remainingKeys.has(k));
  const newKeys = wanted.filter((k) => !entity.keys.includes(k));

  const ops: Op[] = [{ op: 'createEntity', entity: created }];
  if (spec.aliases.length > 0) ops.push({ op: 'setEntity', before: fieldsOf(entity), after });
  if (movedKeys.length > 0) ops.push({ op: 'moveKeys', keys: movedKeys, from: entity.id, to: newId });
  if (newKeys.length > 0) ops.push({ op: 'moveKeys', keys: newKeys, from: null, to: newId });
  if (spec.articles.length > 0) {
    ops.push({ op: 'moveMentions', articles: spec.articles, from: entity.id, to: newId });
    const chosenRefs = articleRefs.filter((a) => spec.articles.includes(a.id));
    ops.push({ op: 'moveKeys', keys: chosenRefs.map((a) => splitMentionKey(a, entity.id)), from: null, to: newId });
  }
  const chosen = new Set(spec.articles);
  const newRelationships: string[] = [];
  for (const rel of rels) {
    if (!strings(rel.properties.sources).some((s) => chosen.has(s))) continue;
    ops.push({ op: 'deleteRelationship', relationship: rel });
    const rest = restrictSources(rel, (s) => !chosen.has(s));
    if (strings(rest.properties.sources).length > 0 || rel.properties.addedBy) ops.push({ op: 'putRelationship', relationship: rest, from: [keyOf(rel)] });
    const part = restrictSources(rel, (s) => chosen.has(s));
    const moved = withEnds(part, rel.source === entity.id ? newId : rel.source, rel.target === entity.id ? newId : rel.target);
    ops.push({ op: 'putRelationship', relationship: moved, from: [keyOf(rel)] });
    newRelationships.push(keyOf(moved));
  }
  return {
    ops,
    summary: `split "${name}" off "${entity.name}"`,
    before: { entity: { id: entity.id, name: entity.name, aliases: entity.aliases } },
    after: { entity: { id: entity.id, name: entity.name, aliases: after.aliases }, created: { id: newId, name, aliases: created.aliases, articles: spec.articles } },
    entities: [entity.id, newId],
    relationships: newRelationships,
  };
}

/** Add an entity by hand: no article states it, the analyst does (addedBy, note). */
export function planAddEntity(spec: NewEntity, id: string, stamp: Stamp): Plan {
  const entity: EntityState = {
    id,
    label: spec.label,
    name: spec.name,
    aliases: spec.aliases.filter((a) => a !== spec.name),
    properties: { ...spec.properties, addedBy: stamp.analyst, addedIn: stamp.id },
    keys: [],
    mentions: [],
  };
  const keys = aliasKeys(asNode(entity));
  return {
    ops: [{ op: 'createEntity', entity }, ...(keys.length > 0 ? [{ op: 'moveKeys' as const, keys, from: null, to: id }] : [])],
    summary: `added ${spec.label} "${spec.name}"`,
    before: {},
    after: { entity: { id, label: spec.label, name: spec.name, aliases: entity.aliases } },
    entities: [id],
    relationships: [],
  };
}

/** Add a relationship by hand: its source is the analyst (no article ids), its evidence what the analyst gave. */
export function planAddRelationship(spec: NewRelationship, existing: RelState[], evidence: string | undefined, stamp: Stamp): Plan {
  if (spec.source === spec.target) throw new CorrectionError(400, 'relationship.target', 'a relationship joins two different entities');
  const [source, target] = canonicalEnds(spec.type, spec.source, spec.target);
  const key = relationshipKey(spec);
  const stated = existing.find((r) => keyOf(r) === key);
  if (stated) throw new CorrectionError(409, 'relationship', `${spec.type} ${spec.source} -> ${spec.target} is stated already${isRejected(stated) ? ' (rejected: restore it instead)' : ''}`);
  const relationship: RelState = {
    type: spec.type,
    source,
    target,
    properties: {
      ...spec.properties,
      key,
      sources: [],
      evidence: evidence ? [evidence] : [],
      evidenceSources: evidence ? [`analyst:${stamp.analyst}`] : [],
      addedBy: stamp.analyst,
      addedIn: stamp.id,
    },
  };
  return {
    ops: [{ op: 'putRelationship', relationship, from: [] }],
    summary: `added ${spec.type} ${spec.source} -> ${spec.target}`,
    before: {},
    after: { relationship: { key, type: spec.type, source: spec.source, target: spec.target, properties: spec.properties, evidence: evidence ?? null } },
    entities: [spec.source, spec.target],
    relationships: [key],
  };
}

/** A note on an entity or relationships: the record is the change. */
export function planAnnotate(entity: EntityState | null, rels: RelState[], note: string): Plan {
  return {
    ops: [],
    summary: entity ? `note on "${entity.name}"` : `note on ${rels.map(keyOf).join(', ')}`,
    before: {},
    after: { note },
    entities: entity ? [entity.id] : union(rels.flatMap((r) => [r.source, r.target])),
    relationships: rels.map(keyOf),
  };
}

/** A duplicate candidate the analyst says is two entities: remembered so the review queue drops it. */
export function planDismiss(a: EntityState, b: EntityState): Plan {
  return {
    ops: [],
    summary: `"${a.name}" and "${b.name}" are not duplicates`,
    before: {},
    after: { distinct: [a.id, b.id] },
    entities: [a.id, b.id],
    relationships: [],
  };
}

// ---- undo --------------------------------------------------------------------------------------

function invert(op: Op): Op {
  switch (op.op) {
    case 'createEntity':
      return { op: 'deleteEntity', entity: op.entity };
    case 'deleteEntity':
      return { op: 'createEntity', entity: op.entity };
    case 'setEntity':
      return { op: 'setEntity', before: op.after, after: op.before };
    case 'moveKeys':
      return { op: 'moveKeys', keys: op.keys, from: op.to, to: op.from };
    case 'moveMentions':
      return { op: 'moveMentions', articles: op.articles, from: op.to, to: op.from };
    case 'deleteRelationship':
      return { op: 'putRelationship', relationship: op.relationship, from: [] };
    case 'putRelationship':
      return { op: 'deleteRelationship', relationship: op.relationship };
  }
}

/**
 * The operations that reverse a correction's, given the current state of the relationships it put
 * and the entities it set. What articles stated since (sources, sentences) is kept: it goes to the
 * relationship the undone one replaced. Throws 409 when a later correction changed what it set.
 */
export function planUndo(ops: Op[], current: { relationships: Map<string, RelState>; entities: Map<string, EntityState> }): Op[] {
  const restored = new Map<string, Op & { op: 'putRelationship' }>();
  const inverse = ops.map(invert).reverse();
  for (const op of inverse) if (op.op === 'putRelationship') restored.set(keyOf(op.relationship), op);
  return inverse.map((op) => {
    if (op.op === 'deleteRelationship') {
      const now = current.relationships.get(keyOf(op.relationship));
      if (!now) return op;
      const forward = ops.find((o): o is Op & { op: 'putRelationship' } => o.op === 'putRelationship' && keyOf(o.relationship) === keyOf(op.relationship));
      const heir = forward?.from.map((k) => restored.get(k)).find((r) => r !== undefined);
      const known = new Set(strings(op.relationship.properties.sources));
      if (heir) heir.relationship = withStatements(heir.relationship, restrictSources(now, (s) => !known.has(s) && strings(now.properties.sources).includes(s)));
      return { ...op, relationship: now };
    }
    if (op.op === 'setEntity') {
      const now = current.entities.get(op.after.id);
      if (now && (now.name !== op.before.name || now.label !== op.before.label)) {
        throw new CorrectionError(409, 'id', `"${now.name}" was changed by a later correction; undo that one first`);
      }
      // aliases gained since (later ingests) stay
      if (now) return { ...op, after: { ...op.after, aliases: union(op.after.aliases, now.aliases.filter((a) => !op.before.aliases.includes(a) && a !== op.after.name)) } };
    }
    return op;
  });
}
