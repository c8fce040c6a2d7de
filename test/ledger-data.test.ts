// The ledger's knowledge (data/lexicon/ledger/*.yaml) matches its schemas and holds together.
import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readLexiconFile, bundled, SCHEMA_DIR } from '../src/lexicon/files.js';
import { loadLedgerLexicons, seriesLexicon, ordinalLexicon, stanceRules, wordingLexicon } from '../src/ledger/lexicon.js';

describe('ledger lexicons', () => {
  it('every file has a schema and matches it', () => {
    const files = readdirSync(bundled('ledger')).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const schema = `ledger-${f.replace(/\.yaml$/, '')}`;
      expect(readdirSync(join(SCHEMA_DIR, 'lexicon'))).toContain(`${schema}.schema.json`);
      expect(() => readLexiconFile(bundled(`ledger/${f}`), schema)).not.toThrow();
    }
    expect(() => loadLedgerLexicons()).not.toThrow();
  });

  it('has one key per mechanism and one form per mechanism', () => {
    const m = seriesLexicon().mechanisms;
    expect(new Set(m.map((x) => x.key)).size).toBe(m.length);
    const forms = m.flatMap((x) => x.forms);
    expect(new Set(forms).size).toBe(forms.length);
  });

  it('numbers every ordinal word once', () => {
    const values = [...ordinalLexicon().words.values()];
    expect(new Set(values).size).toBe(values.length);
  });

  it('has stance rules for support and opposition, and qualifiers with unique labels', () => {
    const stances = new Set(stanceRules().map((r) => r.stance));
    for (const s of ['supports', 'opposes', 'concerned']) expect(stances.has(s as never)).toBe(true);
    const labels = wordingLexicon().qualifiers.map((q) => q.label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
