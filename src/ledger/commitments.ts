// Commitments in one report: every intended or agreed future action — "agreed to hold the next
// round of the Strategic Dialogue in Islamabad next year", "will stage commemorative events
// throughout 2026", "the expected participation of Pakistani astronauts", "the ninth round will
// take place in Beijing in 2028" — with its parties, the action in plain words, the due date as
// precise as the text gives it, the venue and the sentence.
import type { CommitmentOut } from '../analysis/types.js';
import { Pos } from '../language/pos.js';
import { ClauseKind } from '../language/clauses.js';
import { commitmentLexicon, seriesLexicon } from './lexicon.js';
import { clauseOf, partyCodes, tokenText, tidy, unique, type LedgerContext, type TokenMention } from './context.js';
import { happenAfter, type SeriesReading } from './series.js';
import { notBefore, statusOn } from './period.js';
import { contentStems, shared, similarity } from './wording.js';

type CueKind = 'intent' | 'modal' | 'expectation' | 'provide';

interface Cue {
  kind: CueKind;
  /** The cue word ("agreed", "will", "expected"). */
  at: number;
  /** Where the action starts (the verb after "to", after the modal, the noun after "expected"). */
  start: number;
}

const isVerb = (p: Pos) => p === Pos.VERB || p === Pos.AUX;

/** A base-form verb: "ensure", "deepen" (not "welcomed", "focusing"). */
function baseVerb(ctx: LedgerContext, i: number): boolean {
  const t = ctx.t;
  return t.pos[i] === Pos.VERB && t.lower[i] === t.lemma[i] && !t.lower[i].endsWith('ing');
}

/** A finite verb: "said", "welcomed", an auxiliary. */
function finiteVerb(ctx: LedgerContext, i: number): boolean {
  const t = ctx.t;
  if (t.pos[i] === Pos.AUX) return true;
  return t.pos[i] === Pos.VERB && t.lower[i] !== t.lemma[i] && !t.lower[i].endsWith('ing') && !(i > 0 && t.lower[i - 1] === 'to');
}

function findCues(ctx: LedgerContext, from: number, to: number): Cue[] {
  const t = ctx.t;
  const lex = commitmentLexicon();
  const cues: Cue[] = [];
  for (let i = from; i < to; i++) {
    const p = t.pos[i];
    // "agreed to hold", "readiness to continue", "expected to fly"
    if ((p === Pos.VERB || p === Pos.NOUN || p === Pos.ADJ) && (lex.intentTo.has(t.lemma[i]) || lex.intentTo.has(t.lower[i]))) {
      let j = i + 1;
      while (j < to && t.pos[j] === Pos.ADV) j++;
      // "agreed on Friday to resume …": a short phrase of time between
      if (j < to && t.pos[j] === Pos.ADP && t.lower[j] !== 'to') {
        let k = j + 1;
        while (k < to && k <= j + 3 && (t.pos[k] === Pos.DET || t.pos[k] === Pos.NOUN || t.pos[k] === Pos.PROPN || t.pos[k] === Pos.NUM || t.pos[k] === Pos.ADJ)) k++;
        if (k > j + 1 && t.lower[k] === 'to') j = k;
      }
      if (j < to && t.lower[j] === 'to' && t.pos[j] === Pos.PART) {
        let k = j + 1;
        while (k < to && t.pos[k] === Pos.ADV) k++;
        // "which the ministers had hoped to convene": an earlier intention recalled, not a new one
        const recalled = (i - 1 >= from && lex.recalled.has(t.lower[i - 1])) || (i - 2 >= from && lex.recalled.has(t.lower[i - 2]) && t.pos[i - 1] === Pos.ADV);
        if (k < to && t.pos[k] === Pos.VERB && !ctx.roles.negated(i) && !recalled) {
          cues.push({ kind: 'intent', at: i, start: j + 1 });
          continue;
        }
      }
    }
    // "will hold", "would be held", "shall convene"
    if (lex.modals.has(t.lower[i]) && isVerb(p)) {
      let k = i + 1;
      while (k < to && (t.pos[k] === Pos.ADV || (t.pos[k] === Pos.PART && !t.negation[k]))) k++;
      if (k >= to || !isVerb(t.pos[k]) || t.negation[k]) continue;
      if (ctx.roles.negated(i) || ctx.roles.negated(k)) continue;
      if (ctx.lang.clauses.kind[ctx.lang.clauses.of[i]] === ClauseKind.Conditional) continue;
      cues.push({ kind: 'modal', at: i, start: k });
      continue;
    }
    // "set a goal of raising bilateral trade …"
    if (p === Pos.NOUN && lex.intentOf.has(t.lemma[i]) && t.lower[i + 1] === 'of' && i + 2 < to && t.pos[i + 2] === Pos.VERB && t.lower[i + 2].endsWith('ing')) {
      cues.push({ kind: 'intent', at: i, start: i + 2 });
      continue;
    }
    // "pledged 50 million yuan in humanitarian assistance": a pledge of a quantity
    if (p === Pos.VERB && lex.provide.has(t.lemma[i]) && i + 1 < to && (t.pos[i + 1] === Pos.NUM || t.pos[i + 1] === Pos.SYM || /^[$€£¥]/.test(t.value[i + 1]) || (t.pos[i + 1] === Pos.DET && t.pos[i + 2] === Pos.NUM))) {
      cues.push({ kind: 'provide', at: i, start: i + 1 });
      continue;
    }
    // "the expected participation of …"
    if (lex.expectation.has(t.lower[i]) && (p === Pos.ADJ || p === Pos.VERB) && i + 1 < to && t.pos[i + 1] === Pos.NOUN) {
      cues.push({ kind: 'expectation', at: i, start: i + 1 });
    }
  }
  return cues;
}

