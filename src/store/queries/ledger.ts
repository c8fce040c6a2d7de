// What the ledger features read back: commitments, dialogue series, and whole analyses.
import type { Analysis, SeriesOut } from '../../analysis/types.js';
import { sql } from 'kysely';
import type { Store } from '../open.js';
import { parseJsonList, chunks } from '../util.js';
import { unpackAnalysis } from '../pack.js';

/** A commitment as one stored report states it; `status` is that report's own reading at its
 * publication. The ledger (src/ledger/status.ts) reads status across every stored report. */
export interface StoredCommitment {
  doc: string;
  published: string | null;
  parties: string[];
  action: string;
  due: string | null;
  place: string | null;
  sentence: number;
  text: string | null;
  status: string;
}

export async function listCommitments(store: Store, f: { party?: string; status?: string; doc?: string } = {}): Promise<StoredCommitment[]> {
  let q = store.db.selectFrom('commitments as c')
    .innerJoin('documents as d', 'd.id', 'c.doc_id')
    .leftJoin('sentences as s', (j) => j.onRef('s.doc_id', '=', 'c.doc_id').onRef('s.idx', '=', 'c.sentence'))
    .select(['c.doc_id', 'd.published', 'c.parties', 'c.action', 'c.due', 'c.place', 'c.sentence', 's.text', 'c.status'])
    .orderBy(sql`coalesce(d.published, '')`).orderBy('c.doc_id').orderBy('c.idx');
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.doc) q = q.where('c.doc_id', '=', f.doc);
  if (f.party) q = q.where('c.parties', 'like', `%"${f.party}"%`);
  return (await q.execute()).map((r) => ({
    doc: r.doc_id, published: r.published, parties: parseJsonList(r.parties), action: r.action, due: r.due,
    place: r.place, sentence: r.sentence, text: r.text ?? null, status: r.status,
  }));
}

/** A series round as one stored report gives it. */
export interface SeriesRecord extends SeriesOut {
  doc: string;
  published: string | null;
}

export async function listSeries(store: Store, f: { name?: string; party?: string } = {}): Promise<SeriesRecord[]> {
  let q = store.db.selectFrom('series as s').innerJoin('documents as d', 'd.id', 's.doc_id')
    .selectAll('s').select('d.published')
    .orderBy('s.name').orderBy(sql`coalesce(s.round, -1)`).orderBy(sql`coalesce(s.date, '')`).orderBy('s.doc_id').orderBy('s.idx');
  if (f.name) q = q.where((eb) => eb(eb.fn('lower', ['s.name']), 'like', `%${f.name!.toLowerCase()}%`));
  if (f.party) q = q.where('s.parties', 'like', `%"${f.party}"%`);
  return (await q.execute()).map((r) => ({
    doc: r.doc_id, published: r.published, name: r.name, parties: parseJsonList(r.parties), round: r.round,
    date: r.date, place: r.place, cochairs: parseJsonList(r.cochairs),
    next: r.next_round !== null || r.next_due !== null || r.next_place !== null ? { round: r.next_round, due: r.next_due, place: r.next_place } : null,
  }));
}

/** The stored analyses, in the order they were first stored (all, or those with the given ids). */
export async function* loadAnalyses(store: Store, f: { ids?: string[] } = {}): AsyncGenerator<Analysis> {
  if (f.ids) {
    for (const part of chunks(f.ids, 200)) {
      const rows = await store.db.selectFrom('documents').select(['analysis', 'text', 'seq']).where('id', 'in', part).orderBy('seq').orderBy('id').execute();
      for (const r of rows) yield unpackAnalysis(r.analysis, r.text);
    }
    return;
  }
  // pages by (seq, id), so memory stays flat on a large store (concurrent ingests into
  // PostgreSQL may give two documents one seq)
  let after: { seq: number; id: string } | null = null;
  for (;;) {
    const a: { seq: number; id: string } | null = after;
    const rows: { analysis: string; text: string; seq: number; id: string }[] = await store.db.selectFrom('documents').select(['analysis', 'text', 'seq', 'id'])
      .$if(a !== null, (q) => q.where((eb) => eb.or([eb('seq', '>', a!.seq), eb.and([eb('seq', '=', a!.seq), eb('id', '>', a!.id)])])))
      .orderBy('seq').orderBy('id').limit(200).execute();
    if (!rows.length) return;
    for (const r of rows) yield unpackAnalysis(r.analysis, r.text);
    const last: { seq: number; id: string } = rows[rows.length - 1];
    after = { seq: last.seq, id: last.id };
  }
}
