// The input readers: formats chosen by content, encodings, bad input, size limits,
// directories and streams. Inputs are written to a temporary directory at test time.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { decodeBytes } from '../src/document/decode.js';
import { readBytes, readInputs, readStream } from '../src/document/read.js';
import { DEFAULT_MAX_BYTES, type RawDocument, type ReadFailure, type ReadItem, type ReadOptions } from '../src/document/types.js';

const OPTS: ReadOptions = { maxBytes: DEFAULT_MAX_BYTES };
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'entente-readers-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function collect(gen: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of gen) out.push(item);
  return out;
}
const docsOf = (items: ReadItem[]): RawDocument[] => items.flatMap((i) => ('doc' in i ? [i.doc] : []));
const errorsOf = (items: ReadItem[]): ReadFailure[] => items.flatMap((i) => ('error' in i ? [i.error] : []));

async function readContent(content: string | Uint8Array, name: string, opts = OPTS): Promise<ReadItem[]> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return collect(readBytes(bytes, name, opts));
}
async function onlyDoc(content: string | Uint8Array, name: string, opts = OPTS): Promise<RawDocument> {
  const items = await readContent(content, name, opts);
  expect(errorsOf(items)).toEqual([]);
  expect(items).toHaveLength(1);
  return docsOf(items)[0];
}
async function onlyError(content: string | Uint8Array, name: string, opts = OPTS): Promise<ReadFailure> {
  const items = await readContent(content, name, opts);
  expect(items).toHaveLength(1);
  expect(docsOf(items)).toEqual([]);
  return errorsOf(items)[0];
}
async function put(rel: string, content: string | Uint8Array): Promise<string> {
  const p = path.join(dir, rel);
  await mkdir(path.dirname(p), { recursive: true });
  await writeFile(p, content);
  return p;
}

const NO_DATE = 'no published date; relative dates stay unresolved';

const SEED = ' date 2026-01-05 Ministers co-chair the dialogue on January 4. — FO\n\n' +
  'Pakistan, China hold strategic dialogue in Beijing.\n\n' +
  'Two sides coordinate on Afghanistan.\n\n\n\n' +
  'Pakistan and China have reaffirmed their stance.\n';

describe('decodeBytes', () => {
  it('strips a UTF-8 byte-order mark', () => {
    const r = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café talks', 'utf8')]));
    expect(r).toEqual({ text: 'Café talks', encoding: 'utf-8', warnings: [] });
  });

  it('decodes UTF-16LE and UTF-16BE with a byte-order mark', () => {
    const s = 'Dar met Wang Yi — “cordial” talks in Beijing.';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16(); // the BOM swaps to FE FF too
    expect(decodeBytes(le)).toEqual({ text: s, encoding: 'utf-16le', warnings: [] });
    expect(decodeBytes(be)).toEqual({ text: s, encoding: 'utf-16be', warnings: [] });
  });

  it('decodes BOM-less UTF-16 recognised by its zero bytes, and says so', () => {
    const r = decodeBytes(Buffer.from('Plain ASCII statement in UTF-16.', 'utf16le'));
    expect(r).toMatchObject({ text: 'Plain ASCII statement in UTF-16.', encoding: 'utf-16le' });
    expect('warnings' in r && r.warnings[0]).toMatch(/no byte-order mark/);
  });

  it('reads Windows-1252 when the bytes are not UTF-8 and hold no UTF-8 sequence', () => {
    // 0x93/0x94 are curly double quotes, 0x92 a curly apostrophe, 0xE9 "é" in Windows-1252.
    const bytes = Buffer.from('The minister\x92s \x93entente\x94 with the Prime Minister of Gu\xe9n\xe9e', 'latin1');
    const r = decodeBytes(bytes);
    expect(r).toMatchObject({ text: 'The minister’s “entente” with the Prime Minister of Guénée', encoding: 'windows-1252' });
    expect('warnings' in r && r.warnings).toEqual(['not valid UTF-8; decoded as Windows-1252']);
  });

  it('replaces bad bytes in otherwise-UTF-8 input with U+FFFD and names the first one', () => {
    // "Café " is 6 bytes (é takes 2), so the bad 0xFF byte is at position 6.
    const bytes = Buffer.concat([Buffer.from('Café ', 'utf8'), Buffer.from([0xff]), Buffer.from(' talks', 'utf8')]);
    const r = decodeBytes(bytes);
    expect(r).toEqual({
      text: 'Café \ufffd talks',
      encoding: 'utf-8',
      warnings: ['invalid UTF-8 at byte 6; bad bytes replaced with U+FFFD'],
    });
  });

  it('counts the BOM in the byte position of invalid UTF-8', () => {
    // BOM (3) + "é talks" (8) = 11; 0xC3 0x28 is a lead byte without its continuation.
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('é talks', 'utf8'), Buffer.from([0xc3, 0x28]), Buffer.from(' resumed')]);
    expect(decodeBytes(bytes)).toEqual({
      text: 'é talks\ufffd( resumed', encoding: 'utf-8', warnings: ['invalid UTF-8 at byte 11; bad bytes replaced with U+FFFD'],
    });
  });

  it('calls mostly-undecodable bytes binary', () => {
    // Valid UTF-8 "é" once, then a run of bytes that are never valid UTF-8.
    const junk = Buffer.concat([Buffer.from('é ok ', 'utf8'), Buffer.from(Array.from({ length: 40 }, (_, i) => 0xf8 + (i % 8)))]);
    expect(decodeBytes(junk)).toEqual({ error: 'binary data, not text' });
  });

  it('honours a declared charset when the bytes are not UTF-8', () => {
    // "Москва" in windows-1251; valid UTF-8 multi-byte pairs occur by chance in such text,
    // so without the declaration this would come out as U+FFFD soup.
    const cyr = Buffer.from([0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0]);
    const html = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"></head><body><p>'), cyr, Buffer.from('</p></body></html>')]);
    const r = decodeBytes(html);
    expect(r).toMatchObject({ encoding: 'windows-1251', warnings: [] });
    expect('text' in r && r.text).toContain('<p>Москва</p>');
  });

  it('normalises CRLF and lone CR to LF', () => {
    expect(decodeBytes(Buffer.from('a\r\nb\rc\n\r\nd'))).toMatchObject({ text: 'a\nb\nc\n\nd' });
  });

  it('refuses binary data: NUL bytes, or many control characters', () => {
    expect(decodeBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]))).toEqual({ error: 'binary data, not text' });
    const controls = Buffer.from('ab\x01\x02\x03cd\x1b\x1bef\x07\x08', 'latin1');
    expect(decodeBytes(controls)).toEqual({ error: 'binary data, not text' });
    // A few stray controls in long text are not binary.
    expect(decodeBytes(Buffer.from('A long enough sentence with one bell\x07 in it.', 'latin1'))).toMatchObject({ encoding: 'utf-8' });
  });

  it('refuses empty and whitespace-only input', () => {
    expect(decodeBytes(new Uint8Array(0))).toEqual({ error: 'empty file' });
    expect(decodeBytes(Buffer.from(' \n\t\r\n  '))).toEqual({ error: 'empty file' });
    expect(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x0a]))).toEqual({ error: 'empty file' });
  });
});

