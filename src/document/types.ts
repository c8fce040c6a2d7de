// The document as the readers hand it to the pipeline. Every later offset indexes `text`.

/** How the input was recognised; readers choose by content, not by file extension. */
export type Format = 'seed' | 'text' | 'json' | 'html' | 'rss' | 'atom';

export interface RawDocument {
  /** The input's id, else the file name without extension (plus `#n` for the n-th item of a batch). */
  id: string;
  url: string | null;
  /** ISO date (YYYY-MM-DD) of publication, or null when the input gives none usable. */
  published: string | null;
  title: string | null;
  /** The analysed text, decoded; for HTML and feeds the extracted article text. */
  text: string;
  format: Format;
  /** Where it came from, for messages: "reports/a.jsonl line 3", "feed.xml item 2", "-" for stdin. */
  origin: string;
  /** Things the user should know that did not stop the analysis (bad bytes, missing date …). */
  warnings: string[];
  /** True when `text` starts with the title as its own paragraph (HTML and feeds put it there). */
  titleInText: boolean;
}

export interface ReadFailure {
  origin: string;
  reason: string;
}

export type ReadItem = { doc: RawDocument } | { error: ReadFailure };

export interface ReadOptions {
  /** Largest document accepted, in bytes of decoded text; larger ones fail with a message. */
  maxBytes: number;
}

export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
