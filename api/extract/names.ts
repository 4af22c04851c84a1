// Word lists of the genre (titles, honorifics, head nouns of organisations and events) and the
// name normalisation every other part relies on. Lists hold kinds of words, never names of actors.
import { BoundedCache } from './bounded-cache.ts';

/** Titles of office, lower case, as they appear before a name or after "X, … of". Longest first at lookup. */
const TITLE_LIST = [
  'mayor', 'deputy mayor', 'vice mayor', 'executive vice mayor', 'executive deputy mayor', 'lord mayor',
  'deputy lord mayor', 'lady mayoress', 'mayoress', 'oberbürgermeister', 'oberburgermeister', 'oberbuergermeister',
  'bürgermeister', 'burgermeister', 'burgomaster', 'first deputy mayor', 'assistant mayor', 'vice-mayor',
  'governor', 'vice governor', 'vice-governor', 'deputy governor', 'lieutenant governor', 'lt. governor',
  'consul general', 'consul-general', 'deputy consul general', 'consul', 'vice consul', 'honorary consul',
  'ambassador', 'deputy ambassador', 'charge d\'affaires', 'minister', 'deputy minister', 'vice minister',
  'secretary', 'deputy secretary', 'party secretary', 'general secretary', 'secretary-general', 'secretary general',
  'deputy secretary-general', 'deputy secretary general', 'first secretary', 'permanent secretary',
  'director', 'deputy director', 'director general', 'director-general', 'deputy director general',
  'deputy director-general', 'executive director', 'managing director', 'associate director',
  'chairman', 'chairwoman', 'chair', 'chairperson', 'vice chairman', 'vice-chairman', 'vice chairwoman',
  'vice chair', 'deputy chairman', 'co-chair', 'president', 'vice president', 'vice-president', 'executive president',
  'chief executive', 'chief executive officer', 'ceo', 'chief operating officer', 'coo', 'city manager',
  'general manager', 'deputy general manager', 'manager', 'head', 'deputy head', 'chief', 'commissioner',
  'deputy commissioner', 'councillor', 'councilor', 'councilman', 'councilwoman', 'council member',
  'councilmember', 'alderman', 'alderwoman', 'city councillor', 'city councilor', 'county executive',
  'speaker', 'deputy speaker', 'premier', 'vice premier', 'prime minister', 'senator', 'congressman',
  'congresswoman', 'assemblyman', 'assemblywoman', 'representative', 'chief representative', 'principal',
  'vice principal', 'headmaster', 'headteacher', 'dean', 'rector', 'vice rector', 'chancellor', 'vice chancellor',
  'vice-chancellor', 'provost', 'superintendent', 'police chief', 'fire chief', 'town clerk', 'clerk',
  'provincial governor', 'magistrate', 'county magistrate', 'district mayor', 'prefect', 'sheriff',
  'founder', 'co-founder', 'owner', 'treasurer', 'publicity officer', 'officer', 'coordinator',
  'vice-chair', 'deputy chair', 'executive secretary', 'attache', 'attaché', 'envoy', 'special envoy',
  'commander', 'district commander', 'inspector', 'chief inspector', 'chief superintendent', 'deputy-mayor',
  'deputy-governor', 'party chief', 'party secretary-general', 'county commissioner', 'board member',
  'director emeritus', 'president emeritus', 'chair emeritus', 'professor emeritus', 'vice chair', 'deputy clerk',
  'vice secretary', 'executive deputy director', 'first vice mayor', 'first vice-mayor', 'member', 'standing committee member',
  'deputy party secretary', 'vice party secretary', 'secretary-general', 'executive vice president', 'vice-secretary',
  'assistant chief', 'deputy chief', 'section chief', 'division chief', 'assistant director', 'assistant manager',
  'professor', 'associate professor', 'assistant professor', 'city clerk', 'vice chairperson',
  'superintendent of education', 'superintendent of schools', 'director of education', 'head of post', 'head of mission',
  'chief administrative officer', 'municipal commissioner', 'administrative manager', 'marketing director',
  'communications director', 'program director', 'programme director', 'marketing manager', 'executive deputy chief',
  'editor', 'editor-in-chief', 'editor in chief', 'chief editor', 'managing editor', 'publisher',
  'public information officer', 'press officer', 'information officer',
  // heads of a district or region in Uzbekistan (khokim), of an Irish county council (cathaoirleach)
  'khokim', 'hokim', 'cathaoirleach',
  // the spouses of heads of state and government, titled so in the genre's news
  'first lady', 'second lady',
  // a town's appointed head where its council is suspended or it has none (Sri Lanka, the US, Kenya)
  'administrator', 'special administrator', 'city administrator', 'district administrator',
  'mayor pro tem', 'mayor pro tempore', 'vice consul general', 'vice consul-general', 'vice director', 'vice-director', 'first vice president',
];
export const TITLES: ReadonlySet<string> = new Set(TITLE_LIST);
export const MAX_TITLE_WORDS = Math.max(...TITLE_LIST.map((t) => t.split(/\s+/).length));

