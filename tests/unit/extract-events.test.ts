// Events and who took part in them: signings, quoted happenings "held", visits with a group subject.
// Sentences written for these tests in the style of foreign-affairs news (no article text is copied here).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../api/extract/index.ts';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { events, extractText, locatedIn, named, roles, table, visitOf } from '../support/extraction.ts';

// the gazetteer loads once, on first use; a busy machine may need more than a test's default time
beforeAll(() => void gazetteerStats(), 120_000);

const extract = (title: string, body: string, date = '2023-05-10') => extractText(title, body, date);

describe('signings', () => {
  table([
    ['reads "the signing of a memorandum" as an event whose signers attend it', () => extract('Nantes gains a new sister city', 'NANTES: Nantes welcomed Kobe as its newest sister city following the signing of a memorandum of understanding at the city hall here on Monday. Mayor Anne Leroy and Kobe Mayor Kenji Ota signed the memorandum before an audience of students.'), [
      (g) => {
        const signing = events(g).find((e) => e.properties.kind === 'signing');
        expect(signing?.name).toMatch(/signing of a memorandum of understanding/);
        expect(signing?.properties.date).toBe('2023-05-08');
        expect(locatedIn(g, signing!.id)).toBe('Nantes');
        expect(roles(g, 'Kenji Ota', signing!.id)).toContain('attendee');
        expect(roles(g, 'Anne Leroy', signing!.id)).toContain('attendee');
      },
    ]],
    ['names a signing by a mayor after the two cities and places it at the venue', () => extract('Daegu and Cardiff become sister cities', 'Daegu Mayor Park Min-su signed an agreement with his Cardiff counterpart at Cardiff City Hall to link Daegu and Cardiff as sister cities.'), [
      (g) => {
        const signing = events(g).find((e) => e.properties.kind === 'signing');
        expect(signing?.name).toBe('Daegu–Cardiff agreement signing');
        expect(locatedIn(g, signing!.id)).toBe('Cardiff');
        expect(roles(g, 'Park Min-su', signing!.id)).toEqual(['attendee']);
        // signing in the other city is visiting it
        const park = named(g, 'Park Min-su');
        const cardiff = named(g, 'Cardiff');
        expect(g.relationships.some((r) => r.type === 'VISITED' && r.source === park?.id && r.target === cardiff?.id)).toBe(true);
      },
    ]],
    ['reads "the twinning signing between A and B" and "the re-signing by both mayors of the agreement"', () => extract('Twinning weekend in Aachen', 'The weekend began on Saturday with the official twinning signing between Aachen and Reims. A highlight of the weekend was the re-signing by both mayors of the friendship agreement between Aachen and Halifax.'), [
      (g) => {
        const names = events(g).map((e) => e.name);
        expect(names).toContain('official twinning signing between Aachen and Reims');
        expect(names).toContain('re-signing of the friendship agreement between Aachen and Halifax');
      },
    ]],
  ]);
  table([
    ['does not make an event of a signing told as background', () => extract('Nantes looks back', 'Since signing a sister city agreement with Kobe in 1998, Nantes has added partners in Europe and Africa. The agreement between Nantes and Kobe was first signed in 1998.'), [
      (g) => expect(events(g).filter((e) => e.properties.kind === 'signing')).toEqual([]),
    ]],
  ]);
});

describe('happenings held under a quoted name', () => {
  table([
    ['makes the quoted name an event with its organisers', () => extract('Friendship evening in Nantes', 'The gala "Spring of Friends" was held at the Grand Theatre of Nantes on May 3. The activity was organized by the Nantes Foreign Affairs Office and the Nantes Bureau of Culture.'), [
      (g) => {
        const gala = events(g).find((e) => e.name === 'Spring of Friends');
        expect(gala?.properties.date).toBe('2023-05-03');
        expect(roles(g, 'Nantes Foreign Affairs Office', gala!.id)).toContain('organizer');
      },
    ]],
  ]);
});

describe('visits with a group subject', () => {
  table([
    ['reads "a delegation of teachers and students from X are visiting Y"', () => extract('Guests from Kobe', 'For the first time, a delegation of teachers and students from Kobe are visiting Nantes this week.'), [
      (g) => {
        const visit = visitOf(g);
        expect(locatedIn(g, visit.id)).toBe('Nantes');
      },
    ]],
  ]);
  table([
    ['reads "a group of students from X arrived in Y" and "a youth choir from X toured Y" as visits', () => extract('Young guests', 'A group of 20 students from Kobe arrived in Nantes on Monday for a two-week stay. A youth choir from Daegu toured Cardiff in April.'), [
      (g) => expect(events(g).filter((e) => e.properties.kind === 'visit').map((e) => locatedIn(g, e.id)).sort()).toEqual(['Cardiff', 'Nantes']),
    ]],
  ]);

  table([
    ['reads "the visit of an organisation to a city" with the organisation and its chair as visitors', () => extract('Mayor meets friendship league', 'Mayor Kim Dae-ho of Daegu met with Sato Emi, Chairperson of the Kobe Friendship League, at City Hall on Monday. The visit of the Kobe Friendship League to Daegu was arranged to discuss exchanges between the two cities.'), [
      (g) => {
        const visit = visitOf(g);
        expect(locatedIn(g, visit.id)).toBe('Daegu');
        expect(roles(g, 'Kobe Friendship League', visit.id)).toContain('visitor');
      },
    ]],
    ['reads "A and B (title of org) attended <town>" with a date as their visit', () => extract('Mayor speaks in Aachen', 'Mayor Tom Reed and Ann Lowe (President of the Halifax Twinning Association) attended Aachen in Germany on 4th and 5th June.'), [
      (g) => {
        const visit = visitOf(g);
        expect(roles(g, 'Tom Reed', visit.id)).toContain('visitor');
        expect(roles(g, 'Ann Lowe', visit.id)).toContain('visitor');
      },
    ]],
  ]);
});

