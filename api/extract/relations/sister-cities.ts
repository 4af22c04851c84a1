// SISTER_CITY_OF (symmetric) with `since`: "X's (Irish) sister city, Y", "Y, X's sister city in Japan",
// "sister-city relations between X and Y", "since the twinning of X and Y in 2011", "X and Y signed a
// sister-city pact", "sister cities such as A, B and C" (of the sentence's subject), "the 35th
// anniversary of …" (since = publication year - 35).
import type { AnalyzedSentence, Article } from '../article.ts';
import { Cues } from '../cues.ts';
import { place } from '../mentions.ts';
import { numberWord } from './common.ts';
import { matchAll } from '../match-all.ts';

const KEYWORD = /\bsister[- ]?(?:city(?:ship)?|cities|town|towns|state|province|relations?|relationships?|ties)\b|\btwin(?:ned|ning)?\b|\btwin (?:city|town)|\bfriendship[- ](?:city|cities|town|agreements?|pacts?|accords?|charters?)|\bfriendly (?:city|cities)|\bpartner (?:city|cities|town)|\bsisterhood\b|['’]s sisters:|\btown twinning\b|\bjumelage\b|\bst(ä|a)dtepartnerschaft/i;

const MAYBE = /sister|twin|friendship|friendly|partner|jumelage|tadtepartner/i;

function since(a: Article, s: AnalyzedSentence): string | null {
  const t = s.template;
  const pub = a.input.publishedAt;
  const ago = /\b(\w+) years (?:since|after|ago)\b|\b(\w+)(?:st|nd|rd|th)? anniversary\b|\b(\w+)[- ]years? (?:of (?:being |the |their |our )?(?:sister|twin|friendship|partner|sisterhood\b)|(?:old )?(?:sister|twin|friendship|partnership\b|relationship\b|twinning\b|sisterhood\b))/i.exec(s.text);
  const agoW = ago ? ago[1] ?? ago[2] ?? ago[3]! : null;
  const agoN = agoW ? numberWord(agoW) ?? ordinal(agoW) ?? tens(agoW) : null;
  const year = /\b(?:in|since|from|of|established in|signed in|formed in)\s+(1[89]\d\d|20\d\d)\b/.exec(s.text);
  if (year) return year[1]!;
  if (agoN && pub) return String(Number(pub.slice(0, 4)) - agoN);
  const d = /⟨D(\d+)⟩/.exec(t);
  if (d && /\b(since|in|established|signed|formed|began|yesterday|today)\b/i.test(t)) return s.mentions[Number(d[1])]!.date?.slice(0, 4) ?? null;
  if (agoN && pub) return String(Number(pub.slice(0, 4)) - agoN);
  return null;
}

function tens(w: string): number | null {
  const map: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80 };
  return map[w.toLowerCase()] ?? null;
}

function ordinal(w: string): number | null {
  const map: Record<string, number> = { tenth: 10, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70 };
  return map[w.toLowerCase()] ?? null;
}

function pair(a: Article, x: string | null | undefined, y: string | null | undefined, s: AnalyzedSentence): void {
  if (!x || !y || x === y || a.label(x) !== 'City' || a.label(y) !== 'City') return;
  a.addFact('SISTER_CITY_OF', x, y, { since: since(a, s) }, s.index);
}

function pairSince(a: Article, x: string | null | undefined, y: string | null | undefined, year: string, s: AnalyzedSentence): void {
  if (!x || !y || x === y || a.label(x) !== 'City' || a.label(y) !== 'City') return;
  a.addFact('SISTER_CITY_OF', x, y, { since: year }, s.index);
}

/**
 * A cheap necessary condition of the hyphenated pair ("Tsuyama-Santa Fe sister city"): the pair's right half, from
 * its dash (its words as any letters: under `iu` the pair's \p{Lu} is any cased letter). The pair's expression tries
 * every letter as a start, with many backtracks (~170 µs a sentence); this one starts only at dashes.
 */
const HYPHENED_PAIR_RIGHT = /[-–][\p{L}.'’]+(?: [\p{L}.'’]+)? (?:sister[- ](?:city|cities|town|towns)|twinning|twin[- ](?:city|town)|friendship[- ](?:city|cities))\b/iu;
function hyphenedPairMayFollow(text: string): boolean {
  return HYPHENED_PAIR_RIGHT.test(text);
}

