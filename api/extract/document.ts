// Turns an input file (plain text, Markdown, HTML) into the article's title, publication date, publisher
// and main text, and validates structured JSON input. Pure functions: no I/O.
//
// Real pages carry chrome around the article: a date/author/source line ("时间:2024-04-01 撰稿人:
// 供稿部门:…", "Updated: 2018-08-07", "By Jane Doe | Staff writer"), breadcrumbs ("Home > News"),
// navigation menus (runs of short lines without sentence punctuation), share buttons, photo credits
// and footers (copyright, ICP/公网安备 registration numbers, address and phone lines). Photo captions stay:
// they often say who hosted or spoke. The same cleaning
// runs on every format after it has been cut into blocks: lines for text, tokens of `marked`'s lexer
// for Markdown, block elements of the readability extract for HTML.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { marked, type Token, type Tokens } from 'marked';
import { GraphDocument } from '../graph/schema.ts';
import { findDates, resolveDate } from './dates.ts';
import { matchAll } from './match-all.ts';

export type InputFormat = 'text' | 'markdown' | 'html' | 'json';

export interface SourceDocument {
  title: string;
  /** PartialDate */
  publishedAt: string | null;
  publisher: string | null;
  url: string | null;
  file: string | null;
  /** main text only; paragraphs separated by a blank line */
  body: string;
  format: InputFormat;
}

export function formatFromFileName(name: string): InputFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase();
  switch (ext) {
    case 'txt':
    case 'text':
      return 'text';
    case 'md':
    case 'markdown':
    case 'mdown':
    case 'mkd':
      return 'markdown';
    case 'html':
    case 'htm':
    case 'xhtml':
      return 'html';
    case 'json':
      return 'json';
    default:
      return null;
  }
}

export function formatFromContentType(ct: string): InputFormat | null {
  const type = ct.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/plain') return 'text';
  if (type === 'text/markdown' || type === 'text/x-markdown') return 'markdown';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type)) return 'json';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Blocks and the cleaning shared by all formats

/** 'entry': a line of a list of towns (`markTownLists`), kept whatever its length, a paragraph of its own */
type BlockKind = 'line' | 'para' | 'heading' | 'item' | 'link-item' | 'entry';
interface Block {
  text: string;
  kind: BlockKind;
  /** a blank line precedes it in a text file: a paragraph starts here */
  gap?: boolean;
}

interface Meta {
  title: string | null;
  publishedAt: string | null;
  publisher: string | null;
  url: string | null;
}

/** Removes what is not text: BOM, control characters, odd line separators; NBSP becomes a space. */
function sanitize(content: unknown): string {
  const s = typeof content === 'string' ? content : content == null ? '' : String(content);
  return s
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/[\t\f\v\u00a0\u3000]/g, ' ')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f\ufeff\u200b-\u200d\ufffd]/g, '');
}

