// One event with every source that reports it, or one document with its events and copies:
// the evidence behind an answer.
import type { Store } from '../open.js';
import { queryEvents } from './events.js';
import type { DocumentDetail, EventDetail } from './types.js';

export type { DocumentDetail, EventDetail, EventSource } from './types.js';

export async function getEvent(store: Store, id: string): Promise<EventDetail | null> {
  const [e] = await queryEvents(store, { id });
  if (!e) return null;
  const rows = await store.db
    .selectFrom('event_sources as s')
    .innerJoin('documents as d', 'd.id', 's.doc_id')
    .selectAll('s')
    .select(['d.url', 'd.title', 'd.published', 'd.dup_of', 'd.seq'])
    .where('s.event_id', '=', id)
    .orderBy('d.seq')
    .orderBy('s.doc_id')
    .orderBy('s.idx')
    .execute();
  return {
    ...e,
    reports: rows.map((r) => ({
      doc: r.doc_id, url: r.url, title: r.title, published: r.published, copyOf: r.dup_of,
      sentence: r.sentence, text: r.sentence_text,
      trigger: { start: r.trigger_start, end: r.trigger_end, text: r.trigger_text },
      source: { ref: r.source_ref, text: r.source_text },
      target: r.target_ref ? { ref: r.target_ref, text: r.target_text ?? '' } : null,
      code: r.code, pattern: r.pattern, modality: r.modality, confidence: r.confidence,
    })),
  };
}

export async function getDocument(store: Store, id: string): Promise<DocumentDetail | null> {
  const d = await store.db.selectFrom('documents')
    .select(['id', 'url', 'published', 'title', 'format', 'text', 'dup_of', 'similarity', 'n_sentences'])
    .where('id', '=', id).executeTakeFirst();
  if (!d) return null;
  const copies = await store.db.selectFrom('documents').select('id').where('dup_of', '=', id).orderBy('seq').orderBy('id').execute();
  const evs = await store.db.selectFrom('event_sources as s')
    .innerJoin('events as e', 'e.id', 's.event_id')
    .select(['s.event_id', 's.local_id', 's.sentence', 's.sentence_text', 's.code', 'e.source_code', 'e.target_code'])
    .where('s.doc_id', '=', id).orderBy('s.idx').execute();
  return {
    id: d.id, url: d.url, published: d.published, title: d.title, format: d.format, text: d.text,
    copyOf: d.dup_of, similarity: d.similarity, copies: copies.map((c) => c.id), sentences: d.n_sentences,
    events: evs.map((e) => ({
      id: e.event_id, local: e.local_id, sentence: e.sentence, text: e.sentence_text, code: e.code,
      source: e.source_code, target: e.target_code || null,
    })),
  };
}
