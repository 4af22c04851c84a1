// Frame rules: stage "sides" completes a frame's sides from what the article states elsewhere (who holds
// office where, who met whom); stage "derive" turns frames into relationships by declared inference, each
// relationship keeping as evidence the sentences that filled the slots it used.
import type { ParticipationRole, Properties, RelationshipType } from '../../graph/schema.ts';
import { TITLE_RANK } from '../names.ts';
import type { FrameRule } from '../rules/engine.ts';
import { addToSide, filled, homeOf, type Frame, type FrameContext, type Side } from './model.ts';

type Rule = FrameRule<FrameContext, Frame>;

/** Adds a derived fact, crediting the rule and the rules that filled the slots it used. */
function emit(ctx: FrameContext, f: Frame, rule: string, slots: string[], type: RelationshipType, from: string, to: string, props: Properties, evidence: Iterable<number>): number {
  const fact = ctx.a.addFact(type, from, to, props, ...evidence);
  if (!fact) return 0;
  const rules = (fact.rules ??= new Set());
  rules.add(rule);
  for (const slot of slots) for (const r of f.filledBy.get(slot) ?? []) rules.add(r);
  return 1;
}

function members(side: Side): [string, Set<number>][] {
  return [...side.people, ...side.bodies];
}

const isMain = (ctx: FrameContext, f: Frame): boolean => ctx.ev.visits[0]?.event === f.id;
const isVisit = (ctx: FrameContext, f: Frame): boolean => ctx.ev.visits.some((v) => v.event === f.id);
/** A visit, or a meeting in one city with people of both sides: "X (of here) met Y (from elsewhere)". */
const hasSides = (ctx: FrameContext, f: Frame): boolean => isVisit(ctx, f) || f.kind === 'meeting' && !!f.place && f.host.people.size > 0 && f.visiting.people.size > 0;

/** The city of a person's first stated office (also a former one), else of a body. */
function personCity(ctx: FrameContext, id: string): string | null {
  for (const p of ctx.a.positionsOf(id)) return ctx.a.cityOf(p.to);
  return null;
}

/** The highest-ranking person of a side (none when two share the top rank). */
function headOf(ctx: FrameContext, side: Side, among: Iterable<string>): string | null {
  let best: string | null = null;
  let rank = 0;
  let tie = false;
  for (const id of among) {
    if (!side.people.has(id)) continue;
    const r = Math.max(0, ...ctx.a.positionsOf(id).filter((p) => !p.props.former).map((p) => TITLE_RANK[String(p.props.title).toLowerCase()] ?? 1));
    if (r > rank) [best, rank, tie] = [id, r, false];
    else if (r === rank && r > 0) tie = true;
  }
  return tie ? null : best;
}

