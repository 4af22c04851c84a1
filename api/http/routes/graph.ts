// /api/graph: the whole curated graph in the contract's format (and back in), and the viewer's first picture.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportCuratedGraph, importCuratedGraph } from '../../curation/export.ts';
import { CuratedGraph } from '../../curation/schema.ts';
import type { Neo4jConnection } from '../../store/neo4j.ts';
import type { OverviewCache } from '../../store/overview.ts';
import { DocumentError } from '../../store/rows.ts';
import { badRequest } from '../errors.ts';
import { Changes, ElementsQuery, ErrorResponse, GraphElements } from '../schemas.ts';

const Imported = z
  .object({ articles: z.number().int(), nodes: z.number().int(), relationships: z.number().int(), corrections: z.number().int(), changes: Changes })
  .meta({ id: 'Imported' });

export const graphRoutes: FastifyPluginAsyncZod<{ conn: Neo4jConnection; overviews: OverviewCache }> = async (app, { conn, overviews }) => {
  app.get(
    '/api/graph',
    {
      schema: {
        summary: 'The whole graph in the graph contract format with its corrections (what npm run export writes)',
        tags: ['graph'],
        response: { 200: CuratedGraph, 503: ErrorResponse },
      },
    },
    async () => exportCuratedGraph(conn),
  );

  app.post(
    '/api/graph',
    {
      schema: {
        summary: 'Import what GET /api/graph (npm run export) gave, corrections included, e.g. into an empty Neo4j',
        tags: ['graph'],
        body: CuratedGraph,
        response: { 201: Imported, 400: ErrorResponse, 401: ErrorResponse, 413: ErrorResponse, 503: ErrorResponse },
        security: [{ bearerAuth: [] }],
      },
    },
    async (request, reply) => {
      try {
        return reply.code(201).send(await importCuratedGraph(conn, request.body));
      } catch (error) {
        if (error instanceof DocumentError) throw badRequest(`body.${error.message}`);
        throw error;
      }
    },
  );

  app.get(
    '/api/graph/elements',
    {
      schema: {
        summary: 'The best-connected part of the graph as Cytoscape elements (the viewer’s first load)',
        tags: ['graph'],
        querystring: ElementsQuery,
        response: { 200: GraphElements, 400: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (request) => overviews.get({ ...request.query, edgeLimit: request.query.edges }),
  );
};
