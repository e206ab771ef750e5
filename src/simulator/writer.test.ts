// A stream written in one send is still one chunk per event on the wire, and the connection stays reusable.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from './server.js';
import type { Simulator } from './types.js';
import { chunked } from './writer.js';

/** Pure: the chunks of a chunked body, or throws where the framing is wrong. */
function unchunk(body: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const nl = body.indexOf('\r\n', i);
    const size = Number.parseInt(body.slice(i, nl), 16);
    if (!Number.isFinite(size)) throw new Error(`bad size at ${i}`);
    i = nl + 2;
    if (size === 0) {
      if (body.slice(i) !== '\r\n') throw new Error('bad end');
      return out;
    }
    const chunk = Buffer.from(body.slice(i), 'utf8').subarray(0, size).toString('utf8');
    out.push(chunk);
    i += chunk.length;
    if (body.slice(i, i + 2) !== '\r\n') throw new Error(`no CRLF after chunk at ${i}`);
    i += 2;
  }
}

describe('chunked', () => {
  it('frames each piece as its own chunk by its UTF-8 length, skips empty pieces, ends with the last chunk', () => {
    expect(chunked(['ab', '', 'é✓'])).toBe('2\r\nab\r\n5\r\né✓\r\n0\r\n\r\n');
    expect(unchunk(chunked(['data: x\n\n', 'data: é\n\n']))).toEqual(['data: x\n\n', 'data: é\n\n']);
  });
});

describe('a streamed answer on the wire', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.close());

  it('is one chunk per SSE event, and two answers follow each other on one kept-alive connection', async () => {
    const body = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true } });
    const req = `POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const socket = connect(sim.port, '127.0.0.1');
    let got = '';
    socket.on('data', (b) => (got += b.toString('utf8')));
    const answers = (): number => got.split('0\r\n\r\n').length - 1;
    const until = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const t = setInterval(() => answers() >= n && (clearInterval(t), resolve()), 5);
        socket.once('error', reject);
      });
    socket.write(req);
    await until(1);
    socket.write(req);
    await until(2);
    socket.destroy();
    const [first, second] = got.split(/(?=HTTP\/1\.1 )/);
    for (const answer of [first!, second!]) {
      const [head, rest] = [answer.slice(0, answer.indexOf('\r\n\r\n')), answer.slice(answer.indexOf('\r\n\r\n') + 4)];
      expect(head).toMatch(/^HTTP\/1\.1 200/);
      expect(head.toLowerCase()).toContain('transfer-encoding: chunked');
      expect(head.toLowerCase()).not.toContain('content-length');
      const events = unchunk(rest);
      expect(events).toHaveLength(24); // role, 20 content pieces, finish, usage, [DONE]
      expect(events.every((e) => e.startsWith('data: ') && e.endsWith('\n\n'))).toBe(true);
      expect(events.at(-1)).toBe('data: [DONE]\n\n');
    }
  });
});
