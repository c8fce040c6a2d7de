// Which office a person held on a given date, from the lexicon's dated office spans.
import type { OfficeSpan } from '../lexicon/actors.js';

/** The first office whose span contains `date` (ISO, any precision); the latest when no date. */
export function officeAt(spans: OfficeSpan[], date: string | null): string | null {
  if (!spans.length) return null;
  if (!date) return spans[spans.length - 1].office;
  for (const s of spans) {
    const from = s.from ?? '0000';
    const to = s.to ?? '9999';
    // compare on the common precision: "2024" covers every day of 2024
    if (date.slice(0, from.length) >= from && date.slice(0, to.length) <= to) return s.office;
  }
  return null;
}
