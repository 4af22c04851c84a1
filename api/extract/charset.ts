// Bytes of an article -> text, keeping every letter whatever the encoding. In the order browsers
// use (WHATWG encoding sniffing): a byte-order mark, then the charset the sender declared (the
// Content-Type header), then an HTML <meta charset>, then UTF-8 when the bytes are valid UTF-8,
// and only then a guess by chardet (GB18030, Shift_JIS, EUC-KR, Windows-1252 ... pages of this
// genre are published in all of them). iconv-lite decodes; the few encodings it lacks
// (ISO-2022-JP) go to Node's TextDecoder.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export class CharsetError extends Error {
  constructor(readonly charset: string) {
    super(`charset "${charset.slice(0, 60)}" is not an encoding this server knows`);
    this.name = 'CharsetError';
  }
}

/** Whether the encoding name (any of its labels, any case) can be decoded. */
export function knownCharset(name: string): boolean {
  if (iconv.encodingExists(name)) return true;
  try {
    new TextDecoder(name);
    return true;
  } catch {
    return false;
  }
}

function decodeAs(bytes: Uint8Array, charset: string): string {
  if (iconv.encodingExists(charset)) return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    throw new CharsetError(charset);
  }
}

/** The charset parameter of a Content-Type header value, or null. */
export function charsetOf(contentType: string | undefined): string | null {
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  const name = (m?.[1] ?? m?.[2] ?? '').trim();
  return name === '' ? null : name;
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 1,024 bytes, as browsers look for it. */
function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const m = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    // UTF-16 declared inside the page cannot be true: the page was readable as ASCII to find it
    if (m && knownCharset(m[1]!)) return /^utf-?16/i.test(m[1]!) ? 'utf-8' : m[1]!;
  }
  return null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// Signs of a wrong guess: replacement characters, C1 controls, private-use code points.
const IMPLAUSIBLE = /[\ufffd\u0080-\u009f\ue000-\uf8ff]/;

/**
 * The encoding of bytes that are not UTF-8 and say nothing about themselves. chardet's candidates
 * in order of confidence, the first that decodes to plausible text; Windows-1252 (the web's
 * default for undeclared Western pages) when none is confident: a few bytes ("Jörg") say too
 * little for statistics.
 */
function guessCharset(bytes: Uint8Array): string {
  for (const candidate of chardet.analyse(bytes)) {
    if (candidate.confidence <= 10) break;
    if (!knownCharset(candidate.name)) continue;
    if (!IMPLAUSIBLE.test(decodeAs(bytes, candidate.name))) return candidate.name;
  }
  return 'windows-1252';
}

export interface DecodeOptions {
  /** the charset the sender declared (Content-Type), if any */
  charset?: string | null;
  /** look for an HTML <meta charset> when nothing was declared */
  html?: boolean;
}

/** Which encoding the bytes are read in (see the file comment for the order). Throws CharsetError for a declared charset nobody knows. */
export function detectCharset(bytes: Uint8Array, opts: DecodeOptions = {}): string {
  const bom = bomCharset(bytes);
  if (bom) return bom;
  if (opts.charset) {
    if (!knownCharset(opts.charset)) throw new CharsetError(opts.charset);
    return opts.charset;
  }
  const meta = opts.html ? metaCharset(bytes) : null;
  if (meta) return meta;
  return isUtf8(bytes) ? 'utf-8' : guessCharset(bytes);
}

/** The text of an article's bytes (BOM removed). */
export function decodeText(bytes: Uint8Array, opts: DecodeOptions = {}): string {
  const charset = detectCharset(bytes, opts);
  const text = decodeAs(bytes, charset);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
