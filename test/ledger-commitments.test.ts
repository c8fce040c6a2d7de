// Commitments in one report: what was promised, by whom, by when and where, with the sentence.
import { describe, it, expect } from 'vitest';
import type { Analysis, CommitmentOut } from '../src/analysis/types.js';
import { SEED, HAVE_SHARED, NEEDS_SHARED, analysisProblems } from './helpers.js';
import { analyseFile, run, EX } from './ledger-helpers.js';




const find = (a: Analysis, ...words: string[]) =>
  a.commitments.filter((c) => words.every((w) => c.action.toLowerCase().includes(w.toLowerCase())));
const one = (a: Analysis, ...words: string[]): CommitmentOut => {
  const hits = find(a, ...words);
  expect(hits, `a commitment with ${words.join(', ')} in ${JSON.stringify(a.commitments.map((c) => c.action))}`).toHaveLength(1);
  return hits[0];
};

describe('commitments in the seed report' + NEEDS_SHARED, () => {
  it.skipIf(!HAVE_SHARED)('finds at least the commitments the issue lists, with due dates and places', async () => {
    const a = await analyseFile(SEED);
    const next = one(a, 'next round', 'Strategic Dialogue');
    expect(next.due).toBe('2027');
    expect(next.place).toBe('place:islamabad');
    expect(next.parties.sort()).toEqual(['CHN', 'PAK']);
    expect(a.sentences[next.sentence].text).toContain('next year');

    const anniversary = one(a, '75th anniversary');
    expect(anniversary.due).toBe('2026');
    expect(anniversary.status).toBe('due'); // the report is of 2026-01-05, inside the due year

    const space = one(a, 'astronauts', 'China Space Station');
    expect(space.due).toBeNull();
    expect(space.status).toBe('open');

    expect(one(a, 'China-Pakistan Economic Corridor').action).toMatch(/industry, agriculture and mining/);
    one(a, 'Gwadar Port');
    one(a, 'Karakoram Highway');
    for (const c of a.commitments) expect(c.parties.length).toBeGreaterThan(0);
    expect(analysisProblems(a)).toEqual([]);
  });
});

describe('commitments in our example reports', () => {
  it('reads round 7: the next round in Islamabad in 2027, once although the headline says it too', async () => {
    const a = await analyseFile(EX('pak-chn-7th-strategic-dialogue.txt'));
    const next = a.commitments.filter((c) => c.due === '2027');
    expect(next).toHaveLength(1);
    expect(next[0].place).toBe('place:islamabad');
    expect(next[0].action).toMatch(/^hold the next round of/);
    expect(a.sentences[next[0].sentence].role).toBe('body');
    // "throughout 2026" is the due date, "in 1951" stays part of the action
    const anniversary = one(a, 'commemorative events');
    expect(anniversary.due).toBe('2026');
    expect(anniversary.action).not.toContain('2026');
    one(a, 'Gwadar Port');
    one(a, 'Karakoram Highway');
    one(a, 'China Space Station');
  });

  it('takes a stance ("firmly committed to the one-China principle") for no commitment', async () => {
    const a = await analyseFile(EX('pak-chn-7th-strategic-dialogue.txt'));
    expect(find(a, 'one-China')).toEqual([]);
  });

  it('reads round 8: a meeting whose subject is the meeting, and a deadline by a month', async () => {
    const a = await analyseFile(EX('pak-chn-8th-strategic-dialogue-2027.txt'));
    const ninth = one(a, 'ninth round');
    expect(ninth.action).toMatch(/^hold the ninth round of the Strategic Dialogue/);
    expect([ninth.due, ninth.place]).toEqual(['2028', 'place:beijing']);
    const jcc = one(a, 'Joint Cooperation Committee');
    expect(jcc.due).toBe('2027-06');
    const kabul = one(a, 'trilateral');
    expect([kabul.due, kabul.place]).toEqual(['2027', 'place:kabul']);
  });

  it('splits coordinated actions and keeps a list of objects whole', () => {
    const a = run('The two sides agreed to promote the development of the port, ensure smooth traffic on the highway and deepen cooperation in trade, investment and technology.');
    expect(a.commitments.map((c) => c.action)).toEqual([
      'promote the development of the port',
      'ensure smooth traffic on the highway',
      'deepen cooperation in trade, investment and technology',
    ]);
  });

  it('keeps "to dismantle and eliminate" one action, and an appeal to others whole', () => {
    const a = run('Pakistan and China agreed to encourage the Afghan authorities to build an inclusive framework, pursue moderate policies and play a constructive role.');
    expect(a.commitments).toHaveLength(1);
    expect(a.commitments[0].action).toMatch(/^encourage the Afghan authorities to build .* play a constructive role$/);
  });

  it('is no commitment when negated, hoped of things, or recalled from before', () => {
    expect(run('Pakistan and China said neither would tolerate terrorism in any form.').commitments).toEqual([]);
    expect(run('It will add renewed vigour to relations between India and Egypt, Modi said.').commitments).toEqual([]);
    expect(run('The first shipment arrived, with additional supplies expected to arrive in the coming days.').commitments).toEqual([]);
    expect(run('The committee, which the ministers of Pakistan and China had hoped to convene by June, has not met.').commitments).toEqual([]);
  });

  it('reads a pledge of a quantity as something to provide', () => {
    const a = run('China has pledged 50 million yuan in emergency humanitarian assistance to Afghanistan.');
    expect(a.commitments).toHaveLength(1);
    expect(a.commitments[0].action).toBe('provide 50 million yuan in emergency humanitarian assistance to Afghanistan');
    expect(a.commitments[0].parties).toEqual(['CHN']);
  });

  it('leaves a past date in the action and takes a future one as due; without a published date nothing is due', () => {
    const dated = run('India and Egypt will hold talks in Cairo in 2027 on the treaty they signed in 1995.');
    expect(dated.commitments[0].due).toBe('2027');
    expect(dated.commitments[0].place).toBe('place:cairo');
    expect(dated.commitments[0].action).toContain('1995');
    const undated = run('India and Egypt will hold talks in Cairo next year.', null);
    expect(undated.commitments[0].due).toBeNull();
    expect(undated.commitments[0].status).toBe('open');
  });

  it('gives every commitment a sentence that exists and a valid analysis', async () => {
    for (const f of ['pak-chn-6th-strategic-dialogue.txt', 'pak-chn-7th-strategic-dialogue.txt', 'pak-chn-8th-strategic-dialogue-2027.txt', 'pak-chn-political-consultations-2027.txt']) {
      const a = await analyseFile(EX(f));
      expect(analysisProblems(a), f).toEqual([]);
      for (const c of a.commitments) expect(a.sentences[c.sentence], f).toBeDefined();
    }
  });
});