describe('roles', () => {
  table([
    ['reads remarks as a speech and "speak with" as no speech', () => extract('Welcome dinner for the Kobe delegation', 'A welcome dinner was held at the Grand Hotel in Nantes on Friday for a delegation from Kobe. Consul General Aiko Mori delivered congratulatory remarks at the dinner. Later, Mayor Anne Leroy took the opportunity to speak with the consul about school exchanges.'), [
      (g) => {
        const dinner = events(g).find((e) => /dinner/i.test(e.name));
        expect(dinner).toBeDefined();
        expect(roles(g, 'Aiko Mori', dinner!.id)).toContain('speaker');
        expect(g.relationships.filter((r) => r.type === 'PARTICIPATED_IN' && r.source === named(g, 'Anne Leroy')?.id && r.properties.role === 'speaker')).toEqual([]);
      },
    ]],
    ['reads "witnesses to the ceremony were A" and "the signing by both mayors" as attendance', () => extract('Daegu and Cardiff sign', 'The signing of a friendship agreement between Daegu and Cardiff took place at Cardiff City Hall on Monday. Witnesses to the ceremony were councillor Rhys Evans and Daegu Mayor Kim Dae-ho. Daegu Mayor Kim Dae-ho and Cardiff Mayor Huw Jones shook hands after the signing by both mayors of the friendship agreement.'), [
      (g) => {
        const signing = events(g).find((e) => e.properties.kind === 'signing');
        expect(roles(g, 'Rhys Evans', signing!.id)).toContain('attendee');
        expect(roles(g, 'Huw Jones', signing!.id)).toContain('attendee');
      },
    ]],
    ['makes those who joined the delegation visitors, and who welcomed it a host', () => extract('Kobe delegation visits Nantes', 'A delegation from Kobe visited Nantes on May 2. Teacher Emi Sato and student representative Ken Ueda also joined the delegation. During the meeting, Mayor Anne Leroy of Nantes extended a warm welcome to the Kobe delegation.'), [
      (g) => {
        const visit = events(g).find((e) => e.properties.kind === 'visit');
        expect(roles(g, 'Ken Ueda', visit!.id)).toContain('visitor');
        expect(roles(g, 'Anne Leroy', visit!.id)).toContain('host');
        expect(roles(g, 'Ken Ueda', visit!.id)).not.toContain('attendee');
      },
    ]],
  ]);
});

describe('trips from home', () => {
  table([
    ['reads "A, along with B and C, departed X on a date to … with Y" as their visit to Y', () => extract('Halifax trip a success', 'Mayor Tom Reed, along with deputy mayor Jo Bell and councillors Al Carr and Di Fox, departed Halifax on July 19 to spend a week in Germany to mark 40 years of the twinning with Aachen. Mr Reed said during their stay they re-signed the charter.'), [
      (g) => {
        const visit = visitOf(g);
        expect(locatedIn(g, visit.id)).toBe('Aachen');
        for (const who of ['Tom Reed', 'Jo Bell', 'Di Fox']) expect(roles(g, who, visit.id)).toContain('visitor');
        // the one who reports a signing is not thereby its attendee
        expect(roles(g, 'Tom Reed', visit.id)).not.toContain('attendee');
      },
    ]],
  ]);
  table([
    ['does not make a trip of leaving a place with no destination', () => extract('Mayor back home', 'Mayor Tom Reed left Aachen on Sunday after two days of talks.'), [
      (g) => expect(events(g).filter((e) => e.properties.kind === 'visit')).toEqual([]),
    ]],
  ]);
});

describe('members of a visiting delegation', () => {
  table([
    ['reads a semicolon list of "Name, title of Org" after "the delegation included"', () => extract('Kobe delegation in Nantes', 'A delegation of teachers and officials from Kobe is visiting Nantes this week. The delegation included Emi Sato, head of the Kobe Exchange Section; Ken Ueda, professor at Kobe University; and Jun Ito, vice chairman of Kobe City Council.'), [
      (g) => {
        const visit = events(g).find((e) => e.properties.kind === 'visit');
        for (const who of ['Emi Sato', 'Ken Ueda', 'Jun Ito']) expect(roles(g, who, visit!.id)).toContain('visitor');
      },
    ]],
    ['reads "was a privilege for the Council to host A, B and C" and "A and three delegates were welcomed to Y"', () => extract('Kobe guests in Cardiff', 'Kobe Mayor Kenji Ota and three delegates were welcomed to Cardiff on May 2. Mayor Huw Jones said it was a privilege for Cardiff City Council to host Mayor Kenji Ota, Chairman Jun Ito and councillor Emi Sato.'), [
      (g) => {
        const visit = visitOf(g);
        expect(locatedIn(g, visit.id)).toBe('Cardiff');
        for (const who of ['Kenji Ota', 'Jun Ito']) expect(roles(g, who, visit.id)).toContain('visitor');
        expect(roles(g, 'Cardiff City Council', visit.id)).toContain('host');
      },
    ]],
  ]);
});

describe('a private stop in a twin town', () => {
  table([
    ['reads "took the opportunity for a visit in the sister city Y" and "was received by deputy mayor X"', () => extract('Guest from Halifax in Aachen', 'Councilman Tom Reed, of Halifax, was on a private trip in Europe and took the opportunity for a visit in the German sister city Aachen. The guest was received in the absence of Lord Mayor Hans Kurz by deputy mayor Karl Weber.'), [
      (g) => {
        const visit = visitOf(g);
        expect(locatedIn(g, visit.id)).toBe('Aachen');
        expect(roles(g, 'Tom Reed', visit.id)).toContain('visitor');
        expect(roles(g, 'Karl Weber', visit.id)).toContain('host');
      },
    ]],
  ]);
});