/** The comma-free stretch after a comma: does it hold a finite verb ("…, the two governments said")? */
function clauseAfterComma(ctx: LedgerContext, c: number, end: number): boolean {
  for (let i = c + 1; i < end && ctx.t.value[i] !== ','; i++) if (finiteVerb(ctx, i)) return true;
  return false;
}

function startsWithPhrase(ctx: LedgerContext, i: number, phrases: string[][]): boolean {
  return phrases.some((ph) => ph.every((w, k) => ctx.t.lower[i + k] === w));
}

/** Where the action ends, and where it splits into several actions ("promote X, ensure Y, deepen Z"). */
function extent(ctx: LedgerContext, cue: Cue, limit: number): Array<[number, number]> {
  const t = ctx.t;
  const c = ctx.lang.clauses;
  const lex = commitmentLexicon();
  let end = c.end[c.of[cue.start]];
  // a participle clause that elaborates the action (", focusing on industry …") belongs to it
  let k = c.of[cue.start] + 1;
  // so does a verb coordinated with the first that the clause layer split off ("deepen mutual
  // trust and jointly safeguard their shared interests")
  const coordinated = (k: number) => {
    let i = c.first[k];
    if (t.lower[i] === 'and') i++;
    while (i < c.end[k] && t.pos[i] === Pos.ADV) i++;
    return (t.lower[c.first[k] - 1] === 'and' || t.lower[c.first[k]] === 'and') && baseVerb(ctx, i);
  };
  while (k < c.kind.length && c.first[k] === end && t.sentence[c.first[k]] === t.sentence[cue.start] && c.end[k] <= limit && (c.kind[k] === ClauseKind.Participle || coordinated(k))) {
    end = c.end[k];
    k++;
  }
  end = Math.min(end, limit);
  const parts: Array<[number, number]> = [];
  let partStart = cue.start;
  let nested = false; // a "to"-infinitive inside the part: later verbs belong to it
  let nounSinceVerb = false;
  for (let i = cue.start + 1; i < end; i++) {
    const v = t.lower[i];
    if (v === ';' || v === ':') {
      end = i;
      break;
    }
    if (v === 'to' && t.pos[i] === Pos.PART && i + 1 < end && t.pos[i + 1] === Pos.VERB) {
      // "… and to work jointly": a second action at the first one's level
      if (i - 1 > partStart && t.lower[i - 1] === 'and') {
        parts.push([partStart, i - 1]);
        partStart = i + 1;
        nested = false;
        nounSinceVerb = false;
        i++;
        continue;
      }
      nested = true;
    }
    // "an agreement to elevate the relationship … was signed": the sentence's own predicate
    if (t.pos[i] === Pos.AUX && i > partStart && (t.pos[i - 1] === Pos.NOUN || t.pos[i - 1] === Pos.PROPN || t.pos[i - 1] === Pos.PUNCT)) {
      end = i;
      break;
    }
    if (t.pos[i] === Pos.NOUN || t.pos[i] === Pos.PROPN) nounSinceVerb = true;
    if (v === ',') {
      let j = i + 1;
      if (t.lower[j] === 'and') j++;
      let verb = j;
      while (verb < end && t.pos[verb] === Pos.ADV) verb++;
      // ", to work together …": a second action at the first one's level
      if (!nested && t.lower[j] === 'to' && j + 1 < end && t.pos[j + 1] === Pos.VERB) {
        parts.push([partStart, i]);
        partStart = j + 1;
        nounSinceVerb = false;
        i = j;
        continue;
      }
      if (!nested && verb < end && baseVerb(ctx, verb)) {
        parts.push([partStart, i]);
        partStart = j;
        nounSinceVerb = false;
        i = j - 1;
        continue;
      }
      if (startsWithPhrase(ctx, i + 1, lex.cutAfter) || clauseAfterComma(ctx, i, end)) {
        end = i;
        break;
      }
      continue;
    }
    // "align development strategies and advance an upgraded version": a verb after a noun
    if (v === 'and' && !nested && nounSinceVerb) {
      let verb = i + 1;
      while (verb < end && t.pos[verb] === Pos.ADV) verb++;
      if (verb < end && baseVerb(ctx, verb)) {
        parts.push([partStart, i]);
        partStart = i + 1;
        nounSinceVerb = false;
      }
    }
  }
  parts.push([partStart, end]);
  return parts.filter(([a, b]) => b > a);
}

