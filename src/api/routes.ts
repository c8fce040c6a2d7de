// The API's routes as data: method, path, parameters (JSON Schema), responses and handler.
// The server registers them with Fastify (which validates every request against the schemas)
// and /openapi.json is generated from the same table, so the description cannot drift.
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  countEvents, eachEvent, eventWriter, getActor, getDocument, getEvent, listActors, queryEvents, search, timeline,
  PERIODS, type EventFilters, type EventFormat, type EventRecord, type Store,
} from '../store/index.js';
import { cameoName, cameoTable } from '../code/cameo.js';
import { commitmentStatus } from '../ledger/status.js';
import { seriesHistory, seriesMatches } from '../ledger/series-history.js';
import { stancesAcross } from '../ledger/stances-across.js';
import { compareAnalyses } from '../ledger/compare.js';
import { today as todayIso } from '../ledger/period.js';
import { listDocuments, listIssues, mapPlaces, network, storedEventIds } from './queries.js';
import { AnalysisCache, oneAnalysis } from './ledger.js';
import { readBody, storeDocuments } from './post-documents.js';
import { HttpError } from './errors.js';
import type {
  CameoCode, CommitmentsResponse, Comparison, DocumentPage, DocumentResponse, EventPage, EventResponse, Info, IssueSummary, MapPlace,
  NamedEvent, Network, PostResult, SeriesResponse, StancesResponse, TimelineResponse,
} from './responses.js';
import {
  ANALYSIS_SCHEMA, ANY_OBJECT, DOCUMENT_SUMMARY_SCHEMA, EVENT_FILTERS, EVENT_SCHEMA, EVENT_SORT, LIMITS, list, object, q, type JsonSchema,
} from './schemas.js';

export interface Context {
  store: Store;
  cache: AnalysisCache;
  version: string;
  maxBodyBytes: number;
  /** Whether writes are possible at all, and whether they need a token (for the page). */
  writes: { allowed: boolean; token: boolean };
  /** Runs one write at a time. */
  serialise<T>(f: () => Promise<T>): Promise<T>;
  /** "today" for commitment and series status, unless a request gives one. */
  today: () => string;
}

export interface ResponseDef {
  description: string;
  /** Default application/json. */
  contentType?: string;
  schema?: JsonSchema;
}

export interface ApiRoute {
  method: 'GET' | 'POST';
  /** Fastify's form: /api/events/:id. */
  url: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  querystring?: JsonSchema;
  params?: JsonSchema;
  body?: { description: string; contentTypes: string[] };
  responses: Record<number, ResponseDef>;
  /** Needs the write checks (origin, token). */
  write?: boolean;
  handler(ctx: Context, req: FastifyRequest, reply: FastifyReply): Promise<unknown>;
}

type Query = Record<string, any>;
const query = (req: FastifyRequest) => req.query as Query;
const params = (req: FastifyRequest) => req.params as Record<string, string>;

function filtersOf(qs: Query): EventFilters {
  const { actor, dyad, directed, root, code, plover, issue, place, from, to, doc } = qs;
  if (directed && !dyad) throw new HttpError(400, 'querystring: "directed" needs "dyad"');
  return { actor, dyad, directed, root, code, plover, issue, place, from, to, doc };
}

const named = (e: EventRecord): NamedEvent => ({ ...e, name: cameoName(e.code) });

const notFound = (what: string) => new HttpError(404, what);

const ok = (description: string, schema: JsonSchema = ANY_OBJECT): Record<number, ResponseDef> => ({ 200: { description, schema } });

