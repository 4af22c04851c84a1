// The seeding CLIs against the real Neo4j: npm run ingest (bad files listed, exit code, idempotent)
// and npm run export, which must lose nothing: the exported dev corpus scores like `npm run extract`.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectNeo4j, type Neo4jConnection } from '../../api/store/neo4j.ts';
import { clearDatabase, testNeo4jEnv } from '../support/neo4j.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEV_CORPUS = join(ROOT, '.corpus/dev');
const SEED_DIR = join(ROOT, 'seed/articles');

function run(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, script), ...args],
      { cwd: ROOT, env: { ...process.env, ...testNeo4jEnv() }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const score = (file: string) =>
  new Promise<string>((resolve, reject) =>
    execFile('node', [join(ROOT, '../shared/tools/score.mjs'), join(ROOT, '../shared/gold/dev'), file], (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );

let conn: Neo4jConnection;
let tmp: string;
beforeAll(async () => {
  conn = await connectNeo4j({ env: { ...testNeo4jEnv() } });
  tmp = mkdtempSync(join(tmpdir(), 'exchange-graph-cli-'));
});
afterAll(async () => {
  await conn?.close();
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(async () => {
  await clearDatabase(conn);
});

describe('npm run ingest', () => {
  it('ingests files, directories and globs, lists bad files with the reason and exits non-zero', async () => {
    const bad = join(tmp, 'broken.json');
    writeFileSync(bad, '{"articles": [{"id": "x", "title": "t"}], "nodes": [{"id": "n", "label": "Planet", "name": "Mars"}]}');
    const unsupported = join(tmp, 'notes.pdf');
    writeFileSync(unsupported, '%PDF');
    const first = await run('api/cli/ingest.ts', [SEED_DIR, bad, unsupported, join(tmp, 'missing-*.txt')]);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/1 new, 0 updated, 0 unchanged/);
    expect(first.stdout).toMatch(/[1-9]\d* nodes and [1-9]\d* relationships created/);
    expect(first.stderr).toMatch(/3 failed/);
    expect(first.stderr).toMatch(/broken\.json: .*label/);
    expect(first.stderr).toMatch(/notes\.pdf: not an article file/);
    expect(first.stderr).toMatch(/missing-\*\.txt: no such file/);

    const again = await run('api/cli/ingest.ts', [join(SEED_DIR, '*.txt')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 new, 0 updated, 1 unchanged; 0 nodes and 0 relationships created/);
    expect(again.stderr).not.toMatch(/English/);
  });

  it('names the articles that do not read as English, without failing the ingest', async () => {
    const german = join(tmp, 'partnerstadt.txt');
    writeFileSync(german, 'Delegation aus der Partnerstadt\n\nDie Bürgermeisterin empfing am Montag eine Delegation aus der Partnerstadt und unterzeichnete eine Absichtserklärung über den Jugendaustausch.\n');
    const result = await run('api/cli/ingest.ts', [german, SEED_DIR]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/2 new/);
    expect(result.stderr).toMatch(/1 articles do not read as English[^\n]*\n\s+Delegation aus der Partnerstadt\n/);
  });

  it('ingests the folder npm run generate writes, articles only', async () => {
    const out = join(tmp, 'generated');
    const generated = await run('seed/generate.ts', ['--count', '3', '--out', out]);
    expect(generated.code, generated.stderr).toBe(0);
    const ingested = await run('api/cli/ingest.ts', [out]);
    expect(ingested.stderr).not.toMatch(/failed/);
    expect(ingested.code).toBe(0);
    expect(ingested.stdout).toMatch(/^3 files in .*articles 3 new/m);
  });
});

describe('npm run export', () => {
  it('carries what npm run ingest stored of each article’s text, or leaves it out with --without-text', async () => {
    expect((await run('api/cli/ingest.ts', [SEED_DIR])).code).toBe(0);
    const withText = join(tmp, 'with-text.json');
    expect((await run('api/cli/export.ts', ['--out', withText])).code).toBe(0);
    const articles = (JSON.parse(readFileSync(withText, 'utf8')) as { articles: { title: string; text?: string }[] }).articles;
    expect(articles.length).toBeGreaterThan(0);
    for (const a of articles) expect(a.text?.length, a.title).toBeGreaterThan(100);
    expect(articles.find((a) => a.title.includes('Hello, Shenyang'))?.text).toContain('Miyajima Daisuke, Mayor of Sasebo City');
    const withoutText = join(tmp, 'without-text.json');
    expect((await run('api/cli/export.ts', ['--out', withoutText, '--without-text'])).code).toBe(0);
    const bare = (JSON.parse(readFileSync(withoutText, 'utf8')) as { articles: object[] }).articles;
    expect(bare).toHaveLength(articles.length);
    expect(bare.some((a) => 'text' in a)).toBe(false);
  });

  it.skipIf(!existsSync(DEV_CORPUS))('of the dev corpus ingested in batches scores the same as npm run extract on it', async () => {
    const files = readdirSync(DEV_CORPUS).filter((f) => f.endsWith('.txt')).map((f) => join(DEV_CORPUS, f));
    expect(files.length).toBeGreaterThan(0);
    // two articles a batch: several transactions, extraction overlapping the writes
    const ingested = await run('api/cli/ingest.ts', [DEV_CORPUS, '--batch', '2']);
    expect(ingested.stderr).not.toMatch(/failed/);
    expect(ingested.code).toBe(0);

    const exported = join(tmp, 'exported.json');
    const exportRun = await run('api/cli/export.ts', ['--out', exported]);
    expect(exportRun.code).toBe(0);
    const extracted = join(tmp, 'extracted.json');
    const extractRun = await run('api/cli/extract.ts', files);
    expect(extractRun.code).toBe(0);
    writeFileSync(extracted, extractRun.stdout);

    const [fromStore, fromExtract] = await Promise.all([score(exported), score(extracted)]);
    expect(fromStore).toMatch(/F1|f1/);
    expect(fromStore).toEqual(fromExtract);
  }, 240_000);
});
