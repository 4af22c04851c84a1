// Corrections in Neo4j: each one in a single write transaction that locks what it touches, reads
// it, plans the operations (ops.ts), applies them as batched statements (cypher/correction-*.cypher)
// and stores the record. Undo plans the inverse from the stored operations.
import { randomUUID } from 'node:crypto';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { aliasKeys } from '../extract/resolve.ts';
import { isWordKey, namedInMoreWords, wordKeyJoins } from '../graph/alias-keys.ts';
import { ENTITY_LABELS, type EntityLabel } from '../graph/schema.ts';
import { cypher } from '../store/cypher.ts';
import type { Neo4jConnection } from '../store/neo4j.ts';
import { storedEntityOf } from '../store/rows.ts';
import { plain } from '../store/stored.ts';
import { storedKeys } from '../store/write.ts';
import {
  CorrectionError,
  entityIdFor,
  keyOf,
  matchingRelationships,
  planAddEntity,
  planAddRelationship,
  planAnnotate,
  planDismiss,
  planMerge,
  planReject,
  planRelabel,
  planRename,
  planRestore,
  planSplit,
  planUndo,
  type EntityState,
  type Op,
  type Plan,
  type RelState,
  type Stamp,
} from './ops.ts';
import { dismissedKey, findCandidates, score, type NamedEntity, type Reason } from './duplicates.ts';
import type { Correction, CorrectionRecord, CorrectionRequest, RelationshipRef } from './schema.ts';

type Row = Record<string, unknown>;

async function rows(tx: ManagedTransaction, name: string, params: Row = {}): Promise<Row[]> {
  const result = await tx.run(cypher(name), params);
  return result.records.map((r) => plain(r.toObject()) as Row);
}

const NODE_FIELDS = new Set(['id', 'label', 'name', 'aliases']);

async function entities(tx: ManagedTransaction, ids: string[]): Promise<Map<string, EntityState>> {
  const found = await rows(tx, 'correction-entities', { ids });
  return new Map(
    found.map((row) => {
      const node = row.node as Row;
      const state: EntityState = {
        id: String(node.id),
        label: node.label as EntityLabel,
        name: String(node.name),
        aliases: (node.aliases as string[]) ?? [],
        properties: Object.fromEntries(Object.entries(node).filter(([k]) => !NODE_FIELDS.has(k))),
        keys: row.keys as string[],
        mentions: row.mentions as string[],
      };
      return [state.id, state];
    }),
  );
}

const relStates = (found: Row[]): RelState[] =>
  found.map((r) => ({ type: String(r.type), source: String(r.source), target: String(r.target), properties: r.properties as Row }));

/** The entities, write-locked first (sorted, so two corrections lock in the same order); 404 naming the field of one not found. */
async function lockedEntities(tx: ManagedTransaction, refs: { field: string; id: string }[]): Promise<Map<string, EntityState>> {
  await rows(tx, 'correction-lock-entities', { ids: [...new Set(refs.map((r) => r.id))].sort() });
  const found = await entities(tx, refs.map((r) => r.id));
  for (const { field, id } of refs) if (!found.has(id)) throw new CorrectionError(404, field, `no entity "${id}"`);
  return found;
}

async function relationshipsBetween(tx: ManagedTransaction, ref: { source: string; target: string }): Promise<RelState[]> {
  return relStates(await rows(tx, 'correction-relationships-between', { source: ref.source, target: ref.target }));
}

async function namedRelationships(tx: ManagedTransaction, ref: RelationshipRef): Promise<RelState[]> {
  await lockedEntities(tx, [
    { field: 'relationship.source', id: ref.source },
    { field: 'relationship.target', id: ref.target },
  ]);
  return matchingRelationships(await relationshipsBetween(tx, ref), ref);
}

/** A free id for a new entity: the one extraction would give it, numbered when taken. */
async function freeId(tx: ManagedTransaction, base: string): Promise<string> {
  const candidates = [base, ...Array.from({ length: 20 }, (_, i) => `${base}-${i + 2}`)];
  const taken = await entities(tx, candidates);
  const free = candidates.find((id) => !taken.has(id));
  if (!free) throw new CorrectionError(409, 'name', `too many entities with ids like "${base}"`);
  return free;
}

