// What a user types -> a Lucene query for the `entity_names` full-text index: the exact phrase
// ranks highest, then whole words, then words within an edit or two (typos) and, for the last
// word, prefixes (search as you type). Lucene syntax characters are never passed through.

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Words a query looks at. No name is longer, and it keeps a query (up to four clauses a word)
 * far below Lucene's limit of 1,024 clauses whatever the caller passes.
 */
export const MAX_QUERY_WORDS = 32;

function words(text: string): string[] {
  return text.toLowerCase().replace(LUCENE_SPECIAL, ' ').split(/\s+/).filter((w) => w.length > 0).slice(0, MAX_QUERY_WORDS);
}

export function fulltextQuery(text: string): string {
  const terms = words(text);
  if (terms.length === 0) return '';
  const clauses = [`"${terms.join(' ')}"^4`];
  terms.forEach((term, i) => {
    clauses.push(`${term}^2`);
    if (term.length >= 4) clauses.push(`${term}~${term.length >= 7 ? 2 : 1}`);
    if (i === terms.length - 1 && term.length >= 2) clauses.push(`${term}*`);
  });
  return clauses.join(' ');
}

/** A Lucene query matching names that contain every word, exactly (no typo tolerance). */
export function allWordsQuery(text: string): string {
  return words(text).map((w) => `+${w}`).join(' ');
}

/** Case, accents and punctuation folded away, for comparing a typed query with names. */
export function fold(text: string): string {
  // Most names are ASCII: nothing to decompose, no marks, and only a-z and 0-9 are letters or digits,
  // so the same result without the Unicode passes (a search folds a hundred names and their aliases).
  if (ASCII.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const ASCII = /^[\x00-\x7f]*$/;

export interface NamedHit {
  /** The entity's id: the last key, so that hits tied on everything else come in a defined order. */
  id: string;
  name: string;
  aliases: string[];
  /** Lucene's score: how well the words matched, used within a tier. */
  score: number;
}

/** A hit's name and aliases folded once: ranking a hundred hits compares each with the query several times. */
interface FoldedHit {
  name: string;
  aliases: string[];
}

const foldHit = (hit: Pick<NamedHit, 'name' | 'aliases'>): FoldedHit => ({ name: fold(hit.name), aliases: hit.aliases.map(fold) });

/**
 * How a hit matches what was typed, best first: the name itself (0), the name's start (1), an
 * alias (2), an alias's start or a word of the name or an alias starting with it (3), and only
 * then typo matches (4). Lucene's score alone ranks a short name sharing one fuzzy word above
 * the exact entity ("Shenyng" found people named Sheng first).
 */
export function matchTier(text: string, hit: Pick<NamedHit, 'name' | 'aliases'>): number {
  return tierOf(fold(text), foldHit(hit));
}

function tierOf(q: string, { name, aliases }: FoldedHit): number {
  if (q === '') return 4;
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  if (aliases.includes(q)) return 2;
  const wordStarts = (s: string) => s.startsWith(q) || s.includes(` ${q}`);
  if (aliases.some(wordStarts) || wordStarts(name)) return 3;
  return 4;
}

/** Edit distance between what was typed and the closest name or alias, word for word. */
export function typoDistance(text: string, hit: Pick<NamedHit, 'name' | 'aliases'>): number {
  return typosOf(fold(text), foldHit(hit));
}

function typosOf(q: string, { name, aliases }: FoldedHit): number {
  const qWords = q.split(' ').length;
  let best = Infinity;
  // A distance is at least the difference in length: a candidate that cannot beat the best is not compared.
  const closer = (candidate: string) => {
    if (Math.abs(candidate.length - q.length) < best) best = Math.min(best, levenshtein(q, candidate));
  };
  for (const candidate of [name, ...aliases]) {
    const words = candidate.split(' ');
    // Compare with the run of words as long as the query, at every position.
    for (let i = 0; i + qWords <= words.length; i++) {
      let length = qWords - 1;
      for (let w = i; w < i + qWords; w++) length += words[w]!.length;
      if (Math.abs(length - q.length) < best) closer(words.slice(i, i + qWords).join(' '));
    }
    closer(candidate);
  }
  return best;
}

/** Hits in the order a user expects: tier, then fewest typos, then Lucene's score, then the shorter name. */
export function rankHits<T extends NamedHit>(text: string, hits: T[]): T[] {
  const q = fold(text);
  const keyed = hits.map((hit) => {
    const folded = foldHit(hit);
    const tier = tierOf(q, folded);
    return { hit, tier, typos: tier === 4 ? typosOf(q, folded) : 0 };
  });
  keyed.sort((a, b) => a.tier - b.tier || a.typos - b.typos || b.hit.score - a.hit.score || a.hit.name.length - b.hit.name.length || (a.hit.id < b.hit.id ? -1 : a.hit.id > b.hit.id ? 1 : 0));
  return keyed.map((k) => k.hit);
}

/** One row of the edit-distance table, reused (grown when needed) by every call. */
let row = new Uint32Array(64);

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (row.length < b.length + 1) row = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (ai === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
