// Date mentions. The date reader (date-reader.ts) finds what a date says — month names with
// days and years, weekdays, days and units named from publication, counts of units ago — and a
// small rule adds bare years. A value keeps only the granularity the text gives ("2026-01-04",
// "2026-01", "2027") and is resolved against the published date.
import type { Mention } from '../analysis/types.js';
import type { ExtractContext } from './context.js';
import { DateReader, isDigit, type DateExpression, type DateSaid } from './date-reader.js';
import { dateTables } from '../lexicon/dates.js';

const NO_PUBLISHED = 'relative date with no published date';

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parsePublished(p: string | null): Ymd | null {
  if (!p || p.length < 10) return null;
  const y = Number(p.slice(0, 4)), m = Number(p.slice(5, 7)), d = Number(p.slice(8, 10));
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= 31 ? { y, m, d } : null;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m?: number, d?: number): string => (m === undefined ? String(y) : d === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`);

// Day numbers (days from 1970-01-01) by arithmetic (H. Hinnant's civil calendar algorithms)
// rather than Date objects, which cost more than the rest of a mention; the same days as
// Date.UTC, including its quirks: a day past a month's end runs into the next month, years
// 0–99 are 1900–1999, and days outside Date's range (±10^8) are NaN.

function dayNumber(y: number, m: number, d: number): number {
  if (y >= 0 && y <= 99) y += 1900;
  if (m <= 2) y--;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const z = era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
  return Math.abs(z) <= 1e8 ? z : NaN;
}

function fromDays(z: number): Ymd {
  if (!(Math.abs(z) <= 1e8)) return { y: NaN, m: NaN, d: NaN };
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** 0 = Sunday (1970-01-01 was a Thursday). */
const weekdayOf = (z: number): number => ((z % 7) + 11) % 7;

/** The year of a month and day written without one: the one that puts it at most `ahead` days
 * after publication and less than a year before it. For a day that is ~2 months: news mostly
 * reports what has happened. */
function inferYear(m: number, d: number, pub: Ymd, ahead: number): number {
  const p = dayNumber(pub.y, pub.m, pub.d);
  // this year, the one before, the one after
  for (let i = 0; i < 3; i++) {
    const y = i === 0 ? pub.y : i === 1 ? pub.y - 1 : pub.y + 1;
    const delta = dayNumber(y, m, d) - p;
    if (delta > ahead - 365 && delta <= ahead) return y;
  }
  return pub.y;
}

interface Resolved {
  value: string | null;
  note?: string;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The days of month m of year y (NaN outside Date's range, as Date.UTC(y, m, 0) gives). */
function daysIn(y: number, m: number): number {
  const fy = y >= 0 && y <= 99 ? 1900 + y : y;
  const n = m === 2 && fy % 4 === 0 && (fy % 100 !== 0 || fy % 400 === 0) ? 29 : MONTH_DAYS[m - 1];
  return Number.isNaN(dayNumber(y, m, n)) ? NaN : n;
}

/** The month `shift` months from y-m. */
function addMonths(y: number, m: number, shift: number): { y: number; m: number } {
  const n = y * 12 + (m - 1) + shift;
  return { y: Math.floor(n / 12), m: (n % 12) + 1 };
}

/** A week by one of its days: its month when the whole Monday–Sunday week lies in one. */
function weekOf(z: number): Resolved {
  const monday = z - ((weekdayOf(z) + 6) % 7);
  const a = fromDays(monday), b = fromDays(monday + 6);
  if (a.m === b.m) return { value: iso(a.y, a.m) };
  return { value: null, note: `the week of ${iso(a.y, a.m, a.d)} spans two months` };
}

/** Days from publication to a weekday after a modifier, as news and calendars read them:
 * "this Friday" the next one (or today), "last Friday" the one before, "next Friday" the one
 * in the coming week (from the weekend: the week after). */
function daysToWeekday(from: number, weekday: number, modifier: string): number {
  const forward = (weekday - from + 7) % 7;
  if (modifier === 'this') return forward;
  if (modifier === 'last') return forward - 7;
  if (from === 0) return weekday === 0 ? 7 : weekday;
  if (from === 6) return weekday === 6 ? 7 : weekday === 0 ? 8 : 1 + weekday;
  return weekday < from && weekday !== 0 ? forward : forward + 7;
}

/** What a date expression means on the published date; null when it names no real day. */
function resolve(x: DateSaid, pub: Ymd | null): Resolved | null {
  if (x.kind === 'calendar') {
    if (x.day !== null && x.day > daysIn(x.year ?? 2000, x.month)) return null; // "February 30"
    if (x.year !== null) return ranged(x, x.year, { value: iso(x.year, x.month, x.day ?? undefined) });
    if (!pub) return { value: null, note: NO_PUBLISHED };
    // a month alone is as often ahead ("the summit in September") as behind: the nearest one;
    // a day mostly lies behind publication (news reports what has happened), up to ~2 months ahead
    if (x.day === null) return { value: iso(inferYear(x.month, 15, pub, 182), x.month) };
    const y = inferYear(x.month, x.day, pub, 61);
    return ranged(x, y, { value: iso(y, x.month, x.day) });
  }
  if (!pub) return { value: null, note: NO_PUBLISHED };
  const p = dayNumber(pub.y, pub.m, pub.d);
  const day = (z: number): Resolved => {
    const d = fromDays(z);
    return { value: iso(d.y, d.m, d.d) };
  };
  switch (x.kind) {
    case 'offset':
      return day(p + x.days);
    case 'weekday': {
      const from = weekdayOf(p);
      // "on Monday" in news: the latest such day on or before publication
      if (!x.modifier) return day(p - ((from - x.weekday + 7) % 7));
      return day(p + daysToWeekday(from, x.weekday, x.modifier));
    }
    case 'relative':
      if (x.unit === 'year') return { value: iso(pub.y + x.shift) };
      if (x.unit === 'month') {
        const m = addMonths(pub.y, pub.m, x.shift);
        return { value: iso(m.y, m.m) };
      }
      return weekOf(p + 7 * x.shift);
    case 'ago':
      if (x.unit === 'year') return { value: iso(pub.y - x.count) };
      if (x.unit === 'month') {
        const m = addMonths(pub.y, pub.m, -x.count);
        return { value: iso(m.y, m.m) };
      }
      if (x.unit === 'week') return weekOf(p - 7 * x.count);
      return day(p - x.count);
  }
}

/** "January 4-6": the first day, noting where the range ends. */
function ranged(x: Extract<DateSaid, { kind: 'calendar' }>, y: number, r: Resolved): Resolved {
  if (x.dayEnd !== null && x.dayEnd <= daysIn(y, x.month)) r.note = `a range ending ${iso(y, x.month, x.dayEnd)}`;
  return r;
}

/** Adds to `out` the bare years of sentence s that no mention in it (out[from..]) covers yet:
 * "2026", "mid-2026", "2019-2021" (two mentions), "2025-26" (its first year). */
function yearDates(ctx: ExtractContext, s: number, out: Mention[], from: number): void {
  const t = ctx.tokens;
  const text = ctx.text;
  const tables = dateTables();
  for (let k = t.sentenceFirst[s]; k < t.sentenceEnd[s]; k++) {
    // a year starts or ends with a digit: most tokens are passed over on the text's chars at
    // their ends, without reading their own strings
    if (!isDigit(text.charCodeAt(t.start[k])) && !isDigit(text.charCodeAt(t.end[k] - 1))) continue;
    const v = t.value[k];
    if (v.length < 4 || (!isDigit(v.charCodeAt(v.length - 1)) && !isDigit(v.charCodeAt(0)))) continue;
    const ts = t.start[k], te = t.end[k];
    if (covered(out, from, ts, te)) continue;
    if (k > t.sentenceFirst[s] && tables.numberNouns.has(t.lower[k - 1])) continue;
    // part of a longer number or a time: "3.2026", "10:2026", "2026/27", "2026%"
    const before = text.charCodeAt(ts - 1), after = text.charCodeAt(te);
    if (isDigit(before) || before === 46 || before === 44 || before === 58 || before === 47) continue;
    if (isDigit(after) || after === 58 || after === 47 || after === 37) continue;
    if ((after === 46 || after === 44) && isDigit(text.charCodeAt(te + 1))) continue;
    // the token's pieces between hyphens or dashes (found by position, no arrays): an optional
    // prefix word, then one or two years
    let pieces = 1, dash1 = v.length, dash2 = v.length;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c !== 45 && c !== 0x2013) continue;
      if (pieces === 1) dash1 = i;
      else if (pieces === 2) dash2 = i;
      pieces++;
    }
    const first = pieces > 1 && tables.prefixes.has(v.slice(0, dash1).toLowerCase()) ? 1 : 0;
    if (pieces - first > 2) continue; // "2019-2020-2021", phone numbers
    for (let j = first; j < pieces; j++) {
      const pa = j === 0 ? 0 : j === 1 ? dash1 + 1 : dash2 + 1;
      const pb = j === 0 ? dash1 : j === 1 ? dash2 : v.length;
      if (pb - pa !== 4 || !isYear(v, pa)) break; // "2025-26" keeps its first year
      const a = j === first ? ts : ts + pa; // the prefix belongs to the mention
      out.push({ kind: 'date', start: a, end: ts + pb, text: text.slice(a, ts + pb), ref: null, value: v.slice(pa, pb), sentence: s });
    }
  }
}

/** Whether a mention of out[from..] overlaps characters [a, b). */
function covered(out: Mention[], from: number, a: number, b: number): boolean {
  for (let i = from; i < out.length; i++) if (out[i].start < b && a < out[i].end) return true;
  return false;
}

/** Four digits from `at` that make a year 1900–2099. */
function isYear(v: string, at: number): boolean {
  let n = 0;
  for (let i = at; i < at + 4; i++) {
    const c = v.charCodeAt(i);
    if (!isDigit(c)) return false;
    n = n * 10 + c - 48;
  }
  return n >= 1900 && n <= 2099;
}

export function findDates(ctx: ExtractContext): Mention[] {
  const pub = parsePublished(ctx.published);
  const t = ctx.tokens;
  const reader = new DateReader(t, ctx.lookup, ctx.text);
  const read: DateExpression[] = [];
  const out: Mention[] = [];
  for (let s = 0; s < ctx.sentences.length; s++) {
    // the sentence's mentions are out[from..]: read ones first, then bare years, then in text order
    const from = out.length;
    reader.read(t.sentenceFirst[s], t.sentenceEnd[s], read);
    let unresolved = false;
    for (const x of read) {
      const res = resolve(x.said, pub);
      if (!res) {
        unresolved = true;
        continue;
      }
      const a = t.start[x.first], b = t.end[x.end - 1];
      const m: Mention = { kind: 'date', start: a, end: b, text: ctx.text.slice(a, b), ref: null, value: res.value, sentence: s };
      if (res.note) m.note = res.note;
      out.push(m);
    }
    const readEnd = out.length;
    // a year starts with a digit or a prefix: in a token the reader passed, or inside an
    // expression that names no real day ("February 30, 2026"); inside a mention it is covered
    if (reader.sawNumber || unresolved) yearDates(ctx, s, out, from);
    if (out.length > readEnd) {
      // a stable sort of the sentence's part, as sorting it on its own would be
      const part = out.slice(from).sort((x, y) => x.start - y.start);
      for (let i = 0; i < part.length; i++) out[from + i] = part[i];
    }
  }
  return out;
}
