// The ledger commands on the command line: files now, the knowledge base with --db.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers.js';

const EX = (f: string) => `examples/${f}`;
const R6 = EX('pak-chn-6th-strategic-dialogue.txt');
const R7 = EX('pak-chn-7th-strategic-dialogue.txt');
const R8 = EX('pak-chn-8th-strategic-dialogue-2027.txt');
const LATER = EX('pak-chn-political-consultations-2027.txt');

describe('entente compare', () => {
  it('prints the four groups for people', async () => {
    const r = await runCli(['compare', R6, R7]);
    expect(r.code).toBe(0);
    for (const h of ['Changed in strength or wording', 'Only in A', 'Only in B', 'The same in both']) expect(r.stdout).toContain(h);
    expect(r.stdout).toMatch(/PAK supports One-China principle[\s\S]*strength: \+ firm/);
  });

  it('prints JSON for programs', async () => {
    const r = await runCli(['compare', R6, R7, '--json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.a.id).toBe('pak-chn-6th-strategic-dialogue');
    expect(c.b.id).toBe('pak-chn-7th-strategic-dialogue');
    for (const k of ['same', 'changed', 'onlyA', 'onlyB']) expect(Array.isArray(c[k])).toBe(true);
    expect(c.changed[0]).toHaveProperty('changes');
  });

  it('says so when an argument is neither a file nor a stored document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-ledger-'));
    try {
      const r = await runCli(['compare', R6, 'no-such-report', '--db', join(dir, 'none.db')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/no knowledge base/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('entente commitments', () => {
  it('lists commitments with their status on a day, and filters by status and party', async () => {
    const all = await runCli(['commitments', R7, R8, LATER, '--today', '2027-10-20', '--json']);
    expect(all.code).toBe(0);
    const { today, commitments } = JSON.parse(all.stdout);
    expect(today).toBe('2027-10-20');
    const statuses = new Set(commitments.map((c: any) => c.status));
    for (const s of ['open', 'due', 'overdue', 'fulfilled']) expect(statuses.has(s)).toBe(true);
    const overdue = await runCli(['commitments', R7, R8, LATER, '--today', '2027-10-20', '--status', 'overdue', '--json']);
    const o = JSON.parse(overdue.stdout).commitments;
    expect(o.length).toBeGreaterThan(0);
    expect(o.every((c: any) => c.status === 'overdue' && c.evidence === null)).toBe(true);
    const afg = await runCli(['commitments', R7, R8, '--party', 'AFG', '--json']);
    expect(JSON.parse(afg.stdout).commitments).toEqual([]);
  });

  it('shows the evidence of a kept commitment in text', async () => {
    const r = await runCli(['commitments', R7, R8, '--today', '2027-03-01', '--status', 'fulfilled']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/fulfilled .*hold the next round/);
    expect(r.stdout).toMatch(/kept: pak-chn-8th-strategic-dialogue-2027/);
  });

  it('refuses a day that is not YYYY-MM-DD', async () => {
    const r = await runCli(['commitments', R7, '--today', 'tomorrow']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--today/);
  });
});

describe('entente series', () => {
  it('lists the rounds of a series named by some of its words, from files', async () => {
    const r = await runCli(['series', 'strategic', 'dialogue', R8, R6, R7, '--today', '2027-03-01']);
    expect(r.code).toBe(0);
    const rounds = [...r.stdout.matchAll(/round (\d+) +(\d{4}-\d{2}-\d{2}) +(\w+)/g)].map((m) => [m[1], m[2], m[3]]);
    expect(rounds).toEqual([
      ['6', '2025-08-21', 'Islamabad'],
      ['7', '2026-01-04', 'Beijing'],
      ['8', '2027-02-21', 'Islamabad'],
    ]);
    expect(r.stdout).toMatch(/next: round 9, due 2028, in Beijing pending/);
    expect(r.stdout).not.toMatch(/Joint Cooperation Committee/);
  });
});

describe('entente stances', () => {
  it('filters by actor and issue', async () => {
    const r = await runCli(['stances', R7, '--actor', 'PAK', '--issue', 'taiwan', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout).stances;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((x: any) => x.actor === 'PAK' && x.issue.startsWith('taiwan'))).toBe(true);
    expect(rows.some((x: any) => x.issue === 'taiwan-independence' && x.stance === 'opposes')).toBe(true);
  });
});

describe('the ledger over the knowledge base', () => {
  it('reads stored reports with --db and says so when there is none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-ledger-'));
    const db = join(dir, 'kb.db');
    try {
      const none = await runCli(['commitments', '--db', db]);
      expect(none.code).toBe(2);
      expect(none.stderr).toMatch(/no knowledge base/);
      const ingest = await runCli(['ingest', R6, R7, R8, '--db', db, '--quiet']);
      expect(ingest.code, ingest.stderr).toBe(0);
      const c = await runCli(['commitments', '--db', db, '--today', '2027-03-01', '--status', 'fulfilled', '--json']);
      expect(c.code, c.stderr).toBe(0);
      const kept = JSON.parse(c.stdout).commitments;
      expect(kept.some((x: any) => x.doc === 'pak-chn-7th-strategic-dialogue' && /next round/.test(x.commitment.action))).toBe(true);
      const s = await runCli(['series', 'strategic dialogue', '--db', db, '--json']);
      const [h] = JSON.parse(s.stdout).series;
      expect(h.rounds.map((x: any) => x.round)).toEqual([6, 7, 8]);
      const cmp = await runCli(['compare', 'pak-chn-6th-strategic-dialogue', 'pak-chn-7th-strategic-dialogue', '--db', db, '--json']);
      expect(cmp.code, cmp.stderr).toBe(0);
      expect(JSON.parse(cmp.stdout).changed.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
