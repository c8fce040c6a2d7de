// `npm run bench:ingest`: how fast documents go into a SQLite store.
//   1. storing alone: analyses made beforehand, written by ingestAnalyses on one core;
//   2. the whole `entente ingest` (read, analyse, store) on one core (--workers 0);
//   3. the same with worker threads (one per core).
// Each reports documents and sentences per second; the command runs also report peak RSS.
// Options: --megabytes N (input size for 2 and 3, default 5), --store-docs N (default 5000).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, seedDocuments, copyOf, writeCorpus } from './corpus.js';
import { analyse, loadLexicons } from '../dist/pipeline.js';
import { openStore, close, ingestAnalyses } from '../dist/store/index.js';

const { values } = parseArgs({ options: { megabytes: { type: 'string', default: '5' }, 'store-docs': { type: 'string', default: '5000' } } });
const dir = mkdtempSync(join(tmpdir(), 'entente-bench-'));
const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}`;
const fmt = (x) => Math.round(x).toLocaleString('en-US');

try {
  console.log(`machine: ${machine}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at the start`);
  // 1. storing alone
  loadLexicons();
  const { docs, source } = await seedDocuments();
  const analyses = docs.map((d) => analyse(d));
  const want = Number(values['store-docs']);
  function* copies() {
    for (let i = 0; i < want; i++) {
      const round = Math.floor(i / analyses.length);
      const a = analyses[i % analyses.length];
      const c = copyOf(a, round);
      yield { ...a, id: c.id, published: c.published };
    }
  }
  let sentences = 0;
  for (let i = 0; i < want; i++) sentences += analyses[i % analyses.length].sentences.length;
  const store = await openStore(join(dir, 'store-only.db'));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const p = await ingestAnalyses(store, copies());
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  await close(store);
  console.log(`\n1. storing analyses (${source} × ${Math.ceil(want / analyses.length)}, ${fmt(want)} documents, ${fmt(sentences)} sentences, ${fmt(p.events)} event reports), one core:`);
  console.log(`   ${fmt(want / s)} documents/s, ${fmt(sentences / s)} sentences/s (${s.toFixed(1)} s wall); per CPU-second: ${fmt(sentences / cpu)} sentences`);

  // 2 and 3. the command, end to end
  const input = join(dir, 'input.jsonl');
  const n = await writeCorpus(input, Number(values.megabytes) * 1e6);
  for (const workers of [0, availableParallelism()]) {
    const db = join(dir, `cli-${workers}.db`);
    const t = performance.now();
    const r = spawnSync(process.execPath, [resolve(ROOT, 'bin/entente.js'), 'ingest', input, '--db', db, '--workers', String(workers)], { encoding: 'utf8' });
    const secs = (performance.now() - t) / 1000;
    const lines = r.stderr.trim().split('\n');
    const summary = lines.find((l) => l.includes('documents stored')) ?? lines.join('\n');
    const peakMB = Number(/peak RSS (\d+) MB/.exec(summary)?.[1] ?? NaN);
    const cpu = Number(/([\d.]+) s of CPU/.exec(summary)?.[1] ?? NaN);
    const sent = Number(/(\d+) sentences,/.exec(summary)?.[1] ?? 0);
    console.log(`\n${workers ? 3 : 2}. entente ingest ${values.megabytes} MB JSON Lines (${fmt(n)} documents), ${workers ? `${workers} worker threads` : 'one core (--workers 0)'}:`);
    console.log(`   ${fmt(n / secs)} documents/s, ${fmt(sent / secs)} sentences/s (${secs.toFixed(1)} s wall, start-up included); per CPU-second: ${fmt(sent / cpu)} sentences; peak RSS ${fmt(peakMB)} MB${workers ? ' (main thread and workers)' : ''}`);
    if (r.status !== 0) console.log(`   exit ${r.status}: ${summary}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
