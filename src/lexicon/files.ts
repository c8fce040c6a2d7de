// Reading lexicon files: YAML data validated against its JSON Schema, so that a mistake in a
// hand-edited file is reported with the file and the entry instead of surfacing as a wrong code.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';

/** The package root: dist/lexicon/files.js and src/lexicon/files.ts both sit two levels below it. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const LEXICON_DIR = join(PACKAGE_ROOT, 'data', 'lexicon');
export const SCHEMA_DIR = join(PACKAGE_ROOT, 'schema');

export class LexiconError extends Error {}

const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: false, strict: false });
const validators = new Map<string, ReturnType<typeof ajv.compile>>();

function validatorFor(schemaName: string) {
  let v = validators.get(schemaName);
  if (!v) {
    const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, 'lexicon', `${schemaName}.schema.json`), 'utf8'));
    v = ajv.compile(schema);
    validators.set(schemaName, v);
  }
  return v;
}

/** Parses a YAML lexicon file and checks it against schema/lexicon/<schemaName>.schema.json. */
export function readLexiconFile<T>(path: string, schemaName: string): T {
  let data: unknown;
  try {
    data = parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new LexiconError(`${path}: not readable YAML: ${(err as Error).message}`);
  }
  const validate = validatorFor(schemaName);
  if (!validate(data)) {
    const e = validate.errors?.[0];
    throw new LexiconError(`${path}: does not match the ${schemaName} schema at ${e?.instancePath || '/'}: ${e?.message}`);
  }
  return data as T;
}

/** A bundled lexicon file by its path under data/lexicon/. */
export function bundled(relative: string): string {
  return join(LEXICON_DIR, relative);
}

/** The YAML files of a bundled lexicon folder, sorted, so load order is stable. */
export function bundledFolder(relative: string): string[] {
  const dir = join(LEXICON_DIR, relative);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}
