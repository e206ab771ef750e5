// The ASN owners' names, packed: sorted ASNs, offsets into one UTF-8 buffer, a name decoded when asked for.
// (As a Map of 91 000 strings they took ~8 MB of heap for the life of the process; packed, ~3 MB outside it.)

export class OrgNames {
  constructor(
    /** Ascending. */
    readonly asns: Uint32Array,
    /** Name i is utf8[offsets[i], offsets[i+1]); asns.length + 1 entries. */
    readonly offsets: Uint32Array,
    readonly utf8: Uint8Array,
  ) {}

  /** From (asn, name) pairs in any order; the first name given for an ASN wins. */
  static from(pairs: Iterable<readonly [number, string]>): OrgNames {
    const byAsn = new Map<number, string>();
    for (const [asn, name] of pairs) if (!byAsn.has(asn)) byAsn.set(asn, name);
    const asns = Uint32Array.from([...byAsn.keys()].sort((a, b) => a - b));
    const encoded = [...asns].map((a) => Buffer.from(byAsn.get(a)!, 'utf8'));
    const offsets = new Uint32Array(asns.length + 1);
    encoded.forEach((b, i) => (offsets[i + 1] = offsets[i]! + b.length));
    return new OrgNames(asns, offsets, new Uint8Array(Buffer.concat(encoded)));
  }

  get size(): number {
    return this.asns.length;
  }

  get(asn: number): string | undefined {
    const a = this.asns;
    let lo = 0;
    let hi = a.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = a[mid]!;
      if (x === asn) return this.#name(mid);
      if (x < asn) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** Every (asn, name), ascending by ASN. */
  *entries(): IterableIterator<[number, string]> {
    for (let i = 0; i < this.asns.length; i++) yield [this.asns[i]!, this.#name(i)];
  }

  #name(i: number): string {
    const from = this.offsets[i]!;
    return Buffer.from(this.utf8.buffer, this.utf8.byteOffset + from, this.offsets[i + 1]! - from).toString('utf8');
  }

  bytes(): number {
    return this.asns.byteLength + this.offsets.byteLength + this.utf8.byteLength;
  }
}
