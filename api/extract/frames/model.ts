// Exchange frames: one per happening of an article (a visit, a signing, a reception, a forum …), with
// its slots: kind, date, place, the host side and the visiting side (city, offices, people) and the
// participants with roles. Every slot keeps the sentences that filled it, so that a relationship derived
// from slots keeps them as its evidence. Frames are built from the events and visits events.ts reads,
// filled by the sentence rules of fill-rules.ts (also through references: "the delegation", "the two
// sides", "the mayor") and read by the inference rules of derive-rules.ts.
import type { ParticipationRole } from '../../graph/schema.ts';
import type { Article } from '../article.ts';
import type { Events } from '../events.ts';

/** One side of a happening. Each member maps to the sentences that put it there. */
export interface Side {
  /** the side's cities: the place for the host, the origins for the visitors */
  cities: Map<string, Set<number>>;
  /** ISO country of a side named by nationality ("a Chinese delegation") */
  country: string | null;
  /** offices, companies and organisations (and a city named as an actor: "the City of X is hosting") */
  bodies: Map<string, Set<number>>;
  people: Map<string, Set<number>>;
  /** the people the text names as members of the side's group ("the delegation, led by A", "A was accompanied by B"),
   * not those the side rules add from their offices: what the text says the group did, they did */
  named: Set<string>;
}

export interface Frame {
  /** the Event entity of the happening */
  id: string;
  kind: string;
  date: string | null;
  place: string | null;
  host: Side;
  visiting: Side;
  /** actors with a role stated by the sentence readers (roles other than host and visitor) */
  participants: Map<string, { role: ParticipationRole; evidence: Set<number> }[]>;
  /** sentences saying the two sides met: "held talks", "received the delegation", "the two sides discussed" */
  met: Set<number>;
  /** the "met" sentences that tell of the visiting group as a whole ("the delegation held talks with", "both sides"), with who of it met */
  groupMet: Map<number, GroupMeeting>;
  /** people each "met" sentence names on either side: the heads who met */
  metPeople: Map<string, Set<number>>;
  /** cities the visiting side went to beyond the place ("the delegation also visited A and B") */
  itinerary: Map<string, Set<number>>;
  /** sentences that tell the happening (its visit readers' sentences) */
  sentences: Set<number>;
  /** rules that filled a slot, by slot name, for attribution */
  filledBy: Map<string, Set<string>>;
}

/** Who of a group met when a sentence says the group met: every member the text names, or those holding an office. */
export type GroupMeeting = 'members' | 'officials';

export interface FrameContext {
  a: Article;
  ev: Events;
  frames: Frame[];
  byId: Map<string, Frame>;
}

export function emptySide(): Side {
  return { cities: new Map(), country: null, bodies: new Map(), people: new Map(), named: new Set() };
}

export function newFrame(id: string, kind: string, date: string | null, place: string | null): Frame {
  return {
    id, kind, date, place, host: emptySide(), visiting: emptySide(), participants: new Map(), met: new Set(), groupMet: new Map(),
    metPeople: new Map(), itinerary: new Map(), sentences: new Set(), filledBy: new Map(),
  };
}

export function addMember(map: Map<string, Set<number>>, id: string, evidence: Iterable<number>): boolean {
  const had = map.has(id);
  const set = map.get(id) ?? new Set<number>();
  for (const e of evidence) set.add(e);
  map.set(id, set);
  return !had;
}

/** Puts an actor on a side (a person among its people, a body among its bodies, a city as its city). */
export function addToSide(ctx: FrameContext, side: Side, id: string, evidence: Iterable<number>, asActor = false): boolean {
  const label = ctx.a.label(id);
  if (label === 'Person') return addMember(side.people, id, evidence);
  // a city that acts ("the City of Rockford is hosting …") is a member like a body; else it is where the side is from
  if (label === 'Office' || label === 'Company' || label === 'Organization' || label === 'City' && asActor) return addMember(side.bodies, id, evidence);
  if (label === 'City') return addMember(side.cities, id, evidence);
  return false;
}

/** Records that a rule filled a slot of a frame. */
export function filled(f: Frame, slot: string, rule: string): void {
  const set = f.filledBy.get(slot) ?? new Set<string>();
  set.add(rule);
  f.filledBy.set(slot, set);
}

/** The side's first city. */
export function cityOfSide(side: Side): string | null {
  for (const c of side.cities.keys()) return c;
  return null;
}

/** Which side an actor is on, if any. */
export function sideOf(f: Frame, id: string): 'host' | 'visiting' | null {
  if (f.visiting.people.has(id) || f.visiting.bodies.has(id)) return 'visiting';
  if (f.host.people.has(id) || f.host.bodies.has(id)) return 'host';
  return null;
}

/** The city an actor belongs to: its own, the city of an office it holds, or where its body is. */
export function homeOf(a: Article, id: string): string | null {
  if (a.label(id) === 'Person') return a.positionsOf(id).filter((f) => !f.props.former).map((f) => a.cityOf(f.to)).find(Boolean) ?? null;
  return a.cityOf(id);
}
