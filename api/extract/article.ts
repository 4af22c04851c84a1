// One article under analysis: its sentences with their mentions, a compact template of each sentence
// (mentions replaced by placeholders such as ⟨P0⟩ for the patterns to read), the entities the mentions
// stand for (resolved within the article: "Mayor Lyu" and "Zhuang" point at full names stated
// elsewhere, "the Society" at the one society named) and the facts found, each with its sentences.
import { canonicalEnds, relationshipKey } from '../graph/identity.ts';
import type { EntityLabel } from '../graph/model.ts';
import type { Properties, RelationshipType } from '../graph/schema.ts';
import { BoundedCache } from './bounded-cache.ts';
import { findDates } from './dates.ts';
import { countryCode, isCommonWord, type CityEntry } from './gazetteer.ts';
import { findMentions, labelByHead, place, type Mention, type MentionKind } from './mentions.ts';
import { singular } from './inflection.ts';
import { fold, looksLikePersonName, NOT_NAME_WORDS, personKey, personWords, singleSpace, TITLE_RANK, withoutLeadingTitles } from './names.ts';
import { cityId, initials, orgId, orgKey, personId } from './resolve.ts';
import type { AnalyzedSentence } from './analyzed.ts';
import { PEOPLE_RULES, type PeopleContext } from './people-rules.ts';
import { TOWN_RULES, type TownContext } from './town-rules.ts';
import { allMatches, runSentenceRules } from './rules/engine.ts';
import { splitSentences } from './sentences.ts';
import { readSentence, respaced } from './sentence-reading.ts';
import { matchAll } from './match-all.ts';

export type { AnalyzedSentence } from './analyzed.ts';
export type Label = EntityLabel;

export interface Entity {
  id: string;
  label: Label;
  name: string;
  aliases: Set<string>;
  props: Properties;
  /** Person: lower-cased words of the name */
  words?: string[];
  /** organisations: the city named in the name */
  cityInName?: string;
  /** sentence of the first mention */
  first: number;
  mentions: number;
}

export interface Fact {
  type: RelationshipType;
  from: string;
  to: string;
  props: Properties;
  evidence: Set<number>;
  /** names of the rules that stated or derived it (for the rules report) */
  rules?: Set<string>;
  /** the relation pass that first stated it (a feature of the learned decisions) */
  stage?: string;
}


export interface ArticleInput {
  title: string;
  body: string;
  publishedAt: string | null;
  publisher: string | null;
  url: string | null;
}

const LETTER: Record<MentionKind, string> = {
  Person: 'P', Office: 'O', Company: 'M', Organization: 'G', City: 'C', Event: 'E', Title: 'T', Place: 'N',
  Venue: 'V', Unknown: 'X', Date: 'D',
};

// Headline verbs are capitalised in title case; lower-case them so they do not join the names around them.
const HEADLINE_WORDS = /\b(Successfully|Held|Holds?|Opens?|Opened|Kicks?|Off|Concludes?|Concluded|Closes?|Closed|Launch(?:es|ed)?|Begins?|Began|Ends?|Ended|Signs?|Signed|Visits?|Visited|Visiting|Meets?|Met|Hosts?|Hosted|Welcomes?|Welcomed|Attends?|Attended|Deepens?|Strengthens?|Boosts?|Makes?|Leads?|Led|Marks?|Celebrates?|Renews?|Inks?|Receives?|Received|To|With|In|On|At|For|And|From|Of|A|An|The|Is|Are|Was|Were|Successful|New|Group)\b/g;

const TITLE_THEN_NAME = /⟨T\d+⟩ ⟨[XNC](\d+)⟩/g;
// "a visit by Ann Lee as Mayor of Nelson", "the delegation led by Ali Reza as the Consul General"
const AS_TITLE = /⟨X(\d+)⟩,? as (?:the |a |an )?(?:new |first |former |acting )?⟨T\d+⟩/g;
// "the mayors of Toyama and Durango, Hiroshi Mori and Jorge Salum"
const PLURAL_OF_A = /\b(?:mayors|governors|chairmen|chairwomen|presidents|deputy mayors|vice mayors) of (?:the )?⟨[COG]\d+⟩ and (?:the )?⟨[COG]\d+⟩, ⟨X(\d+)⟩ and ⟨[XP]\d+⟩/g;
const PLURAL_OF_B = /\b(?:mayors|governors|chairmen|chairwomen|presidents|deputy mayors|vice mayors) of (?:the )?⟨[COG]\d+⟩ and (?:the )?⟨[COG]\d+⟩, ⟨[XP]\d+⟩ and ⟨X(\d+)⟩/g;


