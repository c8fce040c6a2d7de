// Dialogue series in one report: mentions of a recurring mechanism ("the 7th round of the
// Pakistan-China Foreign Ministers' Strategic Dialogue", "seventh strategic dialogue", "the
// next round", "the ninth round will take place …"), read into the round the report is about
// (number, date, venue, co-chairs) and the next round it announces (number, due date, venue).
import type { SeriesOut } from '../analysis/types.js';
import { Pos } from '../language/pos.js';
import { gazetteer } from '../lexicon/actors.js';
import { languageTables } from '../lexicon/language.js';
import { commitmentLexicon, seriesLexicon, type Mechanism } from './lexicon.js';
import { cardinalValue, isLastWord, isNextWord, ordinalValue } from './round-number.js';
import { seriesKeyOf } from './series-key.js';
import { notBefore, periodStart } from './period.js';
import { clauseOf, codesInside, mentionCodes, partyCodes, unique, type LedgerContext, type TokenMention } from './context.js';

export type SeriesTense = 'current' | 'next' | 'past' | 'mention';

export interface SeriesMention {
  sentence: number;
  /** Tokens of the whole mention ("the 7th round of the … Dialogue"). */
  first: number;
  last: number;
  /** Tokens of the mechanism's name; empty for a bare round ("the next round"). */
  nameFirst: number;
  nameLast: number;
  name: string;
  mechanism: Mechanism | null;
  /** Codes named inside the name ("Pakistan-China …"). */
  chain: string[];
  parties: string[];
  round: number | null;
  nextWord: boolean;
  tense: SeriesTense;
  /** Resolved once the report's main series is known. */
  key: string | null;
}

export interface SeriesReading {
  series: SeriesOut[];
  mentions: SeriesMention[];
  /** The key of the report's own series (the one it mostly talks about), or null. */
  main: string | null;
  keys: string[];
}

interface Range {
  first: number;
  last: number;
  codes?: string[];
}

/** Token ranges of the states and IGOs, and of the name modifiers, in a sentence. */
function sentenceRanges(ctx: LedgerContext, s: number): { states: Range[]; modifiers: Range[] } {
  const sent = ctx.a.sentences[s];
  const toRange = (start: number, end: number): Range => ({ first: ctx.tokenOf[start], last: ctx.tokenOf[end - 1] + 1 });
  const states: Range[] = [];
  for (const m of gazetteer().trie.matchAll(ctx.text, ctx.lower, sent.start, sent.end, ctx.lookup)) {
    const e = m.forms.map((f) => f.value).find((v) => v.type === 'state' || v.type === 'igo');
    if (e && (e.type === 'state' || e.type === 'igo')) states.push({ ...toRange(m.start, m.end), codes: [e.code] });
  }
  const modifiers = seriesLexicon()
    .modifiers.matchAll(ctx.text, ctx.lower, sent.start, sent.end, ctx.lookup)
    .map((m) => toRange(m.start, m.end));
  return { states, modifiers };
}

function capitalised(v: string): boolean {
  const c = v.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);
}

