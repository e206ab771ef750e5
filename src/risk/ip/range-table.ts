// Sorted, non-overlapping IP ranges in typed arrays, looked up by binary search (IPv4 and IPv6).

/** IPv4 ranges: parallel arrays of start, end, and a value index. */
export class V4Table {
  constructor(
    readonly starts: Uint32Array,
    readonly ends: Uint32Array,
    readonly values: Uint32Array,
  ) {}
  get size(): number {
    return this.starts.length;
  }
  /** Value index of the range holding `ip`, or -1. */
  find(ip: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid]! <= ip) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && this.ends[hi]! >= ip ? this.values[hi]! : -1;
  }
  bytes(): number {
    return this.starts.byteLength + this.ends.byteLength + this.values.byteLength;
  }
}

function cmp(a: Uint32Array, ai: number, b: Uint32Array, bi: number): number {
  for (let k = 0; k < 4; k++) {
    const x = a[ai + k]!;
    const y = b[bi + k]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** IPv6 ranges: starts and ends as four words each (stride 4). */
export class V6Table {
  constructor(
    readonly starts: Uint32Array,
    readonly ends: Uint32Array,
    readonly values: Uint32Array,
  ) {}
  get size(): number {
    return this.values.length;
  }
  find(ip: Uint32Array): number {
    let lo = 0;
    let hi = this.values.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(this.starts, mid * 4, ip, 0) <= 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && cmp(this.ends, hi * 4, ip, 0) >= 0 ? this.values[hi]! : -1;
  }
  bytes(): number {
    return this.starts.byteLength + this.ends.byteLength + this.values.byteLength;
  }
}

/** Growable builder: rows must be appended in ascending start order (the data files are sorted). */
export class TableBuilder {
  #starts: Uint32Array;
  #ends: Uint32Array;
  #values: Uint32Array;
  #n = 0;
  constructor(
    readonly width: 1 | 4,
    capacity = 1024,
  ) {
    this.#starts = new Uint32Array(capacity * width);
    this.#ends = new Uint32Array(capacity * width);
    this.#values = new Uint32Array(capacity);
  }
  #grow(): void {
    const grow = (a: Uint32Array): Uint32Array => {
      const b = new Uint32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.#starts = grow(this.#starts);
    this.#ends = grow(this.#ends);
    this.#values = grow(this.#values);
  }
  addV4(start: number, end: number, value: number): void {
    if (this.#n === this.#values.length) this.#grow();
    this.#starts[this.#n] = start;
    this.#ends[this.#n] = end;
    this.#values[this.#n++] = value;
  }
  addV6(start: Uint32Array, end: Uint32Array, value: number): void {
    if (this.#n === this.#values.length) this.#grow();
    this.#starts.set(start, this.#n * 4);
    this.#ends.set(end, this.#n * 4);
    this.#values[this.#n++] = value;
  }
  v4(): V4Table {
    const n = this.#n;
    return new V4Table(this.#starts.slice(0, n), this.#ends.slice(0, n), this.#values.slice(0, n));
  }
  v6(): V6Table {
    const n = this.#n;
    return new V6Table(this.#starts.slice(0, n * 4), this.#ends.slice(0, n * 4), this.#values.slice(0, n));
  }
}
