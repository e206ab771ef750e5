// Reads a whole upstream answer body into one Buffer, refusing one larger than `limit`: from a response stream,
// or straight from undici's dispatch callbacks for an answer that is never relayed as a stream.
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { type Dispatcher, errors, util } from 'undici';

const tooLarge = (): Error => Object.assign(new Error('upstream body too large'), { code: 'UPSTREAM_TOO_LARGE' });

// Plain 'data'/'end' listeners: `for await` over the body built an async iterator and an
// end-of-stream watcher per answer, for what is one or two chunks on the common path.
export function readBody(body: Readable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > limit) {
        body.off('data', onData);
        body.destroy();
        return reject(tooLarge());
      }
      parts.push(c);
    };
    // `on`, not `once`: a promise settles once anyway, and `once` wraps (and binds) each listener.
    body.on('data', onData);
    body.on('end', () => resolve(parts.length === 1 ? parts[0]! : Buffer.concat(parts, size)));
    body.on('error', reject);
    // Destroyed without an error (the request was aborted): nothing more will come.
    body.on('close', () => {
      if (!body.readableEnded) reject(Object.assign(new Error('upstream body closed before its end'), { code: 'UND_ERR_ABORTED' }));
    });
  });
}

/**
 * One upstream request whose answer is read whole: what `pool.request` + readBody do, without the response stream,
 * the request's async resource and the promise per phase (CPU on every non-streamed request). An answer with an
 * error status is limited to `errorLimit`. The same undici errors and timeouts reach the caller.
 * The handler speaks undici's original callbacks (onConnect…onError): the ones its own request() uses, which every
 * dispatcher calls as they are (a MockPool calls nothing else), with no wrapper or header parsing per answer.
 */
export class WholeAnswer implements Dispatcher.DispatchHandler {
  /** 0 until the answer's status line and headers arrived. */
  statusCode = 0;
  /** Set by cancel(), whenever it came. */
  cancelled = false;
  #abort: ((err: Error) => void) | undefined;
  #rawHeaders: Buffer[] = [];
  #parts: Buffer[] = [];
  #size = 0;
  #limit: number;
  readonly #errorLimit: number;
  #resolve: (b: Buffer) => void = () => undefined;
  #reject: (e: Error) => void = () => undefined;

  constructor(limit: number, errorLimit: number) {
    this.#limit = limit;
    this.#errorLimit = errorLimit;
  }

  /** Sends the request; resolves with the whole body once it has ended. Call once. */
  read(pool: Dispatcher, opts: Dispatcher.DispatchOptions): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
      pool.dispatch(opts, this);
    });
  }

  /** The answer's headers as pool.request gives them (parsed on demand: most answers never need them). */
  headers(): IncomingHttpHeaders {
    return util.parseHeaders(this.#rawHeaders) as IncomingHttpHeaders;
  }

  /** The client went away: fails the request now, or as soon as it is handed a connection (as a signal does). */
  cancel(): void {
    this.cancelled = true;
    this.#abort?.(new errors.RequestAbortedError());
  }

  onConnect(abort: (err?: Error) => void): void {
    this.#abort = abort;
    if (this.cancelled) abort(new errors.RequestAbortedError());
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    // Informational answers (1xx) are not the answer, as for pool.request.
    if (statusCode < 200) return true;
    this.statusCode = statusCode;
    this.#rawHeaders = rawHeaders;
    if (statusCode >= 400) this.#limit = this.#errorLimit;
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.#size += chunk.length;
    if (this.#size > this.#limit) {
      // Fails the request (onError below) and closes its connection, as destroying the response stream does.
      this.#abort?.(tooLarge());
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