// Most lines have single spaces only: testing for that is cheaper than rebuilding them.
const UNSQUASHED = /\s{2,}|[^\S ]|^ | $/;
const squash = (s: string) => (UNSQUASHED.test(s) ? s.replace(/\s+/g, ' ').trim() : s);
/** Number of words, counted up to `limit` (callers only ask "at most n?" or "at least n?"). */
function words(s: string, limit = 64): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length && n < limit; i++) {
    const space = s.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
const SENTENCE_END = /[.!?。！？…]["'”’)\]]*$/;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;
const HAS_CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

// Lines that are site furniture wherever they appear.
const CHROME = [
  /^(?:copyright\b|©|\(c\)\s*\d{4})/i,
  /all rights reserved|版权所有/i,
  /ICP\s*[备证]|[\u4e00-\u9fff]ICP|公网安备|网站标识码|网站地图|技术支持[:：]|(?:主办|承办|协办)(?:单位)?[:：]|(?:地址|电话|联系电话|传真|邮编|邮箱)[:：]/,
  /^(?:tel|phone|telephone|fax|e-?mail|address|postcode|zip code)\s*[:：]/i,
  /\b(?:registration number|license for publishing|browsers with .{0,40}resolution|this site uses akismet|learn how your comment data is processed)\b/i,
  /^(?:skip to (?:main )?content|top of page|bottom of page|back to (?:the )?top|loading(?:…|\.\.\.)?|share(?: this(?: article| story)?)?(?: - \w+)?|print(?: this)?|close|e-?mail|tweet|follow us(?: on .*)?|most (?:popular|read|viewed)|related (?:news|articles|stories|posts|links)|recommended(?: information| for you)?|comments are closed\.?|leave a (?:comment|reply)|read more|continue reading|subscribe(?: now)?|sign up|log ?in|sign in|register|search|menu|next|previous|prev(?:ious)? (?:article|post)|next (?:article|post)|top|english|中文|home|latest|trending|advertisement|sponsored|font size:?.*|[a-z]+ edition)$/i,
  /^\d+\s*(?:min(?:ute)?s?)\s+read(?: time)?$/i,
  /^(?:tags?|categories|filed under|share on|topics?|keywords?)\s*[:：]/i,
  /^(?:your )?(?:current )?(?:location|position)\s*[:：]|^you are (?:here|viewing)\s*[:：]|^当前位置|^您的位置/i,
  // press-release furniture: "FOR IMMEDIATE RELEASE", "COUNCIL PUBLIC INFORMATION NEWS ADVISORY"
  /^(?:for )?immediate release\b|^[A-Z ]{0,40}\bNEWS (?:RELEASE|ADVISORY)$|^(?:media contact|press contact|contact)\s*[:：]/i,
  /^(?:previous|next|prev)(?: article| post| story| news| page)?\s*[:：]|^(?:上一篇|下一篇|上一条|下一条)/i,
  /^rate this page$|\bcreative commons\b.{0,80}(?:image|photo|licen[cs]e)|^\S+\.(?:jpe?g|png|gif|webp)$|^[\w-]+_[\w-]+$/i,
  /^(?:spread the love|site icon\b.*|share (?:on|via) \w+|share embed.*|print this page|click to (?:share|print|email).*)$/i,
  /^(?:your email address will not be published|required fields are marked|more stories|you may also like|related:?$)/i,
  /^(?:\S+@\S+\.\w+|https?:\/\/\S+|www\.\S+)$/i,
  /^\[?(?:photo|image|picture)s?\s*(?:\/|:|provided|courtesy|by)[^\]]*\]?$/i,
];

function isChrome(text: string): boolean {
  if (CHROME.some((re) => re.test(text))) return true;
  // A teaser cut short ("Mayor Li meets the delegation from…"): a link to another article.
  if (/(?:\.\.\.|…)$/.test(text) && words(text, 21) <= 20 && !/[.!?。](?=\s)/.test(text)) return true;
  // A letterhead: address and web site on one line, no sentence.
  return /\bwww\.|https?:\/\//.test(text) && !SENTENCE_END.test(text) && /\d/.test(text) && words(text, 31) <= 30;
}

// Advisory labels in front of a paragraph: "WHAT Richmond City Council will welcome…" (not WHO: the
// World Health Organization opens sentences too).
const ADVISORY_LABEL = /^(?:WHAT|WHEN|WHERE|WHY|DETAILS|BACKGROUND)\s*[:：]?\s+(?=\S)/;

/** "Home > International Exchange", "Home / Culture / Cultural Exchange", "首页 > 新闻动态" */
function isBreadcrumb(text: string): boolean {
  if (text.length > 200 || !/[>»›/|]/.test(text)) return false;
  if (/^(?:home|homepage|首页|当前位置|you are here)\s*[>»›]/i.test(text)) return true; // "Home>Section>Page title"
  const parts = text.split(/\s*(?:>|»|›|\/|\|)\s*/);
  return (
    parts.length >= 2 &&
    /\s?[>»›]\s?|\s[/|]\s/.test(text) &&
    parts.every((p) => p.length > 0 && words(p) <= 5 && !SENTENCE_END.test(p))
  );
}

// Photo credits: "[Photo/fo.xm.gov.cn]", "(Photo provided to China Daily)" at the end of a caption.
const PHOTO_CREDIT = /\s*[[(](?:photo|image|picture|pictured|file photo)s?\b[^\])]{0,80}[\])]\s*$/i;
const INLINE_CREDIT = /\s*\[(?:photo|image|picture)s?\b[^\]]{0,80}\]/gi;
// "…Madam Meifang Zhang. Pic credit: Lisburn City Council": the caption stays, its credit goes.
const CREDIT_TAIL = /(?<=[.!?]|^)\s*(?:pic(?:ture)?|photo|image)s?\s*(?:credit|courtesy|by)?\s*[:：][^.!?]{0,80}$/i;

const DATE_LABEL =
  '时间|日期|发布时间|发布日期|更新时间|发表时间|date|dated|time|published(?: on| at)?|posted(?: on)?|updated(?: on| at)?|last updated|release date|publication date|publish date';
const SOURCE_LABEL = '来源|供稿部门|供稿单位|信息来源|source of news|news source|source|resource|publisher|provided by|courtesy of';
const AUTHOR_LABEL =
  '撰稿人|撰稿|作者|编辑|责任编辑|审核|摄影|字号|打印|author|authors|writer|written by|editor|edited by|reporter|reported by|photographer|photo|photos|by|printing|print|font size|size|views|hits';
