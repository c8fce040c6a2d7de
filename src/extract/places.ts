// Place mentions: lexicon places (regions, seas, ports, corridors) anywhere in the text, and
// cities where the syntax says a place follows — after a locative preposition ("in Beijing")
// or as a paragraph's dateline ("TEHRAN, Sep. 18 (MNA) –", "ISLAMABAD:"). A city name is
// looked up only there because so many are also people's names or words (Wang, Jordan, Of).
import type { Mention, PlaceOut } from '../analysis/types.js';
import { Pos } from '../language/pos.js';
import { cityPlace, placeTrie } from '../lexicon/places.js';
import type { ExtractContext } from './context.js';
import { isDateName, numberDateLeads } from './date-reader.js';
import { documentNames, type NameSpan } from './names.js';
import { leadClassesOf, leadIdsOf, wordClass, type PhraseTrie } from './phrase-trie.js';

const LOCATIVES = new Set(['in', 'at', 'to', 'from', 'near', 'outside', 'via', 'into']);

/** The locatives' lead class (see phrase-trie.ts): a token not of the class is no locative,
 * known from an array read (-1: no class left, every token is looked at). */
let locativeClass: number | null = null;

/** What ends a dateline's place name: one of these chars, or "--" (compared, not hashed). */
const DATELINE_SEPARATORS = ',:–—-(';
const isDatelineSeparator = (v: string): boolean => (v.length === 1 ? DATELINE_SEPARATORS.includes(v) : v === '--');
const HYPHENS = '-–‐';
const MAX_CITY_TOKENS = 3;

/** The first letter is a capital (ASCII at a glance; other scripts by their lower case). */
function isCapital(v: string): boolean {
  const c = v.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return v.charAt(0) !== v.charAt(0).toLowerCase();
}

/** Capitals and no small letters ("TEHRAN"); ASCII at a glance, other scripts by case mapping. */
function isAllCaps(v: string): boolean {
  let upper = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 0x2000 && c <= 0x206f) continue; // general punctuation (quotes, dashes) has no case
    else if (c >= 128) return v === v.toUpperCase() && v !== v.toLowerCase();
  }
  return upper;
}

/** Whether token k starts inside one of a sentence's lexicon places (the trie's `found`
 * matches of its last scan). */
function inLexicon(ctx: ExtractContext, trie: PhraseTrie<PlaceOut>, found: number, k: number): boolean {
  const at = ctx.tokens.start[k];
  for (let f = 0; f < found; f++) if (trie.foundStart[f] <= at && at < trie.foundEnd[f]) return true;
  return false;
}

/** Whether characters [a, b) are part of a longer name of the sentence ("Asia-Pacific" in
 * "the Asia-Pacific Economic Cooperation Summit"). */
function partOfName(ctx: ExtractContext, names: NameSpan[], a: number, b: number): boolean {
  const t = ctx.tokens;
  for (const n of names) {
    const x = t.start[n.first], y = t.end[n.last - 1];
    if (x <= a && b <= y && (x < a || b < y)) return true;
  }
  return false;
}

/** One past the last token of the capitalised proper-noun run starting at k (dates end it).
 * `leads`: the tokens' lead numbers. */
function nameRun(ctx: ExtractContext, leads: Int32Array, k: number, end: number, caps: boolean): number {
  const t = ctx.tokens;
  let j = k;
  while (j < end && j - k <= MAX_CITY_TOKENS && isCapital(t.value[j])) {
    if (caps ? !isAllCaps(t.value[j]) : t.pos[j] !== Pos.PROPN) break;
    if (isDateName(t.lower[j], leads[j])) break;
    j++;
  }
  return j;
}

/** The city named by tokens [a, b) as a whole, if any. */
function city(ctx: ExtractContext, a: number, b: number): PlaceOut | null {
  if (b <= a || b - a > MAX_CITY_TOKENS) return null; // a longer run is an organisation or a person
  const t = ctx.tokens;
  // "Al-Ittihadiya": a hyphen glued on means the name goes on
  if (b < t.count && t.start[b] === t.end[b - 1] && t.value[b].length === 1 && HYPHENS.includes(t.value[b])) return null;
  return cityPlace(ctx.lower.slice(t.start[a], t.end[b - 1]));
}

