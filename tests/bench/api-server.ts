// The API as its own process for the benchmarks (so its memory and CPU are measured apart from
// the load generator): connects to NEO4J_URI, serves buildApp on 127.0.0.1:$PORT, prints
// "listening <url>" once ready, closes cleanly on SIGTERM. Nothing is ingested. BENCH_RESPONSE_CACHE=off
// keeps no answers (http/response-cache.ts), to measure what the engine does per request.
import { connectNeo4j } from '../../api/store/neo4j.ts';
import { buildApp } from '../../api/http/app.ts';

const conn = await connectNeo4j();
const app = await buildApp({ conn, logger: false, responseCacheBytes: process.env.BENCH_RESPONSE_CACHE === 'off' ? 0 : undefined });
const url = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
console.log(`listening ${url}`);

const shutdown = async () => {
  await app.close();
  await conn.close();
  process.exit(0);
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