/** Titles so common as ordinary words that they count as titles only before a name or before "of". */
export const WEAK_TITLES: ReadonlySet<string> = new Set([
  'head', 'chief', 'chair', 'officer', 'manager', 'owner', 'founder', 'representative', 'speaker', 'clerk',
  'principal', 'coordinator', 'secretary', 'director', 'president', 'dean', 'minister', 'envoy', 'member',
  'editor', 'publisher', 'administrator',
]);

/** Titles that outrank others when one person leads a delegation or a city. */
export const TITLE_RANK: Readonly<Record<string, number>> = {
  mayor: 10, 'lord mayor': 10, oberbürgermeister: 10, oberburgermeister: 10, governor: 10, 'party secretary': 9,
  'deputy mayor': 6, 'vice mayor': 6, 'executive vice mayor': 7, 'vice governor': 6, 'consul general': 5,
  ambassador: 8, chairman: 5, chairwoman: 5, president: 5, chair: 5, 'chief executive': 4, 'city manager': 4,
};

/** Honorifics and courtesy words stripped from person names. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'madam', 'madame', 'mme', 'sir', 'dame', 'lord',
  'lady', 'hon', 'honorable', 'honourable', 'his excellency', 'her excellency', 'h.e', 'excellency', 'cllr',
  'cr', 'rev', 'reverend', 'mister', 'señor', 'senor', 'herr', 'frau', 'comrade',
  'atty', 'engr', 'gen', 'col', 'capt', 'lt', 'sgt', 'ald', 'judge', 'justice', 'supt', 'insp', 'mla', 'mp', 'mep',
  'coun', 'colr', 'councillor', 'councilor', 'honourable',
  // a legislator's abbreviated courtesy title in American news ("Rep. Jane Doe (TX-20)", "Sen. John Roe")
  'rep', 'sen',
  // courtesy titles of other languages, written before the name in English text
  'monsieur', 'mademoiselle', 'signor', 'signore', 'signora', 'signorina', 'señora', 'senora', 'señorita', 'senorita',
  'sheikh', 'sheik', 'shaikh', 'sheikha', 'shaikha', 'datuk', 'dato', 'tan sri', 'hajji', 'haji',
]);

export type OrgLabel = 'Office' | 'Company' | 'Organization';

/** Head nouns (last significant word) of public bodies. */
const OFFICE_HEADS = [
  'government', 'bureau', 'commission', 'department', 'office', 'ministry', 'consulate', 'consulate-general',
  'embassy', 'council', 'administration', 'authority', 'agency', 'congress', 'assembly', 'parliament', 'senate',
  'secretariat', 'municipality', 'cabinet', 'legislature', 'prefecture government', 'court', 'police',
  'directorate', 'mission', 'diet', 'delegation of the european union', 'customs', 'service',
  'consultative conference',
  // a government's sub-units, and the Philippine local councils (Sangguniang Panlungsod: city council)
  'section', 'division', 'sangguniang panlungsod', 'sangguniang bayan', 'sangguniang panlalawigan', 'sangguniang barangay',
];
/** Head nouns of businesses. */
const COMPANY_HEADS = [
  'co', 'co.', 'ltd', 'ltd.', 'limited', 'inc', 'inc.', 'corp', 'corp.', 'corporation', 'company', 'group', 'llc',
  'plc', 'gmbh', 'ag', 'sa', 'holdings', 'bank', 'airlines', 'airline', 'airways', 'cruises', 'cruise',
  'hotel', 'hotels', 'resort', 'travel', 'tours', 'agency travel', 'newspaper', 'daily', 'times', 'post',
  'distillery', 'brewery', 'winery', 'motors', 'industries', 'industry co', 'enterprises', 'enterprise co',
  'pharmaceutical', 'pharmaceuticals', 'technologies', 'technology', 'electronics', 'foods', 'logistics',
  'shipping', 'media', 'television', 'tv', 'broadcasting', 'railway', 'railways', 'lines', 'trading',
  'manufacturing', 'steel', 'energy', 'systems', 'solutions', 'partners', 'investments', 'capital', 'bakery',
  'restaurant', 'stores', 'mart', 'supermarket', 'farms',
  'studio', 'studios', 'publishing', 'press', 'insurance', 'securities', 'telecom', 'motor', 'automotive', 'laboratories',
  'shimbun', 'ilbo', 'gazette', 'herald', 'tribune',
];
/** Head nouns of other organised bodies. */
const ORGANIZATION_HEADS = [
  'university', 'college', 'school', 'schools', 'academy', 'institute', 'institution', 'association', 'society', 'chamber',
  'club', 'foundation', 'federation', 'union', 'museum', 'hospital', 'centre', 'center', 'league', 'orchestra',
  'choir', 'team', 'church', 'library', 'network', 'alliance', 'trust', 'organization', 'organisation',
  'conservatory', 'kindergarten', 'gymnasium', 'lyceum', 'polytechnic', 'seminary', 'committee', 'board',
  'coalition', 'forum of', 'friendship association', 'sister city association', 'band',
  'troupe', 'ensemble', 'theatre', 'theater', 'zoo', 'aquarium', 'observatory', 'laboratory', 'lab', 'clinic',
  'cooperative', 'co-op', 'guild', 'circle', 'initiative', 'program', 'programme', 'commission of',
];
/** Head nouns of named happenings. */
const EVENT_HEADS = [
  'festival', 'forum', 'fair', 'expo', 'exposition', 'exhibition', 'ceremony', 'summit', 'conference', 'games',
  'championship', 'championships', 'tournament', 'match', 'marathon', 'day', 'days', 'week', 'symposium',
  'seminar', 'gala', 'concert', 'carnival', 'celebration', 'celebrations', 'show', 'event', 'olympiad',
  'dialogue', 'roundtable', 'workshop', 'parade', 'competition', 'contest', 'cup', 'convention', 'congress of',
  'meeting', 'talks', 'reception', 'banquet', 'dinner', 'luncheon', 'biennale', 'biennial', 'triennale',
  'fest', 'jamboree', 'camp', 'tour', 'visit', 'mission of', 'trade mission', 'presentation', 'awards',
  'anniversary', 'activities', 'activity', 'race', 'regatta', 'cup final', 'open', 'series',
];
/** Places that are neither actors nor cities: venues and landmarks. */
const VENUE_HEADS = [
  'hall', 'castle', 'palace', 'park', 'square', 'street', 'road', 'avenue', 'bridge', 'tower', 'monument',
  'cathedral', 'temple', 'shrine', 'garden', 'gardens', 'stadium', 'arena', 'airport', 'station', 'port of',
  'harbour', 'harbor', 'pier', 'wharf', 'terminal', 'plaza', 'guest house', 'guesthouse', 'building', 'house',
  'mansion', 'villa', 'lake', 'river', 'mountain', 'mount', 'island', 'islands', 'bay', 'beach', 'valley',
  'district', 'zone', 'town hall', 'city hall', 'convention center', 'convention centre', 'exhibition center',
  'exhibition centre', 'conference center', 'conference centre', 'memorial', 'cemetery', 'campus', 'parlour',
  'room', 'chamber room', 'council chamber', 'council chambers', 'coronation hall', 'floor', 'lounge', 'court of', 'pavilion', 'expressway', 'highway',
  'peninsula', 'province', 'prefecture', 'county', 'state', 'region', 'area', 'coast', 'strait', 'sea', 'ocean',
];

