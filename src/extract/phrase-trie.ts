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

/** Every lead run of every trie's forms, numbered once for all tries, so that a document's
 * tokens are looked up once (leadIds) and each trie's pre-filter is an array read. */
const LEADS = { ids: new Map<string, number>(), version: 0 };

function leadId(lead: string): number {
  let id = LEADS.ids.get(lead);
  if (id === undefined) {
    id = LEADS.ids.size;
    LEADS.ids.set(lead, id);
    LEADS.version++;
  }
  return id;
}

/** Per token, what the pre-filter reads: the token at each offset, its lower-cased text and
 * start, and (filled on first use) the number of its lead run among all tries' leads. */
export interface TokenLookup {
  tokenAt: Int32Array;
  lower: string[];
  /** Tokens' start offsets. */
  start: number[];
  leadIds?: Int32Array;
  leadVersion?: number;
}

function leadIdsOf(tokens: TokenLookup): Int32Array {
  if (tokens.leadIds && tokens.leadVersion === LEADS.version) return tokens.leadIds;
  const ids = tokens.leadIds ?? new Int32Array(tokens.lower.length);
  const known = LEADS.ids;
  for (let k = 0; k < tokens.lower.length; k++) ids[k] = known.get(leadRun(tokens.lower[k])) ?? -1;
  tokens.leadIds = ids;
  tokens.leadVersion = LEADS.version;
  return ids;
}

export class PhraseTrie<T> {
  /** The lead runs of every form's first word: a token whose lead run is not among them
   * starts no form, and is passed over without walking the trie. */
  private leads = new Uint8Array(64);
  /** A form whose lead run is empty ("-", "'s"): then every token may start one. */
  private anyLead = false;
  /** Built by add(); compile() flattens it for matching. */
  private children: Array<Map<number, number>> = [new Map()];
  private terminal: Array<TrieForm<T>[] | null> = [null];
  /** Compiled on first match: the root's children by char code, and every other node's
   * children as a run of (char, node) pairs sorted by char in two flat arrays, so that a step
   * is an array read or a short scan, never a hash look-up. */
  private rootTable: Int32Array | null = null;
  private childFirst: Int32Array = new Int32Array(0);
  private childCount: Int32Array = new Int32Array(0);
  private childChar: Uint16Array = new Uint16Array(0);
  private childNext: Int32Array = new Int32Array(0);
  /** 1 for compiled nodes that got children after compiling; nodes past its length are new. */
  private changed: Uint8Array = new Uint8Array(0);

  private compile(): void {
    const root = new Int32Array(0x10000).fill(-1);
    for (const [c, n] of this.children[0]) root[c] = n;
    const nodes = this.children.length;
    const first = new Int32Array(nodes);
    const count = new Int32Array(nodes);
    const chars = new Uint16Array(nodes);
    const next = new Int32Array(nodes);
    let at = 0;
    for (let n = 1; n < nodes; n++) {
      const kids = [...this.children[n]].sort((a, b) => a[0] - b[0]);
      first[n] = at;
      count[n] = kids.length;
      for (const [c, k] of kids) {
        chars[at] = c;
        next[at] = k;
        at++;
      }
    }
    this.rootTable = root;
    this.childFirst = first;
    this.childCount = count;
    this.childChar = chars;
    this.childNext = next;
    this.changed = new Uint8Array(nodes);
  }

  /** The child of a non-root node by char, or -1: a scan of its sorted run (runs are short
   * below the first letter), halving when the run is long. */
  private step(node: number, c: number): number {
    if (node >= this.changed.length || this.changed[node] === 1) return this.children[node].get(c) ?? -1;
    let lo = this.childFirst[node];
    let hi = lo + this.childCount[node];
    const chars = this.childChar;
    while (hi - lo > 8) {
      const mid = (lo + hi) >>> 1;
      if (chars[mid] < c) lo = mid + 1;
      else hi = mid + 1; // keeps mid, which may be c
    }
    for (; lo < hi; lo++) {
      const x = chars[lo];
      if (x === c) return this.childNext[lo];
      if (x > c) return -1;
    }
    return -1;
  }

  add(entry: TrieForm<T>): void {
    const key = lowerAligned(entry.form);
    const lead = leadRun(key);
    if (lead === '') this.anyLead = true;
    const id = leadId(lead);
    if (id >= this.leads.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.leads.length * 2));
      grown.set(this.leads);
      this.leads = grown;
    }
    this.leads[id] = 1;
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = fold(key.charCodeAt(i));
      let next = this.children[node].get(c);
      if (next === undefined) {
        next = this.children.length;
        this.children.push(new Map());
        this.terminal.push(null);
        this.children[node].set(c, next);
        // after compiling, a new child goes to the root's table or marks its parent as
        // changed (looked up in its map) instead of compiling the whole trie again
        if (this.rootTable) {
          if (node === 0) this.rootTable[c] = next;
          else if (node < this.changed.length) this.changed[node] = 1;
        }
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

  /** The longest accepted form starting at offset i and ending at a token end before `to`. */
  private longestAt(text: string, lower: string, i: number, to: number, tokenEnd: Uint8Array): { end: number; forms: TrieForm<T>[] } | null {
    const root = this.rootTable!;
    let c = lower.charCodeAt(i);
    if (c > 0x7f) c = fold(c);
    let node = root[c];
    let bestEnd = -1;
    let best: TrieForm<T>[] | null = null;
    for (let j = i; node >= 0; ) {
      const term = this.terminal[node];
      if (term !== null && tokenEnd[j + 1] === 1) {
        const ok = this.accept(term, text, i, j + 1);
        if (ok) {
          bestEnd = j + 1;
          best = ok;
        }
      }
      if (++j >= to) break;
      c = lower.charCodeAt(j);
      if (c > 0x7f) c = fold(c);
      node = this.step(node, c);
    }
    return best ? { end: bestEnd, forms: best } : null;
  }

  /**
   * Leftmost-longest matches in text[from, to): `tokenStart[i]`/`tokenEnd[i]` are 1 where a
   * token starts/ends at offset i. `lower` is lowerAligned(text). With `tokens`, the walk goes
   * from token to token and passes over tokens whose lead run starts no form.
   */
  matchAll(text: string, lower: string, from: number, to: number, tokenStart: Uint8Array, tokenEnd: Uint8Array, tokens?: TokenLookup): TrieMatch<T>[] {
    if (!this.rootTable) this.compile();
    const out: TrieMatch<T>[] = [];
    if (tokens) {
      const leads = this.leads;
      const filter = !this.anyLead;
      const ids = leadIdsOf(tokens);
      const starts = tokens.start;
      const count = starts.length;
      let k = -1;
      for (let i = from; i < to && k < 0; i++) k = tokens.tokenAt[i];
      if (k < 0) return out;
      while (k < count && starts[k] < to) {
        const id = ids[k];
        if (filter && (id < 0 || leads[id] === 0)) {
          k++;
          continue;
        }
        const m = this.longestAt(text, lower, starts[k], to, tokenEnd);
        if (m) {
          out.push({ start: starts[k], end: m.end, forms: m.forms });
          while (k < count && starts[k] < m.end) k++;
        } else k++;
      }
      return out;
    }
    let i = from;
    while (i < to) {
      if (!tokenStart[i]) {
        i++;
        continue;
      }
      const m = this.longestAt(text, lower, i, to, tokenEnd);
      if (m) {
        out.push({ start: i, end: m.end, forms: m.forms });
        i = m.end;
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
