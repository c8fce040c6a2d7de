// Place mentions: lexicon places (regions, seas, ports, corridors) anywhere in the text, and
// cities where the syntax says a place follows — after a locative preposition ("in Beijing")
// or as a paragraph's dateline ("TEHRAN, Sep. 18 (MNA) –", "ISLAMABAD:"). A city name is
// looked up only there because so many are also people's names or words (Wang, Jordan, Of).
import type { Mention, PlaceOut } from '../analysis/types.js';
import { Pos } from '../language/pos.js';
import { cityPlace, placeTrie } from '../lexicon/places.js';
import type { ExtractContext } from './context.js';
import { DATE_NAMES } from './dates.js';
import { nameSpans } from './names.js';

const LOCATIVES = new Set(['in', 'at', 'to', 'from', 'near', 'outside', 'via', 'into']);
/** What ends a dateline's place name. */
const DATELINE_SEPARATORS = new Set([',', ':', '–', '—', '-', '--', '(']);
const HYPHENS = new Set(['-', '–', '‐']);
const MAX_CITY_TOKENS = 3;

const isCapital = (v: string): boolean => v.charAt(0) !== v.charAt(0).toLowerCase();
const isAllCaps = (v: string): boolean => v === v.toUpperCase() && v !== v.toLowerCase();

/** One past the last token of the capitalised proper-noun run starting at k (dates end it). */
function nameRun(ctx: ExtractContext, k: number, end: number, caps: boolean): number {
  const t = ctx.tokens;
  let j = k;
  while (j < end && j - k <= MAX_CITY_TOKENS && isCapital(t.value[j]) && !DATE_NAMES.has(t.lower[j])) {
    if (caps ? !isAllCaps(t.value[j]) : t.pos[j] !== Pos.PROPN) break;
    j++;
  }
  return j;
}

/** The city named by tokens [a, b) as a whole, if any. */
function city(ctx: ExtractContext, a: number, b: number): PlaceOut | null {
  if (b <= a || b - a > MAX_CITY_TOKENS) return null; // a longer run is an organisation or a person
  const t = ctx.tokens;
  // "Al-Ittihadiya": a hyphen glued on means the name goes on
  if (b < t.count && t.start[b] === t.end[b - 1] && HYPHENS.has(t.value[b])) return null;
  return cityPlace(ctx.lower.slice(t.start[a], t.end[b - 1]));
}

/** The dateline city at the start of sentence s, if s opens its paragraph. */
function dateline(ctx: ExtractContext, s: number): [number, number, PlaceOut] | null {
  if (s > 0 && ctx.sentences[s - 1].paragraph === ctx.sentences[s].paragraph) return null;
  const t = ctx.tokens;
  const first = t.sentenceFirst[s], end = t.sentenceEnd[s];
  if (first >= end) return null;
  // "TEHRAN," / "ISLAMABAD:" in capitals; "Beijing, Jan. 5" in title case only before a date
  const caps = isAllCaps(t.value[first]);
  const j = nameRun(ctx, first, end, caps);
  if (j >= end || !DATELINE_SEPARATORS.has(t.value[j])) return null;
  if (!caps && !(t.value[j] === ',' && j + 1 < end && DATE_NAMES.has(t.lower[j + 1]))) return null;
  const p = city(ctx, first, j);
  return p ? [first, j, p] : null;
}

export function findPlaces(ctx: ExtractContext): { mentions: Mention[]; places: PlaceOut[] } {
  const t = ctx.tokens;
  const trie = placeTrie();
  const mentions: Mention[] = [];
  const places = new Map<string, PlaceOut>();
  const add = (s: number, start: number, end: number, p: PlaceOut) => {
    mentions.push({ kind: 'place', start, end, text: ctx.text.slice(start, end), ref: p.ref, sentence: s });
    if (!places.has(p.ref)) places.set(p.ref, p);
  };

  for (let s = 0; s < ctx.sentences.length; s++) {
    const sent = ctx.sentences[s];
    const found = trie.matchAll(ctx.text, ctx.lower, sent.start, sent.end, ctx.tokenStart, ctx.tokenEnd, ctx.lookup);
    const inLexicon = (k: number) => found.some((m) => m.start <= t.start[k] && t.start[k] < m.end);
    const cities: Array<[number, number, PlaceOut]> = [];
    const d = dateline(ctx, s);
    if (d && !inLexicon(d[0])) cities.push(d);
    const end = t.sentenceEnd[s];
    for (let k = t.sentenceFirst[s]; k + 1 < end; k++) {
      if (!LOCATIVES.has(t.lower[k]) || inLexicon(k + 1)) continue;
      const j = nameRun(ctx, k + 1, end, false);
      const p = city(ctx, k + 1, j);
      if (p) cities.push([k + 1, j, p]);
    }
    // in text order, lexicon places and cities together, but none that is only part of a longer
    // name ("Asia-Pacific" in "the Asia-Pacific Economic Cooperation Summit")
    const names = nameSpans(t, sent).map((n) => [t.start[n.first], t.end[n.last - 1]]);
    const partOfName = (a: number, b: number) => names.some(([x, y]) => x <= a && b <= y && (x < a || b < y));
    const here: Array<[number, number, PlaceOut]> = [
      ...found.map((m): [number, number, PlaceOut] => [m.start, m.end, m.forms[0].value]),
      ...cities.map(([a, b, p]): [number, number, PlaceOut] => [t.start[a], t.end[b - 1], p]),
    ];
    here.sort((x, y) => x[0] - y[0]);
    for (const [a, b, p] of here) if (!partOfName(a, b)) add(s, a, b, p);
  }
  return { mentions, places: [...places.values()] };
}
