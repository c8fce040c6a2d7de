// Full-text search over sentences: FTS5 in SQLite, a tsvector in PostgreSQL. Both split words
// the same way (no stemming), and results come in one order (newest report first, then
// document and sentence), so the two stores answer alike.
import { sql } from 'kysely';
import type { Store } from '../open.js';

export interface SearchHit {
  doc: string;
  sentence: number;
  published: string | null;
  title: string | null;
  text: string;
  /** The sentence with each matching word between « and ». */
  highlighted: string;
}

export const MARK_OPEN = '«';
export const MARK_CLOSE = '»';

/** Words of the query; a trailing * makes a prefix ("Gwad*"). */
export function queryWords(q: string): { word: string; prefix: boolean }[] {
  return [...q.matchAll(/([\p{L}\p{N}]+)(\*)?/gu)].map((m) => ({ word: m[1].toLowerCase(), prefix: !!m[2] }));
}

export async function search(store: Store, query: string, opts: { limit?: number; doc?: string } = {}): Promise<SearchHit[]> {
  const words = queryWords(query);
  if (!words.length) return [];
  const limit = opts.limit ?? 50;
  if (store.dialect === 'sqlite') {
    const match = words.map((w) => `"${w.word}"${w.prefix ? '*' : ''}`).join(' ');
    const rows = await sql<{ doc_id: string; idx: number; published: string | null; title: string | null; text: string; hl: string }>`
      select s.doc_id, s.idx, d.published, d.title, s.text,
             highlight(sentences_fts, 0, ${MARK_OPEN}, ${MARK_CLOSE}) as hl
      from sentences_fts f
      join sentences s on s.id = f.rowid
      join documents d on d.id = s.doc_id
      where sentences_fts match ${match} ${opts.doc ? sql`and s.doc_id = ${opts.doc}` : sql``}
      order by d.published desc, s.doc_id, s.idx
      limit ${limit}`.execute(store.db);
    return rows.rows.map((r) => ({ doc: r.doc_id, sentence: r.idx, published: r.published, title: r.title, text: r.text, highlighted: r.hl }));
  }
  const tsq = words.map((w) => `${w.word}${w.prefix ? ':*' : ''}`).join(' & ');
  const rows = await sql<{ doc_id: string; idx: number; published: string | null; title: string | null; text: string; hl: string }>`
    select s.doc_id, s.idx, d.published, d.title, s.text,
           ts_headline('simple', s.text, to_tsquery('simple', ${tsq}),
                       ${`StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, HighlightAll=true`}) as hl
    from sentences s
    join documents d on d.id = s.doc_id
    where s.tsv @@ to_tsquery('simple', ${tsq}) ${opts.doc ? sql`and s.doc_id = ${opts.doc}` : sql``}
    order by d.published desc nulls last, s.doc_id, s.idx
    limit ${limit}`.execute(store.db);
  return rows.rows.map((r) => ({ doc: r.doc_id, sentence: r.idx, published: r.published, title: r.title, text: r.text, highlighted: r.hl }));
}
