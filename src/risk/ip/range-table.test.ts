import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseV6 } from './addr.js';
import { OrgNames } from './org-names.js';
import { TableBuilder, type V4Table, type V6Table } from './range-table.js';

/** The plain form the compact tables replace: every row's start and end, searched for the last start ≤ ip. */
class Reference {
  readonly rows: { s: bigint; e: bigint; v: number }[] = [];
  add(s: bigint, e: bigint, v: number): void {
    this.rows.push({ s, e, v });
  }
  find(ip: bigint): number {
    let lo = 0;
    let hi = this.rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.rows[mid]!.s <= ip) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && this.rows[hi]!.e >= ip ? this.rows[hi]!.v : -1;
  }
}

const words = (x: bigint): Uint32Array => Uint32Array.from([3n, 2n, 1n, 0n].map((k) => Number((x >> (32n * k)) & 0xffffffffn)));
const big = (w: ArrayLike<number>): bigint => [0, 1, 2, 3].reduce((acc, k) => (acc << 32n) | BigInt(w[k]!), 0n);
const TOP6 = (1n << 128n) - 1n;

/** Every row's edges and their neighbours: where a compact form would go wrong if it did. */
function probesOf(ref: Reference, top: bigint): bigint[] {
  const out: bigint[] = [0n, top];
  for (const r of ref.rows) for (const x of [r.s - 1n, r.s, r.e, r.e + 1n, (r.s + r.e) / 2n]) if (x >= 0n && x <= top) out.push(x);
  return out;
}

