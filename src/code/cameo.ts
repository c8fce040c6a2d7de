// The CAMEO code table (data/lexicon/cameo.yaml): name, Goldstein value, quad class and PLOVER
// type of every code. Loaded once; look-ups fall back to the nearest shorter code.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { bundled } from '../lexicon/files.js';

export interface CameoEntry {
  code: string;
  name: string;
  goldstein: number;
  quad: number;
  plover: string | null;
  plover_mode?: string | null;
}

let table: Map<string, CameoEntry> | null = null;

export function cameoTable(): Map<string, CameoEntry> {
  if (!table) {
    const rows = parse(readFileSync(bundled('cameo.yaml'), 'utf8')) as CameoEntry[];
    table = new Map(rows.map((r) => [r.code, r]));
  }
  return table;
}

/** The entry for a code, or for its nearest parent ("0361" → "036" → "03"). */
export function cameo(code: string): CameoEntry | null {
  const t = cameoTable();
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const e = t.get(c);
    if (e) return e;
  }
  return null;
}

export function cameoName(code: string): string {
  return cameo(code)?.name ?? 'unknown code';
}

/** Whether a code falls under any of these codes or roots ("0361" under "036" and "03"): how
 * the lexicons name kinds of acts (language.yaml `responses`, act-nouns.yaml `codes`). */
export function codeUnder(code: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => code.startsWith(p));
}

/** Quad class from the root when the table has no entry: 01-05, 06-08, 09-13, 14-20. */
export function quadOfRoot(root: string): number {
  const r = Number(root);
  return r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
}
