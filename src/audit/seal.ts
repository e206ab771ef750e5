// Row seals: HMAC(sealKey, index || leaf hash). The key lives outside the store, so someone who
// can write the database cannot re-seal an edited, inserted or moved row: verify names it.
import { timingSafeEqual } from 'node:crypto';
import { HmacSha256 } from '../crypto/hmac-sha256.js';

const TAG = Buffer.from('warden-audit-seal/v1\0');

/** One prepared HMAC per seal key (there is one key per process). */
const macs = new WeakMap<Buffer, HmacSha256>();

export function sealOf(key: Buffer, index: number, leaf: Uint8Array): Buffer {
  let mac = macs.get(key);
  if (mac === undefined) macs.set(key, (mac = new HmacSha256(key)));
  const idx = Buffer.allocUnsafe(8);
  idx.writeBigUInt64BE(BigInt(index));
  return mac.digest([TAG, idx, leaf]);
}

export function sealMatches(key: Buffer, index: number, leaf: Uint8Array, seal: Uint8Array | null | undefined): boolean {
  if (seal?.length !== 32) return false;
  return timingSafeEqual(sealOf(key, index, leaf), seal);
}
