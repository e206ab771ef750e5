// CIDR parsing and matching for IPv4 and IPv6 (IPv4-mapped IPv6 treated as IPv4).
import { isIP } from 'node:net';

export interface Cidr {
  readonly v: 4 | 6;
  readonly bits: bigint;
  readonly prefix: number;
}

export function normaliseIp(ip: string): string {
  if (ip.charCodeAt(0) !== 58 /* : */) return ip; // only ::ffff:a.b.c.d changes
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return m ? m[1]! : ip;
}

export function ipToBigInt(ip: string): { v: 4 | 6; n: bigint } | undefined {
  ip = normaliseIp(ip.trim());
  const kind = isIP(ip);
  if (kind === 4) {
    const p = ip.split('.').map(Number);
    return { v: 4, n: BigInt(((p[0]! << 24) >>> 0) + (p[1]! << 16) + (p[2]! << 8) + p[3]!) };
  }
  if (kind === 6) {
    const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, undefined];
    const h = head ? head.split(':') : [];
    const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
    const expand = (parts: string[]): string[] =>
      parts.flatMap((x) => {
        if (!x.includes('.')) return [x];
        const n = ipToBigInt(x)!.n;
        return [(n >> 16n).toString(16), (n & 0xffffn).toString(16)];
      });
    const hh = expand(h);
    const tt = expand(t);
    const fill = tail === undefined ? [] : new Array(8 - hh.length - tt.length).fill('0');
    const all = [...hh, ...fill, ...tt];
    let n = 0n;
    for (const g of all) n = (n << 16n) + BigInt(parseInt(g || '0', 16));
    return { v: 6, n };
  }
  return undefined;
}

export function parseCidr(s: string): Cidr | undefined {
  const [addr, pfx] = s.trim().split('/');
  const ip = ipToBigInt(addr ?? '');
  if (!ip) return undefined;
  const max = ip.v === 4 ? 32 : 128;
  const prefix = pfx === undefined ? max : Number(pfx);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max || (pfx !== undefined && !/^\d+$/.test(pfx))) return undefined;
  const shift = BigInt(max - prefix);
  return { v: ip.v, bits: (ip.n >> shift) << shift, prefix };
}

export function cidrContains(c: Cidr, ip: string): boolean {
  const x = ipToBigInt(ip);
  if (!x || x.v !== c.v) return false;
  const shift = BigInt((c.v === 4 ? 32 : 128) - c.prefix);
  return (x.n >> shift) << shift === c.bits;
}

export function anyContains(list: readonly Cidr[], ip: string): boolean {
  for (const c of list) if (cidrContains(c, ip)) return true;
  return false;
}
