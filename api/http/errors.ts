// One error shape for every failure: { statusCode, error, message }. Bad input is a 4xx whose
// message names the field; an unreachable Neo4j is a 503; anything else is a 500 without details
// (logged, never sent).
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
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
    default:
      return error.code?.startsWith('FST_ERR_CTP_') ? `body: ${error.message}` : error.message;
  }
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
    return reply.code(statusCode).send({ statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
}