describe('history is not news', () => {
  table([
    ['makes no event of a signing or a departure told with a date years before publication', () => extract('Nantes and Kobe look back', 'Mayor Anne Leroy of Nantes signed an agreement with Kobe in 2015. Mayor Anne Leroy left Nantes in 2012 to work in Lyon for three years.', '2024-03-01'), [
      (g) => expect(events(g)).toEqual([]),
    ]],
  ]);
});

describe('what a signature is', () => {
  table([
    ['gives no part in the event in focus for signing a guest book', () => extract('Friendship festival in Nantes', 'The Nantes Friendship Festival opened on May 2 at the Grand Hotel in Nantes. Kobe Mayor Kenji Ota signed the guest book at the entrance.'), [
      (g) => {
        const ota = named(g, 'Kenji Ota');
        expect(g.relationships.filter((r) => r.type === 'PARTICIPATED_IN' && r.source === ota?.id)).toEqual([]);
      },
    ]],
  ]);
});

describe('more signing and ceremony phrasings', () => {
  table([
    ['names a signing by two mayors after both their cities', () => extract('Chuncheon and Da Lat', 'Chuncheon Mayor Lee Min-ho and Da Lat Mayor Tran Van Binh signed a sister city agreement at a ceremony in Da Lat on Saturday.'), [
      (g) => {
        const signing = events(g).find((e) => e.properties.kind === 'signing');
        expect(signing?.name).toBe('Chuncheon–Da Lat agreement signing');
        expect(locatedIn(g, signing!.id)).toBe('Da Lat');
      },
    ]],
  ]);

  it('reads "the gala took place in Y" as an event when none of its kind is known, and as the known one otherwise', () => {
    const fresh = extract('Gala in Cardiff', 'The friendship gala took place in Cardiff on Friday, with 300 guests.');
    expect(events(fresh).map((e) => e.name)).toEqual(['Cardiff friendship gala']);
    const known = extract(
      'Gala in Cardiff',
      'A friendship gala was held in Cardiff on Friday. The gala took place in the old town hall.',
    );
    expect(events(known).map((e) => e.name)).toEqual(['Cardiff friendship gala']);
  });
});

describe('a headline that tells a signing by its verb', () => {
  it('is the article\'s signing when the body names none, with the signers taking part', () => {
    const g = extract('Mangalore signs MoU with Canada\'s Delta', 'Mayor Rajani Dugganna of Mangalore and Mayor Lois Jackson of Delta met at the city hall on Monday. The two cities will work together on ports and tourism.');
    const signing = events(g).find((e) => e.properties.kind === 'signing');
    expect(signing?.name).toBe('Mangalore signs MoU with Canada\'s Delta');
  });

  it('names the one signing the body tells, so that one event stands for both', () => {
    const g = extract('Macao and Phuket sign friendship city memorandum', 'Officials of Macao and Phuket attended the signing ceremony in Bangkok on Tuesday. The memorandum covers tourism and trade.');
    const signings = events(g).filter((e) => e.properties.kind === 'signing');
    expect(signings).toHaveLength(1);
    expect(signings[0]!.aliases).toContain('Macao and Phuket sign friendship city memorandum');
  });

  it('is no event when the headline only mentions an agreement without a verb of signing', () => {
    const g = extract('Agreement talks go on between Macao and Phuket', 'Officials of Macao and Phuket talked about tourism and trade on Tuesday.');
    expect(events(g).filter((e) => e.properties.kind === 'signing')).toHaveLength(0);
  });
});

describe('who holds a banquet', () => {
  table([
    ['makes the mayor who hosted a banquet its host and places it in the mayor’s city', () => extract('Daegu delegation in Xiamen', 'A delegation from Daegu led by Mayor Kim Dae-ho visited Xiamen on April 10. Xiamen Mayor Huang Wei hosted a welcome banquet for the delegation at the Xiamen International Hotel.'), [
      (g) => {
        const banquet = events(g).find((e) => /banquet/.test(e.name));
        expect(banquet?.name).toBe('Xiamen welcome banquet');
        expect(locatedIn(g, banquet!.id)).toBe('Xiamen');
        expect(roles(g, 'Huang Wei', banquet!.id)).toEqual(['host']);
      },
    ]],
  ]);
});

describe('the council of a signing city', () => {
  table([
    ['hosts the signing told in the sentence that names it', () => extract('Kobe and Nantes', 'The Nantes City Council chambers were full on Monday night for a special meeting in which Nantes and Kobe, Japan, signed a resolution of cooperation as sister cities.'), [
      (g) => {
        const signing = events(g).find((e) => e.properties.kind === 'signing');
        expect(signing?.name).toBe('Nantes–Kobe resolution of cooperation signing');
        expect(roles(g, 'Nantes City Council', signing!.id)).toContain('host');
      },
    ]],
  ]);
});

/** VISITED targets of the actor named `who`. */
function visited(g: GraphDocument, who: string): string[] {
  const a = named(g, who);
  return g.relationships
    .filter((r) => r.type === 'VISITED' && r.source === a?.id)
    .map((r) => g.nodes.find((n) => n.id === r.target)?.name ?? '');
}

