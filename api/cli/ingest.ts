// npm run ingest -- PATH... [--batch N]
// Files, directories (searched for .txt .md .html .json) and globs, extracted and written straight to
// Neo4j one transaction per batch. Bad files are skipped and listed at the end with the reason; the
// exit code is 1 if any failed.
//
// npm run ingest -- --bulk PATH... [--batch N] [--threads N] [--csv-dir DIR]
// First load of an empty database: extraction on every core, then `neo4j-admin database import`.
// The bundled Neo4j (NEO4J_URI unset) must be stopped; the CLI imports, starts it once for the
// schema and stops it. With NEO4J_URI set it writes the CSV files and prints the command to run on
// the server's machine, after which `npm run ingest -- --finish-bulk --csv-dir DIR` (server running) completes it.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { bundledOptionsFromEnv } from '../../neo4j/env.ts';
import { adminImportCommand, DEFAULT_DATABASE } from '../../neo4j/import.ts';
import { DEFAULT_DATA_DIR } from '../../neo4j/server.ts';
import { buildBulkGraph, type BulkBuild } from '../ingest/bulk.ts';
import { articleFiles, fileBatches, ingestStream, NOT_ENGLISH, type FailedInput } from '../ingest/service.ts';
import { importArguments, ImportWriter, readEmptyLists } from '../store/bulk-csv.ts';
import { finishBulkImport } from '../store/bulk.ts';
import { applySchema } from '../store/neo4j.ts';
import { addChanges, noChanges, type WriteResult } from '../store/write.ts';
import { seedBundled } from './bulk.ts';
import { openDatabase, type Database } from './database.ts';

const USAGE =
  'usage: npm run ingest -- PATH... [--batch N]   (files, directories or globs; N >= 1, default 25)\n' +
  '       npm run ingest -- --bulk PATH... [--batch N] [--threads N] [--csv-dir DIR]   (first load of an empty database)\n' +
  '       npm run ingest -- --finish-bulk [--csv-dir DIR]   (after neo4j-admin imported the CSV files of DIR into an external server)';

