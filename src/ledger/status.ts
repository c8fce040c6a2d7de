// Status of commitments across reports: fulfilled when a later report says the action was done
// (that report's event, the round of the series it promised, or its own account of it), else
// open before the due period, due during it and overdue after it. A pure function of analyses.
import type { Analysis, CommitmentOut, EventOut, SeriesOut } from '../analysis/types.js';
import { languageTables } from '../lexicon/language.js';
import { commitmentLexicon, seriesLexicon } from './lexicon.js';
import { mechanismOfName, seriesKey } from './series-key.js';
import { ordinalForms } from './round-number.js';
import { statusOn } from './period.js';
import { contentStems, shared, words } from './wording.js';
import { placeName } from './place-name.js';
import type { CommitmentRecord, CommitmentStatus, Evidence } from './types.js';

export type { CommitmentRecord, CommitmentStatus, Evidence } from './types.js';

/** Minimum share of the action (stems and issues) a later sentence must cover. */
const EVENT_COVERAGE = 0.5;
const REPORT_COVERAGE = 0.6;

function later(a: { published: string | null; order: number }, b: { published: string | null; order: number }): boolean {
  if (a.published && b.published) return b.published > a.published;
  return b.order > a.order;
}

/** The issues a commitment is about: those mentioned in its sentence whose words are in the action. */
function actionIssues(a: Analysis, c: CommitmentOut): Set<string> {
  const lower = c.action.toLowerCase();
  return new Set(a.mentions.filter((m) => m.kind === 'issue' && m.sentence === c.sentence && m.ref && lower.includes(m.text.toLowerCase())).map((m) => m.ref!));
}

function sentenceIssues(a: Analysis, s: number): Set<string> {
  return new Set(a.mentions.filter((m) => m.kind === 'issue' && m.sentence === s && m.ref).map((m) => m.ref!));
}

/** Share of the action's stems and issues (an issue counts twice) that a sentence covers. */
function score(stems: Set<string>, issues: Set<string>, b: Analysis, s: number): { score: number; shared: number } {
  const other = contentStems(b.sentences[s].text);
  const otherIssues = sentenceIssues(b, s);
  const n = shared(stems, other);
  const ni = shared(issues, otherIssues);
  const total = stems.size + 2 * issues.size;
  return { score: total ? (n + 2 * ni) / total : 0, shared: n + ni };
}

/** A sentence that reports intentions, not deeds: it holds a commitment or an intended event,
 * or a negation ("has not met"). */
function prospective(b: Analysis, s: number, negators: Set<string>): boolean {
  if (b.commitments.some((c) => c.sentence === s)) return true;
  if (b.events.some((e) => e.sentence === s && (e.modality === 'intended' || e.modality === 'hypothetical'))) return true;
  return words(b.sentences[s].text).some((w) => negators.has(w));
}

/** The series a commitment promises a meeting of, in the report that made it. */
function promisedSeries(a: Analysis, c: CommitmentOut): SeriesOut | null {
  const lex = seriesLexicon();
  const ws = words(c.action);
  const round = ws.some((w) => lex.rounds.has(w));
  const mech = mechanismOfName(c.action);
  if (!round && !mech) return null;
  for (const s of a.series) {
    if (!s.next) continue;
    const sMech = mechanismOfName(s.name);
    const sameMechanism = mech && sMech && (mech.key === sMech.key || mech.generic);
    const samePlan = (!c.place || !s.next.place || c.place === s.next.place) && (!c.due || !s.next.due || c.due === s.next.due);
    if ((sameMechanism || (round && !mech && s === a.series[0])) && samePlan) return s;
  }
  return null;
}

/** The sentence of report b that reports round n (or, without a number, names the series). */
function roundSentence(b: Analysis, s: SeriesOut): number {
  const forms = s.round !== null ? ordinalForms(s.round) : [];
  const rounds = seriesLexicon().rounds;
  const byRole = [...b.sentences].sort((x, y) => (x.role === 'body' ? 0 : 1) - (y.role === 'body' ? 0 : 1) || x.index - y.index);
  for (const sent of byRole) {
    const ws = words(sent.text);
    if (forms.length && ws.some((w, i) => forms.includes(w) && (rounds.has(ws[i + 1] ?? '') || mechanismOfName(sent.text)))) return sent.index;
    if (!forms.length && mechanismOfName(sent.text) && sent.text.toLowerCase().includes(s.name.toLowerCase().split(' ').slice(-2).join(' '))) return sent.index;
  }
  return byRole[0]?.index ?? 0;
}

