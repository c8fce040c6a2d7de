// HTML → paragraphs of plain text. Shared by the HTML reader, HTML inside JSON, and feed
// item bodies. linkedom only builds a tree: it never runs scripts, and script/style
// contents are skipped here so they cannot leak into the text.

import { parseHTML } from 'linkedom';

// The project compiles without the DOM library, so the few DOM members used are declared
// here; linkedom's objects satisfy them.
export interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  textContent: string | null;
  parentNode: DomNode | null;
  childNodes: ArrayLike<DomNode>;
}
export interface DomElement extends DomNode {
  localName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  head: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Never text: code, styling, embedded objects, document metadata, form controls, menus. */
export const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'audio', 'video', 'head', 'title', 'meta', 'link', 'button', 'select', 'option',
  'textarea', 'input', 'nav', 'form', 'dialog',
]);
/** Page furniture, skipped too when falling back from Readability to the raw page. */
export const CHROME = new Set(['header', 'footer', 'aside', 'menu']);

/** Elements that end a paragraph where they start and where they end. */
const BLOCK = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre',
  'section', 'article', 'header', 'footer', 'aside', 'main', 'figure', 'figcaption', 'table',
  'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'dl', 'dt', 'dd', 'hr', 'address',
  'details', 'summary', 'fieldset', 'legend', 'center', 'body', 'html', 'hgroup', 'menu',
]);

export function parseDocument(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}

/** linkedom mis-nests a bare fragment ("<p>a</p>"), so fragments get a document around them. */
export function parseFragment(html: string): DomDocument {
  return parseDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
}

function isHidden(el: DomElement): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

/**
 * One paragraph per block element, whitespace collapsed. Two <br> in a row also end a
 * paragraph (old press-release markup uses them instead of <p>); one <br> is a space.
 * Iterative, so deeply nested markup cannot overflow the stack.
 */
export function blockParagraphs(root: DomNode, skip: ReadonlySet<string> = SKIP): string[] {
  const paragraphs: string[] = [];
  let buf = '';
  const flush = (): void => {
    for (const part of buf.split(/ *\n *\n[\n ]*/)) {
      const p = part.replace(/[ \n]+/g, ' ').trim();
      if (p) paragraphs.push(p);
    }
    buf = '';
  };
  // Entries are nodes to enter, or null markers meaning "a block element ends here".
  const stack: (DomNode | null)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null) {
      flush();
      continue;
    }
    if (node === undefined) break;
    if (node.nodeType === TEXT_NODE) {
      buf += (node.nodeValue ?? '').replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    const tag = (node as DomElement).localName?.toLowerCase() ?? '';
    if (node !== root) {
      if (skip.has(tag) || isHidden(node as DomElement)) continue;
      if (tag === 'br') {
        buf += '\n';
        continue;
      }
    }
    const block = BLOCK.has(tag) || node === root;
    if (block) {
      flush();
      stack.push(null);
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  flush();
  return paragraphs;
}

/** An HTML fragment (a feed item's body, a JSON item's html) as paragraphs. */
export function htmlToParagraphs(html: string): string[] {
  const doc = parseFragment(html);
  return doc.body ? blockParagraphs(doc.body) : [];
}

/** Plain text as paragraphs: blank lines separate them, other whitespace collapses. */
export function textToParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t\r]*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}
