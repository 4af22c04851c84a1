// Stage "fill": sentence rules put actors on a frame's sides, say that the sides met, or add cities to the
// visiting side's itinerary. A fill rule is data: its pattern names what it captures with named groups
// (`host`, `visiting`, `met`, `itinerary`) and one generic reader turns each group into slot fillers,
// resolving references on the way ("the mayor" is the holder of that title on the group's side; "the
// delegation", "the visitors" are the visiting side itself).
import type { AnalyzedSentence } from '../article.ts';
import { runSentenceRules, type RuleExample, type SentenceRule } from '../rules/engine.ts';
import { actorsIn } from '../relations/common.ts';
import { addMember, addToSide, cityOfSide, filled, homeOf, type Frame, type FrameContext, type GroupMeeting, type Side } from './model.ts';
import { matchAll } from '../match-all.ts';

/** A fill rule as data: the groups of `matches` say which slot each captured stretch fills. */
export interface FillRule {
  name: string;
  when?: RegExp;
  matches: RegExp;
  /** the sentence also says that the two sides met (held talks, received, welcomed) */
  met?: boolean;
  /** the sentence tells of the visiting group as a whole ("the delegation", "they", "both sides"), unless its `heads` group matched
   * ("the two mayors"): all its named members met ("held talks with"), or its officials ("received the delegation": not its students) */
  group?: GroupMeeting;
  /** read only in the sentences that tell a visit, for that visit (else: the visit in focus) */
  ownSentences?: boolean;
  emits: string;
  why: string;
  example: RuleExample;
}

/** A frame with a visiting side. */
export function isVisitLike(f: Frame): boolean {
  return f.visiting.cities.size > 0 || f.visiting.people.size > 0 || f.visiting.bodies.size > 0 || !!f.visiting.country;
}

/** The frame a sentence about a visit fills: the happening in focus when it has sides, else the article's main visit. */
export function visitFrameAt(ctx: FrameContext, s: AnalyzedSentence): Frame | null {
  const focus = ctx.byId.get(ctx.ev.focus[s.index] ?? '');
  if (focus && (focus.kind === 'visit' || isVisitLike(focus))) return focus;
  const telling = ctx.frames.find((f) => f.kind === 'visit' && f.sentences.has(s.index));
  if (telling) return telling;
  const main = ctx.ev.visits[0];
  // without a visit, a meeting in focus ("X meets with Y") gets its sides from the same cues
  return (main ? ctx.byId.get(main.event) : undefined) ?? (focus?.kind === 'meeting' ? focus : null);
}

