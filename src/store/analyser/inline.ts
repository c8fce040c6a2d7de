// The analyser on the calling thread: for small inputs, tests and one-core machines.
import { analyse } from '../../pipeline.js';
import type { Analyser } from '../ingest.js';
import { learnedSince, primeLearned } from '../learned.js';

export function inlineAnalyser(): Analyser {
  let known = primeLearned([]);
  return {
    async prime(people) {
      known = primeLearned(people);
    },
    async analyse(docs) {
      const results = docs.map((d) => {
        try {
          return analyse(d);
        } catch (e) {
          return e instanceof Error ? e : new Error(String(e));
        }
      });
      const learned = learnedSince(known);
      known += learned.length;
      return { results, learned };
    },
    async close() {},
  };
}
