import { describe, expect, it } from 'vitest';
import { SseParser, type SseEvent } from './sse.js';

function parseAll(text: string, cuts: number[] = []): SseEvent[] {
  const bytes = Buffer.from(text);
  const p = new SseParser();
  const out: SseEvent[] = [];
  let from = 0;
  for (const c of [...cuts, bytes.length]) {
    out.push(...p.push(bytes.subarray(from, c)));
    from = c;
  }
  return [...out, ...p.end()];
}

describe('SseParser', () => {
  it('frames LF, CRLF and mixed line ends alike; joins multi-line data; comments have no data', () => {
    const text = 'data: {"a":1}\n\n: keep-alive\n\ndata: x\r\ndata:y\r\n\r\nevent: e\ndata: z\n\r\ndata: w\r\n\ndata: [DONE]\n\n';
    expect(parseAll(text).map((e) => e.data)).toEqual(['{"a":1}', undefined, 'x\ny', 'z', 'w', '[DONE]']);
  });

  it('gives the same events wherever the bytes are split, even inside a UTF-8 character or a line end', () => {
    const text = 'data: {"t":"héllo ✓ 𝄞"}\n\ndata: a\r\n\r\ndata: b\n\n\n\ndata: c\r\n\r\n';
    const whole = parseAll(text);
    expect(whole.map((e) => e.data)).toEqual(['{"t":"héllo ✓ 𝄞"}', 'a', 'b', undefined, 'c']);
    const n = Buffer.byteLength(text);
    for (let i = 1; i < n; i++) expect(parseAll(text, [i])).toEqual(whole);
    for (let i = 1; i < n - 3; i += 3) expect(parseAll(text, [i, i + 1, i + 3])).toEqual(whole);
  });

  it('keeps a lone CR inside a line, and returns an unterminated last event at the end', () => {
    expect(parseAll('data: a\rb\n\ndata: tail').map((e) => e.data)).toEqual(['a\rb', 'tail']);
    expect(parseAll('data:no-space\n\n')[0]).toEqual({ raw: 'data:no-space', data: 'no-space' });
  });

  it('hands out one event per next(), the first before the rest of the read is framed', () => {
    const p = new SseParser();
    p.feed(Buffer.from('data: a\n\ndata: b\n\ndata: c'));
    expect(p.next()).toEqual({ raw: 'data: a', data: 'a' });
    expect(p.next()?.data).toBe('b');
    expect(p.next()).toBeUndefined();
    // What was not taken stays: the next read completes it, and end() gives what is left.
    p.feed(Buffer.from('\r\n\r\ndata: d\r\n\r\ndata: e'));
    expect(p.next()?.data).toBe('c');
    expect(p.end().map((e) => e.data)).toEqual(['d', 'e']);
    // A first event is handed out even when the rest of its read is an event past the bound; taking that one throws.
    const big = new SseParser();
    big.feed(Buffer.from(`data: first\n\ndata: ${'x'.repeat(8 * 1024 * 1024 + 1)}`));
    expect(big.next()?.data).toBe('first');
    expect(() => big.next()).toThrow(/too large/);
  });

  it('refuses an event that grows past the bound', () => {
    const p = new SseParser();
    expect(() => p.push(Buffer.from(`data: ${'x'.repeat(8 * 1024 * 1024 + 1)}`))).toThrow(/too large/);
  });
});
