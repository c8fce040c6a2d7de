// The benchmark behind `entente bench`: documents, sentences and tokens per second on one core,
// for the language layer alone and for the whole analysis, and the peak memory.
import type { RawDocument } from '../document/types.js';
import { segment } from '../document/segment.js';
import { language } from '../language/layer.js';
import { analyseDocument, recognise } from '../pipeline.js';
import { extractContext } from '../extract/context.js';

export interface BenchRow {
  stage: string;
  docs: number;
  sentences: number;
  tokens: number;
  seconds: number;
  docsPerSecond: number;
  sentencesPerSecond: number;
  tokensPerSecond: number;
  megabytesPerSecond: number;
}

export interface BenchResult {
  corpus: { documents: number; distinct: number; bytes: number };
  rows: BenchRow[];
  peakRssMB: number;
  machine: string;
}

/** Repeats the documents until their text reaches `targetBytes`. */
export function repeatTo(docs: RawDocument[], targetBytes: number): RawDocument[] {
  const out: RawDocument[] = [];
  let bytes = 0;
  if (docs.length === 0) return out;
  for (let i = 0; bytes < targetBytes; i++) {
    const d = docs[i % docs.length];
    out.push({ ...d, id: `${d.id}~${Math.floor(i / docs.length)}` });
    bytes += d.text.length;
  }
  return out;
}

/** A stage of the benchmark: runs one document, returns its sentences and tokens. */
type Stage = [name: string, run: (d: RawDocument) => [number, number]];

/** How many slices the corpus is cut into: the stages take turns slice by slice (see bench). */
const SLICES = 24;

/**
 * Every stage over every document, the stages taking turns slice by slice, each slice starting
 * with another stage: a machine that slows down or speeds up during the run (a shared host, a
 * clock that steps) then weighs on every row alike, and the rows' ratio, the figure the goal
 * is set on, stays steady from run to run.
 */
function rows(docs: RawDocument[], stages: Stage[]): BenchRow[] {
  const acc = stages.map(() => ({ sentences: 0, tokens: 0, bytes: 0, ns: 0n }));
  const size = Math.max(1, Math.ceil(docs.length / SLICES));
  for (let from = 0, slice = 0; from < docs.length; from += size, slice++) {
    const part = docs.slice(from, from + size);
    for (let k = 0; k < stages.length; k++) {
      const j = (k + slice) % stages.length;
      const a = acc[j];
      const run = stages[j][1];
      const t0 = process.hrtime.bigint();
      for (const d of part) {
        const [sn, tn] = run(d);
        a.sentences += sn;
        a.tokens += tn;
        a.bytes += d.text.length;
      }
      a.ns += process.hrtime.bigint() - t0;
    }
  }
  return stages.map(([stage], j) => {
    const { sentences, tokens, bytes, ns } = acc[j];
    const seconds = Number(ns) / 1e9;
    return {
      stage, docs: docs.length, sentences, tokens, seconds,
      docsPerSecond: docs.length / seconds,
      sentencesPerSecond: sentences / seconds,
      tokensPerSecond: tokens / seconds,
      megabytesPerSecond: bytes / 1e6 / seconds,
    };
  });
}

export async function bench(distinct: RawDocument[], targetBytes: number, machine: string): Promise<BenchResult> {
  const docs = repeatTo(distinct, targetBytes);
  // warm up: lexicons, the tagger's model and the JIT
  for (const d of distinct.slice(0, 20)) analyseDocument(d);
  // the two rows of the goal take turns; the whole analysis, which leaves far more garbage for
  // the collector, runs after them so that none of its collection is counted in theirs
  const result = rows(docs, [
    ['language layer (segment, tag, chunk, clauses)', (d) => {
      const seg = segment(d);
      const lang = language(d.text, seg.paragraphs, seg.sentences);
      return [seg.sentences.length, lang.tokens.count];
    }],
    ['+ recognition (actors, places, dates, issues)', (d) => {
      const seg = segment(d);
      const lang = language(d.text, seg.paragraphs, seg.sentences);
      recognise(extractContext(d.text, lang.tokens, seg.sentences, d.published));
      return [seg.sentences.length, lang.tokens.count];
    }],
  ]).concat(rows(docs, [
    ['full analysis (all stages)', (d) => {
      const { analysis, language: lang } = analyseDocument(d);
      return [analysis.sentences.length, lang.tokens.count];
    }],
  ]));
  return {
    corpus: { documents: docs.length, distinct: distinct.length, bytes: docs.reduce((n, d) => n + d.text.length, 0) },
    rows: result,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    machine,
  };
}

export function renderBench(r: BenchResult): string {
  const f = (x: number) => Math.round(x).toLocaleString('en-US').padStart(10);
  const lines = [
    `corpus: ${r.corpus.documents} documents (${r.corpus.distinct} distinct), ${(r.corpus.bytes / 1e6).toFixed(1)} MB of text`,
    `machine: ${r.machine}`,
    '',
    'stage                                          docs/s  sentences/s   tokens/s   MB/s',
  ];
  for (const x of r.rows) {
    lines.push(`${x.stage.padEnd(44)} ${f(x.docsPerSecond)} ${f(x.sentencesPerSecond)} ${f(x.tokensPerSecond)} ${x.megabytesPerSecond.toFixed(2).padStart(6)}`);
  }
  const [lang, withRecognition] = r.rows;
  if (lang && withRecognition) {
    const share = withRecognition.sentencesPerSecond / lang.sentencesPerSecond;
    lines.push('', `with recognition: ${(100 * share).toFixed(0)}% of the language layer's speed (goal: at least 80%)`);
  }
  lines.push('', `peak memory (RSS): ${r.peakRssMB.toFixed(0)} MB`);
  return lines.join('\n') + '\n';
}
