// English noun number for the genre's words, one helper for every reader and every fitting step: "ceremonies" ->
// "ceremony", "ties" -> "tie", "buses" -> "bus", "series" and "news" unchanged. The regular rules with the
// exceptions the genre writes: a word the rules would cut into a non-word is listed ("ties" -> "ty" made a
// headline "Dalian marks ties" a happening).

/** Nouns whose plural is themselves. */
const SAME_IN_PLURAL = new Set(['news', 'series', 'species', 'means', 'headquarters', 'politics', 'economics', 'athletics', 'olympics', 'paralympics', 'kudos']);

/** Singular words ending in -s that the regular rules would cut: nouns and function words. */
const SINGULAR_IN_S = new Set([
  'alias', 'atlas', 'bias', 'canvas', 'chaos', 'ethos', 'cosmos', 'lens', 'christmas',
  'was', 'has', 'this', 'thus', 'perhaps', 'always', 'whereas', 'overseas', 'across', 'unless', 'besides', 'sometimes',
  'afterwards', 'towards', 'hers', 'ours', 'yours', 'theirs',
]);

/** Plurals the regular rules get wrong, and their singulars. */
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['people', 'person'], ['men', 'man'], ['women', 'woman'], ['children', 'child'], ['chairmen', 'chairman'],
  ['chairwomen', 'chairwoman'], ['businessmen', 'businessman'], ['businesswomen', 'businesswoman'],
  ['congressmen', 'congressman'], ['aldermen', 'alderman'], ['councilmen', 'councilman'], ['spokesmen', 'spokesman'],
  ['lives', 'life'], ['wives', 'wife'], ['knives', 'knife'], ['leaves', 'leaf'], ['halves', 'half'], ['shelves', 'shelf'],
  ['movies', 'movie'], ['cookies', 'cookie'], ['calories', 'calorie'], ['menus', 'menu'],
  ['analyses', 'analysis'], ['crises', 'crisis'], ['theses', 'thesis'], ['axes', 'axis'],
]);

/** Endings of singular words: "business", "campus", "status", "analysis". */
const SINGULAR_ENDING = /(?:ss|us|is)$/;

/** The singular of an English noun in lower case ("co-chairmen" -> "co-chairman"), or the word itself when it is none's plural. */
export function singular(word: string): string {
  if (word.length <= 3 || SAME_IN_PLURAL.has(word) || SINGULAR_IN_S.has(word)) return word;
  const last = word.slice(word.lastIndexOf('-') + 1);
  const irregular = IRREGULAR.get(last);
  if (irregular) return word.slice(0, word.length - last.length) + irregular;
  if (/^[a-z]ies$/.test(word)) return word.slice(0, -1); // ties, lies, pies
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(?:ss|[^aeiou]us|x|zz|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word) && !SINGULAR_ENDING.test(word)) return word.slice(0, -1);
  return word;
}

const PLURAL_OF_IRREGULAR: ReadonlyMap<string, string> = new Map([...IRREGULAR].map(([many, one]) => [one, many]));

/** The plural of an English noun in lower case: "ceremony" -> "ceremonies", "bus" -> "buses", "series" unchanged. */
export function plural(word: string): string {
  const last = word.slice(word.lastIndexOf('-') + 1);
  const irregular = PLURAL_OF_IRREGULAR.get(last);
  if (irregular) return word.slice(0, word.length - last.length) + irregular;
  if (SAME_IN_PLURAL.has(word)) return word;
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
  if (/(?:s|x|z|ch|sh)$/.test(word)) return word + 'es';
  return word + 's';
}
