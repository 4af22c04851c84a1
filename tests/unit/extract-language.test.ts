// Sentences, mentions and each relation family, on sentences written for these tests in the style of
// foreign-affairs news (no article text is copied here).
import { beforeAll, describe, expect, it } from 'vitest';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { extractArticle } from '../../api/extract/index.ts';
import { findMentions } from '../../api/extract/mentions.ts';
import { splitSentences } from '../../api/extract/sentences.ts';
import { table } from '../support/extraction.ts';

// the gazetteer loads once, on first use; a busy machine may need more than a test's default time
beforeAll(() => void gazetteerStats(), 120_000);

function extract(title: string, body: string, date = '2023-05-10'): GraphDocument {
  // what the rules read: the learned steps are off, as in tests/support/extraction.ts
  return extractArticle({ content: `${title}\ndate ${date}\n\n${body}`, format: 'text', file: 'test.txt' }, { entities: null, places: null, relations: null, eventModel: null });
}

function node(g: GraphDocument, label: string, name: string) {
  return g.nodes.find((n) => n.label === label && (n.name === name || n.aliases.includes(name)));
}

function rel(g: GraphDocument, type: string, from: string, to: string, props: Record<string, unknown> = {}) {
  const a = g.nodes.find((n) => n.name === from || n.aliases.includes(from));
  const b = g.nodes.find((n) => n.name === to || n.aliases.includes(to));
  if (!a || !b) return undefined;
  return g.relationships.find(
    (r) =>
      r.type === type &&
      (r.source === a.id && r.target === b.id || (type === 'SISTER_CITY_OF' || type === 'MET_WITH') && r.source === b.id && r.target === a.id) &&
      Object.entries(props).every(([k, v]) => r.properties[k] === v),
  );
}

describe('sentences', () => {
  it('does not end a sentence at Co., Ltd., Mr., U.S., No. or an initial', () => {
    const body = 'Mr. Wang of Harbour Pearl Co., Ltd. met guests from the U.S. and Canada. Gate No. 5 opened at 9 a.m. for H. K. Lee.\n\nA new paragraph starts here.';
    const s = splitSentences(body);
    expect(s.map((x) => x.text)).toEqual([
      'Mr. Wang of Harbour Pearl Co., Ltd. met guests from the U.S. and Canada.',
      'Gate No. 5 opened at 9 a.m. for H. K. Lee.',
      'A new paragraph starts here.',
    ]);
    expect(s.map((x) => x.paragraph)).toEqual([0, 0, 1]);
    for (const x of s) expect(body.slice(x.start, x.end)).toBe(x.text);
  });

  it('joins a line that plainly continues and splits lines that end a sentence', () => {
    const s = splitSentences('The party consisted of the mayor and\nthe chief executive.\nThe visit ended on Friday');
    expect(s.map((x) => x.text)).toEqual(['The party consisted of the mayor and the chief executive.', 'The visit ended on Friday']);
  });
});

describe('mentions', () => {
  const kinds = (text: string) => findMentions(text, { compoundCities: new Set() }).map((m) => `${m.kind}:${m.name}`);

  it('reads titles with names, titles with "of", head nouns and places', () => {
    expect(kinds('Deputy Mayor Chen Lirong of Dalian met Governor Anna Berg, Director of the Dalian Municipal Bureau of Commerce.')).toEqual([
      'Person:Chen Lirong', 'City:Dalian', 'Person:Anna Berg', 'Title:Director', 'Office:Dalian Municipal Bureau of Commerce',
    ]);
    expect(kinds('Representatives of Harbour Pearl Co., Ltd, Blue Wave Cruises and Kobe Gakuin University attended.')).toEqual([
      'Company:Harbour Pearl Co., Ltd', 'Company:Blue Wave Cruises', 'Organization:Kobe Gakuin University',
    ]);
  });

  it('keeps a comma list inside an office name and a province out of the cities', () => {
    expect(kinds('Officials from the Qingdao Municipal Bureau of Culture, Tourism, Radio and Television came from Shandong Province.')).toEqual([
      'Office:Qingdao Municipal Bureau of Culture, Tourism, Radio and Television', 'Venue:Shandong Province',
    ]);
    expect(kinds('Leaders of Northeast Asia and Japan spoke.').some((k) => k.startsWith('City:'))).toBe(false);
  });
});

