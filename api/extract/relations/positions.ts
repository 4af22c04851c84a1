// HOLDS_POSITION: who holds which title where.
// Explicit: "X, Mayor of Y" / "X, the Consul General of Y" / "Mayor of Y, Mr X" / "Y Mayor X" /
// "Former Y Mayor X" / "A and B, Chair and Secretary of Y, respectively" / "X, Deputy Secretary of Y and
// Mayor" (the second title belongs to Y's city) / "X, who … serve as Chair of Y".
// Implicit: a bare "Mayor X" is placed by context: "Y figures, including Mayor X", "X signed on behalf
// of Y", else the article's home city, else the visiting delegation's city, a city having one mayor.
import type { AnalyzedSentence, Article } from '../article.ts';
import type { Mention } from '../mentions.ts';
import { Cues } from '../cues.ts';
import { countryCode } from '../gazetteer.ts';
import { labelByHead, namesFriendshipBody, place } from '../mentions.ts';
import { titleCase } from '../names.ts';
import { orgKey } from '../resolve.ts';
import { matchAll } from '../match-all.ts';

interface Pending {
  person: string;
  title: string;
  former: boolean;
  sentence: number;
  /** "council chief executive Clare Hadley": the title is the local council's */
  council?: boolean;
  /** "Mayor A met his counterpart, B": the title is held in another town than the official's named before */
  counterpart?: boolean;
}

/** The head of a town's government: what a town named with its head in brackets is headed by. */
const CIVIC_HEAD = /^(?:(?:deputy |vice |first deputy |executive vice )?mayor|lord mayor|(?:deputy |vice )?governor|district mayor|county magistrate|magistrate|oberb(?:ü|u|ue)rgermeister|b(?:ü|u|ue)rgermeister)$/;

