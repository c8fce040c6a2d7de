// The knowledge-base commands: ingest, events, export, timeline, actors, actor, search, show.
// Each opens the store named by --db (a file or a postgres:// URL), else ENTENTE_DB, else
// ./entente.db, and answers through the library functions of src/store/ that the API uses.
import { Command, InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { readInputs } from '../document/read.js';
import { DEFAULT_MAX_BYTES } from '../document/types.js';
import {
  openStore, close, storeLocation, ingestDocuments, ingestAnalyses, inlineAnalyser, poolAnalyser, eachEvent,
  timeline, listActors, getActor, search, getEvent, getDocument, eventWriter, EVENT_FORMATS, EVENT_SORTS, PERIODS, DEFAULT_BATCH,
  type Store, type EventFilters, type EventSortKey, type EventFormat, type Period, type IngestProgress, type Analyser,
} from '../store/index.js';
import { applyLexicons, type LexiconOptions } from '../store/analyser/lexicon-options.js';
import { readAnalyses } from '../store/read-analyses.js';
import { ProgressBar, formatDuration } from '../store/progress.js';
import type { Analysis } from '../analysis/types.js';
import { report, writeOut, stdoutClosed } from './output.js';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError } from './exit.js';

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}
function wholeNumber(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}
function isoDate(v: string): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) throw new InvalidArgumentError('expected a date: YYYY, YYYY-MM or YYYY-MM-DD');
  return v;
}

const dbOption = () => new Option('--db <file|url>', 'the store: a SQLite file or a postgres:// URL (default: $ENTENTE_DB, else ./entente.db)');

async function withStore<T>(db: string | undefined, run: (s: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeLocation(db));
  try {
    return await run(store);
  } finally {
    await close(store);
  }
}

/** Bytes of the regular files among the inputs (walking folders), for the ETA; null for stdin. */
function inputBytes(paths: string[]): number | null {
  let total = 0;
  const walk = (p: string): boolean => {
    try {
      const st = statSync(p);
      if (st.isFile()) total += st.size;
      else if (st.isDirectory()) for (const e of readdirSync(p)) if (!e.startsWith('.')) walk(join(p, e));
      return true;
    } catch {
      return true; // the reader reports it
    }
  };
  for (const p of paths) {
    if (p === '-') return null;
    walk(p);
  }
  return total;
}

// Below this much input, starting workers (each loads the tagger's model) costs more than it saves.
const WORKERS_FROM_BYTES = 4 * 1024 * 1024;

interface IngestOpts extends LexiconOptions {
  db?: string;
  batch: number;
  workers?: number;
  quiet?: boolean;
  analysed?: boolean;
  maxBytes: number;
}

async function runIngest(files: string[], o: IngestOpts): Promise<number> {
  for (const f of o.patterns ?? []) if (!existsSync(f)) throw new UsageError(`--patterns: ${f}: no such file`);
  if (o.petrarchVerbs && !existsSync(o.petrarchVerbs)) throw new UsageError(`--petrarch-verbs: ${o.petrarchVerbs}: no such file`);
  const total = inputBytes(files);
  const workers = o.workers ?? (total !== null && total >= WORKERS_FROM_BYTES ? Math.min(availableParallelism(), 4) : 0);
  const bar = !o.quiet && process.stderr.isTTY ? new ProgressBar(process.stderr, total) : null;
  const onError = (origin: string, reason: string) => {
    bar?.done();
    report(origin, reason);
  };
  const onWarning = o.quiet ? undefined : (origin: string, w: string) => {
    bar?.done();
    report(origin, w, 'warning');
  };
  const onProgress = bar ? (p: IngestProgress) => bar.update(p) : undefined;
  const started = Date.now();
  let analyser: Analyser | null = null;
  const store = await openStore(storeLocation(o.db));
  let p: IngestProgress;
  try {
    if (o.analysed) {
      let failed = 0;
      async function* good(): AsyncGenerator<Analysis> {
        for await (const item of readAnalyses(files)) {
          if ('error' in item) {
            onError(item.error.origin, item.error.reason);
            failed++;
          } else yield item.analysis;
        }
      }
      p = await ingestAnalyses(store, good(), { batchSize: o.batch, onProgress });
      p.failed += failed;
      p.documents += failed;
    } else {
      if (workers > 0) analyser = poolAnalyser(workers, { patterns: o.patterns, petrarchVerbs: o.petrarchVerbs });
      else {
        const r = applyLexicons(o);
        if (o.petrarchVerbs && !o.quiet) {
          process.stderr.write(`entente: loaded ${r.petrarchPatterns} patterns from ${o.petrarchVerbs} (${r.skipped} lines have no equivalent and were skipped)\n`);
        }
        analyser = inlineAnalyser();
      }
      p = await ingestDocuments(store, readInputs(files, { maxBytes: o.maxBytes }), {
        analyser, batchSize: o.batch, onError, onWarning, onProgress,
      });
    }
  } finally {
    bar?.done();
    await analyser?.close();
    await close(store);
  }
  const seconds = (Date.now() - started) / 1000;
  if (!o.quiet) {
    const stored = p.added + p.replaced;
    process.stderr.write(
      `entente: ${store.location}: ${stored} documents stored (${p.added} new, ${p.replaced} replaced, ` +
      `${p.duplicates} near-duplicate copies), ${p.unchanged} unchanged, ${p.failed} failed; ` +
      `${p.sentences} sentences, ${p.events} event reports in ${formatDuration(seconds)} ` +
      `(${Math.round(p.sentences / Math.max(seconds, 1e-3))} sentences/s${workers ? `, ${workers} workers` : ''}; ` +
      `${cpuSeconds().toFixed(1)} s of CPU; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)\n`,
    );
  }
  if (p.documents === 0) report(files.join(' ') || '-', 'no documents found', 'warning');
  return p.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}

