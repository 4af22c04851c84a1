// Helpers for integration tests: the environment that points connectNeo4j at the test Neo4j started by
// global-setup.ts, and emptying its database between tests (clear-database.ts).
import { inject } from 'vitest';

export { freePort } from './free-port.ts';
export { clearDatabase } from './clear-database.ts';

// A type alias, not an interface, so it is assignable to NodeJS.ProcessEnv.
export type Neo4jEnv = {
  NEO4J_URI: string;
  NEO4J_USER: string;
  NEO4J_PASSWORD: string;
};

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jEnv: Neo4jEnv;
  }
}

/** Pass as `connectNeo4j({ env: testNeo4jEnv() })`: the test database, never the user's. */
export function testNeo4jEnv(): Neo4jEnv {
  return inject('neo4jEnv');
}
