// A character trie over lower-cased surface forms, matched at token boundaries: the longest
// form that starts at a token start and ends at a token end wins. One walk per token start,
// no regular expressions and no allocation while matching.

export interface TrieForm<T> {
  /** The surface form as written in the lexicon. */
  form: string;
  value: T;
  /** How the text must be cased: 'any' (lower-case forms), 'initial' (Proper names: the first
   * letter must be a capital), 'exact' (acronyms and ambiguous words). */
  casing: 'any' | 'initial' | 'exact';
}

export interface TrieMatch<T> {
  start: number;
  end: number;
  forms: TrieForm<T>[];
}

export function casingOf(form: string): TrieForm<unknown>['casing'] {
  let upper = 0, letters = 0;
  for (const ch of form) {
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      letters++;
      if (ch === ch.toUpperCase()) upper++;
    }
  }
  if (letters > 0 && upper === letters && letters <= 6) return 'exact'; // UN, U.S., DPRK, FO
  const first = form.charAt(0);
  if (first !== first.toLowerCase()) return 'initial';
  return 'any';
}

/** Lower-cases one char at a time so that offsets stay aligned with the original text. */
export function lowerAligned(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const l = text[i].toLowerCase();
    out += l.length === 1 ? l : text[i];
  }
  return out;
}

/** Folds typographic variants so that "People’s" in a text matches "People's" in a lexicon. */
function fold(c: number): number {
  if (c === 0x2019 || c === 0x2018 || c === 0x2bc) return 39;
  if (c === 0x2010 || c === 0x2011 || c === 0x2013) return 45;
  if (c === 0xa0) return 32;
  return c;
}

export class PhraseTrie<T> {
  private children: Array<Map<number, number>> = [new Map()];
  private terminal: Array<TrieForm<T>[] | null> = [null];

  add(entry: TrieForm<T>): void {
    const key = lowerAligned(entry.form);
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = fold(key.charCodeAt(i));
      let next = this.children[node].get(c);
      if (next === undefined) {
        next = this.children.length;
        this.children.push(new Map());
        this.terminal.push(null);
        this.children[node].set(c, next);
      }
      node = next;
    }
    const list = this.terminal[node];
    if (list) list.push(entry);
    else this.terminal[node] = [entry];
  }

  get size(): number {
    return this.children.length;
  }

  /**
   * Leftmost-longest matches in text[from, to): `tokenStart[i]`/`tokenEnd[i]` are 1 where a
   * token starts/ends at offset i. `lower` is lowerAligned(text).
   */
  matchAll(text: string, lower: string, from: number, to: number, tokenStart: Uint8Array, tokenEnd: Uint8Array): TrieMatch<T>[] {
    const out: TrieMatch<T>[] = [];
    let i = from;
    while (i < to) {
      if (!tokenStart[i]) {
        i++;
        continue;
      }
      let node = 0;
      let bestEnd = -1;
      let best: TrieForm<T>[] | null = null;
      for (let j = i; j < to; j++) {
        const next = this.children[node].get(fold(lower.charCodeAt(j)));
        if (next === undefined) break;
        node = next;
        const term = this.terminal[node];
        if (term && tokenEnd[j + 1]) {
          const ok = this.accept(term, text, i, j + 1);
          if (ok) {
            bestEnd = j + 1;
            best = ok;
          }
        }
      }
      if (best) {
        out.push({ start: i, end: bestEnd, forms: best });
        i = bestEnd;
      } else i++;
    }
    return out;
  }

  /** The forms whose casing the text satisfies, or null. */
  private accept(forms: TrieForm<T>[], text: string, start: number, end: number): TrieForm<T>[] | null {
    let ok: TrieForm<T>[] | null = null;
    for (const f of forms) {
      let pass = true;
      if (f.casing === 'initial') {
        const c = text.charCodeAt(start);
        pass = c === f.form.charCodeAt(0) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);
      } else if (f.casing === 'exact') {
        for (let k = 0; k < end - start && pass; k++) {
          const a = fold(text.charCodeAt(start + k));
          const b = fold(f.form.charCodeAt(k));
          pass = a === b;
        }
      }
      if (pass) (ok ??= []).push(f);
    }
    return ok;
  }
}
