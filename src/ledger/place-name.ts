// The name of a place ref as the analysis that mentions it gives it ("place:islamabad" → Islamabad).
import type { Analysis } from '../analysis/types.js';

export function placeName(a: Analysis, ref: string | null): string | null {
  if (!ref) return null;
  return a.places.find((p) => p.ref === ref)?.name ?? ref.replace(/^place:/, '');
}
