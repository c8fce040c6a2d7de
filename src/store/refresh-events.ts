// After a batch has added or removed event sources, each touched event is recomputed from its
// sources — created, updated or deleted — and the roll-up table receives the difference
// between what the event contributed before and what it contributes now. One rule for add,
// replace and near-duplicate changes alike, so the roll-ups always equal a fresh count.
import type { Selectable, Transaction } from 'kysely';
import type { Tables, EventsTable } from './schema.js';
import { periodsOf, type EventKey } from './event-key.js';
import { chunks } from './util.js';

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
    const rows = [...this.m.values()].filter((c) => c.n !== 0 || c.g !== 0);
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

/** Recomputes the given events from their sources; `keys` gives the key of events not yet stored. */
export async function refreshEvents(trx: Transaction<Tables>, ids: Iterable<string>, keys: Map<string, EventKey>): Promise<void> {
  const delta = new RollupDelta();
  for (const part of chunks([...new Set(ids)].sort(), 400)) {
    const old = new Map((await trx.selectFrom('events').selectAll().where('id', 'in', part).execute()).map((e) => [e.id, e]));
    const sources = await trx
      .selectFrom('event_sources as s')
      .innerJoin('documents as d', 'd.id', 's.doc_id')
      .select(['s.event_id', 's.doc_id', 's.idx', 's.code', 's.goldstein', 's.plover', 's.date', 's.modality', 's.source_ref', 's.target_ref', 'd.seq', 'd.dup_of'])
      .where('s.event_id', 'in', part)
      .execute();
    const byEvent = new Map<string, typeof sources>();
    for (const s of sources) {
      const list = byEvent.get(s.event_id);
      if (list) list.push(s);
      else byEvent.set(s.event_id, [s]);
    }
    const inserts: EventRow[] = [];
    const deletes: string[] = [];
    for (const id of part) {
      const before = old.get(id) ?? null;
      const list = byEvent.get(id);
      if (!list?.length) {
        if (before) deletes.push(id);
        delta.add(contribution(before), -1);
        continue;
      }
      // the primary source is the earliest stored: stable while later copies come and go
      list.sort((a, b) => a.seq - b.seq || (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0) || a.idx - b.idx);
      const p = list[0];
      const key = before ?? keys.get(id);
      if (!key) throw new Error(`event ${id} has sources but no key`);
      const after: EventRow = {
        id,
        source_code: key.source_code, target_code: key.target_code, root: key.root, day: key.day,
        place: key.place, negated: key.negated, quad_class: key.quad_class,
        code: p.code, goldstein: p.goldstein, plover: p.plover, date: p.date, modality: p.modality,
        source_ref: p.source_ref, target_ref: p.target_ref, primary_doc: p.doc_id,
        n_sources: list.length, n_docs: new Set(list.map((s) => s.doc_id)).size,
        counted: list.some((s) => s.dup_of === null) ? 1 : 0,
      };
      delta.add(contribution(before), -1);
      delta.add(contribution(after), 1);
      if (!before) inserts.push(after);
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
