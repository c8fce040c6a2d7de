// When and where each event happened: the sentence's own date and place nearest the trigger,
// else — for meetings — the date and venue of the meeting the report describes, else null.
// Never the published date by default: a report of Monday describes events of other days.
import type { EventOut, Mention } from '../analysis/types.js';

function nearest(mentions: Mention[], sentence: number, at: number): Mention | null {
  let best: Mention | null = null;
  let bestDistance = Infinity;
  for (const m of mentions) {
    if (m.sentence !== sentence) continue;
    const d = Math.abs(m.start - at);
    if (d < bestDistance) {
      best = m;
      bestDistance = d;
    }
  }
  return best;
}

export function placeEventsInTime(events: EventOut[], mentions: Mention[]): void {
  const dates = mentions.filter((m) => m.kind === 'date' && m.value);
  const places = mentions.filter((m) => m.kind === 'place' && m.ref);
  for (const e of events) {
    e.date = nearest(dates, e.sentence, e.trigger.start)?.value ?? null;
    e.place = nearest(places, e.sentence, e.trigger.start)?.ref ?? null;
  }
  // the meeting the report describes: the first consultation that has a day of its own
  const meeting = events.find((e) => e.root === '04' && e.date && e.date.length === 10);
  const venue = events.find((e) => e.root === '04' && e.place);
  for (const e of events) {
    if (e.root !== '04') continue;
    if (!e.date && meeting) e.date = meeting.date;
    if (!e.place && venue) e.place = venue.place;
  }
}
