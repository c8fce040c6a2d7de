// The claims of one statement, as units to compare with another's: stances on issues,
// commitments, and the other coded events — each with the words that say how strongly it is
// made ("firm", "ironclad", "reaffirmed") and the sentences behind it.
import type { Analysis } from '../analysis/types.js';
import { placeName } from './place-name.js';
import { cameoName } from '../code/cameo.js';
import { issueTable } from './lexicon.js';
import { stancesOf, eventQualifiers } from './stances.js';
import { qualifiersIn, words } from './wording.js';
import type { Claim } from './types.js';

export type { Claim, ClaimKind } from './types.js';

const uniq = <T>(xs: T[]) => [...new Set(xs)];


/** Qualifiers in a commitment's sentence before its action ("a firm commitment to …"). */
function commitmentQualifiers(sentence: string, action: string): string[] {
  const head = words(action).slice(0, 3).join(' ');
  const flat = words(sentence).join(' ');
  const at = head ? flat.indexOf(head) : -1;
  const before = at >= 0 ? flat.slice(0, at) : flat;
  return qualifiersIn(before).map((q) => q.label);
}

export function claimsOf(a: Analysis): Claim[] {
  const issues = issueTable();
  const out: Claim[] = [];
  const text = (s: number) => a.sentences[s]?.text ?? '';
  const eventsById = new Map(a.events.map((e) => [e.id, e]));
  const used = new Set<string>();

  for (const s of stancesOf(a)) {
    const issueName = issues.get(s.issue)?.name ?? a.issues.find((i) => i.ref === s.issue)?.name ?? s.issue;
    for (const id of s.events) used.add(id);
    out.push({
      kind: 'stance',
      key: `stance|${s.actor}|${s.stance}|${s.issue}`,
      label: `${s.actor} ${s.stance} ${issueName}${s.toward ? ` (${s.toward})` : ''}`,
      actors: [s.actor],
      sentences: [...s.sentences],
      evidence: s.sentences.map(text),
      wording: uniq(s.events.map((id) => eventsById.get(id)?.trigger.text.toLowerCase() ?? '').filter(Boolean)),
      qualifiers: [...s.qualifiers],
      issue: s.issue,
    });
  }

  for (const c of a.commitments) {
    const parties = [...c.parties].sort();
    const place = placeName(a, c.place);
    out.push({
      kind: 'commitment',
      key: `commitment|${parties.join('+')}|${c.action.toLowerCase()}`,
      label: `${c.parties.join('+') || '?'} to ${c.action}${c.due ? `, due ${c.due}` : ''}${place ? `, in ${place}` : ''}`,
      actors: c.parties,
      sentences: [c.sentence],
      evidence: [text(c.sentence)],
      wording: [c.action],
      qualifiers: commitmentQualifiers(text(c.sentence), c.action),
      due: c.due,
      place: c.place,
    });
  }

  // the other events: one claim per source, target and code
  const byKey = new Map<string, Claim>();
  for (const e of a.events) {
    if (used.has(e.id) || e.negated || e.code === '010') continue;
    // intentions are the commitments' (and, with an issue, the stances')
    if (e.modality === 'intended' || e.root === '03') continue;
    const target = e.target?.code ?? '-';
    const key = `event|${e.source.code}|${target}|${e.code}`;
    let claim = byKey.get(key);
    if (!claim) {
      claim = {
        kind: 'event',
        key,
        label: `${e.source.code} → ${target === '-' ? '(none)' : target} ${e.code} ${cameoName(e.code)}${e.modality === 'asserted' ? '' : ` [${e.modality}]`}`,
        actors: uniq([e.source.code, ...(e.target ? [e.target.code] : [])]),
        sentences: [],
        evidence: [],
        wording: [],
        qualifiers: [],
        code: e.code,
      };
      byKey.set(key, claim);
      out.push(claim);
    }
    if (!claim.sentences.includes(e.sentence)) {
      claim.sentences.push(e.sentence);
      claim.evidence.push(text(e.sentence));
    }
    const w = e.trigger.text.toLowerCase();
    if (!claim.wording.includes(w)) claim.wording.push(w);
    for (const x of eventQualifiers(a, e)) if (!claim.qualifiers.includes(x)) claim.qualifiers.push(x);
  }
  return out;
}
