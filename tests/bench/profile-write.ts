// Where the time of a writeGraph batch goes: per query (by cypher/ file name), Neo4j's CPU time
// against wall time (CPU cost vs waiting), and with --plan the PROFILE tree of each write query of
// the last batch (operators, rows, db hits).
//   npx tsx tests/bench/profile-write.ts [--batches 3] [--size 250] [--plan] [--docs DIR] [--passes N]
// --docs DIR keeps each batch's extracted document in DIR (extracted on the first run, read back on
// the next ones), so two checkouts compare their writes on the same documents without extracting.
// --passes N writes the same batches N times on the same server, its database emptied in between: from
// the second pass on, what a long-running (warmed) server spends, its JIT having compiled Neo4j already.
// --warm-up N runs the launcher's warm-up (api/store/warm-up.ts, N rounds, rolled back) before the first
// pass and prints its CPU and wall time. --class-archive FILE starts Neo4j with that class archive instead of
// the installed one (neo4j/lib/neo4j-classes.jsa). --reads N then runs, 4 times over, entity detail and
// paths (k 3, 6 hops) for N entities of the graph written, printing Neo4j's CPU per round: what the JVM
// flags under test do to the API's reads once warm. --dump FILE writes, after the last pass, the graph as
// FILE.export.json (the contract's export) and FILE.raw.txt (every node and relationship with all its
// properties but Article.storedAt, one sorted line each): two checkouts writing the same --docs must
// write the same files byte for byte when a change to the writes keeps the graph.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { int as neo4jInt, type ManagedTransaction, type ProfiledPlan } from 'neo4j-driver';
import type { GraphDocument } from '../../api/graph/schema.ts';
import type { Neo4jConnection } from '../../api/store/neo4j.ts';
import { cypher } from '../../api/store/cypher.ts';
import { aliasKeys } from '../../api/extract/resolve.ts';
import { writeGraph } from '../../api/store/write.ts';
import { entityDetail, shortestPaths } from '../../api/store/read.ts';
import { warmUpWrites } from '../../api/store/warm-up.ts';
import { exportCuratedGraph } from '../../api/curation/export.ts';
import { plain } from '../../api/store/stored.ts';
import { loadPipeline } from './ingest.ts';
import { clearDatabase, startBenchNeo4j } from './neo4j.ts';
import { loadCorpus } from './support.ts';

const { values } = parseArgs({
  options: { batches: { type: 'string', default: '3' }, size: { type: 'string', default: '250' }, plan: { type: 'boolean', default: false }, 'plan-first': { type: 'boolean', default: false }, docs: { type: 'string' }, passes: { type: 'string', default: '1' }, 'warm-up': { type: 'string', default: '0' }, 'class-archive': { type: 'string' }, dump: { type: 'string' }, reads: { type: 'string', default: '0' } },
});
const batches = Number(values.batches);
const size = Number(values.size);
const passes = Number(values.passes);

const QUERY_NAMES = readdirSync(new URL('../../cypher/', import.meta.url)).filter((f) => f.endsWith('.cypher') && f !== 'schema.cypher').map((f) => f.slice(0, -'.cypher'.length));
const nameOf = new Map(QUERY_NAMES.map((n) => [cypher(n), n]));
const timeByQuery = new Map<string, number>();
/** CPU seconds Neo4j's Bolt worker threads spent from sending each statement to its summary. Were statements sent
 * together (pipelined), they would overlap and a later one would also be charged for the ones before it still running. */
