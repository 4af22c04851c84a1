// GET /api/events: the exchanges in time order, with who took part.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Neo4jConnection } from '../../store/neo4j.ts';
import { listEvents } from '../../store/read.ts';
import { ErrorResponse, Events, EventsQuery } from '../schemas.ts';

export const eventRoutes: FastifyPluginAsyncZod<{ conn: Neo4jConnection }> = async (app, { conn }) => {
  app.get(
    '/api/events',
    {
      schema: {
        summary: 'Events in time order, optionally in one city and a date range, with participants',
        tags: ['events'],
        querystring: EventsQuery,
        response: { 200: Events, 400: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (request) => ({ events: await listEvents(conn, request.query) }),
  );
};
