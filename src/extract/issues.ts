// Issue mentions: every form of issues.yaml in every sentence, and the issues in order of
// first mention with the sentences that raise them.
import type { IssueOut, Mention } from '../analysis/types.js';
import { issueTrie } from '../lexicon/issues.js';
import type { ExtractContext } from './context.js';

export function findIssues(ctx: ExtractContext): { mentions: Mention[]; issues: IssueOut[] } {
  const trie = issueTrie();
  const mentions: Mention[] = [];
  const issues = new Map<string, IssueOut>();
  for (let s = 0; s < ctx.sentences.length; s++) {
    const sent = ctx.sentences[s];
    for (const m of trie.matchAll(ctx.text, ctx.lower, sent.start, sent.end, ctx.lookup)) {
      const { ref, name } = m.forms[0].value;
      mentions.push({ kind: 'issue', start: m.start, end: m.end, text: ctx.text.slice(m.start, m.end), ref, sentence: s });
      const issue = issues.get(ref);
      if (!issue) issues.set(ref, { ref, name, sentences: [s] });
      else if (issue.sentences[issue.sentences.length - 1] !== s) issue.sentences.push(s);
    }
  }
  return { mentions, issues: [...issues.values()] };
}
