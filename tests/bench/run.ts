// npm run bench [-- --quick] [--only extract|ingest|corrections|bulk|paths|api|load|viewer|memory] [--build-100k] (bulk runs only when named)
// Runs the benchmark sections, prints one table (every figure beside its target or baseline) and
// writes the same to .bench/results.json. See docs/benchmarks.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { SkipSection, type BenchContext } from './context.ts';
import { Report } from './report.ts';
import { BENCH_DIR, seconds } from './support.ts';
import { benchExtract } from './extract.ts';
import { benchIngest } from './ingest.ts';
import { benchCorrections } from './corrections.ts';
import { benchBulk } from './bulk.ts';
import { benchGraph } from './graph.ts';
import { benchLoad } from './load.ts';
import { benchViewer } from './viewer-section.ts';
import { benchMemory } from './memory.ts';

const SECTIONS = ['extract', 'ingest', 'corrections', 'bulk', 'paths', 'api', 'load', 'viewer', 'memory'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'build-100k': { type: 'boolean', default: false },
    only: { type: 'string', multiple: true },
  },
});
const only = (values.only ?? []).flatMap((s) => s.split(','));
for (const s of only) {
  if (!(SECTIONS as readonly string[]).includes(s)) {
    console.error(`--only expects one of ${SECTIONS.join(', ')}; got "${s}"`);
    process.exit(2);
  }
}
const wanted = (s: Section) => only.length === 0 || only.includes(s);

const report = new Report();
const ctx: BenchContext = {
  report,
  quick: values.quick,
  memory: [],
  graph: null,
  ingestRate: null,
  graphAttempted: false,
  build100k: values['build-100k'],
  note: (section, line) => report.notes.push({ section, line }),
};

async function runSection(name: string, fn: () => Promise<void>): Promise<void> {
  const started = performance.now();
  console.error(`[bench] ${name} ...`);
  const outcome = { section: name, status: 'ran' as 'ran' | 'skipped' | 'failed', why: undefined as string | undefined, seconds: 0 };
  report.sections.push(outcome);
  try {
    await fn();
  } catch (err) {
    outcome.status = err instanceof SkipSection ? 'skipped' : 'failed';
    outcome.why = err instanceof Error ? err.message : String(err);
    if (outcome.status === 'failed') console.error(err);
  }
  outcome.seconds = seconds(started);
  console.error(`[bench] ${name} ${outcome.status} in ${outcome.seconds.toFixed(1)} s${outcome.why ? `: ${outcome.why}` : ''}`);
}

/** First line a tool prints about its version (java prints it on stderr). */
function version(cmd: string, args: string[]): string {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  return `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n')[0]!.trim() || 'unknown';
}

const started = performance.now();
const loadBefore = os.loadavg()[0]!;
if (wanted('extract')) await runSection('extract', () => benchExtract(ctx));
if (wanted('ingest')) await runSection('ingest', () => benchIngest(ctx));
if (wanted('corrections')) await runSection('corrections', () => benchCorrections(ctx));
if (only.includes('bulk')) await runSection('bulk', () => benchBulk(ctx));
if (wanted('paths') || wanted('api')) await runSection(wanted('paths') && wanted('api') ? 'paths+api' : wanted('paths') ? 'paths' : 'api', () => {
  ctx.graphAttempted = true;
  return benchGraph(ctx, { paths: wanted('paths'), api: wanted('api') });
});
if (ctx.graph) {
  // The ingest section's graph, kept for the path and API sections; its memory is reported below.
  const peak = ctx.graph.db.peakRssMB();
  if (peak !== null) ctx.memory.push({ process: `Neo4j (${ctx.graph.articles}-article graph: ingest + paths + API)`, peakMB: peak, baseline: ctx.graph.db.budget });
  await ctx.graph.db.stop();
  ctx.graph = null;
}
if (wanted('load')) await runSection('load', () => benchLoad(ctx));
if (wanted('viewer')) await runSection('viewer', () => benchViewer(ctx));
if (wanted('memory')) await runSection('memory', () => benchMemory(ctx));
const totalSeconds = seconds(started);

const javaVersion = version('java', ['-version']);
const machine = {
  cpus: os.availableParallelism(),
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  java: javaVersion,
  platform: `${os.type()} ${os.release()}`,
  // The machine is shared: absolute figures drift with load, ratios hold better.
  loadAverage1m: { start: loadBefore, end: os.loadavg()[0]! },
};
console.log('');
report.print();
console.log('');
console.log(`${values.quick ? 'quick' : 'full'} run took ${totalSeconds.toFixed(0)} s on ${machine.cpus} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.java}; load average ${loadBefore.toFixed(1)} at start, ${machine.loadAverage1m.end.toFixed(1)} at end`);

mkdirSync(BENCH_DIR, { recursive: true });
const results = {
  date: new Date().toISOString(),
  mode: values.quick ? 'quick' : 'full',
  only,
  totalSeconds,
  machine,
  sections: report.sections,
  figures: report.figures,
  notes: report.notes,
  memory: ctx.memory,
  markdown: report.markdown(),
};
writeFileSync(`${BENCH_DIR}/results.json`, JSON.stringify(results, null, 2) + '\n');
console.log(`results: ${BENCH_DIR}/results.json`);
if (report.sections.some((s) => s.status === 'failed')) process.exitCode = 1;
