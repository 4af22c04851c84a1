// The graph's fact relationships held in memory (compressed adjacency lists), for GET /api/paths:
// a level of the search through a hub city with thousands of facts is then a loop over arrays, not
// a Cypher aggregation over thousands of rows. It answers exactly what cypher/path-ends.cypher and
// cypher/path-step.cypher answer on the graph it was built from (tests/unit/path-index.test.ts,
// tests/integration/api-queries.test.ts compare them); PathIndexCache (path-index-cache.ts) builds
// it from Neo4j and keeps it only while the graph is unchanged. It also holds every article's title,
// URL and date, and entity detail's pages of facts (fact-pages.ts), so that a detail request on the
// graph indexed needs neither the page's sort nor its per-fact reads in Neo4j (read.ts entityDetail).
// No I/O here.
import { FactPagesBuilder, IntList, type DetailPage, type FactPages, type IndexedArticle, type PageFact } from './fact-pages.ts';
import type { GraphSeen } from './graph-stamp.ts';
import type { StepRow } from './path-search.ts';

export type { IndexedArticle } from './fact-pages.ts';

/** What a path may pass through: relationship types, and events only when dated inside [since, until]. */
export interface PathFilter {
  types: readonly string[];
  since: string | null;
  until: string | null;
  /** The search's `from` end, never filtered out. */
  from: string;
}

/** An index and whether a read that saw `graph` saw the graph it was built from (PathIndexCache.latest). */
export interface CheckedPathIndex {
  index: PathIndex;
  builtFrom(graph: GraphSeen): boolean;
}

export interface IndexedEntity {
  id: string;
  /** All its relationships, MENTIONS included (as COUNT { (m)--() }). */
  degree: number;
  event: boolean;
  date: string | null;
  /** Its label (not Entity) and name, as a page of facts lists it at the other end. */
  label: string;
  name: string | null;
}

export class PathIndexBuilder {
  private readonly entities: IndexedEntity[] = [];
  private readonly position = new Map<string, number>();
  private readonly starts = new IntList();
  private readonly ends = new IntList();
  private readonly types = new IntList();
  private readonly articles = new Map<string, IndexedArticle>();
  private readonly typeCodes: ReadonlyMap<string, number>;

  /** The fact relationship types, in the order their codes are given (at most 32). */
  constructor(private readonly typeNames: readonly string[]) {
    this.typeCodes = new Map(typeNames.map((type, code) => [type, code]));
  }

  entity(entity: IndexedEntity): void {
    if (this.position.has(entity.id)) return;
    this.position.set(entity.id, this.entities.length);
    this.entities.push(entity);
  }

  article(article: IndexedArticle): void {
    this.articles.set(article.id, article);
  }

  /** A fact between two entities given before; one read while entities were still being written is skipped. */
  fact(start: string, end: string, type: string): void {
    const a = this.position.get(start);
    const b = this.position.get(end);
    const code = this.typeCodes.get(type);
    if (a === undefined || b === undefined || code === undefined) return;
    this.starts.push(a);
    this.ends.push(b);
    this.types.push(code);
  }

  build(): PathIndex {
    const n = this.entities.length;
    const facts = this.starts.length;
    // Counting sort into compressed rows: each fact is listed at both of its ends.
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < facts; i++) {
      offsets[this.starts.values[i]! + 1]! += 1;
      offsets[this.ends.values[i]! + 1]! += 1;
    }
    for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
    const fill = offsets.slice(0, n);
    const neighbours = new Int32Array(2 * facts);
    const types = new Uint8Array(2 * facts);
    for (let i = 0; i < facts; i++) {
      const a = this.starts.values[i]!;
      const b = this.ends.values[i]!;
      const type = this.types.values[i]!;
      neighbours[fill[a]!] = b;
      types[fill[a]!++] = type;
      neighbours[fill[b]!] = a;
      types[fill[b]!++] = type;
    }
    return new PathIndex(this.entities, this.position, this.typeNames, offsets, neighbours, types, this.articles);
  }
}

export class PathIndex {
  /** The last mark given (nextMark) and the scratch arrays of step(), shared by every search. */
  private marks = 0;
  private marked: { mark: Int32Array; slot: Int32Array } | null = null;
  /** Entity detail's pages of facts, once attached (attachPages). */
  private pages: FactPages | null = null;

  constructor(
    private readonly entities: readonly IndexedEntity[],
    private readonly position: ReadonlyMap<string, number>,
    private readonly typeNames: readonly string[],
    private readonly offsets: Int32Array,
    private readonly neighbours: Int32Array,
    private readonly types: Uint8Array,
    private readonly articles: ReadonlyMap<string, IndexedArticle> = new Map(),
  ) {}

  /** Whether it holds entity detail's pages of facts (PathIndexOptions.maxPageRelationships). */
  get hasPages(): boolean {
    return this.pages !== null;
  }

