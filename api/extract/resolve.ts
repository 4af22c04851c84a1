// Resolution: when two names are one actor. Every node gets normalised alias keys (label-scoped);
// nodes that share a key are one node. Keys are built so that the spellings the genre uses for one
// actor meet: "Port Department of Sasebo City" / "Sasebo Port Department", "the Japanese Consulate
// General in Shenyang" / "the Consulate General of Japan in Shenyang", "Shenyang Municipal People's
// Government" / "Shenyang Municipal Government", "Miyajima Daisuke" / "Daisuke Miyajima", Lyu / Lv / Lü.
// Cities carry their country in the key, so two cities of one name in different countries stay apart.
import type { GraphDocument, GraphNode, GraphRelationship } from '../graph/schema.ts';
import { isWordKey, namedInMoreWords, wordKeyJoins } from '../graph/alias-keys.ts';
import { dedupeRelationships, mergeNode, withEvent } from '../graph/merge.ts';
import { BoundedCache } from './bounded-cache.ts';
import { classifyPlace, countryCode } from './gazetteer.ts';
import { fold, personKey, personKeys, personWords, slug } from './names.ts';

const COMPANY_SUFFIX = /\s(co ltd|co|ltd|inc|corp|corporation|limited|llc|plc|gmbh|company|k k|kk)$/;
const FILLER = new Set(['municipal', 'metropolitan', 'peoples', 'people', 'city', 'town', 'borough', 'the', 'in', 's']);

// words that never open a country's name: spare the lookups
const NOT_COUNTRY_START = new Set([
  'municipal', 'metropolitan', 'peoples', 'people', 'city', 'town', 'borough', 'county', 'district', 'the', 'of', 'and',
  'for', 'in', 'with', 's', 'government', 'office', 'bureau', 'council', 'committee', 'department', 'commission',
  'association', 'society', 'university', 'school', 'college', 'group', 'co', 'ltd', 'company', 'foreign', 'affairs',
  'friendship', 'culture', 'tourism', 'sports', 'health', 'port', 'international', 'general', 'consulate', 'embassy',
  'chamber', 'commerce', 'industry', 'trade', 'youth', 'exchange', 'foods', 'cruises', 'centre', 'center', 'museum',
]);
const countryCache = new Map<string, string | null>();
function countryOf(words: string): string | null {
  let c = countryCache.get(words);
  if (c === undefined) {
    c = /^(general|city|office|government|council|people|peoples|the|of|and|municipal|new|port)$/.test(words) ? null : countryCode(words);
    countryCache.set(words, c);
  }
  return c;
}

const orgKeyCache = new BoundedCache<string>(20_000);

/** Order-free, filler-free key of an organisation name. */
export function orgKey(name: string): string {
  return orgKeyCache.get(name, () => orgKeyUncached(name));
}

