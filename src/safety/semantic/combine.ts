// The n-gram features and the semantic features side by side in one vector, and the committed semantic weights.
import { BUCKETS, featurize, type SparseVec } from '../classifier/features.js';
import { WEIGHTS } from '../classifier/weights.generated.js';
import { DENSE, type SemanticVec, semanticFeatures } from './features.js';

/** Width of the whole feature vector: the n-gram buckets, then the mean word vector. */
export const FULL_DIM = BUCKETS + DENSE;

/** The n-gram vector followed by the semantic one (its indices moved past the n-gram buckets). */
export function withSemantic(x: SparseVec, s: SemanticVec): SparseVec {
  if (s.idx.length === 0) return x;
  const n = x.idx.length;
  const idx = new Int32Array(n + s.idx.length);
  const val = new Float32Array(n + s.idx.length);
  idx.set(x.idx);
  val.set(x.val);
  for (let j = 0; j < s.idx.length; j++) {
    idx[n + j] = s.idx[j]! + BUCKETS;
    val[n + j] = s.val[j]!;
  }
  return { idx, val };
}

/** Every feature of normalised text, as training and evaluation see it. */
export function allFeatures(text: string): SparseVec {
  return withSemantic(featurize(text), semanticFeatures(text));
}

let dense: Float64Array | undefined;

/** Adds the committed semantic weights' share to n-gram logits z (four classes) and returns z. */
export function addSemanticLogits(z: Float64Array, s: SemanticVec): Float64Array {
  if (s.idx.length === 0) return z;
  if (!dense) {
    if (WEIGHTS.semantic.dense.length !== WEIGHTS.classes.length * DENSE) throw new Error('semantic weights do not match the feature layout');
    dense = Float64Array.from(WEIGHTS.semantic.dense);
  }
  for (let j = 0; j < s.idx.length; j++) {
    const at = s.idx[j]! * 4;
    const v = s.val[j]!;
    for (let c = 0; c < 4; c++) z[c]! += dense[at + c]! * v;
  }
  return z;
}
