// An upstream answer read as it comes, straight from undici's dispatch callbacks: what pool.request + eachRead over
// its body do for a streamed answer, without the response stream, its async resource and the promise per phase.
import { type Dispatcher, errors } from 'undici';
import type { OnRead, ReadSource } from '../net/stream-reads.js';
import { DispatchedAnswer } from './dispatched-answer.js';
import { tooLarge } from './read-body.js';

/**
 * start() sends the request and resolves once the answer's headers came; then each() (or whole()) reads its body,
 * once. While a read's promise is pending undici is paused (onData answers false) and hands over nothing until
 * resumed; a dispatcher that does not pause (a MockPool) has its data queued instead. When reading stops early
 * (onRead answered true or failed) the request is aborted, and the error undici then reports comes here, to
 * onError, where it is ignored: no stream is left to emit it unheard. The handler speaks undici's original
 * callbacks, as WholeAnswer does.
 */
export class StreamAnswer extends DispatchedAnswer implements Dispatcher.DispatchHandler, ReadSource {
  #resume: (() => void) | undefined;
  /** Data handed over before each(), or while a read was pending by a dispatcher that ignores the pause. */
  #queue: Buffer[] = [];
  #onRead: OnRead | undefined;
  /** A read's promise is pending. */
  #busy = false;
  /** onData answered false: undici waits for resume. */
  #paused = false;
  /** undefined: the answer is still coming; null: complete; an error: failed. */
  #end: Error | null | undefined;
  /** Settled (or stopped): later callbacks are ignored. */
  #done = false;
  #resolve: () => void = () => undefined;
  #reject: (e: Error) => void = () => undefined;

  /** Sends the request; resolves when the answer's headers came, rejects if it failed before. Call once. */
  start(pool: Dispatcher, opts: Dispatcher.DispatchOptions): Promise<void> {
    return this.send<void>(pool, opts, (resolve, reject) => ((this.#resolve = resolve), (this.#reject = reject)));
  }

  /** Calls onRead with each body buffer, as eachRead does over a response body. After start() resolved; once. */
  each(onRead: OnRead): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
      this.#onRead = onRead;
      this.#drain();
    });
  }

  /** The whole body, refused past `limit` bytes (as WholeAnswer). */
  async whole(limit: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let size = 0;
    await this.each((buf) => {
      size += buf.length;
      if (size > limit) throw tooLarge(limit);
      parts.push(buf);
      return false;
    });
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
  }

  /**
   * Ends reading now, from outside (a stream past its longest duration): each() resolves and the request is closed.
   * A read whose promise is pending is left to finish: the reader, told to stop, answers true when it settles.
   */
  stop(): void {
    if (this.#onRead !== undefined && !this.#busy && !this.#done) this.#stop(null);
  }

  /** Closes a request whose body will not be read (any more); nothing settles after this. */
  close(): void {
    this.#done = true;
    if (this.#end === undefined) this.abortRequest?.(new errors.RequestAbortedError());
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[], resume: () => void): boolean {
    // Informational answers (1xx) are not the answer, as for pool.request.
    if (statusCode < 200) return true;
    this.statusCode = statusCode;
    this.rawHeaders = rawHeaders;
    this.#resume = resume;
    this.#resolve();
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.#done) return false;
    // Not read yet (each() is a microtask away), or a read is pending: kept, and undici paused until drained.
    if (this.#onRead === undefined || this.#busy) {
      this.#queue.push(chunk);
      this.#paused = true;
      return false;
    }
    if (this.#read(chunk)) return true;
    if (!this.#done) this.#paused = true;
    return false;
  }

  onComplete(): void {
    this.#end = null;
    if (this.#onRead !== undefined && !this.#busy) this.#drain();
  }

  onError(err: Error): void {
    if (this.#done) return;
    this.#end = err;
    // Data not read yet is dropped, as a destroyed body drops its buffer; a pending read finishes first.
    this.#queue.length = 0;
    if (this.statusCode === 0 || (this.#onRead !== undefined && !this.#busy)) this.#settle(err);
  }

  /** One buffer to onRead; true: more may come now (false: stopped, or waiting for the read's promise). */
  #read(buf: Buffer): boolean {
    let r: boolean | Promise<boolean>;
    try {
      r = this.#onRead!(buf);
    } catch (err) {
      this.#stop(err as Error);
      return false;
    }
    if (r === false) return true;
    if (r === true) {
      this.#stop(null);
      return false;
    }
    this.#busy = true;
    r.then(
      (stop) => {
        this.#busy = false;
        if (stop) this.#stop(null);
        else this.#drain();
      },
      (err: Error) => {
        this.#busy = false;
        this.#stop(err);
      },
    );
    return false;
  }

  /** Reads what was queued, then the end if it came, else lets undici go on. */
  #drain(): void {
    if (this.#done) return;
    while (this.#queue.length > 0) {
      if (!this.#read(this.#queue.shift()!)) return;
    }
    if (this.#end !== undefined) return this.#settle(this.#end);
    if (this.#paused) {
      this.#paused = false;
      // May hand over data (and the end) at once, before returning.
      this.#resume!();
    }
  }

  /** Reading ends before the answer did: the request is aborted, its error ignored. */
  #stop(err: Error | null): void {
    this.close();
    if (err) this.#reject(err);
    else this.#resolve();
  }

  #settle(end: Error | null): void {
    this.#done = true;
    if (end) this.#reject(end);
    else this.#resolve();
  }
}
