import { type LocalUpstream, localUpstream } from './local-upstream.js';
import type { Dispatcher, Pool } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eachRead } from '../net/stream-reads.js';
import { StreamAnswer } from './stream-answer.js';

describe('StreamAnswer', () => {
  let upstream: LocalUpstream;
  let pool: Pool;
  /** How each answered request's connection ended: 'finished' (sent whole) or 'closed' (the client left first). */
  const ends: string[] = [];
  beforeAll(async () => {
    upstream = await localUpstream((req, res) => {
      res.sendDate = false;
      const [status, ...chunks] = (req.url ?? '').slice(1).split('/');
      if (status === 'hang') return;
      res.on('finish', () => ends.push('finished'));
      res.on('close', () => res.writableFinished || ends.push('closed'));
      res.writeHead(Number(status), { 'content-type': 'text/event-stream', 'retry-after': '7', 'x-twice': ['a', 'b'] });
      // One chunk every few ms; 'hang' stops sending without ending, 'reset' breaks the connection.
      const next = (i: number): void => {
        if (res.destroyed) return;
        if (i === chunks.length) return void res.end();
        if (chunks[i] === 'hang') return;
        if (chunks[i] === 'reset') return void res.socket?.destroy();
        // 'burst': ten writes in one turn, which undici then parses from one socket read.
        if (chunks[i] === 'burst') for (let j = 0; j < 10; j++) res.write(`data: ${j}\n\n`);
        else res.write(decodeURIComponent(chunks[i]!));
        setTimeout(() => next(i + 1), 5);
      };
      next(0);
    });
    pool = upstream.pool;
  });
  afterAll(() => upstream.close());

  // Any error nobody listened for (as undici's "Request aborted" on a body stream once was) fails the test.
  const unheard: unknown[] = [];
  const note = (e: unknown): void => void unheard.push(e);
  beforeEach(() => {
    unheard.length = 0;
    process.on('uncaughtException', note);
    process.on('unhandledRejection', note);
  });
  afterEach(async () => {
    await new Promise((r) => setTimeout(r, 30));
    process.off('uncaughtException', note);
    process.off('unhandledRejection', note);
    expect(unheard).toEqual([]);
  });

  const opts = (path: string, timeoutMs = 10_000): Dispatcher.DispatchOptions => ({ path, method: 'POST', body: '{}', headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  /** Waits (up to 5 s) until `ok()`: what a loaded machine may take a while to do, not a fixed sleep. */
  const until = async (ok: () => boolean): Promise<void> => {
    for (let i = 0; i < 500 && !ok(); i++) await sleep(10);
  };
  const many = (n: number): string => Array.from({ length: n }, (_, i) => `data%3A%20${i}%0A%0A`).join('/');
  const started = async (path: string, timeoutMs?: number): Promise<StreamAnswer> => {
    const a = new StreamAnswer();
    await a.start(pool, opts(path, timeoutMs));
    return a;
  };
  /** Every read through pool.request and eachRead, the way forwardStreamed read before. */
  const viaStream = async (path: string): Promise<{ status: number; headers: unknown; got: string; err?: string }> => {
    const up = await pool.request(opts(path));
    let got = '';
    try {
      await eachRead(up.body, (b) => ((got += b), false));
    } catch (e) {
      return { status: up.statusCode, headers: up.headers, got, err: (e as { code: string }).code };
    }
    return { status: up.statusCode, headers: up.headers, got };
  };
  const viaAnswer = async (path: string): Promise<{ status: number; headers: unknown; got: string; err?: string }> => {
    const a = await started(path);
    let got = '';
    try {
      await a.each((b) => ((got += b), false));
    } catch (e) {
      return { status: a.statusCode, headers: a.headers(), got, err: (e as { code: string }).code };
    }
    return { status: a.statusCode, headers: a.headers(), got };
  };

  it('reads what pool.request and eachRead read: status, headers, every byte in order, the same failure', async () => {
    for (const path of ['/200/data%3A%20a%0A%0A/data%3A%20%C3%A9/%0A%0A', '/200', `/200/${many(30)}`, '/500/%7B%7D', '/200/part/reset']) {
      expect(await viaAnswer(path), path).toEqual(await viaStream(path));
    }
    expect((await viaAnswer('/200/part/reset')).err).toBe('UND_ERR_SOCKET');
  });

  it('reads one header without parsing them all, as the parsed headers have it (case, repeats)', async () => {
    const a = await started('/200/data%3A%20a%0A%0A');
    expect(a.header('content-type')).toBe('text/event-stream');
    expect(a.header('content-type')).toBe(a.headers()['content-type']);
    expect(a.header('x-twice')).toBe('a,b');
    expect(a.header('retry-after')).toBe('7');
    expect(a.header('x-missing')).toBeUndefined();
    await a.whole(1024);
  });

  it('hands nothing over while a read is pending (undici paused), loses nothing, and goes on when it settles', async () => {
    const a = await started(`/200/${many(20)}`);
    let pending = false;
    let early = 0;
    const onData = a.onData.bind(a);
    a.onData = (c: Buffer): boolean => {
      if (pending) early++;
      return onData(c);
    };
    let got = '';
    let reads = 0;
    await a.each((b) => {
      got += b;
      // Every other read waits long enough for the server to send several more chunks meanwhile.
      if (reads++ % 2) return false;
      pending = true;
      return sleep(25).then(() => ((pending = false), false));
    });
    expect(early).toBe(0);
    expect(got).toBe(decodeURIComponent(many(20).replaceAll('/', '')));
    expect(ends.at(-1)).toBe('finished');
  });

  it('stops at a read that says so (at once, after its promise, or by failing) and closes the upstream request', async () => {
    const stops: [string, (n: number) => boolean | Promise<boolean>, string | undefined][] = [
      ['at once', (n) => n === 2, undefined],
      ['after a promise', (n) => sleep(5).then(() => n === 2), undefined],
      [
        'by throwing',
        (n) => {
          if (n === 2) throw new Error('too large');
          return false;
        },
        'too large',
      ],
      ['by rejecting', (n) => (n === 2 ? Promise.reject(new Error('check failed')) : false), 'check failed'],
    ];
    for (const [name, stop, err, path] of stops.flatMap(
      ([n, s, e]) =>
        [
          [n, s, e, `${many(40)}/hang`],
          [`${n}, within one socket read`, s, e, 'burst/burst/burst/hang'],
        ] as const,
    )) {
      const a = await started(`/200/${path}`);
      const before = ends.length;
      let n = 0;
      const p = a.each(() => stop(++n));
      if (err) await expect(p, name).rejects.toThrow(err);
      else await p;
      expect(n, name).toBe(2);
      // The upstream never ends these answers itself ('hang'): only the stop can close them.
      await until(() => ends.length > before);
      expect(ends.slice(before), name).toEqual(['closed']);
    }
  });

  it("fails with undici's timeouts, telling an answer that never started from one cut short", async () => {
    const silent = new StreamAnswer();
    await expect(silent.start(pool, opts('/hang', 100))).rejects.toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
    expect(silent.statusCode).toBe(0);
    const cut = await started('/200/part/hang', 100);
    await expect(cut.each(() => false)).rejects.toMatchObject({ code: 'UND_ERR_BODY_TIMEOUT' });
    expect(cut.statusCode).toBe(200);
  });

  it('cancel fails the request at once: before it was sent, waiting for headers, or mid-body', async () => {
    for (const when of ['at once', 'before headers'] as const) {
      const a = new StreamAnswer();
      const p = a.start(pool, opts('/hang'));
      if (when === 'at once') a.cancel();
      else setTimeout(() => a.cancel(), 20);
      await expect(p).rejects.toMatchObject({ name: 'AbortError' });
      expect(a.cancelled).toBe(true);
    }
    const mid = await started('/200/part/hang');
    setTimeout(() => mid.cancel(), 20);
    await expect(mid.each(() => false)).rejects.toMatchObject({ name: 'AbortError' });
    // Cancelled while a read is pending: the read finishes, then the failure (as a destroyed body throws next).
    const busy = await started(`/200/${many(20)}`);
    const reads: number[] = [];
    await expect(busy.each(() => (reads.push(1), reads.length === 1 ? (busy.cancel(), sleep(10).then(() => false)) : false))).rejects.toMatchObject({ name: 'AbortError' });
    expect(reads.length).toBe(1);
  });

  it('reads an error answer whole, with its headers, refusing one over the limit', async () => {
    const a = await started('/429/%7B%22error%22/%3A%7B%7D%7D');
    expect(a.statusCode).toBe(429);
    expect(a.headers()['retry-after']).toBe('7');
    expect(a.headers()['x-twice']).toEqual(['a', 'b']);
    expect((await a.whole(100)).toString()).toBe('{"error":{}}');
    const big = await started('/500/12345/67890/abcde/hang');
    const before = ends.length;
    await expect(big.whole(8)).rejects.toMatchObject({ code: 'UPSTREAM_TOO_LARGE' });
    await until(() => ends.length > before);
    expect(ends.slice(before)).toEqual(['closed']);
    expect((await (await started('/200')).whole(8)).length).toBe(0);
  });

  it('close() ends a request whose body is not read', async () => {
    const a = await started('/200/part/hang');
    const before = ends.length;
    a.close();
    await until(() => ends.length > before);
    expect(ends.slice(before)).toEqual(['closed']);
  });

  it('stop() ends a reading that waits for data that never comes: each() resolves and the upstream request is closed', async () => {
    const a = await started('/200/part/hang');
    const before = ends.length;
    let got = '';
    const reading = a.each((b) => ((got += b), false));
    await until(() => got === 'part');
    a.stop();
    await reading;
    await until(() => ends.length > before);
    expect(ends.slice(before)).toEqual(['closed']);
    // Once stopped, stopping again (and closing) changes nothing.
    a.stop();
    a.close();
  });

  it('stop() leaves a pending read to finish; the reader, told to stop, ends the reading then', async () => {
    const a = await started('/200/one/two/hang');
    let release: ((stop: boolean) => void) | undefined;
    const seen: string[] = [];
    const reading = a.each((b) => {
      seen.push(String(b));
      return new Promise<boolean>((r) => (release = r));
    });
    await until(() => release !== undefined);
    a.stop();
    // Nothing more is handed over while the read is pending, and each() has not resolved by itself.
    let done = false;
    void reading.then(() => (done = true));
    await sleep(20);
    expect(done).toBe(false);
    release!(true);
    await reading;
    expect(seen).toEqual(['one']);
  });
});
