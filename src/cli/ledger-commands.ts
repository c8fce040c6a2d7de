// The ledger on the command line: `entente commitments | series | stances | compare`. Each reads
// analyses from report files given on the command line (analysed now) or, without files, from
// the knowledge base (--db, default ./entente.db), and runs the pure functions of src/ledger/.
import { Command, Option } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Analysis } from '../analysis/types.js';
import { DEFAULT_MAX_BYTES } from '../document/types.js';
import { loadLexicons } from '../pipeline.js';
import { analyseInputs } from './analyse-inputs.js';
import { openStore, close, loadAnalyses, storeLocation, isPostgresUrl } from '../store/index.js';
import { loadLedgerLexicons } from '../ledger/lexicon.js';
import { commitmentStatus } from '../ledger/status.js';
import { seriesHistory, seriesMatches } from '../ledger/series-history.js';
import { stancesAcross } from '../ledger/stances-across.js';
import { compareAnalyses } from '../ledger/compare.js';
import { today as todayIso } from '../ledger/period.js';
import { renderCommitments, renderComparison, renderSeries, renderStances } from '../ledger/render.js';
import { report, writeOut } from './output.js';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError } from './exit.js';

const dbOption = () => new Option('--db <file|url>', 'the knowledge base when no files are given: a SQLite file or a postgres:// URL (default: $ENTENTE_DB, else ./entente.db)');
const todayOption = () => new Option('--today <date>', 'judge due dates on this day, YYYY-MM-DD (default: today)');

interface Loaded {
  analyses: Analysis[];
  failed: number;
}

/** Analyses of report files (every document in them), in the order given. */
async function fromFiles(paths: string[]): Promise<Loaded> {
  loadLexicons();
  loadLedgerLexicons();
  return analyseInputs(paths, { maxBytes: DEFAULT_MAX_BYTES });
}

/** Analyses from the knowledge base (all, or those with the given ids). */
async function fromStore(db: string | undefined, ids?: string[]): Promise<Loaded> {
  const location = storeLocation(db);
  if (!isPostgresUrl(location) && !existsSync(resolve(location))) {
    throw new UsageError(`no knowledge base at ${location}: store reports with \`entente ingest FILE…\`, name one with --db, or give report files`);
  }
  loadLedgerLexicons();
  const store = await openStore(location);
  const analyses: Analysis[] = [];
  try {
    for await (const a of loadAnalyses(store, ids ? { ids } : {})) analyses.push(a);
  } finally {
    await close(store);
  }
  return { analyses, failed: 0 };
}

async function load(files: string[], db: string | undefined): Promise<Loaded> {
  return files.length ? fromFiles(files) : fromStore(db);
}

function checkDate(d: string | undefined): string {
  if (d === undefined) return todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new UsageError(`--today: expected YYYY-MM-DD, got "${d}"`);
  return d;
}

const exit = (l: Loaded) => (l.failed ? EXIT_SOME_FAILED : EXIT_OK);
const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

/** Splits `series` arguments into report paths (they exist) and the words of a series name. */
function pathsAndWords(args: string[]): { paths: string[]; words: string[] } {
  const paths: string[] = [];
  const words: string[] = [];
  for (const a of args) (a === '-' || existsSync(a) ? paths : words).push(a);
  return { paths, words };
}

/** One analysis for `compare`: a report file (its first document), else a stored document id. */
async function oneAnalysis(arg: string, db: string | undefined): Promise<Analysis> {
  if (arg === '-' || existsSync(arg)) {
    const l = await fromFiles([arg]);
    if (!l.analyses.length) throw new UsageError(`${arg}: no document could be analysed`);
    if (l.analyses.length > 1) report(arg, `holds ${l.analyses.length} documents; comparing the first (${l.analyses[0].id})`, 'warning');
    return l.analyses[0];
  }
  const l = await fromStore(db, [arg]);
  if (!l.analyses.length) throw new UsageError(`${arg}: neither a file nor a document id in the knowledge base`);
  return l.analyses[0];
}

export function registerLedgerCommands(program: Command): void {
  program.command('commitments')
    .description('what was promised, by whom and by when, and whether a later report shows it kept: open, due, overdue or fulfilled (with the evidence)')
    .argument('[files...]', 'reports (any input analyze reads), in any order; without files, the knowledge base')
    .option('--party <code>', 'only commitments this party made (PAK, CHN, IGO:UN …)')
    .addOption(new Option('--status <status>', 'only commitments with this status').choices(['open', 'due', 'overdue', 'fulfilled']))
    .addOption(todayOption())
    .option('--json', 'print JSON for programs')
    .addOption(dbOption())
    .action(async (files: string[], o: { party?: string; status?: string; today?: string; json?: boolean; db?: string }) => {
      const today = checkDate(o.today);
      const l = await load(files, o.db);
      let records = commitmentStatus(l.analyses, today);
      if (o.party) records = records.filter((r) => r.commitment.parties.some((p) => p.toUpperCase() === o.party!.toUpperCase()));
      if (o.status) records = records.filter((r) => r.status === o.status);
      await writeOut(o.json ? json({ today, commitments: records }) : renderCommitments(records, today));
      process.exitCode = exit(l);
    });

  program.command('series')
    .description('recurring dialogues and mechanisms: their rounds in order with dates, venues, co-chairs and the gaps between them, and the next round announced')
    .argument('[name-or-files...]', 'words of a series name ("strategic dialogue") and/or report files; without files, the knowledge base')
    .option('--name <words>', 'only series whose name has these words (or whose key is this)')
    .addOption(todayOption())
    .option('--json', 'print JSON for programs')
    .addOption(dbOption())
    .action(async (args: string[], o: { name?: string; today?: string; json?: boolean; db?: string }) => {
      const today = checkDate(o.today);
      const { paths, words } = pathsAndWords(args);
      const name = [o.name ?? '', ...words].join(' ').trim();
      const l = await load(paths, o.db);
      const list = seriesHistory(l.analyses, today).filter((h) => seriesMatches(h, name));
      await writeOut(o.json ? json({ series: list }) : renderSeries(list));
      process.exitCode = exit(l);
    });

  program.command('stances')
    .description('each actor\'s stance on each issue — supports, opposes, concerned — with the sentences behind it, report by report')
    .argument('[files...]', 'reports; without files, the knowledge base')
    .option('--actor <code>', 'only this actor (PAK, CHN …)')
    .option('--issue <issue>', 'only issues whose ref or name has this (taiwan, one-china-principle, kashmir …)')
    .option('--json', 'print JSON for programs')
    .addOption(dbOption())
    .action(async (files: string[], o: { actor?: string; issue?: string; json?: boolean; db?: string }) => {
      const l = await load(files, o.db);
      const rows = stancesAcross(l.analyses, { actor: o.actor, issue: o.issue });
      await writeOut(o.json ? json({ stances: rows }) : renderStances(rows));
      process.exitCode = exit(l);
    });

  program.command('compare')
    .description('line up the claims of two statements (events, stances, commitments): the same in both, changed in strength or wording, only in A, only in B')
    .argument('<a>', 'the earlier statement: a report file, or a document id in the knowledge base')
    .argument('<b>', 'the later statement: a report file, or a document id')
    .option('--json', 'print JSON for programs')
    .addOption(dbOption())
    .action(async (a: string, b: string, o: { json?: boolean; db?: string }) => {
      const A = await oneAnalysis(a, o.db);
      const B = await oneAnalysis(b, o.db);
      const c = compareAnalyses(A, B);
      await writeOut(o.json ? json(c) : renderComparison(c));
      process.exitCode = EXIT_OK;
    });
}
