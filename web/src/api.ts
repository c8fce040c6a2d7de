// The page's view of the JSON API (see /openapi.json). Same origin only; no credentials are
// kept anywhere but in memory (the write token, when the server asks for one).
// The response shapes are the server's own (type-only modules: nothing of Node or the store).
import type { CameoCode, DocumentPage, DocumentSummary, PostResult } from '../../src/api/responses.js';

export type { Analysis, EventOut, Mention, SentenceOut, CommitmentOut, SeriesOut, StanceOut } from '../../src/analysis/types.js';
export type {
  Info, PostResult, DocumentSummary, DocumentPage, DocumentResponse, ActorRef, NamedEvent, EventPage, EventSortKey, CameoCode,
  TimelineRow, TimelineResponse, Network, MapPlace, CommitmentRecord, CommitmentsResponse, SeriesHistory, SeriesResponse,
  Claim, Comparison, StanceRow,
} from '../../src/api/responses.js';

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
