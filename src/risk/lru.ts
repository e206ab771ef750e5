// A Map bounded by entry count: touching an entry makes it newest; inserting past the cap evicts the oldest.
export class Lru<K, V> {
  readonly #map = new Map<K, V>();
  constructor(readonly max: number, private readonly onEvict?: (key: K, value: V) => void) {}

  get size(): number {
    return this.#map.size;
  }
  get(key: K): V | undefined {
    const v = this.#map.get(key);
    if (v !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, v);
    }
    return v;
  }
  peek(key: K): V | undefined {
    return this.#map.get(key);
  }
  set(key: K, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    while (this.#map.size > this.max) {
      const oldest = this.#map.keys().next();
      if (oldest.done) break;
      const v = this.#map.get(oldest.value)!;
      this.#map.delete(oldest.value);
      this.onEvict?.(oldest.value, v);
    }
  }
  delete(key: K): boolean {
    return this.#map.delete(key);
  }
  values(): IterableIterator<V> {
    return this.#map.values();
  }
}

/** Keeps at most `max` entries of a plain record, dropping the ones `score` ranks lowest. */
export function capRecord<V>(rec: Record<string, V>, max: number, score: (v: V) => number): void {
  const keys = Object.keys(rec);
  if (keys.length <= max) return;
  keys.sort((a, b) => score(rec[a]!) - score(rec[b]!));
  for (const k of keys.slice(0, keys.length - max)) delete rec[k];
}