/** Every mention of a mechanism or a numbered round in the report. */
function findMentions(ctx: LedgerContext): SeriesMention[] {
  const lex = seriesLexicon();
  const t = ctx.t;
  const out: SeriesMention[] = [];
  for (const sent of ctx.a.sentences) {
    const from = t.sentenceFirst[sent.index];
    const to = t.sentenceEnd[sent.index];
    if (from >= to) continue;
    const found = lex.trie.matchAll(ctx.text, ctx.lower, sent.start, sent.end, ctx.lookup);
    // states and name modifiers only where a mechanism is named
    const { states, modifiers } = found.length ? sentenceRanges(ctx, sent.index) : { states: [], modifiers: [] };
    const covered = new Set<number>();
    for (const m of found) {
      const mechanism = m.forms[0].value;
      const headFirst = ctx.tokenOf[m.start];
      const headLast = ctx.tokenOf[m.end - 1] + 1;
      if (headFirst < 0) continue;
      // the name: the head and what stands before it inside the name
      const headCapital = capitalised(t.value[headFirst]);
      let nameFirst = headFirst;
      let modified = false;
      for (;;) {
        const j = nameFirst - 1;
        if (j < from) break;
        const st = states.find((r) => r.last === nameFirst);
        if (st) {
          nameFirst = st.first;
          continue;
        }
        const mod = modifiers.find((r) => r.last === nameFirst);
        if (mod) {
          nameFirst = mod.first;
          modified = true;
          continue;
        }
        // "Pakistan-China": a hyphen glued between two names
        if ((t.value[j] === '-' || t.value[j] === '–') && t.start[j] === t.end[j - 1] && states.some((r) => r.last === j)) {
          nameFirst = j;
          continue;
        }
        if (headCapital && capitalised(t.value[j]) && (t.pos[j] === Pos.PROPN || t.pos[j] === Pos.ADJ) && !ctx.roles.mentionAt(j) && ordinalValue(t.value[j]) === null && j > from) {
          nameFirst = j;
          continue;
        }
        break;
      }
      // a hyphen left at the start belongs to nothing
      while (nameFirst < headFirst && (t.value[nameFirst] === '-' || t.value[nameFirst] === '–')) nameFirst++;
      const chain = codesInside(ctx, t.start[nameFirst], t.end[headLast - 1]);
      // the round: an ordinal right before the name, or "the 7th round of (the|their) …"
      let first = nameFirst;
      let round: number | null = null;
      let nextWord = false;
      let lastWord = false;
      const before = nameFirst - 1;
      if (before >= from && ordinalValue(t.value[before]) !== null) {
        round = ordinalValue(t.value[before]);
        first = before;
      } else if (before >= from && isNextWord(t.value[before]) && t.pos[before] === Pos.ADJ) {
        nextWord = true;
        first = before;
      } else {
        let j = before;
        while (j >= from && (t.pos[j] === Pos.DET || (t.pos[j] === Pos.PRON && /^(their|its|our|his|her)$/i.test(t.value[j])))) j--;
        if (j - 1 >= from && t.lower[j] === 'of' && lex.rounds.has(t.lemma[j - 1])) {
          const r = readRound(ctx, j - 1, from);
          round = r.round;
          nextWord = r.next;
          lastWord = r.last;
          first = r.first;
        }
      }
      // a generic head ("dialogue", "summit") is a series only when something names it
      if (mechanism.generic && !chain.length && !modified && round === null && !nextWord && !(headCapital && nameFirst < headFirst)) {
        if (!(headCapital && t.pos[headFirst] === Pos.PROPN && !isSentenceStart(ctx, headFirst))) continue;
      }
      for (let k = first; k < headLast; k++) covered.add(k);
      out.push({
        sentence: sent.index,
        first,
        last: headLast,
        nameFirst,
        nameLast: headLast,
        name: ctx.text.slice(t.start[nameFirst], t.end[headLast - 1]),
        mechanism,
        chain,
        parties: [],
        round,
        nextWord: nextWord && !lastWord,
        tense: lastWord ? 'past' : 'current',
        key: null,
      });
    }
    // bare rounds: "the seventh round ended", "Next round set for Beijing", "round 9"
    for (let i = from; i < to; i++) {
      if (covered.has(i) || !lex.rounds.has(t.lemma[i]) || t.pos[i] !== Pos.NOUN) continue;
      if (i + 1 < to && t.lower[i + 1] === 'of') continue;
      const r = readRound(ctx, i, from);
      if (r.round === null && !r.next) continue;
      out.push({
        sentence: sent.index,
        first: r.first,
        last: i + 1 + (r.after ? 1 : 0),
        nameFirst: i + 1,
        nameLast: i + 1,
        name: '',
        mechanism: null,
        chain: [],
        parties: [],
        round: r.round,
        nextWord: r.next,
        tense: r.last ? 'past' : 'current',
        key: null,
      });
    }
  }
  return out.sort((a, b) => a.first - b.first);
}

function isSentenceStart(ctx: LedgerContext, i: number): boolean {
  return ctx.t.sentenceFirst[ctx.t.sentence[i]] === i;
}

