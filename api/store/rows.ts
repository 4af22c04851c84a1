// Pure preparation of a GraphDocument for the write statements: canonical relationship
// direction and keys, who mentions what, evidence paired with the article that states it.
import { isWordKey, namedInMoreWords, wordKeyTarget, type WordKeyHolder } from '../graph/alias-keys.ts';
import { canonicalEnds, relationshipKey } from '../graph/identity.ts';
import { dedupeRelationships, mergeNode, withEvent } from '../graph/merge.ts';
import { needle, TextIndex } from '../graph/passages.ts';
import {
  type Article,
  type GraphDocument,
  type GraphNode,
  type GraphRelationship,
  type Properties,
} from '../graph/schema.ts';

/** Symmetric relationships are stored once, from the smaller id to the larger. */
function canonicalDirection(rel: GraphRelationship): GraphRelationship {
  const [source, target] = canonicalEnds(rel.type, rel.source, rel.target);
  return source === rel.source ? rel : { ...rel, source, target };
}

/**
 * Which entities each article mentions: those a MENTIONS relationship of the document names, the
 * endpoints of the relationships it is a source of, and, for entities in neither, every article
 * of the document (nothing finer is known).
 */
export function mentionsByArticle(doc: GraphDocument): Map<string, Set<string>> {
  const mentions = new Map(doc.articles.map((a) => [a.id, new Set<string>()]));
  const connected = new Set<string>();
  for (const rel of doc.relationships) {
    if (rel.type === 'MENTIONS') {
      mentions.get(rel.source)?.add(rel.target);
      connected.add(rel.target);
      continue;
    }
    connected.add(rel.source).add(rel.target);
    for (const articleId of rel.sources) mentions.get(articleId)?.add(rel.source).add(rel.target);
  }
  for (const node of doc.nodes) {
    if (connected.has(node.id)) continue;
    for (const set of mentions.values()) set.add(node.id);
  }
  return mentions;
}

/**
 * A one-article document: its article mentions every node in it, stated as MENTIONS so that the
 * fact survives merging it with other articles (mentionsByArticle would otherwise have every
 * article of a merged batch mention an entity no relationship ties to one of them).
 */
export function withArticleMentions(doc: GraphDocument): GraphDocument {
  if (doc.articles.length !== 1) return doc;
  const article = doc.articles[0]!.id;
  const stated = new Set(doc.relationships.filter((r) => r.type === 'MENTIONS').map((r) => r.target));
  const mentions: GraphRelationship[] = doc.nodes
    .filter((n) => !stated.has(n.id))
    .map((n) => ({ type: 'MENTIONS', source: article, target: n.id, properties: {}, sources: [article], evidence: [] }));
  return { ...doc, relationships: [...doc.relationships, ...mentions] };
}

/** Stored on every entity by the store itself: `properties` may not set them. */
export const RESERVED_NODE_FIELDS: ReadonlySet<string> = new Set(['id', 'label', 'name', 'aliases']);
/** The bookkeeping of a stored relationship (identity and provenance): `properties` may not set it. */
export const RESERVED_RELATIONSHIP_FIELDS: ReadonlySet<string> = new Set(['key', 'source', 'target', 'type', 'sources', 'evidence', 'evidenceSources', 'statedProperties']);
const MAX_PROPERTY_NAME = 100;

/**
 * Properties may add facts, never overwrite the store's own fields: a document that set `name`,
 * `aliases` or `sources` through them would rewrite what other articles stated, beyond the reach
 * of deleting it.
 */
function checkPropertyNames(doc: GraphDocument): void {
  const check = (where: string, properties: Properties, reserved: ReadonlySet<string>) => {
    for (const key of Object.keys(properties)) {
      if (reserved.has(key)) throw new DocumentError(`${where}.${key}`, `${where}.${key} is reserved: the store sets ${[...reserved].join(', ')} itself`);
      if (key.trim() === '' || key.length > MAX_PROPERTY_NAME) throw new DocumentError(where, `${where}: property names are 1 to ${MAX_PROPERTY_NAME} characters, not "${key.slice(0, 40)}"`);
    }
  };
  doc.nodes.forEach((node, i) => check(`nodes[${i}].properties`, node.properties, RESERVED_NODE_FIELDS));
  doc.relationships.forEach((rel, i) => check(`relationships[${i}].properties`, rel.properties, RESERVED_RELATIONSHIP_FIELDS));
}

