// Sister-city and visit statements that earlier readers missed, on sentences written for these tests
// in the style of council and foreign-affairs news (no article text).
import { beforeAll, describe, expect, it } from 'vitest';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { extractText, nameOf, names, sisterPairs as pairs, table } from '../support/extraction.ts';

beforeAll(() => void gazetteerStats(), 120_000);

const extract = (body: string, title = 'Delegation visit strengthens ties', date = '2023-05-10') => extractText(title, body, date);

function since(g: GraphDocument, city: string): unknown {
  const r = g.relationships.find((x) => x.type === 'SISTER_CITY_OF' && [nameOf(g, x.source), nameOf(g, x.target)].includes(city));
  return r?.properties.since;
}

function visited(g: GraphDocument): string[] {
  return g.relationships.filter((r) => r.type === 'VISITED').map((r) => `${nameOf(g, r.source)} -> ${nameOf(g, r.target)}`).sort();
}

describe('coordinated partners of a plural agreement', () => {
  table([
    ['pairs the subject with every partner of "signed sisterhood agreements with A and B"', () => extract('Nelson signed sisterhood agreements with Matsue and Huangshi in 1976 and 1993.'), [
      (g) => expect(pairs(g)).toEqual(['Huangshi ~ Nelson', 'Matsue ~ Nelson']),
      (g) => expect(since(g, 'Matsue')).toBe('1976'),
      (g) => expect(since(g, 'Huangshi')).toBe('1993'),
    ]],
  ]);

  it.each([
    ['Last year Tacoma signed friendship agreements with Kitakyushu and Cienfuegos.', ['Cienfuegos ~ Tacoma', 'Kitakyushu ~ Tacoma']],
    ['In the 1970s Exeter signed twinning agreements with Rennes, Bad Homburg and Terracina.', ['Bad Homburg ~ Exeter', 'Exeter ~ Rennes', 'Exeter ~ Terracina']],
  ])('reads friendship and twinning agreements the same way: %s', (text, expected) => expect(pairs(extract(text))).toEqual(expected));

  it('does not pair the two partners with each other', () => {
    expect(pairs(extract('Tacoma signed friendship agreements with Kitakyushu and Cienfuegos.'))).not.toContain('Cienfuegos ~ Kitakyushu');
  });
});

describe('the age of a relationship', () => {
  table([
    ['dates "N years of being sister cities" back from the publication year', () => extract('The mayors of Dunedin and Otaru celebrated 40 years of being sister cities on Tuesday.'), [
      (g) => expect(pairs(g)).toEqual(['Dunedin ~ Otaru']),
      (g) => expect(since(g, 'Otaru')).toBe('1983'),
    ]],
    ['dates "the 25-year partnership between the two sister cities" too', () => extract('Students from Perth and Kagoshima marked the 25-year partnership between the two sister cities.', 'Students mark ties', '2024-03-01'), [
      (g) => expect(since(g, 'Kagoshima')).toBe('1999'),
    ]],
  ]);
});

describe('the pair from context', () => {
  table([
    ['pairs "the two cities have been twinned since 1985" with the two towns named before', () => extract('Mayor Tom Hill of Keswick met Mayor Ida Berg of Wiesbaden on Monday. The two cities have been twinned since 1985.'), [
      (g) => expect(pairs(g)).toEqual(['Keswick ~ Wiesbaden']),
      (g) => expect(since(g, 'Wiesbaden')).toBe('1985'),
    ]],
  ]);

  it.each([
    ['A choir from Lorient sang in Galway on Friday. Both cities have been partner towns since 1978.', ['Galway ~ Lorient']],
  ])('reads "both cities have been partner towns since" the same way: %s', (text, expected) => expect(pairs(extract(text))).toEqual(expected));

  it.each([
    ['Mayor Tom Hill of Keswick met Mayor Ida Berg of Wiesbaden on Monday. They discussed trade between the two cities.', []],
  ])('makes no pair of "the two cities" without a twinning word: %s', (text, expected) => expect(pairs(extract(text))).toEqual(expected));
});

