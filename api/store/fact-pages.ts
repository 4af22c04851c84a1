// Entity detail's pages of facts held in memory with the path index (path-index.ts): for each entity
// its facts in the page's order (type, then the other end's name, then the fact's key, as
// cypher/entity-detail.cypher sorts them) and, for each fact, what the page lists: its key, other
// end, properties, evidence with the article that first stated each sentence, and its first source
// articles. A detail request whose read saw the graph the index was built from then builds its page
// here instead of sorting and reading the facts in Neo4j (read.ts entityDetail). Built from a read of
// its own after the path index (PathIndex.pagesBuilder, path-index-cache.ts): it takes ~3 times as
// long, and paths need not wait for it. Evidence sentences, key suffixes and property sets are stored once however many facts share
// them (on the 100k graph ~2M sentences of facts are ~400k distinct ones). No I/O here.
import type { Properties } from '../graph/schema.ts';

/** What the index reads of one fact for its pages (cypher/path-index-fact-pages.cypher). */
export interface FactDetail {
  key: string | null;
  properties: Properties;
  /** Its distinct evidence sentences, and for each the article that first stated it (read.ts evidenceSourcesOf). */
  evidence: string[];
  evidenceSources: string[];
  /** The ids of its first MAX_LISTED_SOURCES source articles, and how many it has in all. */
  sourceIds: string[];
  sourceCount: number;
}

/** The most source articles a page lists per fact (the API's `sources` maximum). */
export const MAX_LISTED_SOURCES = 100;

/** An article as a source of facts: what entity detail and paths list (SourceRef). */
export interface IndexedArticle {
  id: string;
  title: string;
  url: string | null;
  publishedAt: string | null;
}

/** A fact as an entity's page lists it (EntityDetail's relationships). */
export interface PageFact {
  id: string;
  type: string;
  direction: 'out' | 'in';
  other: { id: string; label: string; name: string };
  properties: Properties;
  evidence: string[];
  evidenceSources: string[];
  sources: IndexedArticle[];
  sourceCount: number;
}

export interface DetailPage {
  /** Facts to skip and to return, in the page's order. */
  offset: number;
  limit: number;
  /** Source articles listed per fact (at most MAX_LISTED_SOURCES). */
  sources: number;
}

/** The path index's entities and articles, as the pages list them. */
export interface PageEntities {
  typeNames: readonly string[];
  position: ReadonlyMap<string, number>;
  entities: readonly { id: string; label: string; name: string | null }[];
  articles: ReadonlyMap<string, IndexedArticle>;
}

/** A growable Int32 list: a million facts are read one record at a time. */
export class IntList {
  values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  /** The values, trimmed. */
  done(): Int32Array {
    return this.values.slice(0, this.length);
  }
}

/** Each distinct value once, numbered in the order first given. */
class Interned<T> {
  readonly list: T[] = [];
  private readonly numbers = new Map<string, number>();

  number(value: T, name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) {
      n = this.list.length;
      this.numbers.set(name, n);
      this.list.push(value);
    }
    return n;
  }
}

/**
 * Strings whose order Neo4j may decide otherwise than JavaScript: Neo4j compares two UTF-8 stored
 * strings by code point and others as Java's String.compareTo (UTF-16 code units, as `<` does); the
 * two differ only between a character above U+FFFF and one in U+E000-U+FFFF.
 */
const UNSURE_ORDER = /[\uD800-\uFFFF]/;

export class FactPagesBuilder {
  private readonly typeCodes: ReadonlyMap<string, number>;
  private readonly articleNumbers: ReadonlyMap<string, number>;
  private readonly starts = new IntList();
  private readonly ends = new IntList();
  private readonly types = new IntList();
  private readonly strings = new Interned<string>();
  private readonly propertySets = new Interned<Properties>();
  /** Per fact: its key's suffix after "TYPE|start|end|" (n >= 0), or its whole key (-1 - n); the property set. */
  private readonly keys = new IntList();
  private readonly properties = new IntList();
  private readonly evidenceStart = new IntList();
  private readonly sentences = new IntList();
  private readonly sentenceSources = new IntList();
  private readonly sourceStart = new IntList();
  /** Source articles by their number in PageEntities.articles, -1 for an id the graph has no article for. */
  private readonly sourceArticles = new IntList();
  private readonly sourceCounts = new IntList();
  /** Entities whose page order this index cannot vouch for: they are paged by Neo4j. */
  private readonly unsure = new Set<number>();