async function plan(tx: ManagedTransaction, request: CorrectionRequest, stamp: Stamp): Promise<Plan> {
  switch (request.action) {
    case 'merge': {
      request.merge.forEach((id, i) => {
        if (id === request.keep) throw new CorrectionError(400, `merge[${i}]`, 'is the entity to keep');
        if (request.merge.indexOf(id) !== i) throw new CorrectionError(400, `merge[${i}]`, `"${id}" is named twice`);
      });
      const found = await lockedEntities(tx, [{ field: 'keep', id: request.keep }, ...request.merge.map((id, i) => ({ field: `merge[${i}]`, id }))]);
      const keep = found.get(request.keep)!;
      const merged = request.merge.map((id) => found.get(id)!);
      const mergedRels = relStates(await rows(tx, 'correction-relationships', { ids: request.merge }));
      const moving = new Set(request.merge);
      // the kept entity's relationships that the moved ones may meet (same key once re-pointed)
      const keptRels = relStates(await rows(tx, 'correction-relationships', { ids: [keep.id] })).filter((r) => !moving.has(r.source) && !moving.has(r.target));
      return planMerge(keep, merged, mergedRels, keptRels);
    }
    case 'reject':
      return planReject(await namedRelationships(tx, request.relationship), request.relationship, stamp);
    case 'restore':
      return planRestore(await namedRelationships(tx, request.relationship), request.relationship);
    case 'rename': {
      const found = await lockedEntities(tx, [{ field: 'entity', id: request.entity }]);
      return planRename(found.get(request.entity)!, request.name);
    }
    case 'relabel': {
      const found = await lockedEntities(tx, [{ field: 'entity', id: request.entity }]);
      return planRelabel(found.get(request.entity)!, request.label);
    }
    case 'split': {
      const found = await lockedEntities(tx, [{ field: 'entity', id: request.entity }]);
      const entity = found.get(request.entity)!;
      const name = request.name ?? request.aliases[0];
      if (!name) throw new CorrectionError(400, 'name', 'name the new entity when splitting by article');
      const rels = relStates(await rows(tx, 'correction-relationships', { ids: [entity.id] }));
      const articleRefs = (await rows(tx, 'articles-by-id', { ids: request.articles })).map((r) => ({ id: String(r.id), url: r.url as string | null, file: r.file as string | null }));
      return planSplit(entity, rels, request, await freeId(tx, entityIdFor(entity.label, name, entity.properties)), articleRefs);
    }
    case 'add': {
      if (!request.entity === !request.relationship) throw new CorrectionError(400, 'entity', 'add either an entity or a relationship');
      if (request.entity) {
        const spec = request.entity;
        const id = entityIdFor(spec.label, spec.name, spec.properties);
        const [stored] = (await entities(tx, [id])).values();
        if (stored) throw new CorrectionError(409, 'entity.name', `"${stored.name}" (${stored.id}) exists already`);
        const keys = aliasKeys({ id, label: spec.label, name: spec.name, aliases: spec.aliases, properties: spec.properties });
        // the entity an ingest would land this one on (a one-word key such as "BCC" only when unambiguous)
        const known = storedEntityOf(id, keys, await storedKeys(tx, keys));
        if (known) throw new CorrectionError(409, 'entity.name', `"${spec.name}" names the stored entity ${known}; rename or annotate it instead`);
        return planAddEntity(spec, id, stamp);
      }
      const spec = request.relationship!;
      await lockedEntities(tx, [
        { field: 'relationship.source', id: spec.source },
        { field: 'relationship.target', id: spec.target },
      ]);
      return planAddRelationship(spec, await relationshipsBetween(tx, spec), request.evidence, stamp);
    }
    case 'annotate': {
      if (!request.entity === !request.relationship) throw new CorrectionError(400, 'entity', 'annotate either an entity or a relationship');
      if (request.entity) {
        const found = await lockedEntities(tx, [{ field: 'entity', id: request.entity }]);
        return planAnnotate(found.get(request.entity)!, [], request.note);
      }
      const found = await namedRelationships(tx, request.relationship!);
      if (found.length === 0) throw new CorrectionError(404, 'relationship', `no ${request.relationship!.type} between "${request.relationship!.source}" and "${request.relationship!.target}"`);
      return planAnnotate(null, found, request.note);
    }
    case 'dismiss': {
      const [a, b] = request.entities as [string, string];
      if (a === b) throw new CorrectionError(400, 'entities[1]', 'is the same entity as entities[0]');
      const found = await lockedEntities(tx, [
        { field: 'entities[0]', id: a },
        { field: 'entities[1]', id: b },
      ]);
      return planDismiss(found.get(a)!, found.get(b)!);
    }
  }
}

