// GraphDocument -> Neo4j. One write transaction per call (a batch of articles), every statement an
// UNWIND over rows from cypher/write-*.cypher. Re-running the transaction function is safe, so
// the driver's executeWrite may retry it after a deadlock or a lost leader.
import { int, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import type { z } from 'zod';
import { isWordKey, namedInMoreWords } from '../graph/alias-keys.ts';
import type { GraphDocument, GraphNode } from '../graph/schema.ts';
import type * as Api from '../http/schemas.ts';
import { mergedIdKey, splitMentionPrefix } from '../curation/ops.ts';
import { cypher } from './cypher.ts';
import type { Neo4jConnection } from './neo4j.ts';
import {
  DocumentError,
  entityFromMentions,
  EVIDENCE_PER_RELATIONSHIP,
  newRelationshipRows,
  propertiesFromStatements,
  redirectInArticles,
  remapIds,
  remapToExisting,
  restrictToArticles,
  writeRows,
  type AliasKeys,
  type StoredKeys,
} from './rows.ts';
import { plain } from './stored.ts';

// The answers' shapes are the API's zod schemas (type-only: the store does not load the HTTP layer).
export type Changes = z.infer<typeof Api.Changes>;
export type WriteResult = z.infer<typeof Api.IngestResponse>;
type ArticleStatus = WriteResult['articles'][number]['status'];

export const noChanges = (): Changes => ({ nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 });

export function addChanges(into: Changes, more: Changes): Changes {
  for (const key of Object.keys(into) as (keyof Changes)[]) into[key] += more[key];
  return into;
}

/** Runs a statement and adds what it changed to `changes`. */
async function run(tx: ManagedTransaction, name: string, params: Record<string, unknown>, changes?: Changes): Promise<QueryResult> {
  const result = await tx.run(cypher(name), params);
  if (changes) {
    const u = result.summary.counters.updates();
    addChanges(changes, {
      nodesCreated: u.nodesCreated,
      nodesDeleted: u.nodesDeleted,
      relationshipsCreated: u.relationshipsCreated,
      relationshipsDeleted: u.relationshipsDeleted,
      propertiesSet: u.propertiesSet,
    });
  }
  return result;
}

/**
 * Removes what the given articles alone support, the articles themselves, and entities left
 * with nothing mentioning or connecting them; the entities that stay are rebuilt from the articles
 * still mentioning them (their alias keys from `aliasKeys`), and relationships they stated with
 * others get their properties from the others' statements: a name, alias or property only these
 * articles stated goes too. Alias-key bookkeeping is not counted as a change.
 */
async function removeArticles(tx: ManagedTransaction, articleIds: string[], changes: Changes, aliasKeys: AliasKeys): Promise<void> {
  const restated = await run(tx, 'remove-article-support', { articleIds }, changes);
  const relationships = restated.records.map((r) => ({ id: r.get('id') as string, properties: propertiesFromStatements(r.get('statements') as string[]) }));
  if (relationships.length > 0) await run(tx, 'reset-relationship-properties', { rows: relationships });
  const deleted = await run(tx, 'delete-articles', { articleIds }, changes);
  const entityIds = [...new Set(deleted.records.flatMap((r) => r.get('mentioned') as string[]))];
  await run(tx, 'release-orphan-alias-keys', { entityIds });
  await run(tx, 'delete-orphan-entities', { entityIds }, changes);

  const mentioned = await run(tx, 'entity-mentions', { entityIds });
  const rebuilt: GraphNode[] = [];
  const stored: { id: string; stored: Record<string, unknown> }[] = [];
  for (const record of mentioned.records) {
    const summary = { name: record.get('name') as string, names: record.get('names') as string[], properties: record.get('properties') as string[] };
    const node = entityFromMentions(record.get('id') as string, record.get('label') as GraphNode['label'], summary);
    const wanted = { ...node.properties, id: node.id, name: node.name, aliases: node.aliases };
    if (sameProperties(wanted, plain(record.get('current')) as Record<string, unknown>)) continue;
    rebuilt.push(node);
    stored.push({ id: node.id, stored: wanted });
  }
  if (rebuilt.length === 0) return;
  await run(tx, 'reset-entities', { rows: stored });
  const keys = rebuilt.map((node) => ({ id: node.id, keys: aliasKeys(node) }));
  await run(tx, 'release-alias-keys', { rows: keys });
  await run(tx, 'write-alias-keys', { rows: keys });
}

/** Same keys and values, in any order (aliases as a set). */
function sameProperties(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const canonical = (x: Record<string, unknown>) =>
    JSON.stringify(Object.entries(x).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v]).sort(([k1], [k2]) => ((k1 as string) < (k2 as string) ? -1 : 1)));
  return canonical(a) === canonical(b);
}

