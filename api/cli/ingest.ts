// npm run ingest -- PATH... [--batch N]
// Files, directories (searched for .txt .md .html .json) and globs, extracted and written straight to
// Neo4j one transaction per batch. Bad files are skipped and listed at the end with the reason; the
// exit code is 1 if any failed.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { articleFiles, fileBatches, ingestStream, type FailedInput } from '../ingest/service.ts';
import { applySchema } from '../store/neo4j.ts';
import { openDatabase } from './database.ts';
import { addChanges, noChanges, type WriteResult } from '../store/write.ts';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { batch: { type: 'string', default: '25' } } });
  const batchSize = Number(values.batch);
  if (positionals.length === 0 || !Number.isInteger(batchSize) || batchSize < 1) {
    console.error('usage: npm run ingest -- PATH... [--batch N]   (files, directories or globs; N >= 1, default 25)');
    return 2;
  }
  const { files, missing } = await articleFiles(positionals);
  const failed: FailedInput[] = [...missing];
  const counts = { new: 0, updated: 0, unchanged: 0 };
  const changes = noChanges();

  const db = await openDatabase();
  const { conn } = db;
  try {
    await applySchema(conn);
    const bar = new cliProgress.SingleBar(
      { format: 'ingest {bar} {value}/{total} articles | {rate} articles/s | {failed} failed', stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    const started = performance.now();
    bar.start(files.length, 0, { rate: '0.0', failed: failed.length });
    const record = (result: WriteResult, done: number) => {
      for (const article of result.articles) counts[article.status] += 1;
      addChanges(changes, result.changes);
      bar.update(done, { rate: (done / ((performance.now() - started) / 1000)).toFixed(1), failed: failed.length });
    };
    let done = 0;
    await ingestStream(conn, fileBatches(files, batchSize), (result, inputs) => {
      failed.push(...result.failed);
      record(result, (done += inputs));
    });
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${files.length} files in ${seconds.toFixed(1)} s: articles ${counts.new} new, ${counts.updated} updated, ${counts.unchanged} unchanged; ` +
        `${changes.nodesCreated} nodes and ${changes.relationshipsCreated} relationships created` +
        (changes.nodesDeleted + changes.relationshipsDeleted > 0 ? `, ${changes.nodesDeleted} nodes and ${changes.relationshipsDeleted} relationships deleted` : ''),
    );
    if (failed.length > 0) {
      console.error(`${failed.length} failed:`);
      for (const f of failed) console.error(`  ${f.file}: ${f.reason}`);
    }
    return failed.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`ingest: ${(error as Error).message}`);
  process.exitCode = 1;
}
