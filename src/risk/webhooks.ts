// Signed incident webhooks: HMAC-SHA256 over "timestamp.body", delivered off the request path with retries.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../log.js';

export const SIGNATURE_HEADER = 'x-warden-signature';
const MAX_QUEUE = 1000;

export interface WebhookTarget {
  readonly url: string;
  readonly secret: string;
}

/** The targets of one event: read when it is sent, so a webhook added on any replica gets the next event. */
export type WebhookTargets = readonly WebhookTarget[] | (() => Promise<readonly WebhookTarget[]>);

/** A webhook URL as shown to an operator or logged: no userinfo, no query string (either may hold a token). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '(invalid URL)';
  }
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` (the Stripe scheme receivers already know). */
export function sign(secret: string, body: string, timestamp: number): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** Receiver-side check, also used by tests: signature valid and not older than `toleranceS`. */
export function verify(secret: string, body: string, header: string, nowS = Math.floor(Date.now() / 1000), toleranceS = 300): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(nowS - t) > toleranceS) return false;
  const want = Buffer.from(sign(secret, body, t).slice(-64), 'hex');
  return timingSafeEqual(want, Buffer.from(m[2]!, 'hex'));
}

export function backoffMs(attempt: number, baseMs: number): number {
  return Math.min(60_000, baseMs * 2 ** attempt) * (0.75 + Math.random() * 0.5);
}

interface Job {
  target: WebhookTarget;
  body: string;
  attempt: number;
}

export class WebhookSender {
  readonly #queue: Job[] = [];
  readonly #timers = new Set<NodeJS.Timeout>();
  #active = 0;
  /** Events whose targets are still being read. */
  #resolving = 0;
  /** Target reads in send order, so events are queued in the order they happened. */
  #reads: Promise<void> = Promise.resolve();
  #closed = false;
  #idle: Array<() => void> = [];

  constructor(
    private readonly targets: WebhookTargets,
    private readonly opts: { attempts: number; baseDelayMs: number; log: Logger; timeoutMs?: number },
  ) {}

  /** Queues an event for every target; never waits, never throws. */
  send(type: string, data: unknown): void {
    if (this.#closed) return;
    const body = JSON.stringify({ type, time: new Date().toISOString(), data });
    if (typeof this.targets !== 'function') return this.#enqueue(this.targets, body);
    const read = this.targets;
    this.#resolving++;
    this.#reads = this.#reads
      .then(read)
      .catch((e: unknown) => {
        this.opts.log.warn('risk: webhook targets unreadable, event not sent', { why: (e as Error).message });
        return [];
      })
      .then((targets) => {
        this.#resolving--;
        if (!this.#closed) this.#enqueue(targets, body);
        this.#settle();
      });
  }

  #enqueue(targets: readonly WebhookTarget[], body: string): void {
    for (const target of targets) {
      if (this.#queue.length >= MAX_QUEUE) {
        this.#queue.shift();
        this.opts.log.warn('risk: webhook queue full, oldest event dropped');
      }
      this.#queue.push({ target, body, attempt: 0 });
    }
    this.#pump();
  }

  #pump(): void {
    while (this.#active < 4 && this.#queue.length > 0) {
      const job = this.#queue.shift()!;
      this.#active++;
      void this.#deliver(job).finally(() => {
        this.#active--;
        this.#pump();
        this.#settle();
      });
    }
  }

  #isIdle(): boolean {
    return this.#active === 0 && this.#resolving === 0 && this.#queue.length === 0 && this.#timers.size === 0;
  }

  #settle(): void {
    if (this.#isIdle()) for (const f of this.#idle.splice(0)) f();
  }

  async #deliver(job: Job): Promise<void> {
    let ok = false;
    let why = '';
    try {
      const ts = Math.floor(Date.now() / 1000);
      const res = await fetch(job.target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(job.target.secret, job.body, ts) },
        body: job.body,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
      });
      ok = res.status >= 200 && res.status < 300;
      why = `status ${res.status}`;
      await res.body?.cancel();
    } catch (e) {
      why = (e as Error).message;
    }
    if (ok) return;
    const next = job.attempt + 1;
    if (next >= this.opts.attempts || this.#closed) {
      this.opts.log.warn('risk: webhook delivery failed', { url: redactUrl(job.target.url), attempts: next, why });
      return;
    }
    const timer = setTimeout(
      () => {
        this.#timers.delete(timer);
        this.#queue.push({ ...job, attempt: next });
        this.#pump();
      },
      backoffMs(job.attempt, this.opts.baseDelayMs),
    );
    timer.unref();
    this.#timers.add(timer);
  }

  /** Resolves when nothing is queued, in flight or waiting to retry (or after `ms`). */
  idle(ms = 5000): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      t.unref();
      this.#idle.push(() => (clearTimeout(t), resolve()));
    });
  }

  async close(): Promise<void> {
    await this.idle(2000);
    this.#closed = true;
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
  }
}
