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
