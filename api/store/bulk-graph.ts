// The graph a first load builds in memory before `neo4j-admin database import` writes it: the
// batches go through the very steps of writeGraph (write.ts): skip stored articles, resolve
// against stored alias keys, writeRows (rows.ts); the rows are then applied with the semantics of
// cypher/write-*.cypher (noted at each step), so the imported graph equals what incremental
// ingest of the same batches in the same order builds. tests/integration/bulk-import.test.ts
// compares the two.
//
// Memory is what limits the size of a first load, so the graph keeps only what a later batch can
// still change: articles and their MENTIONS never change once written and go straight to the sink
// (the CSV writer); ids are interned (every batch comes from a worker thread with its own copies of
// the same strings); a fact's append-only lists are kept as the import's array fields, one string
// each, instead of an array of strings (an array per list per fact cost more than its items).
import type { GraphDocument, GraphNode, Properties } from '../graph/schema.ts';
import { isWordKey, namedInMoreWords } from '../graph/alias-keys.ts';
import { EVIDENCE_PER_RELATIONSHIP, keepsWholeDocument, remapToExisting, restrictToArticles, writeRows, type AliasKeys, type ArticleRow, type RelationshipRow, type StoredKeys } from './rows.ts';

export interface BulkEntity {
  id: string;
  /** The contract label of the first write (later writes of the id do not change it). */
  labels: string[];
  name: string;
  aliases: string[];
  properties: Properties;
}
/** A fact as the import writes it: the append-only lists joined by ARRAY_DELIMITER ('' when empty). */
export interface BulkRelationship extends Pick<RelationshipRow, 'key' | 'type' | 'source' | 'target' | 'properties' | 'sources'> {
  evidence: string;
  evidenceSources: string;
  /** How many sentences `evidence` holds (at most EVIDENCE_PER_RELATIONSHIP). */
  evidenceCount: number;
  statedProperties: string;
}

/** Where articles go as their batch is added: each with its mentions and the time its batch was added (write-articles sets storedAt = timestamp()). */
export type ArticleSink = (article: ArticleRow, storedAt: number) => void;

/** Separates the items of a list field in the import's CSV (neo4j-admin --array-delimiter); no text of ours holds it (checked on append). */
export const ARRAY_DELIMITER = '\u001f';

const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/**
 * The string stored one byte a character when it can be. V8 keeps a string cut from a text holding
 * any character beyond U+00FF (a curly quote) two bytes a character, and a sentence sent from the
 * extraction thread stays so: measured, the facts' evidence took a quarter less heap this way.
 */
function compact(value: string): string {
  return BEYOND_LATIN1.test(value) ? value : Buffer.from(value, 'latin1').toString('latin1');
}

function appendToList(list: string, items: string[]): string {
  if (items.length === 0) return list;
  for (const item of items) if (item.includes(ARRAY_DELIMITER)) throw new Error(`a value holds the import's array delimiter U+001F: ${JSON.stringify(item.slice(0, 80))}`);
  const joined = compact(items.join(ARRAY_DELIMITER));
  return list === '' ? joined : joined === '' ? list : `${list}${ARRAY_DELIMITER}${joined}`;
}

export interface BulkBatchResult {
  /** Articles written by this batch. */
  added: number;
  /** Articles already in the graph under the same content hash. */
  unchanged: number;
  /** Articles that would replace an earlier version (same URL, or same title and file): not loaded. */
  replacing: { id: string; title: string; file: string | null; previous: string }[];
}

/** Sources a fact keeps in its list alone; beyond, a set beside it answers whether an article is one (most facts have one or two). */
const SOURCES_SCANNED = 32;

/**
 * The alias keys of each node computed once: the batch's nodes are asked for theirs three times
 * (stored entities, remapping, the rows), and a body's keys cost a gazetteer look-up per name.
 */
function keptKeys(aliasKeys: AliasKeys): AliasKeys {
  const kept = new WeakMap<GraphNode, string[]>();
  return (node) => {
    let keys = kept.get(node);
    if (!keys) kept.set(node, (keys = aliasKeys(node)));
    return keys;
  };
}

const versionKeys = (a: { url?: string | null; title: string; file?: string | null }) =>
  a.url ? [`url|${a.url}`] : [`title|${a.title}|${a.file ?? ''}`];

export class BulkGraph {
  readonly entities = new Map<string, BulkEntity>();
  /** Alias key -> the entities it names, without repeats (a key of more words naming several is ambiguous: entities-by-alias-key skips it). */
  readonly keys = new Map<string, string[]>();
  /** The entities holding a key of more words (graph/alias-keys.ts namedInMoreWords over their keys): bodies of their own, not known by a word alone. */
  private readonly named = new Set<string>();
  /** The ids of the articles written to the sink. */
  readonly articles = new Set<string>();
  private lastStoredAt = 0;
  readonly relationships = new Map<string, BulkRelationship>();
  private readonly versions = new Map<string, string>();
  private readonly interned = new Map<string, string>();
  /**
   * The sources of the facts stated by many articles, as a set beside the list: a hub fact (a
   * city located in its country) is restated by thousands of articles, and looking each new source
   * up in the list made adding it cost as much as the list is long.
   */
  private readonly manySources = new Map<BulkRelationship, Set<string>>();

  /** `aliasKeys`: how entities are found among the stored ones, as given to writeGraph; `sink` takes each article as it is added. */
  constructor(
    private readonly aliasKeys: AliasKeys,
    private readonly sink: ArticleSink,
  ) {}

  /** One string object for every copy of an id or type. */
  private intern(value: string): string {
    const known = this.interned.get(value);
    if (known !== undefined) return known;
    this.interned.set(value, value);
    return value;
  }

