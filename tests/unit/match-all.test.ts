// matchAll (api/extract/match-all.ts) replaces String.prototype.matchAll in every reader: any difference in
// the matches, their groups or the expression's lastIndex would change what extraction reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchAll } from '../../api/extract/match-all.ts';

const expressions: RegExp[] = [
  /⟨([PCOGM])(\d+)⟩/g,
  /\b(?:the )?(visit|trip)s?\b/gi,
  /x*/g,
  /(?:)/gu,
  /\p{Lu}\p{Ll}*/gu,
  /(?<=a)b?/gy,
  /\s*/g,
];
const pieces = ['⟨C1⟩', '⟨P23⟩', 'the ', 'Visit', 'trips', 'x', 'xx', 'a', 'b', 'ab', ' ', '😀', 'İ', 'Ünal', '\u{1F600}x', '\uD800'];

const shape = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => ({ index: m.index, all: [...m], groups: m.groups }));

describe('matchAll', () => {
  it('gives what String.prototype.matchAll gives, from the expression lastIndex on, and leaves lastIndex as it was', () => {
    fc.assert(fc.property(
      fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join('')),
      fc.constantFrom(...expressions),
      fc.nat(6),
      (text, re, start) => {
        re.lastIndex = start;
        const expected = shape(text.matchAll(re));
        expect(shape(matchAll(text, re))).toEqual(expected);
        expect(re.lastIndex).toBe(start);
      },
    ), { numRuns: 3000 });
  });

  it('steps over a whole code point after an empty match under the u flag', () => {
    expect(matchAll('😀', /(?:)/gu).map((m) => m.index)).toEqual([0, 2]);
    expect(matchAll('😀', /(?:)/g).map((m) => m.index)).toEqual([0, 1, 2]);
  });

  it('refuses an expression that is not global, as String.prototype.matchAll does', () => {
    expect(() => matchAll('a', /a/)).toThrow(TypeError);
  });
});