export const SIDE_RULES: readonly Rule[] = [
  {
    name: 'meeting-in-host-city',
    stage: 'sides',
    emits: 'place (of a meeting)',
    why: 'A courtesy call or meeting with a visitor takes place in its host\'s city.',
    example: {
      title: 'Li Qiang meets with Edwin Lee',
      body: 'Party Secretary Li Qiang met with Mayor Edwin Lee of San Francisco in Shanghai on May 9, 2024. Li Qiang welcomed Edwin Lee\'s visit.',
      expect: ['LOCATED_IN Li Qiang meets with Edwin Lee -> Shanghai', 'VISITED Edwin Lee -> Shanghai'],
    },
    apply: (ctx, f) => {
      if (f.kind !== 'meeting' || f.place || !f.visiting.people.size) return 0;
      const homes = new Set([...f.host.people.keys()].map((id) => homeOf(ctx.a, id)).filter((c): c is string => !!c));
      const [home] = homes;
      if (homes.size !== 1 || !home || [...f.visiting.people.keys()].some((id) => homeOf(ctx.a, id) === home)) return 0;
      f.place = home;
      const e = ctx.a.entities.get(f.id);
      if (e) e.props.cityId = home;
      filled(f, 'place', 'meeting-in-host-city');
      return 1;
    },
  },
  {
    name: 'visiting-town-of-named-officials',
    stage: 'sides',
    emits: 'visiting.cities',
    why: 'A visit whose visitors the sentences leave unnamed ("an expat delegation visited Y") came from the one other town whose officials the article names: the genre names the visiting town\'s officials because they came.',
    example: {
      title: 'Expat delegation from sister city visits Taipei',
      body: 'An expat delegation visited Taipei on May 3, 2024. Mayor Ko Wen-je of Taipei welcomed the guests. "We learned much," said Councilmember Ann Lee of Phoenix.',
      expect: ['VISITED Ann Lee -> Taipei', 'PARTICIPATED_IN Ann Lee -> delegation visit to Taipei as visitor'],
    },
    apply: (ctx, f) => {
      if (!isMain(ctx, f) || !f.place || f.visiting.cities.size || members(f.visiting).length || f.visiting.country) return 0;
      const towns = new Map<string, Set<number>>();
      for (const p of ctx.a.factsOf('HOLDS_POSITION')) {
        const city = ctx.a.cityOf(p.to);
        if (p.props.former || !city || city === f.place || f.host.people.has(p.from)) continue;
        towns.set(city, new Set([...(towns.get(city) ?? []), ...p.evidence]));
      }
      const [only, ...more] = [...towns];
      if (!only || more.length) return 0;
      addToSide(ctx, f.visiting, only[0], only[1]);
      filled(f, 'visiting', 'visiting-town-of-named-officials');
      return 1;
    },
  },
  {
    name: 'officials-of-visiting-side',
    stage: 'sides',
    emits: 'visiting.people',
    why: 'Officials of the visiting city, country or body named in an article about their visit are its visitors.',
    example: {
      title: 'Hamilton delegation visits Shizuoka',
      body: 'A delegation from Hamilton visited Shizuoka on May 2, 2024. Councillor Ewan Wilson of Hamilton City Council said the ties were strong.',
      expect: ['PARTICIPATED_IN Ewan Wilson -> Hamilton delegation visit to Shizuoka as visitor', 'VISITED Ewan Wilson -> Shizuoka'],
    },
    apply: (ctx, f) => {
      if (!isMain(ctx, f)) return 0;
      let added = 0;
      for (const p of ctx.a.factsOf('HOLDS_POSITION')) {
        if (p.props.former || f.host.people.has(p.from)) continue;
        const city = ctx.a.cityOf(p.to);
        const ofBody = f.visiting.bodies.has(p.to) && ctx.a.label(p.to) !== 'City';
        const ofCity = !!city && (f.visiting.cities.has(city) || !!f.visiting.country && ctx.a.countryOfCity(city) === f.visiting.country && city !== f.place);
        if ((ofBody || ofCity) && addToSide(ctx, f.visiting, p.from, p.evidence)) {
          filled(f, 'visiting', 'officials-of-visiting-side');
          added++;
        }
      }
      return added;
    },
  },
  {
    name: 'met-visitors-at-destination',
    stage: 'sides',
    emits: 'host.people',
    why: 'Whoever of the visited city meets a visitor receives them: a host.',
    example: {
      title: 'Guelph mayor in Yokote',
      body: 'A delegation from Guelph led by Mayor Cam Guthrie visited Yokote on July 3, 2024. Cam Guthrie met with Mayor Koji Takahashi of Yokote.',
      expect: ['PARTICIPATED_IN Koji Takahashi -> Guelph delegation visit to Yokote as host'],
    },
    apply: (ctx, f) => {
      let added = 0;
      for (const m of ctx.a.factsOf('MET_WITH')) {
        for (const [x, y] of [[m.from, m.to], [m.to, m.from]] as const) {
          if (f.visiting.people.has(y) && !f.visiting.people.has(x) && !!f.place && personCity(ctx, x) === f.place && addToSide(ctx, f.host, x, m.evidence)) {
            filled(f, 'host', 'met-visitors-at-destination');
            added++;
          }
        }
      }
      return added;
    },
  },
  {
    name: 'mayor-of-visited-city-hosts',
    stage: 'sides',
    emits: 'host.people',
    why: 'The mayor (or governor) of the city a delegation visits, named in the article about the visit, is its host: the genre names the head of the host city because they received the visitors.',
    example: {
      title: 'Kasugai delegation in Kelowna',
      body: 'A delegation from Kasugai visited Kelowna on May 2, 2024 to exchange gifts. "We share cultural values," said Kelowna Mayor Tom Dyas.',
      expect: ['PARTICIPATED_IN Tom Dyas -> Kasugai delegation visit to Kelowna as host'],
    },
    apply: (ctx, f) => {
      if (!isMain(ctx, f) || !f.place || f.host.people.size || !f.visiting.cities.size && !members(f.visiting).length && !f.visiting.country) return 0;
      let added = 0;
      for (const p of ctx.a.factsOf('HOLDS_POSITION')) {
        if (p.props.former || !/^(?:lord )?mayor$|^governor$/i.test(String(p.props.title)) || ctx.a.cityOf(p.to) !== f.place) continue;
        if (f.visiting.people.has(p.from) || !addToSide(ctx, f.host, p.from, p.evidence)) continue;
        filled(f, 'host', 'mayor-of-visited-city-hosts');
        added++;
      }
      return added;
    },
  },
];

