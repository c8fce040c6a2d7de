// The benchmark behind `entente bench`: documents, sentences and tokens per second on one core,
// for the language layer alone and for the whole analysis, and the peak memory.
import type { RawDocument } from '../document/types.js';
import { analyseBatch, analyseDocument, BATCH, findIn, readAndFind, readLanguage, type Found } from '../pipeline.js';

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

/** A stage of the benchmark: runs some documents, returns their sentences and tokens. */
type Stage = [name: string, run: (docs: RawDocument[]) => [number, number]];

/** How many documents a slice holds: the stages take turns slice by slice (see rows); one
 * slice is one batch of analyseBatch, so that the batched rows run as analyze runs. */
const SLICE = BATCH;

/**
 * Every stage over every document, the stages taking turns slice by slice, each slice starting
 * with another stage: a machine that slows down or speeds up during the run (a shared host, a
 * clock that steps) then weighs on every row alike, and the rows' ratio, the figure the goal
 * is set on, stays steadier from run to run.
 */
function rows(docs: RawDocument[], stages: Stage[]): BenchRow[] {
  const acc = stages.map(() => ({ sentences: 0, tokens: 0, bytes: 0, ns: 0n }));
  const size = SLICE;
  // each stage once over the first slice, not measured, so that no row pays for compiling its code
  for (const [, run] of stages) run(docs.slice(0, size));
  for (let from = 0, slice = 0; from < docs.length; from += size, slice++) {
    const part = docs.slice(from, from + size);
    const bytes = part.reduce((n, d) => n + d.text.length, 0);
    for (let k = 0; k < stages.length; k++) {
      const j = (k + slice) % stages.length;
      const t0 = process.hrtime.bigint();
      const [sn, tn] = stages[j][1](part);
      acc[j].ns += process.hrtime.bigint() - t0;
      acc[j].sentences += sn;
      acc[j].tokens += tn;
      acc[j].bytes += bytes;
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

/** Sentences and tokens of documents through the `find` stage (failed ones count none). */
function counted(found: Array<Found | Error>): [number, number] {
  let s = 0, t = 0;
  for (const f of found) {
    if (f instanceof Error) continue;
    s += f.seg.sentences.length;
    t += f.lang.tokens.count;
  }
  return [s, t];
}

export async function bench(distinct: RawDocument[], targetBytes: number, machine: string): Promise<BenchResult> {
  const docs = repeatTo(distinct, targetBytes);
  // warm up: lexicons, the tagger's model and the JIT
  for (const d of distinct.slice(0, 20)) analyseDocument(d);
  // the rows of the goal take turns; the whole analysis, which leaves far more garbage for the
  // collector, runs after them so that none of its collection is counted in theirs
  const result = rows(docs, [
    ['language layer (segment, tag, chunk, clauses)', (part) => {
      let s = 0, t = 0;
      for (const d of part) {
        const r = readLanguage(d);
        s += r.seg.sentences.length;
        t += r.lang.tokens.count;
      }
      return [s, t];
    }],
    // as analyze and ingest run: BATCH documents through each stage together (analyseBatch)
    ['+ recognition (actors, places, dates, issues)', (part) => {
      let s = 0, t = 0;
      for (let i = 0; i < part.length; i += BATCH) {
        const [sn, tn] = counted(readAndFind(part.slice(i, i + BATCH)));
        s += sn;
        t += tn;
      }
      return [s, t];
    }],
    // one document at a time through both stages, as one posted document is analysed
    // (each document's layers let go before the next is read, as one at a time does)
    ['  the same, one document at a time', (part) => {
      let s = 0, t = 0;
      for (const d of part) {
        const f = findIn(readLanguage(d));
        s += f.seg.sentences.length;
        t += f.lang.tokens.count;
      }
      return [s, t];
    }],
  ]).concat(rows(docs, [
    ['full analysis (all stages)', (part) => {
      let s = 0;
      for (const a of analyseBatch(part)) if (!(a instanceof Error)) s += a.sentences.length;
      return [s, 0];
    }],
  ]));
  // an analysis does not keep its tokens: they are the language layer's, counted in its row
  const full = result[result.length - 1];
  full.tokens = result[0].tokens;
  full.tokensPerSecond = full.tokens / full.seconds;
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
  const [lang, withRecognition, oneByOne] = r.rows;
  if (lang && withRecognition) {
    const share = (x: BenchRow) => (100 * x.sentencesPerSecond / lang.sentencesPerSecond).toFixed(0);
    lines.push('', `with recognition: ${share(withRecognition)}% of the language layer's speed (goal: at least 80%)`);
    if (oneByOne) lines.push(`  one document at a time: ${share(oneByOne)}%`);
  }
  lines.push('', `peak memory (RSS): ${r.peakRssMB.toFixed(0)} MB`);
  return lines.join('\n') + '\n';
}
