// The fill rules: sentences that put actors on a side of the visit they tell, say that the sides met or
// where the visitors went, mostly through references ("the delegation", "the guests", "both sides").
// Each entry is data (see fill.ts for how the named groups are read); its example is its unit test.
import type { FillRule } from './fill.ts';

/** One actor: a name, a title or a body, with an optional apposition ("A, Mayor of X,", "A (…)"). */
const ACTOR = String.raw`(?:the )?(?:(?:former|then|acting|municipal|senior|local) )?(?:⟨T\d+⟩ )?⟨[POGMT]\d+⟩(?: of (?:the )?⟨[COGM]\d+⟩)?(?: \([^()]{0,60}\)|, (?:the )?⟨T\d+⟩ of (?:the )?⟨[COGM]\d+⟩,?)?`;
/** A coordinated list of actors. */
const ACTORS = String.raw`${ACTOR}(?:(?:,|,? and|,? as well as) ${ACTOR})*`;
/** The visiting side named by reference: "the delegation", "the visiting Kure delegation", "the guests". */
const VISITORS = String.raw`(?:\b(?:the|its|their|this) (?:visiting |foreign |overseas )?(?:⟨[CN]\d+⟩ )?(?:[\w-]+ )?(?:delegation|delegates|visitors|guests|mission|delegation members|representatives)\b|^they\b)`;

/** A list of members with their roles between the names, up to the verb or clause that ends it ("A, director of X, B and C met …"). */
const MEMBER_STRETCH = String.raw`(?:(?!,? (?:who|which|where|when|while)\b|\b(?:met|meets|meet|visited|visits|visit|signed|signs|held|holds|toured|tours|arrived|arrives|interacted|called|paid|pays|received|receives|discussed|attended|attends|said|says|will|would|was|were|has|have|had|is|are|to)\b)[^.;])+`;

// case-insensitive: a sentence may open with "The delegation" (placeholders are upper-case either way)
const re = (source: string, flags = 'gi'): RegExp => new RegExp(source, flags);

