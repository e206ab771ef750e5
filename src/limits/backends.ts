// Chooses the limiter, fan-out and nonce backends: Redis when configured (shared by replicas), else in-process.
import type { Redis } from 'ioredis';
import type { Config } from '../config/schema.js';
import { LocalFanout } from '../fanout/local.js';
import type { Fanout } from '../fanout/port.js';
import { RedisFanout } from '../fanout/redis.js';
import type { Logger } from '../log.js';
import { MemoryNonceCache } from '../nonce/memory.js';
import type { NonceCache } from '../nonce/port.js';
import { RedisNonceCache } from '../nonce/redis.js';
import { MemoryLimiter } from './memory.js';
import type { Limiter } from './port.js';
import { openRedis, whenReady } from './redis-client.js';
import { RedisLimiter } from './redis.js';
import { ResilientLimiter } from './resilient.js';

export interface SharedBackends {
  readonly limiter: Limiter;
  readonly fanout: Fanout;
  readonly nonces: NonceCache;
  /** The shared connection, for other domains' global state (undefined: single process). */
  readonly redis: Redis | undefined;
  readonly closers: Array<() => Promise<void>>;
}

export async function openSharedBackends(config: Pick<Config, 'redis' | 'limits' | 'proof'>, log: Logger): Promise<SharedBackends> {
  if (!config.redis) {
    return { limiter: new MemoryLimiter(), fanout: new LocalFanout(), nonces: new MemoryNonceCache(config.proof.replayCacheEntries), redis: undefined, closers: [] };
  }
  const prefix = config.limits.redisPrefix;
  const client = openRedis(config.redis.url);
  const sub = openRedis(config.redis.url, { subscriber: true });
  // A Redis that is down at boot is the same fault as one that goes down later: start anyway.
  await whenReady(client).catch((err: unknown) => log.warn('redis: not reachable at start; continuing and retrying in the background', { error: (err as Error).message }));
  const limiter = new ResilientLimiter(new RedisLimiter(client, prefix), new MemoryLimiter(), log, { mode: config.limits.onRedisDown });
  const fanout = new RedisFanout(client, sub, { prefix, log });
  await fanout.start();
  return {
    limiter,
    fanout,
    nonces: new RedisNonceCache(client, prefix),
    redis: client,
    closers: [
      async () => {
        await limiter.close(); // sends queued usage counts while the connection is still up
        await fanout.close();
        sub.disconnect();
        client.disconnect();
      },
    ],
  };
}
