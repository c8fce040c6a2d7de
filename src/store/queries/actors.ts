// Actors as the documents name them: who they are, the offices people held over time (each
// with the sentences that say so), and how often they appear.
import { sql } from 'kysely';
import type { Store } from '../open.js';
import type { ActorsTable } from '../schema.js';
import { parseJsonList } from '../util.js';

/** A stored actor (person as a boolean, not the column's 0/1) and how often it is named. */
export interface ActorSummary extends Omit<ActorsTable, 'person'> {
  person: boolean;
  documents: number;
  /** Offices seen, earliest first. */
  offices: string[];
}

export interface ActorFilters {
  /** Country or actor code ("PAK"). */
  country?: string;
  /** A word of an office ("Foreign Minister"). */
  office?: string;
  /** Only people. */
  people?: boolean;
  limit?: number;
}

export interface OfficeHeld {
  office: string;
  /** First and last publication dates of the reports that give the office. */
  from: string | null;
  to: string | null;
  documents: number;
  evidence: { doc: string; published: string | null; sentence: number | null; text: string | null }[];
}

export interface ActorDetail extends ActorSummary {
  aliases: string[];
  officesHeld: OfficeHeld[];
  /** Events with this actor as source or target. */
  events: number;
}

export async function listActors(store: Store, f: ActorFilters = {}): Promise<ActorSummary[]> {
  let q = store.db
    .selectFrom('actors as a')
    .innerJoin('doc_actors as da', 'da.ref', 'a.ref')
    .select(['a.ref', 'a.code', 'a.name', 'a.country', 'a.org', 'a.sector', 'a.person'])
    .select((eb) => eb.fn.count<number>('da.doc_id').as('documents'))
    .groupBy(['a.ref', 'a.code', 'a.name', 'a.country', 'a.org', 'a.sector', 'a.person'])
    .orderBy('documents', 'desc')
    .orderBy('a.ref');
  if (f.country) {
    const c = f.country.toUpperCase();
    q = q.where((eb) => eb.or([eb('a.country', '=', c), eb('a.code', '=', c)]));
  }
  if (f.people) q = q.where('a.person', '=', 1);
  if (f.office) {
    const o = `%${f.office.toLowerCase()}%`;
    q = q.where((eb) => eb.exists(eb.selectFrom('doc_actors as o').select(sql<number>`1`.as('one'))
      .whereRef('o.ref', '=', 'a.ref').where(sql<string>`lower(o.office)`, 'like', o)));
  }
  if (f.limit) q = q.limit(f.limit);
  const rows = await q.execute();
  const offices = await officesOf(store, rows.map((r) => r.ref));
  return rows.map((r) => ({
    ref: r.ref, code: r.code, name: r.name, country: r.country, org: r.org, sector: r.sector, person: !!r.person,
    documents: Number(r.documents), offices: (offices.get(r.ref) ?? []).map((o) => o.office),
  }));
}

async function officesOf(store: Store, refs: string[]): Promise<Map<string, OfficeHeld[]>> {
  const out = new Map<string, OfficeHeld[]>();
  if (!refs.length) return out;
  const rows = await store.db
    .selectFrom('doc_actors as da')
    .innerJoin('documents as d', 'd.id', 'da.doc_id')
    .leftJoin('sentences as s', (j) => j.onRef('s.doc_id', '=', 'da.doc_id').onRef('s.idx', '=', 'da.sentence'))
    .select(['da.ref', 'da.office', 'da.doc_id', 'da.sentence', 'd.published', 's.text'])
    .where('da.ref', 'in', refs)
    .where('da.office', 'is not', null)
    // nulls sort first in SQLite and last in PostgreSQL: make them agree
    .orderBy(sql`coalesce(d.published, '')`)
    .orderBy('da.doc_id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.ref) ?? [];
    out.set(r.ref, list);
    let held = list.find((o) => o.office === r.office);
    if (!held) {
      held = { office: r.office!, from: r.published, to: r.published, documents: 0, evidence: [] };
      list.push(held);
    }
    held.documents++;
    if (r.published && (!held.from || r.published < held.from)) held.from = r.published;
    if (r.published && (!held.to || r.published > held.to)) held.to = r.published;
    if (held.evidence.length < 5) held.evidence.push({ doc: r.doc_id, published: r.published, sentence: r.sentence, text: r.text ?? null });
  }
  return out;
}

/** An actor by ref, name, alias or code; the most often named when several fit. */
export async function getActor(store: Store, which: string): Promise<ActorDetail | null> {
  const w = which.trim();
  const lower = w.toLowerCase();
  const byRef = await store.db.selectFrom('actors').select('ref').where('ref', '=', w).execute();
  let refs = byRef.map((r) => r.ref);
  if (!refs.length) {
    const byName = await store.db.selectFrom('actors').select('ref').where((eb) => eb(eb.fn('lower', ['name']), '=', lower)).execute();
    refs = byName.map((r) => r.ref);
  }
  if (!refs.length) {
    // aliases are JSON lists per document: a LIKE narrows, the parse decides
    const rows = await store.db.selectFrom('doc_actors').select(['ref', 'aliases'])
      .where((eb) => eb(eb.fn('lower', ['aliases']), 'like', `%${lower}%`)).execute();
    refs = [...new Set(rows.filter((r) => parseJsonList(r.aliases).some((a) => a.toLowerCase() === lower)).map((r) => r.ref))];
  }
  if (!refs.length) {
    const byCode = await store.db.selectFrom('actors').select('ref').where('code', '=', w.toUpperCase()).where('ref', '=', w.toUpperCase()).execute();
    refs = byCode.map((r) => r.ref);
  }
  if (!refs.length) return null;
  const summaries = (await listActors(store)).filter((a) => refs.includes(a.ref));
  const best = summaries[0];
  if (!best) return null;
  const docs = await store.db.selectFrom('doc_actors').select('aliases').where('ref', '=', best.ref).execute();
  const aliases = [...new Set(docs.flatMap((d) => parseJsonList(d.aliases)))].sort();
  const ev = await store.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => eb.or([eb('source_ref', '=', best.ref), eb('target_ref', '=', best.ref)])).executeTakeFirst();
  return { ...best, aliases, officesHeld: (await officesOf(store, [best.ref])).get(best.ref) ?? [], events: Number(ev?.n ?? 0) };
}
