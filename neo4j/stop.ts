// npm run db:stop: stops the bundled Neo4j started by `npm run db:start` (or left behind by a crashed run).
import { bundledOptionsFromEnv } from './env.ts';
import { stopBundledNeo4j } from './server.ts';

const started = Date.now();
const pid = await stopBundledNeo4j(bundledOptionsFromEnv(process.env).dataDir);
console.log(pid === null
  ? 'No bundled Neo4j was running.'
  : `Stopped Neo4j (pid ${pid}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
