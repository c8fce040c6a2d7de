// Shared by the API and browser tests: a knowledge base of the bundled examples in a temporary
// folder, and the server over it on an ephemeral port of 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../src/document/read.js';
import { DEFAULT_MAX_BYTES } from '../src/document/types.js';
import { openStore, close, ingestDocuments, inlineAnalyser, type Store } from '../src/store/index.js';
import { ROOT } from './helpers.js';

export const EXAMPLES = join(ROOT, 'examples');
/** Commitment and series status are judged on this day in the tests. */
export const TODAY = '2026-06-30';

export interface Fixture {
  dir: string;
  store: Store;
  dispose(): Promise<void>;
}

/** A fresh store holding the example reports. */
export async function exampleStore(prefix = 'entente-api-'): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = await openStore(join(dir, 'kb.db'));
  const failures: string[] = [];
  const analyser = inlineAnalyser();
  try {
    await ingestDocuments(store, readInputs([EXAMPLES], { maxBytes: DEFAULT_MAX_BYTES }), {
      analyser,
      onError: (origin, reason) => failures.push(`${origin}: ${reason}`),
    });
  } finally {
    await analyser.close();
  }
  if (failures.length) throw new Error(`the examples did not ingest: ${failures.join('; ')}`);
  return {
    dir,
    store,
    async dispose() {
      await close(store);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
