// The gazetteer's data kept on disk between processes (api/extract/gazetteer.ts): a process that reads it
// answers as one that built the data, and a cache that is unreadable or of another version is not used.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./fixtures/gazetteer-cache/answers.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gazetteer-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Answers {
  fromCache: boolean;
  answers: unknown[];
  spelling: unknown[];
}
const run = (cache: string): Answers =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, GAZETTEER_CACHE: cache }, encoding: 'utf8' })) as Answers;
const cacheFiles = () => readdirSync(dir).filter((f) => f.endsWith('.v8'));

describe('the gazetteer cache', { timeout: 120_000 }, () => {
  let built: Answers;

  it('is written by the first process and read by the next, which answers as one that builds the data', () => {
    built = run('off');
    expect(built.fromCache).toBe(false);
    writeFileSync(join(dir, 'gazetteer-0000.v8'), 'a cache of another version');
    const first = run(dir);
    expect(first.fromCache).toBe(false);
    // the other version's file is gone, this version's is there
    expect(cacheFiles()).toHaveLength(1);
    expect(cacheFiles()[0]).not.toBe('gazetteer-0000.v8');
    const second = run(dir);
    expect(second.fromCache).toBe(true);
    expect(second.answers).toEqual(built.answers);
    expect(second.spelling).toEqual(built.spelling);
    expect(first.answers).toEqual(built.answers);
  });

  it('builds the data again when the cache file cannot be read', () => {
    const [file] = cacheFiles();
    expect(file).toBeDefined();
    writeFileSync(join(dir, file!), 'not a serialised gazetteer');
    const rebuilt = run(dir);
    expect(rebuilt.fromCache).toBe(false);
    expect(run(dir).fromCache).toBe(true);
    expect(rebuilt.answers).toEqual(built.answers);
  });
});
