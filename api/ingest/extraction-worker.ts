// The body of the extraction thread (extraction-thread.ts): batches of inputs in, extracted and
// merged batches out, each with the time it took, in the order they came.
import { parentPort } from 'node:worker_threads';
import { extractBatch } from './prepare.ts';
import type { ExtractionRequest, ExtractionReply } from './extraction-thread.ts';

parentPort!.on('message', ({ id, inputs }: ExtractionRequest) => {
  const started = performance.now();
  const batch = extractBatch(inputs);
  const reply: ExtractionReply = { id, batch, seconds: (performance.now() - started) / 1000 };
  parentPort!.postMessage(reply);
});
