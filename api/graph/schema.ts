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

/** ISO 8601 date at year, month or day precision. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const Properties = z.record(z.string(), Scalar);
export type Properties = z.infer<typeof Properties>;

export const Article = z.object({
  id: z.string().min(1).describe('stable content hash of the article'),
  title: z.string(),
  publishedAt: PartialDate.nullable().optional(),
  publisher: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  file: z.string().nullable().optional().describe("the input file's name, when read from a file"),
});
export type Article = z.infer<typeof Article>;

export const GraphNode = z.object({
  id: z.string().min(1).describe('stable id, e.g. "person:lyu-zhicheng"'),
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
  source: z.string().min(1),
  target: z.string().min(1),
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
