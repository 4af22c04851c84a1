// A sentence under analysis, as the readers and the rules kept as data see it (its own module so that the
// rules engine and the rule lists can read it without importing the article that runs them).
import type { Mention } from './mentions.ts';
import type { SentenceReading } from './sentence-reading.ts';

export interface AnalyzedSentence {
  index: number;
  paragraph: number;
  /** what the readers analyse: the headline's title-case verbs lower-cased */
  text: string;
  /** the sentence as the article prints it: what evidence quotes */
  stated: string;
  mentions: Mention[];
  /** entity id per mention (null: none) */
  refs: (string | null)[];
  template: string;
  /** the text's tokens and spacing, read once for every reader */
  reading: SentenceReading;
}