describe('visits of delegations', () => {
  table([
    ['reads an organisation’s delegation that "will fly to" a city as its visit', () => extract('Council delegation to mark 30 years with Tottori', 'A Nelson City Council delegation will fly to Tottori on Friday, May 12 to mark the 30th anniversary of the sister city relationship.'), [
      (g) => {
        const visit = events(g).find((e) => e.properties.kind === 'visit');
        expect(visit?.name).toBe('Nelson City Council delegation visit to Tottori');
        expect(visited(g, 'Nelson City Council')).toEqual(['Tottori']);
      },
    ]],
  ]);
  table([
    ['takes a visit dated years before publication for background, not the article’s visit', () => extract('Friendship with Tottori', 'The friendship began after a group from Tottori visited Nelson in 1995 and met local growers.'), [
      (g) => expect(events(g).filter((e) => e.properties.kind === 'visit')).toEqual([]),
    ]],
    ['lets a country name the origin: "a delegation from China’s X county visited its sister city Y"', () => extract('Delegation in Indiana', 'A delegation from China\'s Tongxiang county visited its sister city Greensburg on Tuesday.'), [
      (g) => expect(events(g).map((e) => e.name)).toContain('China delegation visit to Greensburg'),
    ]],
  ]);

  table([
    ['refers "the delegation" to the one named before: "the 5th JNMA delegation … the delegation will visit Y"', () => extract('Vice President Li meets mayors', 'Mr. Li Hua, Vice President of the Chinese People’s Association for Friendship with Foreign Countries, met in Beijing with the 5th Japan Mayors Association delegation led by President Sato Ken on May 3. During its stay, the delegation will visit Chengdu from 4 to 8 May.'), [
      (g) => {
        const visit = events(g).find((e) => e.properties.kind === 'visit');
        expect(visit?.name).toBe('Japan Mayors Association delegation visit to Chengdu');
        expect(visited(g, 'Sato Ken')).toContain('Chengdu');
      },
    ]],
  ]);
});

describe('hosts and organisers of a visit', () => {
  table([
    ['reads "The City of X is hosting a delegation from its sister city, Y" as Y’s visit hosted by X', () => extract('Sister city students in town', 'The City of Rockford is hosting a delegation from its sister city, Takasaki, Japan, the first visit in ten years.'), [
      (g) => {
        const visit = events(g).find((e) => e.properties.kind === 'visit');
        expect(visit?.name).toBe('Takasaki delegation visit to Rockford');
        expect(roles(g, 'Rockford', visit!.id)).toEqual(['host']);
      },
    ]],
    ['makes who "formally welcomed" the delegates their host', () => extract('Ueda delegation arrives in Carlsbad', 'Ten delegates arrived Sunday from Ueda, Japan. The delegation was formally welcomed by Carlsbad Mayor Anna Berg at the Civic Hall.'), [
      (g) => {
        const visit = events(g).find((e) => e.properties.kind === 'visit');
        expect(roles(g, 'Anna Berg', visit!.id)).toEqual(['host']);
      },
    ]],
    ['reads "at the invitation of X", "A and B held banquets for the delegation" and "with the arrangement of X"', () => extract('Mayors from Peru visit Chengdu', 'At the invitation of the Sichuan Provincial Foreign Affairs Office, a delegation from Cusco visited Chengdu from June 2 to 6. During the visit, Mr. Wang Lin and Ms. Zhao Mei held banquets for the delegation. With the assistance and arrangement of the Chengdu Foreign Affairs Office, Mr. Liu Bo held working talks with the delegation on tourism.'), [
      (g) => {
        const visit = events(g).find((e) => e.properties.kind === 'visit')!;
        expect(roles(g, 'Sichuan Provincial Foreign Affairs Office', visit.id)).toEqual(['host']);
        expect(roles(g, 'Wang Lin', visit.id)).toEqual(['host']);
        expect(roles(g, 'Zhao Mei', visit.id)).toEqual(['host']);
        expect(roles(g, 'Liu Bo', visit.id)).toEqual(['host']);
        expect(roles(g, 'Chengdu Foreign Affairs Office', visit.id)).toEqual(['organizer']);
      },
    ]],
  ]);
  table([
    ['sends the visitors to every city of "the delegation will visit A, B and C"', () => extract('Osaka delegation in China', 'A delegation from Osaka led by Mayor Ken Tanaka arrived in Beijing on May 3. The delegation will visit Beijing, Xi’an and Hangzhou from 3 to 9 May.'), [
      (g) => expect(visited(g, 'Ken Tanaka').sort()).toEqual(['Beijing', 'Hangzhou', 'Xi’an']),
    ]],
  ]);
});

