// Detection-state sync over Redis pub/sub: batched, bounded, fire-and-forget; own messages ignored.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { openRedis } from '../../limits/redis-client.js';
import type { Logger } from '../../log.js';
import type { RiskObservation, RiskSync } from './port.js';

export interface RedisRiskSyncOptions {
  readonly prefix: string;
  readonly log: Pick<Logger, 'warn' | 'info'>;
  /** Observations waiting to be published; beyond it new ones are dropped (counted, logged once). */
  readonly maxQueue?: number;
  /** Largest message published or accepted, in bytes (a batch is cut to fit). */
  readonly maxMessageBytes?: number;
}

export class RedisRiskSync implements RiskSync {
  readonly kind = 'redis' as const;
  readonly #id = randomUUID();
  readonly #channel: string;
  readonly #queue: RiskObservation[] = [];
  readonly #handlers: Array<(o: RiskObservation) => void> = [];
  readonly #maxQueue: number;
  readonly #maxBytes: number;
  #scheduled = false;
  #sending: Promise<void> = Promise.resolve();
  #dropped = 0;
  #down = false;

  constructor(
    private readonly client: Redis,
    private readonly sub: Redis,
    private readonly opts: RedisRiskSyncOptions,
  ) {
    this.#channel = `${opts.prefix}risk:obs`;
    this.#maxQueue = opts.maxQueue ?? 10_000;
    this.#maxBytes = opts.maxMessageBytes ?? 64 * 1024;
  }

  async start(): Promise<void> {
    this.sub.on('message', (channel: string, message: string) => {
      if (channel === this.#channel) this.#onMessage(message);
    });
    const subscribed = this.sub.subscribe(this.#channel);
    // Offline at boot: ioredis subscribes once connected; do not hold the start for it.
    if (this.sub.status === 'ready') await subscribed;
    else subscribed.catch(() => undefined);
  }

  publish(o: RiskObservation): void {
    if (this.#queue.length >= this.#maxQueue) {
      if (this.#dropped++ === 0) this.opts.log.warn('risk sync: queue full; dropping observations (other replicas miss them)');
      return;
    }
    this.#queue.push(o);
    if (this.#scheduled) return;
    this.#scheduled = true;
    // One PUBLISH per tick carries everything decided in it.
    setImmediate(() => {
      this.#scheduled = false;
      this.#sending = this.#sending.then(() => this.#send());
    });
  }

  subscribe(handler: (o: RiskObservation) => void): void {
    this.#handlers.push(handler);
  }

  async close(): Promise<void> {
    await new Promise((r) => setImmediate(r));
    await this.#sending;
    this.#handlers.length = 0;
    await this.sub.unsubscribe(this.#channel).catch(() => undefined);
    this.sub.disconnect();
  }

  async #send(): Promise<void> {
    const batch = this.#queue.splice(0);
    if (batch.length === 0) return;
    if (this.client.status !== 'ready') return this.#fault(new Error(`redis ${this.client.status}`));
    const messages: string[] = [];
    let parts: string[] = [];
    let size = 0;
    const head = `{"o":"${this.#id}","ops":[`;
    for (const o of batch) {
      const s = JSON.stringify(o);
      if (s.length + head.length + 2 > this.#maxBytes) continue; // cannot fit even alone: drop it
      if (size + s.length + 1 + head.length + 2 > this.#maxBytes) messages.push(`${head}${parts.join(',')}]}`), (parts = []), (size = 0);
      parts.push(s);
      size += s.length + 1;
    }
    if (parts.length) messages.push(`${head}${parts.join(',')}]}`);
    try {
      for (const m of messages) await this.client.publish(this.#channel, m);
      if (this.#down) this.opts.log.info('risk sync: Redis reachable again; sharing detection state');
      this.#down = false;
    } catch (e) {
      this.#fault(e as Error);
    }
  }

  #fault(e: Error): void {
    // Once per outage: each replica keeps deciding on its own state until Redis returns.
    if (!this.#down) this.opts.log.warn('risk sync: cannot publish (Redis down?); detection state stays local to each replica until it returns', { error: e.message });
    this.#down = true;
  }

  #onMessage(message: string): void {
    if (message.length > this.#maxBytes) return;
    let env: { o?: unknown; ops?: unknown };
    try {
      env = JSON.parse(message) as typeof env;
    } catch {
      return;
    }
    if (env.o === this.#id || !Array.isArray(env.ops)) return;
    for (const o of env.ops as RiskObservation[]) {
      if (!o || typeof o !== 'object' || !['req', 'fail', 'reinstated', 'declared'].includes(o.t)) continue;
      for (const h of this.#handlers) {
        try {
          h(o);
        } catch (err) {
          this.opts.log.warn('risk sync: applying an observation failed', { error: (err as Error).message });
        }
      }
    }
  }
}

/** Publishes on the shared connection; listens on a subscriber connection of its own (closed with it). */
export async function openRedisRiskSync(client: Redis, url: string, opts: RedisRiskSyncOptions): Promise<RedisRiskSync> {
  const sync = new RedisRiskSync(client, openRedis(url, { subscriber: true }), opts);
  await sync.start();
  return sync;
}