/**
 * Relationships without sources are stated by the document as a whole, i.e. by all its articles.
 * Throws a DocumentError naming the field when a relationship points at an unknown node or article
 * (a MENTIONS relationship goes from an article of the document to one of its nodes), or when
 * properties name a reserved field.
 */
export function attributeSources(doc: GraphDocument): GraphDocument {
  if (doc.articles.length === 0) throw new DocumentError('articles', 'articles: at least one article is required, so every fact has a source');
  checkPropertyNames(doc);
  const nodeIds = new Set(doc.nodes.map((n) => n.id));
  const articleIds = new Set(doc.articles.map((a) => a.id));
  const relationships = doc.relationships.map((rel, i) => {
    for (const end of ['source', 'target'] as const) {
      const known = end === 'source' && rel.type === 'MENTIONS' ? articleIds : nodeIds;
      const what = known === articleIds ? 'article' : 'node';
      if (!known.has(rel[end])) throw new DocumentError(`relationships[${i}].${end}`, `relationships[${i}].${end}: no ${what} with id "${rel[end]}"`);
    }
    rel.sources.forEach((s, j) => {
      if (!articleIds.has(s)) throw new DocumentError(`relationships[${i}].sources[${j}]`, `relationships[${i}].sources[${j}]: no article with id "${s}"`);
    });
    return rel.sources.length > 0 ? rel : { ...rel, sources: [...articleIds] };
  });
  return { ...doc, relationships };
}

export class DocumentError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** The part of a document the given articles state (used to skip articles stored already). */
export function restrictToArticles(doc: GraphDocument, keep: ReadonlySet<string>): GraphDocument {
  const mentions = mentionsByArticle(doc);
  const mentioned = new Set<string>();
  for (const id of keep) for (const nodeId of mentions.get(id) ?? []) mentioned.add(nodeId);
  return {
    articles: doc.articles.filter((a) => keep.has(a.id)),
    nodes: doc.nodes.filter((n) => mentioned.has(n.id)),
    relationships: doc.relationships
      .filter((rel) => rel.type !== 'MENTIONS' || keep.has(rel.source))
      .map((rel) => ({ ...rel, sources: rel.sources.filter((s) => keep.has(s)) }))
      .filter((rel) => rel.sources.length > 0),
  };
}

/**
 * Whether restrictToArticles(doc, keep) would keep the whole document: keep holds every article,
 * and every relationship has sources, all of them kept (then every node is mentioned by a kept
 * article: mentionsByArticle). A bulk build's batch is nearly always wholly new.
 */
export function keepsWholeDocument(doc: GraphDocument, keep: ReadonlySet<string>): boolean {
  if (doc.articles.length === 0 || !doc.articles.every((a) => keep.has(a.id))) return false;
  for (const rel of doc.relationships) {
    if (rel.sources.length === 0 || (rel.type === 'MENTIONS' && !keep.has(rel.source))) return false;
    for (const s of rel.sources) if (!keep.has(s)) return false;
  }
  return true;
}

/**
 * The document with, in each given article only, entity ids rewritten by that article's map (an
 * analyst split those mentions off into another entity); other articles keep the ids they had.
 */
export function redirectInArticles(doc: GraphDocument, redirects: Map<string, Map<string, string>>): GraphDocument {
  if (redirects.size === 0) return doc;
  const others = new Set(doc.articles.map((a) => a.id).filter((id) => !redirects.has(id)));
  const parts = [restrictToArticles(doc, others), ...[...redirects].map(([articleId, remap]) => remapIds(restrictToArticles(doc, new Set([articleId])), remap))];
  const nodes = new Map<string, GraphNode>();
  for (const n of parts.flatMap((p) => p.nodes)) {
    const prev = nodes.get(n.id);
    if (prev) mergeNode(prev, n);
    else nodes.set(n.id, { ...n, aliases: [...n.aliases], properties: { ...n.properties } });
  }
  return { articles: doc.articles, nodes: [...nodes.values()], relationships: dedupeRelationships(parts.flatMap((p) => p.relationships)) };
}

