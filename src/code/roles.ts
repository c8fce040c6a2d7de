// Who did it and to whom: the source from the clause's subject (or a possessor, a by-phrase,
// the clause the subject is shared with), the target from the first actor after the trigger
// in the same clause, before any topic preposition ("exchanged views on Afghanistan").
import { Pos } from '../language/pos.js';
import type { Language } from '../language/layer.js';
import type { ActorMention } from '../extract/actor-mention.js';
import { ClauseKind } from '../language/clauses.js';
import { languageTables } from '../lexicon/language.js';

/** Words after which an actor is a topic, not the addressee. */
const TOPIC = new Set(['on', 'about', 'regarding', 'concerning', 'over', 'including', 'amid', 'like', 'such']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);
/** For hostile acts these introduce the one hit: "a strike on Pakistani territory", "fired at X". */
const HOSTILE_ADDRESSEE = new Set(['on', 'at', 'upon', 'into', 'in']);
const POSSESSIVE = new Set(['my', 'our', 'his', 'her', 'their', 'its', 'your']);
const JOIN = new Set(['and', ',', '-', '&', '–', 'as', 'well', 'the']);
/** Prepositions that introduce an addressee: "met with X", "a visit to X", "a call from X". */
const ADDRESSEE = new Set(['with', 'to', 'between', 'among', 'toward', 'towards', 'by', 'for', 'against']);

export interface Party {
  /** The mentions that fill the role (several when coordinated: "Pakistan and China"). */
  mentions: ActorMention[];
}

export class Roles {
  /** Per token: index of the actor mention covering it, or -1. */
  private at: Int32Array;

  constructor(private lang: Language, private mentions: ActorMention[]) {
    this.at = new Int32Array(lang.tokens.count).fill(-1);
    mentions.forEach((m, k) => {
      for (let i = m.first; i < m.last; i++) this.at[i] = k;
    });
  }

  mentionAt(i: number): ActorMention | null {
    const k = this.at[i];
    return k >= 0 ? this.mentions[k] : null;
  }

  /** A passive verb: a form of "be" (and adverbs) before a past participle. */
  isPassive(i: number): boolean {
    const t = this.lang.tokens;
    if (t.pos[i] !== Pos.VERB) return false;
    const v = t.lower[i];
    if (v.endsWith('ing') || v === t.lemma[i]) return false;
    // a participle after a noun with its agent: "a ceasefire brokered by Qatar and Egypt"
    // — an actor in the by-phrase, for "Pezeshkian spoke by phone" is active
    if (i > 0 && (t.pos[i - 1] === Pos.NOUN || t.pos[i - 1] === Pos.PROPN) && i + 1 < t.count && t.lower[i + 1] === 'by') {
      let j = i + 2;
      while (j < t.count && (t.pos[j] === Pos.DET || t.pos[j] === Pos.ADJ)) j++;
      if (j < t.count && this.mentionAt(j)) return true;
    }
    for (let j = i - 1, n = 0; j >= 0 && n < 3; j--, n++) {
      if (BE.has(t.lower[j]) && (t.pos[j] === Pos.AUX || t.pos[j] === Pos.VERB)) return true;
      if (t.pos[j] !== Pos.ADV && t.pos[j] !== Pos.AUX && t.pos[j] !== Pos.PART) return false;
    }
    return false;
  }

  /** Mentions coordinated with `m` to its left ("Pakistan and China", "Dar and Wang"). */
  private extendLeft(m: ActorMention, floor: number): ActorMention[] {
    const t = this.lang.tokens;
    const group = [m];
    let cur = m;
    for (;;) {
      let j = cur.first - 1;
      let joined = false;
      while (j >= floor && JOIN.has(t.lower[j])) {
        joined = true;
        j--;
      }
      const prev = j >= floor ? this.mentionAt(j) : null;
      // a place ("during his visit to Beijing, Dar and …") is no member of a coordination
      if (!joined || !prev || prev === cur || prev.via === 'locative') break;
      group.unshift(prev);
      cur = prev;
    }
    return group;
  }

