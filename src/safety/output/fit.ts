// Trains the output heads: per-head logistic regression, AdaGrad, lazy L2, fixed seed; and picks thresholds.
import { mulberry32 } from '../train/train.js';
import { DENSE_NAMES, OUT_BUCKETS, type OutVec } from './features.js';
import { type HeadThresholds, HEADS } from './heads.js';
import { headLogits, type OutputModel } from './model.js';

export interface FitOptions {
  readonly epochs: number;
  readonly lr: number;
  readonly l2: number;
  readonly seed: number;
  /** Weight of a written (dev or written-set) row against a moderation text: the only non-English passages. */
  readonly writtenWeight: number;
  /**
   * Share of updates that see the concept features only: the n-grams of a language barely in the data are unknown,
   * so the concept weights must carry a verdict on their own.
   */
  readonly conceptOnly: number;
  /** Weight of an auxiliary row (a request, not a passage). */
  readonly auxWeight: number;
}
export const DEFAULT_FIT: FitOptions = { epochs: 20, lr: 0.3, l2: 1e-3, seed: 20261207, writtenWeight: 2, conceptOnly: 0.4, auxWeight: 0.3 };

const NO_NGRAMS = { idx: new Int32Array(0), val: new Float32Array(0) };

export interface TrainRow {
  readonly x: OutVec;
  readonly y: readonly (0 | 1 | undefined)[];
  readonly written: boolean;
  /** Auxiliary (weakly labelled) rows weigh less. */
  readonly aux?: boolean;
}

export function fitOutput(rows: readonly TrainRow[], o: FitOptions = DEFAULT_FIT): OutputModel {
  const H = HEADS.length;
  const D = DENSE_NAMES.length;
  const w = new Float32Array(H * OUT_BUCKETS);
  const g2 = new Float32Array(H * OUT_BUCKETS).fill(1e-8);
  const dense = new Float32Array(H * D);
  const gd = new Float32Array(H * D).fill(1e-8);
  const bias = new Float32Array(H);
  // Balance each head: its positives weigh as much as its negatives.
  const pos = HEADS.map((_, h) => rows.filter((r) => r.y[h] === 1 && !r.aux).length);
  const neg = HEADS.map((_, h) => rows.filter((r) => r.y[h] === 0 && !r.aux).length);
  const cw = HEADS.map((_, h) => Math.min(8, neg[h]! / Math.max(1, pos[h]!)));
  const rand = mulberry32(o.seed);
  const order = rows.map((_, i) => i);
  const z = new Float64Array(H);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const r = rows[i]!;
      const x = rand() < o.conceptOnly ? { ...r.x, ...NO_NGRAMS } : r.x;
      headLogits({ w, dense, bias }, x, z);
      const rw = r.aux ? o.auxWeight : r.written ? o.writtenWeight : 1;
      for (let h = 0; h < H; h++) {
        const y = r.y[h];
        if (y === undefined) continue;
        const p = 1 / (1 + Math.exp(-z[h]!));
        const err = (p - y) * rw * (y === 1 ? cw[h]! : 1);
        bias[h]! -= 0.05 * err;
        for (let j = 0; j < x.idx.length; j++) {
          const at = x.idx[j]! * H + h;
          const g = err * x.val[j]! + o.l2 * w[at]!;
          g2[at]! += g * g;
          w[at]! -= (o.lr * g) / Math.sqrt(g2[at]!);
        }
        for (let d = 0; d < D; d++) {
          const v = r.x.dense[d]!;
          if (v === 0) continue;
          const at = h * D + d;
          const g = err * v + o.l2 * dense[at]!;
          gd[at]! += g * g;
          dense[at]! -= (o.lr * g) / Math.sqrt(gd[at]!);
        }
      }
    }
  }
  return { w, dense, bias };
}

/** Benign false-positive rates the thresholds aim at, per head, on out-of-fold scores. */
export const TARGET_FPR = { low: 0.08, medium: 0.01, high: 0.003 } as const;

/** The lowest threshold whose false-positive rate on the benign scores stays within the target. */
export function thresholdAt(benign: readonly number[], fpr: number): number {
  const s = [...benign].sort((a, b) => b - a);
  const allowed = Math.floor(fpr * s.length);
  // Just above the (allowed+1)-th highest benign score.
  return Math.min(0.999, Math.max(0.05, (s[allowed] ?? 0) + 1e-6));
}

export function pickThresholds(benignScores: readonly (readonly number[])[]): Record<string, HeadThresholds> {
  const out: Record<string, HeadThresholds> = {};
  HEADS.forEach((h, i) => {
    const b = benignScores[i]!;
    const medium = thresholdAt(b, TARGET_FPR.medium);
    out[h] = { low: Math.min(medium, thresholdAt(b, TARGET_FPR.low)), medium, high: Math.max(medium, thresholdAt(b, TARGET_FPR.high)) };
  });
  return out;
}
