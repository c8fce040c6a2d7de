// Ingest: documents or analyses in, batches of stored documents out. Batches (500 documents by
// default) are each one transaction; a document already stored with the same content hash is
// skipped before it is analysed, so re-running a batch — or resuming a killed one — costs a
// lookup per document. Memory stays flat: at most two batches are held at once.
import type { Analysis } from '../analysis/types.js';
import type { RawDocument, ReadItem } from '../document/types.js';
import type { Store } from './open.js';
import { contentHash, documentKey, textKey } from './identity.js';
import { emptyResult, storedHashes, writeBatch, type BatchResult, type PreparedDoc } from './write-batch.js';
import { storedLearnedPeople, type LearnedPerson } from './learned.js';

export const DEFAULT_BATCH = 500;

export interface IngestProgress extends BatchResult {
  /** Documents read (stored, replaced, unchanged or failed). */
  documents: number;
  failed: number;
  /** Bytes of document text read so far: with the input's size, a fraction done. */
  textBytes: number;
}

export interface IngestOptions {
  batchSize?: number;
  /** Called after every stored batch with the running totals. */
  onProgress?: (p: IngestProgress) => void;
}

export interface Analysed {
  /** One per document, in order; a failure is an Error in the document's place. */
  results: (Analysis | Error)[];
  /** People the analyser learned from these documents (see learned.ts). */
  learned: LearnedPerson[];
}

export interface Analyser {
  /** Starts from the people earlier runs learned. */
  prime(people: LearnedPerson[]): Promise<void>;
  analyse(docs: RawDocument[]): Promise<Analysed>;
  close(): Promise<void>;
}

function progress(): IngestProgress {
  return { ...emptyResult(), documents: 0, failed: 0, textBytes: 0 };
}

function addResult(p: IngestProgress, r: BatchResult): void {
  for (const k of Object.keys(r) as (keyof BatchResult)[]) p[k] += r[k];
}

/**
 * Stores analyses made elsewhere. A document's identity is its analysis id, else a hash of
 * its normalised text; an unchanged document is left as it is, a changed one replaced.
 */
export async function ingestAnalyses(
  store: Store, analyses: AsyncIterable<Analysis> | Iterable<Analysis>, opts: IngestOptions = {},
): Promise<IngestProgress> {
  const size = opts.batchSize ?? DEFAULT_BATCH;
  const p = progress();
  let batch: PreparedDoc[] = [];
  const flush = async () => {
    addResult(p, await writeBatch(store, batch));
    batch = [];
    opts.onProgress?.({ ...p });
  };
  for await (const a of analyses) {
    p.documents++;
    p.textBytes += Buffer.byteLength(a.text);
    batch.push({ key: a.id || textKey(a.text), contentHash: contentHash(a.text, a.published), analysis: a });
    if (batch.length >= size) await flush();
  }
  if (batch.length) await flush();
  return p;
}

export interface DocumentIngestOptions extends IngestOptions {
  analyser: Analyser;
  /** A document that could not be read or analysed: its origin and the reason. */
  onError: (origin: string, reason: string) => void;
  onWarning?: (origin: string, warning: string) => void;
}

/**
 * Reads, analyses and stores. Analysis of one batch overlaps the writing of the previous one
 * (when the analyser runs on worker threads); the write re-checks content hashes inside its
 * transaction, so a document analysed twice is still stored once.
 */
export async function ingestDocuments(store: Store, items: AsyncIterable<ReadItem>, opts: DocumentIngestOptions): Promise<IngestProgress> {
  const size = opts.batchSize ?? DEFAULT_BATCH;
  const p = progress();
  let pending: PreparedDoc[] | null = null;
  let pendingLearned: LearnedPerson[] = [];
  let docs: RawDocument[] = [];
  await opts.analyser.prime(await storedLearnedPeople(store));

  const write = async (prepared: PreparedDoc[], skipped: number) => {
    addResult(p, await writeBatch(store, prepared, pendingLearned));
    p.unchanged += skipped;
    opts.onProgress?.({ ...p });
  };

  let skippedPending = 0;
  const next = async () => {
    const batch = docs;
    docs = [];
    const keyed = batch.map((doc) => ({ doc, key: documentKey(doc), hash: contentHash(doc.text, doc.published) }));
    const stored = await storedHashes(store, keyed.map((k) => k.key));
    const seen = new Map<string, string>();
    const todo = keyed.filter((k) => {
      const same = stored.get(k.key) === k.hash || seen.get(k.key) === k.hash;
      seen.set(k.key, k.hash);
      return !same;
    });
    const skipped = keyed.length - todo.length;
    const analysing = opts.analyser.analyse(todo.map((k) => k.doc));
    if (pending) await write(pending, skippedPending);
    const { results, learned } = await analysing;
    pendingLearned = learned;
    pending = [];
    todo.forEach((k, i) => {
      const r = results[i];
      if (r instanceof Error) {
        opts.onError(k.doc.origin, `analysis failed: ${r.message}`);
        p.failed++;
      } else {
        pending!.push({ key: k.key, contentHash: k.hash, analysis: r.id === k.key ? r : { ...r, id: k.key } });
      }
    });
    skippedPending = skipped;
  };

  for await (const item of items) {
    p.documents++;
    if ('error' in item) {
      opts.onError(item.error.origin, item.error.reason);
      p.failed++;
      continue;
    }
    for (const w of item.doc.warnings) opts.onWarning?.(item.doc.origin, w);
    p.textBytes += Buffer.byteLength(item.doc.text);
    docs.push(item.doc);
    if (docs.length >= size) await next();
  }
  if (docs.length) await next();
  if (pending) await write(pending, skippedPending);
  return p;
}
