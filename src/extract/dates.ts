// Date mentions. chrono-node reads month names, weekdays and relative expressions; a small
// rule adds bare years, which chrono never parses. A value keeps only the granularity the
// text gives ("2026-01-04", "2026-01", "2027") and is resolved against the published date.
import * as chrono from 'chrono-node';
import type { Mention } from '../analysis/types.js';
import type { ExtractContext } from './context.js';

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
];
const WEEKDAYS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
];
/** Names that are also common words ("may", "march", "sun"): they count only when capitalised. */
export const DATE_NAMES: ReadonlySet<string> = new Set([...MONTHS, ...WEEKDAYS, ...MONTHS.map((m) => m + '.'), ...WEEKDAYS.map((w) => w + '.')]);
/** A sentence goes to chrono only if it holds a digit or one of these (chrono is slow per call).
 * "next"/"last"/"this" need a unit or a name after them, so the unit words suffice. */
const TRIGGERS = new Set([...DATE_NAMES, 'yesterday', 'today', 'tonight', 'tomorrow', 'year', 'month', 'week', 'weekend', 'ago']);
const UNITS = new Map<string, 'year' | 'month' | 'week'>([
  ['year', 'year'], ['years', 'year'], ['month', 'month'], ['months', 'month'], ['week', 'week'], ['weeks', 'week'], ['fortnight', 'week'],
]);
/** Words chrono keeps in front of a date that are not part of it. */
const LEADING = new Set(['on', 'in', 'at', 'by', 'since', 'from', 'during', 'of']);
/** Modifiers after which chrono's own weekday arithmetic is right ("next Monday"). */
const WEEKDAY_MODIFIERS = new Set(['next', 'last', 'this', 'past', 'coming']);
/** "mid-2026", "early-2027": the year with its prefix is one token. */
const YEAR_PREFIXES = new Set(['mid', 'early', 'late', 'end']);
/** "Resolution 1973" is a number, not a year. */
const NUMBER_NOUNS = new Set(['resolution', 'resolutions', 'no', 'no.', 'number', 'flight', 'article']);
/** Durations and times of day: they are not dates ("within 10 days", "for a year", "this morning"),
 * and slash forms are ambiguous ("2/3 majority", 12/3 as December or March). */
const DROPPED_PARSERS = new Set([
  'ENTimeUnitWithinFormatParser', 'ENTimeUnitLaterFormatParser', 'ENTimeUnitCasualRelativeFormatParser',
  'ENCasualTimeParser', 'SlashDateFormatParser', 'ENSlashMonthFormatParser',
]);
/** Blanks and separators chrono may take after a date. */
const TRAILING = new Set([9, 10, 13, 32, 0xa0, 44, 59, 58, 40, 45, 0x2013, 0x2014]);
const NO_PUBLISHED = 'relative date with no published date';
const DAY = 86_400_000;

let parser: chrono.Chrono | null = null;

function dateParser(): chrono.Chrono {
  if (!parser) {
    const p = new chrono.Chrono(chrono.en.configuration.createCasualConfiguration(false));
    p.parsers = p.parsers.filter((x) => !DROPPED_PARSERS.has(x.constructor.name));
    parser = p;
  }
  return parser;
}

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
const utc = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d);

function fromUtc(t: number): Ymd {
  const x = new Date(t);
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
}

/** The year of a month and day written without one: the one that puts it at most `ahead` days
 * after publication and less than a year before it. For a day that is ~2 months: news mostly
 * reports what has happened. */
function inferYear(m: number, d: number, pub: Ymd, ahead: number): number {
  const p = utc(pub.y, pub.m, pub.d);
  for (const y of [pub.y, pub.y - 1, pub.y + 1]) {
    const delta = (utc(y, m, d) - p) / DAY;
    if (delta > ahead - 365 && delta <= ahead) return y;
  }
  return pub.y;
}

interface Resolved {
  value: string | null;
  note?: string;
}

type Components = chrono.ParsedResult['start'];

