// Shared by the ledger tests: analysing an example report or a sentence of our own.
import { resolve } from 'node:path';
import { analyse } from '../src/pipeline.js';
import { readInputs } from '../src/document/read.js';
import type { Analysis } from '../src/analysis/types.js';
import { ROOT } from './helpers.js';

/** A report in examples/. */
export const EX = (file: string) => resolve(ROOT, 'examples', file);

/** The analysis of the first document of a file. */
export async function analyseFile(path: string): Promise<Analysis> {
  for await (const item of readInputs([path], { maxBytes: 1 << 24 })) if ('doc' in item) return analyse(item.doc);
  throw new Error(`${path}: no document`);
}

/** The analysis of a few sentences of plain text. */
export function run(text: string, published: string | null = '2026-01-05'): Analysis {
  return analyse({ id: 't', url: null, published, title: null, text, format: 'text', origin: 't', warnings: [], titleInText: false });
}

/** The four Pakistan–China example reports, in order: round 6, round 7, round 8, the 2027 consultations. */
export function pakChnReports(): Promise<[Analysis, Analysis, Analysis, Analysis]> {
  return Promise.all([
    analyseFile(EX('pak-chn-6th-strategic-dialogue.txt')),
    analyseFile(EX('pak-chn-7th-strategic-dialogue.txt')),
    analyseFile(EX('pak-chn-8th-strategic-dialogue-2027.txt')),
    analyseFile(EX('pak-chn-political-consultations-2027.txt')),
  ]);
}
