// One batch of analysed documents, written in one transaction: a batch is stored whole or not
// at all, so a killed ingest leaves the store as it was after the last whole batch, and the
// same command run again skips what is there and stores the rest.
//
// New documents take the fast path: their near-duplicate candidates are looked up for the
// whole run of new documents at once and their rows go out in multi-row inserts. A changed
// document (replace) is rare and takes the careful path, one statement at a time, between
// flushes, so it sees everything written before it.
import type { Transaction } from 'kysely';
import type { Analysis } from '../analysis/types.js';
import type { Store, Dialect } from './open.js';
import type { Tables } from './schema.js';
import { RowBuffer, deleteDocumentRows } from './document-rows.js';
import { refreshEvents, type NewSource } from './refresh-events.js';
import { isoWeek } from './identity.js';
import { bands, jaccard, shingles, SIMILARITY } from './near-duplicates.js';
import type { EventKey } from './event-key.js';
import { packAnalysis } from './pack.js';
import { saveLearned, type LearnedPerson } from './learned.js';
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

/** The content hashes of the keys already stored: an equal hash means no analysis is needed. */
export async function storedHashes(store: Store, keys: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks([...new Set(keys)], 500)) {
    const rows = await store.db.selectFrom('documents').select(['id', 'content_hash']).where('id', 'in', part).execute();
    for (const r of rows) out.set(r.id, r.content_hash);
  }
  return out;
}

/** Stores a batch, and the people the analyser learned from it, in one transaction. */
export async function writeBatch(store: Store, docs: PreparedDoc[], learned: LearnedPerson[] = []): Promise<BatchResult> {
  if (!docs.length && !learned.length) return emptyResult();
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.db.transaction().execute(async (trx) => {
        const r = await new BatchWrite(trx, store.dialect).run(docs);
        await saveLearned(trx, learned);
        return r;
      });
    } catch (e) {
      // another ingest stored the same document or event first, or the two deadlocked: the
      // batch was rolled back whole; run it again, now seeing what the other committed
      if (!RETRY.has((e as { code?: string }).code ?? '') || attempt >= 8) throw e;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 50));
    }
  }
}

// PostgreSQL: unique violation, serialization failure, deadlock
const RETRY = new Set(['23505', '40001', '40P01']);

interface NewDoc {
  d: PreparedDoc;
  seq: number;
  week: string;
  sh: Set<number>;
  bands: string[];
}

interface Similar {
  id: string;
  seq: number;
  dup_of: string | null;
  similarity: number;
}

/** Band keys carry the week: only documents published in the same week are compared. */
function weekBands(week: string, sh: Set<number>): string[] {
  return [...new Set(bands(sh))].map((b) => `${week}|${b}`);
}

class BatchWrite {
  private rows = new RowBuffer();
  /** Events whose sources were removed or whose documents changed copy status: recomputed whole. */
  private full = new Set<string>();
  /** Sources added by new documents, by event: folded into the event without re-reading. */
  private added = new Map<string, NewSource[]>();
  private keys = new Map<string, EventKey>();
  /** Documents whose near-duplicate status changed: their events are recounted. */
  private regrouped = new Set<string>();
  private result = emptyResult();

  constructor(private trx: Transaction<Tables>, private dialect: Dialect) {}

