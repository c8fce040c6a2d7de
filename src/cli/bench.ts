// `entente bench [FILES]`: runs the benchmark on the given documents, by default the dev set
// of ../shared repeated to about 5 MB (or the bundled examples when ../shared is absent).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import os from 'node:os';
import { readInputs } from '../document/read.js';
import type { RawDocument, ReadOptions } from '../document/types.js';
import { bench, renderBench } from '../bench/run.js';
import { PACKAGE_ROOT } from '../lexicon/files.js';
import { writeOut, report } from './output.js';
import { EXIT_OK, EXIT_USAGE } from './exit.js';

export function defaultBenchInputs(): string[] {
  const dev = resolve(PACKAGE_ROOT, '..', 'shared', 'corpus', 'dev', 'docs.jsonl');
  if (existsSync(dev)) return [dev];
  return [join(PACKAGE_ROOT, 'examples')];
}

export async function runBench(paths: string[], opts: ReadOptions & { megabytes: number; json: boolean }): Promise<number> {
  const inputs = paths.length ? paths : defaultBenchInputs();
  const docs: RawDocument[] = [];
  for await (const item of readInputs(inputs, opts)) {
    if ('error' in item) report(item.error.origin, item.error.reason);
    else docs.push(item.doc);
  }
  if (!docs.length) {
    report(inputs.join(' '), 'no documents to benchmark');
    return EXIT_USAGE;
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${cpu}, ${os.cpus().length} cores, Node ${process.versions.node}, one core used`;
  const r = await bench(docs, opts.megabytes * 1e6, machine);
  await writeOut(opts.json ? JSON.stringify(r) + '\n' : renderBench(r));
  return EXIT_OK;
}
