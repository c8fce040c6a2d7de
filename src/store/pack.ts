// The whole Analysis is kept per document so later features can read it back, but most of its
// bulk is text the store already has: the document's text, and every sentence, mention and
// event span's text, which are slices of it (the output contract). Those are dropped on the
// way in and restored from the offsets on the way out, so what comes back equals what went in.
// A span whose text is not its slice (should never happen) keeps its text.
import type { Analysis, Span } from '../analysis/types.js';

type Packed = Omit<Analysis, 'text'>;

export function packAnalysis(a: Analysis): string {
  const strip = <T extends Span>(s: T): T => {
    if (a.text.slice(s.start, s.end) !== s.text) return s;
    const { text: _t, ...rest } = s;
    return rest as T;
  };
  const { text: _text, ...rest } = a;
  const packed: Packed = {
    ...rest,
    sentences: a.sentences.map(strip),
    mentions: a.mentions.map(strip),
    events: a.events.map((e) => ({ ...e, trigger: strip(e.trigger), source: strip(e.source), target: e.target ? strip(e.target) : null })),
  };
  return JSON.stringify(packed);
}

export function unpackAnalysis(json: string, text: string): Analysis {
  const p = JSON.parse(json) as Packed;
  const fill = <T extends Span>(s: T): T => (typeof s.text === 'string' ? s : { ...s, text: text.slice(s.start, s.end) });
  return {
    ...p,
    text,
    sentences: p.sentences.map(fill),
    mentions: p.mentions.map(fill),
    events: p.events.map((e) => ({ ...e, trigger: fill(e.trigger), source: fill(e.source), target: e.target ? fill(e.target) : null })),
  };
}
