// /api/graph: the whole graph in the contract's format, and the viewer's first picture.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { GraphDocument } from '../../graph/schema.ts';
import type { Neo4jConnection } from '../../store/neo4j.ts';
import { exportGraph, graphElements } from '../../store/read.ts';
import { ElementsQuery, ErrorResponse, GraphElements } from '../schemas.ts';

export const graphRoutes: FastifyPluginAsyncZod<{ conn: Neo4jConnection }> = async (app, { conn }) => {
  app.get(
    '/api/graph',
    {
      schema: {
        summary: 'The whole graph in the graph contract format (what npm run export writes)',
        tags: ['graph'],
        response: { 200: GraphDocument, 503: ErrorResponse },
      },
    },
    async () => exportGraph(conn),
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
    async (request) => graphElements(conn, { ...request.query, edgeLimit: request.query.edges }),
  );
};