export const OFFICE_HEAD: ReadonlySet<string> = new Set(OFFICE_HEADS);
export const COMPANY_HEAD: ReadonlySet<string> = new Set(COMPANY_HEADS);
export const ORGANIZATION_HEAD: ReadonlySet<string> = new Set(ORGANIZATION_HEADS);
export const EVENT_HEAD: ReadonlySet<string> = new Set(EVENT_HEADS);
export const VENUE_HEAD: ReadonlySet<string> = new Set(VENUE_HEADS);

/** Words that make a Committee/Council/Association a public body rather than a civic one. */
export const PUBLIC_MARKERS = /\b(municipal|people'?s|party|cpc|communist|provincial|prefectural|city|county|state|national|central|standing|government|metropolitan|borough|district|town|village|regional|federal|foreign affairs)\b/i;

/** Capitalised words that open sentences or headings and are never part of a name on their own. */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her',
  'their', 'its', 'our', 'my', 'your', 'in', 'on', 'at', 'to', 'from', 'by', 'for', 'with', 'of', 'and', 'or',
  'but', 'as', 'since', 'during', 'after', 'before', 'while', 'when', 'where', 'both', 'other', 'others',
  'there', 'here', 'also', 'meanwhile', 'however', 'according', 'among', 'relevant', 'representatives',
  'representative', 'members', 'member', 'senior', 'local', 'several', 'many', 'some', 'all', 'each', 'every',
  'last', 'next', 'first', 'second', 'third', 'new', 'about', 'home', 'news', 'photo', 'pic', 'credit', 'source',
  'updated', 'update', 'share', 'print', 'email', 'tags', 'related', 'latest', 'trending', 'read', 'more',
  'music', 'meetings', 'tours', 'delegates', 'delegation', 'officials', 'leaders', 'guests', 'visitors',
  'highlights', 'highlight', 'if', 'so', 'then', 'thus', 'therefore', 'what', 'who', 'why', 'how', 'which',
  'not', 'no', 'yes', 'mayors', 'both', 'two', 'three', 'one', 'general', 'info', 'history', 'culture',
  'international', 'affairs', 'friendly', 'exchange', 'exchanges', 'copyright', 'all', 'rights', 'reserved',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'further', 'furthermore', 'moreover', 'later',
  'earlier', 'today', 'yesterday', 'tomorrow', 'tonight', 'once', 'now', 'currently', 'recently', 'finally',
  'lastly', 'firstly', 'secondly', 'contact', 'address', 'tel', 'fax', 'phone', 'website', 'web', 'site', 'map',
  'mr', 'ms', 'mrs', 'dr', 'president',
  'government', 'council', 'city', 'town', 'county', 'province', 'state', 'mayor', 'governor', 'consul',
  'event', 'ceremony', 'forum', 'festival', 'visit', 'day', 'week', 'year', 'years', 'group', 'society',
  'committee', 'department', 'bureau', 'office', 'association', 'university', 'school', 'company', 'companies',
  'agreement', 'sister', 'cities', 'twinning', 'friendship', 'partnership', 'cooperation', 'people', 'citizens',
  'speaking', 'talking', 'noting', 'adding', 'during', 'under', 'over', 'through', 'despite', 'following',
  'chairman', 'chairwoman', 'director', 'secretary', 'chief', 'executive', 'former', 'deputy', 'vice', 'acting',
]);