/** The dateline city at the start of sentence s, if s opens its paragraph. */
function dateline(ctx: ExtractContext, leads: Int32Array, s: number): [number, number, PlaceOut] | null {
  if (s > 0 && ctx.sentences[s - 1].paragraph === ctx.sentences[s].paragraph) return null;
  const t = ctx.tokens;
  const first = t.sentenceFirst[s], end = t.sentenceEnd[s];
  if (first >= end) return null;
  // "TEHRAN," / "ISLAMABAD:" in capitals; "Beijing, Jan. 5" in title case only before a date
  const caps = isAllCaps(t.value[first]);
  const j = nameRun(ctx, leads, first, end, caps);
  if (j >= end || !isDatelineSeparator(t.value[j])) return null;
  if (!caps && !(t.value[j] === ',' && j + 1 < end && isDateName(t.lower[j + 1], leads[j + 1]))) return null;
  const p = city(ctx, first, j);
  return p ? [first, j, p] : null;
}

export function findPlaces(ctx: ExtractContext): { mentions: Mention[]; places: PlaceOut[] } {
  const t = ctx.tokens;
  const trie = placeTrie();
  const mentions: Mention[] = [];
  const places = new Map<string, PlaceOut>();

  // the leads of locatives and date names are numbered before the tokens' are read
  locativeClass ??= wordClass(LOCATIVES);
  const locative = locativeClass;
  numberDateLeads();
  const leads = leadIdsOf(ctx.lookup);
  const classes = leadClassesOf(ctx.lookup);
  // a sentence's cities: first token, one past the last, place (arrays reused for all sentences)
  const cityFirst: number[] = [], cityEnd: number[] = [], cityPlaces: PlaceOut[] = [];
  for (let s = 0; s < ctx.sentences.length; s++) {
    const sent = ctx.sentences[s];
    // the matches are in the trie's buffers until its next scan
    const found = trie.scan(ctx.text, ctx.lower, sent.start, sent.end, ctx.lookup);
    let cities = 0;
    const d = dateline(ctx, leads, s);
    if (d && !inLexicon(ctx, trie, found, d[0])) {
      cityFirst[cities] = d[0];
      cityEnd[cities] = d[1];
      cityPlaces[cities++] = d[2];
    }
    const end = t.sentenceEnd[s];
    for (let k = t.sentenceFirst[s]; k + 1 < end; k++) {
      if (locative >= 0 && ((classes[k] >>> locative) & 1) === 0) continue;
      if (!LOCATIVES.has(t.lower[k]) || inLexicon(ctx, trie, found, k + 1)) continue;
      const j = nameRun(ctx, leads, k + 1, end, false);
      const p = city(ctx, k + 1, j);
      if (!p) continue;
      cityFirst[cities] = k + 1;
      cityEnd[cities] = j;
      cityPlaces[cities++] = p;
    }
    if (found === 0 && cities === 0) continue;
    // in text order, lexicon places and cities together (both lists are in text order, and no
    // city starts inside a lexicon place), but none that is only part of a longer name
    // ("Asia-Pacific" in "the Asia-Pacific Economic Cooperation Summit")
    const names = documentNames(ctx)[s];
    for (let i = 0, c = 0; i < found || c < cities; ) {
      let a: number, b: number, p: PlaceOut;
      if (c >= cities || (i < found && trie.foundStart[i] <= t.start[cityFirst[c]])) {
        a = trie.foundStart[i];
        b = trie.foundEnd[i];
        p = trie.foundForms[i++][0].value;
      } else {
        a = t.start[cityFirst[c]];
        b = t.end[cityEnd[c] - 1];
        p = cityPlaces[c++];
      }
      if (names.length && partOfName(ctx, names, a, b)) continue;
      mentions.push({ kind: 'place', start: a, end: b, text: ctx.text.slice(a, b), ref: p.ref, sentence: s });
      if (!places.has(p.ref)) places.set(p.ref, p);
    }
  }
  return { mentions, places: [...places.values()] };
}
