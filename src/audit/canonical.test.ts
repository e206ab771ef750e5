import { describe, expect, it } from 'vitest';
import { canonicalJson, isCanonical } from './canonical.js';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: [3, { d: null, c: true }] }, a: 'x' }, '{"a":"x","z":{"y":[3,{"c":true,"d":null}]}}'],
    [{ a: undefined, b: 1 }, '{"b":1}'],
    [[1, undefined, 2], '[1,null,2]'],
    [{ n: -0 }, '{"n":0}'],
    [{ n: 1e21, m: 0.1, k: 1.5e-7 }, '{"k":1.5e-7,"m":0.1,"n":1e+21}'],
    [{ s: 'é"\n\u2028' }, '{"s":"é\\"\\n\u2028"}'],
    // UTF-16 code unit order: uppercase before lowercase, "é" after "z".
    [{ é: 1, z: 2, Z: 3 }, '{"Z":3,"z":2,"é":1}'],
  ])('%j → %s', (input, expected) => {
    expect(canonicalJson(input)).toBe(expected);
  });

  it('is independent of key insertion order', () => {
    const a = { time: 't', kind: 'request', usage: { total: 3, prompt: 1 } };
    const b = { usage: { prompt: 1, total: 3 }, kind: 'request', time: 't' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it.each([[NaN], [Infinity], [10n], [() => 1]])('rejects %s', (v) => {
    expect(() => canonicalJson({ v })).toThrow(TypeError);
  });

  it('rejects cycles', () => {
    const o: Record<string, unknown> = {};
    o.self = o;
    expect(() => canonicalJson(o)).toThrow(/cycle/);
  });

  it('detects non-canonical text', () => {
    expect(isCanonical('{"a":1,"b":2}')).toBe(true);
    expect(isCanonical('{"b":2,"a":1}')).toBe(false);
    expect(isCanonical('{"a": 1}')).toBe(false);
    expect(isCanonical('{"a":1.0}')).toBe(false);
    expect(isCanonical('{"a":1')).toBe(false);
  });
});
