// Proper names that are not actors: a run of capitalised words ending in a head noun from
// data/lexicon/name-heads.yaml ("Pakistan-China Foreign Ministers' Strategic Dialogue"). The
// actor recogniser drops states and offices inside such a span; the coder fires no trigger there.
import { readLexiconFile, bundled } from '../lexicon/files.js';
import type { Tokens } from '../language/tokens.js';
import type { SentenceOut } from '../analysis/types.js';
import type { ExtractContext } from './context.js';
import { leadClassesOf, wordClass } from './phrase-trie.js';

let heads: { all: Set<string>; events: Set<string>; cls: number; functionClass: number } | null = null;
function nameHeads() {
  if (!heads) {
    const raw = readLexiconFile<{ heads: string[]; event_heads?: string[] }>(bundled('name-heads.yaml'), 'name-heads');
    const events = new Set(raw.event_heads ?? []);
    const all = new Set([...raw.heads, ...events]);
    // a token whose lead (see phrase-trie.ts) is no head's needs no look-up: a token equal to a
    // head has the head's lead, so its lead class says so (-1: no class left, all are looked up)
    heads = { all, events, cls: wordClass(all), functionClass: wordClass(FUNCTION_WORDS) };
  }
  return heads;
}

export interface NameSpan {
  first: number;
  /** One past the last token. */
  last: number;
  /** The name of an event or document: organisations inside it are not parties either. */
  event: boolean;
}

/** Words that may stand inside a name between capitalised words. */
const CONNECTORS = new Set(['of', 'and', 'for', 'on', '-', "'", '’', "'s", '’s', '&']);

function capitalised(v: string): boolean {
  return capitalCode(v.charCodeAt(0));
}

/** A capital or a digit: what starts a word of a name. */
function capitalCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde) || (c >= 48 && c <= 57);
}

/** Small words that only a title-cased headline capitalises ("Talks To Resume In May"). */
const FUNCTION_WORDS = new Set(['the', 'of', 'and', 'to', 'in', 'on', 'for', 'a', 'an', 'at', 'with', 'by', 'from', 'as']);
/** No function word is longer: longer tokens need no look-up. */
const FUNCTION_WORD_MAX = Math.max(...[...FUNCTION_WORDS].map((w) => w.length));

/** A title-cased line, where capitals say nothing about names. Each token's first char is read
 * from `text` at its start, not from its own string; with `classes` (leadClassesOf), only the
 * tokens of the function words' lead class are looked up. */
function titleCased(t: Tokens, text: string, from: number, to: number, classes?: Int32Array): boolean {
  const fw = nameHeads().functionClass;
  let small = 0, smallCaps = 0, words = 0, caps = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(t.start[i]);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0)) continue;
    words++;
    const cap = capitalCode(c);
    if (cap) caps++;
    if (i === from || t.end[i] - t.start[i] > FUNCTION_WORD_MAX) continue;
    if (classes && fw >= 0 && ((classes[i] >>> fw) & 1) === 0) continue;
    if (FUNCTION_WORDS.has(t.lower[i])) {
      small++;
      if (cap) smallCaps++;
    }
  }
  if (small > 0) return smallCaps * 2 > small;
  return words >= 4 && caps / words > 0.8;
}

/** nameSpans of every sentence of the context's document, by sentence index, computed once for
 * the recognisers that read them (actors and places) and kept on the context. The spans are
 * shared: callers must not change them. */
export function documentNames(ctx: ExtractContext): NameSpan[][] {
  let spans = ctx.names;
  if (!spans) {
    spans = [];
    nameHeads(); // its leads are classed before the document's tokens are looked up
    const classes = leadClassesOf(ctx.lookup);
    for (const s of ctx.sentences) spans[s.index] = nameSpans(ctx.tokens, ctx.text, s, classes);
    ctx.names = spans;
  }
  return spans;
}

/** Non-actor names in a sentence, as token ranges; `classes`, the tokens' lead classes
 * (leadClassesOf), spare most tokens the look-up of their text. */
export function nameSpans(t: Tokens, text: string, s: SentenceOut, classes?: Int32Array): NameSpan[] {
  const from = t.sentenceFirst[s.index];
  const to = t.sentenceEnd[s.index];
  const h = nameHeads();
  const out: NameSpan[] = [];
  let checkedCase = false;
  for (let i = from; i < to; i++) {
    if (classes && h.cls >= 0 && ((classes[i] >>> h.cls) & 1) === 0) continue;
    if (!h.all.has(t.value[i])) continue;
    // a title-cased line has no names to tell: looked at once the line has a head word
    if (!checkedCase) {
      if (titleCased(t, text, from, to, classes)) return [];
      checkedCase = true;
    }
    let j = i;
    while (j - 1 >= from) {
      const v = t.value[j - 1];
      if (capitalised(v)) j--;
      else if (CONNECTORS.has(t.lower[j - 1]) && j - 2 >= from && capitalised(t.value[j - 2])) j--;
      else break;
    }
    if (j < i) out.push({ first: j, last: i + 1, event: h.events.has(t.value[i]) });
  }
  return out;
}
