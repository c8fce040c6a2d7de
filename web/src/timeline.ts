// Time axes for the charts. Pure, so it is tested without a browser.
import type { TimelineRow } from './api.js';

/** Months and years without events get an empty slot, so time reads evenly (up to 20 years of months). */
export function withGaps(rows: TimelineRow[], by: string): TimelineRow[] {
  if (rows.length < 2 || (by !== 'month' && by !== 'year')) return rows;
  const key = (p: string) => (by === 'year' ? Number(p) : Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1);
  const name = (k: number) => (by === 'year' ? String(k) : `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);
  const first = key(rows[0].period);
  const last = key(rows[rows.length - 1].period);
  if (!Number.isFinite(first) || !Number.isFinite(last) || last - first > 240) return rows;
  const have = new Map(rows.map((r) => [key(r.period), r]));
  const out: TimelineRow[] = [];
  for (let k = first; k <= last; k++) out.push(have.get(k) ?? { period: name(k), quad: [0, 0, 0, 0], events: 0, goldsteinSum: 0, goldsteinMean: 0 });
  return out;
}
