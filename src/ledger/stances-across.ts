// Stances across reports: each actor's stance on each issue in every report, in time order, so
// that a change ("supports" → "firmly supports", "concerned" → "opposes") shows. Pure.
import type { Analysis } from '../analysis/types.js';
import { issueTable } from './lexicon.js';
import { stancesOf } from './stances.js';
import type { StanceRow } from './types.js';

export type { StanceRow } from './types.js';

export interface StanceFilter {
  actor?: string;
  issue?: string;
}

/** Whether an issue answers to what someone typed: its ref, a ref it starts ("taiwan" →
 * taiwan-independence), or words of its name. */
export function issueMatches(ref: string, name: string, query: string): boolean {
  const q = query.toLowerCase().trim();
  return ref === q || ref.startsWith(`${q}-`) || ref.includes(q) || name.toLowerCase().includes(q);
}

export function stancesAcross(analyses: Analysis[], f: StanceFilter = {}): StanceRow[] {
  const table = issueTable();
  const rows: StanceRow[] = [];
  for (const a of analyses) {
    for (const s of stancesOf(a)) {
      if (f.actor && s.actor.toUpperCase() !== f.actor.toUpperCase()) continue;
      const issueName = table.get(s.issue)?.name ?? a.issues.find((i) => i.ref === s.issue)?.name ?? s.issue;
      if (f.issue && !issueMatches(s.issue, issueName, f.issue)) continue;
      rows.push({ ...s, doc: a.id, published: a.published, issueName, evidence: s.sentences.map((i) => a.sentences[i]?.text ?? '') });
    }
  }
  return rows.sort((x, y) => x.actor.localeCompare(y.actor) || x.issueName.localeCompare(y.issueName) || (x.published ?? '').localeCompare(y.published ?? '') || x.doc.localeCompare(y.doc));
}
