// A sentence under analysis, as the readers and the rules kept as data see it (its own module so that the
// rules engine and the rule lists can read it without importing the article that runs them).
import type { Mention } from './mentions.ts';

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
  /** nothing in the text is what templates respace (its reading's `plainSpacing`; the tokens are not kept: an
   * article's worth of them kept alive costs the garbage collector more than reading them again would) */
  plainSpacing: boolean;
}
