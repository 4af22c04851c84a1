import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatFromContentType,
  formatFromFileName,
  parseStructured,
  readDocument,
  StructuredInputError,
} from '../../api/extract/document.ts';

const SEED = readFileSync(new URL('../../seed/articles/shenyang-sasebo-mayor-exchange-day.txt', import.meta.url), 'utf8');

const paragraphs = (body: string) => body.split('\n\n');

describe('input formats', () => {
  it.each([
    ['article.txt', 'text'],
    ['notes.TEXT', 'text'],
    ['post.md', 'markdown'],
    ['post.markdown', 'markdown'],
    ['page.html', 'html'],
    ['page.HTM', 'html'],
    ['graph.json', 'json'],
    ['archive.zip', null],
    ['README', null],
  ])('%s -> %s', (name, format) => {
    expect(formatFromFileName(name)).toBe(format);
  });

  it.each([
    ['text/plain; charset=utf-8', 'text'],
    ['text/markdown', 'markdown'],
    ['text/html;charset=UTF-8', 'html'],
    ['application/xhtml+xml', 'html'],
    ['application/json', 'json'],
    ['application/ld+json', 'json'],
    ['image/png', null],
  ])('%s -> %s', (ct, format) => {
    expect(formatFromContentType(ct)).toBe(format);
  });
});

describe('readDocument: the seed article', () => {
  const doc = readDocument(SEED, { format: 'text', file: 'shenyang-sasebo-mayor-exchange-day.txt' });

  it('takes title, date and publisher from the title and Chinese source lines', () => {
    expect(doc.title).toBe('"Hello, Shenyang" International Sister City (Shenyang-Sasebo) Mayor Exchange Day Event Successfully Held');
    expect(doc.publishedAt).toBe('2024-04-01');
    expect(doc.publisher).toBe('Shenyang Foreign Affairs Office');
    expect(doc.file).toBe('shenyang-sasebo-mayor-exchange-day.txt');
    expect(doc.format).toBe('text');
  });

  it('keeps the article paragraphs and nothing of the menu and footer', () => {
    const paras = paragraphs(doc.body);
    expect(paras).toHaveLength(7);
    expect(paras[0]).toMatch(/^In order to thoroughly implement/);
    expect(paras.at(-1)).toMatch(/Northeast Asia\.$/);
    expect(doc.body).toContain('Békéscsaba (Hungary)');
    for (const chrome of ['时间', '供稿部门', 'About Shenyang', 'General Info', 'Friendly Exchange', 'ICP', '公网安备', 'Copyright', '02422728035', '沈阳']) {
      expect(doc.body).not.toContain(chrome);
    }
    expect(doc.body).not.toContain('Successfully Held');
  });
});

