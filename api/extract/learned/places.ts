// The learned place decision: which town each happening took place in, one decision per event. The rules place a
// happening by the first path that yields a town (its stated place, the visit's destination, the article's main
// happening's guessed town, the home town; relations/locations.ts), and the guess is often the visitors' town or
// another town of the article. Here every town of the article is a candidate place of every event, described by
// what the text says of the two (the rules' place and its path, the event's sentence and name, the headline, the
// dateline, the visits' destinations and origins, the frame's sides, nearness); a logistic model scores each and
// the likeliest town is the event's place when the model accepts it, else the event has none. Unlike the relation
// step, which only adds facts, the decision replaces the rules' place. Weights are data (places.json, written by
// `npm run train` from the annotated corpora: api/learn/places.ts).
import type { Article } from '../article.ts';
import { countriesGoneTo, type Events } from '../events.ts';
import { framesOfArticle } from '../frames/index.ts';
import type { Frame } from '../frames/model.ts';
import { matchAll } from '../match-all.ts';
import { bucket, classifier, LinearModelSchema, type Classifier, type LinearModel } from './linear.ts';
import { personSides } from './person-sides.ts';
import shippedModel from './places.json' with { type: 'json' };

export const PlaceModelSchema = LinearModelSchema;
export type PlaceModel = LinearModel;
export const SHIPPED_PLACE_MODEL: PlaceModel = PlaceModelSchema.parse(shippedModel);

/** One town as the place of one event, with its features. */
export interface PlaceCandidate {
  event: string;
  city: string;
  features: string[];
}

/** What an article says of its towns, read once for all its events. */
interface TownFacts {
  /** sentence indexes naming each town */
  sentencesOf: Map<string, number[]>;
  /** each town's rank by mentions among the article's towns (0: the most named) */
  rank: Map<string, number>;
  /** the towns the headline names, with how it names them ("in", "to", "from", "guests", or "named") */
  headline: Map<string, string>;
  dateline: string | null;
  visitDest: Set<string>;
  visitOrigin: Set<string>;
  visited: Set<string>;
  /** how the body's sentences name each town ("in", "to", "from", "guests", "" for none of these) */
  cuesOf: Map<string, Set<string>>;
  publisher: string | null;
  /** the towns named as owners of partners ("X's sister city"): where the article is written from */
  owners: Set<string>;
  /** the towns whose officials take part in each event, by role: host, visitor or other (a host's town wins) */
  officialsAt: Map<string, Map<string, string>>;
  /** the side the sentences tell each town's current officials on (personSides): `host`, `visitor` or `both` */
  officialsSide: Map<string, string>;
  towns: number;
}