/** The event filters as the command line gives them (order and paging are the command's own). */
type FilterOpts = Omit<EventFilters, 'id' | 'sort' | 'limit' | 'offset' | 'after'>;

function filterOptions(c: Command): Command {
  return c
    .option('--actor <code>', 'source or target actor code (PAK) or ref (person:wang-yi)')
    .option('--dyad <A-B>', 'events between two actor codes, either way (PAK-CHN)')
    .option('--directed', 'with --dyad: only A as source and B as target')
    .option('--root <root>', 'CAMEO root code (03)')
    .option('--code <code>', 'CAMEO event code (036)')
    .option('--plover <type>', 'PLOVER event type (AGREE)')
    .option('--issue <issue>', 'an issue ref (taiwan) or a word of its name')
    .option('--place <place>', 'a place name (Beijing) or ref')
    .option('--from <date>', 'first day (YYYY, YYYY-MM or YYYY-MM-DD)', isoDate)
    .option('--to <date>', 'last day, inclusive', isoDate)
    .option('--doc <id>', 'events reported by this document');
}

function filtersOf(o: FilterOpts): EventFilters {
  const { actor, dyad, directed, root, code, plover, issue, place, from, to, doc } = o;
  if (directed && !dyad) throw new UsageError('--directed needs --dyad');
  return { actor, dyad, directed, root, code, plover, issue, place, from, to, doc };
}

const formatOption = (dflt: EventFormat, choices: EventFormat[] = EVENT_FORMATS) =>
  new Option('--format <format>', 'output format').choices(choices).default(dflt);

async function writeEvents(store: Store, f: EventFilters, format: EventFormat, out: NodeJS.WritableStream | null): Promise<number> {
  const w = eventWriter(format);
  const write = async (s: string) => {
    if (!s) return;
    if (out) {
      if (!out.write(s)) await once(out, 'drain');
    } else await writeOut(s);
  };
  await write(w.header);
  let n = 0;
  for await (const e of eachEvent(store, f)) {
    if (!out && stdoutClosed()) break;
    await write(w.line(e));
    n++;
  }
  return n;
}

/** CPU time of the whole process (all threads): with a busy machine, a fairer clock than the wall. */
function cpuSeconds(): number {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1e6;
}

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

