// A happening's visiting party, decided from the whole article rather than one sentence. Stage "members"
// (before bare titles are placed): who the article counts in a visiting party, so that a bare "Mayor X" of
// theirs is held at the party's town, not in the town visited. Stage "parties" (last, when every VISITED and
// PARTICIPATED_IN has its happening): the travellers of a happening all come from one town, so that town's
// officials named while the happening is told travelled too. Rules kept as data, each with its example
// article (tests/unit/rules-examples.test.ts runs it); docs/extraction.md "Fifth round" counts what they do.
import type { Article, Entity, Fact } from '../article.ts';
import type { ParticipationRole } from '../../graph/schema.ts';
import type { Events } from '../events.ts';
import { TITLE_RANK } from '../names.ts';
import { homeCities, REMOTE } from './attendance.ts';
import { runFrameRules, runSentenceRules, type FrameRule, type SentenceRule } from '../rules/engine.ts';
import { matchAll } from '../match-all.ts';

/** A happening's city and date, when it has a city that is not online. */
function placeOf(a: Article, e: Entity): { city: string; date: string | null } | null {
  const city = typeof e.props.cityId === 'string' ? e.props.cityId : null;
  if (!city || a.label(city) !== 'City' || REMOTE.test(e.name)) return null;
  return { city, date: typeof e.props.date === 'string' ? e.props.date : null };
}

/** The people who visited the happening's city for it, and the one town they all come from (else none). */
function travellers(a: Article, e: Entity, city: string): { people: Set<string>; town: string | null } {
  const people = new Set(a.factsOf('VISITED').filter((f) => f.props.event === e.id && f.to === city && a.label(f.from) === 'Person').map((f) => f.from));
  const towns = new Set<string>();
  for (const p of people) for (const c of homeCities(a, p)) if (c !== city) towns.add(c);
  return { people, town: towns.size === 1 ? [...towns][0]! : null };
}

/** The rank of a person's highest current title (1 for a title the ranking does not know). */
function rankOf(a: Article, person: string): number {
  return Math.max(0, ...a.positionsOf(person).filter((p) => !p.props.former).map((p) => TITLE_RANK[String(p.props.title).toLowerCase()] ?? 1));
}

/** The role most of the travellers hold at the happening (visitor before attendee on a tie). */
function travellersRole(a: Article, e: Entity, people: Set<string>): ParticipationRole | null {
  const n = { visitor: 0, attendee: 0 };
  for (const p of a.factsOf('PARTICIPATED_IN')) if (p.to === e.id && people.has(p.from) && (p.props.role === 'visitor' || p.props.role === 'attendee')) n[p.props.role]++;
  return n.visitor + n.attendee === 0 ? null : n.visitor >= n.attendee ? 'visitor' : 'attendee';
}

function credit(fact: Fact | null, rule: string): number {
  if (!fact) return 0;
  (fact.rules ??= new Set()).add(rule);
  return 1;
}

/** What a party rule reads: the article and its happenings (which one is the article's own). */
interface PartyContext {
  a: Article;
  ev: Events;
}

/** Whether a person with a full name is named in a sentence telling the happening. */
function toldAt(a: Article, ev: Events, person: string, event: string): boolean {
  if ((a.entities.get(person)?.name ?? '').split(' ').length < 2) return false;
  return a.sentences.some((s) => ev.focus[s.index] === event && s.refs.includes(person));
}

export const PARTY_RULES: readonly FrameRule<PartyContext, Entity>[] = [
  {
    name: 'officials-of-travellers-town',
    stage: 'parties',
    emits: 'VISITED (date, event), PARTICIPATED_IN (the travellers\' role)',
    why: 'The genre names a town\'s officials in the article about its party\'s trip because they made the trip: when the people who travelled to a happening all come from one town, every current official of that town the article names (holding no office in the visited city) travelled with them.',
    example: {
      title: 'Laredo mayor signs sister city agreement in Oaxaca',
      body: 'LAREDO, Texas — Laredo Mayor Ana Ruiz recently signed a sister city agreement in Oaxaca, Mexico. A statement said Ruiz was accompanied by City Commissioners Tom Diaz and Lee Park, City Manager Sam Ortiz and other city departments. The ceremony was held at Oaxaca City Hall.',
      expect: ['VISITED Sam Ortiz -> Oaxaca'],
    },
    apply: ({ a, ev }, e) => {
      const at = placeOf(a, e);
      if (!at) return 0;
      const { people, town } = travellers(a, e, at.city);
      if (!town) return 0;
      const role = travellersRole(a, e, people);
      // a town that sends its deputy mayor keeps its mayor at home: no one above the travellers' head travelled
      const top = Math.max(0, ...[...people].map((id) => rankOf(a, id)));
      let added = 0;
      for (const p of a.factsOf('HOLDS_POSITION')) {
        if (p.props.former || people.has(p.from) || a.cityOf(p.to) !== town || homeCities(a, p.from).has(at.city) || rankOf(a, p.from) > top || !toldAt(a, ev, p.from, e.id)) continue;
        people.add(p.from);
        added += credit(a.addFact('VISITED', p.from, at.city, { date: at.date, event: e.id }, ...p.evidence), 'officials-of-travellers-town');
        if (role) credit(a.addFact('PARTICIPATED_IN', p.from, e.id, { role }, ...p.evidence), 'officials-of-travellers-town');
      }
      return added;
    },
  },
];

/** Runs the party rules over the article's happenings (after every visit has its happening). */
export function readParties(a: Article, ev: Events): void {
  runFrameRules({ a, ev }, a.events(), PARTY_RULES);
}

