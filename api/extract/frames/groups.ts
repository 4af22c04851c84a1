// The travelling group of each visit, decided over the whole article: who travels with a happening's visiting side
// and how the text ties each of them to it. A delegation's members are often named far from the town they went to
// and from the hosts they met ("The delegation included A, B and C" three paragraphs after "visited Y"), so no
// sentence names a member with the town: the tie to the group is what says they went. The learned relation step
// reads the ties as features of the member's visit, participation and meetings, with the tying sentence as evidence.
import type { Article } from '../article.ts';
import { visitFrameAt } from './fill.ts';
import { homeOf, type Frame, type FrameContext } from './model.ts';

/**
 * How a person is tied to a visiting group, surest first: `named` by the readers as one of the group ("led by A",
 * "A was accompanied by B"), on the visiting `side` by the side rules (an official of the visiting town), in a
 * sentence about the group that says who `led` it or `listed` its members, an `official` of a town the group comes
 * from, or named in a sentence about the `group` ("the delegation", "the students"); at a placed happening whose
 * visiting side no reader filled (a twinning ceremony in A), an official of the `other-town` whose officials the article names.
 */
export type GroupTie = 'named' | 'side' | 'led' | 'listed' | 'official' | 'group' | 'other-town';
export const TIE_ORDER: readonly GroupTie[] = ['named', 'side', 'led', 'listed', 'official', 'group', 'other-town'];

export interface GroupMember {
  tie: GroupTie;
  /** the sentence that ties the person to the group (the fact's evidence) */
  sentence: number;
  /** sentences between that sentence and the nearest sentence telling the happening */
  distance: number;
}

/** The travelling group of each visit-like happening, by frame id: its members by person id. */
export type TravellingGroups = ReadonlyMap<string, ReadonlyMap<string, GroupMember>>;

const GROUP_NOUN = /\b(?:delegations?|delegates|students|mission|entourage|group|team|visitors|members|guests|party)\b/i;
const LED = /\b(?:led by|headed by|leader of|head of the delegation|(?:led|headed|leading|heading) (?:a|the|an)\b)/i;
const LISTED = /\b(?:includ(?:ed|es|ing)|consist(?:ed|s|ing) of|compris(?:ed|es|ing)|composed of|accompanied|along with|joined by|together with|members? (?:of|were|are|was)|part of (?:the|a|an|this)|among)\b/i;

const MET_AFTER = /\b(?:met|meets|meeting with|received by|welcomed by|hosted by|greeted by|calls? on|called on|talks with)\b/gi;
const MET_BEFORE = /\b(?:met|meets|received|receives|welcomed|welcomes|hosted|hosts|greeted|greets)\b/i;

/** Whether a sentence tells the group meeting the person it names there, a host: "the delegation met with A", "A received the delegation". */
function metByGroup(text: string, m: { start: number; end: number }): boolean {
  const group = GROUP_NOUN.exec(text);
  if (!group) return false;
  if (group.index > m.end) return MET_BEFORE.test(text.slice(m.end, group.index));
  let met = -1;
  for (const x of text.slice(group.index, m.start).matchAll(MET_AFTER)) met = x.index;
  return met >= 0;
}

/** The place a frame's happening is in, as the last reader left it (a frame built before its place was read has none). */
export function placeOfFrame(a: Article, f: Frame): string | null {
  if (f.place) return f.place;
  const city = a.entities.get(f.id)?.props.cityId;
  return typeof city === 'string' ? city : null;
}

/** A frame with a visiting side, or a visit: a happening someone travelled to. */
const travelledTo = (f: Frame): boolean => f.kind === 'visit' || f.visiting.people.size > 0 || f.visiting.bodies.size > 0 || f.visiting.cities.size > 0 || !!f.visiting.country;

/** Whether a person hosts the happening: on its host side, or holding a current office in its place. */
function hosts(a: Article, f: Frame, person: string, place: string | null): boolean {
  if (f.host.people.has(person)) return true;
  return !!place && homeOf(a, person) === place;
}

function nearest(f: Frame, sentence: number): number {
  let best = Infinity;
  for (const s of f.sentences) best = Math.min(best, Math.abs(s - sentence));
  return best === Infinity ? 0 : best;
}

/** Where an entity is named: a sentence and the index of its mention there. */
export interface Named {
  sentence: number;
  mention: number;
}

/** The travelling groups of an article's frames, with where each entity is named (`occurrences`, by entity id). */
export function travellingGroups(ctx: FrameContext, occurrences: ReadonlyMap<string, readonly Named[]>): TravellingGroups {
  const { a } = ctx;
  const named = new Map<number, { id: string; mention: number }[]>();
  for (const [id, list] of occurrences) for (const o of list) if (o.mention >= 0) (named.get(o.sentence) ?? named.set(o.sentence, []).get(o.sentence)!).push({ id, mention: o.mention });
  const out = new Map<string, Map<string, GroupMember>>();
  const frames = ctx.frames.filter(travelledTo);
  const groupOf = (f: Frame) => out.get(f.id) ?? out.set(f.id, new Map()).get(f.id)!;
  const tie = (f: Frame, person: string, kind: GroupTie, sentence: number) => {
    if (a.label(person) !== 'Person' || hosts(a, f, person, placeOfFrame(a, f))) return;
    const group = groupOf(f);
    const known = group.get(person);
    if (known && TIE_ORDER.indexOf(known.tie) <= TIE_ORDER.indexOf(kind)) return;
    group.set(person, { tie: kind, sentence, distance: nearest(f, sentence) });
  };
  const offices = a.factsOf('HOLDS_POSITION').filter((p) => !p.props.former && !!a.cityOf(p.to));
  for (const f of ctx.frames) {
    const place = placeOfFrame(a, f);
    const travelled = travelledTo(f);
    if (!travelled && !place) continue;
    for (const [person, at] of f.visiting.people) tie(f, person, f.visiting.named.has(person) ? 'named' : 'side', Math.min(...at));
    const towns = new Set(f.visiting.cities.keys());
    const known = towns.size > 0 || !!f.visiting.country;
    // the one town other than the place whose officials the article names is where an unnamed visiting side came from
    const others = new Set(offices.map((p) => a.cityOf(p.to)!).filter((c) => c !== place));
    const inferred = !known && place && others.size === 1 ? [...others][0]! : null;
    for (const p of offices) {
      const city = a.cityOf(p.to)!;
      if (city === place) continue;
      if (towns.has(city) || !!f.visiting.country && a.countryOfCity(city) === f.visiting.country) tie(f, p.from, 'official', Math.min(...p.evidence));
      else if (city === inferred) tie(f, p.from, 'other-town', Math.min(...p.evidence));
    }
  }
  // a sentence about a group belongs to the happening it tells of (the visit in focus, else the article's visit, else
  // the article's one happening someone travelled to)
  for (const s of a.sentences) {
    if (!GROUP_NOUN.test(s.text)) continue;
    const at = visitFrameAt(ctx, s);
    const f = at && travelledTo(at) ? at : frames.length === 1 ? frames[0]! : null;
    if (!f) continue;
    const kind: GroupTie = LED.test(s.text) ? 'led' : LISTED.test(s.text) ? 'listed' : 'group';
    for (const { id, mention } of named.get(s.index) ?? []) if (!metByGroup(s.text, s.mentions[mention]!)) tie(f, id, kind, s.index);
  }
  return out;
}
