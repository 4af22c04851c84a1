// Delegation visits told without a "from" phrase, their members and leaders, and the roles people take
// at the happenings of a visit. Sentences written for these tests in the genre's style (no article text copied).
import { beforeAll, describe, expect } from 'vitest';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { events, extractText, locatedIn, roles, table } from '../support/extraction.ts';

beforeAll(() => void gazetteerStats(), 120_000);

const extract = (title: string, body: string, date = '2023-05-10') => extractText(title, body, date);
const visits = (g: GraphDocument) => events(g).filter((e) => e.properties.kind === 'visit');

describe('delegation visits without a "from" phrase', () => {
  table([
    ['reads a numbered delegation that will travel from the dateline city, with its leader and members', () => extract('Council delegation to visit Yokohama', 'LEEDS — A 13-member delegation will travel to Yokohama next month to mark 20 years of the partnership. The delegation will be led by Leeds Mayor Ann Hart and will include Councillor Bob Stone.'), [
      (g) => {
        const [v] = visits(g);
        expect(v?.name).toBe('Leeds delegation visit to Yokohama');
        expect(locatedIn(g, v?.id)).toBe('Yokohama');
        expect(roles(g, 'Ann Hart', v?.id)).toEqual(['visitor']);
        expect(roles(g, 'Bob Stone', v?.id)).toEqual(['visitor']);
      },
    ]],
    ['takes the origin from "X\'s twin town of Y" and "Y, X\'s twin city"', () => extract('Taunton group in Lisieux', 'A seven-strong delegation visited Taunton’s twin town of Lisieux last week. The group included Mayor Carl Brown and Councillor Jane Fox.'), [
      (g) => {
        const [v] = visits(g);
        expect(v?.name).toBe('Taunton delegation visit to Lisieux');
        expect(roles(g, 'Carl Brown', v?.id)).toEqual(['visitor']);
        expect(roles(g, 'Jane Fox', v?.id)).toEqual(['visitor']);
        const h = extract('Pupils in Bristol', 'A delegation of 18 students is visiting Bristol, Hanover’s twin city, this week.');
        expect(visits(h)[0]?.name).toBe('Hanover delegation visit to Bristol');
      },
    ]],
    ['finds the origin among the members\' words and keeps two visits to two cities apart', () => extract('Exchange students on the move', 'A delegation of six Edmonds students and one teacher are traveling to Hekinan from July 29. On Aug. 19, Japanese students will travel to Edmonds.'), [
      (g) => {
        const names = visits(g).map((v) => v.name).sort();
        expect(names).toEqual(['Edmonds delegation visit to Hekinan', 'Japanese delegation visit to Edmonds']);
        const back = visits(g).find((v) => v.name.startsWith('Japanese'));
        expect(locatedIn(g, back?.id)).toBe('Edmonds');
      },
    ]],
    ['reads "the city of X\'s first-ever delegation to Y" and "A will arrive Thursday in Y"', () => extract('Group heads to Japan', 'The city of Delaware’s first-ever delegation to Sakata will leave on Thursday. The delegation will include Mayor Ruth Kline and City Manager Tom Hale.'), [
      (g) => {
        const [v] = visits(g);
        expect(v?.name).toBe('Delaware delegation visit to Sakata');
        expect(roles(g, 'Ruth Kline', v?.id)).toEqual(['visitor']);
        expect(roles(g, 'Tom Hale', v?.id)).toEqual(['visitor']);
        const h = extract('Students due', 'A delegation of students and teachers from Mutsu will arrive Thursday in Port Angeles.');
        expect(visits(h)[0]?.name).toBe('Mutsu delegation visit to Port Angeles');
      },
    ]],
    ['reads a welcome for "a delegation from the Japanese city of X"', () => extract('Guests from Japan', 'Invercargill city councillors last week welcomed a delegation from the Japanese city of Kumagaya.', '2025-02-13'), [
      (g) => {
        const [v] = visits(g);
        expect(v?.name).toBe('Kumagaya delegation visit to Invercargill');
        expect(locatedIn(g, v?.id)).toBe('Invercargill');
      },
    ]],
    ['does not take the body a member works for as a member, nor a host thanked by the group as a visitor', () => extract('Delegation to Sakata', 'The city of Delaware’s first-ever delegation to Sakata will leave on Thursday. The delegation will include Mayor Ruth Kline and Delaware City Schools teacher Joan Mays. The group thanked Sakata’s Mayor Ken Abe for his hospitality.'), [
      (g) => {
        const [v] = visits(g);
        expect(roles(g, 'Joan Mays', v?.id)).toEqual(['visitor']);
        expect(roles(g, 'Delaware City Schools', v?.id)).toEqual([]);
        expect(roles(g, 'Ken Abe', v?.id)).not.toContain('visitor');
      },
    ]],
  ]);
});

