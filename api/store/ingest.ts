// Articles in any input format -> extraction -> one write per batch. Shared by the HTTP route and
// the ingest CLI so both store exactly what `npm run extract` prints.
import type { GraphDocument } from '../graph/schema.ts';
import { extractArticle, mergeGraphs, type ExtractInput } from '../extract/index.ts';
import type { Neo4jConnection } from './neo4j.ts';
import { noChanges, writeGraph, type WriteResult } from './write.ts';

export interface FailedInput {
  file: string;
  reason: string;
}
export interface BatchResult extends WriteResult {
  failed: FailedInput[];
}

const describe = (input: ExtractInput, i: number) => input.file ?? input.url ?? `input ${i + 1}`;
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Extracts each input (a bad one is reported, not fatal), merges the batch so entities resolve
 * across its articles as `npm run extract` would, and writes it in one transaction.
 */
export async function ingestBatch(conn: Neo4jConnection, inputs: ExtractInput[]): Promise<BatchResult> {
  const docs: GraphDocument[] = [];
  const failed: FailedInput[] = [];
  inputs.forEach((input, i) => {
    try {
      const doc = extractArticle(input);
      if (doc.articles.length === 0) throw new Error('no article found in the input');
      docs.push(doc);
    } catch (error) {
      failed.push({ file: describe(input, i), reason: reasonOf(error) });
    }
  });
  if (docs.length === 0) return { articles: [], changes: noChanges(), failed };
  const result = await writeGraph(conn, docs.length === 1 ? docs[0]! : mergeGraphs(docs));
  return { ...result, failed };
}
