// Exchange frames: relationships derived from an article's happenings (not from one sentence), each
// visit and meeting carrying its happening's event and date; names and towns resolved across articles.
// Sentences written for these tests in the genre's style (no article text copied).
import { beforeAll, describe, expect, it } from 'vitest';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import { extractGraph } from '../../api/extract/index.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { relationshipKey } from '../../api/graph/identity.ts';
import { events, extractText, named, nameOf } from '../support/extraction.ts';

beforeAll(() => void gazetteerStats(), 120_000);

const article = (file: string, title: string, body: string, date = '2024-05-10') =>
  ({ content: `${title}\ndate ${date}\n\n${body}`, format: 'text' as const, file });

const rels = (g: GraphDocument, type: string) => g.relationships.filter((r) => r.type === type);
const pair = (g: GraphDocument, r: GraphDocument['relationships'][number]) => [nameOf(g, r.source), nameOf(g, r.target)].sort().join(' & ');

describe('exchange frames', () => {
  it('has the heads of the two sides meet when the article says the sides held talks, without naming them', () => {
    const g = extractText(
      'Daegu delegation visits Hiroshima',
      'A delegation from Daegu led by Mayor Hong Joon-pyo visited Hiroshima on April 22, 2024. Mayor Kazumi Matsui of Hiroshima hosted a dinner for the delegation. The two sides held talks on youth exchanges.',
      '2024-04-25',
    );
    const met = rels(g, 'MET_WITH');
    expect(met.map((r) => pair(g, r))).toEqual(['Hong Joon-pyo & Kazumi Matsui']);
    const visit = events(g).find((e) => e.properties.kind === 'visit')!;
    expect(met[0]!.properties).toMatchObject({ event: visit.id, date: '2024-04-22' });
    expect(met[0]!.evidence.some((e) => e.includes('The two sides held talks'))).toBe(true);
  });

  it('has every named member of the delegation meet whom the delegation met, and only the two heads when the two mayors talked', () => {
    const body = 'A delegation from Daegu led by Mayor Hong Joon-pyo visited Hiroshima on April 22, 2024. Hong was accompanied by Councillor Kim Min-ji of Daegu and Councillor Park Ji-ho of Daegu.';
    const group = extractText('Daegu delegation visits Hiroshima', `${body} The delegation held talks with Mayor Kazumi Matsui of Hiroshima.`, '2024-04-25');
    const met = rels(group, 'MET_WITH');
    expect(met.map((r) => pair(group, r)).sort()).toEqual(['Hong Joon-pyo & Kazumi Matsui', 'Kazumi Matsui & Kim Min-ji', 'Kazumi Matsui & Park Ji-ho']);
    const visit = events(group).find((e) => e.properties.kind === 'visit')!;
    const kim = met.find((r) => pair(group, r) === 'Kazumi Matsui & Kim Min-ji')!;
    expect(kim.properties).toMatchObject({ event: visit.id, date: '2024-04-22' });
    expect(kim.evidence.some((e) => e.includes('The delegation held talks'))).toBe(true);
    const heads = extractText('Daegu delegation visits Hiroshima', `${body} Mayor Kazumi Matsui of Hiroshima hosted a dinner for the delegation. The two mayors held talks on youth exchanges.`, '2024-04-25');
    expect(rels(heads, 'MET_WITH').map((r) => pair(heads, r))).toEqual(['Hong Joon-pyo & Kazumi Matsui']);
  });

  it('sends every listed member of a trade mission back from a country to each city the mission took place in', () => {
    const g = extractText(
      'Local officials return from China trade mission',
      'Seven local officials returned from China after participating in the 2024 Trade Mission to China. The council members who attended the trade mission, which took place May 20-30, included: Councilmember Ann Cole, Austin; Mayor Bo Reyes, Tulsa; and Commissioner Lia Dunn, Orlando. The trade mission took place in three Chinese cities: Shanghai, Chengdu and Harbin.',
      '2024-06-10',
    );
    const visited = rels(g, 'VISITED').map((r) => `${nameOf(g, r.source)} -> ${nameOf(g, r.target)}`);
    for (const who of ['Ann Cole', 'Bo Reyes', 'Lia Dunn']) for (const city of ['Shanghai', 'Chengdu', 'Harbin']) expect(visited).toContain(`${who} -> ${city}`);
  });

  it('makes the one who receives "the delegation" its host, and sends the delegation to the further towns it toured', () => {
    const g = extractText(
      'Kanazawa delegation in Ghent',
      'A delegation from Kanazawa led by Deputy Mayor Aki Sato arrived in Ghent on June 2, 2024. The delegation was welcomed by Mayor Mathias De Clercq. The delegation also visited Bruges and Antwerp.',
      '2024-06-05',
    );
    const visit = events(g).find((e) => e.properties.kind === 'visit')!;
    const host = rels(g, 'PARTICIPATED_IN').find((r) => r.source === named(g, 'Mathias De Clercq')?.id && r.target === visit.id);
    expect(host?.properties.role).toBe('host');
    const visited = rels(g, 'VISITED').filter((r) => r.source === named(g, 'Aki Sato')?.id).map((r) => nameOf(g, r.target)).sort();
    expect(visited).toEqual(['Antwerp', 'Bruges', 'Ghent']);
  });

  it('makes the headline\'s meeting and the body\'s visit to the same city one happening', () => {
    const g = extractText(
      'Mayor Park Heong-joon meets Kyoto assembly delegation',
      'A delegation from the Kyoto Prefectural Assembly led by Chairwoman Kuniko Watanabe visited Busan on April 15, 2024. Mayor Park Heong-joon of Busan received the delegation at City Hall.',
      '2024-04-16',
    );
    expect(events(g).map((e) => e.properties.kind)).toEqual(['visit']);
    const visit = events(g)[0]!;
    expect(visit.aliases).toContain('Mayor Park Heong-joon meets Kyoto assembly delegation');
    const host = rels(g, 'PARTICIPATED_IN').filter((r) => r.source === named(g, 'Park Heong-joon')?.id).map((r) => r.properties.role);
    expect(host).toEqual(['host']);
  });

  it('keeps two visits of one mayor to one city on two dates as two edges, each with its event, and one fact stated twice as one', () => {
    const first = article('a.txt', 'Mayor Lee visits Osaka', 'Mayor Lee Jang-woo of Daejeon visited Osaka on March 3, 2023.', '2023-03-05');
    const second = article('b.txt', 'Mayor Lee in Osaka again', 'Mayor Lee Jang-woo of Daejeon visited Osaka on May 9, 2024.', '2024-05-10');
    const g = extractGraph([first, second, { ...first, file: 'a-copy.txt' }]);
    const visits = rels(g, 'VISITED');
    expect(visits.map((r) => r.properties.date).sort()).toEqual(['2023-03-03', '2024-05-09']);
    expect(new Set(visits.map((r) => r.properties.event)).size).toBe(2);
    expect(new Set(visits.map(relationshipKey)).size).toBe(2);
  });
});