describe('happenings during a visit', () => {
  table([
    ['reads "X city hosted the meeting to welcome the Y delegation" as a meeting apart from the visit, hosted by X', () => extract('Weihai delegation visits Gunsan', 'A trade delegation from Weihai visited Gunsan on March 3. Gunsan city hosted the meeting to welcome the Weihai delegation.'), [
      (g) => {
        const meeting = events(g).find((e) => e.properties.kind === 'meeting');
        expect(meeting?.name).toBe('Gunsan meeting to welcome the Weihai delegation');
        expect(roles(g, 'Gunsan', meeting!.id)).toEqual(['host']);
        expect(locatedIn(g, meeting!.id)).toBe('Gunsan');
        expect(events(g).filter((e) => e.properties.kind === 'visit')).toHaveLength(1);
      },
    ]],
    ['reads "will attend a civic ceremony marking the anniversary" as an event its subjects attend', () => extract('Council delegation to Kumamoto', 'A Bendigo City Council delegation will fly to Kumamoto on June 2. The delegation, comprising Mayor Jane Ross and Cr Tom Hill, will attend a civic ceremony marking the 30th anniversary during the visit.'), [
      (g) => {
        const ceremony = events(g).find((e) => e.properties.kind === 'ceremony');
        expect(ceremony?.name).toBe('civic ceremony marking the 30th anniversary');
        expect(roles(g, 'Jane Ross', ceremony!.id)).toEqual(['attendee']);
        expect(locatedIn(g, ceremony!.id)).toBe('Kumamoto');
      },
    ]],
    ['reads "were invited to help celebrate the 50th anniversary of X" as X’s anniversary, held in X', () => extract('Civic party back from Germany', 'Mayor Ann Lee and town clerk Rob Day were invited to help celebrate the 50th anniversary of Lahr.', '2019-06-01'), [
      (g) => {
        const anniversary = events(g).find((e) => e.properties.kind === 'anniversary');
        expect(anniversary?.name).toBe('50th anniversary of Lahr');
        expect(locatedIn(g, anniversary!.id)).toBe('Lahr');
      },
    ]],
    ['reads "a welcome party for the X delegation was held by Y" and "A made speeches while B and C did"', () => extract('Welcome party for the Kochi delegation', 'A welcome party for the Kochi delegation was held on Friday. At 7 pm a welcome party was held by the Fresno Sister Cities Association. Mayor Ann Cole and Mr. Dan Ito made speeches for the hosts while Mayor Ken Oda and Prof. Emi Sato did for the guests.'), [
      (g) => {
        const party = events(g).find((e) => /party/.test(e.name));
        expect(party?.name).toBe('welcome party for the Kochi delegation');
        expect(roles(g, 'Fresno Sister Cities Association', party!.id)).toEqual(['host']);
        for (const who of ['Ann Cole', 'Dan Ito', 'Ken Oda', 'Emi Sato']) expect(roles(g, who, party!.id)).toEqual(['speaker']);
        expect(locatedIn(g, party!.id)).not.toBe('Kochi');
      },
    ]],
  ]);
});

describe('member lists of a delegation', () => {
  table([
    ['reads names no reader types as persons where "the members of the delegation are" lists them', () => extract('Welcoming the Joetsu delegation', 'The City of Salem is hosting a delegation from its sister city, Joetsu, Japan. The members of the delegation are Haruka Mori, Daiki B Kondo, and Ren Takeda III.'), [
      (g) => {
        const visit = events(g).find((e) => e.properties.kind === 'visit')!;
        for (const who of ['Haruka Mori', 'Daiki B Kondo', 'Ren Takeda III']) {
          expect(named(g, who)?.label).toBe('Person');
          expect(roles(g, who, visit.id)).toEqual(['visitor']);
          expect(visited(g, who)).toEqual(['Salem']);
        }
      },
    ]],
  ]);
});

describe('meetings', () => {
  table([
    ['makes the headline "A meets with B" a meeting that the body’s "met (in Y) with" places and attends', () => extract('Vice President Zhou Ping Meets with Osaka Mayors Association Delegation', 'Ms. Zhou Ping, Vice President of the Chinese People’s Association for Friendship with Foreign Countries, met in Beijing with the 9th Osaka Mayors Association (OMA) delegation led by President Ito Jun on May 5.'), [
      (g) => {
        const meeting = events(g).find((e) => e.properties.kind === 'meeting');
        expect(meeting?.name).toBe('Vice President Zhou Ping Meets with Osaka Mayors Association Delegation');
        expect(locatedIn(g, meeting!.id)).toBe('Beijing');
        expect(roles(g, 'Zhou Ping', meeting!.id)).toEqual(['attendee']);
        expect(roles(g, 'Ito Jun', meeting!.id)).toEqual(['attendee']);
        const met = g.relationships.filter((r) => r.type === 'MET_WITH').map((r) => [r.source, r.target].map((id) => g.nodes.find((n) => n.id === id)?.name).sort().join(' & '));
        expect(met).toContain('Ito Jun & Zhou Ping');
      },
    ]],
    ['places the headline meeting in the city of the host who "met with" the guest', () => extract('Mayor Choi meets with Kobe assembly members', 'Mayor Choi Min-ho of Daegu met with Tanaka Yumi, Chairperson of the Kobe Friendship Assembly Federation, at City Hall on Monday.'), [
      (g) => {
        const meeting = events(g).find((e) => e.properties.kind === 'meeting');
        expect(locatedIn(g, meeting!.id)).toBe('Daegu');
        expect(roles(g, 'Tanaka Yumi', meeting!.id)).toEqual(['attendee']);
      },
    ]],
  ]);
});

describe('visits told indirectly', () => {
  table([
    ['reads "X and Y sign \'Sister City Agreement\'" and "the X delegation, led by A, signed … with Y" at a venue in Y as A’s visit', () => extract("Suwon and Dalian Sign 'Sister City Agreement'", 'Suwon announced that it signed a sister city agreement with Dalian at Dalian City Hall on the 3rd. The Suwon delegation, led by Deputy Mayor Lee Jun-ho, signed the agreement with Dalian and agreed to cooperate in tourism.', '2024-05-05'), [
      (g) => {
        const signing = events(g).find((e) => e.properties.kind === 'signing');
        expect(signing?.name).toBe('Suwon–Dalian Sister City Agreement signing');
        expect(roles(g, 'Lee Jun-ho', signing!.id)).toEqual(['attendee']);
        expect(visited(g, 'Lee Jun-ho')).toEqual(['Dalian']);
      },
    ]],
    ['reads "the first twinning visit to Y since 2009" as the visit of the civic party the article is about', () => extract('Swindon civic party returns from twinning visit to France', 'Swindon’s civic party has returned from a twinning visit to France. Mayor Jo Reed and deputy mayor Sam Holt were welcomed warmly. "It was a valuable experience," Mayor Reed told Swindon Town Council. It was the first twinning visit to Dinan since the reorganisation of the councils in 2009.', '2019-06-01'), [
      (g) => {
        const visit = events(g).find((e) => e.properties.kind === 'visit');
        expect(visit?.name).toBe('Swindon delegation visit to Dinan');
        expect(visited(g, 'Jo Reed')).toEqual(['Dinan']);
        // a report of the party's return is written at home: the mayor is Swindon's
        const mayor = g.relationships.find((r) => r.type === 'HOLDS_POSITION' && r.source === named(g, 'Jo Reed')?.id);
        expect(g.nodes.find((n) => n.id === mayor?.target)?.name).toBe('Swindon');
      },
    ]],
  ]);
});