describe('readDocument: plain text chrome', () => {
  const page = [
    'Harbour City welcomes mayor of twin town Oberstadt',
    '',
    'Home > News > International Exchange',
    'Updated: 2018-08-07 10:15',
    'By Jane Doe | Staff writer',
    'Source: Harbour City Foreign Affairs Office',
    '',
    'Harbour City welcomes mayor of twin town Oberstadt',
    '',
    'Mayor Klaus Berger of Oberstadt arrived in Harbour City on Monday with a delegation of twelve. [Photo/harbourcity.gov]',
    '',
    'Mayor Klaus Berger of Oberstadt led a twelve-member delegation to Harbour City from July 30 to Aug 2, at the invitation of Mayor Li Wei.',
    '',
    'The two mayors met at City Hall and signed a memorandum on youth exchanges and tourism.',
    'The visit marked the 25th anniversary of the twinning of the two cities.',
    '',
    'Home',
    'About Us',
    'News Center',
    'Contact',
    '',
    'Copyright © 2018 Harbour City Foreign Affairs Office. All Rights Reserved.',
    'Tel: +86 000 0000 0000   Address: 1 Harbour Road',
    '津ICP备00000000号-1',
  ].join('\n');
  const doc = readDocument(page, { format: 'text' });

  it('keeps the lines of a list of twin towns, each its own paragraph, and still drops the menu after them', () => {
    const listed = readDocument(
      ['Sister Cities', '', 'Over the years Harbour City has signed sister city agreements with three towns. Our Sister Cities are:',
        '- Oberstadt, Germany (since 1990)', '- Kumano (熊野), Japan (since 1995)', '- Lakeside, Canada (since 2006)',
        '', 'Home', 'About Us', 'Contact'].join('\n'),
      { format: 'text' },
    );
    expect(paragraphs(listed.body)).toEqual([
      'Over the years Harbour City has signed sister city agreements with three towns. Our Sister Cities are:',
      '- Oberstadt, Germany (since 1990)', '- Kumano (熊野), Japan (since 1995)', '- Lakeside, Canada (since 2006)',
    ]);
  });

  it('reads title, update date and source line', () => {
    expect(doc.title).toBe('Harbour City welcomes mayor of twin town Oberstadt');
    expect(doc.publishedAt).toBe('2018-08-07');
    expect(doc.publisher).toBe('Harbour City Foreign Affairs Office');
  });

  it('drops breadcrumb, byline, repeated title, photo credit, menu and footer', () => {
    expect(paragraphs(doc.body)).toEqual([
      'Mayor Klaus Berger of Oberstadt arrived in Harbour City on Monday with a delegation of twelve.',
      'Mayor Klaus Berger of Oberstadt led a twelve-member delegation to Harbour City from July 30 to Aug 2, at the invitation of Mayor Li Wei.',
      'The two mayors met at City Hall and signed a memorandum on youth exchanges and tourism.',
      'The visit marked the 25th anniversary of the twinning of the two cities.',
    ]);
  });

  it('keeps a photo caption above the article, not a section label', () => {
    const captioned = readDocument(
      ['Welcome dinner for the Oberstadt delegation', '', 'World News', '', 'Deputy Consul General Ito delivers his congratulatory remarks', '', body].join('\n'),
      { format: 'text' },
    );
    expect(paragraphs(captioned.body)).toEqual(['Deputy Consul General Ito delivers his congratulatory remarks', body]);
  });

  it('joins a sentence wrapped over two lines and keeps a dateline paragraph', () => {
    const wrapped = readDocument(
      [
        'Twinning charter renewed',
        'date 2009-09-26 KINGSFORD, England - A civic delegation from Kingsford Council travelled to Oberstadt this week.',
        'The party consisted of Councillor Jane Holt, Mayor of Kingsford and her husband, and',
        'Peter Grant, Chair of the Twinning Society.',
      ].join('\n'),
      { format: 'text' },
    );
    expect(wrapped.publishedAt).toBe('2009-09-26');
    expect(paragraphs(wrapped.body)).toEqual([
      'KINGSFORD, England - A civic delegation from Kingsford Council travelled to Oberstadt this week.',
      'The party consisted of Councillor Jane Holt, Mayor of Kingsford and her husband, and Peter Grant, Chair of the Twinning Society.',
    ]);
  });

  const body = 'The two cities signed a memorandum on friendly exchanges and agreed to cooperate in trade and tourism.';
  it.each([
    ['(harbour.example) Updated:2018-08-07', '2018-08-07', 'harbour.example'],
    ['harbour.example | Updated: 2021-12-09 10:07', '2021-12-09', 'harbour.example'],
    ['Source: The Harbour NewsEditor: Li Ming01-13-2023 10:06', '2023-01-13', 'The Harbour News'],
    ['Time:2017-03-05Editor:Wang LeiResource:Department of Japanese AffairsPrintingSize:LargeMediumSmall', '2017-03-05', 'Department of Japanese Affairs'],
    ['时间:2024-04-01 撰稿人: 供稿部门:Harbour City Foreign Affairs Office', '2024-04-01', 'Harbour City Foreign Affairs Office'],
    ['The source of news : Dynamic Harbour', null, 'Dynamic Harbour'],
    ['Published 27th Jun 2023, 12:00 BST', '2023-06-27', null],
    ['Posted on March 3, 2014 by admin', '2014-03-03', null],
    ['00:54 | 13/05/2019', '2019-05-13', null],
    ['Home>Local Cooperation>Vice President Meets with Mayors Delegation from Japan', null, null],
    ['Your current location: |', null, null],
    ['info@harbour.example', null, null],
    ['August 3, 2022 | Author: Anonymous | Category: News', '2022-08-03', null],
    ['You are here: News / International Exchange / Visits', null, null],
    ['Wednesday, December 21, 2011', '2011-12-21', null],
    ['By Maria Santos-Reyes', null, null],
    ['FOR IMMEDIATE RELEASE', null, null],
    ['Previous Article: Harbour City hosts youth football match', null, null],
    ['Next: Vice Mayor Chen meets the delegation from…', null, null],
    ['COUNCIL PUBLIC INFORMATION NEWS ADVISORY', null, null],
    ['Harbour City Council – City Hall - 900 E. Broad Street, Suite 200 - Harbour City 23219 www.council.harbour.example', null, null],
    ['You are viewing : Home » Town Twinning', null, null],
    ['Harbour_Twinning_Jan24.JPEG', null, null],
  ])('reads and drops the head line %s', (head, date, publisher) => {
    const doc2 = readDocument(`Mayors sign memorandum\n${head}\n\n${body}`, { format: 'text' });
    expect(doc2.publishedAt).toBe(date);
    expect(doc2.publisher).toBe(publisher);
    expect(doc2.body).toBe(body);
  });

  it('drops the WHAT/WHEN labels of a media advisory but keeps their text', () => {
    const advisory = readDocument(`Council to welcome delegation\n\nWHAT The City Council and Mayor will welcome a delegation from Oberstadt.\n\nWHEN Tuesday, May 18, 2010`, { format: 'text' });
    expect(paragraphs(advisory.body)[0]).toBe('The City Council and Mayor will welcome a delegation from Oberstadt.');
  });

  it('says a paragraph repeated word for word once', () => {
    const doc2 = readDocument(`Twin towns\n\n${body}\n\n${body}\n\nThe mayors also planted a tree in the friendship garden.`, { format: 'text' });
    expect(paragraphs(doc2.body)).toEqual([body, 'The mayors also planted a tree in the friendship garden.']);
  });

  it('keeps prose that merely starts like a label', () => {
    const prose = 'Date night in the twin town drew couples from both cities to the market square.';
    expect(readDocument(`Twin towns\n\n${prose}`, { format: 'text' }).body).toBe(prose);
  });

  it('takes a short first line above a blank line as the title even with a full stop', () => {
    const doc2 = readDocument(`Harbour City council honours its sister city.\n\nFriday, November 1, 2013\n\n${body}`, { format: 'text' });
    expect(doc2.title).toBe('Harbour City council honours its sister city.');
    expect(doc2.publishedAt).toBe('2013-11-01');
    expect(doc2.body).toBe(body);
  });

  it('reads a paragraph stamped with its date', () => {
    const stamped = readDocument(`Delegation to Oberstadt\n\n2013-04-17 08:15 Harbour City — ${body}`, { format: 'text' });
    expect(stamped.publishedAt).toBe('2013-04-17');
    expect(stamped.body).toBe(`Harbour City — ${body}`);
  });

  it('takes the date from the url path when the page states none', () => {
    const doc2 = readDocument('Mayors sign pact\n\nThe two mayors signed a sister-city pact yesterday.', {
      format: 'text',
      url: 'https://news.example/metro/2011/12/10/123/mayors-sign-pact',
    });
    expect(doc2.publishedAt).toBe('2011-12-10');
    expect(doc2.url).toBe('https://news.example/metro/2011/12/10/123/mayors-sign-pact');
  });
});

