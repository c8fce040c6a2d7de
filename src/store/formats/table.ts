// Events as a table for people at a terminal: one line each, evidence cut to fit.
import type { EventRecord } from '../queries/events.js';

const pad = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n));

export function tableHeader(): string {
  return `${pad('DAY', 10)}  ${pad('SOURCE→TARGET', 17)}  ${pad('CODE', 4)}  QC  ${pad('GS', 5)}  SRC  ${pad('PLACE', 14)}  EVIDENCE\n`;
}

export function tableLine(e: EventRecord, width = 160): string {
  const dyad = `${e.source.code}→${e.target?.code ?? '—'}`;
  const code = e.code + (e.negated ? '!' : '');
  const head = `${pad(e.day, 10)}  ${pad(dyad, 17)}  ${pad(code, 4)}  ${e.quadClass}   ${pad(String(e.goldstein), 5)}  ${String(e.sources).padStart(3)}  ${pad(e.place?.name ?? '', 14)}  `;
  const room = Math.max(30, width - head.length);
  return head + pad(e.evidence.text.replace(/\s+/g, ' '), room).trimEnd() + `  [${e.id}]\n`;
}
