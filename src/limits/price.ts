// Pure pricing: the price of a model from the configured table, and a request's cost in micro-USD.
import { DEFAULT_PRICES, modelPriceSchema, type ModelPrice } from './config.js';

export type PriceTable = Readonly<Record<string, ModelPrice>>;

/** Defaults first, configured prices over them. */
export function buildPriceTable(configured: Readonly<Record<string, ModelPrice>>): PriceTable {
  const out: Record<string, ModelPrice> = {};
  for (const [m, p] of Object.entries(DEFAULT_PRICES)) out[m] = modelPriceSchema.parse(p);
  return Object.freeze({ ...out, ...configured });
}

/**
 * Exact name first, then the longest "prefix*" pattern, then a dated snapshot
 * ("gpt-4o-2024-08-06") priced as its base model.
 */
export function priceOf(table: PriceTable, model: string | undefined, fallback: ModelPrice): ModelPrice {
  if (!model) return fallback;
  const exact = table[model];
  if (exact) return exact;
  let best: [number, ModelPrice] | undefined;
  for (const [pattern, price] of Object.entries(table)) {
    if (!pattern.endsWith('*')) continue;
    const stem = pattern.slice(0, -1);
    if (model.startsWith(stem) && (!best || stem.length > best[0])) best = [stem.length, price];
  }
  if (best) return best[1];
  const base = model.replace(/-\d{4}-\d{2}-\d{2}$/, '');
  return base !== model ? (table[base] ?? fallback) : fallback;
}

export interface Consumption {
  promptTokens: number;
  completionTokens: number;
  images: number;
}

/** Integer micro-USD, so every backend can add it atomically without float drift. */
export function costMicroUsd(price: ModelPrice, c: Consumption): number {
  const usd = (c.promptTokens * price.inputPerMTok + c.completionTokens * price.outputPerMTok) / 1e6 + c.images * price.perImage;
  return Math.ceil(usd * 1e6);
}
