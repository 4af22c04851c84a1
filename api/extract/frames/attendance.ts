// The attendance stage: after the participation readers, people who took part in a happening held in a
// city abroad visited that city, at the happening's date; the officials of two cities who signed together met. Rules kept as data, each with its
// example article (tests/unit/rules-examples.test.ts runs it).
import type { AnalyzedSentence, Article, Entity } from '../article.ts';
import type { Events } from '../events.ts';
import { clauseEnd, clauseStart } from '../relations/common.ts';
import { runFrameRules, runSentenceRules, type FrameRule, type SentenceRule } from '../rules/engine.ts';
import { matchAll } from '../match-all.ts';

// a happening held online or by video link takes no one anywhere
export const REMOTE = /\b(?:online|virtual|video|remote|web)\b/i;
// roles of those who came to the happening (a host or an organiser is at home)
const COMING_ROLES = new Set(['attendee', 'speaker', 'presenter', 'participant', 'guest', 'signatory', 'visitor']);

/** The cities a person holds a current office in (by the office's or body's city). */
export function homeCities(a: Article, person: string): Set<string> {
  const homes = new Set<string>();
  for (const f of a.positionsOf(person)) {
    if (f.props.former) continue;
    const c = a.cityOf(f.to);
    if (c) homes.add(c);
  }
  return homes;
}

export const ATTENDANCE_RULES: readonly FrameRule<Article, Entity>[] = [
  {
    name: 'attendee-from-elsewhere-visited',
    stage: 'attendance',
    emits: 'VISITED (date, event)',
    why: 'In the genre an official who attends a summit, an anniversary or a signing held in another country travelled there: taking part in a happening abroad is visiting its city.',
    example: {
      title: 'Mayors forum held in Colombo',
      body: 'The Mayors Forum was held in Colombo on May 2, 2024. Mayor Atiqul Islam of Dhaka attended the Mayors Forum.',
      expect: ['VISITED Atiqul Islam -> Colombo'],
    },
    apply: (a, e) => {
      const city = typeof e.props.cityId === 'string' ? e.props.cityId : null;
      if (!city || a.label(city) !== 'City' || REMOTE.test(e.name)) return 0;
      // who already visited a place for this happening (a frame's visiting side) is not counted twice
      const visited = new Set(a.factsOf('VISITED').filter((f) => f.props.event === e.id).map((f) => f.from));
      let added = 0;
      for (const p of a.factsOf('PARTICIPATED_IN')) {
        if (p.to !== e.id || a.label(p.from) !== 'Person' || !COMING_ROLES.has(String(p.props.role)) || visited.has(p.from)) continue;
        // from abroad only: a diplomat or an official of the same country at a function nearby is not told as a visit
        const homes = homeCities(a, p.from);
        const country = a.countryOfCity(city);
        if (!homes.size || !country || [...homes].some((h) => h === city || a.countryOfCity(h) === country || !a.countryOfCity(h))) continue;
        const date = typeof e.props.date === 'string' ? e.props.date : null;
        const fact = a.addFact('VISITED', p.from, city, { date, event: e.id }, ...p.evidence);
        if (!fact) continue;
        (fact.rules ??= new Set()).add('attendee-from-elsewhere-visited');
        added++;
      }
      return added;
    },
  },
  {
    name: 'signatories-met',
    stage: 'attendance',
    emits: 'MET_WITH (date, event)',
    why: 'The officials of two cities who sign one agreement sign it together: the signing is their meeting.',
    example: {
      title: 'Suwon and Nagoya sign sister city agreement',
      body: 'Mayor Kim Ho of Suwon and Mayor Ken Sato of Nagoya signed the sister city agreement in Suwon on May 10, 2025.',
      expect: ['MET_WITH Kim Ho -> Ken Sato'],
    },
    apply: (a, e) => {
      if (e.props.kind !== 'signing' || REMOTE.test(e.name)) return 0;
      const signers = a.factsOf('PARTICIPATED_IN').filter((p) => p.to === e.id && a.label(p.from) === 'Person' && p.props.role === 'attendee');
      // a ceremony with a crowd of guests says nothing of who met whom
      if (signers.length < 2 || signers.length > 4) return 0;
      const date = typeof e.props.date === 'string' ? e.props.date : null;
      let added = 0;
      for (const [i, x] of signers.entries()) for (const y of signers.slice(i + 1)) {
        const [hx, hy] = [homeCities(a, x.from), homeCities(a, y.from)];
        if (!hx.size || !hy.size || [...hx].some((c) => hy.has(c))) continue;
        const fact = a.addFact('MET_WITH', x.from, y.from, { date, event: e.id }, ...x.evidence, ...y.evidence);
        if (!fact) continue;
        (fact.rules ??= new Set()).add('signatories-met');
        added++;
      }
      return added;
    },
  },
];