  private extendRight(m: ActorMention, ceiling: number): ActorMention[] {
    const t = this.lang.tokens;
    const group = [m];
    let cur = m;
    for (;;) {
      let j = cur.last;
      let joined = false;
      while (j < ceiling && JOIN.has(t.lower[j])) {
        joined = true;
        j++;
      }
      // "the EU and some other countries, including the US, Britain and Canada"
      if (!this.mentionAt(j)) {
        let k = j;
        while (k < ceiling && k - j < 6 && t.lower[k] !== 'including' && !this.mentionAt(k) && t.pos[k] !== Pos.VERB) k++;
        if (k < ceiling && t.lower[k] === 'including') {
          j = k + 1;
          while (j < ceiling && JOIN.has(t.lower[j])) j++;
          joined = true;
        }
      }
      const next = j < ceiling ? this.mentionAt(j) : null;
      if (!joined || !next || next === cur || next.via === 'locative') break;
      group.push(next);
      cur = next;
    }
    return group;
  }

  private clauseStart(i: number): number {
    const c = this.lang.clauses;
    return c.first[c.of[i]];
  }
  private clauseEnd(i: number): number {
    const c = this.lang.clauses;
    return c.end[c.of[i]];
  }

  /** "X's support for …": a possessor right before the trigger (modifiers may stand between). */
  possessor(first: number): Party | null {
    const t = this.lang.tokens;
    let j = first - 1;
    while (j >= 0 && (t.pos[j] === Pos.ADJ || t.pos[j] === Pos.ADV)) j--;
    // "X's visit", and the plural "the two sides' dialogue"
    if (j < 1 || !(t.lower[j] === "'s" || t.lower[j] === '’s' || t.lower[j] === "'" || t.lower[j] === '’')) return null;
    const m = this.mentionAt(j - 1);
    return m ? { mentions: [m] } : null;
  }

  /** Coordinated actors right before a noun trigger: "Pakistan-China strategic dialogue". */
  modifierPair(first: number): Party | null {
    const t = this.lang.tokens;
    if (t.pos[first] === Pos.VERB || t.pos[first] === Pos.AUX) return null;
    let j = first - 1;
    while (j >= 0 && j >= first - 3 && t.pos[j] === Pos.ADJ && !this.mentionAt(j)) j--;
    const m = j >= 0 ? this.mentionAt(j) : null;
    if (!m || m.last !== j + 1) return null;
    const group = this.extendLeft(m, this.clauseStart(first));
    return group.length >= 2 ? { mentions: group } : null;
  }

  /** The subject of the clause the trigger stands in, or null. For a noun trigger ("thanked X
   * for the visit") the subject is the one of the verb that governs it, before that verb. */
  subject(first: number): Party | null {
    const t = this.lang.tokens;
    const from = this.clauseStart(first);
    let limit = first;
    if (t.pos[first] === Pos.NOUN || t.pos[first] === Pos.PROPN) {
      for (let k = first - 1; k >= from; k--) {
        if (t.pos[k] === Pos.VERB || t.pos[k] === Pos.AUX) {
          limit = k;
          break;
        }
      }
    }
    for (let j = limit - 1; j >= from; j--) {
      const m = this.mentionAt(j);
      if (!m) continue;
      j = m.first;
      if (m.via === 'locative') continue;
      // an actor after a preposition is not the subject ("in Beijing", "with the UK")
      let before = m.first - 1;
      while (before >= from && (t.pos[before] === Pos.DET || t.pos[before] === Pos.ADJ || this.inCompound(before))) before--;
      // … except "the leaders of both countries", "the militaries of Thailand and Cambodia"
      // a verb's object ("calling it regrettable") is not the subject; a name right after a
      // verb of saying that has a verb of its own is ("said Cambodia had deployed …")
      if (before >= from && t.pos[before] === Pos.VERB && !(m.last < limit + 1 && (t.pos[m.last] === Pos.AUX || t.pos[m.last] === Pos.VERB))) continue;
      const ofHead = before > from && (t.lower[before] === 'of' || t.lower[before] === 'for') && (t.pos[before - 1] === Pos.NOUN || t.pos[before - 1] === Pos.PROPN) && !this.mentionAt(before - 1);
      if (before >= from && t.pos[before] === Pos.ADP && !ofHead) continue;
      // a possessor modifies a noun ("Pakistan's efforts"), it is not the subject
      if (m.last < limit && (t.lower[m.last] === "'s" || t.lower[m.last] === '’s')) continue;
      // an actor inside a subject headed by another noun is not it: in "The first batch of aid
      // dispatched by China for Afghanistan arrived", neither country arrived
      if (!this.headsSubject(m, from, limit)) return null;
      return { mentions: this.extendLeft(m, from) };
    }
    return null;
  }

