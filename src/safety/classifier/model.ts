// The committed classifier: a multinomial logistic regression over hashed n-grams, int8-quantised.
import { BUCKETS, featureScratch, type SparseVec } from './features.js';
import { CONCEPT_VALUE, conceptBuckets, requestFeatures } from './request-features.js';
import { WEIGHTS } from './weights.generated.js';

export const CLASSES = ['benign', 'harmful', 'jailbreak', 'injection'] as const;
export type ClassName = (typeof CLASSES)[number];
export type Scores = Readonly<Record<ClassName, number>>;

export interface Model {
  /** Interleaved [bucket][class]: the four weights of a feature share a cache line. */
  readonly w: Float32Array;
  readonly bias: Float32Array;
}

export function logits(m: Model, x: SparseVec): Float64Array {
  const k = CLASSES.length;
  const z = new Float64Array(k);
  for (let c = 0; c < k; c++) z[c] = m.bias[c]!;
  for (let j = 0; j < x.idx.length; j++) {
    const at = x.idx[j]! * k;
    const v = x.val[j]!;
    for (let c = 0; c < k; c++) z[c]! += m.w[at + c]! * v;
  }
  return z;
}

export function softmax(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  const p = new Float64Array(z.length);
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += p[i] = Math.exp(z[i]! - max);
  for (let i = 0; i < z.length; i++) p[i] = p[i]! / sum;
  return p;
}

/**
 * Inference form of the committed weights: the int8 values interleaved [bucket][class] (0.5 MB, a quarter of the
 * float model, so far fewer cache misses) and, per class, the 256 float32 weights an int8 can stand for, so the
 * logits are bit-for-bit those of the float model.
 */
export interface Quantised {
  readonly q: Int8Array;
  readonly lut: Float64Array;
  readonly bias: Float32Array;
}

let quantised: Quantised | undefined;

export function loadQuantised(): Quantised {
  if (quantised) return quantised;
  const k = CLASSES.length;
  const raw = Buffer.from(WEIGHTS.data, 'base64');
  if (raw.length !== k * BUCKETS || WEIGHTS.buckets !== BUCKETS) throw new Error('safety classifier weights do not match the feature layout');
  const q = new Int8Array(k * BUCKETS);
  for (let c = 0; c < k; c++) for (let i = 0; i < BUCKETS; i++) q[i * k + c] = raw.readInt8(c * BUCKETS + i);
  const lut = new Float64Array(k * 256);
  for (let c = 0; c < k; c++) for (let v = -128; v < 128; v++) lut[c * 256 + v + 128] = Math.fround(v * WEIGHTS.scales[c]!);
  quantised = { q, lut, bias: Float32Array.from(WEIGHTS.bias) };
  return quantised;
}

/** Logits of a feature vector under the committed weights (the form committedLogits must agree with). */
export function quantisedLogits(m: Quantised, x: SparseVec): Float64Array {
  const z = Float64Array.from(m.bias);
  const { q, lut } = m;
  for (let j = 0; j < x.idx.length; j++) {
    const at = x.idx[j]! * 4;
    const v = x.val[j]!;
    z[0]! += lut[q[at]! + 128]! * v;
    z[1]! += lut[256 + q[at + 1]! + 128]! * v;
    z[2]! += lut[512 + q[at + 2]! + 128]! * v;
    z[3]! += lut[768 + q[at + 3]! + 128]! * v;
  }
  return z;
}

/**
 * quantisedLogits(m, requestFeatures(text)) without building the vector: the same products summed in the same order
 * (each n-gram of value ±fround(1 / sqrt(n)), as the Float32Array of featurize holds it, then the concept features).
 */
export function committedLogits(m: Quantised, text: string): Float64Array {
  const { n, order, signs } = featureScratch(text);
  const z = Float64Array.from(m.bias);
  const { q, lut } = m;
  const pos = Math.fround(1 / Math.sqrt(n));
  const neg = -pos;
  let z0 = z[0]!;
  let z1 = z[1]!;
  let z2 = z[2]!;
  let z3 = z[3]!;
  for (let j = 0; j < n; j++) {
    const at = order[j]! * 4;
    const v = signs[j]! > 0 ? pos : neg;
    z0 += lut[q[at]! + 128]! * v;
    z1 += lut[256 + q[at + 1]! + 128]! * v;
    z2 += lut[512 + q[at + 2]! + 128]! * v;
    z3 += lut[768 + q[at + 3]! + 128]! * v;
  }
  const extra = conceptBuckets(text);
  const v = Math.fround(CONCEPT_VALUE.value);
  for (let j = 0; j < extra.length; j++) {
    const at = extra[j]! * 4;
    z0 += lut[q[at]! + 128]! * v;
    z1 += lut[256 + q[at + 1]! + 128]! * v;
    z2 += lut[512 + q[at + 2]! + 128]! * v;
    z3 += lut[768 + q[at + 3]! + 128]! * v;
  }
  z[0] = z0;
  z[1] = z1;
  z[2] = z2;
  z[3] = z3;
  return z;
}

/** Class probabilities for normalised text (the committed weights unless a trained model is given). */
export function classify(text: string, m?: Model): Scores {
  const p = softmax(m ? logits(m, requestFeatures(text)) : committedLogits(loadQuantised(), text));
  return { benign: p[0]!, harmful: p[1]!, jailbreak: p[2]!, injection: p[3]! };
}
