// Reading analyses back in (the JSON Lines `entente analyze` prints), for `ingest --analysed`:
// analysis once, store many times, or store analyses made on another machine.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Analysis } from '../analysis/types.js';

export type AnalysisItem = { analysis: Analysis } | { error: { origin: string; reason: string } };

const NEEDED = ['text', 'sentences', 'mentions', 'actors', 'places', 'events', 'commitments', 'series', 'issues'] as const;

export async function* readAnalyses(paths: string[]): AsyncGenerator<AnalysisItem> {
  for (const p of paths) {
    const input = p === '-' ? process.stdin : createReadStream(p);
    const lines = createInterface({ input, crlfDelay: Infinity });
    let lineNo = 0;
    try {
      for await (const line of lines) {
        lineNo++;
        if (!line.trim()) continue;
        const origin = `${p} line ${lineNo}`;
        let v: unknown;
        try {
          v = JSON.parse(line);
        } catch (e) {
          yield { error: { origin, reason: `invalid JSON: ${(e as Error).message}` } };
          continue;
        }
        const missing = NEEDED.filter((k) => !(v && typeof v === 'object' && k in (v as object)));
        if (missing.length) yield { error: { origin, reason: `not an analysis (missing ${missing.join(', ')})` } };
        else yield { analysis: v as Analysis };
      }
    } catch (e) {
      yield { error: { origin: p, reason: (e as Error).message } };
    }
  }
}
