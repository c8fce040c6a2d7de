// The token layer of a document: parallel arrays (one slot per token) rather than an object per
// token, so that later stages scan numbers and shared strings. The numbers are typed arrays of
// the exact length: a batch of documents keeps its layers while later stages run, and numbers
// outside the JS heap are never copied by the young generation's collector, nor padded.
import type { Pos } from './pos.js';
import { copied, grown } from './typed-blocks.js';

export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  value: string[];
  /** Lower-cased value. */
  lower: string[];
  /** The tagger's vocabulary number of the token's text: the same for every token spelled
   * alike, in every document of the process, so that recognisers look a word up once and then
   * by number (see leadIdsOf); -1 where the tagger read a folded spelling of the text. */
  word: Int32Array;
  lemma: string[];
  pos: Uint8Array;
  sentence: Int32Array;
  /** 1 where the token is a negation cue ("not", "never", "no" …). */
  negation: Uint8Array;
  /** Per sentence: its first token and one past its last. */
  sentenceFirst: number[];
  sentenceEnd: number[];
}

/** A token layer being built: numbers go to growing buffers, shared from document to document,
 * and are copied out at their exact length by done(). */
export class TokensBuilder {
  private static start = new Int32Array(1024);
  private static end = new Int32Array(1024);
  private static word = new Int32Array(1024);
  private static sentence = new Int32Array(1024);
  private static pos = new Uint8Array(1024);
  private static negation = new Uint8Array(1024);

  count = 0;
  value: string[] = [];
  lower: string[] = [];
  lemma: string[] = [];
  sentenceFirst: number[];
  sentenceEnd: number[];

  constructor(sentences: number) {
    this.sentenceFirst = new Array<number>(sentences).fill(0);
    this.sentenceEnd = new Array<number>(sentences).fill(0);
  }

  push(start: number, end: number, value: string, lower: string, word: number, lemma: string, pos: Pos, sentence: number, negation: boolean): void {
    const B = TokensBuilder;
    const k = this.count++;
    if (k === B.start.length) B.grow();
    B.start[k] = start;
    B.end[k] = end;
    B.word[k] = word;
    B.sentence[k] = sentence;
    B.pos[k] = pos;
    B.negation[k] = negation ? 1 : 0;
    this.value.push(value);
    this.lower.push(lower);
    this.lemma.push(lemma);
  }

  private static grow(): void {
    const B = TokensBuilder;
    B.start = grown(B.start);
    B.end = grown(B.end);
    B.word = grown(B.word);
    B.sentence = grown(B.sentence);
    B.pos = grown(B.pos);
    B.negation = grown(B.negation);
  }

  done(): Tokens {
    const B = TokensBuilder, n = this.count;
    return {
      count: n,
      start: copied(B.start, n), end: copied(B.end, n), value: this.value, lower: this.lower, word: copied(B.word, n),
      lemma: this.lemma, pos: copied(B.pos, n), sentence: copied(B.sentence, n), negation: copied(B.negation, n),
      sentenceFirst: this.sentenceFirst, sentenceEnd: this.sentenceEnd,
    };
  }
}
