// Writes a synthetic corpus to disk, one .txt file per article, plus .corpus.json describing it
// (seed, count, bytes) so the benchmarks can tell whether an existing corpus is the one they want.
// The manifest is a dot file so `npm run ingest DIR` (which skips dot files) reads articles only.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateArticle } from './article.ts';
import { World } from './world.ts';

export interface CorpusManifest {
  generator: number;
  seed: number;
  count: number;
  bytes: number;
}

/** Bump when the generated text changes, so stale corpora are regenerated. */
export const GENERATOR_VERSION = 1;

const MANIFEST = '.corpus.json';
/** Where earlier versions put the manifest, in the way of `npm run ingest DIR`; removed on regeneration. */
const OLD_MANIFEST = 'corpus.json';

export function readManifest(dir: string): CorpusManifest | null {
  try {
    const file = [MANIFEST, OLD_MANIFEST].map((name) => join(dir, name)).find((path) => existsSync(path));
    return file ? (JSON.parse(readFileSync(file, 'utf8')) as CorpusManifest) : null;
  } catch {
    return null;
  }
}

export function generateCorpus(opts: { count: number; out: string; seed?: number; onProgress?: (done: number) => void }): CorpusManifest {
  const seed = opts.seed ?? 42;
  mkdirSync(opts.out, { recursive: true });
  for (const f of readdirSync(opts.out)) if (f.endsWith('.txt') || f === MANIFEST || f === OLD_MANIFEST) rmSync(join(opts.out, f));
  const world = new World(seed, opts.count);
  const width = String(opts.count - 1).length;
  let bytes = 0;
  for (let i = 0; i < opts.count; i++) {
    const article = generateArticle(world, i);
    const data = Buffer.from(article.text, 'utf8');
    bytes += data.length;
    writeFileSync(join(opts.out, `${String(i).padStart(width, '0')}-${article.slug}.txt`), data);
    if (opts.onProgress && (i + 1) % 1000 === 0) opts.onProgress(i + 1);
  }
  const manifest: CorpusManifest = { generator: GENERATOR_VERSION, seed, count: opts.count, bytes };
  writeFileSync(join(opts.out, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/** The corpus at `dir`, generated first when missing or not matching (count, seed, generator version). */
export function ensureCorpus(dir: string, count: number, seed = 42): CorpusManifest {
  const existing = readManifest(dir);
  if (existing && existing.count === count && existing.seed === seed && existing.generator === GENERATOR_VERSION) return existing;
  return generateCorpus({ count, out: dir, seed });
}
