// /api/articles: add an article (text, Markdown, HTML or a structured graph document), list,
// show and delete articles.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatFromContentType, parseStructured, StructuredInputError } from '../../extract/document.ts';
import type { ExtractInput } from '../../extract/index.ts';
import { GraphDocument } from '../../graph/schema.ts';
import { ExtractionRefused, type ExtractionPool } from '../../ingest/extraction-pool.ts';
import { ingestDocument, removeArticle } from '../../ingest/service.ts';
import type { Neo4jConnection } from '../../store/neo4j.ts';
import { articleDetail, articleText, listArticles } from '../../store/read.ts';
import { DocumentError } from '../../store/rows.ts';
import { DeadlineError, within } from '../deadline.ts';
import { badRequest, HttpError, notFound } from '../errors.ts';
import {
  ArticleDeleted,
  ArticleDetail,
  ArticleList,
  ArticleQuery,
  ArticleSubmission,
  ArticleText,
  ErrorResponse,
  IdParams,
  IngestResponse,
  Page,
} from '../schemas.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse, 503: ErrorResponse };

type Extract = (input: ExtractInput) => Promise<GraphDocument>;

/** The body of POST /api/articles as a graph document: extracted from text, or taken as given. */
async function documentFrom(body: unknown, contentType: string, query: z.infer<typeof ArticleQuery>, extract: Extract): Promise<GraphDocument> {
  if (typeof body === 'string') {
    const format = formatFromContentType(contentType);
    if (format === null || format === 'json') throw new HttpError(415, `content-type: ${contentType} is not an article format`);
    if (body.trim() === '') throw badRequest('body: the article is empty');
    return titled(await extract({ content: body, format, url: query.url, file: query.file }), query.title);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('body: expected an article or a graph document');
  if ('content' in body || 'format' in body) {
    const parsed = ArticleSubmission.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw badRequest(`body.${issue.path.join('.')}: ${issue.message}`);
    }
    const { content, format, url, file, title } = parsed.data;
    return titled(await extract({ content, format, url, file }), title);
  }
  try {
    return parseStructured(body);
  } catch (error) {
    if (error instanceof StructuredInputError) {
      throw badRequest(error.message.startsWith(error.field) ? `body.${error.message}` : `body.${error.field}: ${error.message}`);
    }
    throw error;
  }
}

function titled(doc: GraphDocument, title: string | undefined): GraphDocument {
  if (!title) return doc;
  return { ...doc, articles: doc.articles.map((a) => ({ ...a, title })) };
}

/** Extraction on the pool; a refused article is an HTTP error (422 over budget, 503 + Retry-After when the queue is full). */
function extractOn(pool: ExtractionPool): Extract {
  return (input) =>
    pool.extract(input).catch((error: unknown) => {
      if (!(error instanceof ExtractionRefused)) throw error;
      throw new HttpError(error.status, error.message, error.status === 503 ? { 'retry-after': '5' } : {});
    });
}

export interface ArticleRouteOptions {
  conn: Neo4jConnection;
  extraction: ExtractionPool;
  /** How long the write may take before the answer is a 503 (Neo4j not answering). */
  writeDeadlineMs: number;
}

export const articleRoutes: FastifyPluginAsyncZod<ArticleRouteOptions> = async (app, { conn, extraction, writeDeadlineMs }) => {
  const extract = extractOn(extraction);
  app.post(
    '/api/articles',
    {
      schema: {
        summary: 'Add an article: text/plain, text/markdown, text/html, or JSON (an ArticleSubmission or a graph document)',
        tags: ['articles'],
        consumes: ['application/json', 'text/plain', 'text/markdown', 'text/html'],
        querystring: ArticleQuery,
        body: z.union([ArticleSubmission, GraphDocument, z.string()]),
        response: { 200: IngestResponse, 201: IngestResponse, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse, ...errors },
        security: [{ bearerAuth: [] }],
      },
      // The body is checked by documentFrom, which picks the shape first so the message names
      // the right field; the querystring goes through zod as everywhere else.
      validatorCompiler: (route) => (route.httpPart === 'body' ? (value: unknown) => ({ value }) : validatorCompiler(route as unknown as Parameters<typeof validatorCompiler>[0])),
    },
    async (request, reply) => {
      const doc = await documentFrom(request.body, request.headers['content-type'] ?? '', request.query, extract);
      try {
        const result = await within(ingestDocument(conn, doc), writeDeadlineMs, () => new DeadlineError(writeDeadlineMs / 1000));
        const somethingNew = result.articles.some((a) => a.status !== 'unchanged');
        return reply.code(somethingNew ? 201 : 200).send(result);
      } catch (error) {
        if (error instanceof DocumentError) throw badRequest(`body.${error.message}`);
        throw error;
      }
    },
  );

  app.get(
    '/api/articles',
    { schema: { summary: 'Stored articles, newest first', tags: ['articles'], querystring: Page, response: { 200: ArticleList, ...errors } } },
    async (request) => listArticles(conn, request.query),
  );

  app.get(
    '/api/articles/:id',
    { schema: { summary: 'An article and the entities it mentions', tags: ['articles'], params: IdParams, response: { 200: ArticleDetail, ...errors } } },
    async (request) => {
      const found = await articleDetail(conn, request.params.id);
      if (!found) throw notFound(`id: no article "${request.params.id}"`);
      return found;
    },
  );

  app.get(
    '/api/articles/:id/text',
    {
      schema: {
        summary: "An article's stored text, with the evidence sentences of its facts located in it (for the reader)",
        tags: ['articles'],
        params: IdParams,
        response: { 200: ArticleText, ...errors },
      },
    },
    async (request) => {
      const found = await articleText(conn, request.params.id);
      if (!found) throw notFound(`id: no article "${request.params.id}"`);
      return found;
    },
  );

  app.delete(
    '/api/articles/:id',
    {
      schema: {
        summary: 'Delete an article and the facts only it states',
        tags: ['articles'],
        params: IdParams,
        response: { 200: ArticleDeleted, ...errors },
        security: [{ bearerAuth: [] }],
      },
    },
    async (request) => {
      const changes = await removeArticle(conn, request.params.id);
      if (!changes) throw notFound(`id: no article "${request.params.id}"`);
      return { deleted: request.params.id, changes };
    },
  );
};