const LABEL = new RegExp(
  `(?:^|\\s|\\|)(${DATE_LABEL}|${SOURCE_LABEL}|${AUTHOR_LABEL})\\s*(?:[:：]|(?=\\s*(?:\\d|\\p{Lu}\\p{Ll}{2,8}\\.?\\s+\\d)))`,
  'giu',
);

interface MetaHit {
  date?: string;
  publisher?: string;
  /** text that follows the meta prefix on the same line (a dateline paragraph) */
  rest?: string;
}

function labelKind(label: string): 'date' | 'source' | 'author' {
  const l = label.toLowerCase();
  if (new RegExp(`^(?:${DATE_LABEL})$`, 'i').test(l)) return 'date';
  if (new RegExp(`^(?:${SOURCE_LABEL})$`, 'i').test(l)) return 'source';
  return 'author';
}

// Sites glue their labels to the value before: "Source: The seanewsEditor: Li01-13-2023",
// "Time:2017-03-05Editor:Wang LeiResource:Department of Japanese AffairsPrintingSize:Large".
const GLUED_LABELS = 'Editor|Source|Resource|Author|Reporter|Time|Date|Printing|Print|Size|Font size|Views|Hits';
const GLUED_LABEL = new RegExp(`(?<=[\\p{Ll}\\d])(${GLUED_LABELS})(?=\\s*[:：])`, 'gu');
const CHAINED_LABEL = new RegExp(`(?<=[\\p{Ll}\\d])(${GLUED_LABELS})(?=(?:${GLUED_LABELS})[:：])`, 'gu'); // "PrintingSize:"

/** Reads a date/source/author line (white space already squashed); null when the line is not one. */
function parseMetaLine(text: string): MetaHit | null {
  let line = text;
  if (line.length === 0 || line.length > 300) return null;
  if (/[:：]/.test(line)) line = line.replace(CHAINED_LABEL, ' $1: ').replace(GLUED_LABEL, ' $1');
  if (/\p{L}\d/u.test(line)) line = line.replace(/(?<=\p{L})(?=\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4})/gu, ' '); // "Li Ming01-13-2023"

  // "By Jane Doe | Staff writer", "By JANE DOE, Staff Reporter"
  if (/^by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*(?:[|,/–—-].{0,60})?$/u.test(line) && !SENTENCE_END.test(line)) {
    return {};
  }

  // Labels open a meta line (after at most a short source prefix): look further only if one does.
  LABEL.lastIndex = 0;
  const opening = LABEL.exec(line.slice(0, 90));
  LABEL.lastIndex = 0; // matchAll starts where the last exec stopped
  const labels = opening ? matchAll(line, LABEL) : [];
  if (labels.length > 0) {
    const first = labels[0]!;
    const before = line.slice(0, first.index).trim();
    // Allowed before the first label: nothing, "(chinadaily.com.cn)", "chinadaily.com.cn |".
    const prefix = /^\(([^()]{2,60})\)$|^([^|()]{2,60}?)\s*\|$/.exec(before);
    const sourcePrefix = (prefix?.[1] ?? prefix?.[2])?.trim();
    if (before === '' || /^the$/i.test(before) || (sourcePrefix && words(before) <= 6)) {
      const hit: MetaHit = {};
      // "August 3, 2022 | Author: …": a date before the labels, not a source.
      const prefixDate = sourcePrefix ? findDates(sourcePrefix, null)[0] : undefined;
      if (prefixDate) hit.date = prefixDate.date;
      else if (sourcePrefix) hit.publisher = sourcePrefix;
      for (let i = 0; i < labels.length; i++) {
        const m = labels[i]!;
        const start = m.index + m[0].length;
        const end = i + 1 < labels.length ? labels[i + 1]!.index : line.length;
        let value = line.slice(start, end).trim().replace(/^[|,;\s]+|[|,;\s]+$/g, '');
        const kind = labelKind(m[1]!);
        if (kind === 'date') {
          const found = findDates(value, null)[0] ?? null;
          const date = found?.date ?? resolveDate(value, null);
          if (!date) return null; // "Date night was…": not a meta line
          hit.date ??= date;
          if (i === labels.length - 1 && found) {
            // "date 2023-11-07 SIOUX CITY, Iowa (KCAU) — A delegation…": keep the paragraph.
            const tail = value.slice(found.end).replace(/^\s*(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:UTC|GMT)?[+-]?\d*)?)?\s*/i, '');
            if (words(tail) >= 8) hit.rest = tail;
            value = '';
          }
        } else if (kind === 'source' && value && words(value) <= 12) {
          hit.publisher ??= value;
        } else if (kind === 'author') {
          if (words(value) > 12) return null; // "by the two cities…": prose
          const glued = findDates(value, null)[0]; // "Editor: Li Ming01-13-2023 10:06"
          if (glued) hit.date ??= glued.date;
        }
      }
      return hit;
    }
  }

  // A paragraph stamped with its date: "2013-04-17 08:15 Fort Worth, Texas — Sister Cities is sending…"
  const stamped = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s+(\S.*)$/.exec(line);
  if (stamped && words(stamped[2]!) >= 8) {
    const date = resolveDate(stamped[1]!, null);
    if (date) return { date, rest: stamped[2]! };
  }

  // A line that is only a date (with a time or zone): "2024-04-01 10:07", "September 28, 9:03 UTC+3".
  if (line.length <= 60) {
    const found = findDates(line, null);
    const left = found.reduce((s, d) => s.replace(d.text, ''), line).replace(/\d{1,2}:\d{2}(?::\d{2})?|\b(?:[ap]\.?m\.?|UTC|GMT|[+-]\d+)\b|[|,/()\s-]/gi, '');
    if (found[0] && left.length <= 12) return { date: found[0].date };
  }
  return null;
}

