// The actor recogniser: states, organisations, offices and people, groups and collectives in
// every sentence, resolved within the document ("DPM Dar" → Ishaq Dar, "the Chinese FM" →
// Wang Yi, "the two sides" → the document's pair of parties).
import type { ActorOut, Mention } from '../analysis/types.js';
import { Pos } from '../language/pos.js';
import { gazetteer, slug, type ActorEntry, type CollectiveKind } from '../lexicon/actors.js';
import type { ExtractContext } from './context.js';
import { actorMention, type ActorMention } from './actor-mention.js';
import { spanAt } from './offices-in-time.js';
import { compoundActor } from './compound-actor.js';
import { documentNames, type NameSpan } from './names.js';
import type { Tokens } from '../language/tokens.js';
import { learnPerson } from '../resolve/learned-people.js';
import { int32s } from '../language/typed-blocks.js';

const LOCATIVE = new Set(['in', 'at', 'to', 'from', 'near', 'into', 'via', 'outside', 'inside', 'across', 'towards', 'toward']);

export interface ActorLayer {
  mentions: ActorMention[];
  actors: Map<string, ActorOut>;
  /** The document's main pair of parties, when it has one. */
  pair: [string, string] | null;
  /** Proper names that are not actors ("… Strategic Dialogue"). */
  names: NameSpan[];
}

interface Raw {
  start: number;
  end: number;
  first: number;
  last: number;
  sentence: number;
  entry: ActorEntry;
}

function isCapitalCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);
}

/** Memo tables for strings that recur across documents (lexicon names and offices, the text's
 * names of people), cleared when they grow large. */
function memo<T>(compute: (s: string) => T, limit = 20000): (s: string) => T {
  const table = new Map<string, T>();
  return (s) => {
    let v = table.get(s);
    if (v === undefined) {
      if (table.size >= limit) table.clear();
      v = compute(s);
      table.set(s, v);
    }
    return v;
  };
}

const slugOf = memo(slug);

/** The lower-cased last word of an office or organisation name ("ministry" of "Foreign Ministry"). */
const headWordOf = memo((s: string) => s.toLowerCase().split(' ').pop()!);

/** White space as /\s/ has it. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether the char at i is a capital letter (upper case, with a lower case). */
function isUpperAt(n: string, i: number): boolean {
  const c = n.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = n[i];
  return ch === ch.toUpperCase() && ch !== ch.toLowerCase();
}

/**
 * The one-word names by which later mentions may name a person named n, in the order they are
 * claimed: the family name last ("Dar", "Erdoğan") even with a particle, a particle name's last
 * part ("el-Sisi" → "Sisi"), and the first of two or more capitalised words unless it is a title
 * word ("Wang"). Words are scanned in place, without splitting; a name gives the same forms in
 * every document, so they are worked out once (memo).
 */
