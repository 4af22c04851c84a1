// Cues: which regular expressions can match a text, decided by one scan of the text instead of running
// each of them. From each expression the words any match must contain are derived automatically (as
// RE2's FilteredRE2 and Hyperscan's literal extraction do: "attend|join" needs "attend" or "join";
// "\b(?:hosted|threw) (?:a|the) (?:reception|dinner)" needs "reception" or "dinner"); one scan of a
// text finds which of every expression's words it holds, and an expression none of whose words occur
// is not run. An expression from which no word can be derived is always run, so the answers
// are the expressions' own: rule writers declare nothing.
import { RegExpParser } from '@eslint-community/regexpp';
import type { AST } from '@eslint-community/regexpp';
import type { AnalyzedSentence } from './analyzed.ts';
import { matchAll } from './match-all.ts';

type Alternative = AST.Alternative;
type Element = AST.Element;
type Node = AST.Node;
type Pattern = AST.Pattern;

/** What a part of an expression can match: every string of it (when few and known), else words one of which each match holds. */
interface Info {
  /** all the (lower-cased) strings it matches, when finite and small */
  exact: Set<string> | null;
  /** words one of which every match contains; null when nothing is known */
  need: string[] | null;
}

const MAX_EXACT = 16;
/** shorter words are found in nearly every sentence: no use as a cue */
const MIN_WORD = 2;
const UNKNOWN: Info = { exact: null, need: null };
const EMPTY: Info = { exact: new Set(['']), need: null };

function needOf(info: Info): string[] | null {
  if (info.need) return info.need;
  if (!info.exact) return null;
  const words = [...info.exact];
  return words.every((w) => w.length >= MIN_WORD) ? words : null;
}

/** The stronger of two requirements: the one whose shortest word is longest. */
function stronger(a: string[] | null, b: string[] | null): string[] | null {
  if (!a) return b;
  if (!b) return a;
  const shortest = (x: string[]) => Math.min(...x.map((w) => w.length));
  return shortest(b) > shortest(a) || shortest(b) === shortest(a) && b.length < a.length ? b : a;
}

function concat(a: Info, b: Info): Info {
  if (a.exact && b.exact && a.exact.size * b.exact.size <= MAX_EXACT) {
    const exact = new Set<string>();
    for (const x of a.exact) for (const y of b.exact) exact.add(x + y);
    return { exact, need: null };
  }
  return { exact: null, need: stronger(needOf(a), needOf(b)) };
}

function union(infos: Info[]): Info {
  if (infos.every((i) => i.exact) && infos.reduce((n, i) => n + i.exact!.size, 0) <= MAX_EXACT) {
    return { exact: new Set(infos.flatMap((i) => [...i.exact!])), need: null };
  }
  const needs = infos.map(needOf);
  return { exact: null, need: needs.every(Boolean) ? [...new Set(needs.flat() as string[])] : null };
}

/**
 * A character as it stands in the lower-cased text: ASCII letters and characters without case only.
 * With the `iu` flags "s" also matches "ſ", which lower-casing keeps: such a letter gives no cue.
 */
function charCue(c: number, flags: { ignoreCase: boolean; unicode: boolean }): string | null {
  const ch = String.fromCodePoint(c);
  const lower = ch.toLowerCase();
  if (c < 0x80) return flags.ignoreCase && flags.unicode && lower === 's' ? null : lower;
  return lower === ch && ch.toUpperCase() === ch ? ch : null;
}

