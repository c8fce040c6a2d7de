// Loader for data/lexicon/dates.yaml: one table from lower-cased word to what it can be in a
// date, so that the date reader makes one look-up per token.
import { readLexiconFile, bundled } from './files.js';

export type DateUnit = 'day' | 'week' | 'month' | 'year';

/** What a word can be in a date; a word may be several things ("may": a month; "a": a count). */
export interface DateWord {
  month?: number;
  /** The month name is an abbreviation: it needs a day or a year beside it. */
  monthAbbreviation?: boolean;
  weekday?: number;
  weekdayAbbreviation?: boolean;
  weekdayModifier?: boolean;
  /** Days from publication: "yesterday" -1. */
  dayOffset?: number;
  unit?: DateUnit;
  /** How many base units the word is ("fortnight": 2 weeks). */
  unitSize?: number;
  /** -1, 0, +1 before a week, month or year. */
  unitModifier?: number;
  count?: number;
  ago?: boolean;
  range?: boolean;
}

export interface DateTables {
  words: Map<string, DateWord>;
  /** Prefixes joined by a hyphen to a year or month ("mid-2026"). */
  prefixes: Set<string>;
  /** A number after these is not a year. */
  numberNouns: Set<string>;
  /** Month and weekday names, full and abbreviated, with and without a final stop. */
  names: Set<string>;
}

interface Raw {
  months: Record<string, number>;
  month_abbreviations: Record<string, number>;
  weekdays: Record<string, number>;
  weekday_abbreviations: Record<string, number>;
  weekday_modifiers: string[];
  days_from_publication: Record<string, number>;
  units: Record<string, [DateUnit, number]>;
  unit_modifiers: Record<string, number>;
  counts: Record<string, number>;
  ago: string[];
  range_words: string[];
  prefixes: string[];
  number_nouns: string[];
}

let cached: DateTables | null = null;

export function dateTables(): DateTables {
  if (cached) return cached;
  const raw = readLexiconFile<Raw>(bundled('dates.yaml'), 'dates');
  const words = new Map<string, DateWord>();
  const word = (w: string): DateWord => {
    let x = words.get(w);
    // every field from the start, in one order: one object shape for all words (see DateWord)
    if (!x) words.set(w, (x = { month: undefined, monthAbbreviation: undefined, weekday: undefined, weekdayAbbreviation: undefined, weekdayModifier: undefined, dayOffset: undefined, unit: undefined, unitSize: undefined, unitModifier: undefined, count: undefined, ago: undefined, range: undefined }));
    return x;
  };
  const names = new Set<string>();
  // abbreviations may carry their full stop in the token ("Sept.")
  for (const [w, m] of Object.entries(raw.months)) (word(w).month = m), names.add(w);
  for (const [w, m] of Object.entries(raw.month_abbreviations)) {
    for (const v of [w, w + '.']) Object.assign(word(v), { month: m, monthAbbreviation: true }), names.add(v);
  }
  for (const [w, d] of Object.entries(raw.weekdays)) (word(w).weekday = d), names.add(w);
  for (const [w, d] of Object.entries(raw.weekday_abbreviations)) {
    for (const v of [w, w + '.']) Object.assign(word(v), { weekday: d, weekdayAbbreviation: true }), names.add(v);
  }
  for (const w of raw.weekday_modifiers) word(w).weekdayModifier = true;
  for (const [w, n] of Object.entries(raw.days_from_publication)) word(w).dayOffset = n;
  for (const [w, [unit, size]] of Object.entries(raw.units)) Object.assign(word(w), { unit, unitSize: size });
  for (const [w, n] of Object.entries(raw.unit_modifiers)) word(w).unitModifier = n;
  for (const [w, n] of Object.entries(raw.counts)) word(w).count = n;
  for (const w of raw.ago) word(w).ago = true;
  for (const w of raw.range_words) word(w).range = true;
  cached = { words, prefixes: new Set(raw.prefixes), numberNouns: new Set(raw.number_nouns), names };
  return cached;
}
