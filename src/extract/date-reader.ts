// Reads date expressions from a sentence's tokens, left to right, with the word table of
// data/lexicon/dates.yaml: one look-up per token, no regular expressions. It finds what a date
// says (a month with a day and/or a year, a weekday, a day or a unit named from publication, a
// count of units ago); src/extract/dates.ts resolves it against the published date.
import type { Tokens } from '../language/tokens.js';
import { dateTables, type DateUnit, type DateWord } from '../lexicon/dates.js';
import { leadClassesOf, leadId, leadIdsOf, leadRun, leadsClass, type TokenLookup } from './phrase-trie.js';

/** The date table by lead number (see phrase-trie.ts): a token's word is found from its lead
 * number, computed once per document, and its length, instead of hashing its fresh string for
 * a Map. A token starts with its lead, so a token as long as the lead is the lead. */
interface LeadWords {
  /** The lead's length. */
  length: number;
  /** The word that is the lead ("sept"), and the lead with a full stop ("sept."). */
  exact: DateWord | undefined;
  dotted: DateWord | undefined;
  /** Any other words with this lead ("-" and "–", whose lead is empty), compared as strings. */
  keys: string[];
  words: DateWord[];
}

/** Token `lower`'s word among those of its lead. */
function wordOf(e: LeadWords, lower: string): DateWord | undefined {
  if (lower.length === e.length) return e.exact;
  if (e.dotted && lower.length === e.length + 1 && lower.charCodeAt(e.length) === 46) return e.dotted;
  for (let i = 0; i < e.keys.length; i++) if (e.keys[i] === lower) return e.words[i];
  return undefined;
}

interface ByLead {
  /** Lead numbers from `base` on (the date words' are close together, so the table is small
   * and stays in cache): 0 for none, else (index in `entries` + 1) << ENTRY_SHIFT | flags. */
  base: number;
  slots: Uint32Array;
  entries: LeadWords[];
  /** The lead class of words that start a date (STARTS), or -1 (see phrase-trie.ts). */
  startClass: number;
}

/** What some word with the lead can be, so that read() tries a reader only where the words it
 * needs are (all of a sentence's "a", "this" and "may" are passed over on array reads): */
const WEEKDAY = 1;
const WEEKDAY_MODIFIER = 2;
const MONTH = 4;
/** A prefix joined by a hyphen ("mid-March", "mid-2026"). */
const PREFIX = 8;
const OFFSET = 16;
const RELATIVE = 32;
const COUNT = 64;
const UNIT = 128;
const AGO = 256;
/** Other tokens start no date unless they start with a digit. */
const STARTS = WEEKDAY | WEEKDAY_MODIFIER | MONTH | PREFIX | OFFSET | RELATIVE | COUNT;
const ENTRY_SHIFT = 9;

let byLead: ByLead | null = null;

function flagsOf(w: DateWord): number {
  return (
    (w.weekday !== undefined ? WEEKDAY : 0) |
    (w.weekdayModifier ? WEEKDAY_MODIFIER : 0) |
    (w.month !== undefined ? MONTH : 0) |
    (w.dayOffset !== undefined ? OFFSET : 0) |
    (w.unitModifier !== undefined ? RELATIVE : 0) |
    (w.count !== undefined ? COUNT : 0) |
    (w.unit !== undefined ? UNIT : 0) |
    (w.ago ? AGO : 0)
  );
}

