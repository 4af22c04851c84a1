// Section 5: the viewer, navigation to a drawn graph in headless Chromium. The measurement lives
// in tests/bench/viewer.ts (owned by the viewer's author); this only runs it and reports.
import { importOrSkip, need, type BenchContext } from './context.ts';

interface ViewerMeasurement {
  measure: string;
  ms: number;
  targetMs?: number;
  note?: string;
}
interface ViewerModule {
  measureViewer?: (opts: { quick: boolean }) => Promise<ViewerMeasurement[]>;
}

export async function benchViewer(ctx: BenchContext): Promise<void> {
  const viewer = await importOrSkip<ViewerModule>('./viewer.ts', 'the viewer measurement (tests/bench/viewer.ts)');
  const measureViewer = need(viewer.measureViewer, 'measureViewer from tests/bench/viewer.ts');
  for (const m of await measureViewer({ quick: ctx.quick })) {
    if (m.targetMs !== undefined) ctx.report.target('viewer', m.measure, m.ms, 'ms', m.targetMs, false, 'ms');
    else ctx.report.info('viewer', m.measure, m.ms, 'ms', m.note ?? 'no target set');
  }
}