/** The actors a captured stretch names on a side: placeholders, and "the ⟨T⟩" as that title's holder on the side. */
function groupActors(ctx: FrameContext, s: AnalyzedSentence, m: RegExpExecArray, group: string, side: Side): string[] {
  const text = m.groups?.[group];
  if (text === undefined) return [];
  const from = m.index + m[0].indexOf(text);
  // a note in brackets after a name ("A (Alliance for Progress)") is the member's party or place, not another actor
  const bracketed = new Set(matchAll(text, /\([^()]*\)/g).flatMap((b) => matchAll(b[0], /⟨[A-Z](\d+)⟩/g).map((x) => s.refs[Number(x[1])])));
  const out = actorsIn(s, from, from + text.length, 'POMG', true).filter((id) => !bracketed.has(id));
  // "welcomed ⟨P⟩'s visit": a possessive is the actor where the group is one name
  const single = /^⟨P(\d+)⟩(?:['’]s)?$/.exec(text);
  if (!out.length && single && s.refs[Number(single[1])]) out.push(s.refs[Number(single[1])]!);
  const city = cityOfSide(side);
  if (!out.length) {
    for (const t of matchAll(text, /^(?:the |our |their )?⟨T(\d+)⟩$/gi)) {
      const title = s.mentions[Number(t[1])]!;
      // for a side, its own holder; for "either" (no side yet), the one holder the article names
      const own = title.title && !title.plural && city && !group.startsWith('either') ? ctx.a.holderOf(title.title, city) : null;
      // (not one the sentence names in another place of the match: "the Mayor met her counterpart, Mayor Y")
      const others = matchAll(m[0], /⟨P(\d+)⟩/g).map((x) => s.refs[Number(x[1])]).filter((x): x is string => !!x);
      const holder = own ?? (title.title && !title.plural && (group.startsWith('either') || !city) ? onlyHolder(ctx, title.title, others) : null);
      if (holder) out.push(holder);
    }
  }
  return out;
}

/** The visitors who hold office in the body a `body` group names ("met with members of the X Council"). */
function bodyMembers(ctx: FrameContext, f: Frame, s: AnalyzedSentence, m: RegExpExecArray): string[] {
  const slot = m.groups?.body ? /⟨[A-Z](\d+)⟩/.exec(m.groups.body) : null;
  const body = slot ? s.refs[Number(slot[1])] : null;
  if (!body) return [];
  return [...f.visiting.people.keys()].filter((id) => ctx.a.positionsOf(id).some((p) => !p.props.former && p.to === body));
}

/** The people a captured list names, whatever stands between them ("A, director of X, B and C"). */
function peopleIn(s: AnalyzedSentence, m: RegExpExecArray, group: string): string[] {
  const text = m.groups?.[group];
  if (text === undefined) return [];
  const from = m.index + m[0].indexOf(text);
  return actorsIn(s, from, from + text.length, 'P');
}

/** The one person the article says holds a title ("the Mayor" where one mayor is named). */
function onlyHolder(ctx: FrameContext, title: string, not: readonly string[]): string | null {
  const holders = new Set(ctx.a.factsOf('HOLDS_POSITION').filter((f) => !f.props.former && !not.includes(f.from) && String(f.props.title).toLowerCase() === title.toLowerCase()).map((f) => f.from));
  return holders.size === 1 ? [...holders][0]! : null;
}

function placeRule(ctx: FrameContext, rule: FillRule, s: AnalyzedSentence, m: RegExpExecArray): number {
  if (!rule.ownSentences) {
    const f = visitFrameAt(ctx, s);
    return f ? fillFrame(ctx, rule, f, s, m) : 0;
  }
  let added = 0;
  for (const f of ctx.frames) if (isVisitLike(f) && f.sentences.has(s.index)) added += fillFrame(ctx, rule, f, s, m);
  return added;
}

function fillFrame(ctx: FrameContext, rule: FillRule, f: Frame, s: AnalyzedSentence, m: RegExpExecArray): number {
  let added = 0;
  // `companions` are visitors too, read apart from the one they accompany (a name right after "by" is no complement there);
  // `visiting2` is the visitor of a rule's second wording
  const visitors = [...['visiting', 'visiting2', 'companions'].flatMap((g) => groupActors(ctx, s, m, g, f.visiting)), ...peopleIn(s, m, 'members')].filter((id) => homeOf(ctx.a, id) !== f.place || !f.place);
  const hosts = groupActors(ctx, s, m, 'host', f.host).filter((id) => !f.visiting.people.has(id) && !f.visiting.bodies.has(id) && !visitors.includes(id));
  sidesByHome(ctx, f, ['either', 'eitherOther'].map((g) => groupActors(ctx, s, m, g, f.host)[0] ?? null), hosts, visitors);
  for (const id of visitors) {
    if (addToSide(ctx, f.visiting, id, [s.index])) added++;
    if (ctx.a.label(id) === 'Person') f.visiting.named.add(id);
  }
  for (const id of hosts) if (addToSide(ctx, f.host, id, [s.index])) added++;
  if (hosts.length) filled(f, 'host', rule.name);
  if (visitors.length) filled(f, 'visiting', rule.name);
  if (rule.met) {
    f.met.add(s.index);
    if (rule.group && m.groups?.heads === undefined) f.groupMet.set(s.index, rule.group);
    for (const id of [...hosts, ...visitors, ...bodyMembers(ctx, f, s, m)]) if (ctx.a.label(id) === 'Person') addMember(f.metPeople, id, [s.index]);
    filled(f, 'met', rule.name);
    added++;
  }
  const itinerary = m.groups?.itinerary;
  if (itinerary !== undefined) {
    const from = m.index + m[0].indexOf(itinerary);
    for (const c of matchAll(itinerary, /⟨C(\d+)⟩(?!['’])/g)) {
      const id = s.refs[Number(c[1])];
      if (!id || id === f.place || f.visiting.cities.has(id) || ctx.a.label(id) !== 'City') continue;
      if (addMember(f.itinerary, id, [s.index])) added++;
    }
    if (from >= 0) filled(f, 'itinerary', rule.name);
  }
  return added;
}

/**
 * Two actors of opposite sides ("X met her counterpart Y"): each goes to the side its own city says (the
 * place's people host); one whose city is unknown goes opposite the other.
 */
function sidesByHome(ctx: FrameContext, f: Frame, pair: (string | null)[], hosts: string[], visitors: string[]): void {
  if (!f.place || pair.some((id) => !id) || pair[0] === pair[1]) return;
  const side = pair.map((id) => {
    const home = homeOf(ctx.a, id!);
    return home ? (home === f.place ? 'host' : 'visiting') : null;
  });
  if (!side[0] && !side[1]) return;
  side[0] ??= side[1] === 'host' ? 'visiting' : 'host';
  side[1] ??= side[0] === 'host' ? 'visiting' : 'host';
  if (side[0] === side[1]) return;
  pair.forEach((id, i) => (side[i] === 'host' ? hosts : visitors).push(id!));
}

/** The fill rules as sentence rules of the engine. */
export function fillStage(rules: readonly FillRule[]): SentenceRule<FrameContext>[] {
  return rules.map((r) => ({ ...r, stage: 'fill', apply: (ctx: FrameContext, s: AnalyzedSentence, m: RegExpExecArray) => placeRule(ctx, r, s, m) }));
}

export function runFill(ctx: FrameContext, rules: readonly SentenceRule<FrameContext>[]): void {
  if (!ctx.frames.some((f) => isVisitLike(f) || f.kind === 'meeting')) return;
  runSentenceRules(ctx, ctx.a.sentences, rules);
}
