// The analysis of one document: the output contract of ../shared/DESIGN.md ("Contracts").
// Every start/end is a character offset into `text`.

export type SentenceRole = 'caption' | 'headline' | 'highlight' | 'subhead' | 'body';

export interface SentenceOut {
  index: number;
  start: number;
  end: number;
  text: string;
  role: SentenceRole;
  /** Index of the paragraph (block) the sentence lies in. */
  paragraph: number;
}

export type MentionKind = 'actor' | 'place' | 'date' | 'issue';

export interface Mention {
  kind: MentionKind;
  start: number;
  end: number;
  text: string;
  /** For actors, places and issues, the ref of what it resolves to; for dates null. */
  ref: string | null;
  /** For dates: the ISO value as precise as the text allows ("2026-01-04", "2026-01", "2027"). */
  value?: string | null;
  /** Index of the sentence the mention lies in. */
  sentence: number;
  /** Why a date stayed unresolved, or how a mention was resolved, when that is not obvious. */
  note?: string;
}

export interface ActorOut {
  ref: string;
  code: string;
  country: string | null;
  org: string | null;
  sector: string | null;
  name: string;
  person?: boolean;
  office?: string | null;
  aliases: string[];
  members?: string[];
}

export interface PlaceOut {
  ref: string;
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  kind: string;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface RoleFiller extends Span {
  ref: string;
  code: string;
}

export interface EventOut {
  id: string;
  sentence: number;
  source: RoleFiller;
  target: RoleFiller | null;
  code: string;
  root: string;
  quadClass: number;
  goldstein: number;
  plover: string | null;
  date: string | null;
  place: string | null;
  trigger: Span;
  pattern: string;
  modality: 'asserted' | 'intended' | 'hypothetical' | 'reported';
  negated: boolean;
  confidence: number;
  /** Why the coder decided as it did, for `--explain`. */
  why?: string;
}

export interface CommitmentOut {
  parties: string[];
  action: string;
  due: string | null;
  place: string | null;
  sentence: number;
  status: 'open' | 'due' | 'overdue' | 'fulfilled';
}

export interface SeriesOut {
  name: string;
  parties: string[];
  round: number | null;
  date: string | null;
  place: string | null;
  cochairs: string[];
  next: { round: number | null; due: string | null; place: string | null } | null;
}

export interface StanceOut {
  /** The code of the actor who holds the stance. */
  actor: string;
  /** The issue's ref (data/lexicon/issues.yaml). */
  issue: string;
  stance: 'supports' | 'opposes' | 'concerned';
  /** Whom it is for or against: the events' target, else the actor whose core interest the issue is. */
  toward: string | null;
  /** Qualifiers around the triggers ("firm", "ironclad", "reaffirmed"). */
  qualifiers: string[];
  sentences: number[];
  /** Ids of the events it rests on. */
  events: string[];
}

export interface IssueOut {
  ref: string;
  name: string;
  sentences: number[];
}

export interface Analysis {
  id: string;
  url: string | null;
  published: string | null;
  title: string | null;
  format: string;
  text: string;
  sentences: SentenceOut[];
  mentions: Mention[];
  actors: ActorOut[];
  places: PlaceOut[];
  events: EventOut[];
  commitments: CommitmentOut[];
  series: SeriesOut[];
  issues: IssueOut[];
  /** Each actor's stance on each issue, from the events (absent in analyses made before stances). */
  stances?: StanceOut[];
  warnings: string[];
}
