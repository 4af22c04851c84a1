// Article bytes in any declared or detectable charset keep every letter (api/extract/charset.ts),
// over HTTP and from files the CLI reads.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CharsetError, charsetOf, decodeText } from '../../api/extract/charset.ts';
import { readArticleFile } from '../../api/ingest/service.ts';

const SAMPLES: [string, string][] = [
  ['Mayor Jörg Müller of Köln met Mayor Ferenc Szabó of Békéscsaba.', 'latin1'],
  ['“Zürich’s mayor” – a visit to Tromsø and Ærøskøbing', 'windows-1252'],
  ['沈阳市副市长吕志成会见了日本佐世保市市长宫岛。双方就友好城市交流进行了交谈。', 'gb18030'],
  ['広島市長は長崎市を訪問しました。姉妹都市の交流について話し合いました。', 'shift_jis'],
  ['서울시장이 부산을 방문했다. 자매도시 교류에 대해 이야기했다.', 'euc-kr'],
];

describe('decodeText', () => {
  it.each(SAMPLES)('keeps every letter of %s sent as %s, declared or not', (text, encoding) => {
    const bytes = iconv.encode(text, encoding);
    expect(decodeText(bytes, { charset: encoding })).toBe(text);
    expect(decodeText(bytes)).toBe(text);
  });

  it('reads a short undeclared Latin-1 name as Windows-1252, not as a guess from three bytes', () => {
    expect(decodeText(iconv.encode('Jörg', 'latin1'))).toBe('Jörg');
  });

  it('follows a byte-order mark, then the declared charset, then <meta charset>, and drops the BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Köln')]), { charset: 'latin1' })).toBe('Köln');
    expect(decodeText(iconv.encode('\ufeffKöln', 'utf-16le'))).toBe('Köln');
    const page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body>東京</body></html>';
    expect(decodeText(iconv.encode(page, 'shift_jis'), { html: true })).toBe(page);
    const gbk = '<meta charset="gbk"><p>沈阳</p>';
    expect(decodeText(iconv.encode(gbk, 'gbk'), { html: true })).toBe(gbk);
  });

  it('refuses a charset nobody knows', () => {
    expect(() => decodeText(Buffer.from('x'), { charset: 'klingon' })).toThrow(CharsetError);
  });

  it('finds the charset parameter of a content type', () => {
    expect(charsetOf('text/plain; charset="EUC-KR"')).toBe('EUC-KR');
    expect(charsetOf('text/html;charset=gb18030;format=flowed')).toBe('gb18030');
    expect(charsetOf('text/plain')).toBeNull();
  });
});

describe('files the CLI reads', () => {
  it('decodes a GB18030 text file and a Windows-1252 HTML page without losing a letter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charset-test-'));
    writeFileSync(join(dir, 'cn.txt'), iconv.encode(SAMPLES[2]![0], 'gb18030'));
    writeFileSync(join(dir, 'de.html'), iconv.encode(`<html><head><meta charset="windows-1252"><title>Köln</title></head><body><p>${SAMPLES[0]![0]}</p></body></html>`, 'windows-1252'));
    expect((await readArticleFile(join(dir, 'cn.txt'))).content).toBe(SAMPLES[2]![0]);
    expect((await readArticleFile(join(dir, 'de.html'))).content).toContain('Jörg Müller of Köln');
  });
});
