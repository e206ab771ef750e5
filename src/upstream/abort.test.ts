import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamAbort } from './abort.js';

describe('UpstreamAbort', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    // Answers only after a long while: an aborted request must fail long before that.
    server = createServer((_req, res) => void setTimeout(() => res.end('late'), 5000).unref());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('fails an undici request in flight when aborted, once', async () => {
    const pool = new Pool(origin);
    const a = new UpstreamAbort();
    const pending = pool.request({ path: '/', method: 'GET', signal: a });
    let events = 0;
    a.on('abort', () => events++);
    setTimeout(() => (a.abort(), a.abort()), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(a.aborted).toBe(true);
    expect(events).toBe(1);
    await pool.close();
  });

  it('refuses to start a request that is already aborted', async () => {
    const pool = new Pool(origin);
    const a = new UpstreamAbort();
    a.abort();
    await expect(pool.request({ path: '/', method: 'GET', signal: a })).rejects.toMatchObject({ name: 'AbortError' });
    await pool.close();
  });
});
