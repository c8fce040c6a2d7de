// Phrase chunks over the token layer: noun phrases, verb groups and prepositions, found by a
// single left-to-right pass over part-of-speech codes.
import { Pos } from './pos.js';
import type { Tokens } from './tokens.js';
import { int32s, SpanBuffers } from './typed-blocks.js';

export const enum ChunkKind { NP = 1, VG = 2, PP = 3 }

export interface Chunks {
  count: number;
  kind: Uint8Array;
  first: Int32Array;
  /** One past the last token. */
  end: Int32Array;
  /** Per token: the index of its chunk, or -1. */
  of: Int32Array;
}

function inNounPhrase(p: Pos): boolean {
  return p === Pos.DET || p === Pos.ADJ || p === Pos.NUM || p === Pos.NOUN || p === Pos.PROPN || p === Pos.PRON;
}
function isNounHead(p: Pos): boolean {
  return p === Pos.NOUN || p === Pos.PROPN || p === Pos.PRON || p === Pos.NUM;
}
function inVerbGroup(p: Pos): boolean {
  return p === Pos.AUX || p === Pos.VERB || p === Pos.ADV;
}

/** chunk()'s buffers, kept from document to document. */
const scratch = new SpanBuffers();

export function chunk(t: Tokens): Chunks {
  // at most one chunk per token
  scratch.reserve(t.count);
  const { kind: kinds, first: firsts, end: ends } = scratch;
  const of = int32s(t.count).fill(-1);
  let count = 0;
  const push = (kind: ChunkKind, a: number, b: number) => {
    for (let k = a; k < b; k++) of[k] = count;
    kinds[count] = kind;
    firsts[count] = a;
    ends[count++] = b;
  };
  for (let s = 0; s < t.sentenceFirst.length; s++) {
    const to = t.sentenceEnd[s];
    let i = t.sentenceFirst[s];
    while (i < to) {
      const p = t.pos[i];
      if (inNounPhrase(p)) {
        let j = i + 1;
        let hasHead = isNounHead(p);
        while (j < to) {
          const q = t.pos[j];
          // hyphenated and possessive words stay inside: "zero-tolerance stance", "China's territory"
          const glue = (t.value[j] === '-' || t.lower[j] === "'s" || t.lower[j] === '’s') && j + 1 < to && t.start[j] === t.end[j - 1];
          if (inNounPhrase(q) && !(q === Pos.DET && hasHead) && !(q === Pos.PRON && hasHead)) {
            hasHead = hasHead || isNounHead(q);
            j++;
          } else if (glue) {
            j++;
          } else break;
        }
        if (hasHead) {
          push(ChunkKind.NP, i, j);
          i = j;
          continue;
        }
      }
      if (inVerbGroup(p) || (p === Pos.PART && t.negation[i] === 1)) {
        let j = i + 1;
        let hasVerb = p === Pos.VERB || p === Pos.AUX;
        while (j < to) {
          const q = t.pos[j];
          if (inVerbGroup(q) || (q === Pos.PART && t.negation[j] === 1)) {
            hasVerb = hasVerb || q === Pos.VERB || q === Pos.AUX;
            j++;
          } else break;
        }
        if (hasVerb) {
          // trailing adverbs belong to what follows, not to the group
          while (j - 1 > i && t.pos[j - 1] === Pos.ADV) j--;
          push(ChunkKind.VG, i, j);
          i = j;
          continue;
        }
      }
      if (p === Pos.ADP) push(ChunkKind.PP, i, i + 1);
      i++;
    }
  }
  return { count, ...scratch.done(count), of };
}
