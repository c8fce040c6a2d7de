// Publication dates as inputs state them. Only the calendar date is kept, exactly as
// written (no time-zone conversion): a report stamped 2026-01-05T01:00+05:00 was published
// on the 5th where it was written, and that is the reference for its relative dates.

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

export const NO_DATE = 'no published date; relative dates stay unresolved';

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (d > days[m - 1]) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 1-12 for a full month name, its three-letter abbreviation or "Sept" (a trailing dot allowed). */
function month(name: string): number | undefined {
  const k = name.toLowerCase().replace(/\.$/, '');
  const i = MONTH_NAMES.findIndex((n) => n === k || n.slice(0, 3) === k || (k === 'sept' && n === 'september'));
  return i < 0 ? undefined : i + 1;
}

// YYYY-MM-DD, optionally followed by an ISO time ("T" or a space) and zone.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
// RFC 2822 (RSS pubDate): "Mon, 05 Jan 2026 10:00:00 +0000", weekday and time optional.
// Full day and month names are let through too: feeds write them often enough.
const RFC2822 = /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3,9}\.?)\s+(\d{4}|\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[+-]\d{4}|[A-Za-z]{1,5}))?)?$/;
// Written English dates, for datelines in plain text: "5 January 2026", "January 5, 2026".
const DAY_MONTH_YEAR = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+\.?),?\s+(\d{4})$/;
const MONTH_DAY_YEAR = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;

/**
 * The ISO date (YYYY-MM-DD) a publication-date string names, or null. Accepts ISO dates
 * and datetimes and RFC 2822 dates; with `written`, also "5 January 2026" forms.
 */
export function parseDate(raw: string, written = false): string | null {
  const s = raw.trim();
  let m = ISO.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = RFC2822.exec(s);
  if (m) {
    const mo = month(m[2]);
    if (!mo) return null;
    // Two-digit years per RFC 2822 section 4.3.
    const y = m[3].length === 2 ? (+m[3] < 50 ? 2000 + +m[3] : 1900 + +m[3]) : +m[3];
    return iso(y, mo, +m[1]);
  }
  if (written) {
    m = DAY_MONTH_YEAR.exec(s);
    if (m && month(m[2])) return iso(+m[3], month(m[2])!, +m[1]);
    m = MONTH_DAY_YEAR.exec(s);
    if (m && month(m[1])) return iso(+m[3], month(m[1])!, +m[2]);
  }
  return null;
}

/** Today as far east as any time zone reaches, so no report is called "future" because of its zone. */
function latestToday(now: number = Date.now()): string {
  return new Date(now + 14 * 3600_000).toISOString().slice(0, 10);
}

export interface Published {
  published: string | null;
  warnings: string[];
}

/**
 * Reads an input's `published` value. Missing or unusable dates do not stop the analysis;
 * they become null with a warning. A future date is kept and flagged.
 */
export function readPublished(raw: unknown, written = false): Published {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    return { published: null, warnings: [NO_DATE] };
  }
  const date = typeof raw === 'string' ? parseDate(raw, written) : null;
  if (!date) return { published: null, warnings: [`unusable published date '${show(raw)}'`] };
  return { published: date, warnings: futureWarning(date) };
}

export function futureWarning(date: string): string[] {
  return date > latestToday() ? [`published date ${date} is in the future`] : [];
}

function show(raw: unknown): string {
  const s = typeof raw === 'string' ? raw.trim() : JSON.stringify(raw) ?? String(raw);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
