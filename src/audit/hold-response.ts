// Holds a response's final `end()` until its audit event is durable, so no client is ever
// answered by a request whose event a crash could lose. Costs one group commit of latency.
import { STATUS_CODES, type ServerResponse } from 'node:http';
import { statusOf } from '../errors/codes.js';
import type { Denial } from '../errors/denial.js';
import { envelope } from '../errors/render.js';

export interface HeldResponse {
  /** Sends the held end (or, with `abort`, drops the connection: the request is not answered). */
  release(abort?: boolean): void;
  /**
   * Answers with `d` instead of the held response, if none of the held response has reached the
   * socket (a non-streamed answer is written by writeHead + end, and end is held); false otherwise.
   */
  replace(requestId: string, d: Denial): boolean;
}

export function holdEnd(res: ServerResponse): HeldResponse {
  const end = res.end;
  let held: unknown[] | undefined;
  // What the socket had been given before this response: unchanged means nothing of it was written.
  const before = res.socket?.bytesWritten;
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    held = args;
    return this;
  } as ServerResponse['end'];
  return {
    release(abort = false) {
      res.end = end;
      if (abort) res.destroy();
      else if (held) (end as (...a: unknown[]) => ServerResponse).apply(res, held);
    },
    replace(requestId, d) {
      const socket = res.socket;
      if (!socket || before === undefined || socket.bytesWritten !== before || socket.destroyed) return false;
      // writeHead has already been called on `res`, and node:http cannot take it back: the answer
      // goes on the socket directly, and the connection closes after it.
      const status = statusOf(d.code);
      const body = JSON.stringify(envelope(d));
      const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`, 'content-type: application/json', `content-length: ${Buffer.byteLength(body)}`, `x-request-id: ${requestId}`];
      if (d.retryAfter !== undefined) head.push(`retry-after: ${Math.max(0, Math.ceil(d.retryAfter))}`);
      head.push('connection: close');
      res.end = end;
      socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
      return true;
    },
  };
}
