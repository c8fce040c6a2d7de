// The command line: `entente analyze | eval | bench | start`.
import { Command, Option, InvalidArgumentError } from 'commander';
import { join } from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import { addPatternFile, addPatternEntries } from '../lexicon/patterns.js';
import { readPetrarchVerbs } from '../lexicon/petrarch-verbs.js';
import { runAnalyze, type View } from './analyze.js';
import { runEval } from './eval.js';
import { runBench } from './bench.js';
import { registerStoreCommands } from './store-commands.js';
import { registerLedgerCommands } from './ledger-commands.js';
import { registerServeCommands } from './serve-commands.js';
import { DEFAULT_MAX_BYTES } from '../document/types.js';
import { loadLexicons as loadAllLexicons } from '../pipeline.js';
import { PACKAGE_ROOT } from '../lexicon/files.js';
import { EXIT_USAGE, UsageError } from './exit.js';

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}
function positiveNumber(v: string): number {
  const n = Number(v);
  if (!(n > 0)) throw new InvalidArgumentError('expected a positive number');
  return n;
}

/** Extra lexicons a user brings: pattern files of our shape, and PETRARCH verb dictionaries. */
function lexiconOptions(c: Command): Command {
  return c
    .option('--patterns <file>', 'an extra event pattern file (YAML, the shape of data/lexicon/patterns/*.yaml); repeat for several', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--petrarch-verbs <file>', 'load a TABARI/PETRARCH CAMEO verb dictionary (e.g. ../shared/petrarch2/CAMEO.2.0.txt) as extra patterns');
}

function loadLexicons(o: { patterns?: string[]; petrarchVerbs?: string }): void {
  for (const f of o.patterns ?? []) {
    if (!existsSync(f)) throw new UsageError(`--patterns: ${f}: no such file`);
    addPatternFile(f);
  }
  if (o.petrarchVerbs) {
    if (!existsSync(o.petrarchVerbs)) throw new UsageError(`--petrarch-verbs: ${o.petrarchVerbs}: no such file`);
    const r = readPetrarchVerbs(o.petrarchVerbs);
    addPatternEntries(r.entries, o.petrarchVerbs);
    process.stderr.write(`entente: loaded ${r.entries.length} patterns from ${o.petrarchVerbs} (${r.skipped} lines have no equivalent and were skipped)\n`);
  }
  loadAllLexicons();
}

const maxBytes = () =>
  new Option('--max-bytes <n>', 'largest document accepted, in bytes').argParser(positiveInt).default(DEFAULT_MAX_BYTES);

export function program(): Command {
  const version = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version as string;
  const p = new Command('entente')
    .description('Diplomatic reports into verifiable event data: who did what to whom, when and where.')
    .version(version)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error') ? `entente: ${s}` : s) });

  lexiconOptions(p.command('analyze')
    .description('analyse reports (plain text, JSON, JSON Lines, HTML, RSS/Atom; files, folders or - for stdin) and print one JSON object per document')
    .argument('<files...>', 'files, directories, or - for standard input')
    .option('--pretty', 'print indented JSON for people')
    .option('--explain', 'print each event with its sentence, trigger, source and target marked, and why')
    .option('--summary', 'print a short readable summary of each document'))
    .addOption(maxBytes())
    .action(async (files: string[], o: { pretty?: boolean; explain?: boolean; summary?: boolean; maxBytes: number; patterns?: string[]; petrarchVerbs?: string }) => {
      loadLexicons(o);
      const view: View = o.explain ? 'explain' : o.summary ? 'summary' : o.pretty ? 'pretty' : 'json';
      process.exitCode = await runAnalyze(files, { view, maxBytes: o.maxBytes });
    });

  lexiconOptions(p.command('eval')
    .description('score the coded events against gold lines {doc, sentence, source, target, roots[], date}')
    .requiredOption('--docs <files...>', 'the documents (JSON Lines, or any input analyze reads)')
    .requiredOption('--gold <file>', 'the gold events, one JSON object a line')
    .option('--json', 'print one JSON summary')
    .option('--verbose', 'list misses and false positives with their sentences'))
    .addOption(maxBytes())
    .action(async (o: { docs: string[]; gold: string; json?: boolean; verbose?: boolean; maxBytes: number; patterns?: string[]; petrarchVerbs?: string }) => {
      loadLexicons(o);
      process.exitCode = await runEval(o.docs, o.gold, { json: !!o.json, verbose: !!o.verbose, maxBytes: o.maxBytes });
    });

  p.command('bench')
    .description('measure documents, sentences and tokens per second on one core, and peak memory')
    .argument('[files...]', 'documents to measure (default: ../shared/corpus/dev repeated, else examples/)')
    .option('--megabytes <n>', 'repeat the documents to about this much text', positiveNumber, 5)
    .option('--json', 'print the figures as JSON')
    .addOption(maxBytes())
    .action(async (files: string[], o: { megabytes: number; json?: boolean; maxBytes: number }) => {
      loadAllLexicons();
      process.exitCode = await runBench(files, { megabytes: o.megabytes, json: !!o.json, maxBytes: o.maxBytes });
    });

  p.command('start')
    .description('the quick start: analyse the bundled example reports and print a summary of each')
    .action(async () => {
      loadAllLexicons();
      process.stdout.write(`entente ${version}: analysing the example reports in ${join(PACKAGE_ROOT, 'examples')}\n\n`);
      process.exitCode = await runAnalyze([join(PACKAGE_ROOT, 'examples')], { view: 'summary', maxBytes: DEFAULT_MAX_BYTES });
    });

  registerStoreCommands(p);
  registerLedgerCommands(p);
  registerServeCommands(p);
  return p;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv);
  } catch (err) {
    const e = err as { code?: string; exitCode?: number; message?: string };
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') {
      process.exitCode = 0;
      return;
    }
    if (e.code?.startsWith('commander.')) {
      process.exitCode = EXIT_USAGE;
      return;
    }
    process.stderr.write(`entente: error: ${e.message ?? String(err)}\n`);
    process.exitCode = EXIT_USAGE;
  }
}