/**
 * The normalised keys under which a node is found (resolution across articles). The store is given
 * them by the caller (extraction's aliasKeys), so it holds no language knowledge of its own.
 */
export type AliasKeys = (node: GraphNode) => string[];

/**
 * What the store holds under the alias keys of a document: the entity each key names when it names
 * one (a key naming several is ambiguous), and for a body's one-word key every entity it names, each
 * with whether it is named in more words (graph/alias-keys.ts).
 */
export interface StoredKeys {
  unique: Map<string, string>;
  wordHolders: Map<string, WordKeyHolder[]>;
}

/**
 * Rewrites node ids (and relationship endpoints) to nodes already stored under one of their alias
 * keys: a key of more words first, else a one-word key when it is unambiguous (wordKeyTarget), so
 * that "Banjul City Council (BCC)" never lands on the stored Bulawayo City Council (BCC).
 */
export function remapToExisting(doc: GraphDocument, stored: StoredKeys, aliasKeys: AliasKeys): GraphDocument {
  const remap = new Map<string, string>();
  for (const n of doc.nodes) {
    const into = storedEntityOf(n.id, aliasKeys(n), stored);
    if (into) remap.set(n.id, into);
  }
  return remapIds(doc, remap);
}

/** The stored entity a node is, by its keys (all of them, aliasKeys): null when none or itself. */
export function storedEntityOf(id: string, keys: string[], stored: StoredKeys): string | null {
  let storedAsItself = false;
  for (const k of keys) {
    if (isWordKey(k)) continue;
    const into = stored.unique.get(k);
    if (into && into !== id) return into;
    storedAsItself ||= into === id;
  }
  // a stored entity does not move onto another through a word it has just been given
  if (storedAsItself) return null;
  const node = { id, named: namedInMoreWords(keys) };
  for (const k of keys) {
    if (!isWordKey(k)) continue;
    const into = wordKeyTarget(stored.wordHolders.get(k) ?? [], node);
    if (into) return into;
  }
  return null;
}

/** Rewrites node ids (and relationship endpoints) by the map, merging nodes that meet. */
export function remapIds(doc: GraphDocument, remap: Map<string, string>): GraphDocument {
  if (remap.size === 0) return doc;
  const nodes = new Map<string, GraphNode>();
  for (const n of doc.nodes) {
    const id = remap.get(n.id) ?? n.id;
    const prev = nodes.get(id);
    if (prev) mergeNode(prev, n);
    else nodes.set(id, { ...n, id, aliases: [...n.aliases], properties: { ...n.properties } });
  }
  const rels = doc.relationships.map((r) => ({ ...r, source: remap.get(r.source) ?? r.source, target: remap.get(r.target) ?? r.target, properties: withEvent(r.properties, (id) => remap.get(id) ?? id) }));
  return { articles: doc.articles, nodes: [...nodes.values()], relationships: dedupeRelationships(rels) };
}

export interface EntityRow {
  id: string;
  label: string;
  name: string;
  /** Other names, never `name` itself. */
  aliases: string[];
  properties: Properties;
}
/**
 * What one article states about an entity it mentions, kept on its MENTIONS relationship so that
 * deleting the article can take exactly that back (entityFromMentions).
 */
export interface MentionRow {
  id: string;
  name: string;
  /** null when none (most mentions: nothing stored then) */
  aliases: string[] | null;
  /** the article's properties of the entity as JSON (a relationship property holds no map); null when none */
  properties: string | null;
}
export interface ArticleRow {
  id: string;
  title: string;
  publishedAt: string | null;
  publisher: string | null;
  url: string | null;
  file: string | null;
  /** the article's readable text (Article.text); null when the document gave none */
  text: string | null;
  mentions: MentionRow[];
}
export interface RelationshipRow {
  key: string;
  type: string;
  source: string;
  target: string;
  properties: Properties;
  sources: string[];
  evidence: string[];
  evidenceSources: string[];
  /** what each source article states of the relationship's properties (statement()), when it states any */
  statedProperties: string[];
}
export interface WriteRows {
  entities: EntityRow[];
  aliasKeys: { id: string; keys: string[] }[];
  articles: ArticleRow[];
  relationships: RelationshipRow[];
}

