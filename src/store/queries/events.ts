// Events by actor, dyad, CAMEO root or code, PLOVER type, issue, place and date range; one
// row per real-world event with the evidence of its primary (earliest stored) source, sorted
// by day or another column in the store, so pages follow one order across the whole set.
import { sql, type ExpressionBuilder, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Store } from '../open.js';
import type { Tables } from '../schema.js';
import { chunks } from '../util.js';
import type { EventRecord, EventSortKey, Evidence } from './types.js';

export type { ActorRef, PlaceRef, Evidence, EventRecord, EventSortKey } from './types.js';

export interface EventFilters {
  /** One event by its id. */
  id?: string;
  /** An actor code (PAK) or ref (person:wang-yi), as source or target. */
  actor?: string;
  /** "PAK-CHN": events between the two, either way unless `directed`. */
  dyad?: string;
  directed?: boolean;
  root?: string;
  code?: string;
  plover?: string;
  /** An issue ref ("taiwan") or a word of its name. */
  issue?: string;
  /** A place name ("Beijing") or ref ("place:beijing"). */
  place?: string;
  /** Days, inclusive; a month or year ("2026-01", "2026") covers all its days. */
  from?: string;
  to?: string;
  /** Events reported by this document. */
  doc?: string;
  /** Default: by day, earliest first. */
  sort?: EventSort;
  limit?: number;
  offset?: number;
  /** Keyset paging: events after this one (its sort value and id) in the sort's order. */
  after?: { value: SortValue; id: string };
}

type SortValue = string | number | null;

/**
 * A column events sort by, as the query has it (no target or place is null here, as in
 * EventRecord) and as a record has it, for keyset paging.
 */
interface SortColumn {
  column: RawBuilder<unknown>;
  value: (e: EventRecord) => SortValue;
  /** Only these need the nulls in the keyset condition (which on others would stop an index seek). */
  nullable?: boolean;
}

const SORTS = {
  day: { column: sql.ref('events.day'), value: (e: EventRecord) => e.day },
  date: { column: sql.ref('events.date'), value: (e: EventRecord) => e.date, nullable: true },
  source: { column: sql.ref('events.source_code'), value: (e: EventRecord) => e.source.code },
  target: { column: sql`nullif(events.target_code, '')`, value: (e: EventRecord) => e.target?.code ?? null, nullable: true },
  code: { column: sql.ref('events.code'), value: (e: EventRecord) => e.code },
  quad: { column: sql.ref('events.quad_class'), value: (e: EventRecord) => e.quadClass },
  goldstein: { column: sql.ref('events.goldstein'), value: (e: EventRecord) => e.goldstein },
  plover: { column: sql.ref('events.plover'), value: (e: EventRecord) => e.plover, nullable: true },
  place: { column: sql`coalesce(places.name, nullif(events.place, ''))`, value: (e: EventRecord) => e.place?.name ?? null, nullable: true },
  sources: { column: sql.ref('events.n_sources'), value: (e: EventRecord) => e.sources },
} satisfies Record<EventSortKey, SortColumn>;

export const EVENT_SORTS = Object.keys(SORTS) as EventSortKey[];

/** Ties go by id, so pages never overlap; events without a value come last either way. */
export interface EventSort {
  by: EventSortKey;
  desc?: boolean;
}

export function parseDyad(dyad: string): [string, string] {
  const parts = dyad.split(/[-–>]/).map((s) => s.trim()).filter(Boolean);
  if (parts.length !== 2) throw new Error(`dyad "${dyad}": expected two actor codes like PAK-CHN`);
  return [parts[0].toUpperCase(), parts[1].toUpperCase()];
}

/** "2026-01" as an upper bound covers every day of January: '~' sorts after digits. */
export function upTo(to: string): string {
  return to + '~';
}

function where(eb: ExpressionBuilder<Tables, 'events'>, f: EventFilters): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (f.id) all.push(eb('events.id', '=', f.id));
  if (f.actor) {
    const a = f.actor;
    all.push(eb.or([
      eb('events.source_code', '=', a.toUpperCase()), eb('events.target_code', '=', a.toUpperCase()),
      eb('events.source_ref', '=', a), eb('events.target_ref', '=', a),
    ]));
  }
  if (f.dyad) {
    const [x, y] = parseDyad(f.dyad);
    const one = eb.and([eb('events.source_code', '=', x), eb('events.target_code', '=', y)]);
    all.push(f.directed ? one : eb.or([one, eb.and([eb('events.source_code', '=', y), eb('events.target_code', '=', x)])]));
  }
  if (f.root) all.push(eb('events.root', '=', f.root.padStart(2, '0')));
  if (f.code) all.push(eb('events.code', '=', f.code));
  if (f.plover) all.push(eb('events.plover', '=', f.plover.toUpperCase()));
  if (f.from) all.push(eb('events.day', '>=', f.from));
  if (f.to) all.push(eb('events.day', '<=', upTo(f.to)));
  if (f.place) {
    const p = f.place;
    all.push(eb('events.place', 'in', eb.selectFrom('places').select('places.ref').where((w) => w.or([
      w('places.ref', '=', p), w('places.ref', '=', `place:${p.toLowerCase()}`),
      w(w.fn('lower', ['places.name']), '=', p.toLowerCase()),
    ]))));
  }
  if (f.issue) {
    const i = f.issue.toLowerCase();
    all.push(eb.exists(eb.selectFrom('event_sources as s')
      .innerJoin('issue_sentences as i', (j) => j.onRef('i.doc_id', '=', 's.doc_id').onRef('i.sentence', '=', 's.sentence'))
      .innerJoin('issues', 'issues.ref', 'i.ref')
      .select(sql<number>`1`.as('one'))
      .whereRef('s.event_id', '=', 'events.id')
      .where((w) => w.or([w('issues.ref', '=', f.issue!), w(w.fn('lower', ['issues.name']), 'like', `%${i}%`)]))));
  }
  if (f.doc) {
    all.push(eb.exists(eb.selectFrom('event_sources as s').select(sql<number>`1`.as('one'))
      .whereRef('s.event_id', '=', 'events.id').where('s.doc_id', '=', f.doc!)));
  }
  return eb.and(all);
}

