// A character trie over lower-cased surface forms, matched at token boundaries: the longest
// form that starts at a token start and ends at a token end wins. One walk per token start,
// no regular expressions and no allocation while matching.
import { grown, int32s } from '../language/typed-blocks.js';

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

/** The first letters that satisfy casing 'initial' whatever the form's own first letter. */
function capital(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);
}

/** A terminal node's CASE_* summary (defined with the info word below). */
function casingKind(forms: TrieForm<unknown>[]): number {
  let any = true, cap = true;
  for (const f of forms) {
    if (f.casing !== 'any') any = false;
    if (f.casing !== 'initial' || !capital(f.form.charCodeAt(0))) cap = false;
  }
  return any ? CASE_ANY : cap ? CASE_CAPITAL : 0;
}

/** Lower-case letters, digits and other letters; typographic apostrophes, dashes and spaces
 * end a run as their ASCII forms do, so that "People’s" in a text has the lead of "People's"
 * in a lexicon. */
function inLeadRun(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c > 0x7f && fold(c) === c);
}

/** A word's leading run of letters and digits: "people" of "people's", "u" of "u.s.". */
export function leadRun(lower: string): string {
  let n = 0;
  while (n < lower.length) {
    const c = lower.charCodeAt(n);
    if (inLeadRun(c)) n++;
    else break;
  }
  return n === lower.length ? lower : lower.slice(0, n);
}

/** Whether text[start, end) is cased as the form requires. */
function passes(f: TrieForm<unknown>, text: string, start: number, end: number): boolean {
  if (f.casing === 'initial') {
    const c = text.charCodeAt(start);
    return c === f.form.charCodeAt(0) || capital(c);
  }
  if (f.casing === 'exact') {
    for (let k = 0; k < end - start; k++) if (fold(text.charCodeAt(start + k)) !== fold(f.form.charCodeAt(k))) return false;
  }
  return true;
}

/** Every lead run of every trie's forms (and of other words recognisers look for, such as date
 * words), numbered once for all, so that a document's tokens are looked up once (leadIds) and
 * each pre-filter is an array read. The look-up is our own open-addressing table hashed while
 * the lead run is scanned: a token's string is new in every document, and hashing it for a
 * Map costs more than the scan. A slot holds the lead's id + 1 (0: empty) and its whole 32-bit
 * hash, whose low bits chose the slot: a hit is told by the whole hash instead of a compare
 * with the lead's string, which would read one more cold object per token. If two leads on one
 * probe chain ever have the same hash (about one chance in 2^32 per pair), `compare` turns the
 * string compare back on. A word whose lead run is unknown but has a lead's hash (as rare) gets
 * that lead's id, which is harmless: every user of the ids reads the words themselves after the
 * pre-filter (the trie walk, the date reader's word table). */
const LEADS = { ids: new Map<string, number>(), list: [] as string[], lengths: new Int32Array(1 << 12), table: new Int32Array(2 << 13), version: 0, compare: false };

/** Classes of leads, one bit each: a trie's class marks the leads its forms start with, so that
 * leadIdsOf gives each token, beside its lead, the classes of the tries it may start a form of
 * (leadClassesOf), and a trie picks its candidate tokens with one array read each and no
 * branch (PhraseTrie.candidates). By lead number + 1 (slot 0: no lead); `lower` is read for a
 * token that starts with a-z: only forms a lower-case word can start (PhraseTrie.lowerLeads). */
const CLASSES = { next: 0, any: new Int32Array(1 << 12), lower: new Int32Array(1 << 12) };

/** A new class bit, or -1 once all 32 are taken (a trie then reads its own bit sets). */
function newLeadClass(): number {
  return CLASSES.next < 32 ? CLASSES.next++ : -1;
}

/** A class (its bit number, or -1 when none is left) for tokens whose lead is one of these
 * words' leads, however the token is cased. */
export function wordClass(words: Iterable<string>): number {
  return leadsClass([...words].map((w) => leadId(leadRun(w.toLowerCase()))));
}

/** A class (as wordClass) for tokens whose lead number is one of these. */
export function leadsClass(ids: Iterable<number>): number {
  const cls = newLeadClass();
  if (cls >= 0) for (const id of ids) markLead(id, cls, true);
  return cls;
}