export const FILL_RULES: readonly FillRule[] = [
  {
    name: 'host-received-visitors',
    when: /receiv|welcom|greet|met|meet|host/,
    matches: re(String.raw`(?<host>${ACTORS})(?:,? who)? (?:also |warmly |cordially |officially |formally )?(?:received|welcomed|greeted|met with|met|hosted|meets with|receives|welcomes|greets|will meet with|will receive|will welcome) ${VISITORS}`),
    met: true,
    group: 'officials',
    emits: 'host.people, host.bodies; met',
    why: 'In the genre the one who receives or welcomes a delegation is its host, and receiving it is meeting its heads.',
    example: {
      title: 'Wakayama delegation in Jinan',
      body: 'A delegation from Wakayama led by Mayor Kenji Obara visited Jinan on May 3, 2024. Mayor Chen Wei of Jinan received the delegation at the city hall.',
      expect: ['MET_WITH Chen Wei -> Kenji Obara', 'PARTICIPATED_IN Chen Wei -> Wakayama delegation visit to Jinan as host'],
    },
  },
  {
    name: 'host-met-members-of-body',
    when: /members|representatives|officials|councill?ors|delegates/,
    matches: re(String.raw`(?<host>${ACTORS}) (?:also |warmly )?(?:met with|met|received|welcomed|greeted|hosted|held talks with) (?:the )?(?:visiting )?(?:members|representatives|officials|councill?ors|delegates) (?:of|from) (?:the )?(?<body>⟨[OGM]\d+⟩)`),
    met: true,
    emits: 'host.people; met (with the visitors who hold office in the body)',
    why: '"The mayor met with members of the X City Council, who are visiting": the body\'s people on the visiting side are the members who met the host.',
    example: {
      title: 'Bishkek delegation in Colorado Springs',
      body: 'Chairman Kuvan Kongan of the Bishkek City Council visited Colorado Springs on May 2, 2024. Mayor Yemi Mobolade of Colorado Springs met with members of the Bishkek City Council to sign a new agreement.',
      expect: ['MET_WITH Yemi Mobolade -> Kuvan Kongan'],
    },
  },
  {
    name: 'visitors-received-by-host',
    when: /by/,
    matches: re(String.raw`${VISITORS} (?:was |were |had been |will be )(?:warmly |cordially |officially |formally )?(?:received|welcomed|greeted|hosted|met) (?:[^.⟨]{0,30} )?by (?<host>${ACTORS})`),
    met: true,
    group: 'officials',
    emits: 'host.people, host.bodies; met',
    why: 'The passive of receiving ("the guests were welcomed by X") names the host as often as the active does.',
    example: {
      title: 'Students from Kanazawa visit Buffalo',
      body: 'A delegation from Kanazawa led by Deputy Mayor Aki Sato arrived in Buffalo on June 2, 2024. The delegation was welcomed by Mayor Byron Brown at City Hall.',
      expect: ['MET_WITH Byron Brown -> Aki Sato', 'PARTICIPATED_IN Byron Brown -> Kanazawa delegation visit to Buffalo as host'],
    },
  },
  {
    name: 'visitors-met-with-host',
    when: /met|talks|meeting|call/,
    matches: re(String.raw`${VISITORS}(?: of [\w-]+(?: [\w-]+)?)?(?:,? (?:led|headed|chaired) by [^.;]{0,100}?,?)? (?:also |then |later |first )?(?:met with|met|interacted with|(?:held|had|conducted|will hold|will have) (?:a |an )?(?:[\w-]+ ){0,2}?(?:talks|meetings?|discussions?|dialogues?) with|paid a courtesy call on|called on|will (?:also )?meet with|will (?:also )?meet) (?:[^.⟨]{0,80}?\b(?:including|such as|among them|notably) )?(?<host>${ACTORS})`),
    met: true,
    group: 'members',
    emits: 'host.people, host.bodies; met',
    why: 'What the delegation does is done by its members: its meeting with X ("held talks with", "had policy meetings with", "will meet with leaders, including X") is a meeting of its members with X, at X\'s city.',
    example: {
      title: 'Tauranga delegation visits Yantai',
      body: 'A delegation from Tauranga led by Mayor Greg Brownless visited Yantai on April 8, 2024. The delegation met with Vice Mayor Zhang Dai.',
      expect: ['MET_WITH Zhang Dai -> Greg Brownless'],
    },
  },
  {
    name: 'host-met-visiting-official',
    when: /visiting/,
    matches: re(String.raw`(?<host>${ACTORS}) (?:also |warmly )?(?:met with|met|received|welcomed|held talks with|greeted|hosted) the visiting (?<visiting>${ACTORS})`),
    met: true,
    emits: 'host.people; visiting.people; met',
    why: '"the visiting mayor" marks the side of the person it qualifies; who receives them is the other side.',
    example: {
      title: 'Ningbo receives Waitakere mayor',
      body: 'Mayor Bob Harvey of Waitakere paid a visit to Ningbo on June 13, 2024. Party Secretary Bayin Chaolu met with the visiting Mayor Bob Harvey.',
      expect: ['MET_WITH Bayin Chaolu -> Bob Harvey', 'PARTICIPATED_IN Bayin Chaolu -> Bob Harvey visit to Ningbo as host'],
    },
  },
  {
    name: 'welcome-extended-to-visitors',
    when: /welcome to/,
    matches: re(String.raw`(?<host>${ACTORS}) (?:extended|expressed|gave|offered|conveyed) (?:a |an |his |her |their )?(?:warm |warmest |sincere |cordial |hearty |heartfelt )?welcome to ${VISITORS}`),
    met: true,
    group: 'officials',
    emits: 'host.people; met',
    why: 'Extending a welcome to the guests is the host\'s part in every report of a reception.',
    example: {
      title: 'Kobe delegation in Tianjin',
      body: 'A delegation from Kobe led by Deputy Mayor Ken Ono visited Tianjin on March 4, 2024. Vice Mayor Li Hong extended a warm welcome to the delegation.',
      expect: ['MET_WITH Li Hong -> Ken Ono', 'PARTICIPATED_IN Li Hong -> Kobe delegation visit to Tianjin as host'],
    },
  },
  {
    name: 'two-sides-talked',
    when: /two|both/,
    matches: re(String.raw`\b(?:the two|both) (?:sides|parties|delegations|(?<heads>mayors|leaders|officials))\b[^.]{0,20}?\b(?:held|had|met|discussed|exchanged|talked|conducted|agreed)\b`, 'gi'),
    met: true,
    group: 'members',
    emits: 'met',
    why: '"The two sides held talks" states a meeting of the heads of the two sides without naming them.',
    example: {
      title: 'Jeonju delegation visits Kanazawa',
      body: 'A delegation from Jeonju led by Mayor Woo Beom-ki visited Kanazawa on October 10, 2024. Mayor Shuji Murayama of Kanazawa hosted a luncheon for the delegation. The two sides exchanged views on tourism and culture.',
      expect: ['MET_WITH Shuji Murayama -> Woo Beom-ki'],
    },
  },
  {
    name: 'visitors-toured-cities',
    when: /visit|tour|travel|went|stop/,
    matches: re(String.raw`${VISITORS} (?:also |then |later |will also |will )?(?:visited|visit|toured|tour|travell?ed to|travel to|went on to|went to|stopped in|made stops in) (?<itinerary>(?:the city of )?⟨C\d+⟩(?!['’])(?:(?:,|,? and) (?:the city of )?⟨C\d+⟩(?!['’]))*)`),
    emits: 'itinerary',
    why: 'A delegation\'s further stops are told of the delegation, not of its members by name.',
    example: {
      title: 'Sendai delegation in Minnesota',
      body: 'A delegation from Sendai led by Mayor Kazuko Kori visited Minneapolis on August 1, 2024. The delegation also visited Duluth and Rochester.',
      expect: ['VISITED Kazuko Kori -> Duluth', 'VISITED Kazuko Kori -> Rochester'],
    },
  },
  {
    name: 'visit-lists-cities',
    ownSentences: true,
    when: /visit|tour/,
    matches: /\b(?:visit|visits|visited|visiting|toured|tour)\s+(?<itinerary>⟨C\d+⟩(?:(?:,| and|, and) ⟨C\d+⟩)+)/g,
    emits: 'itinerary',
    why: 'A sentence that tells a visit and lists several towns ("will visit A, B and C") sends the visitors to each.',
    example: {
      title: 'Nelson delegation to Japan',
      body: 'A delegation from Nelson led by Mayor Nick Smith will visit Miyazu, Kyoto and Osaka on May 20, 2024.',
      expect: ['VISITED Nick Smith -> Miyazu', 'VISITED Nick Smith -> Kyoto', 'VISITED Nick Smith -> Osaka'],
    },
  },
  {
    name: 'visitors-of-several-cities',
    when: /cities|towns/,
    matches: re(String.raw`(?<visiting>${ACTORS}) (?:will be visiting|will visit|are visiting|were visiting|is visiting|visited|toured|will tour|are touring) (?:\w+ ){0,2}(?:cities|towns)\b`),
    emits: 'visiting.people',
    why: 'Those said to visit several cities in an article about a trip are the trip\'s members.',
    example: {
      title: 'Council delegation to China',
      body: 'A delegation from the City of Ballarat is travelling to China this week to visit its sister cities. Ballarat is twinned with Harbin and Wuhan. Mayor Des Hudson and Councillor Amy Johnson will be visiting both cities during the trip.',
      expect: ['PARTICIPATED_IN Amy Johnson -> Ballarat delegation visit to China as visitor'],
    },
  },
  {
    name: 'host-welcomed-visit-of',
    when: /'s/,
    matches: re(String.raw`(?<host>${ACTORS}) (?:also |warmly )?(?:welcomed|hailed|appreciated|praised|was pleased by|was delighted by) (?<visiting>⟨P\d+⟩'s) (?:\w+ )?(?:visit|trip|arrival|presence)\b`),
    met: true,
    emits: 'host.people; visiting.people; met',
    why: 'Welcoming someone\'s visit marks the welcoming one as host and the other as the visitor of the meeting told.',
    example: {
      title: 'Li Qiang meets with Edwin Lee',
      body: 'Party Secretary Li Qiang met with Mayor Edwin Lee of San Francisco in Shanghai on May 9, 2024. Li Qiang welcomed Edwin Lee\'s visit.',
      expect: ['PARTICIPATED_IN Edwin Lee -> Li Qiang meets with Edwin Lee as visitor', 'VISITED Edwin Lee -> Shanghai'],
    },
  },
  {
    name: 'met-visitor-and-delegation',
    when: /delegation|entourage|party|team/,
    matches: re(String.raw`(?<host>${ACTORS}) (?:also )?(?:met with|met|received|welcomed|greeted) (?<visiting>${ACTORS}),? (?:and|along with|together with) (?:his|her|their) (?:\w+ )?(?:delegation|entourage|party|team)\b`),
    met: true,
    emits: 'host.people; visiting.people; met',
    why: '"X met Y and his delegation": the one who comes with a delegation is the visitor, the other the host.',
    example: {
      title: 'Han Zheng meets with Edwin Lee',
      body: 'Party Secretary Han Zheng met with Edwin Lee, mayor of San Francisco, and his delegation in Shanghai on May 9, 2024.',
      expect: ['MET_WITH Han Zheng -> Edwin Lee', 'PARTICIPATED_IN Han Zheng -> Han Zheng meets with Edwin Lee as host'],
    },
  },
  {
    name: 'visitors-called-on-host',
    when: /call|visit to/,
    matches: re(String.raw`${VISITORS} (?:also |later )?(?:paid|pays|made|makes|will pay) (?:a |an )?(?:courtesy |official |working |friendly )?(?:call|visit) (?:to|on) (?<host>${ACTORS})`),
    met: true,
    group: 'members',
    emits: 'host.people, host.bodies; met',
    why: 'A courtesy call on an official is a meeting with them as host.',
    example: {
      title: 'Odesa delegation in Mombasa',
      body: 'A delegation from Odesa led by Mayor Gennadiy Trukhanov visited Mombasa on July 2, 2024. The delegation paid a courtesy call on Governor Abdulswamad Nassir.',
      expect: ['MET_WITH Abdulswamad Nassir -> Gennadiy Trukhanov', 'PARTICIPATED_IN Abdulswamad Nassir -> Odesa delegation visit to Mombasa as host'],
    },
  },
  {
    name: 'visitor-received-by',
    when: /by/,
    matches: re(String.raw`(?<visiting>⟨P\d+⟩) (?:was|were) (?:warmly |cordially |officially |formally )?(?:received|welcomed|greeted|hosted)\b[^.]{0,80}?\bby (?:the )?(?:⟨T\d+⟩,? )?(?<host>${ACTORS})`),
    met: true,
    emits: 'host.people; visiting.people; met',
    why: 'Who is received by someone during a visit is the visitor, the one receiving the host.',
    example: {
      title: 'Councillor Lorna Baker visits Nairobi',
      body: 'Councillor Lorna Baker of Seattle visited Nairobi on March 4, 2024. Baker was received in the city hall by Governor Johnson Sakaja.',
      expect: ['MET_WITH Johnson Sakaja -> Lorna Baker', 'PARTICIPATED_IN Johnson Sakaja -> Lorna Baker visit to Nairobi as host'],
    },
  },
  {
    name: 'met-counterpart',
    when: /counterpart/,
    matches: re(String.raw`(?<either>${ACTOR}) (?:also )?(?:met|met with|held talks with|received|welcomed|greeted|hosted|was welcomed by|was received by) (?:his|her|their) (?:⟨N\d+⟩ |[\w-]+ )?counterparts?,? (?<eitherOther>${ACTOR})`),
    met: true,
    emits: 'host.people; visiting.people; met',
    why: '"X met her counterpart Y": two officials of the two sides met; each side is told by their own city ("the Mayor" is the one mayor named).',
    example: {
      title: 'Mayor Brenda Chivers visits Vigneux-sur-Seine',
      body: 'Mayor Brenda Chivers of Limavady visited Vigneux-sur-Seine on June 3, 2024. The Mayor met with her French counterpart, Mayor Serge Poinsot.',
      expect: ['MET_WITH Brenda Chivers -> Serge Poinsot', 'PARTICIPATED_IN Serge Poinsot -> Brenda Chivers visit to Vigneux-sur-Seine as host'],
    },
  },
  {
    name: 'delegation-led-or-including',
    when: /led|head|includ|consist|compris|compos/,
    matches: re(String.raw`${VISITORS}(?: of [\w-]+(?: [\w-]+)?)?,? (?:which |that |who )?(?:was |were |is |will be )?(?:led by|headed by|chaired by|including|includes|included|consisting of|comprising|composed of|made up of)(?:(?: [\w-]+){0,2}(?: ⟨X\d+⟩)?:)? (?<visiting>${ACTORS})`),
    emits: 'visiting.people, visiting.bodies',
    why: 'Those who lead a delegation or are listed as its members ("the visiting delegation, headed by A and B", "the delegation including A") are its visitors.',
    example: {
      title: 'Canterbury-Bankstown delegation in Broken Hill',
      body: 'A delegation from Canterbury-Bankstown visited Broken Hill on October 30, 2024. The visiting delegation, headed by Mayor Khal Asfour and General Manager Matthew Stewart, met the councillors.',
      expect: ['PARTICIPATED_IN Matthew Stewart -> delegation visit to Broken Hill as visitor'],
    },
  },
  {
    name: 'delegation-members-with-roles',
    when: /led|head|includ|consist|compris|compos|travel/,
    matches: re(String.raw`(?:${VISITORS}(?: of [\w-]+(?: [\w-]+)?)?,? (?:which |that |who )?(?:was |were |is |will be )?(?:led by|headed by|chaired by|including|includes|included|consisting of|comprising|composed of|made up of)|\b(?:also )?(?:travell?ing|travell?ed|going) with (?:the|them|him|her)(?: [\w-]+)?(?: delegation)? (?:are|were|will be|is|was))(?<members>${MEMBER_STRETCH})`),
    emits: 'visiting.people',
    why: 'A delegation\'s members are listed with their roles between the names ("The delegation included A, deputy secretary general of X, B, director of Y, and C"; "Also travelling with the delegation are A, vice chair, and B"): every person named in the list, up to the verb that ends it, is a visitor.',
    example: {
      title: 'Fort Worth delegation to Toluca',
      body: 'Fort Worth Sister Cities is sending an official delegation to Toluca on April 20, 2024. The delegation will be led by Mike Hyatt, Director Emeritus of Fort Worth Sister Cities. Also traveling with the delegation are Manny Reyes, Vice Chair, and Irene Chase, Vice President of Fort Worth Sister Cities.',
      expect: ['VISITED Manny Reyes -> Toluca', 'VISITED Irene Chase -> Toluca'],
    },
  },
  {
    name: 'leader-of-the-delegation',
    when: /delegation|mission/,
    matches: re(String.raw`(?<visiting>⟨P\d+⟩),? (?:the |a |an )?(?:leader|head|chief|chair|chairman|chairwoman|chairperson|member|spokesman|spokeswoman|spokesperson) of the (?:[\w-]+ ){0,2}?(?:delegation|mission)\b|\b(?:the |a |an )?(?:leader|head|⟨T\d+⟩) of the (?:[\w-]+ ){0,2}?(?:delegation|mission),? (?<visiting2>⟨P\d+⟩)`),
    emits: 'visiting.people',
    why: 'An apposition that gives someone\'s place in the delegation ("said A, the leader of the delegation", "a member of the delegation, B") names a visitor.',
    example: {
      title: 'Ghana delegation to Columbus',
      body: 'A delegation from Accra visited Columbus on May 2, 2025. "Accra is a safe place for investment," said Dr. Ama Mensah, the leader of the delegation. The delegation met with Mayor Andrew Ginther.',
      expect: ['VISITED Ama Mensah -> Columbus', 'MET_WITH Andrew Ginther -> Ama Mensah'],
    },
  },
  {
    name: 'head-of-delegation-was',
    when: /delegation|mission|visitors|group/,
    matches: re(String.raw`(?:\bthe )?(?:head|leader|⟨T\d+⟩) of the (?:[\w-]+ )?(?:delegation|mission|visitors|group) (?:was|is|will be) (?<visiting>${ACTORS})`),
    emits: 'visiting.people',
    why: '"The head of the delegation was A": the delegation\'s head is one of its visitors.',
    example: {
      title: 'Khabarovsk delegation in Niigata',
      body: 'A delegation from Khabarovsk arrived in Niigata on May 20, 2024. The head of the delegation was Alexander Sokolov, president of the Association of Far East Mayors.',
      expect: ['PARTICIPATED_IN Alexander Sokolov -> Khabarovsk delegation visit to Niigata as visitor'],
    },
  },
  {
    name: 'visitor-accompanied-by',
    when: /accompanied/,
    matches: re(String.raw`(?:(?<visiting>⟨P\d+⟩)(?: and (?:his|her|their) (?:[\w-]+ )?(?:wife|husband|spouse|delegation|team))?(?:, who [^,]{0,80},)?|${VISITORS}) (?:was |were |is |are |will be )(?:also )?accompanied by (?<companions>${ACTORS})`),
    emits: 'visiting.people',
    why: 'Those who accompany someone on a visit travel with them ("A, who …, was accompanied by B", "They are accompanied by B"): a visitor and the companions are the visiting side (one whose office is in the visited city stays a host).',
    example: {
      title: 'McAllen mayor signs agreement in Puerto Vallarta',
      body: 'Mayor Javier Villalobos of McAllen visited Puerto Vallarta on May 4, 2024. Villalobos was accompanied by City Manager Roel Rodriguez and Commissioner Tony Aguirre.',
      expect: ['PARTICIPATED_IN Roel Rodriguez -> McAllen delegation visit to Puerto Vallarta as visitor', 'PARTICIPATED_IN Tony Aguirre -> McAllen delegation visit to Puerto Vallarta as visitor'],
    },
  },
  {
    name: 'led-the-delegation',
    when: /\b(?:led|leads|headed|heads|lead)\b/,
    matches: re(String.raw`(?<visiting>${ACTORS}),? (?:who |also |personally )?(?:led|leads|headed|heads|is leading|was leading|will lead) (?:the|a|an|its|their|his|her) (?:[\w-]+ ){0,2}?(?:⟨[CNOG]\d+⟩ )?(?:[\w-]+ ){0,2}?(?:delegation|mission)\b`),
    emits: 'visiting.people',
    why: '"A led the Austrian delegation", "Councillor A led a delegation to visit Y": who leads a delegation is one of its visitors.',
    example: {
      title: 'Burnaby delegation visits Zhongshan',
      body: 'A delegation from Burnaby visited Zhongshan on May 13, 2024. Councillor James Wang of Burnaby led the delegation.',
      expect: ['PARTICIPATED_IN James Wang -> Burnaby delegation visit to Zhongshan as visitor'],
    },
  },
  {
    name: 'part-of-the-delegation',
    when: /\bpart of\b|members? of the/,
    matches: re(String.raw`(?<visiting>${ACTORS}),? (?:[^.⟨]{0,60}? )?(?:was|were|is|are) (?:also )?(?:part|a member|members) of the (?:[\w-]+ ){0,2}?(?:delegation|visiting party|visiting group)\b`),
    emits: 'visiting.people',
    why: '"A, the widow of the former mayor, was also part of the recent delegation": members of the delegation are visitors.',
    example: {
      title: 'Carnforth delegation in Lille',
      body: 'A delegation from Carnforth visited Lille on June 2, 2024. Jane Barton, a long-time member, was also part of the recent delegation.',
      expect: ['PARTICIPATED_IN Jane Barton -> Carnforth delegation visit to Lille as visitor'],
    },
  },
];
