// Which office a person held on a given date, from the lexicon's dated office spans.
import type { OfficeSpan } from '../lexicon/actors.js';

/**
 * How `date` compares with a span's bound on the bound's precision ("2024" covers every day of
 * 2024): the sign of date.slice(0, bound.length) compared with bound, read in place. A date
 * shorter than the bound compares as its prefix would ("2024" is before "2024-03").
 */
function onPrecision(date: string, bound: string): number {
  const n = Math.min(date.length, bound.length);
  for (let i = 0; i < n; i++) {
    const d = date.charCodeAt(i) - bound.charCodeAt(i);
    if (d !== 0) return d;
  }
  return n - bound.length;
}

/** The first office span that contains `date` (ISO, any precision); the latest when no date. */
export function spanAt(spans: OfficeSpan[], date: string | null): OfficeSpan | null {
  if (!spans.length) return null;
  if (!date) return spans[spans.length - 1];
  for (const s of spans) {
    // compare on the common precision: "2024" covers every day of 2024
    if ((s.from == null || onPrecision(date, s.from) >= 0) && (s.to == null || onPrecision(date, s.to) <= 0)) return s;
  }
  return null;
}

export function officeAt(spans: OfficeSpan[], date: string | null): string | null {
  return spanAt(spans, date)?.office ?? null;
}
