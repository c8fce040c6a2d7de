// The knowledge-base commands as a user runs them: ingest, events, timeline, actors, actor,
// search, show and export; bad input keeps analyze's contract; and an ingest killed half-way
// and run again ends with exactly the store of an uninterrupted run.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ROOT, runCli, parseLines } from './helpers.js';
import { snapshot, withStore } from './store-helpers.js';
import { GDELT_COLUMNS } from '../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'entente-store-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const EXAMPLES = resolve(ROOT, 'examples');

describe('entente ingest and the query commands', () => {
  const db = join(dir, 'kb.db');

  it('ingests the examples into a SQLite file and answers from it', async () => {
    const r = await runCli(['ingest', EXAMPLES, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/documents stored/);
    expect(r.stdout).toBe('');
    expect(existsSync(db)).toBe(true);

    const ev = await runCli(['events', '--db', db, '--dyad', 'PAK-CHN', '--format', 'jsonl', '--limit', '5']);
    expect(ev.code).toBe(0);
    const lines = parseLines(ev.stdout);
    expect(lines.length).toBe(5);
    expect(lines.every((e) => [e.source.code, e.target?.code].sort().join() === 'CHN,PAK')).toBe(true);

    const top = parseLines((await runCli(['events', '--db', db, '--sort', 'goldstein', '--desc', '--format', 'jsonl', '--limit', '1000'])).stdout);
    expect(top.map((e) => e.goldstein)).toEqual(top.map((e) => e.goldstein).sort((a, b) => b - a));
    expect(new Set(top.map((e) => e.id)).size).toBe(top.length);
    const badSort = await runCli(['events', '--db', db, '--sort', 'evidence']);
    expect(badSort.code).toBe(2);
    expect(badSort.stderr).toMatch(/--sort.*evidence/);

    const table = await runCli(['events', '--db', db, '--actor', 'PAK', '--limit', '3']);
    expect(table.stdout.split('\n')[0]).toMatch(/^DAY\s+SOURCE→TARGET\s+CODE/);

    const shown = await runCli(['show', lines[0].id, '--db', db]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(lines[0].evidence.text);
    const doc = await runCli(['show', lines[0].evidence.doc, '--db', db, '--json']);
    expect(JSON.parse(doc.stdout).events.some((e: { id: string }) => e.id === lines[0].id)).toBe(true);
    const none = await runCli(['show', 'no-such-thing', '--db', db]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no-such-thing: no event or document/);

    const tl = await runCli(['timeline', '--dyad', 'PAK-CHN', '--by', 'year', '--db', db]);
    expect(tl.code).toBe(0);
    expect(tl.stdout).toMatch(/^PERIOD\s+EVENTS\s+VCOOP/);
    expect(tl.stdout).toMatch(/\n2026\s+\d+/);

    const actor = await runCli(['actor', 'Wang Yi', '--db', db]);
    expect(actor.stdout).toMatch(/^Wang Yi \(person:wang-yi/);
    expect(actor.stdout).toMatch(/Foreign Minister: \d{4}-\d{2}-\d{2} – /);
    const actors = await runCli(['actors', '--country', 'PAK', '--db', db, '--json']);
    expect(JSON.parse(actors.stdout).map((a: { ref: string }) => a.ref)).toContain('person:ishaq-dar');

    const hits = await runCli(['search', 'Gwadar', '--db', db]);
    expect(hits.stdout).toContain('«Gwadar»');

    const tsvFile = join(dir, 'events.tsv');
    const ex = await runCli(['export', '--format', 'tsv', '--out', tsvFile, '--db', db]);
    expect(ex.code).toBe(0);
    const tsv = readFileSync(tsvFile, 'utf8').trim().split('\n');
    expect(tsv[0].split('\t')).toEqual(GDELT_COLUMNS.map(([n]) => n));
    expect(tsv.slice(1).every((l) => l.split('\t').length === GDELT_COLUMNS.length)).toBe(true);
    const csv = await runCli(['export', '--format', 'csv', '--db', db, '--root', '04']);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^id,day,date,source_code/);
    const plover = await runCli(['export', '--format', 'plover', '--db', db]);
    expect(parseLines(plover.stdout).every((r) => typeof r.event === 'string')).toBe(true);
  });

  it('takes the store from ENTENTE_DB', async () => {
    const env = join(dir, 'env.db');
    const r = await new Promise<number>((done) => {
      const c = spawn(process.execPath, [resolve(ROOT, 'bin/entente.js'), 'ingest', join(EXAMPLES, 'batch.jsonl'), '--quiet'], { env: { ...process.env, ENTENTE_DB: env } });
      c.on('close', (code) => done(code ?? -1));
    });
    expect(r).toBe(0);
    expect(existsSync(env)).toBe(true);
  });

  it('rejects a bad query with a usage error', async () => {
    const r = await runCli(['timeline', '--dyad', 'PAK', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/dyad "PAK"/);
    const f = await runCli(['events', '--from', 'yesterday', '--db', db]);
    expect(f.code).toBe(2);
  });
});

describe('bad input', () => {
  it('names each bad document on stderr, stores the rest, and exits 1', async () => {
    const inputs = join(dir, 'mixed');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'a-good.txt'), readFileSync(join(EXAMPLES, 'kor-jpn-protest-2023.txt')));
    writeFileSync(join(inputs, 'b-empty.txt'), '');
    writeFileSync(join(inputs, 'c-binary.bin'), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 0, 7]));
    writeFileSync(join(inputs, 'd-batch.jsonl'), [
      JSON.stringify({ id: 'ok-1', published: '2026-01-05', text: "Pakistan's Deputy Prime Minister Ishaq Dar met Chinese Foreign Minister Wang Yi in Beijing on January 4, 2026." }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'no-text', published: '2026-01-05' }),
    ].join('\n') + '\n');
    const db = join(dir, 'mixed.db');
    const r = await runCli(['ingest', inputs, '--db', db]);
    expect(r.code).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('entente: error:'));
    expect(errors.length).toBe(4);
    expect(errors.some((l) => l.includes('b-empty.txt'))).toBe(true);
    expect(errors.some((l) => l.includes('c-binary.bin'))).toBe(true);
    expect(errors.some((l) => l.includes('d-batch.jsonl line 2'))).toBe(true);
    expect(errors.some((l) => l.includes('d-batch.jsonl line 3'))).toBe(true);
    const d = new Database(db, { readonly: true });
    const ids = d.prepare('select id from documents order by id').all().map((x: any) => x.id);
    d.close();
    expect(ids).toEqual(['a-good', 'ok-1']);
  });
});