function eventIn(b: Analysis, sentence: number, parties: string[]): EventOut | null {
  const evs = b.events.filter((e) => e.sentence === sentence && e.modality === 'asserted' && !e.negated);
  return evs.find((e) => parties.includes(e.source.code)) ?? evs[0] ?? null;
}

/** Evidence in report b that commitment c of report a was carried out, or null. */
export function findFulfilment(a: Analysis, c: CommitmentOut, b: Analysis): Evidence | null {
  const negators = languageTables().negators;
  const roots = commitmentLexicon().fulfilledBy;
  // 1. the promised round of a series took place
  const promised = promisedSeries(a, c);
  if (promised) {
    const key = seriesKey(promised);
    const held = b.series.find((s) => seriesKey(s) === key && (promised.next!.round !== null ? s.round === promised.next!.round : (s.date !== null && (!a.published || s.date > a.published))));
    if (held) {
      const sentence = roundSentence(b, held);
      const e = eventIn(b, sentence, c.parties);
      return { doc: b.id, published: b.published, sentence, text: b.sentences[sentence].text, event: e?.id ?? null, how: 'series', score: 1 };
    }
    return null;
  }
  const stems = contentStems(c.action);
  const issues = actionIssues(a, c);
  let best: Evidence | null = null;
  // 2. an event of a party that the later report asserts, in a sentence that says what was promised
  for (const e of b.events) {
    if (e.modality !== 'asserted' || e.negated || !roots.some((r) => e.code.startsWith(r))) continue;
    if (c.parties.length && !c.parties.includes(e.source.code) && !(e.target && c.parties.includes(e.target.code))) continue;
    if (prospective(b, e.sentence, negators)) continue;
    const s = score(stems, issues, b, e.sentence);
    if (s.score >= EVENT_COVERAGE && s.shared >= 2 && (!best || s.score > best.score)) {
      best = { doc: b.id, published: b.published, sentence: e.sentence, text: b.sentences[e.sentence].text, event: e.id, how: 'event', score: s.score };
    }
  }
  if (best) return best;
  // 3. the later report's own account, naming a party, without an event coded for it
  const partyRefs = new Set(b.actors.filter((x) => c.parties.includes(x.code) || (x.members ?? []).some((m) => c.parties.includes(b.actors.find((y) => y.ref === m)?.code ?? m))).map((x) => x.ref));
  for (const sent of b.sentences) {
    if (sent.role === 'caption' || prospective(b, sent.index, negators)) continue;
    if (!b.mentions.some((m) => m.kind === 'actor' && m.sentence === sent.index && m.ref && partyRefs.has(m.ref))) continue;
    const s = score(stems, issues, b, sent.index);
    if (s.score >= REPORT_COVERAGE && s.shared >= 3 && (!best || s.score > best.score)) {
      best = { doc: b.id, published: b.published, sentence: sent.index, text: sent.text, event: null, how: 'report', score: s.score };
    }
  }
  return best;
}

/**
 * Every commitment of every analysis with its status on `today` (YYYY-MM-DD): fulfilled, with the
 * first later report that says it was done as evidence; otherwise open, due or overdue.
 */
export function commitmentStatus(analyses: Analysis[], today: string): CommitmentRecord[] {
  const docs = analyses.map((a, order) => ({ a, order, published: a.published }));
  const out: CommitmentRecord[] = [];
  for (const d of docs) {
    const laterDocs = docs.filter((x) => x !== d && later(d, x)).sort((x, y) => (x.published ?? '').localeCompare(y.published ?? '') || x.order - y.order);
    d.a.commitments.forEach((c, index) => {
      let evidence: Evidence | null = null;
      for (const l of laterDocs) {
        if (l.published && l.published > today) continue;
        evidence = findFulfilment(d.a, c, l.a);
        if (evidence) break;
      }
      const status: CommitmentStatus = evidence ? 'fulfilled' : statusOn(c.due, today);
      out.push({ doc: d.a.id, published: d.a.published, index, commitment: { ...c, status }, text: d.a.sentences[c.sentence]?.text ?? '', placeName: placeName(d.a, c.place), status, evidence });
    });
  }
  return out;
}
