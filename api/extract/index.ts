// Extraction: article in, graph document out (../../shared/docs/graph-contract.md). Pure functions.
// An article is read (document.ts), cut into sentences whose names are typed (mentions.ts), resolved
// within the article (article.ts), read by the relation patterns (relations/), and given stable ids;
// several articles are merged by alias keys (resolve.ts).
import { createHash } from 'node:crypto';
import type { GraphDocument, GraphNode, GraphRelationship, Properties } from '../graph/schema.ts';
import { Article, type Entity } from './article.ts';
import { parseStructured, readDocument, type InputFormat, type SourceDocument } from './document.ts';
import { findEvents, headlineHappening, type Events } from './events.ts';
import { isCommonWord } from './gazetteer.ts';
import { singular } from './inflection.ts';
import { fold, singleSpace } from './names.ts';
import { locations } from './relations/locations.ts';
import { meetings } from './relations/meetings.ts';
import { readCoordination } from './relations/coordination.ts';
import { participation, visitMembers } from './relations/participation.ts';
import { explicitPositions, implicitPositions, pendingTitles } from './relations/positions.ts';
import { sisterCities } from './relations/sister-cities.ts';
import { statedVisits } from './relations/visits.ts';
import { eventId, mergeGraphs, orgId, withTown } from './resolve.ts';
import { readAttendance, readGuests } from './frames/attendance.ts';
import { assignHappenings, readFrames } from './frames/index.ts';
import { creditMembers, readMembers, readParties } from './frames/parties.ts';
import { readTrips } from './frames/trips.ts';
import { readLead } from './frames/lead.ts';
import { decideEntities, entityDecider, SHIPPED_ENTITY_MODEL, type EntityModel } from './learned/entities.ts';
import { addLearnedEvents, shippedEventModel, type EventCandidate, type EventModel } from './learned/events.ts';
import { decidePlaces, placeDecider, SHIPPED_PLACE_MODEL, statePlaces, type PlaceModel } from './learned/places.ts';
import shippedRelations from './learned/relations.json' with { type: 'json' };
import { decideRelations, relationScorers, RelationModelsSchema, type RelationModels, type RelationScorers } from './learned/relations.ts';

export { mergeGraphs } from './resolve.ts';

/** The learned steps' models: the shipped ones by default; null leaves the rules' output as it is. */
export interface ExtractOptions {
  /** the learned entity decisions (learned/entities.ts): the shipped model when left out, null for the rules alone */
  entities?: EntityModel | null;
  /** the learned relationship decisions (learned/relations.ts): the shipped model when left out, null for the rules alone */
  relations?: RelationModels | null;
  /** the learned place decision of each event (learned/places.ts): the shipped model when left out, null for the rules' places */
  places?: PlaceModel | null;
  /** the learned events step (learned/events.ts, run inside the rules' reading): the shipped model when left out, null for the rules alone */
  eventModel?: EventModel | null;
  /** sees every article's candidate happenings with their features (what `npm run train` learns from) */
  observeEventCandidates?: (candidates: readonly EventCandidate[]) => void;
}

/** `build` run once per model object, so that a model's decider is made once, not for every article. */
function oncePerModel<M extends object, D>(build: (model: M) => D): (model: M) => D {
  const built = new WeakMap<M, D>();
  return (model) => built.get(model) ?? built.set(model, build(model)).get(model)!;
}
const deciderOf = oncePerModel(entityDecider);
const placeDeciderOf = oncePerModel(placeDecider);
const scorersOf = oncePerModel(relationScorers);

const SHIPPED_RELATIONS = RelationModelsSchema.parse(shippedRelations);

function relationDecisions(options: ExtractOptions): RelationScorers | null {
  const models = options.relations === undefined ? SHIPPED_RELATIONS : options.relations;
  if (!models) return null;
  return scorersOf(models);
}

export interface ExtractInput {
  content: string;
  format: InputFormat;
  file?: string;
  url?: string;
}

// (the body's copy by /\s+/g was 5 % of an article's allocation)
const singleSpaced = (s: string) => singleSpace(s).trim();

/** Stable article id: sha256 of the whitespace-normalised body (the title when the body is empty), 16 hex. */
export function articleId(doc: SourceDocument): string {
  const basis = singleSpaced(doc.body) || singleSpaced(doc.title);
  return createHash('sha256').update(basis).digest('hex').slice(0, 16);
}