describe('twin town, partner city and friendship city variants', () => {
  it.each([
    ['A band from Bayeux, the twin town of Dorchester, played on Sunday.', ['Bayeux ~ Dorchester']],
    ['Bremen has been a partner city of Riga since 1985.', ['Bremen ~ Riga']],
    ["Riga's friendship city Suzhou sent a delegation.", ['Riga ~ Suzhou']],
  ])('reads "the twin town of", "a partner city of" and "friendship city": %s', (text, expected) => expect(pairs(extract(text))).toEqual(expected));
});

describe('a known town with a municipal word', () => {
  table([
    ['takes "Mildura Rural City" for the town Mildura', () => extract('A delegation from Mildura Rural City, the sister city of Kawanishi, arrived on Monday.'), [
      (g) => expect(pairs(g)).toEqual(['Kawanishi ~ Mildura Rural City']),
      (g) => expect(g.nodes.find((n) => n.name === 'Mildura Rural City')?.id).toBe(g.nodes.find((n) => n.id.startsWith('city:mildura'))?.id),
    ]],
  ]);

  it.each([
    ['A Nelson delegation to its sister town Nagaizumi-cho left on Friday.', ['Nagaizumi-cho ~ Nelson']],
  ])('takes a Japanese "-cho" for a town: %s', (text, expected) => expect(pairs(extract(text))).toEqual(expected));

  it.each([
    ['Staff of Zorblax City, the sister city of Kawanishi, arrived on Monday.', []],
  ])('leaves an unknown name with "City" alone: %s', (text, expected) => expect(pairs(extract(text))).toEqual(expected));
});

describe('verbs of travelling', () => {
  it.each([
    ['Mayor Jane Roe of Geelong will travel to Izumiotsu next month.', ['Jane Roe -> Izumiotsu']],
    ['Deputy Mayor Ian Cole of Perth plans to travel to Kagoshima in June.', ['Ian Cole -> Kagoshima']],
    ['Councillor Bob Vance of Hastings will fly to Guilin on Sunday.', ['Bob Vance -> Guilin']],
    ['Mayor Kim Ho of Daejeon flew to Seattle on Monday.', ['Kim Ho -> Seattle']],
  ])('reads "will travel to", "plans to travel to" and "will fly / flew to": %s', (text, expected) => expect(visited(extract(text))).toEqual(expected));

  it.each([
    ['Governor Ken Ota of Shizuoka arrives in Wellington on Friday.', ['Ken Ota -> Wellington']],
    ['Mayor Ana Diaz of Toluca and her delegation arrive in Fort Worth on Sunday.', ['Ana Diaz -> Fort Worth']],
    ['Mayor Dan Moe of Seattle and his delegation were welcomed to Christchurch on Monday.', ['Dan Moe -> Christchurch']],
  ])('reads "arrive(s) in" and "were welcomed to": %s', (text, expected) => expect(visited(extract(text))).toEqual(expected));

  it.each([
    ['Mayor Dan Moe welcomed guests to Christchurch on Monday.', []],
  ])('does not make the host who welcomes guests a visitor: %s', (text, expected) => expect(visited(extract(text))).toEqual(expected));
});

describe('districts', () => {
  table([
    ['takes "visited X district, Mongolia" for a visit to the district, not the country', () => extract('Mayor Sun Choi of Ansan visited Bayanzurkh district, Mongolia, last week.'), [
      (g) => expect(visited(g)).toEqual(['Sun Choi -> Bayanzurkh district']),
      (g) => expect(g.nodes.find((n) => n.name === 'Bayanzurkh district')?.label).toBe('City'),
    ]],
  ]);

  it.each([
    ['Governor Ray Lund of Alaska visited the Khan-Uul district of Ulaanbaatar.', ['Ray Lund -> Ulaanbaatar']],
  ])('takes "the X district of Y" for a visit to Y: %s', (text, expected) => expect(visited(extract(text))).toEqual(expected));
});

describe('a visit to a sister city', () => {
  table([
    ['pairs the visitor\'s town with the sister city visited', () => extract('Mayor Tom Bell of Tauranga will make his first Sister Cities visit to Hitachi in May.', 'News from the council'), [
      (g) => expect(pairs(g)).toEqual(['Hitachi ~ Tauranga']),
      (g) => expect(visited(g)).toEqual(['Tom Bell -> Hitachi']),
    ]],
    ['reads "visits (Japanese) sister city Y" as a visit to Y and a pair', () => extract('Deputy Mayor Ann Kim of Portland visits Japanese sister city Sapporo this week.', 'News from the council'), [
      (g) => expect(pairs(g)).toEqual(['Portland ~ Sapporo']),
      (g) => expect(visited(g)).toEqual(['Ann Kim -> Sapporo']),
    ]],
  ]);

  it('makes no pair of a sister-city garden', () => {
    expect(pairs(extract('Students visited the sister city garden in Hastings.', 'News from the council'))).toEqual([]);
  });
});