/** Token ranges of a due date with the words that lead to it ("before the end of 2027"). */
function dueRange(ctx: LedgerContext, d: TokenMention, floor: number): [number, number] {
  const lex = commitmentLexicon();
  let a = d.first;
  while (a - 1 >= floor && lex.dueWords.has(ctx.t.lower[a - 1])) a--;
  return [a, d.last];
}

interface Draft extends CommitmentOut {
  role: string;
  at: number;
}

export function findCommitments(ctx: LedgerContext, series: SeriesReading): CommitmentOut[] {
  const t = ctx.t;
  const slex = seriesLexicon();
  const clex = commitmentLexicon();
  const published = ctx.a.published;
  const drafts: Draft[] = [];
  const venueKind = (ref: string | null) => {
    const p = ctx.a.places.find((x) => x.ref === ref);
    return !!p && slex.venueKinds.has(p.kind);
  };
  for (const sent of ctx.a.sentences) {
    const from = t.sentenceFirst[sent.index];
    const to = t.sentenceEnd[sent.index];
    if (from >= to) continue;
    const cues = findCues(ctx, from, to);
    for (let n = 0; n < cues.length; n++) {
      const cue = cues[n];
      // "will plan to hold …": the modal's action is the intention that follows it
      if (cues.some((c) => c !== cue && c.at === cue.start)) continue;
      const next = cues.slice(n + 1).find((c) => c.at > cue.start);
      let limit = next ? next.at : to;
      // "…, and will keep": the next cue's conjunction is not part of this action
      while (limit - 1 > cue.start && (t.lower[limit - 1] === 'and' || t.value[limit - 1] === ',' || t.pos[limit - 1] === Pos.ADV)) limit--;
      const parties = partiesOf(ctx, cue, sent.index);
      const clause = clauseOf(ctx, cue.at);
      // dates before the cue in its clause ("2026 will see …", "In 2027, the sides will …")
      const early = ctx.dates.filter((d) => d.first >= clause.first && d.last <= cue.at && d.value && notBefore(d.value, published));
      // what the action is about when its subject is the meeting itself or a date
      const subject = subjectPhrase(ctx, cue, clause.first);
      const happen = cue.kind === 'modal' ? happenAfter(ctx, cue.at, clause.end) : -1;
      const light = cue.kind === 'modal' && clex.lightVerbs.has(t.lemma[cue.start]) && early.length > 0;
      // "would be very important", "this occasion would bring relief": an expectation about
      // things, not an action anybody committed to
      if (cue.kind === 'modal' && happen < 0 && !light) {
        if (t.lemma[cue.start] === 'be' && !(cue.start + 1 < to && t.pos[cue.start + 1] === Pos.VERB)) continue;
        if (subject && !subject.actor) continue;
        if (!subject && cue.at > from && clex.nonAgents.has(t.lower[cue.at - 1])) continue;
      }
      // "additional supplies expected to arrive": things expected, nobody committed
      if (cue.kind === 'intent' && /ed$/.test(t.lower[cue.at]) && subject && !subject.actor && !subject.names) continue;
      let start = cue.start;
      let prefix = '';
      if (cue.kind === 'modal' && happen >= 0 && subject && !subject.actor) {
        const round = [...subject.text.toLowerCase().split(/\s+/)].some((w) => slex.rounds.has(w));
        const m = series.mentions.find((x) => x.first >= subject.first && x.first < cue.at);
        let np = subject.text;
        if (round && m && !m.name) {
          const s = series.series[series.keys.indexOf(m.key ?? '')];
          if (s) np = `${np} of the ${mechanismName(s.name)}`;
        }
        prefix = `${round ? clex.phrasing.round : clex.phrasing.mechanism} ${np}`;
        start = happen;
      } else if (light) {
        start = cue.start + 1;
      } else if (cue.kind === 'provide') {
        prefix = clex.phrasing.quantity;
      } else if (subject && !subject.actor && (cue.kind === 'modal' || (cue.kind === 'intent' && /ed$/.test(t.lower[cue.at])))) {
        // "Pakistani astronauts expected to fly …": who is to act, when no party is the subject
        prefix = subject.text;
      }
      for (const [a, b] of extent(ctx, { ...cue, start }, limit)) {
        const drop: Array<[number, number]> = [];
        let due: string | null = null;
        for (const d of ctx.dates) {
          if (d.first < a || d.last > b || !d.value || !notBefore(d.value, published)) continue;
          if (!due) due = d.value;
          drop.push(dueRange(ctx, d, a));
        }
        if (!due && early.length) due = early[0].value!;
        let place: string | null = null;
        for (const p of ctx.places) {
          if (p.first < a || p.last > b || !venueKind(p.ref)) continue;
          const prep = t.lower[p.first - 1];
          if (prep !== 'in' && prep !== 'at') continue;
          if (!place) place = p.ref;
          drop.push([p.first - 1, p.last]);
        }
        const text = tidy(`${prefix} ${tokenText(ctx, a, b, drop)}`);
        if (text.split(/\s+/).length < 2) continue;
        drafts.push({
          parties,
          action: text,
          due,
          place,
          sentence: sent.index,
          status: statusOn(due, published),
          role: sent.role,
          at: a,
        });
      }
    }
  }
  return dedupe(drafts).map(({ role: _r, at: _a, ...c }) => c);
}