/** Short line without sentence punctuation: a menu entry, a section label, a caption. */
function isShort(b: Block): boolean {
  return words(b.text) <= 6 && !SENTENCE_END.test(b.text);
}
function isCaption(b: Block): boolean {
  return words(b.text) >= 5 && (b.text.match(/(?:^|\s)\p{Ll}{3,}/gu)?.length ?? 0) >= 2;
}
function isProse(b: Block): boolean {
  return b.kind === 'entry' || SENTENCE_END.test(b.text) || words(b.text) >= 10;
}

// A line that opens a list of twinned towns: "Our Sister Cities are:", "Twinning Cities to Sariyer Municipality;",
// "Some examples of twinning are:", or a short heading such as "Twinning between Cities".
const TWINNING_WORD = /\b(?:sister[- ]?(?:cit(?:y|ies)|towns?)|twin(?:ned|ning|s)?|partner (?:cit(?:y|ies)|towns?)|friendship (?:cit(?:y|ies)|towns?))\b/i;
// One entry of such a list: "- Shunan (周南), Japan (since 1990)", "Jerusalem – New York City, USA",
// "• Municipality of VAC in Hungary,": a short line that starts with a name, places it (a comma, a bracket, a dash,
// "in", "and") and is no sentence; a menu's "About Us" is none.
// A list line's number ("1. ", "12) ") and a bulleted or numbered line.
const LIST_NUMBER = /^\s*\d{1,2}[.)]\s+(?=\p{Lu})/u;
const BULLETED = /^\s*(?:[-–•*·▪◦]|\d{1,2}[.)])\s/;
const TOWN_ENTRY = /^(?:[-–•*·▪◦]\s*)?\p{Lu}[^.!?]*?(?:,|\(| [-–—]|[-–—] | in | and )[^.!?]*[.,;]?$/u;

/**
 * The lines of a list of towns after the line that opens it, marked 'entry': a menu-like run of short lines
 * that the menu cut would drop, and a list ending the page that the trim after the last sentence would drop.
 */
function markTownLists(blocks: Block[]): void {
  for (let i = 0; i < blocks.length - 1; i++) {
    const head = blocks[i]!;
    if (!TWINNING_WORD.test(head.text) || !(/[:;]$/.test(head.text) || (isShort(head) && head.kind !== 'para'))) continue;
    let j = i + 1;
    const entry = (b: Block) => b.kind !== 'para' && words(b.text, 17) <= 16 && TOWN_ENTRY.test(b.text.replace(LIST_NUMBER, ''));
    // a blank line may part the list from its opening line, not its lines from each other, unless every line
    // is bulleted or numbered (a web page's list items, fetched one a paragraph)
    let bulleted = false;
    while (j < blocks.length && entry(blocks[j]!) && (j === i + 1 || !blocks[j]!.gap || bulleted && BULLETED.test(blocks[j]!.text))) {
      bulleted = BULLETED.test(blocks[j]!.text);
      // "1. Eugene, USA": the number would be read as a sentence of its own
      blocks[j]!.text = blocks[j]!.text.replace(LIST_NUMBER, '');
      blocks[j++]!.kind = 'entry';
    }
    i = j - 1;
  }
}

/** Drops chrome, reads meta lines, cuts menus; returns the paragraphs of the main text. */
function clean(blocks: Block[], meta: Meta, titleFromFirstLine: boolean): string {
  const kept: Block[] = [];
  const latinDoc = countCjk(blocks) < 0.2;
  let titleKey = meta.title ? squash(meta.title).toLowerCase() : null;
  let lookForTitle = titleFromFirstLine && meta.title === null;

  for (let bi = 0; bi < blocks.length; bi++) {
    const block = blocks[bi]!;
    let text = squash(block.text);
    if (!text) continue;
    if (block.kind === 'link-item' || isChrome(text)) continue;
    const hit = parseMetaLine(text);
    if (hit) {
      if (hit.date) meta.publishedAt ??= hit.date;
      if (hit.publisher) meta.publisher ??= hit.publisher;
      if (!hit.rest) continue;
      text = hit.rest;
    }
    if (isBreadcrumb(text)) continue;
    text = text.replace(ADVISORY_LABEL, '');
    if (lookForTitle) {
      lookForTitle = false;
      // A headline is short and does not end with a full stop (or stands alone above a blank line,
      // as some sites end theirs with one); otherwise the text starts untitled.
      const alone = blocks[bi + 1]?.gap === true && words(text, 21) <= 20;
      if (words(text) <= 30 && (alone || !/[.。]["”’)]*$/.test(text))) {
        meta.title = text;
        titleKey = text.toLowerCase();
        continue;
      }
    }
    // lower-casing never shortens a string (only İ lengthens it): a longer paragraph is not the title, and is not copied to be compared
    if (titleKey && text.length <= titleKey.length && text.toLowerCase() === titleKey) continue;
    if (/photo|image|picture|pic\b/i.test(text)) {
      // A captioned photo's credit goes; the caption stays, it may name who hosted whom.
      text = text.replace(PHOTO_CREDIT, '').replace(INLINE_CREDIT, '').replace(CREDIT_TAIL, '').trim();
    }
    if (latinDoc && cjkShare(text) > 0.3) continue; // Chinese footer links on an English page
    if (text) kept.push({ text, kind: block.kind, gap: block.gap });
  }

  markTownLists(kept);
  // Menus: runs of three or more short lines (two for list items) go, wherever they stand.
  const out: Block[] = [];
  for (let i = 0; i < kept.length; ) {
    let j = i;
    while (j < kept.length && kept[j]!.kind !== 'para' && kept[j]!.kind !== 'entry' && isShort(kept[j]!)) j++;
    const run = j - i;
    const listRun = kept.slice(i, j).every((b) => b.kind === 'item');
    if (run >= 3 || (run >= 2 && listRun)) i = j;
    else {
      out.push(...kept.slice(i, Math.max(j, i + 1)));
      i = Math.max(j, i + 1);
    }
  }
  // Section labels and link lists before the first and after the last sentence of prose.
  const first = out.findIndex(isProse);
  if (first < 0) return joinParagraphs(out.filter((b) => !isShort(b) || b.kind === 'para' || b.kind === 'entry'));
  let last = out.length - 1;
  while (last > first && !isProse(out[last]!)) last--;
  // Above the first paragraph, a photo caption ("Deputy Consul General Iryu delivers his remarks")
  // is kept; section labels and edition switches ("Local Governments Cooperation") are not.
  const captions = out.slice(0, first).filter(isCaption);
  return joinParagraphs([...captions, ...out.slice(first, last + 1)]);
}

function countCjk(blocks: Block[]): number {
  let cjk = 0;
  for (const b of blocks) if (HAS_CJK.test(b.text)) cjk += b.text.match(CJK)?.length ?? 0;
  // most articles have none: then the share is 0 whatever the length
  if (cjk === 0) return 0;
  let all = 0;
  for (const b of blocks) all += b.text.length - whiteSpaceCount(b.text);
  return all === 0 ? 0 : cjk / all;
}
/** How many code units of `s` are white space (what /\s/ matches), counted without building a copy. */
function whiteSpaceCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isWhiteSpace(s.charCodeAt(i))) n++;
  return n;
}
function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
function cjkShare(text: string): number {
  if (!HAS_CJK.test(text)) return 0;
  const n = text.replace(/[\s\d\p{P}]/gu, '').length;
  return n === 0 ? 0 : (text.match(CJK)?.length ?? 0) / n;
}

/** One paragraph per block; a hard-wrapped line (no end punctuation, next starts lower case) joins the next. */
function joinParagraphs(blocks: Block[]): string {
  const paras: string[] = [];
  const seen = new Set<string>();
  // A caption or teaser repeated word for word is said once.
  const push = (para: string) => {
    const key = para.toLowerCase();
    if (!seen.has(key)) paras.push(para);
    seen.add(key);
  };
  let current = '';
  for (const b of blocks) {
    // "…Mayor of Calderdale and his wife and" + "George Keith and…": one sentence wrapped in two lines.
    const lastWord = current.slice(current.lastIndexOf(' ') + 1);
    const midSentence = /^\p{Ll}|[,;]$/u.test(lastWord) && words(current, 8) >= 8;
    if (current && !b.gap && !SENTENCE_END.test(current) && b.kind === 'line' && (midSentence || /^[\p{Ll}(]/u.test(b.text))) {
      current += ` ${b.text}`;
    } else {
      if (current) push(current);
      current = b.text;
    }
  }
  if (current) push(current);
  return paras.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Formats

function textBlocks(content: string): Block[] {
  const blocks: Block[] = [];
  let gap = false;
  for (const text of content.split('\n')) {
    if (text.trim() === '') gap = true;
    else {
      blocks.push({ text, kind: 'line', gap });
      gap = false;
    }
  }
  return blocks;
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

function markdownBlocks(content: string, meta: Meta): Block[] {
  let src = content;
  const front = FRONT_MATTER.exec(src);
  if (front) {
    src = src.slice(front[0].length);
    for (const line of front[1]!.split('\n')) {
      const kv = /^(\w[\w-]*)\s*:\s*["']?(.*?)["']?\s*$/.exec(line);
      if (!kv) continue;
      const key = kv[1]!.toLowerCase();
      const value = kv[2]!;
      if (key === 'title') meta.title ??= value;
      else if (/^(?:date|published|publishedat|published_at|pubdate)$/.test(key)) meta.publishedAt ??= resolveDate(value, null);
      else if (/^(?:publisher|source|site|site_name)$/.test(key)) meta.publisher ??= value;
      else if (key === 'url') meta.url ??= value;
    }
  }
  const blocks: Block[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      switch (t.type) {
        case 'heading': {
          const text = inlineText((t as Tokens.Heading).tokens);
          if (meta.title === null) meta.title = squash(text);
          else blocks.push({ text, kind: 'heading' });
          break;
        }
        case 'paragraph':
          for (const line of inlineText((t as Tokens.Paragraph).tokens).split('\n')) blocks.push({ text: line, kind: 'para' });
          break;
        case 'text':
          blocks.push({ text: 'tokens' in t && t.tokens ? inlineText(t.tokens) : decodeEntities(t.text), kind: 'para' });
          break;
        case 'blockquote':
          walk((t as Tokens.Blockquote).tokens);
          break;
        case 'list':
          for (const item of (t as Tokens.List).items) {
            const onlyLinks = item.tokens.every((c) => c.type !== 'text' || onlyLink(c));
            const text = item.tokens.map((c) => ('tokens' in c && c.tokens ? inlineText(c.tokens) : '')).join(' ');
            blocks.push({ text, kind: onlyLinks ? 'link-item' : 'item' });
          }
          break;
        case 'table': {
          const table = t as Tokens.Table;
          for (const row of table.rows) blocks.push({ text: row.map((c) => inlineText(c.tokens)).join(' | '), kind: 'line' });
          break;
        }
        case 'html':
          blocks.push(...domBlocks(parseHTML(`<!doctype html><html><body>${(t as Tokens.HTML).text}</body></html>`).document.body, true));
          break;
        default:
          break; // code, hr, space, def: not article text
      }
    }
  };
  walk(marked.lexer(src));
  return blocks;
}

function onlyLink(t: Token): boolean {
  const children = 'tokens' in t && t.tokens ? t.tokens : [];
  const meaningful = children.filter((c) => !(c.type === 'text' && !c.text.trim()));
  return meaningful.length > 0 && meaningful.every((c) => c.type === 'link');
}

function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  let out = '';
  for (const t of tokens) {
    if (t.type === 'image') continue;
    if (t.type === 'br') out += '\n';
    else if (t.type === 'html') out += '';
    else if ('tokens' in t && t.tokens && t.tokens.length > 0) out += inlineText(t.tokens);
    else if ('text' in t && typeof t.text === 'string') out += decodeEntities(t.text);
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'CANVAS', 'OBJECT', 'HEAD', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA']);
const CHROME_ELEMENTS = new Set(['NAV', 'FOOTER', 'HEADER', 'ASIDE', 'FORM', 'MENU']);
const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD',
  'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'TD', 'TH', 'FIGURE', 'FIGCAPTION', 'HR', 'ADDRESS', 'CENTER', 'TBODY', 'THEAD',
  'NAV', 'FOOTER', 'HEADER', 'ASIDE', 'FORM',
]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Text of an element as blocks, one per block-level element or <br>; scripts and styles never count. */
function domBlocks(root: DomNode | null, skipChrome: boolean): Block[] {
  const blocks: Block[] = [];
  let buf = '';
  let kind: BlockKind = 'line';
  let linkText = 0;
  const flush = () => {
    const text = squash(buf);
    if (text) blocks.push({ text, kind: kind === 'item' && linkText >= text.length * 0.9 ? 'link-item' : kind });
    buf = '';
    linkText = 0;
  };
  const visit = (node: DomNode, inLink: boolean) => {
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      buf += t;
      if (inLink) linkText += squash(t).length;
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name) || (skipChrome && CHROME_ELEMENTS.has(name))) return;
    if (name === 'BR') {
      flush();
      return;
    }
    const block = BLOCK.has(name);
    if (block) {
      flush();
      kind = /^H\d$/.test(name) ? 'heading' : name === 'LI' ? 'item' : name === 'P' ? 'para' : 'line';
    }
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) visit(children[i]!, inLink || name === 'A');
    if (block) {
      flush();
      kind = 'line';
    } else if (name === 'TD' || name === 'TH') buf += ' ';
  };
  if (root) visit(root, false);
  flush();
  return blocks;
}

interface HtmlDoc {
  querySelector(sel: string): { getAttribute(n: string): string | null; textContent: string | null } | null;
  querySelectorAll(sel: string): ArrayLike<{ getAttribute(n: string): string | null; textContent: string | null }>;
  body: DomNode | null;
  title: string;
}

function metaContent(doc: HtmlDoc, selectors: string[]): string | null {
  for (const sel of selectors) {
    const v = doc.querySelector(sel)?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/** datePublished / headline / publisher.name of the JSON-LD objects (also inside @graph). */
function jsonLd(doc: HtmlDoc): { date: string | null; title: string | null; publisher: string | null } {
  const out = { date: null as string | null, title: null as string | null, publisher: null as string | null };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  const visit = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.datePublished === 'string') out.date ??= o.datePublished;
    if (typeof o.headline === 'string') out.title ??= o.headline;
    const pub = o.publisher as Record<string, unknown> | undefined;
    if (pub && typeof pub === 'object' && typeof pub.name === 'string') out.publisher ??= pub.name;
    if (o['@graph']) visit(o['@graph']);
  };
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse(scripts[i]!.textContent ?? ''));
    } catch {
      // a page's broken JSON-LD is no reason to give up on the page
    }
  }
  return out;
}

