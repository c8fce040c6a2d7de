// POST /api/documents: a report in any shape the readers take (JSON {id?, url?, published,
// title?, text | html}, a JSON array or JSON Lines of them, plain text in the seed's shape or
// not, HTML, RSS/Atom), read, analysed and stored like `entente ingest`.
import { readBytes } from '../document/read.js';
import type { RawDocument } from '../document/types.js';
import { documentKey, ingestDocuments, inlineAnalyser, type Store } from '../store/index.js';
import { HttpError } from './errors.js';
import { LIMITS } from './schemas.js';
import type { PostResult, StoredDocument } from './responses.js';

export interface PostOptions {
  /** For a single non-JSON document: its id (else a hash of its text), date, title, URL. */
  id?: string;
  published?: string;
  title?: string;
  url?: string;
  /** A file name, for messages and the default id ("report.txt" → "report"). */
  name?: string;
  maxBytes: number;
}

function origin(o: PostOptions): string {
  return o.name ?? 'request body';
}

/** Reads the body into documents; none readable is a 400 with every reason. */
export async function readBody(body: Buffer, o: PostOptions): Promise<{ docs: RawDocument[]; failed: PostResult['failed'] }> {
  const docs: RawDocument[] = [];
  const failed: PostResult['failed'] = [];
  // '-' reads like standard input: no id of its own, so the store keys it by a hash of its text
  const name = o.name ?? '-';
  for await (const item of readBytes(body, name, { maxBytes: o.maxBytes })) {
    if ('error' in item) failed.push({ origin: item.error.origin === '-' ? origin(o) : item.error.origin, reason: item.error.reason });
    else docs.push(item.doc);
    if (docs.length + failed.length > LIMITS.maxPostDocuments) {
      throw new HttpError(413, `at most ${LIMITS.maxPostDocuments} documents per request; use \`entente ingest\` for batches`);
    }
  }
  if (docs.length === 1 && (o.id || o.published || o.title || o.url)) {
    const d = docs[0];
    if (o.id) d.id = o.id;
    if (o.published) {
      d.published = o.published;
      d.warnings = d.warnings.filter((w) => !/published date/i.test(w));
    }
    if (o.title) d.title = o.title;
    if (o.url) d.url = o.url;
  }
  if (!docs.length) {
    const why = failed.map((f) => `${f.origin}: ${f.reason}`).join('; ') || 'no document found';
    throw new HttpError(400, `the body holds no readable document (${why})`);
  }
  return { docs, failed };
}

/** Analyses and stores the documents; returns what happened to each. */
export async function storeDocuments(store: Store, docs: RawDocument[], failedToRead: PostResult['failed']): Promise<PostResult> {
  const failed = [...failedToRead];
  const warnings: PostResult['warnings'] = [];
  const keys = docs.map((d) => documentKey(d));
  const before = new Map(
    (await store.db.selectFrom('documents').select(['id', 'content_hash']).where('id', 'in', keys).execute()).map((r) => [r.id, r.content_hash]),
  );
  const analyser = inlineAnalyser();
  const failedOrigins = new Set<string>();
  async function* items() {
    for (const doc of docs) yield { doc };
  }
  try {
    await ingestDocuments(store, items(), {
      analyser,
      onError: (o, reason) => {
        failedOrigins.add(o);
        failed.push({ origin: o === '-' ? 'request body' : o, reason });
      },
      onWarning: (o, warning) => warnings.push({ origin: o === '-' ? 'request body' : o, warning }),
    });
  } finally {
    await analyser.close();
  }
  const rows = await store.db.selectFrom('documents').select(['id', 'title', 'published', 'content_hash', 'n_sentences', 'n_events']).where('id', 'in', keys).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: StoredDocument[] = [];
  const seen = new Set<string>();
  docs.forEach((d, i) => {
    const r = byId.get(keys[i]);
    if (!r || seen.has(r.id) || failedOrigins.has(d.origin)) return;
    seen.add(r.id);
    out.push({
      id: r.id, title: r.title, published: r.published,
      status: before.get(r.id) === r.content_hash ? 'unchanged' : 'stored',
      sentences: r.n_sentences, events: r.n_events,
    });
  });
  if (!out.length) throw new HttpError(422, `no document could be stored (${failed.map((f) => `${f.origin}: ${f.reason}`).join('; ')})`);
  return { documents: out, failed, warnings };
}
