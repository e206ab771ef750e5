// Cross-validation of the output classifier: plain k-fold over near-duplicate clusters, and leave-one-category-out
// (every text of one moderation category held out at once), scored out of fold.
import { normalise } from '../normalise/normalise.js';
import { mulberry32 } from '../train/train.js';
import type { OutRow } from './data.js';
import { outputFeatures } from './features.js';
import { DEFAULT_FIT, fitOutput, type FitOptions, type TrainRow } from './fit.js';
import { HEADS } from './heads.js';
import { type HeadScores, type OutputModel, scoreOutput } from './model.js';

export interface Prepared {
  readonly rows: readonly OutRow[];
  /** Folded text (what the checks see). */
  readonly texts: readonly string[];
  readonly train: readonly TrainRow[];
  /** Always trained on, never scored. */
  readonly aux: readonly TrainRow[];
}

function trainRow(r: OutRow, text: string): TrainRow {
  return { x: outputFeatures(text.slice(0, 2000)), y: r.y, written: r.origin === 'dev' || r.origin === 'written', aux: r.origin === 'aux' };
}

export function prepare(rows: readonly OutRow[], aux: readonly OutRow[] = []): Prepared {
  const texts = rows.map((r) => normalise(r.text).all);
  return { rows, texts, train: rows.map((r, i) => trainRow(r, texts[i]!)), aux: aux.map((r) => trainRow(r, normalise(r.text).all)) };
}

function shingles(t: string): Set<string> {
  const s = new Set<string>();
  const words = t.match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const w of words) {
    // CJK runs: character bigrams; other words as they are.
    if (/[\u3040-\u30ff\u3400-\u9fff]/.test(w)) for (let i = 0; i + 1 < w.length; i++) s.add(w.slice(i, i + 2));
    else s.add(w);
  }
  return s;
}

/** Clusters of near-duplicates (word-set Jaccard >= 0.5), so no fold sees a near-copy of a held-out text. */
export function nearDupClusters(texts: readonly string[]): number[] {
  const sets = texts.map(shingles);
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < sets.length; i++)
    for (let j = i + 1; j < sets.length; j++) {
      const a = sets[i]!;
      const b = sets[j]!;
      if (Math.min(a.size, b.size) / Math.max(a.size, b.size, 1) < 0.5) continue;
      let inter = 0;
      for (const x of a) if (b.has(x)) inter++;
      if (inter / (a.size + b.size - inter || 1) >= 0.5) parent[find(i)] = find(j);
    }
  return texts.map((_, i) => find(i));
}

/** Fold of every row: whole near-duplicate clusters are assigned to folds at random (fixed seed). */
export function kfold(texts: readonly string[], k: number, seed: number): number[] {
  const cl = nearDupClusters(texts);
  const ids = [...new Set(cl)];
  const rand = mulberry32(seed);
  const fold = new Map(ids.map((id) => [id, Math.floor(rand() * k)]));
  return cl.map((c) => fold.get(c)!);
}

export type Probs = HeadScores[];

function scoreRows(p: Prepared, idx: readonly number[], m: OutputModel, out: Probs): void {
  for (const i of idx) out[i] = scoreOutput(p.texts[i]!, m);
}

/** Out-of-fold head probabilities from plain k-fold. */
export function oofKfold(p: Prepared, k = 5, o: FitOptions = DEFAULT_FIT): { probs: Probs; folds: number[] } {
  const folds = kfold(p.texts, k, o.seed);
  const probs: Probs = new Array(p.rows.length);
  for (let f = 0; f < k; f++) {
    const m = fitOutput([...p.train.filter((_, i) => folds[i] !== f), ...p.aux], o);
    scoreRows(
      p,
      folds.flatMap((g, i) => (g === f ? [i] : [])),
      m,
      probs,
    );
  }
  return { probs, folds };
}

/**
 * Leave-one-category-out: for each unsafe group (H, HR, S, V, SH, illicit), train without every row of it and
 * without one fifth of the benign rows, then score both. Says whether a kind of harm never seen is still caught.
 */
export function oofByCategory(p: Prepared, o: FitOptions = DEFAULT_FIT): { group: string; probs: Probs; held: number[] }[] {
  const groups = [...new Set(p.rows.map((r) => r.group))].filter((g) => g !== 'benign').sort();
  const benignFold = kfold(p.texts, groups.length, o.seed + 1);
  return groups.map((g, gi) => {
    const held = p.rows.flatMap((r, i) => (r.group === g || (r.group === 'benign' && benignFold[i] === gi) ? [i] : []));
    const heldSet = new Set(held);
    const m = fitOutput([...p.train.filter((_, i) => !heldSet.has(i)), ...p.aux], o);
    const probs: Probs = new Array(p.rows.length);
    scoreRows(p, held, m, probs);
    return { group: g, probs, held };
  });
}

/** The final model's benign out-of-fold scores per head, for choosing thresholds. */
export function benignScores(p: Prepared, probs: Probs): number[][] {
  return HEADS.map((_, h) => p.rows.flatMap((r, i) => (r.label === 'benign' && probs[i] ? [probs[i]!.p[h]!] : [])));
}
