// Which alias keys may join two nodes, for every path that resolves identity: extraction merging
// articles (mergeGraphs), the store finding stored entities (writeGraph, BulkGraph) and curation.
// A key is `Label|normalised name` (extraction's aliasKeys makes them; the store only compares them).
// Most keys join whatever they name. A body's key of one word is weaker: "BCC" is the Bulawayo City
// Council of one article and the Banjul City Council of another, so it joins only while at most one
// body named in more words holds it; a node known by the word alone joins that body.
import { ENTITY_LABELS } from './schema.ts';

/** Labels whose one-word keys are always distinctive enough: a person's key needs two words, a city's has its country, an event's its date. */
const STRONG_WORD_LABELS: ReadonlySet<string> = new Set(['Person', 'City', 'Event']);
const NAME_LABELS: ReadonlySet<string> = new Set(ENTITY_LABELS);

const labelOf = (key: string) => key.slice(0, key.indexOf('|'));

/** A body's key of one word ("Office|bcc", "Organization|unesco"): an acronym or a bare name several bodies may share. */
export function isWordKey(key: string): boolean {
  const label = labelOf(key);
  return NAME_LABELS.has(label) && !STRONG_WORD_LABELS.has(label) && !key.slice(label.length + 1).includes(' ');
}

/**
 * Whether keys (all of one node's) name it in more than one word, so that it is a body of its own and not
 * one known by a word alone. Keys that are no names (the store's `id|…` and `split|…` bookkeeping) do not count.
 */
export function namedInMoreWords(keys: readonly string[]): boolean {
  return keys.some((key) => NAME_LABELS.has(labelOf(key)) && !isWordKey(key));
}

/** The rule itself: the holders of a one-word key may be one node when at most one of them is named in more words. */
export function wordKeyJoins(namedHolders: Iterable<string>): boolean {
  return new Set(namedHolders).size <= 1;
}

/** A stored entity under a one-word key. */
export interface WordKeyHolder {
  id: string;
  named: boolean;
}

/**
 * The stored entity an incoming node joins through one of its one-word keys, or null. A node already
 * stored under the key stays itself; otherwise it joins when the rule allows: the one named holder, or
 * the single holder when none is named (a body named in full meets the bare "BCC" stored before it).
 */
export function wordKeyTarget(holders: readonly WordKeyHolder[], node: { id: string; named: boolean }): string | null {
  if (holders.length === 0 || holders.some((h) => h.id === node.id)) return null;
  const named = holders.filter((h) => h.named).map((h) => h.id);
  if (!wordKeyJoins(node.named ? [...named, node.id] : named)) return null;
  if (named.length === 1) return named[0]!;
  return holders.length === 1 ? holders[0]!.id : null;
}
