// Who may write. With API_TOKEN set, writes (POST, PUT, PATCH, DELETE) need `Authorization: Bearer
// <API_TOKEN>` (the scheme in any case, RFC 9110) and reads stay open. Without a token the server
// listens on loopback only, so a browser on this machine is the one way in from outside it: the
// Host must be a loopback name (no DNS rebinding) and writes must not come from another site (no
// CSRF through a text/plain form or fetch that needs no preflight).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const BEARER = /^bearer[ \t]+(\S+)[ \t]*$/i;

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function requireTokenForWrites(app: FastifyInstance, apiToken: string): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!WRITE_METHODS.has(request.method)) return;
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (!sameToken(token, apiToken)) {
      reply.header('WWW-Authenticate', 'Bearer');
      throw new HttpError(401, 'authorization: writes need "Authorization: Bearer <API_TOKEN>"');
    }
  });
}

/** "localhost", "127.0.0.1" (any 127.x), "[::1]", each with or without a port. */
const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/i;

function loopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOST.test(url.host);
  } catch {
    return false; // "null" (a sandboxed frame, a file:// page) or junk
  }
}

/** Why a write from this request is refused, or null when it comes from this machine's own pages or a non-browser client. */
function crossSiteWrite(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (origin !== undefined && !loopbackOrigin(origin)) return `origin: writes from ${origin} are refused (no API_TOKEN: only pages served from this machine may write)`;
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site') return 'sec-fetch-site: cross-site writes are refused (no API_TOKEN: only pages served from this machine may write)';
  return null;
}

export function loopbackOnly(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const host = request.headers.host ?? '';
    if (!LOOPBACK_HOST.test(host)) {
      throw new HttpError(403, `host: "${host.slice(0, 100)}" is not this server; without API_TOKEN it answers to localhost, 127.0.0.1 and [::1] only`);
    }
    if (!WRITE_METHODS.has(request.method)) return;
    const refused = crossSiteWrite(request);
    if (refused) throw new HttpError(403, refused);
  });
}
