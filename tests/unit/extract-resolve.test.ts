// Resolution: one node per actor within and across articles, aliases kept; same names kept apart when
// they are different actors. Sentences written for these tests.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { extractArticle, extractGraph } from '../../api/extract/index.ts';
import { aliasKeys, mergeGraphs } from '../../api/extract/resolve.ts';
import { remapToExisting } from '../../api/store/rows.ts';

// the gazetteer loads once, on first use; a busy machine may need more than a test's default time
beforeAll(() => void gazetteerStats(), 120_000);

const doc = (title: string, body: string, date = '2024-06-01') => ({ content: `${title}\ndate ${date}\n\n${body}`, format: 'text' as const });
const named = (g: GraphDocument, label: string, name: string) =>
  g.nodes.filter((n) => n.label === label && (n.name === name || n.aliases.includes(name)));

describe('resolution within an article', () => {
  it('acronyms in parentheses and "X FAO" name the office already named', () => {
    const g = extractArticle(doc('Exchange', 'The Dalian Foreign Affairs Office (Dalian People\'s Association for Friendship with Foreign Countries) organized the forum. Dalian FAO (Dalian PAFFC) will continue the work.'));
    const offices = g.nodes.filter((n) => n.label === 'Office');
    expect(offices).toHaveLength(1);
    expect(offices[0]!.aliases).toEqual(expect.arrayContaining(['Dalian FAO', 'Dalian PAFFC', "Dalian People's Association for Friendship with Foreign Countries"]));
  });

  it('"Mayor Lyu" and a bare surname are the person named in full, honorifics stripped', () => {
    const g = extractArticle(doc('Talks', 'Lyu Hongwei, Mayor of Dalian, met guests. Mayor Lyu said the ties are strong. Lyu added that trade grew. Dr Anna Berg, President of Kobe Gakuin University, agreed.'));
    expect(named(g, 'Person', 'Lyu Hongwei')).toHaveLength(1);
    expect(named(g, 'Person', 'Lyu Hongwei')[0]!.aliases).toContain('Mayor Lyu');
    expect(g.nodes.filter((n) => n.label === 'Person').map((n) => n.name).sort()).toEqual(['Anna Berg', 'Lyu Hongwei']);
  });

  it('"X City" and "X", "Port Department of X City" and "X Port Department" are one', () => {
    const g = extractArticle(doc('Port talks', 'The Port Department of Kobe City presented plans. Kobe will host the fair. The Kobe Port Department thanked Kobe City.'));
    expect(g.nodes.filter((n) => n.label === 'City')).toHaveLength(1);
    expect(g.nodes.filter((n) => n.label === 'Office')).toHaveLength(1);
  });

  it('the Japanese Consulate General in X and the Consulate General of Japan in X are one', () => {
    const g = extractGraph([
      doc('A', 'Kenji Sato, Consul General of the Japanese Consulate General in Dalian, spoke.'),
      doc('B', 'Kenji Sato, Consul General of the Consulate General of Japan in Dalian, attended.', '2024-07-01'),
    ]);
    expect(g.nodes.filter((n) => n.label === 'Office')).toHaveLength(1);
    expect(g.nodes.filter((n) => n.label === 'Person')).toHaveLength(1);
  });
});

