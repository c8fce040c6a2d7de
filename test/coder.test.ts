// Event coding rules, on sentences we wrote: who did what to whom, modality, negation, the
// evidence behind each event, and extra lexicons a user brings.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyse } from '../src/pipeline.js';
import type { Analysis } from '../src/analysis/types.js';
import { runCli, parseLines, SHARED } from './helpers.js';

function code(text: string, published = '2026-01-05'): Analysis {
  return analyse({ id: 't', url: null, published, title: null, text, format: 'text', origin: 't', warnings: [], titleInText: false });
}
const dyads = (a: Analysis) => a.events.filter((e) => e.target).map((e) => `${e.source.code}>${e.target!.code}:${e.root}`).sort();

describe('coding who did what to whom', () => {
  it('codes a meeting both ways', () => {
    expect(dyads(code('Pakistan and Iran held talks in Tehran on Monday.'))).toEqual(['IRN>PAK:04', 'PAK>IRN:04']);
  });

  it('takes the addressee of an appeal from "called on X to …", and reads "called on X" alone as a call', () => {
    expect(dyads(code('Japan called on North Korea to halt its missile programme.'))).toContain('JPN>PRK:02');
    expect(dyads(code('Prime Minister Shehbaz Sharif called on President Xi Jinping in Beijing.'))).toEqual(['CHN>PAK:04', 'PAK>CHN:04']);
  });

  it('keeps a coordinated subject after an attribution that opens the sentence', () => {
    expect(dyads(code('According to the foreign ministry, Pakistan and Iran held talks in Tehran.'))).toEqual(['IRN>PAK:04', 'PAK>IRN:04']);
  });

  it('finds the subject after an opening date whose year stands between commas', () => {
    expect(dyads(code('On February 14, 2014, Pakistan and Iran held talks in Tehran.'))).toEqual(['IRN>PAK:04', 'PAK>IRN:04']);
  });

  it('finds the subject after an opening participle phrase', () => {
    expect(dyads(code('Speaking at a press conference in Islamabad on Monday, Pakistan\'s foreign minister criticised India.'))).toEqual(['PAK>IND:11']);
  });

  it('never makes a place after a preposition a member of the subject', () => {
    expect(dyads(code('During his visit to Beijing, Pakistan\'s foreign minister met the Chinese foreign minister.'))).toEqual(['CHN>PAK:04', 'PAK>CHN:04']);
    expect(dyads(code('After talks in Doha, Egypt and Turkey agreed to boost trade.'))).not.toContain('QAT>EGY:03');
  });

  it('finds the subject of a verb past a relative clause between commas', () => {
    expect(dyads(code('India and Pakistan, which fought three wars, held talks in Geneva.'))).toEqual(['IND>PAK:04', 'PAK>IND:04']);
  });

  it('gives a participle after a postposed attribution its speaker, past a phrase that ends at a comma', () => {
    const a = code('Heavy fighting broke out between India and Pakistan near the frontier, the armies of both countries said, accusing each other of violating the ceasefire.');
    expect(dyads(a)).toEqual(expect.arrayContaining(['IND>PAK:11', 'PAK>IND:11']));
  });

  it('keeps a coordinated clause without a comma inside the "that" clause, so the next verb shares the main subject', () => {
    const a = code('Kabul said that the strike killed three civilians and two houses burned down, condemned Pakistan\'s actions and summoned its envoy.');
    expect(dyads(a)).toContain('AFG>PAK:11');
  });

  it('finds the addressee coordinated after a plain noun ("thanked the government and the people of Turkey")', () => {
    expect(dyads(code('Prime Minister Shehbaz Sharif thanked the government and the people of Turkey for their support.'))).toContain('PAK>TUR:05');
  });

  it('takes the speaker after a verb of saying that ends the sentence, without quotation marks', () => {
    const a = code('The people of Egypt have been very generous in taking in refugees from Sudan, acknowledged Indian Prime Minister Narendra Modi.');
    const said = a.events.find((e) => e.trigger.text === 'acknowledged');
    expect(said?.source.code).toBe('IND');
    expect(a.events.some((e) => e.source.code === 'EGY' && e.target?.code === 'IND')).toBe(false);
  });

  it('codes an appeal or invitation, not what it asks of the addressee as anyone\'s act', () => {
    const a = code('The European Union urged Israel to allow aid into Gaza. Saudi Arabia invited Iran\'s president to visit Riyadh.');
    expect(a.events.map((e) => e.trigger.text)).toEqual(['urged', 'invited']);
    expect(code('Egypt called on Israel to halt military operations in Gaza.').events.map((e) => e.root)).toEqual(['02']);
  });

  it('reads "by phone" after a verb as a manner, not the agent of a passive', () => {
    const a = code('Pakistan and China held talks in Beijing. Iranian President Masoud Pezeshkian spoke by phone with his Russian counterpart Vladimir Putin.');
    expect(dyads(a).filter((d) => !d.startsWith('PAK') && !d.startsWith('CHN'))).toEqual(['IRN>RUS:04', 'RUS>IRN:04']);
    expect(dyads(a)).toEqual(['CHN>PAK:04', 'IRN>RUS:04', 'PAK>CHN:04', 'RUS>IRN:04']);
  });

  it('reads sanctions lifted in the passive as lifted, by the agent, not as imposed', () => {
    const a = code('Sanctions were lifted by the United States in January.');
    expect(a.events.map((e) => `${e.source.code}:${e.code}`)).toEqual(['USA:085']);
  });

  it('reads a month as a date, never as a trigger, and passes over a date between pattern words', () => {
    const a = code('Saudi Arabia and Iran agreed in March to restore diplomatic ties.');
    expect(a.events.some((e) => e.root === '14')).toBe(false);
    expect(new Set(a.events.map((e) => `${e.source.code}>${e.target?.code}:${e.root}:${e.modality}`))).toEqual(new Set(['SAU>IRN:03:intended', 'IRN>SAU:03:intended']));
  });

  it('takes "the visit" for the report\'s event only when the sentence names no other parties', () => {
    const a = code('Pakistan and China held talks in Beijing. Brazil and Argentina signed 15 agreements during the visit.');
    expect(dyads(a).filter((d) => d.endsWith(':04'))).toEqual(['CHN>PAK:04', 'PAK>CHN:04']);
  });

  it('takes the agent of a passive from the by-phrase', () => {
    expect(dyads(code('The Chinese ambassador was summoned by the Indian foreign ministry.'))).toEqual(['IND>CHN:11']);
  });

  it('codes an agreement to meet as intent to meet (036), intended', () => {
    const a = code('Russia and Turkey agreed to hold the next round of talks in Ankara.');
    expect(a.events.map((e) => e.code)).toEqual(['036', '036']);
    expect(a.events.every((e) => e.modality === 'intended')).toBe(true);
  });

  it('marks negated events and does not count them as done', () => {
    const a = code('Iran did not thank Saudi Arabia.');
    expect(a.events.length).toBeGreaterThan(0);
    expect(a.events.every((e) => e.negated)).toBe(true);
  });

  it('marks hypotheticals', () => {
    const a = code('If Israel attacks Iran, the region will suffer.');
    expect(a.events.map((e) => e.modality)).toEqual(['hypothetical']);
  });

  it('reads the doer of an event noun from its adjective and the addressee after it', () => {
    expect(dyads(code('Egypt condemned the Israeli airstrikes on Lebanon.'))).toEqual(['EGY>ISR:11', 'ISR>LBN:19']);
  });

  it('does not read a topic as the addressee of talks', () => {
    expect(dyads(code('Egypt and Jordan discussed the situation in Syria and Libya.'))).toEqual(['EGY>JOR:04', 'JOR>EGY:04']);
  });

  it('finds the subject of a clause reported after a verb of saying', () => {
    expect(dyads(code('The foreign office spokesperson said Islamabad rejected India’s allegations.'))).toEqual(['PAK>IND:01']);
  });

  it('reads a capital after "arrived in" as the country visited, both ways', () => {
    expect(dyads(code('Indian Foreign Minister S. Jaishankar arrived in Colombo on Monday.'))).toEqual(['IND>LKA:04', 'LKA>IND:04']);
  });

  it('codes a pledge of aid to someone as an intention (03), not as aid given', () => {
    const a = code('Germany pledged 500 million euros in humanitarian aid to Ukraine.');
    expect(dyads(a)).toEqual(['DEU>UKR:03']);
    expect(a.events[0].modality).toBe('intended');
  });

  it('takes a mediator as the agent of a participle ("brokered by") and codes it to each party', () => {
    const d = dyads(code('Hamas and Israel agreed to a ceasefire brokered by Qatar and Egypt.'));
    for (const x of ['QAT>PSE:04', 'QAT>ISR:04', 'EGY>PSE:04', 'EGY>ISR:04']) expect(d).toContain(x);
  });

  it('gives a title with a possessive country and a modifier its country ("Afghanistan\'s acting foreign minister")', () => {
    expect(dyads(code("Afghanistan's acting foreign minister held talks with his Pakistani counterpart in Kabul."))).toEqual(['AFG>PAK:04', 'PAK>AFG:04']);
  });

  it('gives every event its sentence, trigger, pattern and CAMEO attributes', () => {
    const a = code('Brazil thanked Argentina for its support.');
    const [e] = a.events;
    expect(e).toMatchObject({ code: '051', root: '05', quadClass: 1, plover: expect.any(String), modality: 'asserted', negated: false });
    expect(a.text.slice(e.trigger.start, e.trigger.end)).toBe('thanked');
    expect(e.pattern).toBe('thank');
    expect(a.sentences[e.sentence].text).toBe('Brazil thanked Argentina for its support.');
  });
});