const surnameForms = memo((n: string): string[] => {
  let words = 0, capitalised = 0;
  let firstCapStart = -1, firstCapEnd = -1, lastStart = -1, lastEnd = -1;
  for (let i = 0; i < n.length; ) {
    if (isSpace(n.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n.length && !isSpace(n.charCodeAt(i))) i++;
    words++;
    if (isUpperAt(n, start) && capitalised++ === 0) {
      firstCapStart = start;
      firstCapEnd = i;
    }
    lastStart = start;
    lastEnd = i;
  }
  if (words < 2) return [];
  const forms: string[] = [];
  const lastName = n.slice(lastStart, lastEnd);
  forms.push(lastName);
  const dash = lastName.lastIndexOf('-');
  if (dash > 0) forms.push(lastName.slice(dash + 1));
  if (capitalised >= 2) {
    const first = n.slice(firstCapStart, firstCapEnd);
    if (!gazetteer().officeWords.has(first.toLowerCase())) forms.push(first);
  }
  return forms;
});

/** Records the one-word names of a person of ref named n (surnameForms) that no earlier person
 * of the document has taken. */
function addSurnames(surnames: Map<string, string>, n: string, ref: string): void {
  for (const form of surnameForms(n)) if (!surnames.has(form)) surnames.set(form, ref);
}

/** The sector of an office, by its canonical name (offices.yaml). */
const sectorOf = memo((office: string): string | null => gazetteer().offices.get(office.toLowerCase())?.sector ?? null);

const COLLECTIVE_REFS: Record<CollectiveKind, string> = {
  pair: 'collective:pair',
  group: 'collective:group',
  pronoun: 'collective:pronoun',
  person: 'collective:person',
  thing: 'collective:thing',
  speaker: 'collective:speaker',
  state: 'collective:state',
};

/** A mention spanning a raw match. */
function rawMention(r: Raw, ref: string, code: string | null, kind: ActorMention['kind'], via: ActorMention['via']): ActorMention {
  return actorMention(r.start, r.end, r.first, r.last, r.sentence, ref, code, kind, via);
}

/** A person of the document holding an office, of that country if one is given ("the Chinese FM"). */
function officeHolder(people: Map<string, ActorOut>, office: string, country: string | null): ActorOut | undefined {
  for (const p of people.values()) if (p.office === office && (!country || p.country === country)) return p;
  return undefined;
}

/** The last body mentioned whose organisation's name ends in headWord ("the ministry" → the Foreign Ministry). */
function lastBodyWithHead(mentions: ActorMention[], actors: Map<string, ActorOut>, headWord: string): ActorMention | null {
  for (let j = mentions.length - 1; j >= 0; j--) {
    const m = mentions[j];
    if (m.kind !== 'body') continue;
    const org = actors.get(m.ref)?.org;
    if (org != null && headWordOf(org) === headWord) return m;
  }
  return null;
}

/** The first actor holding an office or being that body, when all that do are of one code. */
function soleHolder(actors: Map<string, ActorOut>, office: string): ActorOut | null {
  let first: ActorOut | null = null;
  for (const a of actors.values()) {
    if (a.members || (a.office !== office && a.org !== office)) continue;
    if (!first) first = a;
    else if (a.code !== first.code) return null;
  }
  return first;
}

/** A person of the document by exact name. */
function personNamed(people: Map<string, ActorOut>, name: string): ActorOut | undefined {
  for (const p of people.values()) if (p.name === name) return p;
  return undefined;
}

/** An adjective or participle between a possessive and an office ("Afghanistan's acting foreign minister"). */
function isModifier(t: Tokens, k: number): boolean {
  return t.pos[k] === Pos.ADJ || (t.pos[k] === Pos.VERB && (t.lower[k].endsWith('ing') || t.lower[k].endsWith('ed')));
}

/** The sentence's raw starting at token k, if any (rawAt: token → index in raws, or -1). */
function rawStartingAt(raws: Raw[], rawAt: Int32Array, k: number): Raw | null {
  return k < rawAt.length && rawAt[k] >= 0 ? raws[rawAt[k]] : null;
}

/** Whether token k, lower-cased, is `w`: read from the document's lower-cased text at the
 * token's offsets, not from the token's own string, which lies elsewhere in memory (reading
 * it costs a cache miss where the text, read in order, is at hand). */
function isWord(ctx: ExtractContext, k: number, w: string): boolean {
  const t = ctx.tokens;
  const a = t.start[k];
  if (t.end[k] - a !== w.length) return false;
  for (let i = 0; i < w.length; i++) if (ctx.lower.charCodeAt(a + i) !== w.charCodeAt(i)) return false;
  return true;
}

/** Whether token k is a possessive ending ("'s", "’s"). */
function isPossessive(ctx: ExtractContext, k: number): boolean {
  return k < ctx.tokens.count && (isWord(ctx, k, "'s") || isWord(ctx, k, '’s'));
}

/** Whether token k starts with a capital (read from the text, see isWord). */
function capitalAt(ctx: ExtractContext, k: number): boolean {
  return isCapitalCode(ctx.text.charCodeAt(ctx.tokens.start[k]));
}

/** "of Egypt", "of the AU" right after token i: the state or IGO raw naming an office's owner. */
function ofOwner(ctx: ExtractContext, raws: Raw[], rawAt: Int32Array, sentenceEnd: number, i: number): Raw | null {
  if (i >= sentenceEnd || !isWord(ctx, i, 'of')) return null;
  let j = i + 1;
  if (j < sentenceEnd && isWord(ctx, j, 'the')) j++;
  const r = rawStartingAt(raws, rawAt, j);
  return r && (r.entry.type === 'state' || r.entry.type === 'igo') ? r : null;
}

/** findActors' per-token buffers, kept from document to document: allocating and filling two
 * arrays per document cost more than most of the work done with them. `rawAt` is all -1
 * between calls; a call that did not end (it threw) leaves `scratchDirty` set, and the next
 * one fills it again. */
let scratchRawAt = new Int32Array(0);
let scratchMarks = new Uint8Array(0);
let scratchDirty = false;

function tokenScratch(count: number): { rawAt: Int32Array; marks: Uint8Array } {
  if (scratchRawAt.length < count) {
    scratchRawAt = new Int32Array(Math.max(count, 2 * scratchRawAt.length)).fill(-1);
    scratchMarks = new Uint8Array(scratchRawAt.length);
  } else if (scratchDirty) scratchRawAt.fill(-1);
  scratchDirty = true;
  return { rawAt: scratchRawAt, marks: scratchMarks };
}

export function findActors(ctx: ExtractContext): ActorLayer {
  const g = gazetteer();
  const t = ctx.tokens;
  const actors = new Map<string, ActorOut>();
  const mentions: ActorMention[] = [];
  const people = new Map<string, ActorOut>(); // persons of this document by ref
  const surnames = new Map<string, string>(); // surname → person ref, within the document
  /** Names whose surname forms are recorded: a name gives the same forms every time, and
   * only the first person to give a form keeps it, so a name is read once. */
  const surnamesRead = new Set<string>();

  // Actors are added without aliases: those are read from the final mentions at the end. An
  // actor the document already has is looked up before a new one is built.
  /** The document's actor of that ref, given the office if it had none; null if there is none yet. */
  const knownActor = (ref: string, office: string | null | undefined) => {
    const have = actors.get(ref);
    if (!have) return null;
    if (office && !have.office) have.office = office;
    return have;
  };
  const addActor = (a: ActorOut) => {
    actors.set(a.ref, a);
    return a;
  };
  const stateActor = (code: string) =>
    knownActor(code, null) ?? addActor({ ref: code, code, country: code, org: null, sector: null, name: g.stateNames.get(code) ?? code, aliases: [] });

  const readSurnames = (n: string, ref: string) => {
    if (surnamesRead.has(n)) return;
    surnamesRead.add(n);
    addSurnames(surnames, n, ref);
  };
  /** A person of the document; `alias` is how the text names them, for later mentions by one name. */
  const personActor = (ref: string, name: string, country: string | null, office: string | null, sector: string | null, alias: string) => {
    const a = knownActor(ref, office) ?? addActor({ ref, code: country ?? 'UNK', country, org: null, sector, name, person: true, office, aliases: [] });
    people.set(ref, a);
    // later mentions by one name, from the lexicon's spelling and the text's ("Erdogan" / "Erdoğan")
    readSurnames(name, ref);
    if (alias !== name) readSurnames(alias, ref);
    return a;
  };

  const names: NameSpan[] = [];
  const { rawAt, marks: blocked } = tokenScratch(t.count);
  /** Tokens inside names that are not actors ("Afghan Red Crescent Society"): `blocked`. */
  blocked.fill(0, 0, t.count);
  const pending: Array<{ start: number; end: number; first: number; last: number; sentence: number; office: string }> = [];
  /** `rawAt`: the index in `raws` of the raw starting at each token of the current sentence, else -1. */
  const raws: Raw[] = [];
  const nameSpans = documentNames(ctx);
  for (const s of ctx.sentences) {
    for (const r of raws) rawAt[r.first] = -1;
    raws.length = 0;
    const sentenceEnd = t.sentenceEnd[s.index];
    const spans = nameSpans[s.index];
    for (const n of spans) names.push(n);
    // the matches are in the trie's buffers until its next scan
    const found = g.trie.scan(ctx.text, ctx.lower, s.start, s.end, ctx.lookup);
    for (let f = 0; f < found; f++) {
      const mStart = g.trie.foundStart[f], mEnd = g.trie.foundEnd[f];
      const first = g.trie.foundFirst[f];
      const lastTok = g.trie.foundLast[f] - 1;
      const entry = g.trie.foundValue[f];
      // states, offices and collectives inside a non-actor name are part of the name; so is an
      // organisation inside the name of an event ("the APEC Summit") that it does not fill
      const inside = spans.length === 0 ? undefined : spans.find((n) => first >= n.first && lastTok < n.last);
      if (inside && (entry.type === 'state' || entry.type === 'office' || entry.type === 'collective' || (inside.event && (first > inside.first || lastTok + 1 < inside.last)))) continue;
      rawAt[first] = raws.length;
      raws.push({ start: mStart, end: mEnd, first, last: lastTok + 1, sentence: s.index, entry });
    }
    for (let k = 0; k < raws.length; k++) {
      const r = raws[k];
      const e = r.entry;
      if (e.type === 'block') {
        for (let i = r.first; i < r.last; i++) blocked[i] = 1;
        continue;
      }
      if (e.type === 'collective') {
        if (e.headlineOnly && !(s.role === 'headline' || s.role === 'highlight') ) continue;
        if (e.headlineOnly && r.first !== t.sentenceFirst[s.index]) continue;
        const pronoun = e.kind === 'pronoun' || e.kind === 'person' || e.kind === 'thing' || e.kind === 'speaker';
        const c = rawMention(r, COLLECTIVE_REFS[e.kind], null, 'collective', pronoun ? 'pronoun' : 'collective');
        if (e.count) c.count = e.count;
        if (e.states) c.states = e.states;
        mentions.push(c);
        continue;
      }
      if (e.type === 'igo') {
        if (!actors.has(e.code)) addActor({ ref: e.code, code: e.code, country: null, org: e.code, sector: null, name: e.name, aliases: [] });
        mentions.push(rawMention(r, e.code, e.code, 'igo', 'name'));
        continue;
      }
      if (e.type === 'group' || e.type === 'media') {
        const ref = `${e.code}:${slugOf(e.name)}`;
        if (!actors.has(ref)) addActor({ ref, code: e.code, country: e.code, org: null, sector: e.sector, name: e.name, aliases: [] });
        mentions.push(rawMention(r, ref, e.code, e.type, 'name'));
        continue;
      }
      if (e.type === 'person') {
        // absorb a title and a country adjective just before: "Chinese Foreign Minister Wang Yi"
        let start = r.start, first = r.first;
        let office: string | null = null, sector: string | null = null;
        let j = k - 1;
        if (j >= 0 && raws[j].entry.type === 'office' && raws[j].last === r.first) {
          const o = raws[j].entry as Extract<ActorEntry, { type: 'office' }>;
          office = o.office;
          sector = o.sector;
          start = raws[j].start;
          first = raws[j].first;
          j--;
        }
        if (j >= 0 && raws[j].entry.type === 'state' && raws[j].last === first && mentions.length && mentions[mentions.length - 1].start === raws[j].start) {
          mentions.pop(); // the adjective belongs to this person's title
          start = raws[j].start;
          first = raws[j].first;
        }
        // what was read before as the title's own mention now belongs to the person
        while (mentions.length && mentions[mentions.length - 1].sentence === s.index && mentions[mentions.length - 1].start >= start) mentions.pop();
        while (pending.length && pending[pending.length - 1].sentence === s.index && pending[pending.length - 1].start >= start) pending.pop();
        const held = spanAt(e.offices, ctx.published);
        if (!office) office = held?.office ?? null;
        if (!sector && office) sector = sectorOf(office);
        // while in an organisation's office the person acts for it (the UN Secretary-General)
        const code = held?.org ?? e.country;
        // how the text names them, title and all; the lexicon's own string when it is the same
        const spelled = r.end - start === e.name.length && ctx.text.startsWith(e.name, start) ? e.name : ctx.text.slice(start, r.end);
        personActor(e.id, e.name, code, office, sector ?? 'GOV', spelled);
        mentions.push(actorMention(start, r.end, first, r.last, s.index, e.id, code, 'person', 'name'));
        continue;
      }
      if (e.type === 'state') {
        // a capital after "in", "to", "from" is a place, not the government
        const possessive = isPossessive(ctx, r.last);
        if (e.via === 'metonym' && r.first > 0 && LOCATIVE.has(t.lower[r.first - 1]) && !possessive) {
          mentions.push(rawMention(r, e.code, e.code, 'state', 'locative'));
          continue;
        }
        stateActor(e.code);
        mentions.push(rawMention(r, e.code, e.code, 'state', e.via));
        continue;
      }
      // an office or body: its country from an adjective or possessive just before
      let country: string | null = null;
      let start = r.start, first = r.first;
      const prev = mentions.length ? mentions[mentions.length - 1] : null;
      if (prev && prev.sentence === s.index && (prev.kind === 'state' || prev.kind === 'igo')) {
        const gap = r.first - prev.last;
        // "Pakistan's foreign minister", also "Afghanistan's acting foreign minister"
        let adjectives = 0;
        while (gap > 1 + adjectives && isModifier(t, r.first - 1 - adjectives)) adjectives++;
        const possessive = gap === 1 + adjectives && isPossessive(ctx, prev.last);
        if (gap === 0 || possessive) {
          country = prev.code;
          start = prev.start;
          first = prev.first;
          mentions.pop();
        }
      }
      // a name after a person's title: "Foreign Minister Wang Yi", "DPM Dar", "minister Park Jin"
      let nameEnd = r.last;
      for (;;) {
        if (nameEnd >= sentenceEnd || nameEnd - r.last >= 8 || rawAt[nameEnd] >= 0) break;
        if (t.pos[nameEnd] === Pos.PROPN && capitalAt(ctx, nameEnd)) nameEnd++;
        else if (nameEnd > r.last && g.nameSuffixes.has(t.value[nameEnd])) nameEnd++;
        // name particles between capitalised parts: "Mohammed bin Abdulrahman", "al-Thani", "von der Leyen"
        else if (nameEnd > r.last && g.nameParticles.has(t.lower[nameEnd]) && nameEnd + 1 < sentenceEnd && (capitalAt(ctx, nameEnd + 1) || isWord(ctx, nameEnd + 1, '-'))) nameEnd++;
        else if (nameEnd > r.last && isWord(ctx, nameEnd, '-') && t.start[nameEnd] === t.end[nameEnd - 1] && nameEnd + 1 < sentenceEnd && capitalAt(ctx, nameEnd + 1)) nameEnd++;
        else break;
      }
      if (e.person && nameEnd > r.last) {
        const name = ctx.text.slice(t.start[r.last], t.end[nameEnd - 1]);
        // "King Abdullah II of Jordan"
        const owner = country ? null : ofOwner(ctx, raws, rawAt, sentenceEnd, nameEnd);
        if (owner) country = (owner.entry as { code: string }).code;
        const known = surnames.get(name) ?? personNamed(people, name)?.ref;
        // a lexicon person by full name, or by family name ("Dar" → Ishaq Dar), never by a given name
        const lexicon = known ? null : g.peopleByName.get(name);
        const ref = known ?? lexicon?.id ?? `person:${slugOf(name)}`;
        const country2 = country ?? (known ? people.get(known)!.country : lexicon?.country ?? null);
        const a = known ? people.get(known)! : personActor(ref, lexicon?.name ?? name, country2, e.office, e.sector, ctx.text.slice(start, t.end[nameEnd - 1]));
        if (!known && !lexicon && country2) {
          learnPerson({ id: ref, name, country: country2, office: e.office === 'Counterpart' ? null : e.office, since: ctx.published, evidence: { doc: ctx.docId ?? '', sentence: s.text } });
        }
        if (!a.office) a.office = e.office;
        const endTok = owner ? owner.last : nameEnd;
        mentions.push(actorMention(start, owner ? owner.end : t.end[nameEnd - 1], first, endTok, s.index, a.ref, a.country, 'person', 'office'));
        // skip raws swallowed by the name
        while (k + 1 < raws.length && raws[k + 1].first < endTok) k++;
        continue;
      }
      let end = r.end, last = r.last;
      // "the militaries of both countries": the body is the group's; the coder takes the group
      if (!country && isWord(ctx, r.last, 'of') && (rawStartingAt(raws, rawAt, r.last + 1)?.entry.type === 'collective' || rawStartingAt(raws, rawAt, r.last + 2)?.entry.type === 'collective')) continue;
      if (!country) {
        const owner = ofOwner(ctx, raws, rawAt, sentenceEnd, r.last);
        if (owner) {
          country = (owner.entry as { code: string }).code;
          end = owner.end;
          last = owner.last;
          while (k + 1 < raws.length && raws[k + 1].first < last) k++;
        }
      }
      if (e.person) {
        // "the Chinese FM": the person of that country holding that office in this document
        const holder = officeHolder(people, e.office, country);
        if (holder) {
          mentions.push(actorMention(start, end, first, last, s.index, holder.ref, holder.country, 'person', 'office'));
          continue;
        }
      }
      if (!country) {
        // a body without a country ("the ministry said") stands for the last one of its kind;
        // failing that, for the one the document names anywhere (the headline's "The
        // Commissioner" is the AU Commissioner of the body text)
        const headWord = headWordOf(e.office);
        const ref = lastBodyWithHead(mentions, actors, headWord)?.ref;
        if (!ref) {
          pending.push({ start, end, first, last, sentence: s.index, office: e.office });
          continue;
        }
        mentions.push(actorMention(start, end, first, last, s.index, ref, actors.get(ref)!.code, 'body', 'office'));
        continue;
      }
      const ref = `${country}:${slugOf(e.office)}`;
      if (!knownActor(ref, e.person ? e.office : undefined)) {
        const isIgo = country.startsWith('IGO:');
        const owner = isIgo ? g.igoNames.get(country) ?? country : g.stateNames.get(country) ?? country;
        addActor({ ref, code: country, country: isIgo ? null : country, org: e.office, sector: e.sector, name: `${owner} ${e.office}`, person: e.person || undefined, office: e.person ? e.office : undefined, aliases: [] });
      }
      mentions.push(actorMention(start, end, first, last, s.index, ref, country, 'body', 'office'));
    }
  }
  for (const r of raws) rawAt[r.first] = -1;
  scratchDirty = false;
  for (const p of pending) {
    const a = soleHolder(actors, p.office);
    if (!a) continue;
    mentions.push(actorMention(p.start, p.end, p.first, p.last, p.sentence, a.ref, a.code, a.person ? 'person' : 'body', 'office'));
  }
  appositivePeople(ctx, mentions, blocked, g.officeWords, personActor); // marks `blocked` as covered
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  // a mention inside a longer one is part of it
  for (let i = 1; i < mentions.length; i++) {
    const outer = mentions[i - 1];
    if (mentions[i].start >= outer.start && mentions[i].end <= outer.end) mentions.splice(i--, 1);
  }
  // surnames of people the document names in full anywhere: "Dar thanked …", and headlines
  // that name "Erdoğan, Putin" before the body gives their full names
  const covered = blocked.fill(0, 0, t.count); // the buffer is free again
  for (const m of mentions) for (let i = m.first; i < m.last; i++) covered[i] = 1;
  const before = mentions.length;
  // the surnames' lengths, one bit each (31: longer): a token of another length is no surname,
  // known without reading its string
  let lengths = 0;
  for (const n of surnames.keys()) lengths |= 1 << Math.min(n.length, 31);
  for (let i = 0; i < t.count && lengths !== 0; i++) {
    // the capital read from the text, not from each token's own string
    if (covered[i] || !capitalAt(ctx, i) || (lengths & (1 << Math.min(t.end[i] - t.start[i], 31))) === 0) continue;
    const ref = surnames.get(t.value[i]);
    if (!ref) continue;
    const p = people.get(ref)!;
    // the article joined to the name is part of it: "invited el-Sisi", "met al-Thani"
    let first = i;
    if (i >= 2 && t.value[i - 1] === '-' && t.end[i - 1] === t.start[i] && t.end[i - 2] === t.start[i - 1] && !covered[i - 2] && t.sentence[i - 2] === t.sentence[i] && g.nameParticles.has(t.lower[i - 2])) first = i - 2;
    mentions.push(actorMention(t.start[first], t.end[i], first, i + 1, t.sentence[i], ref, p.country, 'person', 'surname'));
  }
  if (mentions.length > before) mentions.sort((a, b) => a.start - b.start);
  const pair = documentPair(ctx, mentions);
  resolveCollectives(ctx, mentions, pair, actors, g.stateNames);
  // keep the actors that some mention resolves to (a title read before its name was absorbed),
  // with their aliases: how the text names each, from the final mentions (every actor was
  // created without any)
  const used = new Set<string>();
  for (const m of mentions) {
    if (m.via === 'locative') continue;
    used.add(m.ref);
    if (m.members) for (const r of m.members) used.add(r);
    if (m.ref.startsWith('collective:')) continue;
    const a = actors.get(m.ref);
    if (a && !namedAs(ctx.text, a.aliases, m.start, m.end)) a.aliases.push(ctx.text.slice(m.start, m.end));
  }
  for (const ref of actors.keys()) if (!used.has(ref)) actors.delete(ref);
  return { mentions, actors, pair, names };
}

/**
 * "Seo Min-jung, director general … at Seoul's foreign ministry, brought in …": a name the
 * lexicons do not know, followed by an appositive with a title and an actor, is a person of
 * that actor's country. `covered` holds the tokens of names that are not actors, and gets
 * those of every mention.
 */
function appositivePeople(
  ctx: ExtractContext,
  mentions: ActorMention[],
  covered: Uint8Array,
  officeWords: Set<string>,
  personActor: (ref: string, name: string, country: string | null, office: string | null, sector: string | null, alias: string) => ActorOut,
): void {
  const t = ctx.tokens;
  for (const m of mentions) for (let i = m.first; i < m.last; i++) covered[i] = 1;
  const added: ActorMention[] = [];
  /** The first mention starting at each token that can own an appositive's title, built when
   * first needed: the index in `mentions`, else -1. */
  let ownerAt: Int32Array | null = null;
  for (let s = 0; s < ctx.sentences.length; s++) {
    const end = t.sentenceEnd[s];
    for (let i = t.sentenceFirst[s]; i < end; i++) {
      if (covered[i] || t.pos[i] !== Pos.PROPN || !capitalAt(ctx, i)) continue;
      // the name: capitalised words (hyphens allowed) up to a comma
      let j = i;
      while (j < end && j - i < 6 && !covered[j] && (capitalAt(ctx, j) || (isWord(ctx, j, '-') && t.start[j] === t.end[j - 1]))) j++;
      if (j - i < 2 || j >= end || !isWord(ctx, j, ',') || officeWords.has(t.lower[i])) {
        i = j;
        continue;
      }
      // the appositive: up to the next comma, with a title word and an actor
      let stop = j + 1;
      while (stop < end && stop - j < 16 && !isWord(ctx, stop, ',')) stop++;
      ownerAt ??= ownersByToken(mentions, t.count);
      let owner: ActorMention | null = null;
      for (let k = j + 1; k < stop && !owner; k++) if (ownerAt[k] >= 0) owner = mentions[ownerAt[k]];
      let title = false;
      for (let k = j + 1; k < stop && owner && !title; k++) title = officeWords.has(t.lower[k]);
      if (title && owner) {
        const name = ctx.text.slice(t.start[i], t.end[j - 1]);
        const a = personActor(`person:${slugOf(name)}`, name, owner.code, null, 'GOV', name);
        added.push(actorMention(t.start[i], t.end[j - 1], i, j, s, a.ref, owner.code, 'person', 'name'));
      }
      i = j;
    }
  }
  mentions.push(...added);
}

/** Per token, the index of the first mention starting there that has a code and is neither a
 * place nor a person (an appositive's owner: "at Seoul's foreign ministry"), else -1. */
function ownersByToken(mentions: ActorMention[], count: number): Int32Array {
  const at = int32s(count).fill(-1);
  for (let i = 0; i < mentions.length; i++) {
    const x = mentions[i];
    if (x.code && x.via !== 'locative' && x.kind !== 'person' && at[x.first] < 0) at[x.first] = i;
  }
  return at;
}

/** Codes of a mention: its own, or its members'. */
export function mentionCodes(m: ActorMention, actors: Map<string, ActorOut>): string[] {
  if (m.members) return m.members.map((r) => actors.get(r)?.code ?? r);
  return m.code ? [m.code] : [];
}

/**
 * The document's main pair: the two state codes most often named together ("Pakistan and
 * China", "Pakistan, China", "Pakistan-China", "between X and Y"), else the two most named.
 */
function documentPair(ctx: ExtractContext, mentions: ActorMention[]): [string, string] | null {
  /** Pairs named together by "x|y" (codes in order), and how often. */
  const together = new Map<string, { x: string; y: string; n: number }>();
  const count = new Map<string, number>();
  for (let i = 0; i < mentions.length; i++) {
    const a = mentions[i];
    if (!a.code) continue;
    count.set(a.code, (count.get(a.code) ?? 0) + 1);
    const b = mentions[i + 1];
    if (!b || !b.code || b.sentence !== a.sentence || b.code === a.code) continue;
    if (joined(ctx, a, b)) {
      const x = a.code < b.code ? a.code : b.code;
      const y = x === a.code ? b.code : a.code;
      const key = x + '|' + y;
      const seen = together.get(key);
      if (seen) seen.n++;
      else together.set(key, { x, y, n: 1 });
    }
  }
  // the pair named together most often, weighed by how often each of its parties is named
  // at all ("Libya, Somalia" named together once are topics, not the report's parties)
  let best: { x: string; y: string } | null = null;
  let bestScore = 0;
  for (const { x, y, n } of together.values()) {
    const score = n + 0.5 * Math.min(count.get(x) ?? 0, count.get(y) ?? 0);
    if (score > bestScore) {
      best = { x, y };
      bestScore = score;
    }
  }
  if (best) return [best.x, best.y];
  const ranked = [...count].sort((x, y) => y[1] - x[1]);
  return ranked.length >= 2 && ranked[1][1] >= 2 ? [ranked[0][0], ranked[1][0]] : null;
}

/** Whether a quotation mark closes after the mention in its sentence ('It will add vigour …," Modi tweeted'). */
function insideQuotation(ctx: ExtractContext, m: ActorMention): boolean {
  const s = ctx.sentences[m.sentence];
  let before = 0;
  for (let i = s.start; i < m.start; i++) if (isQuote(ctx.text.charCodeAt(i))) before++;
  if (before % 2 === 1) return true;
  for (let i = m.end; i < s.end; i++) {
    const c = ctx.text.charCodeAt(i);
    if (isQuote(c) || c === 0x2019) return before === 0;
  }
  return false;
}

/** Whether the quote mark at i opens a quotation: “, or a straight one before a word. */
function opensQuotation(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x201c) return true;
  if (c !== 34) return false;
  const before = i === 0 ? 32 : text.charCodeAt(i - 1);
  const after = i + 1 < end ? text.charCodeAt(i + 1) : 32;
  return (before === 32 || before === 10 || before === 40) && after !== 32 && after !== 10;
}

