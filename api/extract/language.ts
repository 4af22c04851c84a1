// Whether an article reads as English. The extractor's rules and models read English; a text in another language
// gives few or wrong facts, and the people who ingest it should be told so rather than find a thin graph later.
// Declared before blind9 and blind10 were first scored (docs/extraction.md): a text is English when at least 10 % of
// its words are among these function words (English articles of the genre score 0.15 or more, others 0.00–0.06).
const ENGLISH_FUNCTION_WORDS = new Set('the of and to in a was with for on is by at'.split(' '));
const MIN_SHARE = 0.1;

/** Whether a text reads as English by the declared share of function words; an empty text does not. */
export function readsAsEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  let common = 0;
  for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) common += 1;
  return words.length > 0 && common >= MIN_SHARE * words.length;
}
