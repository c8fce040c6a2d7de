// The command line as a user meets it: output contract, views, exit statuses, bad input.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, analysisProblems, parseLines, ROOT, SEED, NEEDS_SHARED, HAVE_SHARED } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'entente-cli-'));

describe('entente analyze', () => {
  it('prints one schema-valid JSON object per example report, with offsets that index its text', async () => {
    const r = await runCli(['analyze', join(ROOT, 'examples')]);
    expect(r.code).toBe(0);
    const docs = parseLines(r.stdout);
    // every example file yields at least one document; the batch and the feed yield several
    const files = readdirSync(join(ROOT, 'examples')).filter((f) => !f.endsWith('.md'));
    expect(docs.length).toBeGreaterThanOrEqual(files.length);
    for (const d of docs) expect(analysisProblems(d), d.id).toEqual([]);
    const formats = new Set(docs.map((d) => d.format));
    for (const f of ['seed', 'text', 'json', 'html', 'rss']) expect(formats).toContain(f);
  });

  it.skipIf(!HAVE_SHARED)(`reads the seed and keeps the published date${NEEDS_SHARED}`, async () => {
    const r = await runCli(['analyze', SEED]);
    expect(r.code).toBe(0);
    const [a] = parseLines(r.stdout);
    expect(a.id).toBe('pak-chn-strategic-dialogue-2026-01-05');
    expect(a.published).toBe('2026-01-05');
    expect(a.text).toBe(readFileSync(SEED, 'utf8'));
    expect(analysisProblems(a)).toEqual([]);
  });

  it('reads standard input with -', async () => {
    const text = 'Talks held\n\nThe foreign ministers of Japan and South Korea met in Tokyo on Friday. They agreed to meet again.';
    const r = await runCli(['analyze', '-'], text);
    expect(r.code).toBe(0);
    const [a] = parseLines(r.stdout);
    expect(a.text).toBe(text);
    expect(a.sentences.map((s: any) => s.role)).toEqual(['headline', 'body', 'body']);
    expect(analysisProblems(a)).toEqual([]);
  });

  it('keeps going after a bad document, names it on stderr and exits 1', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a-good.txt'), 'Pakistan and China held talks in Beijing.');
    writeFileSync(join(dir, 'b-empty.txt'), '');
    writeFileSync(join(dir, 'c-binary.bin'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]));
    writeFileSync(join(dir, 'd-batch.jsonl'), '{"id":"x1","published":"2024-01-02","text":"Iran and Pakistan held talks."}\n{"id":"x2","published":"2024-01-0\n{"id":"x3","published":"2024-01-03"}\n{"id":"x4","published":"2024-01-04","text":"Japan thanked Korea."}\n');
    const r = await runCli(['analyze', dir]);
    expect(r.code).toBe(1);
    const ids = parseLines(r.stdout).map((d) => d.id);
    expect(ids).toEqual(['a-good', 'x1', 'x4']);
    expect(r.stderr).toMatch(/b-empty\.txt.*empty/);
    expect(r.stderr).toMatch(/c-binary\.bin.*binary/);
    expect(r.stderr).toMatch(/d-batch\.jsonl line 2/);
    expect(r.stderr).toMatch(/d-batch\.jsonl line 3.*no text/);
  });

  it('analyses a document without a date, says so, and exits 0', async () => {
    const r = await runCli(['analyze', '-'], '{"id":"nodate","text":"The two sides agreed to meet next year."}');
    expect(r.code).toBe(0);
    const [a] = parseLines(r.stdout);
    expect(a.published).toBeNull();
    expect(r.stderr).toMatch(/nodate|stdin|-/);
    expect(r.stderr).toMatch(/date/);
  });

  it('refuses a document over --max-bytes with a message and exit 1', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'big.txt'), 'The ministers met. '.repeat(2000));
    writeFileSync(join(dir, 'small.txt'), 'The ministers met.');
    const r = await runCli(['analyze', '--max-bytes', '10000', dir]);
    expect(r.code).toBe(1);
    expect(parseLines(r.stdout).map((d) => d.id)).toEqual(['small']);
    expect(r.stderr).toMatch(/big\.txt.*too large/);
  });

  it('exits 2 on a usage error and names the problem', async () => {
    const r1 = await runCli(['analyze']);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/missing required argument/);
    const r2 = await runCli(['analyze', '--no-such-flag', 'x']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/unknown option/);
    const r3 = await runCli(['frobnicate']);
    expect(r3.code).toBe(2);
  });

  it('exits 1 for a path that does not exist, naming it', async () => {
    const r = await runCli(['analyze', '/no/such/report.txt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\/no\/such\/report\.txt/);
  });

  it('--pretty indents, --summary and --explain print for people', async () => {
    const file = join(ROOT, 'examples', 'pak-chn-7th-strategic-dialogue.txt');
    const pretty = await runCli(['analyze', '--pretty', file]);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout.startsWith('{\n  "id"')).toBe(true);
    expect(analysisProblems(JSON.parse(pretty.stdout))).toEqual([]);
    const summary = await runCli(['analyze', '--summary', file]);
    expect(summary.stdout).toMatch(/pak-chn-7th-strategic-dialogue\s+seed, published 2026-01-05/);
    expect(summary.stdout).toMatch(/sentences \(1 caption, 1 headline/);
    const explain = await runCli(['analyze', '--explain', file]);
    expect(explain.code).toBe(0);
    const a = JSON.parse(pretty.stdout);
    if (a.events.length) {
      // each event shows its sentence with the trigger <marked> and the source [S …]
      expect(explain.stdout).toMatch(/\[S [^\]]+\]/);
      expect(explain.stdout).toMatch(/<[^>]+>/);
      expect(explain.stdout).toMatch(/pattern “/);
    }
  });
});

describe('npm start', () => {
  it('analyses every bundled example and prints a summary of each', async () => {
    const r = await runCli(['start']);
    expect(r.code).toBe(0);
    const analysed = parseLines((await runCli(['analyze', join(ROOT, 'examples')])).stdout);
    for (const d of analysed) expect(r.stdout).toContain(d.id);
    expect(r.stdout).toMatch(/published 2026-01-05/);
  });
});

describe('entente bench', () => {
  // figures are not asserted (a test is no benchmark): the command must run every stage and
  // report rates, the recognition share and peak memory
  it('measures the stages on the given documents and states the recognition share, batched and one at a time', async () => {
    const r = await runCli(['bench', join(ROOT, 'examples'), '--megabytes', '0.05']);
    expect(r.code).toBe(0);
    for (const stage of ['language layer', '+ recognition', 'one document at a time', 'full analysis']) expect(r.stdout).toContain(stage);
    expect(r.stdout).toMatch(/with recognition: \d+% of the language layer's speed/);
    expect(r.stdout).toMatch(/one document at a time: \d+%/);
    expect(r.stdout).toMatch(/peak memory \(RSS\): \d+ MB/);
    const j = JSON.parse((await runCli(['bench', join(ROOT, 'examples'), '--megabytes', '0.05', '--json'])).stdout);
    expect(j.rows).toHaveLength(4);
    // every row covers the whole corpus
    for (const row of j.rows) expect(row.docs).toBe(j.corpus.documents);
    for (const row of j.rows) expect(row.sentencesPerSecond).toBeGreaterThan(0);
    expect(j.corpus.bytes).toBeGreaterThanOrEqual(50_000);
  });
});
