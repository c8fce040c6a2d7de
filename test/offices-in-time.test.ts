// Which office a person held on a date: spans compared on each bound's own precision.
import { describe, it, expect } from 'vitest';
import { spanAt, officeAt } from '../src/extract/offices-in-time.js';
import type { OfficeSpan } from '../src/lexicon/actors.js';

const spans: OfficeSpan[] = [
  { office: 'Finance Minister', from: '2017-08', to: '2019-04-18' },
  { office: 'Foreign Minister', from: '2024-03', to: '2025' },
  { office: 'Deputy Prime Minister', from: '2026-01-01' },
];

describe('offices in time', () => {
  it('reads a bound on its own precision: a month covers its days, a year its months', () => {
    expect(officeAt(spans, '2017-08-01')).toBe('Finance Minister');
    expect(officeAt(spans, '2017-07-31')).toBeNull();
    expect(officeAt(spans, '2019-04-18')).toBe('Finance Minister');
    expect(officeAt(spans, '2019-04-19')).toBeNull();
    expect(officeAt(spans, '2024-03-01')).toBe('Foreign Minister');
    expect(officeAt(spans, '2025-12-31')).toBe('Foreign Minister');
    expect(officeAt(spans, '2026-01-05')).toBe('Deputy Prime Minister');
    expect(officeAt(spans, '2031-06')).toBe('Deputy Prime Minister');
  });

  it('takes a date coarser than a bound as its start ("2024" is before "2024-03")', () => {
    expect(officeAt(spans, '2024')).toBeNull();
    expect(officeAt(spans, '2025')).toBe('Foreign Minister');
  });

  it('gives the latest span without a date, and none without spans', () => {
    expect(spanAt(spans, null)?.office).toBe('Deputy Prime Minister');
    expect(spanAt([], '2026-01-05')).toBeNull();
  });
});
