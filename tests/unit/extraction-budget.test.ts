// The size budget of an HTML page: how deep its container elements nest (api/ingest/extraction-task.ts).
import { describe, expect, it } from 'vitest';
import { extractWithinBudget, htmlNestingDepth, MAX_HTML_DEPTH } from '../../api/ingest/extraction-task.ts';

describe('htmlNestingDepth', () => {
  it('counts nested containers, not siblings, self-closing tags or elements that close themselves', () => {
    expect(htmlNestingDepth('<div><section><div>x</div><div>y</div></section></div>')).toBe(3);
    expect(htmlNestingDepth('<div/><div /><br><p>one<p>two<ul><li>a<li>b</ul>')).toBe(1);
    expect(htmlNestingDepth('<DIV class="a>b"><Span>x</SPAN></DIV>')).toBe(2);
  });

  it('is not fooled by stray end tags', () => {
    expect(htmlNestingDepth('</div></div><div><div>x</div></div>')).toBe(2);
  });
});

describe('extractWithinBudget', () => {
  it('refuses a page nested deeper than the limit, with the reason, and reads one just within', () => {
    const page = (levels: number) => `<html><body>${'<div>'.repeat(levels)}Mayor Anna Berg of Lund visited Oslo.${'</div>'.repeat(levels)}</body></html>`;
    expect(extractWithinBudget({ content: page(MAX_HTML_DEPTH + 1), format: 'html' })).toEqual({
      overBudget: 'body: the HTML nests elements more than 256 levels deep; no article page does',
    });
    expect('doc' in extractWithinBudget({ content: page(MAX_HTML_DEPTH), format: 'html' })).toBe(true);
  }, 60_000);
});
