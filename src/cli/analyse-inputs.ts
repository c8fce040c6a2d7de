// Every document of some inputs, analysed in batches (analyseBatch), for the commands that need
// them all before they answer (eval, the ledger commands): a line on stderr for each input
// that could not be read and each document that could not be analysed, the rest kept.
import { readInputs } from '../document/read.js';
import type { RawDocument, ReadOptions } from '../document/types.js';
import type { Analysis } from '../analysis/types.js';
import { analyseBatch } from '../pipeline.js';
import { report } from './output.js';

export interface Analysed {
  analyses: Analysis[];
  /** Inputs and documents that failed, each reported. */
  failed: number;
}

export async function analyseInputs(paths: string[], opts: ReadOptions): Promise<Analysed> {
  const read: RawDocument[] = [];
  let failed = 0;
  for await (const item of readInputs(paths, opts)) {
    if ('error' in item) {
      report(item.error.origin, item.error.reason);
      failed++;
    } else read.push(item.doc);
  }
  const analyses: Analysis[] = [];
  analyseBatch(read).forEach((a, i) => {
    if (a instanceof Error) {
      report(read[i].origin, `analysis failed: ${a.message}`);
      failed++;
    } else analyses.push(a);
  });
  return { analyses, failed };
}
