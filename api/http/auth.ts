// Writes (POST, PUT, PATCH, DELETE) need `Authorization: Bearer <API_TOKEN>` when a token is
// configured. Reads stay open.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.ts';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function requireTokenForWrites(app: FastifyInstance, apiToken: string): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!WRITE_METHODS.has(request.method)) return;
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!sameToken(token, apiToken)) {
      reply.header('WWW-Authenticate', 'Bearer');
      throw new HttpError(401, 'authorization: writes need "Authorization: Bearer <API_TOKEN>"');
    }
  });
}