/** An envoy's titles: held at an embassy or a consulate. */
const CONSULAR = /^(?:(?:deputy |vice )?consul(?:[ -]general)?|(?:deputy )?ambassador|honorary consul|charge d'affaires)$/;

/** A town's own posts, which a town named before a list of titled names holds. */
const CIVIC_TITLE = /mayor|b(?:ü|u|ue)rgermeister|councill?or|council ?member|alderman|city manager|clerk|treasurer|director|secretary|commissioner/;

/** The officers of an association. */
const ASSOCIATION_OFFICER = /^(?:(?:vice[- ])?(?:chair|chairman|chairwoman|chairperson|president)|secretary|treasurer)$/;

const TOP_TITLES = /^(mayor|lord mayor|governor|oberb(ü|u|ue)rgermeister|party secretary|city manager|chief executive|consul general|ambassador|president|chairman|chairwoman|chair|deputy mayor|vice mayor|executive vice mayor)$/;

function position(a: Article, person: string | null, title: Mention, place: string | null, s: AnalyzedSentence): void {
  if (!person || !place || !title.title) return;
  if (a.label(person) !== 'Person') return;
  const label = a.label(place);
  if (!label || label === 'Person' || label === 'Event') return;
  a.addFact('HOLDS_POSITION', person, place, { title: titleCase(title.title), former: !!title.former }, s.index);
}

/** The organisation or city an "of" complement names; "Calderdale" without a gazetteer entry finds "Calderdale Council". */
function placeOf(a: Article, s: AnalyzedSentence, placeholder: string, title?: Mention): string | null {
  const { m, id } = a.at(s, placeholder);
  if (id) return id;
  if (!m) return null;
  // "X, Mayor of Hebden-on-Wold": a town the gazetteer lacks, headed by a mayor
  if (m.kind === 'Unknown' && title?.title) {
    // ("Mayor of Itabashi City, Tokyo": the town without its "City")
    const town = municipalityOf(a, m.name.replace(/ City$/, ''), title.title, s.index, true);
    if (town) return town;
  }
  // "Secretary-General of the United Nations": a secretariat's or directorate's chief heads a body, whatever its name's head
  if (m.kind === 'Unknown' && /^(?:deputy |assistant )?(?:secretary|director)[ -]general$/.test(title?.title ?? '') && m.words >= 2 && m.words <= 6 && /^\p{Lu}/u.test(m.name) && !place(m.name).reading) {
    return a.addOrg('Organization', m.name, s.index);
  }
  // "Mayor … of Hurunui District": a district, county or borough with a mayor is a municipality
  if (m.kind === 'Venue' && /\b(district|county|borough|township|municipality|shire)$/i.test(m.name)) return a.municipality(m.name, s.index);
  const k = orgKey(m.name);
  for (const e of a.entities.values()) {
    // (a town's division or bureau is not what its mayor heads)
    if ((e.label === 'Office' || e.label === 'Organization') && orgKey(e.name).startsWith(k + ' ') && !/\b(?:section|division|bureau|department|unit)$/i.test(e.name)) return e.id;
  }
  return null;
}

export function explicitPositions(a: Article): void {
  for (const s of a.sentences) {
    const t = s.template;
    const cues = Cues.ofSentence(s);
    if (!t.includes('⟨T') && !s.mentions.some((m) => m.kind === 'Person' && m.title) && !/\b(?:mayors|governors|presidents|chairmen|chairwomen|chairs|councill?ors|directors) (?:of|at)\b/i.test(t) && !(t.includes(' who ') && / who (?:also |currently |now )?(?:chairs|heads|directs)\b/.test(t))) continue;
    // X, (the) Title of Y (and Title2)
    // ("Mayor of Japan Mito", "Mayor of the Chinese city Chengdu": a country may stand before the city)
    for (const m of cues.matches(/⟨P(\d+)⟩(?: \([^()⟨]{1,30}\))?(?:,? | \(|,? as | [-–—] )(?:the |a |an )?(?:former |first |new |current |incumbent |acting |then |newly[- ]elected |newly[- ]appointed |recently elected |re-elected |incoming |outgoing )?⟨T(\d+)⟩ (?:of|at|for|in) (?:the )?(?:(?:⟨N\d+⟩ )?(?:city|town) (?:of )?(?=⟨C)|⟨N\d+⟩ (?=⟨C))?⟨([OMGCXV])(\d+)⟩(?: \(⟨[A-Z]\d+⟩\))?(?: and (?:the )?⟨T(\d+)⟩(?! (?:of|at|for)))?/g)) {
      // "deputy mayor, A, district manager, B, the chairperson of Y, C, and …": in a list of titles each set before its
      // name, "the chairperson of Y" is the next name's
      const next = /(?:⟨T\d+⟩|\b(?:manager|mayor|councill?or|director|secretary|chair(?:person|man|woman)?|president|officer|clerk|treasurer|member|head|chief)), $/.test(t.slice(0, m.index)) ? /^,? (?:the )?⟨P(\d+)⟩(?=[,;.]| and\b)/.exec(t.slice(m.index! + m[0].length)) : null;
      const person = s.refs[Number(next ? next[1] : m[1])] ?? null;
      const place = placeOf(a, s, m[3]! + m[4], s.mentions[Number(m[2])]);
      position(a, person, s.mentions[Number(m[2])]!, place, s);
      if (m[5]) position(a, person, s.mentions[Number(m[5])]!, a.cityOf(place) ?? place, s);
    }
    // "Ali Reza, the Iranian Consul General in Shanghai", "… as the Consul General in Osaka": the consulate named by its seat
    if (t.includes('⟨O') && (s.text.includes('onsul') || s.text.includes('mbassador'))) for (const m of cues.matches(/(?:⟨P(\d+)⟩(?:,? | \(|,? as )(?:the |a |an )?(?:former |new |current |acting )?)?⟨T(\d+)⟩ ⟨O(\d+)⟩(?:,? (?:the )?⟨P(\d+)⟩)?/g)) {
      const title = s.mentions[Number(m[2])]!;
      if (!/consul|ambassador/.test(title.title ?? '') || !/^(?:Consulate|Embassy)\b|\b(?:Consulate|Embassy)(?: General)? in\b/.test(s.mentions[Number(m[3])]!.name)) continue;
      const who = m[1] ?? m[4];
      if (who !== undefined) position(a, s.refs[Number(who)] ?? null, title, s.refs[Number(m[3])] ?? null, s);
    }
    // X, Chairman, Y: a bare comma apposition of title and body
    for (const m of cues.matches(/⟨P(\d+)⟩, (?:the )?⟨T(\d+)⟩, (?:the )?⟨([OMG])(\d+)⟩/g)) {
      position(a, s.refs[Number(m[1])] ?? null, s.mentions[Number(m[2])]!, placeOf(a, s, m[3]! + m[4]), s);
    }
    // X, Title1 of Y1, (and) Title2 of Y2: every title in the apposition chain ("X - Chairman of Y, Secretary of Z" too;
    // "X, former deputy Prime Minister of <country> and President of Y": the first title's place may be a country)
    for (const m of cues.matches(/⟨P(\d+)⟩(?:,? | [-–—] )(?:the )?(?:former (?:deputy )?)?⟨T\d+⟩ (?:of|at|for|in) (?:the )?⟨[OMGCXN]\d+⟩((?:,? (?:and )?(?:the )?⟨T\d+⟩ (?:of|at|for|in) (?:the )?⟨[OMGCX]\d+⟩)+)/g)) {
      const person = s.refs[Number(m[1])] ?? null;
      for (const x of matchAll(m[2]!, /⟨T(\d+)⟩ (?:of|at|for|in) (?:the )?⟨([OMGCX])(\d+)⟩/g)) {
        position(a, person, s.mentions[Number(x[1])]!, placeOf(a, s, x[2]! + x[3]), s);
      }
    }
    // "Mayor Ito of Kobe, President of Mayors for Peace,": a body's title set after a titled name and its town, with no article
    for (const m of cues.matches(/⟨P(\d+)⟩ (?:of|from) (?:the )?⟨[COMG]\d+⟩((?:,? (?:and )?⟨T\d+⟩ (?:of|at|for) (?:the )?⟨[OMG]\d+⟩)+)(?=[,.;]| and\b|$)/g)) {
      const pm = s.mentions[Number(m[1])]!;
      if (!pm.title || pm.titlePrefix) continue;
      for (const x of matchAll(m[2]!, /⟨T(\d+)⟩ (?:of|at|for) (?:the )?⟨([OMG])(\d+)⟩/g)) {
        if (!s.mentions[Number(x[1])]!.plural) position(a, s.refs[Number(m[1])] ?? null, s.mentions[Number(x[1])]!, placeOf(a, s, x[2]! + x[3]), s);
      }
    }
    // X, Mayor and Vice Secretary of Y: the second title is Y's, the first Y's city's
    for (const m of cues.matches(/(?<!⟨P\d+⟩ and )⟨P(\d+)⟩,? (?:the )?⟨T(\d+)⟩ and (?:the )?⟨T(\d+)⟩ (?:of|at|for) (?:the )?⟨([OMGCX])(\d+)⟩(?!,? respectively)/g)) {
      const person = s.refs[Number(m[1])] ?? null;
      const place = placeOf(a, s, m[4]! + m[5]);
      position(a, person, s.mentions[Number(m[3])]!, place, s);
      // "President and Editor of the X Shimbun": a business's or a society's titles are both its own
      const own = a.label(place) === 'Company' || a.label(place) === 'Organization';
      position(a, person, s.mentions[Number(m[2])]!, own ? place : a.cityOf(place) ?? place, s);
    }
    // Title of Y, (Mr) X
    // ("The mayor of Wuhan city, Yong Wan": the town's common noun after its name)
    for (const m of cues.matches(/(?<!⟨[PXVNC]\d+⟩,? (?:the |a )?|⟨T\d+⟩ and (?:the )?)⟨T(\d+)⟩ (?:of|at|for) (?:the )?⟨([OMGCX])(\d+)⟩(?: \(⟨[A-Z]\d+⟩\))?(?: (?:city|town|municipality))?(?:, ⟨N\d+⟩)*, (?:the )?⟨P(\d+)⟩/g)) {
      if (s.mentions[Number(m[1])]!.plural) continue;
      // "At the invitation of the Mayor of Espoo, Ambassador Chen Li and …": a name with a head's or an envoy's post of its own
      // is not the holder ("The Mayor of Warminster, Councillor Phil Keeble" is: a councillor's style)
      const own = s.mentions[Number(m[4])]!.title;
      if (own && own !== s.mentions[Number(m[1])]!.title && (TOP_TITLES.test(own) || CONSULAR.test(own))) continue;
      position(a, s.refs[Number(m[4])] ?? null, s.mentions[Number(m[1])]!, placeOf(a, s, m[2]! + m[3]), s);
    }
    // "Fano's Mayor, Massimo Seri", "the Association's chairman, Ann Lee": a possessive body's title, then the name
    // ("Kobe mayor, Kizo Hisamoto": the town without its possessive)
    if (t.includes('⟩, ')) for (const m of cues.matches(/⟨([OMGC])(\d+)⟩(?:['’]s?)? ⟨T(\d+)⟩, (?:the )?⟨P(\d+)⟩/g)) {
      if (s.mentions[Number(m[3])]!.plural || /\bof (?:the )?$/.test(t.slice(Math.max(0, m.index! - 8), m.index!))) continue;
      position(a, s.refs[Number(m[4])] ?? null, s.mentions[Number(m[3])]!, s.refs[Number(m[2])] ?? null, s);
    }
    // "Bandung's Mayor Ateng Wahyudi", "Ulsan's Vice Mayor A and Councillor B": a possessive town's or body's titles written
    // with the names, every titled name the possessive opens (not one that names its own place: "… and Governor C of Y")
    if (t.includes("⟩'s ⟨P")) for (const m of cues.matches(/⟨([OMGC])(\d+)⟩'s ((?:⟨P\d+⟩(?:,? and |, ))*⟨P\d+⟩)(?! (?:of|from|at|in)\b| \(⟨)/g)) {
      const place = s.refs[Number(m[2])] ?? null;
      for (const x of matchAll(m[3]!, /⟨P(\d+)⟩/g)) {
        const pm = s.mentions[Number(x[1])]!;
        if (!pm.title || pm.titlePrefix) break;
        position(a, s.refs[Number(x[1])] ?? null, { ...pm, kind: 'Title' }, place, s);
      }
    }
    // "Sister Cities International's Vice Chairman A, Treasurer B and President C": every titled name of the list is the body's
    for (const m of cues.matches(/⟨([OMG])(\d+)⟩['’]s? ((?:(?:⟨[PX]\d+⟩|⟨X\d+⟩ [\p{Ll}]+ ⟨X\d+⟩)(?:,? and |, ))*(?:⟨[PX]\d+⟩|⟨X\d+⟩ [\p{Ll}]+ ⟨X\d+⟩))/gu)) {
      for (const x of matchAll(m[3]!, /⟨P(\d+)⟩/g)) {
        const pm = s.mentions[Number(x[1])]!;
        if (!pm.title || pm.titlePrefix) continue;
        position(a, s.refs[Number(x[1])] ?? null, { ...pm, kind: 'Title' }, s.refs[Number(m[2])] ?? null, s);
      }
    }
    // "12 former mayors of Worcester, including Philip Hytch": a plural title of a place, then the ones named
    if (/\b(?:including|among them|such as)\b/.test(t)) for (const m of cues.matches(/\b(former |past |previous )?((?:deputy |vice )?(?:mayors|lord mayors|governors|presidents|chairmen|chairwomen|chairs|councill?ors|directors)) (?:of|at) (?:the )?⟨([OMGC])(\d+)⟩,? (?:including|among them|such as) ((?:⟨P\d+⟩,? (?:and )?)+)/gi)) {
      const title = m[2]!.toLowerCase().replace(/men$/, 'man').replace(/women$/, 'woman').replace(/s$/, '');
      for (const x of matchAll(m[5]!, /⟨P(\d+)⟩/g)) {
        const pm = s.mentions[Number(x[1])]!;
        if (pm.title && pm.title !== title) continue;
        position(a, s.refs[Number(x[1])] ?? null, { ...pm, kind: 'Title', title, former: !!m[1] }, placeOf(a, s, m[3]! + m[4]), s);
      }
    }
    // Title of Y X, Title of Y & Z Title2 X: the officer named right after the body
    for (const m of cues.matches(/(?<!⟨[PXVNC]\d+⟩,? (?:the |a )?)⟨T(\d+)⟩ (?:of|at|for) (?:the )?⟨([OMGC])(\d+)⟩ ((?:&|and) )?⟨P(\d+)⟩/g)) {
      if (s.mentions[Number(m[1])]!.plural) continue;
      // after "and", only a person with a title of their own shares the phrase ("… Association & Yuba City Treasurer X")
      const pm = s.mentions[Number(m[5])]!;
      if (m[4] && (m[2] === 'C' || !pm.titlePrefix)) continue;
      position(a, s.refs[Number(m[5])] ?? null, s.mentions[Number(m[1])]!, placeOf(a, s, m[2]! + m[3], s.mentions[Number(m[1])]), s);
    }
    // "Councillors Tom Reed and Sara Cole of Nelson City Council": a plural title, the names, then their body
    if (s.mentions.some((x) => x.kind === 'Title' && x.plural)) for (const m of cues.matches(/⟨T(\d+)⟩ ((?:⟨P\d+⟩,? )*(?:and )?⟨P\d+⟩),? (?:of|from) (?:the )?⟨([OMGC])(\d+)⟩/g)) {
      const tm = s.mentions[Number(m[1])]!;
      if (!tm.plural || !tm.title) continue;
      const place = placeOf(a, s, m[3]! + m[4], tm);
      const people = matchAll(m[2]!, /⟨P(\d+)⟩/g);
      // "Mayors Price and Li of Guiyang": a town has one mayor, so the place is only the last one's
      for (const x of TOP_TITLES.test(tm.title) ? people.slice(-1) : people) position(a, s.refs[Number(x[1])] ?? null, tm, place, s);
    }
    // "A and B, both Vice Consul-general of Y"
    for (const m of cues.matches(/⟨P(\d+)⟩ and ⟨P(\d+)⟩, both (?:the )?⟨T(\d+)⟩ (?:of|at) (?:the )?⟨([OMGC])(\d+)⟩/g)) {
      const place = placeOf(a, s, m[4]! + m[5]);
      position(a, s.refs[Number(m[1])] ?? null, s.mentions[Number(m[3])]!, place, s);
      position(a, s.refs[Number(m[2])] ?? null, s.mentions[Number(m[3])]!, place, s);
    }
    // "the mayor and deputy mayor of Fremont, Lily Mei and Raj Salwan": the titles go to the names in order
    if (t.includes(' and ⟨T') || t.includes(' and the ⟨T')) for (const m of cues.matches(/⟨T(\d+)⟩ and (?:the )?⟨T(\d+)⟩ (?:of|for|at) (?:the )?⟨([OMGCX])(\d+)⟩,? (?:the )?⟨P(\d+)⟩ and (?:the )?⟨P(\d+)⟩/g)) {
      const [t1, t2] = [s.mentions[Number(m[1])]!, s.mentions[Number(m[2])]!];
      if (t1.plural || t2.plural || t1.title === t2.title) continue;
      const place = placeOf(a, s, m[3]! + m[4], t2);
      position(a, s.refs[Number(m[5])] ?? null, t1, place, s);
      position(a, s.refs[Number(m[6])] ?? null, t2, place, s);
    }
    // "Hana Kim (Deputy Mayor, Incheon)": the title and the place in brackets
    if (t.includes(' (⟨T')) for (const m of cues.matches(/⟨P(\d+)⟩ \((?:the )?⟨T(\d+)⟩,? (?:of )?(?:the )?⟨([OMGC])(\d+)⟩\)/g)) {
      position(a, s.refs[Number(m[1])] ?? null, s.mentions[Number(m[2])]!, placeOf(a, s, m[3]! + m[4], s.mentions[Number(m[2])]), s);
    }
    // "the mayors of Toyama and Durango, Hiroshi Mori and Jorge Salum": one title, two places, two names in order
    if (t.includes('s of ⟨') && /\b(?:mayors|governors|chairmen|chairwomen|presidents) of\b/.test(t)) for (const m of cues.matches(/\b((?:deputy |vice )?(?:mayors|governors|chairmen|chairwomen|presidents)) of (?:the )?⟨([COG])(\d+)⟩ and (?:the )?⟨([COG])(\d+)⟩, ⟨P(\d+)⟩ and ⟨P(\d+)⟩/gi)) {
      const title = m[1]!.toLowerCase().replace(/men$/, 'man').replace(/women$/, 'woman').replace(/s$/, '');
      const pm = s.mentions[Number(m[6])]!;
      const tm: Mention = { ...pm, kind: 'Title', title, former: false };
      position(a, s.refs[Number(m[6])] ?? null, tm, placeOf(a, s, m[2]! + m[3]), s);
      position(a, s.refs[Number(m[7])] ?? null, tm, placeOf(a, s, m[4]! + m[5]), s);
    }
    // A and B, Title1 and Title2 of Y, respectively
    for (const m of cues.matches(/⟨P(\d+)⟩ and ⟨P(\d+)⟩, (?:the )?⟨T(\d+)⟩ and ⟨T(\d+)⟩ (?:of|at) (?:the )?⟨([OMGCX])(\d+)⟩,? respectively/g)) {
      const place = placeOf(a, s, m[5]! + m[6]);
      position(a, s.refs[Number(m[1])] ?? null, s.mentions[Number(m[3])]!, place, s);
      position(a, s.refs[Number(m[2])] ?? null, s.mentions[Number(m[4])]!, place, s);
    }
    // X, who … serve(s|d) as Title of Y
    for (const m of cues.matches(/⟨P(\d+)⟩(?: \([^)]*\))?(?:,| [-–—])? who\b[^.]{0,120}?\b(?:serve[sd]?|elected|appointed|named|works?|worked) as (?:the )?(?:first |new )?⟨T(\d+)⟩ (?:of|at) (?:the )?⟨([OMGCX])(\d+)⟩/g)) {
      position(a, s.refs[Number(m[1])] ?? null, s.mentions[Number(m[2])]!, placeOf(a, s, m[3]! + m[4]), s);
    }
    // "Anna Lee, who chairs the Tacoma Sister Cities Council": the verb names the post
    if (t.includes(' who ') && / who (?:also |currently |now )?(?:chairs|heads|directs)\b/.test(t)) for (const m of cues.matches(/⟨P(\d+)⟩(?:,| [-–—])? who (?:also |currently |now )?(chairs|heads|directs) (?:the )?⟨([OMG])(\d+)⟩/g)) {
      const title = { chairs: 'chair', heads: 'head', directs: 'director' }[m[2] as 'chairs' | 'heads' | 'directs'];
      const pm = s.mentions[Number(m[1])]!;
      position(a, s.refs[Number(m[1])] ?? null, { ...pm, kind: 'Title', title, former: false }, s.refs[Number(m[4])] ?? null, s);
    }
    // "X – who was previously Chairperson for Y –", "X, who is the president of Y,"
    for (const m of cues.matches(/⟨P(\d+)⟩(?:,| [-–—])? who (?:is|was|has been|had been)( (?:previously|formerly|once|currently|now|also))? (?:the )?⟨T(\d+)⟩ (?:of|at|for) (?:the )?⟨([OMGCX])(\d+)⟩/g)) {
      const title = s.mentions[Number(m[3])]!;
      const former = !!m[2] && /previously|formerly|once/.test(m[2]);
      position(a, s.refs[Number(m[1])] ?? null, { ...title, former: former || !!title.former }, placeOf(a, s, m[4]! + m[5]), s);
    }
    // Kure city mayor X: a city, then a lower-case title and the name
    // ("Corporation of Delta, Canada mayor Louise Jackson": the city's country may stand between)
    // ("Harare's acting mayor X", "Columbus' former mayor X": a qualifier after the possessive)
    // ("Braunschweig's city director A, Mayor B, and …": the titled names listed after it are the town's too, not one that
    // names its own place)
    for (const m of cues.matches(/⟨C(\d+)⟩(?:, ⟨N\d+⟩)?(?:'s)? (?:(acting|former|then|current|incumbent|new) )?(?:city |town |municipal )?⟨T(\d+)⟩ ⟨P(\d+)⟩((?:,? (?:and )?⟨P\d+⟩)*)(?! (?:of|from|at|in)\b| \(⟨)/g)) {
      const title = s.mentions[Number(m[3])]!;
      const qualified = m[2] === 'former' ? { ...title, former: true } : m[2] === 'acting' ? { ...title, title: `acting ${title.title}` } : title;
      const town = s.refs[Number(m[1])] ?? null;
      position(a, s.refs[Number(m[4])] ?? null, qualified, town, s);
      if (m[2] === 'former') continue;
      for (const x of matchAll(m[5]!, /⟨P(\d+)⟩/g)) {
        const pm = s.mentions[Number(x[1])]!;
        if (!pm.title || pm.titlePrefix || !CIVIC_TITLE.test(pm.title)) break;
        position(a, s.refs[Number(x[1])] ?? null, { ...pm, kind: 'Title' }, town, s);
      }
    }
    // "Adachi City Council chairman Go Senuma", "the Belmont Sister City Association chairwoman Ann Lee": a body, a lower-case title, the name
    for (const m of cues.matches(/⟨([OMG])(\d+)⟩ ⟨T(\d+)⟩ ⟨P(\d+)⟩/g)) {
      const title = s.mentions[Number(m[3])]!;
      if (title.plural || /\p{Lu}/u.test(title.text[0]!)) continue;
      position(a, s.refs[Number(m[4])] ?? null, title, s.refs[Number(m[2])] ?? null, s);
    }
    // "the delegation representing the City of Dalian, led by Vice-Mayor Lu Lin": a titled leader is the city's
    for (const m of cues.matches(/\bdelegation (?:representing|from|of) (?:the )?⟨C(\d+)⟩,? (?:led|headed) by (?:the |its |their )?(?:⟨T\d+⟩ )?⟨P(\d+)⟩/g)) {
      const pm = s.mentions[Number(m[2])]!;
      if (pm.title && !pm.titlePrefix) position(a, s.refs[Number(m[2])] ?? null, { ...pm, kind: 'Title' }, s.refs[Number(m[1])] ?? null, s);
    }
    // "the delegation from Yongin City Council (South Korea) led by its member Kim": "its" makes the title the body's
    for (const m of cues.matches(/\bdelegation (?:representing|from|of) (?:the )?⟨([OMG])(\d+)⟩(?: \(⟨[NC]\d+⟩\))?,? (?:led|headed) by (?:its|their) (?:⟨T\d+⟩ )?⟨P(\d+)⟩/g)) {
      const pm = s.mentions[Number(m[3])]!;
      if (pm.title && !pm.titlePrefix) position(a, s.refs[Number(m[3])] ?? null, { ...pm, kind: 'Title' }, s.refs[Number(m[2])] ?? null, s);
    }
    // "Nam-gu, Ulsan (Mayor Seo Dong-wook)", "Khan-Uul district, Ulaanbaatar, Mongolia (Mayor J. Aldarjavkhlan)": a town, the places
    // it is in, then its head in brackets
    if (t.includes(' (⟨P')) for (const m of cues.matches(/⟨([CX])(\d+)⟩(?: (?:district|city|county|ward|town))?(?:, ⟨[CN]\d+⟩)* \(⟨P(\d+)⟩\)/g)) {
      const pm = s.mentions[Number(m[3])]!;
      if (!pm.title || pm.titlePrefix || !CIVIC_HEAD.test(pm.title)) continue;
      const town = m[1] === 'C' ? s.refs[Number(m[2])] ?? null : municipalityOf(a, s.mentions[Number(m[2])]!.name, pm.title, s.index, true);
      position(a, s.refs[Number(m[3])] ?? null, { ...pm, kind: 'Title' }, town, s);
    }
    // "Former Mayor of Zurich and President of the Y Association Dr. X": both titles are the person's after them
    for (const m of cues.matches(/⟨T(\d+)⟩ of (?:the )?(?:⟨N\d+⟩ )?⟨([OMGC])(\d+)⟩ and (?:the )?⟨T(\d+)⟩ of (?:the )?⟨([OMG])(\d+)⟩ ⟨P(\d+)⟩/g)) {
      const person = s.refs[Number(m[7])] ?? null;
      position(a, person, s.mentions[Number(m[1])]!, placeOf(a, s, m[2]! + m[3]), s);
      position(a, person, s.mentions[Number(m[4])]!, placeOf(a, s, m[5]! + m[6]), s);
    }
    // "Philippine Consul General to Chongqing X": an envoy's title held at the seat named after "to"
    if (t.includes(' to ⟨C')) for (const m of cues.matches(/⟨T(\d+)⟩ to ⟨C(\d+)⟩ ⟨P(\d+)⟩/g)) {
      const title = s.mentions[Number(m[1])]!;
      if (!title.plural && CONSULAR.test(title.title ?? '')) position(a, s.refs[Number(m[3])] ?? null, title, s.refs[Number(m[2])] ?? null, s);
    }
    // "visited Ambassador X at the U.S. Embassy in Tokyo": an envoy at the embassy or consulate that is theirs
    if (t.includes(' at the ⟨O')) for (const m of cues.matches(/⟨P(\d+)⟩ at the ⟨O(\d+)⟩/g)) {
      const pm = s.mentions[Number(m[1])]!;
      if (!pm.title || pm.titlePrefix || !CONSULAR.test(pm.title) || !/\b(?:Embassy|Consulate)\b/.test(s.mentions[Number(m[2])]!.name)) continue;
      position(a, s.refs[Number(m[1])] ?? null, { ...pm, kind: 'Title' }, s.refs[Number(m[2])] ?? null, s);
    }
    // "A delegation from Hongkou District, Shanghai, headed by Ms. Gao Xiang, District Deputy Governor,": the leader's title is
    // the delegation's town's
    for (const m of cues.matches(/\bdelegation from (?:the )?⟨([CV])(\d+)⟩(?:, ⟨[CN]\d+⟩)*,? (?:led|headed) by ⟨P(\d+)⟩, (?:the )?⟨T(\d+)⟩(?=[,.;]| and\b)/g)) {
      const title = s.mentions[Number(m[4])]!;
      if (title.plural || !CIVIC_HEAD.test(title.title ?? '')) continue;
      position(a, s.refs[Number(m[3])] ?? null, title, placeOf(a, s, m[1]! + m[2], title), s);
    }
    // "a delegation from the Y, headed by X, its chairman": the body the delegation comes from
    for (const m of cues.matches(/⟨([OMG])(\d+)⟩[^.⟨]{0,40}(?:⟨[NVC]\d+⟩[^.⟨]{0,6}){0,3}\b(?:headed|led) by ⟨P(\d+)⟩, (?:its|their) ⟨T(\d+)⟩/g)) {
      position(a, s.refs[Number(m[3])] ?? null, s.mentions[Number(m[4])]!, s.refs[Number(m[2])] ?? null, s);
    }
    // X, Y councilman, …: an apposition naming the place and the title
    for (const m of cues.matches(/⟨P(\d+)⟩, ⟨C(\d+)⟩(?:['’]s)? ⟨T(\d+)⟩(?=[,;]|\.?$)/g)) {
      position(a, s.refs[Number(m[1])] ?? null, s.mentions[Number(m[3])]!, s.refs[Number(m[2])] ?? null, s);
    }
    // Mayor X of Y
    for (const m of cues.matches(/⟨P(\d+)⟩ (?:of|from) (?:the )?⟨([OMGCV])(\d+)⟩/g)) {
      const pm = s.mentions[Number(m[1])]!;
      if (!pm.title || pm.titlePrefix) continue;
      position(a, s.refs[Number(m[1])] ?? null, { ...pm, kind: 'Title' }, placeOf(a, s, m[2]! + m[3]), s);
    }
    // "Current Mayor of Worcester Councillor Ian Imray": the title before "of" is the person's at the place; "Councillor" is a style
    const styled = new Set<number>();
    for (const m of cues.matches(/⟨T(\d+)⟩ of (?:the )?⟨P(\d+)⟩/g)) {
      const pm = s.mentions[Number(m[2])]!;
      if (!pm.titlePrefix || !pm.title) continue;
      const prefix = pm.titlePrefix.replace(/['’]s$/, '');
      const outer = s.mentions[Number(m[1])]!;
      const place = a.cityByName(prefix) ?? orgByName(a, prefix) ?? (outer.title ? municipalityOf(a, prefix, outer.title, s.index) : null);
      if (!place) continue;
      position(a, s.refs[Number(m[2])] ?? null, s.mentions[Number(m[1])]!, place, s);
      if (/^(councill?or|cllr|alderman|alderwoman)$/.test(pm.title)) styled.add(Number(m[2]));
    }
    // "Johor Bahru Mayor, Burhan Amin", "Twinning Association Chairman, John Reardon": a place's title, a comma, then the
    // holder (styled or not) with no title of their own
    if (t.includes('⟩, ')) for (const m of cues.matches(/⟨T(\d+)⟩, (?:the )?(?:(?:Mr|Ms|Mrs|Dr|Cllr|Cr|Councill?or)\.? )?⟨P(\d+)⟩/gi)) {
      const tm = s.mentions[Number(m[1])]!;
      const pm = s.mentions[Number(m[2])]!;
      if (!tm.titlePrefix || !tm.title || tm.plural || pm.title) continue;
      position(a, s.refs[Number(m[2])] ?? null, tm, prefixPlace(a, tm.titlePrefix, tm.title, s.index), s);
    }
    // Y Title X, Former Y Title X
    s.mentions.forEach((m, j) => {
      if (m.kind !== 'Person' || !m.title || !m.titlePrefix || styled.has(j)) return;
      const place = prefixPlace(a, m.titlePrefix, m.title, s.index);
      position(a, s.refs[j] ?? null, { ...m, kind: 'Title' }, place, s);
      // "Mandaluyong Mayor A and Vice Mayor B": the place before the first title is the second's too
      const next = t.includes(`⟨P${j}⟩`) ? new RegExp(`⟨P${j}⟩(?: \\([^)⟨]*\\))? and ⟨P(\\d+)⟩(?! (?:of|from|at)\\b| \\(⟨)`).exec(t) : null;
      const other = next ? s.mentions[Number(next[1])] : undefined;
      // (a town's own posts only: "Daejeon Mayor A and Chairwoman B" chairs a council, not the town)
      if (place && other?.title && !other.titlePrefix && other.title !== m.title && (a.label(place) !== 'City' || /mayor|councill?or|alderman|city manager|clerk|treasurer/.test(other.title))) position(a, s.refs[Number(next![1])] ?? null, { ...other, kind: 'Title' }, place, s);
      // "Columbus Mayor A, former Mayor B": a former holder of the same title named next held it there
      const formerNext = place && t.includes(`⟨P${j}⟩`) ? new RegExp(`⟨P${j}⟩,? (?:and )?former ⟨P(\\d+)⟩(?! (?:of|from|at)\\b| \\(⟨)`).exec(t) : null;
      const predecessor = formerNext ? s.mentions[Number(formerNext[1])] : undefined;
      if (predecessor?.title === m.title && !predecessor.titlePrefix) position(a, s.refs[Number(formerNext![1])] ?? null, { ...predecessor, kind: 'Title', former: true }, place, s);
    });
  }
}

/** The town or body named before a title ("Y Mayor X", "Y Mayor, X"); "Chengdu Foreign Affairs Office Deputy Director Lu
 * Sheng": an office named only there is made. */
function prefixPlace(a: Article, titlePrefix: string, title: string, sentence: number): string | null {
  const prefix = titlePrefix.replace(/['’]s$/, '');
  const label = labelByHead(prefix);
  // "Yuba City City Councilmember X": the second "City" belongs to the title (city council member)
  return a.cityByName(prefix) ?? (/ (City|Town)$/.test(prefix) ? a.cityByName(prefix.replace(/ (City|Town)$/, '')) : null) ?? orgByName(a, prefix) ?? orgByAcronym(a, prefix) ??
    (label === 'Office' || label === 'Company' || label === 'Organization' ? a.addOrg(label, prefix, sentence) : municipalityOf(a, prefix, title, sentence));
}

/** "Dobong-gu Mayor X", "Nelson Treasurer X": a town named only here, or one the gazetteer lacks, when a civic title is its. */
function municipalityOf(a: Article, name: string, title: string, sentence: number, mayorOnly = false): string | null {
  const civic = mayorOnly ? /mayor|b(ü|u|ue)rgermeister|burgomaster/ : /mayor|b(ü|u|ue)rgermeister|burgomaster|treasurer|councill?or|council ?member|councilman|councilwoman|alderman|city manager|clerk/;
  if (!civic.test(title) || labelByHead(name)) return null;
  if (!/^\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,2}$/u.test(name) || /\b(City|Town|Vice|Deputy|Former|Acting)$/.test(name)) return null;
  const p = place(name);
  if (p.reading && p.reading !== 'city' || countryCode(name) || p.commonWord) return null;
  return a.municipality(name, sentence);
}

/** "Greater Visakhapatnam MC": a town and the initials of a body the article names in full ("… Municipal Corporation"). */
function orgByAcronym(a: Article, name: string): string | null {
  const m = /^(.+?) (\p{Lu}{2,6})$/u.exec(name);
  if (!m) return null;
  const town = m[1]!.toLowerCase() + ' ';
  for (const e of a.entities.values()) {
    if (e.label !== 'Office' && e.label !== 'Company' && e.label !== 'Organization') continue;
    if (!e.name.toLowerCase().startsWith(town)) continue;
    const initials = e.name.slice(town.length).split(/\s+/).filter((w) => !/^(of|the|and|&|for)$/i.test(w)).map((w) => w[0]!.toUpperCase()).join('');
    if (initials === m[2]) return e.id;
  }
  return null;
}

function orgByName(a: Article, name: string): string | null {
  const k = orgKey(name);
  if (!k) return null;
  for (const e of a.entities.values()) {
    if (e.label === 'Office' || e.label === 'Company' || e.label === 'Organization') {
      if ([e.name, ...e.aliases].some((n) => orgKey(n) === k)) return e.id;
    }
  }
  return null;
}

/** Titles written without a place, for `implicitPositions` once visits are known. */
export function pendingTitles(a: Article): Pending[] {
  const out: Pending[] = [];
  for (const s of a.sentences) {
    s.mentions.forEach((m, j) => {
      const id = s.refs[j];
      if (m.kind === 'Person' && m.title && !m.titlePrefix && id) {
        // "Vice Governor Li Ming of Jilin Province": the title's place is named, and it is no city
        if (s.template.includes(`⟨P${j}⟩ of`) && new RegExp(`⟨P${j}⟩ of (?:the )?⟨[NV]\\d+⟩`).test(s.template)) return;
        const council = /^(?:chief executive|chief executive officer|ceo|city manager|town clerk|clerk|mayor|deputy mayor|councill?or)$/.test(m.title) &&
          /\bcouncil/i.test(s.text.slice(Math.max(0, m.start - 40), m.start)) && new RegExp(`\\bcouncil(?:['’]s)? ${m.title.replace(/ /g, '\\s+')}\\s+$`, 'i').test(s.text.slice(Math.max(0, m.start - 40), m.start) + (m.text.toLowerCase().startsWith(m.title) ? m.title + ' ' : ''));
        out.push({ person: id, title: m.title, former: !!m.former, sentence: s.index, council: council || undefined });
      }
    });
    // "standing deputy mayor, Mr. Shi Zhenqiang, and deputy mayor, Mr. Yang Xuchun": a bare civic title, then the name in apposition
    if (/mayor|governor|councill?or/i.test(s.text)) for (const m of matchAll(s.template, /(?<![⟩'’]s? |⟩ |(?:of|at|for) )(?:\b((?:(?:standing|executive|first) )?(?:(?:deputy|vice) )?(?:mayor|governor|councill?or))|⟨T(\d+)⟩), (?:Mr\.? |Ms\.? |Mrs\.? |Madam |Cllr\.? |Councill?or )?⟨P(\d+)⟩(?! (?:of|from)\b)/g)) {
      const pm = s.mentions[Number(m[3])]!;
      const id = s.refs[Number(m[3])];
      const tm = m[2] === undefined ? null : s.mentions[Number(m[2])]!;
      // a capitalised title too after a determiner: "representing our then Mayor, Cllr. Graham Hill"
      const determined = /\b(?:the|our|their|its)(?: then| former)? $/i.test(s.template.slice(Math.max(0, m.index! - 20), m.index!));
      const title = m[1]?.toLowerCase() ?? (tm && !tm.plural && (!/\p{Lu}/u.test(tm.text[0]!) || determined) && /mayor|governor|councill?or/.test(tm.title ?? '') ? tm.title! : null);
      if (pm.title || !id || !title) continue;
      out.push({ person: id, title, former: false, sentence: s.index });
    }
    // "Mayor A met his counterpart, B", "the Mayor met with her French counterpart, B", "his Chicago equivalent B": the
    // counterpart holds the title of the official named before, in another town (placed as a bare title)
    if (/counterpart|equivalent/.test(s.template)) for (const m of matchAll(s.template, /\b(?:counterpart|equivalent),? (?:(?:Mr|Ms|Mrs|Dr)\.? )?⟨P(\d+)⟩/g)) {
      const pm = s.mentions[Number(m[1])]!;
      const id = s.refs[Number(m[1])];
      if (pm.title || !id) continue;
      const before = s.template.slice(0, m.index!);
      const titled = [...before.matchAll(/⟨([PT])(\d+)⟩/g)].map((x) => s.mentions[Number(x[2])]!).filter((x) => x.title && !x.plural).pop();
      if (titled?.title) out.push({ person: id, title: titled.title, former: false, sentence: s.index, counterpart: true });
    }
    // councilors A, B and C
    if (s.mentions.some((m) => m.kind === 'Title' && m.plural)) for (const m of matchAll(s.template, /⟨T(\d+)⟩ ((?:⟨P\d+⟩,? )+(?:and )?⟨P\d+⟩)/g)) {
      const t = s.mentions[Number(m[1])]!;
      if (!t.plural || !t.title) continue;
      for (const p of matchAll(m[2]!, /⟨P(\d+)⟩/g)) {
        const id = s.refs[Number(p[1])];
        if (id) out.push({ person: id, title: t.title, former: false, sentence: s.index });
      }
    }
  }
  return out;
}

export function implicitPositions(a: Article, pending: Pending[], visitOrigins: string[], visitDestinations: string[], visitors: ReadonlySet<string> = new Set(), trips: readonly { visitors: ReadonlySet<string>; dest: string }[] = [], partyTowns: ReadonlyMap<string, string | null> = new Map()): void {
  const explicit = new Set(a.factsOf('HOLDS_POSITION').map((f) => f.from));
  const taken = new Map<string, string>(); // city|title -> person
  for (const f of a.factsOf('HOLDS_POSITION')) {
    // a former holder leaves the post to the one the article calls by the bare title
    if (f.props.former) continue;
    const city = a.cityOf(f.to) ?? f.to;
    taken.set(`${city}|${String(f.props.title).toLowerCase()}`, f.from);
  }
  const seen = new Set<string>();
  const visitedBy = new Map<string, string[]>();
  for (const f of a.factsOf('VISITED')) visitedBy.set(f.from, [...(visitedBy.get(f.from) ?? []), f.to]);
  // the visitors of the visits read so far (their VISITED facts are derived from the frames later)
  for (const t of trips) for (const id of t.visitors) visitedBy.set(id, [...(visitedBy.get(id) ?? []), t.dest]);
  // the one local council or government the article names without a city ("Mid and East Antrim Borough Council")
  const councils = [...a.entities.values()].filter((e) => e.label === 'Office' && !e.cityInName && /\b(council|government|municipality|borough)\b/i.test(e.name));
  const friendshipBodies = [...a.entities.values()].filter((e) => (e.label === 'Office' || e.label === 'Organization') && namesFriendshipBody(e.name));
  const unnamedHolders = new Map<string, Set<string>>();
  for (const s of a.sentences) {
    if (!s.template.includes('⟨T')) continue;
    for (const m of matchAll(s.template, /(?<!⟨P\d+⟩,? (?:the |a )?)\b(?:[Tt]he|[Oo]ur|[Tt]heir) ⟨T(\d+)⟩ of (?:the )?⟨C(\d+)⟩(?!,? (?:the |Mr\.? |Ms\.? |Mrs\.? )?⟨[PX]\d+⟩| ⟨[PX]\d+⟩| \()/g)) {
      const tm = s.mentions[Number(m[1])]!;
      const c = s.refs[Number(m[2])];
      if (tm.plural || !tm.title || !c) continue;
      unnamedHolders.set(tm.title, (unnamedHolders.get(tm.title) ?? new Set()).add(c));
    }
  }
  for (const p of pending) {
    if (explicit.has(p.person) || seen.has(p.person)) continue;
    // "council chief executive Clare Hadley": "council" is the council the text last named
    if (p.council) {
      let council: string | null = null;
      for (let k = p.sentence; k >= 0 && !council; k--) {
        const refs = a.sentences[k]!.refs;
        for (let j = refs.length - 1; j >= 0; j--) {
          const e = refs[j] ? a.entities.get(refs[j]!) : undefined;
          if (e?.label === 'Office' && /\bcouncil\b/i.test(e.name)) {
            council = e.id;
            break;
          }
        }
      }
      if (council) {
        seen.add(p.person);
        a.addFact('HOLDS_POSITION', p.person, council, { title: titleCase(p.title), former: p.former }, p.sentence);
        continue;
      }
    }
    // "Chairwoman Ann Lee said the host families …": an officer's bare title in an article naming one twinning or
    // sister-city body is that body's (the genre's associations are named once, their officers by title after)
    if (friendshipBodies.length === 1 && ASSOCIATION_OFFICER.test(p.title)) {
      seen.add(p.person);
      a.addFact('HOLDS_POSITION', p.person, friendshipBodies[0]!.id, { title: titleCase(p.title), former: p.former }, p.sentence);
      continue;
    }
    // only civic offices are placed by context; a director or a police commander could be anyone's
    if (!/mayor|governor|councill?or|council ?member|alderman|city manager|clerk|b(ü|u|ue)rgermeister|burgomaster|prefect|magistrate|party secretary|selectman|reeve|provost|county executive/.test(p.title)) continue;
    seen.add(p.person);
    const s = a.sentences[p.sentence]!;
    const visited = new Set(visitedBy.get(p.person) ?? []);
    // a member of a visiting delegation holds no office in the city visited
    if (visitors.has(p.person)) for (const d of visitDestinations) visited.add(d);
    const candidates: string[] = [];
    const local = localPlace(a, s, p.person);
    if (local) candidates.push(local);
    // the town of the visiting party the article puts the person in ("one of a delegation from T")
    const party = partyTowns.get(p.person);
    if (party) candidates.push(party);
    // "The mayor of St Albans visited Fano. … Mayor Anthony Rowlands said": the one town whose unnamed holder of the title the article names
    const unnamed = unnamedHolders.get(p.title);
    if (unnamed?.size === 1) candidates.push([...unnamed][0]!);
    if (councils.length === 1 && !p.counterpart && /mayor|councill?or|council member|alderman|chief executive|manager|clerk/.test(p.title)) candidates.push(councils[0]!.id);
    if (a.homeCity) candidates.push(a.homeCity);
    for (const o of visitOrigins) candidates.push(o);
    const one = TOP_TITLES.test(p.title);
    for (const c of candidates) {
      if (visited.has(c) || !local && visitDestinations.includes(c) && visitOrigins.length && c !== a.homeCity) continue;
      if (visited.has(c)) continue;
      // "Mayor X attended the festival in Y": a city the person goes to in that sentence is not theirs
      if (c !== local && travelsTo(a, s, p.person, c)) continue;
      // a town has one mayor at a time, and any number of former ones
      const slot = `${a.cityOf(c) ?? c}|${p.title}`;
      if (one && !p.former && taken.has(slot) && taken.get(slot) !== p.person) continue;
      if (!p.former) taken.set(slot, p.person);
      a.addFact('HOLDS_POSITION', p.person, c, { title: titleCase(p.title), former: p.former }, p.sentence);
      break;
    }
  }
}

/** Whether the sentence sends the person to the city: "X attended … in Y", "X travelled to Y", "X visited Y". */
function travelsTo(a: Article, s: AnalyzedSentence, person: string, city: string): boolean {
  const j = s.refs.indexOf(person);
  const c = s.refs.indexOf(city);
  if (j < 0 || c < 0 || c < j) return false;
  const t = s.template;
  const from = t.indexOf(`⟨P${j}⟩`);
  const at = t.indexOf(`⟨C${c}⟩`);
  if (from < 0 || at < from) return false;
  // "visited Seattle's sister city": the possessive city is the person's own
  if (/^['’]/.test(t.slice(at + `⟨C${c}⟩`.length))) return false;
  const between = t.slice(from, at);
  // "X met members of the council, who are visiting Y": the relative clause tells another's trip
  if (/⟩,? who\b/.test(between.slice(`⟨P${j}⟩`.length))) return false;
  return between.length < 120 && /\b(attended|attends|visit|visited|visits|visiting|travel|travell?ed|arrived|went|flew|toured|spent)\b/.test(between) && /\b(in|to|at|visit|visited|visits|visiting|toured)\s+(the city of\s+)?$/.test(between);
}

/** A place the sentence ties the person to: "Y figures, including Mayor X", "… on behalf of Y". */
function localPlace(a: Article, s: AnalyzedSentence, person: string): string | null {
  const t = s.template;
  const j = s.refs.indexOf(person);
  if (j < 0) return null;
  const ph = `⟨P${j}⟩`;
  const at = t.indexOf(ph);
  const before = t.slice(Math.max(0, at - 90), at);
  const including = /⟨C(\d+)⟩(?:['’]s?)? (?:\w+ ){0,2}(?:figures|officials|leaders|delegation|delegates|representatives|guests|members|visitors)\b[^⟨]{0,20}(?:including|led by|headed by|such as)\s*(?:the )?$/.exec(before);
  if (including) return s.refs[Number(including[1])] ?? null;
  // "120 delegates from Y, led by Mayor X, will visit Z": the head of a party from Y holds the title in Y, not where it goes
  const ledFrom = /\b(?:delegation|delegates|group|party|mission|visitors|guests|contingent)s? from (?:the )?(?:city of |town of )?⟨C(\d+)⟩(?:,? ⟨N\d+⟩)?,? (?:(?:is|was|are|were|will be) )?(?:led|headed) by (?:the )?(?:city |town |municipal )?$/.exec(before);
  if (ledFrom) return s.refs[Number(ledFrom[1])] ?? null;
  // "the group thanked Y's Mayor X": the possessive city is the holder's
  const owner = /⟨C(\d+)⟩['’]s? (?:(?:new|current|own) )?$/.exec(before);
  if (owner) return s.refs[Number(owner[1])] ?? null;
  // "the Corporation of Panaji (CCP) is proposing to send its councillors headed by city Mayor X": the body's own people
  const own = /⟨C(\d+)⟩(?: \(⟨X\d+⟩\))?[^⟨.]{0,50}\b(?:its|their) (?:\w+ ){0,2}(?:councill?ors|officials|delegation|delegates|representatives|members|team)\b[^⟨]{0,12}(?:including|led by|headed by)\s*(?:the )?(?:city |town |municipal )?$/.exec(before);
  if (own) return s.refs[Number(own[1])] ?? null;
  // "sending a delegation to Toluca, Mexico to meet the Mayor X": the mayor met there is that town's
  const meet = /⟨C(\d+)⟩(?:,? ⟨N\d+⟩)?,? to (?:meet|greet|see|call on)(?: with)? (?:the )?(?:new )?$/.exec(before);
  if (meet) return s.refs[Number(meet[1])] ?? null;
  // "his Chicago equivalent B": the counterpart's town named with the word
  const counterpart = /⟨C(\d+)⟩ (?:counterpart|equivalent),? (?:(?:Mr|Ms|Mrs|Dr)\.? )?$/.exec(before);
  if (counterpart) return s.refs[Number(counterpart[1])] ?? null;
  const after = t.slice(at, at + 160);
  const behalf = /^⟨P\d+⟩[^.⟨]{0,60}\bon behalf of (?:the )?(?:city of )?⟨C(\d+)⟩/.exec(after);
  if (behalf) return s.refs[Number(behalf[1])] ?? null;
  // "A, with deputy mayor B and Crs C and D, left Riverton for Kita": the city the group leaves is theirs
  const left = /^⟨P\d+⟩[^.]{0,200}?\b(?:departed(?: from)?|left|leaves|leaving|set (?:off|out) from|flew out of) (?:the )?(?:city of )?⟨C(\d+)⟩/.exec(t.slice(at, at + 240));
  if (left) return s.refs[Number(left[1])] ?? null;
  return null;
}
