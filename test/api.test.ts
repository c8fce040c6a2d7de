// The HTTP API over a knowledge base of the example reports: every route answers, input is
// validated with clear error bodies, bad and oversized requests get a 4xx (never a crash),
// writes need the token, and every response carries the security headers.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer, startServer } from '../src/api/server.js';
import { ROUTES } from '../src/api/routes.js';
import { openApiPath } from '../src/api/openapi.js';
import { isLoopback } from '../src/api/security.js';
import { exampleStore, TODAY, type Fixture } from './api-fixture.js';
import { ROOT } from './helpers.js';

let fx: Fixture;
let app: FastifyInstance;
let webRoot: string;

const SMALL_BODY = 64 * 1024;

beforeAll(async () => {
  fx = await exampleStore();
  webRoot = join(fx.dir, 'web');
  mkdirSync(join(webRoot, 'assets'), { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>entente</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'export {};');
  app = await buildServer({ store: fx.store, webRoot, maxBodyBytes: SMALL_BODY, today: () => TODAY, logError: () => {} });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await fx?.dispose();
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const post = (url: string, body: string | Buffer, contentType = 'text/plain', headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': contentType, ...headers } });

function expectError(r: { statusCode: number; json(): any }, status: number, message?: RegExp) {
  expect(r.statusCode).toBe(status);
  const body = r.json();
  expect(body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
  if (message) expect(body.message).toMatch(message);
}

describe('the OpenAPI description', () => {
  it('describes every route, with parameters and the error shape', async () => {
    const r = await get('/openapi.json');
    expect(r.statusCode).toBe(200);
    const spec = r.json();
    expect(spec.openapi).toMatch(/^3\.1\./);
    expect(spec.components.schemas.Error.required).toEqual(['statusCode', 'error', 'message']);
    for (const route of ROUTES) {
      const op = spec.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.url}`).toBeTruthy();
      expect(op.operationId).toBe(route.operationId);
      expect(Object.keys(op.responses).length).toBeGreaterThan(0);
    }
    const events = spec.paths['/api/events'].get;
    expect(events.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['actor', 'dyad', 'root', 'from', 'to', 'sort', 'desc', 'limit', 'offset']));
    expect(events.parameters.find((p: any) => p.name === 'sort').schema.enum).toEqual(expect.arrayContaining(['day', 'goldstein', 'place']));
    expect(events.parameters.find((p: any) => p.name === 'limit').schema.maximum).toBe(500);
    expect(spec.paths['/api/documents/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(spec.paths['/api/documents'].post.security).toEqual([{}, { bearer: [] }]);
    // every $ref points at something
    const refs = JSON.stringify(spec).match(/"\$ref":"([^"]+)"/g) ?? [];
    for (const ref of refs) {
      const path = ref.slice(8, -1).replace(/^#\//, '').split('/');
      expect(path.reduce((o: any, k) => o?.[k], spec), ref).toBeTruthy();
    }
  });
});

describe('reading the knowledge base', () => {
  it('says what the server is, without secrets', async () => {
    const r = await get('/api/info');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ name: 'entente', dialect: 'sqlite', writes: { allowed: true, token: false } });
    expect(r.json().documents).toBeGreaterThanOrEqual(10);
    expect(r.body).not.toContain(fx.dir);
  });

  it('lists documents and returns one with its full analysis', async () => {
    const list = (await get('/api/documents?limit=5')).json();
    expect(list.total).toBeGreaterThanOrEqual(10);
    expect(list.documents).toHaveLength(5);
    const found = (await get('/api/documents?q=7th')).json();
    expect(found.documents.map((d: any) => d.id)).toContain('pak-chn-7th-strategic-dialogue');
    const r = await get('/api/documents/pak-chn-7th-strategic-dialogue');
    expect(r.statusCode).toBe(200);
    const { document, analysis, eventIds, codeNames } = r.json();
    expect(document.id).toBe('pak-chn-7th-strategic-dialogue');
    expect(analysis.text.length).toBeGreaterThan(1000);
    expect(analysis.events.length).toBeGreaterThan(5);
    for (const e of analysis.events) {
      expect(analysis.text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      expect(eventIds[e.id]).toMatch(/^ev-/);
      expect(codeNames[e.code]).toBeTruthy();
    }
  });

  it('answers 404 with an error body for what is not there', async () => {
    expectError(await get('/api/documents/no-such-doc'), 404, /no-such-doc/);
    expectError(await get('/api/events/ev-0000'), 404);
    expectError(await get('/api/actors/Nobody%20Atall'), 404);
    expectError(await get('/api/nothing-here'), 404, /no route/);
    expectError(await get('/api/compare?a=pak-chn-7th-strategic-dialogue&b=missing'), 404, /missing/);
  });

  it('filters events like the CLI, pages them, and names their codes', async () => {
    const r = await get('/api/events?dyad=PAK-CHN&limit=10');
    expect(r.statusCode).toBe(200);
    const page = r.json();
    expect(page.total).toBeGreaterThan(10);
    expect(page.events).toHaveLength(10);
    for (const e of page.events) {
      expect([e.source.code, e.target?.code].sort()).toEqual(['CHN', 'PAK']);
      expect(e.name).toBeTruthy();
      expect(e.evidence.text.length).toBeGreaterThan(0);
    }
    const next = (await get('/api/events?dyad=PAK-CHN&limit=10&offset=10')).json();
    expect(next.events[0].id).not.toBe(page.events[0].id);
    const directed = (await get('/api/events?dyad=PAK-CHN&directed=true&limit=500')).json();
    expect(directed.events.every((e: any) => e.source.code === 'PAK' && e.target.code === 'CHN')).toBe(true);
    const root = (await get('/api/events?root=04&limit=500')).json();
    expect(root.events.every((e: any) => e.root === '04')).toBe(true);
    const dated = (await get('/api/events?from=2026-01&to=2026-01&limit=500')).json();
    expect(dated.events.length).toBeGreaterThan(0);
    expect(dated.events.every((e: any) => e.day.startsWith('2026-01'))).toBe(true);
    const one = await get(`/api/events/${page.events[0].id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().reports.length).toBeGreaterThan(0);
    expect(one.json().reports[0]).toHaveProperty('pattern');
  });

  it('sorts every matching event, so the pages run in one order', async () => {
    const page = async (offset: number) => (await get(`/api/events?sort=goldstein&desc=true&limit=10&offset=${offset}`)).json();
    const first = await page(0);
    expect(first.total).toBeGreaterThan(30);
    const events = [...first.events];
    for (let offset = 10; offset < first.total; offset += 10) events.push(...(await page(offset)).events);
    const g = events.map((e) => e.goldstein);
    expect(g).toEqual([...g].sort((a, b) => b - a));
    expect(new Set(events.map((e) => e.id)).size).toBe(first.total);
    const up = (await get('/api/events?sort=goldstein&limit=1')).json();
    expect(up.events[0].goldstein).toBe(g[g.length - 1]);
  });

  it('exports the filtered events as CSV and JSON Lines', async () => {
    const csv = await get('/api/export?dyad=PAK-CHN');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="entente-events\.csv"/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,day,date,source_code/);
    const total = (await get('/api/events?dyad=PAK-CHN&limit=1')).json().total;
    expect(lines.length - 1).toBe(total);
    const jsonl = await get('/api/export?format=jsonl&root=04');
    expect(jsonl.body.trim().split('\n').every((l) => JSON.parse(l).root === '04')).toBe(true);
  });

  it("gives a dyad's timeline, the network and the places of events", async () => {
    const t = (await get('/api/timeline?dyad=PAK-CHN&by=year')).json();
    expect(t.rows.length).toBeGreaterThan(0);
    for (const row of t.rows) {
      expect(row.period).toMatch(/^\d{4}$/);
      expect(row.quad.reduce((a: number, b: number) => a + b, 0)).toBe(row.events);
    }
    const net = (await get('/api/network?limit=10')).json();
    expect(net.edges.length).toBeGreaterThan(0);
    expect(net.edges.length).toBeLessThanOrEqual(10);
    const codes = new Set(net.nodes.map((n: any) => n.code));
    for (const e of net.edges) expect(codes.has(e.source) && codes.has(e.target)).toBe(true);
    const places = (await get('/api/places')).json();
    expect(places.length).toBeGreaterThan(0);
    for (const p of places) expect(typeof p.lat === 'number' && typeof p.lon === 'number').toBe(true);
    expect(places.map((p: any) => p.name)).toContain('Beijing');
  });

  it('lists actors, issues and stances, and finds an actor by name', async () => {
    const actors = (await get('/api/actors?country=PAK&limit=50')).json();
    expect(actors.some((a: any) => a.code === 'PAK')).toBe(true);
    const wang = await get('/api/actors/Wang%20Yi');
    expect(wang.statusCode).toBe(200);
    expect(wang.json().ref).toBe('person:wang-yi');
    const issues = (await get('/api/issues')).json();
    expect(issues.length).toBeGreaterThan(3);
    const stances = (await get('/api/stances?actor=PAK')).json();
    expect(stances.stances.every((s: any) => s.actor === 'PAK')).toBe(true);
  });

  it('reports commitments with their status, series with their rounds, comparisons and searches', async () => {
    const c = (await get('/api/commitments')).json();
    expect(c.today).toBe(TODAY);
    expect(c.total).toBeGreaterThan(0);
    expect(Object.keys(c.counts)).toEqual(['open', 'due', 'overdue', 'fulfilled']);
    for (const x of c.commitments) expect(['open', 'due', 'overdue', 'fulfilled']).toContain(x.status);
    const open = (await get('/api/commitments?status=open&party=PAK')).json();
    expect(open.commitments.every((x: any) => x.status === 'open' && x.commitment.parties.includes('PAK'))).toBe(true);
    const s = (await get('/api/series?name=strategic%20dialogue')).json();
    const sd = s.series.find((x: any) => x.parties.includes('PAK') && x.parties.includes('CHN'));
    expect(sd.rounds.map((r: any) => r.round)).toEqual(expect.arrayContaining([6, 7]));
    const cmp = (await get('/api/compare?a=pak-chn-7th-strategic-dialogue&b=pak-chn-8th-strategic-dialogue-2027')).json();
    expect(cmp.a.id).toBe('pak-chn-7th-strategic-dialogue');
    expect(cmp.same.length + cmp.changed.length).toBeGreaterThan(0);
    const hits = (await get('/api/search?q=Gwadar')).json();
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].highlighted).toMatch(/«Gwadar»/);
  });
});

describe('validated input', () => {
  it('rejects unknown, malformed and too large parameters with a message naming them', async () => {
    expectError(await get('/api/events?limit=501'), 400, /limit.*500/);
    expectError(await get('/api/events?limit=0'), 400, /limit/);
    expectError(await get('/api/events?limit=ten'), 400, /limit/);
    expectError(await get('/api/events?bogus=1'), 400, /unknown parameter "bogus"/);
    expectError(await get('/api/events?from=January'), 400, /from/);
    expectError(await get('/api/events?dyad=PAK'), 400, /dyad/);
    expectError(await get('/api/events?directed=true'), 400, /directed.*dyad/);
    expectError(await get('/api/events?offset=-1'), 400, /offset/);
    expectError(await get('/api/events?sort=evidence'), 400, /"sort" must be one of day, date, .*goldstein/);
    expectError(await get(`/api/events?actor=${'A'.repeat(300)}`), 400, /actor/);
    expectError(await get('/api/timeline'), 400, /"dyad" is required/);
    expectError(await get('/api/timeline?dyad=PAK-CHN&by=decade'), 400, /by/);
    expectError(await get('/api/commitments?today=tomorrow'), 400, /today/);
    expectError(await get('/api/commitments?status=broken'), 400, /status/);
    expectError(await get('/api/search'), 400, /"q" is required/);
    expectError(await get('/api/export?format=xlsx'), 400, /format/);
    expectError(await get('/api/events?limit=1&limit=2'), 400, /limit/);
  });

  it('answers odd requests with 2xx or 4xx, never 5xx', async () => {
    const urls = [
      '/api/events?dyad=PAK->CHN', '/api/events?dyad=%E2%80%93-', '/api/events?root=99', '/api/events?code=0000', '/api/events?from=2026-13-45',
      '/api/events?actor=%00', '/api/events?place=%27%3B%20drop%20table%20events%3B--', '/api/events?issue=%25', '/api/events?offset=1000000',
      '/api/documents?q=%25', '/api/documents?q=%22', '/api/documents/%2e%2e', '/api/documents/' + 'x'.repeat(400), '/api/actors/%00',
      '/api/search?q=*', '/api/search?q=%22%22', '/api/search?q=NEAR(a%20b)', '/api/search?q=a%20OR%20b%20NOT', '/api/timeline?dyad=A-B&from=9999',
      '/api/compare?a=&b=', '/api/export?format=plover&actor=NOPE', '/api/network?limit=500', '/api/places?actor=%E2%9C%93', '/api/stances?issue=%5B',
      '/api/series?name=%28', '/api/commitments?party=%22', '/api/events?limit=1e3', '/api/events?directed=maybe&dyad=A-B', '/api/info?x=1',
    ];
    for (const url of urls) {
      const r = await get(url);
      expect(r.statusCode, url).toBeLessThan(500);
      if (r.statusCode >= 400) expect(r.json().message, url).toBeTruthy();
    }
    for (const [method, url] of [['DELETE', '/api/documents/x'], ['PUT', '/api/documents'], ['PATCH', '/api/events'], ['OPTIONS', '/api/documents']] as const) {
      const r = await app.inject({ method, url });
      expect(r.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      expect(r.statusCode, `${method} ${url}`).toBeLessThan(500);
    }
  });

  it('takes no body where none belongs', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/events', payload: '{}', headers: { 'content-type': 'application/json' } });
    expect(r.statusCode).toBe(404);
  });
});

describe('POST /api/documents', () => {
  const REPORT = 'Pakistan and China sign trade pact\n\nISLAMABAD: Pakistan and China signed an agreement on trade in Islamabad on Monday.\n';

  it('analyses and stores a pasted report, which then answers like any other', async () => {
    const r = await post('/api/documents?id=pasted-trade-pact&published=2026-03-02&title=Trade%20pact', REPORT);
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body.documents).toEqual([expect.objectContaining({ id: 'pasted-trade-pact', status: 'stored', published: '2026-03-02', title: 'Trade pact' })]);
    expect(body.documents[0].events).toBeGreaterThan(0);
    const doc = (await get('/api/documents/pasted-trade-pact')).json();
    expect(doc.analysis.text).toBe(REPORT);
    const evs = (await get('/api/events?doc=pasted-trade-pact')).json();
    expect(evs.total).toBe(body.documents[0].events);
    expect(evs.events.some((e: any) => e.code.startsWith('05') || e.code.startsWith('06'))).toBe(true);
    const again = await post('/api/documents?id=pasted-trade-pact&published=2026-03-02&title=Trade%20pact', REPORT);
    expect(again.json().documents[0].status).toBe('unchanged');
  });

  it('takes JSON documents, and keys a report without an id by its text', async () => {
    const r = await post('/api/documents', JSON.stringify({ published: '2026-03-03', title: 'Envoys meet', text: 'India and Egypt held talks in Cairo on Tuesday.' }), 'application/json');
    expect(r.statusCode).toBe(201);
    expect(r.json().documents[0].id).toMatch(/^h:/);
    const lines = [1, 2].map((i) => JSON.stringify({ id: `batch-${i}`, published: '2026-03-04', text: `Japan protested to South Korea on Wednesday, report ${i}.` })).join('\n');
    const b = await post('/api/documents', lines, 'application/x-ndjson');
    expect(b.statusCode).toBe(201);
    expect(b.json().documents.map((d: any) => d.id)).toEqual(['batch-1', 'batch-2']);
  });

  it('keeps markup in a report as text', async () => {
    const text = '<script>window.pwned = 1</script> India criticised Pakistan. <img src=x onerror="window.pwned = 2">';
    const r = await post('/api/documents?id=markup&published=2026-03-05', JSON.stringify({ text }), 'application/json');
    expect(r.statusCode).toBe(201);
    expect((await get('/api/documents/markup')).json().analysis.text).toBe(text);
  });

  it('rejects malformed, empty, binary, oversized and too many documents with 4xx', async () => {
    expectError(await post('/api/documents', '{"text": "unfinished', 'application/json'), 400, /JSON/);
    expectError(await post('/api/documents', '{"title": "no text here", "published": "2026-01-01"}', 'application/json'), 400);
    expectError(await post('/api/documents', '', 'text/plain'), 400, /empty/);
    expectError(await post('/api/documents', Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]), 'application/octet-stream'), 400, /binary/);
    expectError(await post('/api/documents', 'a '.repeat(SMALL_BODY), 'text/plain'), 413, /larger/);
    const many = Array.from({ length: 60 }, (_, i) => JSON.stringify({ id: `m${i}`, text: 'Talks were held.' })).join('\n');
    expectError(await post('/api/documents', many, 'application/x-ndjson'), 413, /at most 50 documents/);
    expectError(await post('/api/documents?published=yesterday', REPORT), 400, /published/);
    expectError(await post('/api/documents?bogus=1', REPORT), 400, /bogus/);
    // the server is still up and answering
    expect((await get('/api/info')).statusCode).toBe(200);
  });

  it('refuses writes from another origin', async () => {
    expectError(await post('/api/documents', REPORT, 'text/plain', { origin: 'https://evil.example' }), 403, /another origin/);
    const same = await post('/api/documents', REPORT, 'text/plain', { origin: 'http://localhost:80', host: 'localhost:80' });
    expect(same.statusCode).toBe(201);
  });
});

