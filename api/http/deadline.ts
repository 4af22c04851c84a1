// Every /api route answers within its deadline: a Neo4j that stopped answering (frozen, partitioned,
// a socket the driver still believes open) gives a 503 the client can retry, never a request that
// hangs for good. The handler that overran is left to finish or fail on its own; its late reply is
// dropped.
import type { FastifyInstance, RouteOptions } from 'fastify';

/** Answered like any unreachable Neo4j (errors.ts): 503 with Retry-After. */
export class DeadlineError extends Error {
  readonly code = 'ServiceUnavailable';
  constructor(seconds: number) {
    super(`no answer within ${seconds} s`);
    this.name = 'DeadlineError';
  }
}

/** Rejects with `onTimeout()` when `work` has not settled within `ms`. */
export function within<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  work.catch(() => {}); // once the deadline has won, a later failure is nobody's to handle
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Wraps the handler of every route under /api/ that `deadlineOf` gives a deadline (ms) to. */
export function answerWithin(app: FastifyInstance, deadlineOf: (route: RouteOptions) => number | null): void {
  app.addHook('onRoute', (route) => {
    const ms = route.url.startsWith('/api/') ? deadlineOf(route) : null;
    if (ms === null) return;
    const handler = route.handler;
    route.handler = function (request, reply) {
      return within(Promise.resolve(handler.call(this, request, reply)), ms, () => new DeadlineError(ms / 1000));
    };
  });
}
