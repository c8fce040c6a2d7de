// Queries the HTTP API needs that src/store/ does not offer (yet): the list of documents, the
// network of who deals with whom, event places for the map, and the issues. They use the same
// Store (one Kysely instance over SQLite or PostgreSQL), so they answer alike on both.
import { sql } from 'kysely';
import type { Store } from '../store/index.js';
import type { DocumentPage, IssueSummary, MapPlace, Network, NetworkEdge } from './responses.js';

/** Documents, newest report first (undated last), optionally those whose id or title has `q`. */
export async function listDocuments(store: Store, f: { q?: string; limit: number; offset: number }): Promise<Omit<DocumentPage, 'limit' | 'offset'>> {
  const like = f.q ? `%${f.q.toLowerCase()}%` : null;
  let count = store.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n'));
  let q = store.db.selectFrom('documents')
    .select(['id', 'url', 'published', 'title', 'format', 'n_sentences', 'n_events', 'dup_of'])
    .orderBy(sql`case when published is null then 1 else 0 end`)
    .orderBy('published', 'desc')
    .orderBy('seq', 'desc')
    .limit(f.limit)
    .offset(f.offset);
  if (like) {
    const cond = (eb: any) => eb.or([eb(eb.fn('lower', ['id']), 'like', like), eb(eb.fn('lower', [eb.fn.coalesce('title', eb.val(''))]), 'like', like)]);
    q = q.where(cond);
    count = count.where(cond);
  }
  const [rows, n] = await Promise.all([q.execute(), count.executeTakeFirst()]);
  return {
    total: Number(n?.n ?? 0),
    documents: rows.map((r) => ({
      id: r.id, url: r.url, published: r.published, title: r.title, format: r.format,
      sentences: r.n_sentences, events: r.n_events, copyOf: r.dup_of,
    })),
  };
}

/** Documents stored and the last storage order: changes whenever anything is stored. */
export async function storeVersion(store: Store): Promise<string> {
  const r = await store.db.selectFrom('documents')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('seq').as('seq')])
    .executeTakeFirst();
  return `${Number(r?.n ?? 0)}:${Number(r?.seq ?? 0)}`;
}

/**
 * Who deals with whom: directed dyads (source code → target code) with their event counts, the
 * `limit` busiest, from the daily roll-ups (so it stays cheap on a large store).
 */
export async function network(store: Store, f: { from?: string; to?: string; actor?: string; limit: number }): Promise<Network> {
  let q = store.db.selectFrom('rollup_daily')
    .select(['source_code', 'target_code', 'quad_class'])
    .select((eb) => [eb.fn.sum<number>('n').as('n'), eb.fn.sum<number>('goldstein_sum').as('g')])
    .where('target_code', '!=', '')
    .where((eb) => eb('source_code', '!=', eb.ref('target_code')))
    .groupBy(['source_code', 'target_code', 'quad_class']);
  if (f.from) q = q.where('day', '>=', f.from);
  if (f.to) q = q.where('day', '<=', f.to + '~');
  if (f.actor) {
    const a = f.actor.toUpperCase();
    q = q.where((eb) => eb.or([eb('source_code', '=', a), eb('target_code', '=', a)]));
  }
  const rows = await q.execute();
  const edges = new Map<string, NetworkEdge & { g: number }>();
  for (const r of rows) {
    const key = `${r.source_code}\u0000${r.target_code}`;
    let e = edges.get(key);
    if (!e) {
      e = { source: r.source_code, target: r.target_code, events: 0, quad: [0, 0, 0, 0], goldsteinMean: 0, g: 0 };
      edges.set(key, e);
    }
    const n = Number(r.n);
    if (r.quad_class >= 1 && r.quad_class <= 4) e.quad[r.quad_class - 1] += n;
    e.events += n;
    e.g += Number(r.g);
  }
  const top = [...edges.values()].sort((x, y) => y.events - x.events || x.source.localeCompare(y.source) || x.target.localeCompare(y.target)).slice(0, f.limit);
  const counts = new Map<string, number>();
  for (const e of top) {
    counts.set(e.source, (counts.get(e.source) ?? 0) + e.events);
    counts.set(e.target, (counts.get(e.target) ?? 0) + e.events);
  }
  const names = await codeNames(store, [...counts.keys()]);
  return {
    nodes: [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .map(([code, events]) => ({ code, name: names.get(code) ?? code, events })),
    edges: top.map(({ g, ...e }) => ({ ...e, goldsteinMean: e.events ? Math.round((g / e.events) * 100) / 100 : 0 })),
  };
}

/** A readable name for each actor code: the state or organisation itself when stored, else the most frequent name. */
async function codeNames(store: Store, codes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!codes.length) return out;
  const rows = await store.db.selectFrom('actors').select(['ref', 'code', 'name', 'person']).where('code', 'in', codes).execute();
  for (const r of rows) if (r.ref === r.code) out.set(r.code, r.name);
  for (const r of rows) if (!out.has(r.code) && !r.person) out.set(r.code, r.name);
  return out;
}

