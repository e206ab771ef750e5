// The request classifier's features: hashed n-grams plus the cross-language concept features (request-concepts.ts),
// so a shape learnt from English rows (an ask, a harmful object, a target) also scores in the other languages.
import { BUCKETS, featurize, type SparseVec } from './features.js';
import { REQUEST_CONCEPT_NAMES, REQUEST_PAIRS, requestConceptCounts } from './request-concepts.js';

/**
 * Value of a concept feature: three times that of one n-gram of a 100-token prompt, whatever the text's length (mutable
 * only for the benchmarks that compare values; training and inference must use the same).
 */
export const CONCEPT_VALUE = { value: 0.3 };

function bucket(salt: number, i: number): number {
  let h = Math.imul(salt ^ Math.imul(i + 1, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & (BUCKETS - 1);
}

const INDEX = new Map(REQUEST_CONCEPT_NAMES.map((c, i) => [c as string, i]));
const PAIR_AT = REQUEST_PAIRS.map(([a, b]) => [INDEX.get(a)!, INDEX.get(b)!] as const);
const SINGLE = REQUEST_CONCEPT_NAMES.map((_, i) => bucket(0x51ed270b, i));
const PAIR = PAIR_AT.map((_, i) => bucket(0x2f1b6c3d, i));

/** Buckets of the concept features of `text` (single concepts, then pairs), each of value CONCEPT_VALUE. */
export function conceptBuckets(text: string): number[] {
  const counts = requestConceptCounts(text);
  const extra: number[] = [];
  for (let c = 0; c < counts.length; c++) if (counts[c]! > 0) extra.push(SINGLE[c]!);
  for (let p = 0; p < PAIR_AT.length; p++) if (counts[PAIR_AT[p]![0]]! > 0 && counts[PAIR_AT[p]![1]]! > 0) extra.push(PAIR[p]!);
  return extra;
}

export function requestFeatures(text: string): SparseVec {
  const x = featurize(text);
  const extra = conceptBuckets(text);
  if (extra.length === 0) return x;
  const idx = new Int32Array(x.idx.length + extra.length);
  const val = new Float32Array(idx.length);
  idx.set(x.idx);
  val.set(x.val);
  for (let j = 0; j < extra.length; j++) {
    idx[x.idx.length + j] = extra[j]!;
    val[x.idx.length + j] = CONCEPT_VALUE.value;
  }
  return { idx, val };
}
