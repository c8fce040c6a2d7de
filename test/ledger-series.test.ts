// Dialogue series: each report's round (number, date, venue, co-chairs) and the next one it
// announces; across reports the rounds of one series in order, whatever the wording.
import { describe, it, expect, beforeAll } from 'vitest';
import type { Analysis, SeriesOut } from '../src/analysis/types.js';
import { seriesKey } from '../src/ledger/series-key.js';
import { seriesHistory, seriesMatches } from '../src/ledger/series-history.js';
import { ordinalValue, ordinalForms } from '../src/ledger/round-number.js';
import { SEED, HAVE_SHARED, NEEDS_SHARED } from './helpers.js';
import { analyseFile, run, pakChnReports } from './ledger-helpers.js';

const named = (a: Analysis, words: string): SeriesOut => {
  const s = a.series.find((x) => x.name.toLowerCase().includes(words.toLowerCase()));
  expect(s, `a series named like "${words}" in ${JSON.stringify(a.series.map((x) => x.name))}`).toBeDefined();
  return s!;
};

let r6: Analysis, r7: Analysis, r8: Analysis, later: Analysis;
beforeAll(async () => {
  [r6, r7, r8, later] = await pakChnReports();
});

describe('round numbers', () => {
  it('reads digits and words', () => {
    expect(['7th', 'seventh', 'Sixth', '21st', 'twenty-second', 'round'].map(ordinalValue)).toEqual([7, 7, 6, 21, 22, null]);
    expect(ordinalForms(8)).toEqual(['8th', 'eighth']);
    expect(ordinalForms(12)).toContain('12th');
  });
});

describe('the series of one report', () => {
  it.skipIf(!HAVE_SHARED)('reads the seed: round 7, Beijing, 2026-01-04, Dar and Wang, next in Islamabad in 2027' + NEEDS_SHARED, async () => {
    const a = await analyseFile(SEED);
    const s = named(a, "Foreign Ministers' Strategic Dialogue");
    expect(s.name).toMatch(/^Pakistan-China/);
    expect([...s.parties].sort()).toEqual(['CHN', 'PAK']);
    expect([s.round, s.date, s.place]).toEqual([7, '2026-01-04', 'place:beijing']);
    expect([...s.cochairs].sort()).toEqual(['Ishaq Dar', 'Wang Yi']);
    expect(s.next).toEqual({ round: 8, due: '2027', place: 'place:islamabad' });
    const tri = named(a, 'Trilateral');
    expect([...tri.parties].sort()).toEqual(['AFG', 'CHN', 'PAK']);
    expect(tri.round).toBeNull();
  });

  it('reads round 6 ("sixth round") and its announcement of the seventh in Beijing', () => {
    const s = named(r6, 'Strategic Dialogue');
    expect([s.round, s.date, s.place]).toEqual([6, '2025-08-21', 'place:islamabad']);
    expect([...s.cochairs].sort()).toEqual(['Ishaq Dar', 'Wang Yi']);
    expect(s.next).toEqual({ round: 7, due: null, place: 'place:beijing' });
  });

  it('reads round 7 from "after the seventh round ended" and the session "co-chaired by" its chairs', () => {
    const s = named(r7, 'Strategic Dialogue');
    expect([s.round, s.date, s.place]).toEqual([7, '2026-01-04', 'place:beijing']);
    expect([...s.cochairs].sort()).toEqual(['Ishaq Dar', 'Wang Yi']);
    expect(s.next).toEqual({ round: 8, due: '2027', place: 'place:islamabad' });
    // a possessive "their Foreign Ministers' Strategic Dialogue" gets its parties' names
    expect(s.name).toBe("Pakistan-China Foreign Ministers' Strategic Dialogue");
  });

  it('reads round 8, the ninth announced for Beijing in 2028, and other mechanisms with their next meetings', () => {
    const s = named(r8, 'Strategic Dialogue');
    expect([s.round, s.date, s.place]).toEqual([8, '2027-02-21', 'place:islamabad']);
    expect(s.next).toEqual({ round: 9, due: '2028', place: 'place:beijing' });
    expect(named(r8, 'Joint Cooperation Committee').next?.due).toBe('2027-06');
    expect(named(r8, 'trilateral').next).toMatchObject({ due: '2027', place: 'place:kabul' });
  });

  it('gives different wordings of one series one key', () => {
    const keys = new Set([r6, r7, r8].map((a) => seriesKey(named(a, 'Strategic Dialogue'))));
    expect([...keys]).toEqual(['CHN+PAK/strategic-dialogue']);
    const a = run('Pakistan and China held the Pakistan-China strategic dialogue in Beijing on Sunday.');
    const b = run('The Foreign Ministers\' Strategic Dialogue between Pakistan and China took place in Islamabad on Sunday.');
    expect(a.series.map(seriesKey)).toContain('CHN+PAK/strategic-dialogue');
    expect(b.series.map(seriesKey)).toContain('CHN+PAK/strategic-dialogue');
  });

  it('sees no series in plain "dialogue"', () => {
    const a = run('Pakistan and China called for resolving disputes through dialogue and diplomacy.');
    expect(a.series).toEqual([]);
  });
});

describe('a series across reports', () => {
  it('lists the rounds in order with venues and gaps, whatever order the reports come in', () => {
    const [h] = seriesHistory([r8, r6, r7], '2027-03-01').filter((x) => x.key === 'CHN+PAK/strategic-dialogue');
    expect(h.rounds.map((r) => [r.round, r.date, r.placeName])).toEqual([
      [6, '2025-08-21', 'Islamabad'],
      [7, '2026-01-04', 'Beijing'],
      [8, '2027-02-21', 'Islamabad'],
    ]);
    expect(h.rounds[0].gapDays).toBeNull();
    expect(h.rounds[1].gapDays).toBe(136);
    expect(h.rounds[2].gap).toMatch(/year/);
    expect(h.next).toMatchObject({ round: 9, due: '2028', placeName: 'Beijing', status: 'pending', announcedIn: r8.id });
    expect(h.names.length).toBeGreaterThan(0);
  });

  it('says which rounds no report tells of, and when an announced round is overdue', () => {
    const [h] = seriesHistory([r6, r8], '2029-01-15').filter((x) => x.key === 'CHN+PAK/strategic-dialogue');
    expect(h.missing).toEqual([7]);
    expect(h.next?.status).toBe('overdue');
  });

  it('merges what two reports say of one round, and marks an announced round held', () => {
    const all = seriesHistory([r7, r8, later], '2027-10-20');
    const [h] = all.filter((x) => x.key === 'CHN+PAK/strategic-dialogue');
    const eighth = h.rounds.find((r) => r.round === 8)!;
    expect(eighth.sources.sort()).toEqual([later.id, r8.id].sort());
    expect(eighth.date).toBe('2027-02-21');
    const [tri] = all.filter((x) => x.key === 'AFG+CHN+PAK/foreign-ministers-dialogue');
    expect(tri.rounds.map((r) => [r.date, r.placeName])).toEqual([['2027-08-18', 'Kabul']]);
  });

  it('finds a series by the words of any of its names', () => {
    const list = seriesHistory([r6, r7, r8]);
    const hits = (q: string) => list.filter((h) => seriesMatches(h, q)).map((h) => h.key);
    expect(hits('Pakistan-China strategic dialogue')).toEqual(['CHN+PAK/strategic-dialogue']);
    expect(hits("Foreign Ministers' Strategic Dialogue")).toEqual(['CHN+PAK/strategic-dialogue']);
    expect(hits('joint cooperation committee')).toEqual(['CHN+PAK/joint-cooperation-committee']);
  });
});