  /** A noun phrase after a form of "be": a predicate ("Pakistan and China are all-weather
   * partners"), whose subject is the clause's. */
  predicate(first: number): boolean {
    const t = this.lang.tokens;
    let j = first - 1;
    while (j >= 0 && (t.pos[j] === Pos.DET || t.pos[j] === Pos.ADJ || t.pos[j] === Pos.ADV || this.inCompound(j))) j--;
    if (j < 0 || t.lemma[j] !== 'be') return false;
    // the copula's subject is an actor right before it ("China are"), not "there had been"
    let k = j - 1;
    while (k >= 0 && (t.pos[k] === Pos.AUX || t.pos[k] === Pos.ADV || t.pos[k] === Pos.PART)) k--;
    return k >= 0 && this.mentionAt(k) !== null;
  }

  /** A word glued to a hyphen: part of a compound modifier ("earthquake-hit", "long-term"). */
  private inCompound(i: number): boolean {
    const t = this.lang.tokens;
    return (i > 0 && t.value[i - 1] === '-' && t.start[i] === t.end[i - 1]) || (i + 1 < t.count && t.value[i + 1] === '-' && t.start[i + 1] === t.end[i]) || t.value[i] === '-';
  }

  /** Where the subject starts: after introductory phrases ("On issues of core interest,",
   * "Regionally,", "Earlier this month,") that end in a comma before the verb, also when a
   * date's year stands between two commas ("On February 14, 2014, …"). */
  private subjectStart(from: number, limit: number): number {
    const t = this.lang.tokens;
    let s0 = from;
    for (;;) {
      const p = t.pos[s0];
      const yearBetweenCommas = s0 > from && p === Pos.NUM && s0 + 1 < limit && t.value[s0 + 1] === ',';
      // "Speaking at a press conference on Monday, the minister …": a participle phrase
      const openingParticiple = s0 === from && p === Pos.VERB && t.lower[s0] !== t.lemma[s0] && (t.lower[s0].endsWith('ing') || t.lower[s0].endsWith('ed'));
      if (!(p === Pos.ADP || p === Pos.SCONJ || p === Pos.ADV || yearBetweenCommas || openingParticiple)) return s0;
      let k = s0;
      while (k < limit && t.value[k] !== ',') k++;
      if (k >= limit) return s0;
      s0 = k + 1;
    }
  }

  /** Whether mention m is (part of) the head of its clause's subject, not a modifier inside it. */
  private headsSubject(m: ActorMention, from: number, limit: number): boolean {
    const t = this.lang.tokens;
    let s0 = this.subjectStart(from, limit);
    // "the spokesperson said Islamabad rejected …": a subject starts after the verb before it
    for (let k = m.first - 1; k > s0; k--) {
      if ((t.pos[k] === Pos.VERB || t.pos[k] === Pos.AUX) && !this.inCompound(k)) {
        s0 = k + 1;
        break;
      }
    }
    let depth = 0; // inside a parenthetical between commas
    for (let i = s0; i < m.first; i++) {
      if (this.mentionAt(i)) {
        i = this.mentionAt(i)!.last - 1;
        continue;
      }
      const p = t.pos[i];
      if (t.value[i] === ',') {
        depth = depth ? 0 : 1;
        continue;
      }
      if (depth) continue;
      if ((p === Pos.NOUN || p === Pos.PROPN || p === Pos.NUM) && i + 1 < m.first) {
        // "the leaders of both countries", "a spokesperson for Cambodia's ministry"
        const next = t.lower[i + 1];
        if (next === 'of' || next === 'for') {
          i++;
          continue;
        }
        // a noun that ends a phrase at a comma heads nothing after it: "… along the border,
        // the militaries of both countries said"
        if (next === ',') continue;
        if (t.pos[i + 1] === Pos.NOUN || t.pos[i + 1] === Pos.PROPN || t.pos[i + 1] === Pos.ADJ) continue;
        return false;
      }
      if (p === Pos.NOUN || p === Pos.PROPN) return false;
    }
    return true;
  }

