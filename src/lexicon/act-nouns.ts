// Loader for data/lexicon/act-nouns.yaml: nouns that name an act the report has told before.
import { readLexiconFile, bundled, LexiconError } from './files.js';
import { leadId, leadRun } from '../extract/phrase-trie.js';

/** One entry of the file: nouns of the same kind. */
export interface ActKind {
  id: number;
  /** CAMEO code prefixes of the acts the nouns can name. */
  codes: string[];
  /** Whether the nouns may refer straight to a coded event (else only to a named act of this kind). */
  fromEvents: boolean;
}

export interface ActNouns {
  determiners: Set<string>;
  indefinites: Set<string>;
  doerPrepositions: Set<string>;
  restrictors: Set<string>;
  kinds: Map<string, ActKind>;
  /** By a token's lead number (phrase-trie.ts): the noun it may be, so that a document's tokens
   * are tested by an array read, not a look-up of each fresh string. */
  nounOfLead: Array<string | undefined>;
}

let cached: ActNouns | null = null;

export function actNouns(): ActNouns {
  if (cached) return cached;
  const path = bundled('act-nouns.yaml');
  const raw = readLexiconFile<{ determiners: string[]; indefinites: string[]; doer_prepositions: string[]; restrictors: string[]; acts: Array<{ nouns: string[]; codes?: string[]; from_events?: boolean }> }>(path, 'act-nouns');
  const kinds = new Map<string, ActKind>();
  raw.acts.forEach((a, id) => {
    // without codes the nouns name the doers of an act, not an act: they refer back only in kind
    const kind = { id, codes: a.codes ?? [], fromEvents: !!a.codes && (a.from_events ?? true) };
    for (const n of a.nouns) {
      if (kinds.has(n)) throw new LexiconError(`${path}: "${n}" is in two entries; a noun names one kind of act`);
      kinds.set(n, kind);
    }
  });
  const nounOfLead: Array<string | undefined> = [];
  for (const n of kinds.keys()) nounOfLead[leadId(leadRun(n))] = n;
  cached = {
    determiners: new Set(raw.determiners), indefinites: new Set(raw.indefinites), doerPrepositions: new Set(raw.doer_prepositions),
    restrictors: new Set(raw.restrictors), kinds, nounOfLead,
  };
  return cached;
}
