// The graph contract (../shared/docs/graph-contract.md) as zod schemas: one schema per shape,
// used for validation, for TypeScript types (z.infer) and for the OpenAPI document.
// Extend it, never rename or drop what the contract lists.
import { z } from 'zod';
import { MODEL, type EntityLabel as ModelLabel, type GraphModel, type PropertySpec, type RelationshipType as ModelType } from './model.ts';

const keysOf = <K extends string>(record: Readonly<Record<K, unknown>>) => Object.keys(record) as [K, ...K[]];
const RELATIONSHIPS: GraphModel['relationships'] = MODEL.relationships;
const propertyList = (properties: Readonly<Record<string, PropertySpec>>) =>
  Object.entries(properties).map(([name, p]) => `${name} (${p.values ? p.values.join(' | ') : p.type})`).join(', ');

export const ENTITY_LABELS = keysOf<ModelLabel>(MODEL.labels);
export const EntityLabel = z.enum(ENTITY_LABELS).meta({
  id: 'EntityLabel',
  description: Object.entries(MODEL.labels as GraphModel['labels']).map(([label, l]) => `${label}: ${l.description}`).join('. '),
});
export type EntityLabel = z.infer<typeof EntityLabel>;

export const RELATIONSHIP_TYPES = keysOf<ModelType>(MODEL.relationships);
export const RelationshipType = z.enum(RELATIONSHIP_TYPES).meta({
  id: 'RelationshipType',
  description: RELATIONSHIP_TYPES.map((type) => {
    const r = RELATIONSHIPS[type]!;
    const props = propertyList(r.properties);
    return `${type}: ${r.from.join('|')} ${r.symmetric ? '—' : '→'} ${r.to.join('|')} (${r.description})${props ? `; ${props}` : ''}`;
  }).join('. '),
});
export type RelationshipType = z.infer<typeof RelationshipType>;

export const PARTICIPATION_ROLES = MODEL.relationships.PARTICIPATED_IN.properties.role.values;
export const ParticipationRole = z.enum(PARTICIPATION_ROLES);
export type ParticipationRole = z.infer<typeof ParticipationRole>;

/** A month that exists, and a day that exists in that month ("2024-02-30" does not). */
function isCalendarDate(date: string): boolean {
  const [year, month = 1, day = 1] = date.split('-').map(Number) as [number, number?, number?];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO 8601 date at year, month or day precision, checked against the calendar. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isCalendarDate, 'no such date in the calendar');

/** Longest id of an article or entity: a path parameter must be able to name it. */
export const ID_MAX_LENGTH = 512;
const Id = z.string().min(1).max(ID_MAX_LENGTH);

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const Properties = z.record(z.string(), Scalar);
export type Properties = z.infer<typeof Properties>;

export const Article = z.object({
  id: Id.describe('stable content hash of the article'),
  title: z.string(),
  publishedAt: PartialDate.nullable().optional(),
  publisher: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  file: z.string().nullable().optional().describe("the input file's name, when read from a file"),
  text: z
    .string()
    .nullable()
    .optional()
    .describe('the readable text of the article (without its title), as extraction read it: what evidence sentences quote; absent when not known'),
});
export type Article = z.infer<typeof Article>;

export const GraphNode = z.object({
  id: Id.describe('stable id, e.g. "person:lyu-zhicheng"'),
  label: EntityLabel,
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  properties: Properties.default({}).describe(
    Object.entries(MODEL.labels as GraphModel['labels'])
      .filter(([, l]) => Object.keys(l.properties).length > 0)
      .map(([label, l]) => `${label}: ${propertyList(l.properties)}`)
      .join('; '),
  ),
});
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphRelationship = z.object({
  type: RelationshipType,
  source: Id,
  target: Id,
  properties: Properties.default({}),
  sources: z.array(z.string()).default([]).describe('ids of the articles that state it'),
  evidence: z.array(z.string()).default([]).describe('the sentences that state it'),
});
export type GraphRelationship = z.infer<typeof GraphRelationship>;

export const GraphDocument = z.object({
  articles: z.array(Article).default([]),
  nodes: z.array(GraphNode).default([]),
  relationships: z.array(GraphRelationship).default([]),
});
export type GraphDocument = z.infer<typeof GraphDocument>;

// Cytoscape.js element JSON: what the API returns for subgraphs so the viewer can pass it to
// cy.add() without reshaping.
export const CyNode = z.object({
  data: z
    .object({
      id: z.string(),
      label: EntityLabel,
      name: z.string(),
      aliases: z.array(z.string()),
    })
    .catchall(Scalar.or(z.array(z.string()))),
});
export type CyNode = z.infer<typeof CyNode>;

export const CyEdge = z.object({
  data: z
    .object({
      id: z.string(),
      source: z.string(),
      target: z.string(),
      type: RelationshipType,
      sources: z.array(z.string()),
      evidence: z.array(z.string()),
    })
    .catchall(Scalar.or(z.array(z.string()))),
});
export type CyEdge = z.infer<typeof CyEdge>;

export const CyElements = z.object({
  nodes: z.array(CyNode),
  edges: z.array(CyEdge),
});
export type CyElements = z.infer<typeof CyElements>;
