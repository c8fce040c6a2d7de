// Nouns that name an act the report has told ("denies the charge", "this illegal act", "this
// important meeting") mention whoever did that act. Read after the coder, because the acts are
// its events; the rules and the nouns are in data/lexicon/act-nouns.yaml.
import type { ActorOut, Analysis, EventOut, Mention } from '../analysis/types.js';
import type { Tokens } from '../language/tokens.js';
import type { ExtractContext } from '../extract/context.js';
import { leadIdsOf } from '../extract/phrase-trie.js';
import { Pos } from '../language/pos.js';
import { actNouns, type ActKind, type ActNouns } from '../lexicon/act-nouns.js';
import { languageTables } from '../lexicon/language.js';
import { codeUnder } from '../code/cameo.js';
import { compoundActor } from '../extract/compound-actor.js';

/** One act: the events that share a trigger (a compound subject gives one event per member). */
interface Act {
  sentence: number;
  start: number;
  end: number;
  code: string;
  sources: string[];
  targets: string[];
}

/** An act the text has named with a noun, and whose doers are known. */
interface Named {
  at: number;
  sentence: number;
  kind: ActKind;
  refs: string[];
  /** The words that name it, and its noun. */
  text: string;
  noun: string;
}

function actsOf(events: EventOut[]): Act[] {
  const acts: Act[] = [];
  const byTrigger = new Map<string, Act>();
  for (const e of events) {
    if (e.negated || e.modality === 'hypothetical') continue;
    const key = `${e.sentence}:${e.trigger.start}:${e.trigger.end}:${e.code}`;
    let act = byTrigger.get(key);
    if (!act) {
      act = { sentence: e.sentence, start: e.trigger.start, end: e.trigger.end, code: e.code, sources: [], targets: [] };
      byTrigger.set(key, act);
      acts.push(act);
    }
    if (!act.sources.includes(e.source.ref)) act.sources.push(e.source.ref);
    if (e.target && !act.targets.includes(e.target.ref)) act.targets.push(e.target.ref);
  }
  return acts.sort((x, y) => x.start - y.start);
}

/** Two nouns name the same kind of act: the same entry, or for nouns that may refer to events,
 * entries whose codes overlap ("allegations" and "criticism"). */
function sameKind(x: ActKind, y: ActKind): boolean {
  if (x.id === y.id) return true;
  return x.fromEvents && y.fromEvents && x.codes.some((c) => y.codes.some((d) => c.startsWith(d) || d.startsWith(c)));
}

/** Modifiers that may stand between a determiner or a verb and the act noun ("this illegal act"). */
function isModifier(t: Tokens, k: number): boolean {
  const p = t.pos[k];
  return p === Pos.ADJ || p === Pos.NOUN || p === Pos.NUM;
}

/** How far back a noun of the same kind is taken before any later event ("the allegations" …
 * three sentences on, "Such accusations"). */
const CHAIN_SENTENCES = 3;

export function mentionActs(a: Analysis, ctx: ExtractContext): void {
  const lex = actNouns();
  const t = ctx.tokens;
  const leads = leadIdsOf(ctx.lookup);
  const reader = new ActNounReader(a, t, actsOf(a.events), lex);
  for (let s = 0; s < t.sentenceFirst.length; s++) {
    for (let k = t.sentenceFirst[s]; k < t.sentenceEnd[s]; k++) {
      if (t.pos[k] === Pos.NOUN && leads[k] >= 0 && lex.nounOfLead[leads[k]] === t.lower[k]) reader.read(s, k, lex.kinds.get(t.lower[k])!);
    }
  }
  if (reader.added.length === 0) return;
  a.mentions.push(...reader.added);
  a.mentions.sort((x, y) => x.start - y.start || x.end - y.end);
}

/** The act nouns of one document, read in text order: what each names, and the mentions made. */
class ActNounReader {
  readonly added: Mention[] = [];
  private named: Named[] = [];
  private responses = languageTables().responses;
  private actors: Map<string, ActorOut>;
  /** Per sentence, so that each noun reads only its own sentence's. */
  private mentionsIn: Mention[][];
  private actsIn: Act[][];

