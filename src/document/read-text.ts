// Plain text. Two shapes: the seed's (first line ` date YYYY-MM-DD <photo caption>`, then
// the headline, highlights, subheads, paragraphs) and anything else. Either way `text` is
// the file's decoded contents unchanged apart from newline normalisation, so offsets
// point into the file as the user sees it.

import { failure, textTooLarge } from './common.js';
import { futureWarning, NO_DATE, parseDate, readPublished } from './dates.js';
import { SEED_HEADER } from './sniff.js';
import type { ReadItem, ReadOptions } from './types.js';

// "Date: 2026-01-05", "Published: 5 January 2026", "Posted on January 5, 2026".
const DATELINE = /^\s*(?:dated|date|published|posted)\b(?:\s+on)?\s*[:\-–—]?\s*(.+?)\s*$/i;
const DATELINE_SCAN = 5;

export function readText(
  text: string, name: string, id: string, format: 'seed' | 'text', opts: ReadOptions, warnings: string[],
): ReadItem {
  const big = textTooLarge(text, opts);
  if (big) return failure(name, big);
  const lines = text.split('\n');
  let title: string | null = null;
  let published: string | null = null;
  const dateWarnings: string[] = [];

  if (format === 'seed') {
    const header = lines.findIndex((l) => l.trim() !== '');
    const m = SEED_HEADER.exec(lines[header]);
    const p = readPublished(m?.[1]);
    published = p.published;
    dateWarnings.push(...p.warnings);
    // The headline is the first non-empty line after the header.
    const headline = lines.slice(header + 1).find((l) => l.trim() !== '');
    title = headline ? headline.trim() : null;
  } else {
    published = dateline(lines);
    dateWarnings.push(...(published ? futureWarning(published) : [NO_DATE]));
  }

  return {
    doc: {
      id,
      url: null,
      published,
      title,
      text,
      format,
      origin: name,
      warnings: [...warnings, ...dateWarnings],
      titleInText: format === 'seed' && title !== null,
    },
  };
}

/** An explicit "Date:"/"Published:" line among the first few lines, else null. */
function dateline(lines: string[]): string | null {
  let seen = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (++seen > DATELINE_SCAN) break;
    const m = DATELINE.exec(line);
    const date = m ? parseDate(m[1], true) : null;
    if (date) return date;
  }
  return null;
}
