// PLOVER event records (the PLOVER / POLECAT field names), one JSON object a line. Events
// without a PLOVER type have no record.
import type { EventRecord } from '../queries/events.js';

export interface PloverRecord {
  id: string;
  date: string;
  event: string;
  mode: string;
  context: string[];
  source: string | null;
  source_code: string;
  source_country: string | null;
  target: string | null;
  target_code: string | null;
  target_country: string | null;
  location: { name: string; country: string | null; lat: number | null; lon: number | null } | null;
  cameo: { code: string; root: string; quad_class: number; goldstein: number };
  negated: boolean;
  modality: string;
  evidence: { doc: string; url: string | null; text: string };
}

export function ploverRecord(e: EventRecord): PloverRecord | null {
  if (!e.plover) return null;
  return {
    id: e.id, date: e.day, event: e.plover, mode: '', context: [],
    source: e.source.name, source_code: e.source.code, source_country: e.source.country,
    target: e.target?.name ?? null, target_code: e.target?.code ?? null, target_country: e.target?.country ?? null,
    location: e.place ? { name: e.place.name, country: e.place.country, lat: e.place.lat, lon: e.place.lon } : null,
    cameo: { code: e.code, root: e.root, quad_class: e.quadClass, goldstein: e.goldstein },
    negated: e.negated, modality: e.modality,
    evidence: { doc: e.evidence.doc, url: e.evidence.url, text: e.evidence.text },
  };
}
