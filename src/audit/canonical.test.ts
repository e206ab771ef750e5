import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonOfJson, inCanonicalOrderAlready, isCanonical } from './canonical.js';

/** A repeatable pseudo-random source: rnd(n) is in [0, n). */
const seeded =
  (seed: number) =>
  (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);

/** One of the leaf values an event can hold, or that JSON writes specially (undefined, NaN, -0). */
function scalar(rnd: (n: number) => number, kind: number): unknown {
  switch (kind) {
    case 0:
      return rnd(1000) / 7;
    case 1:
      return `s${rnd(100)}\n"é`;
    case 2:
      return null;
    case 3:
      return rnd(2) === 0;
    default:
      return [undefined, NaN, -0][rnd(3)];
  }
}

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

describe('canonicalJsonOfJson', () => {
  class Thing {
    a = 1;
    b = undefined;
    method(): number {
      return 2;
    }
  }
  const when = new Date('2026-01-02T03:04:05.678Z');
  it.each([
    ['a flat event', { time: 't', kind: 'request', status: 200, keyId: null, latencyMs: 1.25 }],
    ['nested values', { z: { y: [3, { d: null, c: true }] }, a: 'x', usage: { total: 3, prompt: 1 } }],
    ['what JSON drops', { u: undefined, f: () => 1, s: Symbol('x'), arr: [undefined, () => 1, Symbol('y'), 1] }],
    ['non-finite numbers', { n: NaN, i: -Infinity, z: -0, arr: [NaN, Infinity] }],
    ['toJSON (Dates) and boxed primitives', { d: when, nested: { d: [when] }, n: Object(5), s: Object('x'), b: Object(false) }],
    ['class instances, Maps and buffers', { t: new Thing(), m: new Map([[1, 2]]), buf: Buffer.from('hi') }],
    ['keys that need escaping and odd strings', { 'a"b': 1, 'k\n': 2, é: 3, Z: 4, '\u2028': 5, s: 'é"\n\u2028\ud800' }],
    ['integer-like keys', { 10: 'a', 2: 'b', x: 'c', '-1': 'd' }],
    ['a __proto__ member (JSON.parse makes one), out of order', JSON.parse('{"b":1,"__proto__":{"y":1,"x":1},"a":[{"z":1,"__proto__":2}]}') as object],
    ['a repeated shape with other values', { time: 'u', kind: 'admin', status: 201, keyId: 'k', latencyMs: 2 }],
  ])('%s: equals canonicalJson of the JSON round trip', (_name, v) => {
    expect(canonicalJsonOfJson(v)).toBe(canonicalJson(JSON.parse(JSON.stringify(v))));
  });

  it('leaves out the named top-level members only', () => {
    const v = { text: { prompt: 'p' }, keepText: true, detail: { text: 'kept' }, a: 1 };
    expect(canonicalJsonOfJson(v, new Set(['text', 'keepText']))).toBe('{"a":1,"detail":{"text":"kept"}}');
  });

  it('sorts objects of one shape whatever their key order, and a new shape after a cached one', () => {
    expect(canonicalJsonOfJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
    expect(canonicalJsonOfJson({ b: 1, c: 3, a: 2 })).toBe('{"a":2,"b":1,"c":3}');
    expect(canonicalJsonOfJson({ b: 1, a: 2, d: 4 })).toBe('{"a":2,"b":1,"d":4}');
    expect(canonicalJsonOfJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
  });

  it('throws where JSON.stringify does', () => {
    const o: Record<string, unknown> = {};
    o.self = o;
    expect(() => canonicalJsonOfJson(o)).toThrow(/cycle/);
    expect(() => canonicalJsonOfJson({ v: 10n })).toThrow(TypeError);
  });

  it('equals canonicalJson of the JSON round trip on random nested data (key order, index keys, __proto__, omitted members)', () => {
    const rnd = seeded(7);
    const keyPool = ['b', 'a', 'zeta', 'Z', '10', '9', '0', '__proto__', 'é', 'a"b', 'text', 'keepText', '-1', '4294967295'];
    const value = (depth: number): unknown => {
      const pick = depth > 3 ? rnd(5) : rnd(9);
      switch (pick) {
        case 0:
        case 1:
        case 2:
        case 3:
        case 4:
          return scalar(rnd, pick);
        case 5:
        case 6: {
          const o: Record<string, unknown> = {};
          for (let i = rnd(6); i > 0; i--) Object.defineProperty(o, keyPool[rnd(keyPool.length)]!, { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
          return o;
        }
        case 7:
          return Array.from({ length: rnd(4) }, () => value(depth + 1));
        default:
          return new Date(rnd(10) * 86_400_000);
      }
    };
    const omit = new Set(['text', 'keepText']);
    for (let n = 0; n < 2000; n++) {
      const v = { kind: 'x', ...(value(0) as object), nested: value(0) };
      const roundTrip = JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
      for (const k of omit) delete roundTrip[k];
      expect(canonicalJsonOfJson(v, omit)).toBe(canonicalJson(roundTrip));
    }
  });

  it('writes data already in canonical order natively, and only where that is the canonical text', () => {
    const rnd = seeded(11);
    const keyPool = ['0', '1', '10', '9', 'Z', '__proto__', 'a', 'a"b', 'b', 'keepText', 'text', 'zeta', 'é'];
    // Mostly sorted keys, members valued undefined anywhere, now and then one out of order or not plain.
    const value = (depth: number): unknown => {
      const pick = depth > 3 ? rnd(5) : rnd(10);
      switch (pick) {
        case 0:
        case 1:
        case 2:
        case 3:
        case 4:
          return scalar(rnd, pick);
        case 5:
        case 6:
        case 7: {
          const keys = keyPool.filter(() => rnd(3) === 0);
          if (rnd(8) === 0) keys.reverse();
          const o: Record<string, unknown> = rnd(6) === 0 ? Object.create(null) : {};
          for (const k of keys) Object.defineProperty(o, k, { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
          if (rnd(3) === 0) o[keyPool[rnd(keyPool.length)]!] = undefined;
          return o;
        }
        case 8:
          return Array.from({ length: rnd(4) }, () => value(depth + 1));
        default:
          return rnd(4) === 0 ? new Date(rnd(10) * 86_400_000) : { a: [1, { b: 2 }] };
      }
    };
    const omit = new Set(['text', 'keepText']);
    let native = 0;
    for (let n = 0; n < 3000; n++) {
      const v = value(0);
      if (typeof v !== 'object' || v === null) continue;
      const expected = canonicalJson(JSON.parse(JSON.stringify(v)));
      expect(canonicalJsonOfJson(v)).toBe(expected);
      if (inCanonicalOrderAlready(v)) {
        native++;
        expect(JSON.stringify(v)).toBe(expected);
      }
      const roundTrip = JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
      if (!Array.isArray(v)) for (const k of omit) delete roundTrip[k];
      expect(canonicalJsonOfJson(v, omit)).toBe(canonicalJson(roundTrip));
    }
    expect(native).toBeGreaterThan(300);
  });

  it('tells values JSON.stringify writes canonically from those it does not', () => {
    expect(inCanonicalOrderAlready({ a: 1, b: { c: [{ d: 1, e: 2 }] } })).toBe(true);
    expect(inCanonicalOrderAlready({ z: undefined, a: 1, b: 2, c: undefined })).toBe(true);
    expect(inCanonicalOrderAlready({ a: 1, b: { e: 1, d: 2 } })).toBe(false);
    expect(inCanonicalOrderAlready({ a: [{ b: 1, a: 2 }] })).toBe(false);
    expect(inCanonicalOrderAlready({ 10: 'a', 9: 'b' })).toBe(false);
    expect(inCanonicalOrderAlready({ a: new Date(0) })).toBe(false);
    expect(inCanonicalOrderAlready({ a: Object(1) })).toBe(false);
    expect(canonicalJsonOfJson({ a: 1, text: undefined, b: 2 }, new Set(['text']))).toBe('{"a":1,"b":2}');
    expect(canonicalJsonOfJson({ a: 1, b: 2, text: 't' }, new Set(['text']))).toBe('{"a":1,"b":2}');
  });
});
