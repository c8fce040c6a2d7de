// Multi-row inserts for ingest's bulk rows (sentences, mentions, event sources …): the SQL is
// written once per table and row count and run through Kysely as a compiled query. Kysely's
// builder would make an operation-node tree per value — most of ingest's time and garbage —
// for rows whose shape never varies. Full chunks repeat the same text, so SQLite's prepared
// statement is reused too.
import { CompiledQuery, type Kysely } from 'kysely';
import type { Dialect } from './open.js';

// Rows per statement: SQLite and PostgreSQL both cap bound parameters; 8,000 stays under both.
const PARAMS = 8000;
const texts = new Map<string, string>();

function statement(dialect: Dialect, table: string, cols: string[], rows: number, conflict: string): string {
  const key = `${dialect}|${table}|${cols.join(',')}|${rows}|${conflict}`;
  let text = texts.get(key);
  if (!text) {
    let n = 0;
    const row = () => '(' + cols.map(() => (dialect === 'postgres' ? `$${++n}` : '?')).join(', ') + ')';
    const values = Array.from({ length: rows }, row).join(', ');
    text = `insert into "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) values ${values}${conflict}`;
    if (texts.size > 200) texts.clear();
    texts.set(key, text);
  }
  return text;
}

/** Inserts rows that all have the same columns; `ignoreOn` skips rows whose key column exists. */
export async function bulkInsert(
  db: Kysely<any>, dialect: Dialect, table: string, rows: object[], ignoreOn?: string,
): Promise<void> {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]);
  const per = Math.max(1, Math.floor(PARAMS / cols.length));
  const conflict = ignoreOn ? ` on conflict ("${ignoreOn}") do nothing` : '';
  for (let i = 0; i < rows.length; i += per) {
    const part = rows.slice(i, i + per);
    const params: unknown[] = [];
    for (const r of part) for (const c of cols) params.push((r as Record<string, unknown>)[c] ?? null);
    await db.executeQuery(CompiledQuery.raw(statement(dialect, table, cols, part.length, conflict), params));
  }
}