describe('plain text and the seed shape', () => {
  it('reads the seed shape: date from the header, headline as title, text unchanged', async () => {
    const doc = await onlyDoc(SEED, 'corpus/pak-chn-2026-01-05.txt');
    expect(doc).toEqual({
      id: 'pak-chn-2026-01-05',
      url: null,
      published: '2026-01-05',
      title: 'Pakistan, China hold strategic dialogue in Beijing.',
      text: SEED,
      format: 'seed',
      origin: 'corpus/pak-chn-2026-01-05.txt',
      warnings: [],
      titleInText: true,
    });
  });

  it('keeps the seed text identical to the file apart from CRLF', async () => {
    const doc = await onlyDoc(SEED.replace(/\n/g, '\r\n'), 'seed.txt');
    expect(doc.text).toBe(SEED);
    expect(doc.text.indexOf('Two sides')).toBe(SEED.indexOf('Two sides'));
  });

  it('flags an impossible date in a seed header', async () => {
    const doc = await onlyDoc(' date 2026-02-30 caption\n\nHeadline\n', 's.txt');
    expect(doc.format).toBe('seed');
    expect(doc.published).toBeNull();
    expect(doc.warnings).toEqual(["unusable published date '2026-02-30'"]);
  });

  it('reads other text as text, without title or date, and warns about the date', async () => {
    const doc = await onlyDoc('The two foreign ministers met on Monday.\nThey agreed to meet again.\n', 'notes/meeting.md');
    expect(doc).toMatchObject({
      id: 'meeting', format: 'text', title: null, published: null, titleInText: false, url: null,
      text: 'The two foreign ministers met on Monday.\nThey agreed to meet again.\n',
    });
    expect(doc.warnings).toEqual([NO_DATE]);
  });

  it('takes an explicit dateline from the first lines of plain text', async () => {
    const a = await onlyDoc('Joint statement\nPublished: 5 January 2026\n\nThe sides met.\n', 'a.txt');
    expect(a.published).toBe('2026-01-05');
    expect(a.warnings).toEqual([]);
    const b = await onlyDoc('date: 2026-01-04\nThe sides met.\n', 'b.txt');
    expect(b).toMatchObject({ published: '2026-01-04', format: 'text' });
    const c = await onlyDoc('Posted on January 3, 2026\nThe sides met.\n', 'c.txt');
    expect(c.published).toBe('2026-01-03');
    const d = await onlyDoc('Dated: 2 Feb. 2026\nThe sides met.\n', 'd.txt');
    expect(d.published).toBe('2026-02-02');
    // A date in running text is not a dateline.
    const e = await onlyDoc('The sides met on 5 January 2026.\n', 'e.txt');
    expect(e.published).toBeNull();
  });
});

