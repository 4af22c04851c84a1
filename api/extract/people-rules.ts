// The people rules: names no title or honorific marks (⟨X⟩ in a template) that the words around them say
// are people's: lists of a delegation's members, appositions naming a role, relatives, a counterpart.
// Each entry is data with an example article (its unit test); `Article.typeByContext` runs them.
import type { AnalyzedSentence } from './analyzed.ts';
import { isCommonWord } from './gazetteer.ts';
import { looksLikePersonName } from './names.ts';
import type { SentenceRule } from './rules/engine.ts';
import { matchAll } from './match-all.ts';

/** Per sentence index, the mentions the rules say are people, each with the rule that said so. */
export interface PeopleContext {
  toPerson: Map<number, Map<number, string>>;
}

// head words of bodies, happenings and places: a name holding one is not a person's
const NOT_PERSON_WORD = /^(?:International|Association|Society|Club|Group|Foundation|University|School|College|Institute|Company|Corporation|Inc\.?|Ltd\.?|Department|Office|Ministry|Bureau|Agency|Chamber|Party|Commission|Board|Federation|Union|Museum|Festival|Week|Year|Programm?e?|Project|Forum|Summit|Conference|Expo|Fair|Park|Street|Road|Square|River|Lake|Island|Islands|Bay|Airport|Station|Hotel|Palace|Temple|Church|Cathedral|Gardens?|State|Republic|Kingdom|Region|District|Prefecture|Town|Village|News|Times|Post|Daily|Herald|Sister|Cities|Twinning|Friendship|Embassy|Consulate|Assembly|Parliament|Congress|Court|Police|Team|Orchestra|Choir|Band|Centre|Center|Library|Hospital|Market|Mall|Plaza|Tower|Bridge|Port|Academy|Trust|Fund|Bank|Network|Alliance|League|Council|Committee|Government|Municipality|Province|County|City|Hall|Day|Event|Agreement|Memorandum|Declaration|Charter|Award|Prize|Medal|Order|Initiative)$/;

/** An unheaded name that can be a person's: two to four capitalised words, not all dictionary words. */
function personCandidate(s: AnalyzedSentence, j: number): boolean {
  const m = s.mentions[j];
  if (!m || m.kind !== 'Unknown' || m.words < 2 || m.words > 4 || !looksLikePersonName(m.name)) return false;
  const words = m.name.split(/\s+/);
  if (words.some((w) => NOT_PERSON_WORD.test(w))) return false;
  return !words.every((w) => isCommonWord(w));
}

/** Marks the ⟨X⟩ of the captured stretch (group `names`, else the whole match) as people; how many it marked. */
function markNames(rule: string, stretch: string, ctx: PeopleContext, s: AnalyzedSentence): number {
  let marked = ctx.toPerson.get(s.index);
  let added = 0;
  for (const x of matchAll(stretch, /⟨X(\d+)⟩/g)) {
    const j = Number(x[1]);
    if (!personCandidate(s, j)) continue;
    if (!marked) ctx.toPerson.set(s.index, (marked = new Map()));
    if (marked.has(j)) continue;
    marked.set(j, rule);
    added++;
  }
  return added;
}

/** The apply of a rule whose named groups (`names`, `names2`, `names3`) hold the names. */
const marks = (rule: string) => (ctx: PeopleContext, s: AnalyzedSentence, m: RegExpExecArray): number =>
  markNames(rule, (m.groups?.names ?? '') + (m.groups?.names2 ?? '') + (m.groups?.names3 ?? '') || m[0], ctx, s);

