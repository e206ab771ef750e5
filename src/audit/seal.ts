// Row seals: HMAC(sealKey, index || leaf hash). The key lives outside the store, so someone who
// can write the database cannot re-seal an edited, inserted or moved row: verify names it.
import { createHmac, timingSafeEqual } from 'node:crypto';

const TAG = Buffer.from('warden-audit-seal/v1\0');

export function sealOf(key: Buffer, index: number, leaf: Uint8Array): Buffer {
  const idx = Buffer.alloc(8);
  idx.writeBigUInt64BE(BigInt(index));
  return createHmac('sha256', key).update(TAG).update(idx).update(leaf).digest();
}

export function sealMatches(key: Buffer, index: number, leaf: Uint8Array, seal: Uint8Array | null | undefined): boolean {
  if (!seal || seal.length !== 32) return false;
  return timingSafeEqual(sealOf(key, index, leaf), seal);
}
