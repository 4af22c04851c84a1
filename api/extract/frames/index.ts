// The frame stages, in their declared order (STAGES), run by one engine over rules kept as data.
import type { Article, Fact } from '../article.ts';
import type { Events } from '../events.ts';
import { runFrameRules, runSentenceRules, type SentenceRule, type Stage } from '../rules/engine.ts';
import { buildFrames, headlineNamesVisit, mergeHeadlineMeeting, mergeUnplacedVisits } from './build.ts';
import { fillStage, runFill } from './fill.ts';
import { FILL_RULES } from './fill-rules.ts';
import { DERIVE_RULES, SIDE_RULES } from './infer-rules.ts';
import type { Frame, FrameContext } from './model.ts';

export const STAGES: readonly Stage[] = [
  { name: 'towns', reads: 'sentence templates (before entities are made)', adds: 'City for unheaded names the words around them mark as towns: a mayor\'s seat, "the city of X", "X, <country>"' },
  { name: 'people', reads: 'sentence templates (before entities are made)', adds: 'Person for unheaded names the words around them mark as people\'s: lists of members, role appositions, relatives, counterparts' },
  { name: 'headline', reads: 'the headline\'s template (only when the sentence readers found no visit)', adds: 'the article\'s visit or signing the headline tells' },
  { name: 'trips', reads: 'sentence templates, SISTER_CITY_OF facts (only when events.ts found no visit)', adds: 'a visit for a delegation\'s trip to a country, with its stops' },
  { name: 'members', reads: 'sentence templates, before bare titles are placed (frames/parties.ts, MEMBER_RULES)', adds: 'the people the article counts in a visiting party ("X is one of a delegation from T", "X and the other delegates"), with the party\'s town: a bare title of theirs is held there, never in the town visited' },
  { name: 'coordination', reads: 'sentence templates, positions, visits (after the meetings reader; relations/coordination.ts)', adds: 'SISTER_CITY_OF over lists ("sister cities namely A and B in China, C in UAE", "joining A, Japan; B, Korea", "respectively"), VISITED of every city a trip lists, MET_WITH of two officials of different cities coordinated as the subject of one joint act or talking with / giving to each other' },
  { name: 'lead', reads: 'the headline and the first body sentences, positions', adds: 'the article\'s visit told as an official visiting a city or a host receiving a guest or a delegation, or its meeting of two officials (when no happening was read); a signing told as a council signing with another city, or an agreement signed anywhere in the article (when no signing was read)' },
  { name: 'frames', reads: 'the Event entities and the visits events.ts found', adds: 'one frame per happening: kind, date, place, sides from the visit readers; a headline\'s meeting told in the body as the visit is the visit' },
  { name: 'fill', reads: 'sentence templates and the frame each sentence is about', adds: 'side members, "met" sentences and itinerary cities, each with its sentences' },
  { name: 'sides', reads: 'frames and the HOLDS_POSITION and MET_WITH facts', adds: 'officials of the visiting side, hosts who met visitors, the host city\'s government' },
  { name: 'derive', reads: 'frames', adds: 'PARTICIPATED_IN (visitor, host), VISITED and MET_WITH with the frame\'s date and event' },
  { name: 'attendance', reads: 'sentence templates and the happening each is about, PARTICIPATED_IN and HOLDS_POSITION facts, the Event places (after the participation readers)', adds: 'attendees named "in the presence of", as witnesses, as co-signers; VISITED of the happening\'s city for participants from abroad; MET_WITH of co-signatories of two cities; each with the happening\'s date and event' },
  { name: 'happening', reads: 'VISITED and MET_WITH facts the sentence readers stated, frames', adds: 'the event and date of the happening each belongs to; VISITED of a happening\'s city for whoever met one of its officials there (frames/attendance.ts, GUEST_RULES)' },
  { name: 'parties', reads: 'VISITED, PARTICIPATED_IN and HOLDS_POSITION facts with their happenings (last; frames/parties.ts)', adds: 'a happening\'s whole visiting party from the one town its travellers come from: VISITED and PARTICIPATED_IN of the town\'s officials' },
];

export const FILL_SENTENCE_RULES = fillStage(FILL_RULES);

/** "The highlight of the visit was E": E's participants are the visit's. */
export const PART_OF_VISIT: SentenceRule<FrameContext> = {
  name: 'part-of-the-visit',
  stage: 'derive',
  when: /highlight|part|climax|centrepiece|centerpiece/,
  matches: /\b(?:highlight|part|climax|centrepiece|centerpiece) of the (?:visit|trip)\b/gi,
  emits: 'PARTICIPATED_IN visitor, host (of the happening named)',
  why: 'A happening told as part of the visit has the visit\'s sides as its participants.',
  example: {
    title: 'Auckland delegation in Toyama',
    body: 'A delegation from Auckland led by Mayor Andrew Tripe visited Toyama on May 1, 2024. A highlight of the visit was the Toyama Summer Festival.',
    expect: ['PARTICIPATED_IN Andrew Tripe -> Toyama Summer Festival as visitor'],
  },
  apply: (ctx, s) => {
    const main = ctx.ev.visits[0];
    const f = main ? ctx.byId.get(main.event) : undefined;
    const sub = ctx.a.eventsFirstIn(s.index).find((e) => e.id !== main?.event);
    if (!main || !f || !sub) return 0;
    let added = 0;
    for (const id of main.visitors) added += ctx.a.addFact('PARTICIPATED_IN', id, sub.id, { role: 'visitor' }, s.index) ? 1 : 0;
    for (const id of main.hosts) added += ctx.a.addFact('PARTICIPATED_IN', id, sub.id, { role: 'host' }, s.index) ? 1 : 0;
    if (!sub.props.cityId) sub.props.cityId = main.dest;
    return added;
  },
};

