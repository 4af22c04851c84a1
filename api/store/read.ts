// Named read queries (cypher/*.cypher) -> plain objects in the API's shapes. Every read goes
// through a read session (executeRead, or readOnce for a hot route's single query) so a cluster
// routes it to a reader; Neo4j integers come back as numbers.
import neo4j, { type ManagedTransaction, type QueryResult, type Record as Neo4jRecord } from 'neo4j-driver';
import type { z } from 'zod';
import {
  ENTITY_LABELS,
  RELATIONSHIP_TYPES,
  type Article,
  type CyEdge,
  type CyElements,
  type CyNode,
  type GraphDocument,
  type GraphNode,
  type RelationshipType,
} from '../graph/schema.ts';
import type * as Api from '../http/schemas.ts';
import { TextIndex } from '../graph/passages.ts';
import { REJECTED_PREFIX } from '../curation/ops.ts';
import { cypher, cypherWithTypes } from './cypher.ts';
import { allWordsQuery, fulltextQuery, rankHits } from './fulltext.ts';
import type { Neo4jConnection } from './neo4j.ts';
import type { DetailPage } from './fact-pages.ts';
import type { CheckedPathIndex, PathFilter, PathIndex } from './path-index.ts';
import { PathSearch, type StepRow } from './path-search.ts';
import type { AliasKeys } from './rows.ts';
import { plain, RELATIONSHIP_BOOKKEEPING, relationshipProperties, toCyEdge, toCyNode, toGraphNode, toGraphRelationship } from './stored.ts';

type Row = Record<string, unknown>;

/** Relationship types between entities (MENTIONS links articles, never entities). */
export const FACT_TYPES = RELATIONSHIP_TYPES.filter((t) => t !== 'MENTIONS');

export async function read<T>(conn: Neo4jConnection, work: (tx: ManagedTransaction) => Promise<T>, config?: { timeout?: number }): Promise<T> {
  const session = conn.driver.session({ database: conn.database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(work, config);
  } finally {
    await session.close();
  }
}

async function rows(tx: ManagedTransaction, name: string, params: Row = {}): Promise<Row[]> {
  return plainRows(await tx.run(cypher(name), params));
}

const plainRows = (result: QueryResult): Row[] => result.records.map((r) => plain(r.toObject()) as Row);

/**
 * One query as an auto-commit read: one round trip (RUN and PULL) where a transaction function
 * takes three (BEGIN, RUN and PULL, COMMIT), for the hot routes that need a single query; with the
 * bookmarks it ended with. A failure the driver would retry (a cluster member gone) is retried
 * through executeRead (then without bookmarks).
 */
async function readOnce(conn: Neo4jConnection, query: string, params: Row, config?: { timeout?: number }): Promise<{ rows: Row[]; bookmarks: string[] }> {
  const session = conn.driver.session({ database: conn.database, defaultAccessMode: neo4j.session.READ });
  try {
    const rows = plainRows(await session.run(query, params, config));
    return { rows, bookmarks: session.lastBookmarks() };
  } catch (error) {
    if (!neo4j.isRetryableError(error)) throw error;
  } finally {
    await session.close();
  }
  return { rows: await read(conn, async (tx) => plainRows(await tx.run(query, params)), config), bookmarks: [] };
}

const int = (n: number) => neo4j.int(Math.trunc(n));

// The answers' shapes are the API's zod schemas (type-only: the store does not load the HTTP layer).
export type EntityRef = z.infer<typeof Api.EntityRef>;

// ---- server -----------------------------------------------------------------------------------

export interface ServerInfo {
  version: string;
  edition: string;
  counts: NonNullable<z.infer<typeof Api.Health>['counts']>;
}

export async function serverInfo(conn: Neo4jConnection): Promise<ServerInfo> {
  const [row] = await read(conn, (tx) => rows(tx, 'server-info'));
  return {
    version: String(row?.version ?? ''),
    edition: String(row?.edition ?? ''),
    counts: { nodes: Number(row?.nodes ?? 0), relationships: Number(row?.relationships ?? 0) },
  };
}

// ---- articles ---------------------------------------------------------------------------------

export async function listArticles(conn: Neo4jConnection, page: { limit: number; offset: number }): Promise<{ articles: Article[]; total: number }> {
  return read(conn, async (tx) => {
    const list = await rows(tx, 'list-articles', { limit: int(page.limit), offset: int(page.offset) });
    const [count] = await rows(tx, 'count-articles');
    return { articles: list.map((r) => r.article as Article), total: Number(count?.total ?? 0) };
  });
}

export async function articleDetail(conn: Neo4jConnection, id: string): Promise<{ article: Article; mentions: EntityRef[] } | null> {
  const [row] = await read(conn, (tx) => rows(tx, 'article-detail', { id }));
  return row ? { article: row.article as Article, mentions: row.mentions as EntityRef[] } : null;
}

export type ArticleText = z.infer<typeof Api.ArticleText>;
type FactRef = ArticleText['passages'][number]['facts'][number];

/** Facts read for one article's reader: every fact of an ordinary article, bounded for one naming thousands. */
const READER_FACTS = 2000;

/**
 * An article's stored text with the evidence sentences of its facts located in it (or in its
 * title); null when the article is unknown.
 */
export async function articleText(conn: Neo4jConnection, id: string): Promise<ArticleText | null> {
  const [row] = await read(conn, (tx) => rows(tx, 'article-text', { id, types: FACT_TYPES, limit: int(READER_FACTS) }));
  if (!row) return null;
  const article = row.article as Article;
  const text = (row.text as string | null) ?? null;
  const bySentence = new Map<string, { facts: FactRef[]; ours: boolean }>();
  for (const f of row.facts as Row[]) {
    const fact: FactRef = { id: String(f.id), type: f.type as RelationshipType, source: f.source as EntityRef, target: f.target as EntityRef };
    const evidence = (f.evidence as string[] | null) ?? [];
    const evidenceSources = (f.evidenceSources as string[] | null) ?? [];
    evidence.forEach((sentence, i) => {
      const entry = bySentence.get(sentence) ?? { facts: [], ours: false };
      if (!entry.facts.some((x) => x.id === fact.id)) entry.facts.push(fact);
      entry.ours ||= evidenceSources[i] === id;
      bySentence.set(sentence, entry);
    });
  }
  const inTitle = new TextIndex(article.title);
  const inText = text === null ? null : new TextIndex(text);
  const passages: ArticleText['passages'] = [];
  const unplaced: ArticleText['unplaced'] = [];
  for (const [sentence, { facts, ours }] of bySentence) {
    const body = inText?.locate(sentence);
    const title = body ? null : inTitle.locate(sentence);
    const at = body ?? title;
    if (at) passages.push({ field: body ? 'text' : 'title', ...at, sentence, facts });
    else if (ours) unplaced.push({ sentence, facts });
  }
  passages.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === 'title' ? -1 : 1));
  return { article, text, passages, unplaced };
}

