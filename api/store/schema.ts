// The part of the Neo4j schema the graph model decides: a unique id per entity label and a range
// index on every property the model marks `indexed`. The rest (the :Entity and :Article
// constraints, alias keys, full-text search) is fixed and lives in cypher/schema.cypher. Labels and
// types are identifiers, which Cypher cannot take as parameters; they come from the model only.
import { MODEL, type GraphModel } from '../graph/model.ts';

const indexName = (owner: string, property: string) => `${owner}_${property}`.toLowerCase();

export function modelSchemaStatements(): string[] {
  const model: GraphModel = MODEL;
  const statements: string[] = [];
  for (const [label, spec] of Object.entries(model.labels)) {
    statements.push(`CREATE CONSTRAINT ${indexName(label, 'id')} IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`);
    for (const [property, p] of Object.entries(spec.properties)) {
      if (p.indexed) statements.push(`CREATE INDEX ${indexName(label, property)} IF NOT EXISTS FOR (n:${label}) ON (n.${property})`);
    }
  }
  for (const [type, spec] of Object.entries(model.relationships)) {
    for (const [property, p] of Object.entries(spec.properties)) {
      if (p.indexed) statements.push(`CREATE INDEX ${indexName(type, property)} IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.${property})`);
    }
  }
  return statements;
}
