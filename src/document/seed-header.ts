// The seed shape's first line: " date YYYY-MM-DD <photo caption> — CREDIT". The date is the
// published date; the caption is a sentence; the trailing credit is not part of it.

export interface SeedHeader {
  published: string;
  captionStart: number;
  captionEnd: number;
  credit: { start: number; end: number } | null;
  /** Offset just past the header line. */
  lineEnd: number;
}

const HEADER = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s*/;
// a dash, then at most four short capitalised words (agency, photographer, "FO", "AFP/File")
const CREDIT = /\s+[—–-]\s*((?:[A-Z][\w./&']*)(?:\s+[A-Z][\w./&']*){0,3})\s*$/;

export function seedHeader(text: string): SeedHeader | null {
  // the header is the first non-blank line
  let lineStart = 0;
  while (lineStart < text.length && (text[lineStart] === '\n' || text[lineStart] === ' ' || text[lineStart] === '\t')) {
    const nl = text.indexOf('\n', lineStart);
    if (nl < 0 || text.slice(lineStart, nl).trim()) break;
    lineStart = nl + 1;
  }
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  const m = HEADER.exec(line);
  if (!m) return null;
  const captionStart = lineStart + m[0].length;
  let captionEnd = lineStart + line.trimEnd().length;
  let credit: SeedHeader['credit'] = null;
  const c = CREDIT.exec(text.slice(captionStart, lineEnd));
  if (c) {
    const creditStart = captionStart + c.index + c[0].indexOf(c[1]);
    credit = { start: creditStart, end: creditStart + c[1].length };
    captionEnd = captionStart + c.index;
  }
  return { published: m[1], captionStart, captionEnd, credit, lineEnd };
}