/** Marks lead `id` with class `cls`, for tokens written in lower case too if `lower`. */
function markLead(id: number, cls: number, lower: boolean): void {
  if (id + 1 >= CLASSES.any.length) {
    CLASSES.any = grown(CLASSES.any, id + 2);
    CLASSES.lower = grown(CLASSES.lower, id + 2);
  }
  const bit = 1 << cls;
  const any = CLASSES.any[id + 1], low = CLASSES.lower[id + 1];
  CLASSES.any[id + 1] = any | bit;
  if (lower) CLASSES.lower[id + 1] = low | bit;
  // tokens' classes are read again once they changed, as their leads are once leads are added
  if (CLASSES.any[id + 1] !== any || CLASSES.lower[id + 1] !== low) LEADS.version++;
}

/** FNV-1a over the first n chars, as a signed 32-bit number (as the table holds it). */
function hashRun(s: string, n: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function place(id: number): void {
  const { table, list } = LEADS;
  const mask = (table.length >> 1) - 1;
  const lead = list[id];
  const check = hashRun(lead, lead.length);
  let slot = check & mask;
  for (; table[2 * slot] !== 0; slot = (slot + 1) & mask) if (table[2 * slot + 1] === check) LEADS.compare = true;
  table[2 * slot] = id + 1;
  table[2 * slot + 1] = check;
}

/** The number of a lead run, given it one if it is new. */
export function leadId(lead: string): number {
  let id = LEADS.ids.get(lead);
  if (id === undefined) {
    id = LEADS.list.length;
    LEADS.ids.set(lead, id);
    LEADS.list.push(lead);
    if (id >= LEADS.lengths.length) LEADS.lengths = grown(LEADS.lengths, id + 1);
    LEADS.lengths[id] = lead.length;
    // at most half the slots are used, so that probes stay short
    if (4 * LEADS.list.length > LEADS.table.length) {
      LEADS.table = new Int32Array(LEADS.table.length * 2);
      for (let k = 0; k < LEADS.list.length; k++) place(k);
    } else place(id);
    LEADS.version++;
  }
  return id;
}

/** The number of the lead run of the word at text[from, to), or -1: no slice, no string hash,
 * no string compare. The text is read in place: a document's one flat string is read faster
 * than each token's own string, which may be a slice of another. */
function knownLeadAt(text: string, from: number, to: number): number {
  let n = from;
  let h = 0x811c9dc5 | 0;
  while (n < to) {
    const c = text.charCodeAt(n);
    if (inLeadRun(c)) {
      h = Math.imul(h ^ c, 0x01000193);
      n++;
    } else break;
  }
  const check = h;
  const table = LEADS.table;
  const mask = (table.length >> 1) - 1;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const id = table[2 * slot] - 1;
    if (id < 0) return -1;
    if (table[2 * slot + 1] !== check) continue;
    if (!LEADS.compare) return id;
    const lead = LEADS.list[id];
    if (lead.length === n - from && text.startsWith(lead, from)) return id;
  }
}

/** Per token, what the pre-filter reads: the token at each offset, its lower-cased text and
 * start, and (filled on first use) the number of its lead run among all leads. */
export interface TokenLookup {
  lower: string[];
  /** Tokens' start and end offsets, in text order. */
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  /** The document's lower-cased text (lowerAligned), when every token's lower-cased text is
   * the same as its span there: then leads are read from it (see knownLeadAt). */
  lowerText?: string;
  /** The tokens' vocabulary numbers (Tokens.word), when the tagger gave them: a word's lead
   * number is then worked out once per spelling and read back by that number. */
  word?: ArrayLike<number>;
  /** The document's text as written, whose char at a token's start tells a lower-case word
   * (see CLASSES); without it every token reads the classes of capitalised words. */
  text?: string;
  leadIds?: Int32Array;
  /** Each token's lead classes (see CLASSES). */
  leadClasses?: Int32Array;
  leadVersion?: number;
}

/** What each word of the tagger's vocabulary (TokenLookup.word) is to the recognisers, three
 * numbers per word: its lead number + 1 (0: none), its lead classes (a vocabulary number is
 * of one spelling, so whether the word starts with a-z is known), and the leads' version + 1
 * they were worked out at (0: not yet). An entry of an older version is worked out again: the
 * classes may have changed, and a word with no lead may have one now. */
let wordEntries = new Int32Array(3 << 16);
/** Per token of the document being read, the version of its word's entry (leadIdsOf). */
let stamps = new Int32Array(1024);

/** Token k's lead number and classes, into `ids` and `classes`: by its word's entry, worked
 * out now, when it has a vocabulary number; else read from the text. */
