// The town rules: names the gazetteer lacks (⟨X⟩ in a template) that the words around them mark as towns:
// the seat of a mayor ("Mayor Kim of X", "the Mayor of X"), "the city of X", "X, Finland". Each entry is data
// with an example article (its unit test); `Article.typeByContext` runs them before the people rules.
import type { AnalyzedSentence } from './analyzed.ts';
import { isCommonWord } from './gazetteer.ts';
import { place } from './mentions.ts';
import type { SentenceRule } from './rules/engine.ts';

/** Per sentence index, the mentions the rules say are towns, each with the rule that said so. */
export interface TownContext {
  toCity: Map<number, Map<number, string>>;
}

// titles whose holder is named by the town they govern
const MUNICIPAL_TITLE = /^(?:(?:first |executive |deputy |vice |lord )*(?:mayor|mayoress|burgomaster|governor|khokim|hokim|magistrate)|oberb[üu]rgermeister|b[üu]rgermeister|(?:deputy |vice )?(?:party secretary|district mayor))$/i;
// words that make a name a body's, a happening's or a person's rather than a town's
// (a name with its own kind word, "Chuo Ward", "X County", is read by the municipality readers)
const NOT_TOWN_WORD = /^(?:Ward|District|County|Town|City|Township|Borough|Shire|Municipality|Prefecture|Province|Region|State|International|Association|Society|Club|Group|Foundation|University|School|College|Institute|Company|Corporation|Department|Office|Ministry|Bureau|Agency|Chamber|Party|Commission|Board|Federation|Union|Festival|Forum|Summit|Conference|Council|Committee|Government|Assembly|Embassy|Consulate|Day|Week|Hall|Centre|Center|Museum|Park|Program|Programme|Project|Agreement|Sister|Cities)$/;

/** An unheaded name that can be a town's: one or two capitalised words, not all dictionary words. */
function townCandidate(s: AnalyzedSentence, j: number): boolean {
  const m = s.mentions[j];
  if (!m || m.kind !== 'Unknown' || m.words > 2 || m.possessive && m.words > 1) return false;
  const words = m.name.split(/\s+/);
  if (!words.every((w) => /^\p{Lu}[\p{Ll}'’-]+$/u.test(w)) || words.some((w) => NOT_TOWN_WORD.test(w))) return false;
  // "Guangzhou Jianhua", "Mbabane Clr": a known town glued to a name or an abbreviation is not a town of two words
  if (words.length === 2 && place(words[0]!).cities.length) return false;
  return !words.every((w) => isCommonWord(w));
}

function markTown(rule: string, ctx: TownContext, s: AnalyzedSentence, j: number): number {
  if (!townCandidate(s, j)) return 0;
  let marked = ctx.toCity.get(s.index);
  if (!marked) ctx.toCity.set(s.index, (marked = new Map()));
  if (marked.has(j)) return 0;
  marked.set(j, rule);
  return 1;
}

// "City of Villa El Salvador": a name that starts with its kind; the town is what follows (up to four words)
const CITY_OF_NAME = /^(?:the )?city of \p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,3}$/iu;

/** A name written with "City of" before it names a town, whatever its length: the words after are not all dictionary words. */
function markCityOfName(ctx: TownContext, s: AnalyzedSentence, j: number): number {
  const m = s.mentions[j];
  if (!m || m.kind !== 'Unknown' || !CITY_OF_NAME.test(m.name)) return 0;
  const town = m.name.replace(/^(?:the )?city of /i, '').split(' ');
  if (town.every((w) => isCommonWord(w))) return 0;
  let marked = ctx.toCity.get(s.index);
  if (!marked) ctx.toCity.set(s.index, (marked = new Map()));
  if (marked.has(j)) return 0;
  marked.set(j, 'city-of-in-name');
  return 1;
}

const re = (source: string, flags = 'g'): RegExp => new RegExp(source, flags);

export const TOWN_RULES: readonly SentenceRule<TownContext>[] = [
  {
    name: 'seat-of-a-mayor',
    stage: 'towns',
    matches: re(String.raw`⟨([PT])(\d+)⟩ of (?:the )?(?:city of |town of |municipality of )?⟨X(\d+)⟩(?!['’]s? ⟨)`),
    emits: 'City (the governed town)',
    why: 'What a mayor or governor is "of" is the town they govern: "Mayor Kim of X", "the Mayor of X".',
    example: {
      title: 'Yongin and Nagoya sign agreement',
      body: 'Mayor Lee Sangil of Yongin and Mayor Ken Sato of Nagoya signed the sister city agreement in Nagoya on May 10, 2025.',
      expect: ['HOLDS_POSITION Lee Sangil -> Yongin'],
    },
    apply: (ctx, s, m) => {
      const title = s.mentions[Number(m[2])]?.title;
      return title && MUNICIPAL_TITLE.test(title) ? markTown('seat-of-a-mayor', ctx, s, Number(m[3])) : 0;
    },
  },
  {
    name: 'city-of-name',
    stage: 'towns',
    matches: re(String.raw`\b(?:the )?(?:city|town|village|municipality|township|borough) of ⟨X(\d+)⟩`, 'gi'),
    emits: 'City',
    why: '"The city of X", "the town of X" name a town by its kind.',
    example: {
      title: 'Cape Town mayor abroad',
      body: 'A delegation from Cape Town led by Mayor Dan Plato visited the town of Raseborg on November 10, 2024.',
      expect: ['VISITED Dan Plato -> Raseborg'],
    },
    apply: (ctx, s, m) => markTown('city-of-name', ctx, s, Number(m[1])),
  },
  {
    name: 'city-of-in-name',
    stage: 'towns',
    matches: re(String.raw`⟨X(\d+)⟩`),
    emits: 'City (the name after "City of")',
    why: 'A document names a town with its kind in front ("the City of Villa El Salvador"): one name to the mention reader, a town all the same, also of three or four words.',
    example: {
      title: 'Tübingen and Villa El Salvador sign',
      body: 'On 24 September 2006, the two mayors signed the document which seals the sister city relationship between the City of Villa El Salvador and the City of Tübingen.',
      expect: ['SISTER_CITY_OF Villa El Salvador -> Tübingen'],
    },
    apply: (ctx, s, m) => markCityOfName(ctx, s, Number(m[1])),
  },
  {
    name: 'town-comma-country',
    stage: 'towns',
    matches: re(String.raw`(?:\b(?:in|to|from|of|visited|visiting|visit) |^)(?:the )?⟨X(\d+)⟩, (?:the )?⟨N(\d+)⟩(?=[,.;:)]| and\b| on\b| in\b|$)`),
    emits: 'City',
    why: 'A name followed by its country ("in Raseborg, Finland") after a preposition of place is a town of that country.',
    example: {
      title: 'Cape Town delegation in Raseborg',
      body: 'A delegation from Cape Town led by Mayor Dan Plato visited Raseborg, Finland on November 10, 2024.',
      expect: ['VISITED Dan Plato -> Raseborg'],
    },
    apply: (ctx, s, m) => (s.mentions[Number(m[2])]?.placeKind === 'country' ? markTown('town-comma-country', ctx, s, Number(m[1])) : 0),
  },
];
