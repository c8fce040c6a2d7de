// `entente eval --docs DOCS --gold GOLD [--json] [--verbose]`: analyse and score against gold.
import type { ReadOptions } from '../document/types.js';
import { analyseInputs } from './analyse-inputs.js';
import { readGold } from '../eval/gold.js';
import { score } from '../eval/score.js';
import { renderScore } from '../eval/report.js';
import { writeOut } from './output.js';
import { EXIT_OK, EXIT_SOME_FAILED } from './exit.js';

export async function runEval(docs: string[], goldPath: string, opts: ReadOptions & { json: boolean; verbose: boolean }): Promise<number> {
  const gold = readGold(goldPath);
  const { analyses, failed } = await analyseInputs(docs, opts);
  const s = score(analyses, gold);
  if (opts.json) {
    const { misses, falsePositives, ...summary } = s;
    await writeOut(JSON.stringify(opts.verbose ? s : { ...summary, misses: misses.length, falsePositives: falsePositives.length }) + '\n');
  } else {
    await writeOut(renderScore(s, opts.verbose));
  }
  return failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}