describe('resolution across articles', () => {
  it('Japanese/Korean name order and pinyin variants meet', () => {
    const g = extractGraph([
      doc('A', 'Miyajima Daisuke, Mayor of Sasebo, met Lyu Zhicheng, Mayor of Shenyang.'),
      doc('B', 'Daisuke Miyajima, Mayor of Sasebo, thanked Lv Zhicheng, Mayor of Shenyang.', '2024-07-01'),
      doc('C', 'Lü Zhicheng, Mayor of Shenyang, welcomed guests.', '2024-08-01'),
    ]);
    expect(g.nodes.filter((n) => n.label === 'Person')).toHaveLength(2);
    const lyu = named(g, 'Person', 'Lyu Zhicheng')[0]!;
    expect(lyu.aliases).toEqual(expect.arrayContaining(['Lv Zhicheng', 'Lü Zhicheng']));
    const mayor = g.relationships.filter((r) => r.type === 'HOLDS_POSITION' && r.source === lyu.id);
    expect(mayor).toHaveLength(1);
    expect(mayor[0]!.sources).toHaveLength(3);
  });

  it('two reports of one ceremony (same date, city and kind) give one event', () => {
    const g = extractGraph([
      doc('Friendship Forum held', 'The Dalian-Kobe Friendship Forum was held in Dalian on May 20.'),
      doc('Forum opens', 'The Dalian Kobe Friendship Forum opened in Dalian on May 20, 2024, with 300 guests.', '2024-05-22'),
    ]);
    const events = g.nodes.filter((n) => n.label === 'Event');
    expect(events).toHaveLength(1);
    expect(events[0]!.properties).toMatchObject({ date: '2024-05-20', kind: 'forum' });
  });

  it('two articles\' undated ceremonies of one name in one city stay two events', () => {
    const undated = (body: string) => ({ content: `Ties signed\n\n${body}`, format: 'text' as const });
    const g = extractGraph([
      undated('Mayor Anna Berg of Honolulu and Kenji Sato, President of the Kobe Club, signed the agreement at a ceremony in Honolulu.'),
      undated('Mayor Anna Berg of Honolulu and Li Wei, President of the Xian Club, signed the agreement at a ceremony in Honolulu.'),
    ]);
    const events = g.nodes.filter((n) => n.label === 'Event');
    expect(events).toHaveLength(2);
    for (const e of events) expect(g.relationships.filter((r) => r.target === e.id).every((r) => r.sources.length === 1)).toBe(true);
  });

  it('cities of one name in different countries stay apart; the article decides which', () => {
    const g = extractGraph([
      doc('Halifax in England', 'A choir from Halifax, England, visited Aachen.'),
      doc('Halifax in Canada', 'The Mayor of Halifax, Canada, welcomed a delegation from Boston.', '2024-07-01'),
    ]);
    const halifaxes = g.nodes.filter((n) => n.label === 'City' && n.name === 'Halifax');
    expect(halifaxes.map((n) => n.properties.country).sort()).toEqual(['CA', 'GB']);
  });

  it('a body named by its kind is its town\'s: two towns\' "City Council" stay apart, one town\'s meets itself and its full name', () => {
    const meeting = (town: string, guest: string, date: string) =>
      doc(`${town} students report`, `${town.toUpperCase()} — Students from ${town} visited ${guest}. At the City Council meeting on ${date}, the leader of the group gave a report of their trip to members of the City Council.`, date);
    const councils = (g: GraphDocument) => g.nodes.filter((n) => n.label === 'Office').map((n) => [n.name, n.properties.town ?? null]).sort();
    expect(councils(extractGraph([meeting('Norfolk', 'Kitakyushu', 'June 4, 2024'), meeting('Wilhelmshaven', 'Norfolk', 'August 15, 2024')])))
      .toEqual([['City Council', 'Norfolk'], ['City Council', 'Wilhelmshaven']]);
    expect(councils(extractGraph([meeting('Norfolk', 'Kitakyushu', 'June 4, 2024'), meeting('Norfolk', 'Kobe', 'October 8, 2024')])))
      .toEqual([['City Council', 'Norfolk']]);
    const council = { id: 'x', label: 'Office' as const, name: 'City Council', aliases: [], properties: { town: 'Norfolk' } };
    expect(aliasKeys(council)).toEqual(aliasKeys({ ...council, name: 'Norfolk City Council', properties: {} }));
  });

  it('an acronym shared by two towns\' councils ("BCC") does not make them one across articles', () => {
    const g = extractGraph([
      doc('Bulawayo delegation', 'The Bulawayo City Council (BCC) sent a delegation to Quelimane. BCC officials signed a trade memorandum.'),
      doc('Banjul twinning', 'The Banjul City Council (BCC) welcomed a delegation from North Miami. BCC staff hosted the guests.', '2024-07-01'),
    ]);
    expect(g.nodes.filter((n) => n.label === 'Office').map((n) => n.name).sort()).toEqual(['Banjul City Council', 'Bulawayo City Council']);
  });

  it('a body known only by its acronym joins the one fully named body that has it, or stays apart when two have it', () => {
    const article = (id: string, nodes: GraphDocument['nodes']): GraphDocument => ({ articles: [{ id, title: id, file: `${id}.txt` } as GraphDocument['articles'][number]], nodes, relationships: [] });
    const office = (id: string, name: string, aliases: string[] = []) => ({ id, label: 'Office' as const, name, aliases, properties: {} });
    const blantyre = article('a', [office('office:blantyre-council', 'Blantyre City Council', ['BCC'])]);
    const bare = article('c', [office('office:bcc', 'BCC')]);
    expect(mergeGraphs([blantyre, bare]).nodes.map((n) => [n.name, ...n.aliases].sort())).toEqual([['BCC', 'Blantyre City Council']]);
    const banjul = article('b', [office('office:banjul-council', 'Banjul City Council', ['BCC'])]);
    expect(mergeGraphs([blantyre, banjul, bare]).nodes.map((n) => n.name).sort()).toEqual(['BCC', 'Banjul City Council', 'Blantyre City Council']);
  });

  it('aliasKeys and remapToExisting point a new document at stored nodes', () => {
    const first = extractArticle(doc('A', 'Miyajima Daisuke, Mayor of Sasebo, visited Shenyang.'));
    const existing = new Map<string, string>();
    for (const n of first.nodes) for (const k of aliasKeys(n)) existing.set(k, `stored:${n.id}`);
    expect(aliasKeys(first.nodes.find((n) => n.label === 'Person')!)).toContain('Person|daisuke miyajima');
    const second = remapToExisting(extractArticle(doc('B', 'Daisuke Miyajima, Mayor of Sasebo City, visited Shenyang.', '2024-09-01')), { unique: existing, wordHolders: new Map() }, aliasKeys);
    // each article tells its own visit (another date, another happening): every other node is a stored one
    const visit = new Set(second.nodes.filter((n) => n.label === 'Event').map((n) => n.id));
    expect(second.nodes.every((n) => visit.has(n.id) || n.id.startsWith('stored:'))).toBe(true);
    expect(second.relationships.every((r) => [r.source, r.target].every((id) => visit.has(id) || id.startsWith('stored:')))).toBe(true);
  });
});

