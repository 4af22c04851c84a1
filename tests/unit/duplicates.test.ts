// The duplicate review's name comparisons (api/curation/duplicates.ts): which pairs are candidates and why.
import { describe, expect, it } from 'vitest';
import { findCandidates, score, type NamedEntity, type Reason } from '../../api/curation/duplicates.ts';

const e = (id: string, label: NamedEntity['label'], name: string, aliases: string[] = []): NamedEntity => ({ id, label, name, aliases });

describe('duplicate candidates', () => {
  const entities = [
    e('p1', 'Person', 'Lee Min-ho'),
    e('p2', 'Person', 'Minho Lee'),
    e('p3', 'Person', 'Lyu Zhicheng'),
    e('p4', 'Person', 'Lv Zhicheng'),
    e('p5', 'Person', 'Anna Berg'),
    e('o1', 'Office', 'Shenyang Foreign Affairs Office'),
    e('o2', 'Office', 'Shenyang FAO'),
    e('o3', 'Office', 'Sasebo Port Bureau'),
    e('c1', 'Company', 'Lee Minho'),
  ];
  const pairs = (found: ReturnType<typeof findCandidates>) => found.map((c) => `${c.a}~${c.b}`).sort();

  it('pairs names in either order, romanisations, initials and shared alias keys, of one label only', () => {
    const found = findCandidates(entities, [{ a: 'p5', b: 'o3', keys: ['Person|anna berg'] }], new Set());
    expect(pairs(found)).toEqual(['o1~o2', 'o3~p5', 'p1~p2', 'p3~p4']);
    const byPair = new Map(found.map((c) => [`${c.a}~${c.b}`, c.reasons]));
    expect(byPair.get('o1~o2')).toEqual([expect.objectContaining({ kind: 'similar-names', how: 'initials' })]);
    expect(byPair.get('p1~p2')).toEqual([expect.objectContaining({ kind: 'similar-names', how: 'same words in another order or spelling' })]);
    expect(byPair.get('o3~p5')).toEqual([{ kind: 'shared-alias-key', keys: ['Person|anna berg'] }]);
  });

  it('does not pair two entities named in more words through a one-word name (an acronym, a surname)', () => {
    const bodies = [
      e('bulawayo', 'Office', 'Bulawayo City Council', ['BCC']),
      e('banjul', 'Office', 'Banjul City Council', ['BCC']),
      e('bcc', 'Office', 'BCC'),
      e('zhiyang', 'Person', 'Sun Zhiyang', ['Sun']),
      e('richard', 'Person', 'Richard Sun', ['Sun']),
    ];
    expect(pairs(findCandidates(bodies, [], new Set()))).toEqual(['banjul~bcc', 'bulawayo~bcc']);
  });

  it('leaves dismissed pairs out', () => {
    expect(pairs(findCandidates(entities, [], new Set(['p1\np2', 'o1\no2'])))).toEqual(['p3~p4']);
  });

  it('ranks more and stronger reasons higher', () => {
    const names: Reason = { kind: 'similar-names', names: ['a', 'b'], how: 'initials' };
    expect(score([names, { kind: 'same-place', places: ['Shenyang'] }])).toBeGreaterThan(score([names]));
    expect(score([{ kind: 'shared-alias-key', keys: ['k'] }])).toBeGreaterThan(score([names]));
  });
});
