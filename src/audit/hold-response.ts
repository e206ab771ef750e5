// Holds a response's final `end()` until its audit event is durable, so no client is ever
// answered by a request whose event a crash could lose. Costs one group commit of latency.
import type { ServerResponse } from 'node:http';

export interface HeldResponse {
  /** Sends the held end (or, with `abort`, drops the connection: the request is not answered). */
  release(abort?: boolean): void;
}

export function holdEnd(res: ServerResponse): HeldResponse {
  const end = res.end;
  let held: unknown[] | undefined;
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
  };
}
