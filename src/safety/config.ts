// Config slice for safety: the default policy, per-tenant and per-key overrides, external guards, limits.
import { z } from 'zod';
import { policyPatchSchema } from './policy/types.js';

const guardSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('openai'), name: z.string().default('openai'), baseUrl: z.string().url(), apiKey: z.string().min(1), model: z.string().optional() }),
  z.object({
    kind: z.literal('azure'),
    name: z.string().default('azure'),
    endpoint: z.string().url(),
    apiKey: z.string().min(1),
    apiVersion: z.string().optional(),
    shieldPrompt: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('llama-guard'), name: z.string().default('llama-guard'), baseUrl: z.string().url(), apiKey: z.string().optional(), model: z.string().min(1) }),
]);

export const safetyConfigSchema = z
  .object({
    /** Off only for benchmarks of the rest of the pipeline; never per request. */
    enabled: z.boolean().default(true),
    /** Operator default layer over the built-in defaults (harm ≥ medium and jailbreaks blocked, rewrite suppression stripped). */
    policy: policyPatchSchema.prefault({}),
    /** Per-tenant and per-key layers from the config file (the admin API adds stored ones on top). */
    tenants: z.record(z.string(), policyPatchSchema).default({}),
    keys: z.record(z.string(), policyPatchSchema).default({}),
    /** External guards a policy can name in `guards`. */
    guards: z.array(guardSchema).default([]),
    guardTimeoutMs: z.number().int().min(50).max(60_000).default(2000),
    decode: z
      .object({
        maxDepth: z.number().int().min(0).max(8).default(3),
        maxDecodedChars: z.number().int().min(0).default(65_536),
        maxCandidates: z.number().int().min(0).default(32),
      })
      .prefault({}),
    /**
     * Results of the built-in checks for recently seen identical inputs (per tenant): a fixed system prompt and
     * question, a retried request, a canned reply are checked once. `entries: 0` turns it off.
     */
    checkCache: z
      .object({
        entries: z.number().int().min(0).max(100_000).default(256),
        maxChars: z.number().int().min(0).max(1_000_000).default(4096),
      })
      .prefault({}),
    /** Stored policies are re-read after this long, so a change made on one replica reaches the others. */
    policyCacheMs: z.number().int().min(0).default(5000),
    /**
     * Per-key safety counts (blocks, rewrite-suppression attempts, prompts checked) for stolen-key detection. With
     * `redis` configured they are shared by every replica: a replica's view of a key is re-read after `refreshMs`
     * (in the background: requests never wait for it); a key's counts expire `ttlSeconds` after its last increment.
     */
    counts: z
      .object({
        refreshMs: z.number().int().min(0).max(60_000).default(500),
        ttlSeconds: z
          .number()
          .int()
          .min(60)
          .default(30 * 24 * 3600),
      })
      .prefault({}),
  })
  .prefault({});
export type SafetyConfig = z.infer<typeof safetyConfigSchema>;