/** "Foreign Ministers' Strategic Dialogue" → "Strategic Dialogue": the mechanism, for "the
 * ninth round of the Strategic Dialogue". */
function mechanismName(name: string): string {
  const lex = seriesLexicon();
  const lower = name.toLowerCase();
  let best: { name: string; at: number } | null = null;
  for (const m of lex.mechanisms) {
    for (const f of m.forms) {
      const at = lower.lastIndexOf(f);
      if (at >= 0 && at + f.length === lower.length && (!best || at < best.at)) best = { name: name.slice(at), at };
    }
  }
  return best ? best.name : name;
}

/** The noun phrase before the cue in its clause ("the ninth round", "Pakistani astronauts",
 * "2026") and whether it is an actor. */
function subjectPhrase(ctx: LedgerContext, cue: Cue, clauseFirst: number): { first: number; text: string; actor: boolean; names: boolean } | null {
  const t = ctx.t;
  let a = cue.at;
  while (a - 1 >= clauseFirst) {
    const p = t.pos[a - 1];
    const v = t.value[a - 1];
    if (p === Pos.NOUN || p === Pos.PROPN || p === Pos.ADJ || p === Pos.NUM || p === Pos.DET || (p === Pos.PRON && /^(their|its|our)$/i.test(v)) || v === '-' || v === "'" || v === '’' || t.lower[a - 1] === "'s" || (t.lower[a - 1] === 'of' && a - 2 >= clauseFirst && (t.pos[a - 2] === Pos.NOUN || t.pos[a - 2] === Pos.PROPN))) a--;
    else break;
  }
  // a subordinator or a verb must stand before it, or the clause start: otherwise it is an object
  if (a >= cue.at) return null;
  const text = tokenText(ctx, a, cue.at);
  let actor = false;
  let names = false;
  for (let i = a; i < cue.at; i++) {
    const m = ctx.roles.mentionAt(i);
    if (m && m.via !== 'locative') names = true;
    if (m && m.via !== 'locative' && m.via !== 'adjective') {
      // the head of the phrase is an actor ("Both countries will …"), not a modifier of a thing
      if (m.last === cue.at || (m.last < cue.at && t.pos[m.last] !== Pos.NOUN && t.pos[m.last] !== Pos.PROPN)) actor = true;
    }
  }
  // a date subject ("2026 will see …") is no actor and no thing to hold
  if (ctx.dates.some((d) => d.first <= a && d.last >= cue.at)) return { first: a, text, actor: true, names };
  return { first: a, text, actor, names };
}