  constructor(private readonly graph: PageEntities) {
    this.typeCodes = new Map(graph.typeNames.map((type, code) => [type, code]));
    this.articleNumbers = new Map([...graph.articles.keys()].map((id, n) => [id, n]));
  }

  /** A fact between two entities of the index; one of another type or with an end it does not hold is skipped, as the index skips it. */
  fact(startId: string, endId: string, type: string, fact: FactDetail): void {
    const start = this.graph.position.get(startId);
    const end = this.graph.position.get(endId);
    const code = this.typeCodes.get(type);
    if (start === undefined || end === undefined || code === undefined) return;
    this.starts.push(start);
    this.ends.push(end);
    this.types.push(code);
    const { key } = fact;
    if (key === null || UNSURE_ORDER.test(key) || start === end) {
      // Left to Neo4j: a missing key (sorted last there) and a fact from an entity to itself (met from both ends).
      this.unsure.add(start).add(end);
    }
    const k = key ?? '';
    const prefix = `${type}|${startId}|${endId}|`;
    this.keys.push(k.startsWith(prefix) ? this.strings.number(k.slice(prefix.length), k.slice(prefix.length)) : -1 - this.strings.number(k, k));
    this.properties.push(this.propertySets.number(fact.properties, JSON.stringify(fact.properties)));
    this.evidenceStart.push(this.sentences.length);
    fact.evidence.forEach((sentence, i) => {
      this.sentences.push(this.strings.number(sentence, sentence));
      const source = fact.evidenceSources[i] ?? '';
      this.sentenceSources.push(this.strings.number(source, source));
    });
    this.sourceStart.push(this.sourceArticles.length);
    for (const id of fact.sourceIds.slice(0, MAX_LISTED_SOURCES)) this.sourceArticles.push(this.articleNumbers.get(id) ?? -1);
    this.sourceCounts.push(fact.sourceCount);
  }

  build(): FactPages {
    this.evidenceStart.push(this.sentences.length);
    this.sourceStart.push(this.sourceArticles.length);
    const { entities, typeNames, articles } = this.graph;
    const facts: FactColumns = {
      starts: this.starts.done(),
      ends: this.ends.done(),
      types: this.types.done(),
      keys: this.keys.done(),
      properties: this.properties.done(),
      evidenceStart: this.evidenceStart.done(),
      sentences: this.sentences.done(),
      sentenceSources: this.sentenceSources.done(),
      sourceStart: this.sourceStart.done(),
      sourceArticles: this.sourceArticles.done(),
      sourceCounts: this.sourceCounts.done(),
      strings: this.strings.list,
      propertySets: this.propertySets.list,
    };
    const rows = factsByEntity(entities.length, facts);
    const listed: ListedEntities = { entities, typeNames, articles: [...articles.values()] };
    const paged = pageOrder(listed, facts, rows, this.unsure);
    return new FactPages(listed, facts, rows.offsets, rows.facts, paged);
  }
}

interface FactColumns {
  starts: Int32Array;
  ends: Int32Array;
  types: Int32Array;
  keys: Int32Array;
  properties: Int32Array;
  evidenceStart: Int32Array;
  sentences: Int32Array;
  sentenceSources: Int32Array;
  sourceStart: Int32Array;
  sourceArticles: Int32Array;
  sourceCounts: Int32Array;
  strings: readonly string[];
  propertySets: readonly Properties[];
}

/** The entities and articles the pages list. */
interface ListedEntities {
  entities: readonly { id: string; label: string; name: string | null }[];
  typeNames: readonly string[];
  articles: readonly IndexedArticle[];
}