describe('compact range tables', () => {
  it('IPv4: adjacent ranges, gaps, the top of the address space', () => {
    const b = new TableBuilder(1, 32);
    b.addV4(10, 20, 1);
    b.addV4(21, 29, 2); // adjacent: no gap entry
    b.addV4(40, 40, 3);
    b.addV4(0xfffffff0, 0xffffffff, 4);
    const t = b.v4();
    expect([...t.starts]).toEqual([10, 21, 30, 40, 41, 0xfffffff0]);
    expect([0, 9, 10, 20, 21, 29, 30, 39, 40, 41, 0xffffffef, 0xfffffff0, 0xffffffff].map((x) => t.find(x))).toEqual([-1, -1, 1, 1, 2, 2, -1, -1, 3, -1, -1, 4, 4]);
  });

  it('16-bit values (packed country codes) and an empty table', () => {
    const b = new TableBuilder(1, 16);
    b.addV4(5, 6, 0x4445);
    const t = b.v4();
    expect(t.values).toBeInstanceOf(Uint16Array);
    expect([4, 5, 6, 7].map((x) => t.find(x))).toEqual([-1, 0x4445, 0x4445, -1]);
    expect(new TableBuilder(1, 16).v4().find(5)).toBe(-1);
    expect(new TableBuilder(4, 32).v6().find(words(5n))).toBe(-1);
  });

  it('nested rows and repeated starts answer as the row search did; rows out of order are dropped', () => {
    const b = new TableBuilder(1, 16);
    b.addV4(100, 300, 1);
    b.addV4(150, 160, 2); // nested: the search lands on it from 150 to 299, and finds nothing past 160
    b.addV4(200, 210, 3);
    b.addV4(200, 205, 4); // same start: hides the one before
    b.addV4(50, 60, 5); // before the others: dropped
    b.addV4(400, 300, 6); // inverted: nothing from 400
    b.addV4(500, 600, 0xffff); // a value the table cannot hold: dropped, nothing there
    b.addV4(700, 800, 7);
    expect(b.dropped).toBe(2);
    const t = b.v4();
    expect([55, 100, 149, 150, 160, 161, 200, 205, 206, 299, 300, 400, 550, 700, 801].map((x) => t.find(x))).toEqual([-1, 1, 1, 2, 2, -1, 4, 4, -1, -1, -1, -1, -1, 7, -1]);
  });

  it('IPv6: whole-/64 ranges by their upper half, the others exactly, in one lookup', () => {
    const b = new TableBuilder(4, 32);
    const p = (s: string): Uint32Array => {
      const w = new Uint32Array(4);
      expect(parseV6(s, w)).toBe(true);
      return w;
    };
    b.addV6(p('2001:db8::'), p('2001:db8:0:ffff:ffff:ffff:ffff:ffff'), 1);
    b.addV6(p('2001:db8:1::'), p('2001:db8:1::ff'), 2); // inside one /64
    b.addV6(p('2001:db8:1:0:1::'), p('2001:db8:1:0:1::'), 3); // same /64, one address
    b.addV6(p('2001:db8:1:1::'), p('2001:db8:1:1:ffff:ffff:ffff:ffff'), 4); // the next /64, whole
    b.addV6(p('ffff:ffff:ffff:ffff::'), p('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'), 5);
    const t = b.v6();
    expect(t.fineValues.length).toBe(3); // the end of the second range, the start and end of the third
    expect(t.blockValues.length).toBe(5); // 2001:db8::/64 on and off, 2001:db8:1:: on at its start, off, and ffff:…
    const at = (s: string) => t.find(p(s));
    expect(
      ['2001:db7::', '2001:db8::1', '2001:db8:1::ff', '2001:db8:1::100', '2001:db8:1:0:1::', '2001:db8:1:0:1::1', '2001:db8:1:1::9', '2001:db8:1:2::', 'ffff:ffff:ffff:ffff:ffff::', '::'].map(at),
    ).toEqual([-1, 1, 2, -1, 3, -1, 4, -1, 5, -1]);
  });

  it('answers as the plain start/end form does, on random rows with gaps, adjacency and stray rows', () => {
    let seed = 7;
    /** mulberry32: deterministic, and every residue comes up. */
    const rnd = (n: number): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    for (const width of [1, 4] as const) {
      const top = width === 1 ? 0xffffffffn : TOP6;
      const b = new TableBuilder(width, 16);
      const ref = new Reference();
      let at = BigInt(rnd(100));
      for (let i = 0; i < 3000; i++) {
        // v6: mostly whole /64s, some ranges inside one
        const whole = width === 4 && rnd(4) > 0;
        const s = whole ? ((at >> 64n) + 1n) << 64n : at;
        const len = whole ? (BigInt(1 + rnd(3)) << 64n) - 1n : BigInt(rnd(50));
        const e = s + len;
        if (e > top) break;
        const v = rnd(40);
        if (width === 1) b.addV4(Number(s), Number(e), v);
        else b.addV6(words(s), words(e), v);
        ref.add(s, e, v);
        const more = (ms: bigint, me: bigint, mv: number): void => {
          if (width === 1) b.addV4(Number(ms), Number(me), mv);
          else b.addV6(words(ms), words(me), mv);
          ref.add(ms, me, mv);
        };
        const r = rnd(12);
        if (r === 0 && e > s) more(s + 1n, e - 1n, 30 + rnd(5)); // nested
        if (r === 1) more(s, s + BigInt(rnd(9)), 35); // same start again
        if (r === 2 && e > s + 3n) more(s + 2n, s + 1n, 36); // inverted
        if (r === 3) {
          // a row that starts before the last: dropped, not in the reference
          if (width === 1) b.addV4(Number(s) - 1, Number(e), 1);
          else b.addV6(words(s - 1n), words(e), 1);
        }
        if (r === 4 && width === 4) more(s + (1n << 64n) + 7n, s + (1n << 64n) + 9n, 37); // nested, inside a later /64
        at = (ref.rows[ref.rows.length - 1]!.s > e ? ref.rows[ref.rows.length - 1]!.s : e) + 1n + (rnd(3) === 0 ? 0n : BigInt(rnd(1000)));
      }
      expect(b.dropped).toBeGreaterThan(0);
      const probes = probesOf(ref, top);
      if (width === 1) {
        const t = b.v4();
        expect(probes.filter((x) => t.find(Number(x)) !== ref.find(x))).toEqual([]);
      } else {
        const t = b.v6();
        expect(t.fineValues.length).toBeGreaterThan(0);
        expect(probes.filter((x) => t.find(words(x)) !== ref.find(x))).toEqual([]);
      }
    }
  });
});

