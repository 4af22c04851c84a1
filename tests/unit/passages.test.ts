// Locating evidence sentences in an article's stored text, and pairing each sentence of a fact
// stated by several articles of one batch with the article whose text holds it.
import { describe, expect, it } from 'vitest';
import { needle, TextIndex } from '../../api/graph/passages.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { writeRows } from '../../api/store/rows.ts';

describe('TextIndex.locate', () => {
  const text = 'Mayor Lyu met the delegation.\n\nThe two cities\nsigned a deal in Seoul(Korea) on Monday.  Then they left.';

  it('finds a sentence whose line break became a space and whose parenthesis got a space, by offsets in the text', () => {
    const at = new TextIndex(text).locate('The two cities signed a deal in Seoul (Korea) on Monday.');
    expect(at).not.toBeNull();
    expect(text.slice(at!.start, at!.end)).toBe('The two cities\nsigned a deal in Seoul(Korea) on Monday.');
  });

  it('ignores case (a headline sentence) and answers null for a sentence not in the text', () => {
    const index = new TextIndex(text);
    expect(index.locate('MAYOR LYU MET THE DELEGATION.')).toEqual({ start: 0, end: 29 });
    expect(index.locate('Mayor Lyu met the press.')).toBeNull();
    expect(index.locate('   ')).toBeNull();
  });

  it('holds a sentence squeezed once by needle() exactly when contains() finds it', () => {
    const index = new TextIndex(text);
    for (const sentence of ['MAYOR LYU MET THE DELEGATION.', 'The two cities signed a deal in Seoul (Korea) on Monday.', 'Mayor Lyu met the press.', '   ']) {
      expect(index.holds(needle(sentence))).toBe(index.contains(sentence));
    }
  });

  it('keeps offsets right after characters whose lower case is longer', () => {
    const turkish = 'İstanbul hosted it. Then Izmir did.';
    const at = new TextIndex(turkish).locate('Then Izmir did.');
    expect(turkish.slice(at!.start, at!.end)).toBe('Then Izmir did.');
  });

  it('ignores non-ASCII white space and case, and finds a sentence far into a long text', () => {
    const long = `${'Filler words go here. '.repeat(1000)}Élodie\u00a0Martin met\u3000the mayor of ÅLESUND.`;
    const at = new TextIndex(long).locate('élodie martin met the mayor of Ålesund.');
    expect(long.slice(at!.start, at!.end)).toBe('Élodie\u00a0Martin met\u3000the mayor of ÅLESUND.');
  });
});

describe('evidence of a fact stated by two articles of one batch', () => {
  const doc: GraphDocument = {
    articles: [
      { id: 'a1', title: 'First', text: 'Avalon and Brindle are sister cities.' },
      { id: 'a2', title: 'Second', text: 'Brindle signed a twinning deal with Avalon.' },
    ],
    nodes: [
      { id: 'city:avalon', label: 'City', name: 'Avalon', aliases: [], properties: {} },
      { id: 'city:brindle', label: 'City', name: 'Brindle', aliases: [], properties: {} },
    ],
    relationships: [
      {
        type: 'SISTER_CITY_OF',
        source: 'city:avalon',
        target: 'city:brindle',
        properties: {},
        sources: ['a1', 'a2'],
        evidence: ['Avalon and Brindle are sister cities.', 'Brindle signed a twinning deal with Avalon.'],
      },
    ],
  };

  it('pairs each sentence with the article whose text holds it', () => {
    const [row] = writeRows(doc, () => []).relationships;
    const pairs = row!.evidence.map((sentence, i) => [sentence, row!.evidenceSources[i]]);
    expect(pairs).toEqual([
      ['Avalon and Brindle are sister cities.', 'a1'],
      ['Brindle signed a twinning deal with Avalon.', 'a2'],
    ]);
  });

  it('pairs a sentence no text holds with every source, as without texts', () => {
    const noText = { ...doc, articles: doc.articles.map(({ text: _text, ...a }) => a) };
    const [row] = writeRows(noText, () => []).relationships;
    expect(row!.evidenceSources).toEqual(['a1', 'a1', 'a2', 'a2']);
  });

  it('stores the article text on its row', () => {
    expect(writeRows(doc, () => []).articles.map((a) => a.text)).toEqual(['Avalon and Brindle are sister cities.', 'Brindle signed a twinning deal with Avalon.']);
  });
});

describe('TextIndex.contains', () => {
  // the rule: white space ignored, each character by its own lower case when that is one character
  const lowered = (text: string) => [...text].map((c) => (/\s/.test(c) ? '' : c.toLowerCase().length === 1 ? c.toLowerCase() : c)).join('');

  it('finds each character of the Basic Multilingual Plane by its own lower case, one character each', () => {
    for (let start = 0; start < 0x10000; start += 256) {
      const text = Array.from({ length: 256 }, (_, i) => String.fromCharCode(start + i)).filter((c) => !/[\ud800-\udfff]/.test(c)).join('');
      if (text === '') continue;
      const index = new TextIndex(`Before ${text} after`);
      expect(index.contains(lowered(text)), `block U+${start.toString(16)}`).toBe(true);
    }
  });

  it('keeps İ, a final Σ and a letter beyond the plane as squeeze reads them', () => {
    const index = new TextIndex('İSTANBUL hosted ΟΔΟΣ and \u{10400} Deseret');
    expect(index.contains('İstanbul hosted')).toBe(true);
    expect(index.contains('οδοσ and')).toBe(true);
    expect(index.contains('οδος and')).toBe(false);
    expect(index.contains('\u{10400} deseret')).toBe(true);
    expect(index.contains('\u{10428} deseret')).toBe(false);
    expect(index.contains(' \t ')).toBe(false);
  });
});
