// Loader for data/lexicon/ledger/*.yaml: the knowledge the ledger reads (mechanism names,
// ordinals, the language of commitments, stance rules, qualifiers), each file checked against
// its schema in schema/lexicon/ledger-*.schema.json and loaded once.
import { existsSync } from 'node:fs';
import { readLexiconFile, bundled } from '../lexicon/files.js';
import { PhraseTrie, casingOf } from '../extract/phrase-trie.js';

export interface Mechanism {
  key: string;
  name: string;
  forms: string[];
  generic: boolean;
}

export interface SeriesLexicon {
  mechanisms: Mechanism[];
  /** Every form of every mechanism, matched leftmost-longest at token boundaries. */
  trie: PhraseTrie<Mechanism>;
  rounds: Set<string>;
  /** Words inside a mechanism's name before its head ("foreign ministers'", "trilateral"). */
  modifiers: PhraseTrie<string>;
  meetingVerbs: Set<string>;
  /** "take place", "be held": word sequences (lemmas). */
  happenVerbs: string[][];
  chairVerbs: Set<string>;
  venueKinds: Set<string>;
}

export interface OrdinalLexicon {
  words: Map<string, number>;
  next: Set<string>;
  last: Set<string>;
}

export interface CommitmentLexicon {
  intentTo: Set<string>;
  modals: Set<string>;
  expectation: Set<string>;
  lightVerbs: Set<string>;
  dueWords: Set<string>;
  cutAfter: string[][];
  nonAgents: Set<string>;
  intentOf: Set<string>;
  provide: Set<string>;
  /** CAMEO codes (prefixes) of events that can report a commitment carried out. */
  fulfilledBy: string[];
  /** Auxiliaries that make an intention one recalled from before ("had hoped to"). */
  recalled: Set<string>;
  /** The verbs of actions written for people: holding a round, convening a mechanism, providing a quantity. */
  phrasing: { round: string; mechanism: string; quantity: string };
}

export type StanceKind = 'supports' | 'opposes' | 'concerned';

export interface StanceRule {
  stance: StanceKind;
  codes: string[];
  words: Set<string> | null;
  why: string;
}

export interface Qualifier {
  label: string;
  kind: 'strength' | 'repetition' | 'hedge';
  forms: string[][];
}

export interface WordingLexicon {
  qualifiers: Qualifier[];
  stopwords: Set<string>;
  irregular: Map<string, string>;
}

let series: SeriesLexicon | null = null;
let ordinals: OrdinalLexicon | null = null;
let commitments: CommitmentLexicon | null = null;
let stances: StanceRule[] | null = null;
let objectPrepositions: Set<string> | null = null;
let wording: WordingLexicon | null = null;

export function seriesLexicon(): SeriesLexicon {
  if (series) return series;
  const raw = readLexiconFile<{
    mechanisms: Array<{ key: string; name: string; forms: string[]; generic?: boolean }>;
    rounds: string[];
    modifiers: string[];
    meeting_verbs: string[];
    happen_verbs: string[];
    chair_verbs: string[];
    venue_kinds: string[];
  }>(bundled('ledger/series.yaml'), 'ledger-series');
  const mechanisms = raw.mechanisms.map((m) => ({ key: m.key, name: m.name, forms: m.forms, generic: !!m.generic }));
  const trie = new PhraseTrie<Mechanism>();
  for (const m of mechanisms) for (const f of m.forms) trie.add({ form: f, value: m, casing: casingOf(f) });
  const modifiers = new PhraseTrie<string>();
  for (const f of raw.modifiers) modifiers.add({ form: f, value: f, casing: casingOf(f) });
  series = {
    mechanisms,
    trie,
    rounds: new Set(raw.rounds),
    modifiers,
    meetingVerbs: new Set(raw.meeting_verbs),
    happenVerbs: raw.happen_verbs.map((v) => v.split(/\s+/)),
    chairVerbs: new Set(raw.chair_verbs),
    venueKinds: new Set(raw.venue_kinds),
  };
  return series;
}

