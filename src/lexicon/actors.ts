// The actor gazetteer: every surface form that names a state, an organisation, an office, a
// person, an armed or political group, or a collective — built once from data/lexicon/actors/,
// data/lexicon/collectives.yaml and the maintained country packages, into one phrase trie.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PhraseTrie, casingOf, type TrieForm } from '../extract/phrase-trie.js';
import { readLexiconFile, bundled } from './files.js';
import { slug } from './slug.js';

export interface OfficeSpan {
  office: string;
  from?: string;
  to?: string;
  source?: string;
  /** The organisation the office belongs to (IGO:UN for the Secretary-General): while in it,
   * the person acts for the organisation, not for their country. */
  org?: string;
}

export type ActorEntry =
  | { type: 'state'; code: string; name: string; via: 'name' | 'adjective' | 'metonym' }
  | { type: 'igo'; code: string; name: string }
  | { type: 'office'; office: string; sector: string; person: boolean; head: boolean }
  | { type: 'person'; id: string; name: string; country: string; offices: OfficeSpan[] }
  | { type: 'group'; name: string; code: string; sector: string; from?: string }
  | { type: 'media'; name: string; code: string; sector: string }
  | { type: 'block'; name: string }
  | { type: 'collective'; kind: CollectiveKind; headlineOnly: boolean; count?: number; states?: ReadonlySet<string> };

/** An entry with every field any entry has, in one order (absent ones undefined): all entries
 * then share one object shape, and the recognisers read a field at one known place instead of
 * looking it up by shape, as entries of eight shapes made them do. */
export function actorEntry<E extends ActorEntry>(e: E): E {
  const x = e as unknown as Record<string, unknown>;
  return { type: x.type, code: x.code, name: x.name, via: x.via, office: x.office, sector: x.sector, person: x.person, head: x.head, id: x.id, country: x.country, offices: x.offices, from: x.from, kind: x.kind, headlineOnly: x.headlineOnly, count: x.count, states: x.states } as unknown as E;
}

export type CollectiveKind = 'pair' | 'group' | 'pronoun' | 'person' | 'thing' | 'speaker' | 'state';

interface CountryRow {
  code: string;
  /** The packages' codes for this entity (Kosovo: UNK, XKK) when they differ from ours. */
  sourceCodes?: string[];
  name: string;
  names?: string[];
  adjectives?: string[];
  metonyms?: string[];
  capital?: { name: string; lat: number; lon: number };
  drop?: string[];
}

export interface Gazetteer {
  trie: PhraseTrie<ActorEntry>;
  /** Display name of every state code. */
  stateNames: Map<string, string>;
  igoNames: Map<string, string>;
  /** Canonical office → its entry. */
  offices: Map<string, Extract<ActorEntry, { type: 'office' }>>;
  people: Array<Extract<ActorEntry, { type: 'person' }>>;
  /** A lexicon person by full name or by the words after any space in it ("Dar", "Yi",
   * "Wang Yi"): the first of `people` that has that name or ending. */
  peopleByName: Map<string, Extract<ActorEntry, { type: 'person' }>>;
  /** Every word of every office form, lower-cased: a title word is never a person's name. */
  officeWords: Set<string>;
  /** Lower-case particles inside personal names ("bin", "al", "von"). */
  nameParticles: Set<string>;
  /** Suffixes that end a name ("II", "Jr."). */
  nameSuffixes: Set<string>;
}

const require = createRequire(import.meta.url);

export { slug };

function readList<T>(relative: string, schema: string): T[] {
  const path = bundled(relative);
  return existsSync(path) ? (readLexiconFile<T[] | null>(path, schema) ?? []) : [];
}

