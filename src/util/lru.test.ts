import { describe, expect, it } from 'vitest';
import { Lru } from './lru.js';

// The Map-only LRU this one replaced (delete and re-insert on every hit): the reference behaviour.
class MapLru<K, V> {
  readonly map = new Map<K, V>();
  readonly evicted: [K, V][] = [];
  constructor(readonly max: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  peek(key: K): V | undefined {
    return this.map.get(key);
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      const v = this.map.get(oldest.value)!;
      this.map.delete(oldest.value);
      this.evicted.push([oldest.value, v]);
    }
  }
  delete(key: K): boolean {
    return this.map.delete(key);
  }
}

function rng(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
}

describe('Lru', () => {
  it('behaves exactly like a Map-ordered LRU: values, order, evictions (random operations)', () => {
    for (const max of [0, 1, 2, 7, 64]) {
      const r = rng(max + 1);
      const evicted: [number, number][] = [];
      const lru = new Lru<number, number>(max, (k, v) => evicted.push([k, v]));
      const ref = new MapLru<number, number>(max);
      for (let i = 0; i < 5000; i++) {
        const k = Math.floor(r() * max * 2 + 1);
        const op = r();
        if (op < 0.4) expect(lru.get(k)).toBe(ref.get(k));
        else if (op < 0.5) expect(lru.peek(k)).toBe(ref.peek(k));
        else if (op < 0.6) expect(lru.delete(k)).toBe(ref.delete(k));
        else {
          lru.set(k, i);
          ref.set(k, i);
        }
        expect(lru.size).toBe(ref.map.size);
      }
      expect([...lru.values()]).toEqual([...ref.map.values()]);
      expect(evicted).toEqual(ref.evicted);
    }
  });

  it('a hit makes an entry newest, so the oldest untouched one is evicted', () => {
    const out: string[] = [];
    const lru = new Lru<string, number>(2, (k) => out.push(k));
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect(out).toEqual(['b']);
    expect([...lru.values()]).toEqual([1, 3]);
  });

  it('peek does not change the order', () => {
    const out: string[] = [];
    const lru = new Lru<string, number>(2, (k) => out.push(k));
    lru.set('a', 1);
    lru.set('b', 2);
    lru.peek('a');
    lru.set('c', 3);
    expect(out).toEqual(['a']);
  });
});