/** The city the article is written from: the owner of "X's sister city", a dateline, the publisher's city, or the city named most. */
function homeCity(a: Article, ev: Events): string | null {
  for (const s of a.sentences) {
    const m = /⟨C(\d+)⟩['’]s? (?:[\w-]+ |⟨N\d+⟩ ){0,3}?(?:sister|twin|friendship|partner) (?:city|cities|town|towns)\b/i.exec(s.template);
    if (m && s.refs[Number(m[1])]) return s.refs[Number(m[1])]!;
  }
  const first = a.sentences.find((s) => s.paragraph >= 0);
  if (first) {
    // ("Hyderabad: To strengthen …": a dateline closed by a colon)
    const m = /^(?:⟨D\d+⟩ )?(?:[\d:]+ )?⟨C(\d+)⟩(?:,? (?:⟨N\d+⟩,? )?(?:\(⟨[A-Z]\d+⟩\) )?(?:\([^)]*\) )?[—–-]|(?:, ⟨N\d+⟩)?: \p{Lu})/u.exec(first.template);
    if (m && first.refs[Number(m[1])]) return first.refs[Number(m[1])]!;
  }
  if (a.input.publisher) {
    const c = a.cityInName(a.input.publisher);
    if (c) return c;
  }
  // an article about a visit is usually written where the visitors went, unless it tells of their return home
  const visit = ev.visits.find((v) => v.event === ev.main);
  const origin = visit?.origins.find((o) => a.label(o) === 'City');
  if (visit && origin && a.sentences.some((s) => /\b(?:returned|returns|came back|is back|are back) (?:home )?from\b/i.test(s.text))) return origin;
  if (visit) return visit.dest;
  if (ev.pastDestinations[0]) return ev.pastDestinations[0];
  const counts = new Map<string, number>();
  for (const e of a.entities.values()) {
    if (e.label === 'City') counts.set(e.id, (counts.get(e.id) ?? 0) + e.mentions);
    else if (e.cityInName) counts.set(e.cityInName, (counts.get(e.cityInName) ?? 0) + e.mentions);
  }
  let best: string | null = null;
  let n = 0;
  for (const [id, count] of counts) {
    if (count > n && a.label(id) === 'City') {
      n = count;
      best = id;
    }
  }
  return best;
}

/**
 * "the Foreign Affairs Office of the Municipal Government" in an article written from Shenyang is the
 * Shenyang one: named with the city too, so that it resolves across articles and is placed there.
 */