  async run(docs: PreparedDoc[]): Promise<BatchResult> {
    const stored = new Map<string, { hash: string; seq: number }>();
    for (const part of chunks([...new Set(docs.map((d) => d.key))], 500)) {
      const rows = await this.trx.selectFrom('documents').select(['id', 'content_hash', 'seq']).where('id', 'in', part).execute();
      for (const r of rows) stored.set(r.id, { hash: r.content_hash, seq: r.seq });
    }
    const max = await this.trx.selectFrom('documents').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
    let seq = Number(max?.m ?? 0);
    let run: NewDoc[] = [];
    for (const d of docs) {
      const before = stored.get(d.key);
      if (before && before.hash === d.contentHash) {
        this.result.unchanged++;
        continue;
      }
      if (before) {
        await this.storeNew(run);
        run = [];
        await this.rows.flush(this.trx, this.dialect);
        await this.replace(d, before.seq);
        this.result.replaced++;
      } else {
        const week = isoWeek(d.analysis.published);
        const sh = shingles(d.analysis.text);
        run.push({ d, seq: ++seq, week, sh, bands: weekBands(week, sh) });
        this.result.added++;
      }
      stored.set(d.key, { hash: d.contentHash, seq: before?.seq ?? seq });
    }
    await this.storeNew(run);
    await this.rows.flush(this.trx, this.dialect);
    for (const part of chunks([...this.regrouped], 500)) {
      const evs = await this.trx.selectFrom('event_sources').select('event_id').distinct().where('doc_id', 'in', part).execute();
      for (const e of evs) this.full.add(e.event_id);
    }
    await refreshEvents(this.trx, this.dialect, this.full, this.added, this.keys);
    return this.result;
  }

  private documentRow(d: PreparedDoc, seq: number, week: string, dupOf: string | null, similarity: number | null) {
    const a = d.analysis;
    return {
      id: d.key, seq, content_hash: d.contentHash, url: a.url ?? null, published: a.published ?? null, week,
      title: a.title ?? null, format: a.format, text: a.text, dup_of: dupOf, similarity,
      n_sentences: a.sentences.length, n_events: a.events.length,
      analysis: packAnalysis(a.id === d.key ? a : { ...a, id: d.key }),
    };
  }

  /** Adds the document's other rows to the buffer and notes its events. */
  private addRows(d: PreparedDoc, seq: number, dupOf: string | null, incremental: boolean): void {
    const a = d.analysis;
    for (const s of this.rows.add(d.key, a)) {
      this.keys.set(s.event_id, s.key);
      if (!incremental) {
        this.full.add(s.event_id);
        continue;
      }
      const list = this.added.get(s.event_id);
      const src: NewSource = { ...s.row, seq, dup_of: dupOf };
      if (list) list.push(src);
      else this.added.set(s.event_id, [src]);
    }
    if (dupOf) this.result.duplicates++;
    this.result.sentences += a.sentences.length;
    this.result.events += a.events.length;
  }

  /** New documents: one candidate lookup for the run, rows buffered. */
  private async storeNew(run: NewDoc[]): Promise<void> {
    if (!run.length) return;
    const stored = await this.canonicalByBand(run);
    const texts = new Map<string, Set<number>>();
    // earlier documents of this run that stand alone, by week and band
    const inRun = new Map<string, NewDoc[]>();
    const want = [...new Set([...stored.values()].flat().map((c) => c.id))];
    for (const part of chunks(want, 200)) {
      const rows = await this.trx.selectFrom('documents').select(['id', 'text']).where('id', 'in', part).execute();
      for (const r of rows) texts.set(r.id, shingles(r.text));
    }
    const docRows = [];
    const bandRows = [];
    for (const n of run) {
      const cands = new Map<string, { id: string; seq: number; sh: Set<number> }>();
      for (const b of n.bands) {
        for (const c of stored.get(b) ?? []) cands.set(c.id, { id: c.id, seq: c.seq, sh: texts.get(c.id)! });
        for (const c of inRun.get(b) ?? []) cands.set(c.d.key, { id: c.d.key, seq: c.seq, sh: c.sh });
      }
      cands.delete(n.d.key);
      let dupOf: string | null = null;
      let similarity: number | null = null;
      for (const c of [...cands.values()].sort((x, y) => x.seq - y.seq || (x.id < y.id ? -1 : 1))) {
        const j = jaccard(n.sh, c.sh);
        if (j >= SIMILARITY) {
          dupOf = c.id;
          similarity = Math.round(j * 1000) / 1000;
          break;
        }
      }
      if (!dupOf) {
        for (const b of n.bands) {
          const list = inRun.get(b);
          if (list) list.push(n);
          else inRun.set(b, [n]);
        }
      }
      docRows.push(this.documentRow(n.d, n.seq, n.week, dupOf, similarity));
      for (const band of new Set(n.bands)) bandRows.push({ doc_id: n.d.key, week: n.week, band });
      this.addRows(n.d, n.seq, dupOf, true);
    }
    this.rows.documents.push(...docRows);
    this.rows.bands.push(...bandRows);
  }