/** An incoming node must have the label its id is stored with: a second label would change what other articles stated. */
async function checkLabels(tx: ManagedTransaction, doc: GraphDocument, nodes: GraphNode[]): Promise<void> {
  const stored = await run(tx, 'entity-labels', { ids: nodes.map((n) => n.id) });
  const labels = new Map(stored.records.map((r) => [r.get('id') as string, r.get('label') as string]));
  for (const node of nodes) {
    const label = labels.get(node.id);
    if (label === undefined || label === node.label) continue;
    const i = doc.nodes.findIndex((n) => n.id === node.id);
    const field = i >= 0 ? `nodes[${i}].label` : 'nodes';
    throw new DocumentError(field, `${field}: "${node.id}" is stored as a ${label}, not a ${node.label}`);
  }
}

async function writeInTransaction(tx: ManagedTransaction, doc: GraphDocument, aliasKeys: AliasKeys): Promise<WriteResult> {
  const changes = noChanges();
  const stored = await run(tx, 'existing-articles', { ids: doc.articles.map((a) => a.id) });
  const unchanged = new Set(stored.records.map((r) => r.get('id') as string));
  const fresh = doc.articles.filter((a) => !unchanged.has(a.id));
  const texts = doc.articles.filter((a) => unchanged.has(a.id) && a.text != null).map((a) => ({ id: a.id, text: a.text }));
  if (texts.length > 0) await run(tx, 'fill-article-texts', { rows: texts });
  if (fresh.length === 0) {
    return { articles: doc.articles.map((a) => ({ id: a.id, title: a.title, status: 'unchanged' })), changes };
  }

  const incoming = fresh.map((a) => ({ id: a.id, title: a.title, url: a.url ?? null, file: a.file ?? null }));
  const versions = await run(tx, 'previous-versions', { articles: incoming });
  const updated = new Set<string>();
  const previous: string[] = [];
  for (const record of versions.records) {
    const ids = record.get('previous') as string[];
    if (ids.length === 0) continue;
    updated.add(record.get('id') as string);
    previous.push(...ids);
  }
  if (previous.length > 0) await removeArticles(tx, previous, changes, aliasKeys);

  const part = restrictToArticles(doc, new Set(fresh.map((a) => a.id)));
  // an entity merged away by an analyst is found under its id's key: its names land on the kept entity
  const keys = [...new Set(part.nodes.flatMap((node) => [...aliasKeys(node), mergedIdKey(node.id)]))];
  const known = await storedKeys(tx, keys);
  const existing = known.unique;
  const merged = new Map(part.nodes.flatMap((node) => {
    const into = existing.get(mergedIdKey(node.id));
    return into && into !== node.id ? [[node.id, into] as const] : [];
  }));
  const resolved = remapToExisting(remapIds(part, merged), known, aliasKeys);
  const redirects = await splitRedirects(tx, resolved);
  const remapped = redirectInArticles(resolved, redirects);
  await checkLabels(tx, doc, remapped.nodes);
  const rows = writeRows(remapped, aliasKeys);
  // an entity split off by an analyst keeps the names the analyst gave it: the names these articles use
  // for the entity it was split from stay keys of that one
  const splitOff = new Set([...redirects.values()].flatMap((remap) => [...remap.values()]));

  await run(tx, 'write-entities', { rows: rows.entities }, changes);
  // An analyst's merge committed after the lookup above: its merged-away entity was just written again. Start over.
  const mergedMeanwhile = await run(tx, 'merged-entity-ids', { ids: rows.entities.map((e) => e.id) });
  if (mergedMeanwhile.records.length > 0) throw new MergedMeanwhile(mergedMeanwhile.records.map((r) => r.get('id') as string));
  // keys that already name their entity (most of them, for recurring actors) need no write
  const newKeys = rows.aliasKeys
    .filter(({ id }) => !splitOff.has(id))
    .map(({ id, keys }) => ({ id, keys: keys.filter((key) => existing.get(key) !== id) }))
    .filter((row) => row.keys.length > 0);
  await run(tx, 'write-alias-keys', { rows: newKeys });
  await run(tx, 'write-articles', { rows: rows.articles }, changes);
  // keys first, then each relationship's full row to the one statement that writes it
  const found = await run(tx, 'stored-relationship-keys', { rows: rows.relationships.map(({ key, source, target }) => ({ key, source, target })) });
  const foundKeys = new Set(found.records.map((r) => r.get('key') as string));
  const restated = rows.relationships.filter((row) => foundKeys.has(row.key));
  if (restated.length > 0) await run(tx, 'write-relationships', { rows: restated, maxEvidence: int(EVIDENCE_PER_RELATIONSHIP) }, changes);
  const created = newRelationshipRows(rows.relationships.filter((row) => !foundKeys.has(row.key)));
  if (created.length > 0) await run(tx, 'write-new-relationships', { rows: created }, changes);

  const status = (id: string): ArticleStatus => (unchanged.has(id) ? 'unchanged' : updated.has(id) ? 'updated' : 'new');
  return { articles: doc.articles.map((a) => ({ id: a.id, title: a.title, status: status(a.id) })), changes };
}

