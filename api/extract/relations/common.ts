// Helpers the relation patterns share: reading lists of actors, subjects and the cities phrases point at.
import type { AnalyzedSentence, Article } from '../article.ts';
import { matchAll } from '../match-all.ts';

const PH = /⟨([A-Z])(\d+)⟩/g;

export interface Slot {
  letter: string;
  index: number;
  /** offset in the template */
  at: number;
  id: string | null;
}

export function slots(s: AnalyzedSentence, from = 0, to = s.template.length): Slot[] {
  const out: Slot[] = [];
  const part = s.template.slice(from, to);
  for (const m of matchAll(part, PH)) {
    const index = Number(m[2]);
    out.push({ letter: m[1]!, index, at: from + m.index!, id: s.refs[index] ?? null });
  }
  return out;
}

/** Actors of a stretch of template, leaving out complements ("Consul General of ⟨O⟩", "in ⟨C⟩"). */
export function actorsIn(s: AnalyzedSentence, from: number, to: number, letters = 'POMGC', keepFrom = false): string[] {
  const out: string[] = [];
  for (const sl of slots(s, from, to)) {
    if (!letters.includes(sl.letter) || !sl.id) continue;
    const before = s.template.slice(Math.max(from, sl.at - 40), sl.at);
    const complement = keepFrom
      ? /\b(of|at|in|for|to|with|on behalf of|by)\s(the\s)?$/i.test(before) && !/\b(representatives|leaders|officials|members|delegates|delegation|staff|guests|people|officers|heads?|those)\s+(of|from)\s(the\s)?$/i.test(before) && !/\bfrom\s(the\s)?$/i.test(before)
      : /\b(of|at|in|for|to|from|with|on behalf of|by)\s(the\s)?$/i.test(before);
    if (complement) continue;
    // a person's possessive ("Xi Jinping's important instructions") is no actor
    if (s.mentions[sl.index]?.possessive) continue;
    if (!out.includes(sl.id)) out.push(sl.id);
  }
  return out;
}

/** Where the clause that starts at `from` ends. */
export function clauseEnd(t: string, from: number): number {
  const re = /(?:[.;!?](?:\s|$)|,? (?:which|who|where|when|while|whereas|because|so that|in order to)\b|, (?:and )?(?:he|she|they|it) )/g;
  re.lastIndex = from;
  const m = re.exec(t);
  return m ? m.index : t.length;
}

/** Start of the clause that ends at `to`. */
export function clauseStart(t: string, to: number): number {
  const head = t.slice(0, to);
  let best = 0;
  for (const m of matchAll(head, /(?:[.;!?] |\bwhile |\bwhereas |, (?:and |but )?(?:while|whereas|although|as(?! well)|after|before|when) )/g)) best = m.index! + m[0].length;
  return best;
}

/** The person mentioned last before `at` in its clause. */
export function lastPersonBefore(s: AnalyzedSentence, at: number): string | null {
  const people = slots(s, clauseStart(s.template, at), at).filter((x) => x.letter === 'P' && x.id);
  return people[people.length - 1]?.id ?? null;
}

/** The subject of a verb at `verbAt`: the actors before it in its clause. */
export function subjectsBefore(a: Article, s: AnalyzedSentence, verbAt: number, letters = 'POMGC'): string[] {
  const start = clauseStart(s.template, verbAt);
  // names after an earlier verb of the clause are its objects ("… visited A and B, and attended …")
  const verb = /\b(?:visited|toured|met|signed|held|hosted|received|welcomed|invited|inspected|thanked|praised|said|told|briefed|introduced|called on|witnessed|accompanied|joined)\b/.exec(s.template.slice(start, verbAt));
  const end = verb ? start + verb.index : verbAt;
  return actorsIn(s, start, end, letters, true).filter((id) => a.label(id) !== 'City' || letters.includes('C'));
}

/** The subject of a verb as a coordinated run ending nearest the verb: "A and B (…) attended", not "A visited X, B visited". */
export function nearestSubjects(a: Article, s: AnalyzedSentence, verbAt: number, letters = 'POMG'): string[] {
  const start = clauseStart(s.template, verbAt);
  const sl = slots(s, start, verbAt).filter((x) => letters.includes(x.letter) && x.id);
  const actors = new Set(actorsIn(s, start, verbAt, letters, true));
  const run: Slot[] = [];
  for (let i = sl.length - 1; i >= 0; i--) {
    const x = sl[i]!;
    if (!actors.has(x.id!)) continue;
    const prev = run[run.length - 1];
    if (prev) {
      const between = s.template.slice(x.at, prev.at).replace(/^⟨[A-Z]\d+⟩(?:'s)?/, '');
      const coordinated = /^(?:,? (?:and |or |as well as )?|, )(?:the )?$/.test(between) || /^(?: \([^)]*\)|, [^,]*,)?,? (?:and |as well as )(?:the )?$/.test(between);
      if (!coordinated) break;
    }
    run.push(x);
  }
  return [...new Set(run.reverse().map((x) => x.id!))];
}

const NUMBER_WORDS: Record<string, number> = {
  once: 1, twice: 2, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8,
  ninth: 9, tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fifteenth: 15, twentieth: 20,
};

export function numberWord(w: string): number | null {
  const l = w.toLowerCase();
  if (NUMBER_WORDS[l] !== undefined) return NUMBER_WORDS[l]!;
  const n = parseInt(l, 10);
  return Number.isFinite(n) ? n : null;
}

/** A city the words point at: ⟨C⟩, "the Chinese city" (the one city of that country in the article). */
export function cityAt(a: Article, s: AnalyzedSentence, t: string): { id: string; length: number } | null {
  const direct = /^(?:the )?(?:(?:city|town|village|municipality) of )?⟨C(\d+)⟩(?!['’])/.exec(t);
  if (direct) {
    const id = s.refs[Number(direct[1])];
    return id ? { id, length: direct[0].length } : null;
  }
  const byCountry = /^the (?:⟨N(\d+)⟩|(\w+)) (?:city|town|municipality)\b/.exec(t);
  if (byCountry) {
    const m = byCountry[1] ? s.mentions[Number(byCountry[1])] : null;
    const cc = m?.country ?? null;
    if (cc) {
      const cities = [...a.entities.values()].filter((e) => e.label === 'City' && e.props.country === cc);
      if (cities.length === 1) return { id: cities[0]!.id, length: byCountry[0].length };
    }
  }
  return null;
}
