// Universal part-of-speech tags as small integers, so the hot loops compare numbers.
export const enum Pos {
  X = 0, ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, SPACE,
}

const TABLE: Record<string, Pos> = {
  ADJ: Pos.ADJ, ADP: Pos.ADP, ADV: Pos.ADV, AUX: Pos.AUX, CCONJ: Pos.CCONJ, DET: Pos.DET, INTJ: Pos.INTJ,
  NOUN: Pos.NOUN, NUM: Pos.NUM, PART: Pos.PART, PRON: Pos.PRON, PROPN: Pos.PROPN, PUNCT: Pos.PUNCT,
  SCONJ: Pos.SCONJ, SYM: Pos.SYM, VERB: Pos.VERB, SPACE: Pos.SPACE, X: Pos.X,
};

export const POS_NAMES = ['X', 'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'SPACE'];

export function posCode(tag: string): Pos {
  return TABLE[tag] ?? Pos.X;
}
