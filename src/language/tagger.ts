// Tokens and parts of speech from wink-nlp's English model, one call per block of text, with
// offsets computed back into the document text.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { SentenceOut } from '../analysis/types.js';
import { Pos, posCode } from './pos.js';
import { TokensBuilder, type Tokens } from './tokens.js';
import { languageTables } from '../lexicon/language.js';
import { asciiFold } from './ascii-fold.js';

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function engine(): Nlp {
  // The model takes ~0.3 s to load: load it once, on first use.
  // only what we read: sentence breaks (the tagger needs them) and parts of speech; wink's own
  // entities, sentiment and negation are left out of the pipe, which roughly halves its time
  if (!nlp) nlp = winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

export interface BlockSpan {
  start: number;
  end: number;
}

/**
 * Tags every sentence. Sentences of one block are tagged together (the tagger sees their
 * context); tokens outside every sentence (list markers, photo credits) are dropped.
 */
export function tag(text: string, blocks: BlockSpan[], sentences: SentenceOut[]): Tokens {
  const n = engine();
  const its = n.its;
  const neg = languageTables().negators;
  const t = new TokensBuilder(sentences.length);
  let si = 0;
  for (const b of blocks) {
    if (si >= sentences.length) break;
    // the sentences inside this block
    while (si < sentences.length && sentences[si].end <= b.start) si++;
    if (si >= sentences.length || sentences[si].start >= b.end) continue;
    const from = sentences[si].start;
    let last = si;
    while (last + 1 < sentences.length && sentences[last + 1].start < b.end) last++;
    const to = sentences[last].end;
    const original = text.slice(from, to);
    const piece = asciiFold(original);
    const doc = n.readDoc(piece);
    const tokens = doc.tokens();
    const values = tokens.out(its.value) as string[];
    const tags = tokens.out(its.pos) as string[];
    const lemmas = tokens.out(its.lemma as never) as unknown as string[];
    const words = tokens.out(its.uniqueId as never) as unknown as number[];
    let cursor = 0;
    let s = si;
    t.sentenceFirst[s] = t.count;
    for (let k = 0; k < values.length; k++) {
      const folded = values[k];
      const p = posCode(tags[k]);
      let at = piece.indexOf(folded, cursor);
      if (at < 0) at = cursor; // the tagger normalised the token; keep the running position
      cursor = at + folded.length;
      // the token as written ("Erdoğan"), from the original text at the same offsets
      // (the tagger's own string when folding left the token as it was: one string for every
      // such token of every document, where a slice would be a new one per token)
      const v = piece === original || original.startsWith(folded, at) ? folded : original.slice(at, at + folded.length);
      if (p === Pos.SPACE) continue;
      const start = from + at;
      const end = start + v.length;
      while (s < last && start >= sentences[s].end) {
        t.sentenceEnd[s] = t.count;
        s++;
        t.sentenceFirst[s] = t.count;
      }
      if (start < sentences[s].start || end > sentences[s].end) continue;
      const lower = v.toLowerCase();
      // the vocabulary number is of the folded spelling ("Erdogan"): no use for "Erdoğan"
      t.push(start, end, v, lower, v === folded ? words[k] : -1, lemmas[k], p, s, neg.has(lower));
    }
    while (s <= last) {
      t.sentenceEnd[s] = t.count;
      s++;
      if (s <= last) t.sentenceFirst[s] = t.count;
    }
    si = last + 1;
  }
  return t.done();
}
