// Opening a store: a SQLite file (the default, ./entente.db) or a PostgreSQL URL, behind one
// Kysely instance. Migrations run on open, so a new file or empty database is ready at once.
import Database from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import { resolve } from 'node:path';
import type { Tables } from './schema.js';
import { migrate } from './migrations.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Tables>;
  dialect: Dialect;
  /** The file path or URL it was opened with (a URL's password is not kept). */
  location: string;
}

export const DEFAULT_DB = 'entente.db';

/** --db, else ENTENTE_DB, else ./entente.db. */
export function storeLocation(given?: string): string {
  return given || process.env.ENTENTE_DB || DEFAULT_DB;
}

export function isPostgresUrl(s: string): boolean {
  return /^postgres(ql)?:\/\//i.test(s);
}

// pg hands back 64-bit integers and numerics as strings; our counts and sums fit a double.
const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export async function openStore(location: string = storeLocation()): Promise<Store> {
  let store: Store;
  if (isPostgresUrl(location)) {
    const pool = new pg.Pool({ connectionString: location, types, max: 4 });
    // fail now with a clear message rather than on the first query
    const client = await pool.connect().catch(async (e: Error) => {
      await pool.end().catch(() => {});
      throw new Error(`cannot connect to ${redact(location)}: ${e.message}`);
    });
    client.release();
    store = { db: new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres', location: redact(location) };
  } else {
    const file = resolve(location);
    let database: Database.Database;
    try {
      database = new Database(file);
    } catch (e) {
      throw new Error(`cannot open ${file}: ${(e as Error).message}`);
    }
    // WAL: readers never block the writer; NORMAL sync is crash-safe for a killed process
    // (a committed transaction survives it; only a power cut may lose the last ones).
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 10000');
    database.pragma('cache_size = -65536');
    store = { db: new Kysely<Tables>({ dialect: new SqliteDialect({ database: cachingStatements(database) }) }), dialect: 'sqlite', location: file };
  }
  try {
    await migrate(store.db, store.dialect);
  } catch (e) {
    await store.db.destroy();
    throw e;
  }
  return store;
}

export async function close(store: Store): Promise<void> {
  await store.db.destroy();
}

/**
 * Kysely prepares every query anew; preparing costs more than running a small insert, and
 * ingest runs the same few statements thousands of times. Keep the prepared ones.
 */
function cachingStatements(database: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  // multi-row inserts are long and large once prepared: a few of them (the full chunks of
  // each table, which repeat) in a small cache of their own
  const long = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      const which = text.length <= 4096 ? cache : long;
      let st = which.get(text);
      if (!st) {
        st = database.prepare(text);
        if (which.size >= (which === cache ? 500 : 24)) which.clear();
        which.set(text, st);
      }
      return st as unknown as ReturnType<SqliteDatabase['prepare']>;
    },
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}
