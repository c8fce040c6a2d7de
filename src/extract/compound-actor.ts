// The compound actor of several members — "the two sides", the doers of one act — made the same
// way wherever one is needed, so that equal members give one ref.
import type { ActorOut } from '../analysis/types.js';

/** The ref group:<members' codes joined by +>, added to `actors` (with its members' names
 * joined by "and") if it is new. `nameOf` names a member from its ref and code. */
export function compoundActor(members: string[], actors: Map<string, ActorOut>, nameOf: (ref: string, code: string) => string): string {
  const codes = members.map((r) => actors.get(r)?.code ?? r);
  const ref = `group:${codes.join('+')}`;
  if (!actors.has(ref)) {
    actors.set(ref, {
      ref, code: codes.join('+'), country: null, org: null, sector: null,
      name: members.map((r, i) => nameOf(r, codes[i])).join(' and '), aliases: [], members: [...members],
    });
  }
  return ref;
}
