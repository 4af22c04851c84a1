// Likely duplicates for the analysts' review queue, as plain functions over entity names: pairs of
// one label whose names share an alias key, read the same in either order or romanisation, or
// where one is the initials of the other. The store adds what the graph says (same city or office,
// articles naming both) and ranks them.
import { fold } from '../extract/names.ts';
import type { EntityLabel } from '../graph/schema.ts';

export interface NamedEntity {
  id: string;
  label: EntityLabel;
  name: string;
  aliases: string[];
}

export type Reason =
  | { kind: 'shared-alias-key'; keys: string[] }
  | { kind: 'similar-names'; names: [string, string]; how: 'same words in another order or spelling' | 'initials' | 'most words shared' }
  | { kind: 'same-place'; places: string[] }
  | { kind: 'co-occurrence'; articles: number };

export interface Candidate {
  a: string;
  b: string;
  reasons: Reason[];
}

const WEIGHTS: Record<Reason['kind'], number> = { 'shared-alias-key': 3, 'similar-names': 2, 'same-place': 1, 'co-occurrence': 0.5 };

/** Ranking score: the stronger and the more reasons, the higher. */
export function score(reasons: Reason[]): number {
  return reasons.reduce((sum, r) => sum + WEIGHTS[r.kind] * (r.kind === 'same-place' ? Math.min(2, r.places.length) : r.kind === 'co-occurrence' ? Math.min(2, r.articles) : 1), 0);
}

// words that say what kind of body something is, not which one
const GENERIC = new Set(['the', 'of', 'and', 'in', 'for', 'city', 'office', 'government', 'municipal', 'people', 'peoples', 'mr', 'mrs', 'ms', 'dr', 'mayor']);

/** A word as romanisations spell it alike: hyphens and doubled letters gone, common vowel spellings met. */
function romanised(word: string): string {
  return word
    .replace(/ou|oh(?=$|[^aeiou])/g, 'o')
    .replace(/(?<=[^aeiou])h(?=$)/g, '')
    .replace(/yu|ue|uu/g, 'u')
    .replace(/v/g, 'u')
    .replace(/(.)\1/g, '$1');
}

/** The words of a name that tell it apart, in a spelling-neutral form. */
export function nameWords(name: string): string[] {
  return fold(name.replace(/(\p{L})-(\p{L})/gu, '$1$2'))
    .split(' ')
    .filter((w) => w.length > 0 && !GENERIC.has(w))
    .map(romanised);
}

const sortedKey = (words: string[]) => [...words].sort().join(' ');
const initialsOf = (name: string) => fold(name).split(' ').filter((w) => w.length > 0 && !['the', 'of', 'and', 'in', 'for'].includes(w)).map((w) => w[0]).join('');

/** "Shenyang FAO" abbreviates "Shenyang Foreign Affairs Office": its other words are the long name's, one is the initials of the rest. */
function abbreviates(short: string, long: string): boolean {
  const shortWords = fold(short).split(' ');
  const longWords = fold(long).split(' ');
  const rest = longWords.filter((w) => !shortWords.includes(w)).join(' ');
  const initials = initialsOf(rest);
  return initials.length >= 2 && shortWords.includes(initials) && shortWords.every((w) => w === initials || longWords.includes(w));
}

const oneWord = (name: string) => !fold(name).includes(' ');

/**
 * A name of one word ("BCC", "Sun") says nothing about two entities both named in more words: it is the
 * Bulawayo and the Banjul City Council's, Sun Zhiyang's and Richard Sun's (as for ingest, graph/alias-keys.ts).
 */
function comparedNames(a: NamedEntity, b: NamedEntity): [string, string][] {
  const namesOf = (e: NamedEntity) => [e.name, ...e.aliases];
  const bothNamed = namesOf(a).some((n) => !oneWord(n)) && namesOf(b).some((n) => !oneWord(n));
  return namesOf(a).flatMap((x) => namesOf(b).filter((y) => !(bothNamed && (oneWord(x) || oneWord(y)))).map((y): [string, string] => [x, y]));
}

function similarity(a: NamedEntity, b: NamedEntity): Reason | null {
  for (const [x, y] of comparedNames(a, b)) {
    const wx = nameWords(x);
    const wy = nameWords(y);
    if (wx.length > 0 && sortedKey(wx) === sortedKey(wy)) return { kind: 'similar-names', names: [x, y], how: 'same words in another order or spelling' };
    if (abbreviates(x, y) || abbreviates(y, x)) return { kind: 'similar-names', names: [x, y], how: 'initials' };
    const shared = wx.filter((w) => wy.includes(w)).length;
    if (shared >= 2 && shared / new Set([...wx, ...wy]).size >= 0.6) return { kind: 'similar-names', names: [x, y], how: 'most words shared' };
  }
  return null;
}

/** Words that open a candidate block: rarer words only, so a common word does not pair everything. */
const MAX_BLOCK = 40;

/**
 * Candidate pairs of one label: those sharing an alias key (given), and those whose names are
 * similar (compared within blocks of entities sharing a word, or whose initials form a word of
 * another). Pairs the analysts dismissed are left out.
 */
export function findCandidates(entities: NamedEntity[], sharedKeys: { a: string; b: string; keys: string[] }[], dismissed: Set<string>): Candidate[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const candidates = new Map<string, Candidate>();
  const pairKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);
  // the fuller name first: the one to keep when the pair is merged
  const ordered = (a: string, b: string): [string, string] => {
    const [na, nb] = [byId.get(a)!.name.length, byId.get(b)!.name.length];
    return na > nb || (na === nb && a < b) ? [a, b] : [b, a];
  };
  const add = (a: string, b: string, reason: Reason) => {
    const key = pairKey(a, b);
    if (dismissed.has(key)) return;
    const [x, y] = ordered(a, b);
    const found = candidates.get(key) ?? { a: x, b: y, reasons: [] };
    found.reasons.push(reason);
    candidates.set(key, found);
  };
  for (const { a, b, keys } of sharedKeys) if (byId.has(a) && byId.has(b)) add(a, b, { kind: 'shared-alias-key', keys });

  const blocks = new Map<string, string[]>();
  for (const e of entities) {
    const words = new Set([e.name, ...e.aliases].flatMap((n) => [...nameWords(n), initialsOf(n)]).filter((w) => w.length >= 2));
    for (const w of words) blocks.set(`${e.label}|${w}`, [...(blocks.get(`${e.label}|${w}`) ?? []), e.id]);
  }
  const compared = new Set<string>();
  for (const ids of blocks.values()) {
    if (ids.length < 2 || ids.length > MAX_BLOCK) continue;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = pairKey(ids[i]!, ids[j]!);
        if (compared.has(key)) continue;
        compared.add(key);
        const [x, y] = ordered(ids[i]!, ids[j]!);
        const reason = similarity(byId.get(x)!, byId.get(y)!);
        if (reason) add(x, y, reason);
      }
    }
  }
  return [...candidates.values()];
}

export const dismissedKey = (ids: string[]) => [...ids].sort().join('\n');
