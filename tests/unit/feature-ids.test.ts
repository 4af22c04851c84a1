// A pair's features as ids (api/extract/learned/feature-ids.ts): the relation step decides from the ids a model
// weighs, and is trained on the names; a decision is the same only if the ids are those of the names, in the
// order the names were first added (the weights' sum depends on the order of its terms).
import { describe, expect, it } from 'vitest';
import { feature, FeatureIds, FeatureNames, FeatureTable, WORD_PREFIXES, type FeatureSink } from '../../api/extract/learned/feature-ids.ts';

const WORDS = ['by', 'the', 'mayor', 'visit', 'of', 'signed', 'with'];
const NAMES = ['order:x', 'order:y', 'in-lead', 'fr:x-host-at-y', 'gap:2', 'labels:Person>City'];

/** A seeded generator, so that a failure is reproduced. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Write = (sink: FeatureSink) => void;
function randomWrites(random: () => number, n: number): Write[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  return Array.from({ length: n }, (): Write => {
    if (random() < 0.5) {
      const prefix = pick(WORD_PREFIXES);
      const word = pick(WORDS);
      return (sink) => sink.addWord(prefix, word);
    }
    const name = pick(NAMES);
    return (sink) => sink.add(name);
  });
}

describe("a pair's features as ids", () => {
  // the table knows some of the names and some of the words under some prefixes, as a model file would
  const table = new FeatureTable(['in-lead', 'gap:2', 'fr:x-host-at-y', 'btw:by', 'btw-edge:by', 'x-pre:mayor', 'post:visit', 'pre:the', 'labels:Person>City']);

  it('lists the ids of the names the table knows, in the order first added, and answers `has` as the names do', () => {
    const random = seeded(7);
    const ids = new FeatureIds(table);
    for (let pair = 0; pair < 200; pair++) {
      const writes = randomWrites(random, Math.floor(random() * 30));
      const names = new FeatureNames();
      ids.reset();
      for (const write of writes) {
        write(names);
        write(ids);
      }
      const known = [...names.names].filter((n) => table.ids.has(n));
      expect(ids.list).toEqual(known.map((n) => table.ids.get(n)));
      expect(ids.empty).toBe(names.empty);
      for (const n of table.ids.keys()) expect(ids.has(n)).toBe(names.has(n));
    }
  });

  it('forgets the last pair at reset', () => {
    const ids = new FeatureIds(table);
    ids.add('in-lead');
    ids.addWord('btw:', 'by');
    ids.reset();
    expect(ids.list).toEqual([]);
    expect(ids.empty).toBe(true);
    expect(ids.has('in-lead')).toBe(false);
    ids.addWord('btw:', 'by');
    expect(ids.list).toEqual([table.ids.get('btw:by')]);
  });

  it('names a feature from parts as the concatenation, one string each time', () => {
    expect(feature('fr:kind:', 'visit')).toBe('fr:kind:visit');
    expect(feature(feature('labels:', 'Person'), feature('>', 'City'))).toBe('labels:Person>City');
  });
});
