// Names and colours shared by the views.

export const QUAD_NAMES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
export const QUAD_SHORT = ['VCoop', 'MCoop', 'VConf', 'MConf'];

export function quadName(q: number): string {
  return QUAD_NAMES[q - 1] ?? `quad class ${q}`;
}

/** CSS class of a quad class (q1 … q4): colours live in style.css. */
export function quadClass(q: number): string {
  return `q${q >= 1 && q <= 4 ? q : 0}`;
}

/** Goldstein −10 … +10 as a CSS class from strong conflict to strong cooperation. */
export function goldsteinClass(g: number): string {
  if (g <= -5) return 'g-neg2';
  if (g < 0) return 'g-neg1';
  if (g === 0) return 'g-zero';
  if (g < 5) return 'g-pos1';
  return 'g-pos2';
}

export function dyadOf(source: string, target: string | null | undefined): string {
  return target ? `${source}-${target}` : source;
}

export function shorten(text: string, n: number): string {
  return text.length <= n ? text : text.slice(0, n - 1).trimEnd() + '…';
}

export const ROOT_NAMES: Record<string, string> = {
  '01': 'make public statement', '02': 'appeal', '03': 'express intent to cooperate', '04': 'consult',
  '05': 'engage in diplomatic cooperation', '06': 'engage in material cooperation', '07': 'provide aid', '08': 'yield',
  '09': 'investigate', '10': 'demand', '11': 'disapprove', '12': 'reject', '13': 'threaten', '14': 'protest',
  '15': 'exhibit force posture', '16': 'reduce relations', '17': 'coerce', '18': 'assault', '19': 'fight',
  '20': 'use unconventional mass violence',
};