describe('JSON and JSON Lines', () => {
  const line = (o: object): string => JSON.stringify(o);

  it('reads JSON Lines, defaulting ids to name#line and keeping given ids', async () => {
    const input = [
      line({ id: 'a1', url: 'https://x.test/a', published: '2026-01-05', title: 'Talks held', text: 'Talks held\n\nThe sides met.' }),
      line({ published: '2026-01-06', text: 'Second report.' }),
      '',
      line({ published: '2026-01-07', text: 'Fourth line.' }),
    ].join('\n');
    const docs = docsOf(await readContent(input, 'in/batch.jsonl'));
    expect(docs.map((d) => [d.id, d.origin, d.published])).toEqual([
      ['a1', 'in/batch.jsonl line 1', '2026-01-05'],
      ['batch#2', 'in/batch.jsonl line 2', '2026-01-06'],
      ['batch#4', 'in/batch.jsonl line 4', '2026-01-07'],
    ]);
    expect(docs[0]).toMatchObject({ url: 'https://x.test/a', title: 'Talks held', format: 'json', titleInText: true, warnings: [] });
    expect(docs[1]).toMatchObject({ url: null, title: null, titleInText: false });
  });

  it('fails a truncated line and an item without text, and reads every other line', async () => {
    const input = [
      line({ id: 'ok1', published: '2026-01-05', text: 'One.' }),
      line({ id: 'ok2', published: '2026-01-05', text: 'Two.' }),
      '{"id": "cut", "published": "2026-01-05", "text": "Thr',
      line({ id: 'notext', published: '2026-01-05', title: 'Only a title' }),
      line({ id: 'ok5', published: '2026-01-05', text: 'Five.' }),
    ].join('\n');
    const items = await readContent(input, 'file.jsonl');
    expect(items).toHaveLength(5);
    expect(docsOf(items).map((d) => d.id)).toEqual(['ok1', 'ok2', 'ok5']);
    const errors = errorsOf(items);
    expect(errors[0].origin).toBe('file.jsonl line 3');
    expect(errors[0].reason).toMatch(/^invalid JSON: .*(Unterminated string|Unexpected end)/);
    expect(errors[1]).toEqual({ origin: 'file.jsonl line 4', reason: 'no text or html' });
    // Order is input order.
    expect(items.map((i) => ('doc' in i ? i.doc.id : i.error.origin))).toEqual([
      'ok1', 'ok2', 'file.jsonl line 3', 'file.jsonl line 4', 'ok5',
    ]);
  });

  it('fails a line that is not an object', async () => {
    const items = await readContent(`${line({ text: 'a', published: '2026-01-01' })}\n[1,2]\n"str"\n`, 'x.jsonl');
    expect(errorsOf(items)).toEqual([
      { origin: 'x.jsonl line 2', reason: 'expected a JSON object with text or html, got an array' },
      { origin: 'x.jsonl line 3', reason: 'expected a JSON object with text or html, got a string' },
    ]);
  });

  it('reads published dates: ISO date, ISO datetime, RFC 2822; flags the rest', async () => {
    const future = `${new Date().getUTCFullYear() + 3}-03-01`;
    const input = [
      { id: 'iso', published: '2026-01-05', text: 't' },
      { id: 'dt', published: '2026-01-05T23:30:00+05:00', text: 't' },
      { id: 'rfc', published: 'Mon, 05 Jan 2026 10:00:00 +0000', text: 't' },
      { id: 'rfc2', published: 'Sunday, 4 January 2026 22:00:00 GMT', text: 't' },
      { id: 'bad', published: 'yesterday', text: 't' },
      { id: 'ambiguous', published: '05/01/2026', text: 't' },
      { id: 'none', text: 't' },
      { id: 'future', published: future, text: 't' },
      { id: 'notdate', published: '2026-13-01', text: 't' },
    ].map(line).join('\n');
    const docs = docsOf(await readContent(input, 'dates.jsonl'));
    const by = Object.fromEntries(docs.map((d) => [d.id, d]));
    expect(by.iso).toMatchObject({ published: '2026-01-05', warnings: [] });
    expect(by.dt).toMatchObject({ published: '2026-01-05', warnings: [] });
    expect(by.rfc).toMatchObject({ published: '2026-01-05', warnings: [] });
    expect(by.rfc2).toMatchObject({ published: '2026-01-04', warnings: [] });
    expect(by.bad).toMatchObject({ published: null, warnings: ["unusable published date 'yesterday'"] });
    expect(by.ambiguous).toMatchObject({ published: null, warnings: ["unusable published date '05/01/2026'"] });
    expect(by.none).toMatchObject({ published: null, warnings: [NO_DATE] });
    expect(by.future).toMatchObject({ published: future, warnings: [`published date ${future} is in the future`] });
    expect(by.notdate.published).toBeNull();
  });

  it('reads a JSON array as a batch and a single object as one document', async () => {
    const arr = JSON.stringify([
      { published: '2026-01-05', text: 'First.' },
      { id: 'given', published: '2026-01-05', text: 'Second.' },
      { published: '2026-01-05' },
    ], null, 2);
    const items = await readContent(arr, 'batch.json');
    expect(docsOf(items).map((d) => [d.id, d.origin])).toEqual([['batch#1', 'batch.json item 1'], ['given', 'batch.json item 2']]);
    expect(errorsOf(items)).toEqual([{ origin: 'batch.json item 3', reason: 'no text or html' }]);

    const pretty = JSON.stringify({ published: '2026-01-05', title: 'T', text: 'Body text.' }, null, 2);
    expect(await onlyDoc(pretty, 'one.json')).toMatchObject({ id: 'one', origin: 'one.json', text: 'Body text.', titleInText: false });
    const oneLine = JSON.stringify({ published: '2026-01-05', text: 'Body text.' });
    expect(await onlyDoc(oneLine, 'single.json')).toMatchObject({ id: 'single', origin: 'single.json' });
  });

  it('reports a broken pretty-printed object once, not line by line', async () => {
    const broken = '{\n  "published": "2026-01-05",\n  "text": "Body"\n  "title": "x"\n}\n';
    const err = await onlyError(broken, 'broken.json');
    expect(err.origin).toBe('broken.json');
    expect(err.reason).toMatch(/^invalid JSON: /);
    expect((await onlyError('[{"text": "a"}, ', 'arr.json')).reason).toMatch(/^invalid JSON: /);
  });

  it('extracts html items like HTML pages, with the JSON fields taking precedence', async () => {
    const html = '<html><head><title>Ignored | Site</title><script>var leak = 1;</script></head><body>' +
      '<article><h1>Ministers meet</h1><p>The ministers met in Beijing.</p><p>They agreed to cooperate.</p></article></body></html>';
    const doc = await onlyDoc(line({ id: 'h', url: 'https://x.test/h', published: '2026-01-05', html }), 'h.jsonl');
    expect(doc).toMatchObject({
      id: 'h', url: 'https://x.test/h', published: '2026-01-05', title: 'Ministers meet', titleInText: true,
      text: 'Ministers meet\n\nThe ministers met in Beijing.\n\nThey agreed to cooperate.',
    });
    const noArticle = await onlyError(line({ html: '<html><body><nav><a href="/">Home</a></nav></body></html>' }), 'n.json');
    expect(noArticle).toEqual({ origin: 'n.json', reason: 'no article text found in HTML' });
  });

  it('normalises CRLF inside JSON text', async () => {
    const doc = await onlyDoc(line({ published: '2026-01-05', text: 'a\r\nb\rc' }), 'c.json');
    expect(doc.text).toBe('a\nb\nc');
  });

  it('reads UTF-16LE JSON Lines (as PowerShell writes them)', async () => {
    const body = [line({ id: 'u1', published: '2026-01-05', text: 'Café talks' }), line({ id: 'u2', published: '2026-01-05', text: 'Second' })].join('\r\n');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
    const docs = docsOf(await readContent(bytes, 'ps.jsonl'));
    expect(docs.map((d) => [d.id, d.text])).toEqual([['u1', 'Café talks'], ['u2', 'Second']]);
  });

  it('decodes each JSON line on its own and names invalid bytes by file position', async () => {
    const l1 = Buffer.from(`${line({ id: 'a', published: '2026-01-05', text: 'fine' })}\n`);
    const l2 = Buffer.concat([Buffer.from('{"id": "b", "published": "2026-01-05", "text": "Caf\u00e9 '), Buffer.from([0xff]), Buffer.from('"}\n')]);
    const docs = docsOf(await readContent(Buffer.concat([l1, l2]), 'm.jsonl'));
    expect(docs[0].warnings).toEqual([]);
    const badAt = l1.length + l2.indexOf(0xff);
    expect(docs[1].warnings).toEqual([`invalid UTF-8 at byte ${badAt}; bad bytes replaced with U+FFFD`]);
    expect(docs[1].text).toBe('Café \ufffd');
  });
});

