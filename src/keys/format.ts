// Warden key format: wdn_<t>_<kid:12><secret:32><crc:6>, CRC32 over everything before the crc.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const KID_LEN = 12;
export const SECRET_LEN = 32;
export const CRC_LEN = 6;
const PREFIX_RE = /^wdn_([lta])_([0-9A-Za-z]{50})$/;

export type KeyTypeChar = 'l' | 't' | 'a';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(s: string): number {
  let c = 0xffffffff;
  for (let i = 0; i < s.length; i++) c = CRC_TABLE[(c ^ s.charCodeAt(i)) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function base62Fixed(n: number, len: number): string {
  let out = '';
  for (let i = 0; i < len; i++) {
    out = ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

/** Uniform random base62 (rejection sampling, no modulo bias). */
export function randomBase62(len: number): string {
  let out = '';
  while (out.length < len) {
    for (const b of randomBytes(len * 2)) {
      if (b < 248 && out.length < len) out += ALPHABET[b % 62];
    }
  }
  return out;
}

export function checksum(body: string): string {
  return base62Fixed(crc32(body), CRC_LEN);
}

export function formatKey(type: KeyTypeChar, kid: string, secret: string): string {
  const body = `wdn_${type}_${kid}${secret}`;
  return body + checksum(body);
}

export function newKid(): string {
  return randomBase62(KID_LEN);
}

export function newSecret(): string {
  return randomBase62(SECRET_LEN);
}

export type ParsedKey = { ok: true; type: KeyTypeChar; kid: string; secret: string } | { ok: false; reason: 'malformed' | 'bad_checksum' };

/** Offline check: shape and checksum. No store is touched for a key that fails here. */
export function parseKey(presented: string): ParsedKey {
  const m = PREFIX_RE.exec(presented);
  if (!m) return { ok: false, reason: 'malformed' };
  const rest = m[2]!;
  const body = presented.slice(0, presented.length - CRC_LEN);
  if (checksum(body) !== rest.slice(KID_LEN + SECRET_LEN)) return { ok: false, reason: 'bad_checksum' };
  return { ok: true, type: m[1] as KeyTypeChar, kid: rest.slice(0, KID_LEN), secret: rest.slice(KID_LEN, KID_LEN + SECRET_LEN) };
}

/** Finds Warden keys with a valid checksum in arbitrary text (leak scanning, log redaction). */
export function findKeys(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/wdn_[lta]_[0-9A-Za-z]{50}/g)) {
    if (parseKey(m[0]).ok) found.push(m[0]);
  }
  return found;
}