describe('speakers and presenters at the happenings of a visit', () => {
  table([
    ['reads "speeches by A and B" and stops a "hosted by" list at the verb', () => extract('Taunton group visits Lisieux', 'A seven-strong delegation visited Taunton’s twin town of Lisieux last week. The group included Mayor Carl Brown and Councillor Jane Fox. A civic reception hosted by Lisieux Mayor Paul Martin was held at the town hall, with speeches by Mayor Martin and Mayor Brown.'), [
      (g) => {
        const reception = events(g).find((e) => e.properties.kind === 'reception');
        expect(roles(g, 'Paul Martin', reception?.id).sort()).toEqual(['host', 'speaker']);
        expect(roles(g, 'Carl Brown', reception?.id)).toEqual(['speaker']);
        expect(locatedIn(g, reception?.id)).toBe('Lisieux');
      },
    ]],
    ['reads words of welcome, greetings from, a message read, a toast and a presentation of information', () => extract('Reception marks the anniversary', 'The Perth-Kagoshima 40th anniversary reception was held at the Town Hall in Perth. Consul General Ken Mori began with a few words of welcome, followed by greetings from Perth Mayor Anna Webb. Director Emi Sato read a message from the Kagoshima mayor. Association President Ian Cole presented information on the history of the relationship. Councillor Ray Dunn began the festivities with a toast.'), [
      (g) => {
        const [r] = events(g);
        expect(roles(g, 'Ken Mori', r?.id)).toContain('speaker');
        expect(roles(g, 'Anna Webb', r?.id)).toContain('speaker');
        expect(roles(g, 'Emi Sato', r?.id)).toContain('speaker');
        expect(roles(g, 'Ian Cole', r?.id)).toContain('presenter');
        expect(roles(g, 'Ray Dunn', r?.id)).toContain('speaker');
      },
    ]],
    ['reads "both mayors gave speeches" and "with A attending and giving short remarks"', () => extract('Anniversary ceremony in Santa Fe', 'On October 2, Hida Mayor Jun Oda and members of the Hida delegation attended the 30th Anniversary Ceremony of the Hida-Santa Fe Sister City Relationship, held in Santa Fe. During the ceremony, Mayor Lee Ward of Santa Fe and Mayor Oda signed a declaration. Both mayors also gave speeches. The Consulate-General was also invited, with Consul Aki Ueda attending and giving short remarks.'), [
      (g) => {
        const c = events(g).find((e) => e.properties.kind === 'ceremony' || /Ceremony/.test(e.name));
        expect(roles(g, 'Jun Oda', c?.id)).toContain('speaker');
        expect(roles(g, 'Lee Ward', c?.id)).toContain('speaker');
        expect(roles(g, 'Aki Ueda', c?.id)).toContain('speaker');
      },
    ]],
    ['does not take a prize handed over for a presentation', () => extract('Award for volunteer', 'The anniversary reception was held at City Hall in Perth. Consul General Ken Mori presented the award to volunteer Jo Lane.'), [
      (g) => {
        const [r] = events(g);
        expect(roles(g, 'Ken Mori', r?.id)).not.toContain('presenter');
      },
    ]],
  ]);
});

