// Syndicated copies: the same story on two sites, with a different headline or a trimmed
// paragraph. Candidates come from MinHash bands (locality-sensitive hashing) stored per
// document and looked up within the same published week; a candidate is a near-duplicate
// when the Jaccard similarity of the two texts' word 3-shingles is at least 0.9, computed
// exactly, so the decision never rests on a hash collision.
import { normaliseText } from './identity.js';

export const SIMILARITY = 0.9;
const HASHES = 64;
const ROWS = 4; // 16 bands of 4: a pair at 0.9 shares a band with probability > 0.9999

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit mixer (murmur3's finaliser): one "permutation" per seed. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEEDS = Array.from({ length: HASHES }, (_, i) => mix(i + 1, 0x9e3779b9));

export function shingles(text: string): Set<number> {
  const words = normaliseText(text).split(' ').filter(Boolean);
  const out = new Set<number>();
  if (words.length < 3) {
    if (words.length) out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + 3 <= words.length; i++) out.add(fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  return out;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const x of small) if (large.has(x)) both++;
  return both / (a.size + b.size - both);
}

/** The document's LSH band keys ("3:1f2e…"): two documents sharing one are candidates. */
export function bands(sh: Set<number>): string[] {
  const mins = new Array<number>(HASHES).fill(0xffffffff);
  for (const x of sh) {
    for (let i = 0; i < HASHES; i++) {
      const h = mix(x, SEEDS[i]);
      if (h < mins[i]) mins[i] = h;
    }
  }
  const out: string[] = [];
  for (let b = 0; b < HASHES / ROWS; b++) {
    out.push(`${b}:${fnv1a(mins.slice(b * ROWS, b * ROWS + ROWS).join(',')).toString(16)}`);
  }
  return out;
}
