// Pure: request events folded into per-bucket series for the console's overview charts (requests, denials,
// safety blocks, risk actions, spend), and denials by stage over the whole window.
import type { ModelPrice } from '../limits/config.js';
import { costMicroUsd, priceOf, type PriceTable } from '../limits/price.js';

type SeriesEvent = Record<string, unknown> & {
  kind?: unknown;
  time?: unknown;
  status?: unknown;
  decision?: unknown;
  model?: unknown;
  usage?: unknown;
  verdicts?: unknown;
  detail?: unknown;
};

export interface Timeseries {
  /** Bucket start times, seconds since the epoch (uPlot's x axis). */
  readonly t: number[];
  readonly requests: number[];
  readonly denied: number[];
  readonly safetyBlocks: number[];
  /** Requests whose risk decision was anything but allow (flag, throttle, block, suspend…). */
  readonly riskActions: number[];
  readonly spendUsd: number[];
  readonly deniedByStage: Record<string, number>;
  readonly riskByAction: Record<string, number>;
}

interface Usage {
  promptTokens?: number;
  completionTokens?: number;
  images?: number;
}

/** The risk engine's actions besides allow (the decision field also carries safety decisions such as content-filter). */
const RISK_ACTIONS = new Set(['flag', 'require-proof', 'throttle', 'block-request', 'suspend-key']);

const blocked = (v: unknown): boolean => {
  const safety = (v as { safety?: { action?: unknown }[] } | undefined)?.safety;
  return Array.isArray(safety) && safety.some((s) => s?.action === 'block');
};

export interface SeriesOptions {
  nowMs: number;
  windowS: number;
  bucketS: number;
  prices: PriceTable;
  fallback: ModelPrice;
}

/** Folds events in one at a time (any order), so a caller can page through a large log in bounded memory. */
export interface SeriesFold {
  add(e: SeriesEvent): void;
  readonly series: Timeseries;
}

export function timeseries(events: Iterable<SeriesEvent>, o: SeriesOptions): Timeseries {
  const fold = seriesFold(o);
  for (const e of events) fold.add(e);
  return fold.series;
}

export function seriesFold(o: SeriesOptions): SeriesFold {
  const nowS = o.nowMs / 1000;
  const start = Math.floor((nowS - o.windowS) / o.bucketS) * o.bucketS;
  const n = Math.max(1, Math.ceil((nowS - start) / o.bucketS));
  const zeros = (): number[] => new Array<number>(n).fill(0);
  const out: Timeseries = {
    t: Array.from({ length: n }, (_, i) => start + i * o.bucketS),
    requests: zeros(),
    denied: zeros(),
    safetyBlocks: zeros(),
    riskActions: zeros(),
    spendUsd: zeros(),
    deniedByStage: {},
    riskByAction: {},
  };
  const add = (e: SeriesEvent): void => {
    if (e.kind !== 'request' || typeof e.time !== 'string') return;
    const i = Math.floor((Date.parse(e.time) / 1000 - start) / o.bucketS);
    if (!(i >= 0 && i < n)) return;
    out.requests[i]!++;
    const status = typeof e.status === 'number' ? e.status : 0;
    if (status >= 400) {
      out.denied[i]!++;
      const stage = String((e.detail as { deniedBy?: unknown } | undefined)?.deniedBy ?? 'upstream');
      out.deniedByStage[stage] = (out.deniedByStage[stage] ?? 0) + 1;
    }
    if (blocked(e.verdicts)) out.safetyBlocks[i]!++;
    if (typeof e.decision === 'string' && RISK_ACTIONS.has(e.decision)) {
      out.riskActions[i]!++;
      out.riskByAction[e.decision] = (out.riskByAction[e.decision] ?? 0) + 1;
    }
    const u = e.usage as Usage | null | undefined;
    if (u && status < 400) {
      const price = priceOf(o.prices, typeof e.model === 'string' ? e.model : undefined, o.fallback);
      out.spendUsd[i]! += costMicroUsd(price, { promptTokens: u.promptTokens ?? 0, completionTokens: u.completionTokens ?? 0, images: u.images ?? 0 }) / 1e6;
    }
  };
  return { add, series: out };
}
