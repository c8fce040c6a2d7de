// Comparing two statements (for example two rounds of one dialogue): their claims lined up as
// the same in both; in both with changed strength or wording ("support" → "firm support",
// "supported" → "reaffirmed support", a new due date); only in A; only in B.
import type { Analysis } from '../analysis/types.js';
import { wordingLexicon } from './lexicon.js';
import { claimsOf } from './claims.js';
import { contentStems, shared, similarity } from './wording.js';
import type { AlignedClaim, Claim, Comparison, DocumentRef } from './types.js';

export type { AlignedClaim, Comparison, DocumentRef } from './types.js';

/** How close two commitments must be in words to be one commitment restated. */
const COMMITMENT_SIMILARITY = 0.5;

function ref(a: Analysis): DocumentRef {
  return { id: a.id, published: a.published, title: a.title };
}

function qualifierChanges(a: Claim, b: Claim): string[] {
  const kinds = new Map(wordingLexicon().qualifiers.map((q) => [q.label, q.kind]));
  const out: string[] = [];
  for (const kind of ['strength', 'repetition', 'hedge'] as const) {
    const added = b.qualifiers.filter((q) => kinds.get(q) === kind && !a.qualifiers.includes(q));
    const dropped = a.qualifiers.filter((q) => kinds.get(q) === kind && !b.qualifiers.includes(q));
    if (added.length || dropped.length) out.push(`${kind}: ${[...added.map((q) => `+ ${q}`), ...dropped.map((q) => `- ${q}`)].join(', ')}`);
  }
  return out;
}

function changesOf(a: Claim, b: Claim): string[] {
  const out = qualifierChanges(a, b);
  if (a.kind === 'commitment') {
    const sa = contentStems(a.wording[0]);
    const sb = contentStems(b.wording[0]);
    if (shared(sa, sb) < Math.max(sa.size, sb.size)) out.push(`action: "${a.wording[0]}" → "${b.wording[0]}"`);
    if ((a.due ?? null) !== (b.due ?? null)) out.push(`due: ${a.due ?? 'none'} → ${b.due ?? 'none'}`);
    if ((a.place ?? null) !== (b.place ?? null)) out.push(`place: ${a.place?.replace(/^place:/, '') ?? 'none'} → ${b.place?.replace(/^place:/, '') ?? 'none'}`);
  }
  if (out.length && a.kind !== 'commitment') {
    const wa = a.wording.join('; ');
    const wb = b.wording.join('; ');
    if (wa.toLowerCase() !== wb.toLowerCase()) out.push(`wording: "${wa}" → "${wb}"`);
  }
  return out;
}

/** Lines up the claims of two analysed statements. */
export function compareAnalyses(A: Analysis, B: Analysis): Comparison {
  const ca = claimsOf(A);
  const cb = claimsOf(B);
  const pairs: Array<[Claim, Claim]> = [];
  const takenB = new Set<Claim>();
  const takenA = new Set<Claim>();
  // stances and events: the same actor, issue or code
  const bByKey = new Map(cb.filter((c) => c.kind !== 'commitment').map((c) => [c.key, c]));
  for (const c of ca) {
    if (c.kind === 'commitment') continue;
    const d = bByKey.get(c.key);
    if (d) {
      pairs.push([c, d]);
      takenA.add(c);
      takenB.add(d);
    }
  }
  // commitments: a shared party and most of the words, best pairs first
  const candidates: Array<{ a: Claim; b: Claim; score: number }> = [];
  for (const c of ca) {
    if (c.kind !== 'commitment') continue;
    const sa = contentStems(c.wording[0]);
    for (const d of cb) {
      if (d.kind !== 'commitment' || !c.actors.some((p) => d.actors.includes(p))) continue;
      const sb = contentStems(d.wording[0]);
      const score = similarity(sa, sb);
      if (score >= COMMITMENT_SIMILARITY && shared(sa, sb) >= 2) candidates.push({ a: c, b: d, score });
    }
  }
  candidates.sort((x, y) => y.score - x.score);
  for (const { a, b } of candidates) {
    if (takenA.has(a) || takenB.has(b)) continue;
    pairs.push([a, b]);
    takenA.add(a);
    takenB.add(b);
  }
  const same: AlignedClaim[] = [];
  const changed: AlignedClaim[] = [];
  for (const [a, b] of pairs) {
    const changes = changesOf(a, b);
    (changes.length ? changed : same).push({ a, b, changes });
  }
  const order = (k: Claim['kind']) => (k === 'stance' ? 0 : k === 'commitment' ? 1 : 2);
  const byKind = (x: { a: Claim }, y: { a: Claim }) => order(x.a.kind) - order(y.a.kind);
  return {
    a: ref(A),
    b: ref(B),
    same: same.sort(byKind),
    changed: changed.sort(byKind),
    onlyA: ca.filter((c) => !takenA.has(c)).sort((x, y) => order(x.kind) - order(y.kind)),
    onlyB: cb.filter((c) => !takenB.has(c)).sort((x, y) => order(x.kind) - order(y.kind)),
  };
}
