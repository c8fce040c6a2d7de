// The roll-up table computed afresh from the events: to rebuild it (after a bulk load that
// bypassed ingest, as the 10-million-event benchmark does) and to check that the copy kept
// current at ingest equals a fresh count.
import type { Store } from './open.js';
import { periodsOf } from './event-key.js';
import { chunks } from './util.js';

export interface RollupRow {
  source_code: string;
  target_code: string;
  day: string;
  quad_class: number;
  n: number;
  goldstein_sum: number;
}

export async function freshRollups(store: Store): Promise<RollupRow[]> {
  const rows = await store.db.selectFrom('events')
    .select(['source_code', 'target_code', 'day', 'quad_class'])
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('goldstein').as('goldstein_sum')])
    .where('counted', '=', 1).where('negated', '=', 0).where('day', '!=', '')
    .groupBy(['source_code', 'target_code', 'day', 'quad_class'])
    .orderBy('source_code').orderBy('target_code').orderBy('day').orderBy('quad_class')
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n), goldstein_sum: Number(r.goldstein_sum) }));
}

export async function storedRollups(store: Store): Promise<RollupRow[]> {
  return store.db.selectFrom('rollup_daily')
    .select(['source_code', 'target_code', 'day', 'quad_class', 'n', 'goldstein_sum'])
    .orderBy('source_code').orderBy('target_code').orderBy('day').orderBy('quad_class')
    .execute();
}

export async function rebuildRollups(store: Store): Promise<number> {
  const rows = await freshRollups(store);
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('rollup_daily').execute();
    for (const part of chunks(rows, 800)) {
      await trx.insertInto('rollup_daily').values(part.map((r) => ({ ...r, ...periodsOf(r.day) }))).execute();
    }
  });
  return rows.length;
}