describe('readDocument: Markdown', () => {
  const md = [
    '---',
    'title: Twinning charter renewed',
    'date: 2023-03-12',
    'publisher: Kingsford Twinning Society',
    '---',
    '',
    '# Twinning charter renewed',
    '',
    '- [Home](/)',
    '- [News](/news)',
    '- [Contact](/contact)',
    '',
    'The **Mayor of Kingsford**, Councillor Jane Holt, led a civic delegation to [Oberstadt](https://oberstadt.example) to renew the charter signed in 1979.',
    '',
    '![the two mayors](photo.jpg)',
    '',
    'The delegation included:',
    '',
    '- Councillor Jane Holt, Mayor of Kingsford',
    '- Peter Grant, Chair of the Twinning Society',
    '',
    '```js',
    'console.log("not article text")',
    '```',
    '',
    '> Oberbürgermeister Klaus Berger hosted a reception at the town hall.',
    '',
    '© 2023 Kingsford Twinning Society',
  ].join('\n');
  const doc = readDocument(md, { format: 'markdown', file: 'charter.md' });

  it('reads front matter and the first heading', () => {
    expect(doc).toMatchObject({
      title: 'Twinning charter renewed',
      publishedAt: '2023-03-12',
      publisher: 'Kingsford Twinning Society',
      file: 'charter.md',
      format: 'markdown',
    });
  });

  it('keeps prose, quotes and content lists as plain text; drops link menus, images, code and footer', () => {
    const paras = paragraphs(doc.body);
    expect(paras[0]).toBe(
      'The Mayor of Kingsford, Councillor Jane Holt, led a civic delegation to Oberstadt to renew the charter signed in 1979.',
    );
    expect(doc.body).toContain('Peter Grant, Chair of the Twinning Society');
    expect(doc.body).toContain('Oberbürgermeister Klaus Berger hosted a reception at the town hall.');
    for (const gone of ['Home', 'Contact', 'photo.jpg', 'the two mayors', 'console.log', '©', '**', '](']) {
      expect(doc.body).not.toContain(gone);
    }
  });
});

