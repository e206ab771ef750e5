// What the two upstream answer handlers (whole and streamed) share: the request sent through undici's dispatch with
// the handler itself, the status and raw headers as they came, and a cancel that reaches the request however far it got.
import type { IncomingHttpHeaders } from 'node:http';
import { type Dispatcher, errors, util } from 'undici';

export abstract class DispatchedAnswer {
  /** 0 until the answer's status line and headers arrived. */
  statusCode = 0;
  /** Set by cancel(), whenever it came. */
  cancelled = false;
  protected abortRequest: ((err: Error) => void) | undefined;
  protected rawHeaders: Buffer[] = [];

  /** The answer's headers as pool.request gives them (parsed on demand: most answers never need them). */
  headers(): IncomingHttpHeaders {
    return util.parseHeaders(this.rawHeaders) as IncomingHttpHeaders;
  }

  /** One header of the answer (lower-case `name`; several of that name joined by commas), without parsing them all. */
  header(name: string): string | undefined {
    const raw = this.rawHeaders;
    let v: string | undefined;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const k = raw[i]!;
      if (k.length !== name.length || k.toString('latin1').toLowerCase() !== name) continue;
      const x = raw[i + 1]!.toString('latin1');
      v = v === undefined ? x : `${v},${x}`;
    }
    return v;
  }

  /** The client went away: fails the request now, or as soon as it is handed a connection (as a signal does). */
  cancel(): void {
    this.cancelled = true;
    this.abortRequest?.(new errors.RequestAbortedError());
  }

  onConnect(abort: (err?: Error) => void): void {
    this.abortRequest = abort;
    if (this.cancelled) abort(new errors.RequestAbortedError());
  }

  /** Sends the request with this handler; `keep` holds on to the promise's settlers for the callbacks. */
  protected send<T>(pool: Dispatcher, opts: Dispatcher.DispatchOptions, keep: (resolve: (v: T) => void, reject: (e: Error) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      keep(resolve, reject);
      pool.dispatch(opts, this as unknown as Dispatcher.DispatchHandler);
    });
  }
}
