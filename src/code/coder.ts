// The `code` stage: event patterns in each sentence become CAMEO events with a source, a
// target, modality, negation and the evidence (sentence, trigger, pattern) behind each.
import type { RawDocument } from '../document/types.js';
import type { Analysis, EventOut, RoleFiller } from '../analysis/types.js';
import type { Language } from '../language/layer.js';
import type { ActorLayer } from '../extract/actors.js';
import type { ActorMention } from '../extract/actor-mention.js';
import { ClauseKind } from '../language/clauses.js';
import { Pos } from '../language/pos.js';
import { patternLexicon } from '../lexicon/patterns.js';
import { languageTables } from '../lexicon/language.js';
import { findPatterns, selectMatches, type PatternMatch } from './match.js';
import { Roles, type Party } from './roles.js';
import { cameo, codeUnder, quadOfRoot } from './cameo.js';

interface Draft {
  match: PatternMatch;
  /** The complement an intent frame governs ("agreed to <hold talks>"). */
  complement: PatternMatch | null;
  code: string;
  pattern: string;
  modality: EventOut['modality'];
  why: string[];
}

/** Roots whose acts, done jointly by two parties with no other addressee, are done to each other. */
const MUTUAL_ROOTS = new Set(['03', '04', '06']);
/** Event nouns whose unnamed doer, in a report about a pair, is the party other than the one
 * they are aimed at: hostile acts ("attacks on Pakistani territory") and aid. */
const DOER_FROM_PAIR_ROOTS = new Set(['07', '13', '14', '15', '16', '17', '18', '19', '20']);
/** Roots whose joint acts are mutual when their object is the actors' own relationship. */
const RELATIONSHIP_ROOTS = new Set(['01', '05']);
/** A trigger ending in one of these names its addressee; when that is no actor ("support for a
 * ceasefire", "work with the international community") the act is not one between the subject's members. */
const ADDRESSEE_END = new Set(['with', 'for', 'against', 'toward', 'towards']);

/** Intent to do what a root stands for: 04 → 036 (meet), 06 → 031, 07 → 033, 08 → 034. */
const INTENT_OF_ROOT: Record<string, string> = { '04': '036', '05': '032', '06': '031', '07': '033', '08': '034' };

/** The document's pair as an implicit party (no words of the sentence name it). */
function pairMention(pair: [string, string], sentence: number, at: number, token: number): ActorMention {
  return { start: at, end: at, first: token, last: token, sentence, ref: `group:${pair.join('+')}`, code: null, members: pair, kind: 'collective', via: 'collective' };
}

function filler(m: ActorMention, ref: string, code: string, text: string): RoleFiller {
  return { ref, code, start: m.start, end: m.end, text: text.slice(m.start, m.end) };
}

