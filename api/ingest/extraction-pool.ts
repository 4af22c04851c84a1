// Extraction for the HTTP API, off the event loop: a pool of worker threads (Piscina) with a
// bounded queue and a time budget per article, so one pathological page cannot freeze every other
// request. A thread that overruns its budget is terminated and replaced.
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ExtractInput } from '../extract/index.ts';
import type { GraphDocument } from '../graph/schema.ts';
import type { TaskResult } from './extraction-task.ts';

export interface ExtractionPoolOptions {
  /**
   * Threads. Default: one per core but one, at most 4. Each thread loads its own gazetteer (~1 s,
   * ~100 MB), and extraction is CPU-bound: on 2 cores one thread leaves the other core to the
   * event loop (health, reads) and to Neo4j; a second would only make them wait.
   */
  threads?: number;
  /** Articles waiting for a thread; one more is refused (503). Default 16 per thread: a burst of posts of
   * news-sized articles waits a few seconds rather than being refused, and 5 MB bodies queued cost 80 MB. */
  queue?: number;
  /** Time budget of one article: a fixed part plus a part per MB of content. */
  budgetMs?: { base: number; perMB: number };
}

/**
 * Measured: news-length articles padded with the genre's prose to 1, 2 and 5 MB extract in 1.0, 3.2
 * and 4.9 s on one idle core. The budget is wall-clock time, so it leaves room for a machine whose
 * cores are shared many times over (a 6 KB article overran 3 s there): 10 s + 3 s per MB, 5 MB: 25 s.
 */
const DEFAULT_BUDGET = { base: 10_000, perMB: 3_000 };

/** Why an article was refused; the route turns `status` into the HTTP answer. */
export class ExtractionRefused extends Error {
  constructor(
    readonly status: 422 | 503,
    message: string,
  ) {
    super(message);
    this.name = 'ExtractionRefused';
  }
}

/**
 * The queue is kept here rather than in Piscina so that an article's budget starts when a thread
 * takes it, not while it waits.
 */
export class ExtractionPool {
  private readonly pool: Piscina<ExtractInput, TaskResult>;
  private readonly budget: { base: number; perMB: number };
  private readonly threads: number;
  private readonly maxQueue: number;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** Settles once every thread has loaded the gazetteer, so no first article spends its budget on that. */
  private readonly warm: Promise<unknown>;

  constructor(opts: ExtractionPoolOptions = {}) {
    this.threads = opts.threads ?? Math.max(1, Math.min(4, availableParallelism() - 1));
    this.maxQueue = opts.queue ?? 16 * this.threads;
    this.budget = opts.budgetMs ?? DEFAULT_BUDGET;
    this.pool = new Piscina({
      filename: new URL('./extraction-task.mjs', import.meta.url).href,
      minThreads: this.threads,
      maxThreads: this.threads,
      // A thread is kept for good: starting one costs the gazetteer load.
      idleTimeout: Infinity,
    });
    const tiny: ExtractInput = { content: 'warm-up', format: 'text' };
    this.warm = Promise.allSettled(Array.from({ length: this.threads }, () => this.pool.run(tiny)));
  }

  /** Waits for a free thread; ExtractionRefused (503) when the queue is already full. */
  private async takeThread(): Promise<void> {
    if (this.running < this.threads) {
      this.running++;
      return;
    }
    if (this.waiting.length >= this.maxQueue) {
      throw new ExtractionRefused(503, `extraction queue is full (${this.maxQueue} articles waiting); try again shortly`);
    }
    // The thread is handed over by releaseThread, so `running` does not change.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private releaseThread(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  /** Time budget for one article's content, in ms. */
  budgetFor(content: string): number {
    return Math.round(this.budget.base + (this.budget.perMB * Buffer.byteLength(content)) / 1_000_000);
  }

  /** The article's graph document; ExtractionRefused when the queue is full or the article is over budget. */
  async extract(input: ExtractInput): Promise<GraphDocument> {
    const budget = this.budgetFor(input.content);
    await this.warm;
    await this.takeThread();
    let result: TaskResult;
    try {
      result = await this.pool.run(input, { signal: AbortSignal.timeout(budget) });
    } catch (error) {
      if ((error as Error).name === 'AbortError') {
        // Piscina terminated the thread and starts another; its slot is free once that one is ready.
        void this.replacementReady().then(() => this.releaseThread());
        throw new ExtractionRefused(422, `body: extraction took longer than its budget of ${(budget / 1000).toFixed(1)} s for ${(Buffer.byteLength(input.content) / 1e6).toFixed(1)} MB; the page is too complex to read`);
      }
      this.releaseThread();
      throw error;
    }
    this.releaseThread();
    if ('overBudget' in result) throw new ExtractionRefused(422, result.overBudget);
    return result.doc;
  }

  private replacementReady(): Promise<unknown> {
    return once(this.pool, 'workerCreate', { signal: AbortSignal.timeout(30_000) }).catch(() => {});
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
