// The scorer follows DESIGN's rules exactly; the eval command reports on the real gold sets.
import { describe, it, expect } from 'vitest';
import { score, type GoldLine } from '../src/eval/score.js';
import type { Analysis, EventOut } from '../src/analysis/types.js';
import { runCli, SEED, SEED_GOLD, DEV_DOCS, DEV_GOLD, HAVE_SHARED, NEEDS_SHARED } from './helpers.js';

const text = 'Iran and Pakistan held talks. Pakistan thanked Iran. Iran did not agree.';
const sentences = [
  { index: 0, start: 0, end: 29, text: text.slice(0, 29), role: 'body' as const, paragraph: 0 },
  { index: 1, start: 30, end: 52, text: text.slice(30, 52), role: 'body' as const, paragraph: 0 },
  { index: 2, start: 53, end: text.length, text: text.slice(53), role: 'body' as const, paragraph: 0 },
];
function ev(sentence: number, source: string, target: string | null, code: string, negated = false): EventOut {
  const f = (c: string) => ({ ref: c, code: c, start: 0, end: 4, text: 'Iran' });
  return {
    id: `e${Math.random()}`, sentence, source: f(source), target: target ? f(target) : null, code, root: code.slice(0, 2), quadClass: 1, goldstein: 1,
    plover: null, date: null, place: null, trigger: { start: 0, end: 1, text: 'I' }, pattern: 'p', modality: 'asserted', negated, confidence: 1,
  };
}
function analysis(events: EventOut[]): Analysis {
  return {
    id: 'doc', url: null, published: null, title: null, format: 'text', text, sentences, events,
    mentions: [{ kind: 'actor', start: 0, end: 4, text: 'Iran', ref: 'IRN', sentence: 0 }, { kind: 'actor', start: 9, end: 17, text: 'Pakistan', ref: 'PAK', sentence: 0 }],
    actors: [{ ref: 'IRN', code: 'IRN', country: 'IRN', org: null, sector: null, name: 'Iran', aliases: [] }, { ref: 'PAK', code: 'PAK', country: 'PAK', org: null, sector: null, name: 'Pakistan', aliases: [] }],
    places: [], commitments: [], series: [], issues: [], warnings: [],
  };
}
const gold: GoldLine[] = [
  { doc: 'doc', sentence: 'Iran and Pakistan held talks.', source: 'IRN', target: 'PAK', roots: ['04'], date: null },
  { doc: 'doc', sentence: 'Iran and Pakistan held talks.', source: 'PAK', target: 'IRN', roots: ['04'], date: null },
  { doc: 'doc', sentence: 'Pakistan thanked Iran.', source: 'PAK', target: 'IRN', roots: ['05', '01'], date: null },
];

describe('score', () => {
  it('matches on sentence, source, target and any gold root; a second event for one gold line is a false positive', () => {
    const s = score([analysis([ev(0, 'IRN', 'PAK', '040'), ev(0, 'IRN', 'PAK', '042'), ev(1, 'PAK', 'IRN', '010')])], gold);
    expect(s.overall.tp).toBe(2);
    expect(s.overall.fp).toBe(1);
    expect(s.overall.fn).toBe(1);
    expect(s.overall.precision).toBeCloseTo(2 / 3);
    expect(s.overall.recall).toBeCloseTo(2 / 3);
    expect(s.perRoot['04']).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(s.misses.map((m) => `${m.source}>${m.target}`)).toEqual(['PAK>IRN']);
  });

  it('ignores negated events and events without a target, and wants the right direction', () => {
    const s = score([analysis([ev(2, 'IRN', 'PAK', '030', true), ev(0, 'IRN', null, '040'), ev(1, 'IRN', 'PAK', '051')])], gold);
    expect(s.overall).toMatchObject({ tp: 0, fp: 1, fn: 3 });
  });

  it('needs the event sentence to cover at least half of the gold sentence', () => {
    const shifted = analysis([ev(1, 'IRN', 'PAK', '040')]);
    expect(score([shifted], gold).overall.tp).toBe(0);
  });

  it('counts gold lines of documents that were not analysed as misses, and reports actor coverage', () => {
    const s = score([analysis([])], [...gold, { doc: 'other', sentence: 'x', source: 'USA', target: 'CHN', roots: ['04'], date: null }]);
    expect(s.missingDocs).toEqual(['other']);
    expect(s.overall.fn).toBe(4);
    // both codes are mentioned in sentence 0 only
    expect(s.actorCoverage).toMatchObject({ covered: 2, total: 4 });
  });
});

describe('entente eval', () => {
  it.skipIf(!HAVE_SHARED)(`scores the dev set and prints precision, recall, F1, per root and per document${NEEDS_SHARED}`, async () => {
    const r = await runCli(['eval', '--docs', DEV_DOCS, '--gold', DEV_GOLD]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^precision \d\.\d{3}\s+recall \d\.\d{3}\s+F1 \d\.\d{3}/);
    expect(r.stdout).toMatch(/actor coverage/);
    for (const d of ['d01', 'd08', 'd15']) expect(r.stdout).toMatch(new RegExp(`^${d}\\s`, 'm'));
    const j = await runCli(['eval', '--docs', DEV_DOCS, '--gold', DEV_GOLD, '--json']);
    const summary = JSON.parse(j.stdout);
    expect(summary.overall.tp + summary.overall.fn).toBe(240);
    const v = await runCli(['eval', '--docs', DEV_DOCS, '--gold', DEV_GOLD, '--verbose']);
    expect(v.stdout).toMatch(/misses \(\d+\):/);
    expect(v.stdout).toMatch(/false positives \(\d+\):/);
  });

  it.skipIf(!HAVE_SHARED)(`scores the seed against its gold${NEEDS_SHARED}`, async () => {
    const r = await runCli(['eval', '--docs', SEED, '--gold', SEED_GOLD, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).overall.tp + JSON.parse(r.stdout).overall.fn).toBe(48);
  });

  it('names the gold file and line when a gold line is malformed', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join((await import('node:os')).tmpdir(), 'entente-gold-'));
    writeFileSync(join(dir, 'g.jsonl'), '{"doc":"a","sentence":"x","source":"A","target":"B","roots":["04"]}\n{"doc":\n');
    writeFileSync(join(dir, 'd.jsonl'), '{"id":"a","published":"2024-01-01","text":"x"}\n');
    const r = await runCli(['eval', '--docs', join(dir, 'd.jsonl'), '--gold', join(dir, 'g.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/g\.jsonl line 2/);
  });
});
