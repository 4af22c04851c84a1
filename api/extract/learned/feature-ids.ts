// A pair's features as the relation step writes them: by name for training (every feature, in the order first
// added), or, when a model decides, as the ids of the features some model weighs, so that the step neither
// builds a name nor keeps a set of strings per pair. Summing the ids' weights in the order first added gives
// the sums of the names' weights to the bit (a feature no model weighs adds 0, and x + 0 is x).

/** Prefixes of the features whose rest is a word of the text: an open vocabulary, looked up word by word. */
export const WORD_PREFIXES = ['x-pre:', 'x-post:', 'pre:', 'post:', 'btw:', 'btw-edge:'] as const;
export type WordPrefix = (typeof WORD_PREFIXES)[number];

/** Where a pair's features are written. */
export interface FeatureSink {
  add(feature: string): void;
  /** the feature `prefix + word` */
  addWord(prefix: WordPrefix, word: string): void;
  has(feature: string): boolean;
  /** whether nothing has been added */
  readonly empty: boolean;
}

/** Every feature by name, in the order first added: what training learns from. */
export class FeatureNames implements FeatureSink {
  readonly names = new Set<string>();
  add(feature: string): void {
    this.names.add(feature);
  }
  addWord(prefix: WordPrefix, word: string): void {
    this.names.add(prefix + word);
  }
  has(feature: string): boolean {
    return this.names.has(feature);
  }
  get empty(): boolean {
    return this.names.size === 0;
  }
}

/** An id for each feature of a list (the features the models weigh, and those the step asks a pair about). */
export class FeatureTable {
  readonly ids = new Map<string, number>();
  private readonly words = new Map<WordPrefix, Map<string, number>>(WORD_PREFIXES.map((p) => [p, new Map()]));

  constructor(names: Iterable<string>) {
    for (const name of names) {
      if (this.ids.has(name)) continue;
      const id = this.ids.size;
      this.ids.set(name, id);
      for (const p of WORD_PREFIXES) if (name.startsWith(p)) this.words.get(p)!.set(name.slice(p.length), id);
    }
  }

  get size(): number {
    return this.ids.size;
  }

  /** the id of `prefix + word`, without building it */
  wordId(prefix: WordPrefix, word: string): number | undefined {
    return this.words.get(prefix)!.get(word);
  }
}

/**
 * The ids of a pair's features that a table knows, in the order first added; `has` answers for the table's
 * features only. One instance serves pair after pair (`reset`): a pair's features are read before the next.
 */
export class FeatureIds implements FeatureSink {
  readonly list: number[] = [];
  private added = 0;
  /** the generation in which each id was last added: no set to empty between pairs */
  private readonly stamp: Uint32Array;
  private generation = 1;

  constructor(readonly table: FeatureTable) {
    this.stamp = new Uint32Array(table.size);
  }

  /** Empties it for the next pair. */
  reset(): this {
    this.list.length = 0;
    this.added = 0;
    if (++this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    return this;
  }

  private push(id: number | undefined): void {
    this.added++;
    if (id === undefined || this.stamp[id] === this.generation) return;
    this.stamp[id] = this.generation;
    this.list.push(id);
  }

  add(feature: string): void {
    this.push(this.table.ids.get(feature));
  }
  addWord(prefix: WordPrefix, word: string): void {
    this.push(this.table.wordId(prefix, word));
  }
  has(feature: string): boolean {
    const id = this.table.ids.get(feature);
    return id !== undefined && this.stamp[id] === this.generation;
  }
  get empty(): boolean {
    return this.added === 0;
  }
}

const joined = new Map<string, Map<string, string>>();
/** the rests kept per prefix: most come from closed sets (kinds, roles, buckets), the common words of the entity step's contexts from a large one */
const MAX_RESTS = 20_000;
/**
 * `prefix + rest`, the same string every time: a feature named from closed sets (kinds, roles, labels, counts'
 * buckets, common words) is then looked up by a string whose hash is already known, instead of a new one built
 * per pair or mention.
 */
export function feature(prefix: string, rest: string): string {
  let rests = joined.get(prefix);
  if (!rests) joined.set(prefix, (rests = new Map()));
  let name = rests.get(rest);
  if (name === undefined) {
    if (rests.size >= MAX_RESTS) rests.clear();
    rests.set(rest, (name = prefix + rest));
  }
  return name;
}
