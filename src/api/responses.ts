// The JSON the API sends, route by route. The route handlers are typed with these and the web
// page reads them, so this module and the ones it names hold types only: nothing that runs,
// nothing of Node, Kysely or Fastify (the page's tsconfig has none of them).
import type { Analysis } from '../analysis/types.js';
import type { DocumentDetail, EventRecord, EventSource, Period, TimelineRow } from '../store/queries/types.js';
import type { CommitmentRecord, CommitmentStatus, SeriesHistory, StanceRow } from '../ledger/types.js';

export type { ActorRef, PlaceRef, Evidence, EventRecord, EventSortKey, EventSource, DocumentDetail, Period, TimelineRow } from '../store/queries/types.js';
export type {
  Claim, ClaimKind, AlignedClaim, DocumentRef, Comparison, CommitmentRecord, CommitmentStatus, SeriesHistory, HistoryRound, HistoryNext, StanceRow,
} from '../ledger/types.js';

/** GET /api/info */
export interface Info {
  name: string;
  version: string;
  dialect: 'sqlite' | 'postgres';
  documents: number;
  /** Whether writes are possible at all, and whether they need a token. */
  writes: { allowed: boolean; token: boolean };
  limits: { maxPage: number; maxBodyBytes: number; maxPostDocuments: number };
}

/** GET /api/cameo: one code of the CAMEO table. */
export interface CameoCode {
  code: string;
  name: string;
  goldstein: number;
  quad: number;
  plover: string | null;
}

export interface DocumentSummary {
  id: string;
  url: string | null;
  published: string | null;
  title: string | null;
  format: string;
  sentences: number;
  events: number;
  copyOf: string | null;
}

/** GET /api/documents */
export interface DocumentPage {
  total: number;
  limit: number;
  offset: number;
  documents: DocumentSummary[];
}

/** GET /api/documents/:id */
export interface DocumentResponse {
  document: DocumentDetail;
  analysis: Analysis;
  /** Local event ids of the analysis ("doc:e3") → stored event ids ("ev-…"). */
  eventIds: Record<string, string>;
  /** CAMEO names of the codes of its events. */
  codeNames: Record<string, string>;
}

export interface StoredDocument {
  id: string;
  title: string | null;
  published: string | null;
  /** 'stored' (new or replaced) or 'unchanged' (the same text was stored before). */
  status: 'stored' | 'unchanged';
  sentences: number;
  events: number;
}

/** POST /api/documents */
export interface PostResult {
  documents: StoredDocument[];
  failed: { origin: string; reason: string }[];
  warnings: { origin: string; warning: string }[];
}

/** An event as the API sends it: with the CAMEO name of its code. */
export interface NamedEvent extends EventRecord {
  name: string;
}

/** GET /api/events */
export interface EventPage {
  total: number;
  limit: number;
  offset: number;
  events: NamedEvent[];
}

/** GET /api/events/:id: the event with every report of it, each with its CAMEO name. */
export interface EventResponse extends NamedEvent {
  reports: (EventSource & { name: string })[];
}

/** GET /api/timeline */
export interface TimelineResponse {
  dyad: string;
  by: Period;
  rows: TimelineRow[];
}

export interface NetworkNode {
  code: string;
  /** A name for the code (the most frequent actor name with this code), else the code. */
  name: string;
  events: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  events: number;
  /** Events per quad class: verbal cooperation, material cooperation, verbal conflict, material conflict. */
  quad: [number, number, number, number];
  goldsteinMean: number;
}

/** GET /api/network */
export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/** GET /api/places: one place of events, with coordinates. */
export interface MapPlace {
  ref: string;
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  events: number;
  quad: [number, number, number, number];
}

/** GET /api/issues: one issue. */
export interface IssueSummary {
  ref: string;
  name: string;
  documents: number;
  sentences: number;
}

/** GET /api/stances */
export interface StancesResponse {
  total: number;
  stances: StanceRow[];
}

/** GET /api/commitments */
export interface CommitmentsResponse {
  today: string;
  total: number;
  /** Of every status, before the status filter. */
  counts: Record<CommitmentStatus, number>;
  commitments: CommitmentRecord[];
}

/** GET /api/series */
export interface SeriesResponse {
  today: string;
  series: SeriesHistory[];
}
