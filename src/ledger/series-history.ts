// A dialogue series across reports: its rounds in order with dates, venues and co-chairs, the
// gaps between them, rounds the knowledge base has no report of, and the next round announced
// (held, pending or overdue). A pure function of analyses.
import type { Analysis } from '../analysis/types.js';
import { placeName } from './place-name.js';
import { seriesKey } from './series-key.js';
import { describeGap, daysBetween, periodEnd } from './period.js';
import type { SeriesHistory } from './types.js';

export type { SeriesHistory, HistoryRound, HistoryNext } from './types.js';

function morePrecise(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return b.length > a.length ? b : a;
}

/** Every series the analyses name, with its rounds in order. `today` decides whether an
 * announced round that no report tells of is pending or overdue. */
export function seriesHistory(analyses: Analysis[], today: string | null = null): SeriesHistory[] {
  const byKey = new Map<string, { h: SeriesHistory; announced: Array<{ a: Analysis; next: NonNullable<Analysis['series'][number]['next']> }> }>();
  const ordered = [...analyses].sort((x, y) => (x.published ?? '').localeCompare(y.published ?? ''));
  for (const a of ordered) {
    for (const s of a.series) {
      const key = seriesKey(s);
      let entry = byKey.get(key);
      if (!entry) {
        entry = { h: { key, name: s.name, names: [], parties: [...s.parties], rounds: [], missing: [], next: null }, announced: [] };
        byKey.set(key, entry);
      }
      const h = entry.h;
      if (!h.names.includes(s.name)) h.names.push(s.name);
      if (s.name.length > h.name.length) h.name = s.name;
      if (s.next) entry.announced.push({ a, next: s.next });
      if (s.round === null && s.date === null) continue;
      const same = h.rounds.find((r) => (s.round !== null && r.round === s.round) || (s.round === null || r.round === null ? !!(s.date && r.date && (s.date.startsWith(r.date) || r.date.startsWith(s.date))) : false));
      if (same) {
        same.round ??= s.round;
        same.date = morePrecise(same.date, s.date);
        if (!same.place && s.place) {
          same.place = s.place;
          same.placeName = placeName(a, s.place);
        }
        for (const c of s.cochairs) if (!same.cochairs.includes(c)) same.cochairs.push(c);
        if (!same.sources.includes(a.id)) same.sources.push(a.id);
      } else {
        h.rounds.push({ round: s.round, date: s.date, place: s.place, placeName: placeName(a, s.place), cochairs: [...s.cochairs], sources: [a.id], gapDays: null, gap: null });
      }
    }
  }
  const out: SeriesHistory[] = [];
  for (const { h, announced } of byKey.values()) {
    h.rounds.sort((x, y) => (x.round ?? Infinity) - (y.round ?? Infinity) || (x.date ?? '').localeCompare(y.date ?? ''));
    for (let i = 1; i < h.rounds.length; i++) {
      const p = h.rounds[i - 1];
      const r = h.rounds[i];
      if (p.date && r.date) {
        r.gapDays = daysBetween(p.date, r.date);
        r.gap = describeGap(p.date, r.date);
      }
    }
    const numbers = h.rounds.map((r) => r.round).filter((n): n is number => n !== null);
    if (numbers.length) {
      for (let n = Math.min(...numbers) + 1; n < Math.max(...numbers); n++) if (!numbers.includes(n)) h.missing.push(n);
    }
    const last = announced[announced.length - 1];
    if (last) {
      const n = last.next;
      const held = h.rounds.some((r) => (n.round !== null && r.round === n.round) || (n.round === null && r.date !== null && last.a.published !== null && r.date > last.a.published));
      const overdue = !held && !!n.due && !!today && today > periodEnd(n.due);
      h.next = { round: n.round, due: n.due, place: n.place, placeName: placeName(last.a, n.place), announcedIn: last.a.id, status: held ? 'held' : overdue ? 'overdue' : 'pending' };
    }
    out.push(h);
  }
  return out;
}

/** Whether a series answers to a name someone typed ("strategic dialogue", "Pakistan-China
 * strategic dialogue", "CHN+PAK/strategic-dialogue"). */
export function seriesMatches(h: SeriesHistory, query: string): boolean {
  const q = query.toLowerCase().trim();
  if (!q) return true;
  if (h.key.toLowerCase() === q || h.key.toLowerCase().includes(q)) return true;
  const words = q.replace(/[’']/g, "'").split(/[\s-]+/).filter(Boolean);
  return h.names.some((n) => {
    const name = n.toLowerCase().replace(/[’']/g, "'");
    return words.every((w) => name.includes(w));
  });
}
