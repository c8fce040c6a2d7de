// An actor mention as the coder needs it: its span in tokens and characters, and what it
// resolves to. The output contract's Mention and ActorOut are derived from these.
export interface ActorMention {
  start: number;
  end: number;
  /** First token and one past the last. */
  first: number;
  last: number;
  sentence: number;
  ref: string;
  /** State or IGO code; for a compound, null (see members). */
  code: string | null;
  /** For collectives and pronouns: the refs of the members, once resolved. */
  members: string[] | null;
  kind: 'state' | 'igo' | 'person' | 'body' | 'group' | 'media' | 'collective';
  /** How it was written: a name, an adjective ("Chinese"), a metonym ("Beijing"), a pronoun; a
   * capital after "in"/"from" ("its ambassador in Tehran") is 'locative': a place that may
   * still tell a deep addressee, never a subject or a direct addressee, and no actor mention
   * in the output. */
  via: 'name' | 'adjective' | 'metonym' | 'office' | 'pronoun' | 'collective' | 'surname' | 'locative';
  /** A numbered collective's count ("the four countries"). */
  count?: number;
  /** A description's states ("the kingdom"). */
  states?: ReadonlySet<string>;
}

/** A new mention, unresolved (no members). Every mention is made here, with every field in
 * the same order, so that all share one object shape and the passes over them read their
 * fields at one known place instead of looking each up by shape. */
export function actorMention(start: number, end: number, first: number, last: number, sentence: number, ref: string, code: string | null, kind: ActorMention['kind'], via: ActorMention['via']): ActorMention {
  return { start, end, first, last, sentence, ref, code, members: null, kind, via, count: undefined, states: undefined };
}