/** The number of the round noun at i: an ordinal or "next" before it, or a number after it. */
function readRound(ctx: LedgerContext, i: number, from: number): { round: number | null; next: boolean; last: boolean; first: number; after: boolean } {
  const t = ctx.t;
  let j = i - 1;
  let round: number | null = null;
  let next = false;
  let last = false;
  let after = false;
  while (j >= from && t.pos[j] === Pos.ADJ && ordinalValue(t.value[j]) === null && !isNextWord(t.value[j]) && !isLastWord(t.value[j])) j--;
  if (j >= from && ordinalValue(t.value[j]) !== null) round = ordinalValue(t.value[j]);
  else if (j >= from && isNextWord(t.value[j]) && (t.pos[j] === Pos.ADJ || t.pos[j] === Pos.DET)) next = true;
  else if (j >= from && isLastWord(t.value[j]) && (t.pos[j] === Pos.ADJ || t.pos[j] === Pos.DET)) last = true;
  else j = i;
  if (round === null && !next && i + 1 < t.sentenceEnd[t.sentence[i]] && cardinalValue(t.value[i + 1]) !== null) {
    round = cardinalValue(t.value[i + 1]);
    after = true;
  }
  let first = j;
  if (first - 1 >= from && t.pos[first - 1] === Pos.DET) first--;
  return { round, next, last, first, after };
}

/** The stretch of the clause around token i between commas: "… in 2027, the two governments
 * said on Monday after the seventh round ended" puts the seventh round outside the future. */
export function segmentOf(ctx: LedgerContext, i: number): { first: number; end: number } {
  const t = ctx.t;
  const c = clauseOf(ctx, i);
  let first = i;
  while (first > c.first && t.value[first - 1] !== ',') first--;
  let end = i;
  while (end < c.end && t.value[end] !== ',') end++;
  return { first, end };
}

/** A future clause: a modal before the mention ("will hold the next round") or right after it
 * ("the seventh round would be held"), an intention ("agreed to hold"), "to" + verb in a headline. */
function futureClause(ctx: LedgerContext, m: SeriesMention): boolean {
  const t = ctx.t;
  const lex = commitmentLexicon();
  const subordinators = languageTables().subordinators;
  const seg = segmentOf(ctx, m.first);
  for (let i = m.first - 1; i >= seg.first; i--) {
    if (subordinators.has(t.lower[i]) && t.lower[i] !== 'that') break;
    if (lex.modals.has(t.lower[i]) && (t.pos[i] === Pos.AUX || t.pos[i] === Pos.VERB)) return true;
    if (t.lower[i] === 'to' && i + 1 < m.first && t.pos[i + 1] === Pos.VERB && (i === seg.first || lex.intentTo.has(t.lemma[i - 1]) || t.pos[i - 1] === Pos.NOUN || t.pos[i - 1] === Pos.PROPN)) return true;
  }
  // "the ninth round will take place", "the committee would meet": a modal after the subject
  for (let i = m.last; i < seg.end && i < m.last + 6; i++) {
    if (t.pos[i] === Pos.VERB) break;
    if (lex.modals.has(t.lower[i])) return true;
  }
  return false;
}

/** A date after the report's own in the mention's stretch: "preparations for the ninth round in
 * Beijing next year" is about a round to come. */
function laterDate(ctx: LedgerContext, m: SeriesMention, published: string | null): boolean {
  if (!published) return false;
  const seg = segmentOf(ctx, m.first);
  return ctx.dates.some((d) => d.first >= m.last && d.last <= seg.end && d.value && periodStart(d.value) > published);
}

/** A verb that makes the mention a meeting: "hold the next round", "the round will take place". */
function meetingVerb(ctx: LedgerContext, m: SeriesMention): boolean {
  const t = ctx.t;
  const lex = seriesLexicon();
  const c = clauseOf(ctx, m.first);
  for (let i = m.first - 1; i >= c.first; i--) {
    if (t.pos[i] === Pos.VERB || t.pos[i] === Pos.NOUN) {
      if (lex.meetingVerbs.has(t.lemma[i]) || lex.meetingVerbs.has(t.lower[i])) return true;
      if (t.pos[i] === Pos.VERB) break;
    }
  }
  return happenAfter(ctx, m.last, c.end) >= 0;
}