export function ordinalLexicon(): OrdinalLexicon {
  if (ordinals) return ordinals;
  const raw = readLexiconFile<{ words: Record<string, number>; next: string[]; last: string[] }>(bundled('ledger/ordinals.yaml'), 'ledger-ordinals');
  ordinals = { words: new Map(Object.entries(raw.words)), next: new Set(raw.next), last: new Set(raw.last) };
  return ordinals;
}

export function commitmentLexicon(): CommitmentLexicon {
  if (commitments) return commitments;
  const raw = readLexiconFile<Record<string, string[]>>(bundled('ledger/commitments.yaml'), 'ledger-commitments');
  commitments = {
    intentTo: new Set(raw.intent_to),
    modals: new Set(raw.modals),
    expectation: new Set(raw.expectation),
    lightVerbs: new Set(raw.light_verbs),
    dueWords: new Set(raw.due_words),
    cutAfter: raw.cut_after.map((c) => c.split(/\s+/)),
    nonAgents: new Set(raw.non_agents ?? []),
    intentOf: new Set(raw.intent_of ?? []),
    provide: new Set(raw.provide ?? []),
    fulfilledBy: raw.fulfilled_by ?? [],
    recalled: new Set(raw.recalled ?? []),
    phrasing: { round: 'hold', mechanism: 'convene', quantity: 'provide', ...(raw.phrasing as unknown as Record<string, string> | undefined) },
  };
  return commitments;
}

export function stanceRules(): StanceRule[] {
  if (stances) return stances;
  const raw = readLexiconFile<{ rules: Array<{ stance: StanceKind; codes: string[]; words?: string[]; why?: string }>; object_prepositions?: string[] }>(bundled('ledger/stances.yaml'), 'ledger-stances');
  stances = raw.rules.map((r) => ({ stance: r.stance, codes: r.codes, words: r.words ? new Set(r.words) : null, why: r.why ?? '' }));
  objectPrepositions = new Set(raw.object_prepositions ?? []);
  return stances;
}

/** Prepositions between a trigger and an event noun that make the noun its object ("concern over attacks on …"). */
export function stanceObjectPrepositions(): Set<string> {
  if (!objectPrepositions) stanceRules();
  return objectPrepositions!;
}

export function wordingLexicon(): WordingLexicon {
  if (wording) return wording;
  const raw = readLexiconFile<{ qualifiers: Array<{ label: string; kind: Qualifier['kind']; forms: string[] }>; stopwords: string[]; irregular: Record<string, string> }>(
    bundled('ledger/wording.yaml'),
    'ledger-wording',
  );
  wording = {
    qualifiers: raw.qualifiers.map((q) => ({ label: q.label, kind: q.kind, forms: q.forms.map((f) => f.split(/\s+/)) })),
    stopwords: new Set(raw.stopwords),
    irregular: new Map(Object.entries(raw.irregular)),
  };
  return wording;
}

/** The `actor` of each issue in data/lexicon/issues.yaml (whose core interest it is). */
let issueActors: Map<string, { name: string; actor: string | null }> | null = null;
export function issueTable(): Map<string, { name: string; actor: string | null }> {
  if (issueActors) return issueActors;
  const path = bundled('issues.yaml');
  const rows = existsSync(path) ? (readLexiconFile<Array<{ ref: string; name: string; actor?: string }> | null>(path, 'issues') ?? []) : [];
  issueActors = new Map(rows.map((r) => [r.ref, { name: r.name, actor: r.actor ?? null }]));
  return issueActors;
}

/** Loads every ledger lexicon now, so that a broken file stops a command once with its name. */
export function loadLedgerLexicons(): void {
  seriesLexicon();
  ordinalLexicon();
  commitmentLexicon();
  stanceRules();
  wordingLexicon();
  issueTable();
}
