// GET /api/paths: how two entities are connected.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { aliasKeys } from '../../extract/resolve.ts';
import type { Neo4jConnection } from '../../store/neo4j.ts';
import type { PathIndexCache } from '../../store/path-index-cache.ts';
import { pathsOnLatestIndex, shortestPaths } from '../../store/read.ts';
import { notFound } from '../errors.ts';
import { ErrorResponse, Paths, PathsQuery } from '../schemas.ts';

export const pathRoutes: FastifyPluginAsyncZod<{ conn: Neo4jConnection; pathIndex: PathIndexCache }> = async (app, { conn, pathIndex }) => {
  app.get(
    '/api/paths',
    {
      schema: {
        summary: 'Up to k shortest paths between two entities (ids or names), each hop with its evidence',
        tags: ['paths'],
        querystring: PathsQuery,
        response: { 200: Paths, 400: ErrorResponse, 404: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (request, reply) => {
      // The last index built, checked by the answer's own query; when the graph has changed since
      // (or the ends are names), the stamp is read and the search runs as the graph is now.
      const { from, to, ...found } =
        (await pathsOnLatestIndex(conn, request.query, pathIndex.latest())) ?? (await shortestPaths(conn, request.query, aliasKeys, await pathIndex.current(request)));
      if (!from) throw notFound(`from: no entity "${request.query.from}"`);
      if (!to) throw notFound(`to: no entity "${request.query.to}"`);
      // Out of time is an answer for now only: asked again, the search may finish.
      if (found.timedOut) reply.header('cache-control', 'no-store');
      return { from, to, ...found };
    },
  );
};