export function registerStoreCommands(program: Command): void {
  program.command('ingest')
    .description('analyse reports and store them (documents, sentences, mentions, actors, events …) in the knowledge base')
    .argument('<files...>', 'files, directories, or - for standard input')
    .addOption(dbOption())
    .option('--batch <n>', 'documents per transaction', positiveInt, DEFAULT_BATCH)
    .option('--workers <n>', 'analysis worker threads (default: one per core, up to 4, for inputs of 4 MiB or more; 0 = none)', wholeNumber)
    .option('--quiet', 'no progress bar, warnings or summary (errors still go to stderr)')
    .option('--analysed', 'the input is analyses (the JSON Lines of `entente analyze`), stored without analysing again')
    .option('--patterns <files...>', 'extra event pattern files (YAML)')
    .option('--petrarch-verbs <file>', 'load a TABARI/PETRARCH CAMEO verb dictionary as extra patterns')
    .addOption(new Option('--max-bytes <n>', 'largest document accepted, in bytes').argParser(positiveInt).default(DEFAULT_MAX_BYTES))
    .action(async (files: string[], o: IngestOpts) => {
      process.exitCode = await runIngest(files, o);
    });

  filterOptions(program.command('events')
    .description('list stored events, one per real-world event, with the evidence of its first report'))
    .addOption(formatOption('table'))
    .addOption(new Option('--sort <column>', 'sort by this column (ties by id; events without a value last)').choices(EVENT_SORTS).default('day'))
    .option('--desc', 'largest or latest first')
    .option('--limit <n>', 'at most this many events', positiveInt, 100)
    .addOption(dbOption())
    .action(async (o: FilterOpts & { format: EventFormat; sort: EventSortKey; desc?: boolean; limit: number; db?: string }) => {
      const f = { ...filtersOf(o), sort: { by: o.sort, desc: !!o.desc }, limit: o.limit };
      await withStore(o.db, (s) => writeEvents(s, f, o.format, null));
    });

  filterOptions(program.command('export')
    .description('export every matching event: CSV, JSON Lines, PLOVER JSON records or a GDELT-style TSV'))
    .addOption(formatOption('jsonl', ['csv', 'jsonl', 'tsv', 'plover']))
    .option('--out <file>', 'write to this file instead of standard output')
    .addOption(dbOption())
    .action(async (o: FilterOpts & { format: EventFormat; out?: string; db?: string }) => {
      const f = filtersOf(o);
      await withStore(o.db, async (s) => {
        if (!o.out) return writeEvents(s, f, o.format, null);
        const out = createWriteStream(o.out);
        const n = await writeEvents(s, f, o.format, out);
        out.end();
        await once(out, 'finish');
        process.stderr.write(`entente: ${n} events written to ${o.out}\n`);
        return n;
      });
    });

  program.command('timeline')
    .description("a dyad's events per period: counts per quad class, Goldstein sum and mean (from the roll-ups)")
    .requiredOption('--dyad <A-B>', 'two actor codes (PAK-CHN)')
    .addOption(new Option('--by <period>', 'period').choices(PERIODS).default('month'))
    .option('--directed', 'only A as source and B as target')
    .option('--from <date>', 'first day', isoDate)
    .option('--to <date>', 'last day, inclusive', isoDate)
    .option('--json', 'print JSON')
    .addOption(dbOption())
    .action(async (o: { dyad: string; by: Period; directed?: boolean; from?: string; to?: string; json?: boolean; db?: string }) => {
      const rows = await withStore(o.db, (s) => timeline(s, o.dyad, o.by, { directed: o.directed, from: o.from, to: o.to }));
      if (o.json) return writeOut(json(rows));
      let t = `${'PERIOD'.padEnd(10)}  ${'EVENTS'.padStart(6)}  ${'VCOOP'.padStart(5)}  ${'MCOOP'.padStart(5)}  ${'VCONF'.padStart(5)}  ${'MCONF'.padStart(5)}  ${'GS SUM'.padStart(8)}  ${'GS MEAN'.padStart(7)}\n`;
      for (const r of rows) {
        t += `${r.period.padEnd(10)}  ${String(r.events).padStart(6)}  ${r.quad.map((q) => String(q).padStart(5)).join('  ')}  ${r.goldsteinSum.toFixed(2).padStart(8)}  ${r.goldsteinMean.toFixed(2).padStart(7)}\n`;
      }
      if (!rows.length) t += `(no events between ${o.dyad})\n`;
      await writeOut(t);
    });

  program.command('actors')
    .description('actors named in the stored documents, with the offices people held')
    .option('--country <code>', 'country or actor code (PAK)')
    .option('--office <office>', 'a word of an office held (Foreign Minister)')
    .option('--people', 'only people')
    .option('--limit <n>', 'at most this many', positiveInt)
    .option('--json', 'print JSON')
    .addOption(dbOption())
    .action(async (o: { country?: string; office?: string; people?: boolean; limit?: number; json?: boolean; db?: string }) => {
      const rows = await withStore(o.db, (s) => listActors(s, o));
      if (o.json) return writeOut(json(rows));
      let t = `${'REF'.padEnd(28)}  ${'CODE'.padEnd(8)}  ${'NAME'.padEnd(28)}  ${'DOCS'.padStart(4)}  OFFICES\n`;
      for (const a of rows) t += `${a.ref.padEnd(28)}  ${a.code.padEnd(8)}  ${a.name.padEnd(28)}  ${String(a.documents).padStart(4)}  ${a.offices.join('; ')}\n`;
      await writeOut(t);
    });

  program.command('actor')
    .description('one actor: aliases, offices held over time with their evidence, events')
    .argument('<name>', 'a name ("Wang Yi"), alias, ref (person:wang-yi) or code')
    .option('--json', 'print JSON')
    .addOption(dbOption())
    .action(async (name: string, o: { json?: boolean; db?: string }) => {
      const a = await withStore(o.db, (s) => getActor(s, name));
      if (!a) {
        report(name, 'no such actor in the store');
        process.exitCode = EXIT_SOME_FAILED;
        return;
      }
      if (o.json) return writeOut(json(a));
      let t = `${a.name} (${a.ref}; code ${a.code}${a.country ? `, country ${a.country}` : ''}${a.sector ? `, sector ${a.sector}` : ''})\n`;
      t += `named in ${a.documents} documents; ${a.events} events as source or target\n`;
      if (a.aliases.length) t += `aliases: ${a.aliases.join('; ')}\n`;
      for (const o2 of a.officesHeld) {
        t += `\n${o2.office}: ${o2.from ?? '?'} – ${o2.to ?? '?'} (${o2.documents} documents)\n`;
        for (const e of o2.evidence) t += `  ${e.published ?? '?'} ${e.doc}#${e.sentence ?? '?'}: ${e.text ?? ''}\n`;
      }
      await writeOut(t);
    });

  program.command('search')
    .description('full-text search over the stored sentences, matches «highlighted»')
    .argument('<query>', 'words, all of which must occur; a trailing * matches a prefix (Gwad*)')
    .option('--limit <n>', 'at most this many sentences', positiveInt, 50)
    .option('--json', 'print JSON')
    .addOption(dbOption())
    .action(async (query: string, o: { limit: number; json?: boolean; db?: string }) => {
      const hits = await withStore(o.db, (s) => search(s, query, { limit: o.limit }));
      if (o.json) return writeOut(json(hits));
      let t = '';
      for (const h of hits) t += `${h.published ?? '????-??-??'}  ${h.doc}#${h.sentence}  ${h.highlighted}\n`;
      if (!hits.length) t = `(no sentence matches ${JSON.stringify(query)})\n`;
      await writeOut(t);
    });

  program.command('show')
    .description('an event (ev-…) with every report of it, or a document with its events and copies')
    .argument('<id>', 'an event id or a document id')
    .option('--json', 'print JSON')
    .addOption(dbOption())
    .action(async (id: string, o: { json?: boolean; db?: string }) => {
      await withStore(o.db, async (s) => {
        const ev = id.startsWith('ev-') ? await getEvent(s, id) : null;
        const doc = ev ? null : await getDocument(s, id);
        if (!ev && !doc) {
          report(id, 'no event or document with this id in the store');
          process.exitCode = EXIT_SOME_FAILED;
          return;
        }
        if (o.json) return writeOut(json(ev ?? doc));
        if (ev) {
          let t = `${ev.id}  ${ev.day}${ev.date && ev.date !== ev.day ? ` (date ${ev.date})` : ''}\n`;
          t += `${ev.source.code} (${ev.source.name ?? ev.source.ref}) → ${ev.target ? `${ev.target.code} (${ev.target.name ?? ev.target.ref})` : '—'}\n`;
          t += `CAMEO ${ev.code} (root ${ev.root}), quad class ${ev.quadClass}, Goldstein ${ev.goldstein}, PLOVER ${ev.plover ?? '—'}, ${ev.modality}${ev.negated ? ', negated' : ''}\n`;
          if (ev.place) t += `place: ${ev.place.name}${ev.place.country ? ` (${ev.place.country})` : ''}\n`;
          t += `${ev.reports.length} reports in ${ev.documents} documents${ev.counted ? '' : ' (only near-duplicate copies: not counted)'}:\n`;
          for (const r of ev.reports) {
            t += `\n  ${r.published ?? '?'} ${r.doc}#${r.sentence}${r.copyOf ? ` (copy of ${r.copyOf})` : ''}  ${r.code} via "${r.pattern}"\n`;
            t += `  ${r.text}\n`;
            if (r.url) t += `  ${r.url}\n`;
          }
          return writeOut(t);
        }
        const d = doc!;
        let t = `${d.id}  ${d.published ?? '(no date)'}  ${d.title ?? ''}\n`;
        if (d.url) t += `${d.url}\n`;
        if (d.copyOf) t += `near-duplicate copy of ${d.copyOf} (similarity ${d.similarity})\n`;
        if (d.copies.length) t += `copies: ${d.copies.join(', ')}\n`;
        t += `${d.sentences} sentences, ${d.events.length} event reports\n`;
        for (const e of d.events) t += `  #${e.sentence} ${e.source}→${e.target ?? '—'} ${e.code}  ${e.id}  ${e.text}\n`;
        return writeOut(t);
      });
    });
}