// ---- entities ---------------------------------------------------------------------------------

export type SearchHit = z.infer<typeof Api.SearchResults>['results'][number];

/** Lucene's best hits re-ranked by how they match: exact and prefix names first, then aliases, then typos. */
export async function searchEntities(conn: Neo4jConnection, opts: { q: string; label?: string; limit: number }): Promise<SearchHit[]> {
  const query = fulltextQuery(opts.q);
  if (query === '') return [];
  const candidates = Math.max(SEARCH_CANDIDATES, opts.limit * 5);
  const found = await read(conn, (tx) => searchRows(tx, { query, label: opts.label ?? null, limit: candidates }));
  const hits = found.map((r) => ({ id: r.id as string, label: r.label as SearchHit['label'], name: r.name as string, aliases: r.aliases as string[], score: r.score as number }));
  return rankHits(opts.q, hits).slice(0, opts.limit);
}

/** How many of Lucene's hits are re-ranked: enough that the exact name is among them behind many longer ones. */
const SEARCH_CANDIDATES = 100;

/** The best `limit` hits of a Lucene query, by score, then the shorter name, then the id (cypher/search-entities.cypher). */
export async function searchRows(tx: ManagedTransaction, params: { query: string; label: string | null; limit: number }): Promise<Row[]> {
  return rows(tx, 'search-entities', { ...params, limit: int(params.limit) });
}

/**
 * Entities by id, else by name or alias (any label), else the best-scored entity whose name
 * contains every word ("Lyu"); null if none. No typo tolerance here: a guess would hide a 404.
 * All ids in one query, names one by one.
 */
async function resolveEnds(tx: ManagedTransaction, refs: string[], aliasKeys: AliasKeys): Promise<(EntityRef | null)[]> {
  const byId = await rows(tx, 'entities-by-id', { ids: refs });
  return Promise.all(refs.map(async (ref, i) => (byId[i]?.entity as EntityRef | null) ?? resolveName(tx, ref, aliasKeys)));
}

async function resolveName(tx: ManagedTransaction, ref: string, aliasKeys: AliasKeys): Promise<EntityRef | null> {
  const keys = [...new Set(ENTITY_LABELS.flatMap((label) => aliasKeys({ id: ref, label, name: ref, aliases: [], properties: {} })))];
  const [byName] = await rows(tx, 'entities-by-name', { keys });
  if (byName) return byName as unknown as EntityRef;
  const query = allWordsQuery(ref);
  if (query === '') return null;
  const [hit] = await searchRows(tx, { query, label: null, limit: 1 });
  return hit ? ({ id: hit.id, label: hit.label, name: hit.name } as EntityRef) : null;
}