function infoOf(node: Node, flags: { ignoreCase: boolean; unicode: boolean }): Info {
  switch (node.type) {
    case 'Group':
      // (?i:…) changes the case rules inside
      if (node.modifiers) return UNKNOWN;
      return union(node.alternatives.map((a) => infoOf(a, flags)));
    case 'Pattern':
    case 'CapturingGroup':
      return union(node.alternatives.map((a) => infoOf(a, flags)));
    case 'Alternative':
      return node.elements.reduce<Info>((acc, e) => concat(acc, infoOf(e, flags)), EMPTY);
    case 'Character': {
      const cue = charCue(node.value, flags);
      return cue === null ? UNKNOWN : { exact: new Set([cue]), need: null };
    }
    case 'CharacterClass': {
      if (node.negate || node.unicodeSets) return UNKNOWN;
      const chars = new Set<string>();
      for (const e of node.elements) {
        const cue = e.type === 'Character' ? charCue(e.value, flags) : null;
        if (cue === null) return UNKNOWN;
        chars.add(cue);
      }
      return chars.size && chars.size <= 4 ? { exact: chars, need: null } : UNKNOWN;
    }
    case 'Quantifier': {
      const inner = infoOf(node.element, flags);
      // "s?" is "" or "s"; "(\w+ )?" anything or nothing, which asks nothing of the text
      if (node.min === 0) return node.max === 1 && inner.exact && inner.exact.size < MAX_EXACT ? { exact: new Set(['', ...inner.exact]), need: null } : UNKNOWN;
      return node.min === 1 && node.max === 1 ? inner : { exact: null, need: needOf(inner) };
    }
    // zero-width: what a lookaround asks is not required of the match itself
    case 'Assertion':
      return EMPTY;
    default:
      return UNKNOWN;
  }
}

const parser = new RegExpParser({ ecmaVersion: 2025 });

/** An expression that only asks whether the text holds one of some words, nothing around them. */
function isWordList(pattern: Pattern): boolean {
  const literal = (e: Element): boolean =>
    e.type === 'Character' || e.type === 'Group' && e.alternatives.every((a: Alternative) => a.elements.every(literal));
  return pattern.alternatives.every((a) => a.elements.length > 0 && a.elements.every(literal));
}

/** What the cues know of one expression (from `cueOf`): kept beside a rule, it spares looking the expression up again. */
export interface Entry {
  /** ids of the words one of which every match contains; null: the expression always runs */
  words: number[] | null;
  /** the expression is only its words, lower-case or case-insensitive: on lower-cased text the scan is its answer */
  wordList: boolean;
  /** the highest id of `words` (-1: none) */
  lastWord: number;
  /** the expression's flags (`flagBits`) */
  bits: number;
  /** the entry of the same source with other flags */
  other: Entry | undefined;
}

const flagBits = (re: RegExp): number => (re.ignoreCase ? 1 : 0) | (re.unicode ? 2 : 0) | ((re as RegExp & { unicodeSets?: boolean }).unicodeSets ? 4 : 0) | (re.global ? 8 : 0) | (re.sticky ? 16 : 0);

/** What `re` asks of a text: the words one of which every match contains (lower-cased), null when none can be derived. */
export function requiredWords(re: RegExp): { words: string[] | null; wordList: boolean } {
  let pattern: Pattern;
  try {
    pattern = parser.parsePattern(re.source, 0, re.source.length, { unicode: re.unicode, unicodeSets: re.flags.includes('v') });
  } catch {
    return { words: null, wordList: false };
  }
  const flags = { ignoreCase: re.ignoreCase, unicode: re.unicode || re.flags.includes('v') };
  const needed = needOf(infoOf(pattern, flags));
  // "groups" is found wherever "group" is
  const words = needed && needed.filter((w) => !needed.some((v) => v !== w && w.includes(v)));
  // "attend|join" is exactly "holds attend or join" when each alternative is known string by string
  const wordList = !!words && !re.global && !re.sticky && isWordList(pattern) &&
    pattern.alternatives.every((a) => infoOf(a, flags).exact) && (re.ignoreCase || re.source === re.source.toLowerCase());
  return { words, wordList };
}

/** The words of every expression seen, and the index that finds them in a text. */
class Dictionary {
  private readonly ids = new Map<string, number>();
  /** by source; expressions of one source with other flags are chained */
  private readonly entries = new Map<string, Entry>();
  private index = new WordIndex([]);
  private indexed = 0;

