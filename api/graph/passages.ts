// Where an evidence sentence stands in an article's stored text. Extraction keeps a sentence
// close to the text but not byte for byte (a line break inside it becomes a space, "Seoul(Korea)"
// gets a space, a headline may be lower-cased, a very long sentence is cut), so the match ignores
// white space and case. Pure: used by the store (pairing evidence with its article) and the reader.

/** The text without white space, lower-cased, and for each of its characters the offset it came from. */
interface Squeezed {
  chars: string;
  offsets: number[];
}

function squeeze(text: string): Squeezed {
  const codes: number[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // ASCII, nearly every character, without a regular expression or a string per character
    if (code < 128) {
      if (code === 32 || (code >= 9 && code <= 13)) continue;
      codes.push(code >= 65 && code <= 90 ? code + 32 : code);
      offsets.push(i);
      continue;
    }
    const c = text[i]!;
    if (/\s/.test(c)) continue;
    // one output character per input character, so offsets stay aligned (toLowerCase of "İ" is two)
    const lower = c.toLowerCase();
    codes.push((lower.length === 1 ? lower : c).charCodeAt(0));
    offsets.push(i);
  }
  return { chars: fromCodes(codes), offsets };
}

/** String.fromCharCode over an array of any length (its arguments are limited). */
function fromCodes(codes: number[]): string {
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.slice(i, i + 8192));
  return text;
}

export interface Passage {
  /** offsets in the text: [start, end) */
  start: number;
  end: number;
}

/**
 * Characters whose lower case is not one character of their own, looked at alone: "İ" (two
 * characters), "Σ" (depends on the next letter) and the halves of a surrogate pair (squeeze keeps
 * them as they are). Without any, squeeze's characters are the text's own lower case without white space.
 */
const CASED_APART = /[\u0130\u03a3\ud800-\udfff]/;

/** squeeze(text).chars, by two native passes over the text when they give the same characters. */
function squeezedChars(text: string): string {
  return CASED_APART.test(text) ? squeeze(text).chars : text.replace(/\s+/g, '').toLowerCase();
}

/** A reusable index of one text, for locating many sentences in it. */
export class TextIndex {
  private readonly chars: string;
  /** The offsets, for locate only: the store's pairing of evidence asks contains alone, for every article of a batch. */
  private squeezed: Squeezed | null = null;

  constructor(readonly text: string) {
    this.chars = squeezedChars(text);
  }

  /** The first place the sentence stands in the text, or null when it does not. */
  locate(sentence: string): Passage | null {
    const needle = squeezedChars(sentence);
    if (!needle) return null;
    const at = this.chars.indexOf(needle);
    if (at < 0) return null;
    const { offsets } = (this.squeezed ??= squeeze(this.text));
    return { start: offsets[at]!, end: offsets[at + needle.length - 1]! + 1 };
  }

  contains(sentence: string): boolean {
    return this.holds(needle(sentence));
  }

  /** contains() for a sentence squeezed once by needle(), when one sentence is looked for in many texts. */
  holds(needle: string): boolean {
    return needle !== '' && this.chars.includes(needle);
  }
}

/** A sentence as TextIndex.holds looks for it (white space out, lower-cased). */
export const needle = (sentence: string): string => squeezedChars(sentence);
