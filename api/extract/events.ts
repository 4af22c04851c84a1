// Events: named happenings (head noun: … Festival, … Exchange Day Event), visits of delegations and
// officials ("A delegation from X … visits Y", "Chinese trade delegation makes a visit to Y", "Mayor X
// visits Y" in a headline, "the visit of the X League to Y", "a group of students from X arrived in Y",
// "A, with B and C, departed X for Y", "A and B (…) attended Y", "A X Council delegation will fly to Y", "The
// City of Y is hosting a delegation from its sister city, X", "A met with a delegation from X led by B", "the
// delegation will visit Y" for the delegation named before), a headline meeting ("A meets with B"), signings ("X and Y signed a sister-city
// agreement", "the (re-)signing of a memorandum", "Mayor X signed an agreement with his Y counterpart"),
// happenings "held" ('The gala "Z" was held', "a welcome party for the X delegation was held", "Y city hosted
// the meeting to welcome the X delegation"), happenings attended ("will attend a civic ceremony marking …",
// "invited to help celebrate the 40th anniversary of Y"), receptions at a venue or "welcomed … at a reception",
// and nominal events with a date ("the renewal of the charter on September 26th"). What is dated years
// before publication is history, not an event (nor a visit). Each event gets a
// date (resolved against publication), a kind and a city; within an article events whose names share
// most words are one event. The event "in focus" per sentence lets "the event" and "this visit" refer.
import { Cues } from './cues.ts';
import type { AnalyzedSentence, Article } from './article.ts';
import { fold, singleSpace } from './names.ts';
import { runSentenceRules, type SentenceRule } from './rules/engine.ts';
import { actorsIn, cityAt, clauseEnd, clauseStart, lastPersonBefore, nearestSubjects, slots, subjectsBefore } from './relations/common.ts';
import { matchAll } from './match-all.ts';

export interface Visit {
  event: string;
  dest: string;
  /** cities or organisations the visitors come from */
  origins: string[];
  /** ISO country of a visiting delegation named by nationality ("a Chinese trade delegation") */
  originCountry: string | null;
  visitors: Set<string>;
  hosts: Set<string>;
  /** titles of officials said to lead the delegation ("the Japanese city's mayor led a delegation") */
  leaderTitles: string[];
  sentences: Set<number>;
  /** further cities of a trip beyond `dest` (a trip to a country: its sister cities there) */
  stops?: string[];
  /** the frame rule that opened the visit, if one did (credited with what is derived from it) */
  openedBy?: string;
}

export interface Events {
  main: string | null;
  visits: Visit[];
  /** destinations of visits told as background ("a group from X visited Y in 1994"): where the article is at home */
  pastDestinations: string[];
  /** event in focus per sentence index */
  focus: (string | null)[];
  /** "X arranged a welcome party": events that are the object of a verb, with where the verb is (for its subject's role) */
  objects: { sentence: number; event: string; verbAt: number; verb: string }[];
  /**
   * The learned events step only showed its candidates (to its trainer) and decided nothing: no happening may then
   * stand in for its decision (the headline, frames/lead.ts), or the trainer would find the gold happening taken.
   */
  observedOnly?: boolean;
}

const KINDS: [RegExp, string][] = [
  [/exchange day/i, 'exchange day'],
  [/\b(sign(ing|ed)?|agreement|pact|memorandum|mou)\b/i, 'signing'],
  [/\brenewal\b/i, 'signing'],
  [/\bvisit|delegation|trip\b/i, 'visit'],
  [/\bfestival|fest\b/i, 'festival'],
  [/\bforum\b/i, 'forum'],
  [/\bexhibition|expo\b|\bfair\b/i, 'exhibition'],
  [/\breception|banquet|dinner|luncheon|breakfast|welcome party|farewell party\b/i, 'reception'],
  [/\bceremony\b/i, 'ceremony'],
  [/\banniversary|celebration\b/i, 'anniversary'],
  [/\bconference|summit|symposium|seminar|dialogue|workshop\b/i, 'conference'],
  [/\bmatch|games|tournament|championship|marathon|cup|race\b/i, 'sports'],
  [/\bconcert|performance|show\b/i, 'performance'],
  [/\bmeeting|talks|meet\b/i, 'meeting'],
];

export function kindOf(name: string): string {
  for (const [re, k] of KINDS) if (re.test(name)) return k;
  return 'event';
}

const STOP = new Set(['the', 'of', 'and', 'in', 'a', 'an', 'for', 'to', 'on', 'at', 'with', 'event', 'day', 'successfully', 'held']);
function contentWords(s: string): Set<string> {
  return new Set(fold(s).split(' ').filter((w) => w && !STOP.has(w)));
}
function similar(a: string, b: string): boolean {
  const A = contentWords(a);
  const B = contentWords(b);
  if (!A.size || !B.size) return false;
  let inter = 0;
  for (const w of A) if (B.has(w)) inter++;
  return inter / Math.min(A.size, B.size) >= 0.75 && Math.min(A.size, B.size) >= 2;
}

export function dateIn(s: AnalyzedSentence, from = 0): string | null {
  const m = /⟨D(\d+)⟩/.exec(s.template.slice(from));
  return m ? s.mentions[Number(m[1])]!.date ?? null : null;
}

export function newEvent(a: Article, name: string, s: AnalyzedSentence, props: { date?: string | null; city?: string | null; kind?: string }): string {
  // one event per name within the article; similar names are one event, but a visit and a meeting or
  // reception during it ("the meeting to welcome the X delegation") stay two
  const kind = props.kind ?? kindOf(name);
  for (const e of a.events()) {
    if ((kind === 'visit') !== (e.props.kind === 'visit')) continue;
    // happenings in two cities are two ("X delegation visit to Y", "Y students' visit to X")
    if (props.city && e.props.cityId && props.city !== e.props.cityId) continue;
    if ([e.name, ...e.aliases].some((n) => similar(n, name))) {
      if (fold(e.name) !== fold(name)) e.aliases.add(name);
      if (!e.props.date && props.date) e.props.date = props.date;
      if (!e.props.cityId && props.city) e.props.cityId = props.city;
      return e.id;
    }
  }
  return a.addEvent(name, s.index, { date: props.date ?? null, kind, cityId: props.city ?? null });
}

function nameOf(a: Article, id: string): string {
  return a.entities.get(id)?.name ?? '';
}

/** "X delegation visit to Y": the visit of the origin actors (or nationality) to a destination city. */
export function addVisit(a: Article, ev: Events, s: AnalyzedSentence, dest: string, origins: string[], originWords: string | null, originCountry: string | null, personVisitor: string | null): Visit | null {
  const date = dateIn(s);
  // "the ties began after a group from X visited Y in 1994": a visit years before the news is background
  // ("the first visit since the reorganisation in 2009" is not dated 2009)
  const since = s.template.search(/\bsince\b/i);
  if (longBefore(a, since < 0 ? date : dateIn({ ...s, template: s.template.slice(0, since) }))) {
    ev.pastDestinations.push(dest);
    return null;
  }
  const existing = ev.visits.find((v) => v.dest === dest && (!personVisitor || v.visitors.has(personVisitor) || v.origins.length > 0 || originWords));
  if (existing) {
    for (const o of origins) if (!existing.origins.includes(o)) existing.origins.push(o);
    existing.originCountry ??= originCountry;
    if (personVisitor) existing.visitors.add(personVisitor);
    existing.sentences.add(s.index);
    const e = a.entities.get(existing.event)!;
    if (!e.props.date && date) e.props.date = date;
    return existing;
  }
  const who = personVisitor ? nameOf(a, personVisitor) : origins.length ? origins.map((o) => nameOf(a, o)).join(' and ') + ' delegation' : `${originWords ?? ''} delegation`.trim();
  const name = `${who} visit to ${nameOf(a, dest)}`;
  const event = newEvent(a, name, s, { date, city: dest, kind: 'visit' });
  const v: Visit = { event, dest, origins: [...origins], originCountry, visitors: new Set(personVisitor ? [personVisitor] : []), hosts: new Set(), leaderTitles: [], sentences: new Set([s.index]) };
  ev.visits.push(v);
  return v;
}

/** Words that may stand between "from" and a delegation's origin: "from its sister city, X". */
const ORIGIN_LEAD = String.raw`(?:the |its |their |our )?(?:(?:sister|twin|partner|friendship) (?:city|town),? |(?:⟨N\d+⟩ )?(?:city|town|municipality) of )?`;

/** "a delegation (of officials) from X (and Y)", "a group of students from X": the origins are the placeholders. */
const DELEGATION_FROM = new RegExp(String.raw`\b(?:(?:delegations?|members|representatives) (?:\w+ ){0,7}?(?:from|of)|(?:group|team|troupe|choir|orchestra|party|parties|students|pupils|visitors|guests) (?:[\w-]+ ){0,5}?from) ${ORIGIN_LEAD}((?:⟨[COGMNX]\d+⟩(?:['’]s?)?,? (?:and )?(?:the )?)+)`, 'gi');