/** What the store holds under these alias keys, in one statement (see StoredKeys). */
export async function storedKeys(tx: ManagedTransaction, keys: string[]): Promise<StoredKeys> {
  const found = await run(tx, 'entities-by-alias-key', { rows: keys.map((key) => ({ key, word: isWordKey(key) })) });
  const stored: StoredKeys = { unique: new Map(), wordHolders: new Map() };
  for (const record of found.records) {
    const key = record.get('key') as string;
    const ids = record.get('ids') as string[];
    if (ids.length === 1) stored.unique.set(key, ids[0]!);
    if (!isWordKey(key)) continue;
    const holderKeys = record.get('holderKeys') as string[][];
    stored.wordHolders.set(key, ids.map((id, i) => ({ id, named: namedInMoreWords(holderKeys[i]!) })));
  }
  return stored;
}

/** Per article, the entities whose mentions an analyst split off into another (entity id -> the other's id). */
async function splitRedirects(tx: ManagedTransaction, doc: GraphDocument): Promise<Map<string, Map<string, string>>> {
  const byPrefix = new Map(doc.articles.map((a) => [splitMentionPrefix(a), a.id]));
  const found = await run(tx, 'split-mentions', { prefixes: [...byPrefix.keys()] });
  const redirects = new Map<string, Map<string, string>>();
  for (const record of found.records) {
    const articleId = byPrefix.get(record.get('prefix') as string)!;
    const remap = redirects.get(articleId) ?? new Map<string, string>();
    remap.set(record.get('entity') as string, record.get('id') as string);
    redirects.set(articleId, remap);
  }
  return redirects;
}

/**
 * Stores a document (one or many articles, every relationship attributed to its sources: see
 * attributeSources) in one transaction; entities are found among the stored ones by `aliasKeys`.
 * Articles already stored under the same content hash are left alone; a new version of a stored
 * article (same URL, or, without URLs, same file) replaces what the old version alone supported.
 * Throws DocumentError when a node's id is stored with another label.
 */
export async function writeGraph(conn: Neo4jConnection, doc: GraphDocument, aliasKeys: AliasKeys): Promise<WriteResult> {
  for (let attempt = 1; ; attempt++) {
    const session = conn.driver.session({ database: conn.database });
    try {
      return await session.executeWrite((tx) => writeInTransaction(tx, doc, aliasKeys));
    } catch (error) {
      // A concurrent ingest stored one of these articles first (write-articles CREATEs them), or
      // an analyst merged an entity of the batch: run again, and that article is now found stored
      // (unchanged), that entity's names resolve to the kept one.
      if (!(isArticleConflict(error) || error instanceof MergedMeanwhile) || attempt >= CONFLICT_ATTEMPTS) throw error;
    } finally {
      await session.close();
    }
  }
}

const CONFLICT_ATTEMPTS = 3;

class RolledBack extends Error {}

/**
 * Writes the documents one after the other in one transaction, as writeGraph would, then rolls it back:
 * the statements run (and the JVM compiles what they run) and nothing is stored.
 */
export async function rehearseWrite(conn: Neo4jConnection, docs: GraphDocument[], aliasKeys: AliasKeys): Promise<void> {
  const session = conn.driver.session({ database: conn.database });
  try {
    await session.executeWrite(async (tx) => {
      for (const doc of docs) await writeInTransaction(tx, doc, aliasKeys);
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  } finally {
    await session.close();
  }
}

class MergedMeanwhile extends Error {
  constructor(ids: string[]) {
    super(`merged by an analyst while this batch was written: ${ids.join(', ')}`);
    this.name = 'MergedMeanwhile';
  }
}
const isArticleConflict = (error: unknown) =>
  (error as { code?: string } | null)?.code === 'Neo.ClientError.Schema.ConstraintValidationFailed' && /Article/.test(String((error as Error).message));

/** Deletes an article and what it alone supports (see removeArticles); null when no such article is stored. */
export async function deleteArticle(conn: Neo4jConnection, id: string, aliasKeys: AliasKeys): Promise<Changes | null> {
  const session = conn.driver.session({ database: conn.database });
  try {
    return await session.executeWrite(async (tx) => {
      const stored = await run(tx, 'existing-articles', { ids: [id] });
      if (stored.records.length === 0) return null;
      const changes = noChanges();
      await removeArticles(tx, [id], changes, aliasKeys);
      return changes;
    });
  } finally {
    await session.close();
  }
}