/** A list of names (people already typed may be among them): "A, B, C and D". */
const NAMES = String.raw`(?:⟨[XP]\d+⟩(?:,|;|,? and|,? as well as) )*⟨[XP]\d+⟩`;
/** A listed member: an optional role and title before the name ("municipal chief executive A"), an optional note after it ("A (Nuevo Peru)"). */
const MEMBER = String.raw`(?:(?:[a-z-]+ ){0,2}⟨T\d+⟩ )?⟨[XP]\d+⟩(?: \([^()]{0,40}\))?`;
/** A list of members: "A (…), B (…) and C (…)". */
const MEMBERS = String.raw`(?:${MEMBER}(?:,|;|,? and|,? as well as) )*${MEMBER}`;
/** Lower-case nouns of a person's role, said after the name ("X, a resident of …") or before it ("delegate X"). */
const ROLE = String.raw`(?:resident|widow|widower|wife|husband|son|daughter|student|pupil|adviser|advisor|spokes(?:man|woman|person)|chair-elect|president-elect|official|member|deputy|volunteer|organi[sz]er|co-?ordinator|interpreter|translator|teacher|professor|founder|native|citizen|\d+-year-old|artist|potter|painter|chaperone|delegate|host|ambassador|consul general|consul|minister|director|secretary|chairman|chairwoman|chairperson|president|head|representative|manager|officer|administrator|councillor|councilor|commissioner)`;

/** The words of a title's complement that name a place or a body in words ("of the village", "of Y city", "of Z's provincial capital"). */
const PLACE_WORDS = String.raw`(?:⟨[CNOGMV]\d+⟩(?:['’]s)?|\(⟨[A-Z]\d+⟩\)|the|city|town|village|municipality|municipal|council|capital|provincial|county|district|region|regional|association|committee|consulate|embassy|of|in|hosting|host|sister|twin|local)`;

const re = (source: string, flags = 'gi'): RegExp => new RegExp(source, flags);