export async function countEvents(store: Store, f: EventFilters = {}): Promise<number> {
  const r = await store.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).where((eb) => where(eb, f)).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Every matching event, fetched a page at a time (keyset paging: flat memory on any store). */
export async function* eachEvent(store: Store, f: EventFilters = {}, page = 1000): AsyncGenerator<EventRecord> {
  let after = f.after;
  let left = f.limit ?? Infinity;
  const value = SORTS[f.sort?.by ?? 'day'].value;
  while (left > 0) {
    const rows = await queryEvents(store, { ...f, after, limit: Math.min(page, left), offset: undefined });
    for (const r of rows) yield r;
    if (rows.length < Math.min(page, left)) return;
    left -= rows.length;
    const last = rows[rows.length - 1];
    after = { value: value(last), id: last.id };
  }
}

/** Events after `after` in (column, id) order, nulls last. */
function afterKey(eb: ExpressionBuilder<any, any>, { column, nullable }: SortColumn, desc: boolean, { value, id }: NonNullable<EventFilters['after']>): Expression<SqlBool> {
  const nextId = eb('events.id', '>', id);
  if (value === null) return eb.and([eb(column, 'is', null), nextId]);
  const later = [eb(column, desc ? '<' : '>', value), eb.and([eb(column, '=', value), nextId])];
  return eb.or(nullable ? [...later, eb(column, 'is', null)] : later);
}

export async function queryEvents(store: Store, f: EventFilters = {}): Promise<EventRecord[]> {
  const { by, desc = false } = f.sort ?? { by: 'day' };
  const sort: SortColumn = SORTS[by];
  let q = store.db
    .selectFrom('events')
    .leftJoin('actors as sa', 'sa.ref', 'events.source_ref')
    .leftJoin('actors as ta', 'ta.ref', 'events.target_ref')
    .leftJoin('places', 'places.ref', 'events.place')
    .selectAll('events')
    .select(['sa.name as source_name', 'sa.country as source_country', 'ta.name as target_name', 'ta.country as target_country', 'places.name as place_name', 'places.country as place_country', 'places.lat', 'places.lon'])
    .where((eb) => where(eb, f))
    .$if(!!f.after, (qb) => qb.where((eb) => afterKey(eb, sort, desc, f.after!)))
    .orderBy(sort.column, (ob) => (desc ? ob.desc() : ob.asc()).nullsLast())
    .orderBy('events.id');
  if (f.limit !== undefined) q = q.limit(f.limit);
  if (f.offset) q = q.offset(f.offset).$if(f.limit === undefined, (qb) => qb.limit(Number.MAX_SAFE_INTEGER));
  const rows = await q.execute();
  const evidence = await primaryEvidence(store, rows.map((r) => ({ id: r.id, doc: r.primary_doc })));
  return rows.map((r) => ({
    id: r.id,
    day: r.day,
    date: r.date,
    source: { code: r.source_code, ref: r.source_ref, name: r.source_name ?? null, country: r.source_country ?? null },
    target: r.target_code ? { code: r.target_code, ref: r.target_ref, name: r.target_name ?? null, country: r.target_country ?? null } : null,
    code: r.code,
    root: r.root,
    quadClass: r.quad_class,
    goldstein: r.goldstein,
    plover: r.plover,
    modality: r.modality,
    negated: !!r.negated,
    place: r.place ? { ref: r.place, name: r.place_name ?? r.place, country: r.place_country ?? null, lat: r.lat ?? null, lon: r.lon ?? null } : null,
    sources: r.n_sources,
    documents: r.n_docs,
    counted: !!r.counted,
    evidence: evidence.get(r.id)!,
  }));
}

/** The first sentence of the primary document that reports each event. */
async function primaryEvidence(store: Store, evs: { id: string; doc: string }[]): Promise<Map<string, Evidence>> {
  const out = new Map<string, Evidence>();
  const docOf = new Map(evs.map((e) => [e.id, e.doc]));
  for (const part of chunks(evs.map((e) => e.id), 500)) {
    const rows = await store.db
      .selectFrom('event_sources as s')
      .innerJoin('documents as d', 'd.id', 's.doc_id')
      .select(['s.event_id', 's.doc_id', 's.idx', 's.sentence', 's.sentence_text', 's.trigger_start', 's.trigger_end', 's.trigger_text', 'd.url', 'd.title', 'd.published'])
      .where('s.event_id', 'in', part)
      .orderBy('s.idx')
      .execute();
    for (const r of rows) {
      if (out.has(r.event_id) || docOf.get(r.event_id) !== r.doc_id) continue;
      out.set(r.event_id, {
        doc: r.doc_id, url: r.url, title: r.title, published: r.published, sentence: r.sentence, text: r.sentence_text,
        trigger: { start: r.trigger_start, end: r.trigger_end, text: r.trigger_text },
      });
    }
  }
  return out;
}
