// Checks on the hand-curated lexicon data (data/lexicon/actors/*, places, issues, names):
// every file matches its JSON Schema, codes are unique and point at each other correctly,
// and no surface form is claimed by two different actors.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);

interface Country {
  code: string;
  name: string;
  sourceCodes?: string[];
  names: string[];
  adjectives: string[];
  metonyms: string[];
  capital: { name: string; lat: number; lon: number };
  drop: string[];
}
interface Organisation {
  code: string;
  name: string;
  aliases: string[];
  kind: string;
  members?: string[];
  parent?: string;
}
interface Office {
  office: string;
  sector: string;
  forms: string[];
  person: boolean;
  head: boolean;
  equivalent?: string;
}
interface Holding {
  office: string;
  from: string;
  to?: string;
  org?: string;
  source: string;
}
interface Person {
  name: string;
  aliases: string[];
  country: string;
  offices: Holding[];
}
interface Group {
  name: string;
  aliases: string[];
  code: string | null;
  sector: string;
  from?: string;
  before?: { code?: string | null; sector: string };
  kind: string;
}
interface Place {
  name: string;
  aliases: string[];
  country: string | null;
  kind: string;
  lat: number;
  lon: number;
  administeredBy?: string;
  claimants?: string[];
}
interface Issue {
  ref: string;
  name: string;
  forms: string[];
  actor?: string;
}
interface NameRow {
  name: string;
  aliases: string[];
  kind: string;
  code?: string;
  sector?: string;
}

const FILES = {
  countries: 'data/lexicon/actors/countries.yaml',
  organisations: 'data/lexicon/actors/organisations.yaml',
  offices: 'data/lexicon/actors/offices.yaml',
  people: 'data/lexicon/actors/people.yaml',
  groups: 'data/lexicon/actors/groups.yaml',
  places: 'data/lexicon/places.yaml',
  issues: 'data/lexicon/issues.yaml',
  names: 'data/lexicon/names.yaml',
  dates: 'data/lexicon/dates.yaml',
} as const;

function load<T>(relative: string): T[] {
  return parse(readFileSync(join(ROOT, relative), 'utf8')) as T[];
}

const countries = load<Country>(FILES.countries);
const organisations = load<Organisation>(FILES.organisations);
const offices = load<Office>(FILES.offices);
const people = load<Person>(FILES.people);
const groups = load<Group>(FILES.groups);
const places = load<Place>(FILES.places);
const issues = load<Issue>(FILES.issues);
const names = load<NameRow>(FILES.names);

const countryCodes = new Set(countries.map((c) => c.code));
const orgCodes = new Set(organisations.map((o) => o.code));

/** Values that occur more than once. */
function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const v of values) (seen.has(v) ? dups : seen).add(v);
  return [...dups];
}

/** Sortable form of a partial ISO date ("2024", "2024-08", "2024-08-17"). */
function dateKey(d: string): string {
  return d;
}

describe('lexicon files match their JSON Schemas', () => {
  const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: true, strict: true });
  for (const [schemaName, file] of Object.entries(FILES)) {
    it(`${file} validates against schema/lexicon/${schemaName}.schema.json`, () => {
      const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'lexicon', `${schemaName}.schema.json`), 'utf8'));
      const validate = ajv.compile(schema);
      const data = parse(readFileSync(join(ROOT, file), 'utf8'));
      const ok = validate(data);
      const errors = (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
      expect(errors).toEqual([]);
      expect(ok).toBe(true);
    });
  }
});

