// Building the page from data without ever parsing data as markup: every string becomes a
// text node or an attribute value, so a report containing <script> shows as characters.

export type Child = Node | string | number | null | undefined | false | Child[];
type Handler = (e: any) => void;
export type Attrs = Record<string, string | number | boolean | null | undefined | Handler>;

function append(el: Element, c: Child): void {
  if (c === null || c === undefined || c === false) return;
  if (Array.isArray(c)) {
    for (const x of c) append(el, x);
    return;
  }
  el.append(c instanceof Node ? c : document.createTextNode(String(c)));
}

function setAttrs(el: Element, attrs: Attrs | null | undefined): void {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'style') throw new Error('style attributes are blocked by the Content-Security-Policy: use a class');
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
      continue;
    }
    if (typeof v === 'function') continue;
    if (k === 'value' && 'value' in el) {
      (el as HTMLInputElement).value = String(v);
      continue;
    }
    if (k === 'checked' && el instanceof HTMLInputElement) {
      el.checked = !!v;
      continue;
    }
    el.setAttribute(k === 'className' ? 'class' : k, v === true ? '' : String(v));
  }
}

/** An HTML element: h('a', { href: '#/x', class: 'y' }, 'text', child …). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Replaces an element's children. */
export function put(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

export function fmtNumber(n: number, digits = 1): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(digits);
}

/** A message in the view (loading, empty, error). */
export function note(text: string, kind: 'info' | 'error' = 'info'): HTMLElement {
  return h('p', { class: `note ${kind}`, role: kind === 'error' ? 'alert' : undefined }, text);
}