const workerCpuByQuery = new Map<string, number>();
let neo4jPid = 0;
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
          const workerBefore = boltWorkerCpu(neo4jPid);
          const result = target.run(profile ? `PROFILE ${query}` : query, params);
          result.summary().then(
            (summary) => {
              timeByQuery.set(name, (timeByQuery.get(name) ?? 0) + performance.now() - started);
              workerCpuByQuery.set(name, (workerCpuByQuery.get(name) ?? 0) + boltWorkerCpu(neo4jPid) - workerBefore);
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

/** CPU seconds of a process's threads, grouped by thread name without digits (JIT compilers, GC, Bolt workers...). */
function cpuByThread(pid: number): Map<string, number> {
  const groups = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/[\d#]+/g, '').trim();
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      groups.set(name, (groups.get(name) ?? 0) + (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // the thread ended meanwhile
    }
  }
  return groups;
}

/** CPU seconds of Neo4j's Bolt worker threads (where statements and commits run). */
function boltWorkerCpu(pid: number): number {
  return [...cpuByThread(pid)].filter(([name]) => name.startsWith('neoj.BoltWorke')).reduce((sum, [, s]) => sum + s, 0);
}

function threadDelta(before: Map<string, number>, after: Map<string, number>): string {
  return [...after]
    .map(([name, s]) => [name, s - (before.get(name) ?? 0)] as const)
    .filter(([, s]) => s >= 0.05)
    .sort((x, y) => y[1] - x[1])
    .map(([name, s]) => `${name} ${s.toFixed(1)}`)
    .join(', ');
}

const texts = loadCorpus(10_000).slice(0, batches * size);
const pipeline = await loadPipeline();
if (values.docs) mkdirSync(values.docs, { recursive: true });

/** Batch b's document: extracted, or read from --docs when an earlier run kept it there. */
function batchDocument(b: number): GraphDocument {
  const kept = values.docs && join(values.docs, `batch-${size}-${String(b).padStart(3, '0')}.json`);
  if (kept && existsSync(kept)) return JSON.parse(readFileSync(kept, 'utf8')) as GraphDocument;
  const doc = pipeline.extract(texts.slice(b * size, (b + 1) * size));
  if (kept) writeFileSync(kept, JSON.stringify(doc));
  return doc;
}
const db = await startBenchNeo4j(values['class-archive'] ? { jvmFlags: [`-XX:SharedArchiveFile=${values['class-archive']}`] } : {});
try {
  neo4jPid = db.server.pid;
  const conn = instrumented(db.conn);
  console.log(`Neo4j CPU from launch to ready (schema applied): ${cpuSeconds(db.server.pid).toFixed(1)} s; startup ${(db.server.startupMs / 1000).toFixed(1)} s wall`);
  const warmUpRounds = Number(values['warm-up']);
  if (warmUpRounds > 0) {
    const cpuBefore = cpuSeconds(db.server.pid);
    const threadsBefore = cpuByThread(db.server.pid);
    const clientStarted = process.cpuUsage();
    const { ms } = await warmUpWrites(db.conn, aliasKeys, { rounds: warmUpRounds });
    const clientCpu = process.cpuUsage(clientStarted);
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(`warm-up, ${warmUpRounds} rounds: wall ${(ms / 1000).toFixed(1)} s, Neo4j CPU ${(cpuSeconds(db.server.pid) - cpuBefore).toFixed(1)} s, own CPU ${((clientCpu.user + clientCpu.system) / 1e6).toFixed(1)} s (load ${load})\n  Neo4j threads (CPU s): ${threadDelta(threadsBefore, cpuByThread(db.server.pid))}`);
  }
  for (let pass = 1; pass <= passes; pass++) {
    if (pass > 1) await clearDatabase(db.conn);
    const totals = { extract: 0, neo4j: 0, wall: 0, client: 0 };
    const workerCpuTotals = new Map<string, number>();
    // all of Neo4j's CPU from here on, including what its JIT and GC threads do while the next batch is extracted
    const cpuAtStart = cpuSeconds(db.server.pid);
    const threadsAtStart = cpuByThread(db.server.pid);
    for (let b = 0; b < batches; b++) {
      const extractStarted = process.cpuUsage();
      const doc = batchDocument(b);
      const extractCpu = process.cpuUsage(extractStarted);
      totals.extract += (extractCpu.user + extractCpu.system) / 1e6;
      profileWrites = values.plan && pass === 1 && b === (values["plan-first"] ? 0 : batches - 1);
      timeByQuery.clear();
      workerCpuByQuery.clear();
      const cpuBefore = cpuSeconds(db.server.pid);
      const threadsBefore = cpuByThread(db.server.pid);
      const started = performance.now();
      const clientStarted = process.cpuUsage();
      await writeGraph(conn, doc, aliasKeys);
      const clientCpu = process.cpuUsage(clientStarted);
      const client = (clientCpu.user + clientCpu.system) / 1e6;
      totals.client += client;
      const wall = (performance.now() - started) / 1000;
      const cpu = cpuSeconds(db.server.pid) - cpuBefore;
      totals.wall += wall;
      const perQuery = [...timeByQuery].sort((x, y) => y[1] - x[1]).map(([n, ms]) => `${n} ${(ms / 1000).toFixed(1)} s`).join(', ');
      const workerTotal = (cpuByThread(db.server.pid).get('neoj.BoltWorke') ?? 0) - (threadsBefore.get('neoj.BoltWorke') ?? 0);
      const inStatements = [...workerCpuByQuery.values()].reduce((sum, s) => sum + s, 0);
      for (const [n, s] of workerCpuByQuery) workerCpuTotals.set(n, (workerCpuTotals.get(n) ?? 0) + s);
      workerCpuTotals.set('(commit and the rest)', (workerCpuTotals.get('(commit and the rest)') ?? 0) + workerTotal - inStatements);
      const perQueryCpu = [...workerCpuByQuery].sort((x, y) => y[1] - x[1]).map(([n, s]) => `${n} ${s.toFixed(2)}`).join(', ');
      const threads = threadDelta(threadsBefore, cpuByThread(db.server.pid));
      console.log(`batch ${b + 1}: ${size} articles, ${doc.nodes.length} nodes, ${doc.relationships.length} relationships: extraction CPU ${((extractCpu.user + extractCpu.system) / 1e6).toFixed(1)} s; write wall ${wall.toFixed(1)} s, Neo4j CPU ${cpu.toFixed(1)} s, writeGraph's own CPU (rows, driver) ${client.toFixed(1)} s | ${perQuery}\n  Neo4j threads (CPU s): ${threads}\n  Bolt worker CPU s per statement: ${perQueryCpu}; commit and the rest ${(workerTotal - inStatements).toFixed(2)}`);
    }
    totals.neo4j = cpuSeconds(db.server.pid) - cpuAtStart;
    console.log(`Bolt worker CPU s per statement over ${batches} batches: ${[...workerCpuTotals].sort((x, y) => y[1] - x[1]).map(([n, s]) => `${n} ${s.toFixed(2)}`).join(', ')}`);
    workerCpuTotals.clear();
    // long provenance lists are rewritten whole each time an article joins them
    const lists = await db.conn.driver.executeQuery(
      `MATCH (:Entity)-[r]->(:Entity) WITH size(r.sources) AS n
       RETURN count(*) AS facts, sum(n) AS sources, max(n) AS longest, sum(CASE WHEN n > 100 THEN n ELSE 0 END) AS inLong, count(CASE WHEN n > 100 THEN 1 END) AS long`,
      {}, { database: db.conn.database });
    console.log(`provenance: ${JSON.stringify(lists.records[0]!.toObject(), (_, v) => (typeof v === 'object' && v !== null && 'low' in v ? Number(v) : v))}`);
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(`total over ${batches} batches${passes > 1 ? ` (pass ${pass} of ${passes})` : ''}: extraction CPU ${totals.extract.toFixed(1)} s, write wall ${totals.wall.toFixed(1)} s, writeGraph's own CPU ${totals.client.toFixed(1)} s, Neo4j CPU ${totals.neo4j.toFixed(1)} s (load ${load})\n  Neo4j threads (CPU s): ${threadDelta(threadsAtStart, cpuByThread(db.server.pid))}`);
  }
  if (values.dump) await dumpGraph(db.conn, values.dump);
  const reads = Number(values.reads);
  if (reads > 0) {
    const found = await db.conn.driver.executeQuery('MATCH (n:Entity) WHERE EXISTS { (n)--(:Entity) } RETURN n.id AS id ORDER BY id LIMIT $n', { n: neo4jInt(reads) }, { database: db.conn.database });
    const ids = found.records.map((r) => r.get('id') as string);
    for (let round = 1; round <= 4; round++) {
      const cpuBefore = cpuSeconds(db.server.pid);
      const started = performance.now();
      for (const [i, id] of ids.entries()) {
        await entityDetail(db.conn, id, { offset: 0, limit: 50, sources: 3 });
        await shortestPaths(db.conn, { from: id, to: ids[(i * 7 + 1) % ids.length]!, maxHops: 6, k: 3, sources: 3 }, aliasKeys);
      }
      const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
      console.log(`reads round ${round}: ${ids.length} entity details + ${ids.length} paths, Neo4j CPU ${(cpuSeconds(db.server.pid) - cpuBefore).toFixed(1)} s, wall ${((performance.now() - started) / 1000).toFixed(1)} s (load ${load})`);
    }
  }
} finally {
  await db.stop();
}

/** JSON with object keys sorted, so equal maps print equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

/** The stored graph in two files (see --dump above). */
async function dumpGraph(conn: Neo4jConnection, file: string): Promise<void> {
  writeFileSync(`${file}.export.json`, `${JSON.stringify(await exportCuratedGraph(conn), null, 1)}\n`);
  const query = async (q: string) => (await conn.driver.executeQuery(q, {}, { database: conn.database })).records.map((r) => canonicalJson(plain(r.toObject())));
  const nodes = await query('MATCH (n) RETURN labels(n) AS labels, n {.*, storedAt: null} AS properties');
  const relationships = await query('MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.id, a.key) AS from, coalesce(b.id, b.key) AS to, properties(r) AS properties');
  writeFileSync(`${file}.raw.txt`, `${[...nodes.sort(), ...relationships.sort()].join('\n')}\n`);
  console.log(`dump: ${nodes.length} nodes, ${relationships.length} relationships -> ${file}.export.json, ${file}.raw.txt`);
}
