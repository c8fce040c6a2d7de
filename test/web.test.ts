// The analyst's page in a real browser: Debian's Chromium driven by playwright-core (installed
// by .ci/install-browser.sh; see ../shared/LIBRARIES.md). Builds the page, serves it over a
// knowledge base of the examples on an ephemeral port of 127.0.0.1, loads each view, sorts and
// filters the events table, pastes a report and sees its events, selects an event and sees its
// evidence highlighted — and saves a screenshot of each view: under docs/screenshots/ when
// ENTENTE_SCREENSHOTS=1 (to refresh the README's pictures), else in a temporary folder, so a
// test run leaves the checkout clean.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type Running } from '../src/api/server.js';
import { exampleStore, TODAY, type Fixture } from './api-fixture.js';
import { ROOT } from './helpers.js';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => p && existsSync(p));
const WHY = CHROMIUM ? '' : ' (skipped: Chromium is not installed; run .ci/install-browser.sh, which installs Debian\'s chromium)';
const SHOTS = process.env.ENTENTE_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : mkdtempSync(join(tmpdir(), 'entente-shots-'));
// a made-up token: the page must never contain it (it is typed in, kept in memory)
const TOKEN = 'web-test-token-5f1c9a';
const SEVENTH = 'pak-chn-7th-strategic-dialogue';
const EIGHTH = 'pak-chn-8th-strategic-dialogue-2027';