// /\s+/g matches every single space between two words and replaces it by itself: this matches only the runs that
// change, so the result is the same (a lone plain space is left as it is).
const SPACE_RUN = /\s{2,}|[^\S ]/g;

/** `s` with every run of white space made one plain space (as `s.replace(/\s+/g, ' ')`). */
export function singleSpace(s: string): string {
  return s.replace(SPACE_RUN, ' ');
}

const foldCache = new BoundedCache<string>(20_000);

/** Folds case, accents and punctuation: the form every key is built from. */
export function fold(s: string): string {
  return s.length < 200 ? foldCache.get(s, () => foldUncached(s)) : foldUncached(s);
}

function foldUncached(s: string): string {
  let t = s;
  if (/[^\x20-\x7e]/.test(t)) {
    t = t
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[ßøłđæœı]/gi, (c) => ({ ß: 'ss', ø: 'o', ł: 'l', đ: 'd', æ: 'ae', œ: 'oe', ı: 'i' })[c.toLowerCase()] ?? c);
  }
  return t
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’ʼ`‘]s\b/g, 's')
    .replace(/['’ʼ`‘]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function slug(s: string): string {
  return fold(s).replace(/\s+/g, '-').slice(0, 80) || 'x';
}

// Pinyin spellings of ü (Lü, Lyu, Lv, Lu:) and Wade-Giles-free romanisation variants that name one surname.
const PINYIN_VARIANTS: Record<string, string> = { lv: 'lyu', lu: 'lu', lue: 'lyu', lyu: 'lyu', nv: 'nyu', nyu: 'nyu' };