describe('the happenings of a visit and where they are', () => {
  table([
    ['reads the events a visit\'s programme lists, in the visited city', () => extract('Frome visitors in Murrhardt', 'A delegation of twelve people visited Frome’s twin town of Murrhardt last week. Highlights from the trip included a reception at Murrhardt Town Hall, a boat trip and a community dinner.'), [
      (g) => {
        const reception = events(g).find((e) => e.name === 'reception at Murrhardt Town Hall');
        expect(reception).toBeDefined();
        expect(locatedIn(g, reception?.id)).toBe('Murrhardt');
        const h = extract('Group heading to Japan', 'The city of Delaware’s first-ever delegation to Sakata will leave on Thursday. The trip will include visits to schools and a signing ceremony for the partnership.');
        const signing = events(h).find((e) => e.properties.kind === 'signing');
        expect(signing?.name).toBe('signing ceremony');
        expect(locatedIn(h, signing?.id)).toBe('Sakata');
      },
    ]],
    ['places a reception a host gives during a visit in the visited city, not in the city named first', () => extract('Pupils in Bristol', 'A delegation of 18 students from Hanover is visiting Bristol this week. Mayor Jo Reed hosted a reception for the group at City Hall.'), [
      (g) => {
        const reception = events(g).find((e) => e.properties.kind === 'reception');
        expect(locatedIn(g, reception?.id)).toBe('Bristol');
        expect(roles(g, 'Jo Reed', reception?.id)).toEqual(['host']);
      },
    ]],
    ['reads a headline "Ceremony for the 25th Anniversary of X" as one event with the body\'s', () => extract('Commemoration Ceremony for the 30th Anniversary of the Hida-Santa Fe Sister City Relationship', 'On October 2, Hida Mayor Jun Oda and members of the Hida delegation attended the 30th Anniversary Commemoration Ceremony of the Hida-Santa Fe Sister City Relationship, held in Santa Fe.'), [
      (g) => {
        const names = events(g).filter((e) => e.properties.kind !== 'visit').map((e) => e.name);
        expect(names).toEqual(['Commemoration Ceremony for the 30th Anniversary of the Hida-Santa Fe Sister City Relationship']);
      },
    ]],
  ]);
});

describe('roles told with a passive noun, a relative clause or the name of a visit', () => {
  table([
    ['reads "Speeches were given by A" and "B, who also presented a video"', () => extract('Friendship day', 'The Kobe-Seattle Friendship Day was held on Saturday in Seattle. Speeches were given by Mayor Ed Marr. The celebration was attended by Consul General Ken Abe, who also presented a video.'), [
      (g) => {
        const [d] = events(g);
        expect(roles(g, 'Ed Marr', d?.id)).toEqual(['speaker']);
        expect(roles(g, 'Ken Abe', d?.id).sort()).toEqual(['attendee', 'presenter']);
      },
    ]],
    ['takes the body a visit is named after as its visitor', () => extract('Students due in Port Angeles', 'A delegation of students and teachers from Mutsu will arrive Thursday in Port Angeles. The visit marks 21 years of exchanges, according to the organizer of the upcoming Tanabu High School visit.'), [
      (g) => {
        const [v] = visits(g);
        expect(roles(g, 'Tanabu High School', v?.id)).toEqual(['visitor']);
      },
    ]],
    ['refers "the ceremony" and "the event" to the one told before', () => extract('Tree planted for friendship', 'A delegation from Tsubame is visiting Sheboygan this week. As part of the visit, a tree-planting ceremony was held yesterday at Peace Park. The ceremony was attended by Mayor Ryan Sol. At the ceremony, Mayor Sol gave a speech. The event ended with a song.'), [
      (g) => {
        const nonVisit = events(g).filter((e) => e.properties.kind !== 'visit');
        expect(nonVisit.map((e) => e.name)).toEqual(['tree-planting ceremony']);
        // the mayor of the visited town hosts the visit (mayor-of-visited-city-hosts), and the ceremony is part of it
        expect(roles(g, 'Ryan Sol', nonVisit[0]?.id).sort()).toEqual(['attendee', 'host', 'speaker']);
      },
    ]],
  ]);
});

