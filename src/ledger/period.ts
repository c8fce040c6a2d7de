// ISO dates as periods: "2027" is 2027-01-01 … 2027-12-31, "2027-06" is June 2027. A due date
// is a period; a commitment is open before it, due during it and overdue after it.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function leap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** The first day of the period an ISO date names ("2027" → "2027-01-01"). */
export function periodStart(iso: string): string {
  if (iso.length === 4) return `${iso}-01-01`;
  if (iso.length === 7) return `${iso}-01`;
  return iso.slice(0, 10);
}

/** The last day of the period an ISO date names ("2027-02" → "2027-02-28"). */
export function periodEnd(iso: string): string {
  if (iso.length === 4) return `${iso}-12-31`;
  if (iso.length === 7) {
    const y = Number(iso.slice(0, 4));
    const m = Number(iso.slice(5, 7));
    const d = m === 2 && leap(y) ? 29 : DAYS_IN_MONTH[m - 1];
    return `${iso}-${String(d).padStart(2, '0')}`;
  }
  return iso.slice(0, 10);
}

export type TimeStatus = 'open' | 'due' | 'overdue';

/** Where `date` (YYYY-MM-DD, or coarser) falls against a due period; without a due date or a
 * date to measure on, a commitment is open. */
export function statusOn(due: string | null, date: string | null): TimeStatus {
  if (!due || !date) return 'open';
  const day = periodStart(date);
  if (day < periodStart(due)) return 'open';
  if (day <= periodEnd(due)) return 'due';
  return 'overdue';
}

/** Whether an ISO date's period ends on or after `from` (a due date is in the future of a report). */
export function notBefore(iso: string, from: string | null): boolean {
  if (!from) return true;
  return periodEnd(iso) >= periodStart(from);
}

function dayNumber(iso: string): number {
  const [y, m, d] = periodStart(iso).split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Days from a to b (the periods' first days). */
export function daysBetween(a: string, b: string): number {
  return Math.round(dayNumber(b) - dayNumber(a));
}

/** "4 months", "1 year 1 month", "12 days": a gap between two dates for people. */
export function describeGap(a: string, b: string): string {
  const days = daysBetween(a, b);
  if (Math.abs(days) < 45) return `${days} day${Math.abs(days) === 1 ? '' : 's'}`;
  const months = Math.round(days / 30.44);
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts: string[] = [];
  if (y) parts.push(`${y} year${y === 1 ? '' : 's'}`);
  if (m) parts.push(`${m} month${m === 1 ? '' : 's'}`);
  return parts.join(' ') || '0 months';
}

/** Today as YYYY-MM-DD (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