function htmlBlocks(content: string, meta: Meta): Block[] {
  const { document } = parseHTML(/<html[\s>]/i.test(content) ? content : `<!doctype html><html><head></head><body>${content}</body></html>`);
  const doc = document as unknown as HtmlDoc;
  const ld = jsonLd(doc);
  const siteName = metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]', 'meta[name="SiteName"]']);
  const h1 = squash(doc.querySelector('h1')?.textContent ?? '');
  const ogTitle = metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="ArticleTitle"]']);
  const pageTitle = squash(doc.title ?? '');
  const h1InTitle = h1 && pageTitle.toLowerCase().includes(h1.toLowerCase()) ? h1 : null;
  meta.title ??= ogTitle ?? h1InTitle ?? (stripSiteSuffix(pageTitle, siteName) || h1 || ld.title || null);
  const published =
    metaContent(doc, [
      'meta[property="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="pubdate"]',
      'meta[name="PubDate"]',
      'meta[name="publishdate"]',
      'meta[name="publish-date"]',
      'meta[name="date"]',
      'meta[name="DC.date.issued"]',
      'meta[name="dc.date"]',
      'meta[name="article.published"]',
    ]) ??
    ld.date ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  if (published) meta.publishedAt ??= resolveDate(published, null);
  // Chinese government sites name themselves in Chinese in <meta name="SiteName"> and in English in the
  // article's source line: an English article keeps the English name when there is one.
  const metaPublisher = meta.publisher ?? siteName ?? ld.publisher ?? metaContent(doc, ['meta[name="ContentSource"]', 'meta[name="publisher"]']);
  const foreignPublisher = metaPublisher !== null && cjkShare(metaPublisher) > 0.3;
  if (!foreignPublisher) meta.publisher = metaPublisher;
  meta.url ??= doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent(doc, ['meta[property="og:url"]']);

  // Lines of the page as a whole, for date/source lines readability drops with the chrome around them.
  const pageBlocks = meta.publishedAt && meta.publisher ? [] : domBlocks(doc.body, false).slice(0, 80);
  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  if (article?.publishedTime) meta.publishedAt ??= resolveDate(article.publishedTime, null);
  if (article?.siteName) meta.publisher ??= article.siteName;
  meta.title ??= article?.title || null;

  const head: Meta = { title: '', publishedAt: null, publisher: null, url: null };
  clean(pageBlocks, head, false);
  meta.publishedAt ??= head.publishedAt;
  meta.publisher ??= head.publisher ?? metaPublisher;

  if (article?.content) {
    const inner = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document;
    const blocks = domBlocks(inner.body as unknown as DomNode, false);
    if (blocks.some(isProse)) return blocks;
  }
  // No article found: the page minus its navigation, header, footer and sidebars.
  const { document: again } = parseHTML(content);
  return domBlocks((again as unknown as HtmlDoc).body, true);
}

