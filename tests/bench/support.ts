// Small helpers shared by the benchmark sections: corpora on disk, free ports, percentiles,
// peak resident memory of a process.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ensureCorpus } from '../../seed/generator/corpus.ts';

export const BENCH_DIR = '.bench';

export interface CorpusText {
  file: string;
  content: string;
  bytes: number;
}

/** The files of the synthetic corpus of `count` articles, generated into .bench/ when missing. */
export function corpusFiles(count: number): string[] {
  const dir = corpusDir(count);
  ensureCorpus(dir, count);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
}

export function readTexts(files: string[]): CorpusText[] {
  return files.map((path) => {
    const buf = readFileSync(path);
    return { file: basename(path), content: buf.toString('utf8'), bytes: buf.length };
  });
}

/** The whole corpus read into memory (before any timing starts). */
export function loadCorpus(count: number): CorpusText[] {
  return readTexts(corpusFiles(count));
}

export function corpusDir(count: number): string {
  return join(BENCH_DIR, `corpus-${count % 1000 === 0 ? `${count / 1000}k` : count}`);
}

export function totalBytes(texts: { bytes: number }[]): number {
  return texts.reduce((sum, t) => sum + t.bytes, 0);
}

/** p in [0, 100], nearest-rank on a sorted copy. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = values.slice().sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

function statusField(pid: number, field: string): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Peak resident set (MB) of a live process since it started (VmHWM), or null when it is gone. */
export function peakRssMB(pid: number): number | null {
  return statusField(pid, 'VmHWM');
}

/** Current resident set (MB) of a live process, or null when it is gone. */
export function rssMB(pid: number): number | null {
  return statusField(pid, 'VmRSS');
}

/** The process and its descendants (a launcher script may sit in front of the JVM). */
export function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${out[i]}/task`)) {
        const children = readFileSync(`/proc/${out[i]}/task/${task}/children`, 'utf8').trim();
        if (children) out.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended between listing and reading
    }
  }
  return out;
}

/** Largest peak RSS among a process tree (the JVM, not its launcher). */
export function peakRssOfTreeMB(pid: number): number | null {
  const peaks = processTree(pid).map(peakRssMB).filter((x): x is number => x !== null);
  return peaks.length ? Math.max(...peaks) : null;
}

export function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}
