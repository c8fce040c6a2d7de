// Round numbers: "7th", "seventh", "Twenty-first", "round 9" → 7, 7, 21, 9; and back, the
// forms a report may use for round n (to find the sentence that reports it).
import { ordinalLexicon } from './lexicon.js';

const DIGIT_ORDINAL = /^(\d{1,3})(st|nd|rd|th)$/i;

/** The number an ordinal word stands for ("7th", "seventh"), or null. */
export function ordinalValue(word: string): number | null {
  const w = word.toLowerCase();
  const d = DIGIT_ORDINAL.exec(w);
  if (d) return Number(d[1]);
  return ordinalLexicon().words.get(w) ?? null;
}

/** A plain number after a round noun ("round 9", "Round IX" is not read). */
export function cardinalValue(word: string): number | null {
  return /^\d{1,3}$/.test(word) ? Number(word) : null;
}

/** Words that point at the round after the report's own ("next", "upcoming"). */
export function isNextWord(word: string): boolean {
  return ordinalLexicon().next.has(word.toLowerCase());
}

/** Words that point at the round before it ("last", "previous"). */
export function isLastWord(word: string): boolean {
  return ordinalLexicon().last.has(word.toLowerCase());
}

function suffix(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** The lower-case forms of round n: "7th", "seventh". */
export function ordinalForms(n: number): string[] {
  const out = [`${n}${suffix(n)}`];
  for (const [w, v] of ordinalLexicon().words) if (v === n) out.push(w);
  return out;
}