const PAGE = `<!DOCTYPE html>
<html><head>
<title>Pakistan, China hold strategic dialogue | Daily Example</title>
<meta property="og:title" content="Pakistan, China hold strategic dialogue">
<meta property="og:url" content="https://news.example/og">
<meta property="article:published_time" content="2026-01-05T09:30:00+05:00">
<link rel="canonical" href="https://news.example/2026/01/05/dialogue">
<style>.x { color: red } p::after { content: "STYLE-LEAK" }</style>
<script>document.write("SCRIPT-LEAK"); var t = "<p>SCRIPT-LEAK</p>";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
  <h1>Pakistan, China hold strategic dialogue</h1>
  <p>Pakistan and China have reaffirmed their   zero-tolerance stance against terrorism,
     pledging to deepen cooperation on counter-terrorism and security.</p>
  <p>The commitment was reiterated following the dialogue co-chaired by Deputy Prime Minister
     Ishaq Dar and Chinese Foreign Minister Wang Yi on January 4 in Beijing.</p>
  <h2>Afghanistan</h2>
  <p>The two sides also called for more visible and verifiable actions against terrorist groups.</p>
  <ul><li>CPEC 2.0</li><li>Gwadar Port</li></ul>
  <script>console.log("SCRIPT-LEAK")</script>
</article>
<footer><p>Copyright Daily Example</p></footer>
</body></html>`;

