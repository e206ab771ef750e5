// Pure: turns a blocked consumption into the 429 the openai SDK understands, with x-ratelimit-* headers.
import type { Denial } from '../errors/denial.js';
import type { ConsumeResult, CounterState } from './port.js';
import { METRICS, parseCounterId, type Metric } from './plan.js';

/** OpenAI's duration style for reset headers: "20ms", "1s", "6m0s", "1h2m3s". */
export function formatDuration(ms: number): string {
  const t = Math.max(0, Math.ceil(ms));
  if (t < 1_000) return `${t}ms`;
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor((t % 3_600_000) / 60_000);
  const s = Math.round(((t % 60_000) / 1_000) * 1000) / 1000;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}s`;
}

const HEADER_NAME: Partial<Record<Metric, string>> = {
  rpm: 'requests',
  tpm: 'tokens',
  'img-day': 'images-day',
  'usd-day': 'spend-day-usd',
  'usd-month': 'spend-month-usd',
};

const LABEL: Record<Metric, string> = {
  rpm: 'requests per minute',
  tpm: 'tokens per minute',
  'req-day': 'requests per day',
  'tok-day': 'tokens per day',
  'img-day': 'images per day',
  'usd-day': 'spend per day (USD)',
  'usd-month': 'spend per month (USD)',
};

function shown(metric: Metric, v: number): string {
  return METRICS[metric].scale === 1 ? String(Math.floor(v)) : (v / METRICS[metric].scale).toFixed(2);
}

/**
 * x-ratelimit-limit-*, -remaining-*, -reset-* for requests and tokens (the tighter of key and
 * tenant), plus the blocking budget's own trio when a budget is what blocked.
 */
export function rateLimitHeaders(states: readonly CounterState[], blocked?: CounterState): Record<string, string> {
  const tightest = new Map<Metric, CounterState>();
  for (const s of states) {
    const p = parseCounterId(s.id);
    if (!p || s.limit === null || s.remaining === null) continue;
    const isRate = METRICS[p.metric].kind === 'rate';
    if (!isRate && s !== blocked) continue;
    const prior = tightest.get(p.metric);
    if (!prior || (prior.remaining ?? Infinity) > s.remaining) tightest.set(p.metric, s);
  }
  const h: Record<string, string> = {};
  for (const [metric, s] of tightest) {
    const name = HEADER_NAME[metric];
    if (!name || s.limit === null) continue;
    h[`x-ratelimit-limit-${name}`] = shown(metric, s.limit);
    h[`x-ratelimit-remaining-${name}`] = shown(metric, s.remaining ?? 0);
    h[`x-ratelimit-reset-${name}`] = formatDuration(s.resetMs);
  }
  return h;
}

export function denialOf(result: Extract<ConsumeResult, { ok: false }>): Denial {
  const b = result.blocked;
  const p = parseCounterId(b.id);
  const metric: Metric = p?.metric ?? 'rpm';
  const who = p?.scope === 't' ? `tenant ${p.owner}` : `key ${p?.owner ?? '?'}`;
  const limitText = b.limit === null ? '' : ` Limit ${shown(metric, b.limit)}, used ${shown(metric, b.used)}.`;
  const headers = rateLimitHeaders(result.states, b);
  if (!Number.isFinite(result.retryAfterMs) && METRICS[metric].kind === 'quota') {
    // The whole budget would not cover this request's reservation: final for this period.
    return {
      code: 'QUOTA_EXCEEDED',
      message: `Budget too small for this request for ${who}: ${LABEL[metric]}.${limitText} Lower max_tokens or n, or raise the budget.`,
      wireCode: 'insufficient_quota',
      headers,
    };
  }
  if (!Number.isFinite(result.retryAfterMs)) {
    // The request alone exceeds the limit: waiting will not help, so the SDK must not retry.
    return {
      code: 'RATE_LIMITED',
      message: `Request too large for ${who}: it needs more than its ${LABEL[metric]} limit.${limitText}`,
      wireCode: 'request_too_large',
      headers: { ...headers, 'x-should-retry': 'false' },
    };
  }
  const seconds = result.retryAfterMs / 1000;
  const retry = { retryAfter: Math.max(1, Math.ceil(seconds)), headers: { ...headers, 'retry-after-ms': String(Math.ceil(result.retryAfterMs)) } };
  if (METRICS[metric].kind === 'quota') {
    return {
      code: 'QUOTA_EXCEEDED',
      message: `Budget exhausted for ${who}: ${LABEL[metric]}.${limitText} It resets in ${formatDuration(result.retryAfterMs)}.`,
      wireCode: 'insufficient_quota',
      ...retry,
    };
  }
  return {
    code: 'RATE_LIMITED',
    message: `Rate limit reached for ${who} on ${LABEL[metric]}.${limitText} Please try again in ${formatDuration(result.retryAfterMs)}.`,
    wireCode: 'rate_limit_exceeded',
    ...retry,
  };
}
