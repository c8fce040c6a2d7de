// A dyad's relationship over time, read from the daily roll-up (dyad × day × quad class) that
// ingest keeps current — never from the events themselves, so it stays fast at any size.
import type { Store } from '../open.js';
import { parseDyad, upTo } from './events.js';
import { round2 } from '../util.js';
import type { Period, TimelineRow } from './types.js';

export type { Period, TimelineRow } from './types.js';

export const PERIODS: Period[] = ['day', 'week', 'month', 'year'];

export interface TimelineOptions {
  /** Only source → target, not both ways. */
  directed?: boolean;
  from?: string;
  to?: string;
}

export async function timeline(store: Store, dyad: string | [string, string], by: Period = 'month', opts: TimelineOptions = {}): Promise<TimelineRow[]> {
  if (!PERIODS.includes(by)) throw new Error(`--by ${by}: expected one of ${PERIODS.join(', ')}`);
  const [a, b] = typeof dyad === 'string' ? parseDyad(dyad) : dyad;
  const rows = await store.db
    .selectFrom('rollup_daily')
    .select([`${by} as period`, 'quad_class'])
    .select((eb) => [eb.fn.sum<number>('n').as('n'), eb.fn.sum<number>('goldstein_sum').as('g')])
    .where((eb) => {
      const one = eb.and([eb('source_code', '=', a), eb('target_code', '=', b)]);
      const both = opts.directed ? one : eb.or([one, eb.and([eb('source_code', '=', b), eb('target_code', '=', a)])]);
      const all = [both];
      if (opts.from) all.push(eb('day', '>=', opts.from));
      if (opts.to) all.push(eb('day', '<=', upTo(opts.to)));
      return eb.and(all);
    })
    .groupBy([by, 'quad_class'])
    .orderBy(by)
    .execute();
  const out: TimelineRow[] = [];
  for (const r of rows) {
    let row = out[out.length - 1];
    if (!row || row.period !== r.period) {
      row = { period: r.period, quad: [0, 0, 0, 0], events: 0, goldsteinSum: 0, goldsteinMean: 0 };
      out.push(row);
    }
    const n = Number(r.n);
    if (r.quad_class >= 1 && r.quad_class <= 4) row.quad[r.quad_class - 1] += n;
    row.events += n;
    row.goldsteinSum += Number(r.g);
  }
  for (const row of out) {
    row.goldsteinMean = row.events ? round2(row.goldsteinSum / row.events) : 0;
    row.goldsteinSum = round2(row.goldsteinSum);
  }
  return out;
}
