// Stances: who supports, opposes or is concerned about which issue, from the coded events and
// the issues in their objects.
import { describe, it, expect } from 'vitest';
import type { Analysis } from '../src/analysis/types.js';
import { findStances, stancesOf } from '../src/ledger/stances.js';
import { stancesAcross } from '../src/ledger/stances-across.js';
import { SEED, HAVE_SHARED, NEEDS_SHARED } from './helpers.js';
import { analyseFile, run, EX } from './ledger-helpers.js';

const stance = (a: Analysis, actor: string, issue: string) => (a.stances ?? []).filter((s) => s.actor === actor && s.issue === issue).map((s) => s.stance);

describe('stances', () => {
  it.skipIf(!HAVE_SHARED)('reads the seed\'s core interests and the Gaza ceasefire' + NEEDS_SHARED, async () => {
    const a = await analyseFile(SEED);
    expect(stance(a, 'PAK', 'one-china-principle')).toEqual(['supports']);
    expect(stance(a, 'PAK', 'taiwan-independence')).toEqual(['opposes']);
    expect(stance(a, 'CHN', 'sovereignty')).toEqual(['supports']);
    expect(stance(a, 'CHN', 'territorial-integrity')).toEqual(['supports']);
    expect(stance(a, 'PAK', 'gaza-ceasefire')).toEqual(['supports']);
    expect(stance(a, 'CHN', 'gaza-ceasefire')).toEqual(['supports']);
    const oneChina = a.stances!.find((s) => s.actor === 'PAK' && s.issue === 'one-china-principle')!;
    expect(oneChina.toward).toBe('CHN'); // whose core interest the issue is
    expect(oneChina.qualifiers).toContain('firm');
    expect(a.sentences[oneChina.sentences[0]].text).toMatch(/one-China principle/);
    const sovereignty = a.stances!.find((s) => s.actor === 'CHN' && s.issue === 'sovereignty')!;
    expect(sovereignty.toward).toBe('PAK');
  });

  it('keeps two claims of one sentence apart: committed to one thing, opposed to another', async () => {
    const a = await analyseFile(EX('pak-chn-7th-strategic-dialogue.txt'));
    expect(stance(a, 'PAK', 'taiwan-independence')).toEqual(['opposes']);
    expect(stance(a, 'PAK', 'one-china-principle')).toEqual(['supports']);
    expect(stance(a, 'CHN', 'sovereignty')).toEqual(['supports']);
  });

  it('reads concern as concern, about what follows it', () => {
    const a = run('Pakistan and China voiced concern over attacks on Chinese workers in Pakistan.');
    expect(stance(a, 'CHN', 'security-of-chinese-nationals')).toEqual(['concerned']);
  });

  it('reads stances of analyses stored without them', async () => {
    const a = await analyseFile(EX('pak-chn-6th-strategic-dialogue.txt'));
    const { stances, ...old } = a;
    expect(stancesOf(old as Analysis)).toEqual(stances);
    expect(findStances(a)).toEqual(stances);
  });

  it('lists an actor\'s stance on an issue report by report, in time order', async () => {
    const reports = await Promise.all(['pak-chn-7th-strategic-dialogue.txt', 'pak-chn-6th-strategic-dialogue.txt'].map((f) => analyseFile(EX(f))));
    const rows = stancesAcross(reports, { actor: 'pak', issue: 'one-china' });
    expect(rows.map((r) => [r.doc, r.stance])).toEqual([
      ['pak-chn-6th-strategic-dialogue', 'supports'],
      ['pak-chn-7th-strategic-dialogue', 'supports'],
    ]);
    expect(rows[0].qualifiers).not.toContain('firm');
    expect(rows[1].qualifiers).toContain('firm');
    expect(stancesAcross(reports, { issue: 'taiwan' }).every((r) => r.issue.startsWith('taiwan'))).toBe(true);
  });
});
