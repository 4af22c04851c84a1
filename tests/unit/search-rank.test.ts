// Ranking search hits the way an analyst expects: the entity named exactly what was typed first,
// then names starting with it, then aliases, then typo matches by how few typos they need; ties by id.
import { describe, expect, it } from 'vitest';
import { fold, fulltextQuery, matchTier, rankHits } from '../../api/store/fulltext.ts';

const hit = (name: string, score: number, aliases: string[] = [], id = `organization:${name}`) => ({ id, name, aliases, score });

describe('search ranking', () => {
  it('lists hits tied on match, score and name length by id, whatever order they come in', () => {
    const fairs = [hit('Tally Fair 2015', 4.2, [], 'event:tally-fair-2015'), hit('Tally Fair 2012', 4.2, [], 'event:tally-fair-2012'), hit('Tally Fair 2018', 4.2, [], 'event:tally-fair-2018')];
    expect(rankHits('tally', fairs).map((h) => h.id)).toEqual(['event:tally-fair-2012', 'event:tally-fair-2015', 'event:tally-fair-2018']);
  });

  it('puts the exact name first even when Lucene scores longer names higher', () => {
    const hits = [
      hit('Shenyang Municipal People’s Government', 9.1),
      hit('Shenyang Foreign Affairs Office', 8.7),
      hit('Shenyang Jianzhu University', 8.2),
      hit('Shenyang', 3.0),
      hit('Mayor of Shenyang', 7.5),
    ];
    expect(rankHits('shenyang', hits).map((h) => h.name)).toEqual([
      'Shenyang',
      'Shenyang Municipal People’s Government',
      'Shenyang Foreign Affairs Office',
      'Shenyang Jianzhu University',
      'Mayor of Shenyang',
    ]);
  });

  it('ranks a name prefix above an alias, an alias above a typo', () => {
    const hits = [hit('Sheng Li', 6, []), hit('Liaoning Capital', 2, ['Shenyang']), hit('Shenyangtown', 1)];
    expect(rankHits('Shenyang', hits).map((h) => h.name)).toEqual(['Shenyangtown', 'Liaoning Capital', 'Sheng Li']);
  });

  it('orders typo matches by how many typos they need, not by how short the name is', () => {
    const hits = [hit('Sheng Wei', 9), hit('Sheng Li', 9.5), hit('Shenyang', 4)];
    expect(rankHits('Shenyng', hits)[0]!.name).toBe('Shenyang');
  });

  it('finds a name in Chinese, Japanese or Korean script through its alias', () => {
    expect(matchTier('沈阳', hit('Shenyang', 1, ['沈阳', '선양']))).toBe(2);
    expect(matchTier('선양', hit('Shenyang', 1, ['沈阳', '선양']))).toBe(2);
    expect(fulltextQuery('沈阳')).toContain('"沈阳"');
  });

  it('ignores case and accents when comparing', () => {
    expect(matchTier('sao paulo', hit('São Paulo', 1))).toBe(0);
    expect(matchTier('SAO', hit('São Paulo', 1))).toBe(1);
  });

  it('folds ASCII names as the Unicode folding does, and accented ones too', () => {
    const unicodeFold = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const ascii = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const samples = [
      ...ascii.map((c) => `A${c}b ${c}9`),
      ...Array.from({ length: 2000 }, () => Array.from({ length: 1 + Math.floor(random() * 20) }, () => ascii[Math.floor(random() * 128)]).join('')),
      'Dunaújváros', 'Łódź City', 'İzmir', 'Ḱyōto – Osaka', 'Zhōu Wěi',
    ];
    for (const text of samples) expect(fold(text)).toBe(unicodeFold(text));
    expect(fold('Dunaújváros Int’l Co., Ltd')).toBe('dunaujvaros int l co ltd');
  });
});