/** Applies operations in an order that keeps every step valid: create, set, move, replace relationships, delete. */
async function apply(tx: ManagedTransaction, ops: Op[]): Promise<void> {
  const of = <K extends Op['op']>(kind: K) => ops.filter((o): o is Extract<Op, { op: K }> => o.op === kind);
  const creates = of('createEntity');
  if (creates.length > 0) {
    const taken = await entities(tx, creates.map((o) => o.entity.id));
    for (const id of taken.keys()) throw new CorrectionError(409, 'id', `entity "${id}" exists again (stated by an article since); merge instead`);
    await tx.run(cypher('correction-create-entities'), {
      rows: creates.map(({ entity: e }) => ({ id: e.id, label: e.label, name: e.name, aliases: e.aliases, properties: e.properties, mentions: e.mentions })),
    });
  }
  const sets = of('setEntity');
  if (sets.length > 0) {
    await tx.run(cypher('correction-set-entities'), {
      labels: [...ENTITY_LABELS],
      rows: sets.map(({ after: e }) => ({ id: e.id, label: e.label, name: e.name, aliases: e.aliases, properties: e.properties })),
    });
  }
  const keys = of('moveKeys');
  if (keys.length > 0) await tx.run(cypher('correction-move-keys'), { rows: keys.map(({ keys, from, to }) => ({ keys, from, to })) });
  const mentions = of('moveMentions');
  if (mentions.length > 0) await tx.run(cypher('correction-move-mentions'), { rows: mentions.map(({ articles, from, to }) => ({ articles, from, to })) });
  const deletes = of('deleteRelationship');
  if (deletes.length > 0) {
    await tx.run(cypher('correction-delete-relationships'), { rows: deletes.map(({ relationship: r }) => ({ key: keyOf(r), source: r.source, target: r.target })) });
  }
  const puts = of('putRelationship');
  if (puts.length > 0) await tx.run(cypher('write-new-relationships'), { rows: puts.map(({ relationship: r }) => ({ type: r.type, source: r.source, target: r.target, properties: r.properties })) });
  const removals = of('deleteEntity');
  if (removals.length > 0) {
    const ids = removals.map((o) => o.entity.id);
    const left = relStates(await rows(tx, 'correction-relationships', { ids }));
    if (left.length > 0) {
      const id = ids.find((i) => left.some((r) => r.source === i || r.target === i))!;
      throw new CorrectionError(409, 'id', `"${id}" has ${left.length} relationship(s) stated since; split it instead`);
    }
    await tx.run(cypher('correction-delete-entities'), { ids });
  }
}

const parse = (text: unknown): Row => (typeof text === 'string' ? (JSON.parse(text) as Row) : {});

function toCorrection(stored: Row): Correction {
  return {
    id: String(stored.id),
    action: stored.action as Correction['action'],
    analyst: String(stored.analyst),
    at: String(stored.at),
    note: (stored.note as string) ?? null,
    summary: String(stored.summary),
    before: parse(stored.before),
    after: parse(stored.after),
    entities: (stored.entities as string[]) ?? [],
    relationships: (stored.relationships as string[]) ?? [],
    undoes: (stored.undoes as string) ?? null,
    undoneBy: (stored.undoneBy as string) ?? null,
  };
}

function toRecord(stored: Row): CorrectionRecord {
  return { ...toCorrection(stored), ops: JSON.parse(String(stored.ops ?? '[]')) as Row[], seq: Number(stored.seq) };
}

