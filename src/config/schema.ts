// The one config schema: the single source of the Config type. Domains own their slices.
import { z } from 'zod';
import { auditConfigSchema } from '../audit/config.js';
import { leaksConfigSchema } from '../leaks/config.js';
import { limitsConfigSchema } from '../limits/config.js';
import { proofConfigSchema } from '../proof/config.js';
import { riskConfigSchema } from '../risk/config.js';
import { safetyConfigSchema } from '../safety/config.js';
import { upstreamsSchema } from '../upstream/config.js';

export const serverSchema = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(8080),
  /** Largest accepted request body. */
  bodyLimitBytes: z
    .number()
    .int()
    .positive()
    .default(4 * 1024 * 1024),
  /**
   * Bytes of request bodies buffered at once across every request. A body that would go past it is
   * refused at once with 503 SERVICE_UNAVAILABLE (retry-after: 1), not queued: waiting would hold the socket anyway.
   */
  bodyBudgetBytes: z
    .number()
    .int()
    .positive()
    .default(256 * 1024 * 1024),
  /** A request body must arrive whole within this long after its headers, or it is answered 408 and the connection closed. */
  bodyTimeoutMs: z.number().int().positive().default(30_000),
  /** Node's headersTimeout: the headers of a request must arrive within this long. */
  headersTimeoutMs: z.number().int().positive().default(20_000),
  /** Node's requestTimeout: the whole request (headers and body) must arrive within this long (0: off). */
  requestTimeoutMs: z.number().int().min(0).default(60_000),
  /** Node's keepAliveTimeout: an idle keep-alive connection is closed after this long. */
  keepAliveTimeoutMs: z.number().int().positive().default(65_000),
  /** Deepest nesting of arrays/objects accepted in a JSON body (checked by a linear scan before parsing). */
  maxJsonDepth: z.number().int().min(2).max(10_000).default(64),
  /** On SIGTERM, /readyz answers 503 and requests are still served for this long before the listener closes. */
  drainDelayMs: z.number().int().min(0).max(300_000).default(0),
  /** After that, requests in flight get this long to finish before their connections are closed. */
  shutdownTimeoutMs: z.number().int().min(0).max(600_000).default(10_000),
  /** CIDRs whose X-Forwarded-For is believed. */
  trustedProxies: z.array(z.string()).default([]),
  /**
   * The URL clients call, when it is not this server's own (a TLS-terminating proxy or a path prefix in
   * front): proof-of-possession `htu` claims are checked against it plus the request path.
   */
  publicBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
});

export const storeSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('sqlite'), path: z.string().optional() }),
    z.object({
      kind: z.literal('postgres'),
      url: z.string(),
      poolSize: z.number().int().positive().default(10),
      /** Opening a connection or waiting for a free pooled one. */
      connectTimeoutMs: z.number().int().positive().default(2_000),
      /** statement_timeout on the server; the client stops waiting for an answer 1 s later. */
      queryTimeoutMs: z.number().int().positive().default(5_000),
      /** idle_in_transaction_session_timeout: the server ends a session stuck inside a transaction. */
      idleInTransactionMs: z.number().int().positive().default(10_000),
      /** How long a write (audit event, admin change) keeps retrying through an outage. */
      writeRetryMs: z.number().int().nonnegative().default(15_000),
      /** How long a read keeps retrying (the key cache falls back to a key it already holds). */
      readRetryMs: z.number().int().nonnegative().default(2_000),
    }),
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
  leaks: leaksConfigSchema,
  log: z
    .object({
      level: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
      /** One JSON `access` line per data-plane request (ids, route, status, latency, tokens; never a key or text). */
      access: z.boolean().default(false),
    })
    .prefault({}),
  metrics: z
    .object({
      /** `GET /metrics` (Prometheus text) for an admin credential. */
      enabled: z.boolean().default(true),
      /** Also serve /metrics WITHOUT credentials on this separate `host:port` (keep it on a private network). */
      listen: z
        .string()
        .regex(/^(\[[0-9a-fA-F:]+\]|[^:\s]+):\d{1,5}$/, 'host:port, e.g. 127.0.0.1:9464')
        .optional(),
      /** Label token and image counts by key id too (off: key ids are many). */
      perKey: z.boolean().default(false),
    })
    .prefault({}),
  console: z
    .object({
      /** The web console at /console (sign-in with the admin token; off: /console answers 404). */
      enabled: z.boolean().default(true),
      /** Secure flag on the session cookie: auto = when the request came over TLS or with x-forwarded-proto: https. */
      secureCookie: z.enum(['auto', 'always', 'never']).default('auto'),
      /** A session ends this long after sign-in. */
      sessionTtlMinutes: z
        .number()
        .int()
        .min(1)
        .max(7 * 24 * 60)
        .default(480),
    })
    .prefault({}),
});

export type Config = z.infer<typeof configSchema>;
