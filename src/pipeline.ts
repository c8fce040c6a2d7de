// The flow of ../shared/DESIGN.md: read → segment → tag → find → code → resolve → Analysis.
// Each stage adds a layer; none reaches back into an earlier one.
import type { RawDocument } from './document/types.js';
import type { Analysis } from './analysis/types.js';
import { segment, type Segmentation } from './document/segment.js';
import { language, type Language } from './language/layer.js';
import { extractContext, type ExtractContext } from './extract/context.js';
import { findActors, actorMentionsOut, type ActorLayer } from './extract/actors.js';
import { codeEvents } from './code/coder.js';
import { findDates } from './extract/dates.js';
import { findPlaces } from './extract/places.js';
import { findIssues } from './extract/issues.js';
import { placeEventsInTime } from './resolve/event-time-place.js';
import { mentionActs } from './resolve/act-anaphora.js';
import { actNouns } from './lexicon/act-nouns.js';
import { gazetteer } from './lexicon/actors.js';
import { patternLexicon } from './lexicon/patterns.js';
import { cameoTable } from './code/cameo.js';
import { readLedger } from './ledger/index.js';

export interface Analysed {
  analysis: Analysis;
  language: Language;
  actors: ActorLayer;
}

/**
 * Loads every lexicon now, so that a broken lexicon file stops the command once, with its name
 * and the reason, instead of failing every document.
 */
export function loadLexicons(): void {
  gazetteer();
  patternLexicon();
  cameoTable();
  actNouns();
}

/** The `find` stage: every recogniser over one document. */
export function recognise(ctx: ExtractContext) {
  const actors = findActors(ctx);
  const dates = findDates(ctx);
  const places = findPlaces(ctx);
  const issues = findIssues(ctx);
  return { actors, dates, places, issues };
}

/** A document through the language layer. */
export interface Read {
  doc: RawDocument;
  seg: Segmentation;
  lang: Language;
}

/** A document through the `find` stage too. */
export interface Found extends Read {
  ctx: ExtractContext;
  found: ReturnType<typeof recognise>;
}

/** segment → tag: the language layer of one document. */
export function readLanguage(doc: RawDocument): Read {
  const seg = segment(doc);
  return { doc, seg, lang: language(doc.text, seg.paragraphs, seg.sentences) };
}

/** find: the recognisers over a document's language layer. */
export function findIn(r: Read): Found {
  const ctx = extractContext(r.doc.text, r.lang.tokens, r.seg.sentences, r.doc.published, r.doc.id);
  const found = recognise(ctx);
  return { doc: r.doc, seg: r.seg, lang: r.lang, ctx, found };
}

/** code → resolve: the analysis of a document whose mentions were found. */
export function finish(f: Found): Analysed {
  const { doc, seg, lang, ctx } = f;
  const { actors, dates, places, issues } = f.found;
  // a place that is also an actor mention ("Kuwait") stays an actor; one inside a person's name is none
  const actorMentions = actorMentionsOut(actors, doc.text);
  const placeMentions = places.mentions.filter((p) => !actors.mentions.some((m) => m.kind === 'person' && m.start <= p.start && p.end <= m.end));
  const mentions = [...actorMentions, ...placeMentions, ...dates, ...issues.mentions].sort((x, y) => x.start - y.start || x.end - y.end);
  const analysis: Analysis = {
    id: doc.id,
    url: doc.url,
    published: doc.published,
    title: doc.title,
    format: doc.format,
    text: doc.text,
    sentences: seg.sentences,
    mentions,
    actors: [...actors.actors.values()],
    places: places.places.filter((p) => placeMentions.some((m) => m.ref === p.ref)),
    events: [],
    commitments: [],
    series: [],
    issues: issues.issues,
    warnings: doc.warnings,
  };
  analysis.events = codeEvents(doc, analysis, lang, actors);
  mentionActs(analysis, ctx);
  placeEventsInTime(analysis.events, mentions);
  const ledger = readLedger(analysis, lang, actors, ctx);
  analysis.commitments = ledger.commitments;
  analysis.series = ledger.series;
  analysis.stances = ledger.stances;
  return { analysis, language: lang, actors };
}

export function analyseDocument(doc: RawDocument): Analysed {
  return finish(findIn(readLanguage(doc)));
}

/** How many documents analyseBatch takes through each stage together: enough for the stages'
 * tables and code to stay in cache over many documents, few enough that their language layers
 * take some tens of MB (`entente bench`: 64 and 128 measured, 128 the faster). */
export const BATCH = 128;

/** Runs a stage over every item that has not failed; a failure becomes that item's error. */
function stage<A, B>(items: Array<A | Error>, run: (a: A) => B): Array<B | Error> {
  return items.map((x) => {
    if (x instanceof Error) return x;
    try {
      return run(x);
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  });
}

/** The language layer, then the `find` stage, over documents taken together (see analyseBatch). */
export function readAndFind(docs: RawDocument[]): Array<Found | Error> {
  return stage(stage(docs, readLanguage), findIn);
}

/**
 * The analyses of documents, taken BATCH at a time through each stage in turn: the language
 * layer for all of them, then recognition for all, then the rest. One document at a time, the
 * tagger's model and our lexicons push each other out of the processor's caches at every
 * document; stage by stage, each keeps its tables warm over the batch (`entente bench` shows
 * recognition's share both ways). The result is each document's analysis as analyseDocument
 * gives it, or the error that stopped it, in order. Documents are recognised in order, so a
 * person learned from one is known to the next, as one at a time; the ledger's look-ups of
 * states by name run after the whole batch is recognised, so in the rare case that a person
 * learned from a later document of the batch has a name holding a state's name, an earlier
 * document's ledger no longer reads that state there.
 */
export function analyseBatch(docs: RawDocument[]): Array<Analysis | Error> {
  const out: Array<Analysis | Error> = [];
  // only the analyses are kept: a batch's language layers go as the next one is read
  for (let i = 0; i < docs.length; i += BATCH) out.push(...stage(readAndFind(docs.slice(i, i + BATCH)), (f) => finish(f).analysis));
  return out;
}

export function analyse(doc: RawDocument): Analysis {
  return analyseDocument(doc).analysis;
}
