// What the fold-based safety benches share: each pool row's request features (as the product's classifier computes
// them, concept features included) and the deal of source families into folds, so every fold holds out some of
// every kind.
import type { SparseVec } from '../../src/safety/classifier/features.js';
import { requestFeatures } from '../../src/safety/classifier/request-features.js';
import { normalise } from '../../src/safety/normalise/normalise.js';
import { KIND_OF } from '../../src/safety/train/families.js';
import type { PoolRow } from '../../src/safety/train/pool.js';

export const kindOf = (r: PoolRow): string => KIND_OF[r.kind] ?? r.kind;

/** Features of every row, computed once: the same function training and inference use. */
export function featuresOf(pool: readonly PoolRow[]): Map<PoolRow, SparseVec> {
  const xs = new Map<PoolRow, SparseVec>();
  for (const r of pool) xs.set(r, requestFeatures(normalise(r.text).all));
  return xs;
}

/** Families of each kind, largest first, dealt round-robin into `folds`; families `skip` names get no fold. */
export function dealFamilies(pool: readonly PoolRow[], folds: number, skip: (family: string) => boolean = () => false): Map<string, number> {
  const byKind = new Map<string, Map<string, number>>();
  for (const r of pool) {
    if (skip(r.family)) continue;
    const m = byKind.get(kindOf(r)) ?? new Map<string, number>();
    m.set(r.family, (m.get(r.family) ?? 0) + 1);
    byKind.set(kindOf(r), m);
  }
  const fold = new Map<string, number>();
  let deal = 0;
  for (const [, m] of [...byKind].sort()) for (const [fam] of [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) fold.set(fam, deal++ % folds);
  return fold;
}
