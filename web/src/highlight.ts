// Splitting a text into runs for highlighting: each run is a stretch of text covered by the
// same set of marks (mentions, event triggers, roles). Pure, so it is tested without a browser.

export interface Mark {
  start: number;
  end: number;
  /** CSS class for the run ('' when the mark only tags it, e.g. an event's source). */
  cls: string;
  /** What the mark stands for ("trigger:doc:e3"), so a run can be found again. */
  key: string;
  /** A tooltip for the run (shown as the element's title). */
  title?: string;
}

export interface Run {
  start: number;
  end: number;
  marks: Mark[];
}

/** Runs covering [from, to) of a text: marks are clipped to it; overlapping marks share runs. */
export function runs(marks: Mark[], from: number, to: number): Run[] {
  const inside = marks
    .filter((m) => m.end > from && m.start < to && m.end > m.start)
    .map((m) => ({ ...m, start: Math.max(m.start, from), end: Math.min(m.end, to) }));
  const cuts = new Set<number>([from, to]);
  for (const m of inside) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...inside].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Run[] = [];
  let active: Mark[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    active = active.filter((m) => m.end > a);
    while (next < byStart.length && byStart[next].start <= a) {
      if (byStart[next].end > a) active.push(byStart[next]);
      next++;
    }
    out.push({ start: a, end: b, marks: [...active] });
  }
  return out;
}