  /** The subject, else the subject of the clause this one shares it with. */
  subjectOrShared(first: number): { party: Party | null; inherited: boolean } {
    const inverted = this.invertedSubject(first);
    if (inverted) return { party: inverted, inherited: false };
    const own = this.subject(first);
    if (own) return { party: own, inherited: false };
    const c = this.lang.clauses;
    const t = this.lang.tokens;
    const k0 = c.of[first];
    const kind = c.kind[k0];
    // a participle or a coordinated verb shares the subject of the clause it continues, and so
    // does "while agreeing to …"; "that the attack left …" has its own subject
    if (kind === ClauseKind.Subordinate) {
      const after = c.first[k0] + 1;
      if (after < t.count && t.pos[after] !== Pos.VERB && t.pos[after] !== Pos.ADV) return { party: null, inherited: false };
    } else if (kind !== ClauseKind.Participle && kind !== ClauseKind.Coordinate) return { party: null, inherited: false };
    const sentenceStart = t.sentenceFirst[t.sentence[first]];
    // "…, the militaries of both countries said, accusing each other": a participle shares the
    // subject of the verb just before it
    if (kind === ClauseKind.Participle) {
      let v = c.first[k0] - 1;
      while (v >= sentenceStart && t.pos[v] !== Pos.VERB) v--;
      const near = v >= sentenceStart ? this.subject(v) : null;
      if (near) return { party: near, inherited: true };
    }
    for (let k = k0 - 1; k >= 0 && c.first[k] >= sentenceStart; k--) {
      const kk = c.kind[k];
      // embedded clauses in between ("said that …, condemned …") do not give the subject
      if (kk === ClauseKind.Subordinate || kk === ClauseKind.Relative || kk === ClauseKind.Attribution || kk === ClauseKind.Conditional) continue;
      let verb = c.first[k];
      while (verb < c.end[k] && t.pos[verb] !== Pos.VERB && t.pos[verb] !== Pos.AUX) verb++;
      // a clause with no verb of its own is a subject waiting for one past a relative clause:
      // "India and Pakistan, which fought three wars, agreed …"
      const p = verb < c.end[k] ? this.subject(verb) : this.subject(c.end[k] - 1);
      if (p) return { party: p, inherited: true };
      if (kk === ClauseKind.Main || kk === ClauseKind.Separate) break;
    }
    return { party: null, inherited: false };
  }

  /** "… broke out between Thailand and Cambodia": parties named by 'between' later in the clause. */
  betweenLater(last: number): Party | null {
    const t = this.lang.tokens;
    const end = this.clauseEnd(last - 1);
    for (let j = last; j < end - 1; j++) {
      if (t.lower[j] !== 'between') continue;
      let k = j + 1;
      while (k < end && (t.pos[k] === Pos.DET || t.pos[k] === Pos.ADJ)) k++;
      const m = k < end ? this.mentionAt(k) : null;
      if (!m || m.via === 'locative') return null;
      const group = this.extendRight(m, end);
      return group.length >= 2 || m.members ? { mentions: group } : null;
    }
    return null;
  }

  /** For an event noun that is its clause's subject ("Indonesian aid reaches Türkiye"): the
   * addressee after the clause's verb. Capitals after "in"/"at" count here ("arrived in Kabul"). */
  predicateTarget(last: number, exclude: Set<string>, codesOf: (m: ActorMention) => string[]): Party | null {
    const t = this.lang.tokens;
    const end = this.clauseEnd(last - 1);
    let v = last;
    while (v < end && t.pos[v] !== Pos.VERB) v++;
    if (v >= end) return null;
    for (let j = v + 1; j < end && j < v + 6; j++) {
      const m = this.mentionAt(j);
      if (m) return codesOf(m).some((c) => !exclude.has(c)) ? { mentions: [m] } : null;
      const p = t.pos[j];
      if (!(p === Pos.ADP || p === Pos.DET || p === Pos.ADJ)) return null;
    }
    return null;
  }