/** "Sister cities meet | The Daily Herald" -> "Sister cities meet" when the suffix is the site's name. */
function stripSiteSuffix(title: string, siteName: string | null): string {
  const m = /^(.{8,}?)\s+[|–—-]\s+([^|–—-]{2,60})$/.exec(title);
  if (!m) return title;
  const suffix = m[2]!.trim().toLowerCase();
  return siteName && suffix.includes(siteName.trim().toLowerCase()) ? m[1]! : words(m[2]!) <= 4 ? m[1]! : title;
}

/** Reads one article. Never throws: unreadable input gives an empty body. */
export function readDocument(
  content: string,
  opts: { format: Exclude<InputFormat, 'json'>; file?: string; url?: string },
): SourceDocument {
  const declared = opts?.format === 'markdown' || opts?.format === 'html' ? opts.format : 'text';
  let text = '';
  try {
    text = sanitize(content);
  } catch {
    // an object whose toString throws: nothing to read
  }
  // A page saved as .txt or posted as text/plain is still a page.
  const format = /^\s*(?:<!doctype html|<html[\s>])/i.test(text.slice(0, 1000)) ? 'html' : declared;
  const meta: Meta = { title: null, publishedAt: null, publisher: null, url: opts?.url ?? null };
  let body = '';
  try {
    if (format === 'html') body = clean(htmlBlocks(text, meta), meta, false);
    else if (format === 'markdown') body = clean(markdownBlocks(text, meta), meta, true);
    else body = clean(textBlocks(text), meta, true);
  } catch {
    body = '';
  }
  meta.publishedAt ??= dateFromUrl(meta.url);
  const title = squash(meta.title ?? '') || firstWords(body) || (opts?.file ?? '');
  return {
    title,
    publishedAt: meta.publishedAt,
    publisher: meta.publisher ? squash(meta.publisher) : null,
    url: meta.url ?? null,
    file: opts?.file ?? null,
    body,
    format,
  };
}