function titleSentence(title: string): string {
  const words = title.split(/\s+/).filter(Boolean);
  const capitalised = words.filter((w) => /^[\p{Lu}"“(]/u.test(w)).length;
  if (words.length < 4 || capitalised / words.length < 0.6) return title;
  let first = true;
  return title.replace(HEADLINE_WORDS, (w) => {
    if (first) {
      first = false;
      if (title.startsWith(w)) return w;
    }
    return w.toLowerCase();
  });
}

export class Article {
  readonly sentences: AnalyzedSentence[] = [];
  readonly entities = new Map<string, Entity>();
  readonly facts = new Map<string, Fact>();
  /** ISO countries named or implied in the article, with counts */
  readonly countries = new Map<string, number>();
  readonly compoundCities = new Set<string>();
  homeCity: string | null = null;
  /** Names the article gives as prefectures or provinces ("Okinawa Prefecture"): never a city of the article */
  private readonly regionNames = new Set<string>();
  // indexes, so that long articles with thousands of names stay linear
  private readonly personByKey = new Map<string, string>();
  private readonly personsByWord = new Map<string, Set<string>>();
  private readonly orgByKey = new Map<string, string>();
  private readonly cityByKey = new Map<string, string>();
  private readonly eventsByFirst = new Map<number, string[]>();
  private readonly factsByType = new Map<RelationshipType, Fact[]>();
  private readonly locatedIn = new Map<string, string>();
  private readonly positionsByPerson = new Map<string, Fact[]>();
  private firstRefs: Map<string, number> | null = null;
  /** Person id -> explicit positions (org/city ids) */
  readonly input: ArticleInput;
  /** entities a rule kept as data made (a person its context typed, a happening a headline told): the rules report credits it */
  readonly introducedBy = new Map<string, string>();

  constructor(input: ArticleInput) {
    this.input = input;
    this.analyse();
  }

  // ------------------------------------------------------------ building

  private analyse(): void {
    const { title, body, publishedAt } = this.input;
    // `stated` is the sentence as the article prints it (evidence); `text` is what the readers analyse.
    const texts: { text: string; stated?: string; paragraph: number }[] = [];
    if (title.trim()) texts.push({ text: titleSentence(title.trim()), stated: title.trim(), paragraph: -1 });
    for (const s of splitSentences(body)) {
      // a sentence repeating the title (pages often print it twice) adds nothing
      if (s.index < 3 && title && fold(s.text) === fold(title)) continue;
      texts.push({ text: s.text, paragraph: s.paragraph });
    }
    const compound = /(\p{Lu}[\p{L}'’-]+) (?:&|and) (\p{Lu}[\p{L}'’-]+) (?:City|Borough|District) Council(?!s)/gu;
    for (const t of texts) {
      if (!t.text.includes(' Council')) continue;
      // "Daejeon Metropolitan City, Korea and Brisbane City Council" joins no country to a town
      for (const m of matchAll(t.text, compound)) if (!countryCode(m[1]!)) this.compoundCities.add(`${m[1]} and ${m[2]}`.toLowerCase());
    }
    for (const t of texts) {
      const text = spaceBeforeParenthesis(t.text.length > 2000 ? t.text.slice(0, 2000) : t.text);
      const reading = readSentence(text);
      let mentions = findMentions(text, { compoundCities: this.compoundCities }, reading.tokens);
      const dates = findDates(text, publishedAt);
      if (dates.length) {
        mentions = mentions.filter((m) => !dates.some((d) => m.start < d.end && d.start < m.end));
        for (const d of dates) mentions.push({ kind: 'Date', text: d.text, name: d.text, start: d.start, end: d.end, date: d.date, words: 1 });
        mentions.sort((a, b) => a.start - b.start);
      }
      const stated = t.stated === undefined ? text : spaceBeforeParenthesis(t.stated.length > 2000 ? t.stated.slice(0, 2000) : t.stated);
      const s: AnalyzedSentence = { index: this.sentences.length, paragraph: t.paragraph, text, stated, mentions, refs: mentions.map(() => null), template: '', plainSpacing: reading.plainSpacing };
      s.template = template(s);
      this.sentences.push(s);
    }
    this.typeByContext();
    this.register();
  }

  /** Unknown phrases typed by the words around them ("X, Mayor of …", "X said", "councilors A, B and C"). */
  private typeByContext(): void {
    const personContexts: RegExp[] = [
      /⟨[XNCV](\d+)⟩, (?:the |a |an )?(?:former |then |acting |first |new |current |newly[- ]elected |newly[- ]appointed |recently elected |re-elected |incoming |outgoing )?⟨T\d+⟩ (?:of|at|for)\b/g,
      PLURAL_OF_A,
      PLURAL_OF_B,
      /⟨X(\d+)⟩, (?:the |a |an |its |their )?(?:former |then |acting )?⟨T\d+⟩/g,
      /⟨X(\d+)⟩, who\b/g,
      AS_TITLE,
      /⟨X(\d+)⟩ \((?:the )?⟨T\d+⟩/g,
      /⟨X(\d+)⟩ (?:also |further |then |has |had |once )?(?:said|says|stated|states|noted|notes|added|adds|told|remarked|expressed|hoped|hopes|thanked|praised|briefed|introduced|welcomed|pointed|spoke|delivered|emphasized|emphasised|stressed|explained|recalled|signed|invited|agreed|believes|believed)\b/g,
      /⟨T\d+⟩ to (?:the )?⟨N\d+⟩ ⟨X(\d+)⟩/g,
      /⟨T\d+⟩ (?:of|at) (?:the )?⟨[OMGC]\d+⟩(?:, ⟨N\d+⟩)*, (?:the )?⟨X(\d+)⟩/g,
      // "Fano's Mayor, Massimo Seri": a possessive place's title, then the name in apposition
      /⟨[OMGC]\d+⟩(?:['’]s?)? ⟨T\d+⟩, (?:Mr\.? |Ms\.? |Mrs\.? |Dr\.? )?⟨X(\d+)⟩(?=[,.;:]| and\b|$)/g,
      TITLE_THEN_NAME,
      /\b(?:Mr|Mrs|Ms|Dr|Madam|Madame)\.? ⟨X(\d+)⟩/g,
      /\b(?:counterpart|equivalent|predecessor|successor)s? ⟨[XNC](\d+)⟩/g,
      // "St Norbert College student Bryce Hellmrich", "council staff Ann Lee": a role noun of a body, then the name
      /⟨[OMGC]\d+⟩ (?:student|teacher|pupil|interpreter|translator|volunteer|staff|staffer|employee|official|resident|artist|chef|coach|player) ⟨X(\d+)⟩/g,
      // "local artist Peter Brown"
      /\b(?:artist|photographer|musician|painter|sculptor|businessman|businesswoman|entrepreneur) ⟨X(\d+)⟩/g,
      // "said mayoral aide Joe Spencer", "council spokeswoman Ann Lee"
      /\b(?:aide|spokes(?:person|man|woman)|adviser|advisor|assistant|interpreter|translator) ⟨X(\d+)⟩/g,
    ];
    // "Mr Katsunori Suzuki and Natsumi Fuijita": a two-word name coordinated with a person is one too
    const coordinated = /⟨P\d+⟩,? and ⟨X(\d+)⟩|⟨X(\d+)⟩,? and ⟨P\d+⟩/g;
    // towns first: a name the town rules place is no longer a candidate for a person
    // both rule families only ever type an unknown name (⟨X⟩): other sentences are skipped
    const withUnknown = this.sentences.filter((s) => s.template.includes('⟨X'));
    const towns: TownContext = { toCity: new Map() };
    runSentenceRules(towns, withUnknown, TOWN_RULES);
    for (const [index, marked] of towns.toCity) {
      const s = this.sentences[index]!;
      for (const [j, rule] of marked) Object.assign(s.mentions[j]!, { kind: 'City', placeKind: 'stated', typedBy: rule });
      s.template = template(s);
    }
    const people: PeopleContext = { toPerson: new Map() };
    runSentenceRules(people, withUnknown.filter((s) => s.template.includes('⟨X')), PEOPLE_RULES);
    for (const s of this.sentences) {
      if (!/⟨[XNT]/.test(s.template)) continue;
      const byRule = people.toPerson.get(s.index);
      const toPerson = new Set<number>(byRule?.keys());
      for (const re of personContexts) {
        if (re.source.startsWith('⟨X') && !s.template.includes('⟨X')) continue;
        if (re === AS_TITLE && !s.template.includes(' as ') || (re === PLURAL_OF_A || re === PLURAL_OF_B) && !s.template.includes('s of ⟨')) continue;
        // a single word after a bare title is rarely a name on its own ("the Mayor's Parlour")
        for (const m of allMatches(re, s.template)) if ((re !== TITLE_THEN_NAME || s.mentions[Number(m[1])]!.words >= 2) && !titleComplement(s.template, Number(m[1]))) toPerson.add(Number(m[1]));
      }
      for (const m of matchAll(s.template, coordinated)) {
        const j = Number(m[1] ?? m[2]);
        if (s.mentions[j]!.words === 2) toPerson.add(j);
      }
      // "…, Lily Mei and Raj Salwan": a name coordinated with one the contexts just typed
      if (toPerson.size && s.template.includes(' and ⟨X')) for (const m of matchAll(s.template, /⟨X(\d+)⟩,? and ⟨X(\d+)⟩/g)) {
        const [i, j] = [Number(m[1]), Number(m[2])];
        if (toPerson.has(i) && s.mentions[j]!.words === 2) toPerson.add(j);
        else if (toPerson.has(j) && s.mentions[i]!.words === 2) toPerson.add(i);
      }
      // a list after a plural title: "councilors A, B, C and D"
      for (const m of matchAll(s.template, /⟨T(\d+)⟩ ((?:⟨X\d+⟩,? )+(?:and )?⟨X\d+⟩)/g)) {
        if (!s.mentions[Number(m[1])]!.plural) continue;
        for (const x of matchAll(m[2]!, /⟨X(\d+)⟩/g)) toPerson.add(Number(x[1]));
      }
      // "A and B, Chair and Secretary of …, respectively"
      for (const m of matchAll(s.template, /⟨[XP](\d+)⟩ and ⟨[XP](\d+)⟩, ⟨T\d+⟩ and ⟨T\d+⟩/g)) {
        toPerson.add(Number(m[1]));
        toPerson.add(Number(m[2]));
      }
      // organisations without a head noun: "local companies, A and B"; an unheaded name listed among organisations
      const toCompany = new Set<number>();
      // "the head office of Baidu company"
      for (const m of matchAll(s.template, /⟨X(\d+)⟩ (?:company|corporation|firm)\b/g)) toCompany.add(Number(m[1]));
      // "major companies such as Oracle, IBM, CISCO and Convergys": towns and acronyms of the list too
      const listed = new Set<number>();
      if (/compan/i.test(s.template)) for (const m of matchAll(s.template, /\bcompan(?:y|ies)(?:,|:| such as| including| like| namely)? ((?:⟨[XMGOC]\d+⟩(?:,? (?:and |or )?)?)+)/gi)) {
        for (const x of matchAll(m[1]!, /⟨([XC])(\d+)⟩/g)) {
          toCompany.add(Number(x[2]));
          listed.add(Number(x[2]));
        }
      }
      if (s.template.includes('⟨X') && /⟨[OMG]/.test(s.template)) for (const m of matchAll(s.template, /(?:⟨[OMGX]\d+⟩,? (?:and |or )?)+⟨[OMGX]\d+⟩/g)) {
        if (!/⟨[OMG]/.test(m[0])) continue;
        for (const x of matchAll(m[0], /⟨X(\d+)⟩/g)) {
          const mm = s.mentions[Number(x[1])]!;
          if (mm.words >= 2 && mm.words <= 5 && !toPerson.has(Number(x[1])) && !nameShaped(mm.name)) toCompany.add(Number(x[1]));
        }
      }
      let changed = false;
      // "with the Friends of Alzey group"
      for (const m of matchAll(s.template, /⟨X(\d+)⟩ (?:group|society|club|choir)\b/g)) {
        const mm = s.mentions[Number(m[1])]!;
        if (mm.kind !== 'Unknown' || mm.words < 2) continue;
        mm.kind = 'Organization';
        changed = true;
      }
      for (const j of toCompany) {
        const m = s.mentions[j];
        if (!m || !(m.kind === 'Unknown' || m.kind === 'City' && listed.has(j)) || /^\p{Lu}+$/u.test(m.name) && !listed.has(j)) continue;
        m.kind = 'Company';
        changed = true;
      }
      for (const j of toPerson) {
        const m = s.mentions[j];
        if (!m || m.words > 5 || !looksLikePersonName(m.name)) continue;
        // a "region" or "town" of several words in a person's slot is a name the gazetteer happens to know ("Mori Ken", "Anna Berg")
        const placeLike = m.kind === 'Place' && m.placeKind === 'region' || m.kind === 'City' && !/\b(city|town)$/i.test(m.name) || m.kind === 'Venue' && m.words <= 3;
        if (m.kind !== 'Unknown' && !(placeLike && m.words >= 2)) continue;
        m.kind = 'Person';
        m.name = withoutLeadingTitles(m.name);
        m.typedBy = byRule?.get(j);
        // a lower-case title right before the name is the person's: "outgoing mayor Lindsay Millar"
        const prev = s.mentions[j - 1];
        if (prev?.kind === 'Title' && !prev.plural && s.text.slice(prev.end, m.start).trim() === '') {
          m.title = prev.title;
          m.former = /\b(former|outgoing|then)\s+$/i.test(s.text.slice(Math.max(0, prev.start - 10), prev.start));
        }
        changed = true;
      }
      if (changed) s.template = template(s);
    }
  }

  /** Creates the entities of the article and points every mention at one. */
  private register(): void {
    // 1. full person names, organisations, events named by a head noun
    for (const s of this.sentences) {
      s.mentions.forEach((m, j) => {
        if (m.kind === 'Person' && personWords(m.name).length >= 2) {
          s.refs[j] = this.addPerson(m.name, s.index, m.text);
          if (m.typedBy && !this.introducedBy.has(s.refs[j]!)) this.introducedBy.set(s.refs[j]!, m.typedBy);
        }
        else if ((m.kind === 'Office' || m.kind === 'Company' || m.kind === 'Organization') && !isBareHead(m.name)) {
          s.refs[j] = this.addOrg(m.kind, m.name, s.index);
        }
      });
    }
    // 2. acronyms and parenthesised alternative names
    for (const s of this.sentences) {
      for (const pm of matchAll(s.template, /⟨([OMG])(\d+)⟩ \(⟨([OMGX])(\d+)⟩\)/g)) {
        const outer = s.refs[Number(pm[2])];
        const inner = s.mentions[Number(pm[4])]!;
        if (outer && inner.kind !== 'Person') {
          this.addOrgAlias(outer, inner.name);
          if (s.refs[Number(pm[4])] && s.refs[Number(pm[4])] !== outer) this.mergeEntity(s.refs[Number(pm[4])]!, outer);
          s.refs[Number(pm[4])] = outer;
        }
      }
    }
    this.townsOfCouncils();
    this.prefecturesNotCities();
    // 3. cities (after the countries they may be qualified with)
    for (const s of this.sentences) {
      for (const m of s.mentions) {
        if (m.kind === 'Place' && m.country) this.countries.set(m.country, (this.countries.get(m.country) ?? 0) + 1);
      }
    }
    // names the gazetteer knows once come first, so that a name shared by several cities ("Hamilton") is read beside them
    const unique = (m: Mention) => place(m.name.replace(/^(the )?city of /i, '')).cities.length <= 1;
    for (const firstPass of [true, false]) {
      for (const s of this.sentences) {
        s.mentions.forEach((m, j) => {
          if (m.kind !== 'City' || s.refs[j] || unique(m) !== firstPass) return;
          s.refs[j] = this.addCity(m, s, j);
          if (m.typedBy && s.refs[j] && !this.introducedBy.has(s.refs[j]!)) this.introducedBy.set(s.refs[j]!, m.typedBy);
        });
      }
    }
    // a city accepted once is that city wherever else it is named
    for (const s of this.sentences) {
      s.mentions.forEach((m, j) => {
        if (m.kind !== 'City' || s.refs[j]) return;
        const id = this.cityByName(m.name.replace(/^(the )?city of /i, ''));
        if (!id) return;
        s.refs[j] = id;
        this.entities.get(id)!.mentions++;
      });
    }
    // 4. short references: single names, titled surnames, acronyms, "the Society"
    for (const s of this.sentences) {
      const before = s.mentions.map((m) => m.kind);
      s.mentions.forEach((m, j) => {
        if (s.refs[j]) return;
        if (m.kind === 'Person' || m.kind === 'Unknown' || m.kind === 'Place' && m.placeKind !== 'demonym' || m.kind === 'City' && m.words === 1) {
          const p = this.findPerson(m.name, m.title);
          if (p) {
            s.refs[j] = p;
            if (m.kind !== 'Person') m.kind = 'Person';
            if (m.text !== this.entities.get(p)!.name && m.kind === 'Person') this.entities.get(p)!.aliases.add(m.text.replace(/['’]s$/, ''));
            return;
          }
          if (m.kind === 'Person') {
            s.refs[j] = this.addPerson(m.name, s.index, m.text);
            return;
          }
        }
        if (m.kind === 'Unknown' || m.kind === 'Office' || m.kind === 'Organization' || m.kind === 'Company') {
          const org = this.findOrgReference(m);
          if (org) {
            s.refs[j] = org;
            const e = this.entities.get(org)!;
            m.kind = e.label as MentionKind;
          }
        }
      });
      if (s.mentions.some((m, j) => m.kind !== before[j])) s.template = template(s);
    }
    // cities named inside organisation names: "Shenyang Municipal Health Commission", "Consulate … in Belfast"
    for (const e of this.entities.values()) {
      if (e.label === 'Office' || e.label === 'Company' || e.label === 'Organization') e.cityInName = this.cityInName(e.name) ?? undefined;
    }
  }

  /** "Okinawa" in an article that calls it "Okinawa Prefecture" (and never "Okinawa City") is the prefecture. */
  private prefecturesNotCities(): void {
    const regions = new Set<string>();
    const cities = new Set<string>();
    for (const s of this.sentences) {
      for (const m of s.mentions) {
        if (m.kind !== 'City' && / Pr(?:efecture|ovince)/.test(m.name)) for (const r of matchAll(m.name, REGION_IN_NAME)) regions.add(fold(r[1]!));
        if (m.kind === 'City' && / City$/.test(m.name)) cities.add(fold(m.name.replace(/ City$/, '')));
      }
    }
    if (!regions.size) return;
    for (const r of regions) if (!cities.has(r)) this.regionNames.add(r);
    for (const s of this.sentences) {
      let changed = false;
      for (const m of s.mentions) {
        const key = fold(m.name);
        if (m.kind !== 'City' || !regions.has(key) || cities.has(key)) continue;
        Object.assign(m, { kind: 'Place', placeKind: 'region', country: place(m.name).country });
        changed = true;
      }
      if (changed) s.template = template(s);
    }
  }

  /** "Adachi" beside "Adachi City Council", "Central Highlands" beside "Central Highlands Regional Council": the council's town. */
  private townsOfCouncils(): void {
    const towns = new Set<string>();
    for (const e of this.entities.values()) {
      const m = e.label === 'Office' ? COUNCIL_OF_TOWN.exec(e.name) : null;
      if (m) towns.add(fold(m[1]!));
      if (m?.[2]) towns.add(fold(m[2]));
    }
    if (!towns.size) return;
    for (const s of this.sentences) {
      let changed = false;
      for (const m of s.mentions) {
        if (m.kind !== 'Unknown' && m.kind !== 'City' || m.possessive || !towns.has(fold(m.name))) continue;
        Object.assign(m, { kind: 'City', placeKind: 'stated' });
        changed = true;
      }
      if (changed) s.template = template(s);
    }
  }

  // ------------------------------------------------------------ entities

  addPerson(name: string, sentence: number, surface?: string): string {
    const clean = singleSpace(name.replace(/['’]s$/, '')).trim();
    const key = personKey(clean);
    const known = this.personByKey.get(key);
    const e0 = known ? this.entities.get(known) : undefined;
    if (e0) {
      if (surface && surface !== e0.name) e0.aliases.add(surface.replace(/['’]s$/, ''));
      // a name first met in an all-capitals headline takes the text's spelling
      if (isAllCaps(e0.name) && !isAllCaps(clean)) {
        e0.aliases.add(e0.name);
        e0.name = clean;
        e0.aliases.delete(clean);
      }
      if (clean !== e0.name) e0.aliases.add(clean);
      e0.mentions++;
      return e0.id;
    }
    // "Chase-Green" after "Patricia Chase-Green": a part of a name already stated
    const words = personWords(clean);
    const wider = [...(this.personsByWord.get(words[0]!) ?? [])].map((id) => this.entities.get(id)!).filter((e) => e && e.words && e.words.length > words.length && words.every((w) => e.words!.includes(w)));
    if (wider.length === 1) {
      wider[0]!.aliases.add(clean);
      wider[0]!.mentions++;
      return wider[0]!.id;
    }
    const id = personId(clean);
    const e: Entity = { id, label: 'Person', name: clean, aliases: new Set(), props: {}, words: personWords(clean), first: sentence, mentions: 1 };
    if (surface && surface !== clean) e.aliases.add(surface.replace(/['’]s$/, ''));
    this.entities.set(id, e);
    this.personByKey.set(key, id);
    for (const w of e.words!) {
      let set = this.personsByWord.get(w);
      if (!set) this.personsByWord.set(w, (set = new Set()));
      set.add(id);
    }
    return id;
  }

  addOrg(label: 'Office' | 'Company' | 'Organization', name: string, sentence: number): string {
    const clean = singleSpace(name.replace(/^(the|The)\s+/, '')).trim();
    const key = orgKey(clean);
    const known = this.orgByKey.get(`${label}|${key}`);
    const e0 = known ? this.entities.get(known) : undefined;
    if (e0) {
      if (clean !== e0.name) e0.aliases.add(clean);
      e0.mentions++;
      return e0.id;
    }
    const id = orgId(label, clean);
    const existing = this.entities.get(id);
    if (existing) return id;
    this.entities.set(id, { id, label, name: clean, aliases: new Set(), props: {}, first: sentence, mentions: 1 });
    this.orgByKey.set(`${label}|${key}`, id);
    return id;
  }

  /** Records another name of an organisation (a parenthesised alternative, an acronym). */
  addOrgAlias(id: string, alias: string): void {
    const e = this.entities.get(id);
    if (!e) return;
    e.aliases.add(alias);
    const k = `${e.label}|${orgKey(alias)}`;
    if (!this.orgByKey.has(k)) this.orgByKey.set(k, id);
  }

  addEvent(name: string, sentence: number, props: Properties): string {
    const clean = singleSpace(name).replace(/^(the|The)\s+/, '').trim();
    const key = fold(clean);
    for (const e of this.events()) {
      if (fold(e.name) === key || [...e.aliases].some((a) => fold(a) === key)) {
        for (const [k, v] of Object.entries(props)) if (e.props[k] == null && v != null) e.props[k] = v;
        return e.id;
      }
    }
    let id = `event:${this.sentences.length}:${this.entities.size}`;
    while (this.entities.has(id)) id += '+';
    this.entities.set(id, { id, label: 'Event', name: clean, aliases: new Set(), props: { ...props }, first: sentence, mentions: 1 });
    const list = this.eventsByFirst.get(sentence) ?? [];
    list.push(id);
    this.eventsByFirst.set(sentence, list);
    return id;
  }

  /** The article's events, in the order they were found. */
  events(): Entity[] {
    const out: Entity[] = [];
    for (const ids of this.eventsByFirst.values()) for (const id of ids) {
      const e = this.entities.get(id);
      if (e) out.push(e);
    }
    return out;
  }

  /** Events first named in a sentence. */
  eventsFirstIn(sentence: number): Entity[] {
    return (this.eventsByFirst.get(sentence) ?? []).map((id) => this.entities.get(id)!).filter(Boolean);
  }

  private addCity(m: Mention, s: AnalyzedSentence, j: number): string | null {
    const name = m.name.replace(/^(the )?city of /i, '');
    const lowerName = name.toLowerCase().replace(/ & /g, ' and ');
    if (this.compoundCities.has(lowerName)) {
      const parts = lowerName.split(' and ');
      const first = place(parts[0]!).cities[0];
      const canonical = name.replace(/ & /g, ' and ');
      const id = cityId(canonical, first?.country ?? null);
      return this.putCity(id, canonical, name, s.index, first ? { country: first.country, lat: first.lat, lon: first.lon } : {});
    }
    const p = place(name);
    let cities = p.cities;
    // a town the text itself calls one ("Yonaguni Town", "the Japanese town of Takachiho") needs no gazetteer entry
    if (!cities.length) return m.placeKind === 'stated' ? this.municipality(name, s.index) : null;
    // a surname already known as a person's ("Han briefed them") is the person
    if (m.words === 1 && this.findPerson(name)) return null;
    // "Salon" after "Salon-de-Provence": the town named in short
    if (m.words === 1) {
      const long = [...this.entities.values()].find((e) => e.label === 'City' && e.name.startsWith(`${name}-`));
      if (long) return this.putCity(long.id, long.name, m.text, s.index, {});
    }
    // "at the Guildhall": a town's name takes no article, unless the article is part of it ("The Hague")
    if (m.words === 1 && m.placeKind !== 'stated' && /\bthe\s+$/i.test(s.text.slice(Math.max(0, m.start - 4), m.start)) && !cities.some((c) => /^the /i.test(c.name))) return null;
    // a single common word that is also a small town ("Street", "Council") needs a city context
    if (m.words === 1 && !/city$/i.test(m.name) && m.placeKind !== 'stated') {
      const before = s.text.slice(Math.max(0, m.start - 30), m.start);
      const after = s.text.slice(m.end, m.end + 25);
      const context = /(\b(in|to|from|of|visit(?:ed|s|ing)?|between|and|with|city|cities|town|twin|sister|friendship|as|at|toward|towards|reached|left|arrived)\s+(the\s+)?$|[,—–-]\s*$)/i.test(before) || /^\s*(,|\(|city|and|—|–|\s-)/i.test(after) || m.start === 0 && /^[A-Z\s]+$/.test(m.text);
      const big = cities[0]!.population >= 100_000 || /^PPL(C|A)$/.test(cities[0]!.featureCode);
      // a headline capitalises every word: "… Urban Safety and Economy" names no town Economy
      if (s.paragraph === -1 && !big) return null;
      if (!context && !big) return null;
      if (m.placeKind === 'ambiguous' && !context && !/city/i.test(after.slice(0, 6))) return null;
    }
    // context decides between same-named cities: a country right after the name, else the article's countries
    const after = s.text.slice(m.end, m.end + 40);
    const next = s.mentions[j + 1];
    let country: string | null = null;
    if (next && next.kind === 'Place' && next.country && /^\s*(,|\(|in\b)\s*(the\s+)?$/i.test(s.text.slice(m.end, next.start))) country = next.country;
    if (!country && /^\s*,\s*(\p{Lu}[\p{L}.]+)/u.test(after)) country = null;
    // a town named again without its country is the one the article already placed ("Toluca, Mexico … Toluca")
    const placed = country ? null : this.cityByName(name);
    if (placed && this.entities.get(placed)?.label === 'City') return this.putCity(placed, name, m.text, s.index, {});
    const chosen = this.chooseCity(cities, country)!;
    cities = [chosen];
    this.countries.set(chosen.country, (this.countries.get(chosen.country) ?? 0) + 0.5);
    const canonical = /\s+City$/i.test(name) && !/\s+City$/.test(chosen.name) ? name.replace(/\s+City$/i, '') : name;
    const display = /^[A-Z\s.]+$/.test(canonical) ? chosen.name : canonical;
    const id = cityId(chosen.name, chosen.country);
    return this.putCity(id, display, m.text, s.index, { country: chosen.country, lat: chosen.lat, lon: chosen.lon });
  }

  private putCity(id: string, name: string, surface: string, sentence: number, props: Properties): string {
    const e = this.entities.get(id);
    if (e) {
      if (surface !== e.name && !/['’]s?$/.test(surface) && !/^[A-Z\s]+$/.test(surface)) e.aliases.add(surface);
      e.mentions++;
      this.indexCity(id, surface);
      return id;
    }
    const aliases = new Set<string>();
    if (surface !== name && !/['’]s?$/.test(surface) && !/^[A-Z\s]+$/.test(surface)) aliases.add(surface);
    this.entities.set(id, { id, label: 'City', name, aliases, props, first: sentence, mentions: 1 });
    this.indexCity(id, name);
    this.indexCity(id, surface);
    return id;
  }

  private indexCity(id: string, name: string): void {
    const k = cityKey(name);
    if (k && !this.cityByKey.has(k)) this.cityByKey.set(k, id);
  }

  private mergeEntity(from: string, into: string): void {
    const f = this.entities.get(from);
    const t = this.entities.get(into);
    if (!f || !t || f === t) return;
    t.aliases.add(f.name);
    for (const a of f.aliases) t.aliases.add(a);
    t.mentions += f.mentions;
    this.entities.delete(from);
    for (const s of this.sentences) s.refs = s.refs.map((r) => (r === from ? into : r));
  }

  /** A person already named in full whose name contains this short name ("Zhuang", "Mayor Kwon"). */
  findPerson(name: string, title?: string): string | null {
    const words = personWords(name);
    if (!words.length || words.length > 4) return null;
    const key = words.slice().sort().join(' ');
    let best: Entity | null = null;
    let bestScore = -1;
    for (const id of this.personsByWord.get(words[0]!) ?? []) {
      const e = this.entities.get(id);
      if (!e || !e.words) continue;
      const exact = e.words.slice().sort().join(' ') === key;
      const contains = words.every((w) => e.words!.includes(w)) && e.words.length > words.length;
      if (!exact && !contains) continue;
      let score = exact ? 10 : 1;
      if (title && e.props.__titles && String(e.props.__titles).split('|').includes(title)) score += 5;
      if (title && [...e.aliases].some((a) => a.toLowerCase().includes(title))) score += 5;
      // a surname is a name's first word (East Asian order) or its last
      if (!exact && (e.words[0] === words[0] || e.words[e.words.length - 1] === words[words.length - 1])) score += 1;
      if (score > bestScore) {
        best = e;
        bestScore = score;
      }
    }
    return best?.id ?? null;
  }

  /** "the Society", "the Council", "LCCC", "Shenyang FAO": an organisation already named. */
  private findOrgReference(m: Mention): string | null {
    const name = m.name.replace(/^(the|The)\s+/, '');
    const words = name.split(/\s+/);
    const acr = words[words.length - 1]!;
    const bare = words.length === 1 || words.length === 2 && /^(city|municipal|county|town)$/i.test(words[0]!);
    const orgs = /^\p{Lu}{2,}$/u.test(acr) || bare ? [...this.entities.values()].filter((e) => e.label === 'Office' || e.label === 'Company' || e.label === 'Organization') : [];
    // acronym, optionally after a city: "LCCC", "Shenyang FAO"
    if (/^\p{Lu}{2,}$/u.test(acr)) {
      const prefix = words.slice(0, -1).join(' ').toLowerCase();
      for (const o of orgs) {
        for (const n of [o.name, ...o.aliases]) {
          const lowerN = n.toLowerCase();
          if (prefix && !lowerN.startsWith(prefix)) continue;
          const rest = prefix ? n.slice(prefix.length).trim() : n;
          if (initials(rest) === acr || initials(n) === acr) {
            this.addOrgAlias(o.id, name);
            return o.id;
          }
        }
      }
    }
    // a bare head noun: "the Society", "the Council", "the Bureau"
    if (bare) {
      const head = words[words.length - 1]!.toLowerCase();
      const found = orgs.filter((o) => {
        const hw = o.name.replace(/\s+(of|for|in)\s.*$/, '').split(/\s+/);
        return hw[hw.length - 1]!.toLowerCase() === head;
      });
      if (found.length === 1) return found[0]!.id;
      if (found.length > 1) return found.sort((a, b) => b.mentions - a.mentions)[0]!.id;
    }
    if (m.kind !== 'Unknown') return null;
    const key = orgKey(name);
    for (const label of ['Office', 'Company', 'Organization']) {
      const id = this.orgByKey.get(`${label}|${key}`);
      if (id) return id;
    }
    return null;
  }

  /** The city an organisation's name places it in: "… in Shenyang" wins, else the first city word. */
  cityInName(name: string): string | null {
    const inCity = /\bin (?:the )?(?:city of )?(\p{Lu}[\p{L}'’-]*(?:[ -](?:&|and|\p{Lu}[\p{L}'’-]*))*)\s*$/u.exec(name);
    if (inCity) {
      const c = this.cityByName(inCity[1]!) ?? this.seatCity(inCity[1]!);
      if (c) return c;
    }
    // with no city in the article no word of the name can be one
    if (this.cityByKey.size) {
      for (const key of nameWordKeys(name)) {
        const c = key ? this.cityByKey.get(key) : undefined;
        if (c) return c;
      }
    }
    // public bodies are named after their city ("Kobe Port Bureau", "Dalian Municipal Government")
    const label = labelByHead(name);
    if (label === 'Office' || /^\p{Lu}[\p{L}-]+ (City|Municipal|Metropolitan|Prefectural)\b/u.test(name)) {
      const first = nameWords(name)[0]!;
      const p = place(first);
      const big = p.cities[0] && (p.cities[0].population >= 100_000 || /^PPL(C|A)$/.test(p.cities[0].featureCode));
      if ((p.reading === 'city' || p.reading === 'ambiguous' && /^\S+ (City|Municipal)\b/.test(name)) && big) return this.seatCity(first);
    }
    return null;
  }

  /** A municipality named with its kind ("Hurunui District"): placed by the gazetteer when it knows the name. */
  municipality(name: string, sentence: number): string {
    const base = name.replace(/\s+(district|county|borough|township|municipality|shire|town|ward|rural city|city)$/i, '').replace(/-(?:cho|machi|mura)$/i, '');
    const p = place(base);
    const c = p.reading === 'city' || p.reading === 'ambiguous' ? this.chooseCity(p.cities, null) : undefined;
    const props: Properties = c ? { country: c.country, lat: c.lat, lon: c.lon } : {};
    // "Takachiho Town" and "Takachiho" are one town
    const known = [base, ...MUNICIPALITY_KINDS.map((k) => `${base} ${k}`)].map((n) => this.cityByName(n)).find(Boolean);
    if (known) return this.putCity(known, name, name, sentence, props);
    // "Chuo Ward" is the gazetteer's Chuo, also when the short name comes later
    if (c && base !== name) return this.putCity(cityId(c.name, c.country), name, name, sentence, props);
    return this.putCity(cityId(name, c?.country ?? null), name, name, sentence, props);
  }

  /** The city a consulate or an office is seated in ("… in Belfast"), from the gazetteer when the article names it nowhere else. */
  private seatCity(name: string): string | null {
    if (this.regionNames.has(fold(name))) return null;
    const p = place(name);
    if (p.reading !== 'city' && p.reading !== 'ambiguous') return null;
    const chosen = this.chooseCity(p.cities, null);
    if (!chosen) return null;
    return this.putCity(cityId(chosen.name, chosen.country), name, name, 0, { country: chosen.country, lat: chosen.lat, lon: chosen.lon });
  }

  /** Among same-named cities: the stated country, else a country the article names, else the one nearest the article's other cities. */
  private chooseCity(cities: CityEntry[], country: string | null): CityEntry | undefined {
    let chosen: CityEntry | undefined;
    if (country) chosen = cities.find((c) => c.country === country);
    if (!chosen && cities.length > 1 && this.countries.size) {
      const ranked = [...cities].sort((a, b) => (this.countries.get(b.country) ?? 0) - (this.countries.get(a.country) ?? 0));
      if ((this.countries.get(ranked[0]!.country) ?? 0) >= 1) chosen = ranked[0];
    }
    if (!chosen && cities.length > 1) {
      const others = [...this.entities.values()].filter((e) => e.label === 'City' && typeof e.props.lat === 'number');
      if (others.length) {
        // among cities of comparable size, the one nearest the others named; a far smaller namesake never wins
        const largest = Math.max(...cities.map((c) => c.population));
        const comparable = cities.filter((c) => c.population * 5 >= largest);
        const distance = (c: CityEntry): number => Math.min(...others.map((o) => distanceKm(c.lat, c.lon, o.props.lat as number, o.props.lon as number)));
        chosen = comparable.sort((a, b) => distance(a) - distance(b))[0];
      }
    }
    return chosen ?? cities[0];
  }

  /** A city of the article with this name (or alias). */
  cityByName(name: string): string | null {
    const k = cityKey(name);
    return k ? this.cityByKey.get(k) ?? null : null;
  }

  // ------------------------------------------------------------ facts

  addFact(type: RelationshipType, from: string | null | undefined, to: string | null | undefined, props: Properties, ...evidence: number[]): Fact | null {
    if (!from || !to || from === to) return null;
    const fe = this.entities.get(from);
    const te = this.entities.get(to);
    if (!fe || !te) return null;
    const [a, b] = canonicalEnds(type, from, to);
    // a visit or meeting is told apart by its date (graph/model.ts: identity)
    const key = relationshipKey({ type, source: a, target: b, properties: props });
    const prev = this.facts.get(key);
    if (prev) {
      for (const e of evidence) prev.evidence.add(e);
      for (const [k, v] of Object.entries(props)) if (prev.props[k] == null && v != null) prev.props[k] = v;
      return prev;
    }
    const fact: Fact = { type, from: a, to: b, props: { ...props }, evidence: new Set(evidence) };
    this.facts.set(key, fact);
    const list = this.factsByType.get(type) ?? [];
    list.push(fact);
    this.factsByType.set(type, list);
    if (type === 'LOCATED_IN' && !this.locatedIn.has(a)) this.locatedIn.set(a, b);
    if (type === 'HOLDS_POSITION') {
      const p = this.positionsByPerson.get(a) ?? [];
      p.push(fact);
      this.positionsByPerson.set(a, p);
    }
    return fact;
  }

  /** One happening told twice (the headline's meeting, the body's visit): `from` becomes `into`, and its facts follow. */
  mergeEvent(from: string, into: string): void {
    if (this.label(from) !== 'Event' || this.label(into) !== 'Event') return;
    this.mergeEntity(from, into);
    for (const [key, fact] of [...this.facts]) {
      if (fact.from !== from && fact.to !== from) continue;
      this.facts.delete(key);
      const list = this.factsByType.get(fact.type) ?? [];
      list.splice(list.indexOf(fact), 1);
      const moved = this.addFact(fact.type, fact.from === from ? into : fact.from, fact.to === from ? into : fact.to, fact.props, ...fact.evidence);
      if (moved && fact.rules) for (const r of fact.rules) (moved.rules ??= new Set()).add(r);
      if (moved) moved.stage ??= fact.stage;
    }
  }

  /** Removes a fact (a role a later reading replaces). */
  dropFact(type: RelationshipType, from: string, to: string, props: Properties): void {
    const [a, b] = canonicalEnds(type, from, to);
    const key = relationshipKey({ type, source: a, target: b, properties: props });
    const fact = this.facts.get(key);
    if (!fact) return;
    this.facts.delete(key);
    const list = this.factsByType.get(type) ?? [];
    list.splice(list.indexOf(fact), 1);
  }

  /** Gives an undated VISITED or MET_WITH its date (merging it into the fact of that date). */
  assignDate(fact: Fact, date: string): void {
    this.rekey(fact, { ...fact.props, date });
  }

  /** Re-keys a VISITED or MET_WITH fact once its happening is known (merging into the happening's own fact). */
  assignEvent(fact: Fact, event: string, date: string | null): void {
    this.rekey(fact, { ...fact.props, event, date: fact.props.date ?? date });
  }

  /** A fact with new properties: stored under its new key, merged into the fact already there. */
  private rekey(fact: Fact, props: Properties): void {
    const oldKey = relationshipKey({ type: fact.type, source: fact.from, target: fact.to, properties: fact.props });
    if (this.facts.get(oldKey) !== fact) return;
    this.facts.delete(oldKey);
    const list = this.factsByType.get(fact.type) ?? [];
    list.splice(list.indexOf(fact), 1);
    const merged = this.addFact(fact.type, fact.from, fact.to, props, ...fact.evidence);
    if (merged && fact.rules) for (const r of fact.rules) (merged.rules ??= new Set()).add(r);
    if (merged) merged.stage ??= fact.stage;
  }

  /** Credits the facts no pass has claimed yet to the pass that just ran. */
  markStage(stage: string): void {
    for (const f of this.facts.values()) f.stage ??= stage;
  }

  /** The positions stated for a person. */
  positionsOf(person: string): Fact[] {
    return this.positionsByPerson.get(person) ?? [];
  }

  /** The first sentence that names an entity. */
  firstSentenceOf(id: string): number {
    if (!this.firstRefs) {
      this.firstRefs = new Map();
      for (const s of this.sentences) for (const r of s.refs) if (r && !this.firstRefs.has(r)) this.firstRefs.set(r, s.index);
    }
    return this.firstRefs.get(id) ?? this.entities.get(id)?.first ?? 0;
  }

  factsOf(type: RelationshipType): Fact[] {
    return this.factsByType.get(type) ?? [];
  }

  // ------------------------------------------------------------ reading templates

  /** The mention and entity behind a placeholder such as "P3". */
  at(s: AnalyzedSentence, placeholder: string): { m: Mention; id: string | null } {
    const j = Number(placeholder.slice(1));
    return { m: s.mentions[j]!, id: s.refs[j] ?? null };
  }

  /** Entities of the given letters in a stretch of template, in order. */
  refsIn(s: AnalyzedSentence, text: string, letters = 'POMGC'): string[] {
    const out: string[] = [];
    const re = new RegExp(`⟨([${letters}])(\\d+)⟩`, 'g');
    for (const m of matchAll(text, re)) {
      const id = s.refs[Number(m[2])];
      if (id && !out.includes(id)) out.push(id);
    }
    return out;
  }

  label(id: string | null | undefined): Label | null {
    return id ? this.entities.get(id)?.label ?? null : null;
  }

  /** The city of an entity: itself, the city in its name, or where it is located. */
  cityOf(id: string | null | undefined): string | null {
    if (!id) return null;
    const e = this.entities.get(id);
    if (!e) return null;
    if (e.label === 'City') return id;
    if (e.cityInName) return e.cityInName;
    return this.locatedIn.get(id) ?? null;
  }

  countryOfCity(id: string | null | undefined): string | null {
    const c = id ? this.entities.get(id)?.props.country : null;
    return typeof c === 'string' ? c : null;
  }

  /** The person holding a title at an organisation or city, stated in the article. */
  holderOf(title: string, orgOrCity: string): string | null {
    for (const f of this.factsOf('HOLDS_POSITION')) {
      if (String(f.props.title).toLowerCase() === title.toLowerCase() && (f.to === orgOrCity || this.cityOf(f.to) === orgOrCity && this.label(f.to) !== 'City' && this.label(orgOrCity) === 'City')) return f.from;
    }
    return null;
  }

  /** The highest-ranking official of a city stated in the article. */
  leaderOf(city: string): string | null {
    let best: string | null = null;
    let rank = 0;
    for (const f of this.factsOf('HOLDS_POSITION')) {
      if (f.props.former) continue;
      if (f.to !== city && this.cityOf(f.to) !== city) continue;
      const r = TITLE_RANK[String(f.props.title).toLowerCase()] ?? 1;
      if (r > rank) {
        rank = r;
        best = f.from;
      }
    }
    return best;
  }
}

// Names recur within and across articles: their key is computed once while cached.
const cityKeyCache = new BoundedCache<string>(20_000);

function cityKey(name: string): string {
  return cityKeyCache.get(name, () => fold(name.replace(/^(the )?city of /i, '')).replace(/ (city|municipality)$/, ''));
}

const nameWords = (name: string): string[] => name.replace(/\([^)]*\)/g, ' ').split(/\s+/).filter(Boolean);

const nameWordKeysCache = new BoundedCache<string[]>(20_000);

/**
 * The city keys of the runs of one to four words of an organisation's name, in the order `cityInName`
 * tries them (from each word, the longest run first): the same for every article, so computed once.
 */
function nameWordKeys(name: string): string[] {
  return nameWordKeysCache.get(name, () => {
    const words = nameWords(name);
    // "Panama Embassy to the United States": an embassy is named after its country, not a town
    const diplomatic = /\b(embassy|consulate)\b/i.test(name);
    const keys: string[] = [];
    for (let i = 0; i < words.length; i++) {
      for (let len = Math.min(4, words.length - i); len >= 1; len--) {
        const run = words.slice(i, i + len).join(' ');
        if (!(diplomatic && countryCode(run))) keys.push(cityKey(run));
      }
    }
    return keys;
  });
}

function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

function template(s: AnalyzedSentence): string {
  let out = '';
  let pos = 0;
  s.mentions.forEach((m, j) => {
    if (m.start < pos) return;
    out += s.text.slice(pos, m.start);
    out += `⟨${LETTER[m.kind]}${j}⟩${m.possessive ? "'s" : ''}`;
    pos = m.end;
  });
  out += s.text.slice(pos);
  // the placeholders hold no white space, quote or "(", so what respacing finds in a template it finds in the text
  return (s.plainSpacing ? out : respaced(out)).trim();
}

/** "Member of the Politburo, Chairman of …": a name that is a title's complement is the body or place the title is of, no person. */
const TITLE_OF_NAME = /⟨T\d+⟩ (?:of|at|for) (?:the )?⟨X(\d+)⟩/g;
function titleComplement(template: string, j: number): boolean {
  // one expression for every name (an expression built for each name is compiled again at every call)
  const own = String(j);
  return template.includes(`⟨X${own}⟩`) && matchAll(template, TITLE_OF_NAME).some((m) => m[1] === own);
}

function isBareHead(name: string): boolean {
  const words = name.replace(/^(the|The)\s+/, '').split(/\s+/);
  // a one-word name typed by its context ("Baidu company", "Domtar, a paper company") is a name; "Council" alone is not
  if (words.length === 1) return !!labelByHead(name) || NOT_NAME_WORDS.has(words[0]!.toLowerCase()) || /^\p{Ll}/u.test(words[0]!);
  return words.length === 2 && /^(city|municipal|county|town)$/i.test(words[0]!);
}

/** Two to five capitalised words, none of them a common word of the genre. */
const REGION_IN_NAME = /(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?) (?:Prefecture|Province)\b/gu;

// "Adachi City Council", "Central Highlands Regional Council", "Derry City & Strabane District Council"
const COUNCIL_OF_TOWN = /^(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2}?)(?: City| Town| District| Borough)?(?: (?:&|and) (\p{Lu}[\p{L}'’-]+))? (?:City |Town |District |Regional |Shire |Borough |County |Municipal )?Council$/u;

const MUNICIPALITY_KINDS = ['District', 'Town', 'Municipality', 'Shire', 'County', 'Borough', 'Township', 'Ward'];

function isAllCaps(name: string): boolean {
  return /\p{Lu}{2}/u.test(name) && !/\p{Ll}/u.test(name);
}

/** "Liu Guiping(Deputy Mayor of Chongqing)": a parenthesis glued to a name reads as one set apart. */
function spaceBeforeParenthesis(text: string): string {
  return text.includes('(') ? text.replace(/([\p{L}.])\((?=\p{Lu})/gu, '$1 (') : text;
}

/**
 * Two or three capitalised words none of which is an English word ("Constantin Tomescu", "Shana Hileman"): a
 * person's name in a list of bodies and people, never a company's (those carry a common word: "Cummins
 * Engineering", "Sands Hotel", "DeSilva Group").
 */
function nameShaped(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length <= 3 && looksLikePersonName(name) && !words.some((w) => isCommonWord(singular(w.toLowerCase())));
}