describe('crash safety', () => {
  it('an ingest killed mid-way and run again stores exactly what an uninterrupted run does', async () => {
    // a batch large enough to be killed in the middle: the examples repeated with fresh ids,
    // each round a week later
    const docs: object[] = [];
    const seeds = parseLines(readFileSync(join(EXAMPLES, 'batch.jsonl'), 'utf8'));
    const texts = ['pak-chn-6th-strategic-dialogue.txt', 'pak-chn-7th-strategic-dialogue.txt', 'kor-jpn-protest-2023.txt']
      .map((f, i) => ({ id: f, published: `2025-0${i + 3}-10`, text: readFileSync(join(EXAMPLES, f), 'utf8').split('\n').slice(1).join('\n') }));
    for (let round = 0; docs.length < 600; round++) {
      for (const s of [...seeds, ...texts]) {
        const d = new Date(`${s.published ?? '2025-01-01'}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + 7 * round);
        docs.push({ ...s, id: `${s.id}~${round}`, published: d.toISOString().slice(0, 10) });
      }
    }
    const input = join(dir, 'large.jsonl');
    writeFileSync(input, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    const args = (db: string) => [resolve(ROOT, 'bin/entente.js'), 'ingest', input, '--db', db, '--batch', '40', '--workers', '0', '--quiet'];
    const run = (db: string) => new Promise<number>((done) => spawn(process.execPath, args(db)).on('close', (c) => done(c ?? -1)));

    const whole = join(dir, 'whole.db');
    expect(await run(whole)).toBe(0);

    const killed = join(dir, 'killed.db');
    const child = spawn(process.execPath, args(killed));
    const exited = new Promise<string | null>((done) => child.on('exit', (_c, sig) => done(sig)));
    // wait until some batches are committed, then kill without warning
    let stored = 0;
    for (let i = 0; i < 600 && stored < 120; i++) {
      await new Promise((r) => setTimeout(r, 100));
      stored = countDocuments(killed);
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const atKill = countDocuments(killed);
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(docs.length);
    expect(atKill % 40).toBe(0); // whole batches only

    expect(await run(killed)).toBe(0);
    const a = await withStore(whole, snapshot);
    const b = await withStore(killed, snapshot);
    expect(b.documents.length).toBe(docs.length);
    expect(b.documents).toEqual(a.documents);
    expect(b.events).toEqual(a.events);
    expect(b).toEqual(a);
  }, 240_000);
});

function countDocuments(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare('select count(*) as n from documents').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
}
