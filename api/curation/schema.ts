// Analyst corrections: the request bodies (one zod schema per action, a discriminated union on
// `action`), the stored record and the curated export. Used for validation, types and OpenAPI.
import { z } from 'zod';
import { EntityLabel, GraphDocument, GraphRelationship, Properties, RelationshipType } from '../graph/schema.ts';

const FactType = RelationshipType.exclude(['MENTIONS']);
const Note = z.string().trim().max(2000).optional().describe('why: shown in the audit log and the viewer');
const Id = z.string().trim().min(1);

/** A stored relationship as an analyst names it: type and ends; a role or title narrows it to one. */
export const RelationshipRef = z
  .object({
    type: FactType,
    source: Id.describe('entity id'),
    target: Id.describe('entity id'),
    role: z.string().trim().min(1).optional().describe('PARTICIPATED_IN: only the relationship with this role'),
    title: z.string().trim().min(1).optional().describe('HOLDS_POSITION: only the relationship with this title'),
  })
  .meta({ id: 'RelationshipRef' });
export type RelationshipRef = z.infer<typeof RelationshipRef>;

export const NewEntity = z.object({
  label: EntityLabel,
  name: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  properties: Properties.default({}).describe('City: country, lat, lon; Event: date, kind'),
});
export type NewEntity = z.infer<typeof NewEntity>;

export const NewRelationship = z.object({
  type: FactType,
  source: Id.describe('entity id'),
  target: Id.describe('entity id'),
  properties: Properties.default({}).describe('HOLDS_POSITION: title; PARTICIPATED_IN: role; …'),
});
export type NewRelationship = z.infer<typeof NewRelationship>;

const Merge = z.object({
  action: z.literal('merge'),
  keep: Id.describe('the entity that stays'),
  merge: z.array(Id).min(1, 'name at least one entity to merge into keep').max(100).describe('entities merged into keep (their names become aliases)'),
  note: Note,
});
const Reject = z.object({ action: z.literal('reject'), relationship: RelationshipRef, note: Note });
const Restore = z.object({ action: z.literal('restore'), relationship: RelationshipRef, note: Note });
const Rename = z.object({ action: z.literal('rename'), entity: Id, name: z.string().trim().min(1).max(300), note: Note });
const Relabel = z.object({ action: z.literal('relabel'), entity: Id, label: EntityLabel, note: Note });
const Split = z.object({
  action: z.literal('split'),
  entity: Id.describe('the entity wrongly merged'),
  aliases: z.array(z.string().trim().min(1)).default([]).describe('names that belong to the new entity'),
  articles: z.array(Id).default([]).describe('articles whose mentions and facts belong to the new entity'),
  name: z.string().trim().min(1).optional().describe('name of the new entity (default: the first alias)'),
  note: Note,
});
const Add = z.object({
  action: z.literal('add'),
  entity: NewEntity.optional(),
  relationship: NewRelationship.optional(),
  evidence: z.string().trim().min(1).max(2000).optional().describe('a sentence or reference backing the addition'),
  note: Note,
});
const Annotate = z.object({
  action: z.literal('annotate'),
  entity: Id.optional(),
  relationship: RelationshipRef.optional(),
  note: z.string().trim().min(1, 'say what the note is').max(2000),
});
const Dismiss = z.object({
  action: z.literal('dismiss'),
  entities: z.array(Id).length(2, 'name the two entities of the duplicate candidate').describe('a duplicate candidate that is not one entity'),
  note: Note,
});

export const CorrectionRequest = z
  .discriminatedUnion('action', [Merge, Reject, Restore, Rename, Relabel, Split, Add, Annotate, Dismiss])
  .meta({ id: 'CorrectionRequest' });
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;

export const CORRECTION_ACTIONS = ['merge', 'reject', 'restore', 'rename', 'relabel', 'split', 'add', 'annotate', 'dismiss', 'undo'] as const;

/** A correction as the audit log shows it. */
export const Correction = z
  .object({
    id: z.string(),
    action: z.enum(CORRECTION_ACTIONS),
    analyst: z.string().describe('who: the X-Analyst header'),
    at: z.string().describe('when (ISO 8601)'),
    note: z.string().nullable(),
    summary: z.string().describe('what, in words'),
    before: z.record(z.string(), z.unknown()).describe('what it changed, as it was'),
    after: z.record(z.string(), z.unknown()).describe('what it changed, as it became'),
    entities: z.array(z.string()).describe('ids of the entities it touches'),
    relationships: z.array(z.string()).describe('keys (Cytoscape edge ids) of the relationships it touches'),
    undoes: z.string().nullable().describe('the correction this one reverses'),
    undoneBy: z.string().nullable().describe('the correction that reversed this one'),
  })
  .meta({ id: 'Correction' });
export type Correction = z.infer<typeof Correction>;

/** A correction as exported: the record and the graph operations it made (so undo works after an import). */
export const CorrectionRecord = Correction.extend({
  ops: z.array(z.record(z.string(), z.unknown())),
  seq: z.number().int().describe('order of the corrections'),
}).meta({ id: 'CorrectionRecord' });
export type CorrectionRecord = z.infer<typeof CorrectionRecord>;

export const CorrectionList = z.object({ corrections: z.array(Correction) }).meta({ id: 'CorrectionList' });

export const CorrectionQuery = z.object({
  entity: z.string().trim().min(1).optional().describe('only corrections touching this entity'),
  relationship: z.string().trim().min(1).optional().describe('only corrections touching this relationship (its key)'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/**
 * What `npm run export` writes: the curated graph in the contract's format plus what an import
 * needs to keep it curated: the corrections, the rejected relationships (absent from
 * `relationships`) and the alias keys of corrected entities (merged-away names and ids).
 */
export const CuratedGraph = GraphDocument.extend({
  corrections: z.array(CorrectionRecord).default([]),
  rejected: z.array(GraphRelationship).default([]).describe('relationships rejected by an analyst'),
  curatedKeys: z.array(z.object({ key: z.string(), id: z.string() })).default([]).describe('alias keys of corrected entities'),
}).meta({ id: 'CuratedGraph' });
export type CuratedGraph = z.infer<typeof CuratedGraph>;

const ReviewEntity = z.object({ id: z.string(), label: EntityLabel, name: z.string(), aliases: z.array(z.string()) });
export const DuplicateReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shared-alias-key'), keys: z.array(z.string()).describe('normalised names both go by') }),
  z.object({ kind: z.literal('similar-names'), names: z.tuple([z.string(), z.string()]), how: z.enum(['same words in another order or spelling', 'initials', 'most words shared']) }),
  z.object({ kind: z.literal('same-place'), places: z.array(z.string()).describe('cities, offices… both are located in or hold positions at') }),
  z.object({ kind: z.literal('co-occurrence'), articles: z.number().int().describe('articles that mention both') }),
]);

export const DuplicateReview = z
  .object({
    candidates: z.array(z.object({ a: ReviewEntity, b: ReviewEntity, score: z.number(), reasons: z.array(DuplicateReason) })),
    total: z.number().int().describe('candidates in all (this page lists up to limit)'),
  })
  .meta({ id: 'DuplicateReview' });

export const DuplicateQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });
