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
];

/** Length bands: a short text has few n-grams, so the bias alone must not decide it. */
const LENGTHS = ['len<80', 'len>600'] as const;
export const DENSE_NAMES: readonly string[] = [...CONCEPT_NAMES, ...PAIRS.map(([a, b]) => `${a}*${b}`), ...LENGTHS];
const INDEX = new Map(CONCEPT_NAMES.map((c, i) => [c, i]));
const PAIR_AT = PAIRS.map(([a, b]) => [INDEX.get(a)!, INDEX.get(b)!] as const);

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
  const at = counts.length + PAIR_AT.length;
  dense[at] = text.length < 80 ? 1 : 0;
  dense[at + 1] = text.length > 600 ? 1 : 0;
  return { idx, val: x.val, dense, counts };
}
