// Reading a TABARI/PETRARCH CAMEO verb dictionary (format: ../shared/petrarch2/dictionaries.rst)
// as extra event patterns. Each verb of a synonym block is crossed with the block's patterns;
// the words after `*` become the words after the verb (heads of phrases, which our matcher
// reaches by skipping modifiers). Synsets (&NAME) become alternatives of their one-word members.
// Patterns with words before the verb, and transformations (~), have no equivalent and are skipped.
import { readFileSync } from 'node:fs';
import type { PatternEntry } from './patterns.js';

export interface PetrarchReadResult {
  entries: PatternEntry[];
  skipped: number;
}

function cleanWord(w: string): string {
  return w.replace(/^\+/, '').replace(/_+$/, '').replace(/_/g, ' ').replace(/\+/g, '').toLowerCase().trim();
}

/** The code of a "[020]" or "[042:043]" field, or null for "[---]". */
function codeOf(field: string | undefined): string | null {
  if (!field) return null;
  const c = field.replace(/[[\]]/g, '').split(':')[0].trim();
  return /^\d{2,4}$/.test(c) ? c : null;
}

export function readPetrarchVerbs(path: string): PetrarchReadResult {
  const lines = readFileSync(path, 'utf8').split('\n');
  const synsets = new Map<string, string[]>();
  const entries: PatternEntry[] = [];
  let skipped = 0;
  let currentSet: string | null = null;
  let blockCode: string | null = null;
  let verbs: Array<{ words: string; code: string | null }> = [];
  const source = (n: number) => `${path.split('/').pop()} line ${n + 1}`;

  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n];
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    if (line.startsWith('&')) {
      currentSet = line.split(/\s+/)[0].replace(/_$/, '');
      synsets.set(currentSet, []);
      continue;
    }
    if (line.startsWith('+') && currentSet && !line.includes('[')) {
      synsets.get(currentSet)!.push(cleanWord(line));
      continue;
    }
    if (line.startsWith('---')) {
      currentSet = null;
      blockCode = codeOf(line.match(/\[[^\]]*\]/)?.[0]);
      verbs = [];
      continue;
    }
    if (line.startsWith('~')) {
      skipped++;
      continue;
    }
    if (line.startsWith('-')) {
      const m = line.match(/^-\s*(.*?)\s*(\[[^\]]*\])\s*$/);
      const code = codeOf(m?.[2]);
      if (!m || !code || !verbs.length) {
        skipped++;
        continue;
      }
      const [pre, post] = m[1].split('*');
      if (post === undefined || pre.trim()) {
        skipped++; // words before the verb: no equivalent in a left-to-right pattern
        continue;
      }
      const words = postWords(post, synsets);
      if (!words) {
        skipped++;
        continue;
      }
      for (const v of verbs) entries.push({ pattern: `${v.words}${words ? ' ' + words : ''}`, code, example: `(PETRARCH pattern, ${source(n)})` });
      continue;
    }
    // a verb of the current block: "ASK [020]", "+ASK_FOR {…} [020]", "WIRE_+TAP"
    if (currentSet === null || !line.startsWith('+')) {
      currentSet = null;
      const head = line.replace(/\{[^}]*\}/g, '').replace(/\[[^\]]*\]/g, '').trim().split(/\s+/)[0];
      if (!head) continue;
      const words = cleanWord(head);
      const code = codeOf(line.match(/\[[^\]]*\]/)?.[0]) ?? blockCode;
      verbs.push({ words, code });
      if (code) entries.push({ pattern: words, code, example: `(PETRARCH verb, ${source(n)})` });
    }
  }
  return { entries, skipped };
}

/** "(FOR {FINANCIAL AID})" → "for financial aid"; "&FOOD" → "food|grain|…"; null when unusable. */
function postWords(post: string, synsets: Map<string, string[]>): string | null {
  const out: string[] = [];
  for (const tok of post.replace(/[(){}]/g, ' ').trim().split(/\s+/).filter(Boolean)) {
    if (tok.startsWith('&')) {
      const set = synsets.get(tok.replace(/_$/, ''));
      if (!set) return null;
      const single = set.filter((w) => !w.includes(' '));
      if (!single.length) return null;
      out.push(single.join('|'));
    } else if (/^[A-Z_'-]+$/i.test(tok) && !tok.includes('$') && !tok.includes('%') && !tok.includes('^')) {
      out.push(cleanWord(tok));
    } else return null;
  }
  return out.join(' ');
}
