// Clause boundaries: where a sentence's next clause starts and what kind it is, from
// punctuation, subordinators, relatives, participles after a comma and coordinated verb groups.
// The coder reads them to find each verb's subject and to keep roles inside one clause.
import { Pos } from './pos.js';
import type { Tokens } from './tokens.js';
import { int32s, SpanBuffers } from './typed-blocks.js';
import { languageTables } from '../lexicon/language.js';

export const enum ClauseKind {
  Main = 0,
  /** after ";" or ":" */
  Separate,
  /** "that …", "while …", "because …" */
  Subordinate,
  /** ", which …", ", who …" */
  Relative,
  /** ", pledging to …": shares the subject of the clause before it */
  Participle,
  /** "… and reiterated …": a second verb group sharing the subject */
  Coordinate,
  /** "according to …", "as per …" */
  Attribution,
  /** "if …", "unless …" */
  Conditional,
}

export interface Clauses {
  /** Per token: the index of its clause. */
  of: Int32Array;
  kind: Uint8Array;
  first: Int32Array;
  end: Int32Array;
}

/** clauses()' buffers, kept from document to document. */
const scratch = new SpanBuffers();

function isGerund(t: Tokens, i: number): boolean {
  const v = t.lower[i];
  return t.pos[i] === Pos.VERB && v.length > 4 && v.endsWith('ing');
}

export function clauses(t: Tokens): Clauses {
  const lang = languageTables();
  const attributionFirst = new Set(lang.attributions.map((a) => a[0]));
  // at most a clause per token and one per sentence
  scratch.reserve(t.count + t.sentenceFirst.length);
  const { kind: kinds, first: firsts, end: ends } = scratch;
  const of = int32s(t.count);
  let n = 0;
  const open = (kind: ClauseKind, at: number) => {
    if (n > 0) ends[n - 1] = at;
    kinds[n] = kind;
    firsts[n] = at;
    ends[n++] = at;
  };
  for (let s = 0; s < t.sentenceFirst.length; s++) {
    const from = t.sentenceFirst[s];
    const to = t.sentenceEnd[s];
    if (from >= to) continue;
    open(ClauseKind.Main, from);
    let sawVerb = false;
    for (let i = from; i < to; i++) {
      const lower = t.lower[i];
      const p = t.pos[i];
      const prevComma = i > from && t.value[i - 1] === ',';
      let kind: ClauseKind | -1 = -1;
      if (i > from && (t.value[i - 1] === ';' || t.value[i - 1] === ':')) kind = ClauseKind.Separate;
      // "According to the Turkish Presidency, Erdoğan and Putin will …": the attribution ends at its comma
      else if (prevComma && kinds[n - 1] === ClauseKind.Attribution) kind = ClauseKind.Separate;
      else if (attributionFirst.has(lower) && lang.attributions.some((a) => matchesAt(t, i, to, a))) kind = ClauseKind.Attribution;
      else if (p === Pos.SCONJ && lang.conditionals.has(lower)) kind = ClauseKind.Conditional;
      else if (p === Pos.SCONJ && lang.subordinators.has(lower) && i > from) kind = ClauseKind.Subordinate;
      // "after Modi and el-Sisi held talks": a subordinator the tagger read as a preposition
      else if (p === Pos.ADP && lang.subordinators.has(lower) && i > from && finiteAhead(t, i, to)) kind = ClauseKind.Subordinate;
      else if (lower === 'that' && sawVerb && i > from && t.pos[i - 1] === Pos.VERB) kind = ClauseKind.Subordinate;
      // "the tremors that struck Türkiye": a relative clause about the noun before it
      else if ((lower === 'that' || lower === 'which' || lower === 'who') && i > from && (t.pos[i - 1] === Pos.NOUN || t.pos[i - 1] === Pos.PROPN) && i + 1 < to && (t.pos[i + 1] === Pos.VERB || t.pos[i + 1] === Pos.AUX || t.pos[i + 1] === Pos.ADV)) kind = ClauseKind.Relative;
      else if (prevComma && lang.relatives.has(lower)) kind = ClauseKind.Relative;
      else if (prevComma && isGerund(t, i)) kind = ClauseKind.Participle;
      // "… and reiterated …": a second finite verb; "to dismantle and eliminate" stays one clause
      else if (sawVerb && i > from && t.pos[i - 1] === Pos.CCONJ && finiteVerbAt(t, p === Pos.ADV ? i + 1 : i, to)) kind = ClauseKind.Coordinate;
      // "…, and both sides agreed …", "… by Thai troops and Cambodian forces had responded": a
      // conjunction before a new subject with a finite verb opens a clause of its own
      // — unless it goes on inside a subordinate clause without a comma ("said that the attack
      // left two children killed and three people injured, condemned …": both under "that")
      else if (sawVerb && i > from + 1 && t.pos[i - 1] === Pos.CCONJ && p !== Pos.VERB && (t.value[i - 2] === ',' ? verbAhead(t, i, to) : finiteAhead(t, i, to))) {
        const current = kinds[n - 1];
        kind = t.value[i - 2] !== ',' && (current === ClauseKind.Subordinate || current === ClauseKind.Conditional) ? current : ClauseKind.Separate;
      }
      // "Islamabad said that …, condemned Iran's actions and …": a comma before a finite verb
      else if (sawVerb && prevComma && finiteVerbAt(t, i, to) && !t.lower[i].endsWith('ing')) kind = ClauseKind.Coordinate;
      if (kind !== -1 && i > firsts[n - 1]) {
        open(kind, i);
        sawVerb = false;
      } else if ((kind === ClauseKind.Conditional || kind === ClauseKind.Attribution) && i === firsts[n - 1]) {
        // "If Israel attacks Iran, …", "According to the Turkish Presidency, …" open the sentence
        kinds[n - 1] = kind;
      }
      if (p === Pos.VERB || p === Pos.AUX) sawVerb = true;
      of[i] = n - 1;
    }
    ends[n - 1] = to;
  }
  return { of, ...scratch.done(n) };
}

function finiteVerbAt(t: Tokens, i: number, to: number): boolean {
  return i < to && t.pos[i] === Pos.VERB && t.lower[i] !== t.lemma[i] && !t.lower[i].endsWith('ing');
}

/** A verb within the next few words, before any comma: the new clause has a predicate. */
function verbAhead(t: Tokens, i: number, to: number): boolean {
  for (let j = i; j < to && j < i + 8; j++) {
    if (t.value[j] === ',') return false;
    if (t.pos[j] === Pos.VERB || t.pos[j] === Pos.AUX) return true;
  }
  return false;
}

/** A finite verb group ahead (an auxiliary, or a past or -s form not after "to"), before any comma. */
function finiteAhead(t: Tokens, i: number, to: number): boolean {
  for (let j = i + 1; j < to && j < i + 16; j++) {
    if (t.value[j] === ',' || t.pos[j] === Pos.ADP || t.pos[j] === Pos.PART) return false;
    if (t.pos[j] === Pos.AUX || finiteVerbAt(t, j, to)) return true;
  }
  return false;
}

function matchesAt(t: Tokens, i: number, to: number, words: string[]): boolean {
  if (t.lower[i] !== words[0] || i + words.length > to) return false;
  for (let k = 1; k < words.length; k++) if (t.lower[i + k] !== words[k]) return false;
  return true;
}
