// Reading gold files: one JSON object a line, {doc, sentence, source, target, roots[], date}.
import { readFileSync } from 'node:fs';
import type { GoldLine } from './score.js';

export function readGold(path: string): GoldLine[] {
  const out: GoldLine[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    let g: GoldLine;
    try {
      g = JSON.parse(line);
    } catch (err) {
      throw new Error(`${path} line ${i + 1}: invalid JSON: ${(err as Error).message}`);
    }
    if (typeof g.doc !== 'string' || typeof g.sentence !== 'string' || typeof g.source !== 'string' || typeof g.target !== 'string' || !Array.isArray(g.roots)) {
      throw new Error(`${path} line ${i + 1}: a gold line needs doc, sentence, source, target and roots`);
    }
    out.push(g);
  }
  return out;
}
