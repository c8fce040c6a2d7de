// The analyser on the calling thread: for small inputs, tests and one-core machines.
import { analyseBatch } from '../../pipeline.js';
import type { Analyser } from '../ingest.js';
import { learnedSince, primeLearned } from '../learned.js';

export function inlineAnalyser(): Analyser {
  let known = primeLearned([]);
  return {
    async prime(people) {
      known = primeLearned(people);
    },
    async analyse(docs) {
      const results = analyseBatch(docs);
      const learned = learnedSince(known);
      known += learned.length;
      return { results, learned };
    },
    async close() {},
  };
}
