// The knowledge base as a library, against SQLite always and PostgreSQL when ENTENTE_TEST_PG is
// set: idempotent ingest, replacing a changed document, near-duplicate copies counted once,
// one event with several sources, roll-ups equal to a fresh count, the queries and exports,
// and analyses read back as they went in.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from './helpers.js';
import { backends, ingestPaths, snapshot, withStore, NEEDS_PG, PG_URL } from './store-helpers.js';
import { readInputs } from '../src/document/read.js';
import { analyse } from '../src/pipeline.js';
import {
  queryEvents, timeline, listActors, getActor, search, getEvent, getDocument, loadAnalyses,
  freshRollups, storedRollups, eventWriter, GDELT_COLUMNS, ingestAnalyses, countEvents, documentKey, eachEvent,
  type EventSort, type EventRecord,
} from '../src/store/index.js';

const EXAMPLES = resolve(ROOT, 'examples');
const dir = mkdtempSync(join(tmpdir(), 'entente-store-docs-'));
const file = (name: string, lines: object[]) => {
  const p = join(dir, name);
  writeFileSync(p, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return p;
};

const MEETING_A = {
  id: 'a1', published: '2026-01-05', title: 'Dar meets Wang',
  text: "Pakistan's Deputy Prime Minister Ishaq Dar met Chinese Foreign Minister Wang Yi in Beijing on January 4, 2026. The two sides signed an agreement on the China-Pakistan Economic Corridor.",
};
const MEETING_B = {
  id: 'b1', published: '2026-01-06', title: 'Talks in Beijing',
  text: "Wang Yi, China's Foreign Minister, met Ishaq Dar, Pakistan's Deputy Prime Minister, in Beijing on January 4, 2026, to discuss regional security and trade.",
};

const all = backends();
afterAll(async () => {
  for (const b of all) await b.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function closeTo(a: { goldstein_sum: number }[], b: { goldstein_sum: number }[]) {
  expect(a.map((r) => ({ ...r, goldstein_sum: Math.round(r.goldstein_sum * 1e6) }))).toEqual(b.map((r) => ({ ...r, goldstein_sum: Math.round(r.goldstein_sum * 1e6) })));
}

it(`runs against PostgreSQL too${NEEDS_PG}`, { skip: !PG_URL }, () => {
  expect(all.map((b) => b.name)).toContain('postgres');
});

describe.each(all.map((b) => [b.name, b] as const))('store on %s', (_name, backend) => {
  it('ingests the examples; a second run changes nothing', async () => {
    const url = await backend.fresh();
    await withStore(url, async (s) => {
      const first = await ingestPaths(s, [EXAMPLES]);
      expect(first.errors).toEqual([]);
      expect(first.added).toBeGreaterThan(5);
      const before = await snapshot(s);
      expect(before.events.length).toBeGreaterThan(20);
      const again = await ingestPaths(s, [EXAMPLES]);
      expect(again.added + again.replaced).toBe(0);
      expect(again.unchanged).toBe(first.added);
      expect(await snapshot(s)).toEqual(before);
      closeTo(await storedRollups(s), await freshRollups(s));
    });
  });

  it('one real-world event reported by two documents is one event with two sources', async () => {
    const url = await backend.fresh();
    await withStore(url, async (s) => {
      await ingestPaths(s, [file('meeting.jsonl', [MEETING_A, MEETING_B])]);
      const evs = await queryEvents(s, { dyad: 'PAK-CHN', root: '04', from: '2026-01-04', to: '2026-01-04' });
      expect(evs.length).toBe(2); // PAK→CHN and CHN→PAK
      for (const e of evs) {
        expect(e.documents).toBe(2);
        expect(e.place?.name).toBe('Beijing');
        const d = await getEvent(s, e.id);
        expect(d!.reports.map((r) => r.doc)).toEqual(['a1', 'b1']);
        expect(d!.reports[1].text).toContain('Wang Yi, China');
      }
      const tl = await timeline(s, 'PAK-CHN', 'day', { from: '2026-01-04', to: '2026-01-04' });
      expect(tl).toEqual([{ period: '2026-01-04', quad: [2, 0, 0, 0], events: 2, goldsteinSum: 2, goldsteinMean: 1 }]);
    });
  });

  it('a changed document replaces its old analysis; events and roll-ups follow', async () => {
    const url = await backend.fresh();
    await withStore(url, async (s) => {
      await ingestPaths(s, [file('v1.jsonl', [MEETING_A, MEETING_B])]);
      const changed = { ...MEETING_A, text: 'Pakistan condemned the attack on its border post in Chaman on January 4, 2026.' };
      const r = await ingestPaths(s, [file('v2.jsonl', [changed])]);
      expect(r.replaced).toBe(1);
      const doc = await getDocument(s, 'a1');
      expect(doc!.text).toBe(changed.text);
      // the meeting is now reported by b1 alone
      const evs = await queryEvents(s, { dyad: 'PAK-CHN', root: '04' });
      expect(evs.every((e) => e.documents === 1 && e.evidence.doc === 'b1')).toBe(true);
      expect(await queryEvents(s, { doc: 'a1', root: '05' })).toEqual([]);
      closeTo(await storedRollups(s), await freshRollups(s));
      const [a] = await collect(loadAnalyses(s, { ids: ['a1'] }));
      expect(a.text).toBe(changed.text);
    });
  });

  it('a syndicated copy in the same week is linked and counted once; one a month later is not a copy', async () => {
    const url = await backend.fresh();
    const original = (await collect(readInputs([join(EXAMPLES, 'pak-chn-7th-strategic-dialogue.txt')], { maxBytes: 1 << 24 })))[0];
    const doc = 'doc' in original ? original.doc : null;
    expect(doc).not.toBeNull();
    const base = { id: 'wire-1', published: doc!.published, title: doc!.title, text: doc!.text };
    const copy = { ...base, id: 'site-2', title: 'Republished: ' + doc!.title, text: 'By our correspondent. ' + doc!.text };
    const later = { ...base, id: 'site-3', published: '2026-02-20' };
    await withStore(url, async (s) => {
      await ingestPaths(s, [file('wire.jsonl', [base, copy, later])]);
      const d2 = await getDocument(s, 'site-2');
      expect(d2!.copyOf).toBe('wire-1');
      expect(d2!.similarity).toBeGreaterThanOrEqual(0.9);
      expect((await getDocument(s, 'wire-1'))!.copies).toEqual(['site-2']);
      expect((await getDocument(s, 'site-3'))!.copyOf).toBeNull();
      // every event of the copy is an event of the original: counted once
      const fromCopy = await queryEvents(s, { doc: 'site-2' });
      expect(fromCopy.length).toBeGreaterThan(5);
      expect(fromCopy.every((e) => e.counted && e.documents >= 2)).toBe(true);
      const tl = await timeline(s, 'PAK-CHN', 'year');
      const alone = await withStore(await backend.fresh(), async (t) => {
        await ingestPaths(t, [file('alone.jsonl', [base, later])]);
        return timeline(t, 'PAK-CHN', 'year');
      });
      expect(tl).toEqual(alone);
    });
  });

  it('answers the queries: filters, timeline periods, actors, search, exports', async () => {
    const url = await backend.fresh();
    await withStore(url, async (s) => {
      await ingestPaths(s, [EXAMPLES]);
      const all = await queryEvents(s);
      expect(all.length).toBe(await countEvents(s));
      const pak = await queryEvents(s, { actor: 'PAK' });
      expect(pak.length).toBeGreaterThan(0);
      expect(pak.every((e) => e.source.code === 'PAK' || e.target?.code === 'PAK')).toBe(true);
      const directed = await queryEvents(s, { dyad: 'PAK-CHN', directed: true });
      expect(directed.every((e) => e.source.code === 'PAK' && e.target?.code === 'CHN')).toBe(true);
      const agree = await queryEvents(s, { plover: 'agree' });
      expect(agree.every((e) => e.plover === 'AGREE')).toBe(true);
      const r03 = await queryEvents(s, { root: '3' });
      expect(r03.length).toBeGreaterThan(0);
      expect(r03.every((e) => e.root === '03')).toBe(true);
      const code = r03[0].code;
      expect((await queryEvents(s, { code })).every((e) => e.code === code)).toBe(true);
      const beijing = await queryEvents(s, { place: 'beijing' });
      expect(beijing.length).toBeGreaterThan(0);
      expect(beijing.every((e) => e.place?.name === 'Beijing')).toBe(true);
      const taiwan = await queryEvents(s, { issue: 'taiwan' });
      expect(taiwan.length).toBeGreaterThan(0);
      const jan = await queryEvents(s, { from: '2026-01', to: '2026-01' });
      expect(jan.every((e) => e.day.startsWith('2026-01'))).toBe(true);
      expect(await queryEvents(s, { limit: 3 })).toEqual(all.slice(0, 3));

      // every period adds up to the same totals, and to the events counted
      const counted = (await queryEvents(s, { dyad: 'PAK-CHN' })).filter((e) => e.counted && !e.negated);
      for (const by of ['day', 'week', 'month', 'year'] as const) {
        const rows = await timeline(s, 'PAK-CHN', by);
        expect(rows.reduce((n, r) => n + r.events, 0)).toBe(counted.length);
        expect(rows.every((r) => r.quad.reduce((a, b) => a + b, 0) === r.events)).toBe(true);
      }
      expect((await timeline(s, 'PAK-CHN', 'week'))[0].period).toMatch(/^\d{4}-W\d{2}$/);

      const people = await listActors(s, { country: 'PAK', people: true });
      expect(people.map((p) => p.ref)).toContain('person:ishaq-dar');
      expect((await listActors(s, { office: 'foreign minister' })).map((a) => a.ref)).toContain('person:wang-yi');
      const wang = await getActor(s, 'Wang Yi');
      expect(wang!.officesHeld[0].office).toBe('Foreign Minister');
      expect(wang!.officesHeld[0].evidence[0].text).toContain('Wang Yi');
      expect((await getActor(s, 'person:wang-yi'))!.ref).toBe('person:wang-yi');
      expect(await getActor(s, 'Nobody At All')).toBeNull();

      const hits = await search(s, 'Gwadar');
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h) => h.highlighted.includes('«Gwadar»'))).toBe(true);
      expect((await search(s, 'gwad*')).length).toBe(hits.length);
      expect(await search(s, '')).toEqual([]);

      const csv = eventWriter('csv');
      expect(csv.header.split(',')[0]).toBe('id');
      const tsv = eventWriter('tsv');
      expect(tsv.header.trim().split('\t')).toEqual(GDELT_COLUMNS.map(([n]) => n));
      for (const e of all) expect(tsv.line(e).replace(/\n$/, '').split('\t').length).toBe(GDELT_COLUMNS.length);
      const plover = all.map((e) => eventWriter('plover').line(e)).filter(Boolean).map((l) => JSON.parse(l));
      expect(plover.length).toBe(all.filter((e) => e.plover).length);
      expect(plover[0]).toMatchObject({ id: expect.stringMatching(/^ev-/), event: expect.any(String), cameo: { code: expect.any(String) } });
    });
  });

  it('sorts every matching event in the store, so pages follow one order with none repeated or missed', async () => {
    const url = await backend.fresh();
    await withStore(url, async (s) => {
      await ingestPaths(s, [EXAMPLES]);
      const ids = (await queryEvents(s)).map((e) => e.id).sort();
      const pages = async (sort: EventSort, limit = 7) => {
        const out = [];
        for (let offset = 0; offset < ids.length; offset += limit) out.push(...await queryEvents(s, { sort, limit, offset }));
        return out;
      };

      const byGoldstein = await pages({ by: 'goldstein', desc: true });
      expect(ids.length).toBeGreaterThan(3 * 7);
      const g = byGoldstein.map((e) => e.goldstein);
      expect(g).toEqual([...g].sort((a, b) => b - a));
      expect(g[0]).toBeGreaterThan(g[g.length - 1]);
      expect(byGoldstein.map((e) => e.id).sort()).toEqual(ids);
      // keyset paging (export, the CLI) gives the same order as offset pages (the API)
      const each = [];
      for await (const e of eachEvent(s, { sort: { by: 'goldstein', desc: true } }, 5)) each.push(e);
      expect(each).toEqual(byGoldstein);

      // events with no place or no date come last, whichever way
      const missing = { place: (e: EventRecord) => !e.place, date: (e: EventRecord) => !e.date };
      for (const by of ['place', 'date'] as const) {
        for (const desc of [false, true]) {
          const sorted = await pages({ by, desc });
          const first = sorted.findIndex(missing[by]);
          expect(first, `${by} ${desc}`).toBeGreaterThan(0);
          expect(sorted.slice(first).every(missing[by]), `${by} ${desc}`).toBe(true);
          expect(sorted.map((e) => e.id).sort()).toEqual(ids);
          const each = [];
          for await (const e of eachEvent(s, { sort: { by, desc } }, 5)) each.push(e.id);
          expect(each).toEqual(sorted.map((e) => e.id));
        }
      }
    });
  });

  // PostgreSQL only (SQLite has one writer at a time); without ENTENTE_TEST_PG the test above says so
  if (backend.name === 'postgres') it('takes two ingests at once into one PostgreSQL store', async () => {
    const url = await backend.fresh();
    const batch = join(EXAMPLES, 'batch.jsonl');
    // two processes' worth of ingest, overlapping in one file, racing into one store
    const [x, y] = await Promise.all([
      withStore(url, (s) => ingestPaths(s, [EXAMPLES])),
      withStore(url, (s) => ingestPaths(s, [batch, join(EXAMPLES, 'kor-jpn-protest-2023.txt')])),
    ]);
    expect([...x.errors, ...y.errors]).toEqual([]);
    const ref = await backend.fresh();
    await withStore(ref, (s) => ingestPaths(s, [EXAMPLES]));
    const shape = async (u: string) => withStore(u, async (s) => {
      const snap = await snapshot(s);
      return {
        documents: snap.documents.map((d) => [d.id, d.content_hash, d.dup_of]),
        events: snap.events.map((e) => [e.id, e.n_sources, e.n_docs, e.counted]),
        sources: snap.sources,
        rollup: snap.rollup.map((r) => [r.source_code, r.target_code, r.day, r.quad_class, r.n]),
      };
    });
    expect(await shape(url)).toEqual(await shape(ref));
  });

  it('gives analyses back as they went in', async () => {
    const url = await backend.fresh();
    const originals = [];
    for await (const item of readInputs([EXAMPLES], { maxBytes: 1 << 24 })) if ('doc' in item) originals.push({ key: documentKey(item.doc), a: analyse(item.doc) });
    await withStore(url, async (s) => {
      await ingestAnalyses(s, originals.map((o) => ({ ...o.a, id: o.key })));
      const back = await collect(loadAnalyses(s));
      expect(back).toEqual(originals.map((o) => ({ ...o.a, id: o.key })));
    });
  });
});

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('identity and near-duplicate measures', () => {
  it('gives ISO weeks, positional ids a text hash, and Jaccard similarity of word shingles', async () => {
    const { isoWeek, documentKey, normaliseText } = await import('../src/store/identity.js');
    const { shingles, jaccard } = await import('../src/store/near-duplicates.js');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek(null)).toBe('');
    expect(normaliseText('  Hello\n\tWORLD ')).toBe('hello world');
    const positional = { id: 'batch#3', origin: 'in/batch.jsonl line 3', format: 'json' as const, text: 'Some  text' };
    expect(documentKey(positional)).toMatch(/^h:[0-9a-f]{24}$/);
    expect(documentKey({ ...positional, text: 'some text' })).toBe(documentKey(positional));
    expect(documentKey({ ...positional, id: 'reuters-123' })).toBe('reuters-123');
    expect(documentKey({ id: 'stdin', origin: '-', format: 'text', text: 'x y' })).toMatch(/^h:/);
    const a = shingles('one two three four five six seven eight nine ten');
    expect(jaccard(a, a)).toBe(1);
    expect(jaccard(a, shingles('one two three four five six seven eight nine eleven'))).toBeCloseTo(7 / 9);
  });
});