  entry(re: RegExp): Entry {
    const bits = flagBits(re);
    const first = this.entries.get(re.source);
    for (let e = first; e; e = e.other) if (e.bits === bits) return e;
    const { words, wordList } = requiredWords(re);
    const ids = words ? words.map((w) => this.idOf(w)) : null;
    const entry: Entry = { words: ids, wordList, lastWord: ids ? Math.max(...ids) : -1, bits, other: first };
    this.entries.set(re.source, entry);
    return entry;
  }

  private idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(word, id);
    }
    return id;
  }

  /**
   * The index of the words known so far. Expressions met for the first time add words; the index
   * is rebuilt for the next text, not at once, so a cold start rebuilds it at most once a sentence.
   */
  scanner(): WordIndex {
    if (this.indexed < this.ids.size) {
      this.index = new WordIndex([...this.ids.keys()]);
      this.indexed = this.ids.size;
    }
    return this.index;
  }
}

/**
 * Aho-Corasick over the words: one pass over a text finds every word it contains. States are numbered
 * breadth first, so that the shallow ones most characters lead to sit together in the table.
 */
class WordIndex {
  readonly size: number;
  /** character code -> column of the transition table (0: a character no word has): ASCII in an array, the rest in a map */
  private readonly asciiClass = new Uint8Array(128);
  private readonly otherClass = new Map<number, number>();
  private readonly width: number;
  private readonly next: Uint16Array;
  /** per state, the words ending there (its own and its suffixes'), as ranges of `outWords` */
  private readonly outStart: Int32Array;
  private readonly outWords: Int32Array;

  constructor(all: string[]) {
    // a state a character at most; past what 16 bits number (ten times today's words) no word is indexed: every expression runs
    const words = all.reduce((n, w) => n + w.length, 1) <= 0xffff ? all : [];
    this.size = words.length;
    let classes = 1;
    for (const w of words) {
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        if (c < 128 ? !this.asciiClass[c] : !this.otherClass.has(c)) {
          if (c < 128) this.asciiClass[c] = classes++;
          else this.otherClass.set(c, classes++);
        }
      }
    }
    const width = (this.width = classes);
    // the trie, its nodes numbered as created
    const goto: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    words.forEach((w, id) => {
      let s = 0;
      for (let i = 0; i < w.length; i++) {
        const c = this.classOf(w.charCodeAt(i));
        let t = goto[s]!.get(c);
        if (t === undefined) {
          t = goto.length;
          goto.push(new Map());
          ends.push([]);
          goto[s]!.set(c, t);
        }
        s = t;
      }
      ends[s]!.push(id);
    });
    // breadth-first order: the new number of each node, and failure links (each node's after its parent's)
    const order: number[] = [0];
    for (let q = 0; q < order.length; q++) for (const t of goto[order[q]!]!.values()) order.push(t);
    const renum = new Int32Array(order.length);
    order.forEach((node, k) => (renum[node] = k));
    const states = order.length;
    this.next = new Uint16Array(states * width);
    const fail = new Int32Array(states);
    const out: number[][] = order.map((node) => [...ends[node]!]);
    for (const node of order) {
      const s = renum[node]!;
      if (s) out[s]!.push(...out[fail[s]!]!);
      for (let c = 0; c < width; c++) {
        const child = goto[node]!.get(c);
        const viaFail = s ? this.next[fail[s]! * width + c]! : 0;
        if (child === undefined) this.next[s * width + c] = viaFail;
        else {
          const t = renum[child]!;
          fail[t] = viaFail;
          this.next[s * width + c] = t;
        }
      }
    }
    this.outStart = new Int32Array(states + 1);
    const flat: number[] = [];
    for (let s = 0; s < states; s++) {
      this.outStart[s] = flat.length;
      flat.push(...out[s]!);
    }
    this.outStart[states] = flat.length;
    this.outWords = Int32Array.from(flat);
  }

  private classOf(c: number): number {
    return c < 128 ? this.asciiClass[c]! : this.otherClass.get(c) ?? 0;
  }

  /** The words `text` contains, as a bit set by word id (16 bits an element: small integers, no typed array to allocate). */
  scan(text: string): number[] {
    const found: number[] = new Array<number>((this.size >> 4) + 1).fill(0);
    const { next, width, asciiClass, outStart, outWords } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      s = next[s * width + (c < 128 ? asciiClass[c]! : this.otherClass.get(c) ?? 0)]!;
      let k = outStart[s]!;
      const end = outStart[s + 1]!;
      while (k < end) {
        const id = outWords[k++]!;
        found[id >> 4] = found[id >> 4]! | (1 << (id & 15));
      }
    }
    return found;
  }
}

