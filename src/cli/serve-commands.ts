// `entente serve`: the JSON API and the analyst's web page over the knowledge base, from one
// process. `--ingest PATH…` stores reports first (what `npm start` does with examples/).
import { Command, InvalidArgumentError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { readInputs } from '../document/read.js';
import { DEFAULT_MAX_BYTES } from '../document/types.js';
import { openStore, close, storeLocation, ingestDocuments, inlineAnalyser, type Store } from '../store/index.js';
import { startServer, DEFAULT_HOST, DEFAULT_PORT, type Running } from '../api/server.js';
import { isLoopback } from '../api/security.js';
import { LIMITS } from '../api/schemas.js';
import { DEFAULT_WEB_ROOT, webRootReady } from '../api/static.js';
import { report } from './output.js';
import { UsageError } from './exit.js';

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number (0–65535; 0 takes a free one)');
  return n;
}
function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

interface ServeOptions {
  db?: string;
  port: number;
  host: string;
  token?: string;
  ingest?: string[];
  maxBody: number;
  webRoot?: string;
  web: boolean;
}

/** Stores the reports at `paths` (like `entente ingest`, on this thread); one summary line. */
async function ingestFirst(store: Store, paths: string[]): Promise<void> {
  for (const p of paths) if (p !== '-' && !existsSync(p)) throw new UsageError(`--ingest: ${p}: no such file or directory`);
  let warnings = 0;
  const analyser = inlineAnalyser();
  try {
    const p = await ingestDocuments(store, readInputs(paths, { maxBytes: DEFAULT_MAX_BYTES }), {
      analyser,
      onError: (origin, reason) => report(origin, reason),
      onWarning: () => warnings++,
    });
    process.stderr.write(
      `entente: ingested ${paths.join(' ')}: ${p.added} new, ${p.replaced} replaced, ${p.unchanged} unchanged, ${p.failed} failed` +
      `${warnings ? ` (${warnings} warnings; \`entente ingest\` shows them)` : ''}\n`,
    );
  } finally {
    await analyser.close();
  }
}

async function serve(o: ServeOptions): Promise<void> {
  const token = o.token ?? process.env.ENTENTE_TOKEN ?? null;
  const webRoot = o.web ? (o.webRoot ?? DEFAULT_WEB_ROOT) : null;
  const store = await openStore(storeLocation(o.db));
  let running: Running;
  try {
    if (o.ingest?.length) await ingestFirst(store, o.ingest);
    running = await startServer({ store, host: o.host, port: o.port, token, webRoot, maxBodyBytes: o.maxBody }).catch((e: NodeJS.ErrnoException) => {
      const why = e.code === 'EADDRINUSE' ? 'the port is in use (choose another with --port)' : e.code === 'EADDRNOTAVAIL' ? 'no such address on this machine' : e.message;
      throw new Error(`cannot listen on ${o.host}:${o.port}: ${why}`);
    });
  } catch (e) {
    await close(store);
    throw e;
  }
  const exposed = !isLoopback(o.host);
  process.stderr.write(`entente: serving ${running.url}/ — the page at /, the API under /api/, its description at /openapi.json (knowledge base ${store.location}; Ctrl-C stops)\n`);
  if (webRoot && !webRootReady(webRoot)) process.stderr.write(`entente: warning: the page is not built in ${webRoot}: run \`npm run build:web\`; the API works without it\n`);
  if (exposed && !token) process.stderr.write(`entente: warning: listening on ${o.host} (beyond this machine) without a token: the API is read-only; set ENTENTE_TOKEN or --token to allow writes\n`);
  else if (token) process.stderr.write('entente: writes need "Authorization: Bearer <token>" (the page asks for it)\n');
  // stays up until a signal; then closes the server and the store in order
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.stderr.write('entente: stopping\n');
  await running.close();
  await close(store);
}

export function registerServeCommands(program: Command): void {
  program.command('serve')
    .description('serve the knowledge base: a JSON API (OpenAPI at /openapi.json) and the analyst\'s web page')
    .addOption(new Option('--db <file|url>', 'the store: a SQLite file or a postgres:// URL (default: $ENTENTE_DB, else ./entente.db)'))
    .addOption(new Option('--port <n>', 'port (0 takes a free one)').argParser(port).default(DEFAULT_PORT))
    .addOption(new Option('--host <address>', 'address to listen on; beyond loopback, writes need a token').default(DEFAULT_HOST))
    .addOption(new Option('--token <token>', 'the token writes must carry (Authorization: Bearer …); prefer ENTENTE_TOKEN, which ps does not show'))
    .option('--ingest <paths...>', 'store these reports (files or folders, any input analyze reads) before serving')
    .addOption(new Option('--max-body <bytes>', 'largest document a POST may carry').argParser(positiveInt).default(LIMITS.maxBodyBytes))
    .option('--web-root <dir>', 'serve the page from this folder (default: dist/web, built by `npm run build:web`)')
    .option('--no-web', 'serve the API only')
    .action(async (o: ServeOptions) => {
      if (o.token !== undefined && !o.token.trim()) throw new UsageError('--token: empty');
      await serve(o);
    });
}
