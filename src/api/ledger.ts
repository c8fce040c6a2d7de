// The ledger over the knowledge base: commitments with their status across reports, dialogue
// series, stances and comparisons are pure functions of analyses (src/ledger/). The server
// keeps the stored analyses in memory and reloads them when the store changes (anything
// stored, by this server or another process), so a page of commitments does not re-read
// every document.
import type { Analysis } from '../analysis/types.js';
import { loadAnalyses, type Store } from '../store/index.js';
import { storeVersion } from './queries.js';

export class AnalysisCache {
  private version = '';
  private analyses: Analysis[] = [];
  private loading: Promise<Analysis[]> | null = null;

  constructor(private readonly store: Store, private readonly maxDocuments: number) {}

  /** Every stored analysis, in storage order; throws TooManyDocuments past the limit. */
  async all(): Promise<Analysis[]> {
    const v = await storeVersion(this.store);
    if (v === this.version) return this.analyses;
    if (!this.loading) {
      this.loading = this.load(v).finally(() => {
        this.loading = null;
      });
    }
    return this.loading;
  }

  private async load(v: string): Promise<Analysis[]> {
    const n = Number(v.split(':')[0]);
    if (n > this.maxDocuments) throw new TooManyDocuments(n, this.maxDocuments);
    const out: Analysis[] = [];
    for await (const a of loadAnalyses(this.store)) out.push(a);
    this.analyses = out;
    this.version = v;
    return out;
  }

  /** Forget what is held (after this server stored something). */
  invalidate(): void {
    this.version = '';
  }
}

export class TooManyDocuments extends Error {
  constructor(readonly documents: number, readonly limit: number) {
    super(`the knowledge base holds ${documents} documents; the ledger views read at most ${limit} (use \`entente commitments|series|stances\` on the command line)`);
  }
}

/** One stored analysis by document id, or null. */
export async function oneAnalysis(store: Store, id: string): Promise<Analysis | null> {
  for await (const a of loadAnalyses(store, { ids: [id] })) return a;
  return null;
}
