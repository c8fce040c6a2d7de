// The scorer's report for people: overall, per root, per document, actor coverage, and with
// --verbose the misses and false positives with their sentences.
import type { Score } from './score.js';
import { cameoName } from '../code/cameo.js';

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);

export function renderScore(s: Score, verbose: boolean): string {
  const out: string[] = [];
  const o = s.overall;
  out.push(`precision ${o.precision.toFixed(3)}  recall ${o.recall.toFixed(3)}  F1 ${o.f1.toFixed(3)}   (tp ${o.tp}, fp ${o.fp}, fn ${o.fn})`);
  out.push(`actor coverage ${pct(s.actorCoverage.share)}%  (${s.actorCoverage.covered} of ${s.actorCoverage.total} gold lines have both codes among the sentence's actor mentions)`);
  out.push('');
  out.push('root  name                                  P      R      F1    tp  fp  fn');
  // sorted here: object keys like "10" (integers) would otherwise come before "01"
  for (const [root, c] of Object.entries(s.perRoot).sort(([x], [y]) => (x < y ? -1 : 1))) {
    out.push(`${root}    ${cameoName(root).slice(0, 36).padEnd(36)} ${pct(c.precision)}  ${pct(c.recall)}  ${pct(c.f1)}  ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)}`);
  }
  out.push('');
  out.push('document                P      R      F1    tp  fp  fn');
  for (const [doc, c] of Object.entries(s.perDoc)) {
    out.push(`${doc.slice(0, 22).padEnd(22)} ${pct(c.precision)}  ${pct(c.recall)}  ${pct(c.f1)}  ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)}`);
  }
  if (s.missingDocs.length) out.push(`\ngold documents not analysed: ${s.missingDocs.join(', ')}`);
  if (verbose) {
    out.push('', `misses (${s.misses.length}):`);
    for (const m of s.misses) {
      out.push(`  ${m.doc} ${m.source}→${m.target} [${m.roots.join('/')}]${m.note ? ` (${m.note})` : ''}`);
      out.push(`      ${m.sentence}`);
      out.push(`      coded: ${m.coded.length ? m.coded.join('; ') : 'nothing'}`);
    }
    out.push('', `false positives (${s.falsePositives.length}):`);
    for (const f of s.falsePositives) {
      out.push(`  ${f.doc} ${f.source}→${f.target} ${f.code} via “${f.pattern}”`);
      out.push(`      ${f.sentence}`);
    }
  }
  return out.join('\n') + '\n';
}
