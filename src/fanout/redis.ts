// Fan-out over Redis: pub/sub for speed, plus an epoch log every replica polls, so a missed message converges.
import type { Redis } from 'ioredis';
import { emit } from './local.js';
import type { Fanout, FanoutEvent } from './port.js';

// KEYS: epoch, changes (zset keyId→epoch), versions (hash keyId→version), floor; ARGV: keyId, version, channel, keep.
// The highest version wins, so a late, older publish cannot resurrect a stale state.
const PUBLISH = `
local epoch = redis.call('INCR', KEYS[1])
redis.call('ZADD', KEYS[2], epoch, ARGV[1])
local v = tonumber(redis.call('HGET', KEYS[3], ARGV[1]) or '0')
if tonumber(ARGV[2]) > v then v = tonumber(ARGV[2]); redis.call('HSET', KEYS[3], ARGV[1], v) end
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4])
if excess > 0 then
  local gone = redis.call('ZRANGE', KEYS[2], 0, excess - 1, 'WITHSCORES')
  redis.call('SET', KEYS[4], gone[#gone])
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, excess - 1)
  for i = 1, #gone, 2 do redis.call('HDEL', KEYS[3], gone[i]) end
end
redis.call('PUBLISH', ARGV[3], epoch .. '|' .. v .. '|' .. ARGV[1])
return epoch
`;

export interface RedisFanoutOptions {
  prefix?: string;
  /** How often the epoch log is checked (the bound on convergence when a message is missed). */
  pollMs?: number;
  /** Changes kept in the log; a replica further behind than this resyncs everything. */
  keep?: number;
  /** Tests: do not subscribe, to prove the poll alone converges. */
  pubsub?: boolean;
  log?: { warn(msg: string, fields?: Record<string, unknown>): void; info(msg: string, fields?: Record<string, unknown>): void };
}

export class RedisFanout implements Fanout {
  readonly kind = 'redis' as const;
  private readonly handlers = new Set<(ev: FanoutEvent) => void>();
  private readonly k: { epoch: string; changes: string; versions: string; floor: string; channel: string };
  private lastEpoch: number | null = null;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | null = null;
  private failing = false;

  constructor(
    private readonly client: Redis,
    private readonly sub: Redis | null,
    private readonly opts: RedisFanoutOptions = {},
  ) {
    const p = `${opts.prefix ?? 'warden:'}fan:`;
    this.k = { epoch: `${p}epoch`, changes: `${p}changes`, versions: `${p}versions`, floor: `${p}floor`, channel: `${p}chan` };
  }

  /** Learns the current epoch and starts listening; call once before use. */
  async start(): Promise<void> {
    // With Redis down at boot, the first successful poll sets the epoch (nothing is cached yet).
    this.lastEpoch = await this.client.get(this.k.epoch).then(
      (v) => Number(v ?? 0),
      () => null,
    );
    if (this.sub && this.opts.pubsub !== false) {
      this.sub.on('message', (channel: string, message: string) => {
        if (channel === this.k.channel) this.onMessage(message);
      });
      // After a reconnection, messages sent meanwhile are lost: catch up from the log.
      this.sub.on('ready', () => void this.poll());
      const subscribed = this.sub.subscribe(this.k.channel);
      // Offline at boot: ioredis subscribes once connected; do not hold the start for it.
      if (this.sub.status === 'ready') await subscribed;
      else subscribed.catch(() => undefined);
    }
    this.timer = setInterval(() => void this.poll(), this.opts.pollMs ?? 250);
    this.timer.unref();
  }

  async publish(keyId: string, version: number): Promise<void> {
    await this.client.eval(PUBLISH, 4, this.k.epoch, this.k.changes, this.k.versions, this.k.floor, keyId, version, this.k.channel, this.opts.keep ?? 10_000);
  }

  subscribe(handler: (ev: FanoutEvent) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.handlers.clear();
    await this.polling;
    if (this.sub) await this.sub.unsubscribe(this.k.channel).catch(() => undefined);
  }

  private onMessage(message: string): void {
    const m = /^(\d+)\|(\d+)\|(.+)$/.exec(message);
    if (!m) return;
    const epoch = Number(m[1]);
    emit(this.handlers, { kind: 'key', keyId: m[3]!, version: Number(m[2]) });
    // A gap means a message went missing: the log fills it in.
    if (this.lastEpoch !== null && epoch > this.lastEpoch + 1) void this.poll();
    else if (this.lastEpoch !== null && epoch === this.lastEpoch + 1) this.lastEpoch = epoch;
  }

  /** Replays every change after the last epoch seen; one poll at a time. */
  poll(): Promise<void> {
    this.polling ??= this.catchUp()
      .then(() => {
        if (this.failing) this.opts.log?.info('fanout: change log reachable again');
        this.failing = false;
      })
      .catch((err: unknown) => {
        // Once per outage; until it ends, key caches converge by their TTL only.
        if (!this.failing)
          this.opts.log?.warn('fanout: cannot read the change log (Redis down?); revocations reach other replicas only by cache expiry until it returns', {
            error: err instanceof Error ? err.message : String(err),
          });
        this.failing = true;
      })
      .finally(() => (this.polling = null));
    return this.polling;
  }

  private async catchUp(): Promise<void> {
    const [epochRaw, floorRaw] = await this.client.mget(this.k.epoch, this.k.floor);
    const epoch = Number(epochRaw ?? 0);
    this.lastEpoch ??= epoch;
    const last = this.lastEpoch;
    if (epoch === last) return;
    if (epoch < last || Number(floorRaw ?? 0) > last) {
      // Redis lost its data, or we fell further behind than the log reaches.
      this.lastEpoch = epoch;
      emit(this.handlers, { kind: 'resync' });
      return;
    }
    const flat = await this.client.zrangebyscore(this.k.changes, `(${last}`, epoch, 'WITHSCORES');
    const ids = flat.filter((_, i) => i % 2 === 0);
    const versions = ids.length ? await this.client.hmget(this.k.versions, ...ids) : [];
    this.lastEpoch = Math.max(this.lastEpoch ?? 0, epoch);
    ids.forEach((keyId, i) => emit(this.handlers, { kind: 'key', keyId, version: Number(versions[i] ?? 0) }));
  }
}
