// One batch of analysed documents, written in one transaction: a batch is stored whole or not
// at all, so a killed ingest leaves the store as it was after the last whole batch, and the
// same command run again skips what is there and stores the rest.
import type { Transaction } from 'kysely';
import type { Analysis } from '../analysis/types.js';
import type { Store, Dialect } from './open.js';
import type { Tables } from './schema.js';
import { RowBuffer, deleteDocumentRows } from './document-rows.js';
import { refreshEvents } from './refresh-events.js';
import { isoWeek } from './identity.js';
import { bands, jaccard, shingles, SIMILARITY } from './near-duplicates.js';
import type { EventKey } from './event-key.js';
import { chunks } from './util.js';

export interface PreparedDoc {
  /** The document's identity (see identity.ts). */
  key: string;
  contentHash: string;
  analysis: Analysis;
}

export interface BatchResult {
  added: number;
  replaced: number;
  unchanged: number;
  sentences: number;
  events: number;
  /** Documents stored as near-duplicates of an earlier one. */
  duplicates: number;
}

export function emptyResult(): BatchResult {
  return { added: 0, replaced: 0, unchanged: 0, sentences: 0, events: 0, duplicates: 0 };
}

/** The keys (with their content hash) already stored unchanged: these need no analysis. */
export async function storedHashes(store: Store, keys: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks([...new Set(keys)], 500)) {
    const rows = await store.db.selectFrom('documents').select(['id', 'content_hash']).where('id', 'in', part).execute();
    for (const r of rows) out.set(r.id, r.content_hash);
  }
  return out;
}

export async function writeBatch(store: Store, docs: PreparedDoc[]): Promise<BatchResult> {
  if (!docs.length) return emptyResult();
  return store.db.transaction().execute((trx) => new BatchWrite(trx, store.dialect).run(docs));
}

interface Stored {
  hash: string;
  seq: number;
}

class BatchWrite {
  private rows = new RowBuffer();
  private touched = new Set<string>();
  private keys = new Map<string, EventKey>();
  /** Documents whose near-duplicate status changed: their events are recounted. */
  private regrouped = new Set<string>();
  private result = emptyResult();

  constructor(private trx: Transaction<Tables>, private dialect: Dialect) {}

  async run(docs: PreparedDoc[]): Promise<BatchResult> {
    const stored = new Map<string, Stored>();
    for (const part of chunks([...new Set(docs.map((d) => d.key))], 500)) {
      const rows = await this.trx.selectFrom('documents').select(['id', 'content_hash', 'seq']).where('id', 'in', part).execute();
      for (const r of rows) stored.set(r.id, { hash: r.content_hash, seq: r.seq });
    }
    const max = await this.trx.selectFrom('documents').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
    let seq = Number(max?.m ?? 0);
    for (const d of docs) {
      const before = stored.get(d.key);
      if (before && before.hash === d.contentHash) {
        this.result.unchanged++;
        continue;
      }
      let docSeq: number;
      if (before) {
        docSeq = before.seq;
        await this.replace(d);
        this.result.replaced++;
      } else {
        docSeq = ++seq;
        this.result.added++;
      }
      stored.set(d.key, { hash: d.contentHash, seq: docSeq });
      await this.store(d, docSeq, !!before);
    }
    await this.rows.flush(this.trx, this.dialect);
    for (const part of chunks([...this.regrouped], 500)) {
      const evs = await this.trx.selectFrom('event_sources').select('event_id').distinct().where('doc_id', 'in', part).execute();
      for (const e of evs) this.touched.add(e.event_id);
    }
    await refreshEvents(this.trx, this.touched, this.keys);
    return this.result;
  }

  private async replace(d: PreparedDoc): Promise<void> {
    if (this.rows.docs.has(d.key)) await this.rows.flush(this.trx, this.dialect);
    for (const id of await deleteDocumentRows(this.trx, this.dialect, d.key)) this.touched.add(id);
  }

