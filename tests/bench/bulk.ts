// Section "bulk": bulk seeding (npm run ingest -- --bulk: extraction threads, CSV, neo4j-admin
// database import, one server start for the schema and empty lists) on an empty database, timed end to
// end from reading the files, with every phase's wall and CPU time, the load average beside it, and
// 1M/10M projected from the per-article cost. The full run builds the 100k graph into .bench/neo4j-100k,
// which the paths and API sections then reuse; quick mode seeds the first 1,000 articles into a
// throw-away folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATOR_VERSION } from '../../seed/generator/corpus.ts';
import { importOrSkip, type BenchContext } from './context.ts';
import { BENCH_DIR, corpusFiles, seconds } from './support.ts';
import { freePort } from '../support/free-port.ts';

type IngestModule = typeof import('../../api/ingest/service.ts');
type BulkModule = typeof import('../../api/cli/bulk.ts');

export const FULL_ARTICLES = 100_000;
const QUICK_ARTICLES = 1_000;
export const KEPT_GRAPH_DIR = join(BENCH_DIR, 'neo4j-100k');
/** The 100k graph's server: a page cache that holds its whole store (1.8 GB), as Neo4j's memory guide advises for reads. */
export const BIG_GRAPH_MEMORY = { heap: '2g', pageCache: '3g' };
/** Articles per extracted batch of the bulk build (resolution across a batch, as in the ingest section). */
const BULK_BATCH = 250;

/** What marks .bench/neo4j-100k as built from the current corpus. */
export interface GraphMarker {
  generator: number;
  /** Articles of the 100k corpus loaded. */
  articles: number;
}

const duBytes = (path: string) => Number(execFileSync('du', ['-sb', path], { encoding: 'utf8' }).split('\t')[0]);

/**
 * Bulk-seeds `files` into `dataDir` (emptied first) and reports it under `section`: the end-to-end
 * time against issue 16's target (100k ≤ 5 min, projected when fewer articles), the phases, and the
 * 1M and 10M projections.
 */