/** Places of events that have coordinates, with their event counts (the same filters as events, by date and actor). */
export async function mapPlaces(store: Store, f: { from?: string; to?: string; actor?: string; limit: number }): Promise<MapPlace[]> {
  let q = store.db.selectFrom('events')
    .innerJoin('places', 'places.ref', 'events.place')
    .select(['places.ref', 'places.name', 'places.country', 'places.lat', 'places.lon', 'events.quad_class'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('places.lat', 'is not', null)
    .where('places.lon', 'is not', null)
    .groupBy(['places.ref', 'places.name', 'places.country', 'places.lat', 'places.lon', 'events.quad_class']);
  if (f.from) q = q.where('events.day', '>=', f.from);
  if (f.to) q = q.where('events.day', '<=', f.to + '~');
  if (f.actor) {
    const a = f.actor.toUpperCase();
    q = q.where((eb) => eb.or([eb('events.source_code', '=', a), eb('events.target_code', '=', a)]));
  }
  const byRef = new Map<string, MapPlace>();
  for (const r of await q.execute()) {
    let p = byRef.get(r.ref);
    if (!p) {
      p = { ref: r.ref, name: r.name, country: r.country, lat: Number(r.lat), lon: Number(r.lon), events: 0, quad: [0, 0, 0, 0] };
      byRef.set(r.ref, p);
    }
    const n = Number(r.n);
    if (r.quad_class >= 1 && r.quad_class <= 4) p.quad[r.quad_class - 1] += n;
    p.events += n;
  }
  return [...byRef.values()].sort((x, y) => y.events - x.events || x.ref.localeCompare(y.ref)).slice(0, f.limit);
}

export async function listIssues(store: Store, f: { limit: number }): Promise<IssueSummary[]> {
  const rows = await store.db.selectFrom('issues')
    .innerJoin('issue_sentences as s', 's.ref', 'issues.ref')
    .select(['issues.ref', 'issues.name'])
    .select((eb) => [eb.fn.count<number>('s.doc_id').distinct().as('docs'), eb.fn.countAll<number>().as('n')])
    .groupBy(['issues.ref', 'issues.name'])
    .orderBy('docs', 'desc')
    .orderBy('issues.ref')
    .limit(f.limit)
    .execute();
  return rows.map((r) => ({ ref: r.ref, name: r.name, documents: Number(r.docs), sentences: Number(r.n) }));
}

/** Local event ids of a document ("doc:e3") → stored event ids ("ev-…"). */
export async function storedEventIds(store: Store, doc: string): Promise<Record<string, string>> {
  const rows = await store.db.selectFrom('event_sources').select(['local_id', 'event_id']).where('doc_id', '=', doc).execute();
  return Object.fromEntries(rows.map((r) => [r.local_id, r.event_id]));
}
