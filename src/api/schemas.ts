// JSON Schema pieces shared by the routes: Fastify validates requests with them, and the
// OpenAPI description at /openapi.json is built from the same objects.

import { EVENT_SORTS } from '../store/index.js';

export type JsonSchema = Record<string, unknown>;

export const LIMITS = {
  /** Largest page of events, documents, actors … one request may ask for. */
  maxPage: 500,
  maxActors: 1000,
  maxSearch: 200,
  /** Documents one POST may carry (a JSON array or JSON Lines). */
  maxPostDocuments: 50,
  /** Default largest POSTed document body, in bytes (`--max-body`). */
  maxBodyBytes: 2 * 1024 * 1024,
  /** Body limit of everything else (no other route takes a body). */
  otherBodyBytes: 16 * 1024,
  /** Documents the ledger views (commitments, series, stances) read into memory. */
  maxLedgerDocuments: 20_000,
  maxStringLength: 200,
};

const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', minLength: 1, maxLength: LIMITS.maxStringLength, description, ...extra });

export const DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';
export const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
export const DYAD_PATTERN = '^[^\\s>–-]{1,40}[>–-][^\\s>–-]{1,40}$';

export const q = {
  date: (description: string) => str(description, { pattern: DATE_PATTERN, examples: ['2026', '2026-01', '2026-01-04'] }),
  day: (description: string) => str(description, { pattern: DAY_PATTERN, examples: ['2026-06-30'] }),
  dyad: (description: string) => str(description, { pattern: DYAD_PATTERN, examples: ['PAK-CHN'] }),
  str,
  bool: (description: string): JsonSchema => ({ type: 'boolean', description }),
  limit: (dflt: number, max: number): JsonSchema => ({ type: 'integer', minimum: 1, maximum: max, default: dflt, description: `at most this many (1–${max})` }),
  offset: (): JsonSchema => ({ type: 'integer', minimum: 0, maximum: 1_000_000, default: 0, description: 'skip this many' }),
};

export function object(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return { type: 'object', properties, required, additionalProperties: false };
}

/** The filters of `entente events` / `export`. */
export const EVENT_FILTERS: Record<string, JsonSchema> = {
  actor: q.str('source or target: an actor code (PAK) or ref (person:wang-yi)'),
  dyad: q.dyad('events between two actor codes, either way (PAK-CHN)'),
  directed: q.bool('with dyad: only the first as source and the second as target'),
  root: str('CAMEO root code (03)', { pattern: '^\\d{1,2}$' }),
  code: str('CAMEO event code (036)', { pattern: '^\\d{2,4}$' }),
  plover: str('PLOVER event type (AGREE)', { pattern: '^[A-Za-z_]{2,40}$' }),
  issue: q.str('an issue ref (taiwan) or a word of its name'),
  place: q.str('a place name (Beijing) or ref (place:beijing)'),
  from: q.date('first day (YYYY, YYYY-MM or YYYY-MM-DD)'),
  to: q.date('last day, inclusive'),
  doc: q.str('events reported by this document'),
};

/** The order of `entente events --sort … --desc`. */
export const EVENT_SORT: Record<string, JsonSchema> = {
  sort: { type: 'string', enum: EVENT_SORTS, default: 'day', description: 'sort by this column; ties go by id, events without a value (no target, place, date …) come last' },
  desc: q.bool('largest or latest first'),
};

export const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string', description: 'the HTTP reason phrase' },
    message: { type: 'string', description: 'what was wrong, naming the parameter or the reason' },
  },
};

const nullable = (t: string): JsonSchema => ({ type: [t, 'null'] });
const span: JsonSchema = { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } } };
const actorRef: JsonSchema = { type: 'object', properties: { code: { type: 'string' }, ref: nullable('string'), name: nullable('string'), country: nullable('string') } };

export const EVENT_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'one real-world event, with the evidence of its first report',
  properties: {
    id: { type: 'string', examples: ['ev-5d25e5628b886094'] },
    day: { type: 'string' },
    date: nullable('string'),
    source: actorRef,
    target: { anyOf: [actorRef, { type: 'null' }] },
    code: { type: 'string', description: 'CAMEO code' },
    name: { type: 'string', description: 'the CAMEO name of the code' },
    root: { type: 'string' },
    quadClass: { type: 'integer', minimum: 1, maximum: 4 },
    goldstein: { type: 'number' },
    plover: nullable('string'),
    modality: { type: 'string' },
    negated: { type: 'boolean' },
    place: { anyOf: [{ type: 'object', properties: { ref: { type: 'string' }, name: { type: 'string' }, country: nullable('string'), lat: nullable('number'), lon: nullable('number') } }, { type: 'null' }] },
    sources: { type: 'integer' },
    documents: { type: 'integer' },
    counted: { type: 'boolean' },
    evidence: {
      type: 'object',
      properties: {
        doc: { type: 'string' }, url: nullable('string'), title: nullable('string'), published: nullable('string'),
        sentence: { type: 'integer' }, text: { type: 'string' }, trigger: span,
      },
    },
  },
};

export const DOCUMENT_SUMMARY_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, url: nullable('string'), published: nullable('string'), title: nullable('string'),
    format: { type: 'string' }, sentences: { type: 'integer' }, events: { type: 'integer' }, copyOf: nullable('string'),
  },
};

export const ANALYSIS_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'the analysis of one document: the output of `entente analyze` (schema/analysis.schema.json)',
  externalDocs: { url: 'schema/analysis.schema.json' },
};

export const ANY_OBJECT: JsonSchema = { type: 'object' };
export const list = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
