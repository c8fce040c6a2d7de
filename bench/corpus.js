// Builds a large JSON Lines batch for the ingest benchmarks: the dev corpus (../shared), else
// the bundled examples, repeated with fresh ids and with the published date moved a week on
// for each round, so copies are new documents (not near-duplicates of one another) whose
// relatively dated events fall on new days.
import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { readInputs } from '../dist/document/read.js';

export const ROOT = resolve(import.meta.dirname, '..');
const DEV = resolve(ROOT, '..', 'shared', 'corpus', 'dev', 'docs.jsonl');

export async function seedDocuments() {
  const paths = existsSync(DEV) ? [DEV, resolve(ROOT, 'examples')] : [resolve(ROOT, 'examples')];
  const docs = [];
  for await (const item of readInputs(paths, { maxBytes: 16 << 20 })) if ('doc' in item) docs.push(item.doc);
  return { docs, source: existsSync(DEV) ? 'the dev corpus and examples/' : 'examples/' };
}

function shift(date, days) {
  if (!date) return null;
  const d = new Date(date.slice(0, 10) + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The i-th copy of a seed document, as an input object. */
export function copyOf(doc, round) {
  return { id: `${doc.id}~${round}`, url: doc.url, published: shift(doc.published, 7 * round), title: doc.title, text: doc.text };
}

/** Writes copies round after round until the file holds `bytes`; returns documents written. */
export async function writeCorpus(file, bytes) {
  const { docs } = await seedDocuments();
  const out = createWriteStream(file);
  let written = 0, n = 0;
  for (let round = 0; written < bytes; round++) {
    for (const d of docs) {
      const line = JSON.stringify(copyOf(d, round)) + '\n';
      if (!out.write(line)) await once(out, 'drain');
      written += Buffer.byteLength(line);
      n++;
      if (written >= bytes) break;
    }
  }
  out.end();
  await once(out, 'finish');
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, mb] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/corpus.js OUT.jsonl [megabytes=10]');
    process.exit(2);
  }
  const n = await writeCorpus(file, Number(mb ?? 10) * 1e6);
  console.log(`${file}: ${n} documents`);
}