/** Lower-cased words of a person name without honorifics, titles or suffixes; pinyin variants folded. */
const personWordsCache = new BoundedCache<string[]>(20_000);

export function personWords(name: string): string[] {
  return personWordsCache.get(name, () => personWordsUncached(name));
}

function personWordsUncached(name: string): string[] {
  // Lü -> lyu before accents are folded away
  const pre = name.replace(/([LlNn])ü/g, '$1yu').replace(/([LlNn])u:/g, '$1yu');
  let words = fold(pre).split(' ').filter(Boolean);
  while (words.length > 1 && (HONORIFICS.has(words[0]!) || TITLES.has(words[0]!) || words[0] === 'former')) words = words.slice(1);
  while (words.length > 1 && /^(jr|sr|ii|iii|iv|phd|mbe|obe|cbe|esq)$/.test(words[words.length - 1]!)) words = words.slice(0, -1);
  return words.map((w) => PINYIN_VARIANTS[w] ?? w);
}

/** Order-free key of a person name: "Miyajima Daisuke" and "Daisuke Miyajima" meet, as do Lyu/Lv/Lü. */
export function personKey(name: string): string {
  return [...personWords(name)].sort().join(' ');
}

/**
 * The keys a person's name is matched by: its words in any order ("Yoo Jeong-bok" = "Jeong-bok Yoo"
 * = "Jeong Bok Yoo"), and for three short words (East Asian syllables) each adjacent pair written as
 * one word, so that "Yoo Jeongbok" and "Jeong-bok Yoo" meet.
 */
export function personKeys(name: string): string[] {
  const words = personWords(name);
  const keys = [[...words].sort().join(' ')];
  if (words.length === 3 && words.every((w) => w.length <= 6)) {
    for (let i = 0; i < 2; i++) keys.push([...words.slice(0, i), words[i]! + words[i + 1]!, ...words.slice(i + 2)].sort().join(' '));
  }
  return keys;
}


/** Canonical spelling of a title: "deputy mayor" -> "Deputy Mayor". */
export function titleCase(title: string): string {
  const t = singleSpace(title.toLowerCase()).trim();
  if (t === 'ceo' || t === 'coo') return t.toUpperCase();
  return t.replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()).replace(/ (Of|For|And|The) /g, (w) => w.toLowerCase());
}

/** Up to five capitalised words (particles such as "de", "bin" allowed), none a head word of a body or a place. */
export function looksLikePersonName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length > 5) return false;
  // a shouted headline is no name: "OFFICIAL DELEGATION TRAVELING TO TOLUCA"
  if (words.some((w) => /^(TO|OF|AND|THE|FOR|IN|WITH|AT|ON|FROM|BY)$/.test(w))) return false;
  return words.every((w) => /^(\p{Lu}[\p{L}'’.-]*|al|bin|de|van|von|der|la|le|da|di)$/u.test(w)) && !words.some((w) => /^(City|Council|Government|Committee|Province|County|Hall|Center|Centre|Day|Event)$/.test(w));
}

/** A name without the honorifics and titles written before it: "Her Excellency Ann Lee", "Khokim Ali Vali". */
export function withoutLeadingTitles(name: string): string {
  let words = name.split(/\s+/);
  for (;;) {
    const w = words[0]!.toLowerCase().replace(/\.$/, '');
    const skip = /^(his|her)$/.test(w) && /^excellen/i.test(words[1] ?? '') ? 2 : HONORIFICS.has(w) || TITLES.has(w) ? 1 : 0;
    if (!skip || words.length - skip < 2) return words.join(' ');
    words = words.slice(skip);
  }
}
