// JSON and JSON Lines of `{id?, url?, published, title?, text | html}`: one object, an
// array of objects, or one object per line. JSON Lines are read line by line from a
// stream, and a bad line fails alone: every other line still yields its document.

import { baseId, collapse, failure, joinTitleAndParagraphs, sameText, textTooLarge, tooLarge } from './common.js';
import { BINARY, decodeBytes, type DecodeResult, looksBinary, normaliseNewlines } from './decode.js';
import { readPublished } from './dates.js';
import type { RawLine } from './lines.js';
import { articleDateWarnings, extractArticle, hasBody, NO_ARTICLE } from './read-html.js';
import type { ReadItem, ReadOptions } from './types.js';

export const NO_TEXT = 'no text or html';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function nonBlank(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

/** One input object → a document, or the reason it is not one. */
export function docFromJson(
  value: unknown, origin: string, defaultId: string, opts: ReadOptions, warnings: string[],
): ReadItem {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return failure(origin, `expected a JSON object with text or html, got ${describe(value)}`);
  }
  const o = value as Record<string, unknown>;
  const id = nonBlank(o.id)?.trim() ?? (typeof o.id === 'number' ? String(o.id) : defaultId);
  let url = nonBlank(o.url)?.trim() ?? null;
  let title = nonBlank(o.title) ? collapse(o.title as string) : null;
  let text: string;
  let titleInText: boolean;
  let dates = readPublished(o.published);

  const rawText = nonBlank(o.text);
  const html = nonBlank(o.html);
  if (rawText !== null) {
    text = normaliseNewlines(rawText);
    if (looksBinary(text)) return failure(origin, BINARY);
    // Inputs like the dev corpus repeat the headline as the text's first paragraph.
    const firstParagraph = text.trimStart().split(/\n[ \t]*\n/)[0];
    titleInText = title !== null && sameText(firstParagraph, title);
  } else if (html !== null) {
    const a = extractArticle(html);
    title = title ?? a.title;
    if (!hasBody(a)) return failure(origin, NO_ARTICLE);
    ({ text, titleInText } = joinTitleAndParagraphs(title, a.paragraphs));
    url = url ?? a.url;
    // The page's own metadata stands in for a missing `published`.
    if (dates.published === null && (o.published === undefined || o.published === null)) {
      dates = { published: a.published, warnings: articleDateWarnings(a) };
    }
  } else {
    return failure(origin, NO_TEXT);
  }

  const big = textTooLarge(text, opts);
  if (big) return failure(origin, big);
  return {
    doc: {
      id, url, published: dates.published, title, text, format: 'json', origin,
      warnings: [...warnings, ...dates.warnings], titleInText,
    },
  };
}

/** A whole JSON value: one object is one document; an array is a batch ("item n"). */
export function readJsonValue(value: unknown, name: string, opts: ReadOptions, warnings: string[]): ReadItem[] {
  const base = baseId(name);
  if (!Array.isArray(value)) return [docFromJson(value, name, base, opts, warnings)];
  if (value.length === 0) return [failure(name, 'no documents in the JSON array')];
  return value.map((item, i) => docFromJson(item, `${name} item ${i + 1}`, `${base}#${i + 1}`, opts, warnings));
}

export function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: `invalid JSON: ${(e as Error).message}` };
  }
}

type LineRecord = { lineNo: number; value: unknown; error: null; warnings: string[]; parseError: false } | {
  lineNo: number; value: undefined; error: string; warnings: string[]; parseError: boolean;
};

/**
 * Input that starts with "{": JSON Lines, or one (pretty-printed) object. It is JSON
 * Lines when the first or second non-blank line is a complete JSON value by itself.
 * Otherwise it is one object: parsed whole when `whole` is given (inputs within the size
 * limit), else reported as too large. A file with a single document names it like a
 * single file (id = file name); with several, ids and origins carry the line number.
 */
export async function* readJsonObjects(
  lines: AsyncIterable<RawLine>,
  name: string,
  opts: ReadOptions,
  whole: (() => DecodeResult) | null,
  size: number | null,
): AsyncGenerator<ReadItem> {
  const it = lines[Symbol.asyncIterator]();
  const next = async (): Promise<LineRecord | null> => {
    for (;;) {
      const r = await it.next();
      if (r.done) return null;
      const rec = lineRecord(r.value, opts);
      if (rec) return rec;
    }
  };

  const first = await next();
  if (!first) {
    yield failure(name, 'empty file');
    return;
  }
  const pending: LineRecord[] = [first];
  if (first.error !== null) {
    let wholeError: string | null = null;
    if (whole) {
      const decoded = whole();
      if ('error' in decoded) {
        wholeError = decoded.error;
      } else {
        const parsed = parseJson(decoded.text);
        if ('value' in parsed) {
          yield* readJsonValue(parsed.value, name, opts, decoded.warnings);
          return;
        }
        wholeError = parsed.error;
      }
    }
    const second = await next();
    if (second) pending.push(second);
    if (second && second.error !== null && first.parseError) {
      // Neither of the first two lines stands alone: one object spread over lines.
      yield failure(name, wholeError ?? tooLarge(size, opts));
      return;
    }
  }
  if (pending.length === 1) {
    const second = await next();
    if (second) pending.push(second);
  }
  if (pending.length === 1) {
    yield finish(pending[0], name, opts, true);
    return;
  }
  for (const rec of pending) yield finish(rec, name, opts, false);
  for (let rec = await next(); rec; rec = await next()) yield finish(rec, name, opts, false);
}

function lineRecord(line: RawLine, opts: ReadOptions): LineRecord | null {
  const base = { lineNo: line.lineNo, value: undefined, parseError: false };
  if (line.bytes === null) return { ...base, error: tooLarge(line.size, opts), warnings: [] };
  if (isBlank(line.bytes)) return null;
  const decoded = decodeBytes(line.bytes, { offset: line.offset, utf8Family: true, allowEmpty: true });
  if ('error' in decoded) return { ...base, error: decoded.error, warnings: [] };
  const parsed = parseJson(decoded.text);
  if ('error' in parsed) return { ...base, error: parsed.error, warnings: decoded.warnings, parseError: true };
  return { lineNo: line.lineNo, value: parsed.value, error: null, warnings: decoded.warnings, parseError: false };
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0c) return false;
  return true;
}

function finish(rec: LineRecord, name: string, opts: ReadOptions, single: boolean): ReadItem {
  const origin = single ? name : `${name} line ${rec.lineNo}`;
  if (rec.error !== null) return failure(origin, rec.error);
  const id = single ? baseId(name) : `${baseId(name)}#${rec.lineNo}`;
  return docFromJson(rec.value, origin, id, opts, rec.warnings);
}