export type EntityRelationship = z.infer<typeof Api.EntityDetail>['relationships'][number];
type SourceRef = z.infer<typeof Api.SourceRef>;

export const toSourceRef = (s: Row): SourceRef => ({ id: String(s.id), title: String(s.title ?? ''), url: (s.url as string) ?? null, publishedAt: (s.publishedAt as string) ?? null });

/** A relationship an analyst rejected: out of every query, listed with its entity so it can be restored. */
export type RejectedRelationship = z.infer<typeof Api.EntityDetail>['rejected'][number];

/** For each (distinct) evidence sentence the article first recorded as stating it ("analyst:NAME" for an analyst's). */
export function evidenceSourcesOf(evidence: string[], evidenceSources: string[] | null): string[] {
  const sources = evidenceSources ?? [];
  return [...new Set(evidence)].map((sentence) => sources[evidence.indexOf(sentence)] ?? '');
}

/** The fact types and their rejected forms, written into the entity query's patterns (cypherWithTypes). */
const DETAIL_TYPES = { types: FACT_TYPES, rejectedTypes: FACT_TYPES.map((t) => `${REJECTED_PREFIX}${t}`) };
let detailQueries: { entity: string; entityAndPage: string } | null = null;

/** entity-detail.cypher whole, and its first part alone (the entity's row) for a page built from the index. */
function entityDetailQueries(): { entity: string; entityAndPage: string } {
  const entityAndPage = cypherWithTypes('entity-detail', DETAIL_TYPES);
  return { entity: entityAndPage.split(/^UNION ALL$/m)[0]!, entityAndPage };
}

/** Finds an article as a source (title, URL, date) by id; undefined when the graph has none. */
type ArticleLookup = (id: string) => SourceRef | undefined;

type EntityDetail = { node: GraphNode; relationships: EntityRelationship[]; total: number; rejected: RejectedRelationship[] };

/**
 * An entity with a page of its relationships; `total` counts them all. null when the entity is
 * unknown. With an index that holds pages of facts (`latest`, PathIndexCache.latestOrPlan) the read
 * asks Neo4j for the entity's row only, and when that read saw the graph the index was built from,
 * the page comes from the index (PathIndex.detailPage: the same facts in the same order, without
 * Neo4j's sort and per-fact reads); else the whole query with the articles in the same transaction.
 * With an index without pages (a graph above PathIndexOptions.maxPageRelationships) the entity and
 * its page come in one query and the page's source articles from the index when that read saw its
 * graph, else from Neo4j: in the same transaction when there is no index, in a second read when the
 * graph has changed since it was built.
 */
export async function entityDetail(conn: Neo4jConnection, id: string, page: DetailPage, latest: CheckedPathIndex | null = null): Promise<EntityDetail | null> {
  detailQueries ??= entityDetailQueries();
  const { entity, entityAndPage } = detailQueries;
  const params = { id, bookkeeping: RELATIONSHIP_BOOKKEEPING, offset: int(page.offset), limit: int(page.limit), maxSources: int(page.sources) };
  let articlesFrom = latest;
  if (latest?.index.hasPages) {
    const { answer: records, bookmarks } = await readWithBookmarks(conn, async (tx) => (await tx.run(entity, params)).records);
    const row = records[0];
    if (!row) return null;
    if (latest.builtFrom(graphSeen(row, bookmarks))) {
      const facts = latest.index.detailPage(id, page);
      if (facts) return detailOf(row, facts as EntityRelationship[]);
    }
    articlesFrom = null;
  }
  const sourceIdsOf = (facts: Neo4jRecord[]) => [...new Set(facts.flatMap((r) => r.get('sourceIds') as string[]))];
  const { answer: found, bookmarks } = await readWithBookmarks(conn, async (tx) => {
    const { records } = await tx.run(entityAndPage, params);
    return { records, ...(articlesFrom ? {} : { articles: await articlesById(tx, sourceIdsOf(records.filter(isFact))) }) };
  });
  // The entity's row, then its page of facts (entity-detail.cypher's two parts).
  const row = found.records.find((r) => r.get('node') !== null);
  if (!row) return null;
  const facts = found.records.filter(isFact);
  let articles = facts.length === 0 ? () => undefined : found.articles;
  if (!articles && articlesFrom?.builtFrom(graphSeen(row, bookmarks))) {
    const { index } = articlesFrom;
    articles = (sourceId) => index.article(sourceId);
  }
  articles ??= await read(conn, (tx) => articlesById(tx, sourceIdsOf(facts)));
  const relationships = facts.map((r) => ({
    ...seenFrom(r.get('id'), r.get('type'), r.get('direction'), r.get('other'), r.get('properties'), r.get('evidence')),
    evidenceSources: evidenceSourcesOf(r.get('evidence'), r.get('evidenceSources')),
    sources: (r.get('sourceIds') as string[]).map((sourceId) => articles(sourceId)).filter((a) => a !== undefined),
    sourceCount: Number(r.get('sourceCount')),
  }));
  return detailOf(row, relationships);
}