export const ROUTES: ApiRoute[] = [
  {
    method: 'GET', url: '/api/info', operationId: 'info', tag: 'meta',
    summary: 'what this server is: version, store, whether writes are open and need a token, limits',
    responses: ok('the server', {
      type: 'object',
      properties: {
        name: { type: 'string' }, version: { type: 'string' }, dialect: { type: 'string', enum: ['sqlite', 'postgres'] },
        documents: { type: 'integer' },
        writes: { type: 'object', properties: { allowed: { type: 'boolean' }, token: { type: 'boolean' } } },
        limits: { type: 'object' },
      },
    }),
    async handler(ctx): Promise<Info> {
      const n = await ctx.store.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
      return {
        name: 'entente', version: ctx.version, dialect: ctx.store.dialect, documents: Number(n?.n ?? 0),
        writes: ctx.writes,
        limits: { maxPage: LIMITS.maxPage, maxBodyBytes: ctx.maxBodyBytes, maxPostDocuments: LIMITS.maxPostDocuments },
      };
    },
  },
  {
    method: 'GET', url: '/api/cameo', operationId: 'cameoCodes', tag: 'meta',
    summary: 'the CAMEO code table: name, Goldstein value, quad class and PLOVER type of every code',
    responses: ok('the codes', list({ type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, goldstein: { type: 'number' }, quad: { type: 'integer' }, plover: { type: ['string', 'null'] } } })),
    async handler(): Promise<CameoCode[]> {
      return [...cameoTable().values()].map((e) => ({ code: e.code, name: e.name, goldstein: e.goldstein, quad: e.quad, plover: e.plover }));
    },
  },
  {
    method: 'GET', url: '/api/documents', operationId: 'listDocuments', tag: 'documents',
    summary: 'stored documents, newest report first',
    querystring: object({ q: q.str('only documents whose id or title has this'), limit: q.limit(100, LIMITS.maxPage), offset: q.offset() }),
    responses: ok('a page of documents', { type: 'object', properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, documents: list(DOCUMENT_SUMMARY_SCHEMA) } }),
    async handler(ctx, req): Promise<DocumentPage> {
      const { q: text, limit, offset } = query(req);
      return { ...(await listDocuments(ctx.store, { q: text, limit, offset })), limit, offset };
    },
  },
  {
    method: 'GET', url: '/api/documents/:id', operationId: 'getDocument', tag: 'documents',
    summary: 'one document with its full analysis (text, sentences, mentions, actors, places, events, commitments, series, issues, stances)',
    params: object({ id: q.str('the document id') }, ['id']),
    responses: {
      200: {
        description: 'the document, its analysis, the stored event id of each of its events, and the CAMEO names of its codes',
        schema: { type: 'object', properties: { document: ANY_OBJECT, analysis: ANALYSIS_SCHEMA, eventIds: { type: 'object', additionalProperties: { type: 'string' } }, codeNames: { type: 'object', additionalProperties: { type: 'string' } } } },
      },
      404: { description: 'no such document' },
    },
    async handler(ctx, req): Promise<DocumentResponse> {
      const id = params(req).id;
      const [document, analysis] = await Promise.all([getDocument(ctx.store, id), oneAnalysis(ctx.store, id)]);
      if (!document || !analysis) throw notFound(`no document with id ${JSON.stringify(id)}`);
      const codeNames = Object.fromEntries([...new Set(analysis.events.map((e) => e.code))].map((c) => [c, cameoName(c)]));
      return { document, analysis, eventIds: await storedEventIds(ctx.store, id), codeNames };
    },
  },
  {
    method: 'POST', url: '/api/documents', operationId: 'postDocument', tag: 'documents', write: true,
    summary: 'analyse a report and store it',
    description: 'The body is the report itself, in any shape `entente analyze` reads: JSON `{id?, url?, published, title?, text | html}` (or an array / JSON Lines of them), plain text (the seed shape with its ` date YYYY-MM-DD` line, or any text), HTML, RSS/Atom. '
      + 'For a single non-JSON document the query may give its id, published date, title and URL. Needs `Authorization: Bearer <token>` when the server has a token.',
    querystring: object({
      id: q.str('the document id (default: the file name without extension, else a hash of the text)'),
      published: q.day('publication date, YYYY-MM-DD (relative dates resolve against it)'),
      title: q.str('title'),
      url: q.str('URL of the original', { maxLength: 2000 }),
      name: q.str('file name of an upload, for messages and the default id'),
    }),
    body: { description: 'the report', contentTypes: ['application/json', 'application/x-ndjson', 'text/plain', 'text/html', 'application/rss+xml', 'application/atom+xml', 'application/octet-stream'] },
    responses: {
      201: {
        description: 'stored: each document with its status, sentence and event counts; documents that failed, with the reason',
        schema: {
          type: 'object',
          properties: {
            documents: list({ type: 'object', properties: { id: { type: 'string' }, title: { type: ['string', 'null'] }, published: { type: ['string', 'null'] }, status: { type: 'string', enum: ['stored', 'unchanged'] }, sentences: { type: 'integer' }, events: { type: 'integer' } } }),
            failed: list({ type: 'object', properties: { origin: { type: 'string' }, reason: { type: 'string' } } }),
            warnings: list({ type: 'object', properties: { origin: { type: 'string' }, warning: { type: 'string' } } }),
          },
        },
      },
      400: { description: 'no readable document in the body (empty, malformed JSON, JSON without text, binary …)' },
      401: { description: 'the token is missing or wrong' },
      403: { description: 'writes are disabled (listening beyond loopback without a token) or come from another origin' },
      413: { description: 'the body is larger than the limit, or holds too many documents' },
      422: { description: 'documents were read but none could be analysed' },
    },
    async handler(ctx, req, reply): Promise<PostResult> {
      const body = req.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw new HttpError(400, 'the body is empty: send the report (JSON, text, HTML or a feed)');
      const qs = query(req);
      const { docs, failed } = await readBody(body, { ...qs, maxBytes: ctx.maxBodyBytes });
      const result = await ctx.serialise(() => storeDocuments(ctx.store, docs, failed));
      ctx.cache.invalidate();
      reply.code(201);
      return result;
    },
  },
  {
    method: 'GET', url: '/api/events', operationId: 'listEvents', tag: 'events',
    summary: "events with the CLI's filters, one per real-world event, sorted by day or another column (ties by id), a page at a time",
    querystring: object({ ...EVENT_FILTERS, ...EVENT_SORT, limit: q.limit(100, LIMITS.maxPage), offset: q.offset() }),
    responses: ok('a page of events and the total that match', { type: 'object', properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, events: list(EVENT_SCHEMA) } }),
    async handler(ctx, req): Promise<EventPage> {
      const qs = query(req);
      const f = filtersOf(qs);
      const sort = { by: qs.sort, desc: !!qs.desc };
      const [events, total] = await Promise.all([queryEvents(ctx.store, { ...f, sort, limit: qs.limit, offset: qs.offset }), countEvents(ctx.store, f)]);
      return { total, limit: qs.limit, offset: qs.offset, events: events.map(named) };
    },
  },
  {
    method: 'GET', url: '/api/events/:id', operationId: 'getEvent', tag: 'events',
    summary: 'one event with every report of it (sentence, trigger, pattern, source and target spans)',
    params: object({ id: q.str('the event id (ev-…)') }, ['id']),
    responses: { 200: { description: 'the event', schema: EVENT_SCHEMA }, 404: { description: 'no such event' } },
    async handler(ctx, req): Promise<EventResponse> {
      const id = params(req).id;
      const ev = await getEvent(ctx.store, id);
      if (!ev) throw notFound(`no event with id ${JSON.stringify(id)}`);
      return { ...ev, name: cameoName(ev.code), reports: ev.reports.map((r) => ({ ...r, name: cameoName(r.code) })) };
    },
  },
  {
    method: 'GET', url: '/api/export', operationId: 'exportEvents', tag: 'events',
    summary: 'every matching event as CSV (default), JSON Lines, PLOVER JSON records or a GDELT-style TSV, streamed',
    querystring: object({ ...EVENT_FILTERS, format: { type: 'string', enum: ['csv', 'jsonl', 'tsv', 'plover'], default: 'csv', description: 'output format' } }),
    responses: {
      200: { description: 'the events, one a line, as a download', contentType: 'text/csv' },
    },
    async handler(ctx, req, reply) {
      const qs = query(req);
      const f = filtersOf(qs);
      const format = qs.format as EventFormat;
      const w = eventWriter(format);
      const type = { csv: 'text/csv; charset=utf-8', tsv: 'text/tab-separated-values; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8', plover: 'application/x-ndjson; charset=utf-8', table: 'text/plain' }[format];
      const ext = { csv: 'csv', tsv: 'tsv', jsonl: 'jsonl', plover: 'plover.jsonl', table: 'txt' }[format];
      const store = ctx.store;
      async function* lines() {
        if (w.header) yield w.header;
        for await (const e of eachEvent(store, f)) {
          const s = w.line(e);
          if (s) yield s;
        }
      }
      return reply.type(type).header('content-disposition', `attachment; filename="entente-events.${ext}"`).send(Readable.from(lines()));
    },
  },
  {
    method: 'GET', url: '/api/timeline', operationId: 'timeline', tag: 'relations',
    summary: "a dyad's events per period: counts per quad class, Goldstein sum and mean",
    querystring: object({
      dyad: q.dyad('two actor codes (PAK-CHN)'),
      by: { type: 'string', enum: PERIODS, default: 'month', description: 'period' },
      directed: q.bool('only the first as source and the second as target'),
      from: q.date('first day'), to: q.date('last day, inclusive'),
    }, ['dyad']),
    responses: ok('one row per period with events', { type: 'object', properties: { dyad: { type: 'string' }, by: { type: 'string' }, rows: list({ type: 'object', properties: { period: { type: 'string' }, quad: list({ type: 'integer' }), events: { type: 'integer' }, goldsteinSum: { type: 'number' }, goldsteinMean: { type: 'number' } } }) } }),
    async handler(ctx, req): Promise<TimelineResponse> {
      const { dyad, by, directed, from, to } = query(req);
      return { dyad, by, rows: await timeline(ctx.store, dyad, by, { directed, from, to }) };
    },
  },
  {
    method: 'GET', url: '/api/network', operationId: 'network', tag: 'relations',
    summary: 'who deals with whom: the busiest directed dyads with counts per quad class and mean Goldstein',
    querystring: object({ actor: q.str('only dyads with this actor code'), from: q.date('first day'), to: q.date('last day, inclusive'), limit: q.limit(60, LIMITS.maxPage) }),
    responses: ok('nodes (actor codes) and edges (dyads)'),
    async handler(ctx, req): Promise<Network> {
      const { actor, from, to, limit } = query(req);
      return network(ctx.store, { actor, from, to, limit });
    },
  },
  {
    method: 'GET', url: '/api/places', operationId: 'places', tag: 'relations',
    summary: 'places of events, with coordinates and event counts per quad class (for the map)',
    querystring: object({ actor: q.str('only events with this actor code'), from: q.date('first day'), to: q.date('last day, inclusive'), limit: q.limit(200, LIMITS.maxPage) }),
    responses: ok('places', list(ANY_OBJECT)),
    async handler(ctx, req): Promise<MapPlace[]> {
      const { actor, from, to, limit } = query(req);
      return mapPlaces(ctx.store, { actor, from, to, limit });
    },
  },
  {
    method: 'GET', url: '/api/actors', operationId: 'listActors', tag: 'actors',
    summary: 'actors named in the stored documents, with the offices people held',
    querystring: object({ country: q.str('country or actor code (PAK)'), office: q.str('a word of an office held'), people: q.bool('only people'), limit: q.limit(200, LIMITS.maxActors) }),
    responses: ok('actors, the most often named first', list(ANY_OBJECT)),
    async handler(ctx, req) {
      return listActors(ctx.store, query(req));
    },
  },
  {
    method: 'GET', url: '/api/actors/:which', operationId: 'getActor', tag: 'actors',
    summary: 'one actor by ref, name, alias or code: aliases, offices held over time with evidence, event count',
    params: object({ which: q.str('a ref (person:wang-yi), name, alias or code') }, ['which']),
    responses: { 200: { description: 'the actor', schema: ANY_OBJECT }, 404: { description: 'no such actor' } },
    async handler(ctx, req) {
      const a = await getActor(ctx.store, params(req).which);
      if (!a) throw notFound(`no actor ${JSON.stringify(params(req).which)} in the store`);
      return a;
    },
  },
  {
    method: 'GET', url: '/api/issues', operationId: 'listIssues', tag: 'actors',
    summary: 'issues on the table, with the documents and sentences that raise them',
    querystring: object({ limit: q.limit(200, LIMITS.maxActors) }),
    responses: ok('issues, the most often raised first', list(ANY_OBJECT)),
    async handler(ctx, req): Promise<IssueSummary[]> {
      return listIssues(ctx.store, { limit: query(req).limit });
    },
  },
  {
    method: 'GET', url: '/api/stances', operationId: 'stances', tag: 'ledger',
    summary: "each actor's stance on each issue, report by report, with the sentences behind it",
    querystring: object({ actor: q.str('only this actor code'), issue: q.str('only issues whose ref or name has this'), limit: q.limit(500, LIMITS.maxPage) }),
    responses: ok('stances', { type: 'object', properties: { stances: list(ANY_OBJECT), total: { type: 'integer' } } }),
    async handler(ctx, req): Promise<StancesResponse> {
      const { actor, issue, limit } = query(req);
      const rows = stancesAcross(await ctx.cache.all(), { actor, issue });
      return { total: rows.length, stances: rows.slice(0, limit) };
    },
  },
  {
    method: 'GET', url: '/api/commitments', operationId: 'commitments', tag: 'ledger',
    summary: 'commitments with their status across reports — open, due, overdue or fulfilled — and the evidence',
    querystring: object({
      party: q.str('only commitments this party made (PAK, IGO:UN …)'),
      status: { type: 'string', enum: ['open', 'due', 'overdue', 'fulfilled'], description: 'only this status' },
      today: q.day('judge due dates on this day (default: today)'),
      limit: q.limit(500, LIMITS.maxPage),
    }),
    responses: ok('commitments', { type: 'object', properties: { today: { type: 'string' }, total: { type: 'integer' }, counts: { type: 'object' }, commitments: list(ANY_OBJECT) } }),
    async handler(ctx, req): Promise<CommitmentsResponse> {
      const { party, status, limit } = query(req);
      const today = query(req).today ?? ctx.today();
      let records = commitmentStatus(await ctx.cache.all(), today);
      if (party) records = records.filter((r) => r.commitment.parties.some((p) => p.toUpperCase() === String(party).toUpperCase()));
      const counts: CommitmentsResponse['counts'] = { open: 0, due: 0, overdue: 0, fulfilled: 0 };
      for (const r of records) counts[r.status] = (counts[r.status] ?? 0) + 1;
      if (status) records = records.filter((r) => r.status === status);
      return { today, total: records.length, counts, commitments: records.slice(0, limit) };
    },
  },
  {
    method: 'GET', url: '/api/series', operationId: 'series', tag: 'ledger',
    summary: "recurring dialogues: each one's rounds in order with dates, venues, co-chairs and gaps, and the next round announced",
    querystring: object({ name: q.str('only series whose name has these words'), today: q.day('judge announced rounds on this day (default: today)') }),
    responses: ok('series', { type: 'object', properties: { today: { type: 'string' }, series: list(ANY_OBJECT) } }),
    async handler(ctx, req): Promise<SeriesResponse> {
      const { name } = query(req);
      const today = query(req).today ?? ctx.today();
      return { today, series: seriesHistory(await ctx.cache.all(), today).filter((h) => seriesMatches(h, name ?? '')) };
    },
  },
  {
    method: 'GET', url: '/api/compare', operationId: 'compare', tag: 'ledger',
    summary: 'two stored statements side by side: claims the same in both, changed in strength or wording, only in A, only in B',
    querystring: object({ a: q.str('the earlier document id'), b: q.str('the later document id') }, ['a', 'b']),
    responses: { 200: { description: 'the comparison', schema: ANY_OBJECT }, 404: { description: 'a document is not in the store' } },
    async handler(ctx, req): Promise<Comparison> {
      const { a, b } = query(req);
      const [A, B] = await Promise.all([oneAnalysis(ctx.store, a), oneAnalysis(ctx.store, b)]);
      if (!A) throw notFound(`no document with id ${JSON.stringify(a)}`);
      if (!B) throw notFound(`no document with id ${JSON.stringify(b)}`);
      return compareAnalyses(A, B);
    },
  },
  {
    method: 'GET', url: '/api/search', operationId: 'search', tag: 'documents',
    summary: 'full-text search over the stored sentences (all words must occur; a trailing * matches a prefix)',
    querystring: object({ q: q.str('the words'), doc: q.str('only in this document'), limit: q.limit(50, LIMITS.maxSearch) }, ['q']),
    responses: ok('matching sentences, newest report first, matches between « and »', list(ANY_OBJECT)),
    async handler(ctx, req) {
      const { q: words, doc, limit } = query(req);
      return search(ctx.store, words, { limit, doc });
    },
  },
];

export function todayDefault(): string {
  return todayIso();
}
