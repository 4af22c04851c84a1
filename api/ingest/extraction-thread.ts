// Extraction on a worker thread, so that a long ingest extracts the next batch while Neo4j writes
// the one before: on the main thread the synchronous extraction would also stall the driver's
// network I/O for the write in flight.
import { Worker } from 'node:worker_threads';
import type { ExtractInput } from '../extract/index.ts';
import type { ExtractedBatch } from './prepare.ts';

export interface ExtractionRequest {
  id: number;
  inputs: ExtractInput[];
}
export interface ExtractionReply {
  id: number;
  batch: ExtractedBatch;
  /** Time the thread spent extracting this batch, and its CPU time (null off Linux). */
  seconds: number;
  cpuSeconds: number | null;
}

// The worker loads TypeScript sources, so it registers tsx itself: a worker does not inherit the
// loader tsx installed in the main thread (nor vitest's).
const tsxApi = import.meta.resolve('tsx/esm/api');
const workerModule = new URL('./extraction-worker.ts', import.meta.url).href;
const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(workerModule)}); })`;

export class ExtractionThread {
  private readonly worker = new Worker(bootstrap, { eval: true });
  private readonly waiting = new Map<number, { resolve: (reply: ExtractionReply) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor() {
    this.worker.on('message', (reply: ExtractionReply) => {
      this.waiting.get(reply.id)?.resolve(reply);
      this.waiting.delete(reply.id);
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const { reject } of this.waiting.values()) reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the extraction thread stopped (exit code ${code})`)));
  }

  /** Extracts and merges a batch on the thread (see extractBatch); batches are done in order. */
  extract(inputs: ExtractInput[]): Promise<ExtractionReply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, inputs } satisfies ExtractionRequest);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
