// The page's view of the JSON API (see /openapi.json). Same origin only; no credentials are
// kept anywhere but in memory (the write token, when the server asks for one).
import type { Analysis } from '../../src/analysis/types.js';

export type { Analysis, EventOut, Mention, SentenceOut, CommitmentOut, SeriesOut, StanceOut } from '../../src/analysis/types.js';

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function failure(r: Response): Promise<ApiError> {
  let message = `${r.status} ${r.statusText}`;
  try {
    const body = (await r.json()) as { message?: string };
    if (body.message) message = body.message;
  } catch {
    /* not JSON */
  }
  return new ApiError(r.status, message);
}

export type Params = Record<string, string | number | boolean | null | undefined>;

export function queryString(p: Params = {}): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== null && v !== '' && v !== false) u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

export async function get<T>(path: string, p?: Params): Promise<T> {
  const r = await fetch(`/api/${path}${queryString(p)}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!r.ok) throw await failure(r);
  return (await r.json()) as T;
}

let writeToken: string | null = null;
export function setToken(t: string | null): void {
  writeToken = t && t.trim() ? t.trim() : null;
}

export async function postDocument(body: BodyInit, contentType: string, p: Params = {}): Promise<PostResult> {
  const headers: Record<string, string> = { 'content-type': contentType, accept: 'application/json' };
  if (writeToken) headers.authorization = `Bearer ${writeToken}`;
  const r = await fetch(`/api/documents${queryString(p)}`, { method: 'POST', headers, body, credentials: 'same-origin' });
  if (!r.ok) throw await failure(r);
  return (await r.json()) as PostResult;
}

export interface Info {
  name: string;
  version: string;
  dialect: string;
  documents: number;
  writes: { allowed: boolean; token: boolean };
  limits: { maxPage: number; maxBodyBytes: number; maxPostDocuments: number };
}

export interface PostResult {
  documents: { id: string; title: string | null; published: string | null; status: 'stored' | 'unchanged'; sentences: number; events: number }[];
  failed: { origin: string; reason: string }[];
  warnings: { origin: string; warning: string }[];
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

export interface DocumentPage {
  total: number;
  documents: DocumentSummary[];
}

export interface DocumentResponse {
  document: { id: string; url: string | null; published: string | null; title: string | null; copyOf: string | null; copies: string[] };
  analysis: Analysis;
  eventIds: Record<string, string>;
  codeNames: Record<string, string>;
}

export interface ActorRef {
  code: string;
  ref: string | null;
  name: string | null;
  country: string | null;
}

export interface EventRecord {
  id: string;
  day: string;
  date: string | null;
  source: ActorRef;
  target: ActorRef | null;
  code: string;
  name: string;
  root: string;
  quadClass: number;
  goldstein: number;
  plover: string | null;
  modality: string;
  negated: boolean;
  place: { ref: string; name: string; country: string | null; lat: number | null; lon: number | null } | null;
  sources: number;
  documents: number;
  counted: boolean;
  evidence: { doc: string; url: string | null; title: string | null; published: string | null; sentence: number; text: string; trigger: { start: number; end: number; text: string } };
}

export interface EventPage {
  total: number;
  limit: number;
  offset: number;
  events: EventRecord[];
}

export interface CameoCode {
  code: string;
  name: string;
  goldstein: number;
  quad: number;
  plover: string | null;
}

export interface TimelineRow {
  period: string;
  quad: [number, number, number, number];
  events: number;
  goldsteinSum: number;
  goldsteinMean: number;
}

export interface Network {
  nodes: { code: string; name: string; events: number }[];
  edges: { source: string; target: string; events: number; quad: [number, number, number, number]; goldsteinMean: number }[];
}

export interface MapPlace {
  ref: string;
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  events: number;
  quad: [number, number, number, number];
}

export interface CommitmentRecord {
  doc: string;
  published: string | null;
  index: number;
  commitment: { parties: string[]; action: string; due: string | null; place: string | null; sentence: number };
  text: string;
  placeName: string | null;
  status: 'open' | 'due' | 'overdue' | 'fulfilled';
  evidence: { doc: string; published: string | null; sentence: number; text: string; event: string | null; how: string; score: number } | null;
}

export interface CommitmentsResponse {
  today: string;
  total: number;
  counts: Record<string, number>;
  commitments: CommitmentRecord[];
}

export interface SeriesHistory {
  key: string;
  name: string;
  names: string[];
  parties: string[];
  rounds: { round: number | null; date: string | null; place: string | null; placeName: string | null; cochairs: string[]; sources: string[]; gapDays: number | null; gap: string | null }[];
  missing: number[];
  next: { round: number | null; due: string | null; place: string | null; placeName: string | null; announcedIn: string; status: 'held' | 'pending' | 'overdue' } | null;
}

export interface Claim {
  kind: 'stance' | 'commitment' | 'event';
  key: string;
  label: string;
  actors: string[];
  sentences: number[];
  evidence: string[];
  wording: string[];
  qualifiers: string[];
  due?: string | null;
  place?: string | null;
  issue?: string;
  code?: string;
}

export interface Comparison {
  a: { id: string; published: string | null; title: string | null };
  b: { id: string; published: string | null; title: string | null };
  same: { a: Claim; b: Claim; changes: string[] }[];
  changed: { a: Claim; b: Claim; changes: string[] }[];
  onlyA: Claim[];
  onlyB: Claim[];
}

export interface StanceRow {
  actor: string;
  issue: string;
  stance: 'supports' | 'opposes' | 'concerned';
  toward: string | null;
  qualifiers: string[];
  sentences: number[];
  events: string[];
  doc: string;
  published: string | null;
  issueName: string;
  evidence: string[];
}

let cameoCache: Promise<Map<string, CameoCode>> | null = null;
export function cameoCodes(): Promise<Map<string, CameoCode>> {
  cameoCache ??= get<CameoCode[]>('cameo').then((rows) => new Map(rows.map((r) => [r.code, r])));
  return cameoCache;
}

let docCache: Promise<DocumentSummary[]> | null = null;
/** Stored documents (up to one page), for pickers; forget() after a write. */
export function documents(): Promise<DocumentSummary[]> {
  docCache ??= get<DocumentPage>('documents', { limit: 500 }).then((p) => p.documents);
  return docCache;
}
export function forgetDocuments(): void {
  docCache = null;
}
