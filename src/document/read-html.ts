// HTML page → article: title, paragraphs, publication date, canonical URL. Readability
// finds the article body; when it finds nothing, the <p> elements of <article>, <main> or
// <body> are used instead.

import { Readability } from '@mozilla/readability';
import { collapse, failure, joinTitleAndParagraphs, sameText, textTooLarge } from './common.js';
import { futureWarning, NO_DATE, parseDate } from './dates.js';
import {
  blockParagraphs, CHROME, type DomDocument, type DomElement, type DomNode, parseDocument, SKIP,
} from './html-text.js';
import type { ReadItem, ReadOptions } from './types.js';

export interface HtmlArticle {
  title: string | null;
  paragraphs: string[];
  /** ISO date from the page's metadata, or null. */
  published: string | null;
  /** The first date-like metadata value when none could be read (for the warning). */
  unusableDate: string | null;
  url: string | null;
}

export const NO_ARTICLE = 'no article text found in HTML';

// Low: a two-paragraph press release is an article. Readability's default (500 chars)
// makes it discard the strict pass for such pages and return looser, noisier content.
const CHAR_THRESHOLD = 100;

export function extractArticle(html: string): HtmlArticle {
  const doc = parseDocument(html);
  // Metadata first: Readability rewrites the tree it is given.
  const title = findTitle(doc);
  const dates = dateCandidates(doc);
  const url = findUrl(doc);
  let published: string | null = null;
  for (const raw of dates) {
    published = parseDate(raw);
    if (published) break;
  }

  let paragraphs = readabilityParagraphs(doc);
  if (paragraphs.length === 0) paragraphs = fallbackParagraphs(parseDocument(html));
  return { title, paragraphs, published, unusableDate: published ? null : (dates[0] ?? null), url };
}

function readabilityParagraphs(doc: DomDocument): string[] {
  try {
    const reader = new Readability(doc as never, { charThreshold: CHAR_THRESHOLD, serializer: (el) => el });
    const content = reader.parse()?.content as DomNode | null | undefined;
    return content ? blockParagraphs(content) : [];
  } catch {
    // Readability throws on some degenerate trees; the fallback handles those pages.
    return [];
  }
}

function hasAncestorIn(el: DomNode, tags: ReadonlySet<string>): boolean {
  for (let p = el.parentNode; p; p = p.parentNode) {
    const tag = (p as DomElement).localName?.toLowerCase();
    if (tag && tags.has(tag)) return true;
  }
  return false;
}

function fallbackParagraphs(doc: DomDocument): string[] {
  const container = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  if (!container) return [];
  const skip = new Set([...SKIP, ...CHROME]);
  const out: string[] = [];
  for (const p of Array.from(container.querySelectorAll('p'))) {
    if (!hasAncestorIn(p, skip)) out.push(...blockParagraphs(p, skip));
  }
  // Pages without <p> (text in <div>s or <td>s) still have text.
  return out.length > 0 ? out : blockParagraphs(container, skip);
}

function meta(doc: DomDocument): Map<string, string> {
  // Keys are lower-cased property / name / itemprop values; the first occurrence wins.
  const found = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = el.getAttribute('content');
    if (!content?.trim()) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !found.has(key)) found.set(key, content.trim());
    }
  }
  return found;
}

/** Drops a trailing " | Site" (or " - Site" when Site is the page's declared site name). */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  if (siteName) {
    const m = new RegExp(`^(.+?)\\s+[|\\-–—·:»]\\s+${escapeRegExp(siteName)}\\s*$`, 'i').exec(title);
    if (m) return m[1].trim();
  }
  const bar = title.lastIndexOf(' | ');
  if (bar > 0) {
    const head = title.slice(0, bar).trim();
    const tail = title.slice(bar + 3).trim();
    if (tail.split(/\s+/).length <= 5 && head.split(/\s+/).length >= 3) return head;
  }
  return title;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function findTitle(doc: DomDocument): string | null {
  const text = (el: DomElement | null): string => collapse(el ? blockParagraphs(el).join(' ') : '');
  const m = meta(doc);
  const site = m.get('og:site_name') ?? null;
  const inArticle = text(doc.querySelector('article h1') ?? doc.querySelector('main h1'));
  if (inArticle) return inArticle;
  // A lone <h1> is the headline; several usually include the site logo.
  const h1s = Array.from(doc.querySelectorAll('h1'));
  if (h1s.length === 1 && text(h1s[0])) return text(h1s[0]);
  const og = m.get('og:title') ?? m.get('twitter:title');
  if (og) return stripSiteSuffix(collapse(og), site);
  const t = collapse(doc.querySelector('title')?.textContent ?? '');
  if (t) return stripSiteSuffix(t, site);
  return h1s.length > 0 ? text(h1s[0]) || null : null;
}

function findUrl(doc: DomDocument): string | null {
  for (const link of Array.from(doc.querySelectorAll('link[rel]'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const href = link.getAttribute('href')?.trim();
    if (rel.includes('canonical') && href) return href;
  }
  return meta(doc).get('og:url') ?? null;
}

/** Publication-date values in order of trust: explicit article metadata first, a bare <time> last. */
function dateCandidates(doc: DomDocument): string[] {
  const out: string[] = [];
  const m = meta(doc);
  for (const key of ['article:published_time', 'og:published_time', 'date', 'pubdate', 'dc.date.issued', 'datepublished']) {
    const v = m.get(key);
    if (v) out.push(v);
  }
  for (const el of Array.from(doc.querySelectorAll('[itemprop="datePublished"]'))) {
    const v = el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent;
    if (v?.trim()) out.push(v.trim());
  }
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const v = findKey(JSON.parse(script.textContent ?? ''), 'datePublished', 0);
      if (v) out.push(v);
    } catch {
      // Broken JSON-LD is common and never fatal: other sources of the date remain.
    }
  }
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime')?.trim();
  if (time) out.push(time);
  return out;
}

function findKey(value: unknown, key: string, depth: number): string | null {
  if (depth > 8 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = findKey(v, key, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const obj = value as Record<string, unknown>;
  if (typeof obj[key] === 'string' && obj[key]) return obj[key] as string;
  for (const v of Object.values(obj)) {
    const found = findKey(v, key, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Some text beyond the headline itself. */
export function hasBody(a: HtmlArticle): boolean {
  return a.paragraphs.length > 1 || (a.paragraphs.length === 1 && !(a.title && sameText(a.paragraphs[0], a.title)));
}

/** Date warnings for an article: unusable metadata, none at all, or a future date. */
export function articleDateWarnings(a: HtmlArticle): string[] {
  if (a.published) return futureWarning(a.published);
  if (a.unusableDate) return [`unusable published date '${a.unusableDate.slice(0, 60)}'`];
  return [NO_DATE];
}

export function readHtml(html: string, name: string, id: string, opts: ReadOptions, warnings: string[]): ReadItem {
  const a = extractArticle(html);
  if (!hasBody(a)) return failure(name, NO_ARTICLE);
  const { text, titleInText } = joinTitleAndParagraphs(a.title, a.paragraphs);
  const big = textTooLarge(text, opts);
  if (big) return failure(name, big);
  return {
    doc: {
      id,
      url: a.url,
      published: a.published,
      title: a.title,
      text,
      format: 'html',
      origin: name,
      warnings: [...warnings, ...articleDateWarnings(a)],
      titleInText,
    },
  };
}
