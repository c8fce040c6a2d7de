import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RawDocument } from '../src/document/types.js';
import { segment } from '../src/document/segment.js';
import { tag } from '../src/language/tagger.js';
import { extractContext, type ExtractContext } from '../src/extract/context.js';
import { findDates } from '../src/extract/dates.js';

function context(text: string, published: string | null, format: RawDocument['format'] = 'text'): ExtractContext {
  const doc: RawDocument = { id: 't', url: null, published, title: null, text, format, origin: 'test', warnings: [], titleInText: false };
  const seg = segment(doc);
  return extractContext(text, tag(text, seg.paragraphs, seg.sentences), seg.sentences, published);
}

/** text → value of every date mention. */
function dates(text: string, published: string | null = '2026-01-05'): Record<string, string | null | undefined> {
  return Object.fromEntries(findDates(context(text, published)).map((m) => [m.text, m.value]));
}

describe('findDates', () => {
  it('resolves a month and day against the published year', () => {
    expect(dates('The ministers met on January 4 in Beijing.')).toEqual({ 'January 4': '2026-01-04' });
  });

  it('puts a month and day far ahead of publication in the previous year', () => {
    expect(dates('The talks began on Sept. 18 and resumed on December 20.')).toEqual({ 'Sept. 18': '2025-09-18', 'December 20': '2025-12-20' });
    expect(dates('A summit is due on March 3.')).toEqual({ 'March 3': '2026-03-03' });
  });

  it('reads full dates in both orders', () => {
    expect(dates('It was signed on April 5, 2023 and ratified on 5 April 2024.')).toEqual({ 'April 5, 2023': '2023-04-05', '5 April 2024': '2024-04-05' });
    expect(dates('Talks in March 2025 failed.')).toEqual({ 'March 2025': '2025-03' });
  });

  it('takes a bare weekday as the latest such day on or before publication', () => {
    expect(dates('A joint communique was issued on Monday.')).toEqual({ Monday: '2026-01-05' });
    expect(dates('The envoy arrived on Thursday.')).toEqual({ Thursday: '2026-01-01' });
  });

  it('keeps the granularity of relative expressions', () => {
    expect(dates('The next round will be held in Islamabad next year.')).toEqual({ 'next year': '2027' });
    expect(dates('Trade fell last month.')).toEqual({ 'last month': '2025-12' });
    expect(dates('Earlier this month the two sides met.')).toEqual({ 'this month': '2026-01' });
    expect(dates('He left yesterday.')).toEqual({ yesterday: '2026-01-04' });
  });

  it('leaves "last week" unresolved, with a note, when the week spans two months', () => {
    const [m] = findDates(context('They spoke last week.', '2026-01-05'));
    expect(m).toMatchObject({ text: 'last week', value: null });
    expect(m.note).toMatch(/spans two months/);
    expect(dates('They spoke last week.', '2026-01-21')).toEqual({ 'last week': '2026-01' });
  });

  it('adds bare years', () => {
    expect(dates('Both sides announced that 2026 will see commemorative activities.')).toEqual({ '2026': '2026' });
    expect(dates('The corridor should be complete by mid-2026 and the port by the end of 2027.')).toEqual({ 'mid-2026': '2026', '2027': '2027' });
    expect(dates('The plan covers 2019-2021.')).toEqual({ '2019': '2019', '2021': '2021' });
  });

  it('reads weekdays after a modifier from the published day', () => {
    // 2026-01-05 is a Monday
    expect(dates('They met last Friday and will meet again next Friday.')).toEqual({ 'last Friday': '2026-01-02', 'next Friday': '2026-01-16' });
    expect(dates('The envoy lands this Thursday.')).toEqual({ 'this Thursday': '2026-01-08' });
  });

  it('reads a weekday with its date as one mention, and ISO dates', () => {
    expect(dates('The talks opened on Monday, January 5, in Beijing.')).toEqual({ 'Monday, January 5': '2026-01-05' });
    expect(dates('Updated: 2023-11-16 10:14')).toEqual({ '2023-11-16': '2023-11-16' });
  });

  it('counts units back from publication only with "ago"', () => {
    expect(dates('The accord was signed two years ago.')).toEqual({ 'two years ago': '2024' });
    expect(dates('He visited 10 days ago.')).toEqual({ '10 days ago': '2025-12-26' });
    expect(dates('They met a month ago.')).toEqual({ 'a month ago': '2025-12' });
    // counted from an event the text tells, not from publication
    expect(dates('The envoy left two days earlier, a week before the vote.')).toEqual({});
  });

  it('notes a range of days and keeps its first day', () => {
    const [m] = findDates(context('The forum runs on January 4-6 in Doha.', '2026-01-05'));
    expect(m).toMatchObject({ text: 'January 4-6', value: '2026-01-04', note: 'a range ending 2026-01-06' });
    expect(dates('The forum ran from 4 to 6 January.')).toEqual({ '4 to 6 January': '2026-01-04' });
  });

  it('does not read month names inside names, abbreviations alone or impossible days', () => {
    expect(dates('They celebrated May Day and the March Revolution.')).toEqual({});
    expect(dates('He met Dec and Sun reporters.')).toEqual({});
    expect(dates('A date of February 30 does not exist.')).toEqual({});
  });

  it('does not take numbers, ordinals or clock times for dates', () => {
    expect(dates('The 75th anniversary of CPEC 2.0 set a 10-day deadline for a 13-point plan.')).toEqual({});
    expect(dates('The meeting began at 10:30 am with 2,026 delegates under Resolution 1973.')).toEqual({});
    expect(dates('They may march on and sat down.')).toEqual({});
  });

  it('leaves relative dates unresolved, with a note, when there is no published date', () => {
    const found = findDates(context('They met on Monday, will meet on January 4 and again next year, as agreed on April 5, 2023.', null));
    const by = Object.fromEntries(found.map((m) => [m.text, m]));
    for (const t of ['Monday', 'January 4', 'next year']) {
      expect(by[t]).toMatchObject({ value: null, note: 'relative date with no published date' });
    }
    expect(by['April 5, 2023'].value).toBe('2023-04-05');
  });

  it('gives each mention its sentence and offsets into the text', () => {
    const text = 'Talks opened. They ended on January 4.';
    const [m] = findDates(context(text, '2026-01-05'));
    expect(m).toMatchObject({ kind: 'date', ref: null, sentence: 1 });
    expect(text.slice(m.start, m.end)).toBe('January 4');
  });

  const seed = path.resolve(process.cwd(), '../shared/corpus/pak-chn-strategic-dialogue-2026-01-05.txt');
  it.skipIf(!existsSync(seed))(`the seed report (skipped when ${seed} is absent)`, () => {
    const text = readFileSync(seed, 'utf8');
    const found = findDates(context(text, '2026-01-05', 'seed'));
    const values = (t: string) => found.filter((m) => m.text === t).map((m) => m.value);
    expect(values('January 4')).toContain('2026-01-04');
    expect(values('Monday')).toEqual(['2026-01-05']);
    expect(values('2026')).toEqual(['2026']);
    expect(values('next year')).toEqual(['2027']);
    expect(found.some((m) => m.text.includes('75') || m.text.includes('2.0'))).toBe(false);
  });
});
