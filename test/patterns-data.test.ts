// Checks on the event pattern lexicon (data/lexicon/patterns/NN-<name>.yaml) and the CAMEO code
// table (data/lexicon/cameo.yaml): both match their JSON Schemas, every pattern's code exists and
// belongs to its file's root, the lexicon is large and covers every root, nothing is listed
// twice, and every example sentence really contains the words of its pattern.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import type { PatternEntry } from '../src/lexicon/patterns.js';
import type { CameoEntry as CameoRow } from '../src/code/cameo.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PATTERN_DIR = join(ROOT, 'data', 'lexicon', 'patterns');

/** A row of cameo.yaml: the coder's entry and the PLOVER notes it keeps. */
type CameoEntry = CameoRow & { plover_context?: string; plover_derived?: boolean };

const readYaml = <T>(path: string): T => parse(readFileSync(path, 'utf8')) as T;
const readSchema = (name: string): object =>
  JSON.parse(readFileSync(join(ROOT, 'schema', 'lexicon', `${name}.schema.json`), 'utf8'));

const Ajv = Ajv2020 as unknown as typeof Ajv2020.default;
const ajv = new Ajv({ allErrors: true, strict: true });

const cameo = readYaml<CameoEntry[]>(join(ROOT, 'data', 'lexicon', 'cameo.yaml'));
const cameoCodes = new Map(cameo.map((e) => [e.code, e]));

