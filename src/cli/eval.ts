// `entente eval --docs DOCS --gold GOLD [--json] [--verbose]`: analyse and score against gold.
import { readInputs } from '../document/read.js';
import type { RawDocument, ReadOptions } from '../document/types.js';
import { analyseBatch } from '../pipeline.js';
import { readGold } from '../eval/gold.js';
import { score } from '../eval/score.js';
import { renderScore } from '../eval/report.js';
import { writeOut, report } from './output.js';
import { EXIT_OK, EXIT_SOME_FAILED } from './exit.js';
import type { Analysis } from '../analysis/types.js';

export async function runEval(docs: string[], goldPath: string, opts: ReadOptions & { json: boolean; verbose: boolean }): Promise<number> {
  const gold = readGold(goldPath);
  const analyses: Analysis[] = [];
  const read: RawDocument[] = [];
  let failed = 0;
  for await (const item of readInputs(docs, opts)) {
    if ('error' in item) {
      report(item.error.origin, item.error.reason);
      failed++;
      continue;
    }
    read.push(item.doc);
  }
  analyseBatch(read).forEach((a, i) => {
    if (a instanceof Error) {
      report(read[i].origin, `analysis failed: ${a.message}`);
      failed++;
    } else analyses.push(a);
  });
  const s = score(analyses, gold);
  if (opts.json) {
    const { misses, falsePositives, ...summary } = s;
    await writeOut(JSON.stringify(opts.verbose ? s : { ...summary, misses: misses.length, falsePositives: falsePositives.length }) + '\n');
  } else {
    await writeOut(renderScore(s, opts.verbose));
  }
  return failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}
