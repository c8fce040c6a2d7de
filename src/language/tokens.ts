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
  /** The tagger's vocabulary number of the token's text: the same for every token spelled
   * alike, in every document of the process, so that recognisers look a word up once and then
   * by number (see leadIdsOf); -1 where the tagger read a folded spelling of the text. */
  word: number[];
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
    start: [], end: [], value: [], lower: [], word: [], lemma: [], pos: [], sentence: [], negation: [],
    sentenceFirst: new Array(sentences).fill(0),
    sentenceEnd: new Array(sentences).fill(0),
  };
}