describe('relation families', () => {
  table([
    ['HOLDS_POSITION from appositions, title-first appositions, "Y Mayor X", former and respectively', () => extract('Tianjin and Kobe leaders meet', [ 'Wu Mingde, Mayor of Tianjin, welcomed guests.', 'Consul General of the Japanese Consulate General in Tianjin, Mr Kenji Sato, spoke.', 'Former Kobe Mayor Ito Haruki and Kobe Mayor Yamada Taro were present.', 'Jane Hill and Tom Reed, Chair and Secretary of the Tianjin Friendship Society, respectively, joined them.', ].join(' ')), [
      (g) => expect(rel(g, 'HOLDS_POSITION', 'Wu Mingde', 'Tianjin', { title: 'Mayor' })).toBeDefined(),
      (g) => expect(rel(g, 'HOLDS_POSITION', 'Kenji Sato', 'Japanese Consulate General in Tianjin', { title: 'Consul General' })).toBeDefined(),
      (g) => expect(rel(g, 'HOLDS_POSITION', 'Ito Haruki', 'Kobe', { title: 'Mayor', former: true })).toBeDefined(),
      (g) => expect(rel(g, 'HOLDS_POSITION', 'Yamada Taro', 'Kobe', { title: 'Mayor', former: false })).toBeDefined(),
      (g) => expect(rel(g, 'HOLDS_POSITION', 'Jane Hill', 'Tianjin Friendship Society', { title: 'Chair' })).toBeDefined(),
      (g) => expect(rel(g, 'HOLDS_POSITION', 'Tom Reed', 'Tianjin Friendship Society', { title: 'Secretary' })).toBeDefined(),
    ]],
    ['HOLDS_POSITION from apposition chains and "Mayor and Vice Secretary of"', () => extract('Leaders meet', [ 'Gao Yun, Member of the Standing Committee of the CPC Jinan Committee, Vice Mayor of Jinan, and Ivan Petrov, First Vice Mayor of Perm, signed the agreement.', 'Sun Hai, Mayor and Vice Secretary of the Jinan Municipal CPC Committee, met them.', ].join(' ')), [
      (g) => expect(rel(g, 'HOLDS_POSITION', 'Gao Yun', 'Jinan', { title: 'Vice Mayor' })).toBeDefined(),
      (g) => expect(rel(g, 'HOLDS_POSITION', 'Gao Yun', 'Standing Committee of the CPC Jinan Committee', { title: 'Member' })).toBeDefined(),
      (g) => expect(rel(g, 'HOLDS_POSITION', 'Ivan Petrov', 'Perm', { title: 'First Vice Mayor' })).toBeDefined(),
      (g) => expect(rel(g, 'HOLDS_POSITION', 'Sun Hai', 'Jinan', { title: 'Mayor' })).toBeDefined(),
      (g) => expect(rel(g, 'HOLDS_POSITION', 'Sun Hai', 'Jinan Municipal CPC Committee', { title: 'Vice Secretary' })).toBeDefined(),
      (g) => expect(rel(g, 'HOLDS_POSITION', 'Ivan Petrov', 'Jinan')).toBeUndefined(),
    ]],
  ]);


  table([
    ['PARTICIPATED_IN: hosted by, jointly organized by, speeches, presentations, attendees', () => extract('Qingdao-Kobe Friendship Exchange Day Held', [ 'The Qingdao-Kobe Friendship Exchange Day was held in Qingdao on May 3rd.', 'The event was jointly hosted by the Qingdao Municipal People\'s Government and the Kobe City Government, and jointly organized by the Qingdao Foreign Affairs Office and the Kobe Port Bureau.', 'Zhou Lan, Deputy Mayor of Qingdao, and Mori Ken, Mayor of Kobe, attended the event and delivered speeches.', 'Representatives from the Kobe Port Bureau and Blue Wave Cruises respectively made presentations.', 'Leaders from the Qingdao Municipal Sports Bureau and Qingdao Harbour Group attended the event.', ].join(' ')), [
      (g) => {
        const day = node(g, 'Event', 'Qingdao-Kobe Friendship Exchange Day');
        expect(day?.properties).toMatchObject({ date: '2023-05-03', kind: 'exchange day' });
        const role = (who: string, r: string) => rel(g, 'PARTICIPATED_IN', who, 'Qingdao-Kobe Friendship Exchange Day', { role: r });
        expect(role("Qingdao Municipal People's Government", 'host')).toBeDefined();
        expect(role('Kobe City Government', 'host')).toBeDefined();
        expect(role('Qingdao Foreign Affairs Office', 'organizer')).toBeDefined();
        expect(role('Kobe Port Bureau', 'organizer')).toBeDefined();
        expect(role('Zhou Lan', 'speaker')).toBeDefined();
        expect(role('Mori Ken', 'speaker')).toBeDefined();
        expect(role('Blue Wave Cruises', 'presenter')).toBeDefined();
        expect(role('Qingdao Municipal Sports Bureau', 'attendee')).toBeDefined();
        expect(role('Qingdao Harbour Group', 'attendee')).toBeDefined();
        expect(rel(g, 'LOCATED_IN', 'Qingdao-Kobe Friendship Exchange Day', 'Qingdao')).toBeDefined();
      },
    ]],
    ['SISTER_CITY_OF with since, from several phrasings', () => extract('Dalian marks ties', [ 'Since the establishment of sister city relations in 2009, Dalian and Kitakyushu have cooperated closely.', "Dalian will work with sister cities such as Vladivostok, Incheon and Oakland.", "A choir came from Kitakyushu's twin town, Tacoma.", ].join(' ')), [
      (g) => {
        expect(rel(g, 'SISTER_CITY_OF', 'Dalian', 'Kitakyushu', { since: '2009' })).toBeDefined();
        for (const c of ['Vladivostok', 'Incheon', 'Oakland']) expect(rel(g, 'SISTER_CITY_OF', 'Dalian', c)).toBeDefined();
        expect(rel(g, 'SISTER_CITY_OF', 'Kitakyushu', 'Tacoma')).toBeDefined();
        expect(rel(g, 'SISTER_CITY_OF', 'Tacoma', 'Dalian')).toBeUndefined();
      },
    ]],
    ['SISTER_CITY_OF: a fronted clause does not supply the owner of a list of sister cities', () => extract('Dalian widens its circle', [ 'Since signing a friendship agreement with Kitakyushu, Japan in 1979, Dalian has also twinned with sister cities such as Vladivostok and Oakland.', ].join(' ')), [
      (g) => {
        for (const c of ['Vladivostok', 'Oakland']) {
          expect(rel(g, 'SISTER_CITY_OF', 'Dalian', c)).toBeDefined();
          expect(rel(g, 'SISTER_CITY_OF', 'Kitakyushu', c)).toBeUndefined();
        }
      },
    ]],
    ['MET_WITH and VISITED with times, and a delegation visit event with visitors and hosts', () => extract('Kobe delegation visits Qingdao', [ 'A delegation from Kobe headed by Mayor Mori Ken visited Qingdao from April 2 to April 5.', 'Zhou Lan, Mayor of Qingdao, met with Mayor Mori Ken on April 3.', 'Mori Ken has led a delegation to visit Qingdao four times.', ].join(' ')), [
      (g) => {
        expect(rel(g, 'MET_WITH', 'Zhou Lan', 'Mori Ken', { date: '2023-04-03' })).toBeDefined();
        expect(rel(g, 'VISITED', 'Mori Ken', 'Qingdao', { times: 4 })).toBeDefined();
        const visit = g.nodes.find((n) => n.label === 'Event' && n.properties.kind === 'visit');
        expect(visit?.name).toBe('Kobe delegation visit to Qingdao');
        expect(visit?.properties.date).toBe('2023-04-02');
        expect(rel(g, 'PARTICIPATED_IN', 'Mori Ken', visit!.name, { role: 'visitor' })).toBeDefined();
        expect(rel(g, 'PARTICIPATED_IN', 'Zhou Lan', visit!.name, { role: 'host' })).toBeDefined();
        expect(rel(g, 'LOCATED_IN', visit!.name, 'Qingdao')).toBeDefined();
        // an unqualified "Mayor X" of the visiting delegation is the mayor of its city, not of the host city
        expect(rel(g, 'HOLDS_POSITION', 'Mori Ken', 'Kobe', { title: 'Mayor' })).toBeDefined();
        expect(rel(g, 'HOLDS_POSITION', 'Mori Ken', 'Qingdao')).toBeUndefined();
      },
    ]],
    ['more phrasings of meetings, visits, positions and attendance', () => extract('Forum in Dalian', [ 'The Dalian-Kobe Friendship Forum was held in Dalian on May 3.', 'Among those present were Anna Berg, President of Kobe Gakuin University, and the Kobe Port Bureau.', 'Mayor Wu Mingde of Dalian welcomed a delegation led by his Kobe counterpart Mori Ken.', 'Kobe city mayor Mori Ken said that Mayor Wu Mingde\'s visit to Kobe last year had opened the way.', 'Wu Mingde and Sato Kenji, Governor of Hyogo, met for the second time.', 'Last year Mori Ken visited two cities in China – Dalian and Qingdao.', 'Mayor Tom Baker of Hurunui District sent greetings.', ].join(' ')), [
      (g) => {
        const forum = 'Dalian-Kobe Friendship Forum';
        expect(rel(g, 'PARTICIPATED_IN', 'Anna Berg', forum, { role: 'attendee' })).toBeDefined();
        expect(rel(g, 'PARTICIPATED_IN', 'Kobe Port Bureau', forum, { role: 'attendee' })).toBeDefined();
        expect(rel(g, 'HOLDS_POSITION', 'Wu Mingde', 'Dalian', { title: 'Mayor' })).toBeDefined();
        expect(rel(g, 'HOLDS_POSITION', 'Mori Ken', 'Kobe', { title: 'Mayor' })).toBeDefined();
        expect(rel(g, 'MET_WITH', 'Wu Mingde', 'Mori Ken')).toBeDefined();
        expect(rel(g, 'MET_WITH', 'Wu Mingde', 'Sato Kenji')).toBeDefined();
        expect(rel(g, 'VISITED', 'Wu Mingde', 'Kobe')).toBeDefined();
        expect(rel(g, 'VISITED', 'Mori Ken', 'Qingdao')).toBeDefined();
        expect(rel(g, 'HOLDS_POSITION', 'Tom Baker', 'Hurunui District', { title: 'Mayor' })).toBeDefined();
      },
    ]],
  ]);
  table([
    ['LOCATED_IN from the name, "X in Y" and "Y\'s X"', () => extract('Schools link up', 'The delegation visited Kobe\'s Harbour Pearl Inc and Rokko School in Kobe, then the Dalian Port Authority.'), [
      (g) => expect(rel(g, 'LOCATED_IN', 'Harbour Pearl Inc', 'Kobe')).toBeDefined(),
      (g) => expect(rel(g, 'LOCATED_IN', 'Rokko School', 'Kobe')).toBeDefined(),
      (g) => expect(rel(g, 'LOCATED_IN', 'Dalian Port Authority', 'Dalian')).toBeDefined(),
    ]],
  ]);

  table([
    ['every relationship carries its article and the sentence stating it', () => extract('Dalian marks ties', 'Wu Mingde, Mayor of Dalian, met with Mori Ken, Mayor of Kobe.'), [
      (g) => {
        expect(g.relationships.length).toBeGreaterThan(0);
        for (const r of g.relationships) {
          expect(r.sources).toEqual([g.articles[0]!.id]);
          expect(r.evidence[0]).toContain('Wu Mingde, Mayor of Dalian');
        }
      },
    ]],
  ]);
});