/** The node properties of a correction: JSON for the nested parts (Neo4j stores no maps). */
function storedRecord(correction: Correction, ops: Op[], seq: number | null): Row {
  return {
    ...correction,
    before: JSON.stringify(correction.before),
    after: JSON.stringify(correction.after),
    ops: JSON.stringify(ops),
    seq: seq === null ? null : neo4j.int(seq),
  };
}

async function write<T>(conn: Neo4jConnection, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = conn.driver.session({ database: conn.database });
  try {
    return await session.executeWrite(work);
  } finally {
    await session.close();
  }
}

/** Makes a correction; throws CorrectionError (400, 404, 409) when it cannot be made. */
export async function correct(conn: Neo4jConnection, request: CorrectionRequest, analyst: string): Promise<Correction> {
  return write(conn, async (tx) => {
    const stamp: Stamp = { id: randomUUID(), analyst, note: request.note ?? null };
    const planned = await plan(tx, request, stamp);
    await apply(tx, planned.ops);
    const correction: Correction = {
      id: stamp.id,
      action: request.action,
      analyst,
      at: new Date().toISOString(),
      note: stamp.note,
      summary: planned.summary,
      before: planned.before,
      after: planned.after,
      entities: planned.entities,
      relationships: planned.relationships,
      undoes: null,
      undoneBy: null,
    };
    await tx.run(cypher('write-correction'), { records: [storedRecord(correction, planned.ops, null)] });
    return correction;
  });
}

/** Reverses a correction with a new one; 404 when unknown, 409 when undone already or overtaken by later changes. */
export async function undoCorrection(conn: Neo4jConnection, id: string, analyst: string, note: string | null): Promise<Correction> {
  return write(conn, async (tx) => {
    const [row] = await rows(tx, 'correction-by-id', { id });
    if (!row) throw new CorrectionError(404, 'id', `no correction "${id}"`);
    const original = toRecord(row.correction as Row);
    if (original.undoneBy) throw new CorrectionError(409, 'id', `correction "${id}" was undone already by "${original.undoneBy}"`);
    const ops = original.ops as unknown as Op[];
    const ids = [...new Set(ops.flatMap(entityIdsOf))].sort();
    await rows(tx, 'correction-lock-entities', { ids });
    const puts = ops.filter((o): o is Extract<Op, { op: 'putRelationship' }> => o.op === 'putRelationship').map((o) => o.relationship);
    const current = relStates(await rows(tx, 'correction-relationships-by-key', { rows: puts.map((r) => ({ key: keyOf(r), source: r.source, target: r.target })) }));
    const inverse = planUndo(ops, { relationships: new Map(current.map((r) => [keyOf(r), r])), entities: await entities(tx, ids) });
    await apply(tx, inverse);
    const correction: Correction = {
      id: randomUUID(),
      action: 'undo',
      analyst,
      at: new Date().toISOString(),
      note,
      summary: `undid: ${original.summary}`,
      before: original.after,
      after: original.before,
      entities: original.entities,
      relationships: original.relationships,
      undoes: id,
      undoneBy: null,
    };
    await tx.run(cypher('write-correction'), { records: [storedRecord(correction, inverse, null)] });
    await tx.run(cypher('mark-correction-undone'), { id, undoneBy: correction.id });
    return correction;
  });
}

function entityIdsOf(op: Op): string[] {
  switch (op.op) {
    case 'createEntity':
    case 'deleteEntity':
      return [op.entity.id];
    case 'setEntity':
      return [op.after.id];
    case 'moveKeys':
      return [op.from, op.to].filter((x): x is string => x !== null);
    case 'moveMentions':
      return [op.from, op.to];
    case 'deleteRelationship':
    case 'putRelationship':
      return [op.relationship.source, op.relationship.target];
  }
}

