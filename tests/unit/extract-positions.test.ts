// HOLDS_POSITION: titles and the bodies or towns they belong to, on sentences written for these tests
// in the style of news about officials' visits and meetings (no article text).
import { beforeAll, describe, expect } from 'vitest';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import { extractText, hasNames, holds, names, table } from '../support/extraction.ts';

beforeAll(() => void gazetteerStats(), 120_000);

const extract = (body: string, title = 'Officials meet to deepen exchanges', date = '2024-03-12') => extractText(title, body, date);

describe('honorifics', () => {
  table([
    ['strips courtesy titles of other languages from the name', () => extract('Monsieur Luc Bernard, Mayor of Dijon, received Sheikh Khalid Al Mansoori and Signora Paola Conti at the town hall.'), [
      hasNames('Person', ['Luc Bernard', 'Khalid Al Mansoori', 'Paola Conti']),
      (g) => expect(names(g, 'Person').some((n) => /Monsieur|Sheikh|Signora/.test(n))).toBe(false),
      holds('Luc Bernard', 'Dijon', 'Mayor'),
    ]],
    ['strips Mr, Dr, Madam and Cllr', () => extract('Cllr Ruth Ames, Mayor of Bolton, met Dr Zhou Ping and Madam Liu Fang in Suzhou. Mr Omar Haddad also attended.'), [
      hasNames('Person', ['Ruth Ames', 'Zhou Ping', 'Liu Fang', 'Omar Haddad']),
      (g) => expect(names(g, 'Person').some((n) => /^(Cllr|Dr|Madam|Mr)\b/.test(n))).toBe(false),
    ]],
  ]);
});

describe('consuls and their consulates', () => {
  table([
    ['names the consulate after the country and seat of a "Consul General of X in Y"', () => extract('The Consul General of Japan in Portland, Kenji Ota, called on the mayor of Salem on Monday.'), [hasNames('Office', ['Consulate General of Japan in Portland']), holds('Kenji Ota', 'Consulate General of Japan in Portland', 'Consul General')]],
    ['reads the name right after the seat', () => extract('The Consul General of the Republic of Korea in Denver Park Min-su visited Boulder.'), [hasNames('Person', ['Park Min-su']), holds('Park Min-su', 'Consulate General of the Republic of Korea in Denver', 'Consul General')]],
    ['reads "X as the <nationality> Consul General in Y"', () => extract('A delegation led by Omid Karimi as the Iranian Consul General in Guangzhou toured Foshan.'), [holds('Omid Karimi', 'Iranian Consulate General in Guangzhou', 'Consul General')]],
    ['keeps a consulate the text names itself', () => extract('Lena Hart, Consul General of the British Consulate General in Chongqing, attended the forum.'), [hasNames('Office', ['British Consulate General in Chongqing']), holds('Lena Hart', 'British Consulate General in Chongqing', 'Consul General')]],
  ]);
});

describe('the head of a party from elsewhere', () => {
  table([
    ['holds a bare title in the party\'s town, not in the town it visits', () => extract('CHRISTCHURCH — The city council of Christchurch will host its sister city this spring. To mark the anniversary, 80 delegates from Kurashiki, led by Mayor Aiko Tanabe, will visit Christchurch in April. Mayor Tanabe said the ties were strong.', 'Christchurch to host Kurashiki delegation'), [holds('Aiko Tanabe', 'Kurashiki', 'Mayor')]],
  ]);
});

describe('"as" a title', () => {
  table([
    ['reads "the first visit by X as Mayor of Y"', () => extract('It will be the first trip to Dunedin by Aiko Mori as Mayor of Otaru.'), [holds('Aiko Mori', 'Otaru', 'Mayor')]],
  ]);
});

describe('coordinated and appositive lower-case titles', () => {
  table([
    ['gives "the mayor and deputy mayor of X, A and B" in order', () => extract('The mayor and deputy mayor of Hamilton, Tia Reed and Sam Ngata, welcomed the guests from Shizuoka.'), [holds('Tia Reed', 'Hamilton', 'Mayor'), holds('Sam Ngata', 'Hamilton', 'Deputy Mayor')]],
    ['reads "<town> mayor, <Name>" and "<Name>, <town>\'s mayor"', () => extract('Otaru mayor, Ken Sato, greeted the students. The visit was hosted by Rosa Lima, Dunedin\'s mayor.'), [holds('Ken Sato', 'Otaru', 'Mayor'), holds('Rosa Lima', 'Dunedin', 'Mayor')]],
  ]);
});

