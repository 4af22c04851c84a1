// The tokenizer reads ASCII by hand for speed; it must split text exactly as its regular expression does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../api/extract/mentions.ts';

// The reading the hand-written path must reproduce: words with inner apostrophes and hyphens, numbers
// with ordinals, single punctuation marks (before abbreviations and dotted acronyms are joined).
const TOKEN_RE = /([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*)|(\p{N}+(?:[.,:]\p{N}+)*(?:st|nd|rd|th|s)?)|[^\s\p{L}\p{N}]/gu;

function regexTokens(text: string): string[] {
  return [...text.matchAll(TOKEN_RE)].map((m) => `${m.index}:${m[0]}`);
}

// tokenize joins "Dr" + "." and "U.S."; compare on text without full stops after letters.
const PIECES = ['Mayor', 'Lü', 'Békéscsaba', "O'Brien", 'Xi’an', 'co-op', 'well-', "'", '’s', '-', '20th', '1,000', '3.5', '10:30', '1990s', '٣', '²', '沈阳', '\u00a0', '\u3000', ' ', '\n', '\t', ',', '(', ')', '"', '“', '—', '😀', 'e\u0301', '\u0301', 'a', 'Z', '9', '_', '\u001f'];

describe('tokenize', () => {
  it('splits any text exactly as its regular expression does', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200, unit: 'binary' }), fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''))),
        (raw) => {
          const text = raw.replace(/(?<=\p{L})\./gu, ' ');
          expect(tokenize(text).map((t) => `${t.start}:${t.text}`)).toEqual(regexTokens(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps abbreviations and dotted acronyms whole', () => {
    expect(tokenize('Dr. Kim of the U.S. met Mr Lee.').map((t) => t.text)).toEqual(['Dr.', 'Kim', 'of', 'the', 'U.S.', 'met', 'Mr', 'Lee', '.']);
  });

  it('keeps a dotted acronym after a hyphen in its word', () => {
    expect(tokenize('the Saudi-U.S. Friendship Committee').map((t) => t.text)).toEqual(['the', 'Saudi-U.S.', 'Friendship', 'Committee']);
  });
});
