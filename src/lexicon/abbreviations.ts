// Loader for data/lexicon/abbreviations.yaml: the tables the sentence segmenter consults.
import { readLexiconFile, bundled } from './files.js';

export interface AbbreviationTables {
  /** Never end a sentence ("Dr", "Gen"). */
  titles: Set<string>;
  /** End a sentence only before a sentence opener ("U.S", "etc"). */
  others: Set<string>;
  openers: Set<string>;
}

let cached: AbbreviationTables | null = null;

export function abbreviations(): AbbreviationTables {
  if (!cached) {
    const raw = readLexiconFile<{ titles: string[]; others: string[]; openers: string[] }>(
      bundled('abbreviations.yaml'),
      'abbreviations',
    );
    cached = { titles: new Set(raw.titles), others: new Set(raw.others), openers: new Set(raw.openers) };
  }
  return cached;
}