describe('bodies and their members', () => {
  table([
    ['reads sections, divisions and Philippine city councils as offices', () => extract('Rina Flores, head of the Davao City Tourism Section, and Leo Ramos of the Sangguniang Panlungsod of Davao City welcomed the guests from Kagoshima.'), [hasNames('Office', ['Davao City Tourism Section', 'Sangguniang Panlungsod of Davao City']), hasNames('Person', ['Rina Flores', 'Leo Ramos']), holds('Rina Flores', 'Davao City Tourism Section', 'Head')]],
    ['reads a municipal corporation as an office', () => extract('Officials of the Greater Pune Municipal Corporation visited the head office in Nagpur.'), [hasNames('Office', ['Greater Pune Municipal Corporation'])]],
    ['splits a body\'s name from its officer\'s name written right after it', () => extract('The guests were welcomed by the president of the Oakdale Sister City Association Daniel Whitfield and by the Head of the Executive Authority of the City of Baku Eldar Azizov.'), [
      hasNames('Office', ['Executive Authority of the City of Baku']), hasNames('Person', ['Daniel Whitfield', 'Eldar Azizov']),
      holds('Eldar Azizov', 'Executive Authority of the City of Baku', 'Head'),
    ]],
    ['gives "Councillors A and B of Y" the title at Y', () => extract('Councillors Ian Moss and Jo Kerr of Timaru District Council travelled to Eniwa last week.'), [holds('Ian Moss', 'Timaru District Council', 'Councillor'), holds('Jo Kerr', 'Timaru District Council', 'Councillor')]],
  ]);
});

describe('more title shapes', () => {
  table([
    ['reads "Mayor of <Town> <Name>" with no comma', () => extract('Mayor of Leeds Harriet Cole opened the exhibition from Dortmund.'), [holds('Harriet Cole', 'Leeds', 'Mayor')]],
    ['reads "X, who chairs the Y" as the chair', () => extract('Owen Price, who chairs the Nelson Sister Cities Committee, led the group to Miyazu.'), [holds('Owen Price', 'Nelson Sister Cities Committee', 'Chair')]],
    ['reads a secretary-general of a body without a head noun', () => extract('Karl Berg, Secretary-General of the Nordic Towns Union, spoke at the forum in Oslo.'), [holds('Karl Berg', 'Nordic Towns Union', 'Secretary-General')]],
    ['does not place a vice governor of a province in the city of a delegation', () => extract('Vice Governor Wu Lan of Hubei Province met the delegation from Sendai.'), [
      (g) => expect(g.relationships.some((r) => r.type === 'HOLDS_POSITION')).toBe(false),
    ]],
  ]);
});

describe('titles placed by the text around them', () => {
  table([
    ['gives "council chief executive X" to the council named last', () => extract('The Timaru District Council will host a delegation from Eniwa in May. The guests wrote to council chief executive Nigel Bowen about the programme.'), [holds('Nigel Bowen', 'Timaru District Council', 'Chief Executive')]],
    ['reads "<Town> <initials> Mayor X" against the body named in full', () => extract('Members of the Greater Pune Municipal Corporation (MC) toured Nagpur. Greater Pune MC Mayor Asha Rao thanked the hosts.'), [holds('Asha Rao', 'Greater Pune Municipal Corporation', 'Mayor')]],
    ['places "its councillors headed by city Mayor X" in the body\'s town', () => extract('The Corporation of the City of Nashik is proposing to send its councillors headed by city Mayor Rohan Naik to visit Lishui.'), [holds('Rohan Naik', 'Nashik', 'Mayor')]],
  ]);
});

describe('names that look like other things', () => {
  table([
    ['reads a surname that is a venue word after a title', () => extract('The agreement was signed by Mayor Dan Hall of Kalamazoo and Mayor Sato Ichiro of Numazu.'), [holds('Dan Hall', 'Kalamazoo', 'Mayor'), holds('Sato Ichiro', 'Numazu', 'Mayor')]],
    ['reads a given name that is also a town after "Title of <Town>"', () => extract('Deputy Mayor of Sapporo Hiro Tanaka and his delegation arrived in Portland on Monday.'), [holds('Hiro Tanaka', 'Sapporo', 'Deputy Mayor')]],
  ]);
});

