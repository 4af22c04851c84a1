// The in-memory build of bulk seeding (store/bulk-graph.ts) on a fact restated by many articles:
// past a few dozen sources it looks them up in a set, and the fact must still read as incremental
// ingest writes it (every source once, in order; evidence from the first articles, capped); and on bodies sharing
// an acronym, which it resolves as the store does (graph/alias-keys.ts).
import { describe, expect, it } from 'vitest';
import { aliasKeys } from '../../api/extract/resolve.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { BulkGraph } from '../../api/store/bulk-graph.ts';
import { EVIDENCE_PER_RELATIONSHIP } from '../../api/store/rows.ts';

const SENTENCE = 'Osaka Gas is based in Osaka.';

/** One article stating that Osaka Gas is in Osaka, as a batch of its own. */
function restatement(n: number, articles: string[] = [`a${n}`]): GraphDocument {
  return {
    articles: articles.map((id) => ({ id, title: `Osaka Gas news ${id}`, text: SENTENCE })),
    nodes: [
      { id: 'company:osaka-gas', label: 'Company', name: 'Osaka Gas', aliases: [], properties: {} },
      { id: 'city:osaka', label: 'City', name: 'Osaka', aliases: [], properties: {} },
    ],
    relationships: [{ type: 'LOCATED_IN', source: 'company:osaka-gas', target: 'city:osaka', properties: {}, sources: articles, evidence: [SENTENCE] }],
  };
}

describe('BulkGraph, a fact restated by many articles', () => {
  it('keeps every article once, in the order added, and the evidence of the first ones', () => {
    const graph = new BulkGraph(aliasKeys, () => {});
    for (let n = 0; n < 100; n++) graph.add(restatement(n));
    // a batch restating it with two articles, one already stored: only the new one joins
    const again = graph.add(restatement(100, ['a5', 'a100']));
    expect(again.unchanged).toBe(1);
    const [fact] = [...graph.relationships.values()];
    expect(fact!.sources).toEqual(Array.from({ length: 101 }, (_, n) => `a${n}`));
    expect(fact!.evidenceCount).toBe(EVIDENCE_PER_RELATIONSHIP);
  });
});

/** One article's graph document: an Office with its aliases, and a person holding a position in it. */
function council(article: string, office: [id: string, name: string, aliases: string[]], person: [id: string, name: string]): GraphDocument {
  return {
    articles: [{ id: article, title: article }],
    nodes: [
      { id: office[0], label: 'Office', name: office[1], aliases: office[2], properties: {} },
      { id: person[0], label: 'Person', name: person[1], aliases: [], properties: {} },
    ],
    relationships: [{ type: 'HOLDS_POSITION', source: person[0], target: office[0], properties: { title: 'Mayor' }, sources: [article], evidence: [] }],
  };
}

describe('BulkGraph, two bodies sharing an acronym', () => {
  const bulawayo = council('bulawayo', ['office:bulawayo-council', 'Bulawayo City Council', ['BCC']], ['person:david-coltart', 'David Coltart']);
  const banjul = council('banjul', ['office:banjul-council', 'Banjul City Council', ['BCC']], ['person:rohey-lowe', 'Rohey Lowe']);
  const bare = council('bare', ['office:bcc', 'BCC', []], ['person:tendai-dube', 'Tendai Dube']);
  const officesOf = (graph: BulkGraph) => {
    const holders = (id: string) => [...graph.relationships.values()].filter((r) => r.target === id).map((r) => r.source).sort();
    return [...graph.entities.values()].filter((e) => e.labels[0] === 'Office').map((e) => `${e.name}: ${holders(e.id).join(', ')}`).sort();
  };

  it('keeps the two fully named councils apart in either order; a bare "BCC" joins the one named before it', () => {
    for (const [batches, offices] of [
      [[bulawayo, banjul], ['Banjul City Council: person:rohey-lowe', 'Bulawayo City Council: person:david-coltart']],
      [[banjul, bulawayo], ['Banjul City Council: person:rohey-lowe', 'Bulawayo City Council: person:david-coltart']],
      [[bulawayo, bare, banjul], ['Banjul City Council: person:rohey-lowe', 'Bulawayo City Council: person:david-coltart, person:tendai-dube']],
      [[bulawayo, banjul, bare], ['BCC: person:tendai-dube', 'Banjul City Council: person:rohey-lowe', 'Bulawayo City Council: person:david-coltart']],
    ] as [GraphDocument[], string[]][]) {
      const graph = new BulkGraph(aliasKeys, () => {});
      for (const batch of batches) graph.add(batch);
      expect(officesOf(graph)).toEqual(offices);
    }
  });
});