  /** A "by …" phrase after the verb (an agent that may be no actor: "killed by earthquakes"). */
  hasByPhrase(last: number): boolean {
    const t = this.lang.tokens;
    const end = this.clauseEnd(last - 1);
    for (let j = last; j < end && j < last + 4; j++) if (t.lower[j] === 'by') return true;
    return false;
  }

  /** After a quotation the speaker may follow the verb: '"…," said the ministry',
   * '"…" acknowledged President Obama'. */
  invertedSubject(first: number): Party | null {
    const t = this.lang.tokens;
    const from = t.sentenceFirst[t.sentence[first]];
    let j = first - 1;
    const afterComma = j >= from && t.value[j] === ',';
    if (afterComma) j--;
    const q = j >= from ? t.value[j] : '';
    const quoted = q === '"' || q === '”' || q === "''" || q === '’’' || (q === ',' && j - 1 >= from && t.value[j - 1] === '"');
    // without a quotation mark: a verb of saying after a comma, its subject ending the sentence
    // ("…, acknowledged President Obama.")
    const postposed = !quoted && afterComma && languageTables().sayingVerbs.has(t.lemma[first]);
    if (!quoted && !postposed) return null;
    let k = first + 1;
    const end = t.sentenceEnd[t.sentence[first]];
    while (k < end && (t.pos[k] === Pos.DET || t.pos[k] === Pos.ADJ)) k++;
    const m = k < end ? this.mentionAt(k) : null;
    if (!m || m.via === 'locative') return null;
    if (postposed && !(m.last === end || (m.last + 1 === end && t.pos[m.last] === Pos.PUNCT))) return null;
    return { mentions: [m] };
  }

  /** The agent of a passive: "by X" after the verb in its clause. */
  agent(last: number): Party | null {
    const t = this.lang.tokens;
    const end = this.clauseEnd(last - 1);
    for (let j = last; j < end - 1; j++) {
      if (t.lower[j] !== 'by') continue;
      let k = j + 1;
      while (k < end && (t.pos[k] === Pos.DET || t.pos[k] === Pos.ADJ)) k++;
      const m = k < end ? this.mentionAt(k) : null;
      if (m && m.via !== 'locative') return { mentions: this.extendRight(m, end) };
    }
    return null;
  }

  /**
   * The first actor after the trigger in its clause, with those coordinated with it, skipping
   * actors that are the source itself; stops at a topic preposition.
   */
  target(last: number, exclude: Set<string>, codesOf: (m: ActorMention) => string[]): { party: Party | null; insideSource: boolean } {
    const t = this.lang.tokens;
    let end = this.clauseEnd(last - 1);
    // "recommend that the EU … deal with …", "demanded that Iran release …": the addressee is
    // the subject of the that-clause right after the verb
    if (end === last && last < t.count && t.lower[last] === 'that' && t.sentence[last] === t.sentence[last - 1]) end = this.clauseEnd(last);
    // "suspend all visits which were planned between Pakistan and Iran": a relative clause
    // right after the object describes it, and may name the addressee
    const c = this.lang.clauses;
    const k = c.of[Math.max(0, end - 1)];
    if (end < t.count && t.sentence[end] === t.sentence[last - 1] && c.kind[c.of[end]] === ClauseKind.Relative && c.of[end] === k + 1) end = c.end[k + 1];
    let insideSource = false;
    for (let j = last; j < end; j++) {
      const m = this.mentionAt(j);
      if (!m) {
        // a preposition right after the trigger is its own ("sanctions on Iran"); later ones
        // introduce topics ("called for calm over the dispute")
        if (j > last && TOPIC.has(t.lower[j]) && t.pos[j] === Pos.ADP) break;
        continue;
      }
      const codes = codesOf(m);
      // "the Pakistan-China-Bangladesh mechanism": a hyphenated chain of actors that holds the
      // whole (joint) source names the source's own mechanism with a third party, not an addressee
      const chain = this.hyphenChain(m);
      if (chain.length >= 2 && exclude.size >= 2) {
        const chainCodes = new Set(chain.flatMap(codesOf));
        if ([...exclude].every((c) => chainCodes.has(c))) {
          j = chain[chain.length - 1].last - 1;
          continue;
        }
      }
      if (codes.length && codes.every((c) => exclude.has(c))) {
        insideSource = true;
        j = m.last - 1;
        continue;
      }
      return { party: { mentions: this.extendRight(m, end) }, insideSource };
    }
    return { party: null, insideSource };
  }

