// Who a report is about: states, organisations, people with their offices, collectives, and
// names that contain actor words without being actors.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyse } from '../src/pipeline.js';
import type { RawDocument } from '../src/document/types.js';
import type { Analysis } from '../src/analysis/types.js';
import { SEED, HAVE_SHARED, NEEDS_SHARED } from './helpers.js';

function run(text: string, published: string | null = '2026-01-05', format: RawDocument['format'] = 'text'): Analysis {
  return analyse({ id: 't', url: null, published, title: null, text, format, origin: 't', warnings: [], titleInText: false });
}
/** The actor a mention with this exact text resolves to. */
function actorOf(a: Analysis, text: string) {
  const m = a.mentions.find((x) => x.kind === 'actor' && (x.text === text || x.text === `The ${text}` || x.text === `the ${text}`));
  return m ? a.actors.find((x) => x.ref === m.ref) : undefined;
}

describe('actor recognition', () => {
  it('knows states by name, alternative name, adjective and capital used as the government', () => {
    const a = run('The PRC and the U.S. held talks. Emirati officials met Afghan envoys. Beijing said it was ready, and Washington agreed.');
    expect(actorOf(a, 'PRC')?.code).toBe('CHN');
    expect(actorOf(a, 'U.S.')?.code).toBe('USA');
    expect(a.mentions.some((m) => m.kind === 'actor' && m.text.startsWith('Emirati') && a.actors.find((x) => x.ref === m.ref)?.code === 'ARE')).toBe(true);
    expect(actorOf(a, 'Beijing')?.code).toBe('CHN');
    expect(actorOf(a, 'Washington')?.code).toBe('USA');
  });

  it('matches names whatever apostrophe the text types', () => {
    const a = run('The People\u2019s Republic of China and the Democratic People\'s Republic of Korea held talks.');
    expect(actorOf(a, 'People\u2019s Republic of China')?.code).toBe('CHN');
    expect(actorOf(a, "Democratic People's Republic of Korea")?.code).toBe('PRK');
  });

  it('reads each document as if it were alone: nothing of one document is left for the next', () => {
    const short = 'Pakistan and China held talks, and Foreign Minister Hakan Fidan of Türkiye joined them. They agreed.';
    const other = 'Chinese Foreign Minister Wang Yi met Pakistan\'s Ishaq Dar in Beijing, and the two sides discussed the South China Sea.';
    const alone = run(short);
    run(other);
    expect(run(short)).toEqual(alone);
    // the other document's people are not this one's
    expect(alone.actors.some((x) => x.name === 'Wang Yi' || x.name === 'Ishaq Dar')).toBe(false);
    expect(actorOf(alone, 'They')?.members).toEqual(['PAK', 'CHN']);
  });

  it('reads a capital after "in" as a place, not an actor', () => {
    const a = run('The ministers met in Beijing on Monday.');
    expect(a.mentions.some((m) => m.kind === 'actor' && m.text === 'Beijing')).toBe(false);
    expect(a.mentions.some((m) => m.kind === 'place' && m.text === 'Beijing')).toBe(true);
  });

  it('codes organisations as IGO: plus their acronym', () => {
    const a = run('The United Nations and the SCO welcomed the decision of the African Union.');
    expect(actorOf(a, 'United Nations')?.code).toBe('IGO:UN');
    expect(actorOf(a, 'SCO')?.code).toBe('IGO:SCO');
    expect(actorOf(a, 'African Union')?.code).toBe('IGO:AU');
  });

  it('keeps the article joined to a later mention by family name ("el-Sisi")', () => {
    const a = run('Egyptian President Abdel Fattah el-Sisi met Narendra Modi in Cairo. Modi invited el-Sisi to attend the G20 summit in New Delhi.');
    const later = a.mentions.find((m) => m.kind === 'actor' && m.sentence === 1 && m.text.endsWith('Sisi'));
    expect(later?.text).toBe('el-Sisi');
    expect(later?.ref).toBe('person:abdel-fattah-el-sisi');
  });

  it('resolves a titled person, later mentions by surname and by office with country', () => {
    const a = run('Chinese Foreign Minister Wang Yi met Japanese Foreign Minister Takeshi Iwaya. Wang thanked Iwaya. The Chinese FM left.');
    const wang = actorOf(a, 'Chinese Foreign Minister Wang Yi');
    expect(wang).toMatchObject({ code: 'CHN', person: true, office: 'Foreign Minister' });
    expect(actorOf(a, 'Wang')?.ref).toBe(wang!.ref);
    expect(actorOf(a, 'Chinese FM')?.ref).toBe(wang!.ref);
    expect(actorOf(a, 'Iwaya')?.code).toBe('JPN');
  });

  it('learns an unknown person from a title and keeps names with particles whole', () => {
    const a = run('Qatari Foreign Minister Mohammed bin Abdulrahman al-Thani arrived in Kuwait.');
    const m = a.mentions.find((x) => x.kind === 'actor' && x.text.includes('Mohammed'));
    // the whole name, through "bin" and "al-", is one mention of one Qatari person
    expect(m?.text).toBe('Qatari Foreign Minister Mohammed bin Abdulrahman al-Thani');
    expect(a.actors.find((x) => x.ref === m!.ref)).toMatchObject({ code: 'QAT', person: true, office: 'Foreign Minister' });
  });

  it('resolves "the two sides" and "They" to the pair the report is about', () => {
    const a = run('Pakistan and Iran held talks in Tehran. The two sides agreed to meet again. They also discussed trade.');
    const collective = a.mentions.filter((m) => m.kind === 'actor' && (m.text === 'The two sides' || m.text === 'They'));
    expect(collective).toHaveLength(2);
    for (const m of collective) expect(a.actors.find((x) => x.ref === m.ref)?.members?.slice().sort()).toEqual(['IRN', 'PAK']);
  });

  it('resolves a description of a state to the nearest state it fits', () => {
    const a = run('President Obama met King Abdullah of Jordan on Friday. He said U.S. aid would help the kingdom cope with refugees.');
    expect(actorOf(a, 'kingdom')?.code).toBe('JOR');
    const b = run('Oman and India signed an accord. Officials said the sultanate would host the next round.');
    expect(actorOf(b, 'sultanate')?.code).toBe('OMN');
  });

  it('resolves a numbered group to the coordination of that many actors, even one named after it', () => {
    const a = run('Kuwait sent messages to the leaders of the four countries boycotting Qatar. Saudi Arabia, the United Arab Emirates, Egypt and Bahrain cut ties with Qatar in June.');
    const m = a.mentions.find((x) => x.kind === 'actor' && x.text.endsWith('four countries'));
    const group = a.actors.find((x) => x.ref === m?.ref);
    expect(new Set(group?.members)).toEqual(new Set(['SAU', 'ARE', 'EGY', 'BHR']));
  });

  it('takes a bloc to be the group the report has just named', () => {
    const a = run('Saudi Arabia, the United Arab Emirates, Egypt and Bahrain cut ties with Qatar. Qatar refused the demands, and the anti-Qatar bloc changed its focus.');
    const m = a.mentions.find((x) => x.kind === 'actor' && x.text === 'bloc');
    expect(new Set(a.actors.find((x) => x.ref === m?.ref)?.members)).toEqual(new Set(['SAU', 'ARE', 'EGY', 'BHR']));
  });

  it('gives first person in a quotation that runs on to the speaker it is attributed to later', () => {
    const a = run('\u201cMy visit to Egypt was historic. It will add vigour to our ties,\u2019\u2019 Indian Prime Minister Narendra Modi tweeted.');
    expect(actorOf(a, 'My')?.code).toBe('IND');
  });

  it('does not read actors inside names that contain them', () => {
    const a = run('Astronauts will fly to the China Space Station under the China-Pakistan Economic Corridor and the Pakistan-China Foreign Ministers’ Strategic Dialogue.');
    expect(a.mentions.filter((m) => m.kind === 'actor')).toEqual([]);
  });

  it.skipIf(!HAVE_SHARED)(`on the seed report: the people, the pair, the places and no India inside the Kashmir name${NEEDS_SHARED}`, () => {
    const a = run(readFileSync(SEED, 'utf8'), '2026-01-05', 'seed');
    const dar = a.actors.find((x) => x.name === 'Ishaq Dar');
    expect(dar).toMatchObject({ person: true, code: 'PAK', sector: 'GOV', office: 'Deputy Prime Minister' });
    expect(actorOf(a, 'DPM Dar')?.ref).toBe(dar!.ref);
    const wang = a.actors.find((x) => x.name === 'Wang Yi');
    expect(wang).toMatchObject({ person: true, code: 'CHN', office: 'Foreign Minister' });
    expect(actorOf(a, 'Chinese FM')?.ref).toBe(wang!.ref);
    for (const m of a.mentions.filter((x) => x.kind === 'actor' && /^(the two sides|both sides|they)$/i.test(x.text))) {
      expect(a.actors.find((x) => x.ref === m.ref)?.members?.slice().sort(), m.text).toEqual(['CHN', 'PAK']);
    }
    expect(actorOf(a, 'Afghan authorities')).toMatchObject({ code: 'AFG', sector: 'GOV' });
    for (const code of ['AFG', 'BGD', 'TWN']) expect(a.actors.some((x) => x.code === code), code).toBe(true);
    expect(a.actors.some((x) => x.code === 'IND')).toBe(false);
    for (const ref of ['place:beijing', 'place:islamabad', 'place:gwadar-port', 'place:karakoram-highway']) {
      const p = a.places.find((x) => x.ref === ref);
      expect(p && typeof p.lat === 'number' && typeof p.lon === 'number', ref).toBe(true);
    }
  });
});

describe('people learned from one document', () => {
  it('resolve in a later document that names them without a title', () => {
    const first = run('Malawian Foreign Minister Zanele Okonkwo-Banda arrived in Lusaka.');
    expect(first.actors.find((x) => x.person)).toMatchObject({ code: 'MWI', office: 'Foreign Minister' });
    const later = run('Zanele Okonkwo-Banda met Zambian officials.');
    expect(actorOf(later, 'Zanele Okonkwo-Banda')).toMatchObject({ code: 'MWI', person: true });
  });
});
