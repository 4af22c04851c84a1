// The layering and the absence of import loops (.dependency-cruiser.cjs), checked on every npm test.
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type IConfiguration } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const rules = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;
const root = fileURLToPath(new URL('../..', import.meta.url));

async function violations(paths: string[], baseDir = root): Promise<string[]> {
  const result = await cruise(paths, { ...rules.options, validate: true, ruleSet: { forbidden: rules.forbidden }, baseDir });
  if (typeof result.output === 'string') throw new Error(result.output);
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${(v.cycle ? [v.from, ...v.cycle.map((c) => c.name)] : [v.from, v.to]).join(' -> ')}`);
}

describe('module structure', () => {
  it('has no import loop and keeps its layers apart', { timeout: 30_000 }, async () => {
    expect(await violations(['api', 'neo4j', 'viz/src', 'seed', 'tests/support', 'tests/unit'])).toEqual([]);
  });

  it('would catch a loop and a store that reads extraction', { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'architecture-'));
    try {
      mkdirSync(join(dir, 'api', 'store'), { recursive: true });
      mkdirSync(join(dir, 'api', 'extract'), { recursive: true });
      writeFileSync(join(dir, 'api', 'extract', 'a.ts'), "import { b } from './b.ts';\nexport const a = () => b;\n");
      writeFileSync(join(dir, 'api', 'extract', 'b.ts'), "import { a } from './a.ts';\nexport const b = () => a;\n");
      writeFileSync(join(dir, 'api', 'store', 'write.ts'), "import { a } from '../extract/a.ts';\nexport const w = a;\n");
      const found = await violations(['api'], dir);
      expect(found.some((v) => v.startsWith('no-circular:'))).toBe(true);
      expect(found).toContain('store-knows-no-language: api/store/write.ts -> api/extract/a.ts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