  /** Adds one prepared batch, as writeGraph would write it into a database holding what was added before. */
  add(doc: GraphDocument): BulkBatchResult {
    const result: BulkBatchResult = { added: 0, unchanged: 0, replacing: [] };
    const fresh = new Set<string>();
    for (const article of doc.articles) {
      if (this.articles.has(article.id) || fresh.has(article.id)) {
        result.unchanged += 1;
        continue;
      }
      // previous-versions.cypher: a stored article with the same URL, or without URLs the same title and file
      const previous = versionKeys(article).map((key) => this.versions.get(key)).find((id) => id !== undefined && id !== article.id);
      if (previous) result.replacing.push({ id: article.id, title: article.title, file: article.file ?? null, previous });
      else fresh.add(article.id);
    }
    if (fresh.size === 0) return result;

    const part = keepsWholeDocument(doc, fresh) ? doc : restrictToArticles(doc, fresh);
    const keysOf = keptKeys(this.aliasKeys);
    const stored = this.entitiesByAliasKey(part.nodes.flatMap(keysOf));
    const existing = stored.unique;
    const rows = writeRows(remapToExisting(part, stored, keysOf), keysOf);

    for (const row of rows.entities) this.writeEntity(row);
    for (const { id, keys } of rows.aliasKeys) {
      if (namedInMoreWords(keys)) this.named.add(this.intern(id));
      // write-alias-keys.cypher: MERGE the key and its link
      for (const key of keys) {
        if (existing.get(key) === id) continue;
        const ids = this.keys.get(key);
        if (!ids) this.keys.set(compact(key), [this.intern(id)]);
        else if (!ids.includes(id)) ids.push(this.intern(id));
      }
    }
    // strictly increasing, so batches keep their order even when two are added within a millisecond
    const storedAt = (this.lastStoredAt = Math.max(Date.now(), this.lastStoredAt + 1));
    for (const row of rows.articles) {
      const id = this.intern(row.id);
      this.articles.add(id);
      this.sink(row, storedAt);
      for (const key of versionKeys(row)) if (!this.versions.has(key)) this.versions.set(key, id);
    }
    for (const row of rows.relationships) this.writeRelationship(row);
    result.added = rows.articles.length;
    return result;
  }

  /** entities-by-alias-key.cypher: keys naming exactly one entity, and every entity a body's one-word key names. */
  private entitiesByAliasKey(keys: string[]): StoredKeys {
    const found: StoredKeys = { unique: new Map(), wordHolders: new Map() };
    for (const key of keys) {
      const ids = this.keys.get(key);
      if (!ids) continue;
      if (ids.length === 1) found.unique.set(key, ids[0]!);
      if (isWordKey(key)) found.wordHolders.set(key, ids.map((id) => ({ id, named: this.named.has(id) })));
    }
    return found;
  }

  /** write-entities.cypher: the label and name of the first write stay, other names join the aliases, a stored property keeps its value. */
  private writeEntity(row: { id: string; label: string; name: string; aliases: string[]; properties: Properties }): void {
    const stored = this.entities.get(row.id);
    if (!stored) {
      const id = this.intern(row.id);
      this.entities.set(id, { id, labels: [row.label], name: row.name, aliases: [...row.aliases], properties: { ...row.properties } });
      return;
    }
    stored.properties = { ...row.properties, ...stored.properties };
    for (const alias of [...row.aliases, row.name]) {
      if (alias !== stored.name && !stored.aliases.includes(alias)) stored.aliases.push(alias);
    }
  }

  /** The set of a fact's sources once the list is long enough for a scan to cost more than the set (undefined before). */
  private sourceSet(fact: BulkRelationship): Set<string> | undefined {
    const known = this.manySources.get(fact);
    if (known || fact.sources.length < SOURCES_SCANNED) return known;
    const set = new Set(fact.sources);
    this.manySources.set(fact, set);
    return set;
  }

  /** write-relationships.cypher (stored: new sources and capped evidence join) or write-new-relationships.cypher. */
  private writeRelationship(row: RelationshipRow): void {
    const stored = this.relationships.get(row.key);
    if (!stored) {
      const key = compact(row.key);
      this.relationships.set(key, {
        key,
        type: this.intern(row.type),
        source: this.intern(row.source),
        target: this.intern(row.target),
        properties: { ...row.properties },
        sources: row.sources.map((s) => this.intern(s)),
        evidence: appendToList('', row.evidence),
        evidenceSources: appendToList('', row.evidenceSources),
        evidenceCount: row.evidence.length,
        statedProperties: appendToList('', row.statedProperties),
      });
      return;
    }
    const known = this.sourceSet(stored);
    const fresh = row.sources.filter((s) => (known ? !known.has(s) : !stored.sources.includes(s)));
    const stated = row.evidence.map((_, i) => i).filter((i) => fresh.includes(row.evidenceSources[i]!));
    const kept = stored.evidenceCount >= EVIDENCE_PER_RELATIONSHIP ? [] : stated.slice(0, EVIDENCE_PER_RELATIONSHIP - stored.evidenceCount);
    stored.properties = { ...row.properties, ...stored.properties };
    stored.statedProperties = appendToList(stored.statedProperties, row.statedProperties.filter((statement) => fresh.includes(statement.split('\t')[0]!)));
    for (const source of fresh) {
      const id = this.intern(source);
      stored.sources.push(id);
      known?.add(id);
    }
    stored.evidence = appendToList(stored.evidence, kept.map((i) => row.evidence[i]!));
    stored.evidenceSources = appendToList(stored.evidenceSources, kept.map((i) => row.evidenceSources[i]!));
    stored.evidenceCount += kept.length;
  }
}