describe('guests, receptions and the visiting official', () => {
  table([
    ['reads "a party of officials from X visited Y", "Mayor Z welcomed the visitors at a civic reception" and "the visiting mayor of X met with W"', () => extract('Mayor of Kofu visits Ballarat for the begonia festival', 'Kofu Mayor Ken Abe and a party of five officials from Kofu visited Ballarat on Friday to take part in the Ballarat Begonia Festival. Ballarat Mayor Des Hudson welcomed the visitors at a civic reception on Friday evening. The visiting mayor of Kofu also met with Mr. Tom Burke, chairman of the Ballarat Sister Cities Committee.'), [
      (g) => {
        const visit = events(g).find((e) => e.properties.kind === 'visit');
        expect(visit?.name).toBe('Kofu delegation visit to Ballarat');
        expect(events(g).map((e) => e.name)).not.toContain('Mayor of Kofu visits Ballarat for the begonia festival');
        expect(roles(g, 'Ken Abe', visit!.id)).toEqual(['visitor']);
        expect(roles(g, 'Des Hudson', visit!.id)).toEqual(['host']);
        const reception = events(g).find((e) => e.properties.kind === 'reception');
        expect(reception?.name).toBe('civic reception');
        expect(roles(g, 'Des Hudson', reception!.id)).toEqual(['host']);
        const met = g.relationships.filter((r) => r.type === 'MET_WITH').map((r) => [r.source, r.target].map((id) => g.nodes.find((n) => n.id === id)?.name).sort().join(' & '));
        expect(met).toContain('Ken Abe & Tom Burke');
      },
    ]],
    ['makes visitors invited to help celebrate an anniversary in the visited city its attendees', () => extract('Swindon civic party returns from twinning visit to France', 'Swindon’s civic party has returned from a twinning visit to France. Mayor Jo Reed and deputy mayor Sam Holt were invited to help celebrate the 50th anniversary of Dinan. "It was a valuable experience," Mayor Reed told Swindon Town Council. It was the first twinning visit to Dinan since 2009.', '2019-06-01'), [
      (g) => {
        const anniversary = events(g).find((e) => e.properties.kind === 'anniversary')!;
        expect(roles(g, 'Jo Reed', anniversary.id)).toEqual(['attendee']);
        expect(roles(g, 'Sam Holt', anniversary.id)).toEqual(['attendee']);
      },
    ]],
    ['gives the officials of a delegation that "X received" a meeting with X, not every member', () => extract('Students from Nara visit Canberra', 'A delegation from Nara led by Deputy Mayor Aki Mori visited Canberra on May 2. The members of the delegation are Aki Mori, Yui Sato and Ren Ito. Chief Minister Andrew Barr received the delegation at the Legislative Assembly.'), [
      (g) => {
        const met = g.relationships.filter((r) => r.type === 'MET_WITH').map((r) => [r.source, r.target].map((id) => g.nodes.find((n) => n.id === id)?.name).sort().join(' & '));
        expect(met).toEqual(['Aki Mori & Andrew Barr']);
      },
    ]],
  ]);
});

describe('visits in foreign-affairs and twinning reports', () => {
  table([
    ['reads "A met with a delegation from X led by B at the <venue of Y>" as X’s visit to Y, A meeting B', () => extract('Vice Mayor Liu Yang meets Busan delegation', 'On the morning of April 9, Vice Mayor Liu Yang met with a delegation from Busan led by Deputy Mayor Kim Tae-ho at the Shenzhen Civic Center. Officials from the Shenzhen Foreign Affairs Office attended the meeting.'), [
      (g) => {
        const visit = events(g).find((e) => e.properties.kind === 'visit');
        expect(visit?.name).toBe('Busan delegation visit to Shenzhen');
        expect(roles(g, 'Kim Tae-ho', visit!.id)).toEqual(['visitor']);
        // the headline's meeting is the body's visit: one happening, one event (frames/build.ts)
        expect(events(g).map((e) => e.properties.kind)).toEqual(['visit']);
        expect(roles(g, 'Shenzhen Foreign Affairs Office', visit!.id)).toEqual(['attendee']);
        const met = g.relationships.filter((r) => r.type === 'MET_WITH').map((r) => [r.source, r.target].map((id) => g.nodes.find((n) => n.id === id)?.name).sort().join(' & '));
        expect(met).toEqual(['Kim Tae-ho & Liu Yang']);
      },
    ]],
    ['reads "members of the X Association travelled to Y" as the association’s visit, "hosted by Z" its host', () => extract('Twinners enjoy weekend in Rouen', 'Members of the Norwich Twinning Association travelled to Rouen last weekend for the annual exchange. The group was hosted by the Rouen Twinning Committee.'), [
      (g) => {
        const visit = events(g).find((e) => e.properties.kind === 'visit');
        expect(visit?.name).toBe('Norwich Twinning Association delegation visit to Rouen');
        expect(roles(g, 'Rouen Twinning Committee', visit!.id)).toEqual(['host']);
      },
    ]],
    ['reads "a delegation of 15 junior high school students from X will visit Y" and "Mayor Z will host a welcome ceremony"', () => extract('Kurashiki students to visit Kansas City', 'A delegation of 15 junior high school students from Kurashiki will visit Kansas City from July 20 to 28. Kansas City Mayor Quinton Lucas will host a welcome ceremony for the students at City Hall on July 22.', '2024-06-30'), [
      (g) => {
        expect(events(g).map((e) => e.name)).toContain('Kurashiki delegation visit to Kansas City');
        const ceremony = events(g).find((e) => e.properties.kind === 'ceremony');
        expect(roles(g, 'Quinton Lucas', ceremony!.id)).toEqual(['host']);
      },
    ]],
  ]);
});

