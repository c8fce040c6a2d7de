// Splits a text into blocks: paragraphs (separated by blank lines), list items ("1. …", "- …",
// "• …", "(a) …") and short title lines. Offsets index the text; markers stay outside the block.

export interface Block {
  start: number;
  end: number;
  /** A numbered or bulleted item of a list. */
  item: boolean;
}

const SPACE = 32, TAB = 9, NL = 10, CR = 13;

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== CR && c !== 0xa0) return false;
  }
  return true;
}

/** Length of a list marker at `i` ("1. ", "12) ", "(a) ", "- ", "• ", "* "), or 0. */
export function listMarkerLength(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  // bullets
  if (c === 0x2022 || c === 0x25cf || c === 0x25aa || c === 0x2013 || c === 0xb7 || c === 45 || c === 42) {
    const n = text.charCodeAt(i + 1);
    return i + 1 < end && (n === SPACE || n === TAB) ? 2 : 0;
  }
  // "(a) " or "(1) "
  if (c === 40) {
    let j = i + 1;
    while (j < end && j - i <= 4 && text.charCodeAt(j) !== 41) j++;
    if (j < end && text.charCodeAt(j) === 41 && j > i + 1 && text.charCodeAt(j + 1) === SPACE) {
      for (let k = i + 1; k < j; k++) {
        const d = text.charCodeAt(k);
        const alnum = (d >= 48 && d <= 57) || (d >= 97 && d <= 122);
        if (!alnum) return 0;
      }
      return j - i + 2;
    }
    return 0;
  }
  // "1. " / "1) " / "12. "
  let j = i;
  while (j < end && j - i < 3) {
    const d = text.charCodeAt(j);
    if (d < 48 || d > 57) break;
    j++;
  }
  if (j > i && j + 1 < end) {
    const p = text.charCodeAt(j);
    if ((p === 46 || p === 41) && text.charCodeAt(j + 1) === SPACE) return j - i + 2;
  }
  return 0;
}

function endsWithFinalPunctuation(text: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i > start) {
    const c = text.charCodeAt(i);
    // closing quotes and brackets after the stop
    if (c === 34 || c === 39 || c === 0x2019 || c === 0x201d || c === 41 || c === 93) i--;
    else break;
  }
  const c = text.charCodeAt(i);
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 58 || c === 59;
}

function wordCount(text: string, start: number, end: number): number {
  let n = 0, inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const space = c === SPACE || c === TAB || c === NL;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

export function splitBlocks(text: string, from = 0, to = text.length): Block[] {
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let prevLineStart = -1, prevLineEnd = -1;
  let lineStart = from;
  while (lineStart <= to) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    if (isBlank(text, lineStart, lineEnd)) {
      cur = null;
    } else {
      // trim the line
      let s = lineStart, e = lineEnd;
      while (s < e && isBlank(text, s, s + 1)) s++;
      while (e > s && isBlank(text, e - 1, e)) e--;
      const marker = listMarkerLength(text, s, e);
      // A short line without a final stop, followed by more text, is a title line on its own
      // ("Joint Statement" then "1. …"), not the first words of a wrapped paragraph.
      const prevIsTitle =
        cur !== null && prevLineStart >= 0 && !endsWithFinalPunctuation(text, prevLineStart, prevLineEnd) &&
        wordCount(text, prevLineStart, prevLineEnd) <= 12;
      if (marker > 0 || cur === null || prevIsTitle) {
        cur = { start: s + marker, end: e, item: marker > 0 };
        blocks.push(cur);
      } else {
        cur.end = e; // a wrapped line continues its paragraph
      }
      prevLineStart = s;
      prevLineEnd = e;
    }
    if (lineEnd >= to) break;
    lineStart = lineEnd + 1;
  }
  return blocks;
}

export { endsWithFinalPunctuation, wordCount };
