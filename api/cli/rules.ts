// npm run rules -- --report DIR [--gold GOLD_DIR] [--scorer score.mjs]
// Extracts every article of DIR and prints, per rule (in stage order), how many matches added something,
// how many relationships it stated or helped derive and, with gold, their precision; then the
// relationships no rule is credited with yet (the readers still written as code), per type.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatFromFileName, readDocument } from '../extract/document.ts';
import { tracedDocument } from '../extract/index.ts';
import { resetRuleStats, ruleStats } from '../extract/rules/engine.ts';
import { RULE_STAGES, RULES } from '../extract/rules/catalog.ts';
import type { GraphDocument } from '../graph/schema.ts';

interface Tally { facts: number; tp: number; fp: number }
type Score = (gold: string, graph: GraphDocument) => { relationships: { tp: number; fp: number } };

function option(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] ?? null : null;
}

async function loadScorer(path: string | null): Promise<Score | null> {
  const candidates = path ? [path] : ['../shared/tools/score.mjs', '../../shared/tools/score.mjs'];
  const found = candidates.map((c) => resolve(c)).find(existsSync);
  if (!found) return null;
  return ((await import(pathToFileURL(found).href)) as { score: Score }).score;
}

/** The articles of DIR (with gold: only those the gold annotates). */
function articles(dir: string, gold: string | null): string[] {
  const annotated = gold ? new Set(readdirSync(gold).filter((f) => f.endsWith('.json')).map((f) => basename(f, '.json'))) : null;
  return readdirSync(dir).filter((f) => formatFromFileName(f) && formatFromFileName(f) !== 'json' && (!annotated || annotated.has(f.replace(/\.[^.]+$/, '')))).sort().map((f) => join(dir, f));
}

function tally(map: Map<string, Tally>, key: string, facts: number, tp: number, fp: number): void {
  const t = map.get(key) ?? { facts: 0, tp: 0, fp: 0 };
  t.facts += facts;
  t.tp += tp;
  t.fp += fp;
  map.set(key, t);
}

function scoreOne(score: Score | null, gold: string | null, doc: GraphDocument, keep: (i: number) => boolean): { n: number; tp: number; fp: number } {
  const relationships = doc.relationships.filter((_, i) => keep(i));
  if (!score || !gold || !relationships.length) return { n: relationships.length, tp: 0, fp: 0 };
  const r = score(gold, { ...doc, relationships }).relationships;
  return { n: relationships.length, tp: r.tp, fp: r.fp };
}

async function main(): Promise<void> {
  const dir = option('--report');
  const gold = option('--gold');
  if (!dir) {
    process.stderr.write('usage: npm run rules -- --report DIR [--gold GOLD_DIR] [--scorer PATH/score.mjs]\n');
    process.exit(2);
  }
  const score = gold ? await loadScorer(option('--scorer')) : null;
  if (gold && !score) process.stderr.write('no scorer found (give --scorer PATH): precision left out\n');
  resetRuleStats();
  const byRule = new Map<string, Tally>();
  const uncredited = new Map<string, Tally>();
  const files = articles(dir, gold);
  for (const file of files) {
    const format = formatFromFileName(file);
    if (!format || format === 'json') continue;
    const doc = readDocument(readFileSync(file, 'utf8'), { format, file: basename(file) });
    const { document, rules } = tracedDocument(doc);
    for (const rule of RULES) {
      const r = scoreOne(score, gold, document, (i) => rules[i]?.includes(rule.name) ?? false);
      if (r.n) tally(byRule, rule.name, r.n, r.tp, r.fp);
    }
    for (const type of new Set(document.relationships.map((x) => x.type))) {
      const r = scoreOne(score, gold, document, (i) => !rules[i]?.length && document.relationships[i]!.type === type);
      if (r.n) tally(uncredited, type, r.n, r.tp, r.fp);
    }
  }
  print(files.length, byRule, uncredited, !!score);
}

function precision(t: Tally | undefined, scored: boolean): string {
  if (!scored || !t || t.tp + t.fp === 0) return '   –';
  return (t.tp / (t.tp + t.fp)).toFixed(2).padStart(4);
}

function print(articleCount: number, byRule: Map<string, Tally>, uncredited: Map<string, Tally>, scored: boolean): void {
  const stats = ruleStats();
  const out: string[] = [`${articleCount} articles`, '', 'rule                                   hits  facts  precision'];
  for (const stage of RULE_STAGES) {
    const rules = RULES.filter((r) => r.stage === stage.name);
    if (!rules.length) continue;
    out.push(`[${stage.name}] reads ${stage.reads}; adds ${stage.adds}`);
    for (const r of rules) {
      const t = byRule.get(r.name);
      out.push(`  ${r.name.padEnd(36)} ${String(stats.get(r.name)?.hits ?? 0).padStart(4)} ${String(t?.facts ?? 0).padStart(6)}  ${precision(t, scored)}`);
    }
  }
  out.push('', 'relationships no rule is credited with (readers still written as code)');
  for (const [type, t] of [...uncredited].sort()) out.push(`  ${type.padEnd(36)}      ${String(t.facts).padStart(6)}  ${precision(t, scored)}`);
  process.stdout.write(out.join('\n') + '\n');
}

await main();
