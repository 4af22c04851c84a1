// Stage "trips": a delegation's trip to a country ("a delegation from X is travelling to China to visit its
// sister cities", "… concluded its visit to the People's Republic of China"), which the visit readers of
// events.ts cannot place in one city. The trip becomes a visit of the article whose place is its first stop
// and whose further stops are the itinerary: the cities it "visited in China, including A, B and C", or the
// origin's sister cities in that country; a delegation "sent from A to B" is a visit to B. Runs before the member readers, so that "members of the
// delegation included …" fill it like any visit.
import type { AnalyzedSentence, Article } from '../article.ts';
import { dateIn, longBefore, newEvent, type Events } from '../events.ts';
import { runSentenceRules, type SentenceRule } from '../rules/engine.ts';
import { subjectsBefore } from '../relations/common.ts';
import { matchAll } from '../match-all.ts';

export interface TripContext {
  a: Article;
  ev: Events;
}

/** "visited three cities in China, including A, B and C": the listed cities of a country. */
const CITIES_IN = /\b(?:visit|visits|visited|visiting|tour|toured|touring|took place in|was held in|were held in)\b (?:\w+ ){0,2}(?:⟨N\d+⟩ )?(?:cities|towns)(?: in (?:the )?⟨N\d+⟩)?,? ?(?:including|such as|namely|:|–|—|--|-) ?((?:(?:the city of )?⟨C\d+⟩(?:,? (?:and )?)?)+)/i;