export function sisterCities(a: Article): void {
  townLists(a);
  pairsWith(a);
  listsAfter(a);
  for (const s of a.sentences) {
    if (!MAYBE.test(s.text) || !KEYWORD.test(s.text)) continue;
    municipalNames(a, s);
    venueTowns(a, s);
    const t = s.template;
    const cues = Cues.ofSentence(s);
    const ref = (j: string | undefined) => (j === undefined ? null : s.refs[Number(j)] ?? null);
    let found = false;
    // X's (Irish) sister city, Y  /  another of X's sister cities — Y
    for (const m of cues.matches(/⟨C(\d+)⟩['’]s? (?:[\w-]+ |⟨N\d+⟩ ){0,3}?(?:sister|twin|friendship|partner) (?:city|cities|town|towns)\s*(?:[,—–:-]+\s*)?(?:(?:of )?⟨N\d+⟩,? )?⟨C(\d+)⟩/gi)) {
      pair(a, ref(m[1]), ref(m[2]), s);
      found = true;
    }
    // "A has been twinned with B since 1998", "A, twinned with B and C,", "The town is twinned with B"
    // ("The Hague, Holland, for example, has twinned with A and B, and Lyon, France, has twinned with C and D")
    // ("Macharaviaya twinned with Pensacola (USA)": an unknown name before "twinned with" is a town)
    if (/\btwinned with\b/i.test(t)) for (const m of cues.matches(/(?:⟨([CX])(\d+)⟩(?:,? ⟨N\d+⟩)?,? (?:for example, |for instance, )?(?:which |that )?)?(?:(?:has|have|had) (?:also )?(?:been )?|(?:is|are|was|were|became|got|is now|was first) )?(?:officially |formally |first |also )?twinned with /gi)) {
      const named = m[1] === undefined ? null : townAt(a, s, m[1], m[2]!);
      // a named town the article could not place is no reason to take another for it
      if (m[1] !== undefined && !named) continue;
      const owner = named ?? ownerCity(a, s, m.index!);
      for (const item of listedTowns(a, s, m.index! + m[0].length)) pair(a, owner, item, s);
      found = true;
    }
    // "Harbin and Chiang Mai became sister cities", "Squamish and Shimizu were declared sister cities", "Azerbaijan's
    // Shusha and Uzbekistan's Khiva became sister cities": the two subjects of a copula are the pair, whatever the
    // mention reader typed them (a name it could not place, a province named for its town)
    for (const m of cues.matches(COPULA_PAIR)) {
      pair(a, pairedTownAt(a, s, m[1]!, m[2]!), pairedTownAt(a, s, m[3]!, m[4]!), s);
      found = true;
    }
    // "Atlanta in the United States, Hangzhou in China and Varadero in Cuba are the other cities twinned with Montego Bay"
    for (const m of cues.matches(LIST_TWINNED_WITH)) {
      for (const c of matchAll(m[1]!, /⟨C(\d+)⟩/g)) pair(a, ref(m[2]), ref(c[1]), s);
      found = true;
    }
    // "the Tsuyama-Santa Fe Sister City Relationship", "Chuo-Sutherland sister city relations": a hyphenated pair of the article's towns
    if (hyphenedPairMayFollow(s.text)) for (const m of matchAll(s.text, /(\p{Lu}[\p{L}.'’]+(?: \p{Lu}[\p{L}.'’]+)?)[-–](\p{Lu}[\p{L}.'’]+(?: \p{Lu}[\p{L}.'’]+)?) (?:sister[- ](?:city|cities|town|towns)|twinning|twin[- ](?:city|town)|friendship[- ](?:city|cities))\b/giu)) {
      const x = townNamed(a, m[1]!);
      const y = townNamed(a, m[2]!);
      if (x && y) {
        pair(a, x, y, s);
        found = true;
      }
    }
    // X and (its) sister-city Y; a sister city of Y (the subject's city)
    for (const m of cues.matches(/⟨C(\d+)⟩ (?:and|&|with) (?:its |their )?(?:[\w-]+ )?(?:sister|twin|friendship|partner)[- ](?:city|town) (?:of )?⟨C(\d+)⟩/gi)) {
      pair(a, ref(m[1]), ref(m[2]), s);
      found = true;
    }
    // "(promoting their relations with) its sister city, Hangzhou": the partner of the subject's city
    for (const m of cues.matches(/\b(?:its|their|our) (?:sister|twin|friendship|partner)[- ](?:city|town),? ⟨C(\d+)⟩(?!['’])/gi)) {
      pair(a, ownerCity(a, s, m.index!), ref(m[1]), s);
      found = true;
    }
    for (const m of cues.matches(/\b(?:a|the) (?:sister|twin|friendship|partner)[- ](?:city|town) (?:of|with) (?:the city of )?⟨C(\d+)⟩/gi)) {
      pair(a, subjectCity(a, s, m.index!) ?? a.homeCity, ref(m[1]), s);
      found = true;
    }
    // "a delegation from X toured (its) sister city Y"
    for (const m of cues.matches(/⟨C(\d+)⟩[^.]{0,80}?\b(?:its |their )?(?:sister|twin|friendship|partner)[- ](?:city|town) (?:of )?⟨C(\d+)⟩(?!['’])/gi)) {
      // "A … B's sister city C" pairs B and C (the possessive pattern below), not A
      const kw = m[0].search(/(?:its |their )?(?:sister|twin|friendship|partner)[- ](?:city|town)/i);
      if (/['’]s?\s+(?:[\w-]+\s+)?$/.test(m[0].slice(0, kw))) continue;
      pair(a, ref(m[1]), ref(m[2]), s);
      found = true;
    }
    // "Mayor A will make his first Sister Cities visit to Y", "A visits (Korean) sister city Y": the visitor's town and Y
    if (!found) for (const m of cues.matches(VISIT_SISTER)) {
      const owner = ownerCity(a, s, m.index!);
      const dest = ref(m[1] ?? m[2]);
      if (owner && dest && owner !== dest) {
        pair(a, owner, dest, s);
        found = true;
      }
    }
    // "Christchurch's second sister city in Asia is Songpa": a partner the gazetteer lacks is still a town
    for (const m of cues.matches(/⟨C(\d+)⟩['’]s? (?:[\w-]+ ){0,2}(?:sister|twin|friendship|partner) (?:city|town)(?: in (?:the )?⟨N\d+⟩)? (?:is|was|has been|became) (?:the (?:city|town) of )?⟨([CX])(\d+)⟩(?!['’])/gi)) {
      pair(a, ref(m[1]), townAt(a, s, m[2]!, m[3]!), s);
      found = true;
    }
    // Y, X's sister city; "Nagasaki, which has been St. Paul's sister city since 1955"
    // ("Toluca, Mexico is Fort Worth's closest sister city")
    for (const m of cues.matches(/⟨C(\d+)⟩(?:,? ⟨N\d+⟩)?,? (?:which (?:has been|had been|is|was|became|remains) |(?:has been|had been|is|was|became|remains) )?(?:the |a )?⟨C(\d+)⟩['’]s? (?:[\w-]+ |⟨N\d+⟩ ){0,2}?(?:sister|twin|friendship|partner) (?:city|town)/gi)) {
      pair(a, ref(m[1]), ref(m[2]), s);
      found = true;
    }
    // sister cities such as A, B and C: of the sentence's subject city; "our twin towns of A (Germany), B (USA)
    // and C (MEX)", "linked as Bandung's sisters: A (Germany), B (South Korea), …"
    for (const m of cues.matches(TOWNS_LISTED)) {
      found = true;
      const pairs = pairsListed(m[2]!);
      if (pairs.length >= 2) {
        for (const p of pairs) pair(a, ref(p[1]), townAt(a, s, p[2]!, p[3]!), s);
        continue;
      }
      // "Accra joins Chattanooga's other sister cities: Wuxi, China; …": the possessor owns the list, not the subject
      const possessor = /⟨C(\d+)⟩['’]s? (?:[\w-]+ ){0,3}$/.exec(t.slice(0, m.index!));
      const owner = ref(m[1]) ?? ref(possessor?.[1]) ?? subjectCity(a, s, m.index!) ?? a.homeCity;
      // an unknown name is a town only after a word that opens the list ("Sister Cities Multimedia" is a heading)
      const opened = /(?:such as|including|like|with|include[sd]?|are|were|of|:)\s*$/i.test(m[0].slice(0, m[0].length - m[2]!.length));
      for (const [letter, j] of listedItems(m[2]!)) pair(a, owner, letter === 'C' ? ref(j) : opened ? townAt(a, s, letter, j) : null, s);
    }
    for (const m of cues.matches(FOLLOWING)) {
      for (const c of matchAll(m[2]!, /(?<!\((?:the )?)⟨C(\d+)⟩(?:,? \(?⟨N\d+⟩\)?)?(?: \(((?:1[89]|20)\d\d)\))?/g)) {
        if (c[2]) pairSince(a, ref(m[1]), ref(c[1]), c[2], s);
        else pair(a, ref(m[1]), ref(c[1]), s);
      }
      found = true;
    }
    // "… ties with Japan's A, B in the U.S. state of C, and D": every partner of a list, with the subject's city
    for (const m of cues.matches(TIES_WITH)) {
      const owner = ref(m[1]) ?? ownerCity(a, s, m.index!);
      const items = listedTowns(a, s, m.index! + m[0].length);
      // "… with A and B in 1976 and 1993": one year for each partner, respectively
      const years = /\bin ((?:1[89]|20)\d\d)((?:,? (?:and )?(?:1[89]|20)\d\d)+)\b/.exec(s.text);
      const each = years ? [years[1]!, ...years[2]!.match(/\d{4}/g)!] : [];
      items.forEach((item, i) => (each.length === items.length && items.length > 1 ? pairSince(a, owner, item, each[i]!, s) : pair(a, owner, item, s)));
      found = true;
    }
    // "the Charleston Sister Cities International agreement with Panama City": the sister-cities body's town and the partner
    for (const m of cues.matches(/⟨[GO](\d+)⟩ (?:agreement|pact|relationship|partnership) with (?:the city of )?⟨C(\d+)⟩/g)) {
      const body = s.mentions[Number(m[1])]!;
      if (/\bsister cit(?:y|ies)\b/i.test(body.name)) {
        pair(a, a.cityOf(ref(m[1])) ?? a.cityInName(body.name), ref(m[2]), s);
        found = true;
      }
    }
    // "Since signing a sister-city agreement with X, (country,) Y has …": the fronted clause's partner is the main clause's city
    const fronted = FRONTED_CLAUSE.exec(t);
    const frontedWith = fronted && /\b(?:sister[- ]city|twinning|friendship[- ]city|partnership) (?:relations?|relationships?|ties|agreement|pact) with (?:the city of )?⟨C(\d+)⟩/i.exec(fronted[0]);
    if (frontedWith) pair(a, firstCityAfter(s, fronted![0].length), ref(frontedWith[1]), s);
    if (found) continue;
    // "The two cities have been twinned since 1985": the two towns the sentences before name
    if (TWO_CITIES.test(t) && !/⟨C\d+⟩[^.]*⟨C\d+⟩/.test(t)) {
      const two = contextPair(a, s);
      if (two) {
        pair(a, two[0], two[1], s);
        continue;
      }
    }
    // between X and Y / of X and Y / X and Y (the two cities of a sister-city sentence)
    const cities = [...new Set(matchAll(t, /⟨C(\d+)⟩(?!['’])/g).map((m) => ref(m[1])).filter(Boolean))] as string[];
    // "Calexico Mayor X and the Mayor of Mexicali signed a sister city agreement": the signatories' towns
    if (cities.length < 2 && /\b(?:sign|signs|signed|signing|ink|inks|inked|renew|renewed|reaffirm|reaffirmed)\b/i.test(t) && /\bagreement|pact|charter|memorand/i.test(t)) {
      for (const m of cues.matches(/⟨P(\d+)⟩/g)) {
        const id = ref(m[1]);
        const c = id ? a.positionsOf(id).map((f) => a.cityOf(f.to)).find(Boolean) : null;
        if (c && !cities.includes(c)) cities.push(c);
      }
    }
    // (the last two towns of a longer list are no pair: "Szentendre, Salon-de-Provence, Gubbio and Wertheim")
    // ("… ceremonies in Hiroshima and Nagasaki": two places where something happens are no pair)
    const between = /\b(?:between|of|with) (?:the cities of |the )?⟨C(\d+)⟩(?: \(⟨N\d+⟩\)|,? ⟨N\d+⟩)? and (?:the city of |the )?⟨C(\d+)⟩/.exec(t) ?? /(?<!⟨[CX]\d+⟩, |\b(?:in|at) )⟨C(\d+)⟩(?: ⟨N\d+⟩)?,? (?:and|&) ⟨C(\d+)⟩/.exec(t);
    // "(50 years between Wertheim and Salon, 40 years between Huntingdon and Salon)": every "between" pair
    if (between?.[0].startsWith('between')) for (const m of matchAll(t.slice(between.index + between[0].length), /\bbetween ⟨C(\d+)⟩ and ⟨C(\d+)⟩/g)) pair(a, ref(m[1]), ref(m[2]), s);
    // "sister-city relationship between Hurunui and Changping": a partner the gazetteer lacks is still a town
    const betweenTown = between ? null : /\b(?:relations?|relationships?|ties|agreement|pact|twinning) between ⟨([CX])(\d+)⟩ and ⟨([CX])(\d+)⟩/.exec(t);
    if (between) pair(a, ref(between[1]), ref(between[2]), s);
    else if (betweenTown && (betweenTown[1] === 'C' || betweenTown[3] === 'C')) pair(a, townAt(a, s, betweenTown[1]!, betweenTown[2]!), townAt(a, s, betweenTown[3]!, betweenTown[4]!), s);
    else if (cities.length === 2 && /\b(between|two cities|both cities|each other|sign|signs|signed|ink|inks|inked|forge|forged|establish|established|renew|renewed)\b/i.test(t)) pair(a, cities[0], cities[1], s);
    else if (cities.length === 1 && /\b(?:with|and) (?:its|their) (?:\w+ )?(?:sister|twin|friendship|partner) (?:city|town)\b/i.test(t)) continue;
    // "sister-city relationship with X" with the subject's city
    const withX = /\b(?:sister[- ]city|twinning|friendship[- ]city|partnership) (?:relations?|relationships?|ties|agreement|pact)? ?with (?:the city of )?⟨([CX])(\d+)⟩/i.exec(t);
    if (withX && !between) pair(a, subjectCity(a, s, withX.index) ?? a.homeCity, townAt(a, s, withX[1]!, withX[2]!), s);
  }
}

/**
 * A line that opens a list of towns, one a line: "All of our Sister Cities are situated in the Asia-Pacific
 * region:", "Twinning Cities to Sariyer Municipality;", "Twinning between Cities" (a heading: no full stop, few words).
 */
function opensTownList(s: AnalyzedSentence): boolean {
  if (s.paragraph < 0 || !KEYWORD.test(s.text)) return false;
  return /[:;]\s*$/.test(s.text) || (!/[.!?]["”’)]*\s*$/.test(s.text) && s.text.split(/\s+/).length <= 8);
}

/** A sentence that is a whole line of a list: the only sentence of its paragraph, short, no full stop inside. */
function isListLine(a: Article, s: AnalyzedSentence): boolean {
  const i = s.index;
  const alone = a.sentences[i - 1]?.paragraph !== s.paragraph && a.sentences[i + 1]?.paragraph !== s.paragraph;
  return alone && s.text.split(/\s+/).length <= 16 && /^(?:[-–•*·▪◦]\s*)?\p{Lu}[^.!?]*[.,;]?$/u.test(s.text);
}

// "Jerusalem – New York City, USA", "- Bengaluru and San Francisco, California, USA (2008)": a twinned pair a line
const LISTED_PAIR = /^(?:[-–•*·▪◦]\s*)?⟨([CX])(\d+)⟩\s*(?:and|&|[-–—])\s*⟨([CXV])(\d+)⟩(?!\s*(?:and|&|[-–—])\s*⟨)/;
// "- Shunan (周南), Japan (since 1990)", "• Enfield in England,", "• Chengdu, China, established 2010": one partner a line
// "• Dongli District of Tianjin, Hebei, China;": a province between the town and its country
const LISTED_PARTNER = /^(?:[-–•*·▪◦]\s*)?(?:(?:the )?(?:city|town|municipality) of )?⟨([CXOV])(\d+)⟩(?: \([^)]*\))?(?:(?:, ⟨[VXC]\d+⟩)?,? (?:the )?⟨N\d+⟩| in (?:the )?⟨N\d+⟩)/i;

/**
 * The lines of a list of towns after the line that opens it (document.ts keeps such lines): a line naming two
 * towns pairs them; a line naming one town and its country pairs it with the list's owner (the town the opening
 * line names, else the article's). A partner the gazetteer lacks is still a town there.
 */
function townLists(a: Article): void {
  for (let i = 0; i < a.sentences.length; i++) {
    const head = a.sentences[i]!;
    if (!opensTownList(head)) continue;
    const owner = headOwner(a, head);
    let j = i + 1;
    for (; j < a.sentences.length && isListLine(a, a.sentences[j]!); j++) {
      const s = a.sentences[j]!;
      const two = LISTED_PAIR.exec(s.template);
      if (two) {
        pair(a, listedTownAt(a, s, two[1]!, two[2]!), listedTownAt(a, s, two[3]!, two[4]!), s);
        continue;
      }
      const one = LISTED_PARTNER.exec(s.template);
      if (one) pair(a, owner, listedTownAt(a, s, one[1]!, one[2]!), s);
    }
    i = j - 1;
  }
}

// "Amsterdam with Beijing, The Hague with Qingdao, … and Groningen with Tianjin": pairs, two or more in a row
// ("The Hague": "The ⟨C⟩")
const PAIRS_WITH = /⟨C(\d+)⟩ with ⟨C(\d+)⟩(?=(?:,? and |, )(?:The )?⟨C\d+⟩ with ⟨C\d+⟩)|(?<=⟨C\d+⟩ with ⟨C\d+⟩(?:,? and |, )(?:The )?)⟨C(\d+)⟩ with ⟨C(\d+)⟩/g;

/**
 * "Almost all municipalities have a partnership with a city in China. For example, Amsterdam with Beijing, The
 * Hague with Qingdao …": a run of "A with B" in a sentence about partnerships, or right after one, pairs each A and B.
 */
function pairsWith(a: Article): void {
  for (const s of a.sentences) {
    if (!s.template.includes(' with ⟨C')) continue;
    const pairs = matchAll(s.template, PAIRS_WITH);
    if (pairs.length < 2) continue;
    const prev = a.sentences[s.index - 1];
    if (!PARTNERSHIP.test(s.text) && !(prev && prev.paragraph === s.paragraph && PARTNERSHIP.test(prev.text))) continue;
    for (const m of pairs) pair(a, s.refs[Number(m[1] ?? m[3])], s.refs[Number(m[2] ?? m[4])], s);
  }
}

const PARTNERSHIP = new RegExp(`${KEYWORD.source}|\\bpartnerships?\\b`, 'i');

/** A fronted phrase naming a town beside the one the clause is about. */
const ASIDE_CLAUSE = /^(?:in addition to|besides|apart from|aside from|other than|along with)\b[^,]{0,120},\s*/i;

/** The town a list's opening line is about: "Twinning Cities to Sariyer Municipality;", "Perth now having eleven Sister City relationships:". */
function headOwner(a: Article, s: AnalyzedSentence): string | null {
  // "In addition to Querétaro, San Antonio maintains sister city relationships with 12 other cities:": the subject owns the list
  const aside = ASIDE_CLAUSE.exec(s.template)?.[0].length ?? 0;
  for (const m of matchAll(s.template.slice(aside), /⟨([COG])(\d+)⟩/g)) {
    const c = a.cityOf(s.refs[Number(m[2])]);
    if (c) return c;
  }
  return a.homeCity;
}

/**
 * The town at a slot of a list line: a venue's or an office's name there ("Gold Coast", "Municipality of VAC")
 * is a town's, and so is a town name the article left unplaced ("Enfield in England").
 */
function listedTownAt(a: Article, s: AnalyzedSentence, letter: string, index: string): string | null {
  const m = s.mentions[Number(index)]!;
  if (letter === 'V' || (letter === 'C' && !s.refs[Number(index)])) return a.municipality(m.name, s.index);
  if (letter !== 'O') return townAt(a, s, letter, index);
  const named = /^(?:the )?(?:municipality|city|town) of (\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2})$/iu.exec(m.name);
  return named ? a.municipality(named[1]!, s.index) : a.cityOf(s.refs[Number(index)]);
}

// One item of a list of towns: "A", "A (Japan)", "A (The Philippines)", "A in the U.S.", "A, Japan," (a person or a
// region the list names keeps it going: "Forth Worth, Texas (USA)" read as a person).
const LIST_ITEM = String.raw`⟨[CXPN]\d+⟩(?: \((?:the )?⟨[NX]\d+⟩\)| in (?:the )?⟨N\d+⟩|, ⟨N\d+⟩(?=[,;]| and| \())?(?: \((?:1[89]|20)\d\d\))?`;
const TOWNS_LISTED = new RegExp(
  String.raw`(?:\b(?:sister|twin|friendship|partner)(?:[\w -]{0,30}?) (?:cities|towns)|['’]s sisters(?=:))` +
    String.raw`(?: such as| including| like| with|:|,? (?:which |that )?(?:include|includes|included|are|were)| of ⟨C(\d+)⟩ (?:such as|including|like|include|are)?| of(?= ⟨[CX]\d+⟩ \(⟨[NX]\d+⟩\),))?` +
    String.raw`\s*((?:(?:and )?${LIST_ITEM}[,;]? )*(?:and )?${LIST_ITEM})`,
  'gi',
);

// "The others are A, Quebec and B, China.", "These include relationships with A (USA), B (Canada), …": a list whose
// subject points back at the sister cities of the sentence before
const LIST_AFTER = new RegExp(
  String.raw`^(?:the |its |their |our )?(?:others|other (?:[\w-]+ )?(?:cities|towns|partners|ones)|these|they) (?:are|were|include|includes|included)(?: (?:relations|relationships|ties|links|agreements) with| the (?:cities|towns) of)?:? ` +
    String.raw`((?:(?:and )?${LIST_ITEM}[,;]? )*(?:and )?${LIST_ITEM})`,
  'i',
);

/**
 * "Wakayama is one of three Sister Cities of Richmond. The others are Pierrefonds, Quebec and Xiamen, China.": each
 * town of such a list with the town whose sister cities the sentence before tells (named after "of" or "with", or
 * as a possessor; else the article's town).
 */
function listsAfter(a: Article): void {
  for (const s of a.sentences) {
    const prev = a.sentences[s.index - 1];
    if (!prev || !/^(?:the |its |their |our )?(?:others?|these|they)\b/i.test(s.template) || !KEYWORD.test(prev.text)) continue;
    const m = LIST_AFTER.exec(s.template);
    if (!m) continue;
    const kw = Math.max(0, prev.template.search(KEYWORD));
    const owned = /\b(?:of|with) (?:the )?(?:city of )?⟨([COG])(\d+)⟩/i.exec(prev.template.slice(kw)) ?? /⟨(C)(\d+)⟩['’]s? (?:[\w-]+ ){0,3}(?:sister|twin|friendship|partner)/i.exec(prev.template);
    const owner = (owned && a.cityOf(prev.refs[Number(owned[2])])) ?? a.homeCity;
    for (const [letter, j] of listedItems(m[1]!)) pair(a, owner, townAt(a, s, letter, j), s);
  }
}

/** "sister cities including A and B, C and D, E and F": a list of pairs (two or more), not partners of the subject's town. */
export function pairsListed(list: string): RegExpExecArray[] {
  return matchAll(list, /(?:^|, )⟨C(\d+)⟩ and ⟨([CX])(\d+)⟩(?=,|$)/g);
}

/**
 * The towns of a list (the slots of their names): not the country in brackets after one ("Obuchiw (UKR)"), nor a
 * person or region the list names; in a list parted by semicolons only the first name of each part
 * ("Austin, Texas; Tacoma, Washington; Reno, Nevada": Washington is Tacoma's state).
 */
function listedItems(list: string): [letter: string, index: string][] {
  const parts = list.includes(';') ? list.split(/;\s*(?:and )?/) : [list];
  return parts.flatMap((part) => {
    const items = matchAll(part, /(?<!\((?:the )?)⟨([CX])(\d+)⟩/g).map((c): [string, string] => [c[1]!, c[2]!]);
    return list.includes(';') ? items.slice(0, 1) : items;
  });
}

// "Kumasi became Charlotte's seventh Sister City 1995, following Wroclaw (1993), Limoges, France (1992), …": the
// owner's earlier partners, each with its year
const FOLLOWING = new RegExp(String.raw`⟨C(\d+)⟩['’]s (?:[\w-]+ )?(?:sister|twin|friendship|partner) (?:city|town)(?: (?:in )?(?:⟨D\d+⟩|(?:1[89]|20)\d\d))?, following ((?:(?:and )?${LIST_ITEM}[,;]? )*(?:and )?${LIST_ITEM})`, 'gi');

const LIST_TWINNED_WITH = /((?:(?:, |,? and )?⟨C\d+⟩(?: in (?:the )?⟨N\d+⟩| \(⟨N\d+⟩\)|, ⟨N\d+⟩)?){2,}) (?:are|were) (?:the |its |their )?(?:[\w-]+ ){0,2}(?:cities|towns) (?:twinned|paired|partnered) with ⟨C(\d+)⟩/g;

// "A and B became / are / were declared / have been sister cities" (a country's possessive or "the Uzbek city of"
// before either name, its country after it)
const PAIR_END = String.raw`(?:⟨N\d+⟩['’]s? )?(?:(?:the )?(?:[\w-]+ |⟨[NX]\d+⟩ )?(?:city|town) of )?⟨([CXN])(\d+)⟩(?:,? ⟨N\d+⟩)?`;
const COPULA_PAIR = new RegExp(
  String.raw`(?<!⟨[CXN]\d+⟩,? )${PAIR_END},? (?:and|&) ${PAIR_END} (?:(?:have|has|had|will|officially|formally|also|now|to) )*` +
    String.raw`(?:became|become|becomes|are|were|be|been|were declared|were named|were proclaimed)(?: officially| formally| now| declared| named)?(?: as)? (?:the )?(?:sister|twin|twinned|friendship|partner)[- ](?:cities|towns|municipalities)\b`,
  'gi',
);

/** A town at a slot of a pair: a known or unknown town's name ("Shimizu"), or a province named after its town ("Chiang Mai"). */
function pairedTownAt(a: Article, s: AnalyzedSentence, letter: string, index: string): string | null {
  const j = Number(index);
  const m = s.mentions[j]!;
  if (letter === 'C' && !s.refs[j]) return a.municipality(m.name, s.index);
  if (letter !== 'N') return townAt(a, s, letter, index);
  const p = place(m.name);
  if (p.reading === 'country' || !p.cities.length) return null;
  const town = a.municipality(m.name, s.index);
  s.refs[j] = town;
  m.kind = 'City';
  return town;
}

const VISIT_SISTER = /\b(?:sister|twin|friendship|partner)[- ](?:city|cities|town|towns) (?:visit|trip|tour) to (?:the city of )?⟨C(\d+)⟩(?!['’])|\b(?:visit|visits|visited|visiting|tour|tours|toured|touring)\s+(?:its |his |her |their |our )?(?:[\w-]+ |⟨N\d+⟩ )?(?:sister|twin|friendship|partner)[- ](?:city|town),? ⟨C(\d+)⟩(?!['’])/gi;

// "sister city ties with", "established friendship-city relations with", "twinning agreements of X with"
// "signed sisterhood/friendship/twinning agreements with A and B": a plural agreement noun lists partners
const TIES_WITH = /\b(?:(?:sister|twin|friendship|friendly|partner)[- ](?:city|cities|town|towns) (?:ties|relations|relationships|links|agreements|pacts|accords|charters)|(?:twinning|sisterhood|friendship|partnership) (?:charters|agreements|pacts|accords|links|ties))(?: of ⟨C(\d+)⟩)? with /gi;

// One partner of a list: "Japan's A", "A Town", "the Japanese town of A", "A in the U.S. state of B", "A (Japan)", "A, Japan,"
const LISTED_TOWN = /(?:(?:, |,? and |, and )?)(?:⟨N\d+⟩['’]s )?(?:the (?:⟨N\d+⟩ )?(?:city|town) of )?⟨([CX])(\d+)⟩(?: in (?:the )?(?:⟨N\d+⟩ )?(?:(?:state|province|prefecture|county|region) of )?(?:the )?⟨[NCVX]\d+⟩(?: of (?:the )?⟨[NCVX]\d+⟩)?| \(⟨N\d+⟩\)|, ⟨N\d+⟩(?=,| and))?/y;

/** The towns of a list starting at `from`, a name the gazetteer lacks made a town of its own. */
function listedTowns(a: Article, s: AnalyzedSentence, from: number): string[] {
  const out: string[] = [];
  LISTED_TOWN.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = LISTED_TOWN.exec(s.template))) {
    // "… with A and B, and Lyon, France, has twinned with …": a town with its own verb starts the next clause
    if (out.length && /^,? (?:has|have|had|is|are|was|were|will)\b/.test(s.template.slice(LISTED_TOWN.lastIndex))) break;
    const id = townAt(a, s, m[1]!, m[2]!);
    if (id) out.push(id);
    if (LISTED_TOWN.lastIndex >= s.template.length) break;
  }
  return out;
}

/** A town of the article by its name, or by its name's last word ("Anniversary Tsuyama"). */
function townNamed(a: Article, name: string): string | null {
  const id = a.cityByName(name) ?? (name.includes(' ') ? a.cityByName(name.split(' ').pop()!) : null);
  return id && a.label(id) === 'City' ? id : null;
}

/** The city at a ⟨C⟩ or ⟨X⟩ slot of a sister-city phrase: an unknown one- to three-word name there is a town. */
export function townAt(a: Article, s: AnalyzedSentence, letter: string, index: string): string | null {
  const j = Number(index);
  const id = s.refs[j];
  if (letter === 'C' || id) return id ?? null;
  const m = s.mentions[j]!;
  if (m.kind !== 'Unknown' || m.words > 3 || !/^\p{Lu}[\p{L}'’-]+\.?(?: \p{Lu}[\p{L}'’-]+){0,2}$/u.test(m.name)) return null;
  // "Nienburg Germany": the town, its country written after it without a comma
  const last = m.name.lastIndexOf(' ');
  const name = last > 0 && place(m.name.slice(last + 1)).reading === 'country' ? m.name.slice(0, last) : m.name;
  const town = a.municipality(name, s.index);
  s.refs[j] = town;
  m.kind = 'City';
  return town;
}

/** The city of the clause's first actor before `at` (a person's through their position), else the article's. */
export function ownerCity(a: Article, s: AnalyzedSentence, at: number): string | null {
  const start = FRONTED_CLAUSE.exec(s.template.slice(0, at))?.[0].length ?? 0;
  for (const m of matchAll(s.template.slice(start, at), /⟨([PCOGM])(\d+)⟩/g)) {
    const id = s.refs[Number(m[2])];
    if (!id) continue;
    if (m[1] === 'P') {
      const held = a.positionsOf(id).map((f) => a.cityOf(f.to)).find(Boolean);
      if (held) return held;
      continue;
    }
    const c = a.cityOf(id);
    if (c) return c;
  }
  return a.homeCity;
}

/** The first city named after `from` (the subject of a main clause after a fronted one). */
function firstCityAfter(s: AnalyzedSentence, from: number): string | null {
  const m = /⟨C(\d+)⟩/.exec(s.template.slice(from));
  return m ? s.refs[Number(m[1])] ?? null : null;
}

/** A fronted adverbial clause ("Since signing a pact with X in 1976, …") names no subject. */
const FRONTED_CLAUSE = /^(?:since|after|following|before|when|while|having|upon)\b[^,]{0,200},\s*/i;

/** The city the sentence is about before `at`: a city subject, or the city of an organisation subject. */
export function subjectCity(a: Article, s: AnalyzedSentence, at: number): string | null {
  const fronted = FRONTED_CLAUSE.exec(s.template.slice(0, at))?.[0].length ?? 0;
  for (const m of matchAll(s.template.slice(fronted, at), /⟨([COGM])(\d+)⟩/g)) {
    const id = s.refs[Number(m[2])];
    const c = a.cityOf(id);
    if (c) return c;
  }
  return null;
}

/** "the two cities have been twinned", "both towns became partner cities" (no town named) */
const TWO_CITIES = /\b(?:the|our|these|both|the two|our two) (?:two )?(?:cities|towns|communities|municipalities)\b(?! of\b)/i;

/** The two towns named last before sentence `s` (up to three sentences back, the title aside): a town of the sentence counts first. */
function contextPair(a: Article, s: AnalyzedSentence): [string, string] | null {
  const seen: string[] = [];
  const add = (id: string | null | undefined) => {
    if (id && a.label(id) === 'City' && !seen.includes(id)) seen.push(id);
  };
  for (let i = s.index; i >= Math.max(0, s.index - 3) && seen.length < 2; i--) {
    const x = a.sentences[i];
    if (!x || x.paragraph < 0) break;
    // the sentence's own towns first, then each earlier sentence's, the last named first
    const ids: (string | null)[] = [];
    for (const m of matchAll(x.template, /⟨([CP])(\d+)⟩/g)) {
      const id = x.refs[Number(m[2])];
      if (!id) continue;
      ids.push(m[1] === 'C' ? id : a.positionsOf(id).map((f) => a.cityOf(f.to)).find(Boolean) ?? null);
    }
    for (const id of ids.reverse()) add(id);
  }
  return seen.length === 2 ? [seen[0]!, seen[1]!] : null;
}

/** "Mildura Rural City", "Takachiho Town", "Nagaizumi-cho": a known town's name with a municipal word is that town. */
const MUNICIPAL = /^(\p{Lu}[\p{L}'’-]+?(?: \p{Lu}[\p{L}'’-]+)??)(?: (?:Rural City|City|Town|Municipality|Shire|District|Township|Borough)|(-(?:cho|machi|mura)))$/u;

/**
 * In a sentence about twinning, a place typed as a venue for its last word ("Long Beach", "Montego Bay") is the
 * town of that name when the gazetteer knows a town of 50,000 or more by it (a "White House" town is smaller).
 */
function venueTowns(a: Article, s: AnalyzedSentence): void {
  for (const [j, m] of s.mentions.entries()) {
    if (m.kind !== 'Venue' || s.refs[j] && a.label(s.refs[j]) === 'City') continue;
    const p = place(m.name);
    if (p.reading !== 'city' || (p.cities[0]?.population ?? 0) < 50_000) continue;
    s.refs[j] = a.municipality(m.name, s.index);
    m.kind = 'City';
    s.template = s.template.replace(`⟨V${j}⟩`, `⟨C${j}⟩`);
  }
}

function municipalNames(a: Article, s: AnalyzedSentence): void {
  for (const [j, m] of s.mentions.entries()) {
    if (m.kind !== 'Unknown' || s.refs[j]) continue;
    const mm = MUNICIPAL.exec(m.name);
    const stem = mm?.[1];
    if (!stem) continue;
    // a Japanese town suffix ("-cho") names a town by itself; a word like "City" only after a known town
    if (!mm[2] && !a.cityByName(stem) && !place(stem).cities.length) continue;
    s.refs[j] = a.municipality(m.name, s.index);
    m.kind = 'City';
    s.template = s.template.replace(`⟨X${j}⟩`, `⟨C${j}⟩`);
  }
}
