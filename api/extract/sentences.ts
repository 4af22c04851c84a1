// Sentence splitting with offsets into the article body. Paragraphs are separated by blank lines;
// a single line break ends a sentence unless the line plainly continues ("… his wife and\nGeorge …").
// A period ends a sentence unless it closes an abbreviation (Mr., Co., U.S., No., Nov. 16) or an initial.

export interface Sentence {
  /** position in the article, from 0 */
  index: number;
  /** paragraph number, from 0 */
  paragraph: number;
  text: string;
  /** offsets of text in the body */
  start: number;
  end: number;
}

// Abbreviations after which a period never ends a sentence (lower-cased, without the period).
const NEVER_FINAL = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'mt', 'co', 'no', 'nos', 'vs', 'etc', 'approx', 'dept', 'gov', 'govt',
  'sen', 'rep', 'hon', 'gen', 'lt', 'col', 'capt', 'sgt', 'cllr', 'colr', 'cr', 'rev', 'fr', 'pres', 'supt', 'messrs',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues',
  'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'e.g', 'i.e', 'fig', 'ave', 'blvd', 'ph.d',
]);
// Abbreviations that end a sentence only when a typical sentence opener follows ("… Inc. The company …").
const FINAL_BEFORE_OPENER = new Set(['inc', 'ltd', 'corp', 'jr', 'sr', 'plc', 'llc', 'bros', 'a.m', 'p.m', 'etc']);
const OPENERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'this', 'that', 'these', 'those', 'in', 'on', 'at',
  'during', 'after', 'before', 'since', 'both', 'other', 'there', 'his', 'her', 'their', 'its', 'our', 'as',
  'according', 'meanwhile', 'also', 'later', 'earlier', 'then', 'with', 'for', 'from', 'by', 'mayor',
]);

const CONTINUES = /(?:[,;(\-–—&]|\b(?:and|or|of|the|to|in|for|with|a|an|by|at|from|on|as|its|his|her|their))\s*$/i;

// The expressions of the per-character and per-sentence loops below, made once: a literal inside a loop is a new
// RegExp object at every evaluation (thousands an article).
const WORD_BEFORE_PERIOD = /[\p{L}\p{N}.]/u;
const INITIAL = /^\p{Lu}$/u;
const DOTTED_ABBREVIATION = /^(\p{L}\.)+\p{L}$/u;
const PERIOD_THEN_CLOSERS = /^\.["'”’)\]]+$/;
const LOWER_CASE_START = /^[\p{Ll}]/u;
const LOWER_CASE_LINE = /^\s*\p{Ll}/u;
const SPACE = /\s/;
const LINE_BREAKS = /[\r\n\t]/g;

/** Whether the character at i belongs to the word before a period: WORD_BEFORE_PERIOD, with ASCII read by its code. */
function wordBeforePeriod(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46;
  return WORD_BEFORE_PERIOD.test(text[i]!);
}

function periodEndsSentence(text: string, dot: number, next: string): boolean {
  // the word right before the period, including inner periods (U.S, e.g)
  let i = dot - 1;
  while (i >= 0 && dot - i < 40 && wordBeforePeriod(text, i)) i--;
  const word = text.slice(i + 1, dot);
  const lower = word.toLowerCase();
  if (!word) return true;
  if (INITIAL.test(word)) return false; // an initial: "H. K. Lee"
  if (NEVER_FINAL.has(lower)) return false;
  if (FINAL_BEFORE_OPENER.has(lower)) return OPENERS.has(next.toLowerCase());
  if (DOTTED_ABBREVIATION.test(word)) return OPENERS.has(next.toLowerCase()); // U.S. / P.R.C. mid-sentence
  return true;
}

const NEXT_WORD = /\s*["'“‘(]*([\p{L}\p{N}]+)/uy;

/** Splits one line-joined paragraph into sentence ranges [start, end) relative to it. */
function splitParagraph(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const re = /[.!?。！？]+["'”’)\]]*(?=\s+|$)|[。！？]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].length;
    NEXT_WORD.lastIndex = end;
    const nextWord = NEXT_WORD.exec(text)?.[1] ?? '';
    if (m[0][0] === '.' && m[0].length === 1 || m[0].startsWith('.') && PERIOD_THEN_CLOSERS.test(m[0])) {
      if (!periodEndsSentence(text, m.index, nextWord)) continue;
    }
    // only a capital, a digit, a quote or a non-Latin script may open the next sentence
    if (nextWord && LOWER_CASE_START.test(nextWord) && m[0] !== '。') continue;
    if (end > start) out.push([start, end]);
    start = end;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

export function splitSentences(body: string): Sentence[] {
  const sentences: Sentence[] = [];
  if (!body) return sentences;
  let paragraph = 0;
  const paraRe = /\n[ \t\r\f\v]*\n/g;
  let pStart = 0;
  const paragraphs: [number, number][] = [];
  let m: RegExpExecArray | null;
  while ((m = paraRe.exec(body))) {
    paragraphs.push([pStart, m.index]);
    pStart = m.index + m[0].length;
  }
  paragraphs.push([pStart, body.length]);
  for (const [ps, pe] of paragraphs) {
    // break the paragraph into runs of lines that belong together
    const lines: [number, number][] = [];
    for (let ls = ps; ; ) {
      const br = body.indexOf('\n', ls);
      const le = br < 0 || br > pe ? pe : br;
      lines.push([ls, le]);
      if (le === pe) break;
      ls = le + 1;
    }
    const runs: [number, number][] = [];
    for (const [a, b] of lines) {
      const line = body.slice(a, b);
      if (!line.trim()) continue;
      const prev = runs[runs.length - 1];
      if (prev) {
        const prevText = body.slice(Math.max(prev[0], prev[1] - 40), prev[1]);
        if (CONTINUES.test(prevText) || LOWER_CASE_LINE.test(line)) {
          prev[1] = b;
          continue;
        }
      }
      runs.push([a, b]);
    }
    let any = false;
    for (const [a, b] of runs) {
      // keep offsets: a line break inside a run becomes a space in the sentence text only
      const runText = body.slice(a, b);
      for (const [s, e] of splitParagraph(runText)) {
        let s2 = s;
        let e2 = e;
        while (s2 < e2 && SPACE.test(runText[s2]!)) s2++;
        while (e2 > s2 && SPACE.test(runText[e2 - 1]!)) e2--;
        if (e2 <= s2) continue;
        sentences.push({
          index: sentences.length,
          paragraph,
          text: runText.slice(s2, e2).replace(LINE_BREAKS, ' '),
          start: a + s2,
          end: a + e2,
        });
        any = true;
      }
    }
    if (any) paragraph++;
  }
  return sentences;
}
