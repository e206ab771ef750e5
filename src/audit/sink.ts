// The AuditSink: append() queues (never blocks); a background writer commits batches (group
// commit). flush() resolves once everything appended before it is committed, so the proxy
// can hold a response until its event is durable at the cost of one shared batch.
import type { Store } from '../store/port.js';
import type { AuditConfig } from './config.js';
import type { AuditEvent, AuditSink } from './event.js';
import type { AuditLogStore } from './log-port.js';
import { prepareBatch } from './prepare-batch.js';

export { withoutText } from './prepare-batch.js';

/** Stores one batch durably, or throws (the batch is then retried and its flushers fail). */
export type BatchWriter = (batch: readonly AuditEvent[]) => Promise<void>;

/** Callers whose events are all at or below `upTo`; one per batch, shared by its flushers. */
interface Waiter {
  upTo: number;
  /** Still taking flushers: no batch has been taken since it was made. */
  open: boolean;
  promise: Promise<void>;
  resolve: () => void;
  reject: (e: Error) => void;
}

const DONE = Promise.resolve();

export interface SinkStats {
  appended: number;
  written: number;
  dropped: number;
  batches: number;
  failures: number;
}

type Log = (level: 'warn' | 'error', msg: string) => void;

export class BatchingAuditSink implements AuditSink {
  private queue: AuditEvent[] = [];
  private waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private timerPending = false;
  private draining = false;
  private closed = false;
  readonly stats: SinkStats = { appended: 0, written: 0, dropped: 0, batches: 0, failures: 0 };
  /** Told how long each committed batch took to write (seconds): the metrics' audit commit latency. */
  onCommit: ((seconds: number, events: number) => void) | undefined;

  /** Events appended and not yet taken into a batch. */
  get queued(): number {
    return this.queue.length;
  }

  constructor(
    private readonly store: Pick<Store, 'appendAudit'>,
    private readonly log: Pick<AuditLogStore, 'putTexts'>,
    private readonly cfg: Pick<AuditConfig, 'batchMaxEvents' | 'batchMaxWaitMs' | 'queueLimit' | 'text'>,
    private readonly textKey: Buffer | undefined,
    private readonly report: Log = () => {},
    /** Where batches go; by default prepared in this thread and committed through the store. */
    private readonly write: BatchWriter = (batch) => this.writeHere(batch),
  ) {}

  private async writeHere(batch: readonly AuditEvent[]): Promise<void> {
    const { events, texts } = prepareBatch(batch, this.cfg.text, this.textKey);
    // Text first: a crash in between leaves text with no event (purged at expiry), never the reverse.
    if (texts.length > 0) await this.log.putTexts(texts);
    await this.store.appendAudit(events);
  }

  append(event: AuditEvent): void {
    if (this.closed || this.queue.length >= this.cfg.queueLimit) {
      this.stats.dropped++;
      if (this.stats.dropped === 1 || this.stats.dropped % 1000 === 0) this.report('error', `audit queue full or closed: ${this.stats.dropped} events dropped`);
      return;
    }
    this.queue.push(event);
    this.stats.appended++;
    this.schedule(this.queue.length >= this.cfg.batchMaxEvents);
  }

  flush(): Promise<void> {
    if (this.stats.written + this.stats.dropped >= this.stats.appended && !this.draining) return DONE;
    // Everyone flushing before the next batch is taken shares one promise (no per-request churn).
    const last = this.waiters[this.waiters.length - 1];
    if (last?.open) {
      last.upTo = this.stats.appended;
      return last.promise;
    }
    let resolve!: () => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
    this.waiters.push({ upTo: this.stats.appended, open: true, promise, resolve, reject });
    this.schedule(true);
    return promise;
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  /**
   * `now`: someone waits (or a batch is full), so write at the end of this turn of the event
   * loop: setImmediate, not setTimeout(0), which is at least 1 ms. Whatever arrives while a
   * batch is written goes into the next one, so batches grow with load (group commit).
   */
  private schedule(now: boolean): void {
    if (this.draining || this.immediate) return;
    if (now) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      this.immediate = setImmediate(this.drainLater);
    } else if (!this.timer && !this.timerPending) {
      // The proxy flushes right after it appends: decide after this synchronous run, so a
      // flushed batch never arms (and then cancels) a timer. A promise reaction, not
      // queueMicrotask: the same microtask queue, without the async resource Node makes per call.
      this.timerPending = true;
      void DONE.then(this.armTimer);
    }
  }

  private readonly armTimer = (): void => {
    this.timerPending = false;
    if (!this.draining && !this.immediate && !this.timer && this.queue.length > 0) this.timer = setTimeout(this.drainLater, this.cfg.batchMaxWaitMs);
  };

  private readonly drainLater = (): void => void this.drain();

  private async drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.immediate = undefined;
    if (this.draining) return;
    this.draining = true;
    let attempt = 0;
    try {
      while (this.queue.length > 0) {
        const max = this.cfg.batchMaxEvents;
        const batch = this.queue.length <= max ? this.queue : this.queue.slice(0, max);
        this.queue = batch === this.queue ? [] : this.queue.slice(max);
        // Flushers from now on wait for a later batch; those before it wait for this one.
        const last = this.waiters[this.waiters.length - 1];
        if (last) last.open = false;
        try {
          const started = performance.now();
          await this.write(batch);
          this.onCommit?.((performance.now() - started) / 1000, batch.length);
        } catch (e) {
          this.queue = batch.concat(this.queue);
          this.stats.failures++;
          attempt++;
          this.report('error', `audit write failed (attempt ${attempt}), retrying: ${String(e)}`);
          this.settle(new Error(`audit log unavailable: ${String(e)}`));
          await new Promise((r) => setTimeout(r, Math.min(5000, 50 * 2 ** attempt)).unref());
          continue;
        }
        attempt = 0;
        this.stats.written += batch.length;
        this.stats.batches++;
        this.settle();
      }
    } finally {
      this.draining = false;
      this.settle();
    }
  }

  /** Resolves waiters whose events are written; on error rejects all current waiters. */
  private settle(err?: Error): void {
    const done = this.stats.written + this.stats.dropped;
    if (this.waiters.length === 0) return;
    const keep: Waiter[] = [];
    for (const w of this.waiters) {
      if (err) w.reject(err);
      else if (w.upTo <= done) w.resolve();
      else keep.push(w);
    }
    this.waiters = keep;
  }
}
