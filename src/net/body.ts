// Reads a request body under its bounds: size, JSON nesting depth, a deadline, and a budget shared by every request.
import type { IncomingMessage } from 'node:http';
import { JsonDepthScan } from './json-depth.js';

/** Bytes of request bodies held at once across the process (a counter, not a pool: nothing is preallocated). */
export class BodyBudget {
  private used = 0;
  constructor(readonly limit: number) {}
  get inUse(): number {
    return this.used;
  }
  /** Takes `n` bytes if they fit; false (and nothing taken) otherwise. */
  take(n: number): boolean {
    if (this.used + n > this.limit) return false;
    this.used += n;
    return true;
  }
  give(n: number): void {
    this.used = Math.max(0, this.used - n);
  }
}

/**
 * Body deadlines, checked by one interval for every body being read: a setTimeout and clearTimeout per request
 * cost about 1 µs, more than the rest of reading a small body. A deadline fires up to a quarter of the timeout late.
 */
export class BodyDeadlines {
  private readonly live = new Map<() => void, number>();
  private timer: NodeJS.Timeout | undefined;
  private readonly everyMs: number;
  constructor(readonly timeoutMs: number) {
    this.everyMs = Math.max(10, Math.min(1_000, Math.floor(timeoutMs / 4)));
  }
  /** Calls `fire` once the timeout has passed, unless `clear` is called first. */
  start(fire: () => void, now = performance.now()): void {
    this.live.set(fire, now + this.timeoutMs);
    if (!this.timer) {
      this.timer = setInterval(() => this.sweep(), this.everyMs);
      this.timer.unref();
    }
  }
  clear(fire: () => void): void {
    this.live.delete(fire);
  }
  private sweep(): void {
    // Idle: stop, so a quiet gateway (or a closed one) keeps no timer.
    if (this.live.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    const now = performance.now();
    for (const [fire, at] of this.live) {
      if (at > now) continue;
      this.live.delete(fire);
      fire();
    }
  }
}

export type BodyRead = { readonly kind: 'ok'; readonly body: Buffer; readonly held: number } | { readonly kind: 'too_large' | 'too_deep' | 'over_budget' | 'timeout' | 'aborted'; readonly held: 0 };

export interface BodyLimits {
  readonly limit: number;
  /** Deepest JSON nesting accepted, checked on each chunk as it arrives (undefined: not checked). */
  readonly maxDepth?: number | undefined;
  readonly deadlines: BodyDeadlines;
  readonly budget: BodyBudget;
}

/**
 * The body as one buffer, or why not. A declared length is reserved from the budget up front (a client that
 * announces 4 MiB is counted before it sends a byte); a chunked body is reserved chunk by chunk. The caller gives
 * `held` back once it no longer keeps the buffer. On every refusal the bytes taken so far are already given back
 * and the stream is left unread: the caller answers and closes the connection.
 */
export function readBody(req: IncomingMessage, { limit, maxDepth, deadlines, budget }: BodyLimits): Promise<BodyRead> {
  return new Promise((resolve) => {
    // The client may have left while the header-phase stages were deciding.
    if (req.destroyed && !req.complete) return resolve({ kind: 'aborted', held: 0 });
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return resolve({ kind: 'too_large', held: 0 });
    const reserved = Number.isFinite(declared) && declared > 0 ? declared : 0;
    if (reserved > 0 && !budget.take(reserved)) return resolve({ kind: 'over_budget', held: 0 });
    let taken = reserved;
    const depth = maxDepth === undefined ? undefined : new JsonDepthScan(maxDepth);
    const parts: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (r: BodyRead): void => {
      if (settled) return;
      settled = true;
      deadlines.clear(onTimeout);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAborted);
      req.off('close', onClose);
      if (r.kind !== 'ok') {
        budget.give(taken);
        req.pause();
      }
      resolve(r);
    };
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > limit) return finish({ kind: 'too_large', held: 0 });
      if (depth?.push(c)) return finish({ kind: 'too_deep', held: 0 });
      if (size > taken) {
        if (!budget.take(size - taken)) return finish({ kind: 'over_budget', held: 0 });
        taken = size;
      }
      parts.push(c);
    };
    // One chunk (the usual request) is the body itself: Buffer.concat would copy it.
    const onEnd = (): void => finish({ kind: 'ok', body: parts.length === 1 ? parts[0]! : Buffer.concat(parts, size), held: taken });
    const onAborted = (): void => finish({ kind: 'aborted', held: 0 });
    // An aborted request closes before it ends ('aborted' itself is deprecated).
    const onClose = (): void => {
      if (!req.complete) onAborted();
    };
    const onTimeout = (): void => finish({ kind: 'timeout', held: 0 });
    deadlines.start(onTimeout);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAborted);
    req.on('close', onClose);
  });
}

/** The admin API's body reader (behind its token check; the server's requestTimeout bounds how long it may take). */
export function readAdminBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      return resolve('too_large');
    }
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        return resolve('too_large');
      }
      parts.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(parts, size)));
    req.on('error', reject);
  });
}
