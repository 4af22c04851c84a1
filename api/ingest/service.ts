// The ingest service: article files, texts and graph documents -> extraction (prepare.ts) -> one write
// per batch. The one way in for the HTTP API, the ingest CLI and npm start, so all of them store
// exactly what `npm run extract` prints.
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { decodeText } from '../extract/charset.ts';
import { formatFromFileName } from '../extract/document.ts';
import type { ExtractInput } from '../extract/index.ts';
import { aliasKeys } from '../extract/resolve.ts';
import type { GraphDocument } from '../graph/schema.ts';
import type { Neo4jConnection } from '../store/neo4j.ts';
import { DocumentError, restrictToArticles } from '../store/rows.ts';
import { addChanges, deleteArticle, noChanges, writeGraph, type Changes, type WriteResult } from '../store/write.ts';
import { ExtractionThread } from './extraction-thread.ts';
import { articlesNotInEnglish, extractBatch, prepareDocument, reasonOf, type ExtractedBatch, type FailedInput } from './prepare.ts';

export type { FailedInput } from './prepare.ts';
export interface BatchResult extends WriteResult {
  failed: FailedInput[];
}

/**
 * Stores one document as given (an extracted article, or a graph document sent to the API).
 * Throws DocumentError (store/rows.ts) when it references unknown nodes or articles.
 */
export async function ingestDocument(conn: Neo4jConnection, doc: GraphDocument): Promise<WriteResult> {
  return withReadingWarnings(await writeGraph(conn, prepareDocument(doc), aliasKeys), articlesNotInEnglish(doc));
}

export const NOT_ENGLISH = 'the text does not read as English: the extractor reads English articles, so few or no facts were found in it';

/** The result with a warning on each written article named in `notEnglish`. */
function withReadingWarnings<R extends WriteResult>(result: R, notEnglish: readonly string[]): R {
  if (notEnglish.length === 0) return result;
  const ids = new Set(notEnglish);
  return { ...result, articles: result.articles.map((a) => (ids.has(a.id) ? { ...a, warnings: [NOT_ENGLISH] } : a)) };
}

/** Deletes a stored article and exactly what it added; null when there is no such article. */
export async function removeArticle(conn: Neo4jConnection, id: string): Promise<Changes | null> {
  return deleteArticle(conn, id, aliasKeys);
}

/**
 * Writes a batch in one transaction. When the store refuses it (an article's graph document gives
 * a stored entity another label), its articles are written one by one and the refused one is
 * reported, so one bad file does not stop the batch or the ingest.
 */
async function writeBatch(conn: Neo4jConnection, { doc, notEnglish }: Pick<ExtractedBatch, 'doc' | 'notEnglish'>): Promise<BatchResult> {
  return withReadingWarnings(await writeBatchOnce(conn, doc), notEnglish);
}

async function writeBatchOnce(conn: Neo4jConnection, doc: GraphDocument | null): Promise<BatchResult> {
  if (!doc) return { articles: [], changes: noChanges(), failed: [] };
  try {
    return { ...(await writeGraph(conn, doc, aliasKeys)), failed: [] };
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
  }
  const result: BatchResult = { articles: [], changes: noChanges(), failed: [] };
  for (const article of doc.articles) {
    try {
      const written = await writeGraph(conn, restrictToArticles(doc, new Set([article.id])), aliasKeys);
      result.articles.push(...written.articles);
      addChanges(result.changes, written.changes);
    } catch (error) {
      if (!(error instanceof DocumentError)) throw error;
      result.failed.push({ file: article.file ?? article.url ?? `article ${article.id}`, reason: error.message });
    }
  }
  return result;
}

/** Extracts a batch and writes it in one transaction. */
export async function ingestBatch(conn: Neo4jConnection, inputs: ExtractInput[]): Promise<BatchResult> {
  const extracted = extractBatch(inputs);
  const result = await writeBatch(conn, extracted);
  return { ...result, failed: [...extracted.failed, ...result.failed] };
}

export interface InputBatch {
  inputs: ExtractInput[];
  /** Inputs that could not even be read, reported with the batch. */
  failed: FailedInput[];
}
export interface StreamTimes {
  /** Time the extraction thread was busy. */
  extractSeconds: number;
  /** Time spent writing to Neo4j. */
  writeSeconds: number;
}

/**
 * Ingests batch after batch, each written in one transaction (`onBatch` hears of each). Extraction
 * runs on a worker thread one batch ahead, so it overlaps the write of the batch before and a long
 * ingest takes about as long as the slower of the two, not their sum.
 */
export async function ingestStream(
  conn: Neo4jConnection,
  batches: AsyncIterable<InputBatch> | Iterable<InputBatch>,
  onBatch?: (result: BatchResult, inputs: number) => void,
): Promise<StreamTimes> {
  const times: StreamTimes = { extractSeconds: 0, writeSeconds: 0 };
  const thread = new ExtractionThread();
  const extract = async (batch: InputBatch) => {
    const reply = await thread.extract(batch.inputs);
    times.extractSeconds += reply.seconds;
    return { ...reply.batch, failed: [...batch.failed, ...reply.batch.failed], inputs: batch.inputs.length + batch.failed.length };
  };
  const write = async (extracted: Awaited<ReturnType<typeof extract>>) => {
    const started = performance.now();
    const result = await writeBatch(conn, extracted);
    times.writeSeconds += (performance.now() - started) / 1000;
    onBatch?.({ ...result, failed: [...extracted.failed, ...result.failed] }, extracted.inputs);
  };
  try {
    let previous: ReturnType<typeof extract> | null = null;
    for await (const batch of batches) {
      const next = extract(batch);
      next.catch(() => {}); // awaited below; a failure is reported there, not as an unhandled rejection
      if (previous) await write(await previous);
      previous = next;
    }
    if (previous) await write(await previous);
  } finally {
    await thread.close();
  }
  return times;
}

/** Article files read batch by batch; a file that cannot be read is reported with its batch. */
export async function* fileBatches(files: string[], size: number): AsyncGenerator<InputBatch> {
  for (let i = 0; i < files.length; i += size) {
    const batch: InputBatch = { inputs: [], failed: [] };
    for (const file of files.slice(i, i + size)) {
      try {
        batch.inputs.push(await readArticleFile(file));
      } catch (error) {
        batch.failed.push({ file, reason: reasonOf(error) });
      }
    }
    yield batch;
  }
}

const ARTICLE_FILES = '**/*.{txt,text,md,markdown,html,htm,json}';

/** Every file the arguments name: files as given, directories searched, anything else a glob. */
export async function articleFiles(args: string[]): Promise<{ files: string[]; missing: FailedInput[] }> {
  const files = new Set<string>();
  const missing: FailedInput[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    const found = info?.isFile() ? [resolve(arg)] : await glob(info?.isDirectory() ? ARTICLE_FILES : arg, { cwd: info?.isDirectory() ? arg : undefined, absolute: true, onlyFiles: true });
    if (found.length === 0) missing.push({ file: arg, reason: 'no such file, or no article files match' });
    for (const file of found) files.add(file);
  }
  return { files: [...files].sort(), missing };
}

/** An article file as extraction input, its format from the file name, its text in its own charset (extract/charset.ts). */
export async function readArticleFile(file: string): Promise<ExtractInput> {
  const format = formatFromFileName(file);
  if (!format) throw new Error('not an article file (.txt, .md, .html or .json)');
  return { content: decodeText(await readFile(file), { html: format === 'html' }), format, file: basename(file) };
}
