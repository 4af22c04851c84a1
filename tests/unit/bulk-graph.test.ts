// The in-memory build of bulk seeding (store/bulk-graph.ts) on a fact restated by many articles:
// past a few dozen sources it looks them up in a set, and the fact must still read as incremental
// ingest writes it (every source once, in order; evidence from the first articles, capped).
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