function citiesOf(a: Article, s: AnalyzedSentence, text: string, country: string): string[] {
  const out: string[] = [];
  for (const c of matchAll(text, /⟨C(\d+)⟩/g)) {
    const id = s.refs[Number(c[1])];
    if (id && a.countryOfCity(id) === country && !out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * The stops of a trip to `country`: cities listed as visited there; else the origin's twins there when the
 * trip is to see them; else the first town of that country the article names from the trip's sentence on
 * ("travelled to France … The visit to Vigneux-sur-Seine").
 */
function stopsOf(a: Article, trip: AnalyzedSentence, country: string, origin: string | null): string[] {
  for (const s of a.sentences) {
    const m = CITIES_IN.exec(s.template);
    const listed = m ? citiesOf(a, s, m[1]!, country) : [];
    if (listed.length) return listed;
  }
  if (origin && /\b(?:sister|twin|friendship|partner) (?:cities|city|towns|town)\b/i.test(trip.text)) {
    const twins: string[] = [];
    for (const f of a.factsOf('SISTER_CITY_OF')) {
      const other = f.from === origin ? f.to : f.to === origin ? f.from : null;
      if (other && a.countryOfCity(other) === country && !twins.includes(other)) twins.push(other);
    }
    if (twins.length) return twins.sort((x, y) => a.firstSentenceOf(x) - a.firstSentenceOf(y));
  }
  for (const s of a.sentences.slice(trip.index)) {
    for (const c of matchAll(s.template, /⟨C(\d+)⟩(?!['’])/g)) {
      const id = s.refs[Number(c[1])];
      if (id && id !== origin && a.countryOfCity(id) === country) return [id];
    }
  }
  return [];
}

/** The trip's origin: a city after "from" in the sentence, else the subject's city ("Carnforth's Mayor"), else the article's own. */
function originIn(a: Article, s: AnalyzedSentence, at: number, country: string): string | null {
  const from = /\bfrom (?:the )?(?:city of )?⟨C(\d+)⟩/i.exec(s.template);
  const subject = /⟨C(\d+)⟩/.exec(s.template.slice(0, at));
  for (const id of [from ? s.refs[Number(from[1])] : null, subject ? s.refs[Number(subject[1])] : null, a.homeCity]) {
    if (id && a.label(id) === 'City' && a.countryOfCity(id) !== country) return id;
  }
  return null;
}

/** A name for the trip: "<origin> delegation visit to <destination>", or the delegation's own name ("X Delegation of Y to <destination>"). */
function tripName(a: Article, s: AnalyzedSentence, origin: string | null, countryName: string): string {
  if (origin) return `${a.entities.get(origin)?.name ?? ''} delegation visit to ${countryName}`;
  const named = s.mentions.find((m) => (m.kind === 'Unknown' || m.kind === 'Event') && /\b(?:delegation|mission)\b/i.test(m.name));
  return named ? `${named.name} to ${countryName}` : `delegation visit to ${countryName}`;
}

function openTrip(ctx: TripContext, s: AnalyzedSentence, m: RegExpExecArray): number {
  const { a, ev } = ctx;
  const place = s.mentions[Number(m.groups!.country)];
  // (the body tells the trip with its details; a headline only names it)
  if (ev.visits.length || s.paragraph === -1 || !place || place.kind !== 'Place' || place.placeKind !== 'country' || !place.country) return 0;
  // "a delegation of U.S. mayors", "a mission of Japan", "delegates from Japan": the nation its members come from, not where it goes
  if (/\b(?:delegations?|missions?|delegates) of (?:the )?⟨N\d+⟩$/i.test(m[0]) || /\bfrom (?:the )?⟨N\d+⟩$/i.test(m[0]) && !/^returned from\b/i.test(m[0])) return 0;
  // "a delegation from A in <country>": the country of the town the delegation comes from
  const from = /\bfrom (?:the )?(?:city of )?⟨C(\d+)⟩/i.exec(m[0]);
  if (from && a.countryOfCity(s.refs[Number(from[1])]) === place.country) return 0;
  if (longBefore(a, dateIn(s)) || /\b(?:will|plan|plans|planned|would|hope|hopes|invited|invitation)\b/i.test(s.template.slice(0, m.index + m[0].length)) && !/\b(?:delegation|mission)\b/i.test(s.text)) return 0;
  const origin = originIn(a, s, m.index, place.country);
  const stops = stopsOf(a, s, place.country, origin);
  if (!stops.length) return 0;
  // a trip to one town is named by the town (as the visit readers name visits), a tour of several by the country
  const destName = stops.length === 1 ? a.entities.get(stops[0]!)?.name ?? place.name : place.name;
  // the article may name the trip itself ("the trade mission, which took place in four Chinese cities"): that happening is the trip
  const named = a.events().find((e) => !e.props.cityId && /\b(?:mission|trip|tour)$/i.test(e.name));
  if (named) named.props.cityId = stops[0]!;
  const event = named?.id ?? newEvent(a, tripName(a, s, origin, destName), s, { date: dateIn(s), city: stops[0]!, kind: 'visit' });
  // the trip is the article's happening: its headline names it too
  if (a.input.title.trim()) a.entities.get(event)?.aliases.add(a.input.title.replace(/\s+/g, ' ').trim());
  // the people the sentence opens with travel ("Mayor X travelled to France")
  const travellers = new Set(subjectsBefore(a, s, m.index, 'P'));
  ev.visits.push({
    event, dest: stops[0]!, origins: origin ? [origin] : [], originCountry: null, visitors: travellers, hosts: new Set(),
    leaderTitles: [], sentences: new Set([s.index]), stops: stops.slice(1), openedBy: 'delegation-trip-to-country',
  });
  return 1;
}

/** "X has sent a delegation (of …) from A to B": a visit to B from A (else from the sender's city). */
function openSentDelegation(ctx: TripContext, s: AnalyzedSentence, m: RegExpExecArray): number {
  const { a, ev } = ctx;
  const dest = s.refs[Number(m.groups!.dest)];
  if (ev.visits.length || s.paragraph === -1 || !dest || a.label(dest) !== 'City' || longBefore(a, dateIn(s))) return 0;
  const from = /\bfrom (?:the )?(?:city of )?⟨C(\d+)⟩/i.exec(m[0]);
  const sender = subjectsBefore(a, s, m.index, 'OGMC')[0];
  const origin = from ? s.refs[Number(from[1])] ?? null : sender ? a.cityOf(sender) : null;
  if (origin === dest) return 0;
  const name = `${origin ? `${a.entities.get(origin)?.name ?? ''} ` : ''}delegation visit to ${a.entities.get(dest)?.name ?? ''}`;
  const event = newEvent(a, name, s, { date: dateIn(s, m.index), city: dest, kind: 'visit' });
  ev.visits.push({
    event, dest, origins: origin ? [origin] : [], originCountry: null, visitors: new Set(), hosts: new Set(),
    leaderTitles: [], sentences: new Set([s.index]), openedBy: 'delegation-sent-to-city',
  });
  return 1;
}

export const TRIP_RULES: readonly SentenceRule<TripContext>[] = [
  {
    name: 'delegation-trip-to-country',
    stage: 'trips',
    when: /delegat|mission|visit|trip|tour|returned from/,
    matches: /\b(?:delegation|mission|delegates|visit|visits|visited|trip|tour|travell?ed|travels|went|flew|journeyed|returned from)\b[^.]{0,120}?\b(?:to|of|in|from) (?:the )?⟨N(?<country>\d+)⟩(?!['’])/gi,
    emits: 'a visit frame (place: first stop; itinerary: the other stops; visitors: the people who travel)',
    why: 'Delegations and mayors often travel to a country and its towns; the article names the country first and the towns later.',
    example: {
      title: 'Council delegation to China',
      body: 'A delegation from the City of Ballarat is travelling to China this week to visit its sister cities. Ballarat is twinned with Harbin and Wuhan. Mayor Des Hudson and Councillor Amy Johnson will be visiting both cities during the trip.',
      expect: ['VISITED Des Hudson -> Harbin', 'VISITED Des Hudson -> Wuhan', 'VISITED Amy Johnson -> Wuhan'],
    },
    apply: openTrip,
  },
  {
    name: 'delegation-sent-to-city',
    stage: 'trips',
    when: /\bsen[dt]|dispatch/,
    matches: /\b(?:sent|sends|send|is sending|will send|dispatched|dispatches) (?:a|an|its|their|the) (?:[\w-]+ ){0,3}?(?:delegation|mission)\b[^.]{0,100}?\bto (?:the )?(?:city of )?⟨C(?<dest>\d+)⟩(?!['’])/gi,
    emits: 'a visit frame (place: the city the delegation is sent to; visiting side: the city it comes from)',
    why: 'An agency or a town "sent a delegation from A to B" tells the delegation\'s visit to B as plainly as "a delegation from A visited B".',
    example: {
      title: 'Leaders examine governance in Austin',
      body: 'The Open World Leadership Center has sent a delegation of judges from Lima to Austin from July 13-18, 2024. The delegation of three includes two judges: Ana Rojas (Lima) and Luis Pardo (Callao). They are accompanied by Rosa Vega, facilitator.',
      expect: ['VISITED Ana Rojas -> Austin', 'VISITED Luis Pardo -> Austin', 'VISITED Rosa Vega -> Austin'],
    },
    apply: openSentDelegation,
  },
];

export function readTrips(a: Article, ev: Events): void {
  if (ev.visits.length) return;
  runSentenceRules({ a, ev }, a.sentences, TRIP_RULES);
}
