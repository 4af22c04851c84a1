// The learned entity step: after the readers have found an article's entities and facts, each candidate
// (every entity but the events) is kept, relabelled or dropped by logistic models fitted on the annotated
// corpora (api/learn/entities.ts). Features describe the name (its generic words, shape, head noun class),
// the contexts of its mentions and what the rules said of it (label, reader, mentions, facts): never the
// names of particular people, towns or publishers (a name word is a feature only when it is a common English
// word). The graph stays consistent: a relabelled entity gets the id resolve.ts makes for its new label, and
// facts whose ends no longer fit the model's endpoint labels are dropped.
import { z } from 'zod';
import { MODEL } from '../../graph/model.ts';
import type { Article, Label } from '../article.ts';
import { classifyPlace, countryCode, isCommonWord } from '../gazetteer.ts';
import { COMPANY_HEAD, EVENT_HEAD, fold, HONORIFICS, OFFICE_HEAD, ORGANIZATION_HEAD, personWords, TITLES, VENUE_HEAD } from '../names.ts';
import { orgId, personId } from '../resolve.ts';
import { classifier, LinearModelSchema, type Classifier } from './linear.ts';
import shipped from './entities.json' with { type: 'json' };

/** The labels the step decides among; events are left as the readers made them. */
export const DECIDED_LABELS = ['Person', 'Office', 'Organization', 'Company', 'City'] as const;
export type DecidedLabel = (typeof DECIDED_LABELS)[number];

/** One model per label: the probability that the candidate is a gold entity of that label. */
export const EntityModelSchema = z.object({
  labels: z.object(Object.fromEntries(DECIDED_LABELS.map((l) => [l, LinearModelSchema])) as Record<DecidedLabel, typeof LinearModelSchema>),
});
export type EntityModel = z.infer<typeof EntityModelSchema>;

export const SHIPPED_ENTITY_MODEL: EntityModel = EntityModelSchema.parse(shipped);

const isDecided = (label: Label): label is DecidedLabel => (DECIDED_LABELS as readonly string[]).includes(label);

function headClass(word: string): string {
  if (OFFICE_HEAD.has(word)) return 'office';
  if (COMPANY_HEAD.has(word)) return 'company';
  if (ORGANIZATION_HEAD.has(word)) return 'organization';
  if (EVENT_HEAD.has(word)) return 'event';
  if (VENUE_HEAD.has(word)) return 'venue';
  if (TITLES.has(word)) return 'title';
  if (HONORIFICS.has(word)) return 'honorific';
  return 'none';
}

const shapeOf = (w: string) => (/^\p{Lu}+$/u.test(w) ? (w.length > 1 ? 'A' : 'I') : /^\p{Lu}/u.test(w) ? 'Aa' : /^\p{Ll}/u.test(w) ? 'a' : /\d/.test(w) ? '9' : '.');