describe('visits of one official, told by the hosts', () => {
  table([
    ['reads "a reception in honour of the visiting Mayor of X, A" as A\'s visit and names the reception by its purpose', () => extract('Town twinned with Georgetown', 'The Georgetown Mayor and City Councillors yesterday hosted a reception in honour of the visiting Mayor of Stonecrest, Georgia, Jason Larry.', '2018-08-18'), [
      (g) => {
        const [v] = visits(g);
        expect(v?.name).toBe('Jason Larry visit to Georgetown');
        expect(roles(g, 'Jason Larry', v?.id)).toEqual(['visitor']);
        const reception = events(g).find((e) => e.properties.kind === 'reception');
        expect(reception?.name).toMatch(/reception in honour of the visiting Mayor of Stonecrest$/);
        expect(locatedIn(g, reception?.id)).toBe('Georgetown');
      },
    ]],
    ['reads "A welcomed B and his delegation to Y" and stops an "attended by" list at the next verb', () => extract('Guests from Lishui', 'Earlier, Mayor Surendra Furtado, during a special programme attended by the councillors, welcomed Mayor Zhu Chen of Lishui and his delegation to Panaji.'), [
      (g) => {
        const [v] = visits(g);
        expect(roles(g, 'Zhu Chen', v?.id)).toEqual(['visitor']);
        expect(roles(g, 'Surendra Furtado', v?.id)).toEqual(['host']);
        expect(locatedIn(g, v?.id)).toBe('Panaji');
      },
    ]],
    ['reads "Mayor A of X, along with other X officials, arrive in Y" and keeps the signers at the signing', () => extract('Fort Worth and Guiyang to sign', 'The agreements will be signed by Mayor Betsy Price and Mayor Li Zaiyong of Guiyang, China, along with seven other Guiyang officials, arrive in Fort Worth on Sunday. The official signing ceremony will be held Monday at City Hall in Fort Worth.', '2011-10-11'), [
      (g) => {
        const [v] = visits(g);
        expect(roles(g, 'Li Zaiyong', v?.id)).toEqual(['visitor']);
        // signing is no part in the visit; being the mayor of the visited city is (mayor-of-visited-city-hosts)
        expect(roles(g, 'Betsy Price', v?.id)).toEqual(['host']);
        const signing = events(g).find((e) => e.properties.kind === 'signing');
        expect(roles(g, 'Betsy Price', signing?.id)).toEqual(['attendee']);
      },
    ]],
    ['reads "the visit ended in a reception at the Guildhall" as that reception', () => extract('Twinning anniversary', 'A group of visitors from the German town of Kleve visited Worcester last week. The visit ended in a reception at the Guildhall.'), [
      (g) => {
        const reception = events(g).find((e) => e.properties.kind === 'reception');
        expect(reception?.name).toMatch(/^reception at (?:the )?Guildhall$/);
        expect(locatedIn(g, reception?.id)).toBe('Worcester');
      },
    ]],
  ]);
});

describe('happenings told as a subject or by a passive welcome', () => {
  table([
    ['reads "welcomed by A and other officials at an informal greeting at the X Club", with A its host', () => extract('Delegation from Anjo arrives', 'Ten delegates arrived Monday from Anjo, Japan. They were formally welcomed by Edmonds Mayor Mike Nelson and other city officials at an informal greeting at the Harbor Square Club.'), [
      (g) => {
        const greeting = events(g).find((e) => /greeting/.test(e.name));
        expect(greeting?.name).toBe('informal greeting at the Harbor Square Club');
        expect(roles(g, 'Mike Nelson', greeting?.id)).toEqual(['host']);
      },
    ]],
    ['reads "The anniversary celebration was in a friendly atmosphere" as an event, and "A delivered a lecture" as a speech', () => extract('A day in Freiburg', 'The anniversary celebration was in a friendly atmosphere from start to finish. Mr. Ken Oda, the mayor of Matsuyama, delivered a lecture about the city.'), [
      (g) => {
        const c = events(g).find((e) => e.name === 'anniversary celebration');
        expect(c).toBeDefined();
        expect(roles(g, 'Ken Oda', c?.id)).toEqual(['speaker']);
        // a bare "The meeting was …" is not told apart
        expect(events(extract('Talks', 'The meeting was in a friendly atmosphere.'))).toEqual([]);
      },
    ]],
  ]);
});