describe('readDocument: HTML', () => {
  const article = (head: string, extra = '') => `<!doctype html><html><head>${head}
<script>window.tracker = "SCRIPT-TEXT";</script><style>.story { color: red } /* STYLE-TEXT */</style></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/about">About</a></li></ul></nav></header>
<main><article><h1>Sister city mayors meet in Porto</h1>
<p>By Ana Silva | Staff writer</p>
<p>Mayor Rui Costa of Porto welcomed a delegation from Nantes on Tuesday, marking twenty years of the twinning between the two cities.</p>
<p>The delegation, led by Deputy Mayor Claire Martin, visited the harbour and met representatives of the Porto Chamber of Commerce. The two mayors signed a cooperation agreement on culture and tourism at City Hall.</p>
<script>document.write("SCRIPT-TEXT-2")</script>
<p>The next exchange is planned for the spring, when a youth orchestra from Nantes will perform in Porto.</p>${extra}</article></main>
<footer><p>Copyright 2024 The Harbour Gazette. All rights reserved.</p><p>Tel: 555 0100</p></footer></body></html>`;

  it('extracts the main text without scripts, styles, navigation or footer', () => {
    const doc = readDocument(article('<title>Sister city mayors meet in Porto | The Harbour Gazette</title>'), { format: 'html' });
    const paras = paragraphs(doc.body);
    expect(paras[0]).toMatch(/^Mayor Rui Costa of Porto welcomed/);
    expect(paras).toHaveLength(3);
    for (const gone of ['SCRIPT-TEXT', 'STYLE-TEXT', 'color: red', 'About', 'Copyright', 'Tel:', 'Staff writer']) {
      expect(doc.body).not.toContain(gone);
    }
    expect(doc.title).toBe('Sister city mayors meet in Porto');
  });

  it('reads og:title, article:published_time and og:site_name', () => {
    const doc = readDocument(
      article(`<title>Porto | Gazette</title><meta property="og:title" content="Porto and Nantes mayors meet">
<meta property="article:published_time" content="2024-05-02T09:30:00+02:00"><meta property="og:site_name" content="The Harbour Gazette">`),
      { format: 'html', url: 'https://gazette.example/porto' },
    );
    expect(doc).toMatchObject({
      title: 'Porto and Nantes mayors meet',
      publishedAt: '2024-05-02',
      publisher: 'The Harbour Gazette',
      url: 'https://gazette.example/porto',
      format: 'html',
    });
  });

  it('falls back to <time datetime> and JSON-LD', () => {
    const timed = readDocument(article('<title>x</title>', '<p><time datetime="2023-11-07">Nov. 7</time></p>'), { format: 'html' });
    expect(timed.publishedAt).toBe('2023-11-07');
    const ld = readDocument(
      article(`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2022-06-27","publisher":{"@type":"Organization","name":"Lisburn Courier"}}]}</script>`),
      { format: 'html' },
    );
    expect(ld.publishedAt).toBe('2022-06-27');
    expect(ld.publisher).toBe('Lisburn Courier');
  });

  it('reads the seed article from a government page layout as it reads the plain text', () => {
    const [titleLine] = SEED.split('\n');
    const paras = SEED.split('\n\n').slice(1, 8);
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${titleLine}</title>
<meta name="SiteName" content="沈阳市人民政府外事办公室"><script>var _hmt = _hmt || [];</script><style>.nav li { float: left }</style></head><body>
<div class="top"><a href="/">English</a> | <a href="/cn">中文</a></div>
<div class="nav"><ul><li><a href="/">Home</a></li><li><a href="/about">About Shenyang</a></li><li><a href="/news">News</a></li><li><a href="/fe">Friendly Exchange</a></li></ul></div>
<div class="location">Your current location: <a href="/">Home</a> &gt; <a href="/news">News</a></div>
<div class="main"><div class="article"><h2>${titleLine}</h2>
<div class="info">时间:2024-04-01 撰稿人: 供稿部门:Shenyang Foreign Affairs Office</div>
<div class="content">${paras.map((p) => `<p style="text-indent:2em">${p.replace(/&/g, '&amp;')}</p>`).join('\n')}</div>
<div class="share">Share: <a>WeChat</a> <a>Weibo</a></div></div>
<div class="side"><h3>About Shenyang</h3><ul><li><a>General Info</a></li><li><a>History and Culture</a></li><li><a>Friendly Exchange</a></li></ul></div></div>
<div class="footer"><p>主办:沈阳市人民政府外事办公室 电话:02422728035</p><p>辽公网安备 21011202000250号 网站标识码:2101000008</p><p>Copyright 2019 All Rights Reserved 辽ICP备10001850号-2</p></div>
<script>_hmt.push(['_trackPageview']);</script></body></html>`;
    const fromHtml = readDocument(page, { format: 'html' });
    const fromText = readDocument(SEED, { format: 'text' });
    expect(fromHtml.body).toBe(fromText.body);
    expect(fromHtml).toMatchObject({ title: fromText.title, publishedAt: '2024-04-01', publisher: 'Shenyang Foreign Affairs Office' });
  });

  it('reads a whole page handed over as plain text as a page', () => {
    const doc = readDocument(article('<title>Sister city mayors meet in Porto | The Harbour Gazette</title>'), { format: 'text' });
    expect(doc.format).toBe('html');
    expect(doc.body).not.toContain('SCRIPT-TEXT');
    expect(paragraphs(doc.body)[0]).toMatch(/^Mayor Rui Costa of Porto welcomed/);
  });

  it('reads a fragment without <html> and a page readability finds no article in', () => {
    const fragment = readDocument('<p>The Mayor of Sasebo met the Mayor of Shenyang at City Hall on Monday.</p>', { format: 'html' });
    expect(fragment.body).toBe('The Mayor of Sasebo met the Mayor of Shenyang at City Hall on Monday.');
  });
});

// Readability on random markup costs a few milliseconds a page: generous timeouts for a busy CI machine.
describe('readDocument never throws', () => {
  const formats = ['text', 'markdown', 'html'] as const;

  it('on arbitrary strings in every format', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), fc.constantFrom(...formats), (s, format) => {
        const doc = readDocument(s, { format });
        expect(typeof doc.body).toBe('string');
        expect(typeof doc.title).toBe('string');
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('on binary junk', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), fc.constantFrom(...formats), (bytes, format) => {
        const doc = readDocument(Buffer.from(bytes).toString('utf8'), { format });
        expect(doc.publishedAt === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(doc.publishedAt)).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('on HTML with scripts, whose text never reaches the body', () => {
    const tag = fc.constantFrom('p', 'div', 'span', 'li', 'h2', 'td', 'section', 'a', 'b');
    const words = fc.array(fc.constantFrom('Mayor', 'Sasebo', 'delegation', 'visited', 'Shenyang', 'the', 'on', 'March', '25th', '.', '&amp;', '<', '>'), { maxLength: 30 });
    const element = fc.tuple(tag, words).map(([t, w]) => `<${t}>${w.join(' ')}</${t}>`);
    const script = fc.string({ maxLength: 40 }).map((s) => `<script>var x = "SCRIPTMARK${s.replace(/<\/script/gi, '')}";</script>`);
    // Free text is escaped: a stray "<A" before "<script>" would make the browser's parser read
    // `<a<script>` as one odd tag, and the "script" as visible text.
    const text = fc.string({ maxLength: 30 }).map((s) => s.replace(/</g, '&lt;'));
    const page = fc.array(fc.oneof(element, script, text), { maxLength: 40 }).map((parts) => `<html><body>${parts.join('')}</body></html>`);
    fc.assert(
      fc.property(page, (html) => {
        const doc = readDocument(html, { format: 'html' });
        expect(doc.body).not.toContain('SCRIPTMARK');
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('on 5 MB of text', () => {
    const paragraph = (i: number) => `The Mayor of Sasebo met the Mayor of Shenyang on March 25th and signed agreement ${i}.\n\n`;
    const big = Array.from({ length: Math.ceil(5_000_000 / paragraph(0).length) }, (_, i) => paragraph(i)).join('');
    const doc = readDocument(big, { format: 'text' });
    expect(doc.body.length).toBeGreaterThan(4_000_000);
  }, 60_000);

  it('on input that is not text at all', () => {
    expect(readDocument(undefined as unknown as string, { format: 'text' }).body).toBe('');
    expect(readDocument(null as unknown as string, { format: 'html' }).body).toBe('');
    expect(readDocument('', { format: 'markdown' })).toMatchObject({ body: '', title: '' });
  });
});

describe('parseStructured', () => {
  const valid = {
    articles: [{ id: 'a1', title: 'Mayors meet' }],
    nodes: [
      { id: 'person:jane-holt', label: 'Person', name: 'Jane Holt' },
      { id: 'city:kingsford-gb', label: 'City', name: 'Kingsford', properties: { country: 'GB' } },
    ],
    relationships: [
      { type: 'HOLDS_POSITION', source: 'person:jane-holt', target: 'city:kingsford-gb', properties: { title: 'Mayor' }, sources: ['a1'] },
      { type: 'MENTIONS', source: 'a1', target: 'person:jane-holt' },
    ],
  };

  it('accepts a graph document and fills defaults', () => {
    const doc = parseStructured(valid);
    expect(doc.nodes[0]).toMatchObject({ aliases: [], properties: {} });
    expect(doc.relationships[0]!.evidence).toEqual([]);
  });

  const failure = (input: unknown): StructuredInputError => {
    try {
      parseStructured(input);
    } catch (e) {
      expect(e).toBeInstanceOf(StructuredInputError);
      return e as StructuredInputError;
    }
    throw new Error('parseStructured accepted bad input');
  };

  it('names the field of a wrong label', () => {
    const nodes = [...valid.nodes, { id: 'x', label: 'Person', name: 'X' }, { id: 'y', label: 'Town', name: 'Y' }];
    const err = failure({ ...valid, nodes });
    expect(err.field).toBe('nodes[3].label');
    expect(err.message).toBe('nodes[3].label: expected one of Person|Office|Company|Organization|City|Event');
  });

  it('names the field of a missing name, a bad date and a bad relationship type', () => {
    expect(failure({ nodes: [{ id: 'p', label: 'Person' }] }).field).toBe('nodes[0].name');
    expect(failure({ articles: [{ id: 'a', title: 't', publishedAt: 'March 2024' }] }).message).toMatch(/^articles\[0\]\.publishedAt: expected an ISO date/);
    expect(failure({ ...valid, relationships: [{ type: 'LIKES', source: 'a', target: 'b' }] }).field).toBe('relationships[0].type');
  });

  it('rejects relationships to nodes that are not in the document', () => {
    const err = failure({ ...valid, relationships: [{ type: 'VISITED', source: 'person:jane-holt', target: 'city:nowhere' }] });
    expect(err.field).toBe('relationships[0].target');
    expect(err.message).toContain('city:nowhere');
  });

  it('rejects what is not a document', () => {
    for (const input of [null, 42, 'nodes', [valid]]) expect(failure(input).field).toBe('');
  });
});