describe('HTML', () => {
  it('extracts title, paragraphs, date and canonical URL; scripts and styles never leak', async () => {
    const doc = await onlyDoc(PAGE, 'pages/dialogue.html');
    expect(doc).toMatchObject({
      id: 'dialogue', format: 'html', title: 'Pakistan, China hold strategic dialogue', titleInText: true,
      published: '2026-01-05', url: 'https://news.example/2026/01/05/dialogue', warnings: [],
    });
    expect(doc.text).toBe([
      'Pakistan, China hold strategic dialogue',
      'Pakistan and China have reaffirmed their zero-tolerance stance against terrorism, pledging to deepen cooperation on counter-terrorism and security.',
      'The commitment was reiterated following the dialogue co-chaired by Deputy Prime Minister Ishaq Dar and Chinese Foreign Minister Wang Yi on January 4 in Beijing.',
      'Afghanistan',
      'The two sides also called for more visible and verifiable actions against terrorist groups.',
      'CPEC 2.0',
      'Gwadar Port',
    ].join('\n\n'));
    expect(doc.text).not.toMatch(/LEAK|color: red|Home|Copyright/);
  });

  it('is chosen by content: an HTML page named .txt is HTML', async () => {
    const p = await put('detect/page.txt', PAGE);
    const docs = docsOf(await collect(readInputs([p], OPTS)));
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ format: 'html', id: 'page', origin: p });
  });

  it('finds the date in JSON-LD, itemprop or <time>, and strips an obvious site suffix from <title>', async () => {
    const ld = '<html><head><title>Talks resume in Doha | Gulf News Desk</title>' +
      '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2017-08-16T10:00:00Z"}]}</script>' +
      '</head><body><div><p>The Qatari foreign minister arrived in Kuwait on Wednesday for talks.</p></div></body></html>';
    expect(await onlyDoc(ld, 'ld.html')).toMatchObject({ published: '2017-08-16', title: 'Talks resume in Doha', url: null });

    const time = '<html><body><h1>Envoy summoned</h1><p>Posted <time datetime="2023-01-24">Tuesday</time></p>' +
      '<p>Seoul summoned a Japanese diplomat to protest Tokyo\'s territorial claims.</p></body></html>';
    expect(await onlyDoc(time, 't.html')).toMatchObject({ published: '2023-01-24', title: 'Envoy summoned' });

    const dash = '<html><head><title>Pakistan Informs Iran About Decision - Foreign Ministry</title></head>' +
      '<body><p>Pakistan recalled its ambassador from Tehran, the foreign ministry said.</p></body></html>';
    // " - Foreign Ministry" may belong to the headline: kept.
    expect((await onlyDoc(dash, 'd.html')).title).toBe('Pakistan Informs Iran About Decision - Foreign Ministry');
  });

  it('warns when the page has no date, or an unusable one', async () => {
    const none = await onlyDoc('<html><body><h1>Talks</h1><p>The sides met and agreed on many things.</p></body></html>', 'n.html');
    expect(none.warnings).toEqual([NO_DATE]);
    const bad = await onlyDoc('<html><head><meta name="date" content="last week"></head><body><p>The sides met and agreed.</p></body></html>', 'b.html');
    expect(bad).toMatchObject({ published: null, warnings: ["unusable published date 'last week'"] });
  });

  it('falls back to the page when Readability finds no article, splitting <br><br> paragraphs', async () => {
    const doc = await onlyDoc('<html><body><div>Press release<br><br>The ministry <b>welcomed</b> the agreement.<br>It takes effect today.</div></body></html>', 'pr.html');
    expect(doc.title).toBeNull();
    expect(doc.titleInText).toBe(false);
    expect(doc.text).toBe('Press release\n\nThe ministry welcomed the agreement. It takes effect today.');
  });

  it('fails a page with no article text', async () => {
    const page = '<!doctype html><html><head><title>Menu</title><script>var article = "not text";</script></head>' +
      '<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><form><input value="search"></form></body></html>';
    expect(await onlyError(page, 'empty.html')).toEqual({ origin: 'empty.html', reason: 'no article text found in HTML' });
  });

  it('reports XML that is not a feed', async () => {
    const err = await onlyError('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>', 'sitemap.xml');
    expect(err.reason).toBe('XML with root element <urlset> is neither RSS, Atom nor HTML');
  });
});

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Foreign Office &amp; Co</title><link>https://fo.example/</link>
<item>
  <title>Dar meets Wang Yi</title>
  <link>https://fo.example/1</link>
  <guid isPermaLink="false">fo-1</guid>
  <pubDate>Mon, 05 Jan 2026 10:00:00 +0500</pubDate>
  <description>Short summary.</description>
  <content:encoded><![CDATA[<p>The ministers met in <b>Beijing</b>.</p><script>alert("LEAK")</script><p>They signed &amp; agreed.</p>]]></content:encoded>
