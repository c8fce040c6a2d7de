// Issues: the topics on the table (counter-terrorism, CPEC, Taiwan, Kashmir …) from
// data/lexicon/issues.yaml, every form of every issue in one phrase trie built once.
import { existsSync } from 'node:fs';
import { PhraseTrie, casingOf } from '../extract/phrase-trie.js';
import { readLexiconFile, bundled } from './files.js';

export interface IssueRow {
  ref: string;
  name: string;
  forms: string[];
  /** The actor the issue concerns most, when there is one (Taiwan → TWN). */
  actor?: string;
}

export interface IssueEntry {
  ref: string;
  name: string;
  actor: string | null;
}

let trie: PhraseTrie<IssueEntry> | null = null;

export function issueTrie(): PhraseTrie<IssueEntry> {
  if (trie) return trie;
  const path = bundled('issues.yaml');
  const rows = existsSync(path) ? (readLexiconFile<IssueRow[] | null>(path, 'issues') ?? []) : [];
  const t = new PhraseTrie<IssueEntry>();
  for (const r of rows) {
    const entry: IssueEntry = { ref: r.ref, name: r.name, actor: r.actor ?? null };
    for (const form of new Set(r.forms)) if (form.trim()) t.add({ form, value: entry, casing: casingOf(form) });
  }
  trie = t;
  return t;
}
