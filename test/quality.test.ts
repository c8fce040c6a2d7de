// No silent regressions: coding accuracy on the seed and the dev set may not fall more than
// 0.01 F1 below the baseline recorded in test/baseline.json, nor actor coverage (the issue's
// bar on dev: at least 95%) below it. The baseline rises with every real
// improvement (update it in the same commit); the hidden test set, not these, decides quality.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readInputs } from '../src/document/read.js';
import { analyse } from '../src/pipeline.js';
import { readGold } from '../src/eval/gold.js';
import { score } from '../src/eval/score.js';
import type { Analysis } from '../src/analysis/types.js';
import { ROOT, SEED, SEED_GOLD, DEV_DOCS, DEV_GOLD, HAVE_SHARED, NEEDS_SHARED } from './helpers.js';

const baseline = JSON.parse(readFileSync(resolve(ROOT, 'test', 'baseline.json'), 'utf8')) as Record<string, { f1: number; precision: number; recall: number; coverage: number }>;

async function evaluate(docs: string, gold: string) {
  const analyses: Analysis[] = [];
  for await (const item of readInputs([docs], { maxBytes: 16 * 1024 * 1024 })) if ('doc' in item) analyses.push(analyse(item.doc));
  const s = score(analyses, readGold(gold));
  return { ...s.overall, coverage: s.actorCoverage.share };
}

describe('coding accuracy against the recorded baseline', () => {
  it.skipIf(!HAVE_SHARED)(`on the seed, F1 stays within 0.01 of ${baseline.seed.f1}${NEEDS_SHARED}`, async () => {
    const o = await evaluate(SEED, SEED_GOLD);
    expect(o.f1).toBeGreaterThanOrEqual(baseline.seed.f1 - 0.01);
  });

  it.skipIf(!HAVE_SHARED)(`on the dev set, F1 stays within 0.01 of ${baseline.dev.f1}${NEEDS_SHARED}`, async () => {
    const o = await evaluate(DEV_DOCS, DEV_GOLD);
    expect(o.f1).toBeGreaterThanOrEqual(baseline.dev.f1 - 0.01);
  });

  it.skipIf(!HAVE_SHARED)(`actor coverage stays at least ${baseline.dev.coverage} on the dev set and ${baseline.seed.coverage} on the seed${NEEDS_SHARED}`, async () => {
    expect((await evaluate(DEV_DOCS, DEV_GOLD)).coverage).toBeGreaterThanOrEqual(baseline.dev.coverage - 1e-9);
    expect((await evaluate(SEED, SEED_GOLD)).coverage).toBeGreaterThanOrEqual(baseline.seed.coverage - 0.001);
  });
});