/** Resolves chrono's components, keeping only what the text says; null when it says no date. */
function resolve(c: Components, words: string[], pub: Ymd | null, absolute: boolean): Resolved | null {
  // a unit word caps the granularity ("two years ago" is a year), unless a name is given
  const named = words.some((w) => DATE_NAMES.has(w));
  const unit = named ? undefined : words.map((w) => UNITS.get(w)).find((u) => u !== undefined);
  const y = c.isCertain('year'), m = c.isCertain('month'), wd = c.isCertain('weekday');
  // chrono reads "the end of February" as its last day: the text gives only the month
  const d = c.isCertain('day') && words[0] !== 'end';
  if (!y && !m && !d && !wd && unit !== 'week') return null; // a time of day alone
  if (!pub && !(y && absolute)) return { value: null, note: NO_PUBLISHED };
  const Y = c.get('year')!, M = c.get('month')!, D = c.get('day')!;
  if (unit === 'week') {
    // "last week": a month only when the whole Monday–Sunday week lies in it (chrono's
    // "this week" starts on Sunday, so this week is publication's)
    const t = words.includes('this') ? utc(pub!.y, pub!.m, pub!.d) : utc(Y, M, D);
    const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * DAY;
    const a = fromUtc(monday), b = fromUtc(monday + 6 * DAY);
    if (a.m === b.m) return { value: iso(a.y, a.m) };
    return { value: null, note: `the week of ${iso(a.y, a.m, a.d)} spans two months` };
  }
  if (unit === 'year' || (y && !m)) return { value: iso(Y) };
  // a month alone is as often ahead ("the summit in September") as behind: the nearest one
  if (unit === 'month' || (m && !d && !wd)) return { value: iso(y ? Y : inferYear(M, 15, pub!, 182), M) };
  if (d) return { value: iso(y ? Y : inferYear(M, D, pub!, 61), M, D) };
  // a weekday alone
  if (words.includes('weekend')) return { value: null, note: 'a weekend: the day is not given' };
  if (words.some((w) => WEEKDAY_MODIFIERS.has(w))) return { value: iso(Y, M, D) };
  // "on Monday" in news: the latest such day on or before publication
  const p = utc(pub!.y, pub!.m, pub!.d);
  const back = (new Date(p).getUTCDay() - c.get('weekday')! + 7) % 7;
  const x = fromUtc(p - back * DAY);
  return { value: iso(x.y, x.m, x.d) };
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The token index whose span contains offset `at`, from `first`, or -1. */
function tokenAt(ctx: ExtractContext, first: number, end: number, at: number): number {
  const t = ctx.tokens;
  for (let k = first; k < end; k++) if (t.start[k] <= at && at < t.end[k]) return k;
  return -1;
}

function needsChrono(ctx: ExtractContext, s: number): boolean {
  const t = ctx.tokens;
  const { start, end } = ctx.sentences[s];
  // digits alone ("75th", "2.0", a bare year — which the year rule reads) need no chrono; a
  // numeric date ("2023-04-05", "5/4/2023") has a separator between digits
  for (let i = start + 1; i < end - 1; i++) {
    const c = ctx.text.charCodeAt(i);
    if ((c === 45 || c === 47 || c === 46) && isDigit(ctx.text.charCodeAt(i - 1)) && isDigit(ctx.text.charCodeAt(i + 1))) return true;
  }
  for (let k = t.sentenceFirst[s]; k < t.sentenceEnd[s]; k++) if (TRIGGERS.has(t.lower[k])) return true;
  return false;
}

function chronoDates(ctx: ExtractContext, s: number, pub: Ymd | null, out: Mention[]): void {
  const t = ctx.tokens;
  const first = t.sentenceFirst[s], last = t.sentenceEnd[s];
  for (const [from, to] of dateWindows(ctx, s)) chronoWindow(ctx, s, first, last, from, to, pub, out);
}

/** Stretches of a sentence around its date words, a few words either side: chrono's time grows
 * with the text it reads, and dates are short. */
function dateWindows(ctx: ExtractContext, s: number): Array<[number, number]> {
  const t = ctx.tokens;
  const first = t.sentenceFirst[s], last = t.sentenceEnd[s];
  const windows: Array<[number, number]> = [];
  for (let k = first; k < last; k++) {
    const v = t.value[k];
    const numeric = v.length > 2 && isDigit(v.charCodeAt(0)) && (v.includes('-') || v.includes('/') || v.includes('.'));
    if (!TRIGGERS.has(t.lower[k]) && !numeric && !(isDigit(v.charCodeAt(0)) && k + 1 < last && (t.value[k + 1] === '/' || t.value[k + 1] === '-'))) continue;
    const a = t.start[Math.max(first, k - 4)];
    const b = t.end[Math.min(last, k + 6) - 1];
    const prev = windows[windows.length - 1];
    if (prev && a <= prev[1]) prev[1] = Math.max(prev[1], b);
    else windows.push([a, b]);
  }
  return windows;
}

function chronoWindow(ctx: ExtractContext, s: number, first: number, last: number, start: number, end: number, pub: Ymd | null, out: Mention[]): void {
  const t = ctx.tokens;
  const sent = { start, end };
  const text = ctx.text.slice(sent.start, sent.end);
  const ref = pub ?? { y: 2001, m: 6, d: 15 };
  const results = dateParser().parse(text, new Date(ref.y, ref.m - 1, ref.d, 12), { forwardDate: false });
  // Without a published date, a result is absolute only if a second reference gives the same.
  const check = pub ? null : dateParser().parse(text, new Date(2013, 1, 20, 12), { forwardDate: false });
  for (const r of results) {
    let a = sent.start + r.index;
    let b = Math.min(a + r.text.length, sent.end);
    while (b > a && TRAILING.has(ctx.text.charCodeAt(b - 1))) b--; // "on Monday, …"
    let k = tokenAt(ctx, first, last, a);
    if (k < 0 || b <= a || !ctx.tokenEnd[b]) continue; // chrono read part of a number or a word
    // inside a token, keep only a word prefix joined by a hyphen ("mid-March")
    if (t.start[k] !== a && (ctx.text.charCodeAt(a - 1) !== 45 || isDigit(ctx.text.charCodeAt(t.start[k])))) continue;
    while (k < last && t.end[k] < b && LEADING.has(t.lower[k])) k++;
    a = t.start[k];
    const words: string[] = [];
    let ok = true;
    for (let j = k; j < last && t.start[j] < b; j++) {
      words.push(t.lower[j]);
      const v = t.value[j];
      if (DATE_NAMES.has(t.lower[j]) && v.charAt(0) === v.charAt(0).toLowerCase()) ok = false; // "the march", "sat down"
    }
    if (!ok || (words.length === 1 && words[0] === 'now')) continue;
    const absolute = !check || check.some((x) => x.index === r.index && x.text === r.text && sameCertain(x.start, r.start));
    const res = resolve(r.start, words, pub, absolute);
    if (!res) continue;
    const m: Mention = { kind: 'date', start: a, end: b, text: ctx.text.slice(a, b), ref: null, value: res.value, sentence: s };
    if (res.note) m.note = res.note;
    else if (r.end) {
      const e = resolve(r.end, words, pub, absolute);
      if (e?.value && e.value !== res.value) m.note = `a range ending ${e.value}`;
    }
    out.push(m);
  }
}

function sameCertain(a: Components, b: Components): boolean {
  for (const k of ['year', 'month', 'day'] as const) {
    if (a.isCertain(k) !== b.isCertain(k) || (a.isCertain(k) && a.get(k) !== b.get(k))) return false;
  }
  return true;
}

/** Bare years: "2026", "mid-2026", "2019-2021" (two mentions), "2025-26" (its first year). */
function yearDates(ctx: ExtractContext, s: number, taken: Mention[], out: Mention[]): void {
  const t = ctx.tokens;
  const text = ctx.text;
  for (let k = t.sentenceFirst[s]; k < t.sentenceEnd[s]; k++) {
    const v = t.value[k];
    if (v.length < 4 || (!isDigit(v.charCodeAt(v.length - 1)) && !isDigit(v.charCodeAt(0)))) continue;
    const ts = t.start[k], te = t.end[k];
    if (taken.some((m) => m.start < te && ts < m.end)) continue;
    if (k > t.sentenceFirst[s] && NUMBER_NOUNS.has(t.lower[k - 1])) continue;
    // part of a longer number or a time: "3.2026", "10:2026", "2026/27", "2026%"
    const before = text.charCodeAt(ts - 1), after = text.charCodeAt(te);
    if (isDigit(before) || before === 46 || before === 44 || before === 58 || before === 47) continue;
    if (isDigit(after) || after === 58 || after === 47 || after === 37) continue;
    if ((after === 46 || after === 44) && isDigit(text.charCodeAt(te + 1))) continue;
    // the token's pieces between hyphens or dashes: an optional prefix word, then one or two years
    const parts: Array<[number, number]> = [];
    let p = 0;
    for (let i = 0; i <= v.length; i++) {
      const c = v.charCodeAt(i);
      if (i === v.length || c === 45 || c === 0x2013) {
        parts.push([p, i]);
        p = i + 1;
      }
    }
    const from = parts.length > 1 && YEAR_PREFIXES.has(v.slice(parts[0][0], parts[0][1]).toLowerCase()) ? 1 : 0;
    if (parts.length - from > 2) continue; // "2019-2020-2021", phone numbers
    for (let j = from; j < parts.length; j++) {
      const [pa, pb] = parts[j];
      if (pb - pa !== 4 || !isYear(v, pa)) break; // "2025-26" keeps its first year
      const a = j === from ? ts : ts + pa; // the prefix belongs to the mention
      out.push({ kind: 'date', start: a, end: ts + pb, text: text.slice(a, ts + pb), ref: null, value: v.slice(pa, pb), sentence: s });
    }
  }
}

function isYear(v: string, at: number): boolean {
  for (let i = at; i < at + 4; i++) if (!isDigit(v.charCodeAt(i))) return false;
  const n = Number(v.slice(at, at + 4));
  return n >= 1900 && n <= 2099;
}

export function findDates(ctx: ExtractContext): Mention[] {
  const pub = parsePublished(ctx.published);
  const out: Mention[] = [];
  for (let s = 0; s < ctx.sentences.length; s++) {
    const found: Mention[] = [];
    if (needsChrono(ctx, s)) chronoDates(ctx, s, pub, found);
    yearDates(ctx, s, found.slice(), found);
    found.sort((x, y) => x.start - y.start);
    out.push(...found);
  }
  return out;
}
