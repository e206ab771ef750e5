// Peppered HMAC-SHA256 of a key secret, and constant-time comparison.
import { timingSafeEqual } from 'node:crypto';
import { HmacSha256 } from '../crypto/hmac-sha256.js';

/** The pepper is fixed for a process: its HMAC key block is prepared once. */
let mac: { pepper: string; h: HmacSha256 } | undefined;

/** Hex HMAC-SHA256(pepper, secret), as createHmac('sha256', pepper).update(secret).digest('hex'). */
export function hashSecret(pepper: string, secret: string): string {
  if (mac?.pepper !== pepper) mac = { pepper, h: new HmacSha256(pepper) };
  return mac.h.hex([secret]);
}

// Scratch for decoding two SHA-256 hex hashes; larger than a digest so a longer hash is told apart.
const scratchA = Buffer.alloc(64);
const scratchB = Buffer.alloc(64);
const digestA = scratchA.subarray(0, 32);
const digestB = scratchB.subarray(0, 32);

export function sameHash(a: string, b: string): boolean {
  // Two SHA-256 hashes (the case on every request): decoded into scratch, not two new Buffers.
  if (scratchA.write(a, 'hex') === 32 && scratchB.write(b, 'hex') === 32) return timingSafeEqual(digestA, digestB);
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