  constructor(private a: Analysis, private t: Tokens, private acts: Act[], private lex: ActNouns) {
    this.actors = new Map(a.actors.map((x) => [x.ref, x]));
    const n = t.sentenceFirst.length;
    this.mentionsIn = Array.from({ length: n }, () => []);
    for (const m of a.mentions) if (m.kind === 'actor') this.mentionsIn[m.sentence]?.push(m);
    this.actsIn = Array.from({ length: n }, () => []);
    for (const x of acts) this.actsIn[x.sentence]?.push(x);
  }

  /** The act noun at token k of sentence s. */
  read(s: number, k: number, kind: ActKind): void {
    const { t, lex } = this;
    const first = t.sentenceFirst[s];
    let p = k - 1;
    while (p >= first && k - p <= 2 && !lex.determiners.has(t.lower[p]) && isModifier(t, p)) p--;
    const det = p >= first && lex.determiners.has(t.lower[p]) ? p : -1;
    if (this.namedInPlace(s, k, p, det, kind)) return;
    let q = k - 1;
    while (q >= first && k - q <= 4 && (isModifier(t, q) || t.pos[q] === Pos.DET)) q--;
    // right after a verb telling an act of its kind, the noun is that act ("hosting the talks")
    if (q >= first && this.actsIn[s].some((x) => x.end === t.end[q] && codeUnder(x.code, kind.codes))) return;
    const found = this.answered(s, k, q) ?? (det >= 0 ? this.antecedent(s, k, det, kind) : null);
    if (!found || found.refs.length === 0) return;
    const from = det >= 0 ? det : k;
    const text = this.a.text.slice(t.start[from], t.end[k]);
    this.named.push({ at: t.start[from], sentence: s, kind, refs: found.refs, text, noun: t.lower[k] });
    const ref = found.refs.length === 1 ? found.refs[0] : this.groupOf(found.refs);
    this.added.push({ kind: 'actor', start: t.start[from], end: t.end[k], text, ref, sentence: s, note: found.why });
  }

  /** The compound actor of several doers: the document's own if it has one of the same members
   * ("They" and "the charge" both the four states), else a new one. */
  private groupOf(refs: string[]): string {
    const same = this.a.actors.find((x) => x.members?.length === refs.length && refs.every((r) => x.members!.includes(r)));
    if (same) return same.ref;
    const ref = compoundActor(refs, this.actors, (r) => this.actors.get(r)?.name ?? r);
    if (!this.a.actors.some((x) => x.ref === ref)) this.a.actors.push(this.actors.get(ref)!);
    return ref;
  }

  /** Whether the noun's own phrase settles it (p: the token before its modifiers; det: its
   * determiner or -1): read by the recogniser, a doer named in it ("Iranian attacks", "the
   * attack by Iran", "Hayashi's speech"), an indefinite introduction ("said in a statement"),
   * or a noun-phrase trigger that names the act itself. What it names is kept for later nouns. */
  private namedInPlace(s: number, k: number, p: number, det: number, kind: ActKind): boolean {
    const { t, a } = this;
    const first = t.sentenceFirst[s], end = t.sentenceEnd[s];
    const here = this.mentionsIn[s];
    const name = (refs: string[], from: number, to: number) =>
      this.named.push({ at: t.start[k], sentence: s, kind, refs, text: a.text.slice(from, to), noun: t.lower[k] });
    // the recogniser read it already ("the delegation" as the body of a state)
    const read = here.find((m) => m.start <= t.start[k] && t.end[k] <= m.end);
    if (read) {
      if (read.ref) name([read.ref], read.start, read.end);
      return true;
    }
    let by = -1;
    if (k + 2 < end && this.lex.doerPrepositions.has(t.lower[k + 1])) by = t.lower[k + 2] === 'the' ? k + 3 : k + 2;
    const own = here.find((m) => (m.end <= t.start[k] && (m.start >= t.start[p + 1] || (p >= first && m.end === t.end[p]))) || (by >= 0 && m.start === t.start[by]));
    if (own?.ref) {
      name([own.ref], Math.min(own.start, t.start[k]), Math.max(own.end, t.end[k]));
      return true;
    }
    // a trigger that is a noun phrase around it ("a tough 13-point list of demands") names the
    // act itself, no act told before, unless a determiner points back ("this important
    // meeting"); one with a verb before it ("criticized the allegations") has it as its object
    const around = this.actsIn[s].find((x) => x.start <= t.start[k] && t.end[k] <= x.end);
    if (around && det < 0 && !verbBefore(t, around.start, k)) return true;
    if (p > first && (t.lower[p] === "'s" || t.lower[p] === '’s')) {
      const owner = here.find((m) => m.end === t.end[p - 1]);
      if (owner?.ref) name([owner.ref], owner.start, t.end[k]);
      return true;
    }
    if (p >= first && this.lex.indefinites.has(t.lower[p])) {
      const doers = doersBefore(this.actsIn[s], here, t, s, p);
      if (doers) name(doers, t.start[p], t.end[k]);
      return true;
    }
    return false;
  }

