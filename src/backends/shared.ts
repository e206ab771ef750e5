// Chooses the backends replicas share: limiter, fan-out, nonces, safety counts and risk sync. Redis when configured
// (shared by replicas), else in-process.
import type { Redis } from 'ioredis';
import type { Config } from '../config/schema.js';
import { LocalFanout } from '../fanout/local.js';
import type { Fanout } from '../fanout/port.js';
import { RedisFanout } from '../fanout/redis.js';
import type { Logger } from '../log.js';
import { MemoryNonceCache } from '../nonce/memory.js';
import type { NonceCache } from '../nonce/port.js';
import { RedisNonceCache } from '../nonce/redis.js';
import { MemoryLimiter } from '../limits/memory.js';
import type { Limiter } from '../limits/port.js';
import { openRedis, whenReady } from '../limits/redis-client.js';
import { RedisLimiter } from '../limits/redis.js';
import { ResilientLimiter } from '../limits/resilient.js';
import type { RiskSync } from '../risk/sync/port.js';
import { openRedisRiskSync } from '../risk/sync/redis.js';
import { SafetyCounters, type SafetyCounterPort } from '../safety/counters.js';
import { RedisSafetyCounters } from '../safety/counters-redis.js';

export interface SharedBackends {
  readonly limiter: Limiter;
  readonly fanout: Fanout;
  readonly nonces: NonceCache;
  /** Per-key safety counts: with Redis every replica's risk engine sees the same counts. */
  readonly safetyCounts: SafetyCounterPort;
  /** What the risk engine learns about a key or a source, shared by every replica (undefined: this process only). */
  readonly riskSync: RiskSync | undefined;
  /** The shared connection, for other domains' global state (undefined: single process). */
  readonly redis: Redis | undefined;
  readonly closers: Array<() => Promise<void>>;
}

export async function openSharedBackends(config: Pick<Config, 'redis' | 'limits' | 'safety' | 'proof'>, log: Logger): Promise<SharedBackends> {
  if (!config.redis) {
    return {
      limiter: new MemoryLimiter(),
      fanout: new LocalFanout(),
      nonces: new MemoryNonceCache(config.proof.replayCacheEntries),
      safetyCounts: SafetyCounters,
      riskSync: undefined,
      redis: undefined,
      closers: [() => SafetyCounters.close()],
    };
  }
  const prefix = config.limits.redisPrefix;
  const client = openRedis(config.redis.url);
  const sub = openRedis(config.redis.url, { subscriber: true });
  // A Redis that is down at boot is the same fault as one that goes down later: start anyway.
  await whenReady(client).catch((err: unknown) => log.warn('redis: not reachable at start; continuing and retrying in the background', { error: (err as Error).message }));
  const limiter = new ResilientLimiter(new RedisLimiter(client, prefix), new MemoryLimiter(), log, { mode: config.limits.onRedisDown });
  const fanout = new RedisFanout(client, sub, { prefix, log });
  await fanout.start();
  const safetyCounts = new RedisSafetyCounters(client, { prefix, log, ...config.safety.counts });
  // Closed by the risk service that uses it (RiskService.close).
  const riskSync = await openRedisRiskSync(client, config.redis.url, { prefix, log });
  return {
    limiter,
    fanout,
    nonces: new RedisNonceCache(client, prefix),
    safetyCounts,
    riskSync,
    redis: client,
    closers: [
      async () => {
        await safetyCounts.close();
        await limiter.close(); // sends queued usage counts while the connection is still up
        await fanout.close();
        sub.disconnect();
        client.disconnect();
      },
    ],
  };
}
