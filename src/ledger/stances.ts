// Stances: for each actor and issue, supports / opposes / concerned, read from the coded events
// (endorsements 05x, intentions to cooperate 03x, appeals 02x, disapproval 11x, rejection 12x,
// as data/lexicon/ledger/stances.yaml says) and the issues named in each event's object —
// "reiterated support for the one-China principle", "opposes 'Taiwan independence'". A pure
// function of the analysis, so it also reads analyses stored before stances existed.
import type { Analysis, EventOut, StanceOut } from '../analysis/types.js';
import { issueTable, stanceRules, stanceObjectPrepositions, type StanceRule } from './lexicon.js';
import { qualifiersIn, words } from './wording.js';

function ruleFor(e: EventOut, rules: StanceRule[]): StanceRule | null {
  const trigger = new Set(words(e.trigger.text));
  for (const r of rules) {
    if (!r.codes.some((c) => e.code.startsWith(c))) continue;
    if (r.words && ![...r.words].some((w) => trigger.has(w))) continue;
    return r;
  }
  return null;
}

/** Where an event's object ends: the next other trigger in its sentence, a ";" or ":", or the
 * sentence's end. */
function objectEnd(a: Analysis, e: EventOut): number {
  const s = a.sentences[e.sentence];
  const starts = [...new Set(a.events.filter((o) => o.sentence === e.sentence && o.trigger.start >= e.trigger.end).map((o) => o.trigger.start))].sort((x, y) => x - y);
  // an event noun right after the trigger is its object ("voiced concern over attacks on …")
  const preps = stanceObjectPrepositions();
  const between = (to: number) => a.text.slice(e.trigger.end, to).trim().toLowerCase();
  while (starts.length && (between(starts[0]) === '' || preps.has(between(starts[0])))) starts.shift();
  let end = starts.length ? Math.min(starts[0], s.end) : s.end;
  const stop = a.text.slice(e.trigger.end, end).search(/[;:]/);
  return stop >= 0 ? e.trigger.end + stop : end;
}

/** Where the words that qualify an event's trigger start: after its source when the source
 * stands before it, else after the trigger before it. */
function windowStart(a: Analysis, e: EventOut): number {
  const s = a.sentences[e.sentence];
  let start = s.start;
  for (const o of a.events) {
    if (o.sentence === e.sentence && o.trigger.end <= e.trigger.start && o.trigger.end > start) start = o.trigger.end;
  }
  if (e.source.end <= e.trigger.start && e.source.end > start && e.source.end > e.source.start) start = e.source.end;
  // "… committed to the one-China principle and opposes …": the words of another clause qualify
  // another claim
  const before = a.text.slice(start, e.trigger.start);
  const cut = Math.max(before.lastIndexOf(' and '), before.lastIndexOf(', '), before.lastIndexOf('; '));
  return cut >= 0 ? start + cut + 1 : start;
}

/** The qualifiers of an event: in the words from its source (or the trigger before it) to the
 * end of its object ("Pakistan restates firm backing for …" → reaffirmed, firm). */
export function eventQualifiers(a: Analysis, e: EventOut): string[] {
  return qualifiersIn(a.text.slice(windowStart(a, e), objectEnd(a, e))).map((q) => q.label);
}

export interface EventStance {
  event: EventOut;
  stance: StanceOut['stance'];
  issues: string[];
  qualifiers: string[];
}

/** The stance each event takes, with the issues it is about. */
export function eventStances(a: Analysis): EventStance[] {
  const rules = stanceRules();
  const issueMentions = a.mentions.filter((m) => m.kind === 'issue' && m.ref);
  const out: EventStance[] = [];
  for (const e of a.events) {
    if (e.negated || e.modality === 'hypothetical') continue;
    const rule = ruleFor(e, rules);
    if (!rule) continue;
    const end = objectEnd(a, e);
    let issues = issueMentions.filter((m) => m.sentence === e.sentence && m.end > e.trigger.start && m.start < end).map((m) => m.ref!);
    if (!issues.length) {
      // a topic named before every trigger of the sentence ("On Kashmir, China repeated …")
      const firstTrigger = Math.min(...a.events.filter((o) => o.sentence === e.sentence).map((o) => o.trigger.start));
      issues = issueMentions.filter((m) => m.sentence === e.sentence && m.end <= firstTrigger && m.end <= e.source.start).map((m) => m.ref!);
    }
    if (!issues.length) continue;
    const qualifiers = eventQualifiers(a, e);
    out.push({ event: e, stance: rule.stance, issues: [...new Set(issues)], qualifiers });
  }
  return out;
}

/** Each actor's stances on the issues of one report. */
export function findStances(a: Analysis): StanceOut[] {
  const table = issueTable();
  const byKey = new Map<string, StanceOut>();
  const towards = new Map<string, string[]>();
  for (const es of eventStances(a)) {
    const e = es.event;
    for (const issue of es.issues) {
      const key = `${e.source.code}|${es.stance}|${issue}`;
      let s = byKey.get(key);
      if (!s) {
        s = { actor: e.source.code, issue, stance: es.stance, toward: null, qualifiers: [], sentences: [], events: [] };
        byKey.set(key, s);
      }
      const toward = e.target?.code ?? table.get(issue)?.actor ?? null;
      if (toward && toward !== s.actor) towards.set(key, [...(towards.get(key) ?? []), toward]);
      for (const q of es.qualifiers) if (!s.qualifiers.includes(q)) s.qualifiers.push(q);
      if (!s.sentences.includes(e.sentence)) s.sentences.push(e.sentence);
      s.events.push(e.id);
    }
  }
  // whom a stance is for or against: what most of its events say; a tie says nothing
  for (const [key, list] of towards) {
    const n = new Map<string, number>();
    for (const t of list) n.set(t, (n.get(t) ?? 0) + 1);
    const ranked = [...n].sort((x, y) => y[1] - x[1]);
    if (ranked.length === 1 || ranked[0][1] > ranked[1][1]) byKey.get(key)!.toward = ranked[0][0];
  }
  return [...byKey.values()];
}

/** The stances of an analysis: stored ones, or read now from its events. */
export function stancesOf(a: Analysis): StanceOut[] {
  return a.stances ?? findStances(a);
}
