// Inputs -> documents ready to store, with no I/O: each article extracted, its relationships
// attributed to their sources and its mentions stated, a batch merged so entities resolve across its
// articles as `npm run extract` would. Runs on the extraction thread (extraction-worker.ts) and in
// the API's request handler (service.ts).
import { extractArticle, mergeGraphs, type ExtractInput } from '../extract/index.ts';
import { readsAsEnglish } from '../extract/language.ts';
import type { GraphDocument } from '../graph/schema.ts';
import { attributeSources, withArticleMentions } from '../store/rows.ts';

export interface FailedInput {
  file: string;
  reason: string;
}

const describe = (input: ExtractInput, i: number) => input.file ?? input.url ?? `input ${i + 1}`;
export const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A document as the store takes it: relationships without sources are stated by all its articles,
 * and a one-article document says that its article mentions every node (so that merging it with
 * other articles keeps who mentions what). Throws DocumentError on unknown nodes or articles.
 */
export function prepareDocument(doc: GraphDocument): GraphDocument {
  return withArticleMentions(attributeSources(doc));
}

export interface ExtractedBatch {
  /** The batch's articles merged into one document, or null when every input failed. */
  doc: GraphDocument | null;
  failed: FailedInput[];
  /** Ids of its articles whose text does not read as English (few or no facts were found in them). */
  notEnglish: string[];
}

/** Ids of the document's articles whose text is known and does not read as English. */
export function articlesNotInEnglish(doc: GraphDocument | null): string[] {
  return (doc?.articles ?? []).filter((a) => a.text != null && !readsAsEnglish(`${a.title}\n${a.text}`)).map((a) => a.id);
}

/** Extracts and prepares each input (a bad one is reported, not fatal) and merges the batch. */
export function extractBatch(inputs: ExtractInput[]): ExtractedBatch {
  const docs: GraphDocument[] = [];
  const failed: FailedInput[] = [];
  inputs.forEach((input, i) => {
    try {
      docs.push(prepareDocument(extractArticle(input)));
    } catch (error) {
      failed.push({ file: describe(input, i), reason: reasonOf(error) });
    }
  });
  const doc = docs.length === 0 ? null : docs.length === 1 ? docs[0]! : mergeGraphs(docs);
  return { doc, failed, notEnglish: articlesNotInEnglish(doc) };
}