function lookUp(tokens: TokenLookup, k: number, ids: Int32Array, classes: Int32Array): void {
  const c = tokens.text === undefined ? 0 : tokens.text.charCodeAt(tokens.start[k]);
  const table = c >= 97 && c <= 122 ? CLASSES.lower : CLASSES.any;
  const w = tokens.word === undefined ? -1 : tokens.word[k];
  if (w < 0) {
    const id = tokens.lowerText !== undefined ? knownLeadAt(tokens.lowerText, tokens.start[k], tokens.end[k]) : knownLeadAt(tokens.lower[k], 0, tokens.lower[k].length);
    ids[k] = id;
    classes[k] = table[id + 1];
    return;
  }
  if (3 * w + 2 >= wordEntries.length) wordEntries = grown(wordEntries, 3 * w + 3);
  const b = 3 * w;
  // a lead, once found, stays the word's lead; no lead is looked for again
  let code = wordEntries[b];
  if (code === 0) code = knownLeadAt(tokens.lower[k], 0, tokens.lower[k].length) + 1;
  wordEntries[b] = code;
  wordEntries[b + 1] = table[code];
  wordEntries[b + 2] = LEADS.version + 1;
  ids[k] = code - 1;
  classes[k] = table[code];
}

/** Each token's lead number (-1 for none), computed once per document and again when leads
 * or classes changed since; with it, each token's lead classes. */
export function leadIdsOf(tokens: TokenLookup): Int32Array {
  if (tokens.leadIds && tokens.leadVersion === LEADS.version) return tokens.leadIds;
  const count = tokens.lower.length;
  const ids = tokens.leadIds ?? int32s(count);
  const classes = tokens.leadClasses ?? int32s(count);
  const word = tokens.word;
  if (word !== undefined) {
    // first the words' entries alone: they are often not in the cache, and loads with no
    // branch between them wait for memory together instead of one after the other
    if (stamps.length < count) stamps = grown(stamps, count);
    const table = wordEntries, limit = table.length;
    for (let k = 0; k < count; k++) {
      const b = 3 * word[k];
      const inside = b >= 0 && b + 2 < limit;
      ids[k] = inside ? table[b] - 1 : -1;
      classes[k] = inside ? table[b + 1] : 0;
      stamps[k] = inside ? table[b + 2] : -1;
    }
    const current = LEADS.version + 1;
    for (let k = 0; k < count; k++) if (stamps[k] !== current) lookUp(tokens, k, ids, classes);
  } else for (let k = 0; k < count; k++) lookUp(tokens, k, ids, classes);
  tokens.leadIds = ids;
  tokens.leadClasses = classes;
  tokens.leadVersion = LEADS.version;
  return ids;
}

/** Each token's lead classes (see CLASSES), with its lead number (leadIdsOf). */
export function leadClassesOf(tokens: TokenLookup): Int32Array {
  leadIdsOf(tokens);
  return tokens.leadClasses!;
}

/** The size of a trie's pair filter (see PhraseTrie.pairs), in bits: 8 KB. */
const PAIR_BITS = 1 << 16;

function pairHash(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) >>> 16;
}

/** Bits of a compiled node's info word (see PhraseTrie.info). */
const TERMINAL = 1;
/** The node got children after compiling: its children are in its map. */
const IN_MAP = 2;
/** How a terminal node's forms are cased, so that the walk decides without reading them:
 * CASE_ANY all 'any' (all pass), CASE_CAPITAL all 'initial' with an A-Z or À-Þ first letter
 * (all pass if the text's first char is in those ranges, else none); 0 anything else, and
 * any node whose forms changed after compiling (accept() reads the forms). */
const CASE_SHIFT = 2;
const CASE_MASK = 3 << CASE_SHIFT;
const CASE_ANY = 1 << CASE_SHIFT;
const CASE_CAPITAL = 2 << CASE_SHIFT;
const COUNT_SHIFT = 4;
const COUNT_MASK = 0xff;
/** The only child's char, or where a run of two or more children starts in `run`. */
const DATA_SHIFT = 12;
const DATA_MAX = 0xfffff;

export class PhraseTrie<T> {
  /** `choose`: which value a match of several forms stands for (scan() gives it in foundValue).
   * A node whose forms all pass whatever the text's casing has its choice made once, when the
   * trie is compiled, so that a match reads one value instead of its forms and their values. */
  constructor(private choose?: (forms: TrieForm<T>[]) => T) {}

