// What the per-document ledger recognisers (series, commitments) read: the analysis, its
// language layer and actor mentions, token-boundary tables for the phrase tries, and the
// place, date and issue mentions with their token spans.
import type { Analysis, Mention } from '../analysis/types.js';
import type { Language } from '../language/layer.js';
import type { Tokens } from '../language/tokens.js';
import type { ActorLayer } from '../extract/actors.js';
import type { ActorMention } from '../extract/actor-mention.js';
import type { TokenLookup } from '../extract/phrase-trie.js';
import type { ExtractContext } from '../extract/context.js';
import { gazetteer } from '../lexicon/actors.js';
import { Roles, type Party } from '../code/roles.js';

export interface TokenMention extends Mention {
  /** First token and one past the last. */
  first: number;
  last: number;
}

export interface LedgerContext {
  a: Analysis;
  lang: Language;
  t: Tokens;
  layer: ActorLayer;
  roles: Roles;
  text: string;
  lower: string;
  /** The recognisers' token tables, so that the tries walk token by token here too. */
  lookup: TokenLookup;
  /** Per character: the token covering it, or -1. */
  tokenOf: Int32Array;
  places: TokenMention[];
  dates: TokenMention[];
  issues: TokenMention[];
  /** The document's pair of parties (codes), when it has one. */
  pair: string[] | null;
}

/** The ledger's context, from what the `find` stage built for the same text (lower-cased
 * text, token boundaries, token look-up): nothing of it is made again. */
export function ledgerContext(a: Analysis, lang: Language, layer: ActorLayer, ext: ExtractContext): LedgerContext {
  const t = lang.tokens;
  const text = a.text;
  const tokenOf = new Int32Array(text.length + 1).fill(-1);
  for (let i = 0; i < t.count; i++) for (let c = t.start[i]; c < t.end[i]; c++) tokenOf[c] = i;
  const withTokens = (kind: Mention['kind']): TokenMention[] =>
    a.mentions
      .filter((m) => m.kind === kind)
      .map((m) => {
        const first = tokenOf[m.start];
        const lastTok = tokenOf[Math.max(m.start, m.end - 1)];
        return { ...m, first, last: lastTok + 1 };
      })
      .filter((m) => m.first >= 0 && m.last > m.first);
  const pairActor = a.actors.find((x) => x.members && x.members.length === 2 && x.members.every((r) => a.actors.some((y) => y.ref === r && !y.members)));
  const pair = layer.pair ? [...layer.pair] : pairActor ? pairActor.members!.map((r) => codeOfRef(a, r)) : null;
  return {
    a,
    lang,
    t,
    layer,
    roles: new Roles(lang, layer.mentions),
    text,
    lower: ext.lower,
    lookup: ext.lookup,
    tokenOf,
    places: withTokens('place'),
    dates: withTokens('date'),
    issues: withTokens('issue'),
    pair,
  };
}

export function codeOfRef(a: Analysis, ref: string): string {
  return a.actors.find((x) => x.ref === ref)?.code ?? ref;
}

/** The state and IGO codes an actor mention stands for (a compound for its members). */
export function mentionCodes(ctx: LedgerContext, m: ActorMention): string[] {
  if (m.members) return m.members.map((r) => ctx.layer.actors.get(r)?.code ?? r);
  if (m.code) return [m.code];
  const actor = ctx.layer.actors.get(m.ref);
  if (actor?.members) return actor.members.map((r) => ctx.layer.actors.get(r)?.code ?? r);
  return actor ? [actor.code] : [];
}

export function partyCodes(ctx: LedgerContext, p: Party | null): string[] {
  if (!p) return [];
  return unique(p.mentions.flatMap((m) => mentionCodes(ctx, m)));
}

/** States and IGOs named inside a span of text, even where the actor recogniser left them out
 * because they are part of a name ("the Pakistan-China-Afghanistan Trilateral … Dialogue"). */
export function codesInside(ctx: LedgerContext, start: number, end: number): string[] {
  const out: string[] = [];
  for (const m of gazetteer().trie.matchAll(ctx.text, ctx.lower, start, end, ctx.lookup)) {
    const e = m.forms.map((f) => f.value).find((v) => v.type === 'state' || v.type === 'igo');
    if (e && (e.type === 'state' || e.type === 'igo')) out.push(e.code);
  }
  return unique(out);
}

export function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** The clause a token stands in: its first token and one past its last. */
export function clauseOf(ctx: LedgerContext, i: number): { first: number; end: number; index: number } {
  const c = ctx.lang.clauses;
  const k = c.of[i];
  return { first: c.first[k], end: c.end[k], index: k };
}

/** Text of a token range with the ranges in `drop` (token ranges) left out, spaces tidied. */
export function tokenText(ctx: LedgerContext, first: number, end: number, drop: Array<[number, number]> = []): string {
  const t = ctx.t;
  let out = '';
  let prevEnd = -1;
  for (let i = first; i < end; i++) {
    if (drop.some(([a, b]) => i >= a && i < b)) {
      prevEnd = -1;
      continue;
    }
    if (prevEnd >= 0 && t.start[i] > prevEnd) out += ' ';
    else if (prevEnd < 0 && out) out += ' ';
    out += ctx.text.slice(t.start[i], t.end[i]);
    prevEnd = t.end[i];
  }
  return tidy(out);
}

/** Collapses spaces, drops dangling commas and conjunctions at either end. */
export function tidy(s: string): string {
  let out = s.replace(/\s+/g, ' ').replace(/\s+([,.;:])/g, '$1').trim();
  for (;;) {
    const next = out.replace(/^(,|and|or|;)\s*/i, '').replace(/\s*(,|;|:|\.|\band|\bor|\bto|\bwith|\bin|\bby|\bof)$/i, '').trim();
    if (next === out) return out;
    out = next;
  }
}
