// The language layer: tokens with parts of speech, chunks and clauses for a segmented document.
import type { SentenceOut } from '../analysis/types.js';
import { tag, type BlockSpan } from './tagger.js';
import { chunk, type Chunks } from './chunks.js';
import { clauses, type Clauses } from './clauses.js';
import type { Tokens } from './tokens.js';

export interface Language {
  tokens: Tokens;
  chunks: Chunks;
  clauses: Clauses;
}

export function language(text: string, blocks: BlockSpan[], sentences: SentenceOut[]): Language {
  const tokens = tag(text, blocks, sentences);
  return { tokens, chunks: chunk(tokens), clauses: clauses(tokens) };
}