describe('more apposition shapes', () => {
  table([
    ['reads "X (Title, Town)"', () => extract('Mina Cho (Deputy Mayor, Suwon) presented a gift to the council.'), [holds('Mina Cho', 'Suwon', 'Deputy Mayor')]],
    ['reads "the mayors of A and B, X and Y" in order', () => extract('The mayors of Kofu and Tacoma, Ichiro Noda and Gail Price, exchanged gifts.'), [holds('Ichiro Noda', 'Kofu', 'Mayor'), holds('Gail Price', 'Tacoma', 'Mayor')]],
    ['reads "X, the newly elected Mayor of Y"', () => extract('Ross Hill, the newly elected Mayor of Timaru, welcomed the students from Eniwa.'), [holds('Ross Hill', 'Timaru', 'Mayor')]],
    ['reads "a delegation from Y, led by its mayor X"', () => extract('A delegation from Kurume, led by its mayor Ken Oda, arrived in Dalian.'), [holds('Ken Oda', 'Kurume', 'Mayor')]],
  ]);
});

describe('a shared place before coordinated titles', () => {
  table([
    ['gives "<Town> Mayor A and Vice Mayor B" both titles at the town', () => extract('Iloilo Mayor Ramon Cruz and Vice Mayor Lea Santos welcomed the delegation from Kagoshima.'), [holds('Ramon Cruz', 'Iloilo', 'Mayor'), holds('Lea Santos', 'Iloilo', 'Vice Mayor')]],
    ['does not share the place when the second has its own', () => extract('Sendai Mayor Emi Kori and Deputy Mayor Tom Ruiz of Dallas met at city hall.'), [holds('Tom Ruiz', 'Sendai', undefined), holds('Tom Ruiz', 'Dallas', 'Deputy Mayor')]],
  ]);
});

describe('possessive towns and bodies before titled names', () => {
  table([
    ['gives "<Town>\'s Mayor X and <Town2>\'s Mayor Y" each their own town', () => extract('The charter was signed by Kaohsiung\'s Mayor Lin Wei and Sendai\'s Mayor Kenji Ota on 2 April.'), [holds('Lin Wei', 'Kaohsiung', 'Mayor'), holds('Kenji Ota', 'Sendai', 'Mayor')]],
    ['gives every titled name a possessive opens its town, not one that names its own place', () => extract('Kumamoto\'s Deputy Mayor Aki Mori and Councillor Jun Sato met the guests with Governor Ian Page of Texas.'), [holds('Aki Mori', 'Kumamoto', 'Deputy Mayor'), holds('Jun Sato', 'Kumamoto', 'Councillor'), holds('Ian Page', 'Kumamoto', undefined)]],
    ['gives the titled names listed after "<Town>\'s city director X" the town too', () => extract('The memorandum was signed in 1961 by Kassel\'s city director Hans Peter Vogt, Mayor Eva Krug, and the ambassador.'), [holds('Hans Peter Vogt', 'Kassel', 'Director'), holds('Eva Krug', 'Kassel', 'Mayor')]],
    ['reads "<Town>\'s mayor, Mr A B C," and "<Town>\'s acting mayor X"', () => extract('Ndola\'s mayor, Mr Peter Chanda Mwale, has met Kitwe\'s acting mayor Grace Banda to talk about waste collection.'), [holds('Peter Chanda Mwale', 'Ndola', 'Mayor'), holds('Grace Banda', 'Kitwe', 'Acting Mayor')]],
  ]);
});