/** A chair verb right after the mention: "Pakistan-China strategic dialogue co-chaired by …". */
function chairAfter(ctx: LedgerContext, m: SeriesMention): boolean {
  const t = ctx.t;
  const end = clauseOf(ctx, m.first).end;
  for (let i = m.last; i < end && i < m.last + 3; i++) if (seriesLexicon().chairVerbs.has(t.lower[i])) return true;
  return false;
}

/** Where a verb whose subject is the meeting ("will take place", "would be held") ends, or -1. */
export function happenAfter(ctx: LedgerContext, from: number, end: number): number {
  const t = ctx.t;
  const lex = seriesLexicon();
  let i = from;
  // the rest of the subject ("… of CPEC") and the auxiliaries
  let guard = 0;
  while (i < end && guard++ < 8 && !(t.pos[i] === Pos.VERB || t.pos[i] === Pos.AUX)) i++;
  while (i < end && (t.pos[i] === Pos.AUX || t.pos[i] === Pos.ADV || t.pos[i] === Pos.PART) && isHappen(ctx, i, end, lex.happenVerbs) < 0) i++;
  return isHappen(ctx, i, end, lex.happenVerbs);
}

function isHappen(ctx: LedgerContext, i: number, end: number, verbs: string[][]): number {
  const t = ctx.t;
  for (const v of verbs) {
    let ok = i + v.length <= end;
    for (let k = 0; k < v.length && ok; k++) ok = t.lemma[i + k] === v[k] || t.lower[i + k] === v[k];
    if (ok) return i + v.length;
  }
  return -1;
}

/** Parties of a mention: those named in it, "… with Afghanistan", the clause's subject, the pair. */
function partiesOf(ctx: LedgerContext, m: SeriesMention): string[] {
  const t = ctx.t;
  const c = clauseOf(ctx, m.first);
  const withCodes: string[] = [];
  for (let i = m.last, n = 0; i < c.end && n < 5; i++, n++) {
    if (t.pos[i] === Pos.PUNCT) break;
    if (t.lower[i] === 'with') {
      const a = ctx.roles.mentionAt(i + 1);
      if (a && a.via !== 'locative') withCodes.push(...partyCodes(ctx, { mentions: [a] }));
      break;
    }
  }
  let parties = unique([...m.chain, ...withCodes]);
  const igo = parties.some((p) => p.startsWith('IGO:'));
  if (parties.length < 2 && !igo) {
    const subject = partyCodes(ctx, ctx.roles.subjectOrShared(m.first).party);
    const fill = subject.length >= 2 || (subject.length === 1 && parties.length === 1 && subject[0] !== parties[0]) ? subject : ctx.pair ?? subject;
    parties = unique([...m.chain, ...fill, ...withCodes]);
  }
  return parties;
}

/** Codes in the order the report's body first names them ("Pakistan and China …" → PAK, CHN). */
function documentOrder(ctx: LedgerContext): Map<string, number> {
  const order = new Map<string, number>();
  // names first: a dateline ("BEIJING:") or a pronoun says nothing about the order
  const named = ctx.layer.mentions.filter((m) => m.via === 'name');
  const body = named.filter((m) => ctx.a.sentences[m.sentence].role === 'body');
  const rest = ctx.layer.mentions.filter((m) => !body.includes(m));
  for (const m of [...body, ...rest]) {
    if (m.via === 'locative') continue;
    for (const c of mentionCodes(ctx, m)) if (!order.has(c)) order.set(c, order.size);
  }
  return order;
}

interface Candidate {
  value: string;
  at: number;
  role: string;
}

