// /api/corrections: analysts correct the graph (merge, split, rename, relabel, reject, restore,
// add, annotate, dismiss a duplicate candidate), list the audit log and undo.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CorrectionError } from '../../curation/ops.ts';
import { Correction, CorrectionList, CorrectionQuery, CorrectionRequest } from '../../curation/schema.ts';
import { correct, listCorrections, undoCorrection } from '../../curation/store.ts';
import type { Neo4jConnection } from '../../store/neo4j.ts';
import { HttpError } from '../errors.ts';
import { ErrorResponse, IdParams } from '../schemas.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 503: ErrorResponse };

const AnalystHeaders = z.object({
  'x-analyst': z.string().trim().min(1).max(200).optional().describe('who makes the correction (shown in the audit log)'),
});

/** Who corrects: the X-Analyst header, else "api-token" for a token holder, else "anonymous". */
export function analystOf(request: FastifyRequest): string {
  const named = request.headers['x-analyst'];
  if (typeof named === 'string' && named.trim() !== '') return named.trim();
  return request.headers.authorization ? 'api-token' : 'anonymous';
}

/** A CorrectionError as an HTTP error whose message names the field (`prefix` says where it is). */
async function asHttp<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CorrectionError) throw new HttpError(error.status, `${prefix}${error.message}`);
    throw error;
  }
}

export const correctionRoutes: FastifyPluginAsyncZod<{ conn: Neo4jConnection }> = async (app, { conn }) => {
  app.post(
    '/api/corrections',
    {
      schema: {
        summary: 'Correct the graph; the correction is recorded (who: X-Analyst) and survives every later ingest',
        tags: ['corrections'],
        headers: AnalystHeaders,
        body: CorrectionRequest,
        response: { 201: Correction, ...errors },
        security: [{ bearerAuth: [] }],
      },
    },
    async (request, reply) => {
      const correction = await asHttp('body.', () => correct(conn, request.body, analystOf(request)));
      return reply.code(201).send(correction);
    },
  );

  app.get(
    '/api/corrections',
    {
      schema: {
        summary: 'The audit log, newest first, optionally of one entity or relationship',
        tags: ['corrections'],
        querystring: CorrectionQuery,
        response: { 200: CorrectionList, 400: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (request) => ({ corrections: await listCorrections(conn, request.query) }),
  );

  app.post(
    '/api/corrections/:id/undo',
    {
      schema: {
        summary: 'Undo a correction: a new correction that reverses it',
        tags: ['corrections'],
        headers: AnalystHeaders,
        params: IdParams,
        body: z.object({ note: z.string().trim().max(2000).optional() }).nullish().describe('optional: why'),
        response: { 201: Correction, ...errors },
        security: [{ bearerAuth: [] }],
      },
    },
    async (request, reply) => {
      const correction = await asHttp('', () => undoCorrection(conn, request.params.id, analystOf(request), request.body?.note ?? null));
      return reply.code(201).send(correction);
    },
  );
};
