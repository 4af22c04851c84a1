// The attendance stage: after the participation readers, people who took part in a happening held in a
// city abroad visited that city, at the happening's date; the officials of two cities who signed together met. Rules kept as data, each with its
// example article (tests/unit/rules-examples.test.ts runs it).
import type { Article, Entity } from '../article.ts';
import { runFrameRules, type FrameRule } from '../rules/engine.ts';

// a happening held online or by video link takes no one anywhere
const REMOTE = /\b(?:online|virtual|video|remote|web)\b/i;
// roles of those who came to the happening (a host or an organiser is at home)
const COMING_ROLES = new Set(['attendee', 'speaker', 'presenter', 'participant', 'guest', 'signatory', 'visitor']);

/** The cities a person holds a current office in (by the office's or body's city). */
function homeCities(a: Article, person: string): Set<string> {
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

/** Runs the attendance rules over the article's events. */
export function readAttendance(a: Article): void {
  runFrameRules(a, a.events(), ATTENDANCE_RULES);
}