/** The report's dialogue series. */
export function readSeries(ctx: LedgerContext): SeriesReading {
  const mentions = findMentions(ctx);
  const published = ctx.a.published;
  for (const m of mentions) {
    if (m.tense === 'past') continue;
    const future = futureClause(ctx, m) || laterDate(ctx, m, published);
    if (m.nextWord) m.tense = 'next';
    else if (future && (m.round !== null || meetingVerb(ctx, m))) m.tense = 'next';
    else if (future) m.tense = 'mention';
    else m.tense = 'current';
    if (m.mechanism) m.parties = partiesOf(ctx, m);
  }
  // named mentions have their own key; generic and bare ones point at the report's main series
  const named = (m: SeriesMention) => m.mechanism && (!m.mechanism.generic || m.chain.length > 0);
  const counts = new Map<string, number>();
  for (const m of mentions) {
    if (!named(m)) continue;
    m.key = seriesKeyOf(m.parties, m.mechanism!.key);
    counts.set(m.key, (counts.get(m.key) ?? 0) + 1 + (m.round !== null ? 1 : 0));
  }
  let main: string | null = null;
  let best = 0;
  for (const [k, n] of counts) {
    const parties = k.split('/')[0].split('+');
    const bonus = ctx.pair && ctx.pair.every((p) => parties.includes(p)) && parties.length === ctx.pair.length ? 100 : 0;
    if (n + bonus > best) {
      best = n + bonus;
      main = k;
    }
  }
  for (const m of mentions) {
    if (m.key) continue;
    // "… the eighth round of the Strategic Dialogue, and … the ninth round": a bare round is a
    // round of the series just numbered
    if (!m.mechanism) {
      const before = mentions.filter((x) => x.key && x.round !== null && x.first < m.first && m.sentence - x.sentence <= 1);
      const near = before[before.length - 1];
      if (near) {
        m.key = near.key;
        m.parties = near.parties;
        continue;
      }
    }
    if (main) {
      m.key = main;
      if (!m.parties.length) m.parties = main.split('/')[0].split('+');
    } else if (m.mechanism) {
      m.key = seriesKeyOf(m.parties, m.mechanism.key);
    }
  }
  const keys = unique(mentions.filter((m) => m.key).map((m) => m.key!));
  if (main) keys.sort((a, b) => (a === main ? -1 : b === main ? 1 : 0));
  const order = documentOrder(ctx);
  const series = keys.map((k) => buildSeries(ctx, k, mentions.filter((m) => m.key === k), mentions, order, published, k === main));
  return { series, mentions, main, keys };
}