  /**
   * The addressee right after the trigger: its object ("met Putin", "received the UK Secretary")
   * or the actor of an addressee preposition ("talks with X", "a visit to X"). Consultations
   * and statements take no deeper actor: "discussed developments in Libya" names a topic.
   */
  directTarget(last: number, exclude: Set<string>, codesOf: (m: ActorMention) => string[], hostile = false): { party: Party | null; insideSource: boolean } {
    const t = this.lang.tokens;
    const end = this.clauseEnd(last - 1);
    let insideSource = false;
    for (let j = last; j < end; j++) {
      const m = this.mentionAt(j);
      // "arrived in Colombo": a capital right after a trigger that ends in its preposition is
      // the place visited, and stands for its country
      if (m && m.via === 'locative' && !(j === last && t.pos[last - 1] === Pos.ADP)) break;
      if (m) {
        const codes = codesOf(m);
        if (codes.length && codes.every((c) => exclude.has(c))) {
          insideSource = true;
          j = m.last - 1;
          continue;
        }
        return { party: { mentions: this.extendRight(m, end) }, insideSource };
      }
      const p = t.pos[j];
      const w = t.lower[j];
      if (p === Pos.DET || p === Pos.ADJ || p === Pos.ADV || p === Pos.NUM || (p === Pos.PRON && POSSESSIVE.has(w))) continue;
      // the hyphen inside a compound modifier: "the one-China principle"
      if (w === '-' && j > last && t.start[j] === t.end[j - 1] && j + 1 < end && t.start[j + 1] === t.end[j]) continue;
      if (p === Pos.ADP && (ADDRESSEE.has(w) || (hostile && HOSTILE_ADDRESSEE.has(w)))) continue;
      // "held a meeting with X", "paid a visit to X", "500 million euros in aid to Ukraine": a
      // noun, then a preposition; "received visiting King Abdullah": a participle modifier
      if ((p === Pos.NOUN || p === Pos.PROPN) && j + 1 < end && t.pos[j + 1] === Pos.ADP) continue;
      // "thanked the government and the people of Egypt": a noun coordinated with an actor
      if ((p === Pos.NOUN || p === Pos.PROPN) && j + 2 < end && t.lower[j + 1] === 'and') {
        let k = j + 2;
        if (t.pos[k] === Pos.DET) k++;
        const next = k < end ? this.mentionAt(k) : null;
        if (next && next.via !== 'locative') {
          j = k - 1;
          continue;
        }
      }
      if (p === Pos.VERB && (w.endsWith('ing') || w.endsWith('ed')) && j === last && t.pos[last - 1] === Pos.VERB && j + 1 < end && (this.mentionAt(j + 1) || t.pos[j + 1] === Pos.ADJ)) continue;
      // "met on Friday with X", "arrived in Kuwait": a phrase of time or place before the addressee;
      // a topic ("exchanged views on the fight against Boko Haram") ends the search
      if (p === Pos.ADP && (!TOPIC.has(w) || (j + 1 < end && (t.pos[j + 1] === Pos.NUM || t.pos[j + 1] === Pos.PROPN)))) {
        const k = this.skipPhrase(j + 1, end);
        if (k > j + 1 && k < end && (ADDRESSEE.has(t.lower[k]) || this.mentionAt(k))) {
          j = k - 1;
          continue;
        }
      }
      break;
    }
    return { party: null, insideSource };
  }

