// Analysis on worker threads, for large inputs: documents go out in small slices so the
// workers stay evenly busy, and come back in input order. Each worker learns people on its
// own, so which slice a worker saw can change what it resolves: a run with workers is not
// bound to equal a run without, as a one-thread run is bound to equal itself.
import { Worker } from 'node:worker_threads';
import type { Analysis } from '../../analysis/types.js';
import type { RawDocument } from '../../document/types.js';
import type { Analyser } from '../ingest.js';
import type { LexiconOptions } from './lexicon-options.js';
import type { Job, Reply } from './worker.js';

/** Documents per slice: few enough that a batch of ingest (500) keeps two or three workers
 * evenly busy, enough that a worker takes each stage over many documents together (see
 * analyseBatch). */
const SLICE = 64;

export function poolAnalyser(workers: number, lexicons: LexiconOptions): Analyser {
  const url = new URL('./worker.js', import.meta.url);
  const pool = Array.from({ length: workers }, () => new Worker(url, { workerData: lexicons }));
  const idle = [...pool];
  const queue: Job[] = [];
  const waiting = new Map<number, (r: Reply) => void>();
  let failure: Error | null = null;
  let nextId = 0;

  const dispatch = () => {
    while (idle.length && queue.length) {
      const w = idle.shift()!;
      w.postMessage(queue.shift()!);
    }
  };
  for (const w of pool) {
    w.on('message', (r: Reply) => {
      idle.push(w);
      waiting.get(r.id)?.(r);
      waiting.delete(r.id);
      dispatch();
    });
    // a worker that dies (a lexicon that will not load, out of memory) fails the ingest
    w.on('error', (e) => {
      failure = e;
      for (const done of waiting.values()) done({ id: -1, outcomes: [], learned: [] });
      waiting.clear();
    });
  }

  return {
    async prime(people) {
      for (const w of pool) w.postMessage({ prime: people });
    },
    async analyse(docs: RawDocument[]) {
      if (failure) throw failure;
      const parts: Promise<Reply>[] = [];
      for (let i = 0; i < docs.length; i += SLICE) {
        const job: Job = { id: nextId++, docs: docs.slice(i, i + SLICE) };
        parts.push(new Promise((done) => waiting.set(job.id, done)));
        queue.push(job);
      }
      dispatch();
      const replies = await Promise.all(parts);
      if (failure) throw new Error(`an analysis worker failed: ${(failure as Error).message}`);
      return {
        results: replies.flatMap((r) => r.outcomes.map((o): Analysis | Error => ('error' in o ? new Error(o.error) : o.analysis))),
        learned: replies.flatMap((r) => r.learned),
      };
    },
    async close() {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}
