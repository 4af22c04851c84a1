// GET /api/review/duplicates: the analysts' queue of likely duplicates. Accepting one is a merge
// correction, dismissing one a dismiss correction (POST /api/corrections); dismissed pairs stay out.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DuplicateQuery, DuplicateReview } from '../../curation/schema.ts';
import { reviewDuplicates } from '../../curation/store.ts';
import type { Neo4jConnection } from '../../store/neo4j.ts';
import { ErrorResponse } from '../schemas.ts';

export const reviewRoutes: FastifyPluginAsyncZod<{ conn: Neo4jConnection }> = async (app, { conn }) => {
  app.get(
    '/api/review/duplicates',
    {
      schema: {
        summary: 'Likely duplicate entities, best first, with the reasons; accept with a merge correction, dismiss with a dismiss correction',
        tags: ['corrections'],
        querystring: DuplicateQuery,
        response: { 200: DuplicateReview, 400: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (request) => reviewDuplicates(conn, request.query.limit),
  );
};
