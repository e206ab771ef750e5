import { describe, expect, it } from 'vitest';
import { jsonDeeperThan } from './json-depth.js';

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

  it('catches a 3 MB nest without parsing it', () => {
    const depth = 1_500_000;
    const text = '{"x":' + '['.repeat(depth) + ']'.repeat(depth) + ',"model":"gpt-4o-mini"}';
    expect(jsonDeeperThan(b(text), 64)).toBe(true);
    expect(jsonDeeperThan(b('{"x":' + '['.repeat(63) + ']'.repeat(63) + '}'), 64)).toBe(false);
  });
});
