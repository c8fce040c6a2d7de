// Small helpers the store shares.

export function* chunks<T>(xs: T[], size: number): Generator<T[]> {
  for (let i = 0; i < xs.length; i += size) yield xs.slice(i, i + size);
}

/** Rounds sums and means for output: the two stores add floats in different orders. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function parseJsonList(s: string | null | undefined): string[] {
  if (!s) return [];
  try {
    const v = JSON.parse(s);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}
