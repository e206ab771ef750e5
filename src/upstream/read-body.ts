// Reads a whole upstream answer body into one Buffer, refusing one larger than `limit`, straight from undici's
// dispatch callbacks (for an answer that is never relayed as a stream).
import type { Dispatcher } from 'undici';
import { DispatchedAnswer } from './dispatched-answer.js';

/** The error for a body over its limit of `limit` bytes. */
export const tooLarge = (limit: number): Error => Object.assign(new Error('upstream body too large'), { code: 'UPSTREAM_TOO_LARGE', limit });

/**
 * One upstream request whose answer is read whole: what `pool.request` + reading its body stream do, without the response stream,
 * the request's async resource and the promise per phase (CPU on every non-streamed request). An answer with an
 * error status is limited to `errorLimit`. The same undici errors and timeouts reach the caller.
 * The handler speaks undici's original callbacks (onConnect…onError): the ones its own request() uses, which every
 * dispatcher calls as they are (a MockPool calls nothing else), with no wrapper or header parsing per answer.
 */
export class WholeAnswer extends DispatchedAnswer implements Dispatcher.DispatchHandler {
  #parts: Buffer[] = [];
  #size = 0;
  #limit: number;
  readonly #errorLimit: number;
  #resolve: (b: Buffer) => void = () => undefined;
  #reject: (e: Error) => void = () => undefined;

  constructor(limit: number, errorLimit: number) {
    super();
    this.#limit = limit;
    this.#errorLimit = errorLimit;
  }

  /** Sends the request; resolves with the whole body once it has ended. Call once. */
  read(pool: Dispatcher, opts: Dispatcher.DispatchOptions): Promise<Buffer> {
    return this.send<Buffer>(pool, opts, (resolve, reject) => ((this.#resolve = resolve), (this.#reject = reject)));
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    // Informational answers (1xx) are not the answer, as for pool.request.
    if (statusCode < 200) return true;
    this.statusCode = statusCode;
    this.rawHeaders = rawHeaders;
    if (statusCode >= 400) this.#limit = this.#errorLimit;
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.#size += chunk.length;
    if (this.#size > this.#limit) {
      // Fails the request (onError below) and closes its connection, as destroying the response stream does.
      this.abortRequest?.(tooLarge(this.#limit));
      return false;
    }
    this.#parts.push(chunk);
    return true;
  }

  onComplete(): void {
    const p = this.#parts;
    this.#resolve(p.length === 1 ? p[0]! : Buffer.concat(p, this.#size));
  }

  onError(err: Error): void {
    this.#reject(err);
  }
}
