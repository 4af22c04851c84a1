/**
 * The matches of global `re` in `text`, exactly as `text.matchAll(re)` gives them (from `re.lastIndex` on, an
 * empty match stepping over a whole code point under `u`/`v`), run on `re` itself. `String.prototype.matchAll`
 * copies the expression at every call (a new RegExp and an iterator: ~350 calls an article, most of them on
 * sentences with no match); all matches are read before the caller sees one, and `re.lastIndex` is left as it
 * was, so a caller that runs `re` again inside its loop gets what it got before.
 */
export function matchAll(text: string, re: RegExp): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchAll needs a global expression: ${re}`);
  const start = re.lastIndex;
  const unicode = re.unicode || (re as RegExp & { unicodeSets?: boolean }).unicodeSets === true;
  const out: RegExpExecArray[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex += unicode && text.codePointAt(re.lastIndex)! > 0xffff ? 2 : 1;
  }
  re.lastIndex = start;
  return out;
}
