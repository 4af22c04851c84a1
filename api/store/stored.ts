// Turns what the read queries return (maps of stored properties, Neo4j integers) into the
// contract's shapes: GraphNode, GraphRelationship and Cytoscape element data.
import neo4j from 'neo4j-driver';
import type { CyEdge, CyNode, GraphNode, GraphRelationship, Properties } from '../graph/schema.ts';

/** Neo4j integers become JS numbers, all the way down. */
export function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return value.toNumber();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

type Stored = Record<string, unknown>;

const NODE_FIELDS = new Set(['id', 'label', 'name', 'aliases']);
/** Bookkeeping on relationships that is not a property of the fact. */
export const RELATIONSHIP_BOOKKEEPING = ['key', 'source', 'target', 'type', 'sources', 'evidence', 'evidenceSources', 'statedProperties'];
const RELATIONSHIP_FIELDS = new Set(RELATIONSHIP_BOOKKEEPING);

function propertiesOf(stored: Stored, fields: Set<string>): Properties {
  const properties: Properties = {};
  for (const [key, value] of Object.entries(stored)) {
    if (fields.has(key)) continue;
    const v = plain(value);
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) properties[key] = v as Properties[string];
  }
  return properties;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** A stored entity map (`n {.*, label}`) as a contract node. */
export function toGraphNode(stored: Stored): GraphNode {
  return {
    id: String(stored.id),
    label: stored.label as GraphNode['label'],
    name: String(stored.name),
    aliases: strings(stored.aliases),
    properties: propertiesOf(stored, NODE_FIELDS),
  };
}

/** A stored relationship map (`r {.*, source, target, type}`) as a contract relationship. */
export function toGraphRelationship(stored: Stored): GraphRelationship {
  return {
    type: stored.type as GraphRelationship['type'],
    source: String(stored.source),
    target: String(stored.target),
    properties: propertiesOf(stored, RELATIONSHIP_FIELDS),
    sources: strings(stored.sources),
    evidence: [...new Set(strings(stored.evidence))],
  };
}

export function relationshipProperties(stored: Stored): Properties {
  return propertiesOf(stored, RELATIONSHIP_FIELDS);
}

export function toCyNode(stored: Stored): CyNode {
  const node = toGraphNode(stored);
  return { data: { ...node.properties, id: node.id, label: node.label, name: node.name, aliases: node.aliases } };
}

export function toCyEdge(stored: Stored): CyEdge {
  const rel = toGraphRelationship(stored);
  return {
    data: {
      ...rel.properties,
      id: String(stored.key),
      source: rel.source,
      target: rel.target,
      type: rel.type,
      sources: rel.sources,
      evidence: rel.evidence,
    },
  };
}