describe('titles set apart by a dash or brackets', () => {
  table([
    ['reads "X - Chairman of Y"', () => extract('The leaders of the two cities, including Mr. Tran Van Binh - Chairman of Hue City People\'s Committee, signed the agreement in Vientiane.'), [holds('Tran Van Binh', 'Hue City People\'s Committee', 'Chairman')]],
    ['reads "<Town>, <City> (Mayor X)" as the town\'s mayor', () => extract('Suseong-gu, Daegu (Mayor Kim Dae-kwon) signed a friendship agreement with Bayanzurkh district, Ulaanbaatar, Mongolia (Mayor D. Batbold) on the 12th.'), [holds('Kim Dae-kwon', 'Suseong-gu', 'Mayor'), holds('D. Batbold', 'Bayanzurkh', 'Mayor'), holds('D. Batbold', 'Suseong-gu', undefined)]],
    ['reads "the delegation from <body> (<country>) led by its <title> X" as the body\'s', () => extract('In the reception for the delegation from Suwon City Council (South Korea) led by its chairman Lee Jae-sik, the vice chairman spoke of trade.'), [holds('Lee Jae-sik', 'Suwon City Council', 'Chairman')]],
    ['reads a plural title "for" a cause as a body', () => extract('Mayor Ito of Kobe, President of Mayors for Climate Action, spoke in Oslo.'), [hasNames('Organization', ['Mayors for Climate Action'])]],
    ['reads "Mayor of <Ward> City, <City>"', () => extract('The prince met Mr Sato Ken, Mayor of Nerimo City, Tokyo today.'), [holds('Sato Ken', 'Nerimo', 'Mayor')]],
  ]);
});

describe('titles placed by the text around them, more', () => {
  table([
    ['places a former mayor where the current one is', () => extract('The delegation met with City of Dayton Mayor Ann Lee, former Mayor Tom Reed and officials of the university.', 'Delegation from Accra visits Dayton'), [holds('Ann Lee', 'Dayton', 'Mayor'), holds('Tom Reed', 'Dayton', 'Mayor')]],
    ['does not send a host to the town a relative clause sends others to', () => extract('Mayor Ann Lee met with members of the Osh City Council, who are visiting Boulder this week, to sign a new agreement.', 'Boulder renews its friendship with Osh'), [holds('Ann Lee', 'Boulder', 'Mayor'), holds('Ann Lee', 'Osh', undefined)]],
    ['reads a dateline closed by a colon as the home town', () => extract('Pune: To strengthen the ties between Pune and Okayama (Japan), a video meeting of the mayors will be held. City Mayor Asha Kale met Okayama city representatives on Tuesday.', 'Pune, Okayama mayors to meet'), [holds('Asha Kale', 'Pune', 'Mayor'), holds('Asha Kale', 'Okayama', undefined)]],
  ]);
});

describe('chains of titles', () => {
  table([
    ['reads "X - Member of the Politburo, Chairman of Y": the first complement is no person', () => extract('The signing was witnessed by Mr. Le Van Hoa - Member of the Politburo, Chairman of the National Assembly of Vietnam.'), [
      holds('Le Van Hoa', 'National Assembly of Vietnam', 'Chairman'),
      (g) => expect(names(g, 'Person')).not.toContain('Politburo'),
    ]],
    ['reads "X, former deputy Prime Minister of <country> and President of Y"', () => extract('The ceremony was witnessed by Arun Chai, former deputy Prime Minister of Thailand and President of the Siam Friendship Foundation.'), [holds('Arun Chai', 'Siam Friendship Foundation', 'President')]],
    ['reads "Mayor X of <Town>, President of Y," as both', () => extract('On Monday, Mayor Ito of Kobe, President of the Harbour Cities League, visited the embassy.'), [holds('Ito', 'Kobe', 'Mayor'), holds('Ito', 'Harbour Cities League', 'President')]],
  ]);
});

describe('lists of titles each set before its name', () => {
  table([
    ['gives "the chairperson of Y" between two names to the name after it', () => extract('The mayor was accompanied by deputy mayor, Cllr Sean Kelly, district manager, Mary Doyle, the chairperson of the Tuam Town Twinning Committee, Ann Burke, and a delegation.'), [
      holds('Ann Burke', 'Tuam Town Twinning Committee', 'Chairperson'),
      holds('Mary Doyle', 'Tuam Town Twinning Committee', undefined),
    ]],
  ]);
});

describe('envoys and delegation leaders, more', () => {
  table([
    ['reads "Consul General to <city> X" with the name in the same phrase as the seat', () => extract('Philippine Consul General to Xiamen Maria Luisa R. Cruz paid a courtesy call on the city\'s vice mayor.'), [hasNames('Person', ['Maria Luisa R. Cruz']), holds('Maria Luisa R. Cruz', 'Xiamen', 'Consul General')]],
    ['reads "Ambassador X at the <country> Embassy in <city>" as the embassy\'s', () => extract('On Monday the mayors of Kobe and Osaka visited Ambassador Ruth Lane at the British Embassy in Tokyo.'), [holds('Ruth Lane', 'British Embassy in Tokyo', 'Ambassador')]],
    ['reads "a delegation from <district>, <city>, headed by X, District Deputy Governor," as the district\'s', () => extract('A delegation from Minhang District, Shanghai, headed by Ms. Wu Fang, District Deputy Governor, came to discuss cooperation with Ashdod.'), [holds('Wu Fang', 'Minhang District', 'Deputy Governor')]],
  ]);
});