/**
 * Sentences kept per article for one relationship. Enough to say why the fact exists; without a
 * bound, a fact stated in thousands of articles (an office located in its city) would carry tens
 * of thousands of sentences, rewritten with every new article.
 */
export const EVIDENCE_PER_ARTICLE = 2;

/**
 * Sentences kept for one relationship in all, from the first articles that state it (`sources`
 * keeps every article). Without it a fact restated by thousands of articles carries a list that
 * grows with each one and outgrows Neo4j's transaction memory when it is rewritten.
 */
export const EVIDENCE_PER_RELATIONSHIP = 12;

/** A copy without the null values (most properties hold none: then a plain copy, without an array per entry). */
const withoutNulls = (p: Properties): Properties =>
  Object.values(p).includes(null) ? Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null)) : { ...p };
const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Rows for the UNWIND statements. Nodes that resolution mapped onto one id become one row;
 * relationships with one key become one row, with at most EVIDENCE_PER_ARTICLE sentences from
 * each article and EVIDENCE_PER_RELATIONSHIP in all; self-loops made by resolution are dropped. Rows are sorted so concurrent transactions lock nodes in the same order (fewer deadlocks).
 */
export function writeRows(doc: GraphDocument, aliasKeys: AliasKeys): WriteRows {
  const entities = new Map<string, EntityRow>();
  const keys = new Map<string, Set<string>>();
  for (const node of doc.nodes) {
    const row = entities.get(node.id);
    if (row) {
      row.aliases = union(row.aliases, [...node.aliases, node.name].filter((a) => a !== row.name));
      row.properties = { ...withoutNulls(node.properties), ...row.properties };
    } else {
      entities.set(node.id, { id: node.id, label: node.label, name: node.name, aliases: union([], node.aliases), properties: withoutNulls(node.properties) });
    }
    const set = keys.get(node.id) ?? new Set<string>();
    for (const key of aliasKeys(node)) set.add(key);
    keys.set(node.id, set);
  }

  const states = sentencePairing(doc.articles);
  const relationships = new Map<string, RelationshipRow>();
  for (const original of doc.relationships) {
    if (original.type === 'MENTIONS') continue; // written as the articles' mentions
    const rel = canonicalDirection(original);
    if (rel.source === rel.target) continue;
    const key = relationshipKey(rel);
    const row = relationships.get(key) ?? { key, type: rel.type, source: rel.source, target: rel.target, properties: {}, sources: [], evidence: [], evidenceSources: [], statedProperties: [] };
    const properties = withoutNulls(rel.properties);
    row.properties = { ...properties, ...row.properties };
    if (Object.keys(properties).length > 0) {
      for (const articleId of rel.sources) {
        if (!row.sources.includes(articleId)) row.statedProperties.push(statement(articleId, properties));
      }
    }
    row.sources = union(row.sources, rel.sources);
    for (const articleId of rel.sources) {
      let kept = row.evidenceSources.filter((s) => s === articleId).length;
      for (const sentence of rel.evidence) {
        if (kept >= EVIDENCE_PER_ARTICLE || row.evidence.length >= EVIDENCE_PER_RELATIONSHIP) break;
        if (rel.sources.length > 1 && !states(articleId, sentence) && rel.sources.some((other) => states(other, sentence))) continue;
        if (row.evidence.some((e, i) => e === sentence && row.evidenceSources[i] === articleId)) continue;
        row.evidence.push(sentence);
        row.evidenceSources.push(articleId);
        kept += 1;
      }
    }
    relationships.set(key, row);
  }

  const mentions = mentionsByArticle(doc);
  // One row per article id (write-articles CREATEs them); a repeated id keeps its last metadata.
  const articles = [...new Map(doc.articles.map((a) => [a.id, a])).values()].map((a: Article) => ({
    id: a.id,
    title: a.title,
    publishedAt: a.publishedAt ?? null,
    publisher: a.publisher ?? null,
    url: a.url ?? null,
    file: a.file ?? null,
    text: a.text ?? null,
    mentions: [...(mentions.get(a.id) ?? [])].sort().flatMap((id) => {
      const entity = entities.get(id);
      if (!entity) return [];
      const aliases = entity.aliases.filter((x) => x !== entity.name);
      const properties = Object.keys(entity.properties).length > 0 ? JSON.stringify(entity.properties) : null;
      return [{ id, name: entity.name, aliases: aliases.length > 0 ? aliases : null, properties }];
    }),
  }));

  for (const row of entities.values()) row.aliases = row.aliases.filter((a) => a !== row.name);
  return {
    entities: [...entities.values()].sort(byId),
    aliasKeys: [...keys].map(([id, set]) => ({ id, keys: [...set].sort() })).sort(byId),
    articles: articles.sort(byId),
    relationships: [...relationships.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  };
}

/**
 * Whether an article states a sentence, for relationships a merged batch gives several sources:
 * their evidence is one list, and a sentence goes with the articles whose text (or title) holds it,
 * so the reader opens the article a sentence really comes from. An article without text may state any
 * (and a sentence found in none of them goes with all, as before texts were kept).
 */
function sentencePairing(articles: Article[]): (articleId: string, sentence: string) => boolean {
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const indexes = new Map<string, TextIndex[]>();
  // a fact restated by many articles of a batch asks about each of its sentences once per article,
  // and each sentence is squeezed once for all the articles it is looked for in
  const answers = new Map<string, Map<string, boolean>>();
  const needles = new Map<string, string>();
  return (articleId, sentence) => {
    const article = articleById.get(articleId);
    if (!article || article.text == null) return true;
    let known = answers.get(articleId);
    if (!known) answers.set(articleId, (known = new Map()));
    const answer = known.get(sentence);
    if (answer !== undefined) return answer;
    let index = indexes.get(articleId);
    if (!index) {
      index = [new TextIndex(article.title), new TextIndex(article.text)];
      indexes.set(articleId, index);
    }
    let squeezed = needles.get(sentence);
    if (squeezed === undefined) needles.set(sentence, (squeezed = needle(sentence)));
    const states = index.some((i) => i.holds(squeezed));
    known.set(sentence, states);
    return states;
  };
}

/** Rows for write-new-relationships: the key and the provenance lists become properties of the new relationship. */
export function newRelationshipRows(rows: RelationshipRow[]): { type: string; source: string; target: string; properties: Record<string, unknown> }[] {
  return rows.map(({ key, type, source, target, properties, sources, evidence, evidenceSources, statedProperties }) => ({
    type,
    source,
    target,
    properties: { ...properties, key, sources, evidence, evidenceSources, statedProperties },
  }));
}

/**
 * "articleId<TAB>{properties as JSON}": what one article states of a relationship's properties,
 * kept on the relationship (a property holds no map) so a delete can take exactly that back.
 */
export function statement(articleId: string, properties: Properties): string {
  return `${articleId}\t${JSON.stringify(properties)}`;
}

/** A relationship's properties from the statements of the articles left, first stated first (the write's rule). */
export function propertiesFromStatements(statements: string[]): Properties {
  let properties: Properties = {};
  for (const s of statements) properties = { ...(JSON.parse(s.slice(s.indexOf('\t') + 1)) as Properties), ...properties };
  return properties;
}

/** What the articles still mentioning an entity state of it (cypher/entity-mentions.cypher). */
export interface MentionSummary {
  /** the name the oldest of them gives */
  name: string;
  /** every name and alias they give */
  names: string[];
  /** their distinct properties as JSON (MentionRow), oldest first */
  properties: string[];
}

/**
 * An entity as the articles still mentioning it state it, by the rules of the write: the first
 * name stays the name, every other name is an alias, and a property keeps the first value stated.
 */
export function entityFromMentions(id: string, label: GraphNode['label'], mentions: MentionSummary): GraphNode {
  let properties: Properties = {};
  for (const json of mentions.properties) properties = { ...(JSON.parse(json) as Properties), ...properties };
  return { id, label, name: mentions.name, aliases: mentions.names.filter((n) => n !== mentions.name), properties };
}