/** Two single quotes standing for a double one (’’ or ''), as some sites type a closing quote. */
function doubledSingleQuote(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c === 0x2019 || c === 39 || c === 0x2018) && text.charCodeAt(i + 1) === c;
}

function isQuote(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x201d;
}

/** A mention directly before a verb group (adverbs aside): "Thailand recalled", "Beijing said". */
function isClauseSubject(ctx: ExtractContext, m: ActorMention): boolean {
  const t = ctx.tokens;
  let j = m.last;
  while (j < t.sentenceEnd[m.sentence] && t.pos[j] === Pos.ADV) j++;
  return j < t.sentenceEnd[m.sentence] && (t.pos[j] === Pos.VERB || t.pos[j] === Pos.AUX);
}

/** Each sentence's first verb, as a token (its end when it has none). */
function firstVerbs(ctx: ExtractContext): Int32Array {
  const t = ctx.tokens;
  const out = int32s(ctx.sentences.length);
  for (let s = 0; s < out.length; s++) {
    let i = t.sentenceFirst[s];
    while (i < t.sentenceEnd[s] && t.pos[i] !== Pos.VERB) i++;
    out[s] = i;
  }
  return out;
}

/** Whether a mention stands before the first verb of its sentence (firstVerbs): a subject, not an object. */
function beforeFirstVerb(ctx: ExtractContext, firstVerb: Int32Array, m: ActorMention): boolean {
  const t = ctx.tokens;
  if (m.first <= t.sentenceEnd[m.sentence]) return m.first <= firstVerb[m.sentence];
  for (let i = t.sentenceFirst[m.sentence]; i < m.first; i++) if (t.pos[i] === Pos.VERB) return false;
  return true;
}

