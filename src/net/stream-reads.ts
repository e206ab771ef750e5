// Reads a body stream buffer by buffer, as `for await (const buf of body)` does (same read() calls, same end and
// error handling: an error or a premature close throws, the body is destroyed when reading stops), without the async
// generator: a buffer already buffered is handed over synchronously, and a promise is made only to wait for data.
import { finished, type Readable } from 'node:stream';

/** A read of one body buffer: true stops reading; a promise is awaited before the next. */
export type OnRead = (buf: Buffer) => boolean | Promise<boolean>;

/** What a relay reads an answer from: each(onRead) with eachRead's contract (a response stream, or undici's callbacks). */
export interface ReadSource {
  each(onRead: OnRead): Promise<void>;
  /** Ends a pending each() now (resolving it), if the source can: for a relay that must stop while nothing comes. */
  stop?(): void;
}

/** A body stream as a ReadSource. */
export const bodyReads = (body: Readable): ReadSource => ({ each: (onRead) => eachRead(body, onRead) });

/**
 * Calls `onRead` with every buffer `body.read()` returns until the body ends or `onRead` answers true (stop). A
 * promise from `onRead` is awaited before the next read, as the loop body of a for-await would be.
 */
export async function eachRead(body: Readable, onRead: OnRead): Promise<void> {
  // undefined: still open; null: ended cleanly; an error: failed (or closed before its end).
  let error: Error | null | undefined;
  let wake: (() => void) | undefined;
  const next = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const park = (resolve: () => void): void => {
    wake = resolve;
  };
  body.on('readable', next);
  const cleanup = finished(body, { writable: false }, (err) => {
    error = err ?? null;
    next();
  });
  try {
    for (;;) {
      const buf = body.destroyed ? null : (body.read() as Buffer | null);
      if (buf !== null) {
        let stop = onRead(buf);
        if (typeof stop !== 'boolean') stop = await stop;
        if (stop) return;
      } else if (error) throw error;
      else if (error === null) return;
      else await new Promise<void>(park);
    }
  } finally {
    body.off('readable', next);
    cleanup();
    // Destroying a body before its end makes some emit an error (undici's: "Request aborted"); with
    // the listeners above gone it would be unhandled and take the process down. A for-await swallows it too.
    if (!body.destroyed) {
      body.on('error', ignore);
      body.destroy();
    }
  }
}

const ignore = (): void => {};
