// A Map bounded by entry count: touching an entry makes it newest; inserting past the cap evicts the oldest.
// Recency is a doubly linked list beside the Map: a hit moves a node, it does not delete and re-insert the Map
// entry (a Map near its table capacity rehashes every few such re-insertions: microseconds per hit).
interface Node<K, V> {
  readonly key: K;
  value: V;
  /** Older neighbour. */
  prev: Node<K, V> | undefined;
  /** Newer neighbour. */
  next: Node<K, V> | undefined;
}

export class Lru<K, V> {
  readonly #map = new Map<K, Node<K, V>>();
  /** Oldest. */
  #head: Node<K, V> | undefined;
  /** Newest. */
  #tail: Node<K, V> | undefined;
  constructor(
    readonly max: number,
    private readonly onEvict?: (key: K, value: V) => void,
  ) {}

  get size(): number {
    return this.#map.size;
  }
  get(key: K): V | undefined {
    const n = this.#map.get(key);
    if (n === undefined) return undefined;
    if (n.value !== undefined) this.#toNewest(n);
    return n.value;
  }
  peek(key: K): V | undefined {
    return this.#map.get(key)?.value;
  }
  set(key: K, value: V): void {
    const n = this.#map.get(key);
    if (n !== undefined) {
      n.value = value;
      this.#toNewest(n);
    } else {
      const node: Node<K, V> = { key, value, prev: this.#tail, next: undefined };
      if (this.#tail) this.#tail.next = node;
      else this.#head = node;
      this.#tail = node;
      this.#map.set(key, node);
    }
    while (this.#map.size > this.max) {
      const oldest = this.#head;
      if (oldest === undefined) break;
      this.#unlink(oldest);
      this.#map.delete(oldest.key);
      this.onEvict?.(oldest.key, oldest.value);
    }
  }
  delete(key: K): boolean {
    const n = this.#map.get(key);
    if (n === undefined) return false;
    this.#unlink(n);
    return this.#map.delete(key);
  }
  /** Oldest first. */
  *values(): IterableIterator<V> {
    for (let n = this.#head; n !== undefined; n = n.next) yield n.value;
  }
  /** Oldest first (a snapshot: safe to delete while walking it). */
  keys(): K[] {
    const out: K[] = [];
    for (let n = this.#head; n !== undefined; n = n.next) out.push(n.key);
    return out;
  }

  #unlink(n: Node<K, V>): void {
    if (n.prev) n.prev.next = n.next;
    else this.#head = n.next;
    if (n.next) n.next.prev = n.prev;
    else this.#tail = n.prev;
    n.prev = n.next = undefined;
  }
  #toNewest(n: Node<K, V>): void {
    if (n === this.#tail) return;
    this.#unlink(n);
    n.prev = this.#tail;
    if (this.#tail) this.#tail.next = n;
    else this.#head = n;
    this.#tail = n;
  }
}

/** Keeps at most `max` entries of a plain record, dropping the ones `score` ranks lowest. */
export function capRecord<V>(rec: Record<string, V>, max: number, score: (v: V) => number): void {
  const keys = Object.keys(rec);
  if (keys.length <= max) return;
  keys.sort((a, b) => score(rec[a]!) - score(rec[b]!));
  for (const k of keys.slice(0, keys.length - max)) delete rec[k];
}
