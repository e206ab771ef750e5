// IP intelligence: country, ASN, org and network class for an address, from local data only.
import { readFileSync } from 'node:fs';
import { Lru } from '../../util/lru.js';
import { blockOf, isPrivate, parseIp, parseV4, parseV6, sourceIdOf } from './addr.js';
import type { IpDb } from './db.js';
import { unpackCountry } from './load-db.js';
import { classifyAsn, type NetClass } from './net-class.js';

export interface IpInfo {
  readonly ip: string;
  readonly country: string | null;
  readonly asn: number | null;
  readonly org: string | null;
  readonly netClass: NetClass;
  /** Labels of operator lists that contain the address (e.g. "tor", "office"). */
  readonly lists: readonly string[];
}

/** An operator-supplied list: CIDRs (inline or one per line in a file) with a label. */
export interface CidrList {
  readonly label: string;
  /** When set, the class a match forces (e.g. a Tor exit list → "tor"). */
  readonly netClass?: NetClass | undefined;
  readonly cidrs?: readonly string[] | undefined;
  readonly file?: string | undefined;
}

/** Everything the risk stages derive from a client address alone. */
export interface IpPlace {
  /** See sourceIdOf: the IPv4 address or the IPv6 /64. */
  readonly sourceId: string;
  /** See blockOf: IPv4 /24, IPv6 /48. */
  readonly block: string;
  readonly net: IpInfo;
}

/** Distinct client addresses whose place is kept (a request from another one just computes it). */
export const PLACE_MEMO_SIZE = 4096;

interface Compiled {
  readonly label: string;
  readonly netClass: NetClass | undefined;
  readonly v4: { lo: number; hi: number }[];
  readonly v6: { net: Uint32Array; prefix: number }[];
}

function compile(list: CidrList): Compiled {
  const lines = [...(list.cidrs ?? [])];
  if (list.file) lines.push(...readFileSync(list.file, 'utf8').split(/\r?\n/));
  const v4: Compiled['v4'] = [];
  const v6: Compiled['v6'] = [];
  for (const raw of lines) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [addr, pfx] = line.split('/');
    const n = parseV4(addr!);
    if (n !== undefined) {
      const prefix = pfx === undefined ? 32 : Number(pfx);
      if (!(prefix >= 0 && prefix <= 32)) throw new Error(`invalid CIDR in list ${list.label}: ${line}`);
      const size = 2 ** (32 - prefix);
      const lo = Math.floor(n / size) * size;
      v4.push({ lo, hi: lo + size - 1 });
      continue;
    }
    const w = new Uint32Array(4);
    const prefix = pfx === undefined ? 128 : Number(pfx);
    if (!parseV6(addr!, w) || !(prefix >= 0 && prefix <= 128)) throw new Error(`invalid CIDR in list ${list.label}: ${line}`);
    v6.push({ net: w, prefix });
  }
  return { label: list.label, netClass: list.netClass, v4, v6 };
}

function v6Match(ip: Uint32Array, net: Uint32Array, prefix: number): boolean {
  for (let k = 0; k < 4 && prefix > 0; k++, prefix -= 32) {
    const bits = Math.min(32, prefix);
    const mask = bits === 32 ? 0xffffffff : ~(0xffffffff >>> bits) >>> 0;
    if ((ip[k]! & mask) >>> 0 !== (net[k]! & mask) >>> 0) return false;
  }
  return true;
}

export class IpIntel {
  readonly #lists: Compiled[];
  /** The data and lists never change after construction, so a place is a pure function of the address string. */
  readonly #places = new Lru<string, IpPlace>(PLACE_MEMO_SIZE);
  constructor(
    readonly db: IpDb | undefined,
    lists: readonly CidrList[] = [],
  ) {
    this.#lists = lists.map(compile);
  }

  /** sourceIdOf, blockOf and lookup of one address, memoised per address (bounded LRU). */
  place(ip: string): IpPlace {
    let p = this.#places.get(ip);
    if (!p) {
      // Frozen: one object answers every request from this address.
      const net = this.lookup(ip);
      Object.freeze(net.lists);
      p = Object.freeze({ sourceId: sourceIdOf(ip), block: blockOf(ip), net: Object.freeze(net) });
      this.#places.set(ip, p);
    }
    return p;
  }

  lookup(ip: string): IpInfo {
    const p = parseIp(ip);
    if (!p) return { ip, country: null, asn: null, org: null, netClass: 'unknown', lists: [] };
    const lists: string[] = [];
    let forced: NetClass | undefined;
    for (const l of this.#lists) {
      const hit = p.v === 4 ? l.v4.some((r) => p.n >= r.lo && p.n <= r.hi) : l.v6.some((r) => v6Match(p.w, r.net, r.prefix));
      if (hit) {
        lists.push(l.label);
        forced ??= l.netClass;
      }
    }
    if (isPrivate(p)) return { ip, country: null, asn: null, org: null, netClass: forced ?? 'private', lists };
    let asn: number | null = null;
    let country: string | null = null;
    if (this.db) {
      const a = p.v === 4 ? this.db.asnV4.find(p.n) : this.db.asnV6.find(p.w);
      const c = p.v === 4 ? this.db.countryV4.find(p.n) : this.db.countryV6.find(p.w);
      asn = a >= 0 ? a : null;
      country = c >= 0 ? unpackCountry(c) : null;
    }
    const org = asn === null ? null : (this.db?.orgs.get(asn) ?? null);
    return { ip, country, asn, org, netClass: forced ?? classifyAsn(asn, org), lists };
  }
}
