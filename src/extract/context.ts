// What every recogniser of the `find` stage reads: the text, its lower-cased twin (same
// offsets), the token layer and the tokens' look-up for the phrase tries.
import type { SentenceOut } from '../analysis/types.js';
import type { Tokens } from '../language/tokens.js';
import { lowerAligned, type TokenLookup } from './phrase-trie.js';
import type { NameSpan } from './names.js';

export interface ExtractContext {
  text: string;
  lower: string;
  tokens: Tokens;
  /** The tokens' offsets and lower-cased text, for the phrase tries' walks and pre-filter. */
  lookup: TokenLookup;
  sentences: SentenceOut[];
  published: string | null;
  /** The document's id, for evidence that points back to it. */
  docId?: string;
  /** Non-actor names by sentence, once documentNames() has read them. */
  names?: NameSpan[][];
}

export function extractContext(text: string, tokens: Tokens, sentences: SentenceOut[], published: string | null, docId?: string): ExtractContext {
  const whole = text.toLowerCase();
  const lower = whole.length === text.length ? whole : lowerAligned(text);
  // leads are read from the lower-cased text at each token's offsets, as the tries walk it,
  // unless lower-casing changed a length (lowerAligned then kept that char as it was) or a
  // capital sigma, whose lower case depends on what follows it: then from the tokens' own text
  const aligned = whole.length === text.length && text.indexOf('Σ') < 0;
  const lookup: TokenLookup = { lower: tokens.lower, start: tokens.start, end: tokens.end, lowerText: aligned ? lower : undefined, word: tokens.word, text };
  return { text, lower, tokens, lookup, sentences, published, docId, names: undefined };
}