describe('tokens, hosts and headers', () => {
  it('needs the token for writes when one is set', async () => {
    const guarded = await buildServer({ store: fx.store, webRoot: null, token: 'sekret-token', logError: () => {} });
    try {
      const send = (auth?: string) => guarded.inject({ method: 'POST', url: '/api/documents', payload: 'Talks were held in Cairo.', headers: { 'content-type': 'text/plain', ...(auth ? { authorization: auth } : {}) } });
      const none = await send();
      expectError(none, 401, /token/);
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      expectError(await send('Bearer wrong'), 401);
      expect((await send('Bearer sekret-token')).statusCode).toBe(201);
      const info = await guarded.inject({ method: 'GET', url: '/api/info' });
      expect(info.json().writes).toEqual({ allowed: true, token: true });
      expect(info.body).not.toContain('sekret-token');
      expect((await guarded.inject({ method: 'GET', url: '/openapi.json' })).body).not.toContain('sekret-token');
    } finally {
      await guarded.close();
    }
  });

  it('takes no writes beyond loopback without a token, and answers only loopback names on loopback', async () => {
    const exposed = await buildServer({ store: fx.store, webRoot: null, host: '0.0.0.0', logError: () => {} });
    try {
      expectError(await exposed.inject({ method: 'POST', url: '/api/documents', payload: 'x', headers: { 'content-type': 'text/plain' } }), 403, /token/);
      expect((await exposed.inject({ method: 'GET', url: '/api/info', headers: { host: 'analysts.example.org' } })).json().writes.allowed).toBe(false);
    } finally {
      await exposed.close();
    }
    expectError(await get('/api/info', { host: 'rebound.example.com' }), 421, /localhost/);
    expect((await get('/api/info', { host: '127.0.0.1:8080' })).statusCode).toBe(200);
    expect((await get('/api/info', { host: '[::1]:8080' })).statusCode).toBe(200);
    expect(isLoopback('127.0.0.1') && isLoopback('::1') && isLoopback('localhost') && !isLoopback('0.0.0.0') && !isLoopback('192.168.1.2')).toBe(true);
  });

  it('sends the Content-Security-Policy and friends with every response', async () => {
    for (const url of ['/', '/api/info', '/api/nothing', '/api/events?limit=9999', '/openapi.json', '/assets/app.js']) {
      const r = await get(url);
      expect(r.headers['content-security-policy'], url).toMatch(/default-src 'none'; script-src 'self'; style-src 'self'/);
      expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
    }
    expect((await get('/api/info')).headers['cache-control']).toBe('no-store');
    expect((await get('/assets/app.js')).headers['cache-control']).toMatch(/immutable/);
  });

  it('serves the page and nothing outside its folder', async () => {
    const page = await get('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect((await get('/assets/app.js')).headers['content-type']).toMatch(/^text\/javascript/);
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/%2e%2e%2f%2e%2e%2fkb.db', '/assets/', '/nothing.html']) {
      const r = await get(url);
      expect(r.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(r.statusCode, url).toBeLessThan(500);
      expect(r.body).not.toContain('"name": "entente"');
    }
    expectError(await get('/%E0%A4%A'), 400);
  });

  it('says so when the page is not built', async () => {
    const bare = await buildServer({ store: fx.store, webRoot: join(fx.dir, 'nowhere'), logError: () => {} });
    try {
      const r = await bare.inject({ method: 'GET', url: '/' });
      expectError(r, 503, /build:web/);
    } finally {
      await bare.close();
    }
  });
});

describe('a real socket', () => {
  it('listens on an ephemeral port of 127.0.0.1 and answers', async () => {
    const running = await startServer({ store: fx.store, port: 0, webRoot: null });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const r = await fetch(`${running.url}/api/info`, { signal: AbortSignal.timeout(10_000) });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-security-policy')).toBeTruthy();
      const bad = await fetch(`${running.url}/api/documents`, { method: 'POST', body: '{"text": ', headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(10_000) });
      expect(bad.status).toBe(400);
      expect((await fetch(`${running.url}/api/info`, { signal: AbortSignal.timeout(10_000) })).status).toBe(200);
    } finally {
      await running.close();
    }
  });
});