  /** The compiled nodes' choices (see the constructor), for nodes whose forms all pass. */
  private chosen: Array<T | undefined> = [];
  /** The lead runs of every form's first word: a token whose lead run is not among them
   * starts no form, and is passed over without walking the trie. One bit per lead id, so that
   * the set stays in cache when other work runs between calls. */
  private leads = new Int32Array(2);
  /** The leads of forms a word written in lower case can start (casing 'any', or a form that
   * starts with a-z itself): "to", "a", "as" start only "To Lam", "A. K. Abdul Momen", "As'ad
   * …", so the many lower-case "to" are passed over without a walk. Bits as in `leads`. */
  private lowerLeads = new Int32Array(2);
  /** A form whose lead run is empty ("-", "'s"): then every token may start one. */
  private anyLead = false;
  /** The leads of forms that have no second run ("china", "kremlin"): bits as in `leads`. */
  private singles = new Int32Array(2);
  /** The pairs (lead, second run) of the other forms ("the" + "two" of "the two sides"), one
   * bit per hash of the two numbers: a walk from a lead that starts no one-run form is needed
   * only if the text's next run makes such a pair. Most walks from "the", "foreign" or "south"
   * end after the first word; this spares them (a hash collision only costs a walk). */
  private pairs = new Int32Array(PAIR_BITS >> 5);
  /** This trie's lead class (see CLASSES), or -1 when none was left. */
  private cls = newLeadClass();
  private nodes = 1;
  /** Children by char: every node's before compiling; after it only the root's, and those of
   * nodes that got children after compiling (IN_MAP) or were made after it (id >= compiled). */
  private children: Array<Map<number, number> | undefined> = [new Map()];
  private terminal: Array<TrieForm<T>[] | null> = [null];
  /** Nodes [0, compiled) are in the flat arrays below. */
  private compiled = 0;
  /** The root's children for ASCII chars (-1 for none); other chars are looked up in its map. */
  private rootAscii: Int32Array | null = null;
  /** Compiled on first match, with nodes numbered in depth-first preorder and children in char
   * order, so that a node's first child is node + 1 and a walk down a name moves forward
   * through adjacent memory. Per node one info word: TERMINAL | IN_MAP | CASE_* | child
   * count << 4 | data << 12, data being the only child's char or the start of the node's run,
   * so that a chain of single children (most of a name) is stepped by reading this array
   * alone, and whether a node ends a form is known without reading `terminal`. */
  private info: Int32Array = new Int32Array(0);
  /** The children of nodes with two or more: runs of (char, child) pairs sorted by char, in
   * node order; each child beside its char, in one array instead of two. */
  private run: Int32Array = new Int32Array(0);

  private compile(): void {
    const n = this.nodes;
    const old = this.children as Array<Map<number, number>>;
    // preorder numbering: visit children smallest char first (pushed in reverse)
    const renum = new Int32Array(n);
    const order = new Int32Array(n);
    const stack: number[] = [0];
    let id = 0;
    while (stack.length > 0) {
      const o = stack.pop()!;
      renum[o] = id;
      order[id++] = o;
      const kids = [...old[o].keys()].sort((a, b) => b - a);
      for (const c of kids) stack.push(old[o].get(c)!);
    }
    const info = new Int32Array(n);
    let pairs = 0;
    for (let k = 1; k < n; k++) if (old[order[k]].size > 1) pairs += old[order[k]].size;
    const run = new Int32Array(2 * pairs);
    const children: Array<Map<number, number> | undefined> = new Array<Map<number, number> | undefined>(n).fill(undefined);
    const terminal: Array<TrieForm<T>[] | null> = new Array<TrieForm<T>[] | null>(n);
    const rootAscii = new Int32Array(128).fill(-1);
    const root = new Map<number, number>();
    for (const [c, o] of old[0]) {
      root.set(c, renum[o]);
      if (c < 128) rootAscii[c] = renum[o];
    }
    children[0] = root;
    let at = 0;
    for (let k = 0; k < n; k++) {
      const o = order[k];
      terminal[k] = this.terminal[o];
      if (k === 0) continue;
      const kids = [...old[o]].sort((a, b) => a[0] - b[0]);
      let word = terminal[k] !== null ? TERMINAL | casingKind(terminal[k]!) : 0;
      if (kids.length > COUNT_MASK || (kids.length > 1 && at > DATA_MAX)) {
        // too many to describe in the info word (never in practice): keep the map
        const m = new Map<number, number>();
        for (const [c, x] of kids) m.set(c, renum[x]);
        children[k] = m;
        word |= IN_MAP;
      } else if (kids.length === 1) {
        word |= (1 << COUNT_SHIFT) | (kids[0][0] << DATA_SHIFT);
      } else if (kids.length > 1) {
        word |= (kids.length << COUNT_SHIFT) | (at << DATA_SHIFT);
        for (const [c, x] of kids) {
          run[2 * at] = c;
          run[2 * at++ + 1] = renum[x];
        }
      }
      info[k] = word;
    }
    this.children = children;
    this.terminal = terminal;
    this.rootAscii = rootAscii;
    this.info = info;
    this.run = run;
    this.compiled = n;
    const choose = this.choose;
    if (choose) {
      const chosen = new Array<T | undefined>(n).fill(undefined);
      for (let k = 1; k < n; k++) if (info[k] & CASE_MASK) chosen[k] = choose(terminal[k]!);
      this.chosen = chosen;
    }
  }