</item>
<item><link>https://fo.example/2</link><pubDate>Tue, 06 Jan 2026 10:00:00 +0000</pubDate></item>
<item>
  <title>Second statement</title>
  <link>https://fo.example/3</link>
  <dc:date>2026-01-07</dc:date>
  <description>&lt;p&gt;Escaped &amp;amp; HTML paragraph one.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</description>
</item>
<item><title>Headline only</title></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Ministry</title>
  <entry>
    <title type="html">Joint &lt;em&gt;communiqué&lt;/em&gt; issued</title>
    <link rel="self" href="https://m.example/self/1"/>
    <link rel="alternate" href="https://m.example/1"/>
    <id>urn:uuid:1</id>
    <updated>2026-01-06T08:00:00Z</updated>
    <published>2026-01-05T08:00:00Z</published>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The sides agreed.</p><p>Next round in 2027 &amp; beyond.</p></div></content>
  </entry>
  <entry>
    <title>Plain summary</title>
    <id>urn:uuid:2</id>
    <updated>2026-01-04T08:00:00Z</updated>
    <summary type="text">First part.

Second part with a &lt; sign.</summary>
  </entry>
</feed>`;

describe('feeds', () => {
  it('reads each RSS item as a document; a broken item fails alone', async () => {
    const items = await readContent(RSS, 'news/feed.xml');
    expect(items).toHaveLength(4);
    const docs = docsOf(items);
    expect(docs[0]).toEqual({
      id: 'fo-1', url: 'https://fo.example/1', published: '2026-01-05', title: 'Dar meets Wang Yi',
      text: 'Dar meets Wang Yi\n\nThe ministers met in Beijing.\n\nThey signed & agreed.',
      format: 'rss', origin: 'news/feed.xml item 1', warnings: [], titleInText: true,
    });
    expect(errorsOf(items)).toEqual([{ origin: 'news/feed.xml item 2', reason: 'item has no title and no text' }]);
    expect(docs[1]).toMatchObject({
      id: 'https://fo.example/3', published: '2026-01-07', origin: 'news/feed.xml item 3',
      text: 'Second statement\n\nEscaped & HTML paragraph one.\n\nTwo.',
    });
    expect(docs[2]).toMatchObject({ id: 'feed#4', text: 'Headline only', warnings: [NO_DATE] });
  });

  it('reads Atom entries: alternate link, published before updated, xhtml and text content', async () => {
    const docs = docsOf(await readContent(ATOM, 'atom.feed'));
    expect(docs).toHaveLength(2);
    expect(docs[0]).toMatchObject({
      id: 'urn:uuid:1', url: 'https://m.example/1', published: '2026-01-05', format: 'atom',
      title: 'Joint communiqué issued', text: 'Joint communiqué issued\n\nThe sides agreed.\n\nNext round in 2027 & beyond.',
    });
    expect(docs[1]).toMatchObject({
      id: 'urn:uuid:2', url: null, published: '2026-01-04',
      text: 'Plain summary\n\nFirst part.\n\nSecond part with a < sign.',
    });
  });

  it('reads RSS 1.0 (RDF) items', async () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://x.example/"><title>X</title></channel>
<item rdf:about="https://x.example/a"><title>Envoys meet</title><description>They met in Geneva.</description><dc:date>2025-12-30T10:00:00Z</dc:date></item>
</rdf:RDF>`;
    const doc = await onlyDoc(rdf, 'x.rdf');
    expect(doc).toMatchObject({ format: 'rss', url: 'https://x.example/a', published: '2025-12-30', text: 'Envoys meet\n\nThey met in Geneva.' });
  });

  it('fails malformed XML once for the whole file', async () => {
    const err = await onlyError('<rss version="2.0"><channel><item><title>Cut</item></channel></rss>', 'bad.xml');
    expect(err.origin).toBe('bad.xml');
    expect(err.reason).toMatch(/^malformed XML: .*closing tag.*\(line 1, column \d+\)$/);
  });

  it('fails a feed without items', async () => {
    expect(await onlyError('<rss version="2.0"><channel><title>Empty</title></channel></rss>', 'e.xml'))
      .toEqual({ origin: 'e.xml', reason: 'no items in the feed' });
  });
});