/** What the read of entity-detail.cypher's entity row saw of the graph (GraphStamp.since). */
const graphSeen = (row: Neo4jRecord, bookmarks: string[]) => ({ ...(plain(row.get('graph')) as { nodes: number; relationships: number }), bookmarks });

/** One read transaction's answer and the bookmarks it ended with (GraphStamp.since compares them). */
async function readWithBookmarks<T>(conn: Neo4jConnection, work: (tx: ManagedTransaction) => Promise<T>): Promise<{ answer: T; bookmarks: string[] }> {
  const session = conn.driver.session({ database: conn.database, defaultAccessMode: neo4j.session.READ });
  try {
    const answer = await session.executeRead(work);
    return { answer, bookmarks: session.lastBookmarks() };
  } finally {
    await session.close();
  }
}

/** The answer from entity-detail.cypher's entity row and a page of facts. */
function detailOf(row: Neo4jRecord, relationships: EntityRelationship[]): EntityDetail {
  const rejected = (row.get('rejected') as Row[]).map((r) => ({
    ...seenFrom(r.id, r.type, r.direction, r.other, r.properties, r.evidence),
    rejectedBy: String(r.rejectedBy ?? ''),
    rejectedIn: String(r.rejectedIn ?? ''),
    restatedSince: Number(r.restatedSince ?? 0),
  }));
  return { node: toGraphNode(row.get('node') as Row), relationships, total: Number(row.get('total')), rejected };
}

/** A fact row of entity-detail.cypher (the entity's own row has no fact id). */
const isFact = (r: Neo4jRecord) => r.get('id') !== null;

/** The articles with these ids (cypher/articles-by-id.cypher) as sources, by id. */
async function articlesById(tx: ManagedTransaction, ids: string[]): Promise<ArticleLookup> {
  if (ids.length === 0) return () => undefined;
  const byId = new Map((await rows(tx, 'articles-by-id', { ids })).map((a) => [String(a.id), toSourceRef(a)]));
  return (id) => byId.get(id);
}

/** A relationship as seen from the entity (the fields entity-detail.cypher returns for each fact and rejected one). */
function seenFrom(id: unknown, type: unknown, direction: unknown, other: unknown, properties: unknown, evidence: unknown) {
  return {
    id: String(id),
    type: type as RelationshipType,
    direction: direction as 'out' | 'in',
    other: other as EntityRef,
    properties: relationshipProperties(Object.fromEntries(properties as [string, unknown][])),
    evidence: [...new Set(evidence as string[])],
  };
}

// ---- subgraphs --------------------------------------------------------------------------------

export interface GraphFilter {
  types?: string[];
  labels?: string[];
  since?: string;
  until?: string;
}

const filterParams = (f: GraphFilter) => ({
  types: f.types && f.types.length > 0 ? f.types : FACT_TYPES,
  labels: f.labels && f.labels.length > 0 ? f.labels : null,
  since: f.since ?? null,
  until: f.until ?? null,
});

function elementsOf(row: Row | undefined): CyElements {
  return {
    nodes: ((row?.nodes as Row[]) ?? []).map(toCyNode),
    edges: ((row?.edges as Row[]) ?? []).map(toCyEdge),
  };
}

/**
 * The entities within `depth` hops of `id` (one query per ring, at most `limit` entities) and
 * the relationships among them. null when the entity is unknown.
 */
export async function neighborhood(
  conn: Neo4jConnection,
  opts: GraphFilter & { id: string; depth: number; limit: number },
): Promise<{ elements: CyElements; truncated: boolean } | null> {
  const params = filterParams(opts);
  return read(conn, async (tx) => {
    const [center] = await rows(tx, 'entities-by-id', { ids: [opts.id] });
    if (!center?.entity) return null;
    const seen = [opts.id];
    let frontier = [opts.id];
    let truncated = false;
    for (let ring = 0; ring < opts.depth && frontier.length > 0 && !truncated; ring++) {
      const room = opts.limit - seen.length;
      const next = (await rows(tx, 'neighbors', { ...params, frontier, seen, limit: int(room + 1) })).map((r) => String(r.id));
      truncated = next.length > room;
      frontier = next.slice(0, room);
      seen.push(...frontier);
    }
    const [sub] = await rows(tx, 'subgraph', { ids: seen, types: params.types });
    return { elements: elementsOf(sub), truncated };
  });
}

/**
 * Neighbours of one entity read per relationship type to count or page them: a hub with more answers
 * with lower bounds (complete: false) instead of reading all of them.
 */
export const NEIGHBOR_READ_CAP = 10_000;

