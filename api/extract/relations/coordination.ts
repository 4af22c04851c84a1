// Stage "coordination": relationships the genre states over coordinated names, read on entities already
// found. Lists ("sister cities namely A and B in China, C in UAE, as well as D"; "will visit A, B, C and D"),
// pairs matched one to one ("A, B and C were named sister cities to D, E and F, respectively") and two
// officials of different cities as the subject of one joint act ("Mayor A and Mayor B signed / exchanged
// gifts"). Rules kept as data, each with its example article (tests/unit/rules-examples.test.ts runs it).
import type { RelationshipType, Properties } from '../../graph/schema.ts';
import type { AnalyzedSentence, Article } from '../article.ts';
import type { Events } from '../events.ts';
import { runSentenceRules, type SentenceRule } from '../rules/engine.ts';
import { actorsIn, clauseEnd, nearestSubjects, subjectsBefore } from './common.ts';
import { ownerCity, pairsListed, subjectCity, townAt } from './sister-cities.ts';
import { matchAll } from '../match-all.ts';

export interface CoordinationContext {
  a: Article;
  ev: Events;
}

type Rule = SentenceRule<CoordinationContext>;

/** Adds a fact stated by `rule` (credited for the rules report); 1 when it is new. */
function state(a: Article, rule: string, type: RelationshipType, from: string | null | undefined, to: string | null | undefined, props: Properties, s: AnalyzedSentence): number {
  if (!from || !to || from === to) return 0;
  if (type === 'SISTER_CITY_OF' && (a.label(from) !== 'City' || a.label(to) !== 'City')) return 0;
  const known = a.factsOf(type).length;
  const fact = a.addFact(type, from, to, props, s.index);
  if (!fact) return 0;
  (fact.rules ??= new Set()).add(rule);
  return a.factsOf(type).length > known ? 1 : 0;
}

// One item of a list of towns: "the city of A", "A in China", "A (Japan)", "A, Madeira, Portugal"; the
// separators the genre writes between items: ", ", " and ", "; ", " as well as ".
const LIST_ITEM = /(?:,? and |,? as well as |; (?:and )?|, )?(?:the (?:[\w-]+ )?(?:city|town|village|municipality) of )?⟨([CXV])(\d+)⟩(?: in (?:the )?⟨[NV]\d+⟩| \(⟨N\d+⟩\)|, ⟨[NV]\d+⟩(?=[,;.]| and| as well))*/y;

/** The items of a list starting at `from`: towns (a name the gazetteer lacks made a town), venues left out. */
function listAt(a: Article, s: AnalyzedSentence, from: number, letters = 'CX'): { ids: string[]; end: number } {
  const ids: string[] = [];
  let end = from;
  LIST_ITEM.lastIndex = from;
  for (let m = LIST_ITEM.exec(s.template); m; m = LIST_ITEM.exec(s.template)) {
    end = LIST_ITEM.lastIndex;
    const id = letters.includes(m[1]!) ? townAt(a, s, m[1] === 'V' ? 'C' : m[1]!, m[2]!) : null;
    if (id && !ids.includes(id)) ids.push(id);
    if (end >= s.template.length) break;
  }
  return { ids, end };
}

/** SISTER_CITY_OF from `owner` to each town listed right after the match `m`; how many are new. */
function partnersListedAfter(a: Article, rule: string, owner: string | null | undefined, s: AnalyzedSentence, m: RegExpExecArray, props: Properties = {}): number {
  let added = 0;
  for (const id of listAt(a, s, m.index + m[0].length).ids) added += state(a, rule, 'SISTER_CITY_OF', owner, id, props, s);
  return added;
}

/** The cities a person holds an office in (current or former), by the office's city. */
function citiesOf(a: Article, person: string): Set<string> {
  const out = new Set<string>();
  for (const f of a.positionsOf(person)) {
    const c = a.cityOf(f.to);
    if (c) out.add(c);
  }
  return out;
}

/** Two officials of different sides: both hold an office, and no city holds both. */
function counterparts(a: Article, x: string | null | undefined, y: string | null | undefined): boolean {
  if (!x || !y || x === y || a.label(x) !== 'Person' || a.label(y) !== 'Person') return false;
  if (!a.positionsOf(x).length || !a.positionsOf(y).length) return false;
  const cx = citiesOf(a, x);
  return ![...citiesOf(a, y)].some((c) => cx.has(c));
}

