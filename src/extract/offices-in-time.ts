// Which office a person held on a given date, from the lexicon's dated office spans.
import type { OfficeSpan } from '../lexicon/actors.js';

/** The first office span that contains `date` (ISO, any precision); the latest when no date. */
export function spanAt(spans: OfficeSpan[], date: string | null): OfficeSpan | null {
  if (!spans.length) return null;
  if (!date) return spans[spans.length - 1];
  for (const s of spans) {
    const from = s.from ?? '0000';
    const to = s.to ?? '9999';
    // compare on the common precision: "2024" covers every day of 2024
    if (date.slice(0, from.length) >= from && date.slice(0, to.length) <= to) return s;
  }
  return null;
}

export function officeAt(spans: OfficeSpan[], date: string | null): string | null {
  return spanAt(spans, date)?.office ?? null;
}
