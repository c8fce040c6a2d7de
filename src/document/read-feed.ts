// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: every item or entry is one document, its text
// the title and then the body's paragraphs. A broken item fails alone; XML that does not
// parse fails the whole file.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { baseId, collapse, failure, joinTitleAndParagraphs, textTooLarge } from './common.js';
import { readPublished } from './dates.js';
import { htmlToParagraphs, textToParagraphs } from './html-text.js';
import type { ReadItem, ReadOptions } from './types.js';

export type FeedKind = 'rss' | 'atom' | 'rdf';

// Bodies are kept as raw inner XML ("stop nodes"): they may be CDATA, escaped HTML, or
// (in Atom type="xhtml" and in sloppy RSS) markup that must not be parsed as XML fields.
const BODY_TAGS = ['content:encoded', 'content', 'description', 'summary'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  stopNodes: BODY_TAGS.map((t) => `*.${t}`),
  isArray: (tagName) => tagName === 'item' || tagName === 'entry' || tagName === 'link',
});

type XmlNode = Record<string, unknown>;

/** The text of a parsed element: a string, or an object with attributes and "#text". */
function textOf(v: unknown): string | null {
  if (Array.isArray(v)) return v.length > 0 ? textOf(v[0]) : null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v && typeof v === 'object') {
    const t = (v as XmlNode)['#text'];
    return typeof t === 'string' || typeof t === 'number' ? String(t) : null;
  }
  return null;
}

function attr(v: unknown, name: string): string | null {
  if (Array.isArray(v)) v = v[0];
  if (v && typeof v === 'object') {
    const a = (v as XmlNode)[`@_${name}`];
    return typeof a === 'string' ? a : null;
  }
  return null;
}

const XML_ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|amp|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(XML_ENTITY, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name.toLowerCase()] ?? whole;
    const cp = hex ? parseInt(hex, 16) : Number(dec);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
}

/** Raw inner XML with CDATA sections unwrapped and entities decoded outside them. */
function unwrap(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeEntities(part)))
    .join('');
}

const TAG = /<[A-Za-z!/]/;

/** A raw body element's paragraphs, whatever way the feed packed the HTML or text in it. */
export function bodyParagraphs(raw: string, type: string | null): string[] {
  const t = (type ?? '').toLowerCase();
  const outsideCdata = raw.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  if (t === 'xhtml' || t === 'application/xhtml+xml' || TAG.test(outsideCdata)) {
    // Literal markup: the HTML parser decodes its entities itself.
    return htmlToParagraphs(raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1'));
  }
  const s = unwrap(raw);
  if (t === 'text' || t === 'text/plain' || !TAG.test(s)) return textToParagraphs(s);
  return htmlToParagraphs(s);
}

function titleText(v: unknown): string | null {
  const raw = textOf(v);
  if (raw === null) return null;
  // Titles of type="html" (or with stray tags) are flattened to their text.
  const t = TAG.test(raw) ? htmlToParagraphs(raw).join(' ') : raw;
  return collapse(t) || null;
}

function linkOf(item: XmlNode, kind: FeedKind): string | null {
  const links = Array.isArray(item.link) ? (item.link as unknown[]) : item.link === undefined ? [] : [item.link];
  if (kind === 'atom') {
    const rel = (l: unknown): string => attr(l, 'rel') ?? 'alternate';
    const chosen = links.find((l) => rel(l) === 'alternate' && attr(l, 'href')) ?? links.find((l) => attr(l, 'href'));
    return chosen ? attr(chosen, 'href')!.trim() : null;
  }
  for (const l of links) {
    const s = textOf(l)?.trim();
    if (s) return s;
  }
  return attr(item, 'rdf:about');
}

function itemsOf(root: XmlNode, kind: FeedKind): unknown[] {
  let items: unknown;
  if (kind === 'atom') {
    items = (root.feed as XmlNode | undefined)?.entry;
  } else if (kind === 'rss') {
    const rss = root.rss as XmlNode | undefined;
    const channel = Array.isArray(rss?.channel) ? rss?.channel[0] : rss?.channel;
    items = (channel as XmlNode | undefined)?.item;
  } else {
    const key = Object.keys(root).find((k) => /(^|:)RDF$/.test(k));
    items = key ? (root[key] as XmlNode | undefined)?.item : undefined;
  }
  return Array.isArray(items) ? items : [];
}

export function readFeed(xml: string, name: string, kind: FeedKind, opts: ReadOptions, warnings: string[]): ReadItem[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return [failure(name, `malformed XML: ${msg} (line ${line}, column ${col})`)];
  }
  let root: XmlNode;
  try {
    root = parser.parse(xml) as XmlNode;
  } catch (e) {
    // The parser also refuses some valid-looking input (entity expansion limits).
    return [failure(name, `malformed XML: ${(e as Error).message}`)];
  }
  const items = itemsOf(root, kind);
  if (items.length === 0) return [failure(name, `no ${kind === 'atom' ? 'entries' : 'items'} in the feed`)];
  const base = baseId(name);
  return items.map((item, i) => readItem(item, kind, `${name} item ${i + 1}`, `${base}#${i + 1}`, opts, warnings));
}

function readItem(
  value: unknown, kind: FeedKind, origin: string, defaultId: string, opts: ReadOptions, warnings: string[],
): ReadItem {
  // An empty <item/> parses as "", a text-only one as a string: both have no fields.
  const item: XmlNode = value !== null && typeof value === 'object' ? (value as XmlNode) : {};
  const title = titleText(item.title);
  let paragraphs: string[] = [];
  for (const tag of BODY_TAGS) {
    const raw = textOf(item[tag]);
    if (raw && raw.trim()) {
      paragraphs = bodyParagraphs(raw, attr(item[tag], 'type'));
      if (paragraphs.length > 0) break;
    }
  }
  if (!title && paragraphs.length === 0) return failure(origin, 'item has no title and no text');
  const { text, titleInText } = joinTitleAndParagraphs(title, paragraphs);
  const big = textTooLarge(text, opts);
  if (big) return failure(origin, big);

  const url = linkOf(item, kind);
  const id = textOf(item.guid)?.trim() || textOf(item.id)?.trim() || url || defaultId;
  const dateRaw = ['pubDate', 'published', 'dc:date', 'updated'].map((k) => textOf(item[k])).find((v) => v?.trim());
  const dates = readPublished(dateRaw ?? undefined);
  return {
    doc: {
      id,
      url,
      published: dates.published,
      title,
      text,
      format: kind === 'atom' ? 'atom' : 'rss',
      origin,
      warnings: [...warnings, ...dates.warnings],
      titleInText,
    },
  };
}
