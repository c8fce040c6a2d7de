// The page's highlighting split (web/src/highlight.ts), without a browser.
import { describe, it, expect } from 'vitest';
import { runs, type Mark } from '../web/src/highlight.js';
import { parseRoute, href } from '../web/src/route.js';
import { withGaps } from '../web/src/timeline.js';

const mark = (start: number, end: number, key: string): Mark => ({ start, end, key, cls: key });

describe('runs', () => {
  it('covers the range exactly, one run per change of marks', () => {
    const text = 'Pakistan backs China firmly.';
    const r = runs([mark(0, 8, 'actor'), mark(9, 14, 'trigger'), mark(15, 20, 'actor2')], 0, text.length);
    expect(r.map((x) => text.slice(x.start, x.end))).toEqual(['Pakistan', ' ', 'backs', ' ', 'China', ' firmly.']);
    expect(r.map((x) => x.marks.map((m) => m.key))).toEqual([['actor'], [], ['trigger'], [], ['actor2'], []]);
  });

  it('splits overlapping marks and keeps both on the shared part', () => {
    const r = runs([mark(0, 10, 'sentence'), mark(4, 6, 'trigger'), mark(4, 6, 'source')], 0, 10);
    expect(r.map((x) => [x.start, x.end, x.marks.map((m) => m.key).sort()])).toEqual([
      [0, 4, ['sentence']], [4, 6, ['sentence', 'source', 'trigger']], [6, 10, ['sentence']],
    ]);
  });

  it('clips marks to the range and drops empty ones', () => {
    const r = runs([mark(0, 50, 'long'), mark(5, 5, 'empty'), mark(60, 70, 'outside')], 10, 20);
    expect(r).toEqual([{ start: 10, end: 20, marks: [expect.objectContaining({ key: 'long', start: 10, end: 20 })] }]);
  });

  it('handles many marks in one pass', () => {
    const marks = Array.from({ length: 5000 }, (_, i) => mark(i * 3, i * 3 + 2, `m${i}`));
    const r = runs(marks, 0, 15000);
    expect(r.length).toBe(10000);
    expect(r.filter((x) => x.marks.length === 1).length).toBe(5000);
  });
});

describe('routes', () => {
  it('round-trips views, ids with odd characters and parameters', () => {
    const h = href('report', 'h:1ad7e7d78d/9550?x', { event: 'doc:e3', empty: '' });
    const r = parseRoute(h);
    expect(r).toMatchObject({ view: 'report', arg: 'h:1ad7e7d78d/9550?x' });
    expect(r.params.get('event')).toBe('doc:e3');
    expect(r.params.has('empty')).toBe(false);
    expect(parseRoute('').view).toBe('report');
    expect(parseRoute('#/events?dyad=PAK-CHN').params.get('dyad')).toBe('PAK-CHN');
  });
});

describe('timeline gaps', () => {
  const row = (period: string, events: number) => ({ period, quad: [events, 0, 0, 0] as [number, number, number, number], events, goldsteinSum: 0, goldsteinMean: 0 });
  it('fills months and years without events, and leaves days alone', () => {
    expect(withGaps([row('2025-11', 1), row('2026-02', 2)], 'month').map((r) => r.period)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(withGaps([row('2024', 1), row('2026', 2)], 'year').map((r) => r.events)).toEqual([1, 0, 2]);
    expect(withGaps([row('2024-01-01', 1), row('2024-01-05', 1)], 'day')).toHaveLength(2);
  });
});
