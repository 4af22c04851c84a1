// What every benchmark section receives, and how a section says it cannot run yet.
import type { BenchNeo4j } from './neo4j.ts';
import type { Report } from './report.ts';

export interface BenchContext {
  report: Report;
  quick: boolean;
  /** Free-text lines printed under the table (graph sizes, caps, what was reused). */
  note(section: string, line: string): void;
  /** Peak RSS figures collected by sections that start processes, reported by the memory section. */
  memory: { process: string; peakMB: number; baseline: string }[];
  /** A graph a section built and left running for the next sections (quick mode reuses the ingest graph). */
  graph: { db: BenchNeo4j; articles: number } | null;
  /** Articles/s of the ingest section, to say what building the 100k graph would cost. */
  ingestRate: number | null;
  /** The path/API section ran (even if it failed), so the memory section does not start it again. */
  graphAttempted: boolean;
  /** Build the 100k-article graph (bulk seeding) for the path and API sections; kept in .bench/neo4j-100k. */
  build100k: boolean;
  /** The bulk section built it in this run: --build-100k does not build it again. */
  built100k?: boolean;
}

/** Thrown when a dependency of a section has not landed: the run prints "skipped: <why>". */
export class SkipSection extends Error {}

/** Imports a project module, or skips the section when it (or a module it imports) does not exist yet. */
export async function importOrSkip<T>(path: string, what: string): Promise<T> {
  const url = new URL(path, import.meta.url);
  try {
    return (await import(url.href)) as T;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'ERR_MODULE_NOT_FOUND') throw error;
    const missing = /Cannot find module '([^']+)'/.exec((error as Error).message)?.[1] ?? url.pathname;
    throw new SkipSection(`${what}: not landed yet (${missing.replace(`${process.cwd()}/`, '')} missing)`);
  }
}

/** Skips when an export the section needs is missing (the module exists but is unfinished). */
export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new SkipSection(`${what} is not exported yet`);
  return value;
}