describe.skipIf(!CHROMIUM)(`the web page in Chromium${WHY}`, () => {
  let fx: Fixture;
  let server: Running;
  let browser: Browser;
  let page: Page;
  let base: string;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    fx = await exampleStore('entente-web-');
    const webRoot = join(fx.dir, 'web');
    // the page as `npm run build:web` builds it, from the current sources
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', join(ROOT, 'web'), '--outDir', webRoot, '--emptyOutDir', '--logLevel', 'error'],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr || build.stdout || build.error}`);
    server = await startServer({ store: fx.store, port: 0, webRoot, token: TOKEN, today: () => TODAY, logError: (m) => consoleErrors.push(`server: ${m}`) });
    base = server.url;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      timeout: 60_000,
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
    context.on('request', (r) => requests.push(r.url()));
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fx?.dispose();
  });

  /** Opens a view by its hash and waits until it has rendered. */
  async function open(hash: string, view: string): Promise<void> {
    const before = page.url().startsWith(base) ? await page.evaluate(() => Number(document.querySelector('main')?.getAttribute('data-render') ?? 0)) : 0;
    if (before) await page.evaluate((h) => { location.hash = h; }, hash);
    else await page.goto(`${base}/${hash}`);
    await rendered(before, view);
  }

  /** Waits for a render after `before` of `view` to finish. */
  async function rendered(before: number, view: string): Promise<void> {
    await page.waitForFunction(([b, v]) => {
      const m = document.querySelector('main');
      return !!m && Number(m.getAttribute('data-render')) > Number(b) && m.getAttribute('data-ready') === v;
    }, [before, view] as const);
  }

  const renderCount = () => page.evaluate(() => Number(document.querySelector('main')?.getAttribute('data-render') ?? 0));
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
  const api = async (path: string) => (await fetch(`${base}/api/${path}`, { signal: AbortSignal.timeout(10_000) })).json() as Promise<any>;

  it('sends the page with its Content-Security-Policy', async () => {
    const r = await page.goto(`${base}/#/report/${SEVENTH}`);
    expect(r?.status()).toBe(200);
    expect(r?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await rendered(0, 'report');
  });

  it('shows a report with its mentions and triggers highlighted; selecting an event shows its code and evidence', async () => {
    const { analysis: a, codeNames } = await api(`documents/${SEVENTH}`);
    for (const kind of ['actor', 'place', 'date', 'issue']) expect(await page.locator(`#report-text .m-${kind}`).count(), kind).toBeGreaterThan(0);
    expect(await page.locator('#report-text .trig').count()).toBeGreaterThan(0);
    expect(await page.locator('.event-item').count()).toBe(a.events.length);
    // the text is the document's text, character for character
    expect(await page.locator('#report-text').textContent()).toBe(a.text);

    const e = a.events.find((x: any) => x.target && x.code === '051') ?? a.events.find((x: any) => x.target);
    await page.locator(`button.event-item[data-event="${e.id}"]`).click();
    expect((await page.locator('#report-text .sel-trigger').allTextContents()).join('')).toBe(e.trigger.text);
    expect((await page.locator('#report-text .sel-source').allTextContents()).join('')).toBe(e.source.text);
    expect((await page.locator('#report-text .sel-target').allTextContents()).join('')).toBe(e.target.text);
    const card = page.locator('.event-detail');
    const text = await card.textContent();
    for (const part of [e.code, codeNames[e.code], e.plover, String(e.goldstein), e.pattern]) expect(text, part).toContain(part);
    expect(await card.locator('.evidence mark.sel-trigger').textContent()).toBe(e.trigger.text);
    expect(page.url()).toContain(`event=${encodeURIComponent(e.id)}`);
    await shot('report');
  });

  it('selects the event whose trigger is clicked in the text, and opens a linked event', async () => {
    const trigger = page.locator('#report-text span[data-event]').first();
    const id = await trigger.getAttribute('data-event');
    await trigger.click();
    expect(await page.locator(`li.selected button[data-event="${id}"]`).count()).toBe(1);
    expect(await page.locator('#report-text .sel-trigger').count()).toBeGreaterThan(0);

    // an event table row links to the report with the stored event selected
    const { analysis, eventIds } = await api(`documents/${SEVENTH}`);
    const stored = eventIds[(analysis.events.find((x: any) => x.code.startsWith('04')) ?? analysis.events[0]).id];
    // the first of the report's sentences that tell of this event stands for it
    const local = analysis.events.find((x: any) => eventIds[x.id] === stored);
    await open(`#/report/${SEVENTH}?event=${stored}`, 'report');
    expect(await page.locator('li.selected').count()).toBe(1);
    expect(await page.locator('li.selected button').getAttribute('data-event')).toBe(local.id);
    expect((await page.locator('#report-text .sel-trigger').allTextContents()).join('')).toBe(local.trigger.text);
  });

  it('sorts every event from a column header, page after page, filters the table and exports the filtered events as CSV', async () => {
    await open('#/events', 'events');
    const all = (await api('events?limit=1')).total;
    expect(await page.locator('#events-table tbody tr').count()).toBe(Math.min(100, all));

    // a header sorts all the events, not the page shown: the first page holds the smallest of all
    const goldstein = () => page.$$eval('#events-table tbody tr', (rows) => rows.map((r) => Number((r as HTMLTableRowElement).cells[5].textContent)));
    const sortBy = async (key: string) => {
      const before = await renderCount();
      await page.click(`th[data-sort=${key}] button`);
      await rendered(before, 'events');
    };
    const every = ((await api('events?limit=500')).events as { goldstein: number }[]).map((e) => e.goldstein).sort((x, y) => x - y);
    expect(all).toBeGreaterThan(100);
    expect(every.length).toBe(all);
    await sortBy('goldstein');
    expect(await goldstein()).toEqual(every.slice(0, 100));
    await sortBy('goldstein');
    expect(await goldstein()).toEqual(every.toReversed().slice(0, 100));
    expect(await page.getAttribute('th[data-sort=goldstein]', 'aria-sort')).toBe('descending');
    expect(await page.locator('.pager').textContent()).not.toContain('this page');
    // the next page carries on in the same order
    let before = await renderCount();
    await page.click('.pager a:has-text("next")');
    await rendered(before, 'events');
    expect(await goldstein()).toEqual(every.toReversed().slice(100, 200));
    expect(await page.getAttribute('th[data-sort=goldstein]', 'aria-sort')).toBe('descending');

    // filtering keeps the order and starts from the first page
    await page.fill('#f-dyad', 'PAK-CHN');
    before = await renderCount();
    await page.click('form.filters button[type=submit]');
    await rendered(before, 'events');
    const total = (await api('events?dyad=PAK-CHN&limit=1')).total;
    const dyads = await page.$$eval('#events-table tbody tr', (rows) => rows.map((r) => [(r as HTMLTableRowElement).cells[1].textContent, (r as HTMLTableRowElement).cells[2].textContent].sort().join('-')));
    expect(dyads.length).toBe(Math.min(100, total));
    expect(new Set(dyads)).toEqual(new Set(['CHN-PAK']));
    expect(await page.locator('.pager').textContent()).toContain(`${total} events`);
    const down = await goldstein();
    expect(down).toEqual([...down].sort((x, y) => y - x));
    await sortBy('day');
    expect(await page.getAttribute('th[data-sort=day]', 'aria-sort')).toBe('ascending');
    await shot('events');

    const csvHref = await page.getAttribute('#export-csv', 'href');
    expect(csvHref).toContain('dyad=PAK-CHN');
    const csv = await page.evaluate(async (href) => (await fetch(href!)).text(), csvHref);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,day,date,source_code,source_name,target_code/);
    expect(lines.length - 1).toBe(total);
  });

  it('charts a dyad over time and draws the network', async () => {
    await open('#/relations?dyad=PAK-CHN&by=month', 'relations');
    expect(await page.locator('#timeline-chart svg rect.q1').count()).toBeGreaterThan(0);
    expect(await page.locator('#timeline-chart svg polyline.gs-line').count()).toBe(1);
    expect(await page.locator('#network path.edge').count()).toBeGreaterThan(0);
    expect(await page.locator('#network path.edge.on').count()).toBeGreaterThan(0);
    await shot('relations');
    const edge = page.locator('#network path.edge:not(.on)').first();
    const dyad = await edge.getAttribute('data-dyad');
    const before = await renderCount();
    await edge.dispatchEvent('click');
    await rendered(before, 'relations');
    expect(await page.locator('main h2').first().textContent()).toContain(dyad!);
  });

  it('puts event places on an offline world map', async () => {
    await open('#/map', 'map');
    expect(await page.locator('#world-map path.country').count()).toBeGreaterThan(100);
    expect(await page.locator('#world-map circle.place').count()).toBeGreaterThan(0);
    await shot('map');
    await page.locator('#world-map circle[data-place="place:beijing"]').dispatchEvent('click');
    await page.waitForSelector('.place-detail li');
    expect(await page.locator('.place-detail h2').textContent()).toContain('Beijing');
  });

  it('lists commitments by status, with their evidence', async () => {
    await open('#/commitments', 'commitments');
    const rows = await page.locator('#commitments-table tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    expect(await page.locator('main').textContent()).toContain(`Judged on ${TODAY}`);
    await shot('commitments');
    const before = await renderCount();
    await page.click('.tabs a.st-open');
    await rendered(before, 'commitments');
    const statuses = await page.locator('#commitments-table tbody td:first-child .badge').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['open']));
    expect(await page.locator('#commitments-table blockquote.evidence').count()).toBe(statuses.length);
  });

  it("shows each dialogue's rounds on a time line with venues and co-chairs", async () => {
    await open('#/series?name=strategic%20dialogue', 'series');
    const card = page.locator('article.series').first();
    expect(await card.locator('svg .round circle').count()).toBeGreaterThan(1);
    const text = await card.textContent();
    expect(text).toContain('Islamabad');
    expect(text).toContain('Beijing');
    expect(text).toContain('Wang Yi');
    await shot('series');
  });

  it('compares two statements side by side', async () => {
    await open(`#/compare?a=${SEVENTH}&b=${EIGHTH}`, 'compare');
    expect(await page.locator('.summary').textContent()).toMatch(/\d+ changed · \d+ the same · \d+ only in A · \d+ only in B/);
    expect(await page.locator('.pair .claim').count()).toBeGreaterThan(2);
    expect(await page.inputValue('#cmp-a')).toBe(SEVENTH);
    await shot('compare');
  });

  const HOSTILE = [
    'Pakistan and China sign trade pact <script>window.__pwned = 1</script>',
    '',
    'ISLAMABAD: Pakistan and China signed an agreement on trade in Islamabad on Monday. <img src=x onerror="window.__pwned = 2">',
    '',
    'India criticised Pakistan over the remarks.',
    '',
  ].join('\n');

  it('refuses a write without the token and says why', async () => {
    await open('#/add', 'add');
    await page.fill('#add-text', HOSTILE);
    await page.fill('#add-token', 'not-the-token');
    await page.click('form.add-form button[type=submit]');
    await page.waitForSelector('.result .note.error');
    expect(await page.locator('.result .note.error').textContent()).toMatch(/token/);
  });

  it('analyses a pasted report, shows its events, and renders its markup as text', async () => {
    await open('#/add?again=1', 'add');
    await page.fill('#add-text', HOSTILE);
    await page.fill('#add-title', '<b>Trade</b> pact <img src=x onerror="window.__pwned = 3">');
    await page.fill('#add-published', '2026-03-02');
    await page.fill('#add-token', TOKEN);
    await shot('add');
    const before = await renderCount();
    await page.click('form.add-form button[type=submit]');
    await rendered(before, 'report');
    expect(page.url()).toMatch(/#\/report\//);
    expect(await page.locator('.event-item').count()).toBeGreaterThan(0);
    expect(await page.locator('#report-text').textContent()).toBe(HOSTILE);
    expect(await page.locator('.doc-head h1').textContent()).toBe('<b>Trade</b> pact <img src=x onerror="window.__pwned = 3">');
    expect(await page.locator('main script, main img, main b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // the flash says what was stored; the new report is in the documents list
    expect(await page.locator('main > .note').first().textContent()).toMatch(/stored, \d+ events/);
    await shot('add-result');
    const e = page.locator('button.event-item').first();
    await e.click();
    expect(await page.locator('#report-text .sel-trigger').count()).toBeGreaterThan(0);
  });

  it('keeps to its own origin, stores no secrets, and logs no errors or CSP violations', async () => {
    expect(requests.length).toBeGreaterThan(0);
    const foreign = requests.filter((u) => !u.startsWith(`${base}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length)).toBe(0);
    const html = await (await fetch(`${base}/`)).text();
    expect(html).not.toContain(TOKEN);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    const assets = readdirSync(join(fx.dir, 'web', 'assets'));
    for (const f of assets) expect((await (await fetch(`${base}/assets/${f}`)).text()).includes(TOKEN), f).toBe(false);
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('web-test-token'))).toBe(false);
    // the refused write (401) is the one failed load the page may log
    const errors = consoleErrors.filter((m) => !/status of 401/.test(m));
    expect(errors).toEqual([]);
  });
});
