// What the store's queries return, as plain shapes: the API sends them and the web page reads
// them, so this module imports nothing that runs (no Kysely, no Node) and the page can import it.
import type { Analysis } from '../../analysis/types.js';

/** The columns events sort by (the queries map each to its SQL). */
export type EventSortKey = 'day' | 'date' | 'source' | 'target' | 'code' | 'quad' | 'goldstein' | 'plover' | 'place' | 'sources';

export interface ActorRef {
  code: string;
  ref: string | null;
  name: string | null;
  country: string | null;
}

export interface PlaceRef {
  ref: string;
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export interface Evidence {
  doc: string;
  url: string | null;
  title: string | null;
  published: string | null;
  sentence: number;
  text: string;
  trigger: { start: number; end: number; text: string };
}

export interface EventRecord {
  id: string;
  /** The event's date when a day is known, else the day of its first report. */
  day: string;
  /** The date as precise as the text gives it ("2026-01-04", "2027"), or null. */
  date: string | null;
  source: ActorRef;
  target: ActorRef | null;
  code: string;
  root: string;
  quadClass: number;
  goldstein: number;
  plover: string | null;
  modality: string;
  negated: boolean;
  place: PlaceRef | null;
  /** Sentences reporting it, and the documents they are in. */
  sources: number;
  documents: number;
  /** False when only near-duplicate copies report it: it is not counted in roll-ups. */
  counted: boolean;
  evidence: Evidence;
}

export interface EventSource {
  doc: string;
  url: string | null;
  title: string | null;
  published: string | null;
  /** The document this one is a near-duplicate copy of, if it is one. */
  copyOf: string | null;
  sentence: number;
  text: string;
  trigger: { start: number; end: number; text: string };
  source: { ref: string; text: string };
  target: { ref: string; text: string } | null;
  code: string;
  pattern: string;
  modality: string;
  confidence: number;
}

export interface EventDetail extends EventRecord {
  reports: EventSource[];
}

/** A stored document: its analysis's own fields, and what the store knows of it. */
export interface DocumentDetail extends Pick<Analysis, 'id' | 'url' | 'published' | 'title' | 'format' | 'text'> {
  copyOf: string | null;
  similarity: number | null;
  /** Near-duplicate copies of this document. */
  copies: string[];
  sentences: number;
  events: { id: string; local: string; sentence: number; text: string; code: string; source: string; target: string | null }[];
}

export type Period = 'day' | 'week' | 'month' | 'year';

export interface TimelineRow {
  /** "2026-01-04", "2026-W01", "2026-01" or "2026". */
  period: string;
  /** Events per quad class: verbal cooperation, material cooperation, verbal conflict, material conflict. */
  quad: [number, number, number, number];
  events: number;
  goldsteinSum: number;
  goldsteinMean: number;
}
