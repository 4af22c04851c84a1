// A BulkGraph as the CSV files of `neo4j-admin database import full` (Neo4j 5 operations manual,
// "Import": header fields name:type, :ID(group), :START_ID(group)/:END_ID(group), :LABEL; RFC 4180
// quoting, "" for a quote inside a quoted field). Every string is quoted, so an empty string stays
// an empty string; arrays are joined with U+001F, which no text of ours contains (checked).
// Property types follow what the driver writes: a JS number is a Cypher float, hence :double.
// Articles and their MENTIONS are written as the build adds them (ImportWriter.article), the rest
// once the build is done (ImportWriter.finish).
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Properties } from '../graph/schema.ts';
import { ARRAY_DELIMITER, type BulkGraph } from './bulk-graph.ts';
import type { ArticleRow } from './rows.ts';

export interface ImportFiles {
  dir: string;
  /** neo4j-admin arguments naming the files: --nodes=Label=file, --relationships=TYPE=file. */
  fileArgs: string[];
  /** True when some value holds a line break (the import then needs --multiline-fields=true). */
  multiline: boolean;
  nodes: number;
  relationships: number;
  /** Size of the CSV files. */
  bytes: number;
  /** Entities stored without aliases (their ids), facts without evidence or stated properties (their endpoints and key): lists the CSV cannot hold empty (store/bulk.ts fills them in). */
  emptyLists: { aliases: string[]; evidence: { source: string; target: string; key: string }[] };
}

type Scalar = string | number | boolean;
const typeOf = (value: Scalar) => (typeof value === 'number' ? 'double' : typeof value === 'boolean' ? 'boolean' : 'string');

class CsvFile {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;
  multiline = false;

  constructor(readonly path: string, header: string[]) {
    this.fd = openSync(path, 'w');
    this.buffer.push(header.join(','));
  }

  /** A list is given as its items, or as a string already joined by ARRAY_DELIMITER (a BulkRelationship's; null when empty). */
  private field(value: Scalar | string[] | null | undefined): string {
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) {
      if (value.length === 0) return '';
      for (const item of value) if (item.includes(ARRAY_DELIMITER)) throw new Error(`a value holds the import's array delimiter U+001F: ${JSON.stringify(item.slice(0, 80))}`);
      return this.field(value.join(ARRAY_DELIMITER));
    }
    if (typeof value !== 'string') return String(value);
    if (!this.multiline && /[\r\n]/.test(value)) this.multiline = true;
    return `"${value.replaceAll('"', '""')}"`;
  }

  row(values: (Scalar | string[] | null | undefined)[]): void {
    const line = values.map((v) => this.field(v)).join(',');
    this.buffer.push(line);
    this.size += line.length;
    this.rows += 1;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join('\n') + '\n');
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** The property columns of a group of rows: every key with its import type; a key with two types is an error. */
function propertyColumns(all: Iterable<Properties>, what: string): { key: string; header: string }[] {
  const types = new Map<string, string>();
  for (const properties of all) {
    for (const [key, value] of Object.entries(properties)) {
      if (value === null) continue;
      const type = typeOf(value);
      const known = types.get(key);
      if (known && known !== type) throw new Error(`${what}: property "${key}" is a ${known} in one row and a ${type} in another; the import needs one type per column`);
      types.set(key, type);
    }
  }
  return [...types].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, type]) => ({ key, header: `${key}:${type}` }));
}

