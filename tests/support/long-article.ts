// Long but realistic articles for the load tests and the API benchmark: one synthetic news article
// (seed/generator) followed by the genre's policy prose until the text reaches the wanted size.
import { generateArticle } from '../../seed/generator/article.ts';
import { filler } from '../../seed/generator/filler.ts';
import { Random } from '../../seed/generator/random.ts';
import { World } from '../../seed/generator/world.ts';

const world = new World(12, 1_000);

/** Article number `index` of about `bytes` bytes; different indexes give different articles. */
export function longArticle(index: number, bytes: number): string {
  const parts = [generateArticle(world, index).text];
  const random = new Random(index);
  let length = parts[0]!.length;
  while (length < bytes) {
    const paragraph = filler(random, 6);
    parts.push(paragraph);
    length += paragraph.length + 2;
  }
  return parts.join('\n\n');
}
