// After a batch has added or removed event sources, each touched event is recomputed from its
// sources — created, updated or deleted — and the roll-up table receives the difference
// between what the event contributed before and what it contributes now. One rule for add,
// replace and near-duplicate changes alike, so the roll-ups always equal a fresh count.
import type { Insertable, Selectable, Transaction } from 'kysely';
import type { Tables, DocumentsTable, EventSourcesTable, EventsTable } from './schema.js';
import { periodsOf, type EventKey } from './event-key.js';
import { chunks } from './util.js';
import type { Dialect } from './open.js';

type EventRow = Selectable<EventsTable>;

interface Contribution {
  source_code: string;
  target_code: string;
  day: string;
  quad_class: number;
  n: number;
  g: number;
}

/** What an event adds to the roll-up: counted (not only syndicated copies), asserted or not, not negated, dated. */
function contribution(e: EventRow | null): Contribution | null {
  if (!e || !e.counted || e.negated || !e.day) return null;
  return { source_code: e.source_code, target_code: e.target_code, day: e.day, quad_class: e.quad_class, n: 1, g: e.goldstein };
}

export class RollupDelta {
  private m = new Map<string, Contribution>();

  add(c: Contribution | null, sign: 1 | -1): void {
    if (!c) return;
    const k = `${c.source_code}\u001f${c.target_code}\u001f${c.day}\u001f${c.quad_class}`;
    const cur = this.m.get(k) ?? { ...c, n: 0, g: 0 };
    cur.n += sign * c.n;
    cur.g += sign * c.g;
    this.m.set(k, cur);
  }

  async apply(trx: Transaction<Tables>): Promise<void> {
    // in key order, so two concurrent batches take the roll-up rows' locks in the same order
    const rows = [...this.m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c).filter((c) => c.n !== 0 || c.g !== 0);
    for (const part of chunks(rows, 500)) {
      await trx
        .insertInto('rollup_daily')
        .values(part.map((c) => ({
          source_code: c.source_code, target_code: c.target_code, day: c.day, quad_class: c.quad_class,
          ...periodsOf(c.day), n: c.n, goldstein_sum: c.g,
        })))
        .onConflict((oc) => oc.columns(['source_code', 'target_code', 'day', 'quad_class']).doUpdateSet((eb) => ({
          n: eb('rollup_daily.n', '+', eb.ref('excluded.n')),
          goldstein_sum: eb('rollup_daily.goldstein_sum', '+', eb.ref('excluded.goldstein_sum')),
        })))
        .execute();
    }
    for (const c of rows.filter((r) => r.n < 0)) {
      await trx.deleteFrom('rollup_daily')
        .where('source_code', '=', c.source_code).where('target_code', '=', c.target_code)
        .where('day', '=', c.day).where('quad_class', '=', c.quad_class).where('n', '<=', 0)
        .execute();
    }
    this.m.clear();
  }
}

/** A source added by a new document, with what the event needs to know of that document. */
export type NewSource = Insertable<Tables['event_sources']> & { seq: number; dup_of: string | null };

/** What an event takes from each source: the columns the recompute selects. */
type SourceView = Pick<EventSourcesTable, 'doc_id' | 'idx' | 'code' | 'goldstein' | 'plover' | 'date' | 'modality' | 'source_ref' | 'target_ref'>
  & Pick<DocumentsTable, 'seq' | 'dup_of'>;

const bySeq = (a: SourceView, b: SourceView) => a.seq - b.seq || (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0) || a.idx - b.idx;

/** The event as its sources make it: attributes from the primary (earliest stored) source. */
function fromSources(id: string, key: EventKey, list: SourceView[]): EventRow {
  list.sort(bySeq);
  const p = list[0];
  return {
    id,
    source_code: key.source_code, target_code: key.target_code, root: key.root, day: key.day,
    place: key.place, negated: key.negated, quad_class: key.quad_class,
    code: p.code, goldstein: p.goldstein, plover: p.plover ?? null, date: p.date ?? null, modality: p.modality,
    source_ref: p.source_ref, target_ref: p.target_ref ?? null, primary_doc: p.doc_id,
    n_sources: list.length, n_docs: new Set(list.map((s) => s.doc_id)).size,
    counted: list.some((s) => s.dup_of === null) ? 1 : 0,
  };
}

/**
 * Brings events up to date after a batch. Events in `full` (a source removed, a document's
 * copy status changed) are recomputed from all their sources. Events that only gained sources
 * from new documents are updated from the new sources alone: new documents are stored last,
 * so the primary source cannot change, and re-reading an event reported a thousand times
 * for every batch would make ingest slow down as the store grows.
 */
export async function refreshEvents(
  trx: Transaction<Tables>, dialect: Dialect, full: Set<string>, added: Map<string, NewSource[]>, keys: Map<string, EventKey>,
): Promise<void> {
  const delta = new RollupDelta();
  const ids = [...new Set([...full, ...added.keys()])].sort();
  for (const part of chunks(ids, 400)) {
    // in PostgreSQL, concurrent ingests lock the events they touch, in id order (no deadlock
    // between two batches); SQLite has one writer at a time anyway
    const old = new Map((await trx.selectFrom('events').selectAll().where('id', 'in', part)
      .$if(dialect === 'postgres', (q) => q.forUpdate()).execute()).map((e) => [e.id, e]));
    const recompute = part.filter((id) => full.has(id));
    const byEvent = new Map<string, SourceView[]>();
    if (recompute.length) {
      const sources = await trx
        .selectFrom('event_sources as s')
        .innerJoin('documents as d', 'd.id', 's.doc_id')
        .select(['s.event_id', 's.doc_id', 's.idx', 's.code', 's.goldstein', 's.plover', 's.date', 's.modality', 's.source_ref', 's.target_ref', 'd.seq', 'd.dup_of'])
        .where('s.event_id', 'in', recompute)
        .execute();
      for (const s of sources) {
        const list = byEvent.get(s.event_id);
        if (list) list.push(s);
        else byEvent.set(s.event_id, [s]);
      }
    }
    const inserts: EventRow[] = [];
    const deletes: string[] = [];
    for (const id of part) {
      const before = old.get(id) ?? null;
      const key = before ?? keys.get(id);
      let after: EventRow | null;
      if (full.has(id)) {
        const list = byEvent.get(id);
        after = list?.length ? fromSources(id, key!, list) : null;
      } else {
        const fresh = added.get(id)! as SourceView[];
        if (!before) after = fromSources(id, key!, fresh);
        else {
          after = {
            ...before,
            n_sources: before.n_sources + fresh.length,
            n_docs: before.n_docs + new Set(fresh.map((s) => s.doc_id)).size,
            counted: before.counted || fresh.some((s) => s.dup_of === null) ? 1 : 0,
          };
        }
      }
      if (!key && after) throw new Error(`event ${id} has sources but no key`);
      delta.add(contribution(before), -1);
      delta.add(contribution(after), 1);
      if (!after) {
        if (before) deletes.push(id);
      } else if (!before) inserts.push(after);
      else if (changed(before, after)) {
        const { id: _id, ...set } = after;
        await trx.updateTable('events').set(set).where('id', '=', id).execute();
      }
    }
    if (deletes.length) await trx.deleteFrom('events').where('id', 'in', deletes).execute();
    for (const rows of chunks(inserts, 300)) await trx.insertInto('events').values(rows).execute();
  }
  await delta.apply(trx);
}

function changed(a: EventRow, b: EventRow): boolean {
  for (const k of Object.keys(b) as (keyof EventRow)[]) if (a[k] !== b[k]) return true;
  return false;
}
