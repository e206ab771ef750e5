// IP range tables in compact typed arrays, looked up by binary search (IPv4 and IPv6).
//
// The data files list ranges by ascending start, some nested in others. A lookup answers as a
// binary search over the rows always has: the last row starting at or below the address, if it
// also ends at or above it. That answer is a step function of the address, stored in boundary
// form: where each step starts and its value (`none` for no range). Most ranges end where the
// next begins, so this takes about one key per range instead of a start and an end.
// IPv6 steps nearly all fall on /64 boundaries: those are keyed by the upper 64 bits; the few
// that fall inside a /64 keep all 128 bits, in a second, small table.

/** Values the tables hold: ASNs (32-bit) or packed country codes (16-bit). */
export type Values = Uint32Array | Uint16Array;

/** The value that marks "no range": the type's largest (never an ASN in use, never a packed country code). */
export const noneOf = (v: Values): number => (v instanceof Uint16Array ? 0xffff : 0xffffffff);

/** Index of the last of `n` keys of `width` words (most significant first) that is ≤ ip, or -1. */
function lastAtOrBelow(keys: Uint32Array, width: 2 | 4, n: number, ip: ArrayLike<number>): number {
  let lo = 0;
  let hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    let c = 0;
    for (let k = 0, at = mid * width; k < width && c === 0; k++) {
      const x = keys[at + k]!;
      const y = ip[k]!;
      if (x !== y) c = x < y ? -1 : 1;
    }
    if (c <= 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}

/** IPv4 steps: `values[i]` holds from starts[i] up to starts[i+1]-1; none before the first. */
export class V4Table {
  readonly #none: number;
  constructor(
    readonly starts: Uint32Array,
    readonly values: Values,
  ) {
    this.#none = noneOf(values);
  }
  /** Value of the range holding `ip`, or -1. */
  find(ip: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid]! <= ip) lo = mid + 1;
      else hi = mid - 1;
    }
    const v = hi >= 0 ? this.values[hi]! : this.#none;
    return v === this.#none ? -1 : v;
  }
  bytes(): number {
    return this.starts.byteLength + this.values.byteLength;
  }
}

/**
 * IPv6 steps: `blockStarts` (two words each: the upper 64 bits) give the value at the start of
 * every /64; `fineStarts` (four words each) the steps inside a /64, which win within their /64.
 */
export class V6Table {
  readonly #none: number;
  constructor(
    readonly blockStarts: Uint32Array,
    readonly blockValues: Values,
    readonly fineStarts: Uint32Array,
    readonly fineValues: Values,
  ) {
    this.#none = noneOf(blockValues);
  }
  find(ip: Uint32Array): number {
    const f = lastAtOrBelow(this.fineStarts, 4, this.fineValues.length, ip);
    let v: number;
    if (f >= 0 && this.fineStarts[f * 4] === ip[0] && this.fineStarts[f * 4 + 1] === ip[1]) v = this.fineValues[f]!;
    else {
      const b = lastAtOrBelow(this.blockStarts, 2, this.blockValues.length, ip);
      v = b >= 0 ? this.blockValues[b]! : this.#none;
    }
    return v === this.#none ? -1 : v;
  }
  bytes(): number {
    return this.blockStarts.byteLength + this.blockValues.byteLength + this.fineStarts.byteLength + this.fineValues.byteLength;
  }
}

const LOW64 = (1n << 64n) - 1n;
const toBig = (w: ArrayLike<number>): bigint => (((((BigInt(w[0]!) << 32n) | BigInt(w[1]!)) << 32n) | BigInt(w[2]!)) << 32n) | BigInt(w[3]!);

function words(keys: readonly bigint[], width: 1 | 2 | 4): Uint32Array {
  const out = new Uint32Array(keys.length * width);
  keys.forEach((k, i) => {
    for (let j = 0; j < width; j++) out[i * width + j] = Number((k >> BigInt(32 * (width - 1 - j))) & 0xffffffffn);
  });
  return out;
}

