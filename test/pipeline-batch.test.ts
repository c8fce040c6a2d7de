// Documents analysed together, stage by stage (analyseBatch, as analyze and ingest run), give
// what each gives alone, and one that fails loses no other.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { analyseBatch, analyseDocument, BATCH } from '../src/pipeline.js';
import { readInputs } from '../src/document/read.js';
import { DEFAULT_MAX_BYTES, type RawDocument } from '../src/document/types.js';
import { ROOT } from './helpers.js';

async function exampleDocs(): Promise<RawDocument[]> {
  const docs: RawDocument[] = [];
  for await (const item of readInputs([join(ROOT, 'examples')], { maxBytes: DEFAULT_MAX_BYTES })) if ('doc' in item) docs.push(item.doc);
  return docs;
}

describe('analyseBatch', () => {
  it('gives every document the analysis it has alone, in order, across more than one batch', async () => {
    const examples = await exampleDocs();
    expect(examples.length).toBeGreaterThan(3);
    // more documents than one batch holds, so that a batch boundary falls among them
    const docs = Array.from({ length: BATCH + 5 }, (_, i) => ({ ...examples[i % examples.length], id: `copy-${i}` }));
    // once alone first, so that people the examples teach are known to both runs alike
    for (const d of examples) analyseDocument(d);
    const alone = docs.map((d) => analyseDocument(d).analysis);
    const together = analyseBatch(docs);
    expect(together).toHaveLength(docs.length);
    expect(together).toEqual(alone);
  });

  it('keeps the other documents when one fails, with the error in its place', async () => {
    const [a, b] = await exampleDocs();
    const broken = { ...a, id: 'broken', text: undefined as unknown as string };
    const out = analyseBatch([a, broken, b]);
    expect(out[1]).toBeInstanceOf(Error);
    expect(out[0]).toEqual(analyseDocument(a).analysis);
    expect(out[2]).toEqual(analyseDocument(b).analysis);
  });
});
