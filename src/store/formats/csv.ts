// Events as CSV (RFC 4180: quoted when needed, doubled quotes inside), one row per event.
import type { EventRecord } from '../queries/events.js';

const COLUMNS: [string, (e: EventRecord) => string | number | boolean | null][] = [
  ['id', (e) => e.id], ['day', (e) => e.day], ['date', (e) => e.date],
  ['source_code', (e) => e.source.code], ['source_name', (e) => e.source.name],
  ['target_code', (e) => e.target?.code ?? null], ['target_name', (e) => e.target?.name ?? null],
  ['code', (e) => e.code], ['root', (e) => e.root], ['quad_class', (e) => e.quadClass], ['goldstein', (e) => e.goldstein],
  ['plover', (e) => e.plover], ['modality', (e) => e.modality], ['negated', (e) => e.negated],
  ['place', (e) => e.place?.name ?? null], ['place_country', (e) => e.place?.country ?? null],
  ['lat', (e) => e.place?.lat ?? null], ['lon', (e) => e.place?.lon ?? null],
  ['sources', (e) => e.sources], ['documents', (e) => e.documents], ['counted', (e) => e.counted],
  ['doc', (e) => e.evidence.doc], ['url', (e) => e.evidence.url], ['sentence', (e) => e.evidence.sentence],
  ['evidence', (e) => e.evidence.text],
];

export function csvField(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvHeader(): string {
  return COLUMNS.map(([n]) => n).join(',') + '\r\n';
}

export function csvLine(e: EventRecord): string {
  return COLUMNS.map(([, f]) => csvField(f(e))).join(',') + '\r\n';
}
