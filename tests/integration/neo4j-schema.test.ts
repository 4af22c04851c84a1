// The schema (cypher/schema.cypher) against the real test Neo4j: idempotent, enforces unique ids,
// and its full-text index finds entities by alias.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applySchema, connectNeo4j, type Neo4jConnection } from '../../api/store/neo4j.ts';
import { clearDatabase, testNeo4jEnv } from '../support/neo4j.ts';

let conn: Neo4jConnection;

beforeAll(async () => {
  conn = await connectNeo4j({ env: testNeo4jEnv() });
});
afterAll(async () => {
  await conn?.close();
});
beforeEach(async () => {
  await applySchema(conn);
  await clearDatabase(conn);
});

async function query(text: string, params: Record<string, unknown> = {}) {
  const { records } = await conn.driver.executeQuery(text, params, { database: conn.database });
  return records.map((r) => r.toObject());
}

describe('schema', () => {
  it('applies twice without error and leaves every constraint and index online', async () => {
    await applySchema(conn);
    await applySchema(conn);
    const constraints = await query('SHOW CONSTRAINTS YIELD name RETURN name');
    const indexes = await query("SHOW INDEXES YIELD name, type, state WHERE type <> 'LOOKUP' RETURN name, type, state");
    expect(constraints.map((c) => c.name)).toEqual(
      expect.arrayContaining(['entity_id', 'person_id', 'office_id', 'company_id', 'organization_id', 'city_id', 'event_id', 'article_id']),
    );
    expect(indexes).toContainEqual({ name: 'entity_names', type: 'FULLTEXT', state: 'ONLINE' });
    expect(indexes).toContainEqual({ name: 'event_date', type: 'RANGE', state: 'ONLINE' });
    expect(indexes.filter((i) => i.state !== 'ONLINE')).toEqual([]);
  });

  it('rejects a second entity with the same id, even under another label', async () => {
    await query("CREATE (:Entity:Person {id: 'person:lyu-zhicheng', name: 'Lyu Zhicheng'})");
    await expect(query("CREATE (:Entity:Person {id: 'person:lyu-zhicheng', name: 'Mayor Lyu'})")).rejects.toMatchObject({
      code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
    });
    await expect(query("CREATE (:Entity:Office {id: 'person:lyu-zhicheng', name: 'Someone else'})")).rejects.toMatchObject({
      code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
    });
    await query("CREATE (:Article {id: 'a1', title: 'One'})");
    await expect(query("CREATE (:Article {id: 'a1', title: 'Two'})")).rejects.toMatchObject({
      code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
    });
    expect(await query("MATCH (n {id: 'person:lyu-zhicheng'}) RETURN n.name AS name")).toEqual([{ name: 'Lyu Zhicheng' }]);
  });

  it('finds an entity through the full-text index by one of its aliases, not only its name', async () => {
    await query(
      `CREATE (:Entity:Office {id: 'office:shenyang-fao', name: 'Shenyang Foreign Affairs Office', aliases: ['Shenyang FAO', 'Waiban of Shenyang']}),
              (:Entity:City {id: 'city:sasebo-jp', name: 'Sasebo', aliases: []})`,
    );
    const search = (q: string) =>
      query("CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN node.id AS id", { q });
    expect(await search('waiban')).toEqual([{ id: 'office:shenyang-fao' }]);
    expect(await search('FAO')).toEqual([{ id: 'office:shenyang-fao' }]);
    expect(await search('sasebo')).toEqual([{ id: 'city:sasebo-jp' }]);
    expect(await search('kyoto')).toEqual([]);
  });
});
