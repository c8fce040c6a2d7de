// Loader for data/lexicon/language.yaml: closed word classes as sets for O(1) look-up.
import { readLexiconFile, bundled } from './files.js';

export interface LanguageTables {
  negators: Set<string>;
  subordinators: Set<string>;
  relatives: Set<string>;
  conditionals: Set<string>;
  /** Attribution phrases as lower-case word sequences. */
  attributions: string[][];
  future: Set<string>;
  addresseeVerbs: Set<string>;
  /** Verbs of saying whose subject may follow them at the end of a sentence ("…, said the minister."). */
  sayingVerbs: Set<string>;
  deepTargetRoots: Set<string>;
  /** Reciprocal objects as word sequences ("each other"). */
  reciprocals: string[][];
  reportedHostility: { roots: Set<string>; code: string } | null;
  contentMarkers: Set<string>;
  /** Code prefixes of acts that answer whoever last acted on their source. */
  responses: string[];
  /** Code prefixes of acts that ask something of their addressee (appeals, demands, invitations). */
  requests: string[];
}

let cached: LanguageTables | null = null;

export function languageTables(): LanguageTables {
  if (!cached) {
    const raw = readLexiconFile<Record<string, string[]>>(bundled('language.yaml'), 'language');
    cached = {
      negators: new Set(raw.negators),
      subordinators: new Set(raw.subordinators),
      relatives: new Set(raw.relatives),
      conditionals: new Set(raw.conditionals),
      attributions: raw.attributions.map((a) => a.split(' ')),
      future: new Set(raw.future),
      addresseeVerbs: new Set(raw.addressee_verbs ?? []),
      sayingVerbs: new Set(raw.saying_verbs ?? []),
      deepTargetRoots: new Set(raw.deep_target_roots ?? []),
      reciprocals: (raw.reciprocals ?? []).map((r) => r.split(' ')),
      contentMarkers: new Set(raw.content_markers ?? []),
      responses: raw.responses ?? [],
      requests: raw.requests ?? [],
      reportedHostility: raw.reported_hostility
        ? { roots: new Set((raw.reported_hostility as unknown as { roots: string[] }).roots), code: (raw.reported_hostility as unknown as { code: string }).code }
        : null,
    };
  }
  return cached;
}
