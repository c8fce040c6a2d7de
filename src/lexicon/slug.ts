// Refs are slugs of names: "Gwadar Port" → "gwadar-port", "Erdoğan" → "erdogan".
export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