describe('bad input from files', () => {
  it('fails an empty file, a whitespace file and a binary file, by path', async () => {
    const empty = await put('bad/empty.txt', '');
    const blank = await put('bad/blank.txt', '  \n\n\t ');
    const png = await put('bad/image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const items = await collect(readInputs([empty, blank, png], OPTS));
    expect(items).toEqual([
      { error: { origin: empty, reason: 'empty file' } },
      { error: { origin: blank, reason: 'empty file' } },
      { error: { origin: png, reason: 'binary data, not text' } },
    ]);
  });

  it('fails a missing path and goes on with the next one', async () => {
    const good = await put('bad/good.txt', 'The sides met.\n');
    const missing = path.join(dir, 'bad', 'nope.txt');
    const items = await collect(readInputs([missing, good], OPTS));
    expect(items[0]).toEqual({ error: { origin: missing, reason: 'no such file or directory' } });
    expect(docsOf(items).map((d) => d.origin)).toEqual([good]);
  });

  it('fails a document over the size limit without reading it, and reads the small ones', async () => {
    const opts = { maxBytes: 200 };
    const big = await put('size/big.txt', 'The sides met. '.repeat(20));
    const small = await put('size/small.txt', 'The sides met.\n');
    const bigHtml = await put('size/big.html', `<html><body>${'<p>The sides met.</p>'.repeat(20)}</body></html>`);
    const items = await collect(readInputs([big, small, bigHtml], opts));
    expect(items).toEqual([
      { error: { origin: big, reason: 'document too large (300 bytes; the limit is 200, raise it with --max-bytes)' } },
      expect.objectContaining({ doc: expect.objectContaining({ origin: small }) }),
      { error: { origin: bigHtml, reason: expect.stringMatching(/^document too large \(\d+ bytes; the limit is 200/) } },
    ]);
  });

  it('checks the limit per line in JSON Lines, streaming a file larger than the limit', async () => {
    const opts = { maxBytes: 300 };
    const lines: string[] = [];
    for (let i = 1; i <= 40; i++) {
      const text = i === 7 ? 'x'.repeat(1000) : `Report number ${i}.`;
      lines.push(JSON.stringify({ id: `r${i}`, published: '2026-01-05', text }));
    }
    const p = await put('size/many.jsonl', lines.join('\n') + '\n');
    const items = await collect(readInputs([p], opts));
    expect(items).toHaveLength(40);
    expect(docsOf(items)).toHaveLength(39);
    const err = errorsOf(items)[0];
    expect(err.origin).toBe(`${p} line 7`);
    expect(err.reason).toMatch(/^document too large \(10\d\d bytes; the limit is 300, raise it with --max-bytes\)$/);
    expect(docsOf(items)[38]).toMatchObject({ id: 'r40', text: 'Report number 40.' });
  });

  it('fails a JSON array and a pretty-printed object over the limit as one document', async () => {
    const opts = { maxBytes: 100 };
    const arr = await put('size/arr.json', JSON.stringify([{ text: 'a'.repeat(200) }]));
    const obj = await put('size/obj.json', JSON.stringify({ published: '2026-01-05', text: 'a'.repeat(200) }, null, 2));
    const items = await collect(readInputs([arr, obj], opts));
    expect(errorsOf(items).map((e) => [e.origin, e.reason.replace(/\d+ bytes/, 'N bytes')])).toEqual([
      [arr, 'document too large (N bytes; the limit is 100, raise it with --max-bytes)'],
      [obj, 'document too large (N bytes; the limit is 100, raise it with --max-bytes)'],
    ]);
  });

  it('checks the limit on in-memory input too', async () => {
    const err = await onlyError('The sides met. '.repeat(10), 'mem.txt', { maxBytes: 50 });
    expect(err.reason).toBe('document too large (150 bytes; the limit is 50, raise it with --max-bytes)');
  });
});

describe('directories and streams', () => {
  it('walks directories recursively in name order, skipping dotfiles, and detects each format', async () => {
    const root = path.join(dir, 'tree');
    await put('tree/b.txt', SEED);
    await put('tree/a.json', JSON.stringify({ published: '2026-01-05', text: 'From JSON.' }));
    await put('tree/sub/c.html', PAGE);
    await put('tree/sub/deeper/d.xml', RSS);
    await put('tree/.hidden.txt', 'secret');
    await put('tree/.git/config', 'not a document');
    await put('tree/z.dat', 'Plain notes without a date.');
    const items = await collect(readInputs([root], OPTS));
    expect(items.map((i) => ('doc' in i ? `${i.doc.origin}:${i.doc.format}` : `${i.error.origin}:!`))).toEqual([
      `${root}/a.json:json`,
      `${root}/b.txt:seed`,
      `${root}/sub/c.html:html`,
      `${root}/sub/deeper/d.xml item 1:rss`,
      `${root}/sub/deeper/d.xml item 2:!`,
      `${root}/sub/deeper/d.xml item 3:rss`,
      `${root}/sub/deeper/d.xml item 4:rss`,
      `${root}/z.dat:text`,
    ]);
    expect(docsOf(items).map((d) => d.id).slice(0, 3)).toEqual(['a', 'b', 'c']);
  });

  it('follows a symbolic link loop only once, and reports an empty directory', async () => {
    await put('loop/one.txt', 'The sides met.');
    await symlink(path.join(dir, 'loop'), path.join(dir, 'loop', 'again'));
    const docs = docsOf(await collect(readInputs([path.join(dir, 'loop')], OPTS)));
    expect(docs.map((d) => path.basename(d.origin))).toEqual(['one.txt']);

    await mkdir(path.join(dir, 'nothing', '.only-dot'), { recursive: true });
    const items = await collect(readInputs([path.join(dir, 'nothing')], OPTS));
    expect(items).toEqual([{ error: { origin: path.join(dir, 'nothing'), reason: 'no files in the directory (dotfiles are skipped)' } }]);
  });

  it('reads a stream (standard input) and names it "-"', async () => {
    const chunks = [Buffer.from(SEED.slice(0, 10)), Buffer.from(SEED.slice(10))];
    const docs = docsOf(await collect(readStream(Readable.from(chunks), '-', OPTS)));
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ id: 'stdin', origin: '-', format: 'seed', text: SEED });
  });

  it('streams JSON Lines from a stream beyond the limit, and fails other big streams', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ published: '2026-01-05', text: `Doc ${i + 1}` }));
    const input = Buffer.from(lines.join('\n'));
    // Many small chunks, split mid-line, as a pipe delivers them.
    const chunks: Buffer[] = [];
    for (let i = 0; i < input.length; i += 37) chunks.push(input.subarray(i, i + 37));
    const items = await collect(readStream(Readable.from(chunks), '-', { maxBytes: 256 }));
    expect(docsOf(items).map((d) => d.id)).toEqual(lines.map((_, i) => `stdin#${i + 1}`));
    expect(docsOf(items)[49]).toMatchObject({ origin: '- line 50', text: 'Doc 50' });

    const text = Readable.from([Buffer.from('x'.repeat(300))]);
    expect(await collect(readStream(text, '-', { maxBytes: 256 }))).toEqual([
      { error: { origin: '-', reason: 'document too large (more than 256 bytes; the limit is 256, raise it with --max-bytes)' } },
    ]);
  });

  it('reads a 50 MB JSON Lines file with the default limit in under a few seconds', async () => {
    const line = JSON.stringify({ published: '2026-01-05', text: 'The two sides held talks. '.repeat(40) }) + '\n';
    const count = Math.ceil((50 * 1024 * 1024 + 1) / line.length);
    const p = await put('huge/big.jsonl', line.repeat(count));
    const started = Date.now();
    let docs = 0;
    let last: RawDocument | null = null;
    for await (const item of readInputs([p], OPTS)) {
      if ('doc' in item) {
        docs++;
        last = item.doc;
      }
    }
    expect(docs).toBe(count);
    expect(last?.id).toBe(`big#${count}`);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);
});

