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
    // the matches are in the trie's buffers until its next scan
    const found = trie.scan(ctx.text, ctx.lower, sent.start, sent.end, ctx.lookup);
    for (let f = 0; f < found; f++) {
      const { ref, name } = trie.foundForms[f][0].value;
      const start = trie.foundStart[f], end = trie.foundEnd[f];
      mentions.push({ kind: 'issue', start, end, text: ctx.text.slice(start, end), ref, sentence: s });
      const issue = issues.get(ref);
      if (!issue) issues.set(ref, { ref, name, sentences: [s] });
      else if (issue.sentences[issue.sentences.length - 1] !== s) issue.sentences.push(s);
    }
  }
  return { mentions, issues: [...issues.values()] };
}
