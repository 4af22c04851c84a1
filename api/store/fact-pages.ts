// Entity detail's pages of facts held in memory with the path index (path-index.ts): for each entity
// its facts in the page's order (type, then the other end's name, then the fact's key, as
// cypher/entity-detail.cypher sorts them) and, for each fact, what the page lists: its key, other
// end, properties, evidence with the article that first stated each sentence, and its first source
// articles. A detail request whose read saw the graph the index was built from then builds its page
// here instead of sorting and reading the facts in Neo4j (read.ts entityDetail). Evidence sentences,
// key suffixes and property sets are stored once however many facts share them (on the 100k graph
// ~2M sentences of facts are ~400k distinct ones). No I/O here.
import type { Properties } from '../graph/schema.ts';

/** What the index reads of one fact for its pages (cypher/path-index-facts.cypher). */
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

/** The entities and facts of the path index, as its pages need them. */
export interface PageGraph {
  ids: readonly string[];
  labels: readonly string[];
  names: readonly (string | null)[];
  typeNames: readonly string[];
  /** Compressed rows: entity i's facts are entries offsets[i] to offsets[i + 1] - 1 of the arrays below. */
  offsets: Int32Array;
  neighbours: Int32Array;
  types: Uint8Array;
  /** The fact (its number, in the order they were added) of each entry. */
  factAt: Int32Array;
  /** The start entity of each fact. */
  starts: Int32Array;
  articles: readonly IndexedArticle[];
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
  private readonly strings = new Interned<string>();
  private readonly propertySets = new Interned<Properties>();
  /** Per fact: its key's suffix after "TYPE|start|end|" (n >= 0), or its whole key (-1 - n); the property set. */
  private readonly keys = new IntList();
  private readonly properties = new IntList();
  private readonly evidenceStart = new IntList();
  private readonly sentences = new IntList();
  private readonly sentenceSources = new IntList();
  private readonly sourceStart = new IntList();
  /** Source articles by number in PageGraph.articles, -1 for an id the graph has no article for. */
  private readonly sourceArticles = new IntList();
  private readonly sourceCounts = new IntList();
  /** Entities whose page order this index cannot vouch for: they are paged by Neo4j. */
  private readonly unsure = new Set<number>();

  /** The next fact, `start` and `end` the entities' numbers, `prefix` "TYPE|startId|endId|". */
  add(start: number, end: number, prefix: string, fact: FactDetail, articleNumber: (id: string) => number): void {
    const { key } = fact;
    if (key === null || UNSURE_ORDER.test(key) || start === end) {
      // Left to Neo4j: a missing key (sorted last there) and a fact from an entity to itself (met from both ends).
      this.unsure.add(start).add(end);
    }
    const k = key ?? '';
    this.keys.push(k.startsWith(prefix) ? this.strings.number(k.slice(prefix.length), k.slice(prefix.length)) : -1 - this.strings.number(k, k));
    this.properties.push(this.propertySets.number(fact.properties, JSON.stringify(fact.properties)));
    this.evidenceStart.push(this.sentences.length);
    fact.evidence.forEach((sentence, i) => {
      this.sentences.push(this.strings.number(sentence, sentence));
      const source = fact.evidenceSources[i] ?? '';
      this.sentenceSources.push(this.strings.number(source, source));
    });
    this.sourceStart.push(this.sourceArticles.length);
    for (const id of fact.sourceIds.slice(0, MAX_LISTED_SOURCES)) this.sourceArticles.push(articleNumber(id));
    this.sourceCounts.push(fact.sourceCount);
  }

