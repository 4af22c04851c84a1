// Every query lives in cypher/<name>.cypher (so an analyst can paste it into Neo4j Browser); this loads it by name.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cypherDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'cypher');
const cache = new Map<string, string>();

/** The text of cypher/<name>.cypher, read once. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`"${name}" is not a query name (lower-case words joined by "-").`);
    try {
      text = readFileSync(join(cypherDir, `${name}.cypher`), 'utf8');
    } catch {
      throw new Error(`no query named "${name}": cypher/${name}.cypher does not exist.`);
    }
    cache.set(name, text);
  }
  return text;
}

/** Splits a file of several statements (each ending with ";" at the end of a line), dropping // comment lines. */
export function cypherStatements(name: string): string[] {
  return cypher(name)
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement !== '');
}

const TYPE_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * The text of cypher/<name>.cypher with each `$any($param)` (Neo4j 5.26's dynamic relationship types,
 * so the file runs as it is in Neo4j Browser) written out as the literal types given for `param`:
 * Neo4j 5.26 reads every relationship of a node for a dynamic type and filters afterwards, while a
 * literal one reads only that type's (a hub city's facts, not its thousands of MENTIONS).
 */
export function cypherWithTypes(name: string, types: Record<string, readonly string[]>): string {
  return cypher(name).replace(/\$any\(\$(\w+)\)/g, (match, param: string) => {
    const given = types[param];
    if (!given) return match;
    const bad = given.find((t) => !TYPE_NAME.test(t));
    if (bad !== undefined || given.length === 0) throw new Error(`cypher/${name}.cypher: $${param} must be relationship type names (got "${bad ?? 'none'}")`);
    return given.join('|');
  });
}
