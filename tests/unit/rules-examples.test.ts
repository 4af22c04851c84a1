// Every rule kept as data carries an example article: the rule must fire on it and the facts the example
// names must come out of the whole extraction. A rule whose example stops working fails here by name.
import { beforeAll, describe, expect, it } from 'vitest';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import { resetRuleStats, ruleStats } from '../../api/extract/rules/engine.ts';
import { RULE_STAGES, RULES } from '../../api/extract/rules/catalog.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { extractText, nameOf } from '../support/extraction.ts';

beforeAll(() => void gazetteerStats(), 120_000);

/** The graph's relationships as the examples write them: "TYPE source -> target[ as role]". */
function lines(g: GraphDocument): string[] {
  return g.relationships.map((r) => `${r.type} ${nameOf(g, r.source)} -> ${nameOf(g, r.target)}${r.type === 'PARTICIPATED_IN' ? ` as ${String(r.properties.role)}` : ''}`);
}

/** Symmetric MET_WITH and SISTER_CITY_OF may come out in either direction. */
function has(found: string[], line: string): boolean {
  const m = /^(MET_WITH|SISTER_CITY_OF) (.+) -> (.+)$/.exec(line);
  return found.includes(line) || (!!m && found.includes(`${m[1]} ${m[3]} -> ${m[2]}`));
}

describe('rules kept as data', () => {
  it('names each rule once and runs it in a declared stage', () => {
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    const stages = new Set(RULE_STAGES.map((s) => s.name));
    for (const r of RULES) expect(stages.has(r.stage), `${r.name}: stage ${r.stage}`).toBe(true);
  });

  for (const rule of RULES) {
    it(`${rule.name}: fires on its example and yields what it promises`, () => {
      resetRuleStats();
      const g = extractText(rule.example.title, rule.example.body, '2024-12-01');
      expect(ruleStats().get(rule.name)?.hits ?? 0, `${rule.name} did not fire`).toBeGreaterThan(0);
      const found = lines(g);
      for (const line of rule.example.expect) expect(has(found, line), `${line}\n  got:\n  ${found.join('\n  ')}`).toBe(true);
    });
  }
});
