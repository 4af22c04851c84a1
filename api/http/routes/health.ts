// GET /api/health: is Neo4j reachable, which versions, how big is the graph.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import pkg from '../../../package.json' with { type: 'json' };
import { serverInfo } from '../../store/read.ts';
import { DeadlineError, within } from '../deadline.ts';
import type { Neo4jConnection } from '../../store/neo4j.ts';
import type { PathIndexCache } from '../../store/path-index-cache.ts';
import { Health } from '../schemas.ts';

/** A load balancer's health check gets an answer within 2 s, whatever state Neo4j is in. */
const HEALTH_DEADLINE_MS = 1_500;

export const healthRoutes: FastifyPluginAsyncZod<{ conn: Neo4jConnection; pathIndex: PathIndexCache }> = async (app, { conn, pathIndex }) => {
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Is the database reachable, and how big is the graph',
        tags: ['health'],
        response: { 200: Health, 503: Health },
      },
    },
    async (request, reply) => {
      try {
        const info = await within(serverInfo(conn), HEALTH_DEADLINE_MS, () => new DeadlineError(HEALTH_DEADLINE_MS / 1000));
        return {
          status: 'ok' as const,
          neo4j: { reachable: true, version: info.version, edition: info.edition, uri: conn.uri },
          version: pkg.version,
          counts: info.counts,
          pathIndex: pathIndex.status(),
        };
      } catch (error) {
        request.log.warn({ err: error }, 'health check failed');
        return reply.code(503).send({
          status: 'unavailable' as const,
          neo4j: { reachable: false, version: null, edition: null, uri: conn.uri },
          version: pkg.version,
          counts: null,
          pathIndex: pathIndex.status(),
        });
      }
    },
  );
};