describe('countries', () => {
  const pkg = require('world-countries/countries.json') as Array<{
    cca2: string;
    cca3: string;
    unMember: boolean;
    name: { common: string; official: string };
    altSpellings: string[];
    demonyms?: { eng?: { m?: string; f?: string } };
    capital?: string[];
  }>;
  const iso = require('i18n-iso-countries');
  iso.registerLocale(require('i18n-iso-countries/langs/en.json'));

  it('has unique codes', () => {
    expect(duplicates(countries.map((c) => c.code))).toEqual([]);
  });

  it('covers every UN member of world-countries, the observers and the listed territories', () => {
    const covered = new Set(countries.flatMap((c) => [c.code, ...(c.sourceCodes ?? [])]));
    const missing = pkg.filter((c) => c.unMember && !covered.has(c.cca3)).map((c) => `${c.cca3} ${c.name.common}`);
    expect(missing).toEqual([]);
    for (const code of ['PSE', 'VAT', 'TWN', 'HKG', 'MAC', 'XKX', 'ESH']) expect(countryCodes).toContain(code);
    expect(countries.length).toBeGreaterThanOrEqual(195);
  });

  it('never uses an ISO "Province of China"-style display name', () => {
    for (const c of countries) expect(c.name, c.code).not.toMatch(/,|Province of/);
  });

  it('drops every two-letter code the packages give (except the US abbreviation)', () => {
    for (const c of countries) {
      const p = pkg.find((r) => r.cca3 === c.code || (c.sourceCodes ?? []).includes(r.cca3));
      if (!p || c.code === 'USA') continue;
      expect(c.drop, c.code).toContain(p.cca2);
    }
  });

  it('has capitals with coordinates on the globe', () => {
    for (const c of countries) {
      expect(Math.abs(c.capital.lat), c.code).toBeLessThanOrEqual(90);
      expect(Math.abs(c.capital.lon), c.code).toBeLessThanOrEqual(180);
    }
  });

  it('no surface form is claimed by two different countries (package forms + ours - drop)', () => {
    const claims = new Map<string, Set<string>>();
    for (const c of countries) {
      const codes = [c.code, ...(c.sourceCodes ?? [])];
      const forms = new Set<string>([c.name, ...c.names, ...c.adjectives, ...c.metonyms, c.capital.name]);
      const p = pkg.find((r) => codes.includes(r.cca3));
      if (p) {
        for (const f of [p.name.common, p.name.official, ...p.altSpellings, p.demonyms?.eng?.m, p.demonyms?.eng?.f, ...(p.capital ?? [])]) {
          if (f) forms.add(f);
        }
      }
      for (const code of codes) {
        const a2 = iso.alpha3ToAlpha2(code);
        if (a2) for (const n of (iso.getName(a2, 'en', { select: 'all' }) as string[] | undefined) ?? []) forms.add(n);
      }
      for (const d of c.drop) forms.delete(d);
      for (const f of forms) {
        if (!claims.has(f)) claims.set(f, new Set());
        claims.get(f)!.add(c.code);
      }
    }
    const collisions = [...claims].filter(([, s]) => s.size > 1).map(([f, s]) => `${f}: ${[...s].join(', ')}`);
    expect(collisions).toEqual([]);
  });
});

describe('organisations', () => {
  it('has at least 150 entries with unique IGO codes', () => {
    expect(organisations.length).toBeGreaterThanOrEqual(150);
    for (const o of organisations) expect(o.code).toMatch(/^IGO:[A-Z0-9]+$/);
    expect(duplicates(organisations.map((o) => o.code))).toEqual([]);
  });

  it('includes the organisations the annotation guide names', () => {
    for (const code of ['UN', 'EU', 'ASEAN', 'SCO', 'NATO', 'AU', 'OIC', 'GCC', 'IAEA', 'IMF', 'G7', 'G20', 'UNSC', 'UNGA', 'BRICS', 'ARL']) {
      expect(orgCodes).toContain(`IGO:${code}`);
    }
  });

  it('has members that are countries and parents that are organisations', () => {
    for (const o of organisations) {
      for (const m of o.members ?? []) expect(countryCodes, `${o.code} member ${m}`).toContain(m);
      if (o.parent) expect(orgCodes, `${o.code} parent`).toContain(o.parent);
    }
  });

  it('no alias is claimed by two organisations', () => {
    const claims = new Map<string, string>();
    const collisions: string[] = [];
    for (const o of organisations) {
      for (const a of new Set([o.name, ...o.aliases])) {
        const prev = claims.get(a);
        if (prev && prev !== o.code) collisions.push(`${a}: ${prev}, ${o.code}`);
        claims.set(a, o.code);
      }
    }
    expect(collisions).toEqual([]);
  });
});

