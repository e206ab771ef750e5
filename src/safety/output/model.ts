// The output classifier: one logistic head per harm category over outputFeatures, int8 hashed weights.
import { HEADS } from './heads.js';
import { DENSE_NAMES, MINOR as MINOR_AT, OUT_BUCKETS, outputFeatures, type OutVec } from './features.js';
import { OUTPUT_WEIGHTS } from './weights.generated.js';

const H = HEADS.length;
const D = DENSE_NAMES.length;

/** A float model (training, cross-validation); the committed one is the quantised form of one of these. */
export interface OutputModel {
  /** Interleaved [bucket][head]. */
  readonly w: Float32Array;
  /** [head][dense feature]. */
  readonly dense: Float32Array;
  readonly bias: Float32Array;
}

export function headLogits(m: OutputModel, x: OutVec, z: Float64Array = new Float64Array(H)): Float64Array {
  for (let h = 0; h < H; h++) z[h] = m.bias[h]!;
  for (let j = 0; j < x.idx.length; j++) {
    const at = x.idx[j]! * H;
    const v = x.val[j]!;
    for (let h = 0; h < H; h++) z[h]! += m.w[at + h]! * v;
  }
  for (let h = 0; h < H; h++) for (let d = 0; d < D; d++) z[h]! += m.dense[h * D + d]! * x.dense[d]!;
  return z;
}

let committed: OutputModel | undefined;

/** The committed weights, dequantised once (a few hundred KB of float32). */
export function committedModel(): OutputModel {
  if (committed) return committed;
  const W = OUTPUT_WEIGHTS;
  const raw = Buffer.from(W.data, 'base64');
  if (raw.length !== H * OUT_BUCKETS || W.buckets !== OUT_BUCKETS || W.dense.length !== D || W.heads.join() !== HEADS.join()) {
    throw new Error('output classifier weights do not match the feature layout');
  }
  const w = new Float32Array(H * OUT_BUCKETS);
  for (let h = 0; h < H; h++) for (let i = 0; i < OUT_BUCKETS; i++) w[i * H + h] = raw.readInt8(h * OUT_BUCKETS + i) * W.scales[h]!;
  committed = { w, dense: Float32Array.from(W.denseWeights.flat()), bias: Float32Array.from(W.bias) };
  return committed;
}

/** Longer answers are scored window by window (the n-gram features read the first tokens only), keeping the max. */
export const OUT_WINDOW = 2000;
const OVERLAP = 200;

export interface HeadScores {
  /** Probability per head (HEADS order). */
  readonly p: Float64Array;
  /** Whether any window with sexual content also names a minor. */
  readonly minor: boolean;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Head probabilities for folded text, max over windows. */
export function scoreOutput(text: string, m: OutputModel = committedModel()): HeadScores {
  const p = new Float64Array(H);
  const z = new Float64Array(H);
  let minor = false;
  for (let at = 0; at === 0 || at < text.length - OVERLAP; at += OUT_WINDOW - OVERLAP) {
    const x = outputFeatures(at === 0 && text.length <= OUT_WINDOW ? text : text.slice(at, at + OUT_WINDOW));
    headLogits(m, x, z);
    for (let h = 0; h < H; h++) p[h] = Math.max(p[h]!, sigmoid(z[h]!));
    if (x.counts[MINOR_AT]! > 0) minor = true;
  }
  return { p, minor };
}
