// Reads a whole upstream answer body into one Buffer, refusing one larger than `limit`.
// Plain 'data'/'end' listeners: `for await` over the body built an async iterator and an
// end-of-stream watcher per answer, for what is one or two chunks on the common path.
import type { Readable } from 'node:stream';

export function readBody(body: Readable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > limit) {
        body.off('data', onData);
        body.destroy();
        return reject(Object.assign(new Error('upstream body too large'), { code: 'UPSTREAM_TOO_LARGE' }));
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