describe('the seed article', () => {
  const g = extractArticle({ content: readFileSync(new URL('../../seed/articles/shenyang-sasebo-mayor-exchange-day.txt', import.meta.url), 'utf8'), format: 'text', file: 'seed.txt' });
  const id = (label: string, name: string) => named(g, label, name)[0]?.id;
  const has = (type: string, from: string, to: string, props: Record<string, unknown> = {}) =>
    g.relationships.some((r) => r.type === type && r.source === from && r.target === to && Object.entries(props).every(([k, v]) => r.properties[k] === v));

  it('finds the mayors, the offices, the companies and the sister cities on the map', () => {
    for (const p of ['Lyu Zhicheng', 'Miyajima Daisuke', 'Takashi Hamada', 'Duan Jiyang', 'Tomonaga Norio']) expect(id('Person', p)).toBeDefined();
    for (const c of ['Sasebo Pearl Sea Co., Ltd', 'Adora Cruises', 'Shenyang Nonstaple Foods Group']) expect(id('Company', c)).toBeDefined();
    const bekes = named(g, 'City', 'Békéscsaba')[0]!;
    expect(bekes.properties.country).toBe('HU');
    expect(typeof bekes.properties.lat).toBe('number');
    expect(g.nodes.some((n) => n.label === 'City' && /Northeast Asia|Liaoning|Japan/.test(n.name))).toBe(false);
  });

  it('states the positions, the meeting, the visits and the event of the seed', () => {
    const shenyang = id('City', 'Shenyang')!;
    const sasebo = id('City', 'Sasebo')!;
    expect(has('HOLDS_POSITION', id('Person', 'Lyu Zhicheng')!, shenyang, { title: 'Mayor' })).toBe(true);
    expect(has('HOLDS_POSITION', id('Person', 'Lyu Zhicheng')!, id('Office', 'CPC Shenyang Municipal Committee')!, { title: 'Deputy Secretary' })).toBe(true);
    expect(has('HOLDS_POSITION', id('Person', 'Tomonaga Norio')!, sasebo, { title: 'Mayor', former: true })).toBe(true);
    expect(g.relationships.some((r) => r.type === 'MET_WITH' && [r.source, r.target].sort().join() === [id('Person', 'Lyu Zhicheng'), id('Person', 'Miyajima Daisuke')].sort().join())).toBe(true);
    expect(has('VISITED', id('Person', 'Tomonaga Norio')!, shenyang, { times: 7 })).toBe(true);
    expect(g.relationships.some((r) => r.type === 'SISTER_CITY_OF' && r.properties.since === '2011' && [r.source, r.target].sort().join() === [shenyang, sasebo].sort().join())).toBe(true);
    const day = g.nodes.find((n) => n.label === 'Event' && n.name.includes('Mayor Exchange Day'))!;
    expect(day.properties).toMatchObject({ date: '2024-03-25', kind: 'exchange day' });
    expect(has('PARTICIPATED_IN', id('Office', 'Shenyang Foreign Affairs Office')!, day.id, { role: 'organizer' })).toBe(true);
    expect(has('PARTICIPATED_IN', id('Person', 'Takashi Hamada')!, day.id, { role: 'speaker' })).toBe(true);
    expect(has('LOCATED_IN', day.id, shenyang)).toBe(true);
  });
});
