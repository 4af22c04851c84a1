// /api/articles: add an article (text, Markdown, HTML or a structured graph document), list,
// show and delete articles.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatFromContentType, parseStructured, StructuredInputError } from '../../extract/document.ts';
import { extractArticle } from '../../extract/index.ts';
import { GraphDocument } from '../../graph/schema.ts';
import { ingestDocument, removeArticle } from '../../ingest/service.ts';
import type { Neo4jConnection } from '../../store/neo4j.ts';
import { articleDetail, listArticles } from '../../store/read.ts';
import { DocumentError } from '../../store/rows.ts';
import { badRequest, HttpError, notFound } from '../errors.ts';
import {
  ArticleDeleted,
  ArticleDetail,
  ArticleList,
  ArticleQuery,
  ArticleSubmission,
  ErrorResponse,
  IdParams,
  IngestResponse,
  Page,
} from '../schemas.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse, 503: ErrorResponse };

/** The body of POST /api/articles as a graph document: extracted from text, or taken as given. */
function documentFrom(body: unknown, contentType: string, query: z.infer<typeof ArticleQuery>): GraphDocument {
  if (typeof body === 'string') {
    const format = formatFromContentType(contentType);
    if (format === null || format === 'json') throw new HttpError(415, `content-type: ${contentType} is not an article format`);
    if (body.trim() === '') throw badRequest('body: the article is empty');
    return titled(extractArticle({ content: body, format, url: query.url, file: query.file }), query.title);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('body: expected an article or a graph document');
  if ('content' in body || 'format' in body) {
    const parsed = ArticleSubmission.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw badRequest(`body.${issue.path.join('.')}: ${issue.message}`);
    }
    const { content, format, url, file, title } = parsed.data;
    return titled(extractArticle({ content, format, url, file }), title);
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

export const articleRoutes: FastifyPluginAsyncZod<{ conn: Neo4jConnection }> = async (app, { conn }) => {
  app.post(
    '/api/articles',
    {
      schema: {
        summary: 'Add an article: text/plain, text/markdown, text/html, or JSON (an ArticleSubmission or a graph document)',
        tags: ['articles'],
        consumes: ['application/json', 'text/plain', 'text/markdown', 'text/html'],
        querystring: ArticleQuery,
        body: z.union([ArticleSubmission, GraphDocument, z.string()]),
        response: { 200: IngestResponse, 201: IngestResponse, 413: ErrorResponse, 415: ErrorResponse, ...errors },
        security: [{ bearerAuth: [] }],
      },
      // The body is checked by documentFrom, which picks the shape first so the message names
      // the right field; the querystring goes through zod as everywhere else.
      validatorCompiler: (route) => (route.httpPart === 'body' ? (value: unknown) => ({ value }) : validatorCompiler(route as unknown as Parameters<typeof validatorCompiler>[0])),
    },
    async (request, reply) => {
      const doc = documentFrom(request.body, request.headers['content-type'] ?? '', request.query);
      try {
        const result = await ingestDocument(conn, doc);
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
