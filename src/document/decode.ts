// Bytes → text. Every reader goes through here, so every document's `text` has the same
// guarantees: no byte-order mark, newlines normalised to "\n" (CRLF and lone CR become
// "\n", so all later character offsets index the normalised text), and no binary garbage.

export interface DetectedEncoding {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Bytes of byte-order mark at the start (0 when none). */
  bomLength: number;
  /** Set when UTF-16 was inferred from zero bytes rather than announced by a BOM. */
  guessed: boolean;
}

export interface Decoded {
  text: string;
  /** The encoding actually used, as TextDecoder names it ("utf-8", "windows-1252" …). */
  encoding: string;
  warnings: string[];
}

export type DecodeResult = Decoded | { error: string };

export interface DecodeOptions {
  /** Added to byte positions in messages, for a slice of a larger input (a JSON line). */
  offset?: number;
  /** Skip BOM and UTF-16 detection: the caller already transcoded to the UTF-8 family. */
  utf8Family?: boolean;
  /** Accept empty or whitespace-only input (blank JSON lines are skipped by the caller). */
  allowEmpty?: boolean;
}

export const EMPTY = 'empty file';
export const BINARY = 'binary data, not text';

// Reused: TextDecoder.decode without {stream} resets its state on every call.
const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** Looks at the first bytes only: BOM, or the zero-byte pattern of BOM-less UTF-16. */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3, guessed: false };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { encoding: 'utf-16le', bomLength: 2, guessed: false };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { encoding: 'utf-16be', bomLength: 2, guessed: false };
  }
  // Mostly-ASCII UTF-16 has a zero in every other byte; real text in an 8-bit encoding
  // has none, so a strong one-sided pattern is safe to act on.
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n >= 4) {
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < n; i += 2) {
      if (bytes[i] === 0) evenZero++;
      if (bytes[i + 1] === 0) oddZero++;
    }
    const pairs = n / 2;
    if (oddZero >= pairs * 0.4 && evenZero <= pairs * 0.02) return { encoding: 'utf-16le', bomLength: 0, guessed: true };
    if (evenZero >= pairs * 0.4 && oddZero <= pairs * 0.02) return { encoding: 'utf-16be', bomLength: 0, guessed: true };
  }
  return { encoding: 'utf-8', bomLength: 0, guessed: false };
}

/**
 * Decodes a whole input. UTF-8 (BOM or not) and UTF-16 with a BOM are taken as such;
 * bytes that are not valid UTF-8 are read in the charset the content declares (HTML meta,
 * XML declaration), else as Windows-1252 when they hold no valid UTF-8 multi-byte
 * sequence at all, else as UTF-8 with U+FFFD for the bad bytes.
 */
export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): DecodeResult {
  const offset = opts.offset ?? 0;
  const warnings: string[] = [];
  const detected: DetectedEncoding = opts.utf8Family
    ? { encoding: 'utf-8', bomLength: 0, guessed: false }
    : detectEncoding(bytes);
  const body = bytes.subarray(detected.bomLength);
  let text: string;
  let encoding: string = detected.encoding;
  let undecodable = 0;

  if (detected.encoding !== 'utf-8') {
    text = new TextDecoder(detected.encoding, { ignoreBOM: true }).decode(body);
    if (detected.guessed) warnings.push(`no byte-order mark; decoded as ${detected.encoding.toUpperCase()} from its zero bytes`);
  } else {
    // NUL never occurs in text outside UTF-16: the surest sign of a binary file.
    if (body.includes(0)) return { error: BINARY };
    try {
      text = utf8Fatal.decode(body);
    } catch {
      const scan = scanUtf8(body);
      const declared = declaredCharset(body);
      if (declared) {
        text = declared === 'windows-1252' ? decodeWindows1252(body) : new TextDecoder(declared).decode(body);
        encoding = declared;
      } else if (!scan.multibyte) {
        text = decodeWindows1252(body);
        encoding = 'windows-1252';
        warnings.push('not valid UTF-8; decoded as Windows-1252');
      } else {
        text = utf8Lenient.decode(body);
        undecodable = scan.invalid;
        warnings.push(`invalid UTF-8 at byte ${offset + detected.bomLength + scan.firstInvalid}; bad bytes replaced with U+FFFD`);
      }
    }
  }

  if (looksBinary(text, undecodable)) return { error: BINARY };
  if (!opts.allowEmpty && text.trim() === '') return { error: EMPTY };
  return { text: normaliseNewlines(text), encoding, warnings };
}

// Windows-1252 at 0x80-0x9F (WHATWG Encoding); 0x81, 0x8D, 0x8F, 0x90, 0x9D stay C1 controls.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x92 comes out as U+0092,
 * not ’), which would lose exactly the curly quotes this fallback exists for.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]));
}

/** CRLF and lone CR → LF. Offsets everywhere after the readers index this form. */
export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

// Control characters other than tab, LF, FF and CR, plus DEL and the C1 controls.
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]/;
const CONTROL_ALL = /[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]/g;

/**
 * NUL anywhere, or more than 10% control characters. `undecodable` adds the bytes the
 * decoder had to replace, so mostly-garbage input counts as binary too.
 */
export function looksBinary(text: string, undecodable = 0): boolean {
  if (undecodable === 0 && !CONTROL.test(text)) return false; // the common case: one native scan
  if (text.includes('\0')) return true;
  const count = (text.match(CONTROL_ALL)?.length ?? 0) + undecodable;
  return count > text.length * 0.1;
}

/** Position and count of ill-formed UTF-8 bytes, and whether any well-formed multi-byte sequence occurs. */
export function scanUtf8(b: Uint8Array): { firstInvalid: number; invalid: number; multibyte: boolean } {
  let firstInvalid = -1;
  let invalid = 0;
  let multibyte = false;
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    // Well-formed sequences per the Unicode standard (table 3-7): lead byte, the allowed
    // range of the second byte, and the number of continuation bytes.
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c === 0xe0) { need = 2; lo = 0xa0; }
    else if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) need = 2;
    else if (c === 0xed) { need = 2; hi = 0x9f; }
    else if (c === 0xf0) { need = 3; lo = 0x90; }
    else if (c >= 0xf1 && c <= 0xf3) need = 3;
    else if (c === 0xf4) { need = 3; hi = 0x8f; }
    let ok = need > 0 && i + need < b.length && b[i + 1] >= lo && b[i + 1] <= hi;
    for (let k = 2; ok && k <= need; k++) ok = b[i + k] >= 0x80 && b[i + k] <= 0xbf;
    if (ok) {
      multibyte = true;
      i += need + 1;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { firstInvalid, invalid, multibyte };
}

/**
 * The charset an HTML or XML head declares, when TextDecoder knows it and it is not
 * UTF-8 (a page that claims UTF-8 but is not gets the generic fallback instead).
 */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const m =
    /<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head) ??
    /<meta[^>]*\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (!m) return null;
  try {
    const name = new TextDecoder(m[1]).encoding;
    return name === 'utf-8' || name.startsWith('utf-16') ? null : name;
  } catch {
    return null;
  }
}

/** The first non-whitespace character, from a small decoded prefix. Used to choose a reader before reading a big input whole. */
export function firstSignificantChar(bytes: Uint8Array): string {
  const det = detectEncoding(bytes);
  const slice = bytes.subarray(det.bomLength, det.bomLength + 4096);
  const head = det.encoding === 'utf-8'
    ? Buffer.from(slice).toString('latin1')
    : new TextDecoder(det.encoding, { ignoreBOM: true }).decode(slice);
  const m = /\S/.exec(head);
  return m ? m[0] : '';
}
