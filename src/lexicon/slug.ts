// Refs are slugs of names: "Gwadar Port" → "gwadar-port", "Erdoğan" → "erdogan".
export function slug(s: string): string {
  return asciiSlug(s) ?? s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The slug of an ASCII string in one pass (no accents to strip), or null for any other. */
function asciiSlug(s: string): string | null {
  let out = '';
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c > 0x7f) return null;
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && out.length) out += '-';
      gap = false;
      out += String.fromCharCode(c);
    } else gap = true;
  }
  return out;
}
