// The body of the extraction thread (extraction-thread.ts): batches of inputs in, extracted and
// merged batches out, each with the time and the thread's CPU it took, in the order they came.
import { parentPort } from 'node:worker_threads';
import { threadCpuSeconds } from '../../neo4j/proc-stat.ts';
import { extractBatch } from './prepare.ts';
import type { ExtractionRequest, ExtractionReply } from './extraction-thread.ts';

parentPort!.on('message', ({ id, inputs }: ExtractionRequest) => {
  const started = performance.now();
  const cpuStarted = threadCpuSeconds();
  const batch = extractBatch(inputs);
  const cpuEnded = threadCpuSeconds();
  const cpuSeconds = cpuStarted === null || cpuEnded === null ? null : cpuEnded - cpuStarted;
  const reply: ExtractionReply = { id, batch, seconds: (performance.now() - started) / 1000, cpuSeconds };
  parentPort!.postMessage(reply);
});
