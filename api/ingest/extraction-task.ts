// The task run by each extraction pool thread (extraction-pool.ts): one article in, its graph
// document out, or the reason it is over its size budget. Loading this module loads the
// gazetteer, so a thread only takes work once it can extract at full speed.
import { extractArticle, type ExtractInput } from '../extract/index.ts';
import type { GraphDocument } from '../graph/schema.ts';

/**
 * Real pages nest their containers a few dozen levels deep; reading time grows steeply with depth
 * (measured on a busy machine: 128 levels 1.5 s, 256 levels 5.9 s, 512 levels 38 s for one sentence).
 */
export const MAX_HTML_DEPTH = 256;

// Elements that are always closed explicitly (<p>, <li>, <td> close themselves, void elements have
// no end tag), so counting their open and end tags measures the nesting of real, sloppy pages too.
const CONTAINER_TAG = /<(\/?)(div|section|article|main|aside|nav|header|footer|blockquote|table|ul|ol|dl|form|span|center|font)\b[^>]*?(\/?)>/gi;

/** How deep the container elements of an HTML page nest, stopping early once past `limit`. */
export function htmlNestingDepth(html: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  for (const [, end, , selfClosing] of html.matchAll(CONTAINER_TAG)) {
    if (end) depth = Math.max(0, depth - 1);
    else if (!selfClosing) deepest = Math.max(deepest, ++depth);
    if (deepest > limit) break;
  }
  return deepest;
}

export type TaskResult = { doc: GraphDocument } | { overBudget: string };

export function extractWithinBudget(input: ExtractInput): TaskResult {
  if (input.format === 'html') {
    const depth = htmlNestingDepth(input.content, MAX_HTML_DEPTH);
    if (depth > MAX_HTML_DEPTH) {
      return { overBudget: `body: the HTML nests elements more than ${MAX_HTML_DEPTH} levels deep; no article page does` };
    }
  }
  return { doc: extractArticle(input) };
}

const WARM_UP =
  'Twin towns\n\nMayor Anna Berg of Lund led a delegation to Shenyang, China, on March 3, 2024, and met Vice Mayor ' +
  'Li Wei at the city hall, where the two cities signed a sister city agreement with Kobe Steel and the Red Cross.';
extractArticle({ content: WARM_UP, format: 'text' });