function placeMunicipalOffices(a: Article): void {
  const city = a.homeCity ? a.entities.get(a.homeCity)?.name : null;
  if (!city) return;
  for (const e of a.entities.values()) {
    if (e.label !== 'Office' || e.cityInName) continue;
    const m = /^(.+?) of the (Municipal|City|Metropolitan) (People['’]s )?Government$/i.exec(e.name);
    if (!m) continue;
    // the generic name is left out: it would join the offices of every city that writes it
    e.name = `${m[1]} of the ${city} ${m[2]} ${m[3] ?? ''}Government`;
    e.props.qualifiedId = orgId('Office', e.name);
    e.cityInName = a.homeCity!;
  }
}

/** Words that make a body a country's or the world's: its town would not tell two of them apart. */
const NOT_A_TOWNS_BODY = /\b(?:ministry|minister|national|federal|federation|state|presidential|president|parliament|congress|senate|embassy|consulate|royal|cabinet)\b/i;

/** "City Council", "the Mayor's Office", "International Relations Office": a body named by its kind, in common words only. */
function namedByKind(e: Entity): boolean {
  if (e.label !== 'Office' || e.cityInName || NOT_A_TOWNS_BODY.test(e.name)) return false;
  const words = e.name.replace(/['’]s\b/g, '').split(/[^\p{L}-]+/u).filter((w) => w && !/^(?:the|of|and|for|on|in)$/i.test(w));
  return words.length > 0 && words.every((w) => isCommonWord(singular(w.toLowerCase())));
}

/**
 * The town a body named by its kind belongs to: the town named with it, else the town the article is written from.
 * It keeps two towns' "City Council" apart across articles while one town's meets itself (the name stays the text's).
 */
function townOfBody(a: Article, e: Entity): string | null {
  if (!namedByKind(e)) return null;
  const city = a.cityOf(e.id) ?? a.homeCity;
  return city ? a.entities.get(city)?.name ?? null : null;
}

/**
 * The relation passes over an analysed article, in the order they run, each with why it runs there:
 * a pass reads the facts and visit details the passes before it stated. Events (findEvents) and the
 * article's home city come first, from the explicit positions alone (readRelations).
 */
const PASSES: readonly (readonly [stage: string, pass: (a: Article, ev: Events) => void])[] = [
  // offices of "the Municipal Government": the home city's (needs the home city)
  ['municipal-offices', (a) => placeMunicipalOffices(a)],
  // sister cities: needs the home city ("our sister city X") and the explicit positions (a mayor stands for the city)
  ['sister-cities', (a) => sisterCities(a)],
  // trips to a country (frames/trips.ts): need the sister cities (a trip "to visit its sister cities"), before members
  ['trips', (a, ev) => readTrips(a, ev)],
  // visits the sentences state, so that implicit positions does not take a visited city for a home
  ['stated-visits', (a) => statedVisits(a)],
  // visit members: the members each visit names ("a delegation led by X"), visitors implicit positions must know
  ['visit-members', (a, ev) => visitMembers(a, ev)],
  // implicit positions: titles written without a place ("the Mayor"), at a visitor's origin, else at home
  // or the destination, never in a city the person visited (the visits' visitors and the party members of the
  // "members" stage included; a member's title is held at the party's town)
  ['implicit-positions', (a, ev) => {
    const origins = [...new Set(ev.visits.flatMap((v) => v.origins.map((o) => a.cityOf(o) ?? o)))];
    const members = readMembers(a, new Set([...ev.visits.flatMap((v) => [...v.visitors]), ...a.factsOf('VISITED').map((f) => f.from)]));
    const visitors = new Set([...ev.visits.flatMap((v) => [...v.visitors]), ...members.keys()]);
    implicitPositions(a, pendingTitles(a), origins, ev.visits.map((v) => v.dest), visitors, ev.visits, new Map([...members].map(([id, m]) => [id, m.town])));
    creditMembers(a, members);
  }],
  // meetings: read positions ("received by the mayor") and the delegations
  ['meetings', (a, ev) => meetings(a, ev)],
  // coordination: lists and coordinated officials over the entities found (needs positions: two officials
  // of different cities; the visits: "our twin town" of a visiting side)
  ['coordination', (a, ev) => readCoordination(a, ev)],
  // the lead's visit (frames/lead.ts): an official's visit or a host's guest, when no visit was read (needs
  // positions: a host's city is the city of the host's office)
  ['lead', (a, ev) => readLead(a, ev)],
  // frames (frames/): the sides of each happening, filled and read by the frame rules: visitor and host
  // roles, VISITED and MET_WITH of the happenings (needs positions and meetings)
  ['frames', (a, ev) => readFrames(a, ev)],
  // participation: who took part in each event, in which role (positions, meetings, the frames' sides)
  ['participation', (a, ev) => participation(a, ev)],
  // locations: where offices and events are, with the venue, visits and home city all known
  ['locations', (a, ev) => locations(a, ev)],
  // attendance (frames/attendance.ts): participants from abroad visited the happening's city (needs participation
  // and the happenings' places, which locations completes)
  ['attendance', (a, ev) => readAttendance(a, ev)],
  // happenings, last: every VISITED and MET_WITH a sentence stated gets its happening's event and date
  ['happenings', (a) => assignHappenings(a)],
  // guests (frames/attendance.ts): who met a host in the host's city at a happening visited it (needs the happenings)
  ['guests', (a) => readGuests(a)],
  // parties (frames/parties.ts): a happening's whole party from its travellers' town (needs every visit in its happening)
  ['parties', (a, ev) => readParties(a, ev)],
  // own towns, last: no one visits a town where they hold a current office (a host told "on occasion of visiting
  // Bangkok" beside the guest, a council's chief executive named with the visit she prepares)
  ['own-towns', (a) => dropVisitsHome(a)],
];

/** Drops every VISITED of a town by a person holding a current office in it: the town's officials are its hosts. */
function dropVisitsHome(a: Article): void {
  for (const f of [...a.factsOf('VISITED')]) {
    if (a.positionsOf(f.from).some((p) => !p.props.former && (p.to === f.to || a.cityOf(p.to) === f.to))) a.dropFact('VISITED', f.from, f.to, f.props);
  }
}

/** Runs the relation passes over an analysed article, in the declared order. */
function readRelations(a: Article, options: ExtractOptions): Events {
  explicitPositions(a);
  a.markStage('explicit-positions');
  const model = options.eventModel === undefined ? shippedEventModel() : options.eventModel;
  const learned = model ? (x: Article, e: Events) => addLearnedEvents(x, e, model, options.observeEventCandidates) : undefined;
  const ev = findEvents(a, learned);
  a.homeCity = homeCity(a, ev);
  for (const [stage, pass] of PASSES) {
    pass(a, ev);
    a.markStage(stage);
  }
  return ev;
}

/** The graph document of one read article. */
export function extractDocument(doc: SourceDocument, options: ExtractOptions = {}): GraphDocument {
  return mergeGraphs([readArticle(doc, false, options).document]);
}

/** An article read by the rules and the learned events step (entities and facts, before the learned entity and relation steps): what the learned entity step is trained on. */
export function analysedArticle(doc: SourceDocument): Article {
  const a = new Article({ title: doc.title, body: doc.body, publishedAt: doc.publishedAt, publisher: doc.publisher, url: doc.url });
  readRelations(a, {});
  return a;
}

/**
 * One article as the relation step sees it, for training it: read by the rules and the learned entity step
 * (`entities`, the shipped model by default), with the analysed article and its events, the graph document
 * without learned relations or places, and the node id of each entity.
 */
export function readForLearning(doc: SourceDocument, entities?: EntityModel | null): { article: Article; events: Events; document: GraphDocument; nodeOf: ReadonlyMap<string, string> } | null {
  // (the rules' places of events: the relation step decides on them, and the place step is fitted on them)
  const read = readArticle(doc, false, { entities, places: null, relations: null });
  return read.analysed ? { ...read.analysed, document: read.document } : null;
}

/**
 * One article's graph before resolution, with the names of the rules behind each relationship (parallel
 * to `relationships`; empty for the readers not yet kept as rules): what the rules report scores. The learned
 * relation and place steps run only when their models are given (their facts are no rule's).
 */
export function tracedDocument(doc: SourceDocument, options: ExtractOptions = {}): { document: GraphDocument; rules: string[][] } {
  return readArticle(doc, true, { ...options, places: options.places ?? null, relations: options.relations ?? null });
}

interface ReadArticle {
  document: GraphDocument;
  rules: string[][];
  analysed?: { article: Article; events: Events; nodeOf: ReadonlyMap<string, string> };
}

/**
 * One article's graph, with the rules behind each relationship when `traced` (an array a fact, built for the
 * rules report only); the learned steps run after the rules when their models are given.
 */
function readArticle(doc: SourceDocument, traced: boolean, options: ExtractOptions): ReadArticle {
  const id = articleId(doc);
  const article = { id, title: doc.title, publishedAt: doc.publishedAt, publisher: doc.publisher, url: doc.url, file: doc.file, text: doc.body };
  let a: Article;
  let ev: ReturnType<typeof findEvents>;
  try {
    a = new Article({ title: doc.title, body: doc.body, publishedAt: doc.publishedAt, publisher: doc.publisher, url: doc.url });
    ev = readRelations(a, options);
    // the learned entity step: keeps, relabels or drops the entities the rules found (before the learned relation step)
    const entityModel = options.entities === undefined ? SHIPPED_ENTITY_MODEL : options.entities;
    if (entityModel) decideEntities(a, deciderOf(entityModel));
    // the learned places: one town per event, decided on what the rules and the entity step read (as the model was
    // fitted), stated after the relation step, which reads the rules' places as it was fitted on them
    const placeModel = options.places === undefined ? SHIPPED_PLACE_MODEL : options.places;
    const places = placeModel ? decidePlaces(a, ev, placeDeciderOf(placeModel)) : null;
    const decisions = relationDecisions(options);
    if (decisions) decideRelations(a, ev, decisions);
    if (places) statePlaces(a, places);
  } catch {
    // extraction never fails an ingest: an article that trips a pattern still counts as read
    return { document: { articles: [article], nodes: [], relationships: [] }, rules: [] };
  }
  const title = a.sentences.find((s) => s.paragraph === -1);
  const toldByHeadline = headlineHappening(a, ev.main);
  const finalId = new Map<string, string>();
  const nodes: GraphNode[] = [];
  const byId = new Map<string, GraphNode>();
  for (const e of a.entities.values()) {
    // a name the readers reduced to nothing is no node
    if (!e.name.trim() || e.label === 'Person' && !e.words?.length) continue;
    let nid = e.id;
    const properties: Properties = {};
    if (e.label === 'City') Object.assign(properties, e.props);
    if (e.label === 'Event') {
      const city = typeof e.props.cityId === 'string' ? e.props.cityId : null;
      const date = typeof e.props.date === 'string' ? e.props.date : null;
      const kind = typeof e.props.kind === 'string' ? e.props.kind : 'event';
      properties.date = date;
      properties.kind = kind;
      if (city) properties.city = city;
      // (an event whose place the learned step changed keeps the id of the rules' place: learned/places.ts)
      nid = eventId(e.name, date, 'ruledCityId' in e.props ? (e.props.ruledCityId as string | null) : city, kind);
      // an undated happening is this article's: "the signing ceremony" or "the conference" elsewhere may be another
      if (!date) nid = `${nid}~${id.slice(0, 8)}`;
      if (e.id === toldByHeadline && title && fold(title.text) !== fold(e.name)) e.aliases.add(doc.title);
    }
    if (typeof e.props.qualifiedId === 'string') nid = e.props.qualifiedId;
    const town = townOfBody(a, e);
    if (town) {
      properties.town = town;
      nid = orgId(e.label, withTown(e.name, town));
    }
    // a person known by one name only is this article's: "Mayor Fang" elsewhere may be someone else
    if (e.label === 'Person' && (e.words?.length ?? 2) < 2) nid = `${nid}~${id.slice(0, 8)}`;
    finalId.set(e.id, nid);
    const aliases = [...e.aliases].filter((x) => x && x !== e.name);
    const prev = byId.get(nid);
    if (prev) {
      prev.aliases = [...new Set([...prev.aliases, e.name, ...aliases])].filter((x) => x !== prev.name);
      continue;
    }
    const node: GraphNode = { id: nid, label: e.label, name: e.name, aliases, properties };
    nodes.push(node);
    byId.set(nid, node);
  }
  const relationships: GraphRelationship[] = [];
  const rules: string[][] = [];
  for (const f of a.facts.values()) {
    const source = finalId.get(f.from);
    const target = finalId.get(f.to);
    if (!source || !target) continue;
    const properties: Properties = {};
    for (const [k, v] of Object.entries(f.props)) if (v !== null && v !== undefined) properties[k] = v;
    // the happening a visit or meeting belongs to, by its node id
    if (typeof properties.event === 'string') {
      const event = finalId.get(properties.event);
      if (event) properties.event = event;
      else delete properties.event;
    }
    relationships.push({
      type: f.type, source, target, properties, sources: [id],
      evidence: [...f.evidence].sort((x, y) => x - y).map((i) => a.sentences[i]?.stated ?? '').filter(Boolean),
    });
    if (!traced) continue;
    const introduced = [a.introducedBy.get(f.from), a.introducedBy.get(f.to)].filter((r): r is string => !!r);
    rules.push([...new Set([...(f.rules ?? []), ...introduced])]);
  }
  return { document: { articles: [article], nodes, relationships }, rules, analysed: { article: a, events: ev, nodeOf: finalId } };
}

/** One article from text, Markdown, HTML or a structured graph document. */
export function extractArticle(input: ExtractInput, options: ExtractOptions = {}): GraphDocument {
  if (input.format === 'json') {
    return mergeGraphs([parseStructured(JSON.parse(input.content))]);
  }
  const doc = readDocument(input.content, { format: input.format, file: input.file, url: input.url });
  return extractDocument(doc, options);
}

/** Many articles, merged and resolved across articles. */
export function extractGraph(inputs: ExtractInput[], options: ExtractOptions = {}): GraphDocument {
  return mergeGraphs(inputs.map((input) => extractArticle(input, options)));
}