/**
 * Builds a table from rows in ascending start order (the data files are sorted; a row that starts
 * before the previous one is dropped and counted in `dropped`, as is one whose value the table cannot
 * hold: it then answers "no range" where it would have answered). Built once per data version, in
 * the child process that writes the cache file, so it favours plain bigint arithmetic over speed.
 */
export class TableBuilder {
  readonly #none: number;
  readonly #top: bigint;
  readonly #keys: bigint[] = [];
  readonly #values: number[] = [];
  #pending: { s: bigint; e: bigint; v: number } | undefined;
  dropped = 0;
  constructor(
    readonly width: 1 | 4,
    /** 16: values are packed country codes; 32: ASNs. */
    readonly bits: 16 | 32 = 32,
  ) {
    this.#none = bits === 16 ? 0xffff : 0xffffffff;
    this.#top = width === 1 ? 0xffffffffn : (1n << 128n) - 1n;
  }
  addV4(start: number, end: number, value: number): void {
    this.#add(BigInt(start >>> 0), BigInt(end >>> 0), value);
  }
  addV6(start: Uint32Array, end: Uint32Array, value: number): void {
    this.#add(toBig(start), toBig(end), value);
  }
  #add(s: bigint, e: bigint, value: number): void {
    const p = this.#pending;
    if (p && s < p.s) {
      this.dropped++;
      return;
    }
    let v = value;
    if (!(Number.isInteger(v) && v >= 0 && v < this.#none)) {
      this.dropped++;
      v = this.#none;
    }
    // A row starting where the previous one does hides it: the search lands on the later row.
    if (p && s > p.s) this.#close(p, s);
    this.#pending = { s, e, v };
  }
  /** The steps of the last row: its value from its start, "no range" after its end unless the next row starts first. */
  #close(p: { s: bigint; e: bigint; v: number }, next: bigint | undefined): void {
    if (p.e < p.s) return this.#step(p.s, this.#none);
    this.#step(p.s, p.v);
    const after = p.e + 1n;
    if (after <= this.#top && (next === undefined || after < next)) this.#step(after, this.#none);
  }
  #step(key: bigint, value: number): void {
    const last = this.#values.length > 0 ? this.#values[this.#values.length - 1] : this.#none;
    if (value !== last) {
      this.#keys.push(key);
      this.#values.push(value);
    }
  }
  #finish(): void {
    if (this.#pending) this.#close(this.#pending, undefined);
    this.#pending = undefined;
  }
  #typed(values: readonly number[]): Values {
    return this.bits === 16 ? Uint16Array.from(values) : Uint32Array.from(values);
  }
  v4(): V4Table {
    this.#finish();
    return new V4Table(words(this.#keys, 1), this.#typed(this.#values));
  }
  v6(): V6Table {
    this.#finish();
    const keys = this.#keys;
    const values = this.#values;
    /** The step function's value at `at`. */
    const at = (x: bigint): number => {
      let lo = 0;
      let hi = keys.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (keys[mid]! <= x) lo = mid + 1;
        else hi = mid - 1;
      }
      return hi >= 0 ? values[hi]! : this.#none;
    };
    const fineKeys: bigint[] = [];
    const fineValues: number[] = [];
    // The /64s whose starting value may differ from the previous /64's: where a step falls, and after one inside a /64.
    const blocks: bigint[] = [];
    keys.forEach((k, i) => {
      const block = k >> 64n;
      if ((k & LOW64) === 0n) blocks.push(block);
      else {
        fineKeys.push(k);
        fineValues.push(values[i]!);
        if (block < LOW64) blocks.push(block + 1n);
      }
    });
    const blockKeys: bigint[] = [];
    const blockValues: number[] = [];
    let last = this.#none;
    for (let i = 0; i < blocks.length; i++) {
      if (i > 0 && blocks[i] === blocks[i - 1]) continue;
      const v = at(blocks[i]! << 64n);
      if (v === last) continue;
      blockKeys.push(blocks[i]!);
      blockValues.push(v);
      last = v;
    }
    return new V6Table(words(blockKeys, 2), this.#typed(blockValues), words(fineKeys, 4), this.#typed(fineValues));
  }
}
