// A series' identity: its parties' codes and the kind of mechanism its name ends in, so that
// different wordings of one series ("Pakistan-China strategic dialogue", "the Foreign
// Ministers' Strategic Dialogue" in a Pakistan–China report) are one: CHN+PAK/strategic-dialogue.
import type { SeriesOut } from '../analysis/types.js';
import { lowerAligned } from '../extract/phrase-trie.js';
import { seriesLexicon, type Mechanism } from './lexicon.js';

export function seriesKeyOf(parties: string[], mechanism: string): string {
  return `${[...new Set(parties)].sort().join('+')}/${mechanism}`;
}

/** The mechanism a name ends in ("… Foreign Ministers' Strategic Dialogue" → strategic-dialogue). */
export function mechanismOfName(name: string): Mechanism | null {
  const lower = lowerAligned(name);
  const starts = new Uint8Array(name.length + 1);
  const ends = new Uint8Array(name.length + 1);
  const word = (c: string) => /[\p{L}\p{N}]/u.test(c);
  for (let i = 0; i <= name.length; i++) {
    const prev = i > 0 ? name[i - 1] : ' ';
    const cur = i < name.length ? name[i] : ' ';
    if (cur !== ' ' && (!word(cur) || !word(prev))) starts[i] = 1;
    if (prev !== ' ' && (!word(prev) || !word(cur))) ends[i] = 1;
  }
  const found = seriesLexicon().trie.matchAllBetween(name, lower, 0, name.length, starts, ends);
  const last = found[found.length - 1];
  return last ? last.forms[0].value : null;
}

/** The key of a series as the analysis gives it. */
export function seriesKey(s: SeriesOut): string {
  const m = mechanismOfName(s.name);
  return seriesKeyOf(s.parties, m ? m.key : s.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''));
}
