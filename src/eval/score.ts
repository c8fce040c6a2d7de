// Scoring an analysis against gold lines, exactly as ../shared/DESIGN.md says: an event matches
// a gold line when its sentence overlaps at least half of the gold sentence, its source and
// target codes are equal, and its root is one of the gold roots; each gold line is matched once,
// and a second event for it is a false positive; only events with a source and a target count,
// negated ones not at all.
import type { Analysis, EventOut } from '../analysis/types.js';

export interface GoldLine {
  doc: string;
  sentence: string;
  source: string;
  target: string;
  roots: string[];
  date: string | null;
  note?: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Miss {
  doc: string;
  sentence: string;
  source: string;
  target: string;
  roots: string[];
  note?: string;
  /** What the analysis coded in that sentence, to learn from. */
  coded: string[];
}

export interface FalsePositive {
  doc: string;
  sentence: string;
  source: string;
  target: string;
  code: string;
  pattern: string;
}

export interface Score {
  overall: Counts & { precision: number; recall: number; f1: number };
  perRoot: Record<string, Counts & { precision: number; recall: number; f1: number }>;
  perDoc: Record<string, Counts & { precision: number; recall: number; f1: number }>;
  actorCoverage: { covered: number; total: number; share: number };
  misses: Miss[];
  falsePositives: FalsePositive[];
  /** Gold documents that were not among the analysed ones. */
  missingDocs: string[];
}

function rates(c: Counts) {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

function bump(map: Map<string, Counts>, key: string, field: keyof Counts) {
  let c = map.get(key);
  if (!c) map.set(key, (c = { tp: 0, fp: 0, fn: 0 }));
  c[field]++;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

export function scorable(e: EventOut): boolean {
  // hypotheticals ("if X attacks Y") are marked and not counted as done, like negated events
  return e.target !== null && !e.negated && e.modality !== 'hypothetical';
}

/** Codes of the actors mentioned in a span: a compound actor counts as its members. */
function actorCodesIn(a: Analysis, start: number, end: number): Set<string> {
  const byRef = new Map(a.actors.map((x) => [x.ref, x]));
  const codes = new Set<string>();
  const add = (ref: string | null) => {
    const actor = ref ? byRef.get(ref) : undefined;
    if (!actor) return;
    if (actor.members?.length) for (const m of actor.members) add(m);
    else codes.add(actor.code);
  };
  for (const m of a.mentions) if (m.kind === 'actor' && m.start < end && m.end > start) add(m.ref);
  return codes;
}

export function score(analyses: Analysis[], gold: GoldLine[]): Score {
  const overall: Counts = { tp: 0, fp: 0, fn: 0 };
  const perRoot = new Map<string, Counts>();
  const perDoc = new Map<string, Counts>();
  const misses: Miss[] = [];
  const falsePositives: FalsePositive[] = [];
  const byDoc = new Map<string, GoldLine[]>();
  for (const g of gold) {
    const list = byDoc.get(g.doc);
    if (list) list.push(g);
    else byDoc.set(g.doc, [g]);
  }
  let covered = 0;
  const seen = new Set<string>();
  for (const a of analyses) {
    seen.add(a.id);
    const lines = byDoc.get(a.id) ?? [];
    // gold sentence spans in this text
    const spans = lines.map((g) => {
      const at = a.text.indexOf(g.sentence);
      return at < 0 ? null : [at, at + g.sentence.length] as const;
    });
    const matched = new Array(lines.length).fill(false);
    for (const e of a.events) {
      if (!scorable(e)) continue;
      const s = a.sentences[e.sentence];
      let hit = -1;
      for (let i = 0; i < lines.length; i++) {
        const span = spans[i];
        const g = lines[i];
        if (matched[i] || !span) continue;
        if (overlap(s.start, s.end, span[0], span[1]) * 2 < span[1] - span[0]) continue;
        if (g.source !== e.source.code || g.target !== e.target!.code || !g.roots.includes(e.root)) continue;
        hit = i;
        break;
      }
      if (hit >= 0) {
        matched[hit] = true;
        overall.tp++;
        bump(perRoot, lines[hit].roots[0], 'tp');
        bump(perDoc, a.id, 'tp');
      } else {
        overall.fp++;
        bump(perRoot, e.root, 'fp');
        bump(perDoc, a.id, 'fp');
        falsePositives.push({ doc: a.id, sentence: s.text, source: e.source.code, target: e.target!.code, code: e.code, pattern: e.pattern });
      }
    }
    for (let i = 0; i < lines.length; i++) {
      const g = lines[i];
      const span = spans[i];
      if (span) {
        const codes = actorCodesIn(a, span[0], span[1]);
        if (codes.has(g.source) && codes.has(g.target)) covered++;
      }
      if (matched[i]) continue;
      overall.fn++;
      bump(perRoot, g.roots[0], 'fn');
      bump(perDoc, a.id, 'fn');
      const coded = span
        ? a.events
            .filter((e) => overlap(a.sentences[e.sentence].start, a.sentences[e.sentence].end, span[0], span[1]) > 0)
            .map((e) => `${e.source.code}→${e.target?.code ?? '∅'} ${e.code}${e.negated ? ' (negated)' : ''}`)
        : ['(gold sentence not found in the text)'];
      misses.push({ doc: g.doc, sentence: g.sentence, source: g.source, target: g.target, roots: g.roots, note: g.note, coded });
    }
  }
  const missingDocs: string[] = [];
  for (const [doc, lines] of byDoc) {
    if (seen.has(doc)) continue;
    missingDocs.push(doc);
    for (const g of lines) {
      overall.fn++;
      bump(perRoot, g.roots[0], 'fn');
      bump(perDoc, doc, 'fn');
      misses.push({ doc, sentence: g.sentence, source: g.source, target: g.target, roots: g.roots, note: g.note, coded: ['(document not analysed)'] });
    }
  }
  const sortObj = (m: Map<string, Counts>) =>
    Object.fromEntries([...m].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([k, v]) => [k, rates(v)]));
  return {
    overall: rates(overall),
    perRoot: sortObj(perRoot),
    perDoc: sortObj(perDoc),
    actorCoverage: { covered, total: gold.length, share: gold.length ? covered / gold.length : 0 },
    misses,
    falsePositives,
    missingDocs,
  };
}