function orgKeyUncached(name: string): string {
  // "… Association in Okinawa Prefecture" is the one "in Okinawa"
  let s = fold(name.replace(/\([^)]*\)/g, ' ')).replace(/^the /, '').replace(/( in \w+(?: \w+)?) (?:prefecture|province)$/, '$1');
  for (let i = 0; i < 2; i++) s = s.replace(COMPANY_SUFFIX, '');
  let words = s.split(' ').filter(Boolean);
  // countries and demonyms to codes (up to three words: "people s republic of china" is folded to peoples republic of china)
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let matched = 0;
    for (let len = NOT_COUNTRY_START.has(words[i]!) ? 0 : Math.min(5, words.length - i); len >= 1; len--) {
      const span = words.slice(i, i + len).join(' ');
      if (len === 1 && span.length < 3) continue;
      const cc = countryOf(span);
      if (cc) {
        out.push(`cc${cc.toLowerCase()}`);
        matched = len;
        break;
      }
    }
    if (matched) i += matched - 1;
    else out.push(words[i]!);
  }
  words = out;
  // "X of PLACE" -> "PLACE X" when the complement is a place (one or two words)
  const of = words.indexOf('of');
  if (of > 0 && of < words.length - 1) {
    const comp = words.slice(of + 1);
    const inAt = comp.indexOf('in');
    let place = inAt >= 0 ? comp.slice(0, inAt) : comp;
    // "Foreign Affairs Office of (the) Shenyang (Municipal) Government" is the Shenyang Foreign Affairs Office
    if (place.length >= 2 && place[place.length - 1] === 'government' && words[of - 1] !== 'government') {
      place = place.slice(0, -1);
      while (place.length > 1 && /^(?:municipal|metropolitan|city|people|s|peoples)$/.test(place[place.length - 1]!)) place = place.slice(0, -1);
    }
    const seat = inAt >= 0 ? comp.slice(inAt + 1) : [];
    if (place.length <= 3 && place.every((w) => !['and', 'for', 'with'].includes(w))) {
      const looksPlace = place.length === 1 && place[0]!.startsWith('cc') || place.some((w) => w === 'city') || place.length === 2 && /^(district|county)$/.test(place[1]!) || !!classifyPlace(place.join(' ')).reading;
      if (looksPlace) words = [...place, ...words.slice(0, of), ...seat];
    }
  }
  const diplomatic = words.some((w) => /^(consulate|embassy|consul|consular)$/.test(w));
  let key = words.filter((w) => !FILLER.has(w));
  if (!diplomatic && key.length > 2 && key.some((w) => w.startsWith('cc'))) key = key.filter((w) => !w.startsWith('cc'));
  return key.join(' ');
}

/** Initials of an organisation name's capitalised words: "Lisburn & Castlereagh City Council" -> LCCC. */
export function initials(name: string): string {
  return name
    .replace(/\([^)]*\)/g, ' ')
    .split(/[\s\-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0]!)
    .join('');
}

// names recur within and across articles: one lookup instead of the words', the sort and the slug's
const personIdCache = new BoundedCache<string>(20_000);

export function personId(name: string): string {
  return personIdCache.get(name, () => `person:${slug(personWords(name).slice().sort().join(' '))}`);
}

export function cityId(name: string, country: string | null | undefined): string {
  return `city:${slug(name.replace(/\s+(city|municipality)$/i, ''))}${country ? '-' + country.toLowerCase() : ''}`;
}

export function orgId(label: string, name: string): string {
  return `${label.toLowerCase()}:${slug(orgKey(name) || name)}`;
}

/** Events are identified by date, city and kind when the date is precise; else by their name. */
export function eventId(name: string, date: string | null | undefined, cityKey: string | null | undefined, kind: string | null | undefined): string {
  if (date && date.length >= 7 && cityKey && kind) return `event:${date}-${cityKey.replace(/^city:/, '')}-${slug(kind)}`;
  return `event:${slug(name).slice(0, 60)}${cityKey ? '-' + cityKey.replace(/^city:/, '') : ''}${date ? '-' + date.slice(0, 4) : ''}`;
}

/** Normalised keys under which a node can be found, scoped by label. */
export function aliasKeys(node: GraphNode): string[] {
  const keys = new Set<string>();
  const names = [node.name, ...(node.aliases ?? [])];
  const p = node.properties ?? {};
  switch (node.label) {
    case 'Person':
      for (const n of names) {
        const w = personWords(n);
        if (w.length >= 2) for (const k of personKeys(n)) keys.add(`Person|${k}`);
      }
      break;
    case 'City': {
      const cc = typeof p.country === 'string' ? p.country.toLowerCase() : '';
      for (const n of names) {
        const k = fold(n).replace(/ (city|municipality|shi)$/, '');
        if (k) keys.add(`City|${k}${cc ? '|' + cc : ''}`);
      }
      break;
    }
    case 'Event': {
      if (typeof p.date === 'string' && p.date.length >= 7 && typeof p.city === 'string' && typeof p.kind === 'string') {
        keys.add(`Event|${p.date}|${p.city}|${p.kind}`);
      }
      // an undated happening's name is no key: two articles' "signing ceremony" in one town are seldom one
      if (typeof p.date === 'string') {
        for (const n of names) {
          const k = fold(n).replace(/^the /, '');
          if (k) keys.add(`Event|${k}${typeof p.city === 'string' ? '|' + p.city : ''}|${p.date.slice(0, 4)}`);
        }
      }
      break;
    }
    default: {
      // a body named by its kind ("City Council") is known with the town it belongs to (extraction's `town`)
      const town = typeof p.town === 'string' ? p.town : null;
      for (const n of names) {
        const k = orgKey(town ? withTown(n, town) : n);
        if (k && (k.includes(' ') || k.length >= 3)) keys.add(`${node.label}|${k}`);
      }
    }
  }
  return [...keys];
}