/** News sites put the date in the path: /2011/12/10/…, /2018-08/07/…, /20240401/… */
function dateFromUrl(url: string | null): string | null {
  const m = url ? /\/((?:19|20)\d\d)[-/]?(0[1-9]|1[0-2])[-/]?(0[1-9]|[12]\d|3[01])(?=[/_.-])/.exec(url) : null;
  return m ? resolveDate(`${m[1]}-${m[2]}-${m[3]}`, null) : null;
}

function firstWords(body: string): string {
  const first = body.split('\n')[0] ?? '';
  return first.length <= 120 ? first : `${first.slice(0, 117).replace(/\s+\S*$/, '')}…`;
}

// ---------------------------------------------------------------------------------------------
// Structured input

export class StructuredInputError extends Error {
  /** zod path of the first problem, e.g. "nodes[3].label"; "" for the document itself */
  readonly field: string;
  constructor(field: string, message: string) {
    super(field ? `${field}: ${message}` : message);
    this.name = 'StructuredInputError';
    this.field = field;
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

/** Validates a GraphDocument; the error names the first bad field. Relationships must point at
 * nodes (or, for MENTIONS, articles) of the same document. */
export function parseStructured(json: unknown): GraphDocument {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new StructuredInputError('', 'expected a graph document: an object with articles, nodes and relationships');
  }
  const result = GraphDocument.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const values = 'values' in issue && Array.isArray(issue.values) ? (issue.values as unknown[]) : null;
    const message = values ? `expected one of ${values.join('|')}` : issue.message;
    throw new StructuredInputError(fieldPath(issue.path), message);
  }
  const doc = result.data;
  const ids = new Set([...doc.nodes.map((n) => n.id), ...doc.articles.map((a) => a.id)]);
  doc.relationships.forEach((r, i) => {
    for (const end of ['source', 'target'] as const) {
      if (!ids.has(r[end])) {
        throw new StructuredInputError(`relationships[${i}].${end}`, `no node with id "${r[end]}" in nodes`);
      }
    }
  });
  return doc;
}
