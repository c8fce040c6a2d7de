// Sentence boundaries inside one block. A stop (. ! ? …) ends a sentence when the next word
// starts one: a capital letter, a digit or an opening quote after white space. Abbreviations,
// initials, decimals and ellipses before lower-case words do not end sentences. Scans char codes:
// no regular expressions in this loop.
import type { AbbreviationTables } from '../lexicon/abbreviations.js';

const SPACE = 32, NL = 10, TAB = 9, NBSP = 0xa0;

function isSpace(c: number): boolean {
  return c === SPACE || c === NL || c === TAB || c === NBSP || c === 13;
}
function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}
function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** Closing quotes and brackets that belong to the sentence before a boundary. */
function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 0x2019 || c === 0x201d || c === 41 || c === 93 || c === 0xbb;
}
/** Opening quotes and brackets that may start a sentence. */
function isOpener(c: number): boolean {
  return c === 34 || c === 39 || c === 0x2018 || c === 0x201c || c === 40 || c === 91 || c === 0xab;
}

/** The word that ends at `end` (exclusive), back to white space or an opening bracket/quote. */
function wordBefore(text: string, start: number, end: number): string {
  let i = end;
  while (i > start) {
    const c = text.charCodeAt(i - 1);
    if (isSpace(c) || isOpener(c)) break;
    i--;
  }
  return text.slice(i, end);
}

function wordAfter(text: string, start: number, end: number): string {
  let i = start;
  while (i < end && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 44) i++;
  return text.slice(start, i);
}

/** Returns [start, end) pairs of the sentences in text[from, to). */
export function splitSentences(text: string, from: number, to: number, abbr: AbbreviationTables): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let sentStart = from;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    const isStop = c === 46 || c === 33 || c === 63 || c === 0x2026;
    if (!isStop) {
      i++;
      continue;
    }
    // the run of stops ("?!", "...") and the closers after it
    let j = i;
    while (j < to) {
      const d = text.charCodeAt(j);
      if (d === 46 || d === 33 || d === 63 || d === 0x2026) j++;
      else break;
    }
    const ellipsis = j - i >= 3 || c === 0x2026;
    let k = j;
    while (k < to && isCloser(text.charCodeAt(k))) k++;
    // what follows
    let n = k;
    while (n < to && isSpace(text.charCodeAt(n))) n++;
    if (n >= to) break; // the block's end closes the sentence anyway
    const spaced = n > k;
    let m = n;
    while (m < to && isOpener(text.charCodeAt(m))) m++;
    const next = text.charCodeAt(m);
    let boundary = false;
    if (c === 46 && j - i === 1) {
      const word = wordBefore(text, sentStart, i);
      const nextWord = wordAfter(text, m, to);
      if (!spaced) {
        // "stated.The": a glued sentence start after a lower-case word, not "U.S." or "2.0"
        const prev = text.charCodeAt(i - 1);
        boundary = k === j && isLower(prev) && isUpper(next) && isLower(text.charCodeAt(m + 1)) && word.length > 2 && word.indexOf('.') < 0;
      } else if (!(isUpper(next) || isDigit(next) || m > n)) {
        boundary = false;
      } else if (word.length === 1 && isUpper(word.charCodeAt(0))) {
        boundary = false; // an initial: "S. Korea", "John F. Kennedy"
      } else if (abbr.titles.has(word)) {
        boundary = false;
      } else if (abbr.others.has(word) || (word.length <= 6 && word.indexOf('.') > 0)) {
        // "U.S." may close a sentence; decide by the next word
        boundary = !isDigit(next) && abbr.openers.has(nextWord);
      } else {
        boundary = true;
      }
    } else if (spaced) {
      // ! ? and ellipses end a sentence before a capital; an ellipsis before a lower-case word
      // is a pause inside the sentence
      boundary = isUpper(next) || isDigit(next) || (m > n && !ellipsis);
    }
    if (boundary) {
      out.push([sentStart, k]);
      sentStart = n;
      i = n;
    } else {
      i = j;
    }
  }
  // trim trailing white space of the last sentence
  let e = to;
  while (e > sentStart && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > sentStart) out.push([sentStart, e]);
  return out;
}