/** A sentence's first and last quote marks in `marks` (-1, -1: none, or the last opens a
 * quotation that runs on into the next sentence, which is attributed there), read from the
 * text once per sentence: several pronouns may ask for the same sentences. -2: not read yet. */
function quoteMarks(ctx: ExtractContext, marks: Int32Array, sentence: number): void {
  if (marks[2 * sentence] !== -2) return;
  const s = ctx.sentences[sentence];
  let firstQ = -1, lastQ = -1;
  for (let i = s.start; i < s.end; i++) {
    if (!isQuote(ctx.text.charCodeAt(i)) && !doubledSingleQuote(ctx.text, i)) continue;
    if (firstQ < 0) firstQ = i;
    lastQ = i;
  }
  if (lastQ >= 0 && opensQuotation(ctx.text, lastQ, s.end)) firstQ = lastQ = -1;
  marks[2 * sentence] = firstQ;
  marks[2 * sentence + 1] = lastQ;
}

/** The actor a quotation in this sentence is attributed to: named after its last quote mark,
 * else before its first (`marks`: see quoteMarks). */
function quoteSpeaker(ctx: ExtractContext, mentions: ActorMention[], sentence: number, marks: Int32Array): ActorMention | null {
  quoteMarks(ctx, marks, sentence);
  const firstQ = marks[2 * sentence], lastQ = marks[2 * sentence + 1];
  if (lastQ < 0) return null;
  let before: ActorMention | null = null;
  for (const m of mentions) {
    if (m.sentence !== sentence || m.kind === 'collective') continue;
    if (m.start > lastQ) return m;
    if (m.end <= firstQ) before = m;
  }
  return before;
}

