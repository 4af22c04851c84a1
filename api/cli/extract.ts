// npm run extract -- FILE...  prints the graph document of the files (merged, resolved) on stdout.
// Formats by file name: .txt/.text, .md/.markdown, .html/.htm, .json (a graph document). A file that
// cannot be read or parsed is named on stderr; the others are still extracted; the exit code is 1.
// --rules-only leaves out the learned steps; --entities FILE, --places FILE, --relations FILE and --positions FILE use
// those model files instead of the shipped ones (--places none keeps the rules' places of events, --positions none the
// rules' positions) (models trained without the set being scored: docs/extraction.md § "Learned decisions").
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeText } from '../extract/charset.ts';
import { formatFromFileName, StructuredInputError } from '../extract/document.ts';
import { extractArticle, mergeGraphs, type ExtractOptions } from '../extract/index.ts';
import { EntityModelSchema } from '../extract/learned/entities.ts';
import { PlaceModelSchema } from '../extract/learned/places.ts';
import { PositionModelSchema } from '../extract/learned/positions.ts';
import { RelationModelsSchema } from '../extract/learned/relations.ts';
import type { GraphDocument } from '../graph/schema.ts';

const args = process.argv.slice(2).filter((f) => f !== '--');
const options: ExtractOptions = {};
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--rules-only') Object.assign(options, { entities: null, places: null, relations: null, positions: null });
  else if (args[i] === '--entities' && args[i + 1]) options.entities = EntityModelSchema.parse(JSON.parse(readFileSync(args[++i]!, 'utf8')));
  else if (args[i] === '--places' && args[i + 1]) options.places = args[++i] === 'none' ? null : PlaceModelSchema.parse(JSON.parse(readFileSync(args[i]!, 'utf8')));
  else if (args[i] === '--positions' && args[i + 1]) options.positions = args[++i] === 'none' ? null : PositionModelSchema.parse(JSON.parse(readFileSync(args[i]!, 'utf8')));
  else if (args[i] === '--relations' && args[i + 1]) options.relations = RelationModelsSchema.parse(JSON.parse(readFileSync(args[++i]!, 'utf8')));
  else files.push(args[i]!);
}
if (files.length === 0) {
  process.stderr.write('usage: npm run extract -- [--rules-only | --entities MODEL.json | --places MODEL.json|none | --relations MODEL.json | --positions MODEL.json|none] FILE... (.txt, .md, .html or .json)\n');
  process.exit(2);
}

const docs: GraphDocument[] = [];
let failed = 0;
for (const file of files) {
  try {
    const format = formatFromFileName(file);
    if (!format) throw new Error('unknown file type (expected .txt, .md, .html or .json)');
    const content = decodeText(readFileSync(file), { html: format === 'html' });
    const doc = extractArticle({ content, format, file: basename(file) }, options);
    for (const a of doc.articles) a.file ??= basename(file);
    docs.push(doc);
  } catch (err) {
    failed++;
    const msg = err instanceof StructuredInputError ? `invalid graph document: ${err.message}`
      : err instanceof SyntaxError ? `invalid JSON: ${err.message}`
      : (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file'
      : (err as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a directory'
      : (err as Error).message;
    process.stderr.write(`${file}: ${msg}\n`);
  }
}
process.stdout.write(JSON.stringify(mergeGraphs(docs), null, 2) + '\n');
process.exitCode = failed ? 1 : 0;
