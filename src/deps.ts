// What the pipeline stages and admin routes are built from (assembled in main.ts, the composition root).
import type { AuditSink } from './audit/event.js';
import type { AuditService } from './audit/service.js';
import type { Config } from './config/schema.js';
import type { Fanout } from './fanout/port.js';
import type { Readiness } from './health/readiness.js';
import type { GatewayMetrics } from './metrics/metrics.js';
import type { KeyCache } from './keys/cache.js';
import type { Limiter } from './limits/port.js';
import type { Logger } from './log.js';
import type { Cidr } from './net/cidr.js';
import type { NonceCache } from './nonce/port.js';
import type { RiskService } from './risk/service.js';
import type { SafetyService } from './safety/service.js';
import type { Store } from './store/port.js';
import type { StoreHealth } from './store/postgres/health.js';
import type { UpstreamPools } from './upstream/pool.js';

export interface Deps {
  readonly config: Config;
  readonly log: Logger;
  readonly store: Store;
  readonly keys: KeyCache;
  readonly pepper: string;
  readonly audit: AuditSink;
  /** The tamper-evident log behind `audit`: verify, export, public key, purge. */
  readonly auditLog: AuditService;
  readonly pools: UpstreamPools;
  readonly trustedProxies: readonly Cidr[];
  /** Base URL of the built-in simulator when it is the upstream. */
  readonly simulatorUrl: string | undefined;
  /** Literal secrets (upstream keys) that must never leave the gateway. */
  readonly secrets: readonly string[];
  /** A key changed: drop it from this replica's cache (and, with Redis, tell the others). */
  keyChanged(kid: string, version: number): void;
  /** Counters for limits and budgets: Redis (shared by replicas) or in-process. */
  readonly limiter: Limiter;
  /** Key changes announced to every replica (Redis) or to this process only. */
  readonly fanout: Fanout;
  /** Replay cache for proof-of-possession nonces. */
  readonly nonces: NonceCache;
  /** Stolen-key detection: profiles, sources, incidents, webhooks (src/risk). */
  readonly risk: RiskService;
  /** Content safety: policies, built-in checks, external guards, per-key counts (src/safety). */
  readonly safety: SafetyService;
  /** Whether the shared store (PostgreSQL) answers; undefined for SQLite, a local file with no outage to ride out. */
  readonly storeHealth: Pick<StoreHealth, 'down'> | undefined;
  /** What `/readyz` reports: the store and, when configured, Redis. */
  readonly readiness: Readiness;
  /** Prometheus metrics (`GET /metrics`); undefined when `metrics.enabled` is false. */
  readonly metrics: GatewayMetrics | undefined;
  /** Run on shutdown, in reverse order of registration. */
  readonly closers: Array<() => Promise<void>>;
}
