// A worker thread that analyses documents for ingest: lexicons are loaded once per worker,
// then each message is a slice of documents and each reply their analyses (or errors) and
// the people this worker learned meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { analyseBatch } from '../../pipeline.js';
import type { Analysis } from '../../analysis/types.js';
import type { RawDocument } from '../../document/types.js';
import { applyLexicons, type LexiconOptions } from './lexicon-options.js';
import { learnedSince, primeLearned, type LearnedPerson } from '../learned.js';

export type Message = { prime: LearnedPerson[] } | Job;
export interface Job {
  id: number;
  docs: RawDocument[];
}
export type Outcome = { analysis: Analysis } | { error: string };
export interface Reply {
  id: number;
  outcomes: Outcome[];
  learned: LearnedPerson[];
}

applyLexicons((workerData ?? {}) as LexiconOptions);
let known = primeLearned([]);
parentPort!.on('message', (m: Message) => {
  if ('prime' in m) {
    known = primeLearned(m.prime);
    return;
  }
  const outcomes: Outcome[] = analyseBatch(m.docs).map((a) => (a instanceof Error ? { error: a.message } : { analysis: a }));
  const learned = learnedSince(known);
  known += learned.length;
  parentPort!.postMessage({ id: m.id, outcomes, learned } satisfies Reply);
});