function roles(ctx: FrameContext, f: Frame, rule: string, side: Side, role: ParticipationRole, skip: (id: string) => boolean): number {
  let added = 0;
  for (const [id, evidence] of members(side)) {
    if (skip(id)) continue;
    added += emit(ctx, f, rule, [role === 'host' ? 'host' : 'visiting'], 'PARTICIPATED_IN', id, f.id, { role }, [...f.sentences, ...evidence]);
    // at a happening with sides, being host or visitor says more than having attended
    ctx.a.dropFact('PARTICIPATED_IN', id, f.id, { role: 'attendee' });
  }
  return added;
}

/** Without a sentence saying the sides met: the head of the host side and the head of the visiting side of a visit. */
function headsMet(ctx: FrameContext, f: Frame): number {
  if (!isVisit(ctx, f) || !f.place) return 0;
  // a visit the article announces ("will be making the trip next week") has not met anyone yet
  const published = ctx.a.input.publishedAt;
  if (f.date && published && f.date > published) return 0;
  const host = headOf(ctx, f.host, f.host.people.keys());
  const guest = headOf(ctx, f.visiting, f.visiting.people.keys());
  if (!host || !guest || host === guest || f.visiting.people.has(host)) return 0;
  const evidence = [...(f.host.people.get(host) ?? []), ...(f.visiting.people.get(guest) ?? [])];
  return emit(ctx, f, 'heads-of-visit-sides-met', ['host', 'visiting'], 'MET_WITH', host, guest, { date: f.date, event: f.id }, evidence);
}

/** MET_WITH of each host with each guest (no one meets their own side), evidence: the met sentences and the members'. */
function metPairs(ctx: FrameContext, f: Frame, rule: string, hosts: readonly string[], guests: readonly string[], met: Iterable<number>): number {
  let added = 0;
  for (const h of hosts) for (const g of guests) {
    if (h === g || f.visiting.people.has(h)) continue;
    const evidence = [...met, ...(f.host.people.get(h) ?? []), ...(f.visiting.people.get(g) ?? [])];
    added += emit(ctx, f, rule, ['met', 'host', 'visiting'], 'MET_WITH', h, g, { date: f.date, event: f.id }, evidence);
  }
  return added;
}

