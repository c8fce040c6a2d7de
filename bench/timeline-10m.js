// `npm run bench:timeline` (node bench/timeline-10m.js [--events 10000000] [--db FILE] [--keep]):
// generates N synthetic events in a SQLite store (the real schema, via openStore), builds the
// daily roll-up from them, then times `timeline()` — the library function behind
// `entente timeline` — for one dyad by day, week, month and year.
//
// The events are bulk-loaded with one prepared statement, not through ingest: ingest's speed is
// what bench/ingest.js measures; this measures the query over a store of that size.
// Distribution: 250 actor codes, dyads drawn with a heavy tail (a few busy pairs, many quiet
// ones), days uniform over 2000–2025, CAMEO roots 01–20 with their quad class and a Goldstein
// value. PAK–CHN, the dyad timed, gets about 0.5 % of all events.
import Database from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir, cpus, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore, close, timeline } from '../dist/store/index.js';
import { isoWeek } from '../dist/store/identity.js';

const { values } = parseArgs({ options: {
  events: { type: 'string', default: '10000000' },
  db: { type: 'string', default: join(tmpdir(), 'entente-timeline-bench.db') },
  keep: { type: 'boolean', default: false },
} });
const N = Number(values.events);
const file = values.db;
const fmt = (x) => Math.round(x).toLocaleString('en-US');

// a small deterministic generator, so every run builds the same store
let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);

const ROOTS = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0'));
const QUAD = (r) => (+r <= 5 ? 1 : +r <= 9 ? 2 : +r <= 14 ? 3 : 4);
const GOLDSTEIN = [1, 0.6, 4, 1, 3.5, 6, 7, 5, 5.5, -2, -2, -4, -5.5, -6.5, -7.2, -4, -7, -9, -10, -10];
const CODES = Array.from({ length: 250 }, (_, i) => (i === 40 ? 'PAK' : i === 41 ? 'CHN' : 'X' + String.fromCharCode(65 + Math.floor(i / 26) % 26) + String.fromCharCode(65 + (i % 26))));
const DAY0 = Date.UTC(2000, 0, 1);
const DAYS = Math.floor((Date.UTC(2025, 11, 31) - DAY0) / 86_400_000) + 1;
const dayOf = (i) => new Date(DAY0 + i * 86_400_000).toISOString().slice(0, 10);
// heavy tail: actor index ~ 250 * u^3
const actor = () => CODES[Math.min(CODES.length - 1, Math.floor(CODES.length * rand() ** 3))];

async function generate() {
  if (existsSync(file)) rmSync(file);
  for (const ext of ['-wal', '-shm']) if (existsSync(file + ext)) rmSync(file + ext);
  await close(await openStore(file)); // the schema, by the migrations
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  // secondary indexes are built once after the load: far faster than keeping them up per row
  const indexes = db.prepare(`select name, sql from sqlite_master where type = 'index' and tbl_name = 'events' and sql is not null`).all();
  for (const ix of indexes) db.exec(`drop index ${ix.name}`);
  const insert = db.prepare(`insert into events (id, source_code, target_code, root, day, place, negated, code, quad_class,
    goldstein, plover, date, modality, source_ref, target_ref, primary_doc, n_sources, n_docs, counted)
    values (?, ?, ?, ?, ?, '', 0, ?, ?, ?, null, ?, 'asserted', ?, ?, 'bench', 1, 1, 1)`);
  const t0 = performance.now();
  const PER = 200_000;
  for (let done = 0; done < N; done += PER) {
    db.transaction(() => {
      for (let i = done; i < Math.min(N, done + PER); i++) {
        let s, t;
        if (rand() < 0.005) [s, t] = rand() < 0.5 ? ['PAK', 'CHN'] : ['CHN', 'PAK'];
        else {
          s = actor();
          do t = actor(); while (t === s);
        }
        const root = ROOTS[Math.floor(rand() * 20)];
        const day = dayOf(Math.floor(rand() * DAYS));
        insert.run(`ev-${i.toString(16).padStart(16, '0')}`, s, t, root, day, root + '0', QUAD(root), GOLDSTEIN[+root - 1], day, s, t);
      }
    })();
    process.stderr.write(`\r  ${fmt(Math.min(N, done + PER))} events`);
  }
  process.stderr.write('\n');
  for (const ix of indexes) db.exec(ix.sql);
  const loadS = (performance.now() - t0) / 1000;
  // the roll-up, as ingest would have kept it; SQLite's %G-W%V is the ISO week isoWeek() gives
  const t1 = performance.now();
  db.exec(`delete from rollup_daily;
    insert into rollup_daily (source_code, target_code, day, week, month, year, quad_class, n, goldstein_sum)
    select source_code, target_code, day, strftime('%G-W%V', day), substr(day, 1, 7), substr(day, 1, 4), quad_class, count(*), sum(goldstein)
    from events where counted = 1 and negated = 0 and day != '' group by source_code, target_code, day, quad_class`);
  const rollS = (performance.now() - t1) / 1000;
  for (const d of ['2000-01-01', '2004-12-31', '2021-01-03', '2025-12-29']) {
    const w = db.prepare(`select strftime('%G-W%V', ?) as w`).get(d).w;
    if (w !== isoWeek(d)) throw new Error(`SQLite gives week ${w} for ${d}, isoWeek ${isoWeek(d)}`);
  }
  const rows = db.prepare('select count(*) as n from rollup_daily').get().n;
  db.pragma('journal_mode = WAL');
  db.close();
  return { loadS, rollS, rows };
}

console.log(`machine: ${cpus()[0]?.model.trim()}, ${availableParallelism()} cores, Node ${process.version}`);
console.log(`generating ${fmt(N)} events in ${file} …`);
const g = await generate();
console.log(`  loaded and indexed in ${g.loadS.toFixed(0)} s; daily roll-up (${fmt(g.rows)} rows) built in ${g.rollS.toFixed(0)} s; file ${fmt(statSync(file).size / 1e6)} MB`);

const store = await openStore(file);
const counted = await store.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
console.log(`  store holds ${fmt(Number(counted.n))} events`);
console.log(`\ntimeline PAK-CHN (both directions), 7 runs each, the first on a cold connection:`);
for (const by of ['day', 'week', 'month', 'year']) {
  const times = [];
  let rows;
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    rows = await timeline(store, 'PAK-CHN', by);
    times.push(performance.now() - t);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const events = rows.reduce((n, r) => n + r.events, 0);
  console.log(`  --by ${by.padEnd(5)} ${String(rows.length).padStart(5)} periods, ${fmt(events)} events: first ${times[0].toFixed(1)} ms, median ${sorted[3].toFixed(1)} ms, max ${sorted[6].toFixed(1)} ms`);
}
await close(store);
if (!values.keep) for (const ext of ['', '-wal', '-shm']) if (existsSync(file + ext)) rmSync(file + ext);
