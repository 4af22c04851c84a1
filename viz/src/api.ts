// Typed client for the HTTP API (docs: /docs, shapes agreed in the team's interfaces §3).
// Every failure becomes an ApiError whose message an analyst can read on screen.
import type { z } from 'zod';
import type { Article, CyElements, EntityLabel, RelationshipType } from '../../api/graph/schema.ts';

export type { CyElements, EntityLabel, RelationshipType };

// Response shapes are the API's own zod schemas (type-only import: nothing of the server is bundled).
type Schema = typeof import('../../api/http/schemas.ts');
type Body<K extends keyof Schema> = Schema[K] extends z.ZodType ? z.infer<Schema[K]> : never;

export type EntityRef = Body<'EntityRef'>;
export type SearchResult = Body<'SearchResults'>['results'][number];
export type SourceRef = Body<'SourceRef'>;
export type EntityDetails = Body<'EntityDetail'>;
export type EntityRelationship = EntityDetails['relationships'][number];
export type PathResult = Body<'Paths'>;
export type GraphElements = Body<'GraphElements'>;
export type Neighborhood = Body<'Neighborhood'>;
export type Health = Body<'Health'>;
export type Exchanges = Body<'Exchanges'>;
export type ArticleText = Body<'ArticleText'>;
export type NeighborCounts = Body<'NeighborCounts'>;
export type NeighborPage = Body<'NeighborPage'>;
type Curation = typeof import('../../api/curation/schema.ts');
export type Correction = z.infer<Curation['Correction']>;
export type CorrectionRequest = z.input<Curation['CorrectionRequest']>;
export type DuplicateReview = z.infer<Curation['DuplicateReview']>;
export type RejectedRelationship = EntityDetails['rejected'][number];

/** A failed call: `kind` tells the UI which state to show. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'not-found' | 'bad-request' | 'server',
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | undefined | null>;

function url(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Who the viewer's corrections come from, and the API token when the server wants one (kept in this browser). */
export const credentials = {
  get analyst(): string {
    return localStorage.getItem('analyst') ?? '';
  },
  set analyst(name: string) {
    localStorage.setItem('analyst', name);
  },
  get token(): string {
    return localStorage.getItem('apiToken') ?? '';
  },
  set token(token: string) {
    localStorage.setItem('apiToken', token);
  },
};

async function getJson<T>(path: string, query?: Query, signal?: AbortSignal, write?: { body: unknown }): Promise<T> {
  let response: Response;
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (write) {
      headers['content-type'] = 'application/json';
      if (credentials.analyst) headers['x-analyst'] = credentials.analyst;
      if (credentials.token) headers.authorization = `Bearer ${credentials.token}`;
    }
    response = await fetch(url(path, query), write ? { method: 'POST', headers, body: JSON.stringify(write.body) } : { headers, signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('API unreachable: the server did not answer. Is `npm start` running?', 'unreachable', null);
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy or static server answering with HTML means the API itself is not there.
    if (!response.ok || response.headers.get('content-type')?.includes('text/html')) {
      throw new ApiError(`API unreachable: ${path} answered HTTP ${response.status} without JSON`, 'unreachable', response.status);
    }
  }
  if (!response.ok) {
    const message =
      body && typeof body === 'object' && 'message' in body && typeof body.message === 'string'
        ? body.message
        : `HTTP ${response.status}`;
    const kind =
      response.status === 404 ? 'not-found' : response.status < 500 ? 'bad-request' : response.status === 502 || response.status === 504 ? 'unreachable' : 'server';
    throw new ApiError(message, kind, response.status);
  }
  return body as T;
}

export const api = {
  health: () => getJson<Health>('/api/health'),

  graphElements: (q: { limit?: number; edges?: number; labels?: string; types?: string; since?: string; until?: string } = {}) =>
    getJson<GraphElements>('/api/graph/elements', q),

  searchEntities: (q: string, opts: { label?: string; limit?: number } = {}, signal?: AbortSignal) =>
    getJson<{ results: SearchResult[] }>('/api/entities', { q, label: opts.label, limit: opts.limit ?? 10 }, signal),

  entity: (id: string) => getJson<EntityDetails>(`/api/entities/${encodeURIComponent(id)}`),

  neighborhood: (id: string, q: { depth?: number; limit?: number } = {}) =>
    getJson<Neighborhood>(`/api/entities/${encodeURIComponent(id)}/neighborhood`, { depth: q.depth ?? 1, limit: q.limit }),

  paths: (q: { from: string; to: string; maxHops: number; k?: number; types?: string; since?: string; until?: string }) =>
    getJson<PathResult>('/api/paths', { ...q, k: q.k ?? 3 }),

  exchanges: (a: string, b: string) => getJson<Body<'Exchanges'>>('/api/exchanges', { a, b }),

  article: (id: string) => getJson<Body<'ArticleDetail'>>(`/api/articles/${encodeURIComponent(id)}`),

  articleText: (id: string) => getJson<ArticleText>(`/api/articles/${encodeURIComponent(id)}/text`),

  neighborCounts: (id: string) => getJson<NeighborCounts>(`/api/entities/${encodeURIComponent(id)}/neighbors/counts`),

  neighbors: (id: string, q: { label?: string; type?: string; offset?: number; limit?: number }) =>
    getJson<NeighborPage>(`/api/entities/${encodeURIComponent(id)}/neighbors`, q),

  corrections: (q: { entity?: string; relationship?: string; limit?: number } = {}) => getJson<{ corrections: Correction[] }>('/api/corrections', q),

  correct: (body: CorrectionRequest) => getJson<Correction>('/api/corrections', {}, undefined, { body }),

  undo: (id: string) => getJson<Correction>(`/api/corrections/${encodeURIComponent(id)}/undo`, {}, undefined, { body: {} }),

  duplicates: (limit = 50) => getJson<DuplicateReview>('/api/review/duplicates', { limit }),
};

const articleCache = new Map<string, Promise<Article | null>>();

/** Article metadata by id, fetched once; null when the article is gone. */
export function articleById(id: string): Promise<Article | null> {
  let pending = articleCache.get(id);
  if (!pending) {
    pending = api.article(id).then(
      (r) => r.article,
      () => null,
    );
    articleCache.set(id, pending);
  }
  return pending;
}
