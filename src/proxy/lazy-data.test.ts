import { describe, expect, it } from 'vitest';
import { parseLazyData } from './lazy-data.js';

const vectors = (n: number, dims: number) => ({
  object: 'list',
  data: Array.from({ length: n }, (_, index) => ({ object: 'embedding', index, embedding: Array.from({ length: dims }, (_, d) => Math.sin(index * 31 + d) * 1e-3) })),
  model: 'text-embedding-3-small',
  usage: { prompt_tokens: 7, total_tokens: 7 },
});

const WELL_FORMED: readonly [string, string][] = [
  ['an embeddings answer', JSON.stringify(vectors(2, 64))],
  ['pretty-printed, CRLF', JSON.stringify(vectors(1, 3), null, 2).replace(/\n/g, '\r\n')],
  ['base64 vectors', JSON.stringify({ object: 'list', data: [{ object: 'embedding', index: 0, embedding: 'AACAPwAAAEA=' }], usage: { prompt_tokens: 1, total_tokens: 1 } })],
  ['escaped backslashes before a closing quote', '{"data":["a\\\\","\\\\\\"]"],"usage":1}'],
  ['strings with brackets, quotes and escapes in data', JSON.stringify({ data: [{ s: '}]"\\[{', t: '\u00e9\u2603 "q"' }], usage: null })],
  ['data last, then nothing', '{"usage":{"prompt_tokens":3},"data":[[1,2],[3,[4,{"a":[]}]]]}'],
  ['no data member', '{"usage":{"prompt_tokens":3,"total_tokens":3},"model":"m","n":-1.5e3,"ok":true,"z":null}'],
  ['empty object', ' { } '],
  ['data a scalar', '{"data":42,"x":"y"}'],
  ['duplicate keys: the last wins', '{"usage":{"prompt_tokens":1},"usage":{"prompt_tokens":2},"data":[]}'],
  ['a member named __proto__', '{"__proto__":{"polluted":true},"data":[1]}'],
];

describe('parseLazyData', () => {
  it.each(WELL_FORMED)('%s: the same object as JSON.parse, and serialised alike', (_, text) => {
    const raw = Buffer.from(text);
    const lazy = parseLazyData(raw);
    const whole = JSON.parse(text) as Record<string, unknown>;
    expect(lazy).toBeDefined();
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(whole));
    expect(lazy).toEqual(whole);
    expect(Object.getPrototypeOf(lazy)).toBe(Object.prototype);
  });

  it('reads usage without the vectors, which parse on first read and can be replaced', () => {
    const v = vectors(1, 8);
    const lazy = parseLazyData(Buffer.from(JSON.stringify(v)))!;
    expect(lazy['usage']).toEqual(v.usage);
    expect(Object.keys(lazy)).toEqual(['object', 'data', 'model', 'usage']);
    expect(lazy['data']).toEqual(v.data);
    expect(lazy['data']).toBe(lazy['data']);
    lazy['data'] = [];
    expect(JSON.stringify(lazy)).toBe(JSON.stringify({ ...v, data: [] }));
  });

  it('works on a slice of a larger buffer', () => {
    const text = JSON.stringify(vectors(1, 4));
    const big = Buffer.from(`xx${text}yy`);
    expect(JSON.stringify(parseLazyData(big.subarray(2, big.length - 2)))).toBe(text);
  });

  it.each([
    ['empty', ''],
    ['not JSON', '<html>502 Bad Gateway</html>'],
    ['an array', '[1,2]'],
    ['a string', '"x"'],
    ['null', 'null'],
    ['unclosed data', '{"data":[[1,2],[3,4]'],
    ['mismatched brackets in data', '{"data":[1,2}}'],
    ['unclosed string in data', '{"data":["abc]}'],
    ['a control character in a key', '{"a\nb":1,"data":[]}'],
    ['an escaped quote that leaves a string open', '{"data":["abc\\"]}'],
    ['a bad scalar member', '{"usage":nope,"data":[]}'],
    ['a bad usage object', '{"usage":{"a":},"data":[]}'],
    ['missing colon', '{"data" [1]}'],
    ['trailing comma', '{"data":[1],}'],
    ['trailing bytes', '{"data":[1]} x'],
    ['unquoted key', '{data:[1]}'],
    ['nesting past the limit', `{"data":${'['.repeat(40)}${']'.repeat(40)}}`],
  ])('%s: undefined (the caller parses it whole and reports it)', (_, text) => {
    expect(parseLazyData(Buffer.from(text))).toBeUndefined();
  });
});
