// Which reader? Decided by content, never by file extension: an HTML page saved as .txt
// is still HTML, and a seed-shaped report is recognised by its ` date YYYY-MM-DD` line.

export type Sniffed = 'json' | 'markup' | 'seed' | 'text';
export type Markup =
  | { kind: 'html' }
  | { kind: 'rss' }
  | { kind: 'atom' }
  | { kind: 'rdf' }
  | { kind: 'xml'; root: string };

export const SEED_HEADER = /^\s*date (\d{4}-\d{2}-\d{2})\b/;

export function sniff(text: string): Sniffed {
  const m = /\S/.exec(text);
  if (!m) return 'text';
  const c = m[0];
  if (c === '<') return 'markup';
  if (c === '{' || c === '[') return 'json';
  const lineEnd = text.indexOf('\n', m.index);
  const first = text.slice(m.index, lineEnd < 0 ? undefined : lineEnd);
  return SEED_HEADER.test(first) ? 'seed' : 'text';
}

/**
 * The first element after any XML declaration, processing instructions, comments and
 * DOCTYPE names the kind: rss, feed (Atom), rdf:RDF (RSS 1.0); html or anything after a
 * non-XML start is HTML; other XML roots are reported, not guessed at.
 */
export function sniffMarkup(text: string): Markup {
  const isXml = /^\s*<\?xml/.test(text);
  // Skip prolog constructs; bounded so a pathological head cannot make this slow.
  const prolog = /^\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>)/i;
  let rest = text.slice(0, 65536);
  for (let i = 0; i < 100; i++) {
    const m = prolog.exec(rest);
    if (!m) break;
    rest = rest.slice(m[0].length);
  }
  const root = /^\s*<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1] ?? '';
  const local = root.includes(':') ? root.slice(root.indexOf(':') + 1) : root;
  if (root.toLowerCase() === 'rss') return { kind: 'rss' };
  if (root === 'feed') return { kind: 'atom' };
  if (local === 'RDF') return { kind: 'rdf' };
  if (isXml && root !== '' && root.toLowerCase() !== 'html') return { kind: 'xml', root };
  return { kind: 'html' };
}