function resolveCollectives(ctx: ExtractContext, mentions: ActorMention[], pair: [string, string] | null, actors: Map<string, ActorOut>, names: Map<string, string>) {
  let lastGroup: string[] | null = null;
  let lastGroupSentence = -1;
  let lastSpeaker: ActorMention | null = null;
  /** Quote marks by sentence (see quoteMarks), once a pronoun needs them. */
  let marks: Int32Array | null = null;
  /** The compound made for each members array (the pair, each group): the same arrays
   * come back pronoun after pronoun. */
  const compounds = new Map<string[], string>();
  const firstVerb = firstVerbs(ctx);
  const subject = (x: ActorMention) => beforeFirstVerb(ctx, firstVerb, x);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    // a coordination of actors before the sentence's first verb (its subject) is the most
    // recent group: "Saudi Arabia, the UAE, Egypt and Bahrain cut ties …" then "They …"
    if (m.kind !== 'collective' && m.code && subject(m) && (i === 0 || mentions[i - 1].sentence !== m.sentence || !joined(ctx, mentions[i - 1], m))) {
      let k = i + 1;
      while (k < mentions.length && mentions[k].sentence === m.sentence && mentions[k].code && joined(ctx, mentions[k - 1], mentions[k])) k++;
      if (k - i >= 2) {
        const refs = [...new Set(mentions.slice(i, k).map((x) => x.ref))];
        if (refs.length >= 2) {
          lastGroup = refs;
          lastGroupSentence = m.sentence;
        }
      }
    }
    if (m.kind !== 'collective') continue;
    const kind = m.ref.slice('collective:'.length);
    if (kind === 'person') {
      // "he" is the last person who was a subject, else the last person named
      const p = findBack(mentions, i, (x) => x.kind === 'person' && subject(x)) ?? findBack(mentions, i, (x) => x.kind === 'person');
      if (p) resolveTo(m, p);
      continue;
    }
    if (kind === 'thing') {
      if (insideQuotation(ctx, m)) continue;
      // "Thailand recalled its envoy and said it would …": a subject earlier in the sentence,
      // else the subject of an earlier sentence
      const institution = (x: ActorMention) => x.kind === 'body' || x.kind === 'igo' || x.kind === 'state' || x.kind === 'media';
      // "cut ties with Qatar and severed links with it": after a verb or a preposition "it" is
      // an object, and refers to an object named before it in the sentence
      const t = ctx.tokens;
      const nextPos = m.last < t.sentenceEnd[m.sentence] ? t.pos[m.last] : Pos.PUNCT;
      const objectIt = m.first > t.sentenceFirst[m.sentence] && (t.pos[m.first - 1] === Pos.VERB || t.pos[m.first - 1] === Pos.ADP) && nextPos !== Pos.VERB && nextPos !== Pos.AUX;
      const obj = objectIt ? findBack(mentions, i, (x) => institution(x) && x.via !== 'locative' && x.sentence === m.sentence && !isClauseSubject(ctx, x) && !subject(x)) : null;
      const p =
        obj ??
        findBack(mentions, i, (x) => institution(x) && x.sentence === m.sentence && isClauseSubject(ctx, x)) ??
        findBack(mentions, i, (x) => institution(x) && x.sentence < m.sentence && subject(x));
      if (p) resolveTo(m, p);
      continue;
    }
    if (kind === 'speaker') {
      // the quotation's speaker in this sentence, else where a quotation that runs on is
      // attributed ("“My visit was historic. … It will add vigour,” Modi tweeted"), else the last one
      marks ??= int32s(2 * ctx.sentences.length).fill(-2);
      let sp: ActorMention | null = quoteSpeaker(ctx, mentions, m.sentence, marks);
      for (let k = m.sentence + 1; !sp && k < ctx.sentences.length && k <= m.sentence + 3; k++) sp = quoteSpeaker(ctx, mentions, k, marks);
      sp ??= lastSpeaker;
      if (sp && sp.kind !== 'collective') {
        resolveTo(m, sp);
        lastSpeaker = sp;
      }
      continue;
    }
    if (kind === 'state') {
      // "the kingdom": the state of the nearest mention before it that the description fits
      // (the state, its bodies or people: "King Abdullah of Jordan"), else after it
      const fits = (x: ActorMention) => x.kind !== 'collective' && !!x.code && m.states!.has(x.code);
      const code = (findBack(mentions, i, fits) ?? mentions.slice(i + 1).find(fits))?.code;
      if (code) {
        Object.assign(m, { ref: code, code, kind: 'state', members: null });
        if (!actors.has(code)) actors.set(code, { ref: code, code, country: code, org: null, sector: null, name: names.get(code) ?? code, aliases: [] });
      }
      continue;
    }
    let members = m.count ? numberedGroup(ctx, mentions, i, m.count) : null;
    if (!members) {
      if (kind === 'pair') members = pair;
      else if (kind === 'group') members = lastGroup ?? pair;
      else members = lastGroup && m.sentence - lastGroupSentence <= 2 ? lastGroup : pair;
    }
    if (!members) continue;
    m.members = members;
    // the pair or a group named before: its compound is the one made then
    let ref = compounds.get(members);
    if (ref === undefined) {
      for (const c of members) if (!actors.has(c)) actors.set(c, { ref: c, code: c, country: c, org: null, sector: null, name: names.get(c) ?? c, aliases: [] });
      ref = compoundActor(members, actors, (_, code) => names.get(code) ?? code);
      compounds.set(members, ref);
    }
    m.ref = ref;
  }
}

