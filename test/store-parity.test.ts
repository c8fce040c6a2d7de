// SQLite and PostgreSQL give identical answers: the dev corpus and the examples are ingested
// into both, and every query function is asked the same questions of each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { DEV_DOCS, HAVE_SHARED, NEEDS_SHARED, ROOT } from './helpers.js';
import { ingestPaths, NEEDS_PG, PG_URL, postgresBackend, sqliteBackend } from './store-helpers.js';
import {
  openStore, close, queryEvents, eachEvent, timeline, listActors, getActor, search, getEvent, getDocument, loadAnalyses,
  listCommitments, listSeries, EVENT_SORTS, type Store,
} from '../src/store/index.js';

const EXAMPLES = resolve(ROOT, 'examples');

async function answers(s: Store) {
  const events = await queryEvents(s);
  const dyads = [...new Set(events.filter((e) => e.target).map((e) => [e.source.code, e.target!.code].sort().join('-')))].sort();
  const timelines: Record<string, unknown> = {};
  for (const d of dyads) for (const by of ['day', 'week', 'month', 'year'] as const) timelines[`${d} ${by}`] = await timeline(s, d, by);
  const actors = await listActors(s);
  const details = [];
  for (const a of actors) details.push(await getActor(s, a.ref));
  const hits: Record<string, unknown> = {};
  for (const q of ['Gwadar', 'foreign minister', 'border', 'agree*', 'Taiwan', 'sanctions']) hits[q] = await search(s, q, { limit: 1000 });
  const shown = [];
  for (const e of events) shown.push(await getEvent(s, e.id));
  const docs = [];
  const analyses = [];
  for await (const a of loadAnalyses(s)) {
    analyses.push(a);
    docs.push(await getDocument(s, a.id));
  }
  const filtered = {
    actor: await queryEvents(s, { actor: 'CHN' }),
    root: await queryEvents(s, { root: '04' }),
    plover: await queryEvents(s, { plover: 'CONSULT' }),
    place: await queryEvents(s, { place: 'Beijing' }),
    issue: await queryEvents(s, { issue: 'taiwan' }),
    range: await queryEvents(s, { from: '2023', to: '2025-06' }),
  };
  // every order both ways: the whole run by keyset pages (export, CLI) and one offset page (API)
  const sorted: Record<string, unknown> = {};
  for (const by of EVENT_SORTS) {
    for (const desc of [false, true]) {
      const ids = [];
      for await (const e of eachEvent(s, { sort: { by, desc } }, 50)) ids.push(e.id);
      sorted[`${by}${desc ? ' desc' : ''}`] = { ids, page: await queryEvents(s, { sort: { by, desc }, limit: 10, offset: 10 }) };
    }
  }
  const ledger = { commitments: await listCommitments(s), series: await listSeries(s) };
  return { events, timelines, actors, details, hits, shown, docs, analyses, filtered, sorted, ledger };
}

describe.each([
  ['the examples', () => [EXAMPLES], true, ''],
  ['the dev corpus', () => [DEV_DOCS], HAVE_SHARED, NEEDS_SHARED],
])(`SQLite and PostgreSQL agree on %s${NEEDS_PG}`, (_name, paths, have, why) => {
  const sqlite = sqliteBackend();
  const pg = postgresBackend();
  let a: Awaited<ReturnType<typeof answers>>;
  let b: Awaited<ReturnType<typeof answers>>;
  const run = !!PG_URL && have;

  beforeAll(async () => {
    if (!run) return;
    const results = [];
    for (const url of [await sqlite.fresh(), await pg.fresh()]) {
      const s = await openStore(url);
      try {
        const r = await ingestPaths(s, paths());
        expect(r.errors).toEqual([]);
        results.push(await answers(s));
      } finally {
        await close(s);
      }
    }
    [a, b] = results;
  }, 240_000);
  afterAll(async () => {
    await sqlite.cleanup();
    if (PG_URL) await pg.cleanup();
  });

  it(`events, filters and event details${why}`, { skip: !run }, () => {
    expect(a.events.length).toBeGreaterThan(10);
    expect(b.events).toEqual(a.events);
    expect(b.filtered).toEqual(a.filtered);
    expect(b.shown).toEqual(a.shown);
  });
  it(`events sorted by every column both ways, page after page${why}`, { skip: !run }, () => {
    const goldstein = a.sorted['goldstein desc'] as { ids: string[] };
    expect(new Set(goldstein.ids).size).toBe(a.events.length);
    expect(b.sorted).toEqual(a.sorted);
  });
  it(`timelines of every dyad by day, week, month and year${why}`, { skip: !run }, () => {
    expect(Object.keys(a.timelines).length).toBeGreaterThan(4);
    expect(b.timelines).toEqual(a.timelines);
  });
  it(`actors and their offices${why}`, { skip: !run }, () => {
    expect(b.actors).toEqual(a.actors);
    expect(b.details).toEqual(a.details);
  });
  it(`full-text search with highlights${why}`, { skip: !run }, () => {
    expect(Object.values(a.hits).some((h) => (h as unknown[]).length > 0)).toBe(true);
    expect(b.hits).toEqual(a.hits);
  });
  it(`documents and the analyses read back${why}`, { skip: !run }, () => {
    expect(b.docs).toEqual(a.docs);
    expect(b.analyses).toEqual(a.analyses);
    expect(b.ledger).toEqual(a.ledger);
  });
});