  private async store(d: PreparedDoc, seq: number, exists: boolean): Promise<void> {
    const a = d.analysis;
    const week = isoWeek(a.published);
    const sh = shingles(a.text);
    const bs = bands(sh);
    const { dupOf, similarity } = await this.placeAmongCopies(d.key, seq, week, sh, bs);
    const row = {
      id: d.key, seq, content_hash: d.contentHash, url: a.url ?? null, published: a.published ?? null, week,
      title: a.title ?? null, format: a.format, text: a.text, dup_of: dupOf, similarity,
      n_sentences: a.sentences.length, n_events: a.events.length,
      analysis: JSON.stringify(a.id === d.key ? a : { ...a, id: d.key }),
    };
    if (exists) {
      const { id: _id, ...set } = row;
      await this.trx.updateTable('documents').set(set).where('id', '=', d.key).execute();
    } else {
      await this.trx.insertInto('documents').values(row).execute();
    }
    await this.trx.insertInto('doc_bands').values([...new Set(bs)].map((band) => ({ doc_id: d.key, week, band }))).execute();
    if (exists) {
      // copies that pointed at the old text are judged again against the new one
      const followers = await this.trx.selectFrom('documents').select(['id', 'seq', 'week', 'text']).where('dup_of', '=', d.key).execute();
      for (const f of followers) await this.reconsider(f);
    }
    if (dupOf) this.result.duplicates++;
    const keys = this.rows.add(d.key, a);
    for (const [id, k] of keys) {
      this.touched.add(id);
      this.keys.set(id, k);
    }
    this.result.sentences += a.sentences.length;
    this.result.events += a.events.length;
  }

  /**
   * A document is a copy of the earliest stored document it is similar to (≥ 0.9, same week);
   * when it is itself the earliest, later similar documents that stood alone become its copies.
   */
  private async placeAmongCopies(
    id: string, seq: number, week: string, sh: Set<number>, bs: string[],
  ): Promise<{ dupOf: string | null; similarity: number | null }> {
    const similar = await this.similar(id, week, sh, bs);
    const earlier = similar.filter((s) => s.seq < seq || (s.seq === seq && s.id < id));
    if (earlier.length) {
      const first = earlier[0];
      return { dupOf: first.dup_of ?? first.id, similarity: first.similarity };
    }
    for (const s of similar) {
      if (s.dup_of !== null) continue;
      await this.trx.updateTable('documents').set({ dup_of: id, similarity: s.similarity }).where('id', '=', s.id).execute();
      this.regrouped.add(s.id);
    }
    return { dupOf: null, similarity: null };
  }

  private async reconsider(f: { id: string; seq: number; week: string; text: string }): Promise<void> {
    const sh = shingles(f.text);
    const earlier = (await this.similar(f.id, f.week, sh, bands(sh))).filter((s) => s.seq < f.seq);
    const dupOf = earlier.length ? earlier[0].dup_of ?? earlier[0].id : null;
    const similarity = earlier.length ? earlier[0].similarity : null;
    await this.trx.updateTable('documents').set({ dup_of: dupOf, similarity }).where('id', '=', f.id).execute();
    this.regrouped.add(f.id);
  }

  /** Stored documents of the same week at least SIMILARITY alike, earliest first. */
  private async similar(id: string, week: string, sh: Set<number>, bs: string[]) {
    const cands = await this.trx.selectFrom('doc_bands').select('doc_id').distinct()
      .where('week', '=', week).where('band', 'in', bs).where('doc_id', '!=', id).execute();
    if (!cands.length) return [];
    const rows = await this.trx.selectFrom('documents').select(['id', 'seq', 'text', 'dup_of'])
      .where('id', 'in', cands.map((c) => c.doc_id)).execute();
    return rows
      .map((r) => ({ id: r.id, seq: r.seq, dup_of: r.dup_of, j: jaccard(sh, shingles(r.text)) }))
      .filter((r) => r.j >= SIMILARITY)
      .map(({ j, ...r }) => ({ ...r, similarity: Math.round(j * 1000) / 1000 }))
      .sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : 1));
  }
}
