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
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export interface NamedHit {
  name: string;
  aliases: string[];
  /** Lucene's score: how well the words matched, used within a tier. */
  score: number;
}

/**
 * How a hit matches what was typed, best first: the name itself (0), the name's start (1), an
 * alias (2), an alias's start or a word of the name or an alias starting with it (3), and only
 * then typo matches (4). Lucene's score alone ranks a short name sharing one fuzzy word above
 * the exact entity ("Shenyng" found people named Sheng first).
 */
export function matchTier(text: string, hit: Pick<NamedHit, 'name' | 'aliases'>): number {
  const q = fold(text);
  if (q === '') return 4;
  const name = fold(hit.name);
  const aliases = hit.aliases.map(fold);
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  if (aliases.includes(q)) return 2;
  const wordStarts = (s: string) => s.startsWith(q) || s.includes(` ${q}`);
  if (aliases.some(wordStarts) || wordStarts(name)) return 3;
  return 4;
}

/** Edit distance between what was typed and the closest name or alias, word for word. */
export function typoDistance(text: string, hit: Pick<NamedHit, 'name' | 'aliases'>): number {
  const q = fold(text);
  let best = Infinity;
  for (const candidate of [hit.name, ...hit.aliases].map(fold)) {
    const words = candidate.split(' ');
    const qWords = q.split(' ');
    // Compare with the run of words as long as the query, at every position.
    for (let i = 0; i + qWords.length <= words.length; i++) best = Math.min(best, levenshtein(q, words.slice(i, i + qWords.length).join(' ')));
    best = Math.min(best, levenshtein(q, candidate));
  }
  return best;
}

/** Hits in the order a user expects: tier, then fewest typos, then Lucene's score, then the shorter name. */
export function rankHits<T extends NamedHit>(text: string, hits: T[]): T[] {
  const keyed = hits.map((hit) => ({ hit, tier: matchTier(text, hit), typos: 0 }));
  for (const k of keyed) if (k.tier === 4) k.typos = typoDistance(text, k.hit);
  keyed.sort((a, b) => a.tier - b.tier || a.typos - b.typos || b.hit.score - a.hit.score || a.hit.name.length - b.hit.name.length);
  return keyed.map((k) => k.hit);
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
