// The tables of the knowledge base, as the typed query layer (Kysely) sees them. The DDL that
// creates them is in migrations.ts; both dialects share these names and types.
// Flags are integers 0/1 (SQLite has no boolean); lists inside a row are JSON text.
import type { Generated } from 'kysely';

export interface DocumentsTable {
  /** The document's identity: its own id, else "h:" + a hash of its normalised text. */
  id: string;
  /** Order of first storage; near-duplicates point at the earliest copy, events take their primary source by it. */
  seq: number;
  /** Hash of what the analysis depends on (published date and normalised text); a change means replace. */
  content_hash: string;
  url: string | null;
  published: string | null;
  /** ISO week of `published` ("2026-W02"), "" when undated: near-duplicates are looked for within it. */
  week: string;
  title: string | null;
  format: string;
  text: string;
  /** The earliest stored near-duplicate (syndicated copy) of this document, or null. */
  dup_of: string | null;
  similarity: number | null;
  n_sentences: number;
  n_events: number;
  /** The whole Analysis as JSON, so later features can read analyses back. */
  analysis: string;
}

export interface DocBandsTable {
  doc_id: string;
  week: string;
  /** "week|band": one locality-sensitive band of the document's MinHash signature, within its week. */
  band: string;
}

export interface SentencesTable {
  id: Generated<number>;
  doc_id: string;
  idx: number;
  char_start: number;
  char_end: number;
  role: string;
  text: string;
}

export interface MentionsTable {
  doc_id: string;
  idx: number;
  sentence: number;
  kind: string;
  char_start: number;
  char_end: number;
  text: string;
  ref: string | null;
  value: string | null;
}

export interface ActorsTable {
  ref: string;
  code: string;
  name: string;
  country: string | null;
  org: string | null;
  sector: string | null;
  person: number;
}

export interface DocActorsTable {
  doc_id: string;
  ref: string;
  code: string;
  name: string;
  /** The office held at the document's date, as the document says it. */
  office: string | null;
  person: number;
  aliases: string;
  /** The sentence that names the actor (with its office when one does): the evidence. */
  sentence: number | null;
}

export interface PlacesTable {
  ref: string;
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  kind: string;
}

export interface IssuesTable {
  ref: string;
  name: string;
}

export interface IssueSentencesTable {
  doc_id: string;
  ref: string;
  sentence: number;
}

/** One real-world event: (source, target, root, day, place, negated) — reported by one or more sources. */
export interface EventsTable {
  id: string;
  source_code: string;
  /** "" when the event has no target. */
  target_code: string;
  root: string;
  /** The event's date when the text gives a day, else the day of the report. */
  day: string;
  /** A place ref, "" when none. */
  place: string;
  negated: number;
  // the rest comes from the primary source (earliest stored) and may change when sources do
  code: string;
  quad_class: number;
  goldstein: number;
  plover: string | null;
  date: string | null;
  modality: string;
  source_ref: string;
  target_ref: string | null;
  primary_doc: string;
  n_sources: number;
  n_docs: number;
  /** 1 when some source is not a near-duplicate copy: only those count in roll-ups. */
  counted: number;
}

export interface EventSourcesTable {
  event_id: string;
  doc_id: string;
  /** Position of the event in its analysis. */
  idx: number;
  local_id: string;
  sentence: number;
  sentence_text: string;
  trigger_start: number;
  trigger_end: number;
  trigger_text: string;
  source_ref: string;
  source_text: string;
  target_ref: string | null;
  target_text: string | null;
  code: string;
  goldstein: number;
  plover: string | null;
  date: string | null;
  modality: string;
  pattern: string;
  confidence: number;
}

/** Dyad × day × quad class, kept current at ingest: timelines read this, not events. */
export interface RollupDailyTable {
  source_code: string;
  target_code: string;
  day: string;
  week: string;
  month: string;
  year: string;
  quad_class: number;
  n: number;
  goldstein_sum: number;
}

export interface CommitmentsTable {
  doc_id: string;
  idx: number;
  parties: string;
  action: string;
  due: string | null;
  place: string | null;
  sentence: number;
  status: string;
}

export interface SeriesTable {
  doc_id: string;
  idx: number;
  name: string;
  parties: string;
  round: number | null;
  date: string | null;
  place: string | null;
  cochairs: string;
  next_round: number | null;
  next_due: string | null;
  next_place: string | null;
}

/** A person the analyser learned from a title ("Foreign Minister Yoko Kamikawa"), as JSON. */
export interface LearnedPeopleTable {
  id: string;
  seq: number;
  person: string;
}

export interface Tables {
  learned_people: LearnedPeopleTable;
  documents: DocumentsTable;
  doc_bands: DocBandsTable;
  sentences: SentencesTable;
  mentions: MentionsTable;
  actors: ActorsTable;
  doc_actors: DocActorsTable;
  places: PlacesTable;
  issues: IssuesTable;
  issue_sentences: IssueSentencesTable;
  events: EventsTable;
  event_sources: EventSourcesTable;
  rollup_daily: RollupDailyTable;
  commitments: CommitmentsTable;
  series: SeriesTable;
}
