// Answers of read routes kept as sent, per URL, for as long as the graph's change stamp
// (store/graph-stamp.ts) stays the same: a repeated request costs one shared stamp read instead of
// its queries, decoding and serialisation. Each answer carries a weak ETag made of the stamp and
// the URL, so a client that sends it back in If-None-Match gets 304 without a body until the graph
// changes (Cache-Control: no-cache asks it to revalidate every time).
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { GraphStamp } from '../store/graph-stamp.ts';
import { DeadlineError, within } from './deadline.ts';
import { isNeo4jUnavailable } from './errors.ts';

export interface ResponseCacheOptions {
  /** Route URLs as registered (e.g. '/api/entities/:id') whose GET answers are kept. */
  routes: string[];
  /** Bytes of answers kept in all (default 64 MiB); the least recently used go first. */
  maxBytes?: number;
  /** A stamp not read within this long answers 503, as the routes do when Neo4j does not answer. */
  deadlineMs: number;
}

export const DEFAULT_RESPONSE_CACHE_BYTES = 64 * 1024 * 1024;
/** No one answer may take more than this share of the cache. */
const LARGEST_SHARE = 8;

const etagOf = (stamp: string, url: string) => `W/"${createHash('sha1').update(`${stamp}\n${url}`).digest('base64url')}"`;

/** If-None-Match names the current ETag (weak comparison, as RFC 9110 asks for GET). */
function revalidates(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = etag.slice(2);
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

export function cacheResponses(app: FastifyInstance, stamp: GraphStamp, opts: ResponseCacheOptions): void {
  const routes = new Set(opts.routes);
  const maxBytes = opts.maxBytes ?? DEFAULT_RESPONSE_CACHE_BYTES;
  // Answers under the latest stamp seen, by URL, least recently used first.
  const kept = new Map<string, string>();
  let keptStamp = '';
  let keptBytes = 0;
  const misses = new WeakMap<FastifyRequest, { stamp: string; etag: string }>();

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || !routes.has(request.routeOptions.url ?? '')) return;
    let current: string;
    try {
      current = (await within(stamp.forRequest(request), opts.deadlineMs, () => new DeadlineError(opts.deadlineMs / 1000))).key;
    } catch (error) {
      // Neo4j unreachable: 503 now, without the route waiting out the driver's retries a second time.
      if (error instanceof DeadlineError || isNeo4jUnavailable(error)) throw error;
      return;
    }
    if (current !== keptStamp) {
      kept.clear();
      keptBytes = 0;
      keptStamp = current;
    }
    const etag = etagOf(current, request.url);
    if (revalidates(request.headers['if-none-match'], etag)) {
      return reply.code(304).header('etag', etag).header('cache-control', 'no-cache').send();
    }
    const payload = kept.get(request.url);
    if (payload === undefined) {
      misses.set(request, { stamp: current, etag });
      return;
    }
    kept.delete(request.url);
    kept.set(request.url, payload);
    return reply.header('etag', etag).header('cache-control', 'no-cache').type('application/json; charset=utf-8').send(payload);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const miss = misses.get(request);
    if (!miss || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    misses.delete(request);
    // A route marks an answer that holds only for now (a path search out of time) as not to be kept.
    if (reply.getHeader('cache-control') === 'no-store') return payload;
    reply.header('etag', miss.etag).header('cache-control', 'no-cache');
    // An answer computed under an older stamp is sent, not kept: the graph has changed since.
    const bytes = Buffer.byteLength(payload);
    if (miss.stamp === keptStamp && bytes <= maxBytes / LARGEST_SHARE && !kept.has(request.url)) {
      kept.set(request.url, payload);
      keptBytes += bytes;
      for (const [url, old] of kept) {
        if (keptBytes <= maxBytes) break;
        kept.delete(url);
        keptBytes -= Buffer.byteLength(old);
      }
    }
    return payload;
  });
}