describe('visits told as background', () => {
  table([
    ['places the article where a past visit went, though the visit is no event', () => extract('Council backs sister city budget', 'Toowoomba Regional Council voted on Tuesday to keep funding its sister city program with Takatsuki. Mayor Paul Antonio said the relationship had brought students from both cities together. A group from Takatsuki visited Toowoomba in 2019 for the Carnival of Flowers. Takatsuki has sent students every year since then.', '2024-02-10'), [
      (g) => {
        expect(events(g).filter((e) => e.properties.kind === 'visit')).toEqual([]);
        const mayor = g.relationships.find((r) => r.type === 'HOLDS_POSITION' && r.source === named(g, 'Paul Antonio')?.id);
        expect(g.nodes.find((n) => n.id === mayor?.target)?.name).toBe('Toowoomba');
      },
    ]],
  ]);
});

describe('what a delegation attends and what an organisation organises', () => {
  table([
    ['makes the visit’s people attendees of what "the delegation also attended"', () => extract('Signing ceremony marks new friendship ties', 'Lyon Mayor Anne Roux led a 10-member delegation to Wuhan from May 2 to 5. During the visit, the delegation also attended the Wuhan Yangtze River Forum.'), [
      (g) => {
        const forum = events(g).find((e) => e.properties.kind === 'forum');
        expect(roles(g, 'Anne Roux', forum!.id)).toEqual(['attendee']);
      },
    ]],
    ['does not give the event in focus to who organised a named programme', () => extract('Students at the summer festival', 'The students will take part in the Kobe Harbour Festival on August 10. They are in Kobe as part of the Kobe-Seattle Youth Exchange Program organized by the Kobe International Association.'), [
      (g) => {
        const festival = events(g).find((e) => e.properties.kind === 'festival');
        expect(roles(g, 'Kobe International Association', festival!.id)).toEqual([]);
      },
    ]],
  ]);
});

describe('student exchanges', () => {
  table([
    ['reads "students from our sister city, X, paid a courtesy call on the mayor at Y City Hall" as X’s visit to Y', () => extract('Students from sister city Eugene visit the mayor', 'On August 3, ten high school students from our sister city, Eugene, paid a courtesy call on Mayor Taro Kato at Nagaoka City Hall. Mayor Kato welcomed the students and gave each of them a small gift.'), [
      (g) => {
        const visit = events(g).find((e) => e.properties.kind === 'visit');
        expect(visit?.name).toBe('Eugene delegation visit to Nagaoka');
        expect(locatedIn(g, visit!.id)).toBe('Nagaoka');
        expect(roles(g, 'Taro Kato', visit!.id)).toEqual(['host']);
      },
    ]],
  ]);
});

describe('a visit told with a possessive', () => {
  table([
    ['gives "A welcomed B on her first visit to Y" to B, not A', () => extract('Mayor Chen Hao holds talks with visiting Mayor of Nantes', 'On October 15, Mayor Chen Hao held talks with Nantes Mayor Johanna Rolland in Jinan. Chen Hao welcomed Johanna Rolland on her first visit to Jinan.'), [
      (g) => {
        expect(visited(g, 'Johanna Rolland')).toEqual(['Jinan']);
        expect(visited(g, 'Chen Hao')).toEqual([]);
        const visit = events(g).find((e) => e.properties.kind === 'visit');
        expect(visit?.name).toBe('Johanna Rolland visit to Jinan');
        expect(roles(g, 'Johanna Rolland', visit!.id)).toContain('visitor');
      },
    ]],
  ]);
});

describe('a signing by "the two mayors"', () => {
  table([
    ['makes the signing an event of the visit, attended by the mayors and not their deputies', () => extract('Mayor Chen Hao holds talks with visiting Mayor of Nantes', 'On October 15, Mayor Chen Hao held talks with Nantes Mayor Johanna Rolland in Jinan. Chen Hao welcomed Johanna Rolland on her first visit to Jinan. After the talks, the two mayors signed a memorandum of understanding on friendly exchanges. Vice Mayor Sun Li was present at the talks.'), [
      (g) => {
        const signing = events(g).find((e) => e.properties.kind === 'signing');
        expect(signing?.name).toBe('memorandum of understanding signing');
        expect(locatedIn(g, signing!.id)).toBe('Jinan');
        expect(roles(g, 'Chen Hao', signing!.id)).toEqual(['attendee']);
        expect(roles(g, 'Johanna Rolland', signing!.id)).toEqual(['attendee']);
        expect(roles(g, 'Sun Li', signing!.id)).toEqual([]);
      },
    ]],
  ]);
});