describe('entente serve', () => {
  it('ingests, serves on the port it was given, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-serve-'));
    const child = spawn(process.execPath, [resolve(ROOT, 'bin', 'entente.js'), 'serve', '--db', join(dir, 'kb.db'), '--port', '0', '--no-web', '--ingest', join(ROOT, 'examples', 'batch.jsonl')], { cwd: dir, env: { ...process.env, ENTENTE_TOKEN: '' } });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    try {
      const url = await new Promise<string>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no "serving" line in 60 s: ${stderr}`)), 60_000);
        child.stderr.on('data', (d: string) => {
          stderr += d;
          const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
          if (m) {
            clearTimeout(timer);
            done(m[1]);
          }
        });
        child.on('exit', (code) => fail(new Error(`exited with ${code}: ${stderr}`)));
      });
      expect(stderr).toMatch(/ingested .*batch\.jsonl: \d+ new/);
      const info = await (await fetch(`${url}/api/info`, { signal: AbortSignal.timeout(10_000) })).json();
      expect(info.documents).toBeGreaterThan(0);
      const page = await fetch(`${url}/`, { signal: AbortSignal.timeout(10_000) });
      expect(page.status).toBe(404);
      const code = await new Promise<number | null>((done) => {
        child.on('exit', (c) => done(c));
        child.kill('SIGTERM');
      });
      expect(code).toBe(0);
      expect(stderr).toMatch(/stopping/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bad port with a usage error', async () => {
    const { runCli } = await import('./helpers.js');
    const r = await runCli(['serve', '--port', 'eighty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/port/);
  });
});
