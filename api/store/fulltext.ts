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
