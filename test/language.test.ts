// The language layer the coder reads: tokens with offsets and parts of speech, chunks, clauses
// and negation cues.
import { describe, it, expect } from 'vitest';
import { segment } from '../src/document/segment.js';
import { language } from '../src/language/layer.js';
import { POS_NAMES } from '../src/language/pos.js';
import { ChunkKind } from '../src/language/chunks.js';
import { ClauseKind } from '../src/language/clauses.js';
import type { RawDocument } from '../src/document/types.js';

function layer(text: string) {
  const d: RawDocument = { id: 't', url: null, published: null, title: null, text, format: 'text', origin: 't', warnings: [], titleInText: false };
  const seg = segment(d);
  return { seg, lang: language(text, seg.paragraphs, seg.sentences) };
}

describe('language layer', () => {
  it('gives tokens whose offsets index the text, with parts of speech and lemmas', () => {
    const text = 'Pakistan’s foreign minister didn’t attend.\n\nChina held talks with Iran.';
    const { lang } = layer(text);
    const t = lang.tokens;
    for (let i = 0; i < t.count; i++) expect(text.slice(t.start[i], t.end[i])).toBe(t.value[i]);
    const held = t.value.indexOf('held');
    expect(t.lemma[held]).toBe('hold');
    expect(POS_NAMES[t.pos[held]]).toBe('VERB');
    expect(POS_NAMES[t.pos[t.value.indexOf('China')]]).toBe('PROPN');
    // tokens know their sentence
    expect(t.sentence[held]).toBe(1);
    expect(t.sentenceFirst[1]).toBe(t.value.indexOf('China'));
  });

  it('marks negation cues', () => {
    const { lang } = layer('Iran did not accept the offer and never replied.');
    const t = lang.tokens;
    const cues = t.value.filter((_, i) => t.negation[i]);
    expect(cues).toEqual(['not', 'never']);
  });

  it('chunks noun phrases and verb groups', () => {
    const { lang } = layer('The two foreign ministers have reaffirmed their firm support.');
    const t = lang.tokens;
    const c = lang.chunks;
    const phrases = Array.from(c.kind, (k, i) => [k, t.value.slice(c.first[i], c.end[i]).join(' ')]);
    expect(phrases).toContainEqual([ChunkKind.NP, 'The two foreign ministers']);
    expect(phrases).toContainEqual([ChunkKind.VG, 'have reaffirmed']);
    expect(phrases).toContainEqual([ChunkKind.NP, 'their firm support']);
  });

  it('splits clauses at participles, subordinators, relatives and attributions', () => {
    const { lang } = layer('Pakistan and China reaffirmed their stance, pledging to deepen cooperation, according to a statement that was issued on Monday.');
    const t = lang.tokens;
    const c = lang.clauses;
    const startsAt = (word: string) => c.kind[c.of[t.value.indexOf(word)]];
    expect(startsAt('reaffirmed')).toBe(ClauseKind.Main);
    expect(startsAt('pledging')).toBe(ClauseKind.Participle);
    expect(startsAt('according')).toBe(ClauseKind.Attribution);
    expect(c.of[t.value.indexOf('pledging')]).not.toBe(c.of[t.value.indexOf('reaffirmed')]);
  });
});
