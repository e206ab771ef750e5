import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { holdEnd } from './hold-response.js';

let server: Server | undefined;
afterEach(() => void server?.close());

/** A server whose answer is held, then replaced by a 503 (or dropped when that is too late). */
async function serve(streamFirst: boolean): Promise<{ url: string; replaced: Promise<boolean> }> {
  let done!: (v: boolean) => void;
  const replaced = new Promise<boolean>((r) => (done = r));
  server = createServer((_req, res) => {
    const held = holdEnd(res);
    res.writeHead(200, { 'content-type': 'application/json' });
    if (streamFirst) res.write('data: partial\n\n');
    res.end('{"answer":"upstream text"}');
    const ok = held.replace('req_1', { code: 'SERVICE_UNAVAILABLE', message: 'store down', retryAfter: 1 });
    if (!ok) held.release(true);
    done(ok);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, replaced };
}

describe('holdEnd.replace', () => {
  it('answers a 503 envelope instead of a held non-streamed answer', async () => {
    const { url, replaced } = await serve(false);
    const res = await fetch(url);
    expect(await replaced).toBe(true);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.headers.get('x-request-id')).toBe('req_1');
    expect(await res.json()).toEqual({ error: { message: 'store down', type: 'server_error', param: null, code: 'service_unavailable' } });
  });

  it('refuses once part of the answer has left (a stream): the caller drops the connection', async () => {
    const { url, replaced } = await serve(true);
    const got = await fetch(url).then(
      async (r) => ({ status: r.status, body: await r.text().catch(() => 'cut') }),
      () => 'no answer',
    );
    expect(await replaced).toBe(false);
    expect(got === 'no answer' || (typeof got === 'object' && got.status === 200 && !got.body.includes('upstream text'))).toBe(true);
  });
});