/**
 * A body's name with the town it belongs to: "City Council" of Norfolk -> "Norfolk City Council"; the name when it
 * says the town already, the town's when the town's name says the body ("District Municipality" of "Sarah Baartman
 * District Municipality").
 */
export function withTown(name: string, town: string): string {
  const body = ` ${fold(name)} `;
  const place = ` ${fold(town)} `;
  if (body.includes(place)) return name;
  return place.includes(body) ? town : `${town} ${name.replace(/^the\s+/i, '')}`;
}

// ---------------------------------------------------------------- merging documents

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb < ra ? ra : rb, rb < ra ? rb : ra);
  }
}

function copyNode(n: GraphNode): GraphNode {
  return { id: n.id, label: n.label, name: n.name, aliases: [...(n.aliases ?? [])], properties: { ...(n.properties ?? {}) } };
}

/**
 * Nodes sharing a one-word key are one only when the key is unique among the bodies named in more words
 * (graph/alias-keys.ts): "BCC" is the Bulawayo City Council of one article and the Banjul City Council of
 * another, and must not make them one. Nodes known only by the one word join the single fully named body
 * that holds it, or each other.
 */
function joinUnlessAmbiguous(uf: UnionFind, holders: string[], node: (id: string) => GraphNode): void {
  if (!wordKeyJoins(holders.filter((id) => namedInMoreWords(aliasKeys(node(id)))).map((id) => uf.find(id)))) return;
  for (const id of holders.slice(1)) uf.union(holders[0]!, id);
}

/** Resolution across documents: nodes sharing an alias key become one; relationships follow. */
export function mergeGraphs(docs: GraphDocument[]): GraphDocument {
  const uf = new UnionFind();
  const nodes = new Map<string, GraphNode>();
  const keyOwner = new Map<string, string>();
  const holdersOfWordKey = new Map<string, Set<string>>();
  for (const d of docs) {
    for (const n of d.nodes) {
      const existing = nodes.get(n.id);
      if (existing) {
        if (existing.label === n.label) mergeNode(existing, copyNode(n));
      } else nodes.set(n.id, copyNode(n));
      for (const k of aliasKeys(n)) {
        if (isWordKey(k)) {
          (holdersOfWordKey.get(k) ?? holdersOfWordKey.set(k, new Set()).get(k)!).add(n.id);
          continue;
        }
        const owner = keyOwner.get(k);
        if (owner && owner !== n.id) uf.union(owner, n.id);
        else keyOwner.set(k, n.id);
      }
    }
  }
  for (const holders of holdersOfWordKey.values()) joinUnlessAmbiguous(uf, [...holders], (id) => nodes.get(id)!);
  const merged = new Map<string, GraphNode>();
  for (const [id, n] of nodes) {
    const root = uf.find(id);
    const into = merged.get(root);
    if (!into) merged.set(root, root === id ? n : copyNode(nodes.get(root)!));
    if (root !== id) mergeNode(merged.get(root)!, n);
  }
  const articles = new Map<string, GraphDocument['articles'][number]>();
  for (const d of docs) for (const a of d.articles) if (!articles.has(a.id)) articles.set(a.id, a);
  const rels = docs.flatMap((d) => d.relationships).map((r) => ({ ...r, source: uf.find(r.source), target: uf.find(r.target), properties: withEvent(r.properties, (id) => uf.find(id)) }));
  return {
    articles: [...articles.values()],
    nodes: [...merged.values()],
    relationships: dedupeRelationships(rels.filter((r) => merged.has(r.source) && merged.has(r.target) || r.type === 'MENTIONS')),
  };
}
