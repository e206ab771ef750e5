// The sink's BatchWriter when the audit worker commits: one JSON text per batch, resolved once the worker has
// committed it. A batch whose worker died before answering may have committed: its retry asks the worker to skip
// the events it finds already stored, so no event is stored twice.
import type { AuditEvent } from './event.js';
import type { BatchWriter } from './sink.js';
import { AuditWorkerAnswer, type AuditWorker } from './worker-client.js';

export function workerWriter(worker: AuditWorker): BatchWriter {
  let acked: number | undefined;
  let uncertain = false;
  return async (batch: readonly AuditEvent[]) => {
    const events = JSON.stringify(batch);
    // Before any write of ours: the log's end when the worker first came up (a restart moves lastSeq past it).
    acked ??= worker.lastSeq;
    try {
      const d = await worker.request(uncertain ? { t: 'write', events, after: acked } : { t: 'write', events });
      acked = d.lastSeq ?? acked;
      uncertain = false;
    } catch (e) {
      // An answered error rolled the batch back; anything else (the worker died or hung) leaves it unknown.
      if (!(e instanceof AuditWorkerAnswer)) uncertain = true;
      throw e;
    }
  };
}
