// Segmentation: blocks with roles (caption, headline, highlight, subhead, body) and the
// sentences inside them, all as offsets into the document text.
import type { RawDocument } from './types.js';
import type { SentenceOut, SentenceRole } from '../analysis/types.js';
import { splitBlocks, endsWithFinalPunctuation, wordCount, type Block } from './blocks.js';
import { splitSentences } from './sentences.js';
import { abbreviations } from '../lexicon/abbreviations.js';
import { seedHeader } from './seed-header.js';

export interface Paragraph {
  index: number;
  start: number;
  end: number;
  role: SentenceRole;
}

export interface Segmentation {
  paragraphs: Paragraph[];
  sentences: SentenceOut[];
  /** A photo credit kept out of the caption sentence ("FO", "Reuters"). */
  credit: { start: number; end: number } | null;
}

const SUBHEAD_MAX_WORDS = 12;
const HIGHLIGHT_MAX_WORDS = 20;

/** A short line with no final stop: a title, subhead or headline, not running text. */
function isTitleLike(text: string, b: Block, maxWords: number): boolean {
  return !b.item && !endsWithFinalPunctuation(text, b.start, b.end) && wordCount(text, b.start, b.end) <= maxWords;
}

function roleOf(doc: RawDocument, blocks: Block[], i: number, firstBody: number): SentenceRole {
  const b = blocks[i];
  const text = doc.text;
  if (doc.format === 'seed') {
    if (i === 0) return 'caption';
    if (i === 1) return 'headline';
    if (i < firstBody) return 'highlight';
  } else if (i === 0 && blocks.length > 1) {
    const first = text.slice(b.start, b.end);
    if (doc.titleInText || (doc.title && first.trim() === doc.title.trim()) || isTitleLike(text, b, HIGHLIGHT_MAX_WORDS)) {
      return 'headline';
    }
  }
  if (i > 0 && i < blocks.length - 1 && isTitleLike(text, b, SUBHEAD_MAX_WORDS)) return 'subhead';
  return 'body';
}

/** In the seed shape, the short one-line blocks between headline and first long paragraph. */
function firstBodyBlock(doc: RawDocument, blocks: Block[]): number {
  if (doc.format !== 'seed') return 0;
  let i = 2;
  while (i < blocks.length) {
    const b = blocks[i];
    if (wordCount(doc.text, b.start, b.end) > HIGHLIGHT_MAX_WORDS) break;
    i++;
  }
  return i;
}

export function segment(doc: RawDocument): Segmentation {
  const text = doc.text;
  const abbr = abbreviations();
  let credit: Segmentation['credit'] = null;
  let from = 0;
  const blocks: Block[] = [];
  if (doc.format === 'seed') {
    const h = seedHeader(text);
    if (h) {
      blocks.push({ start: h.captionStart, end: h.captionEnd, item: false });
      credit = h.credit;
      from = h.lineEnd;
    }
  }
  blocks.push(...splitBlocks(text, from, text.length));
  const firstBody = firstBodyBlock(doc, blocks);
  const paragraphs: Paragraph[] = [];
  const sentences: SentenceOut[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const role = roleOf(doc, blocks, i, firstBody);
    paragraphs.push({ index: i, start: b.start, end: b.end, role });
    // headlines, subheads and captions are one sentence each unless they clearly hold several
    const spans = role === 'headline' || role === 'subhead' ? [[b.start, b.end] as [number, number]] : splitSentences(text, b.start, b.end, abbr);
    for (const [s, e] of spans) {
      sentences.push({ index: sentences.length, start: s, end: e, text: text.slice(s, e), role, paragraph: i });
    }
  }
  return { paragraphs, sentences, credit };
}
