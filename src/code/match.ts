// Finding event patterns in a sentence: walk the pattern trie from every token, comparing each
// element with the token's lemma or lower-cased form, and skipping up to three modifiers
// (determiners, possessives, adjectives, adverbs, numbers) between two elements.
import { Pos } from '../language/pos.js';
import type { Tokens } from '../language/tokens.js';
import type { CompiledPattern, PatternNode } from '../lexicon/patterns.js';

export interface PatternMatch {
  pattern: CompiledPattern;
  /** First token of the trigger and one past its last. */
  first: number;
  last: number;
  /** Tokens that matched the pattern's words (the trigger proper, without skipped modifiers). */
  tokens: number[];
}

const MAX_SKIP = 3;

function skippable(t: Tokens, i: number): boolean {
  const p = t.pos[i];
  if (p === Pos.DET || p === Pos.ADJ || p === Pos.ADV || p === Pos.NUM || p === Pos.SYM) return true;
  if (p === Pos.PRON) return t.lower[i] === 'its' || t.lower[i] === 'their' || t.lower[i] === 'his' || t.lower[i] === 'her' || t.lower[i] === 'our' || t.lower[i] === 'my' || t.lower[i] === 'your';
  // hyphens inside modifiers: "all-weather", "high-level"
  return t.value[i] === '-';
}

/** One past a hyphenated compound that starts at i ("one-on-one", "long-term"), else i. */
function compoundEnd(t: Tokens, i: number, to: number): number {
  let j = i;
  while (j + 2 < to + 1 && t.value[j + 1] === '-' && t.start[j + 1] === t.end[j] && t.start[j + 2] === t.end[j + 1]) j += 2;
  return j > i ? j + 1 : i;
}

/** The children a token leads to: by its lemma and, when different, by its own form ("signed"
 * may be the verb "sign" or a form listed as such; "according" is not "accord"). */
function steps(n: PatternNode, t: Tokens, i: number): PatternNode[] {
  const a = n.next.get(t.lemma[i]);
  const b = t.lower[i] !== t.lemma[i] ? n.next.get(t.lower[i]) : undefined;
  if (a && b && a !== b) return [a, b];
  const one = a ?? b ?? unlemmatised(n, t, i);
  return one ? [one] : [];
}

/**
 * The tagger leaves some -ing and -ed forms unlemmatised when it reads them as nouns or
 * adjectives ("expelling German diplomats", "an informed decision"): try their base forms
 * (expelling → expel, mediated → mediate, denied → deny). Only for such rare tokens.
 */
function unlemmatised(n: PatternNode, t: Tokens, i: number): PatternNode | undefined {
  const w = t.lower[i];
  if (t.lemma[i] !== w || w.length < 5) return undefined;
  let base: string;
  if (w.endsWith('ing')) base = w.slice(0, -3);
  else if (w.endsWith('ied')) return n.next.get(w.slice(0, -3) + 'y');
  else if (w.endsWith('ed')) base = w.slice(0, -2);
  else return undefined;
  const doubled = base.length > 2 && base.charCodeAt(base.length - 1) === base.charCodeAt(base.length - 2);
  return n.next.get(base) ?? n.next.get(base + 'e') ?? (doubled ? n.next.get(base.slice(0, -1)) : undefined);
}

function step(n: PatternNode, t: Tokens, i: number): PatternNode | undefined {
  return n.next.get(t.lemma[i]) ?? n.next.get(t.lower[i]);
}

/** All matches in tokens [from, to), longest first at each start. `inDate` marks tokens of
 * date mentions: a date, with the preposition before it, is passed over between two words
 * ("agreed in March to restore ties", "signed on Monday an agreement"). */
export function findPatterns(root: PatternNode, t: Tokens, from: number, to: number, inDate?: Uint8Array): PatternMatch[] {
  const out: PatternMatch[] = [];
  const path: number[] = [];
  const walk = (n: PatternNode, i: number, first: number) => {
    if (n.ends) for (const p of n.ends) out.push({ pattern: p, first, last: path[path.length - 1] + 1, tokens: path.slice() });
    if (n.next.size === 0) return;
    let j = i;
    for (let skipped = 0; j < to && skipped <= MAX_SKIP; skipped++) {
      for (const child of steps(n, t, j)) {
        path.push(j);
        walk(child, j + 1, first);
        path.pop();
      }
      // a date between two words counts as one word
      if (inDate && j > first) {
        let d = inDate[j] ? j : t.pos[j] === Pos.ADP && j + 1 < to && inDate[j + 1] ? j + 1 : -1;
        if (d >= 0) {
          while (d < to && inDate[d]) d++;
          j = d;
          continue;
        }
      }
      // a hyphenated modifier counts as one word: "a one-on-one meeting"
      const c = compoundEnd(t, j, to);
      if (c > j) {
        j = c;
        continue;
      }
      // a word that modifies the next one: "high level visits", "trade volume", "the Iranian
      // ambassador", "continued support", "$2 billion"
      const p = t.pos[j];
      const modifier = (p === Pos.NOUN || p === Pos.PROPN || p === Pos.VERB || p === Pos.SYM) && j + 1 < to && step(n, t, j + 1) !== undefined;
      // a possessor: "rejected India's allegations"
      if (t.pos[j] === Pos.PROPN && j + 2 < to && (t.lower[j + 1] === "'s" || t.lower[j + 1] === '’s') && step(n, t, j + 2) !== undefined) {
        j += 2;
        continue;
      }
      // a partitive: "expel a number of German diplomats", "dozens of"
      if (!skippable(t, j) && !modifier && (t.pos[j] === Pos.NOUN || t.pos[j] === Pos.NUM) && j + 1 < to && t.lower[j + 1] === 'of' && step(n, t, j + 1) === undefined) {
        j += 2;
        continue;
      }
      if (!skippable(t, j) && !modifier) break;
      j++;
    }
  };
  for (let i = from; i < to; i++) {
    for (const child of steps(root, t, i)) {
      path.push(i);
      walk(child, i + 1, i);
      path.pop();
    }
  }
  return out;
}

/**
 * Keeps the best non-overlapping matches: longer patterns (more words) first, then earlier.
 * Overlap is judged on the matched words, so a skipped modifier may belong to another match.
 */
export function selectMatches(all: PatternMatch[]): PatternMatch[] {
  const sorted = all.slice().sort((a, b) => b.pattern.length - a.pattern.length || a.first - b.first);
  const taken = new Set<number>();
  const kept: PatternMatch[] = [];
  const seen = new Set<string>();
  for (const m of sorted) {
    if (m.tokens.some((k) => taken.has(k))) {
      // same words, another code (e.g. both a 04 and a 03 reading): keep only the first listed
      continue;
    }
    const key = `${m.first}:${m.last}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const k of m.tokens) taken.add(k);
    kept.push(m);
  }
  return kept.sort((a, b) => a.first - b.first);
}
