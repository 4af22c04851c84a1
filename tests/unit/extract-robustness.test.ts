// Extraction never throws and always returns a valid graph document, whatever the input; the CLI names
// a bad file and still extracts the others.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphDocument } from '../../api/graph/schema.ts';
import { extractArticle } from '../../api/extract/index.ts';

const GENRE = ['Mayor', 'Deputy Mayor', 'Shenyang', 'Sasebo City', 'met with', 'visited', 'sister city', 'Co., Ltd', '(FAO)', 'Bureau of', 'jointly hosted by', 'delegation from', 'on March 25th', ',', '.', '"', '\n\n', 'Ⅱ', '沈阳', 'Békéscsaba', 'Mr', 'the', 'and', 'of', 'Consul General', 'attended', "'s", 'led by', 'University', 'Forum', 'signed', 'twinning', '—', 'respectively', 'who', 'said'];

describe('extraction never throws', () => {
  it('on arbitrary text in every format', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 400 }), fc.array(fc.constantFrom(...GENRE), { maxLength: 80 }).map((w) => w.join(' '))),
        fc.constantFrom('text', 'markdown', 'html') as fc.Arbitrary<'text' | 'markdown' | 'html'>,
        (content, format) => {
          const g = extractArticle({ content, format });
          expect(GraphDocument.safeParse(g).success).toBe(true);
          const ids = new Set(g.nodes.map((n) => n.id));
          for (const r of g.relationships) expect(ids.has(r.source) && ids.has(r.target)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('on binary junk, empty input, another language and a 5 MB text', () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    for (const content of ['', junk, '沈阳市人民政府外事办公室举办友好城市交流活动。'.repeat(50), '<script>alert(1)</script><p>Mayor Li visited Dalian.</p>']) {
      expect(GraphDocument.safeParse(extractArticle({ content, format: 'html' })).success).toBe(true);
    }
    const big = 'Wu Mingde, Mayor of Dalian, met with Mori Ken, Mayor of Kobe. '.repeat(80_000);
    const g = extractArticle({ content: big, format: 'text' });
    expect(g.nodes.filter((n) => n.label === 'Person')).toHaveLength(2);
  }, 120_000);
});

describe('npm run extract', () => {
  it('prints the merged graph of the good files and names the bad one on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-cli-'));
    writeFileSync(join(dir, 'a.txt'), 'Talks in Dalian\n\nWu Mingde, Mayor of Dalian, met with Mori Ken, Mayor of Kobe.');
    writeFileSync(join(dir, 'b.md'), '# Forum\n\nMori Ken, Mayor of Kobe, visited Dalian.');
    writeFileSync(join(dir, 'bad.json'), '{"nodes": [{"id": "x", "label": "Planet", "name": "Mars"}]}');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'api/cli/extract.ts', join(dir, 'a.txt'), join(dir, 'bad.json'), join(dir, 'b.md')], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/bad\.json: .*nodes\[0\]\.label/);
    const g = GraphDocument.parse(JSON.parse(r.stdout));
    expect(g.articles.map((a) => a.file).sort()).toEqual(['a.txt', 'b.md']);
    expect(g.nodes.filter((n) => n.label === 'Person')).toHaveLength(2);
  }, 60_000);
});
