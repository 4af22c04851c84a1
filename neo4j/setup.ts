// `npm install` (postinstall) and `npm run db:install`: installs the bundled Neo4j's jars (install.ts),
// then starts it once to write a class archive for faster starts (server.ts). A fast no-op when both
// are already there.
import { existsSync } from 'node:fs';
import { ensureNeo4jInstalled, MissingToolError } from './install.ts';
import { buildClassArchive, classArchive } from './server.ts';

async function prepareClassArchive(): Promise<void> {
  if (existsSync(classArchive)) return;
  console.log('Starting Neo4j once to archive its classes, for faster starts (once)...');
  const started = Date.now();
  try {
    await buildClassArchive();
    console.log(`Class archive ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (error) {
    console.error(`warning: no class archive, Neo4j will start more slowly: ${(error as Error).message}`);
  }
}

async function main(): Promise<void> {
  try {
    ensureNeo4jInstalled();
    await prepareClassArchive();
  } catch (error) {
    // `npm install` (--postinstall) still succeeds without Java or Maven: that is fine for people who use
    // their own server through NEO4J_URI, and the bundled Neo4j repeats this message when it is needed.
    const soft = error instanceof MissingToolError && process.argv.includes('--postinstall');
    console.error(`${soft ? 'warning' : 'db:install'}: ${(error as Error).message}`);
    if (!soft) process.exit(1);
  }
}

await main();