describe('members of a delegation', () => {
  table([
    ['sends the members of "are part of a delegation that includes" to where the delegation goes', () => extract('A Tauranga delegation to Japanese sister city Hitachi will mark the anniversary, says Mayor Tom Bell. Mayor Bell and Councillor Ann Law are part of a five-strong official delegation that includes Chief Executive Ray Cole and Councillor Jo Marsh.', 'News from the council'), [
      (g) => expect(visited(g)).toEqual(expect.arrayContaining(['Ann Law -> Hitachi', 'Jo Marsh -> Hitachi', 'Ray Cole -> Hitachi', 'Tom Bell -> Hitachi'])),
    ]],
    ['sends nobody without a stated destination', () => extract('Mayor Tom Bell and Councillor Ann Law are part of a five-strong official delegation that includes Ray Cole.', 'News from the council'), [
      (g) => expect(visited(g)).toEqual([]),
    ]],
  ]);
});

describe('a visit told in a later clause', () => {
  table([
    ['gives "…, and is here for his third visit to Y" to the person the sentence opens with', () => extract('Mr. Ito is mayor of Matsue, Japan, the sister city of Nelson for 20 years, and is here for his third visit to Nelson with his wife.', 'News'), [
      (g) => expect(visited(g)).toEqual(['Ito -> Nelson']),
    ]],
  ]);
});

describe('a list of towns, one a line, after the line that opens it', () => {
  it('pairs each listed town with the town the list is about', () => {
    const g = extract('Over the past three decades Townsville has signed Sister City agreements with three cities. All of our Sister Cities are situated in the Asia-Pacific region:\n- Shunan, Japan (since 1990)\n- Changshu, China (since 1995)\n- Suwon, Korea (since 1996)\n\nEach agreement focuses on trade and culture.');
    expect(pairs(g)).toEqual(['Changshu ~ Townsville', 'Shunan ~ Townsville', 'Suwon ~ Townsville']);
  });

  it('pairs the two towns of each line of a list of pairs', () => {
    const g = extract('Twinning is common among Israeli towns. Some examples of twinning are:\nHolon – Suresnes, France\nRamla – Vaughan, Canada\nNazareth – Florence, Italy');
    expect(pairs(g)).toEqual(['Florence ~ Nazareth', 'Holon ~ Suresnes', 'Ramla ~ Vaughan']);
  });

  it('takes "Municipality of X in Country" and a town it does not know as towns of the list', () => {
    const g = extract('Sariyer Municipality develops twinning relations abroad.\n\nTwinning Cities to Sariyer Municipality;\n• Municipality of Beyarmudu in Cyprus,\n• Municipality of Hacmaz in Azerbaijan,');
    expect(pairs(g)).toEqual(['Beyarmudu ~ Sariyer Municipality', 'Hacmaz ~ Sariyer Municipality']);
  });

  it('reads no town from the lines under a heading that are not towns with their country', () => {
    const g = extract('Tacoma signed a sister city agreement with Kitakyushu in 1990.\n\nOur Sister Cities\nNews\nEvents Calendar\nContact Us');
    expect(pairs(g)).toEqual(['Kitakyushu ~ Tacoma']);
  });
});

