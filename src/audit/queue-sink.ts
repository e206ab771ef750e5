// Plain batched audit writer: appends are queued in memory and flushed off the request path.
import type { Logger } from '../log.js';
import type { Store } from '../store/port.js';
import type { AuditEvent, AuditSink } from './event.js';

export interface QueueSinkOptions {
  batchSize?: number;
  intervalMs?: number;
  maxQueue?: number;
}

export function queueSink(store: Pick<Store, 'appendAudit'>, log: Logger, opts: QueueSinkOptions = {}): AuditSink {
  const batchSize = opts.batchSize ?? 500;
  const intervalMs = opts.intervalMs ?? 50;
  const maxQueue = opts.maxQueue ?? 200_000;
  let queue: AuditEvent[] = [];
  let writing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let dropped = 0;

  const drain = (): Promise<void> => {
    timer = undefined;
    writing = writing.then(async () => {
      while (queue.length > 0) {
        const batch = queue.slice(0, batchSize);
        try {
          await store.appendAudit(batch);
          queue = queue.slice(batch.length);
        } catch (err) {
          log.error('audit write failed; retrying', { error: (err as Error).message, pending: queue.length });
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    });
    return writing;
  };

  return {
    append(e) {
      if (queue.length >= maxQueue) {
        dropped++;
        if (dropped % 1000 === 1) log.error('audit queue full; events dropped', { dropped });
        return;
      }
      queue.push(e);
      if (queue.length >= batchSize) void drain();
      else timer ??= setTimeout(() => void drain(), intervalMs);
    },
    async flush() {
      if (timer) clearTimeout(timer);
      await drain();
    },
    async close() {
      if (timer) clearTimeout(timer);
      await drain();
    },
  };
}
