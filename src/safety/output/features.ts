// Features of a model answer: the request classifier's hashed n-grams (folded into a smaller table) plus the
// cross-language concept cues and a few of their pairs (a group named beside a dehumanising word, and so on).
import { featurize } from '../classifier/features.js';
import { type Concept, CONCEPT_NAMES, conceptCounts, MAX_COUNT } from './concepts.js';

export const OUT_BITS = 16;
export const OUT_BUCKETS = 1 << OUT_BITS;

/** Concept pairs that mean more together than apart. */
const PAIRS: readonly (readonly [Concept, Concept])[] = [
  ['group', 'dehuman'],
  ['group', 'eliminate'],
  ['group', 'attack'],
  ['group', 'insult'],
  ['selfharm', 'urge'],
  ['selfharm', 'procedure'],
  ['sexual', 'minor'],
  ['procedure', 'weapon'],
  ['comply', 'weapon'],
  ['gore', 'attack'],
  ['insult', 'urge'],
  ['threat', 'attack'],
  ['firstpain', 'selfharm'],
  ['group', 'slur'],
  ['death', 'attack'],
  ['group', 'death'],
  ['future1p', 'injure'],
  ['conditional', 'injure'],
  ['group', 'injure'],
  ['threat', 'addressee'],
  ['nobody', 'addressee'],
  ['conceal', 'selfharm'],
  ['fasting', 'urge'],
  ['mockery', 'addressee'],
  ['insult', 'addressee'],
  ['context', 'selfharm'],
  ['group', 'essential'],
  ['group', 'incite'],
  ['incite', 'attack'],
];

/**
 * Compositions of three slots, each slot any of its concepts: a threat is a first-person future or a condition, a
 * harm verb or outcome, and an addressee; urging self-harm is an addressee, an urging or permission, and self-harm
 * or death; a hate threat names a group, a harm and a future.
 */
const TRIPLES: readonly (readonly (readonly Concept[])[])[] = [
  [['future1p', 'conditional'], ['attack', 'injure', 'death'], ['addressee']],
  [['addressee'], ['urge', 'nobody'], ['selfharm', 'death']],
  [['group'], ['attack', 'injure', 'eliminate'], ['future1p', 'conditional', 'threat']],
  [['addressee'], ['insult', 'mockery'], ['nobody', 'urge']],
];

/** Length bands: a short text has few n-grams, so the bias alone must not decide it. */
const LENGTHS = ['len<80', 'len>600'] as const;
export const DENSE_NAMES: readonly string[] = [...CONCEPT_NAMES, ...PAIRS.map(([a, b]) => `${a}*${b}`), ...TRIPLES.map((t) => t.map((slot) => slot.join('|')).join('*')), ...LENGTHS];
const INDEX = new Map(CONCEPT_NAMES.map((c, i) => [c, i]));
const PAIR_AT = PAIRS.map(([a, b]) => [INDEX.get(a)!, INDEX.get(b)!] as const);
const TRIPLE_AT = TRIPLES.map((t) => t.map((slot) => slot.map((c) => INDEX.get(c)!)));

export interface OutVec {
  readonly idx: Int32Array;
  readonly val: Float32Array;
  readonly dense: Float32Array;
  /** Raw concept counts (the minors cue is read directly). */
  readonly counts: Uint8Array;
}

export const MINOR = INDEX.get('minor')!;

/** Features of one window of folded text. */
export function outputFeatures(text: string): OutVec {
  const x = featurize(text);
  const idx = new Int32Array(x.idx.length);
  for (let j = 0; j < idx.length; j++) idx[j] = x.idx[j]! & (OUT_BUCKETS - 1);
  const counts = conceptCounts(text);
  const dense = new Float32Array(DENSE_NAMES.length);
  for (let c = 0; c < counts.length; c++) dense[c] = counts[c]! / MAX_COUNT;
  for (let p = 0; p < PAIR_AT.length; p++) {
    const [a, b] = PAIR_AT[p]!;
    dense[counts.length + p] = counts[a]! > 0 && counts[b]! > 0 ? 1 : 0;
  }
  for (let t = 0; t < TRIPLE_AT.length; t++) dense[counts.length + PAIR_AT.length + t] = TRIPLE_AT[t]!.every((slot) => slot.some((c) => counts[c]! > 0)) ? 1 : 0;
  const at = counts.length + PAIR_AT.length + TRIPLE_AT.length;
  dense[at] = text.length < 80 ? 1 : 0;
  dense[at + 1] = text.length > 600 ? 1 : 0;
  return { idx, val: x.val, dense, counts };
}
