// Installs the bundled Neo4j: copies Neo4j Community and its dependencies (neo4j/pom.xml) from Maven Central
// into neo4j/lib/. A fast no-op when they are already there. neo4j/setup.ts (`npm install`, `npm run
// db:install`) runs it; neo4j/server.ts calls ensureNeo4jInstalled() before every launch.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const neo4jDir = dirname(fileURLToPath(import.meta.url));
export const libDir = join(neo4jDir, 'lib');
const pomFile = join(neo4jDir, 'pom.xml');
// Written last, with the pom it was made from: a half-copied lib/ or an edited pom means "install again".
const stampFile = join(libDir, '.installed-from-pom.xml');

export class MissingToolError extends Error {}

export function isNeo4jInstalled(): boolean {
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8') === readFileSync(pomFile, 'utf8');
}

function requireTool(command: string, args: string[], what: string): void {
  const probe = spawnSync(command, args, { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new MissingToolError(
      `${command} was not found or does not run (${probe.error?.message ?? probe.stderr.trim()}). ` +
        `The bundled Neo4j needs ${what}. Install it (Debian: apt-get install -y openjdk-17-jre-headless maven), ` +
        `or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD to use an existing Neo4j server instead.`,
    );
  }
}

export function ensureNeo4jInstalled(): void {
  if (isNeo4jInstalled()) return;
  requireTool('java', ['-version'], 'Java 17 or newer');
  requireTool('mvn', ['-v'], 'Maven to fetch Neo4j from Maven Central');

  console.log('Installing the bundled Neo4j Community into neo4j/lib/ (Maven Central, ~125 MB, once)...');
  const started = Date.now();
  const staging = `${libDir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  const mvn = spawnSync(
    'mvn',
    ['-q', '-B', '--no-transfer-progress', '-Dstyle.color=never', '-f', pomFile,
      'dependency:copy-dependencies', `-DoutputDirectory=${staging}`],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (mvn.error || mvn.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    process.stderr.write(mvn.stdout ?? '');
    process.stderr.write(mvn.stderr ?? '');
    throw new Error(
      `mvn dependency:copy-dependencies failed (exit ${mvn.status ?? mvn.error?.message}); see Maven's output above. ` +
        'It needs to reach Maven Central (or a mirror in ~/.m2/settings.xml).',
    );
  }
  const jars = readdirSync(staging).filter((f) => f.endsWith('.jar'));
  if (!jars.some((f) => /^neo4j-5\.26\.\d+\.jar$/.test(f))) {
    throw new Error(`Maven finished but ${staging} holds no neo4j-5.26.x jar; check neo4j/pom.xml.`);
  }
  writeFileSync(join(staging, '.installed-from-pom.xml'), readFileSync(pomFile, 'utf8'));
  rmSync(libDir, { recursive: true, force: true });
  renameSync(staging, libDir);
  console.log(`Installed ${jars.length} jars into neo4j/lib/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