export function codeEvents(doc: RawDocument, a: Analysis, lang: Language, layer: ActorLayer): EventOut[] {
  const lex = patternLexicon();
  const tables = languageTables();
  const modals = tables.future;
  const t = lang.tokens;
  const roles = new Roles(lang, layer.mentions);
  const events: EventOut[] = [];
  const actors = layer.actors;
  const codeOf = (ref: string) => actors.get(ref)?.code ?? ref;

  /** Every member of a party as [ref, code, mention]: a compound stands for its members. */
  const members = (p: Party): Array<[string, string, ActorMention]> => {
    const out: Array<[string, string, ActorMention]> = [];
    for (const m of p.mentions) {
      if (m.members) for (const r of m.members) out.push([r, codeOf(r), m]);
      else if (m.code) out.push([m.ref, m.code, m]);
    }
    return out;
  };
  const codesOfMention = (m: ActorMention) => (m.members ? m.members.map(codeOf) : m.code ? [m.code] : []);
  /** Whether a sentence names no actor outside the report's pair: only then does "the visit"
   * point at the report's event ("Brazil and Argentina signed accords during the visit" does not). */
  const onlyPairNamed = (sentence: number): boolean => {
    for (const x of layer.mentions) {
      if (x.sentence !== sentence || x.via === 'locative') continue;
      for (const c of codesOfMention(x)) if (!layer.pair!.includes(c)) return false;
    }
    return true;
  };
  /** 1 for tokens inside a date mention. */
  const inDate = new Uint8Array(t.count);
  {
    const dates = a.mentions.filter((x) => x.kind === 'date');
    for (let k = 0, d = 0; k < t.count && d < dates.length; k++) {
      while (d < dates.length && dates[d].end <= t.start[k]) d++;
      if (d < dates.length && dates[d].start <= t.start[k]) inDate[k] = 1;
    }
  }

  /** The sources of the latest earlier events aimed at one of `codes` (from one sentence). */
  const lastActorsOn = (codes: Set<string>): ActorMention[] => {
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i];
      if (!e.target || !codes.has(e.target.code) || codes.has(e.source.code) || e.negated) continue;
      const found = new Map<string, ActorMention>();
      for (let j = i; j >= 0 && events[j].sentence === e.sentence; j--) {
        const x = events[j];
        if (x.target && codes.has(x.target.code) && !codes.has(x.source.code) && !x.negated && !found.has(x.source.code)) {
          found.set(x.source.code, { start: x.source.start, end: x.source.end, first: -1, last: -1, sentence: x.sentence, ref: x.source.ref, code: x.source.code, members: null, kind: 'state', via: 'name' });
        }
      }
      return [...found.values()];
    }
    return [];
  };

  /** The targets of the source's latest earlier response (criticism, rejection …). */
  const lastAnsweredBy = (codes: Set<string>): ActorMention[] => {
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i];
      if (!e.target || !codes.has(e.source.code) || codes.has(e.target.code) || e.negated) continue;
      if (!codeUnder(e.code, tables.responses)) continue;
      return [{ start: e.target.start, end: e.target.end, first: -1, last: -1, sentence: e.sentence, ref: e.target.ref, code: e.target.code, members: null, kind: 'state', via: 'name' }];
    }
    return [];
  };

  /** Whether the noun at i stands in an "as …" predicate: back to "as" only over modifiers,
   * punctuation and coordination ("as “illegitimate, a threat … and a violation …”"). */
  const characterisation = (i: number): boolean => {
    const start = t.sentenceFirst[t.sentence[i]];
    for (let k = i - 1; k >= start && i - k < 16; k--) {
      if (t.lower[k] === 'as') return k > start && (t.pos[k - 1] === Pos.PRON || t.pos[k - 1] === Pos.NOUN || t.pos[k - 1] === Pos.PROPN || t.value[k - 1] === ',');
      const p = t.pos[k];
      if (!(p === Pos.DET || p === Pos.ADJ || p === Pos.PUNCT || p === Pos.CCONJ || p === Pos.NOUN || p === Pos.ADP || p === Pos.PRON)) return false;
    }
    return false;
  };

  /** A to-infinitive right after the party's words ("called on Iran to release …"). */
  const infinitiveAfter = (p: Party): boolean => {
    const lastMention = p.mentions[p.mentions.length - 1];
    let j = lastMention.last;
    if (j < 0) return false;
    while (j < t.count && t.sentence[j] === lastMention.sentence && (t.value[j] === ',' || t.pos[j] === Pos.ADV)) j++;
    return j + 1 < t.count && t.lower[j] === 'to' && t.pos[j + 1] === Pos.VERB;
  };

  for (const s of a.sentences) {
    const from = t.sentenceFirst[s.index];
    const to = t.sentenceEnd[s.index];
    if (from >= to) continue;
    // a date is no trigger: "agreed in March to restore ties" has no protest march
    const matches = selectMatches(findPatterns(lex.root, t, from, to, inDate).filter((x) => !inDate[x.first]));
    const drafts: Draft[] = [];
    const used = new Set<PatternMatch>();
    const speakers: Array<{ at: number; party: Party; told: Party | null }> = [];
    /** "urged Israel to <allow aid>", "invited Iran's president to <visit> Riyadh", "called on
     * Israel to halt <military operations>": what an appeal, demand or invitation asks of its
     * addressee is its content, not yet anyone's act (`requests` in data/lexicon/language.yaml). */
    const requestedOfAddressee = (k: number): boolean => {
      const m = matches[k];
      // the "to" of the complement: right before the trigger, or before its one verb
      let q = m.first - 1;
      if (q >= 0 && t.pos[m.first] !== Pos.VERB) {
        while (q > from && q > m.first - 5 && t.lower[q] !== 'to' && t.pos[q] !== Pos.VERB && t.value[q] !== ',') q--;
        if (q > from && t.pos[q] === Pos.VERB) q--;
      }
      if (q < 1 || t.lower[q] !== 'to') return false;
      const addressee = roles.mentionAt(q - 1);
      if (!addressee) return false;
      for (let j = k - 1; j >= 0; j--) {
        const p = matches[j];
        if (p.last > addressee.first) continue;
        return p.last === addressee.first && !p.pattern.intent && codeUnder(p.pattern.code, tables.requests);
      }
      return false;
    };
    for (let k = 0; k < matches.length; k++) {
      const m = matches[k];
      if (used.has(m)) continue;
      // attributions ("according to a joint communique") are not events, nor are the words of a name
      if (lang.clauses.kind[lang.clauses.of[m.first]] === ClauseKind.Attribution) continue;
      if (layer.names.some((n) => m.first >= n.first && m.first < n.last)) continue;
      // "describing it as “illegitimate, a threat to good neighbourliness and a violation of its
      // sovereignty”": nouns after "as" characterise something, they are not events
      if (t.pos[m.first] === Pos.NOUN && characterisation(m.first)) continue;
      // "including shutting down news outlets", "accusing it of backing extremists": a gerund
      // after a content marker is what something else is about, not an act of the subject
      if (m.first > from && t.lower[m.first].endsWith('ing') && t.pos[m.first] === Pos.VERB && tables.contentMarkers.has(t.lower[m.first - 1])) continue;
      if (requestedOfAddressee(k)) continue;
      const next = matches[k + 1];
      const why: string[] = [];
      if (m.pattern.speech) {
        // a reporting verb: its complement carries the event, and the speaker is remembered
        if (next && next.first - m.last <= 12) {
          const speaker = roles.subjectOrShared(m.first).party;
          // "informed the Iranian government about its decision to …": the one told
          const told = tables.addresseeVerbs.has(t.lemma[m.tokens[0]]) ? roles.directTarget(m.last, new Set(), codesOfMention).party : null;
          if (speaker) speakers.push({ at: m.first, party: speaker, told });
          if (next.first - m.last <= 6 || told) continue;
        }
      }
      let code = m.pattern.code;
      let modality: EventOut['modality'] = 'asserted';
      let complement: PatternMatch | null = null;
      let pattern = m.pattern.pattern;
      if (m.pattern.intent) {
        modality = 'intended';
        if (next && next.first - m.last <= 4 && !next.pattern.speech) {
          complement = next;
          used.add(next);
          pattern = `${m.pattern.pattern} + ${next.pattern.pattern}`;
          const root = next.pattern.code.slice(0, 2);
          if (root === '04') {
            code = '036';
            why.push(`intent: '${m.pattern.pattern}' + meeting '${next.pattern.pattern}' → 036`);
          } else if (!INTENT_OF_ROOT[root] && root !== '03' && root !== '01') {
            // a decision to press, cut or punish is that act: "decided to suspend all visits" 16
            code = next.pattern.code;
            why.push(`a decision to act: '${m.pattern.pattern}' + '${next.pattern.pattern}' → ${code}`);
          } else why.push(`intent: '${m.pattern.pattern}' + '${next.pattern.pattern}'`);
        } else why.push(`intent: '${m.pattern.pattern}'`);
      } else if (roles.future(m.first, modals) && INTENT_OF_ROOT[code.slice(0, 2)]) {
        why.push(`future: '${t.value[m.first]}' after a modal → intent`);
        code = INTENT_OF_ROOT[code.slice(0, 2)];
        modality = 'intended';
      }
      if (lang.clauses.kind[lang.clauses.of[m.first]] === ClauseKind.Conditional) modality = 'hypothetical';
      drafts.push({ match: m, complement, code, pattern, modality, why });
    }

    // tokens that trigger some event in this sentence: a verb among them governs its own event
    const eventTokens = new Set<number>();
    const intentTokens = new Set<number>();
    // intentions: intent frames and any pattern coded as one ("agree to hold" 036)
    for (const mm of matches) for (const k of mm.tokens) (mm.pattern.intent || mm.pattern.code.startsWith('03') ? intentTokens : eventTokens).add(k);
    /** The verb that governs a noun trigger is another event's ("condemned the attacks"), or an
     * intention's ("agreed to hold the next round"): the noun is that event's object. */
    const governedBy = (m: PatternMatch, tokens: Set<number>): boolean => {
      const c = lang.clauses;
      // the nearest verb before the noun, through prepositions: "condemned the attacks",
      // "thanked X for its support"
      for (let k = m.first - 1; k >= c.first[c.of[m.first]]; k--) {
        if (t.pos[k] === Pos.VERB) return tokens.has(k);
      }
      return false;
    };
    const governedByEvent = (m: PatternMatch) => governedBy(m, eventTokens) || governedBy(m, intentTokens);
    const otherPartyAgainst = (victim: Party | null): { source: Party; target: Party } | null => {
      if (!victim || !layer.pair) return null;
      const hit = members(victim).map((x) => x[1]);
      const other = layer.pair.find((c) => !hit.includes(c));
      if (!other || !hit.some((c) => layer.pair!.includes(c))) return null;
      const at = victim.mentions[0];
      return { source: { mentions: [{ ...at, ref: other, code: other, members: null, kind: 'state', via: 'name' }] }, target: victim };
    };
    const seen = new Set<string>();
    for (const d of drafts) {
      const m = d.match;
      const last = (d.complement ?? m).last;
      const why = d.why;
      let source: Party | null = null;
      let target: Party | null = null;
      let reciprocal = false;
      let confidence = 0.8;
      // the passive verb may stand inside the pattern ("sanctions were lifted by …")
      const passive = m.pattern.intent ? roles.isPassive(m.tokens[0]) : m.tokens.some((k) => roles.isPassive(k));
      let doer: Party | null = null;
      let victimOther: { source: Party; target: Party } | null = null;
      // an event noun is a trigger without a verb whose words end in a noun ("humanitarian aid");
      // an intention noun ("its decision to recall …", "readiness to") belongs to the clause's
      // subject like a verb; other event nouns name their own parties
      const verbal = m.tokens.some((k) => t.pos[k] === Pos.VERB || t.pos[k] === Pos.AUX);
      const firstPos = t.pos[m.tokens[0]];
      const lastPos = t.pos[m.tokens[m.tokens.length - 1]];
      const nominal = (p: Pos) => p === Pos.NOUN || p === Pos.PROPN;
      // "Pakistan and China are all-weather partners": a predicate noun takes the clause's actor
      // subject; "This was the first missile strike by Iran" has none and stays an event noun
      const predicate = roles.predicate(m.first) && roles.subjectOrShared(m.first).party !== null;
      const nounTrigger = !verbal && (nominal(firstPos) || nominal(lastPos)) && !m.pattern.intent && !predicate;
      // an act that goes both ways ("met", "held talks with"): not an intent frame, whose
      // "both" means the subject's members act together
      let mutual = !!(d.complement ? d.complement.pattern.both : m.pattern.both && !m.pattern.intent);
      const pair = m.pattern.both ? roles.modifierPair(m.first) : null;
      if (pair) {
        source = pair;
        reciprocal = true;
        why.push('parties: the actors named before the noun');
      } else if (nounTrigger && !roles.possessor(m.first) && !roles.adjectiveSource(m.first) && (m.pattern.both || DOER_FROM_PAIR_ROOTS.has(m.pattern.code.slice(0, 2))) && (doer = roles.betweenLater(last))) {
        // "Armed clashes have broken out between Thailand and Cambodia"
        source = doer;
        reciprocal = true;
        why.push("parties: 'between' the actors later in the clause");
      } else if (nounTrigger && governedBy(m, intentTokens)) {
        // "agreed to hold the next round": the intention is the event, coded with its frame
        continue;
      } else if (nounTrigger && (t.lower[last - 1] === 'between' || t.lower[last] === 'between') && roles.mentionAt(t.lower[last - 1] === 'between' ? last : last + 1)) {
        // "talks between Ankara and Moscow"
        source = roles.target(t.lower[last - 1] === 'between' ? last - 1 : last, new Set(), codesOfMention).party;
        reciprocal = true;
        why.push("parties: 'between' the actors after the noun");
      } else if (nounTrigger && m.pattern.both) {
        // an event noun ("visit", "talks", "meeting") is an event when its parties are named
        // around it, or when it points at the event the report is about ("the meeting",
        // "my visit"); a bare one ("resolving disputes through dialogue") is none
        const poss = roles.possessor(m.first) ?? roles.adjectiveSource(m.first);
        const after = roles.directTarget(last, poss ? new Set(poss.mentions.flatMap(codesOfMention)) : new Set(), codesOfMention).party;
        if (poss || after) {
          source = poss ?? roles.subjectOrShared(m.first).party;
          target = after;
          // "my visit to Egypt": the visitor unnamed, in a report about a pair, is the other party
          if (!source && after && layer.pair) {
            const to = members(after).map((x) => x[1]);
            const other = layer.pair.find((c) => !to.includes(c));
            const at = after.mentions[0];
            if (other && to.some((c) => layer.pair!.includes(c))) source = { mentions: [{ ...at, ref: other, code: other, members: null, kind: 'state' }] };
          }
          if (!after) reciprocal = true;
          why.push(poss ? 'source: the possessor of the event noun' : 'parties: the subject and the addressee of the event noun');
        } else if (roles.definite(m.first) && layer.pair && m.pattern.code.startsWith('04') && onlyPairNamed(s.index)) {
          source = { mentions: [pairMention(layer.pair, s.index, a.sentences[s.index].start, m.first)] };
          reciprocal = true;
          confidence -= 0.2;
          why.push("the definite noun points at the report's event: its pair of parties");
        } else continue;
        if (source && !target && !reciprocal) continue;
        // a possessor alone ("PM Modi's visit") visits the other party of the report's pair
        if (source && reciprocal && members(source).length === 1 && layer.pair) {
          const only = members(source)[0][1];
          if (layer.pair.includes(only)) source = { mentions: [pairMention(layer.pair, s.index, a.sentences[s.index].start, m.first)] };
          else continue;
        }
      } else if (nounTrigger && (doer = roles.possessor(m.first) ?? roles.adjectiveSource(m.first) ?? roles.agent(last))) {
        // an event noun that names its doer: "China's support for …", "Iranian attacks",
        // "attacks by Iran", "under Turkish auspices", "an agreement signed by the two leaders"
        source = doer;
        const exclude = new Set(doer.mentions.flatMap(codesOfMention));
        const hostile = DOER_FROM_PAIR_ROOTS.has(m.pattern.code.slice(0, 2));
        target = roles.innerTarget(m.first, last, exclude, codesOfMention) ?? roles.directTarget(last, exclude, codesOfMention, hostile).party;
        // "Indonesian aid reaches Türkiye", "Chinese aid arrived in Kabul": the event noun is the
        // subject and its addressee follows the verb
        if (!target && (m.pattern.code.startsWith('07') || DOER_FROM_PAIR_ROOTS.has(m.pattern.code.slice(0, 2))) && roles.subject(m.first) === null) {
          target = roles.predicateTarget(last, exclude, codesOfMention);
        }
        // "Iranian attacks on its territory", Pakistan said: the one hit may be the subject, but
        // not when the noun is what another event is about ("Egypt condemned the Israeli strikes")
        if (!target && !governedByEvent(m)) {
          const subj = roles.subject(m.first);
          if (subj && !subj.mentions.flatMap(codesOfMention).every((c) => exclude.has(c))) target = subj;
        }
        why.push('source: the doer named with the event noun');
      } else if (nounTrigger && DOER_FROM_PAIR_ROOTS.has(m.pattern.code.slice(0, 2)) && (victimOther = otherPartyAgainst(roles.innerTarget(m.first, last, new Set(), codesOfMention) ?? roles.directTarget(last, new Set(), codesOfMention, true).party))) {
        // a hostile act aimed at one party of the report's pair, with no doer named, is the
        // other party's: "the recent attacks on Pakistani territory"
        source = victimOther.source;
        target = victimOther.target;
        confidence -= 0.2;
        why.push("source: the report's other party (the noun names no doer)");
      } else if (nounTrigger && governedByEvent(m)) {
        // "Pakistan condemned the attacks": the condemning is the event, its subject did not
        // attack; "thanked X for its support": the support is the thanks' reason, its giver unnamed
        continue;
      } else if (passive) {
        source = roles.agent(last);
        target = roles.subject(m.first);
        if (source) why.push('passive: agent from the by-phrase');
        else if (layer.pair && !m.pattern.speech && !roles.hasByPhrase(last)) {
          // an agentless passive in a report about a pair: the pair did it together
          source = { mentions: [pairMention(layer.pair, s.index, a.sentences[s.index].start, m.first)] };
          target = null;
          reciprocal = true;
          confidence -= 0.2;
          why.push("passive without agent: the document's pair of parties");
        }
      } else {
        source = roles.possessor(m.first);
        if (source) why.push('source: the possessor');
        else {
          const s2 = roles.subjectOrShared(m.first);
          source = s2.party;
          if (s2.inherited) {
            why.push('source: the subject shared with the clause before');
            confidence -= 0.1;
          }
        }
      }
      if (!source) continue;
      const srcMembers = members(source);
      if (!srcMembers.length) continue;
      const srcCodes = new Set(srcMembers.map((x) => x[1]));
      if (!target && !reciprocal && srcCodes.size >= 2 && roles.reciprocalObject(last, tables.reciprocals)) {
        reciprocal = true;
        why.push('mutual: "each other"');
      }
      if (!target && !reciprocal) {
        // consultations and statements take their addressee from the object or a "with"/"to"
        // phrase; other acts may name it deeper ("called for action against groups based in X")
        const deep = tables.deepTargetRoots.has(d.code.slice(0, 2)) && !m.pattern.speech;
        const found = deep ? roles.target(last, srcCodes, codesOfMention) : roles.directTarget(last, srcCodes, codesOfMention);
        target = found.party;
        // an actor inside the trigger's own words: "summoned the Iranian ambassador", "expel
        // German diplomats"
        if (!target) {
          for (let k = m.first; k < last && !target; k++) {
            const inner = roles.mentionAt(k);
            if (inner && inner.via !== 'locative' && codesOfMention(inner).some((c) => !srcCodes.has(c))) target = { mentions: [inner] };
          }
        }
        // a reporting verb has an addressee only when it takes one ("told X", not "said X …")
        if (target && m.pattern.speech && !tables.addresseeVerbs.has(t.lemma[m.tokens[0]]) && t.lower[last - 1] !== 'to') target = null;
        // a joint act with no other addressee is mutual: "the two sides agreed to enhance …"
        const addressed = ADDRESSEE_END.has((d.complement ?? m).pattern.lastWord);
        // praise or support with no addressee is mutual when its object is the members' own
        // relationship: "welcomed the two sides' dialogue", "appreciation for the partnership
        // between the AU and the UK" (not "support for a ceasefire")
        const aboutThemselves = !target && srcCodes.size >= 2 && RELATIONSHIP_ROOTS.has(d.code.slice(0, 2)) && roles.target(last, srcCodes, codesOfMention).insideSource;
        if (!target && srcCodes.size >= 2 && !m.pattern.speech && (aboutThemselves || (!addressed && (m.pattern.both || MUTUAL_ROOTS.has(d.code.slice(0, 2)))))) reciprocal = true;
        if (target && d.complement && d.complement.pattern.code.slice(0, 2) !== '04') {
          // an intention to cooperate with someone is an intention (03: "look forward to working
          // with the United States"); an intention to press or punish them is that act ("agreed
          // to encourage the Afghan authorities" 02, "decided to expel diplomats" 16)
          const croot = d.complement.pattern.code.slice(0, 2);
          if (INTENT_OF_ROOT[croot]) {
            d.code = INTENT_OF_ROOT[croot];
            mutual = false;
            why.push(`intention to cooperate with the addressee: '${d.complement.pattern.pattern}' → ${d.code}`);
          } else {
            d.code = d.complement.pattern.code;
            mutual = !!d.complement.pattern.both;
            why.push(`the complement names its own target: code of '${d.complement.pattern.pattern}'`);
          }
        }
      }
      // what a speaker tells someone is addressed to them: "Islamabad informed Iran about its
      // decision to recall its ambassador"
      const teller = speakers.filter((x) => x.at < m.first && x.told).pop();
      if (!target && !reciprocal && teller?.told) {
        const toldCodes = members(teller.told).map((x) => x[1]);
        if (toldCodes.some((c) => !srcCodes.has(c))) {
          target = teller.told;
          why.push('addressed to the one the speaker told');
        }
      }
      // "called on the President" (a courtesy call) against "called on Iran to release …"
      if (target && m.pattern.without_infinitive && !d.complement && !infinitiveAfter(target)) {
        d.code = m.pattern.without_infinitive;
        mutual = true;
        why.push(`no to-infinitive after the addressee: ${d.code}`);
      }
      // aid needs a receiver: with none named, in a report about a pair, it goes to the other
      // party ("China … provided emergency humanitarian assistance" in a report on Afghanistan)
      if (!target && !reciprocal && layer.pair && (d.code.startsWith('07') || d.code.startsWith('033')) && srcCodes.size === 1) {
        const other = layer.pair.find((c) => !srcCodes.has(c));
        if (other && layer.pair.some((c) => srcCodes.has(c))) {
          target = { mentions: [pairMention(layer.pair, s.index, t.start[m.first], m.first)] };
          target.mentions[0].members = [other];
          confidence -= 0.2;
          why.push("aid with no receiver named: the report's other party");
        }
      }
      // a denial, criticism, rejection or threat with no addressee answers those who last acted
      // on its source in the report: "Qatar strongly denies the charge"
      if (!target && !reciprocal && codeUnder(d.code, tables.responses)) {
        // those who last acted on it, else those it last answered ("She criticized the
        // allegations" after "Pakistan dismissed remarks by a US official")
        const actedOn = lastActorsOn(srcCodes);
        const answered = actedOn.length ? actedOn : lastAnsweredBy(srcCodes);
        if (answered.length) {
          target = { mentions: answered };
          confidence -= 0.2;
          why.push('a response: addressed to those who last acted on the source');
        }
      }
      // one side reporting the other's hostile act: the act is aimed at the reporter, and the
      // report accuses the actor ("the Thai military said Cambodian troops had opened fire")
      const hostility = tables.reportedHostility;
      const speaker = speakers.filter((x) => x.at < m.first).pop();
      let accusation: { from: Array<[string, string, ActorMention]>; code: string } | null = null;
      if (hostility && speaker && m.first - speaker.at <= 8 && hostility.roots.has(d.code.slice(0, 2)) && !reciprocal) {
        const said = members(speaker.party);
        if (said.length && said.every((x) => !srcCodes.has(x[1]))) {
          if (!target) {
            target = speaker.party;
            why.push('reported by the other side: aimed at the reporter');
          }
          accusation = { from: said, code: hostility.code };
        }
      }
      const entry = cameo(d.code);
      const root = d.code.slice(0, 2);
      const negated = roles.negated(m.first);
      // an expressed intention is intended whatever words said it ("agreed to hold" 036)
      if (root === '03' && d.modality === 'asserted') d.modality = 'intended';
      const base = {
        sentence: s.index,
        code: d.code,
        root,
        quadClass: entry?.quad ?? quadOfRoot(root),
        goldstein: entry?.goldstein ?? 0,
        plover: entry?.plover ?? null,
        date: null,
        place: null,
        trigger: { start: t.start[m.first], end: t.end[last - 1], text: a.text.slice(t.start[m.first], t.end[last - 1]) },
        pattern: d.pattern,
        modality: d.modality,
        negated,
      };
      const emit = (src: [string, string, ActorMention], trg: [string, string, ActorMention] | null, note: string) => {
        if (trg && src[1] === trg[1]) return;
        const key = `${src[1]}|${trg?.[1] ?? ''}|${root}`;
        if (seen.has(key)) return;
        seen.add(key);
        events.push({
          id: `${a.id}:e${events.length + 1}`,
          ...base,
          source: filler(src[2], src[0], src[1], a.text),
          target: trg ? filler(trg[2], trg[0], trg[1], a.text) : null,
          confidence: Math.max(0.1, Math.min(1, confidence)),
          why: [...why, note].filter(Boolean).join('; '),
        });
      };
      if (reciprocal) {
        for (const x of srcMembers) for (const y of srcMembers) if (x[1] !== y[1]) emit(x, y, 'mutual: between the members of the subject');
        continue;
      }
      if (!target) {
        for (const x of srcMembers) emit(x, null, 'no addressee');
        continue;
      }
      const trgMembers = members(target);
      for (const x of srcMembers) for (const y of trgMembers) emit(x, y, '');
      if (accusation) {
        const acc = cameo(accusation.code);
        for (const x of accusation.from) {
          for (const y of srcMembers) {
            const key = `${x[1]}|${y[1]}|${accusation.code.slice(0, 2)}`;
            if (x[1] === y[1] || seen.has(key)) continue;
            seen.add(key);
            events.push({
              ...base, id: `${a.id}:e${events.length + 1}`, code: accusation.code, root: accusation.code.slice(0, 2),
              quadClass: acc?.quad ?? 3, goldstein: acc?.goldstein ?? -2, plover: acc?.plover ?? null, modality: 'reported',
              source: filler(x[2], x[0], x[1], a.text), target: filler(y[2], y[0], y[1], a.text), confidence: Math.max(0.1, confidence - 0.2),
              why: `reporting the other side's hostile act ('${d.pattern}') accuses it`,
            });
          }
        }
      }
      // "Korea and Japan agreed to hold talks with China": they also agree with each other
      if (srcCodes.size >= 2 && m.pattern.both && MUTUAL_ROOTS.has(root)) {
        for (const x of srcMembers) for (const y of srcMembers) if (x[1] !== y[1]) emit(x, y, 'mutual: between the members of the subject');
      }
      // an intention is its holder's alone: "Russia eyes more trade with Türkiye" is one way
      if (mutual && root !== '03') for (const y of trgMembers) for (const x of srcMembers) emit(y, x, `mutual: '${d.pattern}' goes both ways`);
    }
  }
  return events;
}
