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

/** A word's leading run of letters and digits: "people" of "people's", "u" of "u.s.". */
export function leadRun(lower: string): string {
  let n = 0;
  while (n < lower.length) {
    const c = lower.charCodeAt(n);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 0x7f) n++;
    else break;
  }
  return n === lower.length ? lower : lower.slice(0, n);
}

/** Per token, what the pre-filter reads: the token at each offset and its lower-cased text. */
export interface TokenLookup {
  tokenAt: Int32Array;
  lower: string[];
}

export class PhraseTrie<T> {
  /** The lead runs of every form's first word: a token whose lead run is not among them
   * starts no form, and is passed over without walking the trie. */
  private leads = new Set<string>();
  private children: Array<Map<number, number>> = [new Map()];
  private terminal: Array<TrieForm<T>[] | null> = [null];
  /** Compiled on first match: the root's children by char code, and for nodes with one child
   * its char and node, so that most steps are an array read instead of a Map look-up. */
  private rootTable: Int32Array | null = null;
  private onlyChar: Int32Array | null = null;
  private onlyNext: Int32Array | null = null;

  private compile(): void {
    const root = new Int32Array(0x10000).fill(-1);
    for (const [c, n] of this.children[0]) root[c] = n;
    const onlyChar = new Int32Array(this.children.length).fill(-1);
    const onlyNext = new Int32Array(this.children.length).fill(-1);
    for (let n = 1; n < this.children.length; n++) {
      const m = this.children[n];
      if (m.size === 1) {
        const [[c, next]] = m;
        onlyChar[n] = c;
        onlyNext[n] = next;
      }
    }
    this.rootTable = root;
    this.onlyChar = onlyChar;
    this.onlyNext = onlyNext;
  }

  private child(node: number, c: number): number {
    if (node === 0) return this.rootTable![c];
    const only = this.onlyChar![node];
    if (only >= 0) return only === c ? this.onlyNext![node] : -1;
    return this.children[node].get(c) ?? -1;
  }

  add(entry: TrieForm<T>): void {
    this.rootTable = null;
    const key = lowerAligned(entry.form);
    this.leads.add(leadRun(key));
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
  matchAll(text: string, lower: string, from: number, to: number, tokenStart: Uint8Array, tokenEnd: Uint8Array, tokens?: TokenLookup): TrieMatch<T>[] {
    if (!this.rootTable) this.compile();
    const out: TrieMatch<T>[] = [];
    const leads = this.leads;
    const anyLead = leads.has('');
    let i = from;
    while (i < to) {
      if (!tokenStart[i]) {
        i++;
        continue;
      }
      if (tokens && !anyLead) {
        const k = tokens.tokenAt[i];
        if (k >= 0 && !leads.has(leadRun(tokens.lower[k]))) {
          i++;
          continue;
        }
      }
      let node = 0;
      let bestEnd = -1;
      let best: TrieForm<T>[] | null = null;
      const root = this.rootTable!;
      const onlyChar = this.onlyChar!;
      const onlyNext = this.onlyNext!;
      for (let j = i; j < to; j++) {
        let c = lower.charCodeAt(j);
        if (c > 0x7f) c = fold(c);
        // inlined child(): the root's table, a single child, else the node's map
        let next: number;
        if (node === 0) next = root[c];
        else {
          const only = onlyChar[node];
          next = only >= 0 ? (only === c ? onlyNext[node] : -1) : this.children[node].get(c) ?? -1;
        }
        if (next < 0) break;
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
