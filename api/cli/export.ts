// npm run export -- [--out FILE] [--without-text]
// The stored graph in the contract's format (the same document `npm run extract` prints), with the
// analysts' corrections, rejected relationships and corrected entities' alias keys (POST /api/graph imports it).
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { applySchema } from '../store/neo4j.ts';
import { openDatabase } from './database.ts';
import { exportCuratedGraph } from '../curation/export.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'without-text': { type: 'boolean', default: false } } });
  const db = await openDatabase();
  const { conn } = db;
  try {
    await applySchema(conn);
    const doc = await exportCuratedGraph(conn, { withText: !values['without-text'] });
    const json = `${JSON.stringify(doc, null, 2)}\n`;
    if (values.out) {
      await writeFile(values.out, json);
      console.error(`wrote ${doc.articles.length} articles, ${doc.nodes.length} nodes, ${doc.relationships.length} relationships, ${doc.corrections.length} corrections to ${values.out}`);
    } else {
      process.stdout.write(json);
    }
  } finally {
    await db.close();
  }
}

try {
  await main();
} catch (error) {
  console.error(`export: ${(error as Error).message}`);
  process.exitCode = 1;
}
