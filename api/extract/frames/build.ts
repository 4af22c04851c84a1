// Stage "frames": one frame per happening, from the Event entities and the visits events.ts read.
import type { Article } from '../article.ts';
import type { Events } from '../events.ts';
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
  a.mergeEvent(meeting.id, visit.id);
  for (const i of meeting.sentences) visit.sentences.add(i);
  ctx.frames.splice(ctx.frames.indexOf(meeting), 1);
  ctx.byId.delete(meeting.id);
  ev.focus = ev.focus.map((id) => (id === meeting.id ? visit.id : id));
  if (ev.main === meeting.id) ev.main = visit.id;
  for (const o of ev.objects) if (o.event === meeting.id) o.event = visit.id;
}