/** Who commits: the clause's subject (or the subject it shares), an actor right before the cue,
 * the sources of intentions coded in the sentence, the report's pair. */
function partiesOf(ctx: LedgerContext, cue: Cue, sentence: number): string[] {
  const own = partyCodes(ctx, ctx.roles.subjectOrShared(cue.at).party);
  if (own.length) return own;
  for (let i = cue.at - 1; i >= 0 && i >= cue.at - 3; i--) {
    const m = ctx.roles.mentionAt(i);
    if (m && m.via !== 'locative') return partyCodes(ctx, { mentions: [m] });
    if (ctx.t.pos[i] !== Pos.NOUN && ctx.t.pos[i] !== Pos.ADJ) break;
  }
  const fromEvents = unique(
    ctx.a.events.filter((e) => e.sentence === sentence && (e.modality === 'intended' || e.root === '03') && !e.negated).map((e) => e.source.code),
  );
  if (fromEvents.length) return fromEvents;
  return ctx.pair ? [...ctx.pair] : [];
}

/** One commitment said twice (a headline and the body, "agree to meet next in Islamabad in
 * 2027" and "will hold the next round … in Islamabad in 2027") is kept once, from the body. */
function dedupe(drafts: Draft[]): Draft[] {
  const rank = (d: Draft) => (d.role === 'body' ? 0 : 1);
  const sorted = [...drafts].sort((a, b) => rank(a) - rank(b) || a.sentence - b.sentence || a.at - b.at);
  const kept: Draft[] = [];
  for (const d of sorted) {
    const stems = contentStems(d.action);
    const dup = kept.find((k) => {
      const sameParties = k.parties.length === d.parties.length && k.parties.every((p) => d.parties.includes(p));
      if (!sameParties && !(k.parties.some((p) => d.parties.includes(p)))) return false;
      if (k.due && d.due && k.place && d.place) return k.due === d.due && k.place === d.place;
      // a headline restates the body in fewer words
      const needed = d.role === 'body' ? 0.75 : 0.4;
      const other = contentStems(k.action);
      return shared(stems, other) >= 2 && similarity(stems, other) >= needed && (k.due === d.due || !k.due || !d.due);
    });
    if (!dup) kept.push(d);
  }
  return kept.sort((a, b) => a.sentence - b.sentence || a.at - b.at);
}
