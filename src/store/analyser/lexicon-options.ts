// Extra lexicons a user brings (--patterns, --petrarch-verbs), applied the same way on the
// main thread and in every analysis worker.
import { addPatternEntries, addPatternFile } from '../../lexicon/patterns.js';
import { readPetrarchVerbs } from '../../lexicon/petrarch-verbs.js';
import { loadLexicons } from '../../pipeline.js';

export interface LexiconOptions {
  patterns?: string[];
  petrarchVerbs?: string;
}

/** Loads the extra lexicons and then every lexicon; returns how many PETRARCH lines had no equivalent. */
export function applyLexicons(o: LexiconOptions): { petrarchPatterns: number; skipped: number } {
  for (const f of o.patterns ?? []) addPatternFile(f);
  let petrarchPatterns = 0;
  let skipped = 0;
  if (o.petrarchVerbs) {
    const r = readPetrarchVerbs(o.petrarchVerbs);
    addPatternEntries(r.entries, o.petrarchVerbs);
    petrarchPatterns = r.entries.length;
    skipped = r.skipped;
  }
  loadLexicons();
  return { petrarchPatterns, skipped };
}
