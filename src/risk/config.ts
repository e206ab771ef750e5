// Config slice for stolen-key detection: IP data, operator lists, policy thresholds, state caps, webhooks.
import { z } from 'zod';

const netClass = z.enum(['hosting', 'vpn', 'tor', 'isp', 'private', 'unknown']);

export const cidrListSchema = z.object({
  label: z.string().min(1).max(40),
  netClass: netClass.optional(),
  cidrs: z.array(z.string()).optional(),
  file: z.string().optional(),
});

export const riskPolicySchema = z.object({
  /** Request score at which a request is flagged (opens or extends an incident). */
  flagAt: z.number().min(1).default(25),
  /** Key suspicion at which the key is throttled to `throttlePerMinute`. */
  throttleAt: z.number().min(1).default(60),
  throttlePerMinute: z.number().int().min(1).default(6),
  /** Request score at which this request is refused (needs client/usage evidence, not network alone). */
  blockAt: z.number().min(1).default(70),
  /** Key suspicion at which the key is suspended... */
  suspendAt: z.number().min(1).default(100),
  /** ...provided this much of it is client/usage evidence: a new network alone never suspends. */
  suspendMinUsage: z.number().min(0).default(30),
  /** Reserved for proof-of-possession: request score at which proof is demanded (null: never). */
  requireProofAt: z.number().min(1).nullable().default(null),
  /** Keys with proof keys: a flagged or throttled request must prove possession instead (engine.ts stepUp). */
  stepUpToProof: z.boolean().default(true),
  /** How fast suspicion fades. */
  halfLifeMinutes: z.number().positive().default(360),
  /** Per-signal weight overrides by signal name (points on the 0-100 request score); 0 disables a signal. */
  weights: z.record(z.string(), z.number().min(0).max(100)).default({}),
});
export type RiskPolicy = z.infer<typeof riskPolicySchema>;

export const webhookSchema = z.object({
  url: z.string().url(),
  /** HMAC-SHA256 secret for the x-warden-signature header. */
  secret: z.string().min(16),
});

export const riskConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** `bundled`: country/ASN data from the npm IP packages; `none`: operator lists only. */
    ipData: z.enum(['bundled', 'none']).default('bundled'),
    /** Operator CIDR lists (Tor exits, VPNs, own offices...), checked before the bundled data. */
    lists: z.array(cidrListSchema).default([]),
    policy: riskPolicySchema.prefault({}),
    learning: z
      .object({
        matureAfter: z.number().int().min(1).default(20),
        learnAfter: z.number().int().min(1).default(3),
      })
      .prefault({}),
    /** Same-time window for concurrency, pooling and churn. */
    windowSeconds: z.number().int().positive().default(600),
    burstPerMinute: z.number().int().positive().default(20),
    maxProfiles: z.number().int().positive().default(20_000),
    maxSources: z.number().int().positive().default(100_000),
    flushIntervalMs: z.number().int().positive().default(5_000),
    spray: z
      .object({
        windowSeconds: z.number().int().positive().default(300),
        /** Failed authentications from one source (with at least `distinctKeys` different keys) that block it. */
        failures: z.number().int().positive().default(10),
        distinctKeys: z.number().int().positive().default(5),
        blockSeconds: z.number().int().positive().default(900),
        /**
         * Never block private/loopback sources: behind an untrusted reverse proxy every client
         * shares its address, and blocking it would refuse everyone.
         */
        exemptPrivate: z.boolean().default(true),
      })
      .prefault({}),
    webhooks: z.array(webhookSchema).default([]),
    webhookAttempts: z.number().int().min(1).max(20).default(6),
    webhookBaseDelayMs: z.number().int().min(1).default(500),
  })
  .prefault({});
export type RiskConfig = z.infer<typeof riskConfigSchema>;
