// The token layer of a document: parallel arrays (one slot per token) rather than an object per
// token, so that later stages scan numbers and shared strings.
import type { Pos } from './pos.js';

export interface Tokens {
  count: number;
  start: number[];
  end: number[];
  value: string[];
  /** Lower-cased value. */
  lower: string[];
  lemma: string[];
  pos: Pos[];
  sentence: number[];
  /** 1 where the token is a negation cue ("not", "never", "no" …). */
  negation: number[];
  /** Per sentence: its first token and one past its last. */
  sentenceFirst: number[];
  sentenceEnd: number[];
}

export function emptyTokens(sentences: number): Tokens {
  return {
    count: 0,
    start: [], end: [], value: [], lower: [], lemma: [], pos: [], sentence: [], negation: [],
    sentenceFirst: new Array(sentences).fill(0),
    sentenceEnd: new Array(sentences).fill(0),
  };
}
