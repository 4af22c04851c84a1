// HOLDS_POSITION: titles and the bodies or towns they belong to, on sentences written for these tests
// in the style of news about officials' visits and meetings (no article text).
import { beforeAll, describe, expect, it } from 'vitest';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import { extractText, names, position } from '../support/extraction.ts';

beforeAll(() => void gazetteerStats(), 120_000);

const extract = (body: string, title = 'Officials meet to deepen exchanges', date = '2024-03-12') => extractText(title, body, date);

describe('honorifics', () => {
  it('strips courtesy titles of other languages from the name', () => {
    const g = extract('Monsieur Luc Bernard, Mayor of Dijon, received Sheikh Khalid Al Mansoori and Signora Paola Conti at the town hall.');
    expect(names(g, 'Person')).toEqual(expect.arrayContaining(['Luc Bernard', 'Khalid Al Mansoori', 'Paola Conti']));
    expect(names(g, 'Person').some((n) => /Monsieur|Sheikh|Signora/.test(n))).toBe(false);
    expect(position(g, 'Luc Bernard', 'Dijon')).toBe('Mayor');
  });

  it('strips Mr, Dr, Madam and Cllr', () => {
    const g = extract('Cllr Ruth Ames, Mayor of Bolton, met Dr Zhou Ping and Madam Liu Fang in Suzhou. Mr Omar Haddad also attended.');
    expect(names(g, 'Person')).toEqual(expect.arrayContaining(['Ruth Ames', 'Zhou Ping', 'Liu Fang', 'Omar Haddad']));
    expect(names(g, 'Person').some((n) => /^(Cllr|Dr|Madam|Mr)\b/.test(n))).toBe(false);
  });
});

describe('consuls and their consulates', () => {
  it('names the consulate after the country and seat of a "Consul General of X in Y"', () => {
    const g = extract('The Consul General of Japan in Portland, Kenji Ota, called on the mayor of Salem on Monday.');
    expect(names(g, 'Office')).toContain('Consulate General of Japan in Portland');
    expect(position(g, 'Kenji Ota', 'Consulate General of Japan in Portland')).toBe('Consul General');
  });

  it('reads the name right after the seat', () => {
    const g = extract('The Consul General of the Republic of Korea in Denver Park Min-su visited Boulder.');
    expect(names(g, 'Person')).toContain('Park Min-su');
    expect(position(g, 'Park Min-su', 'Consulate General of the Republic of Korea in Denver')).toBe('Consul General');
  });

  it('reads "X as the <nationality> Consul General in Y"', () => {
    const g = extract('A delegation led by Omid Karimi as the Iranian Consul General in Guangzhou toured Foshan.');
    expect(position(g, 'Omid Karimi', 'Iranian Consulate General in Guangzhou')).toBe('Consul General');
  });

  it('keeps a consulate the text names itself', () => {
    const g = extract('Lena Hart, Consul General of the British Consulate General in Chongqing, attended the forum.');
    expect(names(g, 'Office')).toContain('British Consulate General in Chongqing');
    expect(position(g, 'Lena Hart', 'British Consulate General in Chongqing')).toBe('Consul General');
  });
});

describe('"as" a title', () => {
  it('reads "the first visit by X as Mayor of Y"', () => {
    const g = extract('It will be the first trip to Dunedin by Aiko Mori as Mayor of Otaru.');
    expect(position(g, 'Aiko Mori', 'Otaru')).toBe('Mayor');
  });
});

describe('coordinated and appositive lower-case titles', () => {
  it('gives "the mayor and deputy mayor of X, A and B" in order', () => {
    const g = extract('The mayor and deputy mayor of Hamilton, Tia Reed and Sam Ngata, welcomed the guests from Shizuoka.');
    expect(position(g, 'Tia Reed', 'Hamilton')).toBe('Mayor');
    expect(position(g, 'Sam Ngata', 'Hamilton')).toBe('Deputy Mayor');
  });

  it('reads "<town> mayor, <Name>" and "<Name>, <town>\'s mayor"', () => {
    const g = extract('Otaru mayor, Ken Sato, greeted the students. The visit was hosted by Rosa Lima, Dunedin\'s mayor.');
    expect(position(g, 'Ken Sato', 'Otaru')).toBe('Mayor');
    expect(position(g, 'Rosa Lima', 'Dunedin')).toBe('Mayor');
  });
});

describe('bodies and their members', () => {
  it('reads sections, divisions and Philippine city councils as offices', () => {
    const g = extract('Rina Flores, head of the Davao City Tourism Section, and Leo Ramos of the Sangguniang Panlungsod of Davao City welcomed the guests from Kagoshima.');
    expect(names(g, 'Office')).toEqual(expect.arrayContaining(['Davao City Tourism Section', 'Sangguniang Panlungsod of Davao City']));
    expect(names(g, 'Person')).toEqual(expect.arrayContaining(['Rina Flores', 'Leo Ramos']));
    expect(position(g, 'Rina Flores', 'Davao City Tourism Section')).toBe('Head');
  });

  it('reads a municipal corporation as an office', () => {
    const g = extract('Officials of the Greater Pune Municipal Corporation visited the head office in Nagpur.');
    expect(names(g, 'Office')).toContain('Greater Pune Municipal Corporation');
  });

  it('gives "Councillors A and B of Y" the title at Y', () => {
    const g = extract('Councillors Ian Moss and Jo Kerr of Timaru District Council travelled to Eniwa last week.');
    expect(position(g, 'Ian Moss', 'Timaru District Council')).toBe('Councillor');
    expect(position(g, 'Jo Kerr', 'Timaru District Council')).toBe('Councillor');
  });
});