describe('events named by an event noun', () => {
  table([
    ['reads "attended a seminar at the X" and "had a buffet luncheon" as events of the visit', () => extract('Porto delegation visits Rennes', 'A delegation from Porto visited Rennes on Monday. The delegation attended a seminar at the University of Rennes about research links. Afterwards the guests had a buffet luncheon at the Grand Hotel.'), [
      (g) => {
        const names = events(g).map((e) => e.name);
        expect(names.some((n) => /^seminar at /.test(n))).toBe(true);
        expect(names).toContain('buffet luncheon');
      },
    ]],
    ['names a bare "ceremony was held at" by its venue and places it in the visited city', () => extract('Guests from Lyon in Turin', 'A delegation from Lyon arrived in Turin on Tuesday. On Wednesday, a ceremony was held at Valentino Park where a tree was planted.'), [
      (g) => {
        const e = events(g).find((x) => x.name === 'ceremony at Valentino Park');
        expect(e).toBeDefined();
        expect(locatedIn(g, e!.id)).toBe('Turin');
      },
    ]],
    ['reads "A and B were held" and "At the X ceremony on …," as events', () => extract('Friendship cities gather', 'A gala dinner for the visiting mayors and a friendship awards ceremony were held on May 4. At the closing ceremony on May 5, the mayors exchanged gifts.'), [
      (g) => {
        const names = events(g).map((e) => e.name);
        expect(names).toEqual(expect.arrayContaining(['gala dinner', 'friendship awards ceremony', 'closing ceremony']));
      },
    ]],
  ]);
  table([
    ['does not read a standing programme or a hoped-for conference as a happening', () => extract('Twin towns keep in touch', 'The two towns have had an active youth exchange program for many years. The mayor hoped the trade conference would be useful.'), [
      (g) => expect(events(g).map((e) => e.name)).not.toContain('active youth exchange program'),
      (g) => expect(events(g).map((e) => e.name)).not.toContain('trade conference'),
    ]],
  ]);
});

describe('visits told by what the visitors did', () => {
  table([
    ['reads "members of the X delegation attended E, held in Y" as a visit of X to Y', () => extract('Kaunas delegation in Ghent', 'On May 2, Kaunas Mayor Lina Petraitis and members of the Kaunas delegation attended the 30th Anniversary Friendship Ceremony, held in the Ghent City Council Chambers.'), [
      (g) => {
        const lina = named(g, 'Lina Petraitis');
        const ghent = named(g, 'Ghent');
        expect(g.relationships.some((r) => r.type === 'VISITED' && r.source === lina?.id && r.target === ghent?.id)).toBe(true);
      },
    ]],
  ]);
  table([
    ['reads "visitors from X arrived in Y" as a visit', () => extract('Friends from abroad', 'On October 3, visitors from Uppsala arrived in the City of Tartu for a week of exchanges.'), [
      (g) => expect(events(g).some((e) => e.properties.kind === 'visit' && locatedIn(g, e.id) === 'Tartu')).toBe(true),
    ]],
  ]);

  table([
    ['reads "for dinner hosted by X" as an event hosted by X, and "since the signing of" as no signing', () => extract('Fifty years of friendship', 'On October 3, guests from Uppsala arrived in Tartu to celebrate 50 years since the signing of a Sister City Agreement. All guests gathered at the Town Theatre on Saturday evening for dinner hosted by the City of Tartu.'), [
      (g) => {
        expect(events(g).some((e) => e.properties.kind === 'signing')).toBe(false);
        const dinner = events(g).find((e) => e.name === 'dinner');
        expect(dinner).toBeDefined();
        expect(roles(g, 'Tartu', dinner!.id)).toContain('host');
      },
    ]],
  ]);
});

describe('where an event without a place is', () => {
  table([
    ['places a forum of a conference in the conference city, but not one whose sentence names another city', () => extract('Twin Towns Annual Conference 2023 opens', 'Delegates are arriving in Ghent today for the Twin Towns Annual Conference 2023 being hosted by the city. The schedule begins on Thursday with the Youth Forum. Last year a closing ceremony was held in Bruges.'), [
      (g) => {
        const forum = events(g).find((e) => e.name === 'Youth Forum');
        expect(forum).toBeDefined();
        expect(locatedIn(g, forum!.id)).toBe('Ghent');
      },
    ]],
  ]);
});

describe('roles from the verb of an event noun', () => {
  table([
    ['makes the subject of "arranged a welcome party and the signing ceremony" their host', () => extract('Tartu delegation visits Ghent', 'The Mayor of Ghent, Cllr. Anna De Smet has arranged a welcome party and the signing ceremony at the Town Hall for the guests.'), [
      (g) => {
        const party = events(g).find((e) => e.name === 'welcome party');
        expect(party).toBeDefined();
        expect(roles(g, 'Anna De Smet', party!.id)).toContain('host');
      },
    ]],
  ]);
});

describe('naming a bare event noun by what follows', () => {
  table([
    ['names "attended the re-dedication of the X lantern" by its object, apart from a ceremony told before', () => extract('Guests from Tartu', 'A delegation from Tartu arrived in Ghent last week. On Wednesday, a ceremony was held at Citadel Park. The delegates also attended the re-dedication of the Kobe lantern at the library on Thursday.'), [
      (g) => {
        const names = events(g).map((e) => e.name);
        expect(names).toContain('ceremony at Citadel Park');
        expect(names.some((n) => /^re-dedication of the Kobe/.test(n))).toBe(true);
      },
    ]],
  ]);
  table([
    ['names "the first convention of the X Alliance was held" by its organisation', () => extract('Alliance meets', 'After the forum, the first convention of the Baltic Cities Tourism Alliance was held on the afternoon of May 3.'), [
      (g) => expect(events(g).some((e) => /^convention of the Baltic Cities Tourism Alliance/.test(e.name))).toBe(true),
    ]],
  ]);
});

describe('evidence', () => {
  it('quotes each sentence as the article prints it, the title-case headline included', () => {
    const seed = readFileSync(new URL('../../seed/articles/shenyang-sasebo-mayor-exchange-day.txt', import.meta.url), 'utf8');
    const g = extractArticle({ content: seed, format: 'text', file: 'seed.txt' });
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    const evidence = g.relationships.flatMap((r) => r.evidence);
    expect(evidence).toContain(seed.split('\n')[0]!.trim());
    expect(evidence.filter((e) => !squash(seed).includes(squash(e)))).toEqual([]);
  });
});
