// Rules as data: every pattern of a family is a named entry saying what it matches, what it emits, why
// it is a cue of the genre and an example sentence (its unit test, run by tests/unit/rules-examples.test.ts).
// One small engine runs the entries of a stage over an article's sentences and counts what each one did,
// so `npm run rules -- --report DIR` can show a rule's hits and its precision against gold.
import type { AnalyzedSentence } from '../analyzed.ts';
import { cueOf, Cues } from '../cues.ts';
import { matchAll } from '../match-all.ts';

/** A stage of the pipeline: what it reads and what it adds (declared, printed by the rules report). */
export interface Stage {
  name: string;
  reads: string;
  adds: string;
}

/** The example of a rule: a short article and the facts it must yield ("VISITED Ann Lee -> Daejeon"). */
export interface RuleExample {
  title: string;
  body: string;
  /** lines "TYPE source -> target" (PARTICIPATED_IN with " as role"), names as the graph prints them */
  expect: string[];
}

interface RuleBase {
  name: string;
  stage: string;
  /** what the entry adds, in words of the frame model or the contract ("host.people", "MET_WITH") */
  emits: string;
  /** why this is a general cue of the genre, not a sentence of one article */
  why: string;
  example: RuleExample;
}

/** A rule read on sentence templates: `matches` runs over each template; `apply` turns one match into additions. */
export interface SentenceRule<C> extends RuleBase {
  /** a cheap test on the lower-cased template that spares the regular expression most sentences */
  when?: RegExp;
  matches: RegExp;
  apply: (ctx: C, s: AnalyzedSentence, m: RegExpExecArray) => number;
}

/** A rule over whole frames (no sentence pattern): inference from slots already filled. */
export interface FrameRule<C, F> extends RuleBase {
  apply: (ctx: C, frame: F) => number;
}

export type AnyRule = RuleBase;

/** Per-rule counts of the current process: matches that added something, and what they added. */
export interface RuleStats {
  hits: number;
  added: number;
}

const stats = new Map<string, RuleStats>();
/** Facts each rule contributed to (set by the facts' owners through `credit`), for the report's precision. */
let tracing = false;

export function ruleStats(): Map<string, RuleStats> {
  return stats;
}

export function resetRuleStats(): void {
  stats.clear();
}

export function setTracing(on: boolean): void {
  tracing = on;
}

export function isTracing(): boolean {
  return tracing;
}

function count(name: string, added: number): void {
  if (!added) return;
  const st = stats.get(name) ?? { hits: 0, added: 0 };
  st.hits++;
  st.added += added;
  stats.set(name, st);
}

/** Runs sentence rules over every sentence, in the order of the list. */
export function runSentenceRules<C>(ctx: C, sentences: AnalyzedSentence[], rules: readonly SentenceRule<C>[]): void {
  const cuesOfRules = rules.map((r) => ({ when: r.when && cueOf(r.when), matches: cueOf(r.matches) }));
  for (const s of sentences) {
    // one scan of the template tells which rules' words it holds: the others are not run
    // (`when` reads the template as the sentence came, `matches` as earlier rules left it)
    const cues = Cues.ofSentence(s);
    let current = cues;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i]!;
      if (rule.when && !cues.testLowerFor(rule.when, cuesOfRules[i]!.when!)) continue;
      if (current.text !== s.template) current = Cues.ofSentence(s);
      if (!current.mayFor(cuesOfRules[i]!.matches)) continue;
      for (const m of allMatches(rule.matches, s.template)) count(rule.name, rule.apply(ctx, s, m));
    }
  }
}

/** The matches of a global expression in the whole of `text` (from the start, whatever its lastIndex), without copying it (match-all.ts). */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  re.lastIndex = 0;
  return matchAll(text, re);
}

/** Runs frame rules over every frame, rule by rule (a later rule sees what an earlier one added). */
export function runFrameRules<C, F>(ctx: C, frames: readonly F[], rules: readonly FrameRule<C, F>[]): void {
  for (const rule of rules) for (const f of frames) count(rule.name, rule.apply(ctx, f));
}
