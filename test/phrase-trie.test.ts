// The phrase trie every recogniser walks: leftmost-longest matches at token boundaries, casing
// rules, forms learned after the trie was compiled, and the token pre-filter.
import { describe, it, expect } from 'vitest';
import { PhraseTrie, casingOf, lowerAligned, type TokenLookup } from '../src/extract/phrase-trie.js';

/** Whitespace tokens, or the given token spans; with `inText`, leads are read from the
 * document's lower-cased text, as the pipeline does, instead of from each token's string. */
function tables(text: string, spans?: Array<[number, number]>, inText = false) {
  const toks = spans ?? [...text.matchAll(/\S+/g)].map((m): [number, number] => [m.index, m.index + m[0].length]);
  const starts = new Uint8Array(text.length + 1), ends = new Uint8Array(text.length + 1);
  toks.forEach(([a, b]) => ((starts[a] = 1), (ends[b] = 1)));
  const lookup: TokenLookup = { lower: toks.map(([a, b]) => text.slice(a, b).toLowerCase()), start: toks.map(([a]) => a), end: toks.map(([, b]) => b) };
  if (inText) lookup.lowerText = lowerAligned(text);
  return { starts, ends, lookup };
}

function matches(trie: PhraseTrie<string>, text: string, spans?: Array<[number, number]>, useLookup = true, inText = false): string[] {
  const { starts, ends, lookup } = tables(text, spans, inText);
  const lower = lowerAligned(text);
  const found = useLookup ? trie.matchAll(text, lower, 0, text.length, lookup) : trie.matchAllBetween(text, lower, 0, text.length, starts, ends);
  return found.map((m) => text.slice(m.start, m.end));
}

function trieOf(...forms: string[]): PhraseTrie<string> {
  const t = new PhraseTrie<string>();
  for (const f of forms) t.add({ form: f, value: f, casing: casingOf(f) });
  return t;
}

