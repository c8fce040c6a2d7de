// Nouns that name an act told before ("denied the charge", "this illegal act", "the delegation")
// mention whoever did that act; the text shows which act they refer to.
import { describe, it, expect } from 'vitest';
import { analyse } from '../src/pipeline.js';
import type { Analysis } from '../src/analysis/types.js';
import { articleSpellings } from '../src/lexicon/actors.js';

function run(text: string): Analysis {
  return analyse({ id: 't', url: null, published: '2026-03-02', title: null, text, format: 'text', origin: 't', warnings: [], titleInText: false });
}
/** The codes an actor mention with this exact text stands for (a compound's members' codes). */
function codesOf(a: Analysis, text: string): string[] | undefined {
  const m = a.mentions.find((x) => x.kind === 'actor' && x.text === text);
  if (!m) return undefined;
  const actor = a.actors.find((x) => x.ref === m.ref);
  if (!actor) return [];
  return actor.members ? actor.members.map((r) => a.actors.find((x) => x.ref === r)?.code ?? r).sort() : [actor.code];
}

describe('act nouns refer to the doers of an act told before', () => {
  it('the object of a denial is the accusers\' act', () => {
    const a = run('Morocco and Tunisia accused Algeria of arming the rebels. Algeria firmly denied the charge on Sunday.');
    expect(codesOf(a, 'the charge')).toEqual(['MAR', 'TUN']);
    expect(a.mentions.find((m) => m.text === 'the charge')?.note).toMatch(/answered by "denied"/);
  });

  it('a definite noun of the same kind takes the latest such act', () => {
    const a = run('Russian forces launched drones at Kharkiv overnight. Ukraine said this criminal act would not go unanswered.');
    expect(codesOf(a, 'this criminal act')).toEqual(['RUS']);
  });

  it('a noun of the same kind follows the act named before, not a later answer of its kind', () => {
    const a = run(
      'Egypt accused Ethiopia of endangering the Nile. Ethiopia criticized the allegations on Monday. Such accusations, its spokesman said, would not help the talks.',
    );
    expect(codesOf(a, 'the allegations')).toEqual(['EGY']);
    expect(codesOf(a, 'Such accusations')).toEqual(['EGY']);
  });

  it('"the team" is the one a country sent, named before', () => {
    const a = run('An Indonesian rescue team landed in Adana on Monday. Turkish officials welcomed the team at the airport.');
    expect(codesOf(a, 'the team')).toEqual(['IDN']);
  });

  it('"the meeting" stands for both parties of the meeting told before', () => {
    const a = run('Chinese Foreign Minister Wang Yi met Ishaq Dar in Beijing on Friday. Officials described the meeting as productive.');
    expect(codesOf(a, 'the meeting')).toEqual(['CHN', 'PAK']);
  });

  it('a statement is the one introduced as a statement, not whatever was said last', () => {
    const a = run(
      'The Indian foreign ministry said in a statement that talks would continue. Pakistan said it was ready. "Dialogue is the only way," the statement said.',
    );
    expect(codesOf(a, 'the statement')).toEqual(['IND']);
  });

  it('a visit someone is invited to pay is the invitee\'s', () => {
    const a = run('Egyptian President Abdel Fattah el-Sisi invited Indian Prime Minister Narendra Modi to pay a visit to Cairo. Officials began to prepare the visit.');
    expect(codesOf(a, 'the visit')).toEqual(['IND']);
  });

  it('leaves nouns that name their own doer or are singled out by what follows', () => {
    const a = run('Modi visited Cairo. Modi invited Sisi to the summit of the Group of 20. Iranian attacks on the border worried Islamabad.');
    expect(codesOf(a, 'the summit')).toBeUndefined();
    expect(a.mentions.some((m) => m.text === 'Iranian attacks')).toBe(false);
  });

  it('makes no mention without an act to refer to', () => {
    const a = run('The statement was read out in Geneva. The attack was condemned.');
    expect(a.mentions.filter((m) => m.kind === 'actor')).toEqual([]);
  });
});

describe('Arabic articles', () => {
  it('a name with "al" is known with a hyphen or a space', () => {
    expect(articleSpellings('Al Jazeera', new Set(['al']))).toEqual(['Al Jazeera', 'Al-Jazeera']);
    expect(articleSpellings('al-Qaeda', new Set(['al']))).toEqual(['al-Qaeda', 'al Qaeda']);
    expect(articleSpellings('Alma Ata', new Set(['al']))).toEqual(['Alma Ata']);
    const a = run('The channel Al-Jazeera reported that Qatar would not close Al Jazeera.');
    expect(codesOf(a, 'Al-Jazeera')).toEqual(['QAT']);
    expect(codesOf(a, 'Al Jazeera')).toEqual(['QAT']);
  });
});