  /** Stored documents that stand alone (not copies), by band, for the run's bands. */
  private async canonicalByBand(run: NewDoc[]): Promise<Map<string, { id: string; seq: number }[]>> {
    const out = new Map<string, { id: string; seq: number }[]>();
    const all = [...new Set(run.flatMap((n) => n.bands))];
    for (const part of chunks(all, 900)) {
      const rows = await this.trx.selectFrom('doc_bands as b').innerJoin('documents as d', 'd.id', 'b.doc_id')
        .select(['b.doc_id', 'b.band', 'd.seq', 'd.dup_of'])
        .where('b.band', 'in', part)
        .execute();
      // copies are filtered here, not in SQL: a dup_of condition tempts SQLite's planner into
      // scanning documents by that index instead of looking bands up
      for (const r of rows) {
        if (r.dup_of !== null) continue;
        const k = r.band;
        const list = out.get(k);
        if (list) list.push({ id: r.doc_id, seq: r.seq });
        else out.set(k, [{ id: r.doc_id, seq: r.seq }]);
      }
    }
    return out;
  }

  /** A changed document: old rows out, new rows in, copy status judged again around it. */
  private async replace(d: PreparedDoc, seq: number): Promise<void> {
    for (const id of await deleteDocumentRows(this.trx, this.dialect, d.key)) this.full.add(id);
    const a = d.analysis;
    const week = isoWeek(a.published);
    const sh = shingles(a.text);
    const bs = weekBands(week, sh);
    await this.trx.insertInto('doc_bands').values([...new Set(bs)].map((band) => ({ doc_id: d.key, week, band }))).execute();
    const similar = await this.similar(d.key, bs, sh);
    const earlier = similar.find((s) => s.seq < seq);
    const dupOf = earlier ? earlier.dup_of ?? earlier.id : null;
    const { id: _id, ...set } = this.documentRow(d, seq, week, dupOf, earlier?.similarity ?? null);
    await this.trx.updateTable('documents').set(set).where('id', '=', d.key).execute();
    if (!dupOf) {
      // now standing alone: later documents like it that stood alone become its copies
      for (const s of similar) {
        if (s.seq < seq || s.dup_of !== null) continue;
        await this.trx.updateTable('documents').set({ dup_of: d.key, similarity: s.similarity }).where('id', '=', s.id).execute();
        this.regrouped.add(s.id);
      }
    }
    // copies of the old text are judged again against what is there now
    const followers = await this.trx.selectFrom('documents').select(['id', 'seq', 'week', 'text']).where('dup_of', '=', d.key).execute();
    for (const f of followers) {
      const fsh = shingles(f.text);
      const first = (await this.similar(f.id, weekBands(f.week, fsh), fsh)).find((s) => s.seq < f.seq);
      await this.trx.updateTable('documents')
        .set({ dup_of: first ? first.dup_of ?? first.id : null, similarity: first?.similarity ?? null })
        .where('id', '=', f.id).execute();
      this.regrouped.add(f.id);
    }
    this.addRows(d, seq, dupOf, false);
  }

  /** Stored documents of the same week that stand alone and are at least SIMILARITY alike, earliest first. */
  private async similar(id: string, bs: string[], sh: Set<number>): Promise<Similar[]> {
    const rows = await this.trx.selectFrom('doc_bands as b').innerJoin('documents as d', 'd.id', 'b.doc_id')
      .select(['d.id', 'd.seq', 'd.text', 'd.dup_of']).distinct()
      .where('b.band', 'in', bs).where('b.doc_id', '!=', id)
      .execute();
    return rows
      .filter((r) => r.dup_of === null)
      .map((r) => ({ id: r.id, seq: r.seq, dup_of: r.dup_of, j: jaccard(sh, shingles(r.text)) }))
      .filter((r) => r.j >= SIMILARITY)
      .map(({ j, ...r }) => ({ ...r, similarity: Math.round(j * 1000) / 1000 }))
      .sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : 1));
  }
}
