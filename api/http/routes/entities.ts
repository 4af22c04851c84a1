// /api/entities: full-text search, one entity with its facts, and its neighbourhood.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Neo4jConnection } from '../../store/neo4j.ts';
import type { PathIndexCache } from '../../store/path-index-cache.ts';
import { entityDetail, neighborCounts, neighborhood, neighborPage, searchEntities } from '../../store/read.ts';
import { notFound } from '../errors.ts';
import {
  EntityDetail,
  EntityDetailQuery,
  ErrorResponse,
  IdParams,
  NeighborCounts,
  Neighborhood,
  NeighborhoodQuery,
  NeighborPage,
  NeighborPageQuery,
  SearchQuery,
  SearchResults,
} from '../schemas.ts';

const errors = { 400: ErrorResponse, 404: ErrorResponse, 503: ErrorResponse };

export const entityRoutes: FastifyPluginAsyncZod<{ conn: Neo4jConnection; pathIndex: PathIndexCache }> = async (app, { conn, pathIndex }) => {
  app.get(
    '/api/entities',
    {
      schema: {
        summary: 'Search entities by name or alias (typo-tolerant, ranked)',
        description:
          'Results in a defined order: how the name or an alias matches (the exact name, the name\'s start, an alias, the start of an alias or of a word, ' +
          'then typo matches, fewest typos first), ' +
          'then Lucene\'s score (highest first), then the shorter name, then the entity\'s id (ascending). ' +
          'The same query on the same graph gives the same answer.',
        tags: ['entities'],
        querystring: SearchQuery,
        response: { 200: SearchResults, ...errors },
      },
    },
    async (request) => ({ results: await searchEntities(conn, request.query) }),
  );

  app.get(
    '/api/entities/:id',
    {
      schema: {
        summary: 'An entity with its relationships (paged), their evidence and source articles',
        tags: ['entities'],
        params: IdParams,
        querystring: EntityDetailQuery,
        response: { 200: EntityDetail, ...errors },
      },
    },
    async (request) => {
      // The page from the last index built, when the read of the entity saw its graph.
      const found = await entityDetail(conn, request.params.id, request.query, pathIndex.latestOrPlan(request));
      if (!found) throw notFound(`id: no entity "${request.params.id}"`);
      return found;
    },
  );

  app.get(
    '/api/entities/:id/neighborhood',
    {
      schema: {
        summary: 'The subgraph around an entity, as Cytoscape elements',
        tags: ['entities'],
        params: IdParams,
        querystring: NeighborhoodQuery,
        response: { 200: Neighborhood, ...errors },
      },
    },
    async (request) => {
      const found = await neighborhood(conn, { ...request.query, id: request.params.id });
      if (!found) throw notFound(`id: no entity "${request.params.id}"`);
      return { center: request.params.id, ...found };
    },
  );

  app.get(
    '/api/entities/:id/neighbors/counts',
    {
      schema: {
        summary: "An entity's neighbours counted per label and per relationship type (bounded for hubs)",
        tags: ['entities'],
        params: IdParams,
        response: { 200: NeighborCounts, ...errors },
      },
    },
    async (request) => {
      const found = await neighborCounts(conn, request.params.id);
      if (!found) throw notFound(`id: no entity "${request.params.id}"`);
      return found;
    },
  );

  app.get(
    '/api/entities/:id/neighbors',
    {
      schema: {
        summary: "A page of an entity's neighbours of one label and/or type, best connected first, as Cytoscape elements",
        tags: ['entities'],
        params: IdParams,
        querystring: NeighborPageQuery,
        response: { 200: NeighborPage, ...errors },
      },
    },
    async (request) => {
      const found = await neighborPage(conn, { ...request.query, id: request.params.id });
      if (!found) throw notFound(`id: no entity "${request.params.id}"`);
      return { center: request.params.id, offset: request.query.offset, ...found };
    },
  );
};
