import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RawDocument } from '../src/document/types.js';
import { segment } from '../src/document/segment.js';
import { tag } from '../src/language/tagger.js';
import { extractContext, type ExtractContext } from '../src/extract/context.js';
import { findPlaces } from '../src/extract/places.js';
import { findIssues } from '../src/extract/issues.js';

function context(text: string, format: RawDocument['format'] = 'text'): ExtractContext {
  const doc: RawDocument = { id: 't', url: null, published: '2026-01-05', title: null, text, format, origin: 'test', warnings: [], titleInText: false };
  const seg = segment(doc);
  return extractContext(text, tag(text, seg.paragraphs, seg.sentences), seg.sentences, doc.published);
}

/** The place each mention resolves to, by mention text. */
function places(text: string) {
  const { mentions, places } = findPlaces(context(text));
  return mentions.map((m) => ({ text: m.text, sentence: m.sentence, ...places.find((p) => p.ref === m.ref)! }));
}

describe('findPlaces', () => {
  it('finds a city after a locative preposition, with country and coordinates', () => {
    const [p, ...rest] = places('The two ministers met in Beijing on Sunday.');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ text: 'Beijing', ref: 'place:beijing', name: 'Beijing', country: 'CHN', kind: 'capital', sentence: 0 });
    expect(p.lat).toBeCloseTo(39.9, 0);
    expect(p.lon).toBeCloseTo(116.4, 0);
  });

  it('takes a multi-word city name whole, and no city out of a longer name', () => {
    expect(places('Talks were held in New Delhi.').map((p) => [p.ref, p.country])).toEqual([['place:new-delhi', 'IND']]);
    expect(places('He studied at Beijing Normal University.')).toEqual([]);
    expect(places('They met at Al-Ittihadiya Palace in Cairo.').map((p) => p.ref)).toEqual(['place:cairo']);
  });

  it('does not take country names or people for cities', () => {
    expect(places('The minister travelled to China and wrote to Wang Yi.')).toEqual([]);
    expect(places('Pakistan, China hold talks.')).toEqual([]);
  });

  it('finds the dateline city at the start of a paragraph', () => {
    const [p] = places('TEHRAN, Sep. 18 (MNA) – Iran and Pakistan held talks.');
    expect(p).toMatchObject({ text: 'TEHRAN', ref: 'place:tehran', country: 'IRN', kind: 'capital' });
    expect(places('Headline here\n\nISLAMABAD: The talks began.').map((p) => p.ref)).toEqual(['place:islamabad']);
    expect(places('Beijing, Jan. 5 (Xinhua) -- Talks began.').map((p) => p.ref)).toEqual(['place:beijing']);
  });

  it('finds lexicon places anywhere: ports, seas, disputed regions', () => {
    const found = places('They agreed to develop Gwadar Port. Both spoke of the South China Sea.');
    expect(found.map((p) => [p.text, p.ref, p.sentence])).toEqual([
      ['Gwadar Port', 'place:gwadar-port', 0],
      ['South China Sea', 'place:south-china-sea', 1],
    ]);
    expect(found[0].country).toBe('PAK');
    expect(found[0].lat).toBeCloseTo(25.1, 0);
  });

  it('takes "Indian Illegally Occupied Jammu and Kashmir" as one place', () => {
    const text = 'Pakistan briefed China on the situation in Indian Illegally Occupied Jammu and Kashmir.';
    const found = places(text);
    expect(found.map((p) => p.text)).toEqual(['Indian Illegally Occupied Jammu and Kashmir']);
  });

  it('takes no place out of a longer name', () => {
    expect(places('They met on the margins of the Asia-Pacific Economic Cooperation Summit.')).toEqual([]);
  });

  it('lists each place once, in order of first mention', () => {
    const { places: list } = findPlaces(context('They met in Islamabad. They will meet in Beijing and again in Islamabad.'));
    expect(list.map((p) => p.ref)).toEqual(['place:islamabad', 'place:beijing']);
  });
});

describe('findIssues', () => {
  it('finds issues with the sentences that raise them, in order of first mention', () => {
    const text = 'Both sides pledged cooperation on counter-terrorism. They backed CPEC and new CPEC projects. Counter-terrorism and Xinjiang were discussed.';
    const { mentions, issues } = findIssues(context(text));
    const refOf = (t: string) => mentions.find((m) => m.text === t)?.ref;
    const ct = refOf('counter-terrorism'), cpec = refOf('CPEC'), xinjiang = refOf('Xinjiang');
    expect([ct, cpec, xinjiang].every(Boolean)).toBe(true);
    expect(ct).toBe(refOf('Counter-terrorism'));
    expect(issues.map((i) => i.ref)).toEqual([ct, cpec, xinjiang]);
    expect(issues.map((i) => i.sentences)).toEqual([[0, 2], [1], [2]]);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('finds nothing in a text without issues', () => {
    expect(findIssues(context('The weather was fine.'))).toEqual({ mentions: [], issues: [] });
  });
});

const seed = path.resolve(process.cwd(), '../shared/corpus/pak-chn-strategic-dialogue-2026-01-05.txt');
describe('the seed report', () => {
  it.skipIf(!existsSync(seed))(`places and issues (skipped when ${seed} is absent)`, () => {
    const ctx = context(readFileSync(seed, 'utf8'), 'seed');
    const { places } = findPlaces(ctx);
    for (const ref of ['place:beijing', 'place:islamabad', 'place:gwadar-port', 'place:karakoram-highway']) {
      const p = places.find((x) => x.ref === ref);
      expect(p, ref).toBeDefined();
      expect(typeof p!.lat === 'number' && typeof p!.lon === 'number', `${ref} has coordinates`).toBe(true);
    }
    expect(places.some((p) => p.name === 'Pakistan' || p.name === 'China')).toBe(false);

    // the issues the report is about, by their refs in issues.yaml
    const refs = findIssues(ctx).issues.map((i) => i.ref);
    for (const issue of ['counter-terrorism', 'cpec', 'taiwan', 'xinjiang', 'xizang', 'hong-kong', 'south-china-sea', 'kashmir', 'gaza-ceasefire', 'space-cooperation', 'cybersecurity']) {
      expect(refs, issue).toContain(issue);
    }
  });
});
