// GET /api/events: the exchanges in time order, with who took part; GET /api/exchanges: what passed
// between two entities, item by item and per year.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Neo4jConnection } from '../../store/neo4j.ts';
import { exchangesBetween, listEvents } from '../../store/read.ts';
import { notFound } from '../errors.ts';
import { ErrorResponse, Events, EventsQuery, Exchanges, ExchangesQuery } from '../schemas.ts';

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

  app.get(
    '/api/exchanges',
    {
      schema: {
        summary: 'Exchanges between two entities (visits, meetings, twinning, shared events), each dated, and counts per year',
        tags: ['events'],
        querystring: ExchangesQuery,
        response: { 200: Exchanges, 400: ErrorResponse, 404: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (request) => {
      const found = await exchangesBetween(conn, request.query.a, request.query.b);
      if (typeof found === 'string') throw notFound(found);
      return found;
    },
  );
};