describe('extra lexicons', () => {
  it('loads a user pattern file with --patterns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-patterns-'));
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, '- pattern: hoodwink\n  code: "112"\n  example: "Chile hoodwinked Peru."\n');
    const before = parseLines((await runCli(['analyze', '-'], 'Chile hoodwinked Peru.')).stdout)[0];
    expect(before.events).toEqual([]);
    const after = parseLines((await runCli(['analyze', '--patterns', file, '-'], 'Chile hoodwinked Peru.')).stdout)[0];
    expect(after.events.map((e: any) => `${e.source.code}>${e.target.code}:${e.code}`)).toEqual(['CHL>PER:112']);
  });

  const petrarch = resolve(SHARED, 'petrarch2', 'CAMEO.2.0.txt');
  it.skipIf(!existsSync(petrarch))(`loads a PETRARCH verb dictionary with --petrarch-verbs${existsSync(petrarch) ? '' : ' (skipped: ../shared/petrarch2 is absent)'}`, async () => {
    // "interrogate" is coded by PETRARCH's dictionary (090), not by ours
    const text = 'Colombia interrogated Ecuador.';
    const ours = parseLines((await runCli(['analyze', '-'], text)).stdout)[0];
    expect(ours.events.filter((e: any) => e.target)).toEqual([]);
    const r = await runCli(['analyze', '--petrarch-verbs', petrarch, '-'], text);
    expect(r.stderr).toMatch(/loaded \d+ patterns from/);
    const with_ = parseLines(r.stdout)[0];
    expect(with_.events.map((e: any) => `${e.source.code}>${e.target?.code}:${e.root}`)).toEqual(['COL>ECU:09']);
  });
});
