// LOCATED_IN: organisations in the city their name carries ("Shenyang Municipal Health Commission",
// "Consulate General of Japan in Shenyang", "Port Department of Sasebo City"), "X in Y" / "X, based in Y",
// "Y's X" ("Xiamen's OGAWA Inc"), appositions, addresses and a town's list of its bodies (`bodiesPlaced`), and events
// in their city (stated, named, or the visit's destination).
import type { Article } from '../article.ts';
import { countriesGoneTo, type Events } from '../events.ts';
import { matchAll } from '../match-all.ts';

export function locations(a: Article, ev: Events): void {
  for (const e of a.entities.values()) {
    if (e.label !== 'Office' && e.label !== 'Company' && e.label !== 'Organization') continue;
    // bodies first named by the relation readers ("Hamilton City Council Chief Executive X") are placed here
    e.cityInName ??= a.cityInName(e.name) ?? undefined;
    if (e.cityInName) a.addFact('LOCATED_IN', e.id, e.cityInName, {}, a.firstSentenceOf(e.id));
  }
  for (const s of a.sentences) {
    const t = s.template;
    for (const m of matchAll(t, /⟨([OMG])(\d+)⟩,? (?:(?:which is |that is )?(?:based|located|headquartered|situated) )?in (?:the city of )?⟨C(\d+)⟩(?!['’])/g)) {
      const org = s.refs[Number(m[2])];
      if (org && !a.entities.get(org)?.cityInName) a.addFact('LOCATED_IN', org, s.refs[Number(m[3])], {}, s.index);
    }
    for (const m of matchAll(t, /⟨C(\d+)⟩['’]s? (?:\w+ )?⟨([OMG])(\d+)⟩/g)) {
      const org = s.refs[Number(m[3])];
      if (org && !a.entities.get(org)?.cityInName) a.addFact('LOCATED_IN', org, s.refs[Number(m[1])], {}, s.index);
    }
    for (const [org, city] of bodiesPlaced(t)) {
      const id = s.refs[org];
      if (id && !a.entities.get(id)?.cityInName) a.addFact('LOCATED_IN', id, s.refs[city], {}, s.index);
    }
  }
  for (const e of a.entities.values()) {
    if (e.label !== 'Event') continue;
    let city = typeof e.props.cityId === 'string' ? e.props.cityId : null;
    let via = city ? 'stated' : 'main-guess';
    // "a welcome party for the X delegation" is not held in X
    // (an article about a visit abroad tells its main happening where the visitors are, not at home)
    const abroad = ev.visits.length === 1 && ev.visits[0]!.event !== e.id ? ev.visits[0]!.dest : null;
    // (where no visit was read but the readers say people visited one town, the happening is there, not at home)
    if (!city && e.id === ev.main) city = venueCity(a) ?? abroad ?? theTownVisited(a) ?? (a.homeCity && !heldForItsDelegation(e.name, a.entities.get(a.homeCity)?.name) ? a.homeCity : null);
    if (city && !ev.visits.some((v) => v.event === e.id) && !inCountryGoneTo(a, e.id, city)) city = null;
    if (!city) {
      const v = ev.visits.find((x) => x.event === e.id);
      city = v?.dest ?? null;
      via = 'visit';
    }
    if (!city && ev.main && e.id !== ev.main) {
      // a happening during the main visit is in the visited city: told near it, or with that city named
      const v = ev.visits.find((x) => x.event === ev.main) ?? (ev.visits.length === 1 ? ev.visits[0] : undefined);
      const withDest = v && a.sentences[e.first]?.refs.includes(v.dest);
      if (v && (withDest || Math.abs(e.first - (a.entities.get(v.event)?.first ?? 0)) < 6)) city = v.dest;
      via = 'near-visit';
    }
    if (city) {
      e.props.cityId = city;
      // (how the rules placed it: a feature of the learned place decision, learned/places.ts; never written out)
      e.props.placedBy = via;
      a.addFact('LOCATED_IN', e.id, city, {}, a.firstSentenceOf(e.id));
    }
  }
  // a happening told without a place is in the city of the article's main event (the forums of a conference,
  // the ceremonies of a festival), unless its sentence names another city
  const mainCity = ev.main ? a.entities.get(ev.main)?.props.cityId : null;
  if (typeof mainCity === 'string') for (const e of a.entities.values()) {
    if (e.label !== 'Event' || e.props.cityId || e.id === ev.main) continue;
    const s = a.sentences[e.first];
    if (!s || s.refs.some((r, j) => r && r !== mainCity && a.label(r) === 'City') || !inCountryGoneTo(a, e.id, mainCity)) continue;
    e.props.cityId = mainCity;
    e.props.placedBy = 'main-city';
    a.addFact('LOCATED_IN', e.id, mainCity, {}, a.firstSentenceOf(e.id));
  }
}

/** A city guessed for a happening is in the country its name goes to, if it names one: "the delegation's visit to Israel" is not held in Los Angeles, where the article's people are at home. */
function inCountryGoneTo(a: Article, event: string, city: string): boolean {
  const goesTo = countriesGoneTo(a, event);
  return !goesTo.length || goesTo.includes(a.countryOfCity(city) ?? '');
}

/**
 * "welcome party for the Matsuyama delegation", "visit of the delegation of Yongin city", "goodwill mission from
 * Hikone" name the guests' city, not the venue's.
 */
function heldForItsDelegation(event: string, city: string | undefined): boolean {
  if (!city) return false;
  const town = city.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b${town}(?: [\\w-]+)? (?:delegation|mission)\\b|\\b(?:delegation|mission|visitors) (?:of|from) (?:the )?${town}\\b`, 'i').test(event);
}

/** The city of the first venue the article names with its city ("in Mandaue City Hall"). */
function venueCity(a: Article): string | null {
  for (const s of a.sentences) {
    for (const v of matchAll(s.template, /\b(?:at|in|inside) (?:the )?⟨V(\d+)⟩/g)) {
      const c = a.cityInName(s.mentions[Number(v[1])]!.name);
      if (c) return c;
    }
  }
  return null;
}

/** The one town the readers say people visited ("a 13-member delegation will travel to Invercargill"), if they name only one. */
function theTownVisited(a: Article): string | null {
  const towns = new Set(a.factsOf('VISITED').map((f) => f.to).filter((t) => a.label(t) === 'City'));
  return towns.size === 1 ? [...towns][0]! : null;
}

const BODY = /⟨[OMG](\d+)⟩/g;

/**
 * Bodies a sentence places in a town, as [body, town] mention indexes: an apposition ("the X Centre, a partner
 * organisation based in Accra"), a venue's address ("a reception at the Millbrook Lodge Hotel, Ballynahinch."), and
 * a town's list of its bodies ("Hikone has three universities, in which Shiga University and Seisen University").
 */
export function bodiesPlaced(t: string): [number, number][] {
  const placed: [number, number][] = [];
  for (const m of matchAll(t, /⟨[OMG](\d+)⟩(?: \(⟨[A-Z]\d+⟩\))?, (?:an?|the|its) (?:[\w-]+ ){0,4}?(?:based|located|headquartered|situated) in ⟨C(\d+)⟩(?!['’])/g)) placed.push([Number(m[1]), Number(m[2])]);
  for (const m of matchAll(t, /\b(?:at|in) (?:the )?⟨[OMG](\d+)⟩, ⟨C(\d+)⟩(?=[.;]|$)/g)) placed.push([Number(m[1]), Number(m[2])]);
  for (const m of matchAll(t, /⟨C(\d+)⟩ (?:has|had|is home to) (?:[\w-]+ ){0,3}?(?:universities|colleges|schools|companies|firms|hospitals|museums|institutes|institutions)\b,? (?:(?:in which|of which|including|such as|among them|namely)(?: are)?,? )?((?:the )?⟨[OMG]\d+⟩(?:(?:,| and|, and) (?:the )?⟨[OMG]\d+⟩)*)/g)) {
    for (const b of matchAll(m[2]!, BODY)) placed.push([Number(b[1]), Number(m[1])]);
  }
  return placed;
}
