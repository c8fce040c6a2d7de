// The analyser on the calling thread: for small inputs, tests and one-core machines.
import { analyse } from '../../pipeline.js';
import type { Analyser } from '../ingest.js';

export function inlineAnalyser(): Analyser {
  return {
    async analyse(docs) {
      return docs.map((d) => {
        try {
          return analyse(d);
        } catch (e) {
          return e instanceof Error ? e : new Error(String(e));
        }
      });
    },
    async close() {},
  };
}
