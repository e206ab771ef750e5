import { connect, createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TcpProxy } from './tcp-proxy.js';

// An echo server stands for PostgreSQL: the proxy's modes are about bytes, not the protocol.
const echo = createServer((s) => s.on('error', () => undefined).pipe(s));
let proxy: TcpProxy;

beforeAll(async () => {
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
  const a = echo.address();
  proxy = await TcpProxy.start({ host: '127.0.0.1', port: typeof a === 'object' && a ? a.port : 0 });
});
afterAll(async () => {
  await proxy.close();
  echo.close();
});

function open(): Promise<Socket> {
  return new Promise((r) => {
    const s = connect(proxy.port, '127.0.0.1', () => r(s)).on('error', () => undefined);
  });
}
const next = (s: Socket, ms = 200): Promise<string | 'silence'> =>
  new Promise((r) => {
    const t = setTimeout(() => r('silence'), ms);
    s.once('data', (d) => (clearTimeout(t), r(d.toString())));
  });

describe('TcpProxy', () => {
  it('forwards, then a reset reaches the client as ECONNRESET', async () => {
    const s = await open();
    s.write('ping');
    expect(await next(s)).toBe('ping');
    const err = new Promise<string>((r) => s.once('error', (e: NodeJS.ErrnoException) => r(e.code ?? '')));
    proxy.resetAll();
    expect(await err).toBe('ECONNRESET');
  });

  it('blackhole: silence with the socket open, then what was held arrives on restore', async () => {
    const s = await open();
    s.write('a');
    expect(await next(s)).toBe('a');
    proxy.blackhole();
    s.write('b');
    expect(await next(s)).toBe('silence');
    expect(s.destroyed).toBe(false);
    const late = await open(); // a new connection during the blackhole gets no answer either
    late.write('c');
    expect(await next(late)).toBe('silence');
    proxy.restore();
    expect(await next(s)).toBe('b');
    expect(await next(late)).toBe('c');
    s.destroy();
    late.destroy();
  });
});
