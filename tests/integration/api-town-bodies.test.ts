// A body named by its kind ("the City Council") stored through the real HTTP API into the real Neo4j: it is the
// body of its article's town, so two towns' councils stay two entities and one town's council, told by two
// articles, stays one. Articles written for this test in the genre's style (no article text).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { call, startApi, type TestApi } from '../support/api.ts';
import { clearDatabase } from '../support/neo4j.ts';

const NORFOLK_STUDENTS = `Norfolk students report on Kitakyushu trip

NORFOLK — Ten students from Norfolk visited Kitakyushu, its sister city in Japan, in May 2024. At the City Council meeting on Tuesday, June 4, 2024, the leader of the group, Ann Lee, gave a report of their trip and presented Mayor Kenneth Alexander with a gift from the mayor of Kitakyushu.
`;
const NORFOLK_CHOIR = `Norfolk welcomes Kitakyushu choir

NORFOLK — A choir from Kitakyushu performed in Norfolk on October 5, 2024. At the City Council meeting on Tuesday, October 8, 2024, the choir's director, Kenji Sato, presented Mayor Kenneth Alexander with a gift from the people of Kitakyushu.
`;
const WILHELMSHAVEN_STUDENTS = `Wilhelmshaven students report on Norfolk trip

WILHELMSHAVEN — Twelve students from Wilhelmshaven visited Norfolk, Virginia, in July 2024. At the City Council meeting on Thursday, August 15, 2024, the leader of the group, Jan Meyer, gave a report of their trip and presented Mayor Carsten Feist with a gift from the mayor of Norfolk.
`;

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});
beforeEach(async () => {
  await clearDatabase(api.conn);
});

/** The stored "City Council" entities after ingesting the articles one by one, as separate requests. */
async function councilsAfter(...articles: string[]) {
  for (const article of articles) expect((await call(api, 'POST', '/api/articles', article)).status).toBeLessThan(300);
  const { body } = await call<GraphDocument>(api, 'GET', '/api/graph');
  return body.nodes.filter((n) => n.label === 'Office' && n.name === 'City Council').map((n) => n.properties.town).sort();
}

describe('a body named by its kind', () => {
  it('is one entity per town: two towns\' "City Council" stay apart', async () => {
    expect(await councilsAfter(NORFOLK_STUDENTS, WILHELMSHAVEN_STUDENTS)).toEqual(['Norfolk', 'Wilhelmshaven']);
  });

  it('is one entity for one town told by two articles', async () => {
    expect(await councilsAfter(NORFOLK_STUDENTS, NORFOLK_CHOIR)).toEqual(['Norfolk']);
  });
});