/** Rules run once every VISITED and MET_WITH has its happening (stage "happening"). */
export const GUEST_RULES: readonly FrameRule<Article, Entity>[] = [
  {
    name: 'guest-of-host-visited',
    stage: 'happening',
    emits: 'VISITED (date, event)',
    why: 'A happening held in a city where an official of that city met someone who holds no office there is a visit: the guest came to the host\'s city ("Mayor A of X met Governor B of Y in X").',
    example: {
      title: 'Tan Chengxu met with Japanese guests',
      body: 'On August 23, 2018, Mayor Tan Chengxu of Dalian met with Miyagi Prefecture Governor Yoshihiro Murai. Tan Chengxu welcomed the Japanese guests.',
      expect: ['VISITED Yoshihiro Murai -> Dalian'],
    },
    apply: (a, e) => {
      const city = typeof e.props.cityId === 'string' ? e.props.cityId : null;
      if (!city || a.label(city) !== 'City' || REMOTE.test(e.name)) return 0;
      const visited = new Set(a.factsOf('VISITED').filter((f) => f.to === city).map((f) => f.from));
      let added = 0;
      for (const m of a.factsOf('MET_WITH')) {
        if (m.props.event !== e.id) continue;
        for (const [host, guest] of [[m.from, m.to], [m.to, m.from]] as const) {
          if (visited.has(guest) || !homeCities(a, host).has(city) || homeCities(a, guest).has(city)) continue;
          const fact = a.addFact('VISITED', guest, city, { date: m.props.date ?? null, event: e.id }, ...m.evidence);
          if (!fact) continue;
          (fact.rules ??= new Set()).add('guest-of-host-visited');
          visited.add(guest);
          added++;
        }
      }
      return added;
    },
  },
];

/** What a presence rule reads: the article and its happenings (for the one a sentence is about). */
interface PresenceContext {
  a: Article;
  ev: Events;
}

/** The people of the captured list (to the clause's end when the list runs on) take part in `event` as attendees. */
function attendees(rule: string, ctx: PresenceContext, s: AnalyzedSentence, from: number, to: number, event: string | null | undefined): number {
  if (!event || ctx.a.label(event) !== 'Event') return 0;
  let added = 0;
  for (const x of matchAll(s.template.slice(from, to), /⟨P(\d+)⟩/g)) {
    const fact = ctx.a.addFact('PARTICIPATED_IN', s.refs[Number(x[1])], event, { role: 'attendee' }, s.index);
    if (!fact) continue;
    (fact.rules ??= new Set()).add(rule);
    added++;
  }
  return added;
}

const focusOf = (ctx: PresenceContext, s: AnalyzedSentence): string | null => ctx.ev.focus[s.index] ?? ctx.ev.main;
/** The happening a cue names with a common noun ("present at the signing", "attending the dinner"), else the one in focus. */
function namedOrFocus(ctx: PresenceContext, s: AnalyzedSentence, noun: string | undefined): string | null {
  const word = noun?.toLowerCase();
  if (!word || !/^(?:signing|ceremony|dinner|reception|banquet|luncheon|meeting|forum|conference|festival|celebration|event)$/.test(word)) return focusOf(ctx, s);
  if (word === 'signing') return signingOr(ctx, s);
  return ctx.a.events().find((e) => e.name.toLowerCase().includes(word))?.id ?? focusOf(ctx, s);
}
const signingOr = (ctx: PresenceContext, s: AnalyzedSentence): string | null => ctx.a.events().find((e) => e.props.kind === 'signing')?.id ?? focusOf(ctx, s);

