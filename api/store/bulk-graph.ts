// The graph a first load builds in memory before `neo4j-admin database import` writes it: the
// batches go through the very steps of writeGraph (write.ts): skip stored articles, resolve
// against stored alias keys, writeRows (rows.ts); the rows are then applied with the semantics of
// cypher/write-*.cypher (noted at each step), so the imported graph equals what incremental
// ingest of the same batches in the same order builds. tests/integration/bulk-import.test.ts
// compares the two.
import type { GraphDocument, Properties } from '../graph/schema.ts';
import { EVIDENCE_PER_RELATIONSHIP, remapToExisting, restrictToArticles, writeRows, type AliasKeys, type ArticleRow, type RelationshipRow } from './rows.ts';

export interface BulkEntity {
  id: string;
  /** The contract label of the first write (later writes of the id do not change it). */
  labels: string[];
  name: string;
  aliases: string[];
  properties: Properties;
}
export type BulkRelationship = Omit<RelationshipRow, 'key'> & { key: string };

export interface BulkBatchResult {
  /** Articles written by this batch. */
  added: number;
  /** Articles already in the graph under the same content hash. */
  unchanged: number;
  /** Articles that would replace an earlier version (same URL, or same title and file): not loaded. */
  replacing: { id: string; title: string; file: string | null; previous: string }[];
}

const versionKeys = (a: { url?: string | null; title: string; file?: string | null }) =>
  a.url ? [`url|${a.url}`] : [`title|${a.title}|${a.file ?? ''}`];

export class BulkGraph {
  readonly entities = new Map<string, BulkEntity>();
  /** Alias key -> the entities it names (a key naming several is ambiguous: entities-by-alias-key skips it). */
  readonly keys = new Map<string, Set<string>>();
  /** Each article with the time its batch was added (write-articles sets storedAt = timestamp()). */
  readonly articles = new Map<string, ArticleRow & { storedAt: number }>();
  private lastStoredAt = 0;
  readonly relationships = new Map<string, BulkRelationship>();
  private readonly versions = new Map<string, string>();

  /** `aliasKeys`: how entities are found among the stored ones, as given to writeGraph. */
  constructor(private readonly aliasKeys: AliasKeys) {}

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

    const part = restrictToArticles(doc, fresh);
    const existing = this.entitiesByAliasKey(part.nodes.flatMap(this.aliasKeys));
    const rows = writeRows(remapToExisting(part, existing, this.aliasKeys), this.aliasKeys);

    for (const row of rows.entities) this.writeEntity(row);
    for (const { id, keys } of rows.aliasKeys) {
      // write-alias-keys.cypher: MERGE the key and its link
      for (const key of keys) {
        if (existing.get(key) === id) continue;
        const ids = this.keys.get(key) ?? new Set<string>();
        ids.add(id);
        this.keys.set(key, ids);
      }
    }
    // strictly increasing, so batches keep their order even when two are added within a millisecond
    const storedAt = (this.lastStoredAt = Math.max(Date.now(), this.lastStoredAt + 1));
    for (const row of rows.articles) {
      this.articles.set(row.id, { ...row, storedAt });
      for (const key of versionKeys(row)) if (!this.versions.has(key)) this.versions.set(key, row.id);
    }
    for (const row of rows.relationships) this.writeRelationship(row);
    result.added = rows.articles.length;
    return result;
  }

  /** entities-by-alias-key.cypher: keys naming exactly one entity. */
  private entitiesByAliasKey(keys: string[]): Map<string, string> {
    const found = new Map<string, string>();
    for (const key of keys) {
      const ids = this.keys.get(key);
      if (ids?.size === 1) found.set(key, ids.values().next().value!);
    }
    return found;
  }

  /** write-entities.cypher: the label and name of the first write stay, other names join the aliases, a stored property keeps its value. */
  private writeEntity(row: { id: string; label: string; name: string; aliases: string[]; properties: Properties }): void {
    const stored = this.entities.get(row.id);
    if (!stored) {
      this.entities.set(row.id, { id: row.id, labels: [row.label], name: row.name, aliases: [...row.aliases], properties: { ...row.properties } });
      return;
    }
    stored.properties = { ...row.properties, ...stored.properties };
    for (const alias of [...row.aliases, row.name]) {
      if (alias !== stored.name && !stored.aliases.includes(alias)) stored.aliases.push(alias);
    }
  }

  /** write-relationships.cypher (stored: new sources and capped evidence join) or write-new-relationships.cypher. */
  private writeRelationship(row: RelationshipRow): void {
    const stored = this.relationships.get(row.key);
    if (!stored) {
      this.relationships.set(row.key, {
        ...row, properties: { ...row.properties }, sources: [...row.sources], evidence: [...row.evidence], evidenceSources: [...row.evidenceSources], statedProperties: [...row.statedProperties],
      });
      return;
    }
    const fresh = row.sources.filter((s) => !stored.sources.includes(s));
    const stated = row.evidence.map((_, i) => i).filter((i) => fresh.includes(row.evidenceSources[i]!));
    const kept = stored.evidence.length >= EVIDENCE_PER_RELATIONSHIP ? [] : stated.slice(0, EVIDENCE_PER_RELATIONSHIP - stored.evidence.length);
    stored.properties = { ...row.properties, ...stored.properties };
    stored.statedProperties.push(...row.statedProperties.filter((statement) => fresh.includes(statement.split('\t')[0]!)));
    stored.sources.push(...fresh);
    stored.evidence.push(...kept.map((i) => row.evidence[i]!));
    stored.evidenceSources.push(...kept.map((i) => row.evidenceSources[i]!));
  }
}
