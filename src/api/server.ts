// The HTTP server: the JSON API over the knowledge base (routes.ts), its OpenAPI description at
// /openapi.json, and the analyst's web page (dist/web) — one Fastify instance.
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { PACKAGE_ROOT } from '../lexicon/files.js';
import { loadLexicons } from '../pipeline.js';
import { loadLedgerLexicons } from '../ledger/lexicon.js';
import type { Store } from '../store/index.js';
import { ROUTES, todayDefault, type Context } from './routes.js';
import { openApiDocument } from './openapi.js';
import { AnalysisCache } from './ledger.js';
import { HttpError, errorBody, validationMessage } from './errors.js';
import { checkHost, checkWrite, isLoopback, setSecurityHeaders, type WritePolicy } from './security.js';
import { DEFAULT_WEB_ROOT, sendStatic } from './static.js';
import { LIMITS } from './schemas.js';

export interface ServerOptions {
  store: Store;
  /** The address the server will listen on: decides whether writes need a token. Default 127.0.0.1. */
  host?: string;
  /** The token writes must carry (Authorization: Bearer …); null or '' for none. */
  token?: string | null;
  /** The built page; null serves the API only. Default dist/web. */
  webRoot?: string | null;
  /** Largest POSTed document body, in bytes. */
  maxBodyBytes?: number;
  /** "today" for commitment and series status (tests fix it). */
  today?: () => string;
  /** Where unexpected errors are reported (default stderr). */
  logError?: (message: string) => void;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Builds the server (not yet listening). */
export async function buildServer(o: ServerOptions): Promise<FastifyInstance> {
  loadLexicons();
  loadLedgerLexicons();
  const host = o.host ?? DEFAULT_HOST;
  const exposed = !isLoopback(host);
  const policy: WritePolicy = { token: o.token ? o.token : null, exposed };
  const maxBodyBytes = o.maxBodyBytes ?? LIMITS.maxBodyBytes;
  const version = packageVersion();
  const logError = o.logError ?? ((m: string) => process.stderr.write(`entente serve: ${m}\n`));
  let queue: Promise<unknown> = Promise.resolve();
  const ctx: Context = {
    store: o.store,
    cache: new AnalysisCache(o.store, LIMITS.maxLedgerDocuments),
    version,
    maxBodyBytes,
    writes: { allowed: policy.token !== null || !exposed, token: policy.token !== null },
    serialise<T>(f: () => Promise<T>): Promise<T> {
      const run = queue.then(f, f);
      queue = run.catch(() => {});
      return run;
    },
    today: o.today ?? todayDefault,
  };

  const app = Fastify({
    logger: false,
    bodyLimit: LIMITS.otherBodyBytes,
    routerOptions: { maxParamLength: 300 },
    requestTimeout: 120_000,
    connectionTimeout: 130_000,
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    schemaErrorFormatter: (errors, dataVar) => new Error(validationMessage(errors, dataVar)),
  });

  app.addHook('onRequest', async (req) => {
    checkHost(req, !exposed);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    setSecurityHeaders(reply);
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler((err: FastifyError | HttpError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof HttpError) {
      for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
      return reply.code(err.statusCode).send(errorBody(err.statusCode, err.message));
    }
    const fe = err as FastifyError;
    if (fe.validation) return reply.code(400).send(errorBody(400, fe.message));
    const status = fe.statusCode ?? 500;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = req.routeOptions?.bodyLimit ?? LIMITS.otherBodyBytes;
      return reply.code(413).send(errorBody(413, `the body is larger than this endpoint takes (${limit} bytes)`));
    }
    if (status >= 400 && status < 500) return reply.code(status).send(errorBody(status, fe.message));
    logError(`${req.method} ${req.url}: ${fe.stack ?? fe.message}`);
    return reply.code(500).send(errorBody(500, 'internal error: the server could not answer this request (see its log)'));
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send(errorBody(404, `no route ${req.method} ${req.url.split('?')[0]}`)));

  const spec = openApiDocument(ROUTES, version);
  app.get('/openapi.json', async () => spec);

  for (const r of ROUTES) {
    const options = {
      method: r.method,
      url: r.url,
      schema: { ...(r.querystring ? { querystring: r.querystring } : {}), ...(r.params ? { params: r.params } : {}) },
      preHandler: r.write ? async (req: FastifyRequest) => checkWrite(req, policy) : undefined,
      handler: async (req: FastifyRequest, reply: FastifyReply) => r.handler(ctx, req, reply),
    };
    if (r.body) {
      // documents come as they are: the readers sniff JSON, text, HTML and feeds themselves
      await app.register(async (scope) => {
        scope.removeAllContentTypeParsers();
        scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBodyBytes }, (_req, body, done) => done(null, body));
        scope.route({ ...options, bodyLimit: maxBodyBytes });
      });
    } else {
      app.route(options);
    }
  }

  const webRoot = o.webRoot === undefined ? DEFAULT_WEB_ROOT : o.webRoot;
  if (webRoot) {
    const page = async (req: FastifyRequest, reply: FastifyReply) => {
      const path = req.url.split('?')[0];
      if (path.startsWith('/api/') || path === '/api') throw new HttpError(404, `no route ${req.method} ${path}`);
      return sendStatic(reply, webRoot, path);
    };
    app.get('/', page);
    app.get('/*', page);
  }
  return app;
}

export interface Running {
  app: FastifyInstance;
  /** http://127.0.0.1:8080 */
  url: string;
  close(): Promise<void>;
}

/** Builds and starts the server; port 0 takes a free port (see `url`). */
export async function startServer(o: ServerOptions & { port?: number }): Promise<Running> {
  const app = await buildServer(o);
  const host = o.host ?? DEFAULT_HOST;
  await app.listen({ port: o.port ?? DEFAULT_PORT, host });
  const addr = app.server.address() as AddressInfo;
  const shown = addr.family === 'IPv6' || addr.address.includes(':') ? `[${addr.address}]` : addr.address;
  return { app, url: `http://${shown}:${addr.port}`, close: () => app.close() };
}