/** Forms the packages give that are never names in running text: codes, non-Latin scripts. */
function usableName(s: string): boolean {
  if (s.length < 3 || s.includes(',')) return false;
  return /^[\p{Script=Latin}0-9 .'’()&-]+$/u.test(s) && !/^[A-Z]{2,3}$/.test(s);
}

function packageCountries(): Map<string, { names: Set<string>; adjectives: Set<string>; capital: string | null }> {
  const out = new Map<string, { names: Set<string>; adjectives: Set<string>; capital: string | null }>();
  const rows = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as Array<{
    cca3: string;
    name: { common: string; official: string };
    altSpellings: string[];
    demonyms?: { eng?: { m?: string; f?: string } };
    capital?: string[];
  }>;
  for (const r of rows) {
    const names = new Set([r.name.common, r.name.official, ...r.altSpellings].filter(usableName));
    const adjectives = new Set([r.demonyms?.eng?.m, r.demonyms?.eng?.f].filter((x): x is string => !!x && usableName(x)));
    out.set(r.cca3, { names, adjectives, capital: r.capital?.[0] ?? null });
  }
  try {
    const iso = require('i18n-iso-countries');
    iso.registerLocale(require('i18n-iso-countries/langs/en.json'));
    const all = iso.getNames('en', { select: 'all' }) as Record<string, string[]>;
    for (const [a2, list] of Object.entries(all)) {
      const a3 = iso.alpha2ToAlpha3(a2);
      const entry = a3 && out.get(a3);
      if (entry) for (const n of list) if (usableName(n)) entry.names.add(n);
    }
  } catch {
    // the alias package is an addition; world-countries alone still covers every state
  }
  return out;
}

let cached: Gazetteer | null = null;

/** A form as written and, if an article joins a word in it ("Al Jazeera"), with the other
 * joint too ("Al-Jazeera"). */
export function articleSpellings(form: string, articles: ReadonlySet<string>): string[] {
  let swapped = '';
  let wordStart = 0;
  let changed = false;
  for (let i = 0; i < form.length; i++) {
    const c = form[i];
    if (c !== ' ' && c !== '-') continue;
    const joint = articles.has(form.slice(wordStart, i).toLowerCase()) && i + 1 < form.length;
    swapped += form.slice(wordStart, i) + (joint ? (c === ' ' ? '-' : ' ') : c);
    changed ||= joint;
    wordStart = i + 1;
  }
  return changed ? [form, swapped + form.slice(wordStart)] : [form];
}

/** Which entry a surface form of several entries stands for: the most specific kind, a person
 * before an organisation or group, those before a state, an office or a collective. */
const PRECEDENCE: Record<ActorEntry['type'], number> = { person: 0, igo: 1, group: 2, media: 3, state: 4, office: 5, collective: 6, block: 7 };

function pick(forms: TrieForm<ActorEntry>[]): ActorEntry {
  let best = forms[0].value;
  for (const f of forms) if (PRECEDENCE[f.value.type] < PRECEDENCE[best.type]) best = f.value;
  return best;
}

export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const trie = new PhraseTrie<ActorEntry>(pick);
  const particles = readLexiconFile<{ particles: string[]; suffixes?: string[]; articles?: string[] }>(bundled('name-particles.yaml'), 'name-particles');
  const articles = new Set(particles.articles ?? []);
  const add = (form: string, value: ActorEntry) => {
    if (!form.trim()) return;
    for (const f of articleSpellings(form, articles)) trie.add({ form: f, value, casing: casingOf(f) });
  };
  const stateNames = new Map<string, string>();
  const igoNames = new Map<string, string>();

  // states: the packages' names, then ours on top; `drop` removes misleading ones
  const pkg = packageCountries();
  const ours = readList<CountryRow>('actors/countries.yaml', 'countries');
  const byCode = new Map(ours.map((c) => [c.code, c]));
  // our file lists every state and territory news treats as an actor; the packages add names
  // to those rows (and only to those: their other territories would claim words like
  // "French" or "American"). With no file of ours, the packages' entities are used as they are.
  const codes = ours.length ? ours.map((c) => c.code) : [...pkg.keys()];
  for (const code of codes) {
    const row = byCode.get(code);
    const fromPkg = [code, ...(row?.sourceCodes ?? [])].map((c) => pkg.get(c)).filter((x) => !!x);
    const p = fromPkg.length
      ? { names: new Set(fromPkg.flatMap((x) => [...x!.names])), adjectives: new Set(fromPkg.flatMap((x) => [...x!.adjectives])), capital: fromPkg[0]!.capital }
      : undefined;
    const drop = new Set(row?.drop ?? []);
    const name = row?.name ?? [...(p?.names ?? [])][0] ?? code;
    stateNames.set(code, name);
    const names = new Set([name, ...(row?.names ?? []), ...(p?.names ?? [])]);
    for (const n of names) if (!drop.has(n)) add(n, actorEntry({ type: 'state', code, name, via: 'name' }));
    for (const a of new Set([...(row?.adjectives ?? []), ...(p?.adjectives ?? [])])) if (!drop.has(a)) add(a, actorEntry({ type: 'state', code, name, via: 'adjective' }));
    const metonyms = new Set([...(row?.metonyms ?? []), ...(row?.capital ? [row.capital.name] : p?.capital ? [p.capital] : [])]);
    for (const m of metonyms) if (!drop.has(m)) add(m, actorEntry({ type: 'state', code, name, via: 'metonym' }));
  }

  for (const o of readList<{ code: string; name: string; aliases?: string[] }>('actors/organisations.yaml', 'organisations')) {
    igoNames.set(o.code, o.name);
    for (const f of [o.name, ...(o.aliases ?? [])]) add(f, actorEntry({ type: 'igo', code: o.code, name: o.name }));
  }

  const offices = new Map<string, Extract<ActorEntry, { type: 'office' }>>();
  const officeWords = new Set<string>();
  for (const o of readList<{ office: string; sector: string; forms: string[]; person?: boolean; head?: boolean }>('actors/offices.yaml', 'offices')) {
    const entry = actorEntry({ type: 'office' as const, office: o.office, sector: o.sector, person: o.person ?? true, head: o.head ?? false });
    offices.set(o.office.toLowerCase(), entry);
    for (const f of [o.office, ...o.forms]) {
      add(f, entry);
      for (const w of f.toLowerCase().split(/\s+/)) officeWords.add(w);
    }
  }

  const people: Array<Extract<ActorEntry, { type: 'person' }>> = [];
  for (const p of readList<{ name: string; aliases?: string[]; country: string; offices?: OfficeSpan[] }>('actors/people.yaml', 'people')) {
    const entry = actorEntry({ type: 'person' as const, id: `person:${slug(p.name)}`, name: p.name, country: p.country, offices: p.offices ?? [] });
    people.push(entry);
    for (const f of [p.name, ...(p.aliases ?? [])]) add(f, entry);
  }

  for (const g of readList<{ name: string; aliases?: string[]; code: string | null; sector: string; from?: string }>('actors/groups.yaml', 'groups')) {
    // a group with no country anchor (code null) is left uncoded: its name blocks the words in it
    const entry: ActorEntry = actorEntry(g.code ? { type: 'group', name: g.name, code: g.code, sector: g.sector, from: g.from } : { type: 'block', name: g.name });
    for (const f of [g.name, ...(g.aliases ?? [])]) add(f, entry);
  }

  // names that contain actor words but are not actors block them; state media are actors
  for (const n of readList<{ name: string; aliases?: string[]; code?: string; sector?: string }>('names.yaml', 'names')) {
    const entry: ActorEntry = actorEntry(n.code ? { type: 'media', name: n.name, code: n.code, sector: n.sector ?? 'MED' } : { type: 'block', name: n.name });
    for (const f of [n.name, ...(n.aliases ?? [])]) add(f, entry);
  }
  // places are not actors either ("South China Sea", "Indian Illegally Occupied Jammu and Kashmir")
  for (const pl of readList<{ name: string; aliases?: string[] }>('places.yaml', 'places')) {
    for (const f of [pl.name, ...(pl.aliases ?? [])]) add(f, actorEntry({ type: 'block', name: pl.name }));
  }

  for (const c of readList<{ form: string; kind: CollectiveKind; headline_only?: boolean; count?: number; states?: string[] }>('collectives.yaml', 'collectives')) {
    // collectives match in any case: "They" opens sentences, "the two sides" runs inside them
    const value: ActorEntry = actorEntry({ type: 'collective', kind: c.kind, headlineOnly: !!c.headline_only, count: c.count || undefined, states: c.states ? new Set(c.states) : undefined });
    trie.add({ form: c.form, value, casing: 'any' });
  }

  const peopleByName = new Map<string, Extract<ActorEntry, { type: 'person' }>>();
  const byName = (key: string, p: Extract<ActorEntry, { type: 'person' }>) => {
    if (!peopleByName.has(key)) peopleByName.set(key, p);
  };
  for (const p of people) {
    byName(p.name, p);
    for (let i = p.name.indexOf(' '); i >= 0; i = p.name.indexOf(' ', i + 1)) byName(p.name.slice(i + 1), p);
  }

  cached = { trie, stateNames, igoNames, offices, people, peopleByName, officeWords, nameParticles: new Set(particles.particles), nameSuffixes: new Set(particles.suffixes ?? []) };
  return cached;
}