async function read<T>(conn: Neo4jConnection, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = conn.driver.session({ database: conn.database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(work);
  } finally {
    await session.close();
  }
}

/** The audit log, newest first. */
export async function listCorrections(conn: Neo4jConnection, filter: { entity?: string; relationship?: string; limit: number }): Promise<Correction[]> {
  const found = await read(conn, (tx) => rows(tx, 'list-corrections', { entity: filter.entity ?? null, relationship: filter.relationship ?? null, limit: neo4j.int(filter.limit) }));
  return found.map((r) => toCorrection(r.correction as Row));
}

/** Every correction with its operations, oldest first (for the export). */
export async function correctionRecords(tx: ManagedTransaction): Promise<CorrectionRecord[]> {
  const found = await rows(tx, 'list-corrections', { entity: null, relationship: null, limit: neo4j.int(Number.MAX_SAFE_INTEGER) });
  return found.map((r) => toRecord(r.correction as Row)).reverse();
}

/** Stores exported correction records as they were (ids, times, order, operations): the import's last step. */
export async function storeCorrectionRecords(tx: ManagedTransaction, records: CorrectionRecord[]): Promise<void> {
  if (records.length === 0) return;
  await tx.run(cypher('write-correction'), { records: records.map(({ ops, seq, ...correction }) => storedRecord(correction, ops as unknown as Op[], seq)) });
}

export interface ReviewedCandidate {
  a: { id: string; label: EntityLabel; name: string; aliases: string[] };
  b: { id: string; label: EntityLabel; name: string; aliases: string[] };
  score: number;
  reasons: Reason[];
}

interface SharedKeys {
  a: string;
  b: string;
  keys: string[];
  aKeys: string[];
  bKeys: string[];
}

/**
 * The keys of each pair that say the two may be one: the keys ingest would join them by (graph/alias-keys.ts), so
 * not a body's one-word key ("BCC") both hold while named in more words (Bulawayo and Banjul City Council).
 * Pairs left with no key are dropped.
 */
function sameEntityKeys(shared: SharedKeys[]): { a: string; b: string; keys: string[] }[] {
  return shared.flatMap(({ a, b, keys, aKeys, bKeys }) => {
    const named = [namedInMoreWords(aKeys) ? a : null, namedInMoreWords(bKeys) ? b : null].filter((id) => id !== null);
    const joining = keys.filter((key) => !isWordKey(key) || wordKeyJoins(named));
    return joining.length > 0 ? [{ a, b, keys: joining }] : [];
  });
}

/**
 * The duplicate review queue: candidate pairs by name (duplicates.ts), the best 4 × limit of them
 * looked up in the graph (same place, articles naming both), ranked by score.
 */
export async function reviewDuplicates(conn: Neo4jConnection, limit: number): Promise<{ candidates: ReviewedCandidate[]; total: number }> {
  return read(conn, async (tx) => {
    const named = (await rows(tx, 'duplicate-entities')) as unknown as NamedEntity[];
    const shared = sameEntityKeys((await rows(tx, 'duplicate-shared-keys')) as unknown as SharedKeys[]);
    const dismissed = new Set((await rows(tx, 'dismissed-duplicates')).map((r) => dismissedKey(r.entities as string[])));
    const all = findCandidates(named, shared, dismissed).sort((x, y) => score(y.reasons) - score(x.reasons));
    const found = all.slice(0, limit * 4);
    const context = await rows(tx, 'duplicate-context', { pairs: found.map(({ a, b }) => ({ a, b })) });
    const byPair = new Map(context.map((c) => [`${String(c.a)}\n${String(c.b)}`, c]));
    for (const candidate of found) {
      const c = byPair.get(`${candidate.a}\n${candidate.b}`);
      const places = [...new Set((c?.places as string[]) ?? [])];
      if (places.length > 0) candidate.reasons.push({ kind: 'same-place', places });
      if (Number(c?.together ?? 0) > 0) candidate.reasons.push({ kind: 'co-occurrence', articles: Number(c?.together) });
    }
    const byId = new Map(named.map((n) => [n.id, n]));
    const ranked = found
      .map((c) => ({ a: byId.get(c.a)!, b: byId.get(c.b)!, score: score(c.reasons), reasons: c.reasons }))
      .sort((x, y) => y.score - x.score || x.a.name.localeCompare(y.a.name));
    return { candidates: ranked.slice(0, limit), total: all.length };
  });
}