function buildSeries(ctx: LedgerContext, key: string, ms: SeriesMention[], allMentions: SeriesMention[], order: Map<string, number>, published: string | null, main: boolean): SeriesOut {
  const t = ctx.t;
  const lex = seriesLexicon();
  const venue = (p: TokenMention) => {
    const place = ctx.a.places.find((x) => x.ref === p.ref);
    return !!place && lex.venueKinds.has(place.kind);
  };
  const inClause = <T extends TokenMention>(list: T[], m: SeriesMention) => {
    const c = clauseOf(ctx, m.first);
    return list.filter((x) => x.first >= c.first && x.last <= c.end);
  };
  // the name: the longest wording, with the parties' names in front when no wording has them
  const namedMs = ms.filter((m) => m.name);
  const withChain = namedMs.filter((m) => m.chain.length > 0);
  const pool = withChain.length ? withChain : namedMs;
  let name = pool.reduce((a, m) => (m.name.length > a.length ? m.name : a), '');
  const rank = (c: string) => order.get(c) ?? Number.MAX_SAFE_INTEGER;
  const parties = unique(ms.flatMap((m) => m.parties)).sort((a, b) => rank(a) - rank(b));
  if (!withChain.length && name) {
    const names = gazetteer().stateNames;
    const chainText = parties.map((p) => names.get(p) ?? p).join('-');
    name = `${chainText} ${name.replace(/^(the|their|its)\s+/i, '')}`;
  }
  if (!name) name = key.split('/')[1];
  name = name.replace(/’/g, "'");

  const current = ms.filter((m) => m.tense === 'current');
  const next = ms.filter((m) => m.tense === 'next');
  const round = current.find((m) => m.round !== null)?.round ?? null;

  const dates: Candidate[] = [];
  const places: Candidate[] = [];
  const chairs: Array<{ name: string; at: number; code: string | null }> = [];
  const person = (c: { first: number; end: number }) => {
    for (const a of ctx.layer.mentions) {
      if (a.kind !== 'person' || a.via === 'pronoun' || a.first < c.first || a.last > c.end) continue;
      // a "person" inside the name of a mechanism is a misreading of the name
      if (allMentions.some((m) => m.nameLast > m.nameFirst && a.first < m.nameLast && a.last > m.nameFirst)) continue;
      chairs.push({ name: ctx.layer.actors.get(a.ref)?.name ?? a.ref, at: a.first, code: a.code });
    }
  };
  const sentenceRole = (i: number) => ctx.a.sentences[t.sentence[i]].role;
  for (const m of current) {
    for (const d of inClause(ctx.dates, m)) if (d.value && (!published || periodStart(d.value) <= published)) dates.push({ value: d.value, at: d.first, role: sentenceRole(d.first) });
    for (const p of inClause(ctx.places, m)) if (p.ref && venue(p)) places.push({ value: p.ref, at: p.first, role: sentenceRole(p.first) });
    // the people of a clause that holds the meeting ("Dar and Wang held the sixth round", "the
    // dialogue co-chaired by …"), not of one that only speaks of it ("welcomed the dialogue")
    if (meetingVerb(ctx, m) || chairAfter(ctx, m)) person(clauseOf(ctx, m.first));
  }
  // "Sunday's session was co-chaired by …": a chair verb with a word for the meeting
  if (current.length && main) {
    for (const sent of ctx.a.sentences) {
      if (ms.some((m) => m.sentence === sent.index)) continue;
      const from = t.sentenceFirst[sent.index];
      const to = t.sentenceEnd[sent.index];
      let chair = -1;
      for (let i = from; i < to; i++) if (lex.chairVerbs.has(t.lower[i])) chair = i;
      if (chair < 0) continue;
      person(clauseOf(ctx, chair));
    }
  }
  const cochairs = unique(chairs.filter((c) => !c.code || parties.includes(c.code)).sort((a, b) => a.at - b.at).map((c) => c.name));

  let nextOut: SeriesOut['next'] = null;
  if (next.length) {
    let nRound: number | null = next.find((m) => m.round !== null)?.round ?? null;
    if (nRound === null && round !== null) nRound = round + 1;
    const dues: Candidate[] = [];
    const venues: Candidate[] = [];
    for (const m of next) {
      const seg = segmentOf(ctx, m.first);
      const inSeg = (x: TokenMention) => x.first >= seg.first && x.last <= seg.end && x.first >= m.last;
      for (const d of ctx.dates.filter(inSeg)) if (d.value && notBefore(d.value, published)) dues.push({ value: d.value, at: d.first, role: sentenceRole(d.first) });
      for (const p of ctx.places.filter(inSeg)) if (p.ref && venue(p)) venues.push({ value: p.ref, at: p.first, role: sentenceRole(p.first) });
    }
    nextOut = { round: nRound, due: pickDate(dues), place: pickVote(venues) };
  }
  return { name, parties, round, date: pickDate(dates), place: pickVote(places), cochairs, next: nextOut };
}

/** The most precise date; among equally precise ones the most frequent, then the first in the body. */
function pickDate(cands: Candidate[]): string | null {
  if (!cands.length) return null;
  const precision = Math.max(...cands.map((c) => c.value.length));
  return pickVote(cands.filter((c) => c.value.length === precision));
}

function pickVote(cands: Candidate[]): string | null {
  if (!cands.length) return null;
  const n = new Map<string, number>();
  for (const c of cands) n.set(c.value, (n.get(c.value) ?? 0) + (c.role === 'body' ? 2 : 1));
  let best: string | null = null;
  let bestN = 0;
  for (const c of [...cands].sort((a, b) => a.at - b.at)) {
    const k = n.get(c.value)!;
    if (k > bestN) {
      best = c.value;
      bestN = k;
    }
  }
  return best;
}