describe('honorary posts', () => {
  table([
    ['reads "As the Honorary Chairwoman for Y, First Lady X" as the honorary post at Y', () => extract('As the Honorary Chairwoman for the Global Towns Network, First Lady Ana Reyes planted a tree in Quito.'), [
      holds('Ana Reyes', 'Global Towns Network', 'Honorary Chairwoman'),
      (g) => expect(names(g, 'Company')).toEqual([]),
    ]],
  ]);
});

describe('titles set beside a name, and counterparts', () => {
  table([
    ['reads "<Town> Mayor, X" as the town\'s mayor', () => extract('Lindau Mayor, Tserenbat Oyunbileg, welcomed the delegation from Dalby on Monday.', 'Dalby delegation visits Lindau'), [holds('Tserenbat Oyunbileg', 'Lindau', 'Mayor')]],
    ['reads "the Mayor, X" as a bare title placed by the article', () => extract('The delegation from Dalby arrived in Lindau on Monday. At the reception the Mayor, Hana Sato, spoke of the long friendship.', 'Dalby delegation visits Lindau'), [holds('Hana Sato', 'Lindau', 'Mayor')]],
    ['leaves the town\'s post to the bare mayor when the one named with the town is a former holder', () => extract('BOULDER — Former Mayor Tom Reed of Boulder signed the first agreement in 1990. Mayor Ann Lee said on Monday that the ties had never been stronger.', 'Boulder marks 35 years with Kobe'), [holds('Tom Reed', 'Boulder', 'Mayor'), holds('Ann Lee', 'Boulder', 'Mayor')]],
    ['gives a counterpart the title of the official named before, in the town named with the word', () => extract('Mayor Ann Lee of Boulder met her Kobe counterpart, Kenji Sato, at city hall on Monday.', 'Boulder and Kobe mayors meet'), [holds('Ann Lee', 'Boulder', 'Mayor'), holds('Kenji Sato', 'Kobe', 'Mayor')]],
    ['holds an officer\'s bare title at the one twinning body the article names', () => extract('The Dalby Twinning Association hosted ten guests from Lindau this week. Chairwoman Ann Lee said the host families had enjoyed every day of the visit.', 'Lindau guests in Dalby'), [holds('Ann Lee', 'Dalby Twinning Association', 'Chairwoman')]],
    ['holds an officer\'s bare title at a friendship body whatever its public body\'s head, as its label is read', () => extract('The Dalby Sister Cities Corporation hosted ten guests from Lindau this week. Chairwoman Ann Lee said the host families had enjoyed every day of the visit.', 'Lindau guests in Dalby'), [holds('Ann Lee', 'Dalby Sister Cities Corporation', 'Chairwoman')]],
    ['does not give "the Mayor of Y" to the next name when it has a post of its own', () => extract('At the invitation of the Mayor of Espoo, Ambassador Chen Wei attended the autumn festival on Monday.', 'Ambassador attends Espoo festival'), [holds('Chen Wei', 'Espoo', undefined)]],
  ]);
});

describe('towns named in words and notes after a name', () => {
  table([
    ['reads "the Mayor of Y city, X" with the town\'s common noun after its name', () => extract('The mayor of Wuhan city, Yong Wan, welcomed the delegation from Entebbe on Monday.', 'Entebbe delegation in Wuhan'), [holds('Yong Wan', 'Wuhan', 'Mayor')]],
    ['reads "X (note), the Head of Y" with a note in brackets after the name', () => extract('Feng Kwang-chung (馮光中), the Head of the Taipei Economic and Cultural Office in Sao Paulo, visited Holambra on Monday.', 'Taiwan office head visits Holambra'), [holds('Feng Kwang-chung', 'Taipei Economic and Cultural Office in Sao Paulo', 'Head')]],
  ]);
});