const patternFiles = readdirSync(PATTERN_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((name) => ({ name, root: name.slice(0, 2), entries: readYaml<PatternEntry[]>(join(PATTERN_DIR, name)) }));
const allPatterns = patternFiles.flatMap((f) => f.entries.map((e) => ({ ...e, file: f.name, root: f.root })));

const ROOTS = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0'));
const quadOfRoot = (root: string): number => {
  const r = Number(root);
  return r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
};

// ------------------------------------------------------------------ example check
// Irregular forms an example may use for a pattern word (base form -> inflections). Regular
// inflection is covered by comparing the first four letters of the word.
const IRREGULAR: Record<string, string[]> = {
  be: ['is', 'are', 'was', 'were', 'been', 'being', 'am', "'s", "'re"],
  have: ['has', 'had'],
  do: ['did', 'done', 'does'],
  hold: ['held'],
  meet: ['met'],
  seek: ['sought'],
  take: ['took', 'taken'],
  give: ['gave', 'given'],
  fight: ['fought'],
  strike: ['struck', 'stricken'],
  withdraw: ['withdrew', 'withdrawn'],
  lead: ['led'],
  send: ['sent'],
  shoot: ['shot'],
  make: ['made'],
  keep: ['kept'],
  tell: ['told'],
  say: ['said'],
  speak: ['spoke', 'spoken'],
  lay: ['laid'],
  pay: ['paid'],
  break: ['broke', 'broken'],
  undertake: ['undertook', 'undertaken'],
  bring: ['brought'],
  buy: ['bought'],
  sell: ['sold'],
  draw: ['drew', 'drawn'],
  stand: ['stood'],
  uphold: ['upheld'],
  win: ['won'],
  lose: ['lost'],
  leave: ['left'],
  begin: ['began', 'begun'],
  forgive: ['forgave', 'forgiven'],
  freeze: ['froze', 'frozen'],
  unfreeze: ['unfroze', 'unfrozen'],
  flee: ['fled'],
  throw: ['threw', 'thrown'],
  blow: ['blew', 'blown'],
  see: ['saw', 'seen'],
  fly: ['flew', 'flown'],
  overfly: ['overflew', 'overflown'],
  come: ['came'],
  go: ['went', 'gone'],
  get: ['got', 'gotten'],
  write: ['wrote', 'written'],
  bear: ['bore', 'borne'],
  deal: ['dealt'],
  find: ['found'],
  feel: ['felt'],
  hear: ['heard'],
  mean: ['meant'],
  ring: ['rang', 'rung'],
  retake: ['retook', 'retaken'],
  overrun: ['overran'],
  shake: ['shook', 'shaken'],
  sit: ['sat'],
  think: ['thought'],
  teach: ['taught'],
  hang: ['hung'],
  rise: ['rose', 'risen'],
  run: ['ran'],
  drive: ['drove', 'driven'],
  steal: ['stole', 'stolen'],
  swear: ['swore', 'sworn'],
  foresee: ['foresaw', 'foreseen'],
  understand: ['understood'],
  mislead: ['misled'],
  choose: ['chose', 'chosen'],
};

/** The example's words, lower-cased; hyphenated words are kept whole and also split. */
function exampleWords(example: string): Set<string> {
  const words = new Set<string>();
  for (const w of example.toLowerCase().replace(/[’]/g, "'").split(/[^a-z0-9à-ÿ'$-]+/)) {
    if (!w) continue;
    const clean = w.replace(/^['-]+|['-]+$/g, '').replace(/'s$/, '');
    if (!clean) continue;
    words.add(clean);
    for (const part of clean.split('-')) if (part) words.add(part);
    // "cannot" and "won't" carry a "not" of their own
    if (clean === 'cannot') words.add('can').add('not');
    if (clean.endsWith("n't")) words.add('not');
  }
  return words;
}

/**
 * Does one alternative of a pattern element show in the example? A word of the example must
 * start with the alternative's first four letters (a final "y" dropped, so "deny" finds
 * "denied"; a three-letter word whole, so "vow" finds "vowed"), a one- or two-letter word
 * ("to", "on") must be there as a word, or an irregular form must be there ("held" for "hold").
 */
function alternativeShows(alt: string, words: Set<string>): boolean {
  const a = alt.replace(/[’]/g, "'");
  if (a.length <= 2) {
    if (words.has(a)) return true;
  } else {
    const stem = a.endsWith('y') && a.length <= 4 ? a.slice(0, -1) : a;
    const prefix = stem.slice(0, 4);
    for (const w of words) if (w.startsWith(prefix)) return true;
  }
  return (IRREGULAR[a] ?? []).some((form) => words.has(form));
}

/** The elements of a pattern none of whose alternatives show in its example. */
function missingElements(entry: PatternEntry): string[] {
  const words = exampleWords(entry.example);
  return entry.pattern
    .trim()
    .split(/\s+/)
    .filter((element) => !element.split('|').some((alt) => alternativeShows(alt, words)));
}

// ------------------------------------------------------------------ tests
describe('cameo.yaml', () => {
  it('matches its JSON Schema', () => {
    const validate = ajv.compile(readSchema('cameo'));
    const ok = validate(cameo);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5))).toEqual([]);
    expect(ok).toBe(true);
  });

  it('has all 20 roots and about 300 codes, each listed once', () => {
    for (const root of ROOTS) expect(cameoCodes.has(root), `root ${root}`).toBe(true);
    expect(cameo.length).toBeGreaterThanOrEqual(290);
    expect(new Set(cameo.map((e) => e.code)).size).toBe(cameo.length);
  });

  it('gives every sub-code a parent in the table and a root between 01 and 20', () => {
    for (const e of cameo) {
      expect(ROOTS, e.code).toContain(e.code.slice(0, 2));
      if (e.code.length === 4) expect(cameoCodes.has(e.code.slice(0, 3)), `parent of ${e.code}`).toBe(true);
    }
  });

  it('has Goldstein values in [-10, 10] and the quad class of the root', () => {
    for (const e of cameo) {
      expect(e.goldstein, e.code).toBeGreaterThanOrEqual(-10);
      expect(e.goldstein, e.code).toBeLessThanOrEqual(10);
      expect(e.quad, e.code).toBe(quadOfRoot(e.code.slice(0, 2)));
    }
  });

  it('keeps known reference values (GDELT Goldstein scale, PLOVER 2021 table)', () => {
    const spot: Array<[string, number, string | null]> = [
      ['010', 0.0, null],
      ['036', 4.0, 'AGREE'],
      ['042', 1.9, 'CONSULT'],
      ['057', 8.0, 'SUPPORT'],
      ['0874', 10.0, 'RETREAT'],
      ['112', -2.0, 'ACCUSE'],
      ['163', -8.0, 'COERCE'],
      ['173', -5.0, 'COERCE'],
      ['195', -10.0, 'ASSAULT'],
    ];
    for (const [code, goldstein, plover] of spot) {
      expect(cameoCodes.get(code)?.goldstein, code).toBe(goldstein);
      expect(cameoCodes.get(code)?.plover, code).toBe(plover);
    }
    expect(cameoCodes.get('041')?.plover_mode).toBe('phone');
  });
});

describe('event patterns', () => {
  it('has one file per root, named NN-<name>.yaml', () => {
    expect(patternFiles.map((f) => f.root)).toEqual(ROOTS);
    for (const f of patternFiles) expect(f.name).toMatch(/^(0[1-9]|1[0-9]|20)-[a-z]+(-[a-z]+)*\.yaml$/);
  });

  it('matches the JSON Schema in every file', () => {
    const validate = ajv.compile(readSchema('patterns'));
    for (const f of patternFiles) {
      const ok = validate(f.entries);
      expect(validate.errors ?? [], `${f.name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('has at least 1,500 patterns, and patterns for every root', () => {
    expect(allPatterns.length).toBeGreaterThanOrEqual(1500);
    for (const f of patternFiles) expect(f.entries.length, f.name).toBeGreaterThan(0);
  });

  it('weights the roots that diplomatic news uses most', () => {
    const count = (root: string) => allPatterns.filter((p) => p.root === root).length;
    for (const root of ['01', '02', '03', '04', '05', '11']) expect(count(root), root).toBeGreaterThanOrEqual(100);
    for (const root of ['10', '12', '13', '16', '17']) expect(count(root), root).toBeGreaterThanOrEqual(60);
  });

  it('uses only codes of cameo.yaml, from the root of its file', () => {
    for (const p of allPatterns) {
      expect(cameoCodes.has(p.code), `${p.file}: ${p.pattern} -> ${p.code}`).toBe(true);
      expect(p.code.slice(0, 2), `${p.file}: ${p.pattern}`).toBe(p.root);
    }
  });

  it('lists no (pattern, code) pair twice', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const p of allPatterns) {
      const key = `${p.pattern.trim().replace(/\s+/g, ' ')} => ${p.code}`;
      if (seen.has(key)) dupes.push(`${key} (${seen.get(key)}, ${p.file})`);
      else seen.set(key, p.file);
    }
    expect(dupes).toEqual([]);
  });

  it('has no empty or repeated alternatives inside an element', () => {
    for (const p of allPatterns) {
      for (const element of p.pattern.trim().split(/\s+/)) {
        const alts = element.split('|');
        expect(alts.every((a) => a.length > 0), `${p.file}: ${p.pattern}`).toBe(true);
        expect(new Set(alts).size, `${p.file}: ${p.pattern}`).toBe(alts.length);
      }
    }
  });

  it('marks intent frames only in root 03, where a complement can follow', () => {
    for (const p of allPatterns.filter((e) => e.intent)) {
      const elements = p.pattern.trim().split(/\s+/);
      const last = elements[elements.length - 1].split('|');
      // a frame ends in "to"/"for"/"on" ("agree to", "plans for"), or is one verb taking a
      // gerund ("propose"), or "agree in principle"
      const framed = elements.length === 1 || last.every((w) => ['to', 'for', 'on', 'principle'].includes(w));
      expect(p.root, `${p.file}: ${p.pattern}`).toBe('03');
      expect(framed, `${p.file}: ${p.pattern}`).toBe(true);
    }
  });

  it('has examples that contain the words of their pattern', () => {
    const bad = allPatterns
      .map((p) => ({ p, missing: missingElements(p) }))
      .filter((x) => x.missing.length > 0)
      .map((x) => `${x.p.file}: [${x.p.pattern}] missing ${x.missing.join(', ')} in "${x.p.example}"`);
    expect(bad).toEqual([]);
  });

  it('has examples that are sentences, each used once', () => {
    const seen = new Set<string>();
    for (const p of allPatterns) {
      expect(p.example, `${p.file}: ${p.pattern}`).toMatch(/^[A-Z0-9"'‘“].*[.!?"'’”]$/);
      expect(seen.has(p.example), `repeated example: ${p.example}`).toBe(false);
      seen.add(p.example);
    }
  });

  it('the example check itself accepts inflections and irregular forms and rejects absences', () => {
    const entry = (pattern: string, example: string): PatternEntry => ({ pattern, code: '040', example });
    expect(missingElements(entry('hold talks with', 'Kenya held talks with Uganda.'))).toEqual([]);
    expect(missingElements(entry('co-chair|co-chaired', 'They co-chaired the dialogue.'))).toEqual([]);
    expect(missingElements(entry('emphasize need', 'It emphasised the need to act.'))).toEqual([]);
    expect(missingElements(entry('finding mission', 'A fact-finding mission visited.'))).toEqual([]);
    expect(missingElements(entry('sign agreement', 'They met in Cairo.'))).toEqual(['sign', 'agreement']);
    expect(missingElements(entry('call on', 'Iran called for calm.'))).toEqual(['on']);
    expect(missingElements(entry('deny', 'Rwanda denied the charge.'))).toEqual([]);
    expect(missingElements(entry('not compromise', 'We cannot compromise on this.'))).toEqual([]);
  });
});
