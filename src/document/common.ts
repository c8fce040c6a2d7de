// Small pieces every reader shares: default ids, failures, the size limit and the
// "title as its own first paragraph" rule.

import path from 'node:path';
import type { ReadItem, ReadOptions } from './types.js';

/** The file name without its extension; standard input is "stdin". */
export function baseId(name: string): string {
  if (name === '-') return 'stdin';
  const base = path.basename(name);
  const ext = path.extname(base);
  return ext ? base.slice(0, -ext.length) : base;
}

export function failure(origin: string, reason: string): ReadItem {
  return { error: { origin, reason } };
}

export function tooLarge(size: number | null, opts: ReadOptions): string {
  const n = size === null ? `more than ${opts.maxBytes}` : String(size);
  return `document too large (${n} bytes; the limit is ${opts.maxBytes}, raise it with --max-bytes)`;
}

/** The limit is on the analysed text as UTF-8, whatever encoding it arrived in. */
export function textTooLarge(text: string, opts: ReadOptions): string | null {
  // Cheap bound first: a UTF-16 code unit is at most 3 UTF-8 bytes.
  if (text.length * 3 <= opts.maxBytes) return null;
  const size = Buffer.byteLength(text, 'utf8');
  return size > opts.maxBytes ? tooLarge(size, opts) : null;
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function comparable(s: string): string {
  return collapse(s).toLowerCase().replace(/[\s.:;!?]+$/, '');
}

export function sameText(a: string, b: string): boolean {
  return comparable(a) === comparable(b);
}

/**
 * Title, blank line, paragraphs: the shape segmentation expects from HTML and feeds. A
 * first paragraph that repeats the title (the page's own headline) is dropped.
 */
export function joinTitleAndParagraphs(title: string | null, paragraphs: string[]): { text: string; titleInText: boolean } {
  const paras = title && paragraphs.length > 0 && sameText(paragraphs[0], title) ? paragraphs.slice(1) : paragraphs;
  if (!title) return { text: paras.join('\n\n'), titleInText: false };
  return { text: [title, ...paras].join('\n\n'), titleInText: true };
}