/** A delegation noun phrase: its article, then what may name its origin ("the 11th JNMA (JNMA) delegation"). */
const DELEGATION_NOUN = /(?:^|(?<=[\s(]))(?:(?:an?|the|its|their) )?((?:[\w-]+ )?(?:⟨[NCOGMX]\d+⟩(?:['’]s)? (?:\(⟨X\d+⟩\) )?)?(?:[\w-]+ ){0,2})(?:delegations?|civic party|civic parties)\b/gi;

/** A group named by its city or nationality: "Japanese students", "the Edmonds exchange pupils". */
const GROUP_NOUN = /(?:^|(?<=[\s(]))(?:(?:the|a|an) )?⟨([NC])(\d+)⟩ (?:[\w-]+ ){0,2}?(?:students|pupils|delegates|officials|teachers|youths)\b/g;

/** "X welcomed / is hosting a delegation (…) from (its sister city,) Y": Y's visit to X. */
const WELCOMED_FROM = new RegExp(String.raw`\b(?:welcomed|received|hosted|greeted|met with|meets with|welcomes|receives|(?:is |are |will be )?hosting|hosts|will host) (?:the |a |an )?(?:[\w-]+ )?(?:delegation|guests|visitors)\b[^.]{0,120}?\bfrom ${ORIGIN_LEAD}⟨C(\d+)⟩`, 'gi');

/** What a happening is held for: "… to unveil the X", "… to welcome the Y delegation". */
const PURPOSE = /^ (to (?:unveil|open|mark|celebrate|launch|inaugurate|welcome|honou?r|commemorate) (?:the )?(?:⟨[XEGMO]\d+⟩|(?:⟨[CN]\d+⟩ )?[\w-]+(?: [\w-]+){0,3})|in hono(?:u)?r of (?:the )?(?:visiting )?(?:⟨T\d+⟩ of (?:the )?⟨C\d+⟩|⟨[TPCOG]\d+⟩|(?:⟨[CN]\d+⟩ )?[\w-]+(?: [\w-]+){0,2} (?:delegation|visitors|guests)))/;

/** "will attend a civic ceremony (marking the 25th anniversary)": an indefinite happening someone attends. */
const ATTEND_NEW = /\b(?:attend|attends|attended|take part in|took part in|takes part in|participate in|participated in|join|joined) an? ((?:[\w-]+ ){0,3}?(?:ceremony|reception|banquet|dinner|luncheon|festival|forum|conference|seminar|symposium|concert|parade|celebration|exhibition|fair|gala))((?: (?:marking|to mark|celebrating|to celebrate|commemorating) (?:the |a |its )?(?:[\w-]+ ){0,3}?(?:anniversary|founding|opening|centenary|jubilee))?)/gi;

const VISIT_VERB = /\b(?:visits|visited|visiting|to visit|will visit|paid a visit to|pays a visit to|made a visit to|makes a (?:\w+ )?visit to|made a (?:\w+ )?visit to|(?:\w+ )?visit to|arriv(?:e|es|ed|ing)(?: (?:on )?(?:⟨D\d+⟩|\w+day|today|tomorrow|yesterday))? in|will be in|came to|travell?(?:ed|ing) to|travels? to|fl(?:y|ies|ew|ying) to|head(?:s|ed|ing)? (?:off )?to|(?:went|goes|go|going) to|was in|were in|toured|invited\b(?:[^⟨.]|⟨D\d+⟩){0,40}? to)\s+(?:(?:another of|one of)\s+)?/g;

/** The first verb of visiting at or after `from` in a template. */
function visitVerbFrom(t: string, from: number): RegExpExecArray | null {
  VISIT_VERB.lastIndex = from;
  return VISIT_VERB.exec(t);
}

/** The destination city after a visit verb at `at`: skips a possessive owner ("Seattle's Irish Sister City, Galway"). */
function destinationAfter(a: Article, s: AnalyzedSentence, at: number): string | null {
  const rest = s.template.slice(at, clauseEnd(s.template, at) + 1);
  const direct = cityAt(a, s, rest);
  if (direct && !/^['’]/.test(rest.slice(direct.length))) return direct.id;
  // "Seattle's Irish Sister City, Galway" / "Korean sister city Daejeon"
  const m = /^(?:the )?(?:⟨C\d+⟩['’]s? )?(?:[\w-]+ |⟨N\d+⟩ ){0,3}?(?:sister|twin|friendship|partner) (?:city|cities|town|towns)\s*(?:[,—–-]+\s*)?(?:of (?:the )?)?⟨C(\d+)⟩/i.exec(rest);
  if (m) return s.refs[Number(m[1])] ?? null;
  return null;
}

/** "X's twin town of Y", "Y, X's sister city": the city Y is twinned to, as the sentence tells it. */
function twinOwner(s: AnalyzedSentence, dest: string): string | null {
  for (const m of matchAll(s.template, /⟨C(\d+)⟩['’]s? (?:[\w-]+ |⟨N\d+⟩ ){0,3}?(?:sister|twin|partner|friendship) (?:city|town)(?:,? (?:of )?(?:the )?⟨C(\d+)⟩)?/gi)) {
    const owner = s.refs[Number(m[1])];
    const twin = m[2] ? s.refs[Number(m[2])] : null;
    if (owner && owner !== dest && (twin === dest || !twin && new RegExp(`⟨C(?:${s.refs.map((r, j) => (r === dest ? j : -1)).filter((j) => j >= 0).join('|')})⟩,? $`).test(s.template.slice(0, m.index)))) return owner;
  }
  return null;
}

/** The city of the subject before `at`: a city, a title that names one ("the Georgetown Mayor"), a holder's or a body's. */
function subjectCity(a: Article, s: AnalyzedSentence, at: number, not: string | null): string | null {
  for (const sl of slots(s, clauseStart(s.template, at), at)) {
    const name = s.mentions[sl.index]?.name ?? '';
    const c = sl.letter === 'C' ? sl.id : sl.letter === 'T' ? a.cityInName(name) : sl.letter === 'P' && sl.id ? a.positionsOf(sl.id).map((f) => a.cityOf(f.to)).find(Boolean) ?? null : sl.id && 'OGM'.includes(sl.letter) ? a.cityOf(sl.id) : null;
    if (c && c !== not) return c;
  }
  return null;
}

/** The city of a dateline ("LEEDS — …"): where the article is written from. */
function datelineCity(a: Article): string | null {
  const first = a.sentences.find((s) => s.paragraph >= 0);
  const m = first ? /^(?:⟨D\d+⟩ )?⟨C(\d+)⟩,? (?:⟨N\d+⟩,? )?(?:\(⟨[A-Z]\d+⟩\) )?[—–-]/.exec(first.template) : null;
  return m ? first!.refs[Number(m[1])] ?? null : null;
}

// The per-sentence word tests of `findEvents`, made once: a literal in the loop is a new RegExp object for every sentence.
const TRAVELLING_GROUP_WORDS = /\b(?:groups?|teams?|troupes?|choirs?|orchestras?|party|parties|members|representatives|students|pupils|visitors|guests)\b/;
const GROUP_MEMBER_WORDS = /students|pupils|delegates|officials|teachers|youths/;
const POSSESSIVE_PRONOUN = /\b(?:his|her|their) /i;
const VISIT_WORDS = /visit|delegat|attended|welcomed to|arriv/;
const DATE_SLOT = /⟨D\d+⟩/;
const TIMES_WORD = /\btimes?\b/;
const DEPARTURE_WORDS = /departed|left|leav/;
const GUEST_WORDS = /delegat|guests|visitors/;
const VISITING_WORDS = /visiting|welcomed/;
const HOLDING_WORDS = /held|hold|host|organi|staged|launch|opened/;
const TOOK_PLACE = / (?:was|were|will be) (?:held|staged)| took place/;
const ATTENDING_WORDS = /attend|part in|particip|join/;
const SIGNING_WORDS = /sign|ink|renew/;
const HELD_WORDS = /held|staged|took place|opened/;
const MEAL_OR_PARTY_WORDS = /reception|banquet|dinner|luncheon|breakfast|party/;
const MEAL_WORDS = /reception|banquet|dinner|luncheon/;
const WELCOMED_BY = /welcomed by|greeted by|received by/;
const HAPPENING_WORDS = /ceremony|forum|exhibition|reception|banquet|celebration|festival|conference|seminar|symposium|exchange|fair|expo|concert|gala|summit|meeting|talks|dinner|luncheon|workshop|competition|match|tournament|parade/;
const SIGN_WORD = /sign/;

/**
 * The article's happenings: the rules' events, then `learned` (the learned step, learned/events.ts) adds the
 * happenings its model accepts, before the main event and the focus are settled over all of them.
 */
export function findEvents(a: Article, learned?: (a: Article, ev: Events) => void): Events {
  const ev: Events = { main: null, visits: [], pastDestinations: [], focus: [], objects: [] };
  // events a sentence introduces with a common noun ("the renewal of the charter on …"): the sentence's topic
  const introduced = new Map<number, string>();
  // a mayor who signs in the other city is that city's visitor: the signing is then the article's visit
  let signingAbroad: Omit<Visit, 'hosts' | 'leaderTitles' | 'originCountry'> | null = null;
  const namedEvents = a.sentences.some((s) => s.mentions.some((m) => m.kind === 'Event' && m.words >= 2));
  const title = a.sentences.find((s) => s.paragraph === -1) ?? null;
  // origins of the delegation named last: "the delegation" refers to it
  let lastDelegation: string[] = [];
  // "Mayor X meets with the Y Association", "Gyumri mayor receives Glendale mayor": the headline's meeting, told by the
  // first body sentence that says "met"
  // ("Morocco ambassador in Nigeria meets FCT minister X": a title may be a common word beside the names)
  let headlineMeeting = title && /^(?=(?:[\w-]+ ){0,2}⟨)(?:(?:⟨[A-Z]\d+⟩|[a-z][\w-]*)(?: (?:of|in) (?:the )?⟨[CNO]\d+⟩)?,? (?:and )?){1,4}(?:meets|met|holds talks with|held talks with|receives|received|welcomes|welcomed)\b/.test(title.template)
    ? newEvent(a, a.input.title.replace(/\s+/g, ' ').trim(), title, { date: null, city: null, kind: 'meeting' })
    : null;

  for (const s of a.sentences) {
    const t = s.template;
    // cheap word tests spare most sentences the patterns that cannot match them
    // one scan of the template tells which patterns' words it holds (cues.ts): the others are not run
    const cues = Cues.ofSentence(s);
    const lower = cues.lower;
    const hasDelegation = lower.includes('delegat');
    if (headlineMeeting && s.paragraph >= 0) {
      const met = /\b(?:met|meets|held talks|holds talks)(?: in (?:the )?⟨C(\d+)⟩)?(?: on ⟨D\d+⟩)? with\b/.exec(t);
      if (met) {
        const e = a.entities.get(headlineMeeting)!;
        const host = subjectsBefore(a, s, met.index, 'P').map((p) => a.positionsOf(p).map((f) => a.cityOf(f.to)).find(Boolean)).find(Boolean);
        e.props.cityId ??= (met[1] ? s.refs[Number(met[1])] : null) ?? heldIn(s, a) ?? host ?? null;
        e.props.date ??= dateIn(s);
        introduced.set(s.index, headlineMeeting);
        headlineMeeting = null;
      }
    }
    // named events ("the Commemoration Ceremony for the 25th Anniversary of X" is one, though read as two names)
    const joined = new Map<number, [number, string]>();
    if (t.includes('⟨E')) for (const m of cues.matches(/⟨E(\d+)⟩ (for|of|marking|celebrating|commemorating) the ((?:\d+(?:st|nd|rd|th)|[a-z]+(?:th|st|nd|rd)) )?⟨E(\d+)⟩/g)) {
      const [h, d] = [Number(m[1]), Number(m[4])];
      if (joined.has(h) || [...joined.values()].some(([x]) => x === h)) continue;
      joined.set(h, [d, `${s.mentions[h]!.name} ${m[2]} the ${m[3] ?? ''}${s.mentions[d]!.name}`]);
    }
    const dependents = new Map([...joined].map(([h, [d]]) => [d, h]));
    s.mentions.forEach((m0, j) => {
      if (m0.kind !== 'Event' || m0.words < 2 || dependents.has(j)) return;
      const m = joined.has(j) ? { ...m0, name: joined.get(j)![1] } : m0;
      // "the deputy secretary general of the X Conference": a body someone holds office in, not a happening
      if (new RegExp(`⟨T\\d+⟩ of (?:the )?⟨E${j}⟩`).test(t)) return;
      const city = a.cityInName(m.name) ?? heldIn(s, a);
      const near = new RegExp(`⟨E${j}⟩(?:[^.⟨]|⟨[CVN]\\d+⟩){0,60}?\\b(?:on|from|in|between|since)\\s+⟨D(\\d+)⟩|\\b(?:on|from) ⟨D(\\d+)⟩(?:[^.⟨]|⟨[CVN]\\d+⟩){0,40}⟨E${j}⟩`).exec(t);
      const date = near ? s.mentions[Number(near[1] ?? near[2])]!.date ?? null : null;
      const id = newEvent(a, m.name, s, { date, city, kind: kindOf(m.name) });
      s.refs[j] = id;
      if (joined.has(j)) s.refs[joined.get(j)![0]] = id;
    });
    // "the September Special, a ten day music festival"
    if (lower.includes(', a')) for (const m of cues.matches(/⟨X(\d+)⟩, an? (?:[\w-]+ ){0,4}(festival|fair|forum|exhibition|expo|ceremony|concert|tournament|competition|conference|celebration|event|parade|carnival)\b/g)) {
      const j = Number(m[1]);
      const mm = s.mentions[j]!;
      mm.kind = 'Event';
      s.refs[j] = newEvent(a, mm.name, s, { kind: kindOf(m[2]!), date: null, city: null });
    }
    // visits of delegations
    // (also "a group of 20 students from X arrived in Y", "a youth choir from X toured Y")
    if (hasDelegation || cues.testLower(TRAVELLING_GROUP_WORDS)) for (const m of cues.matches(DELEGATION_FROM)) {
      const originText = m[1]!;
      let origins = actorsIn(s, m.index! + m[0].length - originText.length, m.index! + m[0].length, 'COGM');
      // "from X's sister city Y": the delegation comes from Y
      const possessive = matchAll(originText, /⟨C(\d+)⟩['’]/g).map((x) => s.refs[Number(x[1])]);
      origins = origins.filter((o) => !possessive.includes(o));
      const nation = matchAll(originText, /⟨N(\d+)⟩/g).map((x) => s.mentions[Number(x[1])]!).find((x) => x.country);
      const country = nation?.country ?? null;
      VISIT_VERB.lastIndex = m.index! + m[0].length;
      let dest: string | null = null;
      for (const v of cues.matches(VISIT_VERB)) {
        if (v.index! < m.index!) continue;
        dest = destinationAfter(a, s, v.index! + v[0].length);
        if (dest) break;
      }
      // "students from X paid a courtesy call on the mayor at Y City Hall": the venue's city
      if (!dest && /\b(?:paid|pays|pay|made|makes) a courtesy (?:call|visit)\b/i.test(t.slice(m.index! + m[0].length))) dest = heldIn(s, a);
      // "the visit of a delegation from X … to Y"
      if (!dest && /\bvisits? (?:of|by) (?:an? |the )?(?:[\w-]+ )?$/i.test(t.slice(Math.max(0, m.index! - 30), m.index!))) {
        const to = /^[^.]{0,60}?\bto (?:the )?⟨C(\d+)⟩(?!['’])/.exec(t.slice(m.index! + m[0].length));
        if (to) dest = s.refs[Number(to[1])] ?? null;
      }
      if (!dest && possessive[0] && s.paragraph === -1) dest = possessive[0];
      // "a delegation from China's Haiyan county visited Y": a country is origin enough
      if (dest && (origins.length || country) && !origins.includes(dest)) addVisit(a, ev, s, dest, origins, origins.length ? null : nation!.name, country, null);
    }
    // "the visit of the X Federation to Y": an organisation's visit
    if (lower.includes('visit')) for (const m of cues.matches(/\b(?:visit|trip) (?:of|by) (?:the |an? )?⟨([OGM])(\d+)⟩ to (?:the )?⟨C(\d+)⟩(?!['’])/g)) {
      const org = s.refs[Number(m[2])];
      const dest = s.refs[Number(m[3])];
      if (org && dest && a.cityOf(org) !== dest) addVisit(a, ev, s, dest, [org], null, null, null);
    }
    // "a Chinese trade delegation has visited Y", "its civic delegation visit to Y", "A Goulburn Council delegation
    // will fly to Y"; "the delegation will visit Y" is the delegation named before ("the 11th JNMA delegation")
    if (hasDelegation || lower.includes('civic part')) for (const m of cues.matches(DELEGATION_NOUN)) {
      const adj = m[1]!.trim();
      const nat = /⟨N(\d+)⟩/.exec(adj);
      const named = /⟨([COGM])(\d+)⟩/.exec(adj);
      const its = /^(its|their)\b/i.test(m[0]);
      const subject = its ? subjectsBefore(a, s, m.index!, 'OGM')[0] ?? null : null;
      const own = named ? [s.refs[Number(named[2])]!].filter(Boolean) : subject ? [subject] : [];
      if (own.length) lastDelegation = own;
      const anaphor = /^the (?:delegation|civic party)$/i.test(m[0]) && !own.length;
      const origins = anaphor ? [...lastDelegation] : own;
      const after = m.index! + m[0].length;
      const vm = visitVerbFrom(t, after);
      // "the X delegation, led by A, signed the agreement with Y", where the signing is told to be in Y: a visit to Y
      const signedWith = /^,? (?:(?:led|headed) by [^,.]{0,40}, )?(?:signed|inked) [^.]{0,80}?\bwith (?:the )?⟨C(\d+)⟩/.exec(t.slice(after));
      const partner = signedWith ? s.refs[Number(signedWith[1])] : null;
      if (partner && origins.length && !origins.includes(partner) && signedIn(a, partner)) {
        addVisit(a, ev, s, partner, origins, null, null, null);
        continue;
      }
      // "the city of X's first-ever delegation to Y (will make the trip)": the destination right after the noun
      const to = /^ to (?:the )?(?:city of )?⟨C(\d+)⟩(?!['’])/.exec(t.slice(after));
      // "a delegation of six X students and one chaperone are traveling to Y": the members' words may name the origin
      const between = vm ? t.slice(after, vm.index) : '';
      const members = vm && !to ? /^ of (?:[^⟨.]|⟨[CN](\d+)⟩){0,80}$/.exec(between) : null;
      if (!to && (!vm || (vm.index - after > 40 || /⟨[COGMP]/.test(between)) && !members)) continue;
      const dest = to ? s.refs[Number(to[1])] ?? null : destinationAfter(a, s, vm!.index + vm![0].length);
      if (!dest) continue;
      if (!origins.length && members) {
        const c = matchAll(between, /⟨C(\d+)⟩/g).map((x) => s.refs[Number(x[1])]).find((id) => id && id !== dest);
        if (c) origins.push(c);
      }
      // "a seven-strong delegation visited X's twin town of Y", "a delegation is visiting Y, X's twin city": from X;
      // an indefinite delegation of the opening lines otherwise comes from the city the article is datelined in
      if (!origins.length && !nat && /^(?:an?|one) /i.test(m[0])) {
        const owner = twinOwner(s, dest) ?? datelineCity(a);
        if (owner && owner !== dest) origins.push(owner);
        else if (s.paragraph <= 1 && !ev.visits.length) {
          addVisit(a, ev, s, dest, [], null, null, null);
          continue;
        }
      }
      const country = nat ? s.mentions[Number(nat[1])]!.country ?? null : null;
      const words = adj.replace(/⟨[NX](\d+)⟩/g, (_, j: string) => s.mentions[Number(j)]!.name).replace(/⟨[COGM]\d+⟩ ?|\(⟨X\d+⟩\) ?/g, '').trim();
      // a delegation named by its words alone ("Latin American mayors delegation") only in the opening lines
      const described = /⟨X\d+⟩/.test(adj) && s.paragraph <= 0 && !ev.visits.length;
      if (!origins.length && !country && !described) continue;
      if (origins.includes(dest)) continue;
      addVisit(a, ev, s, dest, origins, words || null, country, null);
    }
    // "Japanese students will travel to Y", "Edmonds pupils are visiting Y": a group named by its city or nationality
    if (cues.testLower(GROUP_MEMBER_WORDS)) for (const m of cues.matches(GROUP_NOUN)) {
      const j = Number(m[2]);
      const after = m.index! + m[0].length;
      const vm = visitVerbFrom(t, after);
      if (!vm || vm.index - after > 30 || /⟨|[,;]/.test(t.slice(after, vm.index))) continue;
      const dest = destinationAfter(a, s, vm.index + vm[0].length);
      const origin = m[1] === 'C' ? s.refs[j] ?? null : null;
      const country = m[1] === 'N' ? s.mentions[j]!.country ?? null : null;
      if (!dest || !origin && !country || origin === dest || country && a.countryOfCity(dest) === country) continue;
      addVisit(a, ev, s, dest, origin ? [origin] : [], origin ? null : s.mentions[j]!.name, country, null);
    }
    // "It was the first twinning visit to Y since 2009": the visit of the delegation the article is about
    if (lastDelegation.length && !ev.visits.length && lower.includes('visit to')) for (const m of cues.matches(/\b(?:twinning|official|civic|goodwill|friendship|return|reciprocal) visit to (?:the )?⟨C(\d+)⟩(?!['’])/gi)) {
      const dest = s.refs[Number(m[1])];
      if (dest && !lastDelegation.includes(dest) && !subjectsBefore(a, s, m.index!, 'POGM').length) addVisit(a, ev, s, dest, lastDelegation, null, null, null);
    }
    // "A welcomed B on her first visit to Y": B's visit (not where a named event is the article's topic)
    if (!namedEvents && cues.test(POSSESSIVE_PRONOUN)) for (const m of cues.matches(/\b(?:his|her|their) (?:first |second |third |last |recent |\w+ ){0,2}(?:official |working |friendly |goodwill )?(?:visit|trip) to (?:the )?⟨C(\d+)⟩(?!['’])/gi)) {
      const person = lastPersonBefore(s, m.index!);
      const dest = s.refs[Number(m[1])];
      if (person && dest && a.positionsOf(person).every((f) => a.cityOf(f.to) !== dest)) addVisit(a, ev, s, dest, [], null, null, person)?.visitors.add(person);
    }
    // "Mayor X visits Y" in a headline; "X led a delegation to visit Y" / "A and B (…) attended Y" (a town) with a date
    if (cues.testLower(VISIT_WORDS)) for (const m of cues.matches(/\b(?:visits|visited|visiting|is visiting|attended|arriv(?:e|es|ed)(?: (?:on )?(?:⟨D\d+⟩|\w+day))? in|(?:was|were) welcomed to|(?:took|used) the opportunity for a (?:\w+ )?visit (?:in|to)|(?:paid|made) a (?:\w+ )?visit (?:in|to)|pays a visit to|makes a visit to|(?:led|headed|leads|heads) (?:a|an|the) (?:[\w-]+ ){0,2}delegation to(?: visit)?)\s+/g)) {
      const isTitle = s.paragraph === -1;
      const hasDate = cues.test(DATE_SLOT) && !cues.test(TIMES_WORD);
      // "took the opportunity for a visit in the German sister city Y": a visit of its own, dated or not
      const toTwin = /^(?:the )?(?:⟨N\d+⟩ )?(?:sister|twin|partner) (?:city|town) ⟨C\d+⟩/.test(t.slice(m.index! + m[0].length)) && /\bvisit (?:in|to)\s+$/.test(m[0]);
      if (!isTitle && !hasDate && !toTwin) continue;
      const dest = destinationAfter(a, s, m.index! + m[0].length);
      let people = nearestSubjects(a, s, m.index!, 'P');
      const head = t.slice(0, m.index!);
      if (toTwin && !people.length) {
        const only = subjectsBefore(a, s, m.index!, 'P');
        if (only.length === 1 && (head.match(/⟨P\d+⟩/g) ?? []).length === 1) people = only;
      }
      // "Mayor A of X, along with seven other X officials, arrive in Y": the one named nearest arrives
      const arrives = /^arriv/.test(m[0]);
      if (arrives) people = people.slice(-1);
      const person = people[0];
      if (arrives && person && a.positionsOf(person).some((f) => a.cityOf(f.to) === dest)) continue;
      if (!dest || !person || !toTwin && !/⟨P\d+⟩[^⟨]{0,3}$/.test(head) && !/⟨P\d+⟩(?: of (?:the )?⟨C\d+⟩(?:, ⟨N\d+⟩)?)?(?:,[^.]{0,120},| \([^().]{0,80}\)| and (?:\w+ ){0,2}(?:delegates|officials|members|colleagues|others|staff))\s*$/.test(head)) continue;
      const v = addVisit(a, ev, s, dest, [], null, null, person);
      for (const p of people) v?.visitors.add(p);
    }
    // "A, with B and C, departed X on July 19 for Y" / "… to spend a week in Y" / "left X for Y": a trip from home
    if (cues.testLower(DEPARTURE_WORDS)) for (const m of cues.matches(/\b(?:departed|departs|left|leaves|will leave) (?:from )?⟨C(\d+)⟩(?!['’])/g)) {
      const home = s.refs[Number(m[1])];
      const people = subjectsBefore(a, s, m.index!, 'P');
      if (!home || !people.length) continue;
      const after = m.index! + m[0].length;
      // "left X in 2019 to work in Y" is a move, not a trip
      if (/^[^.]{0,40}?\bto (?:work|live|study|settle|move|retire|join)\b/.test(t.slice(after)) || longBefore(a, dateIn(s))) continue;
      let dest: string | null = null;
      for (const c of matchAll(t.slice(after), /(?:\b(?:for|to|in|with|visit|visiting) (?:the )?(?:city of )?)⟨C(\d+)⟩(?!['’])/g)) {
        const id = s.refs[Number(c[1])];
        if (id && id !== home) { dest = id; break; }
      }
      if (!dest) continue;
      const v = addVisit(a, ev, s, dest, [home], null, null, null);
      for (const p of people) v?.visitors.add(p);
    }
    // "a 17-member delegation led by X, secretary-general of the Izmir Metropolitan Municipality, visited Y"
    if (hasDelegation) for (const m of cues.matches(/\bdelegation\b[^.⟨]{0,30}?\b(?:led|headed) by (?:the )?⟨P(\d+)⟩/gi)) {
      const leader = s.refs[Number(m[1])];
      if (!leader) continue;
      const vm = visitVerbFrom(t, m.index! + m[0].length);
      if (!vm) continue;
      const dest = destinationAfter(a, s, vm.index + vm[0].length);
      const origin = a.positionsOf(leader).map((f) => a.cityOf(f.to)).find(Boolean) ?? null;
      if (!dest || origin === dest) continue;
      addVisit(a, ev, s, dest, origin ? [origin] : [], null, null, origin ? null : leader)?.visitors.add(leader);
    }
    // "the mayor welcomed the delegation … coming from Kure", "The City of X is hosting a delegation from its sister
    // city, Y", "the Town Council welcomed guests from Y": a visit to the welcoming side's city
    // (an article about a named event tells of delegations that came for it: no visit of its own)
    if (!namedEvents && cues.testLower(GUEST_WORDS)) for (const m of cues.matches(WELCOMED_FROM)) {
      const origin = s.refs[Number(m[1])];
      const host = subjectsBefore(a, s, m.index!, 'POGMC')[0] ?? cityNamedAsSubject(s, m.index!);
      const explicit = !host ? null : a.label(host) === 'City' ? host : a.positionsOf(host).map((f) => a.cityOf(f.to)).find(Boolean) ?? a.cityOf(host);
      const dest = explicit ?? heldIn(s, a) ?? hostCity(a);
      if (!origin || !dest || origin === dest) continue;
      const v = addVisit(a, ev, s, dest, [origin], null, null, null);
      if (host) v?.hosts.add(host);
    }
    // "hosted a reception in honour of the visiting Mayor of X, A", "welcomed A and his delegation to Y": A's visit
    if (cues.testLower(VISITING_WORDS)) {
      for (const m of cues.matches(/\bthe visiting (?:⟨T\d+⟩ (?:of (?:the )?⟨C(\d+)⟩(?:, ⟨N\d+⟩)?,? )?)?⟨P(\d+)⟩/g)) {
        const person = s.refs[Number(m[2])];
        if (!person) continue;
        const origin = (m[1] ? s.refs[Number(m[1])] : null) ?? a.positionsOf(person).map((f) => a.cityOf(f.to)).find(Boolean) ?? null;
        const dest = heldIn(s, a) ?? subjectCity(a, s, m.index!, origin) ?? [datelineCity(a), hostCity(a)].find((c) => c && c !== origin) ?? null;
        if (!dest || dest === origin) continue;
        addVisit(a, ev, s, dest, [], null, null, person)?.visitors.add(person);
      }
      for (const m of cues.matches(/\bwelcomed (?:the )?(?:⟨T\d+⟩ )?⟨P(\d+)⟩(?: of (?:the )?⟨C\d+⟩)?(?:,[^.⟨]{0,40},)? (?:and (?:his|her|their) (?:\w+ )?(?:delegation|team|party|group) )?to (?:the city of )?⟨C(\d+)⟩(?!['’])/g)) {
        const person = s.refs[Number(m[1])];
        const dest = s.refs[Number(m[2])];
        if (!person || !dest || a.positionsOf(person).some((f) => a.cityOf(f.to) === dest)) continue;
        const v = addVisit(a, ev, s, dest, [], null, null, person);
        v?.visitors.add(person);
        for (const h of subjectsBefore(a, s, m.index!, 'P')) if (h !== person) v?.hosts.add(h);
      }
    }
    // "X held a signing ceremony for …", "X and Y held a friendship forum"
    if (cues.testLower(HOLDING_WORDS) && cues.testLower(HAPPENING_WORDS)) for (const m of cues.matches(/\b(?:held|hold|holds|hosted|host|hosts|organi[sz]ed|staged|launched|opened) (?:a |an |the |its |their )?((?:[\w-]+ ){0,3}?(?:signing ceremony|ceremony|forum|exhibition|reception|banquet|celebration|festival|conference|seminar|symposium|exchange day|exchange event|fair|expo|concert|gala|summit|meeting|talks|dinner|luncheon|workshop|competition|match|tournament|parade))\b/gi)) {
      if (/⟨E\d+⟩/.test(t.slice(m.index!, m.index! + m[0].length + 20))) continue;
      // "hosted the meeting to welcome the Y delegation": the purpose tells a bare meeting apart
      const purpose = PURPOSE.exec(t.slice(m.index! + m[0].length));
      const phrase = m[1]!.replace(/^(a|an|the) /i, '') + (purpose ? ' ' + words(s, purpose[1]!) : '');
      if (phrase.split(' ').length === 1 && !/ceremony|forum|festival|reception|banquet|exhibition|conference|summit|seminar|symposium|gala|concert|fair|expo/i.test(phrase)) continue;
      // the hosts' cities: a person's is where they hold office ("Xiamen Mayor X hosted a banquet")
      const host = hostingCity(s, m.index!);
      const subj = host ? [host] : subjectsBefore(a, s, m.index!, 'PCOGM').map((id) => a.label(id) === 'Person' ? a.positionsOf(id).map((f) => a.cityOf(f.to)).find(Boolean) ?? null : a.cityOf(id)).filter(Boolean) as string[];
      const cities = [...new Set(subj)];
      if (!cities.length) {
        // during a visit the happenings told without a place are at its destination, not at home
        const here = ev.visits[0]?.dest ?? hostCity(a);
        if (here) cities.push(here);
      }
      const prefix = cities.length ? cities.map((c) => nameOf(a, c)).join('–') + ' ' : '';
      const id = newEvent(a, `${prefix}${phrase}`, s, { date: dateIn(s), city: heldIn(s, a) ?? (cities.length === 1 ? cities[0] : null), kind: kindOf(m[1]!) });
      introduced.set(s.index, id);
    }
    // "a welcome dinner was held at the Grand Hotel in Y", "a signing ceremony will be held in Y"
    if (cues.testLower(TOOK_PLACE)) for (const m of cues.matches(/\b(an?|one|the) ((?:[\w-]+ ){0,3}?(?:reception|banquet|dinner|luncheon|gala|ceremony|forum|festival|concert|exhibition|conference|seminar|symposium|celebration|parade|meeting|workshop|fair|welcome party|farewell party))((?: for the (?:⟨[CNOG]\d+⟩ )?(?:[\w-]+ )?(?:delegation|delegates|guests|visitors))?) (?:(?:was|were|will be) (?:held|staged)|took place)\b/gi)) {
      // "the ceremony was held …" names an event told before, unless none of its kind is known yet
      if (/^the$/i.test(m[1]!) && a.events().some((e) => e.props.kind === kindOf(m[2]!))) continue;
      const city = heldIn(s, a) ?? null;
      const prefix = city ? `${nameOf(a, city)} ` : '';
      // a bare "a ceremony was held" needs its purpose to be told apart: "… to unveil the X"
      const purpose = PURPOSE.exec(t.slice(m.index! + m[0].length));
      // "a welcome party for the X delegation was held": for whom tells it apart as well
      const name = `${prefix}${m[2]}${words(s, m[3]!) ? ' ' + words(s, m[3]!) : ''}${purpose ? ' ' + words(s, purpose[1]!) : ''}`;
      if (name.split(' ').length < 2) continue;
      introduced.set(s.index, newEvent(a, name, s, { date: dateIn(s), city, kind: kindOf(m[2]!) }));
    }
    // "will attend a civic ceremony marking the 25th anniversary": a happening its attendees introduce
    if (cues.testLower(ATTENDING_WORDS)) for (const m of cues.matches(ATTEND_NEW)) {
      const name = `${m[1]}${m[2]}`;
      if (name.split(' ').length < 2) continue;
      introduced.set(s.index, newEvent(a, name, s, { date: dateIn(s), city: heldIn(s, a), kind: kindOf(m[1]!) }));
    }
    // "were invited to help celebrate the 40th anniversary of X": X's anniversary, in X
    if (lower.includes('anniversary of')) for (const m of cues.matches(/\bto (?:help )?(?:celebrate|mark|commemorate|attend|join) the ((?:\d+(?:st|nd|rd|th)|[a-z]+(?:th|st|nd|rd)) anniversary of (?:the )?⟨([COGM])(\d+)⟩)/gi)) {
      const owner = s.refs[Number(m[3])];
      if (!owner) continue;
      const city = m[2] === 'C' ? owner : a.cityOf(owner);
      introduced.set(s.index, newEvent(a, words(s, m[1]!), s, { date: dateIn(s), city, kind: 'anniversary' }));
    }
    // "the Japanese city's mayor led a delegation to visit the Chinese city", "Sasebo's mayor headed a delegation to Y"
    if (hasDelegation) for (const m of cues.matches(/(?:⟨C(\d+)⟩'s|the ⟨N(\d+)⟩ (?:city|town)'s) (?:\w+ ){0,2}?(mayor|governor|deputy mayor|vice mayor|party secretary|president|chairman|leader)s? (?:has |had )?(?:led|headed|leads|heads) (?:a |an |the )?(?:[\w-]+ ){0,2}delegation to (?:visit )?/gi)) {
      let origin: string | null = m[1] ? s.refs[Number(m[1])] ?? null : null;
      if (!origin && m[2]) origin = cityAt(a, s, `the ⟨N${m[2]}⟩ city`)?.id ?? null;
      const dest = destinationAfter(a, s, m.index! + m[0].length);
      if (!origin || !dest || origin === dest) continue;
      addVisit(a, ev, s, dest, [origin], null, null, null)?.leaderTitles.push(m[3]!.toLowerCase());
    }
    // "X and Y (yesterday) signed a sister-city agreement"; headline "X, Y sign sister-city agreement"
    if (cues.testLower(SIGNING_WORDS)) for (const m of cues.matches(/⟨C(\d+)⟩,? (?:and )?⟨C(\d+)⟩(?:, ⟨N\d+⟩,)? (?:[\w-]+ ){0,4}?(?:sign|signs|signed|ink|inks|inked|renew|renewed) (?:an? |the |their )?["“'‘]?((?:[\w-]+ ){0,3}?(?:agreement|pact|memorandum|mou|accord|charter|protocol|letter of intent|resolution of (?:cooperation|co-operation|friendship)))/gi)) {
      const c1 = s.refs[Number(m[1])];
      const c2 = s.refs[Number(m[2])];
      if (!c1 || !c2) continue;
      const name = `${nameOf(a, c1)}–${nameOf(a, c2)} ${m[3]!.replace(/^(a|an|the) /, '')} signing`;
      newEvent(a, name, s, { date: dateIn(s), city: heldIn(s, a), kind: 'signing' });
    }
    if (cues.testLower(SIGN_WORD)) signingAbroad ??= signings(a, s, introduced);
    // a quoted name that "was held": 'The gala "Evening of Friends" was held at …', headline '"X" held in Y'
    if (cues.testLower(HELD_WORDS)) for (const m of cues.matches(/(?:\b(gala|festival|concert|ceremony|forum|fair|exhibition|show|party|evening|night|celebration|competition|tournament|parade|performance) )?["“'‘]⟨X(\d+)⟩["”'’] (?:was |were |is |will be )?(?:held|staged|took place|opened)\b/gi)) {
      const j = Number(m[2]);
      const mm = s.mentions[j]!;
      mm.kind = 'Event';
      s.refs[j] = newEvent(a, mm.name, s, { kind: kindOf(m[1] ?? mm.name), date: dateIn(s), city: heldIn(s, a) });
      introduced.set(s.index, s.refs[j]!);
    }
    // "Mayor X welcomed the visitors at a civic reception": X hosts a reception of the visit
    if (cues.testLower(MEAL_WORDS)) for (const m of cues.matches(/\b(?:welcomed|received|greeted|honou?red|farewelled) (?:the |a |an )?(?:[\w-]+ ){0,3}?(?:delegation|delegates|visitors|guests|group)\b[^.⟨]{0,30}? at an? ((?:[\w-]+ ){0,2}(?:reception|banquet|dinner|luncheon))\b/gi)) {
      const id = newEvent(a, m[1]!, s, { date: dateIn(s), city: heldIn(s, a), kind: 'reception' });
      introduced.set(s.index, id);
    }
    // "they were formally welcomed by A and other officials at an informal greeting at the X Club": A hosts it
    if (cues.testLower(WELCOMED_BY)) for (const m of cues.matches(/\b(?:welcomed|greeted|received) by [^.]{0,100}? at an? ((?:[\w-]+ ){0,2}(?:reception|banquet|dinner|luncheon|greeting|gathering|ceremony)) at (?:the )?⟨([VGOM])(\d+)⟩/gi)) {
      const venue = s.mentions[Number(m[3])]!;
      const city = a.cityInName(venue.name) ?? heldIn(s, a) ?? ev.visits[0]?.dest ?? null;
      const id = newEvent(a, `${m[1]} at the ${venue.name}`, s, { date: dateIn(s), city, kind: kindOf(m[1]!.replace(/greeting|gathering/, 'reception')) });
      introduced.set(s.index, id);
      ev.objects.push({ sentence: s.index, event: id, verbAt: m.index!, verb: 'welcomed by' });
    }
    // receptions and meetings at a venue
    if (cues.testLower(MEAL_OR_PARTY_WORDS)) for (const m of cues.matches(/\b(?:an? |the )?((?:[\w-]+ )?(?:reception|banquet|dinner|luncheon|breakfast|gala dinner|welcome party)) (?:was |were )?(?:hosted|held|given|organi[sz]ed|offered) by ([^.]*?) at (?:the )?⟨V(\d+)⟩/gi)) {
      const venue = s.mentions[Number(m[3])]!.name;
      introduced.set(s.index, newEvent(a, `${m[1]} at ${venue}`, s, { date: dateIn(s), city: null, kind: 'reception' }));
    }
    if (hasDelegation) for (const m of cues.matches(/\bmeet (?:with )?the (?:\w+ )?delegation at (?:the )?⟨V(\d+)⟩/gi)) {
      const venue = s.mentions[Number(m[1])]!.name;
      const origin = ev.visits[0]?.origins[0] ? nameOf(a, ev.visits[0].origins[0]) + ' ' : '';
      newEvent(a, `meeting with the ${origin}delegation at ${venue}`, s, { date: dateIn(s), city: ev.visits[0]?.dest ?? null, kind: 'meeting' });
    }
    // "the renewal of the charter on September 26th"
    if (lower.includes(' on ')) for (const m of cues.matches(/\bthe ((?:renewal|signing|opening|inauguration|unveiling|launch|dedication|establishment|official opening) of (?:the )?(?:[\w-]+ ){0,3}?[\w-]+) (?:was held |took place )?on (?:⟨D(\d+)⟩|(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}(?:st|nd|rd|th)?\b)/gi)) {
      const id = newEvent(a, m[1]!, s, { date: m[2] ? s.mentions[Number(m[2])]!.date ?? null : null, city: null, kind: kindOf(m[1]!) });
      introduced.set(s.index, id);
    }
    // "A, B and members of the X delegation attended E, held in Y": the delegation's visit to E's city
    if (hasDelegation && lower.includes('attended')) for (const m of cues.matches(/(?:members of )?(?:the |a |an )?⟨C(\d+)⟩ (?:[\w-]+ )?delegations? (?:also )?attended\b/gi)) {
      const said = s.mentions[Number(m[1])]!.name;
      const origin = s.refs[Number(m[1])] ?? [...a.entities.values()].find((e) => e.label === 'City' && fold(e.name) === fold(said))?.id;
      const here = a.eventsFirstIn(s.index)[0] ?? s.refs.map((r, j) => (r && s.mentions[j]?.kind === 'Event' ? a.entities.get(r) : undefined)).find(Boolean);
      const dest = heldIn(s, a) ?? (here?.props.cityId as string | undefined) ?? null;
      if (!origin || !dest || origin === dest) continue;
      const v = addVisit(a, ev, s, dest, [origin], null, null, null);
      for (const p of subjectsBefore(a, s, m.index!, 'P')) v?.visitors.add(p);
    }
    // any "<modifier>* <event noun>" the sentence says took place, was attended or hosted: "attended a seminar at
    // the X", "a ceremony was held at Y", "the Z Concert held at W", "At the commemorative ceremony on the 3rd, …"
    if (cues.testLower(EVENT_NOUN_TEST)) for (const id of nounEvents(a, ev, s)) introduced.set(s.index, introduced.get(s.index) ?? id);
    // "the trip will include sightseeing … and a signing ceremony", "highlights of the visit included a reception at
    // X … and a community dinner": the happenings a visit's programme lists are events of the visit
    if (ev.visits.length && cues.testLower(EVENT_NOUN_TEST)) for (const id of programmeEvents(a, ev, s)) introduced.set(s.index, introduced.get(s.index) ?? id);
  }

  if (signingAbroad && !ev.visits.length) ev.visits.push({ ...signingAbroad, originCountry: null, hosts: new Set(), leaderTitles: [] });

  // the article's main happening told by its headline alone, when the body named none the readers above know
  if (title && !ev.visits.length) runSentenceRules({ a, ev }, [title], HEADLINE_RULES);

  // a headline that names a happening with a common noun: "The renewal of the Twinning Charter"
  // (a headline that says "visits" tells the article's visit, when one is read)
  if (title && !a.sentences.some((s) => s.paragraph === -1 && s.mentions.some((m) => m.kind === 'Event')) && !ev.visits.some((v) => v.sentences.has(title.index)) && !(ev.visits.length && /\bvisit/i.test(title.text))) {
    const headline = title.text.replace(/\s+/g, ' ').trim();
    const kind = kindOf(headline);
    const named = a.events().some((e) => e.props.kind === kind);
    // ("Twin Town Visit", "The visit of a delegation …", "Visit to the Consulate …": a visit named as a noun,
    // not "Mayor to visit Japan", which announces one)
    const visitNoun = !ev.visits.length && /(?<!\b(?:to|will|and) )\bvisit\b(?! (?:the |a |an )?[a-z])/i.test(headline);
    if (!named && (visitNoun || /\b(renewal|reaffirmation|signing|ceremony|anniversary|celebration|inauguration|opening|festival|forum|exhibition|fair|reception|civic welcome|summit|conference|exchange day)\b/i.test(headline)) && headline.split(' ').length >= 3 && headline.split(' ').length <= 14) {
      newEvent(a, headline.replace(/^(the|The)\s+/, ''), title, { date: null, city: null });
    }
  }

  const byRules = new Set(a.events().map((e) => e.id));
  learned?.(a, ev);

  // the main event: the one the headline names, else the first visit, else the first event; the rules' before
  // the learned step's (a visit it adds beside the rules' happening does not take the article's participants)
  const events = a.events();
  const ranked = [...events.filter((e) => byRules.has(e.id)), ...events.filter((e) => !byRules.has(e.id))];
  const visits = [...ev.visits.filter((v) => byRules.has(v.event)), ...ev.visits.filter((v) => !byRules.has(v.event))];
  const inTitle = title ? ranked.find((e) => e.first === title.index) : undefined;
  ev.main = inTitle?.id ?? visits[0]?.event ?? ranked[0]?.id ?? null;

  // focus: events mentioned in a sentence, else the previous focus
  let focus = ev.main;
  for (const s of a.sentences) {
    const here = a.eventsFirstIn(s.index).map((e) => e.id);
    // named events inside a relative clause ("… where the annual X takes place") are not the topic
    const named = s.refs.filter((r, j) => r && s.mentions[j]?.kind === 'Event' && !/\b(where|which|that|whose)\b[^,]*$/.test(s.text.slice(0, s.mentions[j]!.start))) as string[];
    const mentioned = introduced.get(s.index) ?? named[0] ?? here.find((id) => byRules.has(id)) ?? null;
    // a learned event is the focus of its own sentence only: the rules' happening stays the topic after it
    const learnedHere = mentioned ? null : here.find((id) => !byRules.has(id)) ?? null;
    if (mentioned && s.paragraph !== -1) focus = mentioned;
    if (/\bthe (visit|trip|delegation'?s? (\w+ )?visit)\b/i.test(s.text) && ev.visits[0] && !mentioned && !learnedHere) focus = ev.visits[0].event;
    ev.focus[s.index] = s.paragraph === -1 ? ev.main : learnedHere ?? focus;
  }
  return ev;
}

export const AGREEMENT = /\b(?:agreements?|pacts?|memorand(?:um|a)|mou|accords?|charters?|protocols?|resolution|treaty|letter of intent)\b/i;

/** The countries an event's name says it goes to: "visit to Cambodia", "the delegation in Japan". */
export function countriesGoneTo(a: Article, id: string): string[] {
  const e = a.entities.get(id);
  const tail = e ? / (?:to|in) (.+)$/.exec(e.name)?.[1] : undefined;
  if (!e || !tail) return [];
  const s = a.sentences[e.first];
  return (s?.mentions ?? []).filter((m) => m.kind === 'Place' && m.country && tail.includes(m.name)).map((m) => m.country!);
}

/**
 * The event the headline tells, when no event carries the headline as its name or alias: the one whose name the
 * headline holds ("The renewal of the Twinning Charter": the renewal), else the main event when the headline
 * first told it, else the first event of the kind the headline says ("EMA receives Lowell delegation": the
 * visit), else the main event when it is a visit. A reader knows the article's happening by its headline (so do
 * the annotated sets: the headline is an alias of the article's happening in nearly every gold file since
 * blind6); a side happening (a conference the article mentions) is not the headline's.
 */
export function headlineHappening(a: Article, main: string | null): string | null {
  const title = a.sentences.find((s) => s.paragraph === -1);
  if (!title) return null;
  const events = a.events();
  const headline = fold(title.text);
  if (events.some((e) => [e.name, ...e.aliases].some((x) => fold(x) === headline))) return null;
  const words = contentWords(title.text);
  const held = events.find((e) => {
    const own = contentWords(e.name);
    let shared = 0;
    for (const w of own) if (words.has(w)) shared++;
    return own.size >= 2 && shared / own.size >= 0.75;
  });
  const mainEvent = events.find((e) => e.id === main);
  const kind = kindOf(title.text);
  const ofKind = kind === 'event' ? undefined : mainEvent?.props.kind === kind ? mainEvent : events.find((e) => e.props.kind === kind);
  const firstTold = mainEvent?.first === title.index ? mainEvent : undefined;
  const mainVisit = mainEvent?.props.kind === 'visit' ? mainEvent : undefined;
  return (held ?? firstTold ?? ofKind ?? mainVisit)?.id ?? null;
}

/** A date well before publication: the sentence tells history ("signed an agreement in 1998"), not the news. */
export function longBefore(a: Article, date: string | null): boolean {
  const published = a.input.publishedAt;
  if (!date || !published) return false;
  const year = Number(date.slice(0, 4));
  const pubYear = Number(published.slice(0, 4));
  return year <= pubYear - 2 || date.length === 4 && year < pubYear;
}

/** Template text back to the article's words. */
export function words(s: AnalyzedSentence, t: string): string {
  return singleSpace(t.replace(/⟨[A-Z](\d+)⟩/g, (_, j: string) => s.mentions[Number(j)]?.name ?? '')).trim();
}

/**
 * Signings: "the (re-)signing (by both mayors) of a memorandum of understanding", "the official twinning
 * signing between A and B", "Mayor X signed an agreement with his Y counterpart". A signing reported as
 * background ("Since signing …", "was first signed in 1993") is no event of the article.
 */
function signings(a: Article, s: AnalyzedSentence, introduced: Map<number, string>): Omit<Visit, 'hosts' | 'leaderTitles' | 'originCountry'> | null {
  const t = s.template;
  const place = (): string | null => heldIn(s, a) ?? (/\b(?:here|city hall|town hall)\b/i.test(t) ? hostCity(a) : null);
  for (const m of matchAll(t, /\bthe ((?:official |formal )?(?:re-?)?signing)(?: ceremony)?(?: by [^.⟨]{0,30}?|(?: by (?:the )?⟨[PT]\d+⟩(?:,? (?:and )?(?:the )?⟨[PT]\d+⟩)*))? (of (?:an? |the )?(?:[\w-]+ |⟨[XGMO]\d+⟩ ){0,5}?(?:(?:agreements?|pacts?|memorand(?:um|a)|mou|accords?|charters?|protocols?|resolution|treaty)\b|⟨[XGMO]\d+⟩)(?: of (?:understanding|cooperation|co-operation|friendship)| relationship)?(?: between ⟨C\d+⟩ and ⟨C\d+⟩)?)/gi)) {
    const object = words(s, m[2]!);
    // "50 years … since the signing of the agreement": the anniversary's origin, not a signing of the news
    if (!AGREEMENT.test(object) || longBefore(a, dateIn(s)) || /\b(?:since|after|years of)\s+$/i.test(t.slice(Math.max(0, m.index! - 12), m.index!))) continue;
    const id = newEvent(a, `${m[1]!.replace(/^(official|formal) /i, '')} ${object}`, s, { date: dateIn(s), city: place(), kind: 'signing' });
    introduced.set(s.index, id);
  }
  for (const m of matchAll(t, /\bthe ((?:official |formal )?(?:[\w-]+ ){0,2}?(?:twinning|sister[- ]city|friendship|partnership|agreement|mou|cooperation) (?:re-?)?signing(?: ceremony)?) between ⟨C(\d+)⟩ and ⟨C(\d+)⟩/gi)) {
    const pair = [s.refs[Number(m[2])], s.refs[Number(m[3])]];
    const host = hostCity(a);
    const city = heldIn(s, a) ?? (host && pair.includes(host) ? host : null);
    introduced.set(s.index, newEvent(a, `${m[1]} between ${words(s, `⟨C${m[2]}⟩ and ⟨C${m[3]}⟩`)}`, s, { date: dateIn(s), city, kind: 'signing' }));
  }
  // "Mayor X (and Mayor Y) / the two mayors signed an agreement with …": one signing per article unless another agreement is named
  if (a.events().some((e) => e.props.kind === 'signing')) return null;
  const m = SIGNED_BY.exec(t);
  if (!m || /\b(?:since|after|before|when|had)\s+$/i.test(t.slice(0, m.index)) || longBefore(a, dateIn(s))) return null;
  const first = /⟨P(\d+)⟩/.exec(m[1]!);
  const signer = first ? s.refs[Number(first[1])] : null;
  // the signers' own cities first: "Mayor A of X and Mayor B of Y signed …"
  const signers = matchAll(m[0].slice(0, m[0].indexOf('signed')), /⟨P(\d+)⟩/g).map((x) => s.refs[Number(x[1])]).filter(Boolean) as string[];
  const cities: string[] = [];
  for (const p of signers) {
    const c = a.positionsOf(p).map((f) => a.cityOf(f.to)).find(Boolean);
    if (c) cities.push(c);
  }
  // the counterpart's city: "with his Y counterpart", "to link X and Y as sister cities" (not the venue's)
  for (const c of matchAll(t.slice(m.index + m[0].length), /⟨C(\d+)⟩/g)) {
    const id = s.refs[Number(c[1])];
    if (id && !/\b(?:in|at)\s+(?:the\s+)?$/.test(t.slice(Math.max(0, c.index! + m.index + m[0].length - 8), c.index! + m.index + m[0].length))) cities.push(id);
  }
  const pair = [...new Set(cities)].slice(0, 2);
  const prefix = pair.length === 2 ? pair.map((c) => nameOf(a, c)).join('–') + ' ' : '';
  const object = words(s, m[2]!).replace(/^(?:sister[- ]city|twinning|friendship) /i, '');
  const city = place();
  const event = newEvent(a, `${prefix}${object} signing`, s, { date: dateIn(s), city, kind: 'signing' });
  introduced.set(s.index, event);
  const home = signer ? a.positionsOf(signer).map((f) => a.cityOf(f.to)).find(Boolean) : null;
  if (!signer || !city || !home || home === city) return null;
  return { event, dest: city, origins: [home], visitors: new Set([signer]), sentences: new Set([s.index]) };
}

/** One signer: "Mayor A", "Mayor A of X", "the Mayor of X B", "A, Mayor of X,". */
const SIGNER = String.raw`(?:(?:the )?⟨T\d+⟩ of (?:the )?⟨[CO]\d+⟩,? )?⟨P\d+⟩(?: of (?:the )?⟨[CO]\d+⟩)?(?:, (?:the )?⟨T\d+⟩ of (?:the )?⟨[CO]\d+⟩,)?`;
/** "A and B (…) (have) signed an agreement", "the mayors of X, A, and Y, B, signed a sisterhood agreement": signers, then what they signed. */
const SIGNED_BY = new RegExp(String.raw`(${SIGNER}(?:(?:,|,? and) ${SIGNER})*|\b(?:the two|both) mayors|\bthe (?:mayors|governors|leaders|heads) of [^.]{0,160}?)(?: \([^().]{0,60}\))?,?(?: respectively,?)? (?:have |has )?(?:(?:also|formally|officially|jointly|then) )?(?:re-?)?signed (?:an? |the |their )?(?:new )?((?:[\w-]+ |⟨X\d+⟩ ){0,4}?(?:agreement|pact|memorandum|mou|accord|charter|protocol|resolution|treaty|letter of (?:intent|commitment)|program(?:me)? of (?:cooperation|co-operation)|(?:cooperation )?program(?:me)?)(?: of (?:understanding|cooperation|co-operation|friendship))?)\b`, 'i');

/** The city an article reports from, when a sentence does not say: a dateline, else the city named most. */
const hostCities = new WeakMap<Article, string | null>();
function hostCity(a: Article): string | null {
  if (hostCities.has(a)) return hostCities.get(a)!;
  const found = findHostCity(a);
  hostCities.set(a, found);
  return found;
}

function findHostCity(a: Article): string | null {
  const first = a.sentences.find((s) => s.paragraph >= 0);
  const dateline = first ? /^⟨C(\d+)⟩,? /.exec(first.template) : null;
  if (dateline && first!.refs[Number(dateline[1])]) return first!.refs[Number(dateline[1])]!;
  const publisher = a.input.publisher ? a.cityInName(a.input.publisher) : null;
  if (publisher) return publisher;
  let best: string | null = null;
  let n = 0;
  for (const e of a.entities.values()) if (e.label === 'City' && e.mentions > n) { best = e.id; n = e.mentions; }
  return best;
}

/** Whether the article places its signing in `city`: a signing there, or a venue that carries its name ("at Qingdao City Hall"). */
function signedIn(a: Article, city: string): boolean {
  if (a.events().some((e) => e.props.kind === 'signing' && e.props.cityId === city)) return true;
  return a.sentences.some((s) => /\bsign/i.test(s.text) && matchAll(s.template, /\bat (?:the )?⟨V(\d+)⟩/g).some((v) => a.cityInName(s.mentions[Number(v[1])]!.name) === city));
}

/** "Yangju city hosted the meeting": a city named right before the verb is its subject. */
export function hostingCity(s: AnalyzedSentence, verbAt: number): string | null {
  const m = /⟨C(\d+)⟩(?: [Cc]ity)? $/.exec(s.template.slice(Math.max(0, verbAt - 16), verbAt));
  return m ? s.refs[Number(m[1])] ?? null : null;
}

/** "The City of X is hosting …": the city a subject names with "city of" (read as a complement elsewhere). */
function cityNamedAsSubject(s: AnalyzedSentence, verbAt: number): string | null {
  const m = /^(?:the )?(?:city|town|municipality|borough) of ⟨C(\d+)⟩ (?:is |are |has |will )?$/i.exec(s.template.slice(0, verbAt));
  return m ? s.refs[Number(m[1])] ?? null : null;
}

/** "held in ⟨C⟩" / "in ⟨C⟩" in the sentence. */
export function heldIn(s: AnalyzedSentence, a: Article): string | null {
  const m = /\b(?:held|took place|opened|staged|hosted|organi[sz]ed|celebrated|signed)\b[^.]{0,60}?\bin (?:the city of )?⟨C(\d+)⟩/.exec(s.template) ?? /\bat (?:the )?⟨V\d+⟩ (?:of|in) ⟨C(\d+)⟩/.exec(s.template);
  if (m) return s.refs[Number(m[1])] ?? null;
  // a venue that carries its city's name: "in Mandaue City Hall", "at Aachen Town Hall", "at the Shenzhen Civic Center"
  if (a) {
    for (const v of matchAll(s.template, /\b(?:at|in|inside) (?:the )?⟨V(\d+)⟩|\bat (?:the )?⟨G(\d+)⟩/g)) {
      const c = a.cityInName(s.mentions[Number(v[1] ?? v[2])]!.name);
      if (c) return c;
    }
  }
  return null;
}

/** Event nouns: a sentence without one is spared the noun-phrase patterns. */
const EVENT_NOUNS = String.raw`(?:receptions?|banquets?|dinners?|luncheons?|breakfasts?|ceremony|ceremonies|celebrations?|festivals?|forums?|conferences?|conventions?|summits?|symposium|seminars?|workshops?|exhibitions?|expos?|fairs?|tournaments?|competitions?|matches|match|concerts?|meetings?|talks|parties|party|galas?|parades?|(?:re-?)?dedication|unveiling|exchange program(?:me)?)`;
const EVENT_NOUN_TEST = new RegExp(String.raw`\b${EVENT_NOUNS}\b`, 'i');
/** A noun phrase headed by an event noun, with at most three modifiers (plain words, not names). */
const NP = String.raw`((?:[\w-]+ ){0,3}?${EVENT_NOUNS})\b`;
/** Words that praise a happening, not tell it apart: "the successful festival", "a memorable reception". */
const PRAISE = /^(?:successful|wonderful|memorable|spectacular|fantastic|remarkable|impressive|lovely|fabulous|splendid|productive|fruitful|unforgettable|amazing|enjoyable|delightful|exciting|warm|cordial|fine|nice|beautiful|magnificent|glorious|brilliant)$/i;
/** Words that do not make a modifier of an event: "their meeting", "this year's festival". */
const NOT_MODIFIER = /^(?:a|an|the|this|that|these|those|its|their|his|her|our|my|your|some|any|every|each|other|another|many|several|all|first|last|next|same|such|and|or|of|to|in|at|on|for|with|by|from|was|were|is|are|be|been|will|would|also|then|during|after|before|there|which|who)$/i;
/** Modifiers that describe a generic kind of happening, not one that took place: "trade conference would be". */
const HAPPENED = [
  // verb + object: "attended a seminar", "arranged a welcome party and the signing ceremony", "had a buffet luncheon",
  // "the visitors were treated to a welcome party", "we were honoured by a welcoming reception", "followed by a reception"
  new RegExp(String.raw`\b(?:attended|attend|attends|attending|arranged|hosted|organi[sz]ed|had|enjoyed|joined|witness(?:ed|es)?|participated in|took part in|performed at|performs at|speeches? at|spoke at|celebrated at|invited to|treated to|honou?red (?:by|with)|followed by|(?:ended|concluded|culminated|closed) (?:with|in)|(?:began|started|opened) with) (?:(?:a|an|the) )NP(?:,? and (?:a|an|the) NP)?`.replace(/NP/g, NP), 'gi'),
  // passive: "a ceremony was held at Y", "A and B were held", "the concert held at the hall"
  new RegExp(String.raw`(?:^|\b(?:a|an|the) )NPQ(?:,? and (?:a|an|the) NPQ)? (?:(?:was|were|will be|is|are|has been|had been) )?(?:held|hosted|staged|took place|takes place|will take place)\b`.replace(/NPQ/g, NP + String.raw`(?: (?:for|of) (?:the |a |an )?(?:[\w-]+ |⟨[OGMXC]\d+⟩ ){0,4}?(?:[\w-]+|⟨[OGMXC]\d+⟩))?`).replace(/NP/g, NP), 'gi'),
  // "celebrated … for dinner hosted by the City": a bare noun that its host's phrase delimits
  new RegExp(String.raw`\b(?:for|to|at) NP(?= (?:hosted|organi[sz]ed|given|offered) by\b)`.replace(/NP/g, NP), 'gi'),
  // "At the commemorative ceremony on the 3rd, …"
  new RegExp(String.raw`^(?:at|during) (?:a|an|the) NP(?= on ⟨D\d+⟩| on the \d|,)`.replace(/NP/g, NP), 'gi'),
  // "The anniversary celebration was in a friendly atmosphere", "The welcome dinner drew 80 guests": a sentence about
  // a happening with a modifier (a bare "The meeting was …" is not told apart)
  new RegExp(String.raw`^(?:the|a|an) NP(?= (?:was|were) (?:in|a|an|attended|opened|followed|a success)\b| (?:began|started|ended|opened|closed|drew|attracted|featured)\b)`.replace(/NP/g, String.raw`((?:[\w-]+ ){1,3}?${EVENT_NOUNS})\b`), 'gi'),
];

/** Events a sentence introduces with a common noun phrase (see HAPPENED); returns their ids. */
function nounEvents(a: Article, ev: Events, s: AnalyzedSentence): string[] {
  const t = s.template;
  const date = dateIn(s);
  // "have had an active exchange program for many years": a standing practice, not a happening
  if (longBefore(a, date) || /\b(?:for (?:many|several|some|\w+) years|every (?:year|\w+ years))\b/i.test(t)) return [];
  const out: string[] = [];
  for (const re of HAPPENED) {
    re.lastIndex = 0;
    for (const m of matchAll(t, re)) {
      let from = 0;
      for (const g of [m[1], m[2]]) {
        if (!g) continue;
        const at = m.index! + m[0].indexOf(g, from);
        from = at - m.index! + g.length;
        const id = nounEvent(a, ev, s, g, at + g.length, date);
        if (id && !out.includes(id)) out.push(id);
        if (id && re === HAPPENED[0]) ev.objects.push({ sentence: s.index, event: id, verbAt: m.index!, verb: m[0].split(' ')[0]!.toLowerCase() });
      }
    }
  }
  return out;
}

/** What introduces a visit's programme: "the trip will include", "highlights of the visit included", "many events, including". */
const PROGRAMME = /\b(?:trip|visit|tour|stay|programme|program|itinerary|schedule|highlights?|agenda|events|activities)\b[^.⟨]{0,60}?\b(?:will include|includes|included|include|including|featured|features|will feature|such as)\b:?/gi;
const LISTED_EVENT = new RegExp(String.raw`(?:^ ?|, |,? and |: )(?:a|an|the) ${NP}`, 'gi');

function programmeEvents(a: Article, ev: Events, s: AnalyzedSentence): string[] {
  const t = s.template;
  const date = dateIn(s);
  if (longBefore(a, date)) return [];
  const out: string[] = [];
  for (const p of matchAll(t, PROGRAMME)) {
    const from = p.index! + p[0].length;
    const list = t.slice(from, clauseEnd(t, from));
    for (const m of matchAll(list, LISTED_EVENT)) {
      const g = m[1]!;
      const at = from + m.index! + m[0].length - g.length;
      const id = nounEvent(a, ev, s, g, at + g.length, date);
      if (id && !out.includes(id)) out.push(id);
    }
  }
  return out;
}

function nounEvent(a: Article, ev: Events, s: AnalyzedSentence, phrase: string, end: number, date: string | null): string | null {
  let ws = phrase.split(' ');
  // drop leading words that are no modifiers ("their meeting", "this welcome dinner")
  while (ws.length > 1 && NOT_MODIFIER.test(ws[0]!)) ws = ws.slice(1);
  // "the successful whale festival" is the "Ulsan Whale Festival" told again: praise names no other happening
  ws = ws.filter((w, i) => i === ws.length - 1 || !PRAISE.test(w));
  if (ws.some((w) => NOT_MODIFIER.test(w) && w !== ws[ws.length - 1])) return null;
  const head = ws[ws.length - 1]!;
  let name = ws.join(' ');
  const kind = kindOf(name.replace(/^(?:re-?)?dedication$|^unveiling$/i, 'ceremony'));
  const rest = s.template.slice(end);
  // a bare noun is told apart by its venue or object: "ceremony at Kin Park", "re-dedication of the Toro lantern"
  if (ws.length === 1) {
    // (after the verb of a passive: "a ceremony was held at Kin Park")
    const q = /^(?: (?:was|were|will be) (?:held|hosted|staged))? (at|of|for) (?:the )?((?:⟨[VGOXECN]\d+⟩(?: (?!(?:at|in|on|of|for|with|and|or|by|was|were|is|are|will|where|which|who|that|when|while|to|as|during|after|before|from|the|a|an)\b)[a-z][\w-]*(?=[\s,.;]|$))?)|[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}(?![\w-]* ⟨)|(?:[\w-]+ ){0,2}?(?:⟨[VGOX]\d+⟩|[\w-]+))(?=[\s,.;]|$)/.exec(rest);
    const obj = q ? words(s, q[2]!) : '';
    if (q && obj && !/^(?:the|a|an|this|that|which|who|city|town|hall)$/i.test(obj) && (q[1] !== 'for' || /⟨/.test(q[2]!))) name = `${name} ${q[1]} ${q[1] === 'of' && /^the /i.test(rest.slice(q[1].length + 2)) ? 'the ' : ''}${obj}`;
    else {
      // "the ceremony" is one told before, if there is one of its kind
      const known = a.events().find((e) => e.props.kind === kind && e.props.kind !== 'visit');
      if (known) return known.id;
      if (/^(?:meeting|meetings|talks|party|parties|match|matches|fair|fairs|competition|competitions)$/i.test(head)) return null;
    }
  }
  // "witnessed the signing ceremony" after "A signed a memorandum with B": the article's signing
  if (kind === 'signing' && /^(?:(?:official|formal) )?signing(?: ceremony)?$/i.test(name)) {
    const known = a.events().find((e) => e.props.kind === 'signing');
    if (known) return known.id;
  }
  const city = heldIn(s, a) ?? ev.visits[0]?.dest ?? null;
  return newEvent(a, name, s, { date, city, kind });
}

/** What a headline rule reads and adds to: the article and the happenings found so far. */
interface HeadlineContext {
  a: Article;
  ev: Events;
}

/** A headline's visitor side: a person, a title of a city or nation, a city's delegation, a nation's. */
const HEADLINE_VISITOR = String.raw`(?:[\w-]+ ){0,4}?(?:(?:from |of )?⟨[PTCNOGMX]\d+⟩(?:['’]s?)?(?: of (?:the )?⟨[CNO]\d+⟩)?,? (?:and )?)+(?:[\w-]+ ){0,3}?`;
const HEADLINE_VISIT_CUE = String.raw`(?:visits|visited|visiting|is visiting|to visit|will visit|pays? (?:a |an )?(?:[\w-]+ )?visit to|arrives? in|tours|toured|(?:takes?|took|taking) (?:an? )?(?:[\w-]+ )?tour of|in|(?:[\w-]+ ){0,3}visit to|(?:[\w-]+ )?trip to|delegation to)`;

/** The visit a headline tells: its destination, and the visitors (person, origins, nation) named before the cue. */
function headlineVisit(ctx: HeadlineContext, s: AnalyzedSentence, m: RegExpExecArray): number {
  const { a, ev } = ctx;
  const dest = s.refs[Number(m.groups!.dest)];
  const who = m.groups!.who!;
  if (!dest || a.label(dest) !== 'City') return 0;
  // a lone "X in Y" is only a visit when X is a delegation, visitors or an official
  if (/\bin$/.test(m.groups!.cue!) && !/⟨[PT]\d+⟩|\b(?:delegation|delegates|visitors|mayor|students|group|team)\b/i.test(who)) return 0;
  const ids = matchAll(who, /⟨([PCOGMN])(\d+)⟩/g).map((x) => ({ letter: x[1]!, j: Number(x[2]) }));
  const person = ids.filter((x) => x.letter === 'P').map((x) => s.refs[x.j]).find(Boolean) ?? null;
  const origins = ids.filter((x) => 'COGM'.includes(x.letter)).map((x) => s.refs[x.j]).filter((id): id is string => !!id && id !== dest);
  const nation = ids.filter((x) => x.letter === 'N').map((x) => s.mentions[x.j]!).find((x) => x.country);
  // "Expat Delegation from …": a name the mention reader left unknown may say who visits
  const described = /⟨T\d+⟩|\b(?:delegation|delegates|visitors|students|group|team)\b/i.test(who) ||
    matchAll(who, /⟨X(\d+)⟩/g).some((x) => /\b(?:delegation|delegates|visitors)\b/i.test(s.mentions[Number(x[1])]!.name));
  if (!person && !origins.length && !nation && !described) return 0;
  if (person && a.positionsOf(person).some((f) => a.cityOf(f.to) === dest)) return 0;
  const originWords = origins.length || person ? null : words(s, who).replace(/['’]s$/, '').trim();
  const v = addVisit(a, ev, s, dest, origins, originWords, nation?.country ?? null, person);
  if (!v) return 0;
  v.openedBy = 'headline-visit';
  // the body's first sentences telling the same trip (they name its destination) give it its date
  const e = a.entities.get(v.event)!;
  for (const b of a.sentences.filter((x) => x.paragraph >= 0).slice(0, 4)) {
    if (!b.refs.includes(dest)) continue;
    v.sentences.add(b.index);
    const date = dateIn(b);
    if (!e.props.date && date && !longBefore(a, date)) e.props.date = date;
  }
  // "Mayor of X visits Y", "Consul General of Japan visits Y": the title's holder the article names is the visitor
  for (const x of matchAll(who, /⟨T(\d+)⟩/g)) {
    const title = s.mentions[Number(x[1])]!.title;
    if (!title) continue;
    if (origins.length) v.leaderTitles.push(title);
    const holders = new Set(a.factsOf('HOLDS_POSITION').filter((f) => String(f.props.title).toLowerCase() === title.toLowerCase() && a.cityOf(f.to) !== dest).map((f) => f.from));
    if (holders.size === 1) v.visitors.add([...holders][0]!);
  }
  return 1;
}

/** The visit a headline tells from the host's side: "X hosts a delegation from Y", "The Mayor of X welcomes the Mayor of Y". */
function headlineHosts(ctx: HeadlineContext, s: AnalyzedSentence, m: RegExpExecArray): number {
  const { a, ev } = ctx;
  const host = m.groups!.host!;
  const guest = m.groups!.guest!;
  if (!/⟨[PT]\d+⟩|\b(?:delegation|delegates|visitors|guests|students|group|team)\b/i.test(guest)) return 0;
  const refs = (t: string, letters: string) => matchAll(t, /⟨([A-Z])(\d+)⟩/g).filter((x) => letters.includes(x[1]!)).map((x) => s.refs[Number(x[2])]).filter((id): id is string => !!id);
  const hostIds = refs(host, 'PCOGM');
  const dest = hostIds.map((id) => (a.label(id) === 'City' ? id : a.label(id) === 'Person' ? a.positionsOf(id).map((f) => a.cityOf(f.to)).find(Boolean) ?? null : a.cityOf(id))).find(Boolean) ?? hostCity(a);
  if (!dest) return 0;
  const origins = refs(guest, 'COGM').filter((id) => id !== dest);
  const nation = matchAll(guest, /⟨N(\d+)⟩/g).map((x) => s.mentions[Number(x[1])]!).find((x) => x.country);
  const person = refs(guest, 'P')[0] ?? null;
  if (!origins.length && !nation && !person) return 0;
  const v = addVisit(a, ev, s, dest, origins, null, nation?.country ?? null, person);
  if (!v) return 0;
  v.openedBy = 'headline-hosts-visitors';
  for (const id of hostIds) if (a.label(id) !== 'City') v.hosts.add(id);
  for (const x of matchAll(guest, /⟨T(\d+)⟩/g)) {
    const title = s.mentions[Number(x[1])]!.title;
    if (title && origins.length) v.leaderTitles.push(title);
  }
  return 1;
}

/** Headline rules: the article's main happening when the body told none the sentence readers know. */
export const HEADLINE_RULES: readonly SentenceRule<HeadlineContext>[] = [
  {
    name: 'headline-visit',
    stage: 'headline',
    matches: new RegExp(String.raw`^(?<who>${HEADLINE_VISITOR})(?<cue>${HEADLINE_VISIT_CUE}) (?:the )?(?:city of )?⟨C(?<dest>\d+)⟩(?!['’])`, 'g'),
    emits: 'a visit (Event, its destination, its visitors)',
    why: 'A headline of the genre states the article\'s happening: "Mayor X visits Y", "Delegation from X in Y", "X\'s delegation visits Y", "Sister City delegation from X takes tour of Y".',
    example: {
      title: 'Delegation from Mosonmagyarovar in Sfantu Gheorghe',
      body: 'Mayor Arpad Nagy of Mosonmagyarovar led the guests. The guests were received by Mayor Antal Arpad.',
      expect: ['VISITED Arpad Nagy -> Sfantu Gheorghe'],
    },
    apply: headlineVisit,
  },
  {
    name: 'headline-hosts-visitors',
    stage: 'headline',
    when: /host|welcom|receiv|greet/,
    matches: /^(?<host>(?:(?:the )?⟨[PTCOGM]\d+⟩(?: of (?:the )?⟨[CO]\d+⟩)?,? (?:and )?){1,2})(?:[\w-]+ ){0,2}?(?:hosts|hosted|welcomes|welcomed|receives|received|greets|greeted) (?:an? |the )?(?<guest>.+)$/gi,
    emits: 'a visit to the host\'s city (Event, its visitors and hosts)',
    why: 'A headline told from the host\'s side ("X hosts a delegation from Y", "The Mayor of X welcomes the Mayor of Y") states the article\'s visit.',
    example: {
      title: 'The Mayor of Bethlehem welcomes the Mayor of Strasbourg',
      body: 'Mayor Anton Salman of Bethlehem welcomed Mayor Roland Ries of Strasbourg and his delegation on December 5, 2018.',
      expect: ['VISITED Roland Ries -> Bethlehem'],
    },
    apply: headlineHosts,
  },
];
