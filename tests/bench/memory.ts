// Section 6: peak resident memory (VmHWM) of the processes the other sections ran: the Neo4j
// JVMs, the API process, and this process (extraction). Run alone, it runs the path and API
// sections first so it has something to report (not again when they ran and failed).
import type { BenchContext } from './context.ts';
import { benchGraph } from './graph.ts';

export async function benchMemory(ctx: BenchContext): Promise<void> {
  if (ctx.memory.length === 0 && !ctx.graphAttempted) await benchGraph(ctx, { paths: true, api: true });
  for (const m of ctx.memory) ctx.report.info('memory', `peak RSS, ${m.process}`, m.peakMB, 'MB', m.baseline);
}
