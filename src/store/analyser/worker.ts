// A worker thread that analyses documents for ingest: lexicons are loaded once per worker,
// then each message is a slice of documents and each reply their analyses (or errors).
import { parentPort, workerData } from 'node:worker_threads';
import { analyse } from '../../pipeline.js';
import type { RawDocument } from '../../document/types.js';
import { applyLexicons, type LexiconOptions } from './lexicon-options.js';

export interface Job {
  id: number;
  docs: RawDocument[];
}
export type Outcome = { analysis: ReturnType<typeof analyse> } | { error: string };
export interface Reply {
  id: number;
  outcomes: Outcome[];
}

applyLexicons((workerData ?? {}) as LexiconOptions);
parentPort!.on('message', (job: Job) => {
  const outcomes: Outcome[] = job.docs.map((d) => {
    try {
      return { analysis: analyse(d) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  });
  parentPort!.postMessage({ id: job.id, outcomes } satisfies Reply);
});
