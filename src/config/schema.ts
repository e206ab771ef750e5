// The one config schema: the single source of the Config type. Domains own their slices.
import { z } from 'zod';
import { auditConfigSchema } from '../audit/config.js';
import { limitsConfigSchema } from '../limits/config.js';
import { proofConfigSchema } from '../proof/config.js';
import { riskConfigSchema } from '../risk/config.js';
import { safetyConfigSchema } from '../safety/config.js';
import { upstreamsSchema } from '../upstream/config.js';

export const serverSchema = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(8080),
  /** Largest accepted request body. */
  bodyLimitBytes: z.number().int().positive().default(4 * 1024 * 1024),
  /** CIDRs whose X-Forwarded-For is believed. */
  trustedProxies: z.array(z.string()).default([]),
  /**
   * The URL clients call, when it is not this server's own (a TLS-terminating proxy or a path prefix in
   * front): proof-of-possession `htu` claims are checked against it plus the request path.
   */
  publicBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Header names (lower-case) stripped before forwarding, on top of hop-by-hop ones. */
});

export const storeSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('sqlite'), path: z.string().optional() }),
    z.object({ kind: z.literal('postgres'), url: z.string() }),
  ])
  .prefault({ kind: 'sqlite' });

export const configSchema = z.object({
  dataDir: z.string().default('./.warden'),
  server: serverSchema.prefault({}),
  store: storeSchema,
  redis: z.object({ url: z.string() }).optional(),
  /** Admin token; otherwise generated at first start, printed once, stored hashed. */
  adminToken: z.string().min(16).optional(),
  /** Optional pepper for key hashes; otherwise generated under dataDir. */
  keyPepper: z.string().min(16).optional(),
  upstreams: upstreamsSchema,
  safety: safetyConfigSchema,
  risk: riskConfigSchema,
  audit: auditConfigSchema,
  limits: limitsConfigSchema,
  proof: proofConfigSchema.prefault({}),
  log: z.object({ level: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info') }).prefault({}),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
