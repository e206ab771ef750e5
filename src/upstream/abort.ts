// A per-request abort signal for the upstream call, as a plain EventEmitter (undici accepts one).
// An AbortController per request costs an EventTarget, its listener bookkeeping and, under load,
// the most promoted garbage of the request path; this is one small object.
import { EventEmitter } from 'node:events';

export class UpstreamAbort extends EventEmitter {
  aborted = false;

  /** Idempotent: the first call tells undici (which then fails the request), later ones do nothing. */
  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.emit('abort');
  }
}
