// Words for comparing texts: content stems (stopwords out, "held" → hold, "ministers'" →
// minister), how much of one text another covers, and the qualifiers that set a claim's
// strength ("firm", "ironclad", "reaffirmed").
import { wordingLexicon, type Qualifier } from './lexicon.js';

function stem(w: string): string {
  const lex = wordingLexicon();
  const irregular = lex.irregular.get(w);
  if (irregular) return irregular;
  if (w.length > 5 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 5 && w.endsWith('ing')) return trimDouble(w.slice(0, -3));
  if (w.length > 4 && w.endsWith('ed')) return trimDouble(w.slice(0, -2));
  if (w.length > 4 && w.endsWith('es') && /(ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function trimDouble(w: string): string {
  // "stopp" → "stop"; a dropped e is not restored ("develop" stays, "stag" ~ "stage" below)
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !/[lsz]/.test(w[w.length - 1])) return w.slice(0, -1);
  return w;
}

/** Words of a text, lower case, apostrophes and hyphens split off. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}.]+/u)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w.length > 0);
}

/** The content stems of a text: what it is about, without function words. A stem drops a final
 * "e" too, so that "stage" and "staged" meet at "stag". */
export function contentStems(text: string): Set<string> {
  const stop = wordingLexicon().stopwords;
  const out = new Set<string>();
  for (const w of words(text)) {
    if (stop.has(w)) continue;
    let s = stem(w);
    if (s.length > 3 && s.endsWith('e')) s = s.slice(0, -1);
    if (!stop.has(s)) out.add(s);
  }
  return out;
}

/** Share of a's content stems that b has (0 when a has none). */
export function coverage(a: Set<string>, b: Set<string>): number {
  if (!a.size) return 0;
  let n = 0;
  for (const s of a) if (b.has(s)) n++;
  return n / a.size;
}

/** Shared stems over the smaller of the two sets: two wordings of one thing. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const s of a) if (b.has(s)) n++;
  return n / Math.min(a.size, b.size);
}

export function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const s of a) if (b.has(s)) n++;
  return n;
}

export interface Qualified {
  label: string;
  kind: 'strength' | 'repetition' | 'hedge';
  word: string;
}

/** The qualifiers a stretch of text carries ("restates firm backing" → reaffirmed, firm). */
export function qualifiersIn(text: string): Qualified[] {
  const ws = text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean);
  const out: Qualified[] = [];
  const index = qualifierIndex();
  for (let i = 0; i < ws.length; i++) {
    for (const { q, form } of index.get(ws[i]) ?? []) {
      let ok = i + form.length <= ws.length;
      for (let k = 1; k < form.length && ok; k++) ok = ws[i + k] === form[k];
      if (ok && !out.some((o) => o.label === q.label)) out.push({ label: q.label, kind: q.kind, word: form.join(' ') });
    }
  }
  // in the lexicon's order, so that two texts with the same qualifiers list them alike
  const order = wordingLexicon().qualifiers.map((q) => q.label);
  return out.sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label));
}

let byFirstWord: Map<string, Array<{ q: Qualifier; form: string[] }>> | null = null;
function qualifierIndex(): Map<string, Array<{ q: Qualifier; form: string[] }>> {
  if (byFirstWord) return byFirstWord;
  byFirstWord = new Map();
  for (const q of wordingLexicon().qualifiers) {
    for (const form of q.forms) {
      const list = byFirstWord.get(form[0]) ?? [];
      list.push({ q, form });
      byFirstWord.set(form[0], list);
    }
  }
  return byFirstWord;
}
