// The analyser learns people introduced with a title and resolves them in later documents of
// the run. The store keeps what was learned, batch by batch in the batch's own transaction,
// and an ingest starts from it: so a run resumed after a crash knows exactly what an
// uninterrupted run knew at that point, and a later run knows what earlier ones learned.
import type { Transaction } from 'kysely';
import { learnPerson, learnedPeople, type LearnedPerson } from '../resolve/learned-people.js';
import type { Store } from './open.js';
import type { Tables } from './schema.js';
import { chunks } from './util.js';

export type { LearnedPerson };

export async function storedLearnedPeople(store: Store): Promise<LearnedPerson[]> {
  const rows = await store.db.selectFrom('learned_people').select('person').orderBy('seq').execute();
  return rows.map((r) => JSON.parse(r.person) as LearnedPerson);
}

/** Teaches this thread's analyser what the store knows; returns how many it now knows. */
export function primeLearned(people: LearnedPerson[]): number {
  for (const p of people) learnPerson(p);
  return learnedPeople().length;
}

/** What this thread's analyser learned since it knew `known` people. */
export function learnedSince(known: number): LearnedPerson[] {
  return learnedPeople().slice(known);
}

export async function saveLearned(trx: Transaction<Tables>, people: LearnedPerson[]): Promise<void> {
  if (!people.length) return;
  const max = await trx.selectFrom('learned_people').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
  let seq = Number(max?.m ?? 0);
  for (const part of chunks(people, 200)) {
    await trx.insertInto('learned_people')
      .values(part.map((p) => ({ id: p.id, seq: ++seq, person: JSON.stringify(p) })))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}
