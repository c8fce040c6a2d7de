// Commitments across reports: fulfilled when a later report says the action was done (with that
// report's sentence and event as evidence), else open, due or overdue on a given day.
import { describe, it, expect, beforeAll } from 'vitest';
import type { Analysis } from '../src/analysis/types.js';
import { commitmentStatus, type CommitmentRecord } from '../src/ledger/status.js';
import { statusOn, periodStart, periodEnd } from '../src/ledger/period.js';
import { SEED, HAVE_SHARED, NEEDS_SHARED } from './helpers.js';
import { analyseFile, pakChnReports } from './ledger-helpers.js';


let r6: Analysis, r7: Analysis, r8: Analysis, later: Analysis;
beforeAll(async () => {
  [r6, r7, r8, later] = await pakChnReports();
});

const of = (records: CommitmentRecord[], doc: Analysis, ...words: string[]) => {
  const hits = records.filter((r) => r.doc === doc.id && words.every((w) => r.commitment.action.includes(w)));
  expect(hits, `${doc.id}: ${words.join(' ')}`).toHaveLength(1);
  return hits[0];
};

describe('due periods', () => {
  it('reads ISO dates as periods', () => {
    expect([periodStart('2027'), periodEnd('2027')]).toEqual(['2027-01-01', '2027-12-31']);
    expect(periodEnd('2028-02')).toBe('2028-02-29');
    expect(periodEnd('2027-06-15')).toBe('2027-06-15');
  });
  it('is open before the due period, due in it, overdue after it, open without a due date', () => {
    expect(statusOn('2027', '2026-12-31')).toBe('open');
    expect(statusOn('2027', '2027-01-01')).toBe('due');
    expect(statusOn('2027-06', '2027-06-30')).toBe('due');
    expect(statusOn('2027-06', '2027-07-01')).toBe('overdue');
    expect(statusOn(null, '2030-01-01')).toBe('open');
  });
});

describe('commitment status across reports', () => {
  it('round 8 held in Islamabad in 2027 fulfils round 7\'s commitment, with the report of round 8 as evidence', () => {
    const records = commitmentStatus([r7, r8], '2027-03-01');
    const next = of(records, r7, 'next round');
    expect(next.status).toBe('fulfilled');
    expect(next.evidence?.doc).toBe(r8.id);
    expect(next.evidence?.text).toMatch(/eighth round/);
    const ev = r8.events.find((e) => e.id === next.evidence?.event);
    expect(ev?.modality).toBe('asserted');
    expect(next.commitment.status).toBe('fulfilled');
  });

  it('the anniversary year reviewed in round 8 fulfils the 2026 commitment; the astronaut flight stays open', () => {
    const records = commitmentStatus([r7, r8], '2027-03-01');
    const anniversary = of(records, r7, '75th anniversary');
    expect(anniversary.status).toBe('fulfilled');
    expect(anniversary.evidence?.text).toMatch(/75th anniversary/);
    expect(of(records, r7, 'China Space Station').status).toBe('open');
  });

  it('goes overdue when the due period passes with no report of the action', () => {
    const records = commitmentStatus([r7, r8, later], '2027-10-20');
    const jcc = of(records, r8, 'Joint Cooperation Committee');
    expect(jcc.status).toBe('overdue');
    expect(jcc.evidence).toBeNull();
    // the Kabul meeting announced in round 8 took place, as the later report says
    const kabul = of(records, r8, 'trilateral');
    expect(kabul.status).toBe('fulfilled');
    expect(kabul.evidence?.doc).toBe(later.id);
    expect(kabul.evidence?.text).toMatch(/Kabul/);
    expect(of(records, r8, 'ninth round').status).toBe('open');
    expect(of(records, r8, 'mission').status).toBe('due');
  });

  it('does not take a report that says something has not happened as evidence that it did', () => {
    const records = commitmentStatus([r8, later], '2027-10-20');
    expect(of(records, r8, 'Joint Cooperation Committee').status).toBe('overdue');
  });

  it('judges on the given day: a report published after it is not known yet', () => {
    const records = commitmentStatus([r7, r8], '2026-06-01');
    expect(of(records, r7, 'next round').status).toBe('open');
    expect(of(records, r7, '75th anniversary').status).toBe('due');
    const after = commitmentStatus([r7, r8], '2028-01-01');
    expect(of(after, r7, 'next round').status).toBe('fulfilled');
  });

  it('does not depend on the order the reports are given in', () => {
    const a = commitmentStatus([r8, later, r7, r6], '2027-10-20').map((r) => `${r.doc}|${r.commitment.action}|${r.status}|${r.evidence?.doc ?? ''}`).sort();
    const b = commitmentStatus([r6, r7, r8, later], '2027-10-20').map((r) => `${r.doc}|${r.commitment.action}|${r.status}|${r.evidence?.doc ?? ''}`).sort();
    expect(a).toEqual(b);
  });

  it('round 7 held in Beijing fulfils round 6\'s "seventh round … in Beijing"', () => {
    const records = commitmentStatus([r6, r7], '2026-02-01');
    const seventh = of(records, r6, 'seventh round');
    expect(seventh.status).toBe('fulfilled');
    expect(seventh.evidence?.doc).toBe(r7.id);
  });

  it.skipIf(!HAVE_SHARED)('the seed\'s next round is fulfilled by round 8' + NEEDS_SHARED, async () => {
    const seed = await analyseFile(SEED);
    const records = commitmentStatus([seed, r8], '2027-03-01');
    expect(of(records, seed, 'next round').status).toBe('fulfilled');
    expect(of(records, seed, 'astronauts').status).toBe('open');
  });
});
