// Loading Cypher by name and reading the bundled Neo4j's settings from the environment (no database).
import { describe, expect, it } from 'vitest';
import { namedServerEnv } from '../../api/cli/database.ts';
import { cypher, cypherStatements, cypherWithTypes } from '../../api/store/cypher.ts';
import { modelSchemaStatements } from '../../api/store/schema.ts';
import { bundledOptionsFromEnv } from '../../neo4j/env.ts';
import { DEFAULT_PASSWORD, DEFAULT_PORT } from '../../neo4j/server.ts';

describe('cypher(name)', () => {
  it('returns the text of cypher/<name>.cypher', () => {
    expect(cypher('schema')).toContain('CREATE FULLTEXT INDEX entity_names IF NOT EXISTS');
  });

  it('names the missing file, and refuses names that are not plain query names', () => {
    expect(() => cypher('no-such-query')).toThrow('cypher/no-such-query.cypher does not exist');
    expect(() => cypher('../package')).toThrow('"../package" is not a query name');
  });

  it('writes the given relationship types in place of $any($param), so Neo4j reads only those relationships', () => {
    const text = cypherWithTypes('entity-detail', { types: ['MET_WITH', 'VISITED'], rejectedTypes: ['REJECTED_MET_WITH'] });
    expect(cypher('entity-detail')).toContain('[r:$any($types)]');
    expect(text).toContain('[r:MET_WITH|VISITED]');
    expect(text).toContain('[r:REJECTED_MET_WITH]');
    expect(text).not.toContain('$any(');
    expect(cypherWithTypes('entity-detail', { types: ['MET_WITH'] })).toContain('$any($rejectedTypes)');
  });

  it('refuses anything but relationship type names there (the text is not a parameter)', () => {
    expect(() => cypherWithTypes('entity-detail', { types: ['MET_WITH]-() DETACH DELETE n //'] })).toThrow('$types must be relationship type names');
    expect(() => cypherWithTypes('entity-detail', { types: [] })).toThrow('$types must be relationship type names');
  });

  it("splits the schema into single idempotent statements without comments, and adds the model's", () => {
    const statements = [...cypherStatements('schema'), ...modelSchemaStatements()];
    expect(statements.length).toBeGreaterThanOrEqual(10);
    expect(statements).toContain('CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE');
    expect(statements).toContain('CREATE INDEX met_with_date IF NOT EXISTS FOR ()-[r:MET_WITH]-() ON (r.date)');
    for (const statement of statements) {
      expect(statement).toMatch(/^CREATE (CONSTRAINT|INDEX|FULLTEXT INDEX) \w+ IF NOT EXISTS FOR /);
      expect(statement).not.toContain(';');
      expect(statement).not.toContain('//');
    }
  });
});

describe('bundled Neo4j settings from the environment', () => {
  it('defaults to port 7687 and the documented password', () => {
    expect(bundledOptionsFromEnv({})).toMatchObject({ port: DEFAULT_PORT, password: DEFAULT_PASSWORD });
    expect(DEFAULT_PORT).toBe(7687);
    expect(DEFAULT_PASSWORD).toBe('exchange-graph');
  });

  it('takes NEO4J_PORT and NEO4J_PASSWORD', () => {
    expect(bundledOptionsFromEnv({ NEO4J_PORT: '7700', NEO4J_PASSWORD: 'another-secret' })).toMatchObject({
      port: 7700,
      password: 'another-secret',
    });
  });

  it('rejects a NEO4J_PORT that is not a port, saying what it got', () => {
    expect(() => bundledOptionsFromEnv({ NEO4J_PORT: 'seven' })).toThrow('NEO4J_PORT must be a port number (1-65535), not "seven"');
    expect(() => bundledOptionsFromEnv({ NEO4J_PORT: '70000' })).toThrow('not "70000"');
  });
});

describe('password for the server NEO4J_URI names', () => {
  it('is the documented default when NEO4J_PASSWORD is unset, as for the bundled Neo4j that npm run db:start runs', () => {
    const uri = 'bolt://127.0.0.1:7687';
    expect(namedServerEnv({ NEO4J_URI: uri }).NEO4J_PASSWORD).toBe(DEFAULT_PASSWORD);
    expect(namedServerEnv({ NEO4J_URI: uri, NEO4J_PASSWORD: '' }).NEO4J_PASSWORD).toBe(DEFAULT_PASSWORD);
    expect(namedServerEnv({ NEO4J_URI: uri, NEO4J_PASSWORD: 'another-secret' }).NEO4J_PASSWORD).toBe('another-secret');
  });
});
