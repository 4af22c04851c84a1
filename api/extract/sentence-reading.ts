// The reading of a sentence's text that several readers share, made once when the article analyses the sentence:
// its tokens (read by the mentions) and whether its white space is already as the templates print it (read by every
// template of the sentence, which is built again each time a reader retypes one of its mentions).
import { tokenize, type Token } from './mentions.ts';

export interface SentenceReading {
  /** the words, numbers and marks of the text, with their offsets */
  readonly tokens: Token[];
  /** nothing in the text is what `respaced` rewrites, so neither is anything in its templates */
  readonly plainSpacing: boolean;
}

export function readSentence(text: string): SentenceReading {
  const tokens = tokenize(text);
  return { tokens, plainSpacing: plainSpacing(text, tokens) };
}

// white space before closing punctuation; other white space than one plain space; "(" and the space
// after it; curly double quotes (single spaces are not matched: a callback for each costs more than the rest)
const SPACING = /(\s+)(?=[,.;:!?)])|(\s{2,}|[^\S ])|\(\s+|[“”]/g;

/** The text with its white space as templates print it: none before closing punctuation or after "(", one plain space for any other run, straight double quotes. */
export function respaced(text: string): string {
  return text.replace(SPACING, (m: string, beforeClose?: string, run?: string) => (beforeClose !== undefined ? '' : run !== undefined ? ' ' : m[0] === '(' ? '(' : '"'));
}

/**
 * Whether `respaced` leaves the text as it is, read from its tokens instead of a scan of every character: the
 * tokenizer skips only white space, so the gaps between tokens are the text's white space runs, and every mark
 * SPACING reads (a closing mark, "(", a curly quote) is a token of its own, so its first character.
 */
function plainSpacing(text: string, tokens: readonly Token[]): boolean {
  let end = 0;
  for (const t of tokens) {
    const first = text.charCodeAt(t.start);
    if (first === LEFT_DOUBLE_QUOTE || first === RIGHT_DOUBLE_QUOTE) return false;
    if (t.start > end && !(plainGap(text, end, t.start) && !CLOSING.includes(first))) return false;
    end = t.end;
  }
  return end === text.length || plainGap(text, end, text.length);
}

// , . ; : ! ? )
const CLOSING = [44, 46, 59, 58, 33, 63, 41];
const LEFT_DOUBLE_QUOTE = 0x201c;
const RIGHT_DOUBLE_QUOTE = 0x201d;
const OPENING_PARENTHESIS = 40;

/** A run of white space that is one plain space, not after "(". */
const plainGap = (text: string, from: number, to: number): boolean =>
  to - from === 1 && text.charCodeAt(from) === 32 && text.charCodeAt(from - 1) !== OPENING_PARENTHESIS;
