// A GDELT-style event file: tab-separated, one event a line, a header line first. The columns
// follow GDELT 1.0's event table where we have the same thing (names kept so existing scripts
// can read it), then entente's own: the PLOVER type, polarity, modality and the evidence.
import type { EventRecord } from '../queries/events.js';

type Column = [name: string, value: (e: EventRecord) => string | number | null];

function fractionDate(day: string): string {
  const y = +day.slice(0, 4);
  const start = Date.UTC(y, 0, 1);
  const doy = (Date.UTC(y, +day.slice(5, 7) - 1, +day.slice(8, 10)) - start) / 86_400_000 + 1;
  return (y + doy / 365).toFixed(4);
}

export const GDELT_COLUMNS: Column[] = [
  ['GlobalEventID', (e) => e.id],
  ['SQLDATE', (e) => e.day.replaceAll('-', '')],
  ['MonthYear', (e) => e.day.slice(0, 7).replace('-', '')],
  ['Year', (e) => e.day.slice(0, 4)],
  ['FractionDate', (e) => (e.day ? fractionDate(e.day) : '')],
  ['Actor1Code', (e) => e.source.code],
  ['Actor1Name', (e) => e.source.name],
  ['Actor1CountryCode', (e) => e.source.country],
  ['Actor2Code', (e) => e.target?.code ?? ''],
  ['Actor2Name', (e) => e.target?.name ?? ''],
  ['Actor2CountryCode', (e) => e.target?.country ?? ''],
  // GDELT marks events from the lead of the article; here: from its first three sentences
  ['IsRootEvent', (e) => (e.evidence.sentence <= 2 ? 1 : 0)],
  ['EventCode', (e) => e.code],
  ['EventBaseCode', (e) => e.code.slice(0, 3)],
  ['EventRootCode', (e) => e.root],
  ['QuadClass', (e) => e.quadClass],
  ['GoldsteinScale', (e) => e.goldstein],
  ['NumMentions', (e) => e.sources],
  ['NumArticles', (e) => e.documents],
  ['ActionGeo_FullName', (e) => e.place?.name ?? ''],
  ['ActionGeo_CountryCode', (e) => e.place?.country ?? ''],
  ['ActionGeo_Lat', (e) => e.place?.lat ?? ''],
  ['ActionGeo_Long', (e) => e.place?.lon ?? ''],
  ['SOURCEURL', (e) => e.evidence.url ?? ''],
  ['PLOVER', (e) => e.plover ?? ''],
  ['Negated', (e) => (e.negated ? 1 : 0)],
  ['Modality', (e) => e.modality],
  ['DocID', (e) => e.evidence.doc],
  ['Sentence', (e) => e.evidence.text],
];

// tabs and line breaks inside a field would break the file's shape
const clean = (v: string | number | null) => (v === null ? '' : String(v).replace(/[\t\r\n]+/g, ' '));

export function gdeltHeader(): string {
  return GDELT_COLUMNS.map(([n]) => n).join('\t') + '\n';
}

export function gdeltLine(e: EventRecord): string {
  return GDELT_COLUMNS.map(([, f]) => clean(f(e))).join('\t') + '\n';
}