  /** The child of a compiled, not IN_MAP, non-root node with info word `w`, or -1. */
  private stepCompiled(node: number, w: number, c: number): number {
    const count = (w >>> COUNT_SHIFT) & COUNT_MASK;
    if (count === 1) return c === w >>> DATA_SHIFT ? node + 1 : -1;
    if (count === 0) return -1;
    return this.stepRun(w >>> DATA_SHIFT, count, c);
  }

  /** The child by char in a run: a scan (runs are short below the first letter), halving when
   * the run is long. */
  private stepRun(lo: number, count: number, c: number): number {
    const run = this.run;
    let hi = lo + count;
    while (hi - lo > 8) {
      const mid = (lo + hi) >>> 1;
      if (run[2 * mid] < c) lo = mid + 1;
      else hi = mid + 1; // keeps mid, which may be c
    }
    for (; lo < hi; lo++) {
      const x = run[2 * lo];
      if (x === c) return run[2 * lo + 1];
      if (x > c) return -1;
    }
    return -1;
  }

  /** The child of any node by char, or -1 (for add(); the walk inlines the common case). */
  private child(node: number, c: number): number {
    if (node === 0 || node >= this.compiled) return this.children[node]!.get(c) ?? -1;
    const w = this.info[node];
    if (w & IN_MAP) return this.children[node]!.get(c) ?? -1;
    return this.stepCompiled(node, w, c);
  }