// read once: `process.env` is a lookup in the process's environment at every access (once an article here)
const DEBUG_FRAMES = !!process.env.DBG_FRAMES;
/** The frames of each article read, for the "happening" stage that runs after the last sentence readers. */
const framesOf = new WeakMap<Article, FrameContext>();

/** Runs the frame stages. */
/** The frames read from an article, once the frames pass has run. */
export function framesOfArticle(a: Article): FrameContext | undefined {
  return framesOf.get(a);
}

export function readFrames(a: Article, ev: Events): FrameContext {
  const ctx = buildFrames(a, ev);
  framesOf.set(a, ctx);
  mergeHeadlineMeeting(ctx);
  mergeUnplacedVisits(ctx);
  headlineNamesVisit(ctx);
  runFill(ctx, FILL_SENTENCE_RULES);
  runFrameRules(ctx, ctx.frames, SIDE_RULES);
  shareSides(ctx);
  runFrameRules(ctx, ctx.frames, DERIVE_RULES);
  runSentenceRules(ctx, a.sentences, [PART_OF_VISIT]);
  if (DEBUG_FRAMES) for (const f of ctx.frames) console.error('FRAME', f.id, f.kind, f.place, 'host', [...f.host.people.keys()], [...f.host.bodies.keys()], 'visiting', [...f.visiting.people.keys()], [...f.visiting.bodies.keys()], 'met', [...f.met], 'metPeople', [...f.metPeople.keys()], 'named', [...f.visiting.named], 'groupMet', [...f.groupMet]);
  return ctx;
}

/** The readers that run after the frames (participation, locations) see the visits' completed sides. */
function shareSides(ctx: FrameContext): void {
  for (const v of ctx.ev.visits) {
    const f = ctx.byId.get(v.event);
    if (!f) continue;
    for (const id of [...f.visiting.people.keys(), ...f.visiting.bodies.keys()]) v.visitors.add(id);
    for (const id of [...f.host.people.keys(), ...f.host.bodies.keys()]) v.hosts.add(id);
  }
}

function compatible(a: string | null, b: string | null): boolean {
  return !a || !b || a.startsWith(b) || b.startsWith(a);
}

/** The happening a sentence-level VISITED or MET_WITH belongs to: a visit there told in its sentences, or the one in focus. */
function happeningOf(ctx: FrameContext, fact: Fact): Frame | null {
  const first = Math.min(...fact.evidence);
  const date = typeof fact.props.date === 'string' ? fact.props.date : null;
  const fits = (f: Frame | undefined): f is Frame => !!f && compatible(date, f.date) && (fact.type !== 'VISITED' || f.place === fact.to);
  const telling = ctx.frames.find((f) => f.sentences.has(first) && fits(f));
  if (telling) return telling;
  const focus = ctx.byId.get(ctx.ev.focus[first] ?? '');
  if (fits(focus)) return focus;
  return fact.type === 'VISITED' ? ctx.frames.find((f) => fits(f) && ctx.ev.visits.some((v) => v.event === f.id)) ?? null : null;
}

/** Stage "happening": every VISITED and MET_WITH gets the event and date of its happening, when one fits. */
export function assignHappenings(a: Article): void {
  const ctx = framesOf.get(a);
  if (!ctx) return;
  for (const type of ['VISITED', 'MET_WITH'] as const) {
    for (const fact of [...ctx.a.factsOf(type)]) {
      if (typeof fact.props.event === 'string' || !fact.evidence.size) continue;
      const f = happeningOf(ctx, fact);
      if (f) ctx.a.assignEvent(fact, f.id, f.date);
    }
    datedOnce(ctx, type);
  }
}

/** A happening's undated visit or meeting and the one sentence that dates it are one fact, with that date. */
function datedOnce(ctx: FrameContext, type: 'VISITED' | 'MET_WITH'): void {
  const groups = new Map<string, Fact[]>();
  for (const fact of ctx.a.factsOf(type)) {
    if (typeof fact.props.event !== 'string') continue;
    const k = `${fact.from}|${fact.to}|${fact.props.event}`;
    groups.set(k, [...(groups.get(k) ?? []), fact]);
  }
  for (const facts of groups.values()) {
    const undated = facts.filter((x) => typeof x.props.date !== 'string');
    const dates = new Set(facts.map((x) => x.props.date).filter((d) => typeof d === 'string'));
    if (undated.length !== 1 || dates.size !== 1) continue;
    ctx.a.assignDate(undated[0]!, [...dates][0] as string);
  }
}
