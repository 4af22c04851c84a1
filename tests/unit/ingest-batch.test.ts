// A batch of articles extracted for one write (api/ingest/prepare.ts extractBatch): resolved across
// its articles, and each article mentions exactly what it names. Sentences written for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import { extractArticle } from '../../api/extract/index.ts';
import { extractBatch } from '../../api/ingest/prepare.ts';
import { mentionsByArticle } from '../../api/store/rows.ts';

beforeAll(() => void gazetteerStats(), 120_000);

const article = (title: string, body: string) => ({ content: `${title}\ndate 2024-05-20\n\n${body}`, format: 'text' as const, file: `${title}.txt` });
const kyoto = article('Kyoto delegation in Boston', 'A delegation from Kyoto led by Deputy Mayor Sato Kenji visited Boston on May 12. Boston Mayor Anna Berg met with Sato Kenji at City Hall. Emma Taylor said the guests enjoyed the harbour tour.');
const lyon = article('Lyon welcomes Beijing students', 'Twenty students from Beijing arrived in Lyon on May 14 for a summer exchange. Mayor Paul Girard of Lyon hosted a reception for them. Lyon and Beijing have been sister cities since 2013.');

describe('extractBatch', () => {
  it('has each article mention only the entities it names, not every entity of the batch', () => {
    const { doc, failed } = extractBatch([kyoto, lyon]);
    expect(failed).toEqual([]);
    const mentions = mentionsByArticle(doc!);
    const nameOf = new Map(doc!.nodes.map((n) => [n.id, n.name]));
    for (const input of [kyoto, lyon]) {
      const alone = extractArticle(input);
      const mentioned = [...mentions.get(alone.articles[0]!.id)!].map((id) => nameOf.get(id)).sort();
      expect(mentioned).toEqual(alone.nodes.map((n) => n.name).sort());
    }
    const lyonMentions = [...mentions.get(extractArticle(lyon).articles[0]!.id)!].map((id) => nameOf.get(id));
    expect(lyonMentions).not.toContain('Emma Taylor');
  });

  it('reports an input it cannot read and keeps the others', () => {
    const { doc, failed } = extractBatch([kyoto, { content: '{"articles": []', format: 'json', file: 'broken.json' }]);
    expect(failed.map((f) => f.file)).toEqual(['broken.json']);
    expect(doc!.articles.map((a) => a.title)).toEqual(['Kyoto delegation in Boston']);
  });
});