  /** One past a short noun phrase without actors at i ("Friday", "the margins", "Sochi"). */
  private skipPhrase(i: number, end: number): number {
    const t = this.lang.tokens;
    let j = i;
    while (j < end && j - i < 5 && (!this.mentionAt(j) || this.mentionAt(j)!.via === 'locative')) {
      const p = t.pos[j];
      if (p === Pos.DET || p === Pos.ADJ || p === Pos.NUM || p === Pos.NOUN || p === Pos.PROPN || (p === Pos.PRON && POSSESSIVE.has(t.lower[j]))) j++;
      else break;
    }
    return j;
  }

  /** The first actor inside the trigger's own words ("expulsion of German diplomats",
   * "summoned the Iranian ambassador") that is not one of `exclude`. */
  innerTarget(first: number, last: number, exclude: Set<string>, codesOf: (m: ActorMention) => string[]): Party | null {
    for (let k = first; k < last; k++) {
      const inner = this.mentionAt(k);
      if (inner && inner.via !== 'locative' && codesOf(inner).some((c) => !exclude.has(c))) return { mentions: [inner] };
    }
    return null;
  }

  /** A state adjective right before a noun trigger is its doer: "Turkish auspices", "Iranian attacks". */
  adjectiveSource(first: number): Party | null {
    const t = this.lang.tokens;
    let j = first - 1;
    while (j >= 0 && t.pos[j] === Pos.ADJ && !this.mentionAt(j)) j--;
    const m = j >= 0 ? this.mentionAt(j) : null;
    if (!m || m.last !== j + 1 || m.via !== 'adjective') return null;
    return { mentions: [m] };
  }

  /** Mentions joined by hyphens without spaces: "Pakistan-China-Afghanistan". */
  hyphenChain(m: ActorMention): ActorMention[] {
    const t = this.lang.tokens;
    const chain = [m];
    let cur = m;
    while (cur.last + 1 < t.count && t.value[cur.last] === '-' && t.start[cur.last] === t.end[cur.last - 1]) {
      const next = this.mentionAt(cur.last + 1);
      if (!next || next === cur) break;
      chain.push(next);
      cur = next;
    }
    return chain;
  }

  /** "the meeting", "this visit", "my visit": a definite noun that points at a known event. */
  definite(first: number): boolean {
    const t = this.lang.tokens;
    let j = first - 1;
    while (j >= 0 && (t.pos[j] === Pos.ADJ || t.pos[j] === Pos.NUM)) j--;
    if (j < 0) return false;
    const w = t.lower[j];
    return w === 'the' || w === 'this' || w === 'that' || w === 'these' || w === 'those' || (t.pos[j] === Pos.PRON && POSSESSIVE.has(w));
  }

  /** "each other", "one another" right after the trigger: the subject's members act on one another. */
  reciprocalObject(last: number, words: string[][]): boolean {
    const t = this.lang.tokens;
    for (const w of words) {
      let ok = true;
      for (let k = 0; k < w.length && ok; k++) ok = t.lower[last + k] === w[k];
      if (ok) return true;
    }
    return false;
  }

  /** A negation cue in the verb group before the trigger, or "no" right before a noun. */
  negated(first: number): boolean {
    const t = this.lang.tokens;
    for (let j = first - 1, n = 0; j >= 0 && n < 4; j--, n++) {
      if (t.negation[j]) return true;
      const p = t.pos[j];
      if (p !== Pos.AUX && p !== Pos.ADV && p !== Pos.PART && p !== Pos.DET) return false;
    }
    return false;
  }

  /** A future or modal auxiliary before the trigger ("will hold", "would continue"). */
  future(first: number, modals: Set<string>): boolean {
    const t = this.lang.tokens;
    // the verb group before the trigger, through one verb ("would continue support for …")
    let verbs = 0;
    for (let j = first - 1, n = 0; j >= 0 && n < 4; j--, n++) {
      if (modals.has(t.lower[j])) return true;
      const p = t.pos[j];
      if (p === Pos.VERB && verbs++ === 0) continue;
      if (p !== Pos.AUX && p !== Pos.ADV && p !== Pos.PART) return false;
    }
    return false;
  }
}
