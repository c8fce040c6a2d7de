// One real-world event, however many reports carry it: the same source code, target code,
// CAMEO root, day and place (and polarity — "did not agree" is not "agreed"). Its id is a
// hash of that key, so every store, and every re-run, gives the same event the same id.
import type { EventOut } from '../analysis/types.js';
import type { EventsTable } from './schema.js';
import { sha256, isoWeek } from './identity.js';

/** The columns of the events table that the key fills (an events row serves as its key). */
export type EventKey = Pick<EventsTable, 'source_code' | 'target_code' | 'root' | 'day' | 'place' | 'negated' | 'quad_class'>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The event's own date when the text gives a day; else the day of the report (a "2027"
 * promise made in two reports a month apart is two statements, not one event).
 */
export function eventDay(date: string | null, published: string | null): string {
  if (date && DAY.test(date)) return date;
  if (published && DAY.test(published.slice(0, 10))) return published.slice(0, 10);
  return '';
}

export function eventKey(e: EventOut, published: string | null): EventKey {
  return {
    source_code: e.source.code,
    target_code: e.target?.code ?? '',
    root: e.root,
    day: eventDay(e.date, published),
    place: e.place ?? '',
    negated: e.negated ? 1 : 0,
    quad_class: e.quadClass,
  };
}

export function eventId(k: EventKey): string {
  return 'ev-' + sha256([k.source_code, k.target_code, k.root, k.day, k.place, k.negated].join('\u001f')).slice(0, 16);
}

export interface Periods {
  week: string;
  month: string;
  year: string;
}

export function periodsOf(day: string): Periods {
  return { week: isoWeek(day), month: day.slice(0, 7), year: day.slice(0, 4) };
}
