// Request ids: `req_` + a random version-4 UUID's 32 hex digits, from a pooled CSPRNG buffer.
import { randomFillSync } from 'node:crypto';

const ID_BYTES = 16;
const pool = Buffer.alloc(ID_BYTES * 256);
let offset = pool.length;

/**
 * Same shape and randomness as `req_${randomUUID()}` without its dashes (version and variant bits set), but
 * no UUID string to build and then strip: the hex comes straight from the random bytes.
 */
export function newRequestId(): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const o = offset;
  offset += ID_BYTES;
  pool[o + 6] = (pool[o + 6]! & 0x0f) | 0x40; // version 4
  pool[o + 8] = (pool[o + 8]! & 0x3f) | 0x80; // RFC 4122 variant
  return `req_${pool.toString('hex', o, o + ID_BYTES)}`;
}