describe('the shared corpus', () => {
  const seedPath = path.resolve(process.cwd(), '../shared/corpus/pak-chn-strategic-dialogue-2026-01-05.txt');
  const devPath = path.resolve(process.cwd(), '../shared/corpus/dev/docs.jsonl');

  it.skipIf(!existsSync(seedPath))('reads the seed report as seed, published 2026-01-05 (skipped when ../shared is absent)', async () => {
    const items = await collect(readInputs([path.relative(process.cwd(), seedPath)], OPTS));
    const [doc] = docsOf(items);
    expect(items).toHaveLength(1);
    expect(doc).toMatchObject({
      id: 'pak-chn-strategic-dialogue-2026-01-05', format: 'seed', published: '2026-01-05',
      title: 'Pakistan, China hold seventh strategic dialogue in Beijing.', titleInText: true, warnings: [],
    });
    expect(doc.text.startsWith(' date 2026-01-05 Deputy Prime Minister Ishaq Dar')).toBe(true);
  });

  it.skipIf(!existsSync(devPath))('reads the 15 dev documents d01..d15 (skipped when ../shared is absent)', async () => {
    const items = await collect(readInputs([devPath], OPTS));
    expect(errorsOf(items)).toEqual([]);
    const docs = docsOf(items);
    expect(docs.map((d) => d.id)).toEqual(Array.from({ length: 15 }, (_, i) => `d${String(i + 1).padStart(2, '0')}`));
    expect(docs.every((d) => d.format === 'json' && /^\d{4}-\d{2}-\d{2}$/.test(d.published ?? ''))).toBe(true);
    expect(docs[0]).toMatchObject({ published: '2023-11-16', titleInText: true, origin: `${devPath} line 1` });
    // d02's title was rebuilt from its URL and is not in the text.
    expect(docs[1].titleInText).toBe(false);
  });
});
