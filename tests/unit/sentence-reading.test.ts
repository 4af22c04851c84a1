// A sentence's reading says from its tokens whether templates respace its text; it must say what the rewrite does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSentence, respaced } from '../../api/extract/sentence-reading.ts';

const PIECES = ['Mayor', 'Lü', 'Co.', 'U.S.', 'Xi’an', '20th', '3.5', '沈阳', '\u00a0', '\u3000', '\u2028', ' ', '  ', '\n', '\t', ',', '.', ';', ':', '!', '?', '(', ')', '"', '“', '”', '’', '—', '😀', 'e\u0301', '_'];

describe('readSentence', () => {
  it('calls the spacing plain exactly when respacing leaves the text as it is', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 120, unit: 'binary' }), fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(''))),
        (text) => {
          expect(readSentence(text).plainSpacing).toBe(respaced(text) === text);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads quotes, a space before a comma and a space inside parentheses as not plain', () => {
    expect(readSentence('Mayor Lee (left) said, "We agree."').plainSpacing).toBe(true);
    expect(readSentence('Mayor Lee said , we agree.').plainSpacing).toBe(false);
    expect(readSentence('Mayor Lee ( left) agreed.').plainSpacing).toBe(false);
    expect(readSentence('Mayor Lee said “we agree”.').plainSpacing).toBe(false);
    expect(readSentence('Mayor Lee  agreed.').plainSpacing).toBe(false);
  });
});