  build(graph: PageGraph): FactPages {
    this.evidenceStart.push(this.sentences.length);
    this.sourceStart.push(this.sourceArticles.length);
    const facts: FactColumns = {
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
    const { order, paged } = pageOrder(graph, facts, this.unsure);
    return new FactPages(graph, facts, order, paged);
  }
}

interface FactColumns {
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

/** The fact of entry `e` of entity `i`'s row: its key as stored. */
function keyOf(graph: PageGraph, facts: FactColumns, i: number, e: number): string {
  const f = graph.factAt[e]!;
  const code = facts.keys[f]!;
  if (code < 0) return facts.strings[-1 - code]!;
  const [start, end] = graph.starts[f] === i ? [i, graph.neighbours[e]!] : [graph.neighbours[e]!, i];
  return `${graph.typeNames[graph.types[e]!]}|${graph.ids[start]}|${graph.ids[end]}|${facts.strings[code]}`;
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
 * Each entity's row in the page's order (entry numbers), and whether that order is Neo4j's for sure:
 * not when a name or key is missing or compared otherwise by Neo4j (UNSURE_ORDER), or two facts tie
 * on type, name and key.
 */
function pageOrder(graph: PageGraph, facts: FactColumns, unsure: ReadonlySet<number>): { order: Int32Array; paged: Uint8Array } {
  const n = graph.ids.length;
  const nameRank = ranks(graph.names.map((name) => name ?? ''));
  const unsureName = graph.names.map((name) => name === null || UNSURE_ORDER.test(name));
  const typeRank = ranks(graph.typeNames);
  const { offsets, neighbours, types } = graph;
  const order = new Int32Array(neighbours.length);
  const paged = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const from = offsets[i]!;
    const row: number[] = [];
    let sure = !unsure.has(i);
    for (let e = from; e < offsets[i + 1]!; e++) {
      row.push(e);
      if (unsureName[neighbours[e]!]) sure = false;
    }
    const tie = (a: number, b: number) => typeRank[types[a]!]! - typeRank[types[b]!]! || nameRank[neighbours[a]!]! - nameRank[neighbours[b]!]!;
    row.sort((a, b) => tie(a, b) || compare(keyOf(graph, facts, i, a), keyOf(graph, facts, i, b)));
    for (let r = 0; r < row.length; r++) {
      order[from + r] = row[r]!;
      if (r > 0 && tie(row[r - 1]!, row[r]!) === 0 && keyOf(graph, facts, i, row[r - 1]!) === keyOf(graph, facts, i, row[r]!)) sure = false;
    }
    paged[i] = sure ? 1 : 0;
  }
  return { order, paged };
}

export class FactPages {
  constructor(
    private readonly graph: PageGraph,
    private readonly facts: FactColumns,
    private readonly order: Int32Array,
    private readonly paged: Uint8Array,
  ) {}

  /** Entity `i`'s page as cypher/entity-detail.cypher lists it on the graph indexed; null when Neo4j must page it. */
  page(i: number, { offset, limit, sources }: DetailPage): PageFact[] | null {
    if (this.paged[i] !== 1) return null;
    const { graph, facts } = this;
    const from = Math.min(graph.offsets[i]! + offset, graph.offsets[i + 1]!);
    const to = Math.min(from + limit, graph.offsets[i + 1]!);
    const page: PageFact[] = [];
    for (let r = from; r < to; r++) {
      const e = this.order[r]!;
      const f = graph.factAt[e]!;
      const o = graph.neighbours[e]!;
      const evidence: string[] = [];
      const evidenceSources: string[] = [];
      for (let s = facts.evidenceStart[f]!; s < facts.evidenceStart[f + 1]!; s++) {
        evidence.push(facts.strings[facts.sentences[s]!]!);
        evidenceSources.push(facts.strings[facts.sentenceSources[s]!]!);
      }
      const listed: IndexedArticle[] = [];
      const first = facts.sourceStart[f]!;
      for (let s = first, end = Math.min(first + sources, facts.sourceStart[f + 1]!); s < end; s++) {
        const article = facts.sourceArticles[s]!;
        if (article >= 0) listed.push(graph.articles[article]!);
      }
      page.push({
        id: keyOf(graph, facts, i, e),
        type: graph.typeNames[graph.types[e]!]!,
        direction: graph.starts[f] === i ? 'out' : 'in',
        other: { id: graph.ids[o]!, label: graph.labels[o]!, name: graph.names[o]! },
        properties: facts.propertySets[facts.properties[f]!]!,
        evidence,
        evidenceSources,
        sources: listed,
        sourceCount: facts.sourceCounts[f]!,
      });
    }
    return page;
  }
}