function dateLeads(): ByLead {
  if (byLead) return byLead;
  const tables = dateTables();
  const entries: LeadWords[] = [];
  const index = new Map<number, number>();
  const flags = new Map<number, number>();
  const entry = (lead: string): [number, LeadWords] => {
    const id = leadId(lead);
    let i = index.get(id);
    if (i === undefined) {
      index.set(id, (i = entries.length));
      entries.push({ length: lead.length, exact: undefined, dotted: undefined, keys: [], words: [] });
    }
    return [id, entries[i]];
  };
  for (const [key, w] of tables.words) {
    const lead = leadRun(key);
    const [id, e] = entry(lead);
    if (key === lead) e.exact = w;
    else if (key === lead + '.') e.dotted = w;
    else e.keys.push(key), e.words.push(w);
    flags.set(id, (flags.get(id) ?? 0) | flagsOf(w));
  }
  for (const p of tables.prefixes) {
    const [id] = entry(leadRun(p));
    flags.set(id, (flags.get(id) ?? 0) | PREFIX);
  }
  const base = Math.min(...index.keys());
  const slots = new Uint32Array(Math.max(...index.keys()) - base + 1);
  for (const [id, i] of index) slots[id - base] = ((i + 1) << ENTRY_SHIFT) | (flags.get(id) ?? 0);
  // the leads of words that start a date, as a class: other tokens are passed over on one read
  const starts = [...flags].filter(([, f]) => f & STARTS).map(([id]) => id);
  byLead = { base, slots, entries, startClass: leadsClass(starts) };
  return byLead;
}

/** A lead number's slot: its flags and entry, or 0. */
function slotOf(table: ByLead, lead: number): number {
  const i = lead - table.base;
  return i >= 0 && i < table.slots.length ? table.slots[i] : 0;
}

/** Numbers the date words' leads (once), so that lead numbers read after it (leadIdsOf) find
 * them: for recognisers that call isDateName. */
export function numberDateLeads(): void {
  dateLeads();
}

/** Whether a token, by its lower-cased text and lead number, is a month or weekday name
 * (DateTables.names): an array read for most tokens instead of hashing the token's string. */
export function isDateName(lower: string, lead: number): boolean {
  const table = dateLeads();
  const slot = slotOf(table, lead);
  if (!(slot & (WEEKDAY | MONTH))) return false;
  const w = wordOf(table.entries[(slot >> ENTRY_SHIFT) - 1], lower);
  return w !== undefined && (w.month !== undefined || w.weekday !== undefined);
}

export type DateSaid =
  /** "January 4", "4 January 2026", "March 2025", "in June", "2026-01-04"; dayEnd for "4-6". */
  | { kind: 'calendar'; year: number | null; month: number; day: number | null; dayEnd: number | null }
  | { kind: 'weekday'; weekday: number; modifier: string | null }
  /** "yesterday": days from publication. */
  | { kind: 'offset'; days: number }
  /** "last month", "next year", "this week": units from publication's own. */
  | { kind: 'relative'; unit: Exclude<DateUnit, 'day'>; shift: number }
  /** "two years ago": that many units before publication. */
  | { kind: 'ago'; unit: DateUnit; count: number };

export interface DateExpression {
  /** First token and one past the last. */
  first: number;
  end: number;
  said: DateSaid;
}

export const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function isCapitalised(v: string, at = 0): boolean {
  const c = v.charCodeAt(at);
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);
}

/** "4", "04", "4th", "21st" in v[at, end) → the day, else 0 (chars compared in place: no slice
 * or lower-casing per token). */
function dayOf(v: string, at = 0, end = v.length): number {
  let n = 0, i = at;
  while (i < end && i < at + 2 && isDigit(v.charCodeAt(i))) n = n * 10 + v.charCodeAt(i++) - 48;
  if (i === at) return 0;
  if (i < end) {
    // an ordinal suffix, in any case: ASCII letters are the only chars that lower-case to them
    if (end - i !== 2) return 0;
    const a = asciiLower(v.charCodeAt(i)), b = asciiLower(v.charCodeAt(i + 1));
    const ordinal = (a === 115 && b === 116) || (a === 110 && b === 100) || (a === 114 && b === 100) || (a === 116 && b === 104); // st nd rd th
    if (!ordinal) return 0;
  }
  return n >= 1 && n <= 31 ? n : 0;
}