  /** A builder of pages of facts over this index's entities and articles: given the same graph's facts, its build is attached. */
  pagesBuilder(): FactPagesBuilder {
    return new FactPagesBuilder({ typeNames: this.typeNames, position: this.position, entities: this.entities, articles: this.articles });
  }

  /** Entity detail's pages, built from the graph this index was built from. */
  attachPages(pages: FactPages): void {
    this.pages = pages;
  }

  get size(): { entities: number; facts: number } {
    return { entities: this.entities.length, facts: this.neighbours.length / 2 };
  }

  has(id: string): boolean {
    return this.position.has(id);
  }

  /** The article with this id; undefined when the graph has none. */
  article(id: string): IndexedArticle | undefined {
    return this.articles.get(id);
  }

  /**
   * A page of the entity's facts as cypher/entity-detail.cypher lists it on the graph indexed; null
   * when the graph has no such entity, the index no pages, or Neo4j must page it (FactPages.page).
   */
  detailPage(id: string, page: DetailPage): PageFact[] | null {
    const i = this.position.get(id);
    return i === undefined || !this.pages ? null : this.pages.page(i, page);
  }

  /** What path-ends.cypher answers for one end: its degree, and whether a path may end there. */
  end(id: string, filter: PathFilter): { degree: number; allowed: boolean } | null {
    const i = this.position.get(id);
    return i === undefined ? null : { degree: this.entities[i]!.degree, allowed: this.passable(i, filter) };
  }

  /**
   * What path-step.cypher answers: the entities one allowed fact away from the frontier (not in
   * `previous`), each with the frontier entities it is joined to, or only those in `others` when
   * any is. Marks entities in this index's scratch arrays instead of sets and maps: a level around
   * a hub reads thousands of facts, and the step runs to its end without yielding, so concurrent
   * searches never share the marks.
   */
  step(frontier: readonly string[], previous: readonly string[], others: readonly string[], filter: PathFilter): StepRow[] {
    const mask = this.typeMask(filter.types);
    const dated = filter.since !== null || filter.until !== null;
    const { mark, slot } = this.scratch;
    const { offsets, neighbours, types, position } = this;
    // An entity marked `skipped` is in the level before, `reached` already in this level.
    const skipped = this.nextMark();
    for (const id of previous) {
      const p = position.get(id);
      if (p !== undefined) mark[p] = skipped;
    }
    const reached = this.nextMark();
    const found: number[] = [];
    const parents: string[][] = [];
    for (const id of frontier) {
      const i = position.get(id);
      if (i === undefined) continue;
      for (let e = offsets[i]!, end = offsets[i + 1]!; e < end; e++) {
        const m = neighbours[e]!;
        if ((mask & (1 << types[e]!)) === 0 || mark[m] === skipped) continue;
        if (mark[m] === reached) {
          // Parallel facts to m come while the same frontier entity is read: a repeat is the last one.
          const list = parents[slot[m]!]!;
          if (list[list.length - 1] !== id) list.push(id);
        } else if (!dated || this.passable(m, filter)) {
          mark[m] = reached;
          slot[m] = found.length;
          found.push(m);
          parents.push([id]);
        }
      }
    }
    const meeting = this.nextMark();
    let meets = false;
    for (const id of others) {
      const o = position.get(id);
      if (o !== undefined && mark[o] === reached) {
        mark[o] = meeting;
        meets = true;
      }
    }
    const rows: StepRow[] = [];
    for (let f = 0; f < found.length; f++) {
      const m = found[f]!;
      if (meets && mark[m] !== meeting) continue;
      const { id, degree } = this.entities[m]!;
      rows.push({ id, parents: parents[f]!, degree, weight: Math.log(1 + degree) });
    }
    return rows;
  }

  /** One mark per entity and where it was put in a level (allocated at the first search). */
  private get scratch(): { mark: Int32Array; slot: Int32Array } {
    return (this.marked ??= { mark: new Int32Array(this.entities.length), slot: new Int32Array(this.entities.length) });
  }

  /** A mark no entity carries yet. */
  private nextMark(): number {
    if (this.marks === 0x7fffffff) {
      this.scratch.mark.fill(0);
      this.marks = 0;
    }
    return ++this.marks;
  }

  private typeMask(types: readonly string[]): number {
    let mask = 0;
    for (const type of types) {
      const code = this.typeNames.indexOf(type);
      if (code >= 0) mask |= 1 << code;
    }
    return mask;
  }

  /** An event is passed through (or ends a path) only when dated inside the range; `from` always. */
  private passable(i: number, { since, until, from }: PathFilter): boolean {
    const { id, event, date } = this.entities[i]!;
    if (!event || (since === null && until === null) || id === from) return true;
    if (date === null) return false;
    return (since === null || date >= since.slice(0, date.length)) && (until === null || date.slice(0, until.length) <= until);
  }
}
