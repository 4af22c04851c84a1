// npm run db:start: starts the bundled Neo4j in the background (data in .neo4j/data) and prints how long it took
// from launch to Bolt-ready and how much memory (RSS) the JVM holds. `npm run db:stop` stops it.
// NEO4J_PORT (default 7687) and NEO4J_PASSWORD (default "exchange-graph") apply.
import { cpuSeconds, residentMemoryMiB, startBundledNeo4j } from './server.ts';
import { bundledOptionsFromEnv } from './env.ts';

try {
  const neo4j = await startBundledNeo4j({ ...bundledOptionsFromEnv(process.env), detached: true });
  if (neo4j.startupMs > 0) {
    const memory = residentMemoryMiB(neo4j.pid);
    const cpu = cpuSeconds(neo4j.pid);
    console.log(
      `cold start ${(neo4j.startupMs / 1000).toFixed(2)} s (launch to Bolt-ready${cpu === null ? '' : `, ${cpu.toFixed(1)} s of CPU`}); ` +
        `JVM resident memory (RSS) ` +
        (memory ? `${memory.rss} MiB: ${memory.anon} MiB anonymous + ${memory.file} MiB file-backed (jars, class archive)` : 'unknown'),
    );
  }
  console.log(`Connect with NEO4J_URI=${neo4j.uri} NEO4J_USER=${neo4j.user} NEO4J_PASSWORD=… ; stop with npm run db:stop.`);
} catch (error) {
  console.error(`db:start: ${(error as Error).message}`);
  process.exit(1);
}