/** The actors of the coordination of exactly `count` actors nearest to mention i: the last one
 * before it, else the first one after it ("the four countries boycotting Qatar" … "Saudi
 * Arabia, the UAE, Egypt and Bahrain cut ties"). */
function numberedGroup(ctx: ExtractContext, mentions: ActorMention[], i: number, count: number): string[] | null {
  let before: string[] | null = null;
  for (let a = 0; a < mentions.length; a++) {
    if (a === i || !mentions[a].code || mentions[a].kind === 'collective') continue;
    let b = a + 1;
    while (b < mentions.length && mentions[b].sentence === mentions[a].sentence && mentions[b].code && mentions[b].kind !== 'collective' && joined(ctx, mentions[b - 1], mentions[b])) b++;
    const refs = [...new Set(mentions.slice(a, b).map((x) => x.ref))];
    if (refs.length === count) {
      if (a > i) return before ?? refs;
      before = refs;
    }
    a = b - 1;
  }
  return before;
}

function resolveTo(m: ActorMention, to: ActorMention): void {
  m.ref = to.ref;
  m.code = to.code;
  m.members = to.members;
  m.kind = to.kind;
}

/** Two mentions joined by "and", a comma, "&" or a hyphen (with "the" allowed after them). */
function joined(ctx: ExtractContext, a: ActorMention, b: ActorMention): boolean {
  let j = a.last;
  let glue = false;
  while (j < b.first) {
    if (isWord(ctx, j, 'and') || isWord(ctx, j, ',') || isWord(ctx, j, '&') || isWord(ctx, j, '-')) glue = true;
    else if (!isWord(ctx, j, 'the')) return false;
    j++;
  }
  return glue || j === b.first && a.last === b.first;
}

/** Whether text[start, end) is one of the aliases, compared in place (no slice per mention). */
function namedAs(text: string, aliases: string[], start: number, end: number): boolean {
  for (const x of aliases) if (x.length === end - start && text.startsWith(x, start)) return true;
  return false;
}

function findBack(mentions: ActorMention[], from: number, ok: (m: ActorMention) => boolean): ActorMention | null {
  for (let j = from - 1; j >= 0; j--) if (ok(mentions[j])) return mentions[j];
  return null;
}

export function actorMentionsOut(layer: ActorLayer, text: string): Mention[] {
  return layer.mentions
    .filter((m) => !m.ref.startsWith('collective:') && m.via !== 'locative')
    .map((m) => ({ kind: 'actor' as const, start: m.start, end: m.end, text: text.slice(m.start, m.end), ref: m.ref, sentence: m.sentence }));
}