describe('a list of partners inside a sentence', () => {
  it('reads "our twin towns of A (Germany), B (USA) and C (UKR)", a town it does not know included', () => {
    const g = extract('Cooperation with our twin towns of St. Ingbert (Germany), Sierra Vista (USA), Obuchiw (UKR) and Cananea (MEX) is supported by the Dresden council.', 'Dresden and its twin towns');
    expect(pairs(g)).toEqual(['Cananea ~ Dresden', 'Dresden ~ Obuchiw', 'Dresden ~ Sierra Vista', 'Dresden ~ St. Ingbert']);
  });

  it('reads "linked as X\'s sisters: A (Germany), B (South Korea), C (Japan)"', () => {
    const g = extract("There are currently three cities that are formally linked as Bandung's sisters: Braunschweig (Germany), Suwon (South Korea) and Hamamatsu (Japan).");
    expect(pairs(g)).toEqual(['Bandung ~ Braunschweig', 'Bandung ~ Hamamatsu', 'Bandung ~ Suwon']);
  });

  table([
    ['pairs "X became Y\'s seventh sister city, following A (1993), B, France (1992)" with Y, each in its year', () => extract("Kumasi became Houston's seventh Sister City in 1995, following Wroclaw (1993), Limoges, France (1992), and Arequipa, Peru (1962)."), [
      (g) => expect(pairs(g)).toEqual(['Arequipa ~ Houston', 'Houston ~ Kumasi', 'Houston ~ Limoges', 'Houston ~ Wroclaw']),
      (g) => expect(since(g, 'Limoges')).toBe('1992'),
    ]],
  ]);
});

describe('lists of pairs and qualified lists', () => {
  it('pairs "sister cities including A and B, C and D" two by two, not with the subject\'s town', () => {
    const g = extract('Lahore officials said five cities will be called sister cities including Faisalabad and Qingdao, Rawalpindi and Wuhan, Bahawalpur and Nanjing.');
    expect(pairs(g)).toEqual(['Bahawalpur ~ Nanjing', 'Faisalabad ~ Qingdao', 'Rawalpindi ~ Wuhan']);
  });

  it('takes only the first name of each part of a list parted by semicolons: "Tacoma, Washington" names no town Washington', () => {
    const g = extract("Taichung's other sister cities: Austin, Texas; Tacoma, Washington; Reno, Nevada.");
    expect(pairs(g)).toEqual(['Austin ~ Taichung', 'Reno ~ Taichung', 'Tacoma ~ Taichung']);
  });

  it('reads "X, Country, for example, has twinned with A and B", the next clause\'s town left out', () => {
    const g = extract("The Hague, Holland, for example, has twinned with Nazareth and Bethlehem, and Lyon, France, has twinned with Be'er Sheva and Jericho.");
    expect(pairs(g)).toEqual(["Be'er Sheva ~ Lyon", 'Bethlehem ~ Hague', 'Hague ~ Nazareth', 'Jericho ~ Lyon']);
  });
});

describe('a partner named after "is", and places that are no pair', () => {
  it('reads "X\'s second sister city in Asia is Y", a town the gazetteer lacks included', () => {
    const g = extract("Christchurch's second sister city in Asia is Songpa, one of the districts of Seoul.");
    expect(pairs(g)).toEqual(['Christchurch ~ Songpa']);
  });

  it('does not pair two towns where something took place: "… and attending ceremonies in Hiroshima and Nagasaki"', () => {
    const g = extract("Mayor Garry Moore visited Japan last month, visiting two of Christchurch's sister cities and attending the remembrance ceremonies in Hiroshima and Nagasaki.");
    expect(pairs(g)).not.toContain('Hiroshima ~ Nagasaki');
  });
});

describe('towns named like venues, and a list before "are the cities twinned with"', () => {
  it('takes "Long Beach" in a sentence about twinning for the town, not a venue', () => {
    const g = extract('Mayor Robert Garcia is visiting to renew the sister city relationship between Long Beach and Phnom Penh, first signed in 1993.');
    expect(pairs(g)).toEqual(['Long Beach ~ Phnom Penh']);
  });

  it('pairs each town of "A in the United States, B in China and C in Cuba are the other cities twinned with X" with X', () => {
    const g = extract('Atlanta in the United States, Hangzhou in China and Varadero in Cuba are the other cities twinned with Montego Bay.');
    expect(pairs(g)).toEqual(['Atlanta ~ Montego Bay', 'Hangzhou ~ Montego Bay', 'Montego Bay ~ Varadero']);
  });
});

describe('unknown names a sister-city phrase does not make towns', () => {
  it('reads the town of "a partnership with Nienburg Germany" without its country', () => {
    const g = extract('Las Cruces established a Sister Cities partnership with Nienburg Germany on July 4, 1993.');
    expect(pairs(g)).toEqual(['Las Cruces ~ Nienburg']);
  });

  it('makes no town of the word after a heading "Sister Cities Multimedia"', () => {
    const g = extract('Mayor Chen Chu of Kaohsiung welcomed the guests.', 'Sister Cities Multimedia');
    expect(names(g, 'City')).not.toContain('Multimedia');
  });
});

