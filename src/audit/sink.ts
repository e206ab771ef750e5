// The AuditSink: append() queues (never blocks); a background writer commits batches (group
// commit). flush() resolves once everything appended before it is committed, so the proxy
// can hold a response until its event is durable at the cost of one shared batch.
import type { Store } from '../store/port.js';
import type { AuditConfig } from './config.js';
import type { AuditEvent, AuditSink } from './event.js';
import type { AuditLogStore, TextRow } from './log-port.js';
import { textDecision } from './retention.js';
import { encryptText, textAad } from './text-crypto.js';

interface Waiter {
  upTo: number;
  resolve: () => void;
  reject: (e: Error) => void;
}

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
  private draining = false;
  private closed = false;
  readonly stats: SinkStats = { appended: 0, written: 0, dropped: 0, batches: 0, failures: 0 };

  constructor(
    private readonly store: Pick<Store, 'appendAudit'>,
    private readonly log: Pick<AuditLogStore, 'putTexts'>,
    private readonly cfg: Pick<AuditConfig, 'batchMaxEvents' | 'batchMaxWaitMs' | 'queueLimit' | 'text'>,
    private readonly textKey: Buffer | undefined,
    private readonly report: Log = () => {},
  ) {}

  append(event: AuditEvent): void {
    if (this.closed || this.queue.length >= this.cfg.queueLimit) {
      this.stats.dropped++;
      if (this.stats.dropped === 1 || this.stats.dropped % 1000 === 0) this.report('error', `audit queue full or closed: ${this.stats.dropped} events dropped`);
      return;
    }
    this.queue.push(event);
    this.stats.appended++;
    this.schedule(this.queue.length >= this.cfg.batchMaxEvents ? 0 : this.cfg.batchMaxWaitMs);
  }

  flush(): Promise<void> {
    if (this.stats.written + this.stats.dropped >= this.stats.appended && !this.draining) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ upTo: this.stats.appended, resolve, reject });
      this.schedule(0);
    });
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  private schedule(waitMs: number): void {
    if (this.draining) return;
    if (this.timer && waitMs > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.drain(), waitMs);
  }

  private async drain(): Promise<void> {
    this.timer = undefined;
    if (this.draining) return;
    this.draining = true;
    let attempt = 0;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.slice(0, this.cfg.batchMaxEvents);
        try {
          const { events, texts } = this.prepare(batch);
          // Text first: a crash in between leaves text with no event (purged at expiry), never the reverse.
          if (texts.length > 0) await this.log.putTexts(texts);
          await this.store.appendAudit(events);
        } catch (e) {
          this.stats.failures++;
          attempt++;
          this.report('error', `audit write failed (attempt ${attempt}), retrying: ${String(e)}`);
          this.settle(new Error(`audit log unavailable: ${String(e)}`));
          await new Promise((r) => setTimeout(r, Math.min(5000, 50 * 2 ** attempt)).unref());
          continue;
        }
        attempt = 0;
        this.queue.splice(0, batch.length);
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
    const keep: Waiter[] = [];
    for (const w of this.waiters) {
      if (err) w.reject(err);
      else if (w.upTo <= done) w.resolve();
      else keep.push(w);
    }
    this.waiters = keep;
  }

  private prepare(batch: readonly AuditEvent[]): { events: AuditEvent[]; texts: TextRow[] } {
    const texts: TextRow[] = [];
    const events = batch.map((e) => {
      if (!e.text) return e;
      const { text, keepText: _k, ...rest } = e;
      const d = textDecision(this.cfg.text, e, this.textKey !== undefined);
      if (!d.keep || !this.textKey) return rest;
      const textCommit: { prompt?: string; output?: string } = {};
      for (const field of ['prompt', 'output'] as const) {
        const t = text[field];
        if (t === undefined) continue;
        const s = encryptText(this.textKey, textAad(e.requestId, field), t);
        textCommit[field] = s.commitment;
        texts.push({ requestId: e.requestId, field, blob: s.blob, expiresAt: d.expiresAt });
      }
      return { ...rest, textCommit };
    });
    return { events, texts };
  }
}
