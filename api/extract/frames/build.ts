// Stage "frames": one frame per happening, from the Event entities and the visits events.ts read.
import type { Article } from '../article.ts';
import { countriesGoneTo, type Events } from '../events.ts';
import { addMember, addToSide, filled, newFrame, type Frame, type FrameContext } from './model.ts';

export function buildFrames(a: Article, ev: Events): FrameContext {
  const ctx: FrameContext = { a, ev, frames: [], byId: new Map() };
  for (const e of a.events()) {
    const date = typeof e.props.date === 'string' ? e.props.date : null;
    const place = typeof e.props.cityId === 'string' ? e.props.cityId : null;
    const f = newFrame(e.id, String(e.props.kind ?? 'event'), date, place);
    f.sentences.add(e.first);
    ctx.frames.push(f);
    ctx.byId.set(e.id, f);
  }
  for (const v of ev.visits) {
    const f = ctx.byId.get(v.event);
    if (!f) continue;
    fillFromVisit(ctx, f, v);
  }
  return ctx;
}

/** The sides a visit reader found: origins and visitors visit, hosts host, the destination is the place. */
function fillFromVisit(ctx: FrameContext, f: Frame, v: Events['visits'][number]): void {
  const { a } = ctx;
  f.place ??= v.dest;
  addToSide(ctx, f.host, v.dest, v.sentences);
  for (const i of v.sentences) f.sentences.add(i);
  for (const o of v.origins) if (a.label(o) === 'City') addToSide(ctx, f.visiting, o, v.sentences);
  f.visiting.country = v.originCountry;
  for (const id of v.hosts) addToSide(ctx, f.host, id, v.sentences, true);
  // one named as a visitor and a host keeps both (the role rules give host precedence)
  for (const id of v.visitors) {
    addToSide(ctx, f.visiting, id, v.sentences, true);
    if (a.label(id) === 'Person') f.visiting.named.add(id);
  }
  for (const c of v.stops ?? []) if (c !== f.place) addMember(f.itinerary, c, v.sentences);
  if (v.openedBy) for (const slot of ['visiting', 'itinerary', 'place']) filled(f, slot, v.openedBy);
}

/**
 * One frame per happening: a headline's meeting ("Busan mayor meets Kyoto delegation") told in the body as
 * a visit to the same city is that visit. The meeting's facts and sentences move to the visit.
 */
export function mergeHeadlineMeeting(ctx: FrameContext): void {
  const { a, ev } = ctx;
  const title = a.sentences.find((s) => s.paragraph === -1);
  const meeting = ctx.frames.find((f) => f.kind === 'meeting' && a.entities.get(f.id)?.first === title?.index);
  const visit = ev.visits.length === 1 ? ctx.byId.get(ev.visits[0]!.event) : undefined;
  if (!meeting || !visit || meeting.place && meeting.place !== visit.place) return;
  if (meeting.date && visit.date && !meeting.date.startsWith(visit.date) && !visit.date.startsWith(meeting.date)) return;
  mergeFrame(ctx, meeting, visit);
}

/**
 * One frame per happening: a visit the article names without saying where ("the five-day visit", "a four-day
 * visit to Cambodia", a learned visit the readers could not place) is the one visit they placed, when that is
 * the only placed visit, its date fits, and the country the name goes to (if any) is the place's country.
 */
export function mergeUnplacedVisits(ctx: FrameContext): void {
  const { a, ev } = ctx;
  const placed = ctx.frames.filter((f) => f.kind === 'visit' && f.place);
  if (placed.length !== 1) return;
  const visit = placed[0]!;
  const country = a.countryOfCity(visit.place!);
  for (const f of ctx.frames.filter((x) => x.kind === 'visit' && !x.place && !ev.visits.some((v) => v.event === x.id))) {
    if (f.date && visit.date && !f.date.startsWith(visit.date) && !visit.date.startsWith(f.date)) continue;
    const goesTo = countriesGoneTo(a, f.id);
    if (goesTo.length && !goesTo.includes(country ?? '')) continue;
    mergeFrame(ctx, f, visit);
  }
}

/** A headline's visit to countries: "Mayor visits Japan, South Korea", "Delegation on a trip to China". */
const HEADLINE_TO_COUNTRIES = /\b(?:visits|visited|visiting|visit to|trip to|tour of|tours|toured)\s+(?:the )?((?:⟨N\d+⟩(?:,? (?:and )?)?)+)/i;

/**
 * A headline that tells a visit to a country names the article's one visit there, which the body told by its town
 * ("Mayor visits Japan, South Korea" / "… travelled to Kurashiki in Japan"): one happening, known by both.
 */
export function headlineNamesVisit(ctx: FrameContext): void {
  const { a } = ctx;
  const title = a.sentences.find((s) => s.paragraph === -1);
  const m = title ? HEADLINE_TO_COUNTRIES.exec(title.template) : null;
  if (!title || !m) return;
  const headline = a.input.title.replace(/\s+/g, ' ').trim();
  if (a.events().some((e) => [e.name, ...e.aliases].includes(headline))) return;
  const countries = [...m[1]!.matchAll(/⟨N(\d+)⟩/g)].map((x) => title.mentions[Number(x[1])]?.country).filter(Boolean);
  const there = ctx.frames.filter((f) => f.kind === 'visit' && f.place && countries.includes(a.countryOfCity(f.place) ?? undefined));
  if (there.length === 1) a.entities.get(there[0]!.id)?.aliases.add(headline);
}

/** `from` is `into` told again: its facts, sentences and references move to `into`. */
function mergeFrame(ctx: FrameContext, from: Frame, into: Frame): void {
  const { a, ev } = ctx;
  a.mergeEvent(from.id, into.id);
  for (const i of from.sentences) into.sentences.add(i);
  if (!into.date && from.date) {
    into.date = from.date;
    a.entities.get(into.id)!.props.date = from.date;
  }
  ctx.frames.splice(ctx.frames.indexOf(from), 1);
  ctx.byId.delete(from.id);
  ev.focus = ev.focus.map((id) => (id === from.id ? into.id : id));
  if (ev.main === from.id) ev.main = into.id;
  for (const o of ev.objects) if (o.event === from.id) o.event = into.id;
}
