// npm run export -- [--out FILE]
// The stored graph in the contract's format (the same document `npm run extract` prints).
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { applySchema } from '../store/neo4j.ts';
import { openDatabase } from './database.ts';
import { exportGraph } from '../store/read.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const db = await openDatabase();
  const { conn } = db;
  try {
    await applySchema(conn);
    const doc = await exportGraph(conn);
    const json = `${JSON.stringify(doc, null, 2)}\n`;
    if (values.out) {
      await writeFile(values.out, json);
      console.error(`wrote ${doc.articles.length} articles, ${doc.nodes.length} nodes, ${doc.relationships.length} relationships to ${values.out}`);
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