describe('names and towns across articles', () => {
  it('resolves a Korean name in either order, with or without its hyphen, to one person', () => {
    const g = extractGraph([
      article('a.txt', 'Incheon mayor in Osaka', 'Mayor Yoo Jeong-bok of Incheon visited Osaka on April 3, 2024.'),
      article('b.txt', 'Osaka hosts Incheon', 'Osaka Mayor Hideyuki Yokoyama met Mayor Jeongbok Yoo on April 3, 2024.'),
    ]);
    expect(g.nodes.filter((n) => n.label === 'Person' && /yoo/i.test([n.name, ...n.aliases].join(' '))).length).toBe(1);
  });

  it('takes a town the gazetteer lacks when the text marks it as one ("-cho", "X\'s sister city Y")', () => {
    const g = extractText('Delegation to Japan', 'A delegation from Suwon-si visited Tomi-cho on May 2, 2024. The mayor of Yonago welcomed guests from Yonago\'s sister city Kagerou.', '2024-05-10');
    const cities = g.nodes.filter((n) => n.label === 'City').map((n) => n.name);
    expect(cities).toEqual(expect.arrayContaining(['Suwon-si', 'Tomi-cho', 'Kagerou']));
  });

  it('resolves "the Municipal Government" office to its city and a consulate named either way to one office', () => {
    const g = extractGraph([
      article('a.txt', 'Shenyang hosts Sasebo', 'SHENYANG — Director Wang Lei of the Foreign Affairs Office of the Municipal Government welcomed a delegation from Sasebo on April 3, 2024. Consul General Ken Mori of the Japanese Consulate General in Shenyang attended the event.'),
      article('b.txt', 'Shenyang FAO meets consul', 'Director Wang Lei of the Shenyang Foreign Affairs Office met Consul General Ken Mori of the Consulate General of Japan in Shenyang on May 3, 2024.'),
      article('c.txt', 'Dalian hosts forum', 'DALIAN — Director Li Na of the Foreign Affairs Office of the Municipal Government opened a trade forum in Dalian on June 3, 2024.'),
    ]);
    const offices = g.nodes.filter((n) => n.label === 'Office').map((n) => n.name).sort();
    expect(offices).toEqual(['Foreign Affairs Office of the Dalian Municipal Government', 'Foreign Affairs Office of the Shenyang Municipal Government', 'Japanese Consulate General in Shenyang']);
    const shenyangFao = named(g, 'Foreign Affairs Office of the Shenyang Municipal Government')!;
    const located = g.relationships.find((r) => r.type === 'LOCATED_IN' && r.source === shenyangFao.id);
    expect(nameOf(g, located!.target)).toBe('Shenyang');
  });
});