export const PEOPLE_RULES: readonly SentenceRule<PeopleContext>[] = [
  {
    name: 'members-listed',
    stage: 'people',
    when: /consist|compos|compris|members|includ|accompanied|joined|headed|led by|attended by|attendance|present|chaperone|meetings with/,
    matches: re(String.raw`\b(?:consisting of|consisted of|composed of|comprising|comprised of|members of the delegation (?:are|were|included|include)|(?:delegation|group|team)(?: of [\w-]+)? (?:included|includes|was made up of)|including|accompanied by|joined by|headed by|led by|attended by|in attendance were|present (?:at the [\w-]+ )?were|(?:his|her|their) chaperones?,?|(?:had|held) (?:[\w-]+ )?meetings with)(?:(?: [\w-]+){0,2}(?: ⟨X\d+⟩)?:)? (?<names>${MEMBERS})`),
    emits: 'Person (the names of the list)',
    why: 'The genre lists a delegation\'s or a ceremony\'s people after "consisting of", "accompanied by", "in attendance were"; names in such a list are people\'s.',
    example: {
      title: 'Youth delegation from Mombetsu in Newport',
      body: 'A youth delegation from Mombetsu arrived in Newport on August 4, 2024. The delegation, consisting of Kaoru Fujimoto and Shie Sato, was welcomed at City Hall.',
      expect: ['PARTICIPATED_IN Kaoru Fujimoto -> Mombetsu delegation visit to Newport as visitor'],
    },
    // a note in brackets after a name is a party, a place or a role, not another person
    apply: (ctx, s, m) => markNames('members-listed', (m.groups?.names ?? '').replace(/ \([^()]*\)/g, ''), ctx, s),
  },
  {
    name: 'name-then-role',
    stage: 'people',
    matches: re(String.raw`(?<names>⟨X\d+⟩)(?:, | (?:is|was|has been|will be) )(?:the |a |an |his |her |its |their )?(?:former |local |senior |then |new )?(?:⟨[NCOGMV]\d+⟩(?:['’]s)? )?(?:[a-z-]+ ){0,3}${ROLE}s?\b`),
    emits: 'Person (the name)',
    why: 'An apposition or a copula giving a lower-case role ("X, a resident of Y", "X, Y\'s consul general", "X is the society president") describes a person.',
    example: {
      title: 'Consul general visits Hohhot',
      body: 'Mayor Dorj Bat of Ulaanbaatar visited Hohhot on May 2, 2024. Also present at the meeting was Enkh Amgalan, Mongolia\'s consul general in Hohhot, who spoke of trade.',
      expect: ['VISITED Dorj Bat -> Hohhot'],
    },
    apply: marks('name-then-role'),
  },
  {
    name: 'title-then-name',
    stage: 'people',
    matches: re(String.raw`⟨T\d+⟩(?: (?:of|for|to|in) (?:the )?⟨[CNOGMV]\d+⟩)?, (?<names>⟨X\d+⟩)(?=[,;.:]| and\b| \(|$)`),
    emits: 'Person (the name)',
    why: 'A title set off by a comma and followed by a name ("said the Executive Mayor, Ann Lee,") names that title\'s holder.',
    example: {
      title: 'Victoria mayor meets consul',
      body: 'Mayor Lisa Helps of Victoria met with the Consul General of Japan in Vancouver, Kenji Sato, at City Hall on May 2, 2024.',
      expect: ['MET_WITH Lisa Helps -> Kenji Sato'],
    },
    apply: marks('title-then-name'),
  },
  {
    name: 'title-of-place-then-name',
    stage: 'people',
    matches: re(String.raw`(?:⟨T\d+⟩|\b(?:(?:its|their|his|her|our|town|city|interim|acting) )(?:mayor|governor|leader|head|chair(?:man|woman|person)?|president))(?: (?:of|for|in|at|to) (?:the )?(?:${PLACE_WORDS} ){0,6}${PLACE_WORDS})?, (?<names>⟨X\d+⟩)(?=[,;.:]| and\b| \(|$)`),
    emits: 'Person (the name)',
    why: 'A title whose complement names a place in words ("The Mayor of the village, Ann Lee,", "the Mayor of Y city, Ann Lee", "its mayor, Ann Lee") and a comma before a name names that title\'s holder, as "title-then-name" does for a complement that is one mention.',
    example: {
      title: 'Oranmore twins with a Breton village',
      body: 'Oranmore signed a twinning charter with Clohars-Fouesnant on May 2, 2024. The Mayor of the village, Michel Lahuec, visited Oranmore.',
      expect: ['VISITED Michel Lahuec -> Oranmore'],
    },
    apply: marks('title-of-place-then-name'),
  },
  {
    name: 'name-then-title-of',
    stage: 'people',
    matches: re(String.raw`(?<names>⟨X\d+⟩)(?: \([^()⟨]{1,30}\))?(?:, | [-–—] | (?:is|was|has been) )(?:the |a |an )?(?:(?:former|honorary|acting|interim|deputy|current|then) )?⟨T\d+⟩ (?:of|for|at|to) `),
    emits: 'Person (the name)',
    why: 'A name set beside a title of a place or body ("X, the Head of the Taipei Office", "X – Member of the Central Committee") is that title\'s holder; "name-then-role" reads lower-case role words only.',
    example: {
      title: 'Taipei office head invites mayors',
      body: 'Feng Kwang-chung, the Head of the Taipei Economic and Cultural Office in Sao Paulo, visited Holambra on May 2, 2024.',
      expect: ['HOLDS_POSITION Feng Kwang-chung -> Taipei Economic and Cultural Office in Sao Paulo'],
    },
    apply: marks('name-then-title-of'),
  },
  {
    name: 'leaders-of-places-named',
    stage: 'people',
    when: /mayors|governors|presidents|leaders|heads|chairmen|chairs/,
    matches: re(String.raw`\b(?:mayors|governors|presidents|leaders|heads|chairmen|chairs) of (?:the )?⟨[CO]\d+⟩(?: \(⟨N\d+⟩\))?,? (?<names>⟨X\d+⟩)(?:,? and (?:the )?(?:⟨[CO]\d+⟩(?: \(⟨N\d+⟩\))?,? (?<names2>⟨X\d+⟩)|[\w ]{1,30}, (?<names3>⟨X\d+⟩ and ⟨X\d+⟩)))?`),
    emits: 'Person (each leader)',
    why: 'After "the mayors of X and Y" the genre names the mayors, each after their town or both after "respectively".',
    example: {
      title: 'Curitiba and Durban sign sisterhood agreement',
      body: 'The mayors of Curitiba, Luciano Ducci, and Durban (South Africa), Obed Mlaba, signed a sisterhood agreement in Durban on July 7, 2010.',
      expect: ['PARTICIPATED_IN Obed Mlaba -> Curitiba–Durban sisterhood agreement signing as attendee'],
    },
    apply: marks('leaders-of-places-named'),
  },
  {
    name: 'counterpart-named',
    stage: 'people',
    when: /counterpart/,
    matches: re(String.raw`\bcounterparts?,? (?:⟨[NC]\d+⟩ )?(?<names>⟨X\d+⟩)`),
    emits: 'Person (the counterpart)',
    why: 'A counterpart is the holder of the same office on the other side: a person.',
    example: {
      title: 'Limavady mayor in Dijon',
      body: 'Mayor Joan Baird of Limavady visited Dijon on June 3, 2024. The Mayor met with her French counterpart, Serge Poinsot, at the town hall.',
      expect: ['MET_WITH Joan Baird -> Serge Poinsot'],
    },
    apply: marks('counterpart-named'),
  },
  {
    name: 'relative-named',
    stage: 'people',
    when: /wife|husband|widow|son|daughter|spouse|partner/,
    matches: re(String.raw`\b(?:(?:his|her) (?:wife|husband|spouse|partner|son|daughter),? (?<names>⟨X\d+⟩)|(?:wife|husband|widow|widower|son|daughter) of (?<names2>⟨X\d+⟩))`),
    emits: 'Person (the relative)',
    why: 'A wife, husband, son or widow is a person; the genre names spouses travelling with officials.',
    example: {
      title: 'Mayor of Kenora in Sapporo',
      body: 'Mayor Dave Canfield of Kenora and his wife Mary Canfield visited Sapporo on May 3, 2024. The couple were received by Mayor Ken Tani.',
      expect: ['VISITED Mary Canfield -> Sapporo'],
    },
    apply: marks('relative-named'),
  },
  {
    name: 'role-noun-then-name',
    stage: 'people',
    matches: re(String.raw`\b(?:local |fellow )?${ROLE}s?,? (?<names>${NAMES})`),
    emits: 'Person (the names)',
    why: 'A lower-case role noun right before a name ("delegate Mai Ito", "commissioners A and B") is that person\'s role.',
    example: {
      title: 'Kobe students in Seattle',
      body: 'A delegation from Kobe visited Seattle on May 1, 2024. The delegation included delegate Mai Halada and teacher Ken Ito.',
      expect: ['VISITED Mai Halada -> Seattle'],
    },
    apply: marks('role-noun-then-name'),
  },
  {
    name: 'name-with-pronoun',
    stage: 'people',
    when: /\b(?:his|her)\b/,
    matches: re(String.raw`(?<names>⟨X\d+⟩) (?:also |then |later |recently )?[a-z]+(?:ed|s) (?:from |to |with |on |in |at |for )?(?:his|her)\b`),
    emits: 'Person (the name)',
    why: 'A name whose own action is told with "his" or "her" ("X returned from her trip") is a person\'s.',
    example: {
      title: 'Prince George councillor back from Jiangmen',
      body: 'Councillor Ann Hall of Prince George visited Jiangmen on May 1, 2024. Shari Green returned from her trip to Jiangmen with Ann Hall.',
      expect: ['VISITED Ann Hall -> Jiangmen'],
    },
    apply: marks('name-with-pronoun'),
  },
];
