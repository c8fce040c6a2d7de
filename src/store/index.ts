// The knowledge base as a library: what the command line uses, and the HTTP API will.
export { openStore, close, storeLocation, isPostgresUrl, DEFAULT_DB, type Store, type Dialect } from './open.js';
export { ingestAnalyses, ingestDocuments, DEFAULT_BATCH, type IngestOptions, type IngestProgress, type Analyser, type DocumentIngestOptions } from './ingest.js';
export { inlineAnalyser } from './analyser/inline.js';
export { poolAnalyser } from './analyser/pool.js';
export { documentKey, contentHash, normaliseText, isoWeek } from './identity.js';
export { queryEvents, eachEvent, countEvents, parseDyad, EVENT_SORTS, type EventFilters, type EventSort, type EventSortKey, type EventRecord, type Evidence } from './queries/events.js';
export { timeline, PERIODS, type Period, type TimelineRow, type TimelineOptions } from './queries/timeline.js';
export { listActors, getActor, type ActorSummary, type ActorDetail, type ActorFilters, type OfficeHeld } from './queries/actors.js';
export { search, type SearchHit } from './queries/search.js';
export { getEvent, getDocument, type EventDetail, type DocumentDetail, type EventSource } from './queries/show.js';
export { listCommitments, listSeries, loadAnalyses, type StoredCommitment, type SeriesRecord } from './queries/ledger.js';
export { freshRollups, storedRollups, rebuildRollups, type RollupRow } from './rollups.js';
export { eventWriter, EVENT_FORMATS, GDELT_COLUMNS, ploverRecord, type EventFormat, type PloverRecord } from './formats/index.js';
