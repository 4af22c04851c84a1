// One error shape for every failure: { statusCode, error, message }. Bad input is a 4xx whose
// message names the field; an unreachable Neo4j is a 503; anything else is a 500 without details
// (logged, never sent).
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    /** Sent with the error, e.g. Retry-After on a 503. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (message: string) => new HttpError(404, message);
export const badRequest = (message: string) => new HttpError(400, message);

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/**
 * The driver could not reach a server (or the database is starting or stopping), or a transient
 * error (deadlock, lock timeout) outlasted the driver's retries: the client should try again.
 */
export function isNeo4jUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.'));
}

function fieldOf(path: string): string {
  return path.replace(/^\//, '').replaceAll('/', '.');
}

function messageOf(error: FastifyError, bodyLimit: number): string {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext ?? 'request';
    return error.validation
      .map((issue) => {
        const field = fieldOf(issue.instancePath);
        return `${field ? `${part}.${field}` : part}: ${issue.message}`;
      })
      .join('; ');
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `body: larger than the limit of ${bodyLimit} bytes`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'content-type: not supported; send text/plain, text/markdown, text/html or application/json';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'body: empty JSON body';
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return `url: a path parameter is longer than ${MAX_PARAM_LENGTH} characters`;
    case 'FST_ERR_BAD_URL':
      return 'url: not a valid URL (bad percent-encoding?)';
    default:
      return error.code?.startsWith('FST_ERR_CTP_') ? `body: ${error.message}` : error.message;
  }
}

/** The longest path parameter the router accepts (ids are capped well below, see ID_MAX_LENGTH). */
export const MAX_PARAM_LENGTH = 4096;

const errorBody = (statusCode: number, message: string) => ({ statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message });

/**
 * Errors the router meets before any route runs (a path parameter over MAX_PARAM_LENGTH, a bad
 * percent-encoding): Fastify's own replies would not have the documented shape.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const statusCode = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
  reply.code(statusCode).send(errorBody(statusCode, messageOf(error, 0)));
}

/**
 * Errors Node's HTTP parser meets before Fastify sees a request (headers over the size limit, a
 * malformed request line, a client too slow to send its request): the documented shape too.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [statusCode, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers: larger than the server accepts (the URL counts too)']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request: not received in time']
        : error.code === 'HPE_URI_TOO_LONG'
          ? [414, 'url: too long']
          : [400, 'request: not a valid HTTP request'];
  const body = JSON.stringify(errorBody(statusCode, message));
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

export function installErrorHandlers(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let statusCode = error instanceof HttpError ? error.statusCode : (error.statusCode ?? 500);
    let message: string;
    if (error instanceof HttpError) reply.headers(error.headers);
    if (isNeo4jUnavailable(error)) {
      statusCode = 503;
      message = 'Neo4j is unreachable or busy; try again shortly';
      reply.header('retry-after', '5');
      request.log.warn({ code: error.code }, 'neo4j unavailable');
    } else if (statusCode >= 500 && !(error instanceof HttpError)) {
      statusCode = 500;
      message = 'internal error; see the server log';
      request.log.error(error);
    } else {
      message = messageOf(error, bodyLimit);
    }
    return reply.code(statusCode).send(errorBody(statusCode, message));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(errorBody(404, `no route ${request.method} ${request.url.split('?')[0]!.slice(0, 200)}`));
  });
}
