// Which gold entity each extracted node is, and which facts the gold states between two of them: the matching
// of ../shared/tools/score.mjs (names normalised the same way, honorifics and company suffixes dropped, events by
// shared content words, each gold entity taken once, in node order), so that a training label says yes exactly
// when the scorer would count the fact right.
import { readFileSync } from 'node:fs';
import type { GraphDocument } from '../graph/schema.ts';

export interface GoldEntity {
  key: string;
  label: string;
  name: string;
  aliases?: string[];
  optional?: boolean;
}

interface GoldRelationship {
  type: string;
  from: string | string[];
  to: string | string[];
  role?: string | string[];
  title?: string | string[];
  optional?: boolean;
}

export interface GoldFile {
  file?: string;
  entities: GoldEntity[];
  relationships: GoldRelationship[];
}

/** A fact the gold states: its ends as lists of acceptable keys, and its role or title (normalised), if any. */
export interface GoldFact {
  type: string;
  from: readonly string[];
  to: readonly string[];
  /** normalised roles (PARTICIPATED_IN) or titles (HOLDS_POSITION); [''] for the other types */
  values: readonly string[];
  optional: boolean;
}

export interface Alignment {
  /** node id → gold key, for nodes the scorer matches (optional gold entities included) */
  goldOf: ReadonlyMap<string, string>;
  /** node label → gold label counts the scorer makes of this graph: true positives and false positives */
  entityCounts: ReadonlyMap<string, { tp: number; fp: number; fn: number }>;
  gold: GoldFile;
  /** the gold facts of `type` between the gold entities of two nodes, in either direction for symmetric types */
  factsBetween(type: string, source: string, target: string): GoldFact[];
}

const SCORED_LABELS = new Set(['Person', 'Office', 'Company', 'Organization', 'City', 'Event']);
const SYMMETRIC = new Set(['SISTER_CITY_OF', 'MET_WITH']);
const HONORIFICS = new Set([
  'former', 'vice', 'deputy', 'executive', 'mayor', 'governor', 'consul', 'general', 'secretary',
  'mr', 'mrs', 'ms', 'dr', 'prof', 'professor', 'president', 'chairman', 'chairwoman', 'director',
  'ambassador', 'minister', 'party', 'chief', 'madam', 'madame', 'sir', 'hon', 'honorable',
  'honourable', 'lord', 'cr', 'cllr', 'councillor', 'councilor', 'commissioner', 'chair',
  'chairperson', 'acting', 'senator', 'sen', 'rep', 'dame', 'lady',
]);
const STOP = new Set(['the', 'of', 'and', 'in', 'a', 'an', 'for', 'to', 'on', 'at', 'with', 'event', 'day']);

/** The scorer's normalisation of a name, a role or a title. */
export function normalizeName(s: unknown): string {
  return String(s ?? '')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/&/g, ' and ')
    .replace(/[\u2018\u2019\u201c\u201d'"`.,;:!?()[\]{}<>\-\u2013\u2014/\\+|]/g, ' ')
    .replace(/\s+/g, ' ').trim()
    .replace(/^the /, '');
}

/** A gold or extracted title or role as the scorer compares them: "former" is no part of the post. */
export const normalizeValue = (s: unknown) => normalizeName(s).replace(/^former /, '');

function nameKeys(label: string, name: string): string[] {
  const n = normalizeName(name);
  if (!n) return [];
  const keys = new Set([n]);
  if (label === 'City') keys.add(n.replace(/ (city|municipality|shi)$/, ''));
  if (label === 'Person') {
    let words = n.split(' ');
    while (words.length > 2 && HONORIFICS.has(words[0]!)) words = words.slice(1);
    keys.add(words.join(' '));
    keys.add([...words].sort().join(' '));
  }
  if (label === 'Company') keys.add(n.replace(/ (co ltd|co|ltd|inc|corp|corporation|limited|llc|plc)$/g, '').trim());
  return [...keys].filter(Boolean);
}

function contentWords(s: string): Set<string> {
  return new Set(normalizeName(s).split(' ').filter((w) => w && !STOP.has(w)));
}

export function eventSimilar(a: string, b: string): boolean {
  const A = contentWords(a);
  const B = contentWords(b);
  if (!A.size || !B.size) return false;
  let shared = 0;
  for (const w of A) if (B.has(w)) shared++;
  return shared / Math.min(A.size, B.size) >= 0.75 || shared / new Set([...A, ...B]).size >= 0.5;
}

/** The gold entities of `label` whose names the scorer matches with one of `names` (by name only; events are matched by their words). */
export function goldEntitiesNamed(gold: GoldFile, label: string, names: readonly string[]): GoldEntity[] {
  const keys = new Set(names.flatMap((n) => nameKeys(label, n)));
  return gold.entities.filter((g) => g.label === label && [g.name, ...(g.aliases ?? [])].some((n) => nameKeys(label, n).some((k) => keys.has(k))));
}

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Aligns the graph of one article with that article's gold file. */
export function alignToGold(goldPath: string, graph: GraphDocument): Alignment {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile;
  const index = gold.entities.map((e) => {
    const names = [e.name, ...(e.aliases ?? [])];
    return { ...e, names, keys: new Set(names.flatMap((n) => nameKeys(e.label, n))) };
  });
  const goldOf = new Map<string, string>();
  const matched = new Set<string>();
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const count = (label: string) => counts.get(label) ?? counts.set(label, { tp: 0, fp: 0, fn: 0 }).get(label)!;
  for (const n of graph.nodes) {
    if (!SCORED_LABELS.has(n.label)) continue;
    const names = [n.name, ...((n as { aliases?: string[] }).aliases ?? [])];
    const keys = names.flatMap((x) => nameKeys(n.label, x));
    const candidates = index.filter((g) => g.label === n.label && (keys.some((k) => g.keys.has(k)) || (n.label === 'Event' && names.some((x) => g.names.some((y) => eventSimilar(x, y))))));
    const free = candidates.find((g) => !matched.has(g.key) && !g.optional) ?? candidates.find((g) => !matched.has(g.key));
    if (free) {
      matched.add(free.key);
      goldOf.set(n.id, free.key);
      if (!free.optional) count(n.label).tp++;
    } else if (candidates.length && candidates.every((g) => g.optional)) {
      goldOf.set(n.id, candidates[0]!.key);
    } else count(n.label).fp++;
  }
  for (const g of index) if (!g.optional && !matched.has(g.key)) count(g.label).fn++;

  const facts: GoldFact[] = gold.relationships.map((r) => ({
    type: r.type,
    from: list(r.from),
    to: list(r.to),
    values: r.type === 'PARTICIPATED_IN' ? list(r.role).map(normalizeValue) : r.type === 'HOLDS_POSITION' ? list(r.title).map(normalizeValue) : [''],
    optional: !!r.optional,
  }));
  const factsBetween = (type: string, source: string, target: string): GoldFact[] => {
    const a = goldOf.get(source);
    const b = goldOf.get(target);
    if (!a || !b) return [];
    return facts.filter((f) => f.type === type && ((f.from.includes(a) && f.to.includes(b)) || (SYMMETRIC.has(type) && f.from.includes(b) && f.to.includes(a))));
  };
  return { goldOf, entityCounts: counts, gold, factsBetween };
}