describe('PhraseTrie', () => {
  it('finds the leftmost-longest forms at token boundaries, with and without the token pre-filter', () => {
    const t = trieOf('South Korea', 'Korea', 'foreign minister', 'foreign');
    for (const lookup of [true, false]) {
      expect(matches(t, 'South Korea and the foreign minister of Koreans', undefined, lookup)).toEqual(['South Korea', 'foreign minister']);
    }
    // leads read from the text at the tokens' offsets find the same
    expect(matches(t, 'South Korea and the foreign minister of Koreans', undefined, true, true)).toEqual(['South Korea', 'foreign minister']);
    expect(matches(t, "Korea's foreign minister", [[0, 5], [5, 7], [8, 15], [16, 24]], true, true)).toEqual(['Korea', 'foreign minister']);
  });

  it('keeps acronyms exact and proper names capitalised', () => {
    const t = trieOf('UN', 'Jordan');
    expect(matches(t, 'the UN and Jordan')).toEqual(['UN', 'Jordan']);
    expect(matches(t, 'un jordan')).toEqual([]);
  });

  it('matches forms added after it was first used, without losing the old ones', () => {
    const t = trieOf('Wang Yi');
    expect(matches(t, 'Wang Yi met Ishaq Dar')).toEqual(['Wang Yi']);
    t.add({ form: 'Ishaq Dar', value: 'Ishaq Dar', casing: 'initial' });
    t.add({ form: 'Wang Yi Bo', value: 'Wang Yi Bo', casing: 'initial' });
    expect(matches(t, 'Wang Yi met Ishaq Dar and Wang Yi Bo')).toEqual(['Wang Yi', 'Ishaq Dar', 'Wang Yi Bo']);
  });

  it('keeps finding every form when thousands of new first words are learned', () => {
    const t = trieOf('Wang Yi');
    expect(matches(t, 'Wang Yi')).toEqual(['Wang Yi']);
    const names = Array.from({ length: 6000 }, (_, i) => `Zq${i.toString(36)} Person`);
    for (const n of names) t.add({ form: n, value: n, casing: 'initial' });
    const text = `${names[0]} met ${names[2999]}, ${names[5999]} and Wang Yi`;
    expect(matches(t, text.replace(/,/g, ' ,'))).toEqual([names[0], names[2999], names[5999], 'Wang Yi']);
  });

  it('reads a typographic apostrophe inside a token as the lexicon’s straight one', () => {
    const t = trieOf("People's Republic of China");
    const text = 'The People\u2019s Republic of China';
    // one token "People’s", as some tokenizers give it
    expect(matches(t, text, [[0, 3], [4, 12], [13, 21], [22, 24], [25, 30]])).toEqual(['People\u2019s Republic of China']);
  });

  it('passes over a lower-case word whose lead starts only capitalised forms, and not one that starts a lower-case form', () => {
    const t = trieOf('To Lam', 'the two sides', 'US', 'us');
    t.add({ form: 'to and fro', value: 'to and fro', casing: 'initial' });
    expect(matches(t, 'went to Hanoi as To Lam met the two sides')).toEqual(['To Lam', 'the two sides']);
    expect(matches(t, 'US and us , to and fro')).toEqual(['US', 'us', 'to and fro']);
  });

  it('walks from a word that starts only longer forms when the next word may go on with one, read within its token', () => {
    const t = trieOf('the two sides', 'two Chinas', 'the U.S. side', 'Kremlin');
    // the closing quote is a token of its own; its char is no ASCII one, yet "Chinas" ends the word
    const quoted = '\u201ctwo Chinas\u201d or the two sides';
    const spans: Array<[number, number]> = [[0, 1], [1, 4], [5, 11], [11, 12], [13, 15], [16, 19], [20, 23], [24, 29]];
    expect(matches(t, quoted, spans, true, true)).toEqual(['two Chinas', 'the two sides']);
    // two runs in one token ("U.S."): the next token is not where the second run starts
    expect(matches(t, 'the U.S. side and the Kremlin', undefined, true, true)).toEqual(['the U.S. side', 'Kremlin']);
    // the same words in another order start no form
    expect(matches(t, 'two sides of the Chinas', undefined, true, true)).toEqual([]);
  });

  it('reads leads by the tagger’s vocabulary numbers, and again for a word once a form starts with it', () => {
    const t = trieOf('Wang Yi');
    const text = 'Zorbek met Wang Yi';
    const withWords = () => {
      const { lookup } = tables(text, undefined, true);
      lookup.word = [990001, 990002, 990003, 990004];
      return t.matchAll(text, lowerAligned(text), 0, text.length, lookup).map((m) => text.slice(m.start, m.end));
    };
    expect(withWords()).toEqual(['Wang Yi']);
    // "zorbek" had no lead when its number was first read
    t.add({ form: 'Zorbek', value: 'Zorbek', casing: 'initial' });
    expect(withWords()).toEqual(['Zorbek', 'Wang Yi']);
  });

  it('starts a walk past a word it walked before, and walks it again once forms were added', () => {
    const t = trieOf('Wang Yi', 'team');
    const text = "Wang's team met Wang Yi";
    const run = () => {
      const { lookup } = tables(text, undefined, true);
      lookup.word = [880001, 880002, 880003, 880004, 880005];
      return t.matchAll(text, lowerAligned(text), 0, text.length, lookup).map((m) => text.slice(m.start, m.end));
    };
    expect(run()).toEqual(['team', 'Wang Yi']);
    expect(run()).toEqual(['team', 'Wang Yi']);
    // "Wang's" led nowhere in the trie; now it does
    t.add({ form: "Wang's team", value: "Wang's team", casing: 'initial' });
    expect(run()).toEqual(["Wang's team", 'Wang Yi']);
  });

  it('finds the same forms when it picks its candidates by lead class, also for forms learned after a document was read', () => {
    const t = trieOf('To Lam', 'the two sides', 'US', 'us');
    const text = 'went to Hanoi as To Lam met the two sides , US and us and Zorbek Qal';
    // one document's look-up, kept while a form is learned, as within a document
    const { lookup } = tables(text, undefined, true);
    lookup.text = text; // the classes of each token's lead, read as the pipeline reads them
    const withText = () => t.matchAll(text, lowerAligned(text), 0, text.length, lookup).map((m) => text.slice(m.start, m.end));
    const expected = ['To Lam', 'the two sides', 'US', 'us'];
    expect(matches(t, text)).toEqual(expected);
    expect(withText()).toEqual(expected);
    t.add({ form: 'Zorbek Qal', value: 'Zorbek Qal', casing: 'initial' });
    expect(withText()).toEqual([...expected, 'Zorbek Qal']);
  });

  it('scan() gives matchAll()’s matches in its buffers', () => {
    const t = trieOf('South Korea', 'foreign minister', 'UN');
    const text = 'South Korea and the foreign minister of the UN';
    const { starts, ends, lookup } = tables(text);
    const n = t.scan(text, lowerAligned(text), 0, text.length, lookup);
    const got = Array.from({ length: n }, (_, k) => ({ start: t.foundStart[k], end: t.foundEnd[k], forms: t.foundForms[k] }));
    expect(got).toEqual(t.matchAll(text, lowerAligned(text), 0, text.length, lookup));
    expect(got).toEqual(t.matchAllBetween(text, lowerAligned(text), 0, text.length, starts, ends));
    // the tokens each match spans
    expect(Array.from({ length: n }, (_, k) => [t.foundFirst[k], t.foundLast[k]])).toEqual([[0, 2], [4, 6], [8, 9]]);
    expect(got.map((m) => text.slice(m.start, m.end))).toEqual(['South Korea', 'foreign minister', 'UN']);
  });

  it('scan() gives the chooser’s value of each match: fixed at compile where all forms pass, by casing where the text decides, and for forms learned after compiling', () => {
    // the longest form wins the choice among a node's forms
    const t = new PhraseTrie<string>((forms) => forms.map((f) => f.value).sort((a, b) => b.length - a.length)[0]);
    const add = (form: string, value: string) => t.add({ form, value, casing: casingOf(form) });
    add('Jordan', 'state');
    add('Jordan', 'the person');
    add('US', 'the state, in capitals');
    add('us', 'a pronoun');
    const values = (text: string) => {
      const { lookup } = tables(text);
      const n = t.scan(text, lowerAligned(text), 0, text.length, lookup);
      return Array.from({ length: n }, (_, k) => t.foundValue[k]);
    };
    expect(values('Jordan told US and us')).toEqual(['the person', 'the state, in capitals', 'a pronoun']);
    add('Jordan', 'a third, longer entry');
    add('Lam', 'new');
    expect(values('Jordan met Lam')).toEqual(['a third, longer entry', 'new']);
  });
});