  add(entry: TrieForm<T>): void {
    const key = lowerAligned(entry.form);
    const lead = leadRun(key);
    if (lead === '') this.anyLead = true;
    const id = leadId(lead);
    if (id >> 5 >= this.leads.length) {
      this.leads = grown(this.leads, (id >> 5) + 1);
      this.singles = grown(this.singles, (id >> 5) + 1);
      this.lowerLeads = grown(this.lowerLeads, (id >> 5) + 1);
    }
    this.leads[id >> 5] |= 1 << (id & 31);
    // the second run: after the lead, past what is not a run ("the two", "u.s.", "al-thani")
    let p = lead.length;
    while (p < key.length && !inLeadRun(key.charCodeAt(p))) p++;
    if (p === key.length) this.singles[id >> 5] |= 1 << (id & 31);
    else {
      const h = pairHash(id, leadId(leadRun(key.slice(p))));
      this.pairs[h >> 5] |= 1 << (h & 31);
    }
    // the casing test of accept() for a text starting with a-z: 'initial' passes only if the
    // form starts with that very char, 'exact' likewise
    const f0 = entry.form.charCodeAt(0);
    const lowerToo = entry.casing === 'any' || (f0 >= 97 && f0 <= 122);
    if (lowerToo) this.lowerLeads[id >> 5] |= 1 << (id & 31);
    if (this.cls >= 0) markLead(id, this.cls, lowerToo);
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = fold(key.charCodeAt(i));
      let next = this.child(node, c);
      if (next < 0) {
        next = this.nodes++;
        this.children.push(new Map());
        this.terminal.push(null);
        // after compiling, a new child goes to the root's table or to its parent's map (made
        // from its compiled run and marked IN_MAP) instead of compiling the whole trie again
        if (node > 0 && node < this.compiled && !(this.info[node] & IN_MAP)) {
          const w = this.info[node];
          const m = new Map<number, number>();
          const count = (w >>> COUNT_SHIFT) & COUNT_MASK;
          if (count === 1) m.set(w >>> DATA_SHIFT, node + 1);
          else for (let k = w >>> DATA_SHIFT, end = k + count; k < end; k++) m.set(this.run[2 * k], this.run[2 * k + 1]);
          this.children[node] = m;
          this.info[node] = (w & (TERMINAL | CASE_MASK)) | IN_MAP;
        }
        this.children[node]!.set(c, next);
        if (node === 0 && this.rootAscii && c < 128) this.rootAscii[c] = next;
      }
      node = next;
    }
    this.forms++;
    this.afterWord.clear();
    const list = this.terminal[node];
    if (list) list.push(entry);
    else this.terminal[node] = [entry];
    // a compiled node's summary no longer holds: accept() reads its forms from now on
    if (node > 0 && node < this.compiled) this.info[node] = (this.info[node] & ~CASE_MASK) | TERMINAL;
  }

  get size(): number {
    return this.nodes;
  }

  /** Where the last match of longestAt() ends, one past its last token, and its node when all
   * its forms passed, else -1 (fields, not a returned object per match). */
  private matchEnd = -1;
  private matchLast = -1;
  private matchNode = -1;

  /** The forms of the longest accepted form starting at offset i, the start of token k, and
   * ending at a token's end before `to` (its end in matchEnd), or null. `ends`: the tokens' end
   * offsets, in text order. */
  private longestAt(text: string, lower: string, i: number, to: number, ends: ArrayLike<number>, k: number): TrieForm<T>[] | null {
    let c = lower.charCodeAt(i);
    if (c > 0x7f) c = fold(c);
    return this.longestFrom(text, lower, i, i, c < 128 ? this.rootAscii![c] : (this.children[0]!.get(c) ?? -1), to, ends, k);
  }

  /** The node reached from the root by lower[a, b) (a token's text), or -1. */
  private nodeAfter(lower: string, a: number, b: number): number {
    let node = 0;
    for (let j = a; j < b && node >= 0; j++) {
      const c = lower.charCodeAt(j);
      node = this.child(node, c > 0x7f ? fold(c) : c);
    }
    return node;
  }

  /** By vocabulary number (TokenLookup.word), the node a token's text leads to from the root
   * (nodeAfter), so that a walk from a word seen before starts past it: the first levels below
   * the root, where nodes have many children, are the slow ones. Cleared when a form is added
   * (a word that led nowhere may lead somewhere now) and when it grows large. */
  private afterWord = new Map<number, number>();

  /** longestAt() where the walk has reached `node` at offset j (lower[i, j] read). */
  private longestFrom(text: string, lower: string, i: number, j0: number, node: number, to: number, ends: ArrayLike<number>, k: number): TrieForm<T>[] | null {
    const info = this.info;
    const compiled = this.compiled;
    let c = 0;
    const cap = capital(text.charCodeAt(i));
    let bestEnd = -1;
    let bestLast = -1;
    // the best so far: its node, and whether all its forms passed (its casing summary said so)
    // or only some (they are picked out once the walk ends, not at every node passed)
    let bestNode = -1;
    let bestAll = false;
    // the token the walk is in, or one before it: a form may end only where a token ends
    let e = k;
    const count = ends.length;
    for (let j = j0; node >= 0; ) {
      // nodes made after compiling have no info word: their terminal and map are read directly
      const w = node < compiled ? info[node] : IN_MAP;
      if (w & TERMINAL || (node >= compiled && this.terminal[node] !== null)) {
        // a form ends here only where a token ends (the token looked for only at terminals)
        while (e < count && ends[e] <= j) e++;
        const kind = e < count && ends[e] === j + 1 ? w & CASE_MASK : -1;
        if (kind === CASE_ANY || (kind === CASE_CAPITAL && cap)) {
          bestEnd = j + 1;
          bestLast = e + 1;
          bestNode = node;
          bestAll = true;
        } else if (kind === 0 && this.acceptsAny(this.terminal[node]!, text, i, j + 1)) {
          bestEnd = j + 1;
          bestLast = e + 1;
          bestNode = node;
          bestAll = false;
        }
      }
      if (++j >= to) break;
      c = lower.charCodeAt(j);
      if (c > 0x7f) c = fold(c);
      if (w & IN_MAP) node = this.children[node]!.get(c) ?? -1;
      else node = this.stepCompiled(node, w, c);
    }
    this.matchEnd = bestEnd;
    this.matchLast = bestLast;
    this.matchNode = bestAll ? bestNode : -1;
    if (bestNode < 0) return null;
    // all forms passed: the node's own array (matchAll copies it, scan() does not)
    return bestAll ? this.terminal[bestNode]! : this.accept(this.terminal[bestNode]!, text, i, bestEnd);
  }

  /** Leftmost-longest matches in text[from, to), walked from token to token (`tokens`: see
   * scan()). `lower` is lowerAligned(text). */
  matchAll(text: string, lower: string, from: number, to: number, tokens: TokenLookup): TrieMatch<T>[] {
    return this.matches(this.scan(text, lower, from, to, tokens));
  }

  /** matchAll() where tokens are given as boundary tables over the text (1 at offsets where a
   * token starts / ends) and no pre-filter applies: for short texts that are not documents. */
  matchAllBetween(text: string, lower: string, from: number, to: number, tokenStart: Uint8Array, tokenEnd: Uint8Array): TrieMatch<T>[] {
    const start: number[] = [], end: number[] = [];
    for (let i = from; i <= to; i++) {
      if (tokenEnd[i] && start.length > end.length) end.push(i);
      if (i < to && tokenStart[i] && start.length === end.length) start.push(i);
    }
    if (start.length > end.length) start.pop();
    return this.matches(this.walk(text, lower, from, to, start, end));
  }

  /** The first n matches of the last walk, as fresh objects with fresh arrays of forms. */
  private matches(n: number): TrieMatch<T>[] {
    const out: TrieMatch<T>[] = [];
    for (let k = 0; k < n; k++) out.push({ start: this.foundStart[k], end: this.foundEnd[k], forms: this.foundForms[k].slice() });
    return out;
  }

  /** scan()'s matches: start and end offsets, first token and one past the last, and accepted
   * forms of match k < the count it returned. The buffers are reused by the next scan(), and
   * the forms may be the trie's own: read only. */
  foundStart = new Int32Array(16);
  foundEnd = new Int32Array(16);
  foundFirst = new Int32Array(16);
  foundLast = new Int32Array(16);
  foundForms: TrieForm<T>[][] = [];
  /** With `choose`: the value match k stands for. */
  foundValue: T[] = [];

  /** matchAll() without allocating: the matches go to found* (see there); returns their count.
   * Tokens whose lead run starts no form are passed over without a walk. */
  scan(text: string, lower: string, from: number, to: number, tokens: TokenLookup): number {
    if (this.anyLead) return this.walk(text, lower, from, to, tokens.start, tokens.end);
    if (!this.rootAscii) this.compile();
    const ids = leadIdsOf(tokens);
    if (this.candFor !== tokens || this.candLeads !== LEADS.version || this.candForms !== this.forms) this.candidates(text, lower, tokens, ids);
    const cand = this.cand, m = this.candCount, starts = tokens.start, ends = tokens.end;
    // a token's vocabulary number tells its text, as the lower-cased text has it, only when
    // the two are aligned (lowerText): then the walk starts past the token (afterWord)
    const words = tokens.word, memo = this.afterWord;
    const byWord = words !== undefined && tokens.lowerText === lower;
    // the first candidate starting at or after `from`
    let lo = 0, hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[cand[mid]] < from) lo = mid + 1;
      else hi = mid;
    }
    let n = 0;
    // one past the last token of the last match: no walk starts inside a match
    let after = 0;
    for (let i = lo; i < m; i++) {
      const k = cand[i];
      if (starts[k] >= to) break;
      if (k < after) continue;
      let forms: TrieForm<T>[] | null;
      const w = byWord ? words![k] : -1;
      if (w >= 0 && ends[k] <= to) {
        let node = memo.get(w);
        if (node === undefined) {
          if (memo.size >= 50000) memo.clear();
          node = this.nodeAfter(lower, starts[k], ends[k]);
          memo.set(w, node);
        }
        forms = node < 0 ? null : this.longestFrom(text, lower, starts[k], ends[k] - 1, node, to, ends, k);
      } else forms = this.longestAt(text, lower, starts[k], to, ends, k);
      if (forms) {
        this.record(n++, starts[k], k, forms);
        after = this.matchLast;
      }
    }
    return n;
  }

  /** The document whose candidates (tokens that may start a form) are in `cand`, and the
   * versions of the leads and of this trie's forms they were found with. */
  private candFor: TokenLookup | null = null;
  private candLeads = -1;
  private candForms = -1;
  private cand = new Int32Array(256);
  private candCount = 0;
  /** Counts the forms added, so that candidates found before a form was learned are found again. */
  private forms = 0;

  /** The tokens of a document whose lead starts a form, and, if the token starts with a-z,
   * a form that a lower-case word can start (see `lowerLeads`), and that start a one-run form
   * or a pair with the next word (see `pairs`): found once per document, so that each
   * sentence's scan() reads only them. */
  private candidates(text: string, lower: string, tokens: TokenLookup, ids: Int32Array): void {
    const count = ids.length;
    if (this.cand.length < count) this.cand = grown(this.cand, count);
    const cand = this.cand, leads = this.leads, lowerLeads = this.lowerLeads, starts = tokens.start;
    let m = 0;
    if (this.cls >= 0 && tokens.text === text) {
      const classes = leadClassesOf(tokens), cls = this.cls;
      // every token is written and the count moves on only for a candidate: no branch
      for (let k = 0; k < count; k++) {
        cand[m] = k;
        m += (classes[k] >>> cls) & 1;
      }
    } else for (let k = 0; k < count; k++) {
      const id = ids[k];
      if (id < 0) continue;
      const w = id >> 5, bit = 1 << (id & 31);
      if ((leads[w] & bit) === 0) continue;
      const c = text.charCodeAt(starts[k]);
      if (c >= 97 && c <= 122 && (lowerLeads[w] & bit) === 0) continue;
      cand[m++] = k;
    }
    // a lead that starts only longer forms, where the next word makes no pair with it (read up
    // to the document's end: a pair across a sentence's end only costs a walk that fails there)
    const singles = this.singles;
    let kept = 0;
    for (let i = 0; i < m; i++) {
      const k = cand[i], id = ids[k];
      if ((singles[id >> 5] & (1 << (id & 31))) !== 0 || this.pairAhead(lower, starts, ids, k, id)) cand[kept++] = k;
    }
    m = kept;
    this.candCount = m;
    this.candFor = tokens;
    this.candLeads = LEADS.version;
    this.candForms = this.forms;
  }

  /** The walks of matchAllBetween(): from every token starting in [from, to). */
  private walk(text: string, lower: string, from: number, to: number, starts: ArrayLike<number>, ends: ArrayLike<number>): number {
    if (!this.rootAscii) this.compile();
    let n = 0;
    const count = starts.length;
    // the first token starting at or after `from`
    let lo = 0, hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    let k = lo;
    while (k < count && starts[k] < to) {
      const forms = this.longestAt(text, lower, starts[k], to, ends, k);
      if (forms) {
        this.record(n++, starts[k], k, forms);
        k = this.matchLast;
      } else k++;
    }
    return n;
  }

  /** Match n of a walk: from offset `start`, token k, to the last longestAt()'s end. */
  private record(n: number, start: number, k: number, forms: TrieForm<T>[]): void {
    if (n === this.foundStart.length) this.growFound();
    this.foundStart[n] = start;
    this.foundEnd[n] = this.matchEnd;
    this.foundFirst[n] = k;
    this.foundLast[n] = this.matchLast;
    if (this.choose) this.foundValue[n] = this.matchNode >= 0 ? this.chosen[this.matchNode]! : this.choose(forms);
    this.foundForms[n] = forms;
  }

  /** Whether token k's lead `id` and the lead of the run after it make a pair that some form
   * starts with, when that run is the next token's lead (ids[k + 1]): else true (walk). The
   * run is taken as the next token's lead, read within that token as every lead is, because a
   * run of the text may go on past a token ("chinas”": "”" folds to no ASCII char). */
  private pairAhead(lower: string, starts: ArrayLike<number>, ids: Int32Array, k: number, id: number): boolean {
    // past the token's lead (as long as the lead, as the token's lead was read within it)
    let p = starts[k] + LEADS.lengths[id];
    while (p < lower.length && !inLeadRun(lower.charCodeAt(p))) p++;
    // no run after it: only a one-run form could match
    if (p >= lower.length) return false;
    if (k + 1 >= ids.length || starts[k + 1] !== p) return true;
    const second = ids[k + 1];
    if (second < 0) return false;
    const h = pairHash(id, second);
    return (this.pairs[h >> 5] & (1 << (h & 31))) !== 0;
  }

  private growFound(): void {
    this.foundStart = grown(this.foundStart);
    this.foundEnd = grown(this.foundEnd);
    this.foundFirst = grown(this.foundFirst);
    this.foundLast = grown(this.foundLast);
  }

  /** The forms whose casing the text satisfies, or null. */
  private accept(forms: TrieForm<T>[], text: string, start: number, end: number): TrieForm<T>[] | null {
    let ok: TrieForm<T>[] | null = null;
    for (const f of forms) if (passes(f, text, start, end)) (ok ??= []).push(f);
    return ok;
  }

  /** Whether the text satisfies some form's casing. */
  private acceptsAny(forms: TrieForm<T>[], text: string, start: number, end: number): boolean {
    for (const f of forms) if (passes(f, text, start, end)) return true;
    return false;
  }
}
