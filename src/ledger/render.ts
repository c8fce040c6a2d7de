// Text for people: commitments with their status and evidence, series round by round, stances
// by actor and issue, and the comparison of two statements.
import type { CommitmentRecord } from './status.js';
import type { SeriesHistory } from './series-history.js';
import type { StanceRow } from './stances-across.js';
import type { AlignedClaim, Comparison } from './compare.js';
import type { Claim } from './claims.js';

const useColour = () => process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (s: string) => (useColour() ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = paint('1');
const dim = paint('2');
const green = paint('32');
const yellow = paint('33');
const red = paint('31');

function quote(s: string, max = 160): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return `“${t.length > max ? `${t.slice(0, max - 1)}…` : t}”`;
}

const STATUS_PAINT: Record<string, (s: string) => string> = { fulfilled: green, due: yellow, overdue: red, open: (s) => s };

export function renderCommitments(records: CommitmentRecord[], today: string): string {
  if (!records.length) return 'no commitments\n';
  const lines: string[] = [dim(`${records.length} commitment${records.length === 1 ? '' : 's'}, status on ${today}`)];
  let doc = '';
  for (const r of records) {
    if (r.doc !== doc) {
      doc = r.doc;
      lines.push('', bold(`${r.doc}`) + dim(`  published ${r.published ?? 'unknown'}`));
    }
    const c = r.commitment;
    const when = [c.due ? `due ${c.due}` : 'no date', r.placeName ? `in ${r.placeName}` : null].filter(Boolean).join(', ');
    lines.push(`  ${STATUS_PAINT[r.status](r.status.padEnd(9))} ${c.parties.join('+') || '?'}: ${c.action} ${dim(`(${when})`)}`);
    lines.push(dim(`            s${c.sentence} ${quote(r.text)}`));
    if (r.evidence) {
      const e = r.evidence;
      lines.push(`            ${green('kept')}: ${e.doc}${e.published ? ` (${e.published})` : ''} s${e.sentence}${e.event ? ` ${e.event}` : ''} ${dim(`[${e.how}]`)} ${quote(e.text)}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function renderSeries(list: SeriesHistory[]): string {
  if (!list.length) return 'no dialogue series\n';
  const lines: string[] = [];
  for (const h of list) {
    lines.push(bold(h.name) + dim(`  ${h.key}`));
    const others = h.names.filter((n) => n !== h.name);
    if (others.length) lines.push(dim(`  also: ${others.join('; ')}`));
    if (!h.rounds.length) lines.push(dim('  no round dated or numbered in these reports'));
    for (const r of h.rounds) {
      const round = r.round !== null ? `round ${r.round}` : 'round ?';
      const cols = [round.padEnd(9), (r.date ?? 'date ?').padEnd(10), (r.placeName ?? 'place ?').padEnd(12), r.cochairs.join(', ') || '-'];
      lines.push(`  ${cols.join('  ')}${r.gap ? dim(`  (${r.gap} after the round before)`) : ''}`);
      lines.push(dim(`             from ${r.sources.join(', ')}`));
    }
    if (h.missing.length) lines.push(dim(`  no report of round${h.missing.length === 1 ? '' : 's'} ${h.missing.join(', ')}`));
    if (h.next) {
      const n = h.next;
      const paintStatus = n.status === 'held' ? green : n.status === 'overdue' ? red : yellow;
      lines.push(`  next: ${n.round !== null ? `round ${n.round}` : 'a meeting'}${n.due ? `, due ${n.due}` : ''}${n.placeName ? `, in ${n.placeName}` : ''} ${paintStatus(n.status)} ${dim(`(announced in ${n.announcedIn})`)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function renderStances(rows: StanceRow[]): string {
  if (!rows.length) return 'no stances\n';
  const lines: string[] = [];
  let head = '';
  for (const r of rows) {
    const h = `${r.actor} on ${r.issueName}`;
    if (h !== head) {
      head = h;
      lines.push('', bold(h) + dim(`  ${r.issue}`));
    }
    const q = r.qualifiers.length ? ` [${r.qualifiers.join(', ')}]` : '';
    lines.push(`  ${r.stance}${r.toward ? ` (${r.toward})` : ''}${q}  ${dim(`${r.doc}${r.published ? ` ${r.published}` : ''}`)}`);
    r.sentences.forEach((s, i) => lines.push(dim(`    s${s} ${quote(r.evidence[i])}`)));
  }
  return lines.join('\n').replace(/^\n/, '') + '\n';
}

function claimLine(c: Claim, mark: string): string[] {
  const q = c.qualifiers.length ? ` [${c.qualifiers.join(', ')}]` : '';
  return [`  ${mark} ${c.kind.padEnd(10)} ${c.label}${q}`, dim(`      s${c.sentences.join(', s')} ${quote(c.evidence[0] ?? '')}`)];
}

function pairLines(p: AlignedClaim, mark: string, A: string, B: string): string[] {
  const out = [`  ${mark} ${p.a.kind.padEnd(10)} ${p.a.label}`];
  for (const ch of p.changes) out.push(yellow(`      ${ch}`));
  out.push(dim(`      ${A}: s${p.a.sentences.join(', s')} ${quote(p.a.evidence[0] ?? '', 120)}`));
  out.push(dim(`      ${B}: s${p.b.sentences.join(', s')} ${quote(p.b.evidence[0] ?? '', 120)}`));
  return out;
}

export function renderComparison(c: Comparison): string {
  const name = (d: Comparison['a']) => `${d.id}${d.published ? ` (${d.published})` : ''}`;
  const lines: string[] = [bold(`A ${name(c.a)}`), bold(`B ${name(c.b)}`), ''];
  lines.push(bold(`Changed in strength or wording (${c.changed.length})`));
  for (const p of c.changed) lines.push(...pairLines(p, '~', 'A', 'B'));
  lines.push('', bold(`Only in A (${c.onlyA.length})`));
  for (const x of c.onlyA) lines.push(...claimLine(x, '-'));
  lines.push('', bold(`Only in B (${c.onlyB.length})`));
  for (const x of c.onlyB) lines.push(...claimLine(x, '+'));
  lines.push('', bold(`The same in both (${c.same.length})`));
  for (const p of c.same) lines.push(`  = ${p.a.kind.padEnd(10)} ${p.a.label}`);
  return lines.join('\n') + '\n';
}