const dictionary = new Dictionary();

/** The entry of `re`, for `Cues.mayFor` (the same for every expression of equal source and flags). */
export function cueOf(re: RegExp): Entry {
  return dictionary.entry(re);
}

const bySentence = new WeakMap<AnalyzedSentence, Cues>();

/**
 * The cues of one text: `test` and `matches` answer as the expressions would on it, running an
 * expression only when the text holds a word every match of it needs.
 */
export class Cues {
  /** the text lower-cased */
  readonly lower: string;
  private readonly isLower: boolean;
  private readonly index: WordIndex;
  private found: number[] | null = null;

  private constructor(readonly text: string, index: WordIndex) {
    this.lower = text.toLowerCase();
    this.isLower = this.lower === text;
    this.index = index;
  }

  /** The cues of `text`. */
  static of(text: string): Cues {
    return new Cues(text, dictionary.scanner());
  }

  /** The cues of a sentence's template: the passes read a sentence many times, it is scanned once while its template stays. */
  static ofSentence(s: AnalyzedSentence): Cues {
    const index = dictionary.scanner();
    const known = bySentence.get(s);
    if (known && known.text === s.template && known.index === index) return known;
    const cues = new Cues(s.template, index);
    bySentence.set(s, cues);
    return cues;
  }

  /** False when no match of `re` can be in the text (true: there may be one). */
  may(re: RegExp): boolean {
    return this.mayFor(dictionary.entry(re));
  }

  /** `may` for an expression's entry (`cueOf`). */
  mayFor(entry: Entry): boolean {
    const words = entry.words;
    if (!words) return true;
    const found = (this.found ??= this.index.scan(this.lower));
    const known = this.index.size;
    for (let i = 0; i < words.length; i++) {
      const id = words[i]!;
      // a word added after this text's index was built: the expression decides
      if (id >= known || found[id >> 4]! & (1 << (id & 15))) return true;
    }
    return false;
  }

  /** `re.test(text)`. */
  test(re: RegExp): boolean {
    return this.testOn(re, this.text, this.isLower);
  }

  /** `re.test(text.toLowerCase())`. */
  testLower(re: RegExp): boolean {
    return this.testOn(re, this.lower, true);
  }

  /** `testLower` for an expression's entry (`cueOf`). */
  testLowerFor(re: RegExp, entry: Entry): boolean {
    return this.testOn(re, this.lower, true, entry);
  }

  private testOn(re: RegExp, text: string, lowerCase: boolean, entry = dictionary.entry(re)): boolean {
    if (!this.mayFor(entry)) {
      // as a failed test leaves it
      if (re.global || re.sticky) re.lastIndex = 0;
      return false;
    }
    if (entry.wordList && lowerCase && entry.lastWord < this.index.size) return true;
    return re.test(text);
  }

  /** The matches of global `re` in the text, as `text.matchAll(re)` gives them. */
  matches(re: RegExp): Iterable<RegExpMatchArray> {
    return this.mayFor(dictionary.entry(re)) ? matchAll(this.text, re) : [];
  }
}