const groupBy = <T>(items: Iterable<T>, keyOf: (item: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
};

/**
 * The CSV files of one import, in `dir` (emptied first): articles and their mentions as they are
 * added (`article`, the BulkGraph's sink), the entities, alias keys and facts at the end (`finish`).
 */
export class ImportWriter {
  private readonly files: CsvFile[] = [];
  private readonly fileArgs: string[] = [];
  private readonly articles: CsvFile;
  private readonly mentions: CsvFile;

  constructor(readonly dir: string) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    this.articles = this.open('articles.csv', ['id:ID(Article)', 'title', 'publishedAt', 'publisher', 'url', 'file', 'text', 'storedAt:long'], '--nodes=Article');
    this.mentions = this.open('mentions.csv', [':START_ID(Article)', ':END_ID(Entity)', 'name', 'aliases:string[]', 'properties'], '--relationships=MENTIONS');
  }

  private open(name: string, header: string[], arg: string): CsvFile {
    const file = new CsvFile(join(this.dir, name), header);
    this.files.push(file);
    this.fileArgs.push(`${arg}=${file.path}`);
    return file;
  }

  readonly article = (a: ArticleRow, storedAt: number): void => {
    this.articles.row([a.id, a.title, a.publishedAt, a.publisher, a.url, a.file, a.text, storedAt]);
    for (const m of a.mentions) this.mentions.row([a.id, m.id, m.name, m.aliases, m.properties]);
  };

  /** Writes the rest of the graph and closes the files. */
  finish(graph: BulkGraph): ImportFiles {
    const emptyLists: ImportFiles['emptyLists'] = { aliases: [], evidence: [] };
    for (const [label, entities] of groupBy(graph.entities.values(), (e) => e.labels[0]!)) {
      const columns = propertyColumns(entities.map((e) => e.properties), `${label} entities`);
      const file = this.open(`entities-${label}.csv`, ['id:ID(Entity)', ':LABEL', 'name', 'aliases:string[]', ...columns.map((c) => c.header)], '--nodes');
      for (const e of entities) {
        if (e.aliases.length === 0) emptyLists.aliases.push(e.id);
        file.row([e.id, ['Entity', ...e.labels], e.name, e.aliases, ...columns.map((c) => e.properties[c.key])]);
      }
    }

    const keys = this.open('alias-keys.csv', ['key:ID(AliasKey)'], '--nodes=AliasKey');
    for (const key of graph.keys.keys()) keys.row([key]);
    const keyOf = this.open('key-of.csv', [':START_ID(AliasKey)', ':END_ID(Entity)'], '--relationships=KEY_OF');
    for (const [key, ids] of graph.keys) for (const id of ids) keyOf.row([key, id]);

    for (const [type, rels] of groupBy(graph.relationships.values(), (r) => r.type)) {
      const columns = propertyColumns(rels.map((r) => r.properties), `${type} relationships`);
      const provenance = ['key', 'sources:string[]', 'evidence:string[]', 'evidenceSources:string[]', 'statedProperties:string[]'];
      const file = this.open(`facts-${type}.csv`, [':START_ID(Entity)', ':END_ID(Entity)', ...provenance, ...columns.map((c) => c.header)], `--relationships=${type}`);
      for (const r of rels) {
        if (r.evidenceCount === 0 || r.statedProperties === '') emptyLists.evidence.push({ source: r.source, target: r.target, key: r.key });
        // a joined list that is empty is no field at all (the import sets no property, as for an empty array)
        file.row([r.source, r.target, r.key, r.sources, r.evidence || null, r.evidenceSources || null, r.statedProperties || null, ...columns.map((c) => r.properties[c.key])]);
      }
    }

    for (const file of this.files) file.close();
    // beside the CSV, for --finish-bulk on the server the files are taken to (not an import file)
    writeFileSync(join(this.dir, EMPTY_LISTS_FILE), JSON.stringify(emptyLists));
    return {
      dir: this.dir,
      fileArgs: this.fileArgs,
      multiline: this.files.some((f) => f.multiline),
      nodes: graph.entities.size + graph.articles.size + graph.keys.size,
      relationships: this.mentions.rows + keyOf.rows + graph.relationships.size,
      bytes: this.files.reduce((sum, f) => sum + statSync(f.path).size, 0),
      emptyLists,
    };
  }
}

const EMPTY_LISTS_FILE = 'empty-lists.json';

/** The empty lists ImportWriter.finish listed in `dir`, or undefined when it holds none (CSV written by an older version). */
export function readEmptyLists(dir: string): ImportFiles['emptyLists'] | undefined {
  const path = join(dir, EMPTY_LISTS_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ImportFiles['emptyLists']) : undefined;
}

/** neo4j-admin's arguments for these files, after `database import full <database>`. */
export function importArguments(files: ImportFiles): string[] {
  return [
    '--overwrite-destination=true',
    '--array-delimiter=U+001F',
    // Not --multiline-fields-format=v2 naming articles.csv alone: on 5.26.30 it fails on a carriage
    // return of a text at the end of its 4 MB read buffer ("found CR outside a text cell").
    `--multiline-fields=${files.multiline}`,
    ...files.fileArgs,
  ];
}