const asciiLower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** Four digits → the year, else 0. */
function yearOf(v: string, at = 0): number {
  if (v.length - at !== 4) return 0;
  let n = 0;
  for (let i = at; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (!isDigit(c)) return 0;
    n = n * 10 + c - 48;
  }
  return n >= 1000 && n <= 2999 ? n : 0;
}

/** "4-6" or "4–6" in one token → [4, 6], else null. */
function dayRangeOf(v: string): [number, number] | null {
  let dash = -1;
  for (let i = 1; i < v.length - 1; i++) {
    const c = v.charCodeAt(i);
    if (c === 45 || c === 0x2013) {
      dash = i;
      break;
    }
  }
  if (dash < 0) return null;
  const a = dayOf(v, 0, dash), b = dayOf(v, dash + 1);
  return a && b && b > a ? [a, b] : null;
}

/** "2026-01-04" (or with slashes or dots, year first) → [y, m, d], else null. */
function isoOf(v: string): [number, number, number] | null {
  if (v.length !== 10) return null;
  const s1 = v.charCodeAt(4), s2 = v.charCodeAt(7);
  if (s1 !== s2 || (s1 !== 45 && s1 !== 47 && s1 !== 46)) return null;
  const y = yearOf(v.slice(0, 4));
  const m = Number(v.slice(5, 7)), d = Number(v.slice(8, 10));
  if (!y || !(m >= 1 && m <= 12) || !(d >= 1 && d <= 31)) return null;
  return [y, m, d];
}

export class DateReader {
  private words: Map<string, DateWord>;
  private prefixes: Set<string>;

  private leads: Int32Array;
  private classes: Int32Array;
  private table: ByLead;
  /** Whether the last read() passed a token that may hold a year: one that starts with a
   * digit or a prefix ("mid-2026"). */
  sawNumber = false;

  /** `text`: the document's text, whose chars at token starts tell digits without reading each
   * token's own string. */
  constructor(private t: Tokens, lookup: TokenLookup, private text: string) {
    // the date words' leads are numbered before the document's tokens are looked up
    this.table = dateLeads();
    this.leads = leadIdsOf(lookup);
    this.classes = leadClassesOf(lookup);
    const tables = dateTables();
    this.words = tables.words;
    this.prefixes = tables.prefixes;
  }

  /** Token k's lead's slot: its flags and entry, or 0. */
  private slot(k: number): number {
    return slotOf(this.table, this.leads[k]);
  }

  /** What token k is in the date table, if anything. */
  private word(k: number): DateWord | undefined {
    const slot = this.slot(k);
    if (slot === 0) return undefined;
    return wordOf(this.table.entries[(slot >> ENTRY_SHIFT) - 1], this.t.lower[k]);
  }

  /** The month a capitalised token names ("January", "Sept.", "mid-March"), or 0; abbreviations
   * only when `abbreviated` allows them. */
  private monthAt(k: number, end: number, abbreviated: boolean): number {
    if (k >= end) return 0;
    const v = this.t.value[k];
    let w = this.word(k);
    let at = 0;
    if (!w) {
      // a prefix joined by a hyphen: "mid-March", "early-June"
      // (a token that starts with a prefix has the prefix as its lead)
      if (!(this.slot(k) & PREFIX)) return 0;
      const dash = v.indexOf('-');
      if (dash <= 0 || !this.prefixes.has(this.t.lower[k].slice(0, dash))) return 0;
      w = this.words.get(this.t.lower[k].slice(dash + 1));
      at = dash + 1;
    }
    if (!w?.month || !isCapitalised(v, at)) return 0;
    if (w.monthAbbreviation && !abbreviated) return 0;
    return w.month;
  }

