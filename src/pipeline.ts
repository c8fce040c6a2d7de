// The flow of ../shared/DESIGN.md: read → segment → tag → find → code → resolve → Analysis.
// Each stage adds a layer; none reaches back into an earlier one.
import type { RawDocument } from './document/types.js';
import type { Analysis } from './analysis/types.js';
import { segment } from './document/segment.js';
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
  return { actors: findActors(ctx), dates: findDates(ctx), places: findPlaces(ctx), issues: findIssues(ctx) };
}

export function analyseDocument(doc: RawDocument): Analysed {
  const seg = segment(doc);
  const lang = language(doc.text, seg.paragraphs, seg.sentences);
  const ctx = extractContext(doc.text, lang.tokens, seg.sentences, doc.published, doc.id);
  const { actors, dates, places, issues } = recognise(ctx);
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

export function analyse(doc: RawDocument): Analysis {
  return analyseDocument(doc).analysis;
}
