// The event pattern lexicon (data/lexicon/patterns/*.yaml, plus user files and PETRARCH verb
// dictionaries), compiled into a trie over words: each path is one way of saying an event.
import { readLexiconFile, bundledFolder } from './files.js';

export interface PatternEntry {
  pattern: string;
  code: string;
  example: string;
  intent?: boolean;
  both?: boolean;
  speech?: boolean;
  /** The code when no to-infinitive follows the addressee ("called on the President" 042). */
  without_infinitive?: string;
  note?: string;
}

export interface CompiledPattern extends PatternEntry {
  /** Number of literal words: longer patterns win over shorter ones at the same place. */
  length: number;
  /** The last literal word (a preposition that introduces the target, or the head noun). */
  lastWord: string;
  source: string;
}

export interface PatternNode {
  next: Map<string, PatternNode>;
  ends: CompiledPattern[] | null;
}

export interface PatternLexicon {
  root: PatternNode;
  count: number;
}

function node(): PatternNode {
  return { next: new Map(), ends: null };
}

/** Adds every alternative path of a pattern ("call|appeal on|upon") to the trie. */
export function addPattern(root: PatternNode, entry: PatternEntry, source: string): void {
  const elements = entry.pattern.trim().toLowerCase().split(/\s+/).map((e) => e.split('|'));
  const compiled: CompiledPattern = {
    ...entry,
    length: elements.length,
    lastWord: elements[elements.length - 1][0],
    source,
  };
  let frontier = [root];
  for (const alts of elements) {
    const nextFrontier: PatternNode[] = [];
    for (const n of frontier) {
      for (const w of alts) {
        let child = n.next.get(w);
        if (!child) n.next.set(w, (child = node()));
        nextFrontier.push(child);
      }
    }
    frontier = nextFrontier;
  }
  for (const n of frontier) (n.ends ??= []).push(compiled);
}

let cached: PatternLexicon | null = null;
const extraFiles: string[] = [];
const extraEntries: Array<{ entry: PatternEntry; source: string }> = [];

/** Registers a user's pattern file (same shape as data/lexicon/patterns/*.yaml). */
export function addPatternFile(path: string): void {
  extraFiles.push(path);
  cached = null;
}

/** Registers patterns read from elsewhere (a PETRARCH/TABARI verb dictionary). */
export function addPatternEntries(entries: PatternEntry[], source: string): void {
  for (const entry of entries) extraEntries.push({ entry, source });
  cached = null;
}

export function patternLexicon(): PatternLexicon {
  if (cached) return cached;
  const root = node();
  let count = 0;
  for (const file of [...bundledFolder('patterns'), ...extraFiles]) {
    const entries = readLexiconFile<PatternEntry[] | null>(file, 'patterns') ?? [];
    for (const e of entries) {
      addPattern(root, e, file);
      count++;
    }
  }
  for (const { entry, source } of extraEntries) {
    addPattern(root, entry, source);
    count++;
  }
  cached = { root, count };
  return cached;
}
