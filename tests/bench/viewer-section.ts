// Section 5: the viewer, navigation to a drawn graph in headless Chromium. The measurement lives
// in tests/bench/viewer.ts (owned by the viewer's author); this only runs it and reports.
import { importOrSkip, need, type BenchContext } from './context.ts';
import { BIG_GRAPH_MEMORY, builtGraph, KEPT_GRAPH_DIR } from './graph.ts';
import { startBenchNeo4j, type BenchNeo4j } from './neo4j.ts';

interface ViewerMeasurement {
  measure: string;
  ms: number;
  targetMs?: number;
  note?: string;
}
interface ViewerModule {
  measureViewer?: (opts: { quick: boolean }) => Promise<ViewerMeasurement[]>;
  measureViewerOnStoredGraph?: (conn: BenchNeo4j['conn'], label: string, opts: { runs?: number; log?: (line: string) => void }) => Promise<ViewerMeasurement[]>;
}

export async function benchViewer(ctx: BenchContext): Promise<void> {
  const viewer = await importOrSkip<ViewerModule>('./viewer.ts', 'the viewer measurement (tests/bench/viewer.ts)');
  const measureViewer = need(viewer.measureViewer, 'measureViewer from tests/bench/viewer.ts');
  const report = (measures: ViewerMeasurement[]) => {
    for (const m of measures) {
      if (m.targetMs !== undefined) {
        ctx.report.target('viewer', m.measure, m.ms, 'ms', m.targetMs, false, 'ms');
        // The note holds what the row's figure alone cannot say (CPU per frame, renderer settings, load).
        if (m.note) ctx.note('viewer', `${m.measure}: ${m.note}`);
      }
      else ctx.report.info('viewer', m.measure, m.ms, 'ms', m.note ?? 'no target set');
    }
  };
  report(await measureViewer({ quick: ctx.quick }));

  // The 100k graph, when a run with --build-100k has built it (.bench/neo4j-100k).
  const marker = builtGraph();
  if (!marker) {
    ctx.note('viewer', `no 100k graph in ${KEPT_GRAPH_DIR}: the first picture at 100k is measured after \`npm run bench -- --only paths --build-100k\``);
    return;
  }
  const onStored = need(viewer.measureViewerOnStoredGraph, 'measureViewerOnStoredGraph from tests/bench/viewer.ts');
  const db = await startBenchNeo4j({ keepDir: KEPT_GRAPH_DIR, ...BIG_GRAPH_MEMORY });
  try {
    report(await onStored(db.conn, `the ${marker.articles.toLocaleString('en')}-article graph`, { runs: ctx.quick ? 1 : 3, log: (line) => console.error(`[bench] ${line}`) }));
  } finally {
    await db.stop();
  }
}