describe('a run of "A with B" after a sentence about partnerships', () => {
  it('pairs each A with its B', () => {
    const g = extract('Many Dutch towns have a partnership with a city in China. For example, Utrecht with Wuhan, The Hague with Qingdao and Leiden with Suzhou.');
    expect(pairs(g)).toEqual(['Hague ~ Qingdao', 'Leiden ~ Suzhou', 'Utrecht ~ Wuhan']);
  });

  it('reads no pair from "A with B" in a sentence far from any partnership', () => {
    const g = extract('The talks went well. Utrecht with Wuhan, Leiden with Suzhou and Delft with Xiamen played football on Sunday.');
    expect(pairs(g)).toEqual([]);
  });
});

describe('an unknown town before "twinned with"', () => {
  it('reads the heading "Macharaviaya twinned with Pensacola (USA)" as a tie of the two', () => {
    const g = extract('Macharaviaya twinned with Pensacola (USA)\n\nRepresentatives of the town spent a few days in the US as part of the celebrations.', 'Andalusia notices');
    expect(pairs(g)).toEqual(['Macharaviaya ~ Pensacola']);
  });
});

describe('lists of a town\'s sister cities', () => {
  it('reads a numbered list, one town a line, as partners of the town the opening line names', () => {
    const g = extract('To date, Kathmandu has sister cities with the following cities:\n\n1. Eugene, the United States of America.\n2. Matsumoto, Japan.\n3. Minsk, Belarus.');
    expect(pairs(g)).toEqual(expect.arrayContaining(['Eugene ~ Kathmandu', 'Kathmandu ~ Matsumoto', 'Kathmandu ~ Minsk']));
  });

  it('reads a bulleted list whose lines are parted by blank lines', () => {
    const g = extract('Burnaby will end its friendship city relationships with three cities:\n\n• Kunming, Yunnan, China;\n\n• Dalian, China;\n\n• Changshu, China.');
    expect(pairs(g)).toEqual(expect.arrayContaining(['Burnaby ~ Changshu', 'Burnaby ~ Dalian', 'Burnaby ~ Kunming']));
  });

  it('gives the list to the subject, not to the town of a fronted "In addition to X,"', () => {
    const g = extract('In addition to Querétaro, San Antonio maintains sister city relationships with other cities:\n\n- Monterrey, Mexico (Established 1953)\n- Kumamoto, Japan (Established 1987)');
    expect(pairs(g)).toEqual(expect.arrayContaining(['Monterrey ~ San Antonio', 'Kumamoto ~ San Antonio']));
    expect(pairs(g)).not.toContain('Monterrey ~ Querétaro');
  });

  it('gives "X joins Y\'s other sister cities: A, B" to Y', () => {
    const g = extract('Accra joins Chattanooga’s other sister cities: Wuxi, China; Hamm, Germany; Givatayim, Israel.');
    expect(pairs(g)).toEqual(expect.arrayContaining(['Chattanooga ~ Hamm', 'Chattanooga ~ Givatayim']));
    expect(pairs(g)).not.toContain('Accra ~ Hamm');
  });

  it('reads "The others are A and B" after a sentence about a town\'s sister cities', () => {
    const g = extract('Wakayama is one of three sister cities of Richmond. The others are Pierrefonds and Xiamen, China.');
    expect(pairs(g)).toEqual(expect.arrayContaining(['Pierrefonds ~ Richmond', 'Richmond ~ Xiamen']));
  });
});

describe('the two subjects of a copula (thirteenth session)', () => {
  it.each([
    ['In 2003, Squamish and Shimizu were declared sister cities.', ['Shimizu ~ Squamish']],
    ["Azerbaijan's Shusha and Uzbekistan's Khiva became sister cities last week.", ['Khiva ~ Shusha']],
  ])('pairs the subjects of "A and B became sister cities" however the names were typed: %s', (text, expected) => expect(pairs(extract(text))).toEqual(expected));

  it('does not pair the last two towns of a longer list before the copula', () => {
    expect(pairs(extract('Kassel, Florence and Yaroslavl are sister cities of Mulhouse.'))).not.toContain('Florence ~ Yaroslavl');
  });
});
