// Fast IP parsing into fixed-width words for range tables (no BigInt on the request path).

/** IPv4 as an unsigned 32-bit number, or undefined. Accepts IPv4-mapped IPv6 (::ffff:a.b.c.d). */
export function parseV4(s: string): number | undefined {
  if (s.length > 7 && s.charCodeAt(0) === 58 /* : */) {
    const m = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(s);
    if (!m) return undefined;
    s = m[1]!;
  }
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || part > 255) return undefined;
      n = n * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      part = part * 10 + (c - 48);
      digits++;
    } else return undefined;
  }
  if (dots !== 3 || digits === 0 || part > 255) return undefined;
  return n * 256 + part;
}

/** IPv6 as four 32-bit words (big-endian order), written into `out`; false if not IPv6. */
export function parseV6(s: string, out: Uint32Array): boolean {
  if (s.length > 45 || s.indexOf(':') < 0) return false;
  const groups = new Array<number>(8).fill(0);
  const dbl = s.indexOf('::');
  if (dbl >= 0 && s.indexOf('::', dbl + 1) >= 0) return false;
  const head = dbl >= 0 ? s.slice(0, dbl) : s;
  const tail = dbl >= 0 ? s.slice(dbl + 2) : '';
  const h = head === '' ? [] : head.split(':');
  const t = tail === '' ? [] : tail.split(':');
  const parts: number[] = [];
  const push = (list: string[], into: number[]): boolean => {
    for (let i = 0; i < list.length; i++) {
      const g = list[i]!;
      if (g.includes('.') && i === list.length - 1) {
        const v4 = parseV4(g);
        if (v4 === undefined) return false;
        into.push(v4 >>> 16, v4 & 0xffff);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return false;
        into.push(parseInt(g, 16));
      }
    }
    return true;
  };
  const tp: number[] = [];
  if (!push(h, parts) || !push(t, tp)) return false;
  if (dbl < 0 && parts.length !== 8) return false;
  if (dbl >= 0 && parts.length + tp.length > 7) return false;
  for (let i = 0; i < parts.length; i++) groups[i] = parts[i]!;
  for (let i = 0; i < tp.length; i++) groups[8 - tp.length + i] = tp[i]!;
  for (let w = 0; w < 4; w++) out[w] = ((groups[2 * w]! << 16) | groups[2 * w + 1]!) >>> 0;
  return true;
}

export type ParsedIp = { v: 4; n: number } | { v: 6; w: Uint32Array };

export function parseIp(s: string): ParsedIp | undefined {
  const v4 = parseV4(s);
  if (v4 !== undefined) return { v: 4, n: v4 };
  const w = new Uint32Array(4);
  return parseV6(s, w) ? { v: 6, w } : undefined;
}

/**
 * The identity a source is tracked by: the IPv4 address, or the IPv6 /64 (anyone holding
 * an IPv6 prefix can rotate through its 2^64 addresses for free).
 */
export function sourceIdOf(ip: string): string {
  const p = parseIp(ip);
  if (!p) return 'invalid';
  if (p.v === 4) return ip.startsWith('::') ? ip.slice(ip.lastIndexOf(':') + 1) : ip;
  return `${p.w[0]!.toString(16)}:${p.w[1]!.toString(16)}::/64`;
}

/** The address block a network assigns together: IPv4 /24, IPv6 /48. */
export function blockOf(ip: string): string {
  const p = parseIp(ip);
  if (!p) return 'invalid';
  if (p.v === 4) return `${p.n >>> 24}.${(p.n >>> 16) & 0xff}.${(p.n >>> 8) & 0xff}/24`;
  return `${p.w[0]!.toString(16)}:${(p.w[1]! >>> 16).toString(16)}::/48`;
}

/** Private, loopback, link-local, CGNAT and unique-local ranges: no country/ASN exists. */
export function isPrivate(p: ParsedIp): boolean {
  if (p.v === 4) {
    const a = p.n >>> 24;
    const b = (p.n >>> 16) & 0xff;
    return a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b < 128);
  }
  const w0 = p.w[0]!;
  const top = w0 >>> 16;
  const allZero = w0 === 0 && p.w[1] === 0 && p.w[2] === 0;
  return (allZero && (p.w[3] === 1 || p.w[3] === 0)) || (top & 0xfe00) === 0xfc00 || (top & 0xffc0) === 0xfe80;
}