function progressBar(total: number, failed: () => number) {
  const bar = new cliProgress.SingleBar(
    { format: 'ingest {bar} {value}/{total} articles | {rate} articles/s | {failed} failed', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(total, 0, { rate: '0.0', failed: failed() });
  let done = 0;
  return {
    advance(inputs: number) {
      done += inputs;
      bar.update(done, { rate: (done / ((performance.now() - started) / 1000)).toFixed(1), failed: failed() });
    },
    stop: () => bar.stop(),
    seconds: () => (performance.now() - started) / 1000,
  };
}

function reportFailed(failed: FailedInput[]): number {
  if (failed.length === 0) return 0;
  console.error(`${failed.length} failed:`);
  for (const f of failed) console.error(`  ${f.file}: ${f.reason}`);
  return 1;
}

/** Names the articles whose text does not read as English, so a seeding script's user knows why they gave little. */
function reportNotEnglish(names: readonly string[]): void {
  if (names.length === 0) return;
  const shown = 20;
  console.error(`${names.length} articles do not read as English: the extractor reads English articles, so few or no facts were found in them:`);
  for (const name of names.slice(0, shown)) console.error(`  ${name}`);
  if (names.length > shown) console.error(`  … and ${names.length - shown} more`);
}

/** Failed inputs of a bulk build, new versions of earlier articles among them (bulk loads first versions only). */
function bulkFailures(build: BulkBuild): FailedInput[] {
  return [
    ...build.failed,
    ...build.replacing.map((r) => ({
      file: r.file ?? r.title,
      reason: `a new version of article ${r.previous} (same URL, or same title and file): not bulk-loaded; ingest it without --bulk afterwards`,
    })),
  ];
}

async function bulk(files: string[], failed: FailedInput[], batchSize: number, threads: number | undefined, csvDir: string | undefined): Promise<number> {
  const progress = progressBar(files.length, () => failed.length);
  if (process.env.NEO4J_URI) {
    const dir = resolve(csvDir ?? 'bulk-import');
    const writer = new ImportWriter(dir);
    const build = await buildBulkGraph(fileBatches(files, batchSize), writer.article, { threads, onBatch: progress.advance });
    progress.stop();
    const written = writer.finish(build.graph);
    const database = process.env.NEO4J_DATABASE || DEFAULT_DATABASE;
    console.log(
      `${build.graph.articles.size} articles extracted in ${build.seconds.toFixed(1)} s on ${build.threads} threads; ` +
        `${written.nodes} nodes and ${written.relationships} relationships written as CSV to ${dir}.\n` +
        `On the server's machine, with database "${database}" stopped (or not yet created), copy that folder and run:\n\n  ` +
        adminImportCommand(database, importArguments(written)) +
        `\n\nthen start the database (CREATE DATABASE ${database} if it is new) and run: npm run ingest -- --finish-bulk --csv-dir ${dir}`,
    );
    reportNotEnglish(build.notEnglish);
    return reportFailed([...failed, ...bulkFailures(build)]);
  }
  const server = bundledOptionsFromEnv(process.env);
  const seed = await seedBundled(fileBatches(files, batchSize), {
    server,
    csvDir: resolve(csvDir ?? resolve(DEFAULT_DATA_DIR, '..', 'bulk-import')),
    keepCsv: csvDir !== undefined,
    threads,
    onBatch: progress.advance,
  });
  progress.stop();
  const { build, files: written } = seed;
  const cpu = (seconds: number | null) => (seconds === null ? 'CPU ?' : `CPU ${seconds.toFixed(1)} s`);
  console.log(
    `${files.length} files in ${progress.seconds().toFixed(1)} s: ${build.graph.articles.size} articles, ${build.unchanged} duplicates skipped; ` +
      `${written.nodes} nodes and ${written.relationships} relationships imported into ${server.dataDir}\n` +
      `extraction on ${build.threads} threads: busy ${build.extractSeconds.toFixed(1)} s, ${cpu(build.extractCpuSeconds)}; ` +
      `main thread ${cpu(build.mainCpuSeconds)} (adding to the graph ${build.addSeconds.toFixed(1)} s)\n` +
      seed.phases.map((p) => `  ${p.startSeconds.toFixed(1).padStart(7)} s  ${p.name}: ${p.seconds.toFixed(1)} s, ${cpu(p.cpuSeconds)} (${p.process})`).join('\n'),
  );
  reportNotEnglish(build.notEnglish);
  return reportFailed([...failed, ...bulkFailures(build)]);
}

async function incremental(files: string[], failed: FailedInput[], batchSize: number): Promise<number> {
  const counts = { new: 0, updated: 0, unchanged: 0 };
  const notEnglish: string[] = [];
  const changes = noChanges();
  const db: Database = await openDatabase();
  const { conn } = db;
  try {
    await applySchema(conn);
    const progress = progressBar(files.length, () => failed.length);
    const record = (result: WriteResult, inputs: number) => {
      for (const article of result.articles) {
        counts[article.status] += 1;
        if (article.warnings?.includes(NOT_ENGLISH)) notEnglish.push(article.title);
      }
      addChanges(changes, result.changes);
      progress.advance(inputs);
    };
    await ingestStream(conn, fileBatches(files, batchSize), (result, inputs) => {
      failed.push(...result.failed);
      record(result, inputs);
    });
    progress.stop();
    console.log(
      `${files.length} files in ${progress.seconds().toFixed(1)} s: articles ${counts.new} new, ${counts.updated} updated, ${counts.unchanged} unchanged; ` +
        `${changes.nodesCreated} nodes and ${changes.relationshipsCreated} relationships created` +
        (changes.nodesDeleted + changes.relationshipsDeleted > 0 ? `, ${changes.nodesDeleted} nodes and ${changes.relationshipsDeleted} relationships deleted` : ''),
    );
    reportNotEnglish(notEnglish);
    return reportFailed(failed);
  } finally {
    await db.close();
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      batch: { type: 'string', default: '25' },
      bulk: { type: 'boolean', default: false },
      'finish-bulk': { type: 'boolean', default: false },
      threads: { type: 'string' },
      'csv-dir': { type: 'string' },
    },
  });
  const batchSize = Number(values.batch);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (values['finish-bulk']) {
    const db = await openDatabase();
    try {
      await finishBulkImport(db.conn, values['csv-dir'] === undefined ? undefined : readEmptyLists(resolve(values['csv-dir'])));
      console.log(`schema applied and empty lists set on ${db.conn.uri}`);
      return 0;
    } finally {
      await db.close();
    }
  }
  if (positionals.length === 0 || !Number.isInteger(batchSize) || batchSize < 1 || (threads !== undefined && (!Number.isInteger(threads) || threads < 1))) {
    console.error(USAGE);
    return 2;
  }
  const { files, missing } = await articleFiles(positionals);
  return values.bulk ? bulk(files, [...missing], batchSize, threads, values['csv-dir']) : incremental(files, [...missing], batchSize);
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`ingest: ${(error as Error).message}`);
  process.exitCode = 1;
}
