// `entente analyze FILE… | -`: one JSON object per document on stdout (JSON Lines); a line on
// stderr for every document that could not be read or analysed, the rest still printed.
import { readInputs } from '../document/read.js';
import type { RawDocument, ReadOptions } from '../document/types.js';
import { analyseBatch, BATCH } from '../pipeline.js';
import { writeOut, report, stdoutClosed } from './output.js';
import { renderSummary, renderExplain } from './render.js';
import { EXIT_OK, EXIT_SOME_FAILED } from './exit.js';
import type { Analysis } from '../analysis/types.js';

export type View = 'json' | 'pretty' | 'explain' | 'summary';

export interface AnalyzeOptions extends ReadOptions {
  view: View;
}

export function renderView(a: Analysis, view: View): string {
  switch (view) {
    case 'json':
      return JSON.stringify(a) + '\n';
    case 'pretty':
      return JSON.stringify(a, null, 2) + '\n';
    case 'explain':
      return renderExplain(a);
    case 'summary':
      return renderSummary(a);
  }
}

/** Analyses every input; returns the exit status. Documents are analysed BATCH at a time, stage
 * by stage (analyseBatch), and printed in the order read. */
export async function runAnalyze(paths: string[], opts: AnalyzeOptions): Promise<number> {
  let failed = 0;
  let done = 0;
  let pending: RawDocument[] = [];
  const flush = async () => {
    const results = analyseBatch(pending);
    for (let i = 0; i < results.length; i++) {
      const a = results[i];
      if (a instanceof Error) {
        report(pending[i].origin, `analysis failed: ${a.message}`);
        failed++;
        continue;
      }
      if (stdoutClosed()) break;
      await writeOut(renderView(a, opts.view));
      done++;
    }
    pending = [];
  };
  for await (const item of readInputs(paths, opts)) {
    if (stdoutClosed()) break;
    if ('error' in item) {
      report(item.error.origin, item.error.reason);
      failed++;
      continue;
    }
    const doc = item.doc;
    for (const w of doc.warnings) report(doc.origin, w, 'warning');
    pending.push(doc);
    if (pending.length >= BATCH) await flush();
  }
  if (pending.length && !stdoutClosed()) await flush();
  if (done === 0 && failed === 0) report(paths.join(' ') || '-', 'no documents found', 'warning');
  return failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}
