// Shared by the store tests: stores to test against (SQLite always; PostgreSQL when
// ENTENTE_TEST_PG names a server, each test file in a database of its own), ingesting
// inputs with the inline analyser, and a snapshot of what a store holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { readInputs } from '../src/document/read.js';
import { DEFAULT_MAX_BYTES } from '../src/document/types.js';
import { loadLexicons } from '../src/pipeline.js';
import { openStore, close, ingestDocuments, inlineAnalyser, type Store } from '../src/store/index.js';

export const PG_URL = process.env.ENTENTE_TEST_PG ?? '';
/** Appended to the names of PostgreSQL tests, so a skip says why. */
export const NEEDS_PG = PG_URL ? '' : ' (skipped: set ENTENTE_TEST_PG=postgres://… to run against PostgreSQL; .ci/run does)';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A new, empty store location. */
  fresh(): Promise<string>;
  cleanup(): Promise<void>;
}

export function sqliteBackend(): Backend {
  // made on first use: a suite whose tests all skip runs no afterAll to remove it
  let dir = '';
  let n = 0;
  return {
    name: 'sqlite',
    fresh: async () => join((dir ||= mkdtempSync(join(tmpdir(), 'entente-store-'))), `s${n++}.db`),
    cleanup: async () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresBackend(): Backend {
  const made: string[] = [];
  const admin = () => new pg.Client({ connectionString: PG_URL });
  return {
    name: 'postgres',
    async fresh() {
      const name = `entente_test_${process.pid}_${Date.now().toString(36)}_${made.length}`;
      const c = admin();
      await c.connect();
      await c.query(`create database ${name}`);
      await c.end();
      made.push(name);
      const u = new URL(PG_URL);
      u.pathname = '/' + name;
      return u.toString();
    },
    async cleanup() {
      const c = admin();
      await c.connect();
      for (const name of made) await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function backends(): Backend[] {
  return PG_URL ? [sqliteBackend(), postgresBackend()] : [sqliteBackend()];
}

export async function ingestPaths(store: Store, paths: string[]) {
  loadLexicons();
  const errors: string[] = [];
  const p = await ingestDocuments(store, readInputs(paths, { maxBytes: DEFAULT_MAX_BYTES }), {
    analyser: inlineAnalyser(),
    onError: (origin, reason) => errors.push(`${origin}: ${reason}`),
  });
  return { ...p, errors };
}

export async function withStore<T>(url: string, f: (s: Store) => Promise<T>): Promise<T> {
  const s = await openStore(url);
  try {
    return await f(s);
  } finally {
    await close(s);
  }
}

const r6 = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);

/** Everything that defines a store's content, in a stable order (float sums rounded). */
export async function snapshot(s: Store) {
  const db = s.db;
  return {
    documents: await db.selectFrom('documents').select(['id', 'content_hash', 'published', 'dup_of', 'similarity', 'n_sentences', 'n_events', 'analysis']).orderBy('id').execute(),
    events: await db.selectFrom('events').selectAll().orderBy('id').execute(),
    sources: await db.selectFrom('event_sources').select(['event_id', 'doc_id', 'idx', 'sentence', 'code']).orderBy('doc_id').orderBy('idx').execute(),
    sentences: (await db.selectFrom('sentences').select(['doc_id', 'idx', 'text']).orderBy('doc_id').orderBy('idx').execute()).length,
    mentions: (await db.selectFrom('mentions').select(['doc_id']).execute()).length,
    actors: await db.selectFrom('doc_actors').select(['doc_id', 'ref', 'office']).orderBy('doc_id').orderBy('ref').execute(),
    rollup: (await db.selectFrom('rollup_daily').selectAll().orderBy('source_code').orderBy('target_code').orderBy('day').orderBy('quad_class').execute())
      .map((r) => ({ ...r, goldstein_sum: r6(r.goldstein_sum) })),
  };
}
