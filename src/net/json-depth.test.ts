import { describe, expect, it } from 'vitest';
import { JsonDepthScan, jsonDeeperThan } from './json-depth.js';

const b = (s: string): Buffer => Buffer.from(s, 'utf8');

describe('jsonDeeperThan', () => {
  it.each([
    ['flat object', '{"a":1}', 1, false],
    ['exactly at the bound', '[[[1]]]', 3, false],
    ['one past the bound', '[[[[1]]]]', 3, true],
    ['mixed arrays and objects', '{"a":[{"b":[{}]}]}', 4, true],
    ['brackets inside strings do not count', '{"a":"[[[[[[[[[["}', 2, false],
    ['an escaped quote keeps the string open', '{"a":"\\"[[[[[[[[["}', 2, false],
    ['an escaped backslash closes it', '{"a":"\\\\","b":[[[[1]]]]}', 3, true],
    ['siblings do not add up', '[[1],[2],[3],[4]]', 2, false],
    ['multi-byte text', '{"é":"[[[[日本"}', 1, false],
  ])('%s', (_n, text, max, deeper) => {
    expect(jsonDeeperThan(b(text), max)).toBe(deeper);
  });

  it('agrees with a byte-by-byte reference on strings of every length, with escapes at every place', () => {
    const reference = (bytes: Uint8Array, max: number): boolean => {
      let depth = 0;
      let inString = false;
      for (let i = 0; i < bytes.length; i++) {
        const c = bytes[i]!;
        if (inString) {
          if (c === 0x5c) i++;
          else if (c === 0x22) inString = false;
        } else if (c === 0x22) inString = true;
        else if (c === 0x5b || c === 0x7b) {
          if (++depth > max) return true;
        } else if (c === 0x5d || c === 0x7d) depth--;
      }
      return false;
    };
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const alphabet = ['a', '\\', '\\"', '"', '[', ']', '{', '}', 'é'];
    for (let t = 0; t < 3000; t++) {
      const len = rnd(600);
      // Every other text mostly plain letters, so strings also run past the byte-by-byte walk (128 bytes).
      const plain = t % 2 === 0 ? 0 : 95;
      let text = '';
      for (let k = 0; k < len; k++) text += rnd(100) < plain ? 'a' : alphabet[rnd(alphabet.length)];
      const bytes = b(text);
      const max = 1 + rnd(6);
      expect(jsonDeeperThan(bytes, max), text).toBe(reference(bytes, max));
      // The same text in random chunks (cut inside strings, escapes and backslash runs too).
      const scan = new JsonDepthScan(max);
      let deeper = false;
      for (let at = 0; at < bytes.length; ) {
        const next = Math.min(bytes.length, at + 1 + rnd(40));
        deeper = scan.push(bytes.subarray(at, next)) || deeper;
        at = next;
      }
      expect(deeper, `chunked: ${text}`).toBe(reference(bytes, max));
    }
  });

  it('catches a 3 MB nest without parsing it', () => {
    const depth = 1_500_000;
    const text = '{"x":' + '['.repeat(depth) + ']'.repeat(depth) + ',"model":"gpt-4o-mini"}';
    expect(jsonDeeperThan(b(text), 64)).toBe(true);
    expect(jsonDeeperThan(b('{"x":' + '['.repeat(63) + ']'.repeat(63) + '}'), 64)).toBe(false);
  });
});
