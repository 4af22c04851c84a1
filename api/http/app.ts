// The HTTP API as a Fastify instance: zod validation and serialisation, OpenAPI at /docs, the
// built viewer at /, one plugin per resource under routes/. Keeps no state besides the Neo4j
// connection it is given, so several instances can serve one database behind a load balancer.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import pkg from '../../package.json' with { type: 'json' };
import { CharsetError, charsetOf, decodeText } from '../extract/charset.ts';
import { aliasKeys } from '../extract/resolve.ts';
import { ExtractionPool, type ExtractionPoolOptions } from '../ingest/extraction-pool.ts';
import type { Neo4jConnection } from '../store/neo4j.ts';
import { GraphStamp } from '../store/graph-stamp.ts';
import { OverviewCache } from '../store/overview.ts';
import { DEFAULT_PATH_INDEX_MAX_RELATIONSHIPS, DEFAULT_PATH_INDEX_PAGES_MAX_RELATIONSHIPS, PathIndexCache } from '../store/path-index-cache.ts';
import { rehearsePathQueries } from '../store/read.ts';
import { loopbackOnly, requireTokenForWrites } from './auth.ts';
import { answerWithin } from './deadline.ts';
import { cacheResponses, DEFAULT_RESPONSE_CACHE_BYTES } from './response-cache.ts';
import { ElementsQuery } from './schemas.ts';
import { clientErrorHandler, frameworkErrors, HttpError, installErrorHandlers, MAX_PARAM_LENGTH } from './errors.ts';
import { articleRoutes } from './routes/articles.ts';
import { correctionRoutes } from './routes/corrections.ts';
import { entityRoutes } from './routes/entities.ts';
import { eventRoutes } from './routes/events.ts';
import { graphRoutes } from './routes/graph.ts';
import { healthRoutes } from './routes/health.ts';
import { pathRoutes } from './routes/paths.ts';
import { reviewRoutes } from './routes/review.ts';

export interface AppOptions {
  conn: Neo4jConnection;
  /**
   * When set, writes need `Authorization: Bearer <apiToken>`. When not, the server must listen on
   * loopback only: it then answers only to loopback Host names and refuses cross-site writes.
   */
  apiToken?: string;
  /** Largest accepted request body in bytes (default 5 MiB). */
  bodyLimit?: number;
  /** Log every request; server errors (5xx) are logged either way. */
  logger?: boolean;
  /** Threads, queue and time budget of the extraction pool (extraction-pool.ts). */
  extraction?: ExtractionPoolOptions;
  /** A database route answers 503 after this long without an answer from Neo4j (a write: twice as long). */
  databaseDeadlineMs?: number;
  /** Receiving one whole request (headers and body) may take this long; then 408. */
  requestTimeoutMs?: number;
  /** GET /api/paths searches in memory while the graph has at most this many relationships (0: always in Neo4j). */
  pathIndexMaxRelationships?: number;
  /** The path index holds entity detail's pages up to this many relationships in the graph (PathIndexOptions.maxPageRelationships). */
  pathIndexPagesMaxRelationships?: number;
  /**
   * Bytes of search and entity answers kept until the graph changes (http/response-cache.ts; default
   * 64 MiB); 0 keeps none (the benchmarks measure the engine that way too).
   */
  responseCacheBytes?: number;
}

// Generous: a cold Neo4j on a busy 2-core machine takes over 10 s to plan /api/graph the first time.
export const DEFAULT_DATABASE_DEADLINE_MS = 30_000;
// A changed graph is indexed for paths again after this long without further changes.
const PATH_INDEX_QUIET_MS = 1_000;
// A 5 MiB body in 30 s needs 175 KB/s; a client that trickles slower is cut off (408).
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
// A socket silent this long is closed (e.g. a client that stopped reading its answer); longer than
// any answer takes (extraction budget of a 5 MB article, 25 s, plus a write's deadline).
const CONNECTION_IDLE_TIMEOUT_MS = 120_000;