export type NeighborCounts = z.infer<typeof Api.NeighborCounts>;

/** An entity's neighbours counted per label and per relationship type; null when the entity is unknown. */
export async function neighborCounts(conn: Neo4jConnection, id: string): Promise<NeighborCounts | null> {
  const [row] = await read(conn, (tx) => rows(tx, 'neighbor-counts', { id, types: FACT_TYPES, cap: int(NEIGHBOR_READ_CAP) }));
  if (!row) return null;
  return {
    id: String(row.id),
    total: Number(row.total),
    labels: (row.labels as Row[]).map((l) => ({ label: l.label as NeighborCounts['labels'][number]['label'], count: Number(l.count) })),
    types: (row.types as Row[]).map((t) => ({ type: t.type as RelationshipType, count: Number(t.count) })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    complete: Boolean(row.complete),
  };
}

/**
 * A page of an entity's neighbours of one label and/or through one type (best connected first),
 * with the entity and the relationships of that type among them; null when the entity is unknown.
 */
export async function neighborPage(
  conn: Neo4jConnection,
  opts: { id: string; label?: string; type?: string; offset: number; limit: number },
): Promise<{ total: number; elements: CyElements; complete: boolean } | null> {
  const types = opts.type ? [opts.type] : FACT_TYPES;
  return read(conn, async (tx) => {
    const [page] = await rows(tx, 'neighbor-page', { id: opts.id, types, label: opts.label ?? null, cap: int(NEIGHBOR_READ_CAP), offset: int(opts.offset), limit: int(opts.limit) });
    if (!page) return null;
    const [sub] = await rows(tx, 'subgraph', { ids: [opts.id, ...(page.ids as string[])], types });
    return { total: Number(page.total), elements: elementsOf(sub), complete: Boolean(page.complete) };
  });
}

/** One entity in this many of the first picture is a hub; the others are what ties the hubs together. */
const OVERVIEW_HUB_SHARE = 5;

/**
 * The best-connected entities passing the filter and the entities tied to most of them (`limit` in all) and at most `edgeLimit` relationships
 * among them. `total.nodes` counts the entities passing the filter; `truncated` says something
 * passing it was left out (entities or relationships).
 */
export async function graphElements(
  conn: Neo4jConnection,
  opts: GraphFilter & { limit: number; edgeLimit: number },
): Promise<{ elements: CyElements; total: { nodes: number; relationships: number }; truncated: boolean }> {
  const params = filterParams(opts);
  return read(conn, async (tx) => {
    const hubs = Math.max(1, Math.ceil(opts.limit / OVERVIEW_HUB_SHARE));
    const [row] = await rows(tx, 'graph-elements', { ...params, limit: int(opts.limit), hubs: int(hubs), edgeLimit: int(opts.edgeLimit) });
    const [rels] = await rows(tx, 'count-relationships', { types: params.types });
    const totalNodes = Number(row?.totalNodes ?? 0);
    return {
      elements: elementsOf(row),
      total: { nodes: totalNodes, relationships: Number(rels?.total ?? 0) },
      truncated: totalNodes > opts.limit || Number(row?.edgesAmong ?? 0) > opts.edgeLimit,
    };
  });
}

// ---- paths ------------------------------------------------------------------------------------

export type PathsResult = Omit<z.infer<typeof Api.Paths>, 'from' | 'to'>;

/**
 * The path search gives up after PATH_TIMEOUT_MS (cold query plans, or a search that would have to
 * cross most of the graph on a busy server), tries once more with the same budget, and then answers
 * `timedOut`. "No path" answers fast: the search ends when one side runs out.
 */
export const PATH_TIMEOUT_MS = 2000;

export interface PathsBetween extends PathsResult {
  /** The ends as resolved (resolveEnds); null when a reference names no entity (no search then). */
  from: EntityRef | null;
  to: EntityRef | null;
}

/**
 * Up to k shortest paths between two entities given by id or name (resolveEnds), ranked by how
 * specific their intermediate entities are (PathSearch: a breadth-first search from both ends,
 * always growing the cheaper side, each level read from `index` when it is given and current, else
 * one query per level). The ends are resolved in the search's transaction; ids the index holds need
 * no resolving, and the whole answer is then one query (pathsOfIndexedEnds). Each relationship comes once, with the title, URL and date of its first `sources`
 * articles, so a client needs no further request to show where a hop comes from.
 */
export async function shortestPaths(
  conn: Neo4jConnection,
  opts: GraphFilter & { from: string; to: string; maxHops: number; k: number; sources: number },
  aliasKeys: AliasKeys,
  index: PathIndex | null = null,
): Promise<PathsBetween> {
  const { types, since, until } = filterParams(opts);
  const inIndex = index ? await pathsOfIndexedEnds(conn, { index, builtFrom: () => true }, { ...opts, types, since, until }) : null;
  if (inIndex) return inIndex;
  let ends: (EntityRef | null)[] = [null, null];
  const search = async (tx: ManagedTransaction, from: EntityRef, to: EntityRef) => {
    const filter = { types, since, until, from: from.id };
    const levels = index?.has(from.id) && index.has(to.id) ? await levelSearchInMemory(index, filter, to.id, opts.maxHops) : await levelSearchInNeo4j(tx, filter, to.id, opts.maxHops);
    const routes = levels?.routes(opts.k).map((r) => r.route) ?? [];
    return routes.length === 0 ? [] : pathRows(routes, plainRows(await tx.run(pathDetailsQuery(), pathDetailsParams(routes, [], types, opts.sources))));
  };
  const timedOut = (): PathsBetween => ({ from: ends[0]!, to: ends[1]!, paths: [], elements: { nodes: [], edges: [] }, timedOut: true });
  let found: ReturnType<typeof pathRows> | null = null;
  try {
    found = await read(
      conn,
      async (tx) => {
        ends = await resolveEnds(tx, [opts.from, opts.to], aliasKeys);
        const [from, to] = ends;
        return from && to ? search(tx, from, to) : [];
      },
      { timeout: PATH_TIMEOUT_MS },
    );
  } catch (error) {
    if (!isTimeout(error)) throw error;
  }
  if (!found) {
    // Out of time, often on cold query plans on a busy server, or plans found stale after the graph
    // grew: the ends resolved alone when they were not yet, the queries rehearsed untimed with this
    // request's parameter types (rehearsePathQueries), then the search once more.
    if (!ends[0] || !ends[1]) ends = await read(conn, (tx) => resolveEnds(tx, [opts.from, opts.to], aliasKeys));
    const [from, to] = ends;
    if (!from || !to) return { from: from ?? null, to: to ?? null, paths: [], elements: { nodes: [], edges: [] }, timedOut: false };
    await rehearsePathQueries(conn, aliasKeys, { types, since, until });
    try {
      found = await read(conn, (tx) => search(tx, from, to), { timeout: PATH_TIMEOUT_MS });
    } catch (error) {
      if (!isTimeout(error)) throw error;
      return timedOut();
    }
  }
  return pathsAnswer(ends[0]!, ends[1]!, found);
}

/**
 * shortestPaths' answer from the index last built (PathIndexCache.latest), without reading the
 * graph's stamp first: null when it cannot answer alone (see pathsOfIndexedEnds) or the graph has
 * changed since the index was built; shortestPaths with the current index then answers.
 */
export async function pathsOnLatestIndex(
  conn: Neo4jConnection,
  opts: GraphFilter & { from: string; to: string; maxHops: number; k: number; sources: number },
  latest: CheckedPathIndex | null,
): Promise<PathsBetween | null> {
  return latest ? pathsOfIndexedEnds(conn, latest, { ...opts, ...filterParams(opts) }) : null;
}

/**
 * The common case in one round trip: both ends given by ids the in-memory index holds, so the
 * search needs no query and the ends come with the routes' entities from path-details, which also
 * says whether it read the graph the index was built from. null when not (or Neo4j no longer has
 * an end, or the query ran out of time): the search in Neo4j, by names, then answers.
 */
async function pathsOfIndexedEnds(
  conn: Neo4jConnection,
  { index, builtFrom }: CheckedPathIndex,
  opts: { from: string; to: string; maxHops: number; k: number; sources: number; types: string[]; since: string | null; until: string | null },
): Promise<PathsBetween | null> {
  const { from, to, types, since, until } = opts;
  if (!index.has(from) || !index.has(to)) return null;
  const levels = await levelSearchInMemory(index, { types, since, until, from }, to, opts.maxHops);
  const routes = levels?.routes(opts.k).map((r) => r.route) ?? [];
  let found: Awaited<ReturnType<typeof readOnce>>;
  try {
    found = await readOnce(conn, pathDetailsQuery(), pathDetailsParams(routes, [from, to], types, opts.sources), { timeout: PATH_TIMEOUT_MS });
  } catch (error) {
    if (isTimeout(error)) return null;
    throw error;
  }
  const graph = found.rows.find((r) => r.graph)?.graph as { nodes: number; relationships: number };
  if (!builtFrom({ ...graph, bookmarks: found.bookmarks })) return null;
  const ends = [from, to].map((id) => found.rows.find((r) => (r.node as Row | null)?.id === id)?.node as Row | undefined);
  if (!ends[0] || !ends[1]) return null;
  const [fromRef, toRef] = ends.map((n) => ({ id: String(n!.id), label: n!.label, name: n!.name }) as EntityRef);
  return pathsAnswer(fromRef!, toRef!, pathRows(routes, found.rows));
}

function pathsAnswer(from: EntityRef, to: EntityRef, found: ReturnType<typeof pathRows>): PathsBetween {
  const nodes = new Map<string, CyNode>();
  const edges = new Map<string, CyEdge & { articles: SourceRef[] }>();
  const paths = found.map(({ nodes: pathNodes, hops }) => {
    for (const n of pathNodes) nodes.set(String(n.id), toCyNode(n));
    for (const { properties, articles, ...hop } of hops) {
      edges.set(String(hop.key), { ...toCyEdge({ ...Object.fromEntries(properties as [string, unknown][]), ...hop }), articles: (articles as Row[]).map(toSourceRef) });
    }
    return { length: hops.length, nodes: pathNodes.map((n) => String(n.id)), hops: hops.map((h) => String(h.key)) };
  });
  return { from, to, paths, elements: { nodes: [...nodes.values()], edges: [...edges.values()] }, timedOut: false };
}

type EndRow = { degree: number; allowed: boolean };

/** The search by levels (PathSearch) from both ends, each level read by `step`; null when `to` may not end a path. */
async function levelSearch(
  from: string,
  to: string,
  maxHops: number,
  [fromEnd, toEnd]: [EndRow, EndRow],
  step: (frontier: ReturnType<PathSearch['frontier']>) => Promise<StepRow[]>,
): Promise<PathSearch | null> {
  if (!toEnd.allowed) return null;
  const levels = new PathSearch(from, to, maxHops, { from: fromEnd.degree, to: toEnd.degree });
  for (let side = levels.next(); side; side = levels.next()) levels.grow(side, await step(levels.frontier(side)));
  return levels;
}

/** The same search with each level read from the in-memory index (path-index.ts), which holds both ends. */
function levelSearchInMemory(index: PathIndex, filter: PathFilter, to: string, maxHops: number): Promise<PathSearch | null> {
  const ends: [EndRow, EndRow] = [index.end(filter.from, filter)!, index.end(to, filter)!];
  return levelSearch(filter.from, to, maxHops, ends, async (f) => index.step(f.frontier, f.previous, f.others, filter));
}

/** The same search with each level read from Neo4j (cypher/path-ends.cypher, path-step.cypher). */
async function levelSearchInNeo4j(tx: ManagedTransaction, filter: PathFilter, to: string, maxHops: number): Promise<PathSearch | null> {
  const found = new Map((await rows(tx, 'path-ends', { ...filter, to })).map((r) => [String(r.id), { degree: Number(r.degree), allowed: r.allowed === true }]));
  const [fromEnd, toEnd] = [found.get(filter.from), found.get(to)];
  if (!fromEnd || !toEnd) return null;
  return levelSearch(filter.from, to, maxHops, [fromEnd, toEnd], async (f) => (await rows(tx, 'path-step', { ...filter, ...f })) as unknown as StepRow[]);
}

let pathDetails: string | null = null;
/** cypher/path-details.cypher with the fact types written into its pattern (cypherWithTypes). */
const pathDetailsQuery = () => (pathDetails ??= cypherWithTypes('path-details', { factTypes: FACT_TYPES }));

const pairKey = (a: string, b: string) => `${a}\u0000${b}`;

/**
 * What path-details.cypher needs for `routes`: each pair of consecutive entities once, and the
 * entities on them with `ends` (listed even when no route joins them).
 */
function pathDetailsParams(routes: string[][], ends: string[], types: string[], sources: number): Row {
  const pairs = new Map(routes.flatMap((route) => route.slice(1).map((b, i) => [pairKey(route[i]!, b), [route[i]!, b]] as const)));
  const ids = [...new Set([...ends, ...routes.flat()])];
  return { pairs: [...pairs.values()], ids, types, bookkeeping: RELATIONSHIP_BOOKKEEPING, sources: int(sources) };
}

/**
 * The entities and one relationship per hop of each route, in route order, each hop with its own
 * properties as [key, value] pairs and its first `sources` articles (the rows of path-details.cypher).
 */
function pathRows(routes: string[][], found: Row[]): { nodes: Row[]; hops: Row[] }[] {
  const hops = new Map<string, Row>();
  const nodes = new Map<string, Row>();
  for (const r of found) {
    if (r.node) nodes.set(String((r.node as Row).id), r.node as Row);
    else if (r.pair) {
      const [a, b] = r.pair as [string, string];
      hops.set(pairKey(a, b), { ...(r.hop as Row), properties: r.properties, articles: r.articles });
    }
  }
  return routes.map((route) => ({ nodes: route.map((id) => nodes.get(id)!), hops: route.slice(1).map((b, i) => hops.get(pairKey(route[i]!, b))!) }));
}

/** Ids and a name no entity has: the rehearsal's lookups find nothing, so it reads no data. */
const REHEARSAL = { from: 'warm-up:path-from', to: 'warm-up:path-to', via: ['warm-up:path-a', 'warm-up:path-b', 'warm-up:path-c'], name: 'Warmup Nobody Pathless' } as const;

/**
 * Runs every query of a search by names (resolveEnds' three lookups, path-ends, path-step,
 * path-details) once over REHEARSAL's ids and name, with the parameter types a request with
 * `filter` sends, so that Neo4j has planned them, and compiled the code that runs them, outside a
 * search's PATH_TIMEOUT_MS: cold (a fresh server) or stale (the graph grew since they were
 * planned), they take seconds on a busy machine. The EXPLAIN this replaces (empty lists, nothing
 * run) left the first real run of each query about as slow.
 */
export async function rehearsePathQueries(conn: Neo4jConnection, aliasKeys: AliasKeys, filter: Omit<PathFilter, 'from'> = { types: FACT_TYPES, since: null, until: null }): Promise<void> {
  const { from, to, via: [a, b, c], name } = REHEARSAL;
  const params = { ...filter, from };
  await read(conn, async (tx) => {
    await resolveEnds(tx, [from, name], aliasKeys);
    await rows(tx, 'path-ends', { ...params, to });
    // The first level of a side (nothing reached before it) and a later one.
    await rows(tx, 'path-step', { ...params, frontier: [from], previous: [], others: [to] });
    await rows(tx, 'path-step', { ...params, frontier: [from], previous: [to], others: [to] });
    // Routes the size of a default answer (three, of two and three hops) with their articles: after a
    // rehearsal over one pair, a real answer's path-details still took 2.5 s on a busy machine.
    await tx.run(pathDetailsQuery(), pathDetailsParams([[from, a, to], [from, b, c, to], [from, a, c, to]], [from, to], [...filter.types], 3));
  });
}

function isTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.includes('TransactionTimedOut');
}

