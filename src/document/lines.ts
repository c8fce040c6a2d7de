// Streaming line splitter for JSON Lines. Works on bytes rather than node:readline so
// that (1) each line is decoded on its own, with its own invalid-UTF-8 warning and byte
// position, and (2) a line longer than the limit is counted and dropped instead of being
// buffered whole: memory stays flat however large the file or its lines.

import { detectEncoding } from './decode.js';

export interface RawLine {
  /** 1-based. */
  lineNo: number;
  /** Byte position of the line's start in the input (for UTF-16 input: in its UTF-8 transcoding). */
  offset: number;
  /** The line without its "\n" / "\r\n"; null when it was longer than the limit. */
  bytes: Uint8Array | null;
  size: number;
}

/**
 * Removes a UTF-8 BOM, and transcodes UTF-16 (BOM or zero-byte pattern, judged from the
 * first chunk) to UTF-8, so the splitter only ever sees the UTF-8 family.
 * Returns the byte count removed from the front, for positions in messages.
 */
export function toUtf8Chunks(
  first: Uint8Array, rest: AsyncIterable<Uint8Array>,
): { chunks: AsyncIterable<Uint8Array>; skipped: number } {
  const det = detectEncoding(first);
  if (det.encoding === 'utf-8') {
    return {
      skipped: det.bomLength,
      chunks: (async function* () {
        yield first.subarray(det.bomLength);
        yield* rest;
      })(),
    };
  }
  return {
    skipped: 0,
    chunks: (async function* () {
      const decoder = new TextDecoder(det.encoding); // drops the BOM itself
      for await (const c of prepend(first, rest)) {
        const s = decoder.decode(c, { stream: true });
        if (s) yield Buffer.from(s, 'utf8');
      }
      const tail = decoder.decode();
      if (tail) yield Buffer.from(tail, 'utf8');
    })(),
  };
}

async function* prepend(first: Uint8Array, rest: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield first;
  yield* rest;
}

export async function* splitLines(
  chunks: AsyncIterable<Uint8Array>, maxBytes: number, startOffset = 0,
): AsyncGenerator<RawLine> {
  let pieces: Uint8Array[] = [];
  let size = 0;
  let overflow = false;
  let lineNo = 1;
  let lineStart = startOffset;
  let position = startOffset;

  const take = (piece: Uint8Array): void => {
    size += piece.length;
    if (overflow) return;
    if (size > maxBytes) {
      overflow = true;
      pieces = [];
    } else if (piece.length > 0) {
      pieces.push(piece);
    }
  };
  const finish = (): RawLine => {
    let bytes: Uint8Array | null = null;
    if (!overflow) {
      bytes = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
      if (pieces.length === 0) bytes = new Uint8Array(0);
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    }
    const line: RawLine = { lineNo, offset: lineStart, bytes, size };
    pieces = [];
    size = 0;
    overflow = false;
    lineNo++;
    return line;
  };

  for await (const chunk of chunks) {
    let from = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, from)) {
      take(chunk.subarray(from, nl));
      yield finish();
      from = nl + 1;
      lineStart = position + from;
    }
    take(chunk.subarray(from));
    position += chunk.length;
  }
  if (size > 0) yield finish();
}
