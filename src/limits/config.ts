// Config slice for limits and budgets: default/tenant limits, the per-model price table, Redis fault mode.
import { z } from 'zod';

const positive = z.number().positive();

/** The same shape as KeyLimits (src/keys/types.ts); every field optional = unlimited. */
export const limitSetSchema = z.object({
  requestsPerMinute: positive.optional(),
  tokensPerMinute: positive.optional(),
  imagesPerDay: positive.optional(),
  spendPerDayUsd: positive.optional(),
  spendPerMonthUsd: positive.optional(),
  /** Requests in flight at once (counted per replica); unset here: `concurrency.perKey` / `perTenant`. */
  concurrentRequests: z.number().int().positive().optional(),
});
export type LimitSet = z.infer<typeof limitSetSchema>;

/** USD per 1M tokens (input/output) and per image; the shape OpenAI's price pages use. */
export const modelPriceSchema = z.object({
  inputPerMTok: z.number().nonnegative().default(0),
  outputPerMTok: z.number().nonnegative().default(0),
  perImage: z.number().nonnegative().default(0),
});
export type ModelPrice = z.infer<typeof modelPriceSchema>;

/** Public list prices (USD) at the time of writing; operators override or extend in config. */
export const DEFAULT_PRICES: Record<string, z.input<typeof modelPriceSchema>> = {
  'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10 },
  'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
  'gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8 },
  'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6 },
  'text-embedding-3-small': { inputPerMTok: 0.02 },
  'text-embedding-3-large': { inputPerMTok: 0.13 },
  'dall-e-3': { perImage: 0.04 },
  'dall-e-2': { perImage: 0.02 },
  'gpt-image-1': { perImage: 0.04 },
};

export const limitsConfigSchema = z
  .object({
    /** Applied to a key for every limit the key itself leaves unset. */
    keyDefaults: limitSetSchema.prefault({}),
    /** Tenant-wide limits (sum over all of a tenant's keys), by tenant id; "*" applies to all tenants. */
    tenants: z.record(z.string(), limitSetSchema).default({}),
    /** Model name (exact, or a prefix ending in "*") → price. Merged over DEFAULT_PRICES. */
    prices: z.record(z.string(), modelPriceSchema).default({}),
    /** Price for a model found nowhere in the table (0 = not metered). */
    fallbackPrice: modelPriceSchema.prefault({}),
    /**
     * Requests of one key (and of one tenant, all its keys together) in flight at once, when the key (or the
     * tenant's entry above) sets no `concurrentRequests`: no key can hold every upstream connection. Per replica.
     */
    concurrency: z
      .object({
        perKey: z.number().int().positive().default(32),
        perTenant: z.number().int().positive().default(96),
      })
      .prefault({}),
    /** Completion tokens reserved when a request sets no max_tokens (reconciled afterwards). */
    defaultCompletionTokens: z.number().int().nonnegative().default(256),
    /** With Redis: what to do while it is unreachable. "local": per-replica limits, loud warning. */
    onRedisDown: z.enum(['local', 'fail-closed']).default('local'),
    /** Redis key prefix (lets several gateways or test runs share one Redis). */
    redisPrefix: z.string().default('warden:'),
  })
  .prefault({});
export type LimitsConfig = z.infer<typeof limitsConfigSchema>;
