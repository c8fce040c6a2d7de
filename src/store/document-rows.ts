// The rows one analysis becomes (sentences, mentions, actors, places, issues, event sources,
// commitments, series), gathered for a whole batch and written in a few multi-row inserts;
// and their removal when a changed document replaces its old analysis.
import type { Insertable, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Analysis } from '../analysis/types.js';
import type { Dialect } from './open.js';
import type { Tables } from './schema.js';
import { eventId, eventKey, type EventKey } from './event-key.js';
import { bulkInsert } from './bulk-insert.js';

type Rows<T extends keyof Tables> = Insertable<Tables[T]>[];

export interface AddedSource {
  event_id: string;
  key: EventKey;
  row: Insertable<Tables['event_sources']>;
}

export class RowBuffer {
  documents: Rows<'documents'> = [];
  bands: Rows<'doc_bands'> = [];
  sentences: Rows<'sentences'> = [];
  mentions: Rows<'mentions'> = [];
  actors = new Map<string, Insertable<Tables['actors']>>();
  docActors: Rows<'doc_actors'> = [];
  places = new Map<string, Insertable<Tables['places']>>();
  issues = new Map<string, Insertable<Tables['issues']>>();
  issueSentences: Rows<'issue_sentences'> = [];
  eventSources: Rows<'event_sources'> = [];
  commitments: Rows<'commitments'> = [];
  series: Rows<'series'> = [];
  /** Adds one analysis's rows (not its document row); returns its event sources with their keys. */
  add(docId: string, a: Analysis): AddedSource[] {
    for (const s of a.sentences) {
      this.sentences.push({ doc_id: docId, idx: s.index, char_start: s.start, char_end: s.end, role: s.role, text: s.text });
    }
    a.mentions.forEach((m, idx) => {
      this.mentions.push({
        doc_id: docId, idx, sentence: m.sentence, kind: m.kind, char_start: m.start, char_end: m.end,
        text: m.text, ref: m.ref ?? null, value: m.value ?? null,
      });
    });
    for (const x of a.actors) {
      if (!this.actors.has(x.ref)) {
        this.actors.set(x.ref, {
          ref: x.ref, code: x.code, name: x.name, country: x.country ?? null, org: x.org ?? null,
          sector: x.sector ?? null, person: x.person ? 1 : 0,
        });
      }
      this.docActors.push({
        doc_id: docId, ref: x.ref, code: x.code, name: x.name, office: x.office ?? null, person: x.person ? 1 : 0,
        aliases: JSON.stringify(x.aliases ?? []), sentence: evidenceSentence(a, x.ref, x.office ?? null),
      });
    }
    for (const p of a.places) {
      if (!this.places.has(p.ref)) {
        this.places.set(p.ref, { ref: p.ref, name: p.name, country: p.country ?? null, lat: p.lat ?? null, lon: p.lon ?? null, kind: p.kind });
      }
    }
    for (const i of a.issues) {
      if (!this.issues.has(i.ref)) this.issues.set(i.ref, { ref: i.ref, name: i.name });
      for (const s of new Set(i.sentences)) this.issueSentences.push({ doc_id: docId, ref: i.ref, sentence: s });
    }
    const added: AddedSource[] = [];
    a.events.forEach((e, idx) => {
      const key = eventKey(e, a.published);
      const id = eventId(key);
      const row: Insertable<Tables['event_sources']> = {
        event_id: id, doc_id: docId, idx, local_id: e.id, sentence: e.sentence,
        sentence_text: a.sentences[e.sentence]?.text ?? '',
        trigger_start: e.trigger.start, trigger_end: e.trigger.end, trigger_text: e.trigger.text,
        source_ref: e.source.ref, source_text: e.source.text,
        target_ref: e.target?.ref ?? null, target_text: e.target?.text ?? null,
        code: e.code, goldstein: e.goldstein, plover: e.plover ?? null, date: e.date ?? null,
        modality: e.modality, pattern: e.pattern, confidence: e.confidence,
      };
      this.eventSources.push(row);
      added.push({ event_id: id, key, row });
    });
    a.commitments.forEach((c, idx) => {
      this.commitments.push({
        doc_id: docId, idx, parties: JSON.stringify(c.parties), action: c.action, due: c.due ?? null,
        place: c.place ?? null, sentence: c.sentence, status: c.status,
      });
    });
    a.series.forEach((s, idx) => {
      this.series.push({
        doc_id: docId, idx, name: s.name, parties: JSON.stringify(s.parties), round: s.round ?? null,
        date: s.date ?? null, place: s.place ?? null, cochairs: JSON.stringify(s.cochairs ?? []),
        next_round: s.next?.round ?? null, next_due: s.next?.due ?? null, next_place: s.next?.place ?? null,
      });
    });
    return added;
  }

  /** Writes everything gathered and empties the buffer. */
  async flush(trx: Transaction<Tables>, dialect: Dialect): Promise<void> {
    const all = (table: keyof Tables, rows: object[]) => bulkInsert(trx, dialect, table, rows);
    const ignore = (table: keyof Tables, rows: object[], key: string) => bulkInsert(trx, dialect, table, rows, key);
    await all('documents', this.documents);
    await all('doc_bands', this.bands);
    let firstSentenceId = 0;
    if (dialect === 'sqlite' && this.sentences.length) {
      const r = await trx.selectFrom('sentences').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
      firstSentenceId = Number(r?.m ?? 0);
    }
    await all('sentences', this.sentences);
    if (dialect === 'sqlite' && this.sentences.length) {
      // the full-text index shares the sentence's rowid, so a replace can delete by it
      await sql`insert into sentences_fts (rowid, text) select id, text from sentences where id > ${firstSentenceId}`.execute(trx);
    }
    await all('mentions', this.mentions);
    await ignore('actors', [...this.actors.values()], 'ref');
    await all('doc_actors', this.docActors);
    await ignore('places', [...this.places.values()], 'ref');
    await ignore('issues', [...this.issues.values()], 'ref');
    await all('issue_sentences', this.issueSentences);
    await all('event_sources', this.eventSources);
    await all('commitments', this.commitments);
    await all('series', this.series);
    Object.assign(this, new RowBuffer());
  }
}

/** The first sentence naming the actor with its office, else the first naming it at all. */
function evidenceSentence(a: Analysis, ref: string, office: string | null): number | null {
  let first: number | null = null;
  const o = office?.toLowerCase();
  for (const m of a.mentions) {
    if (m.kind !== 'actor' || m.ref !== ref) continue;
    if (first === null) first = m.sentence;
    if (o && a.sentences[m.sentence]?.text.toLowerCase().includes(o)) return m.sentence;
  }
  return first;
}

/** Removes a document's rows (not the document itself); returns the events it was a source of. */
export async function deleteDocumentRows(trx: Transaction<Tables>, dialect: Dialect, docId: string): Promise<string[]> {
  const events = await trx.selectFrom('event_sources').select('event_id').distinct().where('doc_id', '=', docId).execute();
  if (dialect === 'sqlite') {
    await sql`delete from sentences_fts where rowid in (select id from sentences where doc_id = ${docId})`.execute(trx);
  }
  for (const t of ['sentences', 'mentions', 'doc_actors', 'issue_sentences', 'event_sources', 'commitments', 'series', 'doc_bands'] as const) {
    await trx.deleteFrom(t).where('doc_id', '=', docId).execute();
  }
  return events.map((e) => e.event_id);
}