// what stands before a town's name in a sentence: where something is, where people go, where they come from
const BEFORE_IN = /\b(?:in|at|inside|held in|hosted in|city of|town of)\s+(?:the (?:city|town) of )?$/i;
const BEFORE_TO = /\b(?:to|visit(?:s|ed|ing)?|toured|tour of|arriv(?:e|es|ed|ing) in|travel(?:led|ed)? to|trip to)\s+(?:the (?:city|town) of )?$/i;
const BEFORE_FROM = /\b(?:from|of)\s+(?:the (?:city|town) of )?$/i;
const AFTER_GUESTS = /^['’]?s?\s+(?:[\w-]+\s+)?(?:delegation|delegates|mission|visitors|guests|team|group)\b/i;
// a town (or its officials) that welcomes, hosts or receives: the happening is there ("Bonifacio hosts Byblos", "Derry Mayor ⟨P1⟩ welcomed")
// (a passive "⟨C0⟩ officials were received", "⟨C0⟩ was hosted by" is the guests': only "is hosting" may take an auxiliary)
const AFTER_HOST = /^['’]?s?\s+(?:(?:(?!(?:is|are|was|were|be|been|being)\b)[\w-]+|⟨[A-Z]\d+⟩)\s+){0,3}?(?:(?:is|are|was|were)\s+)?(?:welcome[sd]?|welcoming|host(?:s|ed|ing)?|receive[sd]?|receiving|greet(?:s|ed|ing)?)\b(?<!(?:is|are|was|were)\s+\w+e[sd])/i;

/** How the text around one mention of a town reads: "in", "to", "from", "guests", "host" or "". */
function mentionCue(template: string, at: number, length: number): string {
  const before = template.slice(Math.max(0, at - 30), at);
  const after = template.slice(at + length, at + length + 30);
  if (AFTER_GUESTS.test(after)) return 'guests';
  if (AFTER_HOST.test(after)) return 'host';
  if (BEFORE_IN.test(before)) return 'in';
  if (BEFORE_TO.test(before)) return 'to';
  if (BEFORE_FROM.test(before)) return 'from';
  return '';
}

// what stands before a body where something takes place: "a reception at the Town Hall", "a visit to Chisinau City Hall"
const BEFORE_VENUE = /\b(?:at|in|inside|to|held at|hosted at|hosted by|organi[sz]ed by)\s+(?:the\s+)?$/i;
const BODY_LETTER: Record<string, string> = { Office: 'O', Organization: 'G', Company: 'M', Venue: 'V' };

/** The towns of the bodies and venues one sentence names, each with "at" when the sentence tells something happening at the body. */
function venuesIn(a: Article, sentence: number): Map<string, string> {
  const s = a.sentences[sentence];
  const towns = new Map<string, string>();
  if (!s) return towns;
  s.refs.forEach((r, j) => {
    const m = s.mentions[j];
    const letter = BODY_LETTER[m?.kind ?? ''];
    // a venue is no entity: its town is the one its name holds ("the Chisinau City Hall")
    const town = !letter ? null : m!.kind === 'Venue' ? a.cityInName(m!.name) : a.cityOf(r);
    if (!letter || !town) return;
    const at = s.template.indexOf(`⟨${letter}${j}⟩`);
    const cue = at >= 0 && BEFORE_VENUE.test(s.template.slice(Math.max(0, at - 30), at)) ? 'at' : 'named';
    if (towns.get(town) !== 'at') towns.set(town, cue);
  });
  return towns;
}

/** The cues of every mention of a town in one sentence. */
function cuesIn(a: Article, sentence: number, town: string): Set<string> {
  const s = a.sentences[sentence];
  const cues = new Set<string>();
  if (!s) return cues;
  s.refs.forEach((r, j) => {
    if (r !== town || s.mentions[j]?.kind !== 'City') return;
    const placeholder = `⟨C${j}⟩`;
    const at = s.template.indexOf(placeholder);
    if (at >= 0) cues.add(mentionCue(s.template, at, placeholder.length));
  });
  return cues;
}

function townFacts(a: Article, ev: Events): TownFacts {
  const sentencesOf = new Map<string, number[]>();
  for (const s of a.sentences) {
    for (const r of new Set(s.refs)) if (r && a.label(r) === 'City') (sentencesOf.get(r) ?? sentencesOf.set(r, []).get(r)!).push(s.index);
  }
  const byMentions = [...sentencesOf.keys()].sort((x, y) => (a.entities.get(y)!.mentions - a.entities.get(x)!.mentions) || (a.entities.get(x)!.first - a.entities.get(y)!.first));
  const headline = new Map<string, string>();
  const title = a.sentences.find((s) => s.paragraph === -1);
  if (title) for (const r of new Set(title.refs)) if (r && a.label(r) === 'City') headline.set(r, [...cuesIn(a, title.index, r)].sort().join('') || 'named');
  const first = a.sentences.find((s) => s.paragraph >= 0);
  const dated = first && /^(?:⟨D\d+⟩ )?(?:[\d:]+ )?⟨C(\d+)⟩(?:,? (?:⟨N\d+⟩,? )?(?:\(⟨[A-Z]\d+⟩\) )?(?:\([^)]*\) )?[—–-]|(?:, ⟨N\d+⟩)?: \p{Lu})/u.exec(first.template);
  const officialsAt = new Map<string, Map<string, string>>();
  for (const f of a.factsOf('PARTICIPATED_IN')) {
    const towns = a.label(f.from) === 'Person' ? a.positionsOf(f.from).filter((p) => !p.props.former).map((p) => a.cityOf(p.to)) : [a.cityOf(f.from)];
    const role = f.props.role === 'host' ? 'host' : f.props.role === 'visitor' ? 'visitor' : 'other';
    const byTown = officialsAt.get(f.to) ?? officialsAt.set(f.to, new Map()).get(f.to)!;
    for (const t of towns) if (t && byTown.get(t) !== 'host') byTown.set(t, role);
  }
  const officialsSide = new Map<string, string>();
  for (const [person, side] of personSides(a)) {
    if (side === 'none') continue;
    for (const p of a.positionsOf(person)) {
      const town = p.props.former ? null : a.cityOf(p.to);
      if (!town) continue;
      const known = officialsSide.get(town);
      officialsSide.set(town, !known || known === side ? side : 'both');
    }
  }
  const owners = new Set<string>();
  for (const s of a.sentences) {
    for (const m of matchAll(s.template, /⟨C(\d+)⟩['’]s? (?:[\w-]+ |⟨N\d+⟩ ){0,3}?(?:sister|twin|friendship|partner) (?:city|cities|town|towns)\b/gi)) {
      const id = s.refs[Number(m[1])];
      if (id) owners.add(id);
    }
  }
  const cuesOf = new Map<string, Set<string>>();
  for (const [town, list] of sentencesOf) {
    const cues = new Set<string>();
    for (const i of list) if (a.sentences[i]!.paragraph >= 0) for (const c of cuesIn(a, i, town)) cues.add(c);
    cuesOf.set(town, cues);
  }
  return {
    sentencesOf,
    cuesOf,
    publisher: a.input.publisher ? a.cityInName(a.input.publisher) : null,
    owners,
    rank: new Map(byMentions.map((t, i) => [t, i])),
    headline,
    dateline: dated ? first!.refs[Number(dated[1])] ?? null : null,
    visitDest: new Set(ev.visits.map((v) => v.dest)),
    visitOrigin: new Set(ev.visits.flatMap((v) => v.origins.map((o) => a.cityOf(o) ?? o))),
    visited: new Set(a.factsOf('VISITED').map((f) => f.to)),
    officialsAt,
    officialsSide,
    towns: sentencesOf.size,
  };
}

/** The towns the rules placed each event in. */
function rulesPlaces(a: Article): Map<string, Set<string>> {
  const placed = new Map<string, Set<string>>();
  for (const f of a.factsOf('LOCATED_IN')) if (a.label(f.from) === 'Event') (placed.get(f.from) ?? placed.set(f.from, new Set()).get(f.from)!).add(f.to);
  return placed;
}

/** The features of one town as the place of one event. */
function placeFeatures(a: Article, ev: Events, t: TownFacts, frame: Frame | undefined, event: string, town: string, ruled: ReadonlySet<string> | undefined): string[] {
  const e = a.entities.get(event)!;
  const kind = typeof e.props.kind === 'string' ? e.props.kind : 'event';
  // (the event's kind weighs every town alike: whether the happening has a place at all; crossed with the cues it
  // scored lower on articles the weights were not fitted on)
  const out: string[] = [`kind:${kind}`];
  const via = typeof e.props.placedBy === 'string' ? e.props.placedBy : 'unknown';
  if (ruled?.has(town)) out.push(`rule:yes:${via}`);
  else out.push(ruled?.size ? 'rule:other' : 'rule:none');
  if (event === ev.main) out.push('main');
  if (town === a.homeCity) {
    // the home town is surer when a dateline, the publisher or a partner's owner names it than when it is a count's guess
    out.push('home');
    out.push(`home-by:${town === t.dateline ? 'dateline' : town === t.publisher ? 'publisher' : t.owners.has(town) ? 'owner' : 'guess'}`);
  }
  if (t.owners.has(town)) out.push('owner');
  if (town === t.dateline) out.push('dateline');
  const inHeadline = t.headline.get(town);
  if (inHeadline) out.push(`headline:${inHeadline}`);
  if (a.cityInName(e.name) === town) out.push('in-name');
  const name = e.name.toLowerCase();
  const townName = a.entities.get(town)!.name.toLowerCase();
  if (name.includes(townName)) {
    const at = name.indexOf(townName);
    const cue = mentionCue(name, at, townName.length);
    if (cue) out.push(`name:${cue}`);
  }
  const mine = t.sentencesOf.get(town) ?? [];
  const distance = mine.length ? Math.min(...mine.map((s) => Math.abs(s - e.first))) : 99;
  out.push(`distance:${bucket(distance, [0, 1, 3, 6])}`);
  const mySentenceCues = distance === 0 ? cuesIn(a, e.first, town) : new Set<string>();
  for (const cue of mySentenceCues) out.push(`sentence:${cue || 'named'}`);
  // what the event's sentence says of the other towns it names: "the delegation from B arrived in A" (B's event is in A)
  for (const other of new Set(a.sentences[e.first]?.refs ?? [])) {
    if (!other || other === town || a.label(other) !== 'City') continue;
    for (const cue of cuesIn(a, e.first, other)) if (cue && !mySentenceCues.has(cue)) out.push(`sentence-rival:${cue}`);
  }
  // a body the event's sentence names (a venue, a host council) whose town this is
  const venue = venuesIn(a, e.first).get(town);
  if (venue) out.push(`venue:${venue}`);
  // how the whole article names the town, and what it says of the others ("the delegation from B": B is the guests' town, not the venue)
  const cues = t.cuesOf.get(town)!;
  for (const cue of cues) if (cue) out.push(`cue:${cue}`);
  for (const [other, theirs] of t.cuesOf) {
    if (other === town) continue;
    for (const cue of theirs) if (cue && !cues.has(cue)) out.push(`rival-cue:${cue}`);
  }
  if (town === t.publisher) out.push('publisher');
  out.push(`rank:${bucket(t.rank.get(town) ?? 9, [0, 1, 2])}`);
  out.push(`towns:${bucket(t.towns, [1, 2, 4])}`);
  const own = ev.visits.find((v) => v.event === event);
  if (own?.dest === town) out.push('visit:own-dest');
  else if (t.visitDest.has(town)) out.push('visit:dest');
  if (own?.origins.some((o) => (a.cityOf(o) ?? o) === town)) out.push('visit:own-origin');
  else if (t.visitOrigin.has(town)) out.push('visit:origin');
  if (ev.pastDestinations.includes(town)) out.push('visit:past');
  if (t.visited.has(town)) out.push('visited');
  if (frame) {
    if (frame.place === town) out.push('frame:place');
    if (frame.host.cities.has(town)) out.push('frame:host-city');
    if (frame.visiting.cities.has(town)) out.push('frame:visiting-city');
    if (frame.itinerary.has(town)) out.push('frame:itinerary');
    if (frame.visiting.country && frame.visiting.country === a.countryOfCity(town)) out.push('frame:visiting-country');
  }
  const officials = t.officialsAt.get(event)?.get(town);
  if (officials) out.push(`officials:${officials}`);
  // the side the article tells the town's officials on, whichever happening: the hosts' town is where things happen
  const side = t.officialsSide.get(town);
  if (side) out.push(`officials-side:${side}`);
  const goneTo = countriesGoneTo(a, event);
  if (goneTo.length) out.push(goneTo.includes(a.countryOfCity(town) ?? '') ? 'country:gone-to' : 'country:not-gone-to');
  const homeCountry = a.countryOfCity(a.homeCity);
  if (homeCountry && town !== a.homeCity) out.push(homeCountry === a.countryOfCity(town) ? 'country:home' : 'country:abroad');
  return [...new Set(out)];
}

/** Every town of the article as the place of each event, with features: what the decision scores and training labels. */
export function placeCandidates(a: Article, ev: Events): PlaceCandidate[] {
  const events = [...a.entities.values()].filter((e) => e.label === 'Event');
  if (!events.length) return [];
  const t = townFacts(a, ev);
  if (!t.towns) return [];
  const frames = framesOfArticle(a)?.byId;
  const ruled = rulesPlaces(a);
  const out: PlaceCandidate[] = [];
  for (const e of events) {
    for (const town of t.sentencesOf.keys()) {
      out.push({ event: e.id, city: town, features: placeFeatures(a, ev, t, frames?.get(e.id), e.id, town, ruled.get(e.id)) });
    }
  }
  return out;
}

/** A model read for deciding. */
export function placeDecider(model: PlaceModel): Classifier & { threshold: number } {
  return { ...classifier(model), threshold: model.threshold };
}

/** Each event's place as decided: the town, or null for none. */
export type PlaceDecisions = ReadonlyMap<string, string | null>;

/** The decision: each event's likeliest town is its one place when the model accepts it, else it has none. */
export function decidePlaces(a: Article, ev: Events, decider: Classifier & { threshold: number }): PlaceDecisions {
  const best = new Map<string, { city: string; probability: number }>();
  for (const c of placeCandidates(a, ev)) {
    const probability = decider.probability(c.features);
    const known = best.get(c.event);
    if (!known || probability > known.probability) best.set(c.event, { city: c.city, probability });
  }
  const decided = new Map<string, string | null>();
  for (const [event, choice] of best) decided.set(event, choice.probability >= decider.threshold ? choice.city : null);
  return decided;
}

/** States the decided places: they replace the rules' places of the events (an event decided to have none loses them). */
export function statePlaces(a: Article, decided: PlaceDecisions): void {
  for (const [event, keep] of decided) {
    const e = a.entities.get(event);
    if (!e) continue;
    const facts = a.factsOf('LOCATED_IN').filter((f) => f.from === event);
    // a happening whose place is its only fact keeps a place: without any it would stand in the graph tied to no
    // article's fact (and be matched against any article's happening of its name)
    if (!keep && facts.length && !hasOtherFacts(a, event)) continue;
    if (facts.length === 1 && facts[0]!.to === keep) continue;
    // the node keeps the identity the rules' place gave it (which happening it is, merged across articles as before)
    if (!('ruledCityId' in e.props)) e.props.ruledCityId = typeof e.props.cityId === 'string' ? e.props.cityId : null;
    for (const f of facts) a.dropFact('LOCATED_IN', f.from, f.to, f.props);
    if (!keep || !a.entities.has(keep)) {
      delete e.props.cityId;
      continue;
    }
    e.props.cityId = keep;
    const evidence = a.sentences[e.first]?.refs.includes(keep) ? [e.first] : [e.first, a.firstSentenceOf(keep)];
    const fact = a.addFact('LOCATED_IN', event, keep, {}, ...evidence);
    if (fact) fact.stage ??= 'learned';
  }
}

function hasOtherFacts(a: Article, id: string): boolean {
  for (const f of a.facts.values()) if (f.type !== 'LOCATED_IN' && (f.from === id || f.to === id)) return true;
  return false;
}