/** A word usable as a feature: a common English word, lower-cased; any other word is only its shape. */
const generic = (w: string): string | null => {
  const lower = w.toLowerCase().replace(/[.,'’]+$/g, '');
  return lower.length > 1 && (isCommonWord(lower) || OFFICE_HEAD.has(lower) || COMPANY_HEAD.has(lower) || ORGANIZATION_HEAD.has(lower)) ? lower : null;
};

const bucket = (n: number, limits: readonly number[]) => {
  for (const l of limits) if (n <= l) return String(l);
  return `>${limits[limits.length - 1]}`;
};

/** The features of every candidate of an analysed article, by entity id. */
export function candidateFeatures(a: Article): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const contexts = new Map<string, Set<string>>();
  const add = (id: string, f: string) => (contexts.get(id) ?? contexts.set(id, new Set()).get(id)!).add(f);
  for (const s of a.sentences) {
    s.refs.forEach((id, j) => {
      if (!id) return;
      const m = s.mentions[j]!;
      add(id, `kind:${m.kind}`);
      if (m.typedBy) add(id, `typedBy:${m.typedBy}`);
      if (m.title) add(id, 'titled');
      if (m.possessive) add(id, 'possessive');
      if (m.text !== m.name) add(id, 'surfaceDiffers');
      if (s.paragraph === -1) add(id, 'inHeadline');
      const before = s.text.slice(Math.max(0, m.start - 30), m.start).split(/\s+/).filter(Boolean);
      const after = s.text.slice(m.end, m.end + 30).split(/\s+/).filter(Boolean);
      const prev = before[before.length - 1];
      const next = after[0];
      const prevPlaceholder = j > 0 ? s.mentions[j - 1] : undefined;
      if (prevPlaceholder && m.start - prevPlaceholder.end <= 2) add(id, `afterMention:${prevPlaceholder.kind}`);
      const nextMention = s.mentions[j + 1];
      if (nextMention && nextMention.start - m.end <= 2) add(id, `beforeMention:${nextMention.kind}`);
      if (prev) add(id, `prev:${generic(prev) ?? shapeOf(prev)}`);
      else add(id, 'prev:^');
      if (next) add(id, `next:${/^[,.;:()]/.test(next) ? next[0] : generic(next) ?? shapeOf(next)}`);
      else add(id, 'next:$');
    });
  }
  const relations = new Map<string, Map<string, number>>();
  for (const f of a.facts.values()) {
    for (const [id, end] of [[f.from, 'from'], [f.to, 'to']] as const) {
      const r = relations.get(id) ?? relations.set(id, new Map()).get(id)!;
      r.set(`${f.type}:${end}`, (r.get(`${f.type}:${end}`) ?? 0) + 1);
    }
  }
  const names = [...a.entities.values()].map((e) => ({ id: e.id, label: e.label, folded: ` ${fold(e.name)} ` }));
  for (const e of a.entities.values()) {
    if (!isDecided(e.label)) continue;
    const f: string[] = [`rule:${e.label}`];
    const words = e.name.split(/\s+/).filter(Boolean);
    f.push(`words:${bucket(words.length, [1, 2, 3, 4, 6])}`, `rule:${e.label}&words:${bucket(words.length, [1, 2, 3, 4])}`);
    f.push(`shape:${words.slice(0, 4).map(shapeOf).join('-')}`);
    const lowerWords = words.map((w) => w.toLowerCase().replace(/[.,'’]+$/g, ''));
    for (const w of words) {
      const g = generic(w);
      if (g) f.push(`w:${g}`);
    }
    const last = lowerWords[lowerWords.length - 1] ?? '';
    const first = lowerWords[0] ?? '';
    f.push(`head:${headClass(last)}`, `first:${headClass(first)}`, `rule:${e.label}&head:${headClass(last)}`);
    const lastGeneric = generic(last);
    if (lastGeneric) f.push(`last:${lastGeneric}`);
    const firstGeneric = generic(first);
    if (firstGeneric) f.push(`firstWord:${firstGeneric}`);
    for (const w of lowerWords) {
      const c = headClass(w);
      if (c !== 'none') f.push(`has:${c}`);
    }
    if (words.some((w) => /^\p{Lu}{2,}$/u.test(w))) f.push('acronym');
    if (words.some((w) => /\d/.test(w))) f.push('digit');
    if (/^\p{Lu}[\p{Ll}]{0,3}\.?$/u.test(e.name)) f.push('shortWord');
    if (e.name.length <= 4) f.push('short');
    if (personWords(e.name).length < words.length) f.push('honorificInName');
    if (countryCode(e.name)) f.push('country');
    const reading = classifyPlace(e.name).reading;
    f.push(`place:${reading ?? 'none'}`);
    if (e.cityInName) f.push('cityInName');
    if (e.aliases.size) f.push('aliased');
    f.push(`mentions:${bucket(e.mentions, [1, 2, 3, 5])}`, `rule:${e.label}&mentions:${bucket(e.mentions, [1, 2, 4])}`);
    const intro = a.introducedBy.get(e.id);
    if (intro) f.push(`introducedBy:${intro}`);
    const folded = ` ${fold(e.name)} `;
    for (const o of names) {
      if (o.id === e.id || folded.trim().length === 0) continue;
      if (o.folded.length > folded.length && o.folded.includes(folded)) f.push(`partOf:${o.label}`);
      else if (folded.length > o.folded.length && folded.includes(o.folded)) f.push(`contains:${o.label}`);
    }
    const rel = relations.get(e.id);
    if (!rel) f.push('noFacts');
    for (const [k, n] of rel ?? []) f.push(`fact:${k}`, `fact:${k}:${bucket(n, [1, 3])}`);
    if (e.id === a.homeCity) f.push('homeCity');
    for (const c of contexts.get(e.id) ?? []) f.push(c, `rule:${e.label}&${c}`);
    out.set(e.id, [...new Set(f)]);
  }
  return out;
}

export interface EntityDecision {
  /** the label chosen, or null to drop the entity */
  label: DecidedLabel | null;
  probabilities: Record<DecidedLabel, number>;
}

export interface EntityDecider {
  decide(features: readonly string[], ruleLabel: DecidedLabel): EntityDecision;
}

/** The label of highest probability, kept when it reaches its model's threshold; else the candidate is dropped. */
export function entityDecider(model: EntityModel): EntityDecider {
  const models = Object.fromEntries(DECIDED_LABELS.map((l) => [l, classifier(model.labels[l])])) as Record<DecidedLabel, Classifier>;
  const thresholds = Object.fromEntries(DECIDED_LABELS.map((l) => [l, model.labels[l].threshold])) as Record<DecidedLabel, number>;
  return {
    decide(features, ruleLabel) {
      const probabilities = Object.fromEntries(DECIDED_LABELS.map((l) => [l, models[l].probability(features)])) as Record<DecidedLabel, number>;
      // a city is only kept or dropped, and no other candidate becomes one: a city's node needs the gazetteer's reading
      const open = ruleLabel === 'City' ? (['City'] as const) : DECIDED_LABELS.filter((l) => l !== 'City');
      let best: DecidedLabel = open[0]!;
      for (const l of open) if (probabilities[l] > probabilities[best]) best = l;
      return { label: probabilities[best] >= thresholds[best] ? best : null, probabilities };
    },
  };
}

const fits = (type: string, end: 'from' | 'to', label: string) => {
  const spec = (MODEL.relationships as Record<string, { from: readonly string[]; to: readonly string[] }>)[type];
  return !spec || spec[end].includes(label);
};

/**
 * Applies the decisions to an analysed article: drops the entities judged no entity (and their facts),
 * relabels the others (new id; cities are never made from another label, only kept or dropped), and drops
 * the facts whose ends no longer fit their type. The readers' evidence stays on every fact kept.
 */
export function decideEntities(a: Article, decider: EntityDecider): void {
  const features = candidateFeatures(a);
  const dropped = new Set<string>();
  for (const [id, f] of features) {
    const e = a.entities.get(id)!;
    const { label } = decider.decide(f, e.label as DecidedLabel);
    if (label === null) {
      dropped.add(id);
      continue;
    }
    if (label === e.label) continue;
    e.label = label;
    // the id resolve.ts gives a node of this label and name
    e.props.qualifiedId = label === 'Person' ? personId(e.name) : orgId(label, e.name);
    if (label === 'Person') {
      e.words = personWords(e.name);
      e.cityInName = undefined;
    }
  }
  for (const id of dropped) a.entities.delete(id);
  for (const [key, f] of a.facts) {
    const from = a.entities.get(f.from);
    const to = a.entities.get(f.to);
    if (!from || !to || !fits(f.type, 'from', from.label) || !fits(f.type, 'to', to.label)) a.facts.delete(key);
  }
}