export async function buildBulk(ctx: BenchContext, section: string, files: string[], dataDir: string): Promise<void> {
  const { seedBundled } = await importOrSkip<BulkModule>('../../api/cli/bulk.ts', 'bulk seeding');
  const { fileBatches } = await importOrSkip<IngestModule>('../../api/ingest/service.ts', 'the ingest service');
  rmSync(dataDir, { recursive: true, force: true });
  const loadStart = loadavg()[0]!;
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  let done = 0;
  const seed = await seedBundled(fileBatches(files, BULK_BATCH), {
    server: { dataDir, port: await freePort(), ...BIG_GRAPH_MEMORY },
    csvDir: join(BENCH_DIR, `bulk-csv-${files.length}`),
    onBatch: (inputs) => {
      done += inputs;
      if (done % 10_000 < inputs) console.error(`[bench] bulk: ${done}/${files.length} articles extracted, ${seconds(started).toFixed(0)} s`);
    },
    log: (line) => {
      if (/IMPORT DONE|Imported:|Peak memory/.test(line)) console.error(`[neo4j-admin] ${line.trim()}`);
    },
  });
  const total = seconds(started);
  const cpu = process.cpuUsage(cpuStart);
  const nodeCpu = (cpu.user + cpu.system) / 1e6;
  const load = `load ${loadStart.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`;
  const articles = seed.build.graph.articles.size;
  const rels = seed.files.relationships;
  const csvBytes = seed.files.bytes;
  const storeBytes = duBytes(join(dataDir, 'data', 'databases', 'neo4j'));
  const mainRssMB = process.resourceUsage().maxRSS / 1024;
  const importCpu = seed.importCpuSeconds ?? NaN;
  const serverCpu = seed.phases.filter((p) => p.process === 'server').reduce((sum, p) => sum + (p.cpuSeconds ?? 0), 0);
  // The server's start and stop do not grow with the corpus; everything else is counted as if it grew linearly.
  const fixedWall = seed.phases.filter((p) => p.name === 'server start' || p.name === 'server stop').reduce((sum, p) => sum + p.seconds, 0);
  const projectWall = (n: number) => fixedWall + ((total - fixedWall) * n) / articles;
  const measured = articles >= FULL_ARTICLES;
  ctx.report.target(section, measured ? `100k bulk seeding end to end (${load})` : `100k bulk seeding, projected from ${articles.toLocaleString('en')} articles (${load})`,
    projectWall(FULL_ARTICLES) / 60, 'min', 5, false);
  ctx.report.info(section, 'bulk: phases', total, 's',
    seed.phases.map((p) => `${p.name} ${p.seconds.toFixed(1)} s${p.cpuSeconds === null ? '' : ` (CPU ${p.cpuSeconds.toFixed(1)} s, ${p.process})`}`).join('; '));
  ctx.report.info(section, 'bulk: extraction and build', seed.build.seconds, 's',
    `${seed.build.threads} extraction threads busy ${seed.build.extractSeconds.toFixed(0)} s (CPU ${seed.build.extractCpuSeconds?.toFixed(0) ?? '?'} s in extraction), ` +
      `main thread CPU ${seed.build.mainCpuSeconds?.toFixed(0) ?? '?'} s (adding to the graph ${seed.build.addSeconds.toFixed(0)} s); CSV ${(csvBytes / 1e6).toFixed(0)} MB, ` +
      `neo4j-admin peak ${seed.importPeakRssMiB ?? '?'} MiB`);
  ctx.report.info(section, 'bulk: graph imported', rels, 'relationships',
    `${seed.files.nodes.toLocaleString('en')} nodes (${seed.build.graph.entities.size.toLocaleString('en')} entities, ${articles.toLocaleString('en')} articles, ` +
      `${seed.build.graph.keys.size.toLocaleString('en')} alias keys), ${(rels / articles).toFixed(1)} relationships per article`);
  const cpuMs = ((nodeCpu + importCpu + serverCpu) * 1000) / articles;
  ctx.report.info(section, 'bulk: CPU per article', cpuMs, 'ms',
    `Node ${nodeCpu.toFixed(0)} s + neo4j-admin ${importCpu.toFixed(0)} s + server ${serverCpu.toFixed(0)} s; ${((storeBytes / 1024) / articles).toFixed(1)} KB store ` +
      `(${(storeBytes / 1e9).toFixed(2)} GB), ${((csvBytes / 1024) / articles).toFixed(1)} KB CSV, peak RSS of the bench process ${mainRssMB.toFixed(0)} MB; ${load}`);
  ctx.report.target(section, `1M articles bulk-seeded, projected from the per-article wall time (${load})`, projectWall(1_000_000) / 60, 'min', 60, false);
  ctx.report.info(section, '10M articles bulk-seeded, projected the same way', projectWall(10_000_000) / 3600, 'h',
    `store ${(((storeBytes / articles) * 1e7) / 2 ** 30).toFixed(0)} GB (see docs/scaling.md)`);
  ctx.ingestRate = articles / total;
}

/** The section: 100k into the kept graph folder (full), or 1k into a throw-away one (quick). */
export async function benchBulk(ctx: BenchContext): Promise<void> {
  if (ctx.quick) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-bulk-'));
    try {
      await buildBulk(ctx, 'bulk', corpusFiles(QUICK_ARTICLES), join(dir, 'neo4j'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  await build100kGraph(ctx, 'bulk');
}

/** Bulk-seeds the 100k corpus into .bench/neo4j-100k and marks it built (read back by the paths, API and viewer sections). */
export async function build100kGraph(ctx: BenchContext, section: string): Promise<GraphMarker> {
  const files = corpusFiles(FULL_ARTICLES);
  await buildBulk(ctx, section, files, KEPT_GRAPH_DIR);
  const marker: GraphMarker = { generator: GENERATOR_VERSION, articles: files.length };
  writeFileSync(join(KEPT_GRAPH_DIR, 'bench-graph.json'), JSON.stringify(marker));
  ctx.built100k = true;
  return marker;
}