/** What a member rule reads and adds to: the people the article puts in a visiting party, with the party's town when it names one. */
interface MembersContext {
  a: Article;
  members: Map<string, PartyMember>;
  /** the visitors the visit readers and the stated visits found */
  visitors: ReadonlySet<string>;
}

/** A person the article counts in a visiting party: the party's town when named, and the rule that said so. */
export interface PartyMember {
  town: string | null;
  rule: string;
}

function member(rule: string): (ctx: MembersContext, s: Article['sentences'][number], m: RegExpExecArray) => number {
  return (ctx, s, m) => {
    const who = m.groups?.who ? s.refs[Number(m.groups.who)] : null;
    const town = m.groups?.town ? s.refs[Number(m.groups.town)] ?? null : null;
    if (!who || ctx.a.label(who) !== 'Person' || ctx.members.get(who)?.town) return 0;
    ctx.members.set(who, { town, rule });
    return 1;
  };
}

/** "A (, who …,) was accompanied by B, C and D", A a visitor or the delegation: B, C and D are of the party (its town unknown). */
function companions(ctx: MembersContext, s: Article['sentences'][number], m: RegExpExecArray): number {
  const who = m.groups?.who ? s.refs[Number(m.groups.who)] : null;
  if (who && !ctx.visitors.has(who) && !ctx.members.has(who)) return 0;
  let added = 0;
  for (const x of matchAll(m.groups!.list!, /⟨P(\d+)⟩/g)) {
    const id = s.refs[Number(x[1])];
    if (!id || id === who || ctx.a.label(id) !== 'Person' || ctx.members.has(id)) continue;
    ctx.members.set(id, { town: null, rule: 'companions-of-visitor' });
    added++;
  }
  return added;
}

/** Sentence rules that put a person in the visiting party before bare titles are placed (stage "members"). */
export const MEMBER_RULES: readonly SentenceRule<MembersContext>[] = [
  {
    name: 'one-of-delegation-from',
    stage: 'members',
    when: /delegation|group|party|contingent/,
    matches: /⟨P(?<who>\d+)⟩(?:,[^,⟨]{0,40},)? (?:is|was|are|were) (?:one|a member|members|part) of (?:a|the|an) (?:[\w-]+ ){0,3}?(?:delegation|group|party|contingent) from (?:the )?(?:city of |town of )?⟨C(?<town>\d+)⟩/g,
    emits: 'visiting party (the town of a bare title)',
    why: '"Mayor X is one of a small delegation from T now in Y": a member of a party from T holds a bare title in T, wherever else the article is at home.',
    example: {
      title: 'Mayor Rowe in Japan',
      body: 'Mayor Anna Rowe is one of a small delegation from Nelson now in Miyazu, Japan, to celebrate 40 years of sister city ties. "The welcome was warm," Mayor Rowe said.',
      expect: ['HOLDS_POSITION Anna Rowe -> Nelson'],
    },
    apply: member('one-of-delegation-from'),
  },
  {
    name: 'with-other-visitors',
    stage: 'members',
    when: /other/,
    matches: /⟨P(?<who>\d+)⟩ and (?:(?:a|the) )?(?:[\w-]+ ){0,2}?other (?:visitors|delegates|delegation members|members of the delegation|guests)(?: from (?:the )?⟨C(?<town>\d+)⟩)?/g,
    emits: 'visiting party (the town of a bare title)',
    why: '"X and a dozen other visitors from T", "Mayor X and the other delegates": who is counted among the visitors is of the visiting side, and a bare title of theirs is held at home, not in the town visited.',
    example: {
      title: 'Shizuoka delegation in Fresno',
      body: 'FRESNO — Deputy Mayor Hiroyuki Horii spoke at the opening event for the delegation\'s visit to Fresno on August 28, 2023. Horii and a dozen other visitors from Shizuoka met officials at City Hall.',
      expect: ['HOLDS_POSITION Hiroyuki Horii -> Shizuoka'],
    },
    apply: member('with-other-visitors'),
  },
  {
    name: 'companions-of-visitor',
    stage: 'members',
    when: /accompanied by/,
    matches: /(?:⟨P(?<who>\d+)⟩(?:, who [^,]{0,80},)?|\b(?:the|its|their) (?:[\w-]+ ){0,2}?(?:delegation|visitors|guests)|^they) (?:was|were|is|are|will be) (?:also )?accompanied by (?<list>(?:[^.⟨]{0,40}?⟨[PT]\d+⟩(?: \([^()]{0,40}\))?,?)+)/gi,
    emits: 'visiting party (a bare title is held at home, not in the town visited)',
    why: 'Who accompanies a visitor or the delegation travels with them: "Mayor X was accompanied by City Manager Y" puts Y in the party, so a bare title of Y\'s is not an office in the town visited.',
    example: {
      title: 'McAllen mayor signs agreement in Puerto Vallarta',
      body: 'Mayor Javier Villalobos of McAllen visited Puerto Vallarta on May 4, 2024. Villalobos was accompanied by City Manager Roel Rodriguez and Commissioner Tony Aguirre.',
      expect: ['VISITED Roel Rodriguez -> Puerto Vallarta'],
    },
    apply: companions,
  },
];

/** The people the article puts in a visiting party (stage "members", before bare titles are placed). */
export function readMembers(a: Article, visitors: ReadonlySet<string> = new Set()): Map<string, PartyMember> {
  const ctx: MembersContext = { a, members: new Map(), visitors };
  runSentenceRules(ctx, a.sentences, MEMBER_RULES);
  return ctx.members;
}

/** Credits a member rule with the position placed at its party's town (for the rules report). */
export function creditMembers(a: Article, members: ReadonlyMap<string, PartyMember>): void {
  for (const [person, { town, rule }] of members) for (const p of a.positionsOf(person)) if (town && a.cityOf(p.to) === town) credit(p, rule);
}