/** Compressed rows: entity i's facts (their numbers) are facts[offsets[i]] to facts[offsets[i + 1] - 1]. */
function factsByEntity(n: number, { starts, ends }: FactColumns): { offsets: Int32Array; facts: Int32Array } {
  const offsets = new Int32Array(n + 1);
  for (let f = 0; f < starts.length; f++) {
    offsets[starts[f]! + 1]! += 1;
    offsets[ends[f]! + 1]! += 1;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const facts = new Int32Array(2 * starts.length);
  for (let f = 0; f < starts.length; f++) {
    facts[fill[starts[f]!]!++] = f;
    facts[fill[ends[f]!]!++] = f;
  }
  return { offsets, facts };
}

/** The other end of fact `f` seen from entity `i`. */
const otherEnd = (facts: FactColumns, f: number, i: number) => (facts.starts[f] === i ? facts.ends[f]! : facts.starts[f]!);

/** Fact `f`'s key as stored. */
function keyOf(listed: ListedEntities, facts: FactColumns, f: number): string {
  const code = facts.keys[f]!;
  if (code < 0) return facts.strings[-1 - code]!;
  return `${listed.typeNames[facts.types[f]!]}|${listed.entities[facts.starts[f]!]!.id}|${listed.entities[facts.ends[f]!]!.id}|${facts.strings[code]}`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Ranks of `values` in ascending order, equal values equal ranks. */
function ranks(values: readonly string[]): Int32Array {
  const sorted = values.map((_, i) => i).sort((a, b) => compare(values[a]!, values[b]!));
  const rank = new Int32Array(values.length);
  sorted.forEach((i, n) => (rank[i] = n > 0 && values[i] === values[sorted[n - 1]!] ? rank[sorted[n - 1]!]! : n));
  return rank;
}

/**
 * Each entity's facts in the page's order (fact numbers, in place of `rows.facts`), and per entity
 * whether that order is Neo4j's for sure (1) or Neo4j must page it (0): a name or key missing or
 * compared otherwise by Neo4j (UNSURE_ORDER), two facts tied on type, name and key.
 */
function pageOrder(listed: ListedEntities, facts: FactColumns, rows: { offsets: Int32Array; facts: Int32Array }, unsure: ReadonlySet<number>): Uint8Array {
  const names = listed.entities.map((e) => e.name);
  const nameRank = ranks(names.map((name) => name ?? ''));
  const unsureName = names.map((name) => name === null || UNSURE_ORDER.test(name));
  const typeRank = ranks(listed.typeNames);
  const { offsets } = rows;
  const paged = new Uint8Array(names.length);
  for (let i = 0; i < names.length; i++) {
    const from = offsets[i]!;
    const row = Array.from(rows.facts.subarray(from, offsets[i + 1]!));
    let sure = !unsure.has(i) && !row.some((f) => unsureName[otherEnd(facts, f, i)]);
    const tie = (a: number, b: number) => typeRank[facts.types[a]!]! - typeRank[facts.types[b]!]! || nameRank[otherEnd(facts, a, i)]! - nameRank[otherEnd(facts, b, i)]!;
    row.sort((a, b) => tie(a, b) || compare(keyOf(listed, facts, a), keyOf(listed, facts, b)));
    row.forEach((f, r) => {
      rows.facts[from + r] = f;
      if (r > 0 && tie(row[r - 1]!, f) === 0 && keyOf(listed, facts, row[r - 1]!) === keyOf(listed, facts, f)) sure = false;
    });
    paged[i] = sure ? 1 : 0;
  }
  return paged;
}

export class FactPages {
  constructor(
    private readonly listed: ListedEntities,
    private readonly facts: FactColumns,
    /** Entity i's facts in the page's order are ordered[offsets[i]] to ordered[offsets[i + 1] - 1]. */
    private readonly offsets: Int32Array,
    private readonly ordered: Int32Array,
    private readonly paged: Uint8Array,
  ) {}

  /** Entity `i`'s page as cypher/entity-detail.cypher lists it on the graph indexed; null when Neo4j must page it. */
  page(i: number, { offset, limit, sources }: DetailPage): PageFact[] | null {
    if (this.paged[i] !== 1) return null;
    const { listed, facts, offsets } = this;
    const from = Math.min(offsets[i]! + offset, offsets[i + 1]!);
    const to = Math.min(from + limit, offsets[i + 1]!);
    const page: PageFact[] = [];
    for (let r = from; r < to; r++) {
      const f = this.ordered[r]!;
      const other = listed.entities[otherEnd(facts, f, i)]!;
      const evidence: string[] = [];
      const evidenceSources: string[] = [];
      for (let s = facts.evidenceStart[f]!; s < facts.evidenceStart[f + 1]!; s++) {
        evidence.push(facts.strings[facts.sentences[s]!]!);
        evidenceSources.push(facts.strings[facts.sentenceSources[s]!]!);
      }
      const articles: IndexedArticle[] = [];
      const first = facts.sourceStart[f]!;
      for (let s = first, end = Math.min(first + sources, facts.sourceStart[f + 1]!); s < end; s++) {
        const article = facts.sourceArticles[s]!;
        if (article >= 0) articles.push(listed.articles[article]!);
      }
      page.push({
        id: keyOf(listed, facts, f),
        type: listed.typeNames[facts.types[f]!]!,
        direction: facts.starts[f] === i ? 'out' : 'in',
        other: { id: other.id, label: other.label, name: other.name! },
        properties: facts.propertySets[facts.properties[f]!]!,
        evidence,
        evidenceSources,
        sources: articles,
        sourceCount: facts.sourceCounts[f]!,
      });
    }
    return page;
  }
}
