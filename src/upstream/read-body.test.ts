import { type LocalUpstream, localUpstream } from './local-upstream.js';
import type { Readable } from 'node:stream';
import type { Dispatcher, Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WholeAnswer } from './read-body.js';

/** The body of a pool.request answer, read whole (what WholeAnswer stands in for). */
async function streamed(body: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of body) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

describe('WholeAnswer', () => {
  let upstream: LocalUpstream;
  let pool: Pool;
  beforeAll(async () => {
    upstream = await localUpstream((req, res) => {
      res.sendDate = false;
      const [status, ...chunks] = (req.url ?? '').slice(1).split('/');
      if (status === 'hang') return;
      res.writeHead(Number(status), { 'content-type': 'application/json', 'retry-after': '7', 'x-twice': ['a', 'b'] });
      // One chunk, then the rest apart; 'hang' stops sending without ending the body.
      const next = (i: number): void => {
        if (i === chunks.length) return void res.end();
        if (chunks[i] === 'hang') return;
        res.write(decodeURIComponent(chunks[i]!));
        setTimeout(() => next(i + 1), 5);
      };
      next(0);
    });
    pool = upstream.pool;
  });
  afterAll(() => upstream.close());

  const opts = (path: string, timeoutMs = 10_000): Dispatcher.DispatchOptions => ({ path, method: 'POST', body: '{}', headersTimeout: timeoutMs, bodyTimeout: timeoutMs });

  it('reads what pool.request and its body stream read: status, headers, every chunk in order', async () => {
    for (const path of ['/200/%7B%22a%22%3A/1%2C%22b%22%3A%22%C3%A9/%22%7D', '/200/one', '/200', '/429/%7B%22error%22%3A%7B%7D%7D']) {
      const up = await pool.request(opts(path));
      const want = await streamed(up.body);
      const a = new WholeAnswer(100, 100);
      expect((await a.read(pool, opts(path))).equals(want), path).toBe(true);
      expect(a.statusCode).toBe(up.statusCode);
      expect(a.headers()).toEqual(up.headers);
    }
  });

  it('refuses a body over its limit, an error answer over the error limit', async () => {
    await expect(new WholeAnswer(8, 100).read(pool, opts('/200/12345/67890'))).rejects.toMatchObject({ code: 'UPSTREAM_TOO_LARGE' });
    const err = new WholeAnswer(100, 8);
    await expect(err.read(pool, opts('/500/12345/67890'))).rejects.toMatchObject({ code: 'UPSTREAM_TOO_LARGE' });
    expect(err.statusCode).toBe(500);
    expect((await new WholeAnswer(100, 8).read(pool, opts('/500/12345'))).toString()).toBe('12345');
    // The error limit holds only for an error status; the other limit only for the rest.
    expect((await new WholeAnswer(8, 100).read(pool, opts('/404/12345/67890'))).toString()).toBe('1234567890');
  });

  it("fails with undici's timeouts, telling an answer that never started from one cut short", async () => {
    const silent = new WholeAnswer(100, 100);
    await expect(silent.read(pool, opts('/hang', 100))).rejects.toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
    expect(silent.statusCode).toBe(0);
    const cut = new WholeAnswer(100, 100);
    await expect(cut.read(pool, opts('/200/part/hang', 100))).rejects.toMatchObject({ code: 'UND_ERR_BODY_TIMEOUT' });
    expect(cut.statusCode).toBe(200);
  });

  it('cancel fails the request at once, in flight or before it was sent', async () => {
    for (const when of ['at once', 'in flight'] as const) {
      const a = new WholeAnswer(100, 100);
      const p = a.read(pool, opts('/hang'));
      if (when === 'at once') a.cancel();
      else setTimeout(() => a.cancel(), 20);
      await expect(p).rejects.toMatchObject({ name: 'AbortError' });
      expect(a.cancelled).toBe(true);
    }
  });
});
