// Section: what analysts' corrections cost later ingests (issue 15: at most +10 %). A base graph is
// ingested, then one set of articles is written (writeGraph, extraction done beforehand) three
// times without corrections and, after 1,000 corrections (rejects, renames, notes, merges) on the
// graph, three times with them, each half after clearing the query plans and one unmeasured
// write; between writes the set is deleted again. The best of each three is compared: on a
// shared machine the best run is the one least disturbed.
import type { GraphDocument } from '../../api/graph/schema.ts';
import { importOrSkip, type BenchContext } from './context.ts';
import { BATCH, ingestAll, loadPipeline } from './ingest.ts';
import { graphCounts, startBenchNeo4j, type BenchNeo4j } from './neo4j.ts';
import { loadCorpus, seconds } from './support.ts';

type CurationStore = typeof import('../../api/curation/store.ts');
type CurationRequest = import('../../api/curation/schema.ts').CorrectionRequest;
type WriteModule = typeof import('../../api/store/write.ts');
type ResolveModule = typeof import('../../api/extract/resolve.ts');

const SECTION = 'corrections';
const CORRECTIONS = 1000;

async function sample(db: BenchNeo4j, query: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const result = await db.conn.driver.executeQuery(query, params, { database: db.conn.database });
  return result.records.map((r) => r.toObject());
}

/** 1,000 corrections of the kinds analysts make, on entities and relationships of the graph. */
async function corrections(db: BenchNeo4j): Promise<CurationRequest[]> {
  const facts = await sample(db, `MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) IN ['HOLDS_POSITION', 'MET_WITH', 'VISITED', 'PARTICIPATED_IN', 'LOCATED_IN']
    RETURN type(r) AS type, a.id AS source, b.id AS target, r.role AS role, r.title AS title ORDER BY r.key LIMIT 3000`);
  const entities = await sample(db, 'MATCH (n:Entity) RETURN n.id AS id, n.name AS name ORDER BY n.id LIMIT 4000');
  const people = await sample(db, 'MATCH (n:Person) RETURN n.id AS id ORDER BY n.id LIMIT 1000');
  const every = <T>(xs: T[], n: number) => xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / n)) === 0).slice(0, n);
  const requests: CurationRequest[] = [];
  for (const f of every(facts, 450)) {
    requests.push({ action: 'reject', relationship: { type: f.type as never, source: String(f.source), target: String(f.target), ...(f.role ? { role: String(f.role) } : {}), ...(f.title ? { title: String(f.title) } : {}) }, note: 'bench' });
  }
  for (const e of every(entities, 300)) requests.push({ action: 'rename', entity: String(e.id), name: `${String(e.name)} (checked)`, note: 'bench' });
  for (const e of every(entities.slice(1), 200)) requests.push({ action: 'annotate', entity: String(e.id), note: 'bench' });
  for (let i = 0; i + 1 < people.length && requests.length < CORRECTIONS + 150; i += 7) {
    requests.push({ action: 'merge', keep: String(people[i]!.id), merge: [String(people[i + 1]!.id)], note: 'bench' });
  }
  return requests;
}

export async function benchCorrections(ctx: BenchContext): Promise<void> {
  const { correct } = await importOrSkip<CurationStore>('../../api/curation/store.ts', 'the corrections store');
  const { writeGraph, deleteArticle } = await importOrSkip<WriteModule>('../../api/store/write.ts', 'the store');
  const { aliasKeys } = await importOrSkip<ResolveModule>('../../api/extract/resolve.ts', 'resolution');
  const baseCount = ctx.quick ? 300 : 10_000;
  const setCount = ctx.quick ? 100 : 250;
  const texts = loadCorpus(baseCount + setCount);
  const pipeline = await loadPipeline();
  const db = await startBenchNeo4j();
  try {
    const base = await ingestAll(db, texts.slice(0, baseCount));
    const batches: GraphDocument[] = [];
    for (let i = baseCount; i < texts.length; i += BATCH) batches.push(pipeline.extract(texts.slice(i, Math.min(i + BATCH, texts.length))));
    const articleIds = batches.flatMap((d) => d.articles.map((a) => a.id));

    const writeSet = async () => {
      const started = performance.now();
      for (const doc of batches) await writeGraph(db.conn, doc, aliasKeys);
      const took = seconds(started);
      for (const id of articleIds) await deleteArticle(db.conn, id, aliasKeys);
      return took;
    };
    const runs: { without: number[]; with: number[] } = { without: [], with: [] };
    // Each half starts with fresh query plans (else the first half runs on plans made while the
    // base graph was small, the second on plans Neo4j remade since) and one unmeasured write.
    const bestOf3 = async (into: number[]) => {
      await db.conn.driver.executeQuery('CALL db.clearQueryCaches()', {}, { database: db.conn.database });
      await writeSet();
      for (let i = 0; i < 3; i++) into.push(await writeSet());
      return Math.min(...into);
    };
    const without = await bestOf3(runs.without);

    let made = 0;
    let refused = 0;
    const started = performance.now();
    for (const request of await corrections(db)) {
      if (made >= CORRECTIONS) break;
      try {
        await correct(db.conn, request, 'bench');
        made += 1;
      } catch {
        refused += 1; // e.g. a relationship whose end an earlier merge in the list took away
      }
    }
    const correctionSeconds = seconds(started);
    const withCorrections = await bestOf3(runs.with);

    const label = `${setCount} articles onto a ${baseCount.toLocaleString('en')}-article graph`;
    ctx.report.info(SECTION, `write ${label}, no corrections`, without, 's', `best of 3 (writeGraph, batches of ${BATCH}, extraction done before)`);
    ctx.report.info(SECTION, `write ${label}, ${made} corrections on it`, withCorrections, 's', 'best of 3');
    ctx.report.target(SECTION, `ingest cost with ${made} corrections vs without`, (100 * (withCorrections - without)) / without, '% more', 10, false, '% more');
    ctx.report.info(SECTION, `${made} corrections, one transaction each`, (1000 * correctionSeconds) / Math.max(1, made + refused), 'ms/correction', `${made} made, ${refused} refused (409/404: their target was gone) in ${correctionSeconds.toFixed(1)} s`);
    ctx.note(SECTION, `every run (s): without ${runs.without.map((t) => t.toFixed(2)).join(', ')}; with ${runs.with.map((t) => t.toFixed(2)).join(', ')} (on a shared machine the load drifts between the two halves)`);
    const counts = await graphCounts(db.conn);
    const [corrected] = await sample(db, 'MATCH (c:Correction) RETURN count(c) AS n');
    ctx.note(SECTION, `base graph: ${base.articles} articles ingested in ${base.totalSeconds.toFixed(0)} s; now ${counts.entities} entities, ${counts.facts} fact relationships, ${(corrected!.n as { toNumber(): number }).toNumber()} correction records`);
  } finally {
    await db.stop();
  }
}
