// The tagger's tokenizer splits words at letters outside ASCII ("Erdoğan" → "Erdo", "ğ", "an").
// It is given a copy of the text with each such letter replaced by its base letter — one char
// for one char, so every offset still indexes the original text.

let table: Uint16Array | null = null;

function foldTable(): Uint16Array {
  if (table) return table;
  table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    table[c] = c;
    if (c < 0xc0 || (c >= 0xd800 && c < 0xe000)) continue;
    const ch = String.fromCharCode(c);
    if (ch.toLowerCase() === ch.toUpperCase()) continue; // not a letter
    const base = ch.normalize('NFD').charCodeAt(0);
    if (base < 0x80) table[c] = base;
  }
  // letters without a decomposition that news names use
  const extra: Array<[string, string]> = [['ı', 'i'], ['ø', 'o'], ['Ø', 'O'], ['ł', 'l'], ['Ł', 'L'], ['đ', 'd'], ['Đ', 'D'], ['ß', 's'], ['æ', 'a'], ['Æ', 'A'], ['œ', 'o'], ['Œ', 'O'], ['þ', 't'], ['ð', 'd']];
  for (const [from, to] of extra) table[from.charCodeAt(0)] = to.charCodeAt(0);
  return table;
}

/** The text with non-ASCII letters folded to ASCII letters, same length; unchanged when all ASCII. */
export function asciiFold(text: string): string {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) < 0xc0) i++;
  if (i === text.length) return text;
  const t = foldTable();
  const codes = new Array<number>(text.length);
  for (let k = 0; k < text.length; k++) codes[k] = t[text.charCodeAt(k)];
  let out = '';
  for (let k = 0; k < codes.length; k += 8192) out += String.fromCharCode(...codes.slice(k, k + 8192));
  return out;
}
