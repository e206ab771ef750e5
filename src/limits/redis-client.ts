// One way to open Redis for limits, fan-out and nonces: fail fast while it is down, reconnect forever.
import { createRequire } from 'node:module';
import type { Redis, RedisOptions } from 'ioredis';

/** Loaded on first use: a gateway without Redis (the default) never holds ioredis (~2 MB of heap with its objects). */
const loadRedis = (): typeof Redis => (createRequire(import.meta.url)('ioredis') as typeof import('ioredis')).Redis;

export interface RedisConnectOptions {
  /** Per-command timeout; a hung Redis must not hang requests for long. */
  commandTimeoutMs?: number;
  /** Subscriber connections must keep the offline queue so (re)subscribing works. */
  subscriber?: boolean;
}

export function openRedis(url: string, opts: RedisConnectOptions = {}): Redis {
  const options: RedisOptions = {
    // While disconnected, commands reject at once instead of queueing behind the outage,
    // so the limiter can fall back (or fail closed) without adding latency.
    enableOfflineQueue: opts.subscriber === true,
    maxRetriesPerRequest: opts.subscriber === true ? null : 0,
    // Generous: a timer can fire before a reply already in the socket when the event loop
    // stalls (timers run before I/O), and a spurious timeout means a spurious fallback.
    commandTimeout: opts.subscriber === true ? undefined : (opts.commandTimeoutMs ?? 2_000),
    connectTimeout: 2_000,
    lazyConnect: false,
    // Back off to at most 1 s between attempts, and never give up: recovery is automatic.
    retryStrategy: (times: number) => Math.min(50 * times, 1_000),
    reconnectOnError: () => true,
  };
  const client = new (loadRedis())(url, options);
  // Errors surface through the commands; without a listener ioredis would print each retry.
  client.on('error', () => undefined);
  return client;
}

/** Resolves once the client is ready, or rejects after `ms`. */
export function whenReady(client: Redis, ms = 3_000): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      reject(new Error(`redis not ready after ${ms} ms`));
    }, ms);
    const onReady = (): void => {
      clearTimeout(timer);
      resolve();
    };
    client.once('ready', onReady);
  });
}