describe('the bundled data in compact form', () => {
  const req = createRequire(import.meta.url);
  const dir = (name: string): string => dirname(req.resolve(`${name}/package.json`));
  const lines = (file: string): string[][] =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => l.split(','));

  it.each([
    ['asn', 'asn-ipv4-num.csv', 32],
    ['geo-whois-asn-country', 'geo-whois-asn-country-ipv4-num.csv', 16],
  ] as const)('%s IPv4: every range edge answers as before', (pkg, file, bits) => {
    const b = new TableBuilder(1, bits);
    const ref = new Reference();
    for (const f of lines(join(dir(`@ip-location-db/${pkg}`), file))) {
      const v = bits === 16 ? (f[2]!.charCodeAt(0) << 8) | f[2]!.charCodeAt(1) : Number(f[2]);
      b.addV4(Number(f[0]), Number(f[1]), v);
      ref.add(BigInt(f[0]!), BigInt(f[1]!), v);
    }
    const t: V4Table = b.v4();
    expect(b.dropped).toBe(0);
    const wrong = probesOf(ref, 0xffffffffn).filter((x) => t.find(Number(x)) !== ref.find(x));
    expect(wrong).toEqual([]);
    // the point of it: well under the start/end/value form
    expect(t.bytes()).toBeLessThan(0.8 * ref.rows.length * 12);
  });

  it.each([
    ['asn', 'asn-ipv6.csv', 32],
    ['geo-whois-asn-country', 'geo-whois-asn-country-ipv6.csv', 16],
  ] as const)('%s IPv6: every range edge answers as before', (pkg, file, bits) => {
    const b = new TableBuilder(4, bits);
    const ref = new Reference();
    const s = new Uint32Array(4);
    const e = new Uint32Array(4);
    for (const f of lines(join(dir(`@ip-location-db/${pkg}`), file))) {
      if (!parseV6(f[0]!, s) || !parseV6(f[1]!, e)) continue;
      const v = bits === 16 ? (f[2]!.charCodeAt(0) << 8) | f[2]!.charCodeAt(1) : Number(f[2]);
      b.addV6(s, e, v);
      ref.add(big(s), big(e), v);
    }
    const t: V6Table = b.v6();
    expect(b.dropped).toBe(0);
    const wrong = probesOf(ref, TOP6).filter((x) => t.find(words(x)) !== ref.find(x));
    expect(wrong).toEqual([]);
    expect(t.bytes()).toBeLessThan(0.6 * ref.rows.length * 36);
  });
});

describe('packed org names', () => {
  it('answers as a map of the first name given per ASN, in any script', () => {
    const pairs: [number, string][] = [
      [24940, 'Hetzner Online GmbH'],
      [13335, 'Cloudflare, Inc.'],
      [4134, 'Chinanet 中国电信'],
      [13335, 'a later name'],
      [0xfffffffe, 'Ünïcode'],
    ];
    const names = OrgNames.from(pairs);
    expect(names.size).toBe(4);
    expect([24940, 13335, 4134, 0xfffffffe, 1, 99999].map((a) => names.get(a))).toEqual(['Hetzner Online GmbH', 'Cloudflare, Inc.', 'Chinanet 中国电信', 'Ünïcode', undefined, undefined]);
    expect([...names.entries()].map(([a]) => a)).toEqual([4134, 13335, 24940, 0xfffffffe]);
    expect(OrgNames.from([]).get(1)).toBeUndefined();
  });
});
