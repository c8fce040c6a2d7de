// Comparing two statements: round 6 and round 7 of the Pakistan–China dialogue, written for it.
import { describe, it, expect, beforeAll } from 'vitest';
import type { Analysis } from '../src/analysis/types.js';
import { compareAnalyses, type Comparison } from '../src/ledger/compare.js';
import type { Claim } from '../src/ledger/claims.js';
import { analyseFile, EX } from './ledger-helpers.js';

const says = (claims: Claim[], pattern: RegExp) => claims.some((c) => c.evidence.some((e) => pattern.test(e)) || pattern.test(c.label));

let r6: Analysis, r7: Analysis, c: Comparison;
beforeAll(async () => {
  [r6, r7] = await Promise.all([analyseFile(EX('pak-chn-6th-strategic-dialogue.txt')), analyseFile(EX('pak-chn-7th-strategic-dialogue.txt'))]);
  c = compareAnalyses(r6, r7);
});

describe('comparing round 6 with round 7', () => {
  it('finds the stances that grew firmer', () => {
    const oneChina = c.changed.find((p) => p.a.key === 'stance|PAK|supports|one-china-principle');
    expect(oneChina?.changes).toContain('strength: + firm');
    const sovereignty = c.changed.find((p) => p.a.key === 'stance|CHN|supports|sovereignty');
    expect(sovereignty?.changes.some((x) => /strength: \+ firm/.test(x))).toBe(true);
    expect(sovereignty?.changes.some((x) => /wording: "expressed support" → "pledged firm support"/.test(x))).toBe(true);
  });

  it('finds what only round 6 said: floods, ML-1, the Security Council', () => {
    expect(says(c.onlyA, /flood/i)).toBe(true);
    expect(says(c.onlyA, /ML-1/)).toBe(true);
    expect(says(c.onlyA, /Security Council/)).toBe(true);
    expect(says(c.onlyB, /flood|ML-1|Security Council/)).toBe(false);
  });

  it('finds what only round 7 said: the appeal to Kabul, Gaza, space, the anniversary', () => {
    expect(says(c.onlyB, /Afghan authorities/)).toBe(true);
    expect(says(c.onlyB, /Gaza/)).toBe(true);
    expect(says(c.onlyB, /astronaut|Space Station/)).toBe(true);
    expect(says(c.onlyB, /75th anniversary/)).toBe(true);
    expect(says(c.onlyA, /Gaza|astronaut|75th anniversary/)).toBe(false);
  });

  it('lines up the commitments both made, with how they moved', () => {
    const gwadar = [...c.same, ...c.changed].find((p) => p.a.kind === 'commitment' && /Gwadar/.test(p.a.wording[0]));
    expect(gwadar && /Gwadar/.test(gwadar.b.wording[0])).toBe(true);
    const next = c.changed.find((p) => p.a.kind === 'commitment' && /round/.test(p.a.wording[0]));
    expect(next?.changes).toContain('place: beijing → islamabad');
  });

  it('finds the meetings of both rounds the same', () => {
    expect(c.same.some((p) => p.a.key === 'event|PAK|CHN|040')).toBe(true);
  });

  it('finds a statement the same as itself, every claim once', () => {
    const self = compareAnalyses(r7, r7);
    expect(self.changed).toEqual([]);
    expect(self.onlyA).toEqual([]);
    expect(self.onlyB).toEqual([]);
    expect(self.same.length).toBe(c.changed.length + c.same.length + c.onlyB.length);
  });
});
