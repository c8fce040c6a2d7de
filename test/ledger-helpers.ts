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
