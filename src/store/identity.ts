// A document's identity in the store, and the hash that says whether it changed.
// Identity is the id the input gave; when it gave none (an item of a JSON batch named only by
// its line, or standard input), a hash of the normalised text — so the same story fed twice
// under no id is still one document.
import { createHash } from 'node:crypto';
import { baseId } from '../document/common.js';
import type { RawDocument } from '../document/types.js';

/** Unicode-compatible, lower case, one space between words: what "the same text" means here. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

export function textKey(text: string): string {
  return 'h:' + sha256(normaliseText(text)).slice(0, 24);
}

/** What the analysis depends on: the text and the date relative dates resolve against. */
export function contentHash(text: string, published: string | null): string {
  return sha256(`${published ?? ''}\n${normaliseText(text)}`);
}

/** False when the reader made the id up from a position (`batch#12`) or from standard input. */
export function hasOwnId(doc: Pick<RawDocument, 'id' | 'origin' | 'format'>): boolean {
  if (!doc.id || doc.id === 'stdin') return false;
  const m = /^(.*) (?:line|item) (\d+)$/.exec(doc.origin);
  if (m && doc.id === `${baseId(m[1])}#${m[2]}`) return false;
  return true;
}

export function documentKey(doc: Pick<RawDocument, 'id' | 'origin' | 'format' | 'text'>): string {
  return hasOwnId(doc) ? doc.id : textKey(doc.text);
}

/** ISO 8601 week of a date ("2026-W02"); "" when there is no full date. */
export function isoWeek(date: string | null): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return '';
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)));
  if (Number.isNaN(d.getTime())) return '';
  const day = d.getUTCDay() || 7; // Monday 1 … Sunday 7
  d.setUTCDate(d.getUTCDate() + 4 - day); // the Thursday of this week decides its year
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
