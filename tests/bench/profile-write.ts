// Where the time of a writeGraph batch goes: per query (by cypher/ file name), Neo4j's CPU time
// against wall time (CPU cost vs waiting), and with --plan the PROFILE tree of each write query of
// the last batch (operators, rows, db hits).
//   npx tsx tests/bench/profile-write.ts [--batches 3] [--size 250] [--plan]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ManagedTransaction, ProfiledPlan } from 'neo4j-driver';
import type { Neo4jConnection } from '../../api/store/neo4j.ts';
import { cypher } from '../../api/store/cypher.ts';
import { aliasKeys } from '../../api/extract/resolve.ts';
import { writeGraph } from '../../api/store/write.ts';
import { loadPipeline } from './ingest.ts';
import { startBenchNeo4j } from './neo4j.ts';
import { loadCorpus } from './support.ts';

const { values } = parseArgs({
  options: { batches: { type: 'string', default: '3' }, size: { type: 'string', default: '250' }, plan: { type: 'boolean', default: false }, 'plan-first': { type: 'boolean', default: false } },
});
const batches = Number(values.batches);
const size = Number(values.size);

const QUERY_NAMES = ['existing-articles', 'previous-versions', 'entities-by-alias-key', 'write-entities', 'write-alias-keys', 'write-articles', 'write-relationships'];
const nameOf = new Map(QUERY_NAMES.map((n) => [cypher(n), n]));
const timeByQuery = new Map<string, number>();
let profileWrites = false;

function planLines(plan: ProfiledPlan, depth = 0): string[] {
  const details = String(plan.arguments?.Details ?? '').replace(/\s+/g, ' ').slice(0, 120);
  return [`${'  '.repeat(depth)}${plan.operatorType} rows=${plan.rows} dbHits=${plan.dbHits} ${details}`, ...plan.children.flatMap((c) => planLines(c, depth + 1))];
}

/** The connection with every transaction's run() timed (and profiled on demand), through the public API. */
function instrumented(conn: Neo4jConnection): Neo4jConnection {
  const wrapTx = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop !== 'run') return Reflect.get(target, prop, receiver);
        return (query: string, params?: Record<string, unknown>) => {
          const name = nameOf.get(query) ?? query.slice(0, 40);
          const profile = profileWrites && name.startsWith('write-');
          const started = performance.now();
          const result = target.run(profile ? `PROFILE ${query}` : query, params);
          result.summary().then(
            (summary) => {
              timeByQuery.set(name, (timeByQuery.get(name) ?? 0) + performance.now() - started);
              if (profile && summary.profile) console.log(`\n== PROFILE ${name}\n${planLines(summary.profile).join('\n')}`);
            },
            () => {},
          );
          return result;
        };
      },
    });
  const driver = new Proxy(conn.driver, {
    get(target, prop, receiver) {
      if (prop !== 'session') return Reflect.get(target, prop, receiver);
      return (...args: Parameters<typeof target.session>) => {
        const session = target.session(...args);
        const executeWrite = session.executeWrite.bind(session);
        session.executeWrite = ((work: (tx: ManagedTransaction) => Promise<unknown>, config?: object) => executeWrite((tx) => work(wrapTx(tx)), config)) as typeof session.executeWrite;
        return session;
      };
    },
  });
  return { ...conn, driver };
}

/** utime + stime of a process, in seconds. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const texts = loadCorpus(10_000).slice(0, batches * size);
const pipeline = await loadPipeline();
const db = await startBenchNeo4j();
try {
  const conn = instrumented(db.conn);
  for (let b = 0; b < batches; b++) {
    const doc = pipeline.extract(texts.slice(b * size, (b + 1) * size));
    profileWrites = values.plan && b === (values["plan-first"] ? 0 : batches - 1);
    timeByQuery.clear();
    const cpuBefore = cpuSeconds(db.server.pid);
    const started = performance.now();
    await writeGraph(conn, doc, aliasKeys);
    const wall = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(db.server.pid) - cpuBefore;
    const perQuery = [...timeByQuery].sort((x, y) => y[1] - x[1]).map(([n, ms]) => `${n} ${(ms / 1000).toFixed(1)} s`).join(', ');
    console.log(`batch ${b + 1}: ${size} articles, ${doc.nodes.length} nodes, ${doc.relationships.length} relationships: wall ${wall.toFixed(1)} s, Neo4j CPU ${cpu.toFixed(1)} s | ${perQuery}`);
  }
} finally {
  await db.stop();
}