describe('more title shapes', () => {
  it('reads "Mayor of <Town> <Name>" with no comma', () => {
    const g = extract('Mayor of Leeds Harriet Cole opened the exhibition from Dortmund.');
    expect(position(g, 'Harriet Cole', 'Leeds')).toBe('Mayor');
  });

  it('reads "X, who chairs the Y" as the chair', () => {
    const g = extract('Owen Price, who chairs the Nelson Sister Cities Committee, led the group to Miyazu.');
    expect(position(g, 'Owen Price', 'Nelson Sister Cities Committee')).toBe('Chair');
  });

  it('reads a secretary-general of a body without a head noun', () => {
    const g = extract('Karl Berg, Secretary-General of the Nordic Towns Union, spoke at the forum in Oslo.');
    expect(position(g, 'Karl Berg', 'Nordic Towns Union')).toBe('Secretary-General');
  });

  it('does not place a vice governor of a province in the city of a delegation', () => {
    const g = extract('Vice Governor Wu Lan of Hubei Province met the delegation from Sendai.');
    expect(g.relationships.some((r) => r.type === 'HOLDS_POSITION')).toBe(false);
  });
});

describe('titles placed by the text around them', () => {
  it('gives "council chief executive X" to the council named last', () => {
    const g = extract('The Timaru District Council will host a delegation from Eniwa in May. The guests wrote to council chief executive Nigel Bowen about the programme.');
    expect(position(g, 'Nigel Bowen', 'Timaru District Council')).toBe('Chief Executive');
  });

  it('reads "<Town> <initials> Mayor X" against the body named in full', () => {
    const g = extract('Members of the Greater Pune Municipal Corporation (MC) toured Nagpur. Greater Pune MC Mayor Asha Rao thanked the hosts.');
    expect(position(g, 'Asha Rao', 'Greater Pune Municipal Corporation')).toBe('Mayor');
  });

  it('places "its councillors headed by city Mayor X" in the body\'s town', () => {
    const g = extract('The Corporation of the City of Nashik is proposing to send its councillors headed by city Mayor Rohan Naik to visit Lishui.');
    expect(position(g, 'Rohan Naik', 'Nashik')).toBe('Mayor');
  });
});

describe('names that look like other things', () => {
  it('reads a surname that is a venue word after a title', () => {
    const g = extract('The agreement was signed by Mayor Dan Hall of Kalamazoo and Mayor Sato Ichiro of Numazu.');
    expect(position(g, 'Dan Hall', 'Kalamazoo')).toBe('Mayor');
    expect(position(g, 'Sato Ichiro', 'Numazu')).toBe('Mayor');
  });

  it('reads a given name that is also a town after "Title of <Town>"', () => {
    const g = extract('Deputy Mayor of Sapporo Hiro Tanaka and his delegation arrived in Portland on Monday.');
    expect(position(g, 'Hiro Tanaka', 'Sapporo')).toBe('Deputy Mayor');
  });
});

describe('more apposition shapes', () => {
  it('reads "X (Title, Town)"', () => {
    const g = extract('Mina Cho (Deputy Mayor, Suwon) presented a gift to the council.');
    expect(position(g, 'Mina Cho', 'Suwon')).toBe('Deputy Mayor');
  });

  it('reads "the mayors of A and B, X and Y" in order', () => {
    const g = extract('The mayors of Kofu and Tacoma, Ichiro Noda and Gail Price, exchanged gifts.');
    expect(position(g, 'Ichiro Noda', 'Kofu')).toBe('Mayor');
    expect(position(g, 'Gail Price', 'Tacoma')).toBe('Mayor');
  });

  it('reads "X, the newly elected Mayor of Y"', () => {
    const g = extract('Ross Hill, the newly elected Mayor of Timaru, welcomed the students from Eniwa.');
    expect(position(g, 'Ross Hill', 'Timaru')).toBe('Mayor');
  });

  it('reads "a delegation from Y, led by its mayor X"', () => {
    const g = extract('A delegation from Kurume, led by its mayor Ken Oda, arrived in Dalian.');
    expect(position(g, 'Ken Oda', 'Kurume')).toBe('Mayor');
  });
});

describe('a shared place before coordinated titles', () => {
  it('gives "<Town> Mayor A and Vice Mayor B" both titles at the town', () => {
    const g = extract('Iloilo Mayor Ramon Cruz and Vice Mayor Lea Santos welcomed the delegation from Kagoshima.');
    expect(position(g, 'Ramon Cruz', 'Iloilo')).toBe('Mayor');
    expect(position(g, 'Lea Santos', 'Iloilo')).toBe('Vice Mayor');
  });

  it('does not share the place when the second has its own', () => {
    const g = extract('Sendai Mayor Emi Kori and Deputy Mayor Tom Ruiz of Dallas met at city hall.');
    expect(position(g, 'Tom Ruiz', 'Sendai')).toBeUndefined();
    expect(position(g, 'Tom Ruiz', 'Dallas')).toBe('Deputy Mayor');
  });
});