  /** A day after a month or before one: "4", "4th", and a range "4-6", "4 to 6". */
  private daysAt(k: number, end: number): { day: number; dayEnd: number | null; next: number } | null {
    if (k >= end) return null;
    const v = this.t.value[k];
    const range = dayRangeOf(v);
    if (range) return { day: range[0], dayEnd: range[1], next: k + 1 };
    const day = dayOf(v);
    if (!day) return null;
    if (k + 2 < end && this.word(k + 1)?.range) {
      const to = dayOf(this.t.value[k + 2]);
      if (to > day) return { day, dayEnd: to, next: k + 3 };
    }
    return { day, dayEnd: null, next: k + 1 };
  }

  /** A year after a date, optionally after a comma: "April 5, 2023", "5 April 2024". */
  private yearAfter(k: number, end: number, joiners: boolean): { year: number; next: number } | null {
    let j = k;
    if (j < end && (this.t.value[j] === ',' || (joiners && (this.t.lower[j] === 'of' || this.t.value[j] === '-')))) j++;
    if (j >= end) return null;
    const year = yearOf(this.t.value[j]);
    return year ? { year, next: j + 1 } : null;
  }

  /** After an abbreviation (token k - 1), the full stop the tokenizer split from it ("Sept" "."). */
  private stopAfter(k: number, end: number): number {
    const w = this.word(k - 1);
    if (!w?.monthAbbreviation && !w?.weekdayAbbreviation) return k;
    return k < end && this.t.value[k] === '.' && this.t.start[k] === this.t.end[k - 1] ? k + 1 : k;
  }

  /** Whether token k is a month or weekday name (DateTables.names). */
  private isName(k: number): boolean {
    const w = this.word(k);
    return w !== undefined && (w.month !== undefined || w.weekday !== undefined);
  }

  /** Month first: "January 4", "Jan. 4, 2026", "January 4-6", "March 2025", "in June". */
  private monthFirst(k: number, end: number): DateExpression | null {
    const month = this.monthAt(k, end, true);
    if (!month) return null;
    const after = this.stopAfter(k + 1, end);
    const days = this.daysAt(after, end);
    if (days) {
      const year = this.yearAfter(days.next, end, false);
      return { first: k, end: year ? year.next : days.next, said: { kind: 'calendar', year: year?.year ?? null, month, day: days.day, dayEnd: days.dayEnd } };
    }
    const year = this.yearAfter(after, end, true);
    if (year) return { first: k, end: year.next, said: { kind: 'calendar', year: year.year, month, day: null, dayEnd: null } };
    if (this.word(k)?.monthAbbreviation) return null;
    // a number right after a lone month is not its day ("June 25000"), and a capitalised word
    // makes it part of a name ("May Day", "the March Revolution"): no date
    if (after < end) {
      const next = this.t.value[after];
      if (isDigit(next.charCodeAt(0)) || (isCapitalised(next) && !this.isName(after))) return null;
    }
    return { first: k, end: k + 1, said: { kind: 'calendar', year: null, month, day: null, dayEnd: null } };
  }

  /** Day first: "4 January 2026", "4th of January", "4-6 January". */
  private dayFirst(k: number, end: number): DateExpression | null {
    const days = this.daysAt(k, end);
    if (!days) return null;
    let j = days.next;
    if (j < end && this.t.lower[j] === 'of') j++;
    const month = this.monthAt(j, end, true);
    if (!month) return null;
    j = this.stopAfter(j + 1, end);
    const year = this.yearAfter(j, end, false);
    return { first: k, end: year ? year.next : j, said: { kind: 'calendar', year: year?.year ?? null, month, day: days.day, dayEnd: days.dayEnd } };
  }

  private calendarAt(k: number, end: number): DateExpression | null {
    const iso = isoOf(this.t.value[k]);
    if (iso) return { first: k, end: k + 1, said: { kind: 'calendar', year: iso[0], month: iso[1], day: iso[2], dayEnd: null } };
    return this.monthFirst(k, end) ?? this.dayFirst(k, end);
  }