// ---- events -----------------------------------------------------------------------------------

export type EventSummary = z.infer<typeof Api.Events>['events'][number];

export async function listEvents(conn: Neo4jConnection, opts: { city?: string; since?: string; until?: string }): Promise<EventSummary[]> {
  const found = await read(conn, (tx) => rows(tx, 'events', { city: opts.city ?? null, since: opts.since ?? null, until: opts.until ?? null }));
  return found.map((e) => ({
    id: String(e.id),
    name: String(e.name),
    date: (e.date as string) ?? null,
    kind: (e.kind as string) ?? null,
    city: (e.city as EventSummary['city']) ?? null,
    participants: (e.participants as Row[]).map((p) => ({ ...(p as unknown as EntityRef), role: (p.role as string) ?? null })),
  }));
}

export type Exchanges = z.infer<typeof Api.Exchanges>;

/**
 * What passed between entities `a` and `b` (ids), item by item in date order (undated last), and
 * the dated items counted per year. A message naming the unknown id when one is not in the graph.
 */
export async function exchangesBetween(conn: Neo4jConnection, a: string, b: string): Promise<Exchanges | string> {
  return read(conn, async (tx) => {
    const ends = await rows(tx, 'entities-by-id', { ids: [a, b] });
    const [refA, refB] = [ends[0]?.entity as EntityRef | null, ends[1]?.entity as EntityRef | null];
    if (!refA) return `a: no entity "${a}"`;
    if (!refB) return `b: no entity "${b}"`;
    const found = await rows(tx, 'exchanges-between', { a, b });
    const items = found.map((r) => {
      const item = r.item as Row;
      return {
        kind: item.kind as 'relationship' | 'event',
        id: String(item.id),
        type: String(item.type),
        date: (item.date as string | null) ?? null,
        title: String(item.title ?? ''),
        evidence: [...new Set((item.evidence as string[]) ?? [])],
        sources: (item.sources as string[]) ?? [],
      };
    });
    const perYear = new Map<number, number>();
    for (const item of items) {
      const year = item.date ? Number(item.date.slice(0, 4)) : NaN;
      if (Number.isInteger(year)) perYear.set(year, (perYear.get(year) ?? 0) + 1);
    }
    const years = [...perYear].sort((x, y) => x[0] - y[0]).map(([year, count]) => ({ year, count }));
    return { a: refA, b: refB, items, years };
  });
}

// ---- export -----------------------------------------------------------------------------------

/** The whole graph in the contract's format, inside a read transaction (api/curation/export.ts adds the corrections). */
export async function exportDocument(tx: ManagedTransaction, opts: { withText: boolean } = { withText: true }): Promise<GraphDocument> {
  const articles = (await rows(tx, 'export-articles', opts)).map((r) => r.article as Article);
  const nodes = (await rows(tx, 'export-entities')).map((r) => toGraphNode(r.node as Row));
  const relationships = (await rows(tx, 'export-relationships', { types: FACT_TYPES })).map((r) => toGraphRelationship(r.relationship as Row));
  return { articles, nodes, relationships };
}