  /** Rule 1: the object of an answer in its sentence (q: the token before the noun's
   * determiners and modifiers) is the act of the answer's addressees. */
  private answered(s: number, k: number, q: number): { refs: string[]; why: string } | null {
    const t = this.t;
    const answer = this.actsIn[s].find(
      (x) => x.targets.length > 0 && codeUnder(x.code, this.responses) && x.start < t.start[k] &&
        (t.end[k] <= x.end || (q >= t.sentenceFirst[s] && x.end === t.end[q])),
    );
    return answer ? { refs: answer.targets, why: `the act answered by "${this.a.text.slice(answer.start, answer.end)}"` } : null;
  }

  /** Rule 2: a definite act noun is the act of its kind named or told before it; not one that the
   * words after it single out ("the summit of the Group of 20", "the talks between …"). */
  private antecedent(s: number, k: number, det: number, kind: ActKind): { refs: string[]; why: string } | null {
    const t = this.t;
    if (k + 1 < t.sentenceEnd[s] && this.lex.restrictors.has(t.lower[k + 1])) return null;
    const phrase = t.start[det];
    // the same noun again is the surest antecedent ("The talks" … "The talks"), then its kind
    let same: Named | null = null;
    for (const n of this.named) if (n.at < phrase && n.noun === t.lower[k] && s - n.sentence <= CHAIN_SENTENCES) same = n;
    if (!same) for (const n of this.named) if (n.at < phrase && sameKind(n.kind, kind)) same = n;
    let act: Act | null = null;
    if (kind.fromEvents) for (const x of this.acts) if (x.end <= phrase && codeUnder(x.code, kind.codes)) act = x;
    if (same && (s - same.sentence <= CHAIN_SENTENCES || !act || same.at > act.start)) {
      return { refs: same.refs, why: `refers back to "${same.text}" (sentence ${same.sentence})` };
    }
    if (act) return { refs: act.sources, why: `refers back to "${this.a.text.slice(act.start, act.end)}" (sentence ${act.sentence})` };
    return null;
  }
}

/** Who introduces an act with an indefinite noun at token p ("the ministry said in a
 * statement"): the doers of the sentence's last event before it, else the actor named last
 * before the verb that leads to it, the verb's subject ("the two ministers met Muttaqi in Kabul
 * for a trilateral meeting": not Muttaqi). `told` and `here` are the sentence's acts and actor
 * mentions. After a request the addressee does it ("invited Modi to pay a visit"). */
function doersBefore(told: Act[], here: Mention[], t: Tokens, s: number, p: number): string[] | null {
  const at = t.start[p];
  let act: Act | null = null;
  for (const x of told) if (x.end <= at) act = x;
  // what a request asks for is the addressee's to do: "invited Modi to pay a visit"
  if (act) return codeUnder(act.code, languageTables().requests) && act.targets.length > 0 ? act.targets : act.sources;
  let v = p - 1;
  while (v >= t.sentenceFirst[s] && t.pos[v] !== Pos.VERB) v--;
  if (v < t.sentenceFirst[s]) return null;
  let subject: Mention | null = null;
  for (const m of here) if (m.end <= t.start[v] && m.ref) subject = m;
  return subject ? [subject.ref!] : null;
}

/** A verb among the tokens from offset `from` up to token k. */
function verbBefore(t: Tokens, from: number, k: number): boolean {
  for (let j = k - 1; j >= 0 && t.start[j] >= from; j--) if (t.pos[j] === Pos.VERB) return true;
  return false;
}
