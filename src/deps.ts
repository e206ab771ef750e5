// What the pipeline stages and admin routes are built from (assembled in main.ts, the composition root).
import type { AuditSink } from './audit/event.js';
import type { Config } from './config/schema.js';
import type { KeyCache } from './keys/cache.js';
import type { Logger } from './log.js';
import type { Cidr } from './net/cidr.js';
import type { Store } from './store/port.js';
import type { UpstreamPools } from './upstream/pool.js';

export interface Deps {
  readonly config: Config;
  readonly log: Logger;
  readonly store: Store;
  readonly keys: KeyCache;
  readonly pepper: string;
  readonly audit: AuditSink;
  readonly pools: UpstreamPools;
  readonly trustedProxies: readonly Cidr[];
  /** Base URL of the built-in simulator when it is the upstream. */
  readonly simulatorUrl: string | undefined;
  /** Literal secrets (upstream keys) that must never leave the gateway. */
  readonly secrets: readonly string[];
  /** A key changed: drop it from this replica's cache (and, with Redis, tell the others). */
  keyChanged(kid: string, version: number): void;
  /** Run on shutdown, in reverse order of registration. */
  readonly closers: Array<() => Promise<void>>;
}
