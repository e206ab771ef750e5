// Pure decision: does a presented secret open this key record right now?
import { hashSecret, sameHash } from './hash.js';
import type { EffectiveKeyStatus, KeyRecord } from './types.js';

export type VerifyResult = { ok: true; usedPreviousSecret: boolean } | { ok: false; code: 'INVALID_API_KEY' | 'KEY_REVOKED' | 'KEY_EXPIRED' | 'KEY_SUSPENDED' };

export function effectiveStatus(k: KeyRecord, now: number): EffectiveKeyStatus {
  if (k.status !== 'active') return k.status;
  if (k.expiresAt !== null && Date.parse(k.expiresAt) <= now) return 'expired';
  return 'active';
}

export function verifySecret(k: KeyRecord, secret: string, pepper: string, now: number): VerifyResult {
  const h = hashSecret(pepper, secret);
  let usedPreviousSecret = false;
  if (!sameHash(h, k.secretHash)) {
    const graceOpen = k.prevSecretHash !== null && k.prevSecretValidUntil !== null && Date.parse(k.prevSecretValidUntil) > now;
    if (!graceOpen || !sameHash(h, k.prevSecretHash!)) return { ok: false, code: 'INVALID_API_KEY' };
    usedPreviousSecret = true;
  }
  // Status is revealed only to a holder of the full key.
  switch (effectiveStatus(k, now)) {
    case 'revoked':
      return { ok: false, code: 'KEY_REVOKED' };
    case 'expired':
      return { ok: false, code: 'KEY_EXPIRED' };
    case 'suspended':
      return { ok: false, code: 'KEY_SUSPENDED' };
    case 'active':
      return { ok: true, usedPreviousSecret };
  }
}