/** Sentence rules: who the telling of a happening says was there. */
export const PRESENCE_RULES: readonly SentenceRule<PresenceContext>[] = [
  {
    name: 'in-the-presence-of',
    stage: 'attendance',
    when: /presence|participation|witness|present/,
    matches: /\b(?:in the presence of|with the participation of|(?:was|were) witness(?:ed)? by|(?:also )?present(?: (?:at|during) the (?:[\w-]+ ){0,2}?(?:meeting|talks|ceremony|signing|reception|dinner|party|banquet|luncheon|event))? (?:were|was)|(?:was|were) also present:?) (?:the )?/gi,
    emits: 'PARTICIPATED_IN attendee',
    why: '"In the presence of A and B", "with the participation of A", "witnessed by A", "present at the meeting were A and B": the genre\'s ways of listing who attended the happening told.',
    example: {
      title: 'Mayor of Bethlehem welcomes Mayor of Strasbourg',
      body: 'Mayor Anton Salman of Bethlehem welcomed Mayor Roland Ries of Strasbourg and his delegation on December 5, 2018, in the presence of Deputy Mayor Hanna Hanania of Bethlehem.',
      expect: ['PARTICIPATED_IN Hanna Hanania -> Strasbourg delegation visit to Bethlehem as attendee'],
    },
    apply: (ctx, s, m) => attendees('in-the-presence-of', ctx, s, m.index + m[0].length, clauseEnd(s.template, m.index + m[0].length), focusOf(ctx, s)),
  },
  {
    name: 'witness-of-signing',
    stage: 'attendance',
    when: /witness/,
    matches: /\bwith (?:the )?(?<who>(?:⟨[TNOC]\d+⟩ )*⟨P\d+⟩(?:,? (?:the )?⟨T\d+⟩ of (?:the )?⟨[COG]\d+⟩,?)?) as (?:a |the )?witness(?:es)?\b/gi,
    emits: 'PARTICIPATED_IN attendee',
    why: 'A witness of a signing attends it.',
    example: {
      title: 'Tainan and Yamagata sign friendship agreement',
      body: 'Mayor William Lai of Tainan and Mayor Takahiro Sato of Yamagata signed the friendship agreement in Yamagata on October 9, 2024, with Chief Ming Xiang as a witness.',
      expect: ['PARTICIPATED_IN Ming Xiang -> Tainan–Yamagata friendship agreement signing as attendee'],
    },
    apply: (ctx, s, m) => attendees('witness-of-signing', ctx, s, m.index, m.index + m[0].length, signingOr(ctx, s)),
  },
  {
    name: 'signed-with-counterpart',
    stage: 'attendance',
    when: /sign/,
    matches: /\b(?:signed|signs|inked) (?:the |an? |a new )?(?:[\w-]+ ){0,4}?(?:agreement|memorandum|memo|mou|protocol|pact|charter|letter of intent|accord)(?: [\w-]+){0,3}? with (?:the )?(?:⟨[TCNO]\d+⟩['’]?s? )*⟨P\d+⟩/gi,
    emits: 'PARTICIPATED_IN attendee',
    why: 'The one an official signs an agreement with signs it too: both attend the signing.',
    example: {
      title: 'Hualien and Morioka sign friendship agreement',
      body: 'Mayor Wei Chia-hsien of Hualien signed the agreement with Mayor Hiroaki Tanifuji of Morioka in Hualien on May 6, 2024.',
      expect: ['PARTICIPATED_IN Hiroaki Tanifuji -> Hualien–Morioka friendship agreement signing as attendee'],
    },
    apply: (ctx, s, m) => attendees('signed-with-counterpart', ctx, s, m.index + m[0].lastIndexOf(' with ') , m.index + m[0].length, signingOr(ctx, s)),
  },
  {
    name: 'were-signing',
    stage: 'attendance',
    when: /signing/,
    matches: /(?<who>(?:⟨[TPCN]\d+⟩(?: of (?:the )?⟨[CN]\d+⟩(?:, ⟨[CN]\d+⟩)?)?,? (?:and )?)+)(?:were|was) (?:also )?signing\b/gi,
    emits: 'PARTICIPATED_IN attendee',
    why: '"A and B were signing the agreement" tells the signers, who attend the signing.',
    example: {
      title: 'Seven city pairs sign cooperation agreements',
      body: 'The signing of the cooperation agreements took place in Beijing on May 3, 2024. Mayor Julia Miller of Sunnyvale and Mayor Duwen Zhu of Anqing were signing the agreement.',
      expect: ['PARTICIPATED_IN Julia Miller -> signing of the cooperation agreements as attendee'],
    },
    apply: (ctx, s, m) => attendees('were-signing', ctx, s, m.index, m.index + m[0].length, signingOr(ctx, s)),
  },
  {
    name: 'attendance-list',
    stage: 'attendance',
    when: /attend|present/,
    matches: /\b(?:(?:also|others?) )?(?:attending(?: the (?:[\w-]+ ){0,3}?(?<noun>[\w-]+))?|in attendance|(?:among|amongst) (?:those|the guests|the dignitaries|the officials) (?:present|attending|in attendance)|(?:[\w-]+ )?(?:officials|guests|dignitaries|participants) present) (?:were|was|included|includes)\b:? |\b(?:will |also )?(?:attend|attended),? (?:including|among them|notably) /gi,
    emits: 'PARTICIPATED_IN attendee',
    why: '"Also attending the dinner were A and B", "In attendance were A; B; and C", "officials present included A", "officials of both cities will attend, including A": the genre lists a happening\'s guests after such a cue, to the end of the sentence.',
    example: {
      title: 'Taipei and Houston renew sister city agreement',
      body: 'Mayor Ko Wen-je of Taipei and Mayor Sylvester Turner of Houston signed the agreement in Taipei on May 3, 2021. Also in attendance were many guests, including David Lin, former Minister of Foreign Affairs; Robert Lo, Director General of the Cultural Office; and Gordon Yang, Executive Director of the Advisory Council.',
      expect: ['PARTICIPATED_IN Robert Lo -> Taipei–Houston sister city agreement signing as attendee', 'PARTICIPATED_IN Gordon Yang -> Taipei–Houston sister city agreement signing as attendee'],
    },
    apply: (ctx, s, m) => attendees('attendance-list', ctx, s, m.index + m[0].length, sentenceEnd(s.template, m.index + m[0].length), namedOrFocus(ctx, s, m.groups?.noun)),
  },
  {
    name: 'were-present',
    stage: 'attendance',
    when: /present|in attendance/,
    matches: /\b(?:were|was) (?:also )?(?:present|in attendance)\b(?! (?:were|was|included))(?: (?:at|for) the (?:[\w-]+ ){0,2}?(?:(?<noun>signing|ceremony|dinner|reception|banquet|luncheon|meeting|forum|conference|festival|celebration|event)|(?<other>talks|discussions?|session))\b)?/gi,
    emits: 'PARTICIPATED_IN attendee',
    why: '"A, B and C were also present at the signing": the people the clause opens with attended the happening told.',
    example: {
      title: 'Sister Cities International and CPAFFC sign memorandum',
      body: 'Mayor Ge Honglin of Chengdu and Mayor Mary Kane of Denver signed a memorandum of understanding in Chengdu on August 13, 2024. Vice Chairman Bill Boerum and Treasurer Norris Hermsmeyer of Sister Cities International were also present at the signing.',
      expect: ['PARTICIPATED_IN Norris Hermsmeyer -> Chengdu–Denver memorandum of understanding signing as attendee'],
    },
    apply: (ctx, s, m) => {
      // "present at the talks": a meeting no frame tells, not the happening in focus
      if (m.groups?.other) return 0;
      const start = clauseStart(s.template, m.index);
      return attendees('were-present', ctx, s, start, m.index, namedOrFocus(ctx, s, m.groups?.noun));
    },
  },
  {
    name: 'spoke-at-happening',
    stage: 'attendance',
    when: /\b(?:at|during) the\b/,
    matches: /(?<who>⟨P\d+⟩)(?:, (?:the )?⟨T\d+⟩(?: of (?:the )?⟨[COG]\d+⟩)?,)? (?:also )?(?:said|spoke|stated|noted|remarked|stressed|emphasi[sz]ed|delivered (?:a |the )?(?:[\w-]+ )?(?:speech|address|remarks)) (?:at|during) the (?:[\w-]+ ){0,3}?(?<noun>signing|ceremony|dinner|reception|banquet|luncheon|meeting|forum|conference|festival|celebration|event)\b/gi,
    emits: 'PARTICIPATED_IN attendee',
    why: '"A, mayor of X, said at the signing ceremony that …": the genre quotes the officials at the happening it tells; who speaks there attends it.',
    example: {
      title: 'Oakridge and Lindau sign friendship letter',
      body: 'A signing ceremony for the friendship of Oakridge and Lindau was held online on April 6, 2022. Anna Berg, mayor of Oakridge, said at the online signing ceremony that both cities share much.',
      expect: ['PARTICIPATED_IN Anna Berg -> online signing ceremony as attendee'],
    },
    apply: (ctx, s, m) => attendees('spoke-at-happening', ctx, s, m.index, m.index + m.groups!.who!.length, namedOrFocus(ctx, s, m.groups?.noun)),
  },
];

/** The end of the sentence a list runs to (lists of guests are separated by semicolons). */
function sentenceEnd(t: string, from: number): number {
  const m = /[.!?](?:\s|$)/g;
  m.lastIndex = from;
  return m.exec(t)?.index ?? t.length;
}

/** Runs the rules that need every visit and meeting placed in its happening. */
export function readGuests(a: Article): void {
  runFrameRules(a, a.events(), GUEST_RULES);
}

/** Runs the attendance rules: the presence sentences first (they add participants), then the rules over events. */
export function readAttendance(a: Article, ev: Events): void {
  runSentenceRules({ a, ev }, a.sentences, PRESENCE_RULES);
  runFrameRules(a, a.events(), ATTENDANCE_RULES);
}
