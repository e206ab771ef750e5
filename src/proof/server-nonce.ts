// Stateless server nonces for DPoP (RFC 9449 §8): an HMAC of the time period, so every replica sharing the pepper agrees.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ServerNonces {
  /** The nonce clients should use now. */
  current(now: number): string;
  /** Issued for this period or the one before (so a nonce handed out just before a boundary still works). */
  valid(nonce: unknown, now: number): boolean;
}

export function serverNonces(pepper: string, lifetimeMs: number): ServerNonces {
  // Derived, not the pepper itself: a nonce reveals nothing about key hashing.
  const secret = createHmac('sha256', pepper).update('warden dpop server nonce v1').digest();
  const period = (now: number): number => Math.floor(now / lifetimeMs);
  const make = (p: number): string => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(p >>> 0);
    return Buffer.concat([b, createHmac('sha256', secret).update(b).digest().subarray(0, 16)]).toString('base64url');
  };
  return {
    current: (now) => make(period(now)),
    valid(nonce, now) {
      if (typeof nonce !== 'string' || nonce.length !== 27) return false;
      const p = period(now);
      const got = Buffer.from(nonce);
      return [p, p - 1].some((q) => timingSafeEqual(got, Buffer.from(make(q))));
    },
  };
}
