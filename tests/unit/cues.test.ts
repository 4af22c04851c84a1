// The cues (api/extract/cues.ts) skip an expression only when no match of it can be in the text: every
// answer must be the expression's own, or extraction would silently lose facts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cues, requiredWords } from '../../api/extract/cues.ts';
import { RULES } from '../../api/extract/rules/catalog.ts';
import type { SentenceRule } from '../../api/extract/rules/engine.ts';

const sentenceRules = RULES.filter((r): r is SentenceRule<unknown> => 'matches' in r);
const expressions: RegExp[] = [
  ...sentenceRules.flatMap((r) => (r.when ? [r.when, r.matches] : [r.matches])),
  /attend|part in|particip|join/,
  /fl(?:y|ew|ies|own|ying) to/i,
  /\bthe (visit|trip|delegation'?s? (\w+ )?visit)\b/i,
  /Mayor|Governor/,
  /sister|twin/iu,
  /⟨C(\d+)⟩,? (?:and )?⟨C(\d+)⟩ (?:[\w-]+ ){0,4}?(?:sign|signs|signed) (?:an? |the )?((?:[\w-]+ ){0,3}?(?:agreement|pact))/gi,
];

/** Pieces of text that make the expressions match and miss: their words, with case, spacing and letters that fold oddly. */
const pieces = [
  ...new Set(expressions.flatMap((re) => requiredWords(re).words ?? [])),
  'Attend', 'JOIN', 'Mayor', 'mayor', 'MAYOR', ' ', ', ', '.', '⟨C1⟩', '⟨C2⟩', '⟨X3⟩', '⟨P0⟩', '⟨T4⟩', 'the ', 'a ',
  'delegation', "delegation's", 'visit', 'signed', 'agreement', 'ſister', 'İstanbul', 'K', 'of ', 'led by ',
];

function matchesOf(re: RegExp, text: string): string[] {
  return re.global ? [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`) : [];
}

describe('cues', () => {
  it('derives the words any match must contain', () => {
    expect(requiredWords(/attend|part in|particip|join/)).toEqual({ words: ['attend', 'part in', 'particip', 'join'], wordList: true });
    // an optional part may be missing: "the delegation's official visit" holds no "the delegation visit"
    expect(requiredWords(/\bthe (visit|trip|delegation'?s? (\w+ )?visit)\b/i).words).toEqual(['the ']);
    // "groups" holds "group": the longer word adds nothing
    expect(requiredWords(/\b(?:groups?|teams?)\b/).words).toEqual(['group', 'team']);
    // a case-sensitive expression is no list of lower-case words
    expect(requiredWords(/Mayor|Governor/)).toEqual({ words: ['mayor', 'governor'], wordList: false });
    // with the `iu` flags "s" matches "ſ", which lower-casing keeps: no word can be required
    expect(requiredWords(/sister/iu).words).toBeNull();
    expect(requiredWords(/\d+/).words).toBeNull();
  });

  it('answers as every rule expression does, on texts made of their words', () => {
    fc.assert(
      fc.property(fc.nat(expressions.length - 1), fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (k, parts) => {
        const re = expressions[k]!;
        for (const text of [parts.join(''), parts.join(' '), parts.join(' ').toLowerCase()]) {
          const cues = Cues.of(text);
          const plain = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
          expect(cues.test(plain), `${re} on ${JSON.stringify(text)}`).toBe(plain.test(text));
          expect(cues.testLower(plain)).toBe(plain.test(text.toLowerCase()));
          expect(cues.may(re) || matchesOf(re, text).length === 0).toBe(true);
          if (re.global) expect([...cues.matches(re)].map((m) => `${m.index}:${m[0]}`)).toEqual(matchesOf(re, text));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
