// What the ledger's reads across reports return (commitment status, series history, stances,
// comparisons), as plain shapes: the API sends them and the web page reads them, so this module
// imports types only and runs nothing.
import type { CommitmentOut, StanceOut } from '../analysis/types.js';

export type CommitmentStatus = CommitmentOut['status'];

export interface Evidence {
  doc: string;
  published: string | null;
  sentence: number;
  text: string;
  /** The event that reports the action done, when one was coded. */
  event: string | null;
  /** How the match was made: 'series' (the promised round took place), 'event', 'report'. */
  how: 'series' | 'event' | 'report';
  score: number;
}

export interface CommitmentRecord {
  doc: string;
  published: string | null;
  /** Index of the commitment in its analysis. */
  index: number;
  commitment: CommitmentOut;
  /** The commitment's sentence. */
  text: string;
  /** The name of its place. */
  placeName: string | null;
  status: CommitmentStatus;
  evidence: Evidence | null;
}

export interface HistoryRound {
  round: number | null;
  date: string | null;
  /** Place ref and its name. */
  place: string | null;
  placeName: string | null;
  cochairs: string[];
  /** Ids of the reports that tell of it. */
  sources: string[];
  /** Days since the round before (when both have dates), and the same for people. */
  gapDays: number | null;
  gap: string | null;
}

export interface HistoryNext {
  round: number | null;
  due: string | null;
  place: string | null;
  placeName: string | null;
  /** The report that announced it (the latest that did). */
  announcedIn: string;
  status: 'held' | 'pending' | 'overdue';
}

export interface SeriesHistory {
  key: string;
  name: string;
  /** Every wording the reports used. */
  names: string[];
  parties: string[];
  rounds: HistoryRound[];
  /** Round numbers between the first and last known that no report tells of. */
  missing: number[];
  next: HistoryNext | null;
}

export interface StanceRow extends StanceOut {
  doc: string;
  published: string | null;
  issueName: string;
  /** The sentences' texts. */
  evidence: string[];
}

export type ClaimKind = 'stance' | 'commitment' | 'event';

export interface Claim {
  kind: ClaimKind;
  /** What makes two claims the same claim (for stances and events; commitments align by words). */
  key: string;
  /** For people: "PAK supports One-China principle". */
  label: string;
  actors: string[];
  sentences: number[];
  /** The sentences' texts. */
  evidence: string[];
  /** How it is worded: the triggers, or the commitment's action. */
  wording: string[];
  /** Qualifier labels ("firm", "reaffirmed"). */
  qualifiers: string[];
  /** For commitments: the due date and place. */
  due?: string | null;
  place?: string | null;
  /** For stances: the issue; for events: the CAMEO code. */
  issue?: string;
  code?: string;
}

export interface AlignedClaim {
  a: Claim;
  b: Claim;
  /** For people: "strength: + firm", "due: 2026 → 2027". Empty when the same. */
  changes: string[];
}

export interface DocumentRef {
  id: string;
  published: string | null;
  title: string | null;
}

export interface Comparison {
  a: DocumentRef;
  b: DocumentRef;
  same: AlignedClaim[];
  changed: AlignedClaim[];
  onlyA: Claim[];
  onlyB: Claim[];
}