describe('offices and people', () => {
  const officeNames = new Set(offices.map((o) => o.office));

  it('has unique canonical offices and no form shared by two offices', () => {
    expect(duplicates(offices.map((o) => o.office))).toEqual([]);
    const claims = new Map<string, string>();
    const collisions: string[] = [];
    for (const o of offices) {
      for (const f of o.forms) {
        const key = /[A-Z]/.test(f) ? f : f.toLowerCase();
        const prev = claims.get(key);
        if (prev && prev !== o.office) collisions.push(`${f}: ${prev}, ${o.office}`);
        claims.set(key, o.office);
      }
      if (o.equivalent) expect(officeNames, `${o.office} equivalent`).toContain(o.equivalent);
    }
    expect(collisions).toEqual([]);
  });

  it('covers the offices diplomatic news names', () => {
    for (const o of ['President', 'Prime Minister', 'Deputy Prime Minister', 'Foreign Minister', 'Spokesperson', 'Ambassador', 'Chief of Army Staff', 'Foreign Ministry', 'Army', 'Parliament', 'Government']) {
      expect(officeNames).toContain(o);
    }
  });

  it('has at least 150 people with unique names', () => {
    expect(people.length).toBeGreaterThanOrEqual(150);
    expect(duplicates(people.map((p) => p.name))).toEqual([]);
  });

  it('every office a person holds exists in offices.yaml', () => {
    const missing = people.flatMap((p) => p.offices.filter((h) => !officeNames.has(h.office)).map((h) => `${p.name}: ${h.office}`));
    expect(missing).toEqual([]);
  });

  it('every person country is a country code and every holding org an organisation code', () => {
    for (const p of people) {
      expect(countryCodes, p.name).toContain(p.country);
      for (const h of p.offices) if (h.org) expect(orgCodes, `${p.name} ${h.office}`).toContain(h.org);
    }
  });

  it('no holding ends before it starts', () => {
    const bad = people.flatMap((p) =>
      p.offices.filter((h) => h.to && dateKey(h.to) < dateKey(h.from).slice(0, h.to.length)).map((h) => `${p.name}: ${h.office} ${h.from}..${h.to}`),
    );
    expect(bad).toEqual([]);
  });

  it('no alias is shared by two people', () => {
    const claims = new Map<string, string>();
    const collisions: string[] = [];
    for (const p of people) {
      for (const a of new Set([p.name, ...p.aliases])) {
        const prev = claims.get(a);
        if (prev && prev !== p.name) collisions.push(`${a}: ${prev}, ${p.name}`);
        claims.set(a, p.name);
      }
    }
    expect(collisions).toEqual([]);
  });
});

describe('groups, places, issues and names', () => {
  it('groups are anchored to known country codes', () => {
    for (const g of groups) {
      if (g.code !== null) expect(countryCodes, g.name).toContain(g.code);
      if (g.before?.code) expect(countryCodes, `${g.name} before`).toContain(g.before.code);
    }
    expect(groups.length).toBeGreaterThanOrEqual(40);
  });

  it('places have coordinates in range and known country codes', () => {
    expect(places.length).toBeGreaterThanOrEqual(100);
    expect(duplicates(places.map((p) => p.name))).toEqual([]);
    for (const p of places) {
      expect(p.lat, p.name).toBeGreaterThanOrEqual(-90);
      expect(p.lat, p.name).toBeLessThanOrEqual(90);
      expect(p.lon, p.name).toBeGreaterThanOrEqual(-180);
      expect(p.lon, p.name).toBeLessThanOrEqual(180);
      if (p.country) expect(countryCodes, p.name).toContain(p.country);
      if (p.administeredBy) expect(countryCodes, p.name).toContain(p.administeredBy);
      for (const c of p.claimants ?? []) expect(countryCodes, p.name).toContain(c);
      if (p.kind === 'disputed') expect(p.country, `${p.name}: disputed places carry no country`).toBeNull();
    }
  });

  it('has at least 80 issues with unique refs and known actors', () => {
    expect(issues.length).toBeGreaterThanOrEqual(80);
    expect(duplicates(issues.map((i) => i.ref))).toEqual([]);
    for (const i of issues) if (i.actor) expect(countryCodes, i.ref).toContain(i.actor);
  });

  it('names carry known country codes', () => {
    for (const n of names) if (n.code) expect(countryCodes, n.name).toContain(n.code);
    expect(duplicates(names.map((n) => n.name))).toEqual([]);
  });

  it('no surface form is claimed by two different actor codes across the actor lexicons', () => {
    // countries (our forms), organisations, groups and coded names resolve a form to a code;
    // one form pointing at two codes would make the recogniser's choice arbitrary.
    const claims = new Map<string, Set<string>>();
    const claim = (form: string, code: string) => {
      if (!claims.has(form)) claims.set(form, new Set());
      claims.get(form)!.add(code);
    };
    for (const c of countries) {
      const drop = new Set(c.drop);
      for (const f of [c.name, ...c.names, ...c.adjectives, ...c.metonyms]) if (!drop.has(f)) claim(f, c.code);
    }
    for (const o of organisations) for (const f of [o.name, ...o.aliases]) claim(f, o.code);
    for (const g of groups) for (const f of [g.name, ...g.aliases]) claim(f, `${g.code ?? 'uncoded'}/${g.sector}`);
    for (const n of names) for (const f of [n.name, ...n.aliases]) claim(f, n.code ? `${n.code}/${n.sector}` : 'not-an-actor');
    const collisions = [...claims]
      .filter(([, s]) => new Set([...s].map((c) => c.split('/')[0])).size > 1)
      .map(([f, s]) => `${f}: ${[...s].join(', ')}`);
    expect(collisions).toEqual([]);
  });
});
