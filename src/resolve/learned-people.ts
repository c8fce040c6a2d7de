// People a text introduces with a title ("Foreign Minister Yoko Kamikawa") that no lexicon
// knows are learned — name, office, country, date, evidence — so that later documents of the
// same run (and, through the knowledge base, later runs) resolve them when named without one.
import { actorEntry, gazetteer, type ActorEntry } from '../lexicon/actors.js';
import { casingOf } from '../extract/phrase-trie.js';

export interface LearnedPerson {
  id: string;
  name: string;
  country: string;
  office: string | null;
  /** The published date of the document that taught it, if known. */
  since: string | null;
  evidence: { doc: string; sentence: string };
}

const learned = new Map<string, LearnedPerson>();

/** Remembers a titled person; the first document that names them is the evidence. */
export function learnPerson(p: LearnedPerson): void {
  if (learned.has(p.id) || p.name.split(/\s+/).length < 2) return;
  learned.set(p.id, p);
  const entry: ActorEntry = actorEntry({
    type: 'person',
    id: p.id,
    name: p.name,
    country: p.country,
    offices: p.office ? [{ office: p.office, from: p.since ?? undefined, source: `learned from ${p.evidence.doc}` }] : [],
  });
  gazetteer().trie.add({ form: p.name, value: entry, casing: casingOf(p.name) });
}

export function learnedPeople(): LearnedPerson[] {
  return [...learned.values()];
}
