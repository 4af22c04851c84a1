// How the environment configures the bundled Neo4j (shared by npm start, npm run db:start and db:stop).
import { DEFAULT_DATA_DIR, DEFAULT_PASSWORD, DEFAULT_PORT, type BundledNeo4jOptions } from './server.ts';

export function bundledOptionsFromEnv(env: NodeJS.ProcessEnv): BundledNeo4jOptions & { port: number; dataDir: string } {
  const port = env.NEO4J_PORT ? Number(env.NEO4J_PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`NEO4J_PORT must be a port number (1-65535), not "${env.NEO4J_PORT}".`);
  }
  return {
    port,
    dataDir: DEFAULT_DATA_DIR,
    password: env.NEO4J_PASSWORD || DEFAULT_PASSWORD,
  };
}
