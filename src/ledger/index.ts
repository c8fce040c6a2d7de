// The ledger: what was promised and whether it happened, how a recurring dialogue moves round
// by round, each side's stances, and what changed between two statements.
//
// Per report (run by the pipeline, needs the language layer): readLedger → series,
// commitments, stances. Across reports (pure functions of analyses, for files or the store):
// commitmentStatus, seriesHistory, stancesAcross, compareAnalyses.
import type { Analysis, CommitmentOut, SeriesOut, StanceOut } from '../analysis/types.js';
import type { Language } from '../language/layer.js';
import type { ActorLayer } from '../extract/actors.js';
import type { ExtractContext } from '../extract/context.js';
import { ledgerContext } from './context.js';
import { readSeries } from './series.js';
import { findCommitments } from './commitments.js';
import { findStances } from './stances.js';

export interface LedgerLayer {
  series: SeriesOut[];
  commitments: CommitmentOut[];
  stances: StanceOut[];
}

/** Series, commitments and stances of one analysed report. */
export function readLedger(a: Analysis, lang: Language, actors: ActorLayer, ext: ExtractContext): LedgerLayer {
  const ctx = ledgerContext(a, lang, actors, ext);
  const series = readSeries(ctx);
  return { series: series.series, commitments: findCommitments(ctx, series), stances: findStances(a) };
}

export { findStances, stancesOf, eventStances } from './stances.js';
export { seriesKey } from './series-key.js';
export { loadLedgerLexicons } from './lexicon.js';
export { commitmentStatus, findFulfilment, type CommitmentRecord, type Evidence } from './status.js';
export { seriesHistory, seriesMatches, type SeriesHistory, type HistoryRound, type HistoryNext } from './series-history.js';
export { stancesAcross, type StanceRow, type StanceFilter } from './stances-across.js';
export { compareAnalyses, type Comparison, type AlignedClaim } from './compare.js';
export { claimsOf, type Claim } from './claims.js';
export { statusOn, periodStart, periodEnd } from './period.js';