export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;
const VIEWER_DIR = fileURLToPath(new URL('../../dist/viz/', import.meta.url));

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const bodyLimit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const databaseDeadlineMs = opts.databaseDeadlineMs ?? DEFAULT_DATABASE_DEADLINE_MS;
  const requestTimeout = opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const app = Fastify({
    logger: opts.logger ? true : { level: 'error' },
    bodyLimit,
    return503OnClosing: true,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors,
    clientErrorHandler,
    requestTimeout,
    connectionTimeout: CONNECTION_IDLE_TIMEOUT_MS,
    // Node takes the request timeout only when it creates the server (Fastify sets it afterwards, to
    // no effect), and checks it on this interval (30 s by default).
    http: { requestTimeout, connectionsCheckingInterval: Math.min(1_000, requestTimeout) },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app, bodyLimit);
  // Article bodies arrive as bytes and are decoded in their declared or detected charset.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(['text/plain', 'text/markdown', 'text/x-markdown', 'text/html', 'application/xhtml+xml'], { parseAs: 'buffer' }, (request, body, done) => {
    try {
      done(null, decodeText(body as Buffer, { charset: charsetOf(request.headers['content-type']), html: true }));
    } catch (error) {
      done(error instanceof CharsetError ? new HttpError(415, `content-type: ${error.message}`) : (error as Error), undefined);
    }
  });
  if (opts.apiToken) requireTokenForWrites(app, opts.apiToken);
  else loopbackOnly(app);

  // Graceful shutdown: requests in flight when close() is called are answered, with
  // "Connection: close" so their keep-alive sockets end and close() can finish.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Exchange graph API',
        description: 'Articles about international exchanges in; people, offices, companies, cities, events and how they connect out.',
        version: pkg.version,
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  // Security headers on every answer; the CSP lets the viewer and Swagger UI load their own files
  // only (plus the inline script hashes Swagger UI declares). No HSTS or upgrade-insecure-requests:
  // the server speaks plain HTTP on loopback.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...app.swaggerCSP.script],
        styleSrc: ["'self'", "'unsafe-inline'", ...app.swaggerCSP.style],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });

  const extraction = new ExtractionPool(opts.extraction);
  app.addHook('onClose', () => extraction.close());
  // POST /api/articles bounds its extraction by the pool's budget and its write by its own deadline;
  // /api/health has a shorter one of its own.
  answerWithin(app, (route) => (route.url === '/api/health' || route.method === 'POST' ? null : databaseDeadlineMs));

  const routeOptions = { conn: opts.conn };
  // What is kept between requests (the first picture: store/overview.ts; the path index:
  // store/path-index-cache.ts; search and entity answers: http/response-cache.ts) is stamped by
  // GraphStamp; any write answered with success moves it.
  const stamp = new GraphStamp(opts.conn);
  app.addHook('onResponse', async (request, reply) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method) && reply.statusCode < 400) stamp.changed();
  });
  const overviews = new OverviewCache(opts.conn, stamp);
  const pathIndex = new PathIndexCache(opts.conn, stamp, {
    maxRelationships: opts.pathIndexMaxRelationships ?? DEFAULT_PATH_INDEX_MAX_RELATIONSHIPS,
    maxPageRelationships: opts.pathIndexPagesMaxRelationships ?? DEFAULT_PATH_INDEX_PAGES_MAX_RELATIONSHIPS,
    quietMs: PATH_INDEX_QUIET_MS,
    log: (message) => app.log.info(message),
  });
  app.addHook('onClose', () => pathIndex.close());
  const responseCacheBytes = opts.responseCacheBytes ?? DEFAULT_RESPONSE_CACHE_BYTES;
  if (responseCacheBytes > 0) cacheResponses(app, stamp, { routes: ['/api/entities', '/api/entities/:id', '/api/paths'], maxBytes: responseCacheBytes, deadlineMs: databaseDeadlineMs });
  await app.register(healthRoutes, { ...routeOptions, pathIndex });
  await app.register(articleRoutes, { ...routeOptions, extraction, writeDeadlineMs: 2 * databaseDeadlineMs });
  await app.register(entityRoutes, { ...routeOptions, pathIndex });
  await app.register(pathRoutes, { ...routeOptions, pathIndex });
  await app.register(eventRoutes, routeOptions);
  await app.register(graphRoutes, { ...routeOptions, overviews });
  await app.register(correctionRoutes, routeOptions);
  await app.register(reviewRoutes, routeOptions);

  // The viewer's files; /api/... is never a file (a path the API router refused gets the API's 404).
  if (existsSync(VIEWER_DIR)) await app.register(fastifyStatic, { root: VIEWER_DIR, prefix: '/', allowedPath: (path) => !path.startsWith('/api/') });
  // Best effort and in the background: an unreachable Neo4j must not keep the API from starting.
  app.addHook('onReady', async () => {
    rehearsePathQueries(opts.conn, aliasKeys)
      .catch((error: unknown) => app.log.warn({ err: error }, 'could not rehearse the path queries'))
      .then(() => pathIndex.refresh())
      .catch((error: unknown) => app.log.warn({ err: error }, 'could not build the path index'));
    // The viewer's default first picture (viz/src/overview.ts: 250 entities, 1,500 relationships),
    // so the first analyst does not wait for it.
    const viewerDefault = ElementsQuery.parse({ limit: 250, edges: 1500 });
    setImmediate(() => void overviews.get({ ...viewerDefault, edgeLimit: viewerDefault.edges }).catch(() => undefined));
  });
  return app;
}