  /** "Monday", "last Friday", "Monday, January 5", "Wed (Jan. 4)". */
  private weekdayAt(k: number, end: number): DateExpression | null {
    let first = k;
    let modifier: string | null = null;
    let w = this.word(k);
    if (w?.weekdayModifier && k + 1 < end) {
      modifier = this.t.lower[k];
      k++;
      w = this.word(k);
    }
    if (w?.weekday === undefined || !isCapitalised(this.t.value[k])) return null;
    // a date right after the weekday says the day
    let j = this.stopAfter(k + 1, end);
    if (j < end && (this.t.value[j] === ',' || this.t.value[j] === '(')) j++;
    const date = j < end ? this.calendarAt(j, end) : null;
    if (date && date.said.kind === 'calendar' && date.said.day !== null) return { first, end: date.end, said: date.said };
    if (w.weekdayAbbreviation) return null;
    return { first, end: k + 1, said: { kind: 'weekday', weekday: w.weekday, modifier } };
  }

  /** "last month", "next year", "this week", "the past year". */
  private relativeAt(k: number, end: number): DateExpression | null {
    const m = this.word(k)?.unitModifier;
    if (m === undefined || k + 1 >= end) return null;
    const u = this.word(k + 1);
    if (!u?.unit || u.unit === 'day' || u.unitSize !== 1 || this.t.lower[k + 1].endsWith('s')) return null;
    return { first: k, end: k + 2, said: { kind: 'relative', unit: u.unit, shift: m } };
  }

  /** "two years ago", "a week ago", "10 days ago". */
  private agoAt(k: number, end: number): DateExpression | null {
    if (k + 2 >= end) return null;
    const v = this.t.value[k];
    const count = this.word(k)?.count ?? (isDigit(v.charCodeAt(0)) && v.length <= 3 ? Number(v) : NaN);
    if (!(count >= 1)) return null;
    const u = this.word(k + 1);
    if (!u?.unit || !this.word(k + 2)?.ago) return null;
    return { first: k, end: k + 3, said: { kind: 'ago', unit: u.unit, count: count * u.unitSize! } };
  }

  /** Every date expression in tokens [first, end), left to right, none overlapping, in `out`
   * (cleared first: one array for all sentences). */
  read(first: number, end: number, out: DateExpression[]): void {
    out.length = 0;
    this.sawNumber = false;
    const text = this.text, start = this.t.start, classes = this.classes, startClass = this.table.startClass;
    for (let k = first; k < end; k++) {
      // only digits and the words that start a date go on, and only to the readers whose words
      // are there (flags of this token and the next, and the text's char at the token's start:
      // array reads, no string look-up)
      const digit = isDigit(text.charCodeAt(start[k]));
      if (!digit && startClass >= 0 && ((classes[k] >>> startClass) & 1) === 0) continue;
      const f = this.slot(k);
      if (!(f & STARTS) && !digit) continue;
      if (digit || f & PREFIX) this.sawNumber = true;
      const next = k + 1 < end ? this.slot(k + 1) : 0;
      const x =
        (f & WEEKDAY || (f & WEEKDAY_MODIFIER && next & WEEKDAY) ? this.weekdayAt(k, end) : null) ??
        (digit || f & PREFIX || (f & MONTH && isCapitalised(this.t.value[k])) ? this.calendarAt(k, end) : null) ??
        (f & OFFSET ? this.offsetAt(k) : null) ??
        (f & RELATIVE && next & UNIT ? this.relativeAt(k, end) : null) ??
        ((digit || f & COUNT) && next & UNIT && k + 2 < end && this.slot(k + 2) & AGO ? this.agoAt(k, end) : null);
      if (!x) continue;
      out.push(x);
      k = x.end - 1;
    }
  }

  /** "yesterday", "today", "tomorrow". */
  private offsetAt(k: number): DateExpression | null {
    const days = this.word(k)?.dayOffset;
    return days === undefined ? null : { first: k, end: k + 1, said: { kind: 'offset', days } };
  }
}
