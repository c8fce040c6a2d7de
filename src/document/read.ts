// Entry point of the readers: paths (files, directories, "-" for standard input) in,
// documents and failures out, in input order. A failure never stops the batch: each
// input's problem becomes one ReadFailure naming it, and reading goes on.
//
// Text: every document's `text` is decoded with newlines normalised to "\n" (see
// decode.ts); all character offsets later in the pipeline index that normalised text.
//
// Memory: an input is read whole only when it is within opts.maxBytes. A larger one can
// only be JSON Lines, which is streamed line by line; anything else fails on its size
// before it is read (a regular file's size is known from stat).

import { createReadStream } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { baseId, failure, tooLarge } from './common.js';
import { decodeBytes, type Decoded, firstSignificantChar } from './decode.js';
import { splitLines, toUtf8Chunks } from './lines.js';
import { readFeed } from './read-feed.js';
import { readHtml } from './read-html.js';
import { parseJson, readJsonObjects, readJsonValue } from './read-json.js';
import { readText } from './read-text.js';
import { sniff, sniffMarkup } from './sniff.js';
import type { ReadItem, ReadOptions } from './types.js';

export { decodeBytes } from './decode.js';

export async function* readInputs(paths: string[], opts: ReadOptions): AsyncGenerator<ReadItem> {
  for (const p of paths) {
    try {
      if (p === '-') yield* readStream(process.stdin, '-', opts);
      else yield* readPath(p, opts);
    } catch (e) {
      // One input's unexpected error must not end the batch.
      yield failure(p, errorReason(e));
    }
  }
}

/** A file, a directory (walked recursively in name order, dotfiles skipped) or a FIFO/device. */
export async function* readPath(p: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  let st;
  try {
    st = await stat(p);
  } catch (e) {
    yield failure(p, errorReason(e));
    return;
  }
  if (st.isDirectory()) {
    const counter = { files: 0 };
    yield* readDirectory(p, opts, new Set(), counter);
    if (counter.files === 0) yield failure(p, 'no files in the directory (dotfiles are skipped)');
  } else if (st.isFile()) {
    yield* readRegularFile(p, st.size, opts);
  } else {
    // Pipes and process substitution (`<(zcat x.jsonl.gz)`) have no size: read as a stream.
    yield* readStream(createReadStream(p), p, opts);
  }
}

async function* readDirectory(
  dir: string, opts: ReadOptions, seen: Set<string>, counter: { files: number },
): AsyncGenerator<ReadItem> {
  let entries;
  try {
    // Symbolic links may loop back to an ancestor: visit each real directory once.
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield failure(dir, errorReason(e));
    return;
  }
  // Code-point order, not locale order: the same on every machine.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    // Keep the path as the user gave it ("./in/" stays "./in/…"): it is the origin in messages.
    const full = dir.endsWith('/') || dir.endsWith(path.sep) ? dir + entry.name : dir + path.sep + entry.name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let size = -1;
    if (entry.isSymbolicLink() || isFile) {
      try {
        const st = await stat(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
        size = st.size;
      } catch (e) {
        yield failure(full, errorReason(e));
        continue;
      }
    }
    if (isDir) {
      yield* readDirectory(full, opts, seen, counter);
    } else if (isFile) {
      counter.files++;
      yield* readRegularFile(full, size, opts);
    }
    // Sockets, FIFOs and devices inside a directory are not documents.
  }
}

async function* readRegularFile(p: string, size: number, opts: ReadOptions): AsyncGenerator<ReadItem> {
  if (size <= opts.maxBytes) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(p);
    } catch (e) {
      yield failure(p, errorReason(e));
      return;
    }
    yield* readBytes(bytes, p, opts);
    return;
  }
  // Over the limit: look at the start; only JSON Lines is worth streaming.
  const stream = createReadStream(p);
  try {
    yield* readLarge(stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>, [], p, size, opts);
  } finally {
    stream.destroy();
  }
}

/** Standard input or any other byte stream: held in memory up to the limit, streamed beyond it if JSON Lines. */
export async function* readStream(
  stream: AsyncIterable<Uint8Array>, name: string, opts: ReadOptions,
): AsyncGenerator<ReadItem> {
  const it = stream[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const r = await it.next();
      if (r.done) {
        yield* readBytes(Buffer.concat(head), name, opts);
        return;
      }
      head.push(r.value);
      total += r.value.length;
      if (total > opts.maxBytes) break;
    }
  } catch (e) {
    yield failure(name, errorReason(e));
    return;
  }
  try {
    yield* readLarge(it, head, name, null, opts);
  } finally {
    await it.return?.();
  }
}

async function* readLarge(
  it: AsyncIterator<Uint8Array>, head: Uint8Array[], name: string, size: number | null, opts: ReadOptions,
): AsyncGenerator<ReadItem> {
  try {
    // At least a few kilobytes to judge the encoding and the first character by.
    let first = Buffer.concat(head);
    while (first.length < 4096) {
      const r = await it.next();
      if (r.done) break;
      first = Buffer.concat([first, r.value]);
    }
    if (firstSignificantChar(first) !== '{') {
      yield failure(name, tooLarge(size, opts));
      return;
    }
    const rest: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => it };
    const { chunks, skipped } = toUtf8Chunks(first, rest);
    yield* readJsonObjects(splitLines(chunks, opts.maxBytes, skipped), name, opts, null, size);
  } catch (e) {
    // A read error part-way: the documents already read stand; this says where it stopped.
    yield failure(name, errorReason(e));
  }
}

/**
 * Reads one input held in memory; `name` is its origin in messages and gives the default
 * id (file name without extension). Tests and callers with content in hand use this.
 */
export async function* readBytes(bytes: Uint8Array, name: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  if (firstSignificantChar(bytes) === '{') {
    const { chunks, skipped } = toUtf8Chunks(bytes, emptyStream());
    const whole = bytes.length <= opts.maxBytes ? () => decodeBytes(bytes) : null;
    yield* readJsonObjects(splitLines(chunks, opts.maxBytes, skipped), name, opts, whole, bytes.length);
    return;
  }
  if (bytes.length > opts.maxBytes) {
    yield failure(name, tooLarge(bytes.length, opts));
    return;
  }
  const decoded = decodeBytes(bytes);
  if ('error' in decoded) {
    yield failure(name, decoded.error);
    return;
  }
  yield* readDecoded(decoded, name, opts);
}

function* readDecoded(decoded: Decoded, name: string, opts: ReadOptions): Generator<ReadItem> {
  const { text, warnings } = decoded;
  const id = baseId(name);
  const kind = sniff(text);
  if (kind === 'json') {
    const parsed = parseJson(text);
    if ('error' in parsed) yield failure(name, parsed.error);
    else yield* readJsonValue(parsed.value, name, opts, warnings);
  } else if (kind === 'markup') {
    const markup = sniffMarkup(text);
    if (markup.kind === 'html') yield readHtml(text, name, id, opts, warnings);
    else if (markup.kind === 'xml') yield failure(name, `XML with root element <${markup.root}> is neither RSS, Atom nor HTML`);
    else yield* readFeed(text, name, markup.kind, opts, warnings);
  } else {
    yield readText(text, name, id, kind, opts, warnings);
  }
}

async function* emptyStream(): AsyncGenerator<Uint8Array> {}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

function errorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code && FS_REASONS[code]) return FS_REASONS[code];
  return e instanceof Error ? e.message : String(e);
}