export const DERIVE_RULES: readonly Rule[] = [
  {
    name: 'visiting-side-visitor',
    stage: 'derive',
    emits: 'PARTICIPATED_IN visitor',
    why: 'Every member of the visiting side takes part in the visit as a visitor (a signing abroad gives attendees instead).',
    example: {
      title: 'Ballarat delegation visits Kawasaki',
      body: 'A delegation from Ballarat visited Kawasaki on October 5, 2024. The delegation was led by Mayor Des Hudson.',
      expect: ['PARTICIPATED_IN Des Hudson -> Ballarat delegation visit to Kawasaki as visitor'],
    },
    apply: (ctx, f) => (hasSides(ctx, f) && f.kind !== 'signing' ? roles(ctx, f, 'visiting-side-visitor', f.visiting, 'visitor', (id) => f.host.people.has(id) || f.host.bodies.has(id)) : 0),
  },
  {
    name: 'host-side-host',
    stage: 'derive',
    emits: 'PARTICIPATED_IN host',
    why: 'Every member of the host side hosts the happening.',
    example: {
      title: 'Dunedin welcomes Shanghai delegation',
      body: 'Mayor Jules Radich of Dunedin welcomed a delegation from Shanghai on March 8, 2024.',
      expect: ['PARTICIPATED_IN Jules Radich -> Shanghai delegation visit to Dunedin as host'],
    },
    apply: (ctx, f) => (hasSides(ctx, f) ? roles(ctx, f, 'host-side-host', f.host, 'host', () => false) : 0),
  },
  {
    name: 'visiting-side-visited-place',
    stage: 'derive',
    emits: 'VISITED (date, event)',
    why: 'The members of the visiting side visited the place of the happening, at its date.',
    example: {
      title: 'Lismore delegation visits Yamato-Takada',
      body: 'A delegation from Lismore led by Councillor Big Rhoades visited Yamato-Takada on November 2, 2024.',
      expect: ['VISITED Big Rhoades -> Yamato-Takada'],
    },
    apply: (ctx, f) => {
      if (!hasSides(ctx, f) || !f.place) return 0;
      let added = 0;
      for (const [id, evidence] of members(f.visiting)) if (ctx.a.label(id) !== 'City' && homeOf(ctx.a, id) !== f.place) added += emit(ctx, f, 'visiting-side-visited-place', ['visiting', 'place'], 'VISITED', id, f.place, { date: f.date, event: f.id }, [...f.sentences, ...evidence]);
      return added;
    },
  },
  {
    name: 'visiting-side-visited-itinerary',
    stage: 'derive',
    emits: 'VISITED (date, event)',
    why: 'The visiting side went to every further city of its itinerary (not to its own).',
    example: {
      title: 'Sendai delegation in Minnesota',
      body: 'A delegation from Sendai led by Mayor Kazuko Kori visited Minneapolis on August 1, 2024. The delegation also visited Duluth and Rochester.',
      expect: ['VISITED Kazuko Kori -> Rochester'],
    },
    apply: (ctx, f) => {
      let added = 0;
      for (const [city, evidence] of f.itinerary) {
        for (const [id] of members(f.visiting)) if (ctx.a.label(id) !== 'City' && ctx.a.cityOf(id) !== city) added += emit(ctx, f, 'visiting-side-visited-itinerary', ['visiting', 'itinerary'], 'VISITED', id, city, { date: f.date, event: f.id }, evidence);
      }
      return added;
    },
  },
  {
    name: 'heads-of-sides-met',
    stage: 'derive',
    emits: 'MET_WITH (date, event)',
    why: 'When the article says the sides met (received, held talks), the people it names on each side met; unnamed, the head of each side.',
    example: {
      title: 'Jeonju delegation visits Kanazawa',
      body: 'A delegation from Jeonju led by Mayor Woo Beom-ki visited Kanazawa on October 10, 2024. Mayor Shuji Murayama of Kanazawa received the delegation.',
      expect: ['MET_WITH Shuji Murayama -> Woo Beom-ki'],
    },
    apply: (ctx, f) => {
      if (!f.met.size) return 0;
      const named = (side: Side): string[] => [...f.metPeople.keys()].filter((id) => side.people.has(id));
      const hosts = named(f.host).length ? named(f.host) : [headOf(ctx, f.host, f.host.people.keys())].filter((x): x is string => !!x);
      // a delegation received without a head named or known: each of its people met the host
      const head = headOf(ctx, f.visiting, f.visiting.people.keys());
      const guests = named(f.visiting).length ? named(f.visiting) : head ? [head] : f.visiting.people.size <= 12 ? [...f.visiting.people.keys()] : [];
      return metPairs(ctx, f, 'heads-of-sides-met', hosts, guests, f.met);
    },
  },
  {
    name: 'group-members-met',
    stage: 'derive',
    emits: 'MET_WITH (date, event)',
    why: 'A sentence that says the delegation met someone ("the delegation held talks with A", "they will meet with A and B") without naming its people states a meeting of every member the article names in the delegation, not only of its head; one that says the delegation was received, of its officials.',
    example: {
      title: 'Tauranga delegation visits Yantai',
      body: 'A delegation from Tauranga led by Mayor Greg Brownless visited Yantai on April 8, 2024. Brownless was accompanied by Councillor Anna Rahiri of Tauranga. The delegation met with Vice Mayor Zhang Dai.',
      expect: ['MET_WITH Zhang Dai -> Greg Brownless', 'MET_WITH Zhang Dai -> Anna Rahiri'],
    },
    apply: (ctx, f) => {
      const members = [...f.visiting.named].filter((id) => f.visiting.people.has(id) && !f.host.people.has(id));
      let added = 0;
      for (const [i, who] of f.groupMet) {
        // receiving a delegation is meeting its officials, not every student or chaperone in it
        const group = who === 'officials' ? members.filter((id) => ctx.a.positionsOf(id).some((p) => !p.props.former)) : members;
        if (group.length < 2 || group.length > 12) continue;
        const said = [...f.metPeople].filter(([, at]) => at.has(i)).map(([id]) => id);
        // a sentence naming someone of the visiting side tells who met; one naming none tells the group met
        if (said.some((id) => f.visiting.people.has(id))) continue;
        const named = said.filter((id) => f.host.people.has(id));
        const hosts = named.length ? named : [headOf(ctx, f.host, f.host.people.keys())].filter((x): x is string => !!x);
        added += metPairs(ctx, f, 'group-members-met', hosts, group, [i]);
      }
      return added;
    },
  },
  {
    name: 'heads-of-visit-sides-met',
    stage: 'derive',
    emits: 'MET_WITH (date, event)',
    why: 'A visit has a host: when the article names the head of each side of a visit and no sentence says who met whom, the two heads met (the genre reports the meeting of the mayors as the visit itself).',
    example: {
      title: 'Jeonju delegation visits Kanazawa',
      body: 'A delegation from Jeonju led by Mayor Woo Beom-ki visited Kanazawa on October 10, 2024. Kanazawa Mayor Shuji Murayama said the ties were strong.',
      expect: ['MET_WITH Shuji Murayama -> Woo Beom-ki'],
    },
    apply: (ctx, f) => (f.met.size ? 0 : headsMet(ctx, f)),
  },
];
