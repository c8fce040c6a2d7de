// Writing events in each export format, one record at a time (exports stream).
import type { EventRecord } from '../queries/events.js';
import { csvHeader, csvLine } from './csv.js';
import { gdeltHeader, gdeltLine } from './gdelt-tsv.js';
import { ploverRecord } from './plover.js';
import { tableHeader, tableLine } from './table.js';

export type EventFormat = 'table' | 'csv' | 'jsonl' | 'tsv' | 'plover';
export const EVENT_FORMATS: EventFormat[] = ['table', 'csv', 'jsonl', 'tsv', 'plover'];

export interface EventWriter {
  header: string;
  line(e: EventRecord): string;
}

export function eventWriter(format: EventFormat): EventWriter {
  switch (format) {
    case 'table':
      return { header: tableHeader(), line: (e) => tableLine(e, process.stdout.columns || 160) };
    case 'csv':
      return { header: csvHeader(), line: csvLine };
    case 'tsv':
      return { header: gdeltHeader(), line: gdeltLine };
    case 'jsonl':
      return { header: '', line: (e) => JSON.stringify(e) + '\n' };
    case 'plover':
      return { header: '', line: (e) => { const r = ploverRecord(e); return r ? JSON.stringify(r) + '\n' : ''; } };
  }
}

export { GDELT_COLUMNS } from './gdelt-tsv.js';
export { ploverRecord, type PloverRecord } from './plover.js';