function dateIn(s: AnalyzedSentence): Properties {
  const d = /⟨D(\d+)⟩/.exec(s.template);
  return { date: d ? s.mentions[Number(d[1])]!.date ?? null : null };
}

/** The town "our" / "its" speaks for: the clause's, else the visiting side's when the article is written from the partner. */
function speakerTown({ a, ev }: CoordinationContext, s: AnalyzedSentence, at: number, partner: string | null): string | null {
  const owner = ownerCity(a, s, at);
  if (owner !== partner) return owner;
  return ev.visits.find((v) => v.dest === partner)?.origins.map((o) => a.cityOf(o) ?? o).find((o) => a.label(o) === 'City') ?? null;
}

/** Whether the article is about sister cities at all (a relation word elsewhere then means the partnership). */
function aboutPartnership(a: Article): boolean {
  return a.sentences.some((x) => /\b(?:sister|twin|friendship|partner)[- ]?(?:city|cities|town|towns|relations?|relationships?)\b|\btwinn(?:ed|ing)\b|\bsisterhood\b/i.test(x.text));
}

const ref = (s: AnalyzedSentence, j: string | undefined): string | null => (j === undefined ? null : s.refs[Number(j)] ?? null);

export const COORDINATION_RULES: readonly Rule[] = [
  {
    name: 'sister-cities-listed',
    stage: 'coordination',
    when: /(?:sister|twin|friendship|partner)[- ](?:cities|towns)/,
    matches: /\b(?:sister|twin|friendship|partner)[- ](?:cities|towns)(?: of (?:the )?⟨C(\d+)⟩)?,? (?:namely|are|were|include|includes|including|such as|like|:)\s*(?=(?:the (?:city|town) of )?⟨[CX]\d+⟩)/gi,
    emits: 'SISTER_CITY_OF (the list\'s owner, each item)',
    why: 'Profiles of a city list its partners after a cue, each item qualified by its country ("A and B in China, C in UAE, as well as D"); every item is a partner of the city the sentence is about.',
    example: {
      title: 'Durban signs with Curitiba',
      body: 'Durban currently has five sister cities namely Nantes and Lyon in France, Bremen in Germany, Chicago in USA as well as Guangzhou in China.',
      expect: ['SISTER_CITY_OF Durban -> Guangzhou', 'SISTER_CITY_OF Durban -> Nantes'],
    },
    apply: ({ a }, s, m) => {
      // a list of pairs ("including A and B, C and D") is read as pairs by the sister-cities pass
      if (pairsListed(s.template.slice(m.index + m[0].length).split(/[.;](?:\s|$)/)[0]!).length >= 2) return 0;
      return partnersListedAfter(a, 'sister-cities-listed', ref(s, m[1]) ?? subjectCity(a, s, m.index) ?? a.homeCity, s, m);
    },
  },
  {
    name: 'sister-city-joining-list',
    stage: 'coordination',
    when: /joining|joins|joined/,
    matches: /⟨C(\d+)⟩['’]s? (?:[\w-]+ ){0,2}(?:sister|twin|friendship|partner)[- ](?:city|town),? (?:joining|which joins|joins) /gi,
    emits: 'SISTER_CITY_OF (the owner, each town listed)',
    why: 'A new partnership is told with the partners the city already has: "X is Y\'s 28th sister city, joining A, Japan; B, Korea; …".',
    example: {
      title: 'Honolulu signs with Nagaoka',
      body: 'Nagaoka is Honolulu\'s 28th sister city, joining Baguio, Philippines; Baku, Azerbaijan; and Mumbai, India.',
      expect: ['SISTER_CITY_OF Honolulu -> Baku', 'SISTER_CITY_OF Honolulu -> Mumbai'],
    },
    apply: ({ a }, s, m) => partnersListedAfter(a, 'sister-city-joining-list', ref(s, m[1]), s, m),
  },
  {
    name: 'sister-cities-of-list',
    stage: 'coordination',
    when: /cities of|towns of/,
    matches: /\bthe (?:[\w-]+ )?(?:sister|twin|friendship|partner)[- ](?:cities|towns) of /gi,
    emits: 'SISTER_CITY_OF (the subject\'s city, each town listed; the two towns of a pair)',
    why: '"the friendship cities of A, B and C" are the partners of the city the sentence is about; "the sister cities of A and B", with no such city, are a pair.',
    example: {
      title: 'Richmond considers proposals',
      body: 'Richmond is considering business proposals from the friendship cities of Yunfu, Zhenjiang and Xinzhou.',
      expect: ['SISTER_CITY_OF Richmond -> Zhenjiang', 'SISTER_CITY_OF Richmond -> Xinzhou'],
    },
    apply: ({ a }, s, m) => {
      const { ids } = listAt(a, s, m.index + m[0].length);
      const owner = subjectCity(a, s, m.index);
      if (!owner && ids.length === 2) return state(a, 'sister-cities-of-list', 'SISTER_CITY_OF', ids[0], ids[1], {}, s);
      let added = 0;
      for (const id of ids) added += state(a, 'sister-cities-of-list', 'SISTER_CITY_OF', owner ?? a.homeCity, id, {}, s);
      return added;
    },
  },
  {
    name: 'sister-cities-respectively',
    stage: 'coordination',
    when: /respectively/,
    matches: /((?:⟨C\d+⟩(?:,? and |, )){1,8}⟨C\d+⟩)(?:[^.⟨]){0,60}?\b(?:sister|twin|friendship|partner)[- ](?:cities|towns|city|town) (?:to|of|with|for) ((?:⟨C\d+⟩(?:,? and |, )){1,8}⟨C\d+⟩),? respectively/gi,
    emits: 'SISTER_CITY_OF (the n-th town of one list, the n-th of the other)',
    why: 'Several pairs announced at once are written as two lists matched "respectively".',
    example: {
      title: 'New sister cities named',
      body: 'Urumqi, Puyang and Xian were named as sister cities to Karachi, Gwadar and Multan, respectively, at a forum.',
      expect: ['SISTER_CITY_OF Urumqi -> Karachi', 'SISTER_CITY_OF Puyang -> Gwadar', 'SISTER_CITY_OF Xian -> Multan'],
    },
    apply: ({ a }, s, m) => {
      const left = matchAll(m[1]!, /⟨C(\d+)⟩/g).map((x) => ref(s, x[1]));
      const right = matchAll(m[2]!, /⟨C(\d+)⟩/g).map((x) => ref(s, x[1]));
      if (left.length !== right.length) return 0;
      let added = 0;
      left.forEach((x, i) => (added += state(a, 'sister-cities-respectively', 'SISTER_CITY_OF', x, right[i], {}, s)));
      return added;
    },
  },
  {
    name: 'twinned-since-with',
    stage: 'coordination',
    when: /twinned|partnered|paired/,
    matches: /\b(?:twinned|partnered|paired) (?:since|in|from) (?:⟨D(\d+)⟩|((?:1[89]|20)\d\d)) with /gi,
    emits: 'SISTER_CITY_OF (the subject\'s city, each town listed; since)',
    why: 'The year of a twinning is often put between the verb and its partner: "X has been twinned since 1998 with Y".',
    example: {
      title: 'St Albans mayor in Fano',
      body: 'St Albans has been twinned since 1998 with Fano, a resort town on the east coast.',
      expect: ['SISTER_CITY_OF St Albans -> Fano'],
    },
    apply: ({ a }, s, m) => {
      const year = m[2] ?? (m[1] ? s.mentions[Number(m[1])]!.date?.slice(0, 4) : null) ?? null;
      return partnersListedAfter(a, 'twinned-since-with', ownerCity(a, s, m.index), s, m, { since: year });
    },
  },
  {
    name: 'our-twin-town-of',
    stage: 'coordination',
    when: /twin|sister|partner|friendship/,
    matches: /(?:\b(?:our|its|their)|⟨C(\d+)⟩['’]s?) (?:[\w-]+ )?(?:sister|twin|friendship|partner)[- ](?:city|town) of (?:the )?⟨C(\d+)⟩/gi,
    emits: 'SISTER_CITY_OF (the writer\'s or the subject\'s town, the town named)',
    why: '"our twin town of X", "its sister city of X": the partner of the town the article speaks for; an article about a visit abroad speaks for the visitors\' town.',
    example: {
      title: 'Llantwit Major delegation in Le Pouliguen',
      body: 'A delegation from Llantwit Major visited Le Pouliguen on May 4, 2006. "I was delighted to visit our twin town of Le Pouliguen in southern Brittany," the mayor said.',
      expect: ['SISTER_CITY_OF Llantwit Major -> Le Pouliguen'],
    },
    apply: (ctx, s, m) => {
      const partner = ref(s, m[2]);
      const owner = m[1] ? ref(s, m[1]) : speakerTown(ctx, s, m.index, partner);
      return state(ctx.a, 'our-twin-town-of', 'SISTER_CITY_OF', owner, partner, {}, s);
    },
  },
  {
    name: 'town-our-twin-town',
    stage: 'coordination',
    when: /twin|sister|partner|friendship/,
    matches: /⟨C(\d+)⟩,? (?:is |was )?(?:our|its|their) (?:[\w-]+ )?(?:sister|twin|friendship|partner)[- ](?:city|town)\b/gi,
    emits: 'SISTER_CITY_OF (the writer\'s or the subject\'s town, the town named)',
    why: 'An apposition "in Y, our twin town" names the partner of the town the article speaks for.',
    example: {
      title: 'Halifax mayor in Aachen',
      body: 'Mayor Scott Trickett of Halifax gave a speech in Aachen, our twin town, on June 4, 2011.',
      expect: ['SISTER_CITY_OF Halifax -> Aachen'],
    },
    apply: (ctx, s, m) => {
      const partner = ref(s, m[1]);
      return state(ctx.a, 'town-our-twin-town', 'SISTER_CITY_OF', speakerTown(ctx, s, m.index, partner), partner, {}, s);
    },
  },
  {
    name: 'dash-pair-twin-cities',
    stage: 'coordination',
    when: /twin|sister|partner|friendship/,
    matches: /⟨C(\d+)⟩ ?[-–—] ?⟨C(\d+)⟩ (?:[\w-]+ ){0,2}?(?:sister|twin|friendship|partner)[- ]?(?:city|cities|town|towns|relations?|relationships?|ties|committee|association|society|programme|program|year)\b/gi,
    emits: 'SISTER_CITY_OF (the two towns of the pair)',
    why: 'The genre names a partnership by its two towns joined by a dash: "the Hatvan – Maassluis twin-cities relations", "the Fort Worth – Mbabane Sister Cities programme".',
    example: {
      title: 'Anniversary ceremony',
      body: 'The 25th anniversary of Hatvan – Maassluis twin-cities relations was celebrated in Hatvan on May 5, 2017.',
      expect: ['SISTER_CITY_OF Hatvan -> Maassluis'],
    },
    apply: ({ a }, s, m) => state(a, 'dash-pair-twin-cities', 'SISTER_CITY_OF', ref(s, m[1]), ref(s, m[2]), {}, s),
  },
  {
    name: 'partnered-with-as-sister',
    stage: 'coordination',
    when: /partnered with|knot with|became (?:an? )?(?:sister|twin|friendship|partner)|became twinned|formed (?:a )?(?:sister|twin|friendship)/,
    matches: /\b(?:partnered|tied the (?:sister[- ]city |twinning |friendship )?knot|became (?:a |an )?(?:sister|twin|friendship|partner)[- ](?:city|cities|town|towns)|became twinned|formed (?:a )?(?:sister|twin|friendship)[- ](?:city|town) (?:relationship|partnership)) with /gi,
    emits: 'SISTER_CITY_OF (the subject\'s town, each town listed)',
    why: 'Verbs of forming a partnership other than "twinned": "X has partnered with Y as a sister city", "X tied the sister city knot with Y", "became a sister city with Y".',
    example: {
      title: 'Kansas City and its Chinese partners',
      body: 'Kansas City tied the sister city knot with Xi\'an in 1989. Thika has partnered with Dixon since 2007 as a sister city.',
      expect: ['SISTER_CITY_OF Kansas City -> Xi\'an', 'SISTER_CITY_OF Thika -> Dixon'],
    },
    apply: ({ a }, s, m) => {
      if (/^partnered/i.test(m[0]) && !/\b(?:sister|twin|friendship)\b/i.test(s.text)) return 0;
      return partnersListedAfter(a, 'partnered-with-as-sister', ownerCity(a, s, m.index), s, m);
    },
  },
  {
    name: 'relationship-between-towns',
    stage: 'coordination',
    when: /between/,
    matches: /\b(?:relationship|relations|links?|ties|friendship|partnership|bonds?|twinning) between (?:the (?:city|town) of )?⟨C(\d+)⟩ and (?:the (?:city|town) of )?⟨C(\d+)⟩(?! and)/gi,
    emits: 'SISTER_CITY_OF (the two towns)',
    why: 'In an article about a partnership, "the relationship / the links between X and Y" is that partnership, whatever the sentence calls it.',
    example: {
      title: 'Shizuoka delegation in Kamloops',
      body: 'A delegation from Shizuoka visited Kamloops on May 3, 2006, for the sister city anniversary. The visit marked another milestone in the deepening relationship between Kamloops and the city of Shizuoka.',
      expect: ['SISTER_CITY_OF Kamloops -> Shizuoka'],
    },
    apply: ({ a }, s, m) => (aboutPartnership(a) ? state(a, 'relationship-between-towns', 'SISTER_CITY_OF', ref(s, m[1]), ref(s, m[2]), {}, s) : 0),
  },
  {
    name: 'visited-listed-cities',
    stage: 'coordination',
    when: /(?:visit|tour|stop)\w* (?:in )?(?:the |⟨[cv])/,
    matches: /\b(?:will visit|to visit|visited|visits|visiting|will tour|toured|tours|touring|stops in|stopped in|with stops in) (?=(?:the (?:[\w-]+ |⟨N\d+⟩ )?(?:cities|towns) of )?⟨[CV]\d+⟩(?: \(⟨N\d+⟩\)| in ⟨N\d+⟩|, ⟨N\d+⟩)?,? (?:and |as well as )?(?:the city of )?⟨[CVX]\d+⟩)/gi,
    emits: 'VISITED (the subject, each city listed)',
    why: 'A trip is told as one verb with its stops listed ("Mayor X will visit A, B, C and D", "visiting A (U.S.) and B (Canada)"); the subject visited every city of the list.',
    example: {
      title: 'Honolulu mayor to tour Japan',
      body: 'Honolulu Mayor Peter Carlisle will visit Hiroshima, Matsuyama, Nagaoka and Yokohama. Mayor Sly James of Kansas City came back after visiting the Chinese cities of Xi\'an, Yan\'an and Shanghai.',
      expect: ['VISITED Peter Carlisle -> Matsuyama', 'VISITED Peter Carlisle -> Yokohama', 'VISITED Sly James -> Yan\'an'],
    },
    apply: ({ a }, s, m) => {
      const at = m.index + m[0].length;
      // after "the Chinese cities of" an unknown name is a town too
      const towns = /^the (?:[\w-]+ |⟨N\d+⟩ )?(?:cities|towns) of /.exec(s.template.slice(at))?.[0].length ?? 0;
      const { ids } = listAt(a, s, at + towns, towns ? 'CX' : 'C');
      if (ids.length < 2) return 0;
      let subjects = nearestSubjects(a, s, m.index, 'P');
      if (!subjects.length && /^visiting/i.test(m[0])) subjects = subjectsBefore(a, s, m.index, 'P');
      let added = 0;
      for (const p of subjects) for (const c of ids) added += state(a, 'visited-listed-cities', 'VISITED', p, c, {}, s);
      return added;
    },
  },
  {
    name: 'counterparts-acted-together',
    stage: 'coordination',
    when: /⟨p\d+⟩(?: \(⟨n\d+⟩\))?,? and /,
    matches: /⟨P(\d+)⟩(?: \(⟨N\d+⟩\))?,? and (?:the )?(?:⟨T\d+⟩ of (?:the )?⟨[COGVN]\d+⟩,? |⟨C\d+⟩(?: \(⟨N\d+⟩\)|,? ⟨N\d+⟩)?,? )?⟨P(\d+)⟩(?: of (?:⟨N\d+⟩['’]s )?(?:the )?⟨[CVOGN]\d+⟩)?,? (?:(?:formally|officially|jointly|also|then|later|together) )?(?:signed|sign|signs|inked|ink|exchange|exchanged|exchanging|are discussing|discussed|discuss|were there|were present|had a joint|held a joint|held talks|agreed|agree|dedicated|unveiled|planted|cut the|shook hands|toured|met|meet)\b/gi,
    emits: 'MET_WITH (the two officials; date)',
    why: 'Two officials of different cities coordinated as the subject of one joint act (signing, exchanging gifts, talks, a dedication) were together: the genre\'s way of telling that the two sides met.',
    example: {
      title: 'Tustin and Heyuan become sister cities',
      body: 'Heyuan Deputy Mayor Zhu Weiwei and Tustin Mayor Charles Puckett exchange gifts after signing agreements on Oct 23, 2015.',
      expect: ['MET_WITH Zhu Weiwei -> Charles Puckett'],
    },
    apply: ({ a }, s, m) => {
      const x = ref(s, m[1]);
      const y = ref(s, m[2]);
      return counterparts(a, x, y) ? state(a, 'counterparts-acted-together', 'MET_WITH', x, y, dateIn(s), s) : 0;
    },
  },
  {
    name: 'had-talk-with',
    stage: 'coordination',
    when: /talk|discussion|meeting|conversation|dialogue/,
    matches: /\b(?:had|held|hold|holds|having|holding) (?:a |an )?(?:[\w-]+ ){0,2}(?:talk|talks|discussion|discussions|meeting|conversation|dialogue|exchange of views) with (?:the )?/gi,
    emits: 'MET_WITH (the subject, the people talked with; date)',
    why: 'A meeting is often told as a noun: "A had a talk / a constructive discussion / a meeting with B".',
    example: {
      title: 'Ambassador meets Surabaya mayor',
      body: 'Indonesian Ambassador to Pakistan Iwan Amri had a talk with Surabaya Mayor Tri Rismaharini on May 3, 2018.',
      expect: ['MET_WITH Iwan Amri -> Tri Rismaharini'],
    },
    apply: ({ a }, s, m) => {
      const at = m.index + m[0].length;
      const subjects = subjectsBefore(a, s, m.index, 'P');
      const objects = actorsIn(s, at, clauseEnd(s.template, at), 'P');
      let added = 0;
      for (const x of subjects) for (const y of objects) added += state(a, 'had-talk-with', 'MET_WITH', x, y, dateIn(s), s);
      return added;
    },
  },
  {
    name: 'presented-gift-to-counterpart',
    stage: 'coordination',
    when: /present|gave|give|hand/,
    matches: /\b(?:presented|presents|present|gave|gives|handed|hands) (?:(?:his|her|their|its|a|the) (?:[\w-]+ ){0,2}(?:gifts?|souvenirs?|plaques?|keys?|tokens?|books?|certificates?)(?: [^.⟨]{0,30})? to (?:the )?(?:⟨T\d+⟩ of (?:the )?⟨[COGN]\d+⟩,? |⟨C\d+⟩ )?)?⟨P(\d+)⟩/gi,
    emits: 'MET_WITH (the giver, the official given to)',
    why: 'Officials of two cities exchanging gifts is the genre\'s picture of a meeting: "A presented B with a book", "A presents his gift to Mayor B".',
    example: {
      title: 'St Albans mayor in Fano',
      body: 'Mayor Anthony Rowlands of St Albans presented Fano Mayor Massimo Seri with a book on the history of St Albans.',
      expect: ['MET_WITH Anthony Rowlands -> Massimo Seri'],
    },
    apply: ({ a }, s, m) => {
      const y = ref(s, m[1]);
      let added = 0;
      for (const x of nearestSubjects(a, s, m.index, 'P')) if (counterparts(a, x, y)) added += state(a, 'presented-gift-to-counterpart', 'MET_WITH', x, y, dateIn(s), s);
      return added;
    },
  },
];

/** Runs the coordination rules over the article's sentences (after positions and meetings are read). */
export function readCoordination(a: Article, ev: Events): void {
  runSentenceRules({ a, ev }, a.sentences, COORDINATION_RULES);
}
